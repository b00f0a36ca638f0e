"""周计划 Weekly SOP planner: Monday–Sunday columns × channel rows of content cards coloured by category; drag
a card to another day to move it (Ctrl+drag copies it), double-click to edit, right-click to mark it done or
skipped; the week's events above; the playbook's checks beside, re-run after every change, each opening the
cards it concerns.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QMimeData, QSize, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.services.events import Event
from app.services.groups import week_label, week_of
from app.services.planner import CATEGORIES, CHANNELS, Finding, PlanItem, PlannerService
from app.views.stale import ReloadsWhenShown

log = logging.getLogger(__name__)
MIME = "application/x-siyu-content-item"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CATEGORY_COLOURS = {"marketing": "#fee2e2", "interaction": "#dbeafe", "care": "#dcfce7", "daily": "#f3f4f6",
                    "activity": "#fef3c7", "product": "#ede9fe"}  # fmt: skip


def channel_text(code: str) -> str:
    return {"group": QApplication.translate("Planner", "Groups"), "moments": QApplication.translate("Planner", "Moments"),
            "one_on_one": QApplication.translate("Planner", "1-on-1"),
            "official": QApplication.translate("Planner", "Official account"),
            "live": QApplication.translate("Planner", "Live")}.get(code, code)  # fmt: skip


def category_text(code: str | None) -> str:
    return {"marketing": QApplication.translate("Planner", "Marketing"),
            "interaction": QApplication.translate("Planner", "Interaction"),
            "care": QApplication.translate("Planner", "Care & benefits"),
            "daily": QApplication.translate("Planner", "Daily"),
            "activity": QApplication.translate("Planner", "Activity"),
            "product": QApplication.translate("Planner", "Product")}.get(code or "", "")  # fmt: skip


def rule_text(rule: str) -> str:
    return {"group_ratio": QApplication.translate("Planner", "Group content off 3:3:3:1"),
            "group_interaction": QApplication.translate("Planner", "Too little interaction in a group"),
            "moments_per_day": QApplication.translate("Planner", "More than 3 moments in a day"),
            "moments_ratio": QApplication.translate("Planner", "Moments off 1:1:1"),
            "one_on_one_per_customer": QApplication.translate("Planner", "A customer pushed more than twice"),
            "missed": QApplication.translate("Planner", "Missed")}.get(rule, rule)  # fmt: skip


class DayCell(QListWidget):
    """The cards of one channel on one day; cards dragged in are moved here (Ctrl: copied)."""

    dropped = Signal(int, object, str, bool)  # item id, day, channel, copy

    def __init__(self, day: dt.date, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day, self.channel = day, channel
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setMinimumHeight(64)
        self.setSpacing(2)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: Any) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(ID_ROLE)).encode())
        return data

    def startDrag(self, actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(MIME):
            copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: Any) -> None:
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        item_id = int(bytes(event.mimeData().data(MIME)).decode())
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
        event.accept()
        self.dropped.emit(item_id, self.day, self.channel, copy)


class ItemDialog(QDialog):
    """A content card: time, channel, category, title, text, groups, status and results."""

    def __init__(self, item: PlanItem, groups: list[tuple[int, str]], parent: QWidget | None = None,
                 choices: dict[str, Any] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._item = item
        choices = choices or {}
        self._phone_ids = choices.get("phones", lambda phones: {})  # [phone] -> {phone: customer id}
        self.setWindowTitle(self.tr("Content"))
        self.setMinimumWidth(480)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        at = item.scheduled_at
        self.when.setDateTime(QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)))
        self.channel = QComboBox(self)
        for code in CHANNELS:
            self.channel.addItem(channel_text(code), code)
        self.channel.setCurrentIndex(max(0, self.channel.findData(item.channel)))
        self.category = QComboBox(self)
        self.title = QLineEdit(item.title, self)
        self.title.setMaxLength(128)
        self.body = QPlainTextEdit(item.body or "", self)
        self.body.setMaximumHeight(100)
        self.groups = QListWidget(self)
        self.groups.setMaximumHeight(110)
        chosen = set(item.groups())
        for gid, name in groups:
            entry = QListWidgetItem(name, self.groups)
            entry.setData(ID_ROLE, gid)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if gid in chosen else Qt.CheckState.Unchecked)
        self.status = QComboBox(self)
        for code, text in (("planned", self.tr("Planned")), ("done", self.tr("Done")), ("skipped", self.tr("Skipped"))):
            self.status.addItem(text, code)
        self.status.setCurrentIndex(max(0, self.status.findData(item.status)))
        self.reach = QLineEdit("" if item.reach is None else str(item.reach), self)
        self.replies = QLineEdit("" if item.replies is None else str(item.replies), self)
        self.orders = QLineEdit("" if item.orders is None else str(item.orders), self)
        self.gmv = QLineEdit("" if item.gmv_cents is None else f"{item.gmv_cents / 100:.2f}", self)
        from app.views.segment_editor import MultiPick

        # one-on-one: saved segments, tags and listed customers (phone numbers)
        self.segments = MultiPick(self)
        self.segments.set_choices(choices.get("segments", []), list(item.targets.get("segments") or []))
        self.tags = MultiPick(self)
        self.tags.set_choices(choices.get("tags", []), list(item.targets.get("tags") or []))
        phone_of = choices.get("phone_of", lambda ids: {})
        listed = list(item.targets.get("customers") or [])
        self.phones = QLineEdit("、".join(p for p in phone_of(listed).values() if p), self)
        self.phones.setPlaceholderText("13800138000、13900139000")
        self.campaign = QComboBox(self)
        self.activity = QComboBox(self)
        for combo, items, value in ((self.campaign, choices.get("campaigns", []), item.campaign_id),
                                    (self.activity, choices.get("activities", []), item.activity_id)):  # fmt: skip
            combo.addItem("—", None)
            for key, label in items:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.images = QListWidget(self)
        self.images.setMaximumHeight(60)
        self.images.addItems(item.images)
        self.add_image = QPushButton(self.tr("Add pictures…"), self)
        self.add_image.clicked.connect(self._add_images)
        pictures = QHBoxLayout()
        pictures.addWidget(self.images, 1)
        pictures.addWidget(self.add_image)
        form = QFormLayout()
        self._rows: dict[str, Any] = {}
        for key, label, widget in (("when", self.tr("Time"), self.when), ("channel", self.tr("Channel"), self.channel),
                                   ("category", self.tr("Category"), self.category), ("title", self.tr("Title"), self.title),
                                   ("body", self.tr("Text"), self.body), ("images", self.tr("Pictures"), pictures),
                                   ("groups", self.tr("Groups"), self.groups), ("segments", self.tr("Segments"), self.segments),
                                   ("tags", self.tr("Tags"), self.tags), ("phones", self.tr("Customers (phones)"), self.phones),
                                   ("campaign", self.tr("Coupon campaign"), self.campaign),
                                   ("activity", self.tr("Group play"), self.activity), ("status", self.tr("Status"), self.status),
                                   ("reach", self.tr("Reach"), self.reach), ("replies", self.tr("Replies"), self.replies),
                                   ("orders", self.tr("Orders"), self.orders), ("gmv", self.tr("GMV (yuan)"), self.gmv)):  # fmt: skip
            form.addRow(label, widget)
            self._rows[key] = widget
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._form = form
        self.channel.currentIndexChanged.connect(self._fill_categories)
        self._fill_categories()
        self.category.setCurrentIndex(max(0, self.category.findData(item.category)))

    def _fill_categories(self) -> None:
        self.category.clear()
        self.category.addItem("—", None)
        for code in CATEGORIES.get(self.channel.currentData(), ()):
            self.category.addItem(category_text(code), code)
        channel = self.channel.currentData()
        self.groups.setEnabled(channel == "group")
        for key in ("segments", "tags", "phones"):
            self._form.setRowVisible(self._rows[key], channel == "one_on_one")
        self._form.setRowVisible(self._rows["groups"], channel == "group")

    def _add_images(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add pictures"), "", self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp)"))
        if not paths:
            return
        from app.services.planner import store_images

        try:
            self.images.addItems(store_images(paths))
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))

    def item(self) -> PlanItem:
        import re

        targets: dict[str, Any] = {}
        channel = self.channel.currentData()
        if channel == "group":
            targets["groups"] = [self.groups.item(i).data(ID_ROLE) for i in range(self.groups.count())
                                 if self.groups.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        elif channel == "one_on_one":
            if self.segments.values():
                targets["segments"] = [int(v) for v in self.segments.values()]
            if self.tags.values():
                targets["tags"] = [int(v) for v in self.tags.values()]
            phones = [p for p in re.split(r"[、,，;；\s]+", self.phones.text()) if p.strip()]
            if phones:
                found = self._phone_ids(phones)
                missing = [p for p in phones if p not in found]
                if missing:
                    raise ValueError(self.tr("No customer has these phone numbers: %1").replace("%1", "、".join(missing)))
                targets["customers"] = sorted(set(found.values()))

        def money(edit: QLineEdit) -> int | None:
            text = edit.text().strip().replace(",", "").replace("¥", "")
            try:
                return round(float(text) * 100) if text else None
            except ValueError:
                return None

        def number(edit: QLineEdit) -> int | None:
            text = edit.text().strip().replace(",", "")
            return int(text) if text.isdigit() else None

        return PlanItem(self._item.id, self.when.dateTime().toPython().replace(second=0, microsecond=0),
                        channel, self.category.currentData(), self.title.text(),
                        self.body.toPlainText() or None, targets, self.campaign.currentData(), self.activity.currentData(),
                        self.status.currentData(), number(self.reach), number(self.replies), number(self.orders),
                        money(self.gmv), [self.images.item(i).text() for i in range(self.images.count())])  # fmt: skip


class PlannerView(ReloadsWhenShown, QWidget):
    data_changed = Signal()

    def __init__(self, service: PlannerService, groups: Any, events: Any, parent: QWidget | None = None,
                 choices: Any = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._service = service
        self._choices = choices or (lambda: {})  # () -> segments, tags, campaigns, activities, phone lookups
        self._groups = groups  # () -> [(id, name)]
        self._events = events  # (monday) -> [Event]
        self._items: list[PlanItem] = []
        self._monday = week_of(dt.date.today())[0]
        self._stale = True
        self.prev_button = QPushButton("◀", self)
        self.next_button = QPushButton("▶", self)
        self.today_button = QPushButton(self)
        self.week_title = QLabel(self)
        font = self.week_title.font()
        font.setBold(True)
        self.week_title.setFont(font)
        self.new_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.template_button = QPushButton(self)
        self.save_template_button = QPushButton(self)
        self.plays_button = QPushButton(self)
        self.rules_button = QPushButton(self)
        self.events_button = QPushButton(self)
        top = QHBoxLayout()
        for w in (self.prev_button, self.week_title, self.next_button, self.today_button, self.new_button, self.copy_button,
                  self.template_button, self.save_template_button, self.plays_button, self.rules_button,
                  self.events_button):  # fmt: skip
            top.addWidget(w)
        top.addStretch(1)
        grid_widget = QWidget(self)
        self.grid = QGridLayout(grid_widget)
        self.grid.setSpacing(3)
        self.day_labels: list[QLabel] = []
        self.event_labels: list[QLabel] = []
        self.channel_labels: list[QLabel] = []
        self.cells: dict[tuple[int, str], DayCell] = {}
        for col in range(7):
            label = QLabel(grid_widget)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            events = QLabel(grid_widget)
            events.setWordWrap(True)
            events.setObjectName("dayEvents")
            events.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            events.setMinimumHeight(34)
            self.grid.addWidget(label, 0, col + 1)
            self.grid.addWidget(events, 1, col + 1)
            self.day_labels.append(label)
            self.event_labels.append(events)
        for row, channel in enumerate(CHANNELS, start=2):
            label = QLabel(grid_widget)
            self.grid.addWidget(label, row, 0)
            self.channel_labels.append(label)
            for col in range(7):
                cell = DayCell(self._monday + dt.timedelta(days=col), channel, grid_widget)
                cell.dropped.connect(self._dropped)
                cell.itemDoubleClicked.connect(self._edit_item)
                cell.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                cell.customContextMenuRequested.connect(lambda pos, c=cell: self._menu(c, pos))
                self.grid.addWidget(cell, row, col + 1)
                self.cells[(col, channel)] = cell
        for row in range(2, 2 + len(CHANNELS)):
            self.grid.setRowStretch(row, 2 if CHANNELS[row - 2] in ("group", "moments") else 1)
        self.checks = QListWidget(self)
        self.checks.setObjectName("planChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextElideMode(Qt.TextElideMode.ElideNone)  # every line of a finding shows, wrapped
        self.checks.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.checks.setSpacing(3)
        self.checks_title = QLabel(self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.checks_title)
        side_layout.addWidget(self.checks, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(grid_widget)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.prev_button.clicked.connect(lambda: self.show_week(self._monday - dt.timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.show_week(self._monday + dt.timedelta(days=7)))
        self.today_button.clicked.connect(lambda: self.show_week(week_of(dt.date.today())[0]))
        self.new_button.clicked.connect(self.new_item)
        self.copy_button.clicked.connect(self.copy_last_week)
        self.template_button.clicked.connect(self.apply_template)
        self.save_template_button.clicked.connect(self.save_template)
        self.plays_button.clicked.connect(self.open_plays)
        self.rules_button.clicked.connect(self.edit_rules)
        self.events_button.clicked.connect(self.edit_events)
        self.checks.itemClicked.connect(self._finding_clicked)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_item)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=self.prev_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=self.next_button.click)
        self.retranslate_ui()

    # -- loading -----------------------------------------------------------------------------------------
    def invalidate(self) -> None:
        self._service.forget()
        super().invalidate()

    def show_week(self, monday: dt.date) -> None:
        self._monday = monday
        self.reload()

    def reload(self) -> None:
        self._stale = False
        try:
            self._items = self._service.items(self._monday)
            events = self._events(self._monday)
        except UserError as exc:
            self.week_title.setText(describe(exc))
            return
        self._fill(events)
        self.run_checks()

    def _fill(self, events: list[Event]) -> None:
        sunday = self._monday + dt.timedelta(days=6)
        self.week_title.setText(f"{week_label(self._monday)}（{self._monday:%m-%d} – {sunday:%m-%d}）")
        weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        today = dt.date.today()
        for col in range(7):
            day = self._monday + dt.timedelta(days=col)
            label = self.day_labels[col]
            label.setText(f"{weekdays[col]} {day:%m-%d}")
            label.setStyleSheet("font-weight: bold; color: #2563eb;" if day == today else "font-weight: bold;")
            texts = [e.text if e.kind != "birthday" else self.tr("Birthdays %1").replace("%1", e.text)
                     for e in events if e.day == day]  # fmt: skip
            self.event_labels[col].setText("\n".join(texts))
            self.event_labels[col].setStyleSheet("color: #b45309; font-size: 11px;")
            for channel in CHANNELS:
                cell = self.cells[(col, channel)]
                cell.day = day
                cell.clear()
        for item in sorted(self._items, key=lambda i: i.scheduled_at):
            col = (item.scheduled_at.date() - self._monday).days
            cell = self.cells.get((col, item.channel))
            if cell is None:
                continue
            mark = {"done": "✓ ", "skipped": "✗ "}.get(item.status, "")
            entry = QListWidgetItem(f"{mark}{item.scheduled_at:%H:%M} {item.title}", cell)
            entry.setData(ID_ROLE, item.id)
            entry.setToolTip("\n".join(t for t in (category_text(item.category), item.body or "") if t))
            entry.setBackground(QBrush(QColor(CATEGORY_COLOURS.get(item.category or "", "#ffffff"))))
            if item.status == "skipped":
                font = entry.font()
                font.setStrikeOut(True)
                entry.setFont(font)
                entry.setForeground(QBrush(QColor("#9ca3af")))

    def run_checks(self) -> list[Finding]:
        findings = self._service.check(self._monday, items=self._items)
        self.checks.clear()
        if not findings:
            ok = QListWidgetItem(self.tr("Every check passes."), self.checks)
            ok.setForeground(QBrush(QColor("#15803d")))
        for f in findings:
            detail = self.tr("time passed, neither done nor skipped") if f.rule == "missed" else f.detail
            entry = QListWidgetItem(f"⚠ {rule_text(f.rule)}\n{f.scope}\n{detail}", self.checks)
            lines = 3 + sum(len(part) // 22 for part in (f.scope, detail))  # a long scope or detail wraps
            entry.setSizeHint(QSize(0, self.checks.fontMetrics().lineSpacing() * (lines + 1)))
            entry.setData(ID_ROLE, list(f.item_ids))
            entry.setForeground(QBrush(QColor("#b91c1c")))
        self.checks_title.setText(self.tr("Checks for %1 (%2)").replace("%1", week_label(self._monday))
                                  .replace("%2", str(len(findings))))  # fmt: skip
        return findings

    # -- editing -------------------------------------------------------------------------------------------
    def _dropped(self, item_id: int, day: dt.date, channel: str, copy: bool) -> None:
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None:
            return
        if channel != item.channel:
            QMessageBox.information(self, self.tr("Move"), self.tr("A card stays in its channel: drag it along its row."))
            return
        to = dt.datetime.combine(day, item.scheduled_at.time())
        try:
            self._service.move(item_id, to, copy=copy)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Move"), describe(exc))
            return
        self.reload()
        self.data_changed.emit()

    def _edit_item(self, entry: QListWidgetItem) -> None:
        item = next((i for i in self._items if i.id == entry.data(ID_ROLE)), None)
        if item is not None:
            self._open(item)

    def new_item(self) -> None:
        day = max(self._monday, min(dt.date.today(), self._monday + dt.timedelta(days=6)))
        self._open(PlanItem(None, dt.datetime.combine(day, dt.time(20, 0)), "group", "marketing", ""))

    def _open(self, item: PlanItem) -> None:
        dialog = ItemDialog(item, self._groups(), self, self._choices())
        while True:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            try:
                self._service.save(dialog.item())
                break
            except UserError as exc:
                QMessageBox.warning(self, dialog.windowTitle(), describe(exc))
            except ValueError as exc:  # a phone number nobody has: the dialog stays open with what was typed
                QMessageBox.warning(self, dialog.windowTitle(), str(exc))
        self.reload()
        self.data_changed.emit()

    def _menu(self, cell: DayCell, pos: Any) -> None:
        entry = cell.itemAt(pos)
        if entry is None:
            return
        item = next((i for i in self._items if i.id == entry.data(ID_ROLE)), None)
        if item is None:
            return
        menu = QMenu(self)
        for status, text in (("done", self.tr("Mark done")), ("skipped", self.tr("Mark skipped")),
                             ("planned", self.tr("Mark planned"))):  # fmt: skip
            action = menu.addAction(text)
            action.setEnabled(item.status != status)
            action.triggered.connect(lambda _c=False, s=status: self.set_status(item, s))
        menu.exec(cell.viewport().mapToGlobal(pos))

    def set_status(self, item: PlanItem, status: str) -> None:
        item.status = status
        try:
            self._service.save(item)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Content"), describe(exc))
            return
        self.reload()

    def copy_last_week(self) -> None:
        last = self._service.items(self._monday - dt.timedelta(days=7))
        if not last:
            QMessageBox.information(self, self.tr("Copy last week"), self.tr("Last week has no content to copy."))
            return
        for item in last:
            self._service.move(int(item.id), item.scheduled_at + dt.timedelta(days=7), copy=True)  # type: ignore[arg-type]
        self.reload()
        self.data_changed.emit()

    def apply_template(self) -> None:
        """An SOP template on this week: a group week for chosen groups, a moments week, or the journey."""
        from app.services.sop import SopService

        sop = SopService(self._service._db)  # the planner's database, through its service
        templates = sop.templates()
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Apply an SOP template"))
        combo = QComboBox(dialog)
        for t in templates:
            combo.addItem(t.name, t)
        groups = QListWidget(dialog)
        for gid, name in self._groups():
            entry = QListWidgetItem(name, groups)
            entry.setData(ID_ROLE, gid)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        note = QLabel(dialog)
        note.setWordWrap(True)

        def update() -> None:
            t = combo.currentData()
            groups.setEnabled(t.kind == "group")
            note.setText({"group": self.tr("%1 items for each chosen group, in 3:3:3:1."),
                          "moments": self.tr("%1 moments posts, three a day at 1:1:1."),
                          "journey": self.tr("One-on-one pushes from each customer's own dates (added, last order).")}
                         .get(t.kind, "").replace("%1", str(len(t.slots))))  # fmt: skip

        combo.currentIndexChanged.connect(lambda _i: update())
        update()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        box = QVBoxLayout(dialog)
        box.addWidget(combo)
        box.addWidget(groups)
        box.addWidget(note)
        box.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = [groups.item(i).data(ID_ROLE) for i in range(groups.count())
                  if groups.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        try:
            made = sop.apply(combo.currentData(), self._monday, chosen)
        except UserError as exc:
            QMessageBox.warning(self, dialog.windowTitle(), describe(exc))
            return
        self.reload()
        self.data_changed.emit()
        QMessageBox.information(self, dialog.windowTitle(), self.tr("%1 items planned.").replace("%1", str(made)))

    def edit_rules(self) -> None:
        from app.views.planner_settings import PlanRulesDialog

        if PlanRulesDialog(self._service, self).exec() == QDialog.DialogCode.Accepted:
            self.run_checks()

    def edit_events(self) -> None:
        from app.views.planner_settings import ShopEventsDialog

        if ShopEventsDialog(self._service, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def open_plays(self) -> None:
        from app.services.activities import ActivityService
        from app.views.activity_library import ActivityLibraryDialog

        dialog = ActivityLibraryDialog(ActivityService(self._service._db), self)
        dialog.exec()

    def save_template(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from app.services.sop import SopService

        name, ok = QInputDialog.getText(self, self.tr("Save the week as a template"), self.tr("Template name:"))
        if not ok:
            return
        try:
            SopService(self._service._db).save_week(self._monday, name)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Save the week as a template"), describe(exc))

    def _finding_clicked(self, entry: QListWidgetItem) -> None:
        ids = set(entry.data(ID_ROLE) or [])
        for cell in self.cells.values():
            cell.clearSelection()
            for row in range(cell.count()):
                if cell.item(row).data(ID_ROLE) in ids:
                    cell.item(row).setSelected(True)

    def retranslate_ui(self) -> None:
        self.today_button.setText(self.tr("This week"))
        self.new_button.setText(self.tr("New content…"))
        self.copy_button.setText(self.tr("Copy last week"))
        self.template_button.setText(self.tr("Apply a template…"))
        self.save_template_button.setText(self.tr("Save as template…"))
        self.plays_button.setText(self.tr("Group plays…"))
        self.rules_button.setText(self.tr("Check rules…"))
        self.events_button.setText(self.tr("Shop events…"))
        for label, channel in zip(self.channel_labels, CHANNELS, strict=True):
            label.setText(channel_text(channel))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._stale = True  # events and checks are written in the language: shown again when visible
            if self.isVisible():
                self.reload()
        super().changeEvent(event)
