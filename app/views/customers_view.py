"""客户 Customers: every customer in one fast table with search as you type."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.customer_table import CustomerTableModel
from app.services.customer_list import COLUMN_KEYS, CustomerIndex, CustomerListService
from app.views.tasks import run_in_background

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

    def __init__(self, service: CustomerListService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
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
        layout.addWidget(self.table, 1)

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
        self.model.set_index(index)
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
        self.search.setPlaceholderText(
            self.tr("Search name, remark, phone, WeChat ID or pinyin initials (Ctrl+F)")
        )
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
