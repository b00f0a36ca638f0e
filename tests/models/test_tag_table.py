from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app import i18n
from app.models.tag_table import ID_ROLE, NO_DATE, TagGroupTableModel, TagTableModel
from app.services.tags import TagGroupInfo, TagInfo, TagService


def _tag(tag_id: int, name: str, count: int, last: dt.datetime | None) -> TagInfo:
    return TagInfo(tag_id, 1, "消费偏好", name, "#f59e0b", False, count, last)


@pytest.fixture(autouse=True)
def _english(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")


@pytest.fixture
def model(qapp) -> TagTableModel:  # type: ignore[no-untyped-def]
    model = TagTableModel()
    model.set_rows(
        [
            _tag(1, "爱吃甜", 1234, dt.datetime(2026, 11, 20, 9, 0)),
            _tag(2, "面包控", 0, None),
            _tag(3, "咖啡", 56, dt.datetime(2026, 10, 1, 18, 30)),
        ]
    )
    return model


def test_tag_model_passes_qt_model_tester(model, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.sort(TagTableModel.CUSTOMERS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_demo_tags_pass_qt_model_tester(demo_db, qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    service = TagService(demo_db)
    tags = TagTableModel()
    tags.set_rows(service.tags())
    qtmodeltester.check(tags)
    groups = TagGroupTableModel()
    groups.set_rows(service.groups())
    qtmodeltester.check(groups)
    assert groups.rowCount() == 5


def test_tag_columns(model) -> None:  # type: ignore[no-untyped-def]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Tag",
        "Customers",
        "Last used",
    ]
    assert [model.data(model.index(0, c)) for c in range(3)] == ["爱吃甜", "1,234", "2026-11-20"]
    assert model.data(model.index(1, 2)) == NO_DATE
    assert model.data(model.index(1, 0), ID_ROLE) == 2
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) == QColor("#f59e0b")
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole)  # an unused tag says so
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
    assert model.row_of(3) == 2 and model.row_of(99) == -1
    assert model.tag(0).name == "爱吃甜"


def test_sort_by_each_column_keeps_never_used_last(model) -> None:  # type: ignore[no-untyped-def]
    def names() -> list[str]:
        return [model.data(model.index(r, 0)) for r in range(model.rowCount())]

    model.sort(TagTableModel.CUSTOMERS, Qt.SortOrder.DescendingOrder)
    assert names() == ["爱吃甜", "咖啡", "面包控"]
    model.sort(TagTableModel.LAST_USED, Qt.SortOrder.AscendingOrder)
    assert names() == ["咖啡", "爱吃甜", "面包控"]
    model.sort(TagTableModel.LAST_USED, Qt.SortOrder.DescendingOrder)
    assert names() == ["爱吃甜", "咖啡", "面包控"]
    model.sort(TagTableModel.NAME, Qt.SortOrder.AscendingOrder)
    assert names() == sorted(names())
    # the sort is kept when the rows are replaced
    model.sort(TagTableModel.CUSTOMERS, Qt.SortOrder.AscendingOrder)
    model.set_rows([_tag(5, "少", 1, None), _tag(6, "多", 9, None)][::-1])
    assert names() == ["少", "多"]


def test_sort_moves_persistent_indexes(model) -> None:  # type: ignore[no-untyped-def]
    kept = QPersistentModelIndex(model.index(1, 0))  # 面包控
    model.sort(TagTableModel.CUSTOMERS, Qt.SortOrder.DescendingOrder)
    assert kept.row() == 2 and kept.data() == "面包控"


def test_group_model(qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TagGroupTableModel()
    model.set_rows(
        [
            TagGroupInfo(1, "来源渠道", True, "#3b82f6", 1, 8, 100000),
            TagGroupInfo(2, "消费偏好", False, "#f59e0b", 2, 6, 50841),
        ]
    )
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(4)] == ["来源渠道", "S-level", "8", "100,000"]
    assert model.data(model.index(1, 1)) == "Multiple"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) == QColor("#3b82f6")
    assert "one per customer" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    model.sort(TagGroupTableModel.CUSTOMERS, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    assert model.group(0).name == "消费偏好"
