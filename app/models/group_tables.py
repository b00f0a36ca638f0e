"""The Groups screen's models: the group list, a group's members, and a day's figures for every group."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.models.tag_table import ID_ROLE, SORT_ROLE, DataclassTableModel
from app.services.groups import DEAD, GRADES, KIND_CHOICES, NO_DATA, GroupInfo, grade_source

__all__ = ["ID_ROLE", "SORT_ROLE", "GroupTableModel", "MemberTableModel", "DayFiguresModel", "grade_colour"]
TREND_ROLE = Qt.ItemDataRole.UserRole + 10

_GRADE_COLOURS = {"S": "#16a34a", "A": "#2563eb", "B": "#0891b2", "C": "#d97706", "D": "#dc2626",
                  DEAD: "#4b5563", NO_DATA: "#d1d5db"}  # fmt: skip
_Index = QModelIndex | QPersistentModelIndex


def grade_colour(grade: str) -> QColor:
    return QColor(_GRADE_COLOURS.get(grade, "#d1d5db"))


def grade_text(grade: str) -> str:
    return QCoreApplication.translate("Groups", grade_source(grade))


def kind_text(key: str, value: str | None) -> str:
    for code, label in KIND_CHOICES[key]:
        if code == value:
            return QCoreApplication.translate("Groups", label)
    return ""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


class GroupTableModel(DataclassTableModel):
    """群名称, 等级, 类型, 负责人, 成员, 活跃度, 转化率, GMV, 近 8 周 (``TREND_ROLE``: the eight grades)."""

    NAME, GRADE, KIND, OWNER, MEMBERS, ACTIVITY, CONVERSION, GMV, TREND = range(9)

    def titles(self) -> list[str]:
        return [
            QCoreApplication.translate("GroupTableModel", "Group"),
            QCoreApplication.translate("GroupTableModel", "Grade"),
            QCoreApplication.translate("GroupTableModel", "Type"),
            QCoreApplication.translate("GroupTableModel", "Owner"),
            QCoreApplication.translate("GroupTableModel", "Members"),
            QCoreApplication.translate("GroupTableModel", "Activity"),
            QCoreApplication.translate("GroupTableModel", "Conversion"),
            QCoreApplication.translate("GroupTableModel", "GMV"),
            QCoreApplication.translate("GroupTableModel", "Last 8 weeks"),
        ]

    def numeric(self, column: int) -> bool:
        return self.MEMBERS <= column <= self.GMV

    def display(self, row: GroupInfo, column: int) -> str:
        w = row.week
        if column == self.NAME:
            return row.name if row.status == "active" else QCoreApplication.translate(
                "GroupTableModel", "%1 (dissolved)").replace("%1", row.name)  # fmt: skip
        if column == self.GRADE:
            return grade_text(w.grade if w else NO_DATA)
        if column == self.KIND:
            return "、".join(t for t in (kind_text("kind_goal", row.kind_goal), kind_text("purpose", row.purpose)) if t)
        if column == self.OWNER:
            return row.owner_name or ""
        if column == self.MEMBERS:
            text = f"{row.members_shown:,}"
            return f"⚠ {text}" if row.over_capacity() else text
        if column == self.ACTIVITY:
            return _percent(w.activity_rate if w else None)
        if column == self.CONVERSION:
            return _percent(w.conversion_rate if w else None)
        if column == self.GMV:
            return f"¥{(w.gmv_cents if w else 0) / 100:,.2f}"
        return " ".join(g if g in GRADES else "·" for g in row.trend)

    def sort_key(self, row: GroupInfo, column: int) -> Any:
        w = row.week
        order = {g: i for i, g in enumerate((*GRADES, DEAD, NO_DATA))}
        return (
            row.name,
            order.get(w.grade if w else NO_DATA, 9),
            self.display(row, self.KIND),
            row.owner_name or "",
            row.members_shown,
            w.activity_rate if w else None,
            w.conversion_rate if w else None,
            w.gmv_cents if w else 0,
            sum(order.get(g, 9) for g in row.trend),
        )[column]

    def tooltip(self, row: GroupInfo, column: int) -> str | None:
        if column == self.MEMBERS and row.over_capacity():
            return QCoreApplication.translate(
                "GroupTableModel", "Over the capacity of %1: groups this big are rarely active").replace(
                "%1", str(row.capacity))  # fmt: skip
        if column == self.TREND:
            return " ".join(grade_text(g) for g in row.trend)
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            row = self._rows[index.row()]
            if role == TREND_ROLE:
                return list(row.trend)
            if index.column() == self.GRADE and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                                                           Qt.ItemDataRole.TextAlignmentRole):  # a badge
                if role == Qt.ItemDataRole.TextAlignmentRole:
                    return int(Qt.AlignmentFlag.AlignCenter)
                colour = grade_colour(row.week.grade if row.week else NO_DATA)
                return colour if role == Qt.ItemDataRole.BackgroundRole else QColor("white")
            if role == Qt.ItemDataRole.ForegroundRole:
                if row.status != "active":
                    return QColor("#8a8f98")
        return super().data(index, role)


class MemberTableModel(QAbstractTableModel):
    """A group's members: 姓名, 手机号, 入群, 退群."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str | None, dt.date | None, dt.date | None]] = []

    def set_rows(self, rows: list[tuple[int, str, str | None, dt.date | None, dt.date | None]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def customer_id(self, row: int) -> int:
        return self._rows[row][0]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 4:
            return None
        return (
            QCoreApplication.translate("MemberTableModel", "Name"),
            QCoreApplication.translate("MemberTableModel", "Phone"),
            QCoreApplication.translate("MemberTableModel", "Joined"),
            QCoreApplication.translate("MemberTableModel", "Left"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cid, name, phone, joined, left = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = (name, phone, joined, left)[index.column()]
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return cid
        if role == Qt.ItemDataRole.ForegroundRole and left is not None:
            return QColor("#8a8f98")
        return None


class DayFiguresModel(QAbstractTableModel):
    """One day's figures for every active group, typed in like a spreadsheet: rows are groups, columns the
    six figures (GMV in yuan). ``edited`` after each change; ``figures()`` gives what to save."""

    edited = Signal()
    FIELDS = ("members", "speakers", "messages", "visitors", "buyers", "gmv_cents")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[int, str]] = []
        self._values: list[list[int]] = []
        self._original: list[list[int]] = []

    def set_day(self, groups: list[tuple[int, str]], figures: dict[int, tuple[int, ...]]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._values = [list(figures.get(gid, (0,) * 6)) for gid, _name in groups]
        self._original = [list(v) for v in self._values]
        self.endResetModel()

    def changed(self) -> bool:
        return self._values != self._original

    def figures(self) -> dict[int, dict[str, int]]:
        """The groups whose figures were changed, with all six figures."""
        return {gid: dict(zip(self.FIELDS, values, strict=True))
                for (gid, _n), values, before in zip(self._groups, self._values, self._original, strict=True)
                if values != before}  # fmt: skip

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._groups[section][1] if 0 <= section < len(self._groups) else None
        if not 0 <= section < len(self.FIELDS):
            return None
        return (
            QCoreApplication.translate("DayFiguresModel", "Members"),
            QCoreApplication.translate("DayFiguresModel", "Spoke"),
            QCoreApplication.translate("DayFiguresModel", "Messages"),
            QCoreApplication.translate("DayFiguresModel", "Visitors"),
            QCoreApplication.translate("DayFiguresModel", "Buyers"),
            QCoreApplication.translate("DayFiguresModel", "GMV (yuan)"),
        )[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._values):
            return None
        value = self._values[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value / 100:,.2f}" if index.column() == 5 else f"{value:,}"
        if role == Qt.ItemDataRole.EditRole:
            return value / 100 if index.column() == 5 else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._values[index.row()] != self._original[index.row()]:
            return QColor("#2563eb")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            text = str(value).replace(",", "").replace("¥", "").strip()
            number = float(text) if text else 0.0
        except ValueError:
            return False
        if number < 0:
            return False
        stored = round(number * 100) if index.column() == 5 else int(number)
        if index.column() != 5 and number != int(number):
            return False
        self._values[index.row()][index.column()] = stored
        left, right = self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True
