"""The rule builder for saved segments: conditions in AND/OR groups, with a live count while editing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.services.segmentation import CLASS_KEYS, STAGE_LABELS, STAGES, TIER_LABELS, TIERS
from app.services.segments import FIELD_LABELS, FIELDS, LIST_FIELDS, OP_LABELS, SavedSegment, empty_rules


def _tr(text: str) -> str:
    return QCoreApplication.translate("Segments", text)


class MultiPick(QToolButton):
    """A button that opens a checkable list; its text names what is picked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumWidth(180)
        self.list = QListWidget()
        self.list.setMinimumSize(240, 220)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.list)
        menu.addAction(action)
        self.setMenu(menu)
        self.list.itemChanged.connect(self._changed)
        self._update_text()

    def set_choices(self, choices: list[tuple[Any, str]], selected: list[Any]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        wanted = {str(v) for v in selected}
        for value, label in choices:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if str(value) in wanted else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update_text()

    def values(self) -> list[Any]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def labels(self) -> list[str]:
        return [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _changed(self, _item: QListWidgetItem) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        labels = self.labels()
        text = "、".join(labels) if labels else QCoreApplication.translate("SegmentEditor", "Choose…")
        self.setText(text if len(text) <= 24 else text[:23] + "…")
        self.setToolTip("、".join(labels))


class ConditionRow(QWidget):
    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, choices: dict[str, list[tuple[Any, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self.field = QComboBox(self)
        for key in FIELDS:
            self.field.addItem(_tr(FIELD_LABELS[key]), key)
        self.op = QComboBox(self)
        self.pick = MultiPick(self)
        self.number = QDoubleSpinBox(self)
        self.number_to = QDoubleSpinBox(self)
        for box in (self.number, self.number_to):
            box.setRange(0, 1e9)
            box.setGroupSeparatorShown(True)
        self.date = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.and_label = QLabel(QCoreApplication.translate("SegmentEditor", "and"), self)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setToolTip(QCoreApplication.translate("SegmentEditor", "Remove this condition"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.field, self.op, self.pick, self.number, self.date, self.and_label, self.number_to, self.date_to):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.remove)
        self.field.currentIndexChanged.connect(self._field_changed)
        self.op.currentIndexChanged.connect(self._show_editors)
        for signal in (self.pick.changed, self.number.valueChanged, self.number_to.valueChanged, self.date.dateChanged,
                       self.date_to.dateChanged, self.op.currentIndexChanged):  # fmt: skip
            signal.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._field_changed()

    def _list_choices(self, key: str) -> list[tuple[Any, str]]:
        if key == "rfm_class":
            return [(k, k) for k in CLASS_KEYS]
        if key == "lifecycle_stage":
            return [(k, _tr(STAGE_LABELS[k])) for k in STAGES]
        if key == "value_tier":
            return [(k, _tr(TIER_LABELS[k])) for k in TIERS]
        if key == "birthday_month":
            return [(m, QCoreApplication.translate("SegmentEditor", "Month %1").replace("%1", str(m))) for m in range(1, 13)]
        if key == "staff":
            return [(0, QCoreApplication.translate("SegmentEditor", "(nobody)")), *self._choices.get("staff", [])]
        return list(self._choices.get(key, []))

    def _field_changed(self) -> None:
        key = self.field.currentData()
        self.op.blockSignals(True)
        self.op.clear()
        for op in FIELDS[key]:
            self.op.addItem(_tr(OP_LABELS[op]), op)
        self.op.blockSignals(False)
        if key in LIST_FIELDS:
            self.pick.set_choices(self._list_choices(key), [])
        elif key == "spend":
            for box in (self.number, self.number_to):
                box.setDecimals(2)
                box.setSuffix(QCoreApplication.translate("SegmentEditor", " yuan"))
        else:
            for box in (self.number, self.number_to):
                box.setDecimals(0)
                box.setSuffix(QCoreApplication.translate("SegmentEditor", " days") if key == "days_since_last_order"
                              else "")  # fmt: skip
        self._show_editors()
        self.changed.emit()

    def _show_editors(self) -> None:
        key, op = self.field.currentData(), self.op.currentData()
        listed = key in LIST_FIELDS
        dated = key == "added_on"
        between = op == "between"
        self.pick.setVisible(listed)
        self.number.setVisible(not listed and not dated)
        self.number_to.setVisible(not listed and not dated and between)
        self.date.setVisible(dated)
        self.date_to.setVisible(dated and between)
        self.and_label.setVisible(between)

    def rule(self) -> dict[str, Any]:
        key, op = self.field.currentData(), self.op.currentData()
        value: Any
        if key in LIST_FIELDS:
            value = self.pick.values()
        elif key == "added_on":
            first = self.date.date().toString("yyyy-MM-dd")
            value = [first, self.date_to.date().toString("yyyy-MM-dd")] if op == "between" else first
        else:
            number = self.number.value() if key == "spend" else int(self.number.value())
            second = self.number_to.value() if key == "spend" else int(self.number_to.value())
            value = [number, second] if op == "between" else number
        return {"field": key, "op": op, "value": value}

    def set_rule(self, rule: dict[str, Any]) -> None:
        self.field.setCurrentIndex(max(0, self.field.findData(rule["field"])))
        self.op.setCurrentIndex(max(0, self.op.findData(rule["op"])))
        value = rule.get("value")
        key = rule["field"]
        if key in LIST_FIELDS:
            self.pick.set_choices(self._list_choices(key), list(value or []))
        elif key == "added_on":
            first, second = (value if isinstance(value, list) else [value, value])
            for edit, text in ((self.date, first), (self.date_to, second)):
                if text:
                    edit.setDate(QDate.fromString(str(text)[:10], "yyyy-MM-dd"))
        else:
            first, second = (value if isinstance(value, list) else [value, value])
            self.number.setValue(float(first or 0))
            self.number_to.setValue(float(second or 0))
        self._show_editors()


class RuleGroup(QFrame):
    """A group of conditions and nested groups, matched all or any."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, choices: dict[str, list[tuple[Any, str]]], nested: bool = False,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._choices = choices
        if nested:
            self.setFrameShape(QFrame.Shape.StyledPanel)
        self.match = QComboBox(self)
        self.match.addItem(QCoreApplication.translate("SegmentEditor", "Match all of these"), "all")
        self.match.addItem(QCoreApplication.translate("SegmentEditor", "Match any of these"), "any")
        self.add_condition = QPushButton(QCoreApplication.translate("SegmentEditor", "Add a condition"), self)
        self.add_group = QPushButton(QCoreApplication.translate("SegmentEditor", "Add a group"), self)
        head = QHBoxLayout()
        head.addWidget(self.match)
        head.addStretch(1)
        head.addWidget(self.add_condition)
        head.addWidget(self.add_group)
        if nested:
            remove = QToolButton(self)
            remove.setText("✕")
            remove.setToolTip(QCoreApplication.translate("SegmentEditor", "Remove this group"))
            remove.clicked.connect(lambda: self.remove_requested.emit(self))
            head.addWidget(remove)
        self.items = QVBoxLayout()
        self.items.setContentsMargins(16 if nested else 0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.items)
        if not nested:
            layout.addStretch(1)  # conditions stay at the top of the dialog, not spread over it
        self.match.currentIndexChanged.connect(self.changed)
        self.add_condition.clicked.connect(lambda: self._add_row())
        self.add_group.clicked.connect(lambda: self._add_group())

    def _add_row(self, rule: dict[str, Any] | None = None) -> ConditionRow:
        row = ConditionRow(self._choices, self)
        if rule is not None:
            row.set_rule(rule)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.items.addWidget(row)
        self.changed.emit()
        return row

    def _add_group(self, rules: dict[str, Any] | None = None) -> RuleGroup:
        group = RuleGroup(self._choices, nested=True, parent=self)
        if rules is not None:
            group.set_rules(rules)
        group.changed.connect(self.changed)
        group.remove_requested.connect(self._remove)
        self.items.addWidget(group)
        self.changed.emit()
        return group

    def _remove(self, widget: QWidget) -> None:
        self.items.removeWidget(widget)
        widget.hide()
        widget.deleteLater()
        self.changed.emit()

    def rules(self) -> dict[str, Any]:
        parts = []
        for i in range(self.items.count()):
            w = self.items.itemAt(i).widget()
            if isinstance(w, ConditionRow):
                parts.append(w.rule())
            elif isinstance(w, RuleGroup):
                parts.append(w.rules())
        return {"match": self.match.currentData(), "rules": parts}

    def set_rules(self, rules: dict[str, Any]) -> None:
        self.match.setCurrentIndex(max(0, self.match.findData(rules.get("match", "all"))))
        for rule in rules.get("rules", []):
            if "match" in rule:
                self._add_group(rule)
            else:
                self._add_row(rule)


class SegmentEditor(QDialog):
    """Edit a saved segment (or make a new one). ``count`` gives the live count of a rule set, ``save``
    stores it and returns its id; both come from the services through the Segments screen."""

    saved = Signal(int)

    def __init__(self, choices: dict[str, list[tuple[Any, str]]], count: Any, save: Any,
                 segment: SavedSegment | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._count = count
        self._save = save
        self._segment = segment
        self.setWindowTitle(QCoreApplication.translate("SegmentEditor", "Edit segment") if segment
                            else QCoreApplication.translate("SegmentEditor", "New segment"))  # fmt: skip
        self.resize(820, 520)
        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(QCoreApplication.translate("SegmentEditor", "Name, e.g. 30 天未复购的老客"))
        self.root = RuleGroup(choices, parent=self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.root)
        self.live = QLabel(self)
        self.live.setObjectName("segmentLiveCount")
        font = self.live.font()
        font.setBold(True)
        self.live.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(QCoreApplication.translate("SegmentEditor", "Name"), self))
        name_row.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(name_row)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.live, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._timer = QTimer(self, singleShot=True, interval=120, timeout=self._recount)
        self.root.changed.connect(self._timer.start)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._accept)
        if segment is not None:
            self.name.setText(segment.name)
            self.root.set_rules(segment.rules)
        else:
            self.root.set_rules(empty_rules())
        self._recount()

    def rules(self) -> dict[str, Any]:
        return self.root.rules()

    def _recount(self) -> None:
        try:
            n = self._count(self.rules())
        except (UserError, ValueError) as exc:
            self.live.setText(describe(exc) if isinstance(exc, UserError) else str(exc))
            return
        self.live.setText(QCoreApplication.translate("SegmentEditor", "Matches %1 customers").replace("%1", f"{n:,}"))

    def _accept(self) -> None:
        try:
            sid = self._save(self.name.text(), self.rules(), self._segment.id if self._segment else None)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.saved.emit(int(sid))
        self.accept()

