"""StaffTableModel: the shop's members with what each looks after (a handful of rows, sorted in Python)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from app.models.tag_table import ID_ROLE, SORT_ROLE, DataclassTableModel
from app.services.staff import StaffInfo

__all__ = ["ID_ROLE", "SORT_ROLE", "StaffTableModel", "role_text", "status_text"]
DEPARTED_COLOR = "#8a8f98"


def role_text(role: str) -> str:
    return {
        "owner": QCoreApplication.translate("StaffTableModel", "Owner"),
        "staff": QCoreApplication.translate("StaffTableModel", "Staff"),
    }.get(role, role)


def status_text(info: StaffInfo) -> str:
    if info.status == "active":
        return QCoreApplication.translate("StaffTableModel", "Active")
    if info.departed_at is None:
        return QCoreApplication.translate("StaffTableModel", "Departed")
    return QCoreApplication.translate("StaffTableModel", "Departed %1").replace(
        "%1", info.departed_at.isoformat()
    )


class StaffTableModel(DataclassTableModel):
    """Columns: 姓名, 角色, 状态, 负责客户, 负责社群, 待跟进, 登录账号 (a shared shop's sign-in);
    ``ID_ROLE`` gives a row's staff id."""

    NAME, ROLE, STATUS, CUSTOMERS, GROUPS, FOLLOW_UPS, LOGIN = range(7)

    def titles(self) -> list[str]:
        return [
            QCoreApplication.translate("StaffTableModel", "Name"),
            QCoreApplication.translate("StaffTableModel", "Role"),
            QCoreApplication.translate("StaffTableModel", "Status"),
            QCoreApplication.translate("StaffTableModel", "Customers"),
            QCoreApplication.translate("StaffTableModel", "Groups"),
            QCoreApplication.translate("StaffTableModel", "Follow-ups"),
            QCoreApplication.translate("StaffTableModel", "Sign-in"),
        ]

    def numeric(self, column: int) -> bool:
        return self.CUSTOMERS <= column <= self.FOLLOW_UPS

    def display(self, row: StaffInfo, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.ROLE:
            return role_text(row.role)
        if column == self.STATUS:
            return status_text(row)
        if column == self.LOGIN:
            return row.login or "–"
        return f"{(row.customer_count, row.group_count, row.open_follow_up_count)[column - self.CUSTOMERS]:,}"

    def sort_key(self, row: StaffInfo, column: int) -> Any:
        return (
            row.name,
            row.role != "owner",
            (row.status != "active", row.departed_at or dt.date.min),
            row.customer_count,
            row.group_count,
            row.open_follow_up_count,
            row.login or "",
        )[column]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and 0 <= index.row() < self.rowCount():
            if not self.member(index.row()).active:
                return QColor(DEPARTED_COLOR)
        return super().data(index, role)

    def member(self, row: int) -> StaffInfo:
        return self._rows[row]
