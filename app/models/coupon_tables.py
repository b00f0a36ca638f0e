"""The Coupons screen's models: campaigns with their figures, and a campaign's coupons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.models.tag_table import ID_ROLE, SORT_ROLE, DataclassTableModel
from app.services.coupons import KIND_LABELS, CampaignResult, CouponInfo

__all__ = ["ID_ROLE", "SORT_ROLE", "CampaignTableModel", "CouponTableModel", "kind_text", "status_text"]
_Index = QModelIndex | QPersistentModelIndex


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("Coupons", KIND_LABELS.get(kind, kind))


def status_text(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("CampaignTableModel", "Draft"),
        "active": QCoreApplication.translate("CampaignTableModel", "Active"),
        "ended": QCoreApplication.translate("CampaignTableModel", "Ended"),
    }.get(status, status)


def _money(cents: float | None) -> str:
    return "–" if cents is None else f"¥{cents / 100:,.2f}"


class CampaignTableModel(DataclassTableModel):
    """活动, 类型, 状态, 发放, 核销, 核销率, GMV, 成本, ROI (rows: ``CampaignResult``; ``id`` is the campaign)."""

    NAME, KIND, STATUS, ISSUED, REDEEMED, RATE, GMV, COST, ROI = range(9)

    def titles(self) -> list[str]:
        return [
            QCoreApplication.translate("CampaignTableModel", "Campaign"),
            QCoreApplication.translate("CampaignTableModel", "Kind"),
            QCoreApplication.translate("CampaignTableModel", "Status"),
            QCoreApplication.translate("CampaignTableModel", "Issued"),
            QCoreApplication.translate("CampaignTableModel", "Redeemed"),
            QCoreApplication.translate("CampaignTableModel", "Redemption rate"),
            QCoreApplication.translate("CampaignTableModel", "GMV"),
            QCoreApplication.translate("CampaignTableModel", "Cost"),
            QCoreApplication.translate("CampaignTableModel", "ROI"),
        ]

    def numeric(self, column: int) -> bool:
        return column >= self.ISSUED

    def display(self, row: CampaignResult, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.KIND:
            return kind_text(row.kind)
        if column == self.STATUS:
            return status_text(row.status)
        if column == self.ISSUED:
            return f"{row.issued:,}"
        if column == self.REDEEMED:
            return f"{row.redeemed:,}"
        if column == self.RATE:
            return "–" if row.redemption_rate is None else f"{row.redemption_rate:.1%}"
        if column == self.GMV:
            return _money(row.gmv_cents)
        if column == self.COST:
            return _money(row.cost_cents)
        return "–" if row.roi is None else f"{row.roi:.2f}"

    def sort_key(self, row: CampaignResult, column: int) -> Any:
        return (row.name, row.kind, row.status, row.issued, row.redeemed, row.redemption_rate, row.gmv_cents,
                row.cost_cents, row.roi)[column]  # fmt: skip

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < self.rowCount():
            return self._rows[index.row()].campaign_id
        return super().data(index, role)

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._rows):
            if item.campaign_id == item_id:
                return row
        return -1


class CouponTableModel(QAbstractTableModel):
    """A campaign's coupons: 券码, 领取人, 手机号, 发放, 有效至, 核销, 优惠."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CouponInfo] = []

    def set_rows(self, rows: list[CouponInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def coupon(self, row: int) -> CouponInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 7:
            return None
        return (
            QCoreApplication.translate("CouponTableModel", "Code"),
            QCoreApplication.translate("CouponTableModel", "Holder"),
            QCoreApplication.translate("CouponTableModel", "Phone"),
            QCoreApplication.translate("CouponTableModel", "Issued"),
            QCoreApplication.translate("CouponTableModel", "Valid until"),
            QCoreApplication.translate("CouponTableModel", "Redeemed"),
            QCoreApplication.translate("CouponTableModel", "Discount"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (c.code, c.customer_name or "", c.phone or "", c.issued_at.strftime("%Y-%m-%d") if c.issued_at else "",
                      str(c.valid_until or ""), c.redeemed_at.strftime("%Y-%m-%d %H:%M") if c.redeemed_at else "",
                      _money(c.discount_cents) if c.discount_cents is not None else "")  # fmt: skip
            return values[index.column()]
        if role == ID_ROLE:
            return c.id
        if role == Qt.ItemDataRole.ForegroundRole and c.redeemed_at is not None:
            return QColor("#16a34a")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
