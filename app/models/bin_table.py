"""BinTableModel: the customers in the recycle bin, as the recycle bin dialog lists them.

The bin is small next to the customer list (the service returns at most a few thousand rows), so the model
holds its ``BinEntry`` rows and sorts them in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.models.customer_table import money
from app.services.customer_admin import BinEntry

ModelIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("name", "remark_name", "phone", "deleted_at", "order_count", "total_spent_cents")
_NUMERIC = {"order_count", "total_spent_cents"}


def column_title(key: str) -> str:
    titles = {
        "name": QCoreApplication.translate("BinTableModel", "Name"),
        "remark_name": QCoreApplication.translate("BinTableModel", "Remark name"),
        "phone": QCoreApplication.translate("BinTableModel", "Phone"),
        "deleted_at": QCoreApplication.translate("BinTableModel", "Deleted"),
        "order_count": QCoreApplication.translate("BinTableModel", "Orders"),
        "total_spent_cents": QCoreApplication.translate("BinTableModel", "Total spent"),
    }
    return titles[key]


class BinTableModel(QAbstractTableModel):
    """Rows are binned customers, columns ``COLUMNS``; ``ID_ROLE`` gives a row's customer id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[BinEntry] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_entries(self, entries: Sequence[BinEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        if self._sort is not None:
            self._entries = self._sorted(self._entries, *self._sort)
        self.endResetModel()

    def entry(self, row: int) -> BinEntry:
        return self._entries[row]

    def entries(self) -> list[BinEntry]:
        return list(self._entries)

    # -- Qt model API ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(COLUMNS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        key = COLUMNS[index.column()]
        if role == ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(key, getattr(entry, key))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(COLUMNS) else None
        if self._sort is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = self._entries
        self._entries = self._sorted(old, column, order)
        new_row = {id(entry): row for row, entry in enumerate(self._entries)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(new_row[id(old[p.row()])], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()

    @staticmethod
    def _sorted(entries: list[BinEntry], column: int, order: Qt.SortOrder) -> list[BinEntry]:
        key = COLUMNS[column]
        present = [e for e in entries if getattr(e, key) not in (None, "")]
        empty = [e for e in entries if getattr(e, key) in (None, "")]
        present.sort(key=lambda e: (getattr(e, key), e.id), reverse=order == Qt.SortOrder.DescendingOrder)
        return present + empty  # empty values last either way

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)


def _display(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "total_spent_cents":
        return money(value)
    if key == "deleted_at" and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)
