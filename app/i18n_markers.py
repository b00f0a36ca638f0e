"""Translation markers that need no Qt, for messages made in ``app.services``.

``QT_TRANSLATE_NOOP("Errors", "...")`` returns its text unchanged; ``pyside6-lupdate`` finds the call and puts
the text in the .ts files, and the view or command that shows the message translates it with
``QCoreApplication.translate(context, text)``. Services stay free of Qt and still speak Chinese to the user.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


class UserError(Exception):
    """An error meant for the shop owner: a translatable message template and its parameters.

    ``str(err)`` gives the English text; ``app.i18n.describe(err)`` gives it in the user's language.
    """

    context = "Errors"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))
