"""The Groups screen with the demo shop: list, grades, group page, daily figures grid, thresholds."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.models.group_tables import DayFiguresModel, GroupTableModel, MemberTableModel
from app.services.groups import GroupService
from app.services.staff import StaffService
from app.views.groups_view import DayFiguresDialog, GroupsView, ThresholdsDialog


@pytest.fixture
def view(qtbot, demo_db):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    staff = [(m.id, m.name) for m in StaffService(demo_db).list(include_departed=False)]
    widget = GroupsView(GroupService(demo_db), staff)
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0 and widget.page.isEnabled(), timeout=10000)
    yield widget
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(10)


def test_list_shows_each_groups_grade_for_the_week(view, demo_db) -> None:  # type: ignore[no-untyped-def]
    week = view.selected_week()
    expected = {g.name: g.week.grade for g in GroupService(demo_db).groups(week, include_dissolved=False)}
    shown = {}
    for row in range(view.model.rowCount()):
        info = view.model.row_item(row)
        shown[info.name] = info.week.grade
        text = view.model.data(view.model.index(row, GroupTableModel.GRADE))
        assert text in ("S", "A", "B", "C", "D", "死群", "无数据")
    assert shown == expected and len(set(shown.values())) >= 3  # the demo's groups spread over the grades
    assert "个社群" in view.summary.text() or "groups" in view.summary.text()


def test_models_pass_the_model_tester(qtmodeltester, view) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    for column in range(view.model.columnCount()):
        view.model.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(view.model)
    qtmodeltester.check(view.page.member_model)
    qtmodeltester.check(MemberTableModel())
    day = DayFiguresModel()
    day.set_day([(1, "甲"), (2, "乙")], {1: (10, 2, 5, 4, 1, 990)})
    qtmodeltester.check(day)


def test_group_page_members_figures_and_charts(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    page = view.page
    info = view.current_group()
    assert page.name.text() == info.name
    assert page.member_model.rowCount() == info.current_members > 0
    assert info.week.grade in page.week_summary.text() or "死群" in page.week_summary.text() or "无数据" in page.week_summary.text()
    assert page.day_table.model().rowCount() == info.week.days
    assert "×" in page.gmv_split.text()
    assert page.plot_rates is not None and page.plot_gmv is not None
    # a member leaves
    page.member_table.selectRow(0)
    before = page.member_model.rowCount()
    with qtbot.waitSignal(view.data_changed):
        page.remove_member.click()
    assert page.member_model.rowCount() == before - 1
    page.show_left.setChecked(True)
    assert page.member_model.rowCount() > before - 1


def test_profile_saves_and_refuses_a_stale_copy(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = view.page
    info = view.current_group()
    GroupService(demo_db).save({"name": info.name, "capacity": 99}, info.id, info.version)  # someone else
    page.capacity.setValue(150)
    warned = []
    import app.views.groups_view as gv

    original = gv.QMessageBox.warning
    gv.QMessageBox.warning = lambda *a: warned.append(a[2])  # type: ignore[method-assign]
    try:
        assert not page.save()
    finally:
        gv.QMessageBox.warning = original  # type: ignore[method-assign]
    assert warned and "别人" in warned[0]
    view.reload()
    qtbot.waitUntil(lambda: view.current_group() is not None and view.current_group().capacity == 99, timeout=5000)
    view.page.capacity.setValue(150)
    assert view.page.save()
    assert GroupService(demo_db).group(info.id).capacity == 150


def test_typing_a_days_figures(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    dialog = DayFiguresDialog(GroupService(demo_db), view)
    qtbot.addWidget(dialog)
    day = dt.date.today() - dt.timedelta(days=1)
    assert dialog.model.rowCount() == len(GroupService(demo_db).groups(day, include_dissolved=False))
    model = dialog.model
    assert model.setData(model.index(0, 0), "300")
    assert model.setData(model.index(0, 1), "90")
    assert model.setData(model.index(0, 5), "1,234.50")
    assert not model.setData(model.index(0, 2), "-4")  # never negative
    assert not model.setData(model.index(0, 2), "2.5")  # whole numbers only
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    gid = dialog.model._groups[0][0]
    assert GroupService(demo_db).day_figures(day)[gid][:2] == (300, 90)
    assert GroupService(demo_db).day_figures(day)[gid][5] == 123450
    assert "1" in dialog.status.text()


def test_thresholds_dialog_round_trip(view) -> None:  # type: ignore[no-untyped-def]
    dialog = ThresholdsDialog(view._service.thresholds().percent(), view)
    assert dialog.values()["S"] == ("30", "20") and dialog.values()["D"] == ("1", "1")
    dialog.edits["S"][0].setText("35%")
    assert dialog.values()["S"] == ("35", "20")


def test_the_settings_menu_opens_each_screens_thresholds(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.main import _add_groups_screen, _add_segments_screen, open_settings
    from app.services.customer_admin import CustomerAdminService
    from app.services.customer_list import CustomerListService
    from app.services.customers import CustomerService
    from app.services.tags import TagService
    from app.views.customers_view import CustomersView, CustomerTools
    from app.views.main_window import MainWindow
    from app.views.segments_view import SegmentsView

    i18n.install("zh_CN")
    opened = []
    monkeypatch.setattr(GroupsView, "edit_thresholds", lambda self: opened.append("groups"))
    monkeypatch.setattr(SegmentsView, "edit_model_settings", lambda self: opened.append("segments"))
    tools = CustomerTools(CustomerService(demo_db), TagService(demo_db), StaffService(demo_db),
                          CustomerAdminService(demo_db))  # fmt: skip
    customers = CustomersView(CustomerListService(demo_db), tools)
    window = MainWindow(customers, demo_db.location.display, "zh_CN")
    qtbot.addWidget(window)
    _add_segments_screen(window, demo_db, tools)
    _add_groups_screen(window, demo_db, tools)
    window.settings_requested.connect(lambda key: open_settings(window, key))
    window.show()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["客户", "分群", "社群"]
    window.group_settings_action.trigger()
    qtbot.waitUntil(lambda: opened == ["groups"], timeout=5000)
    assert isinstance(window.stack.currentWidget().layout().itemAt(0).widget(), GroupsView)
    window.segment_settings_action.trigger()
    qtbot.waitUntil(lambda: opened == ["groups", "segments"], timeout=5000)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(10)
