"""The planner's rules (the playbook's thresholds) and the shop's own events, as dialogs."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.services.planner import PlannerService, PlanRules


class PlanRulesDialog(QDialog):
    def __init__(self, service: PlannerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(self.tr("Planner checks"))
        rules = service.rules()

        def spin(value: int, top: int = 100, suffix: str = "") -> QSpinBox:
            box = QSpinBox(self)
            box.setRange(0, top)
            box.setValue(value)
            box.setSuffix(suffix)
            return box

        self.shares = [spin(v, 100, " %") for v in rules.group_shares]
        shares = QHBoxLayout()
        for box in self.shares:
            shares.addWidget(box)
        self.group_tolerance = spin(rules.group_tolerance, 50, self.tr(" points"))
        self.group_min = spin(rules.group_min_items, 100)
        self.interaction = spin(rules.group_min_interaction, 100, " %")
        self.moments_day = spin(rules.moments_per_day, 50)
        self.moments_tolerance = spin(rules.moments_tolerance, 50, self.tr(" points"))
        self.moments_min = spin(rules.moments_min_items, 100)
        self.pushes = spin(rules.pushes_per_customer, 50)
        form = QFormLayout()
        form.addRow(self.tr("Group content (marketing, interaction, care, daily)"), shares)
        form.addRow(self.tr("Allowed off by"), self.group_tolerance)
        form.addRow(self.tr("Judge groups from (items a week)"), self.group_min)
        form.addRow(self.tr("Interaction at least"), self.interaction)
        form.addRow(self.tr("Moments a day at most"), self.moments_day)
        form.addRow(self.tr("Moments 1:1:1, allowed off by"), self.moments_tolerance)
        form.addRow(self.tr("Judge moments from (posts a week)"), self.moments_min)
        form.addRow(self.tr("One-on-one pushes a customer a week at most"), self.pushes)
        note = QLabel(self.tr("Defaults from the private-domain playbook: 3:3:3:1 in groups, interaction over 30 %, "
                              "moments at most 3 a day at 1:1:1, at most 2 pushes a week to one customer."), self)  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)  # fmt: skip
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self._defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def rules(self) -> PlanRules:
        return PlanRules(tuple(b.value() for b in self.shares), self.group_tolerance.value(), self.group_min.value(),  # type: ignore[arg-type]
                         self.interaction.value(), self.moments_day.value(), self.moments_tolerance.value(),
                         self.moments_min.value(), self.pushes.value())  # fmt: skip

    def _defaults(self) -> None:
        d = PlanRules()
        for box, v in zip(self.shares, d.group_shares, strict=True):
            box.setValue(v)
        for box, v in ((self.group_tolerance, d.group_tolerance), (self.group_min, d.group_min_items),
                       (self.interaction, d.group_min_interaction), (self.moments_day, d.moments_per_day),
                       (self.moments_tolerance, d.moments_tolerance), (self.moments_min, d.moments_min_items),
                       (self.pushes, d.pushes_per_customer)):  # fmt: skip
            box.setValue(v)

    def save(self) -> None:
        try:
            self._service.save_rules(self.rules())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.accept()


class ShopEventsDialog(QDialog):
    """The shop's own events (anniversary, store opening, clearance…), shown in the planner's calendar."""

    def __init__(self, service: PlannerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(self.tr("Shop events"))
        self.resize(420, 360)
        self.list = QListWidget(self)
        for e in service.shop_events():
            self._add(e["date"], e["name"])
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. store anniversary"))
        add = QPushButton(self.tr("Add"), self)
        remove = QPushButton(self.tr("Remove"), self)
        row = QHBoxLayout()
        for w in (self.day, self.name, add, remove):
            row.addWidget(w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        add.clicked.connect(lambda: self._add(self.day.date().toString("yyyy-MM-dd"), self.name.text().strip()))
        remove.clicked.connect(lambda: [self.list.takeItem(self.list.row(i)) for i in self.list.selectedItems()])

    def _add(self, day: str, name: str) -> None:
        if name:
            QListWidgetItem(f"{day}  {name}", self.list)
            self.name.clear() if hasattr(self, "name") else None

    def events(self) -> list[dict[str, str]]:
        out = []
        for i in range(self.list.count()):
            day, _, name = self.list.item(i).text().partition("  ")
            out.append({"date": day, "name": name})
        return out

    def save(self) -> None:
        try:
            self._service.save_shop_events(self.events())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.accept()


