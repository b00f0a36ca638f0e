"""The eight RFM classes as a table: customers, revenue share, average order value, suggested action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.services.segmentation import RFM_CLASSES

_Index = QModelIndex | QPersistentModelIndex


def money_text(cents: float) -> str:
    """¥1,234 below ten thousand yuan, ¥12.3万 above."""
    yuan = cents / 100.0
    if abs(yuan) >= 10000:
        return QCoreApplication.translate("Segments", "¥%1万").replace("%1", f"{yuan / 10000:,.1f}")
    return f"¥{yuan:,.0f}"


class ClassTableModel(QAbstractTableModel):
    """Rows: the eight classes in DOMAIN.md's order. ``set_summary`` takes ``Scores.class_summary()``."""

    COLUMNS = ("class", "customers", "share", "aov", "action")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, float, float]] = [(0, float("nan"), float("nan"))] * len(RFM_CLASSES)

    def set_summary(self, summary: Any) -> None:
        rows = []
        for cls in RFM_CLASSES:
            r = summary.loc[cls.key]
            rows.append((int(r["customers"]), float(r["revenue_share"]), float(r["aov_cents"])))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RFM_CLASSES)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            QCoreApplication.translate("ClassTableModel", "Class"),
            QCoreApplication.translate("ClassTableModel", "Customers"),
            QCoreApplication.translate("ClassTableModel", "Revenue share"),
            QCoreApplication.translate("ClassTableModel", "Per order"),
            QCoreApplication.translate("ClassTableModel", "Suggested action"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(RFM_CLASSES):
            return None
        cls = RFM_CLASSES[index.row()]
        customers, share, aov = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "class":
                return cls.key
            if col == "customers":
                return f"{customers:,}"
            if col == "share":
                return "–" if share != share else f"{share:.1%}"
            if col == "aov":
                return "–" if aov != aov else f"¥{aov / 100:,.2f}"
            return QCoreApplication.translate("Segments", cls.action)
        if role == Qt.ItemDataRole.ToolTipRole:
            high = QCoreApplication.translate("ClassTableModel", "high")
            low = QCoreApplication.translate("ClassTableModel", "low")
            return (f"R {high if cls.r_high else low} · F {high if cls.f_high else low} · "
                    f"M {high if cls.m_high else low}\n" + QCoreApplication.translate("Segments", cls.action))  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("customers", "share", "aov"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return index.row()
        return None
