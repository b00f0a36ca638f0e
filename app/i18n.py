"""Loading translations: Siyu's own (resources/translations) and Qt's (standard buttons and dialogs).

Simplified Chinese is the default; English is the source language, so it needs no file.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths
from app.i18n_markers import UserError

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def resolve_language(choice: str | None = None) -> str:
    """``--lang`` or ``SIYU_LANG``, else the saved choice, else Chinese."""
    for value in (choice, os.environ.get("SIYU_LANG")):
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def install(language: str) -> None:
    """Replace the application's translators with those of ``language`` (a LanguageChange event follows)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the application first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    own = paths.resource("translations")
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"siyu_{language}", str(own))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


def current_language() -> str:
    """The language installed last: zh_CN unless English was chosen."""
    return "zh_CN" if _installed else "en"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def describe(error: UserError) -> str:
    """A user error in the user's language."""
    return QCoreApplication.translate(error.context, error.template).format(**error.params)


def describe_parts(template: str, params: dict[str, object], context: str = "Errors") -> str:
    return QCoreApplication.translate(context, template).format(**params)
