"""客户 Customers: every customer in one fast table with search as you type."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.customer_table import ID_ROLE, CustomerTableModel, code_text
from app.services.customer_admin import CustomerAdminService
from app.services.customer_list import COLUMN_KEYS, CustomerIndex, CustomerListService
from app.services.customers import CustomerFilter, CustomerService
from app.services.staff import StaffService
from app.services.tags import TagService
from app.views.tasks import run_in_background


@dataclass
class CustomerTools:
    """The services behind the detail pane, the filters and the bulk actions."""

    customers: CustomerService
    tags: TagService
    staff: StaffService
    admin: CustomerAdminService


log = logging.getLogger(__name__)

_WIDTHS = {
    "name": 80,
    "remark_name": 140,
    "phone": 105,
    "wechat_id": 115,
    "gender": 44,
    "level": 64,
    "city": 52,
    "source_channel": 96,
    "owner": 64,
    "added_on": 88,
    "order_count": 56,
    "total_spent_cents": 96,
    "last_order_at": 88,
}


class CustomersView(QWidget):
    """The customer table; ``counts_changed(total, shown)`` feeds the status bar."""

    counts_changed = Signal(int, int)
    rows_shown = Signal()
    export_requested = Signal(object)  # customer ids (numpy array) to export
    data_changed = Signal()  # customers were edited here: other screens may refresh
    add_to_group_requested = Signal(object)  # customer ids to add to a community group
    issue_coupons_requested = Signal(object)  # customer ids to give a campaign's coupons

    def __init__(
        self, service: CustomerListService, tools: CustomerTools | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tools = tools
        self._loading = False
        self._reload_again = False
        self.model = CustomerTableModel(service, self)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("customerSearch")
        self.summary = QLabel(self)
        self.summary.setObjectName("customerSummary")

        self.table = QTableView(self)
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        # No sort column until the owner clicks a header: the list starts in the order customers were added.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no per-row size queries
        vheader.setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for col, key in enumerate(COLUMN_KEYS):
            header.resizeSection(col, _WIDTHS.get(key, 100))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        self.filters = None
        self.detail = None
        self._pinned: np.ndarray | None = None  # only these customers (a segment opened from another screen)
        self._pinned_title = ""
        self.pin_bar = QWidget(self)
        self.pin_bar.setObjectName("pinBar")
        self.pin_label = QLabel(self.pin_bar)
        self.pin_clear = QPushButton(self.pin_bar)
        pin_layout = QHBoxLayout(self.pin_bar)
        pin_layout.setContentsMargins(0, 0, 0, 0)
        pin_layout.addWidget(self.pin_label, 1)
        pin_layout.addWidget(self.pin_clear)
        self.pin_bar.hide()
        self.pin_clear.clicked.connect(self.clear_pinned)
        layout.addWidget(self.pin_bar)
        self.undo_bar = QWidget(self)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_button = QPushButton(self.undo_bar)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._undo_ids: list[int] = []
        self._undo_timer = QTimer(self, singleShot=True, interval=15000, timeout=self.undo_bar.hide)
        self.undo_button.clicked.connect(self.undo_delete)
        if tools is not None:
            from app.views.customer_detail import CustomerDetailPane
            from app.views.customer_filters import CustomerFilterBar

            self.filters = CustomerFilterBar(self)
            self.filters.changed.connect(self.apply_filter)
            layout.addWidget(self.filters)
            self.detail = CustomerDetailPane(tools.customers, tools.tags, tools.staff, self)
            self.detail.hide()
            self.detail.customer_changed.connect(self._customer_edited)
            self.detail.closed.connect(self.detail.hide)
            self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
            self.splitter.addWidget(self.table)
            self.splitter.addWidget(self.detail)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            layout.addWidget(self.splitter, 1)
            self.table.selectionModel().currentRowChanged.connect(self._current_changed)
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.table.customContextMenuRequested.connect(self._context_menu)
            self._build_actions()
        else:
            layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_bar)

        self.search.textChanged.connect(self._on_search)
        self.model.modelReset.connect(self._update_summary)
        self.model.layoutChanged.connect(self._update_summary)
        self.model.search_ready.connect(self._update_summary)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, activated=self.search.clear)
        self.retranslate_ui()

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the customer list again in the background: ids first (rows appear), then search text."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        run_in_background(self._service.load_ids, on_done=self._ids_loaded, on_failed=self._load_failed)

    def _ids_loaded(self, index: CustomerIndex) -> None:
        if self._tools is not None and self.filters is not None:
            self.model._filter_ids = self._filter_ids(self.filters.current())
            run_in_background(self._tools.customers.options, on_done=self.filters.set_options,
                              on_failed=self._load_failed)  # fmt: skip
        scroll = self.table.verticalScrollBar().value()
        current = self.table.currentIndex()
        current_id = self.model.customer_id(current.row()) if current.isValid() else None
        self.model.set_index(index)
        self.table.verticalScrollBar().setValue(scroll)  # a refresh does not lose the owner's place
        if current_id is not None:
            self._select_id(current_id)
        self.rows_shown.emit()
        run_in_background(
            self._service.load_search_text, index, on_done=self._text_loaded, on_failed=self._load_failed
        )

    def _text_loaded(self, index: CustomerIndex) -> None:
        self._loading = False
        self.model.set_index(index) if self.model.search_pending else self.model.attach_search_text(index)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        log.error("loading the customer list failed", exc_info=exc)
        self.summary.setText(self.tr("Could not read the customer list: %1").replace("%1", str(exc)))

    # -- filters, selection and the detail pane ----------------------------------------------------------
    def _filter_ids(self, flt: CustomerFilter | None):  # type: ignore[no-untyped-def]
        ids = self._tools.customers.filter_ids(flt) if self._tools and flt is not None else None
        if self._pinned is None:
            return ids
        return self._pinned if ids is None else np.intersect1d(ids, self._pinned, assume_unique=True)

    def apply_filter(self, flt: CustomerFilter) -> None:
        self.model.set_filter_ids(self._filter_ids(flt))

    def show_only(self, ids: object, title: str) -> None:
        """Show only these customers (a segment or a cell of the RFM grid), with a bar to show all again."""
        self._pinned = np.unique(np.asarray(ids, dtype=np.int64))
        self._pinned_title = title
        self.pin_label.setText(self.tr("Showing only %1: %2 customers").replace("%1", title)
                               .replace("%2", f"{len(self._pinned):,}"))  # fmt: skip
        self.pin_bar.show()
        self.model.set_filter_ids(self._filter_ids(self.filters.current() if self.filters else None))

    def clear_pinned(self) -> None:
        self._pinned = None
        self.pin_bar.hide()
        self.model.set_filter_ids(self._filter_ids(self.filters.current() if self.filters else None))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.customer_id(r) for r in rows]

    def _select_id(self, customer_id: int) -> None:
        rows = np.flatnonzero(self.model.visible_ids() == customer_id)
        if len(rows):
            blocker = QSignalBlocker(self.table.selectionModel())
            self.table.setCurrentIndex(self.model.index(int(rows[0]), 0))
            del blocker

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if self.detail is None or not current.isValid():
            return
        self.detail.show_customer(int(self.model.data(self.model.index(current.row(), 0), ID_ROLE)))
        self.detail.show()

    def show_customer(self, customer_id: int) -> None:
        if self.detail is not None:
            self.detail.show_customer(customer_id)
            self.detail.show()

    def _customer_edited(self, _customer_id: int) -> None:
        self.data_changed.emit()
        self.reload()

    # -- bulk actions --------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.action_add_tag = QAction(self)
        self.action_add_tag.setShortcut(QKeySequence("Ctrl+T"))
        self.action_add_tag.triggered.connect(self.bulk_add_tag)
        self.action_remove_tag = QAction(self)
        self.action_remove_tag.triggered.connect(self.bulk_remove_tag)
        self.action_level = QAction(self)
        self.action_level.triggered.connect(self.bulk_set_level)
        self.action_staff = QAction(self)
        self.action_staff.triggered.connect(self.bulk_assign_staff)
        self.action_export = QAction(self)
        self.action_export.triggered.connect(lambda: self.export_requested.emit(self._ids_for_export()))
        self.action_group = QAction(self)
        self.action_group.triggered.connect(self._add_to_group)
        self.action_coupon = QAction(self)
        self.action_coupon.triggered.connect(self._issue_coupons)
        self.action_delete = QAction(self)
        self.action_delete.setShortcut(QKeySequence.StandardKey.Delete)
        self.action_delete.triggered.connect(self.bulk_delete)
        for action in (self.action_add_tag, self.action_remove_tag, self.action_level, self.action_staff,
                       self.action_export, self.action_delete):  # fmt: skip
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)

    def _issue_coupons(self) -> None:
        ids = self._selection_or_warn()
        if ids:
            self.issue_coupons_requested.emit(ids)

    def _add_to_group(self) -> None:
        ids = self._selection_or_warn()
        if ids:
            self.add_to_group_requested.emit(ids)

    def _ids_for_export(self):  # type: ignore[no-untyped-def]
        selected = self.selected_ids()
        return selected if len(selected) > 1 else self.model.visible_ids()

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.action_add_tag, self.action_remove_tag, self.action_level, self.action_staff,
                       self.action_group, self.action_coupon):  # fmt: skip
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_export)
        menu.addSeparator()
        menu.addAction(self.action_delete)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        """Ask for one of ``items``; the index, or None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return items.index(text) if ok and text in items else None

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def _selection_or_warn(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("Customers"), self.tr("Select one or more customers first.")
            )
        return ids

    def _after_bulk(self, text: str) -> None:
        self.summary.setText(text)
        self.data_changed.emit()
        self.reload()
        if self.detail is not None and self.detail.isVisible():
            self.detail.reload()

    def bulk_add_tag(self) -> None:
        ids = self._selection_or_warn()
        if not ids or self._tools is None:
            return
        tags = self._tools.tags.tags()
        pick = self.choose(self.tr("Add a tag"), self.tr("Tag for %1 customers:").replace("%1", f"{len(ids):,}"),
                           [f"{t.group_name} · {t.name}" for t in tags])  # fmt: skip
        if pick is None:
            return
        try:
            change = self._tools.tags.add_tags(ids, [tags[pick].id])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Add a tag"), describe(exc))
            return
        self._after_bulk(self.tr("Tag %1 added to %2 customers").replace("%1", tags[pick].name)
                         .replace("%2", f"{change.added:,}"))  # fmt: skip

    def bulk_remove_tag(self) -> None:
        ids = self._selection_or_warn()
        if not ids or self._tools is None:
            return
        tags = self._tools.tags.tags()
        pick = self.choose(self.tr("Remove a tag"), self.tr("Tag to remove from %1 customers:").replace("%1", f"{len(ids):,}"),
                           [f"{t.group_name} · {t.name}" for t in tags])  # fmt: skip
        if pick is None:
            return
        change = self._tools.tags.remove_tags(ids, [tags[pick].id])
        self._after_bulk(self.tr("Tag %1 removed from %2 customers").replace("%1", tags[pick].name)
                         .replace("%2", f"{change.removed:,}"))  # fmt: skip

    def bulk_set_level(self) -> None:
        ids = self._selection_or_warn()
        if not ids or self._tools is None:
            return
        codes = ["fan", "customer", "member", "koc"]
        pick = self.choose(self.tr("Set the level"), self.tr("Level for %1 customers:").replace("%1", f"{len(ids):,}"),
                           [code_text("level", c) for c in codes])  # fmt: skip
        if pick is None:
            return
        changed = self._tools.customers.set_level(ids, codes[pick])
        self._after_bulk(self.tr("%1 customers are now %2").replace("%1", f"{changed:,}")
                         .replace("%2", code_text("level", codes[pick])))  # fmt: skip

    def bulk_assign_staff(self) -> None:
        ids = self._selection_or_warn()
        if not ids or self._tools is None:
            return
        staff = [s for s in self._tools.staff.list() if s.status == "active"]
        names = [s.name for s in staff] + [self.tr("(no one)")]
        pick = self.choose(self.tr("Assign staff"), self.tr("Who looks after %1 customers:").replace("%1", f"{len(ids):,}"),
                           names)  # fmt: skip
        if pick is None:
            return
        staff_id = staff[pick].id if pick < len(staff) else None
        changed = self._tools.customers.assign_staff(ids, staff_id)
        self._after_bulk(
            self.tr("%1 customers assigned to %2").replace("%1", f"{changed:,}").replace("%2", names[pick])
        )

    def bulk_delete(self) -> None:
        ids = self._selection_or_warn()
        if not ids or self._tools is None:
            return
        if len(ids) > 1 and not self.confirm(
            self.tr("Move to the recycle bin"),
            self.tr("Move %1 customers to the recycle bin? You can restore them from there.").replace("%1", f"{len(ids):,}"),
        ):  # fmt: skip
            return
        moved = self._tools.admin.delete(ids)
        self._undo_ids = ids
        self.undo_label.setText(self.tr("%1 customers moved to the recycle bin.").replace("%1", f"{moved:,}"))
        self.undo_bar.show()
        self._undo_timer.start()
        if self.detail is not None:
            self.detail.hide()
        self._after_bulk(self.undo_label.text())

    def undo_delete(self) -> None:
        if self._tools is None or not self._undo_ids:
            return
        restored = self._tools.admin.restore(self._undo_ids)
        self._undo_ids = []
        self.undo_bar.hide()
        self._after_bulk(self.tr("%1 customers restored").replace("%1", f"{restored:,}"))

    # -- search ------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)

    def _update_summary(self) -> None:
        total, shown = self.model.total, self.model.shown
        if self.model.search_pending:
            self.summary.setText(self.tr("Preparing search…"))
        elif self.model.search_text.strip():
            self.summary.setText(
                self.tr("%1 of %2 customers").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
            )
        else:
            self.summary.setText(self.tr("%1 customers").replace("%1", f"{total:,}"))
        self.counts_changed.emit(total, shown)

    # -- language ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        self.pin_clear.setText(self.tr("Show all customers"))
        if self._pinned is not None:
            self.pin_label.setText(self.tr("Showing only %1: %2 customers").replace("%1", self._pinned_title)
                                   .replace("%2", f"{len(self._pinned):,}"))  # fmt: skip
        if self._tools is not None:
            self.action_add_tag.setText(self.tr("Add a tag…"))
            self.action_remove_tag.setText(self.tr("Remove a tag…"))
            self.action_level.setText(self.tr("Set the level…"))
            self.action_staff.setText(self.tr("Assign staff…"))
            self.action_export.setText(self.tr("Export…"))
            self.action_group.setText(self.tr("Add to a group…"))
            self.action_coupon.setText(self.tr("Issue coupons…"))
            self.action_delete.setText(self.tr("Move to the recycle bin"))
        self.search.setPlaceholderText(
            self.tr("Search name, remark, phone, WeChat ID or pinyin initials (Ctrl+F)")
        )
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
