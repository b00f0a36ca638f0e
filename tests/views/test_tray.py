"""Reminders on screen: the in-app panel (offscreen has no system tray), where each reminder leads, the
switch in the 设置 menu, and content items notified once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton

from app import i18n
from app.services.customer_list import CustomerListService
from app.services.reminders import BIRTHDAY, FOLLOW_UP, SOP_DUE, Reminder, SopItem
from app.views.customers_view import CustomersView
from app.views.main_window import MainWindow
from app.views.tray import ReminderTray, reminder_text, reminder_title

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)

NOW = dt.datetime(2026, 11, 22, 9, 30)


def _window(qtbot, demo_db) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    customers = CustomersView(CustomerListService(demo_db))
    window = MainWindow(customers, demo_db.location.display, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    customers.reload()
    qtbot.waitUntil(lambda: customers.model.index_data.searchable, timeout=5000)
    return window


def _tray(window, daily, soon=lambda now: None) -> ReminderTray:  # type: ignore[no-untyped-def]
    return ReminderTray(window, daily, soon, QIcon(), clock=lambda: NOW, tray_available=False)


def _customers(window, rows: list[int]) -> tuple[tuple[int, ...], tuple[str, ...]]:  # type: ignore[no-untyped-def]
    model = window.customers.model
    ids = tuple(model.customer_id(r) for r in rows)
    names = tuple(model.data(model.index(r, 0)) for r in rows)
    return ids, names


def test_texts_in_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    birthdays = Reminder(BIRTHDAY, 5, (1, 2, 3, 4, 5), ("张三", "李四", "王五", "赵六", "钱七"))
    assert reminder_title(birthdays) == "今天生日：5 位客户"
    assert reminder_text(birthdays) == "张三、李四、王五 等另外 2 位"
    sop = Reminder(SOP_DUE, 1, items=(SopItem(9, NOW, "group", "早安问候"),))
    assert reminder_title(sop) == "一小时内要发的内容：1 条"
    assert reminder_text(sop) == "09:30 社群 · 早安问候"


def test_panel_shows_reminders_and_opens_customers(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    one_id, one_name = _customers(window, [5])
    many_ids, many_names = _customers(window, [2, 7, 11])
    daily = [
        Reminder(BIRTHDAY, 1, one_id, one_name),
        Reminder(FOLLOW_UP, 3, many_ids, many_names),
    ]
    tray = _tray(window, lambda today: daily if today == NOW.date() else [])
    assert tray.tray is None and tray.panel is not None  # offscreen: no system tray
    with qtbot.waitSignal(tray.reminders_shown, timeout=5000):
        tray.set_enabled(True)
    panel = tray.panel
    assert panel.isVisible() and panel.heading.text() == "提醒"
    buttons = panel.findChildren(QPushButton, "showReminder")
    assert len(buttons) == 2

    buttons[0].click()  # one birthday: the name goes into the search
    view = window.customers
    assert window.stack.currentWidget() is view
    assert view.search.text() == one_name[0]
    assert one_id[0] in {view.model.customer_id(r) for r in range(view.model.rowCount())}

    buttons[1].click()  # several follow-ups: the search is cleared and they are selected
    assert view.search.text() == ""
    selected = {view.model.customer_id(i.row()) for i in view.table.selectionModel().selectedRows()}
    assert selected == set(many_ids)
    assert "3" in window.statusBar().currentMessage()

    tray.set_enabled(False)
    assert not panel.isVisible()


def test_the_panel_folds_to_its_heading_and_unfolds_on_a_click(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    window = _window(qtbot, demo_db)
    ids, names = _customers(window, [2, 7, 11])
    tray = _tray(window, lambda today: [Reminder(FOLLOW_UP, 3, ids, names), Reminder(BIRTHDAY, 1, ids[:1], names[:1])])
    with qtbot.waitSignal(tray.reminders_shown, timeout=5000):
        tray.set_enabled(True)
    panel = tray.panel
    tall = panel.height()
    assert panel.geometry().bottom() > window.height() - 60  # bottom right
    assert panel._fold_timer.isActive() and panel._fold_timer.interval() == panel.FOLD_AFTER_MS
    panel._fold_if_idle()  # the time is up and the pointer is elsewhere
    # folded into the status bar: nothing covers the screen's corner (the detail pane's save button)
    assert panel.folded and not panel.isVisible()
    button = panel.status_button
    assert button.isVisible() and button.text() == "提醒（2）" and button.parent() is not None
    assert window.statusBar().isAncestorOf(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not panel.folded and panel.isVisible() and panel.height() == tall and not button.isVisible()
    panel.fold_button.click()
    assert panel.folded and button.isVisible()
    button.click()
    assert not panel.folded and len(panel.findChildren(QPushButton, "showReminder")) == 2
    panel.close_button.click()  # put away: neither the panel nor its button
    assert not panel.isVisible() and not button.isVisible()


def test_switched_off_nothing_is_fetched(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    calls: list[dt.date] = []
    tray = _tray(window, lambda today: calls.append(today) or [])
    window.tray_reminders_toggled.connect(tray.set_enabled)
    window.tray_reminders_action.setChecked(False)
    qtbot.wait(50)
    assert calls == [] and not tray.panel.isVisible()
    assert window.tray_reminders_action.text() == "系统托盘提醒"
    assert window.tray_reminders_action.isCheckable()
    with qtbot.waitSignal(window.tray_reminders_toggled, timeout=1000) as blocker:
        window.tray_reminders_action.trigger()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: calls == [NOW.date()], timeout=5000)


def test_content_items_are_notified_once(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    items = (SopItem(1, NOW + dt.timedelta(minutes=20), "moments", "晒新品"),)
    tray = _tray(window, lambda today: [], lambda now: Reminder(SOP_DUE, 1, items=items))
    shown: list[list[Reminder]] = []
    tray.reminders_shown.connect(shown.append)
    tray.set_enabled(True)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    tray.check_soon()  # five minutes later: the same item, not notified again
    qtbot.wait(200)
    assert len(shown) == 1 and shown[0][0].items == items
    buttons = tray.panel.findChildren(QPushButton, "showReminder")
    buttons[0].click()  # no planner screen yet: the status bar lists the items
    assert "晒新品" in window.statusBar().currentMessage()
    tray.set_enabled(False)


def test_bring_to_front_shows_a_minimised_window(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    window.showMinimized()
    window.bring_to_front()
    assert window.isVisible() and not window.isMinimized()


def test_clicking_or_typing_elsewhere_folds_the_panel_out_of_the_way(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    window = _window(qtbot, demo_db)
    ids, names = _customers(window, [2, 7, 11])
    tray = _tray(window, lambda today: [Reminder(FOLLOW_UP, 3, ids, names)])
    with qtbot.waitSignal(tray.reminders_shown, timeout=5000):
        tray.set_enabled(True)
    panel = tray.panel
    assert not panel.folded
    qtbot.mouseClick(panel.body, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # a click on the panel: stays
    assert not panel.folded
    table = window.customers.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))  # work in the window
    assert panel.folded and not panel.isVisible() and not panel._watching
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not panel.folded and panel._watching
    qtbot.keyClick(table, Qt.Key.Key_Down)  # typing, too
    assert panel.folded and not panel._watching
    panel.status_button.click()
    panel.close_button.click()  # closed: nothing is watched any more
    assert not panel.isVisible() and not panel._watching
