from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.models.staff_table import ID_ROLE, StaffTableModel
from app.services.staff import StaffInfo, StaffService


@pytest.fixture(autouse=True)
def _english(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")


@pytest.fixture
def model(qapp) -> StaffTableModel:  # type: ignore[no-untyped-def]
    model = StaffTableModel()
    model.set_rows(
        [
            StaffInfo(1, "林晓", "owner", "active", None, 22611, 3, 0, "siyu_linxiao"),
            StaffInfo(2, "陈佳", "staff", "active", None, 31306, 4, 12),
            StaffInfo(4, "王磊", "staff", "departed", dt.date(2026, 10, 18), 9049, 0, 1),
        ]
    )
    return model


def test_passes_qt_model_tester(model, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)


def test_demo_staff_pass_qt_model_tester(demo_db, qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = StaffTableModel()
    model.set_rows(StaffService(demo_db).list())
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_columns(model) -> None:  # type: ignore[no-untyped-def]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Role", "Status", "Customers", "Groups", "Follow-ups", "Sign-in"]
    assert [model.data(model.index(0, c)) for c in range(7)] == [
        "林晓",
        "Owner",
        "Active",
        "22,611",
        "3",
        "0",
        "siyu_linxiao",
    ]
    assert model.data(model.index(1, 6)) == "–"  # no sign-in
    assert [model.data(model.index(2, c)) for c in range(3)] == ["王磊", "Staff", "Departed 2026-10-18"]
    assert model.data(model.index(2, 0), ID_ROLE) == 4
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole) is not None  # departed: greyed
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.member(1).name == "陈佳" and model.row_of(4) == 2


def test_sort(model) -> None:  # type: ignore[no-untyped-def]
    model.sort(StaffTableModel.CUSTOMERS, Qt.SortOrder.DescendingOrder)
    assert [model.member(r).name for r in range(3)] == ["陈佳", "林晓", "王磊"]
    model.sort(StaffTableModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert model.member(2).name == "王磊"
