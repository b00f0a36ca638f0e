from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.models.customer_table import ID_ROLE, CustomerTableModel, money
from app.services.customer_list import COLUMN_KEYS, CustomerListService


@pytest.fixture
def model(demo_db, qapp):  # type: ignore[no-untyped-def]
    service = CustomerListService(demo_db)
    model = CustomerTableModel(service)
    model.set_index(service.load_index())
    return model


def test_passes_qt_model_tester(model, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.set_search("王")
    qtmodeltester.check(model)
    model.sort(COLUMN_KEYS.index("total_spent_cents"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_empty_model_passes_qt_model_tester(db, qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    service = CustomerListService(db)
    model = CustomerTableModel(service)
    model.set_index(service.load_index())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_rows_search_and_sort(model) -> None:  # type: ignore[no-untyped-def]
    assert model.rowCount() == model.total == 400
    assert model.columnCount() == len(COLUMN_KEYS)
    first_id = model.data(model.index(0, 0), ID_ROLE)
    assert first_id == 1
    spent = COLUMN_KEYS.index("total_spent_cents")
    model.sort(spent, Qt.SortOrder.DescendingOrder)
    values = [model.data(model.index(r, spent)) for r in range(5)]
    parsed = [float(v.replace("¥", "").replace(",", "")) for v in values]
    assert parsed == sorted(parsed, reverse=True)
    name = model.data(model.index(0, 0))
    model.set_search(name)
    assert 1 <= model.rowCount() < 400
    assert all(name in model.data(model.index(r, 0)) for r in range(model.rowCount()))
    # the sort is kept while searching
    in_order = [model.data(model.index(r, spent)) for r in range(model.rowCount())]
    assert in_order == sorted(in_order, key=lambda v: -float(v.replace("¥", "").replace(",", "")))
    model.set_search("")
    assert model.rowCount() == 400


def test_rows_are_fetched_lazily_in_blocks(model, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    original = model._service.fetch_rows

    def counting(ids):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return original(ids)

    monkeypatch.setattr(model._service, "fetch_rows", counting)
    model.set_index(model.index_data)
    for row in range(150):
        model.data(model.index(row, 0))
    assert len(calls) == 1 and calls[0] <= 200
    model.data(model.index(399, 0))
    assert len(calls) == 2


def test_codes_become_words_and_follow_the_language(model) -> None:  # type: ignore[no-untyped-def]
    levels = {model.data(model.index(r, COLUMN_KEYS.index("level"))) for r in range(model.rowCount())}
    assert levels <= {"Fan", "Customer", "Member", "KOC"} or levels <= {"粉丝", "客户", "会员", "KOC"}
    assert money(123456) == "¥1,234.56" and money(-500) == "-¥5.00" and money(None) == ""
    assert QCoreApplication.instance() is not None
