"""First start: offer to fill the new shop with the demo bakery, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.i18n import describe
from app.i18n_markers import UserError
from app.views.tasks import Cancelled, run_in_background


def offer_demo(parent: QWidget, create: Callable[..., Any], on_created: Callable[[], None]) -> None:
    """Ask once; on yes, run ``create(progress=...)`` off the GUI thread and call ``on_created``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DemoOffer", "Welcome to Siyu"))
    box.setText(
        QCoreApplication.translate("DemoOffer", "This shop is empty. Create a demo shop to look around?")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "DemoOffer",
            "The demo bakery has 5,000 customers with two years of orders, groups, coupons and a week of "
            "content. You can start from an empty shop instead and import your own customers later.",
        )
    )
    demo = box.addButton(
        QCoreApplication.translate("DemoOffer", "Create the demo shop"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("DemoOffer", "Start empty"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    if box.clickedButton() is not demo:
        return

    dialog = QProgressDialog(
        QCoreApplication.translate("DemoOffer", "Creating the demo shop…"),
        QCoreApplication.translate("DemoOffer", "Cancel"),
        0,
        100,
        parent,
    )
    dialog.setWindowTitle(QCoreApplication.translate("DemoOffer", "Demo shop"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)

    def progress(stage: str, fraction: float) -> None:
        dialog.setLabelText(
            QCoreApplication.translate("DemoOffer", "Creating the demo shop: %1").replace(
                "%1", QCoreApplication.translate("Demo", stage)
            )
        )
        dialog.setValue(int(fraction * 100))

    def done(_summary: Any) -> None:
        dialog.reset()
        on_created()

    def failed(exc: BaseException) -> None:
        dialog.reset()
        if isinstance(exc, Cancelled):
            return
        text = describe(exc) if isinstance(exc, UserError) else str(exc)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("DemoOffer", "Demo shop"),
            QCoreApplication.translate("DemoOffer", "The demo shop was not created: %1").replace("%1", text),
        )

    task = run_in_background(create, on_done=done, on_failed=failed, on_progress=progress)
    dialog.canceled.connect(task.cancel)
