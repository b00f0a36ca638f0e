"""The weekly planner screen with the demo shop's week."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.services.events import week_events
from app.services.groups import GroupService, week_of
from app.services.planner import PlanItem, PlannerService
from app.views.planner_view import ItemDialog, PlannerView


@pytest.fixture
def view(qtbot, demo_db):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    widget = PlannerView(PlannerService(demo_db), lambda: [(g.id, g.name) for g in GroupService(demo_db).groups()],
                         lambda monday: week_events(demo_db, monday))  # fmt: skip
    qtbot.addWidget(widget)
    widget.resize(1366, 860)
    widget.show_week(week_of(dt.date(2026, 11, 23))[0])  # the demo's content week
    widget.show()
    return widget


def test_the_demo_week_fills_the_grid(view) -> None:  # type: ignore[no-untyped-def]
    shown = sum(cell.count() for cell in view.cells.values())
    assert shown == len(view._items) > 0
    assert view.cells[(0, "moments")].count() == 3 and "2026-W48" in view.week_title.text()
    assert view.checks.count() >= 1


def test_dragging_a_card_moves_it_and_rechecks(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    service = PlannerService(demo_db)
    first = view.cells[(0, "moments")].item(0).data(Qt.ItemDataRole.UserRole + 1)
    view._dropped(first, view._monday + dt.timedelta(days=1), "moments", False)
    assert view.cells[(0, "moments")].count() == 2 and view.cells[(1, "moments")].count() == 4
    assert any("朋友圈" in view.checks.item(i).text() or "moments" in view.checks.item(i).text() or "3" in view.checks.item(i).text()
               for i in range(view.checks.count()))  # fmt: skip
    findings = service.check(view._monday, now=dt.datetime(2026, 11, 23, 0, 0))
    assert ("moments_per_day", "2026-11-24") in {(f.rule, f.scope) for f in findings}
    # Ctrl+drag copies; a card cannot leave its channel row
    view._dropped(first, view._monday + dt.timedelta(days=2), "moments", True)
    assert view.cells[(2, "moments")].count() == 4 and view.cells[(1, "moments")].count() == 4
    before = len(view._items)
    import app.views.planner_view as pv

    original = pv.QMessageBox.information
    pv.QMessageBox.information = lambda *a: None  # type: ignore[method-assign]
    try:
        view._dropped(first, view._monday, "group", False)
    finally:
        pv.QMessageBox.information = original  # type: ignore[method-assign]
    assert len(view._items) == before


def test_status_and_the_card_editor(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    item = view._items[0]
    view.set_status(item, "skipped")
    assert next(i for i in view._items if i.id == item.id).status == "skipped"
    dialog = ItemDialog(PlanItem(None, dt.datetime(2026, 11, 25, 20), "group", "interaction", "答题"),
                        [(1, "福利1群"), (2, "福利2群")], view)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.groups.item(1).setCheckState(Qt.CheckState.Checked)
    made = dialog.item()
    assert made.targets == {"groups": [2]} and made.category == "interaction"
    dialog.channel.setCurrentIndex(dialog.channel.findData("moments"))
    assert dialog.category.findData("product") > 0 and dialog.category.findData("interaction") < 0


def test_activity_library_dialog(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from app.services.activities import ActivityService
    from app.views.activity_library import ActivityLibraryDialog, params_text, parse_params

    assert parse_params(params_text({"steps": [50, 100, 150], "weekday": 3})) == {"steps": [50, 100, 150], "weekday": 3}
    i18n.install("zh_CN")
    dialog = ActivityLibraryDialog(ActivityService(demo_db))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 10 and not dialog.delete_button.isEnabled()
    dialog.new_play()
    assert dialog.list.count() == 11 and dialog.delete_button.isEnabled()
    dialog.name.setText("试吃会")
    dialog.params.setPlainText("seats = 20")
    assert dialog.save()
    assert any(p.name == "试吃会" and p.params == {"seats": 20} for p in ActivityService(demo_db).activities())
    dialog.delete()
    assert dialog.list.count() == 10


def test_card_editor_one_on_one_targets_links_and_pictures(qtbot, demo_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.main import planner_choices

    i18n.install("zh_CN")
    with demo_db.engine.connect() as conn:
        phone, cid = conn.execute(text("SELECT phone, id FROM customer WHERE phone IS NOT NULL ORDER BY id LIMIT 1")).one()
    choices = planner_choices(demo_db)
    dialog = ItemDialog(PlanItem(None, dt.datetime(2026, 11, 26, 10), "one_on_one", None, "唤回"), [], None, choices)
    qtbot.addWidget(dialog)
    tag_id = choices["tags"][0][0]
    dialog.tags.set_choices(choices["tags"], [tag_id])
    dialog.phones.setText(f"{phone}、13000000000")
    with pytest.raises(ValueError, match="13000000000"):
        dialog.item()
    dialog.phones.setText(phone)
    dialog.campaign.setCurrentIndex(1)
    dialog.activity.setCurrentIndex(1)
    dialog.orders.setText("3")
    dialog.gmv.setText("¥1,234.50")
    picture = tmp_path / "poster.png"
    picture.write_bytes(b"\\x89PNG\\r\\n")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(picture)], ""))
    dialog._add_images()
    made = dialog.item()
    assert made.targets == {"tags": [tag_id], "customers": [cid]}
    assert made.campaign_id == choices["campaigns"][0][0] and made.activity_id == choices["activities"][0][0]
    assert (made.orders, made.gmv_cents) == (3, 123450) and len(made.images) == 1
    from app import paths

    assert (paths.data_dir() / "images" / made.images[0]).is_file()
    saved = PlannerService(demo_db).save(made)
    again = next(i for i in PlannerService(demo_db).items(dt.date(2026, 11, 23)) if i.id == saved)
    assert again.images == made.images and again.targets == made.targets
    reopened = ItemDialog(again, [], None, choices)
    qtbot.addWidget(reopened)
    assert reopened.phones.text() == phone and reopened.tags.values() == [tag_id]


def test_rules_and_shop_events_dialogs(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import week_events
    from app.views.planner_settings import PlanRulesDialog, ShopEventsDialog

    i18n.install("zh_CN")
    service = PlannerService(demo_db)
    rules = PlanRulesDialog(service)
    qtbot.addWidget(rules)
    rules.moments_day.setValue(2)
    rules.save()
    assert service.rules().moments_per_day == 2
    rules.shares[0].setValue(50)  # no longer 100 in all
    import app.views.planner_settings as ps

    warned = []
    original = ps.QMessageBox.warning
    ps.QMessageBox.warning = lambda *a: warned.append(a[2])  # type: ignore[method-assign]
    try:
        rules.save()
    finally:
        ps.QMessageBox.warning = original  # type: ignore[method-assign]
    assert warned and "100" in warned[0]
    events = ShopEventsDialog(service)
    qtbot.addWidget(events)
    events.day.setDate(events.day.date().fromString("2026-11-26", "yyyy-MM-dd"))
    events.name.setText("店庆三周年")
    events._add("2026-11-26", events.name.text())
    events.save()
    assert service.shop_events() == [{"date": "2026-11-26", "name": "店庆三周年"}]
    assert any(e.kind == "shop" and e.text == "店庆三周年" for e in week_events(demo_db, dt.date(2026, 11, 23)))
