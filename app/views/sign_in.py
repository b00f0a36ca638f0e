"""Signing in to a shared shop database as a member of staff."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class SignInDialog(QDialog):
    """Asks for a login and password; ``credentials()`` after it was accepted."""

    def __init__(self, where: str, message: str = "", login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the shop"))
        self.setMinimumWidth(440)  # the server's address on as few lines as it takes, not one word a line
        self.info = QLabel(self.tr("The shop at %1 asks who you are.").replace("%1", where), self)
        self.info.setWordWrap(True)
        self.problem = QLabel(message, self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setVisible(bool(message))
        self.login = QLineEdit(login, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.info)
        form.addRow(self.problem)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(buttons)
        (self.password if login else self.login).setFocus()

    def credentials(self) -> tuple[str, str]:
        return self.login.text().strip(), self.password.text()
