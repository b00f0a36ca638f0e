"""Item models of the tag manager: tag groups (left) and the tags of one group (right).

A shop has at most a few hundred tags, so both models hold their rows as plain dataclasses from
``TagService`` and sort them in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.tags import TagGroupInfo, TagInfo

ModelIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NO_DATE = "–"


class DataclassTableModel(QAbstractTableModel):
    """Rows of dataclasses with an ``id``; subclasses name the columns and their values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # subclasses
    def titles(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def numeric(self, column: int) -> bool:
        return False

    def decoration(self, row: Any, column: int) -> Any:
        return None

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    # rows
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows = self._sorted(self._rows, *self._sort)
        self.endResetModel()

    def row_item(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1."""
        for row, item in enumerate(self._rows):
            if item.id == item_id:
                return row
        return -1

    @property
    def items(self) -> list[Any]:
        return list(self._rows)

    def _sorted(self, rows: list[Any], column: int, order: Qt.SortOrder) -> list[Any]:
        # None (never used) sorts last in either direction; ties keep the service's order
        present = [r for r in rows if self.sort_key(r, column) is not None]
        missing = [r for r in rows if self.sort_key(r, column) is None]
        present.sort(key=lambda r: self.sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing

    # Qt model API
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.columnCount():
            if role == Qt.ItemDataRole.DisplayRole:
                return self.titles()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(section):
                return _RIGHT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == ID_ROLE:
            return item.id
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(column):
            return _RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < self.columnCount() else None
        if self._sort is None:
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows = self._sorted(self._rows, column, order)
        moved = {id(item): row for row, item in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [
            self.index(moved[id(before[i.row()])], i.column()) if i.isValid() else QModelIndex() for i in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))


class TagTableModel(DataclassTableModel):
    """The tags of one group: 标签, 客户数, 最近使用 (a date, or "–" when never used)."""

    NAME, CUSTOMERS, LAST_USED = range(3)

    def titles(self) -> list[str]:
        return [
            QCoreApplication.translate("TagTableModel", "Tag"),
            QCoreApplication.translate("TagTableModel", "Customers"),
            QCoreApplication.translate("TagTableModel", "Last used"),
        ]

    def numeric(self, column: int) -> bool:
        return column == self.CUSTOMERS

    def display(self, row: TagInfo, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.CUSTOMERS:
            return f"{row.customer_count:,}"
        return row.last_used.date().isoformat() if row.last_used else NO_DATE

    def sort_key(self, row: TagInfo, column: int) -> Any:
        if column == self.NAME:
            return row.name
        if column == self.CUSTOMERS:
            return row.customer_count
        return row.last_used

    def decoration(self, row: TagInfo, column: int) -> Any:
        return QColor(row.color) if column == self.NAME else None

    def tooltip(self, row: TagInfo, column: int) -> str | None:
        if row.customer_count == 0:
            return QCoreApplication.translate(
                "TagTableModel", "No customer has this tag: give it a planned use or delete it."
            )
        return None

    def tag(self, row: int) -> TagInfo:
        return self._rows[row]


def group_kind(exclusive: bool) -> str:
    """Words for a group's kind: S-level (one tag per customer) or multiple choice."""
    return (
        QCoreApplication.translate("TagTableModel", "S-level, one per customer")
        if exclusive
        else QCoreApplication.translate("TagTableModel", "Multiple")
    )


class TagGroupTableModel(DataclassTableModel):
    """Tag groups: 分组 (with a colour swatch), 类型 (S级独占 / 多选), 标签, 客户."""

    NAME, KIND, TAGS, CUSTOMERS = range(4)

    def titles(self) -> list[str]:
        return [
            QCoreApplication.translate("TagTableModel", "Group"),
            QCoreApplication.translate("TagTableModel", "Kind"),
            QCoreApplication.translate("TagTableModel", "Tags"),
            QCoreApplication.translate("TagTableModel", "Customers"),
        ]

    def numeric(self, column: int) -> bool:
        return column in (self.TAGS, self.CUSTOMERS)

    def display(self, row: TagGroupInfo, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.KIND:
            return (
                QCoreApplication.translate("TagTableModel", "S-level")
                if row.exclusive
                else QCoreApplication.translate("TagTableModel", "Multiple")
            )
        if column == self.TAGS:
            return f"{row.tag_count:,}"
        return f"{row.customer_count:,}"

    def sort_key(self, row: TagGroupInfo, column: int) -> Any:
        return (row.name, not row.exclusive, row.tag_count, row.customer_count)[column]

    def decoration(self, row: TagGroupInfo, column: int) -> Any:
        return QColor(row.color) if column == self.NAME else None

    def tooltip(self, row: TagGroupInfo, column: int) -> str | None:
        return group_kind(row.exclusive)

    def group(self, row: int) -> TagGroupInfo:
        return self._rows[row]
