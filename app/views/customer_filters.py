"""The customer list's filter bar: tag, tag group, channel, staff, level, orders, added date."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from app.models.customer_table import code_text
from app.services.customers import CustomerFilter, FilterOptions


class CustomerFilterBar(QWidget):
    changed = Signal(object)  # CustomerFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options: FilterOptions | None = None
        self._quiet = False
        self.tag = QComboBox(self)
        self.tag_group = QComboBox(self)
        self.channel = QComboBox(self)
        self.staff = QComboBox(self)
        self.level = QComboBox(self)
        self.orders = QComboBox(self)
        self.added = QCheckBox(self)
        self.added_from = QDateEdit(self)
        self.added_to = QDateEdit(self)
        self.dash = QLabel("–", self)
        for edit in (self.added_from, self.added_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.added_from.setDate(QDate.currentDate().addMonths(-1))
        self.added_to.setDate(QDate.currentDate())
        self.clear_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.tag, self.tag_group, self.channel, self.staff, self.level, self.orders):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            w.setMaxVisibleItems(20)
            layout.addWidget(w)
            w.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.added)
        layout.addWidget(self.added_from)
        layout.addWidget(self.dash)
        layout.addWidget(self.added_to)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.added.toggled.connect(self.added_from.setEnabled)
        self.added.toggled.connect(self.added_to.setEnabled)
        self.added.toggled.connect(self._emit)
        self.added_from.dateChanged.connect(self._emit)
        self.added_to.dateChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate_ui()

    def set_options(self, options: FilterOptions) -> None:
        self._options = options
        self._fill()

    def _fill(self) -> None:
        """(Re)fill the choices, keeping what was chosen."""
        keep = self.current()
        self._quiet = True
        o = self._options
        self._set(
            self.tag, self.tr("All tags"), [(t.id, f"{t.group} · {t.name}") for t in (o.tags if o else [])]
        )
        self._set(
            self.tag_group,
            self.tr("Any tag group"),
            [(g.id, self.tr("Has a tag of %1").replace("%1", g.name)) for g in (o.tag_groups if o else [])],
        )
        self._set(self.channel, self.tr("All channels"), [(c, c) for c in (o.channels if o else [])])
        staff = [(0, self.tr("Assigned to no one"))] + [
            (s.id, s.name if s.group == "active" else self.tr("%1 (departed)").replace("%1", s.name))
            for s in (o.staff if o else [])
        ]
        self._set(self.staff, self.tr("All staff"), staff)
        self._set(
            self.level,
            self.tr("All levels"),
            [(c, code_text("level", c)) for c in ("fan", "customer", "member", "koc")],
        )
        self._set(
            self.orders,
            self.tr("With or without orders"),
            [(True, self.tr("Has orders")), (False, self.tr("No orders yet"))],
        )
        for combo, value in (
            (self.tag, keep.tag_id),
            (self.tag_group, keep.tag_group_id),
            (self.channel, keep.channel),
            (self.staff, keep.staff_id),
            (self.level, keep.level),
            (self.orders, keep.has_orders),
        ):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
        self._quiet = False

    @staticmethod
    def _set(combo: QComboBox, any_text: str, items: list[tuple[object, str]]) -> None:
        combo.clear()
        combo.addItem(any_text, None)
        for data, text in items:
            combo.addItem(text, data)

    def current(self) -> CustomerFilter:
        def date(edit: QDateEdit):  # type: ignore[no-untyped-def]
            d = edit.date()
            return d.toPython() if self.added.isChecked() else None

        return CustomerFilter(
            tag_id=self.tag.currentData(),
            tag_group_id=self.tag_group.currentData(),
            channel=self.channel.currentData(),
            staff_id=self.staff.currentData(),
            level=self.level.currentData(),
            has_orders=self.orders.currentData(),
            added_from=date(self.added_from),
            added_to=date(self.added_to),
        )

    def clear(self) -> None:
        self._quiet = True
        for combo in (self.tag, self.tag_group, self.channel, self.staff, self.level, self.orders):
            combo.setCurrentIndex(0)
        self.added.setChecked(False)
        self._quiet = False
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.current())

    def retranslate_ui(self) -> None:
        self.added.setText(self.tr("Added"))
        self.clear_button.setText(self.tr("Clear filters"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
