from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from app import i18n
from app.models.bin_table import COLUMNS, ID_ROLE, BinTableModel
from app.services.customer_admin import BinEntry, CustomerAdminService


def _entries() -> list[BinEntry]:
    return [
        BinEntry(3, "王芳", "王姐 常买吐司", "13800000003", dt.datetime(2026, 11, 20, 9, 5), 4, 123450),
        BinEntry(1, "李雷", None, None, dt.datetime(2026, 11, 22, 18, 30, 59), 0, 0),
        BinEntry(2, "张伟", "张哥", "13800000002", dt.datetime(2026, 11, 21, 7, 0), 12, -500),
    ]


@pytest.fixture(autouse=True)
def _english(qapp):  # type: ignore[no-untyped-def]
    """The texts below are the English sources, whatever language an earlier test installed."""
    i18n.install("en")


@pytest.fixture
def model(qapp):  # type: ignore[no-untyped-def]
    model = BinTableModel()
    model.set_entries(_entries())
    return model


def test_passes_qt_model_tester(model, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.sort(COLUMNS.index("total_spent_cents"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_entries([])
    qtmodeltester.check(model)


def test_model_over_a_real_bin_passes_the_tester(demo_db, qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete(range(1, 51))
    model = BinTableModel()
    model.set_entries(admin.bin())
    assert model.rowCount() == 50
    qtmodeltester.check(model)


def test_columns_show_what_the_owner_reads(model) -> None:  # type: ignore[no-untyped-def]
    assert model.columnCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Name", "Remark name", "Phone", "Deleted", "Orders", "Total spent"]
    row = [model.data(model.index(0, c)) for c in range(6)]
    assert row == ["王芳", "王姐 常买吐司", "13800000003", "2026-11-20 09:05", "4", "¥1,234.50"]
    assert model.data(model.index(1, 1)) == "" and model.data(model.index(1, 5)) == "¥0.00"
    assert model.data(model.index(2, 5)) == "-¥5.00"
    assert model.data(model.index(0, 0), ID_ROLE) == 3
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None


def test_sort_keeps_selection_and_empty_values_last(model) -> None:  # type: ignore[no-untyped-def]
    keep = QPersistentModelIndex(model.index(0, 0))  # 王芳
    model.sort(COLUMNS.index("deleted_at"), Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0), ID_ROLE) for r in range(3)] == [1, 2, 3]
    assert keep.row() == 2 and keep.data() == "王芳"
    model.sort(COLUMNS.index("phone"), Qt.SortOrder.AscendingOrder)
    assert [model.entry(r).id for r in range(3)] == [2, 3, 1]
    model.sort(COLUMNS.index("phone"), Qt.SortOrder.DescendingOrder)
    assert [model.entry(r).id for r in range(3)] == [3, 2, 1]  # no phone: last either way
    model.set_entries(_entries())  # the sort stays for new rows
    assert [model.entry(r).id for r in range(3)] == [3, 2, 1]
