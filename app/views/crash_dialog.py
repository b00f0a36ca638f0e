"""The friendly face of an unexpected error: what happened, that no data was lost, and the details to copy."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """Shown once at a time by ``app.crash``; later errors while it is open are appended to its details.

    ``quit_requested`` asks the application to close normally (the database is closed as usual).
    """

    quit_requested = Signal()

    def __init__(self, details: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setMinimumWidth(520)
        self._log_path = log_path
        self._errors = 1

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(self)
        self.heading.setObjectName("crashHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText(details)
        self.details.setVisible(False)
        self.details.setMinimumHeight(200)

        self.buttons = QDialogButtonBox(self)
        self.details_button = QPushButton(self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        self.quit_button = QPushButton(self)
        self.quit_button.clicked.connect(self._quit)
        self.continue_button = QPushButton(self)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)

        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.message)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    @property
    def error_count(self) -> int:
        return self._errors

    def add_details(self, details: str) -> None:
        """Another error while this dialog is open: kept in the details, no second dialog."""
        self._errors += 1
        self.details.appendPlainText("\n" + "-" * 60 + "\n" + details)
        self.retranslate_ui()

    def details_text(self) -> str:
        return self.details.toPlainText()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(self.tr("Copied"))

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    def _quit(self) -> None:
        self.accept()
        self.quit_requested.emit()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Siyu ran into a problem"))
        self.heading.setText(self.tr("Sorry, something went wrong"))
        message = self.tr(
            "An unexpected error stopped what Siyu was doing just now, so that step was not finished.\n\n"
            "No data was lost: everything saved before is still in the database, and an unfinished change "
            "is never half-written. You can go on working, or quit and start Siyu again.\n\n"
            "If it happens again, press \u201cCopy details\u201d and send them to whoever looks after your "
            "computer. The details are also in the log: %1"
        ).replace("%1", self._log_path)
        if self._errors > 1:
            message += "\n\n" + self.tr("%1 errors happened while this message was open.").replace(
                "%1", str(self._errors)
            )
        self.message.setText(message)
        self.details_button.setText(
            self.tr("Hide details") if self.details_button.isChecked() else self.tr("Show details")
        )
        self.copy_button.setText(self.tr("Copy details"))
        self.quit_button.setText(self.tr("Quit Siyu"))
        self.continue_button.setText(self.tr("Continue"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
