"""CustomerTableModel: every customer in a QTableView without holding every row in Python.

The model keeps a numpy array of positions into a ``CustomerIndex`` (the rows on screen, in order) and
fetches display values by id in blocks around the row Qt asks for, with a bounded cache. Search and sort
replace the position array and reset the model: no QSortFilterProxyModel, which would call ``data()`` for
every row on each keystroke.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.customer_list import COLUMN_KEYS, CustomerIndex, CustomerListService

ModelIndex = QModelIndex | QPersistentModelIndex
BLOCK = 200
CACHE_LIMIT = 20_000
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_NUMERIC = {"order_count", "total_spent_cents"}


def column_title(key: str) -> str:
    titles = {
        "name": QCoreApplication.translate("CustomerTableModel", "Name"),
        "remark_name": QCoreApplication.translate("CustomerTableModel", "Remark"),
        "phone": QCoreApplication.translate("CustomerTableModel", "Phone"),
        "wechat_id": QCoreApplication.translate("CustomerTableModel", "WeChat ID"),
        "gender": QCoreApplication.translate("CustomerTableModel", "Gender"),
        "level": QCoreApplication.translate("CustomerTableModel", "Level"),
        "city": QCoreApplication.translate("CustomerTableModel", "City"),
        "source_channel": QCoreApplication.translate("CustomerTableModel", "Source"),
        "owner": QCoreApplication.translate("CustomerTableModel", "Owner"),
        "added_on": QCoreApplication.translate("CustomerTableModel", "Added"),
        "order_count": QCoreApplication.translate("CustomerTableModel", "Orders"),
        "total_spent_cents": QCoreApplication.translate("CustomerTableModel", "Total spent"),
        "last_order_at": QCoreApplication.translate("CustomerTableModel", "Last order"),
    }
    return titles[key]


def code_text(kind: str, code: str | None) -> str:
    """Words for the codes the database keeps."""
    if code is None:
        return ""
    words = {
        ("gender", "male"): QCoreApplication.translate("CustomerTableModel", "Male"),
        ("gender", "female"): QCoreApplication.translate("CustomerTableModel", "Female"),
        ("gender", "unknown"): QCoreApplication.translate("CustomerTableModel", "Unknown"),
        ("level", "fan"): QCoreApplication.translate("CustomerTableModel", "Fan"),
        ("level", "customer"): QCoreApplication.translate("CustomerTableModel", "Customer"),
        ("level", "member"): QCoreApplication.translate("CustomerTableModel", "Member"),
        ("level", "koc"): QCoreApplication.translate("CustomerTableModel", "KOC"),
    }
    return words.get((kind, code), code)


def money(cents: int | None) -> str:
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    return f"{sign}¥{abs(cents) / 100:,.2f}"


class CustomerTableModel(QAbstractTableModel):
    """Rows are customers, columns ``COLUMN_KEYS``; ``ID_ROLE`` gives a row's customer id."""

    search_ready = Signal()

    def __init__(self, service: CustomerListService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._index = CustomerIndex(np.zeros(0, dtype=np.int64))
        self._rows = np.zeros(0, dtype=np.int64)  # positions into self._index, in display order
        self._cache: dict[int, tuple[Any, ...]] = {}
        self._search = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter_ids: np.ndarray | None = None  # sorted ids the filters allow, None: all

    # -- loading -----------------------------------------------------------------------------------
    def set_index(self, index: CustomerIndex) -> None:
        """Show a new index (after loading or a change), keeping the search text and sort."""
        self.beginResetModel()
        self._index = index
        self._cache.clear()
        self._rows = self._compute_rows()
        self.endResetModel()
        if index.searchable:
            self.search_ready.emit()

    def attach_search_text(self, index: CustomerIndex) -> None:
        """The same customers with their search text loaded: no reset unless the ids differ."""
        if not np.array_equal(index.ids, self._index.ids):
            self.set_index(index)
            return
        index._sort_cache.update(self._index._sort_cache)
        self._index = index
        if self._search.strip():
            self.beginResetModel()
            self._rows = self._compute_rows()
            self.endResetModel()
        self.search_ready.emit()

    @property
    def index_data(self) -> CustomerIndex:
        return self._index

    @property
    def total(self) -> int:
        return len(self._index)

    @property
    def shown(self) -> int:
        return len(self._rows)

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def search_pending(self) -> bool:
        """A search was typed before the search text finished loading."""
        return bool(self._search.strip()) and not self._index.searchable

    def set_search(self, text: str) -> None:
        if text == self._search:
            return
        self._search = text
        self.beginResetModel()
        self._rows = self._compute_rows()
        self.endResetModel()

    def set_filter_ids(self, ids: np.ndarray | None) -> None:
        """Limit the rows to these customer ids (from the filter bar); None shows everyone."""
        self._filter_ids = None if ids is None else np.sort(np.asarray(ids, dtype=np.int64))
        self.beginResetModel()
        self._rows = self._compute_rows()
        self.endResetModel()

    @property
    def filtered(self) -> bool:
        return self._filter_ids is not None

    def visible_ids(self) -> np.ndarray:
        """The customer ids of every row, in display order (for export and bulk actions on all rows)."""
        return self._index.ids[self._rows]

    def _compute_rows(self) -> np.ndarray:
        n = len(self._index)
        if self._sort is not None:
            column, order = self._sort
            base = self._service.sort_order(
                self._index, COLUMN_KEYS[column], order == Qt.SortOrder.DescendingOrder
            )
        else:
            base = np.arange(n, dtype=np.int64)
        if self._filter_ids is not None:
            base = base[np.isin(self._index.ids[base], self._filter_ids, assume_unique=True)]
        if not self._search.strip() or not self._index.searchable:
            return base
        hits = self._index.search(self._search)
        if hits is None:
            return base
        mask = np.zeros(n, dtype=bool)
        mask[hits] = True
        return base[mask[base]]

    def customer_id(self, row: int) -> int:
        return int(self._index.ids[self._rows[row]])

    # -- Qt model API ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_KEYS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(COLUMN_KEYS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMN_KEYS[section] in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == ID_ROLE:
            return self.customer_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMN_KEYS[index.column()] in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        key = COLUMN_KEYS[index.column()]
        value = row[index.column()]
        return _display(key, value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMN_KEYS)):
            self._sort = None
        else:
            self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._rows = self._compute_rows()
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_KEYS) - 1)
        if len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMN_KEYS) - 1))

    # -- lazy rows ---------------------------------------------------------------------------------
    def _row(self, row: int) -> tuple[Any, ...] | None:
        cid = int(self._index.ids[self._rows[row]])
        cached = self._cache.get(cid)
        if cached is not None:
            return cached
        lo = max(0, row - BLOCK // 4)
        hi = min(len(self._rows), lo + BLOCK)
        wanted = [int(i) for i in self._index.ids[self._rows[lo:hi]] if int(i) not in self._cache]
        if len(self._cache) + len(wanted) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(self._service.fetch_rows(wanted))
        return self._cache.get(cid)


def _display(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key in ("gender", "level"):
        return code_text(key, value)
    if key == "total_spent_cents":
        return money(value)
    if key == "order_count":
        return str(value)
    if key == "last_order_at":  # the day is what matters in a list
        return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)[:10]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
