"""The complete customer screen: filters, detail pane, bulk actions with undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from app import i18n
from app.services.customer_admin import CustomerAdminService
from app.services.customer_list import CustomerListService
from app.services.customers import CustomerService
from app.services.staff import StaffService
from app.services.tags import TagService
from app.views.customers_view import CustomersView, CustomerTools


@pytest.fixture
def view(qtbot, demo_db):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    tools = CustomerTools(CustomerService(demo_db), TagService(demo_db), StaffService(demo_db),
                          CustomerAdminService(demo_db))  # fmt: skip
    widget = CustomersView(CustomerListService(demo_db), tools)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.reload()
    qtbot.waitUntil(
        lambda: widget.model.index_data.searchable and widget.filters.tag.count() > 1, timeout=5000
    )
    yield widget
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)  # every load the test started has come back
    qtbot.wait(10)


def select_rows(view, rows) -> None:  # type: ignore[no-untyped-def]
    selection = view.table.selectionModel()
    selection.clearSelection()
    for r in rows:
        selection.select(
            view.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    selection.setCurrentIndex(view.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def test_filter_bar_limits_the_rows(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    total = view.model.rowCount()
    view.filters.orders.setCurrentIndex(view.filters.orders.findData(False))
    without = view.model.rowCount()
    assert 0 < without < total
    view.filters.level.setCurrentIndex(view.filters.level.findData("fan"))
    assert view.model.rowCount() <= without
    view.filters.clear()
    assert view.model.rowCount() == total


def test_detail_pane_edits_and_saves(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.table.setCurrentIndex(view.model.index(2, 0))
    assert view.detail.isVisible() and view.detail.customer_id == view.model.customer_id(2)
    view.detail.inputs["city"].setText("舟山")
    assert view.detail.changes() == {"city": "舟山"}
    with qtbot.waitSignal(view.detail.customer_changed):
        assert view.detail.save()
    assert view.detail._detail.values["city"] == "舟山"
    # a conflict: the record changed behind the pane's back
    view.detail._customers.update(view.detail.customer_id, view.detail._detail.version, {"city": "宁波"})
    view.detail.inputs["city"].setText("温州")
    asked = []
    view.detail.ask_reload = lambda message: asked.append(message) or True
    assert not view.detail.save()
    assert asked and "changed elsewhere" not in asked[0]  # in Chinese
    assert view.detail._detail.values["city"] == "宁波"


def test_bulk_tag_level_and_delete_with_undo(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    select_rows(view, [0, 1, 2])
    ids = view.selected_ids()
    assert len(ids) == 3
    tags = view._tools.tags.tags()
    wanted = next(i for i, t in enumerate(tags) if not t.exclusive)
    view.choose = lambda title, label, items: wanted
    view.bulk_add_tag()
    assert all(tags[wanted].id in {t.id for t in view._tools.tags.customer_tags(i)} for i in ids)
    view.choose = lambda title, label, items: 2  # member
    view.bulk_set_level()
    assert {view._tools.customers.detail(i).values["level"] for i in ids} == {"member"}
    qtbot.waitUntil(lambda: not view._loading, timeout=5000)
    select_rows(view, [0, 1, 2])
    view.confirm = lambda title, text: True
    before = view.model.total
    view.bulk_delete()
    qtbot.waitUntil(lambda: view.model.total == before - 3 and not view._loading, timeout=5000)
    assert view.undo_bar.isVisibleTo(view)
    view.undo_delete()
    qtbot.waitUntil(lambda: view.model.total == before, timeout=5000)
    qtbot.waitUntil(lambda: not view._loading, timeout=5000)
