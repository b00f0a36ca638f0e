"""玩法库 The activity library: the ten group plays and the owner's own, edited in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.services.activities import Activity, ActivityService


def params_text(params: dict[str, Any]) -> str:
    """One ``name = value`` per line; lists as 50, 100, 150."""
    lines = []
    for key, value in params.items():
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        lines.append(f"{key} = {shown}")
    return "\n".join(lines)


def parse_params(text: str) -> dict[str, Any]:
    """The inverse of ``params_text``; numbers become numbers. ValueError on a line without '='."""
    out: dict[str, Any] = {}

    def number(v: str) -> Any:
        v = v.strip()
        try:
            return int(v)
        except ValueError:
            try:
                return float(v)
            except ValueError:
                return v

    for line in text.splitlines():
        if not line.strip():
            continue
        if "=" not in line:
            raise ValueError(line)
        key, value = (part.strip() for part in line.split("=", 1))
        out[key] = [number(v) for v in value.split(",")] if "," in value else number(value)
    return out


class ActivityLibraryDialog(QDialog):
    def __init__(self, service: ActivityService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._plays: list[Activity] = []
        self.setWindowTitle(self.tr("Group plays"))
        self.resize(760, 460)
        self.list = QListWidget(self)
        self.name = QLineEdit(self)
        self.name.setMaxLength(64)  # the column's width
        self.rhythm = QLineEdit(self)
        self.rhythm.setMaxLength(64)
        self.rules = QPlainTextEdit(self)
        self.params = QPlainTextEdit(self)
        self.params.setMaximumHeight(90)
        self.params.setPlaceholderText("weekday = 3")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New play"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.restore_button = QPushButton(self.tr("Restore the original"), self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Rhythm"), self.rhythm)
        form.addRow(self.tr("Rules"), self.rules)
        form.addRow(self.tr("Parameters"), self.params)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button, self.restore_button):
            buttons.addWidget(b)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(self.new_play)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.restore_button.clicked.connect(self.restore)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self._plays = self._service.activities()
        self.list.clear()
        for play in self._plays:
            entry = QListWidgetItem(play.name if play.builtin else self.tr("%1 (own)").replace("%1", play.name), self.list)
            entry.setData(Qt.ItemDataRole.UserRole, play.id)
        rows = [i for i, p in enumerate(self._plays) if p.id == select]
        self.list.setCurrentRow(rows[0] if rows else 0)

    def current(self) -> Activity | None:
        row = self.list.currentRow()
        return self._plays[row] if 0 <= row < len(self._plays) else None

    def _show(self, _row: int) -> None:
        play = self.current()
        if play is None:
            return
        self.name.setText(play.name)
        self.rhythm.setText(play.rhythm or "")
        self.rules.setPlainText(play.rules_text or "")
        self.params.setPlainText(params_text(play.params))
        self.delete_button.setEnabled(not play.builtin)
        self.restore_button.setEnabled(play.builtin)

    def new_play(self) -> None:
        sid = self._service.save(Activity(None, self.tr("New play"), "", "", {}))
        self.reload(sid)
        self.name.setFocus()
        self.name.selectAll()

    def save(self) -> bool:
        play = self.current()
        if play is None:
            return False
        try:
            params = parse_params(self.params.toPlainText())
        except ValueError as exc:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Each parameter line is name = value; this one is not: %1").replace("%1", str(exc)))  # fmt: skip
            return False
        try:
            sid = self._service.save(Activity(play.id, self.name.text(), self.rules.toPlainText() or None,
                                              self.rhythm.text() or None, params, play.key))  # fmt: skip
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return False
        self.status.setText(self.tr("Saved."))
        self.reload(sid)
        return True

    def delete(self) -> None:
        play = self.current()
        if play is None or play.builtin:
            return
        try:
            self._service.delete(int(play.id))  # type: ignore[arg-type]
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.reload()

    def restore(self) -> None:
        play = self.current()
        if play is not None and play.builtin:
            self._service.restore(int(play.id))  # type: ignore[arg-type]
            self.reload(play.id)
