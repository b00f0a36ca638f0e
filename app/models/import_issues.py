"""ImportIssueModel: the problems an import check found, one row per problem (row, column, value, reason).

A file can have 100,000 bad rows, so the model keeps the service's ``Issue`` list as it is and translates a
reason only when a row is painted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:  # the importer pulls in pandas: only loaded when an import actually runs
    from app.services.importer import Issue

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("row", "column", "value", "reason")
ROW, COLUMN, VALUE, REASON = range(4)


def column_title(column: int) -> str:
    # the same words as the error report's "Problems" sheet (context "Import")
    titles = (
        QCoreApplication.translate("Import", "Row"),
        QCoreApplication.translate("Import", "Column"),
        QCoreApplication.translate("Import", "Value"),
        QCoreApplication.translate("Import", "Reason"),
    )
    return titles[column]


class ImportIssueModel(QAbstractTableModel):
    """Rows are ``Issue``s in the order the service sorted them (by spreadsheet row, then column)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: Sequence[Issue] = ()

    def set_issues(self, issues: Sequence[Issue]) -> None:
        self.beginResetModel()
        self._issues = issues
        self.endResetModel()

    def issue(self, row: int) -> Issue:
        return self._issues[row]

    # -- Qt model API ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(section)
            if role == Qt.ItemDataRole.TextAlignmentRole and section == ROW:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._issues)):
            return None
        issue = self._issues[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == ROW:
                return str(issue.row)
            if column == COLUMN:
                return issue.column
            if column == VALUE:
                return issue.value
            return issue.text(QCoreApplication.translate)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._issues:
            self.dataChanged.emit(self.index(0, REASON), self.index(len(self._issues) - 1, REASON))
