"""The customer detail pane: profile (editable), tags, custom fields, orders, groups, coupons, follow-ups."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.customer_table import code_text, money
from app.services.customers import ConflictError, CustomerDetail, CustomerService
from app.services.staff import StaffService
from app.services.tags import TagService

log = logging.getLogger(__name__)
NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date that may be empty: the minimum date shows as "—"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


class CustomerDetailPane(QWidget):
    """Shows one customer; ``customer_changed(id)`` after a save, ``closed`` when the owner closes it."""

    customer_changed = Signal(int)
    closed = Signal()

    def __init__(self, customers: CustomerService, tags: TagService, staff: StaffService,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("customerDetail")
        self._customers, self._tags, self._staff = customers, tags, staff
        self._detail: CustomerDetail | None = None
        self._staff_list: list = []
        self._tag_state: tuple[list, list] = ([], [])

        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.close_button = QPushButton("×", self)
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self.closed)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button)

        self.tabs = QTabWidget(self)
        self._build_profile()
        self._build_tags()
        self._build_fields()
        self.orders = self._table(4)
        self.groups = self._table(3)
        self.coupons = self._table(5)
        self._build_follow_ups()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------------------------
    def _build_profile(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, QWidget] = {}
        widths = {"name": 128, "remark_name": 128, "phone": 20, "member_code": 64, "wechat_id": 64, "city": 64,
                  "source_channel": 64}  # the database columns' widths  # fmt: skip
        for key, width in widths.items():
            self.inputs[key] = QLineEdit(page)
            self.inputs[key].setMaxLength(width)
        self.gender = QComboBox(page)
        self.level = QComboBox(page)
        self.owner = QComboBox(page)
        self.birthday = OptionalDateEdit(page)
        self.birthday.setMaximumDate(QDate.currentDate())
        self.lunar = QCheckBox(page)
        self.added_on = OptionalDateEdit(page)
        self.notes = QPlainTextEdit(page)
        self.notes.setFixedHeight(70)
        birthday_row = QHBoxLayout()
        birthday_row.addWidget(self.birthday, 1)
        birthday_row.addWidget(self.lunar)
        self.labels: dict[str, QLabel] = {}
        rows = [("name", self.inputs["name"]), ("remark_name", self.inputs["remark_name"]),
                ("phone", self.inputs["phone"]), ("member_code", self.inputs["member_code"]),
                ("wechat_id", self.inputs["wechat_id"]), ("gender", self.gender), ("birthday", birthday_row),
                ("city", self.inputs["city"]), ("source_channel", self.inputs["source_channel"]),
                ("added_on", self.added_on), ("owner", self.owner), ("level", self.level), ("notes", self.notes)]  # fmt: skip
        for key, widget in rows:
            label = QLabel(page)
            self.labels[key] = label
            form.addRow(label, widget)
        self.save_button = QPushButton(page)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(page)
        self.revert_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.profile_page = scroll
        self.tabs.addTab(scroll, "")

    def _build_tags(self) -> None:
        page = QWidget()
        self.tag_list = QListWidget(page)
        self.tag_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tag_choice = QComboBox(page)
        self.tag_choice.setMinimumContentsLength(12)
        self.add_tag_button = QPushButton(page)
        self.add_tag_button.clicked.connect(self._add_tag)
        self.remove_tag_button = QPushButton(page)
        self.remove_tag_button.clicked.connect(self._remove_tags)
        self.tag_hint = QLabel(page)
        self.tag_hint.setWordWrap(True)
        self.tag_hint.setStyleSheet("color: #6b7280;")
        row = QHBoxLayout()
        row.addWidget(self.tag_choice, 1)
        row.addWidget(self.add_tag_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.tag_list, 1)
        layout.addWidget(self.remove_tag_button)
        layout.addLayout(row)
        layout.addWidget(self.tag_hint)
        self.tags_page = page
        self.tabs.addTab(page, "")

    def _build_fields(self) -> None:
        page = QWidget()
        self.fields = QTableWidget(0, 2, page)
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_field_button = QPushButton(page)
        self.add_field_button.clicked.connect(self._add_field_row)
        self.save_fields_button = QPushButton(page)
        self.save_fields_button.clicked.connect(self._save_fields)
        row = QHBoxLayout()
        row.addWidget(self.add_field_button)
        row.addStretch(1)
        row.addWidget(self.save_fields_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.fields, 1)
        layout.addLayout(row)
        self.fields_page = page
        self.tabs.addTab(page, "")

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(True)
        if columns == 4:
            page = QWidget()
            self.orders_total = QLabel(page)
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.orders_total)
            layout.addWidget(table, 1)
            self.orders_page = page
            self.tabs.addTab(page, "")
        else:
            self.tabs.addTab(table, "")
        return table

    def _build_follow_ups(self) -> None:
        page = QWidget()
        self.follow_list = QListWidget(page)
        self.follow_text = QLineEdit(page)
        self.follow_due = OptionalDateEdit(page)
        self.follow_due.setMinimumDate(NO_DATE)
        self.add_follow_button = QPushButton(page)
        self.add_follow_button.clicked.connect(self._add_follow_up)
        self.done_follow_button = QPushButton(page)
        self.done_follow_button.clicked.connect(self._complete_follow_up)
        row = QHBoxLayout()
        row.addWidget(self.follow_text, 1)
        row.addWidget(self.follow_due)
        row.addWidget(self.add_follow_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.follow_list, 1)
        layout.addWidget(self.done_follow_button)
        layout.addLayout(row)
        self.follow_page = page
        self.tabs.addTab(page, "")

    # -- showing -----------------------------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def show_customer(self, customer_id: int) -> None:
        try:
            self._detail = self._customers.detail(customer_id)
            self._staff_list = self._staff.list()
            self._load_tags()
        except UserError as exc:
            self._detail = None
            self.title.setText(describe(exc))
            return
        self._fill()

    def reload(self) -> None:
        if self._detail is not None:
            self.show_customer(self._detail.id)

    def _fill(self) -> None:
        d = self._detail
        if d is None:
            return
        v = d.values
        self.title.setText(v["name"] + (f"（{v['remark_name']}）" if v.get("remark_name") else ""))
        avg = money(d.total_spent_cents // d.order_count) if d.order_count else "–"
        last = d.last_order_at.date().isoformat() if d.last_order_at else "–"
        text = (self.tr("%1 orders, %2 spent, %3 per order, last order %4")
                .replace("%1", str(d.order_count)).replace("%2", money(d.total_spent_cents))
                .replace("%3", avg).replace("%4", last))  # fmt: skip
        if d.deleted_at:
            text += "  " + self.tr("(in the recycle bin)")
        self.summary.setText(text)
        for key in ("name", "remark_name", "phone", "member_code", "wechat_id", "city", "source_channel"):
            self.inputs[key].setText(v.get(key) or "")
        self._fill_combo(self.gender, [("male", code_text("gender", "male")), ("female", code_text("gender", "female")),
                                       ("unknown", code_text("gender", "unknown"))], v.get("gender"))  # fmt: skip
        self._fill_combo(self.level, [(c, code_text("level", c)) for c in ("fan", "customer", "member", "koc")],
                         v.get("level"))  # fmt: skip
        staff = [(None, self.tr("(no one)"))] + [
            (s.id, s.name if s.status == "active" else self.tr("%1 (departed)").replace("%1", s.name))
            for s in self._staff_list
        ]
        self._fill_combo(self.owner, staff, v.get("owner_staff_id"))
        self.birthday.set_value(v.get("birthday"))
        self.lunar.setChecked(bool(v.get("birthday_lunar")))
        self.added_on.set_value(v.get("added_on"))
        self.notes.setPlainText(v.get("notes") or "")
        self._fill_tags()
        self.fields.setRowCount(0)
        for name, value in d.fields.items():
            self._add_field_row(name, value)
        self._fill_orders(d)
        self.groups.setRowCount(len(d.groups))
        for r, g in enumerate(d.groups):
            self._set_row(self.groups, r, [g.name, g.joined_on.isoformat() if g.joined_on else "",
                                           g.left_on.isoformat() if g.left_on else ""])  # fmt: skip
        self.coupons.setRowCount(len(d.coupons))
        for r, c in enumerate(d.coupons):
            state = (self.tr("redeemed %1").replace("%1", c.redeemed_at.date().isoformat()) if c.redeemed_at
                     else self.tr("valid until %1").replace("%1", c.valid_until.isoformat()) if c.valid_until else "")  # fmt: skip
            self._set_row(self.coupons, r, [c.campaign, c.code, c.issued_at.date().isoformat(), state,
                                            money(c.discount_cents) if c.discount_cents else ""])  # fmt: skip
        self.groups.resizeColumnsToContents()
        self.coupons.resizeColumnsToContents()
        self.follow_list.clear()
        for f in d.follow_ups:
            due = self.tr("due %1").replace("%1", f.due_on.isoformat()) if f.due_on else ""
            done = self.tr("done") if f.done_at else ""
            item = QListWidgetItem(" · ".join(p for p in (f.body, due, f.staff_name or "", done) if p))
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            if f.done_at:
                item.setForeground(Qt.GlobalColor.gray)
            self.follow_list.addItem(item)

    def _fill_orders(self, d: CustomerDetail) -> None:
        self.orders.setRowCount(len(d.orders))
        refunds = sum(-o.amount_cents for o in d.orders if o.amount_cents < 0)
        self.orders_total.setText(
            self.tr("%1 orders, %2 in total, %3 refunded").replace("%1", str(d.order_count))
            .replace("%2", money(d.total_spent_cents)).replace("%3", money(refunds))
        )  # fmt: skip
        for r, o in enumerate(d.orders[:2000]):
            number = "" if o.external_no.startswith("auto:") else o.external_no
            self._set_row(self.orders, r, [o.ordered_at.strftime("%Y-%m-%d %H:%M"), money(o.amount_cents),
                                           o.channel or "", number])  # fmt: skip
            self.orders.item(r, 1).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if len(d.orders) > 2000:
            self.orders.setRowCount(2000)
        self.orders.resizeColumnsToContents()

    def _load_tags(self) -> None:
        """Read the customer's tags and every tag; showing them (and a language change) reads nothing."""
        if self._detail is not None:
            self._tag_state = (self._tags.customer_tags(self._detail.id), self._tags.tags())

    def _fill_tags(self) -> None:
        if self._detail is None:
            return
        self.tag_list.clear()
        held, every = self._tag_state
        for t in held:
            item = QListWidgetItem(f"{t.group_name} · {t.name}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.tag_list.addItem(item)
        self.tag_choice.clear()
        held_ids = {t.id for t in held}
        for t in every:
            if t.id not in held_ids:
                self.tag_choice.addItem(f"{t.group_name} · {t.name}", t.id)

    @staticmethod
    def _set_row(table: QTableWidget, row: int, values: list[str]) -> None:
        for col, value in enumerate(values):
            table.setItem(row, col, QTableWidgetItem(value))

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[object, str]], current: object) -> None:
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    # -- editing -----------------------------------------------------------------------------------
    def changes(self) -> dict[str, object]:
        if self._detail is None:
            return {}
        now = {key: self.inputs[key].text().strip() or None for key in self.inputs}
        now.update({
            "gender": self.gender.currentData(),
            "level": self.level.currentData(),
            "owner_staff_id": self.owner.currentData(),
            "birthday": self.birthday.value(),
            "birthday_lunar": self.lunar.isChecked(),
            "added_on": self.added_on.value(),
            "notes": self.notes.toPlainText().strip() or None,
        })  # fmt: skip
        old = self._detail.values
        return {
            k: v for k, v in now.items() if v != (old.get(k) if k != "birthday_lunar" else bool(old.get(k)))
        }

    def save(self) -> bool:
        if self._detail is None:
            return False
        changes = self.changes()
        if not changes:
            return True
        try:
            self._customers.update(self._detail.id, self._detail.version, changes)
        except ConflictError as exc:
            if self.ask_reload(describe(exc)):
                self.reload()
            return False
        except UserError as exc:
            self.show_error(describe(exc))
            return False
        self.reload()
        self.customer_changed.emit(self._detail.id)
        return True

    def ask_reload(self, message: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Changed elsewhere"), message + "\n\n" + self.tr("Reload now?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot save"), message)

    def _add_tag(self) -> None:
        if self._detail is None or self.tag_choice.currentIndex() < 0:
            return
        try:
            change = self._tags.add_tags([self._detail.id], [self.tag_choice.currentData()])
        except UserError as exc:
            self.show_error(describe(exc))
            return
        if change.removed:
            self.tag_hint.setText(self.tr("The previous tag of this one-per-customer group was replaced."))
        else:
            self.tag_hint.clear()
        self._load_tags()
        self._fill_tags()
        self.customer_changed.emit(self._detail.id)

    def _remove_tags(self) -> None:
        if self._detail is None:
            return
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.tag_list.selectedItems()]
        if ids:
            self._tags.remove_tags([self._detail.id], ids)
            self._load_tags()
            self._fill_tags()
            self.customer_changed.emit(self._detail.id)

    def _add_field_row(self, name: str = "", value: str = "") -> None:
        row = self.fields.rowCount()
        self.fields.insertRow(row)
        self.fields.setItem(row, 0, QTableWidgetItem(name))
        self.fields.setItem(row, 1, QTableWidgetItem(value))
        if not name:
            self.fields.setCurrentCell(row, 0)
            self.fields.editItem(self.fields.item(row, 0))

    def _save_fields(self) -> None:
        if self._detail is None:
            return
        wanted: dict[str, str | None] = {}
        for row in range(self.fields.rowCount()):
            name = (self.fields.item(row, 0).text() if self.fields.item(row, 0) else "").strip()
            value = (self.fields.item(row, 1).text() if self.fields.item(row, 1) else "").strip()
            if name:
                wanted[name] = value or None
        for name in self._detail.fields:
            wanted.setdefault(name, None)
        self._customers.set_fields(self._detail.id, wanted)
        self.reload()
        self.customer_changed.emit(self._detail.id)

    def _add_follow_up(self) -> None:
        if self._detail is None:
            return
        try:
            self._customers.add_follow_up(self._detail.id, self.follow_text.text(), self.follow_due.value())
        except UserError as exc:
            self.show_error(describe(exc))
            return
        self.follow_text.clear()
        self.follow_due.set_value(None)
        self.reload()
        self.customer_changed.emit(self._detail.id)

    def _complete_follow_up(self) -> None:
        item = self.follow_list.currentItem()
        if item is None or self._detail is None:
            return
        self._customers.complete_follow_up(item.data(Qt.ItemDataRole.UserRole))
        self.reload()
        self.customer_changed.emit(self._detail.id)

    # -- language ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        titles = {
            "name": self.tr("Name"), "remark_name": self.tr("Remark"), "phone": self.tr("Phone"),
            "member_code": self.tr("Member code"), "wechat_id": self.tr("WeChat ID"), "gender": self.tr("Gender"),
            "birthday": self.tr("Birthday"), "city": self.tr("City"), "source_channel": self.tr("Source"),
            "added_on": self.tr("Added"), "owner": self.tr("Owner"), "level": self.tr("Level"), "notes": self.tr("Notes"),
        }  # fmt: skip
        for key, label in self.labels.items():
            label.setText(titles[key])
        self.lunar.setText(self.tr("Lunar"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))
        for page, title in ((self.profile_page, self.tr("Profile")), (self.tags_page, self.tr("Tags")),
                            (self.fields_page, self.tr("Fields")), (self.orders_page, self.tr("Orders")),
                            (self.groups, self.tr("Groups")), (self.coupons, self.tr("Coupons")),
                            (self.follow_page, self.tr("Follow-ups"))):  # fmt: skip
            self.tabs.setTabText(self.tabs.indexOf(page), title)
        self.add_tag_button.setText(self.tr("Add tag"))
        self.remove_tag_button.setText(self.tr("Remove selected tags"))
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.add_field_button.setText(self.tr("Add field"))
        self.save_fields_button.setText(self.tr("Save fields"))
        self.orders.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Amount"), self.tr("Channel"),
                                               self.tr("Order no.")])  # fmt: skip
        self.groups.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Joined"), self.tr("Left")])
        self.coupons.setHorizontalHeaderLabels([self.tr("Campaign"), self.tr("Code"), self.tr("Issued"),
                                                self.tr("State"), self.tr("Discount")])  # fmt: skip
        self.follow_text.setPlaceholderText(self.tr("What to follow up…"))
        self.add_follow_button.setText(self.tr("Add"))
        self.done_follow_button.setText(self.tr("Mark selected as done"))
        self.close_button.setToolTip(self.tr("Close"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
