"""The dashboard's figures: the same as the metrics service's, alerts that agree with the segmentation and the
reminders, read in one call."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app.services.dashboard import change, dashboard, dormant_this_week
from app.services.metrics import MetricsService, previous_week
from app.services.reminders import birthdays, birthdays_on
from app.services.segmentation import SegmentationService, load_settings

W47 = dt.date(2026, 11, 16)  # the demo shop's last complete week


def test_the_dashboard_shows_the_metrics_services_figures(demo_db) -> None:  # type: ignore[no-untyped-def]
    data = dashboard(demo_db, W47, today=dt.date(2026, 11, 23))
    service = MetricsService(demo_db)
    assert data.this == service.week(W47)
    assert data.before == service.week(previous_week(W47))
    assert data.this.gmv > 0 and data.this.buyers > 0
    assert [p.monday for p in data.trend][-2:] == [previous_week(W47), W47]
    assert data.trend[-1].gmv == data.this.gmv and data.trend[-2].buyers == data.before.buyers
    assert sum(data.grades.values()) > 0
    assert [a.key for a in data.alerts] == ["dormant_high_value", "groups_capacity", "groups_dead", "sop_missed",
                                            "coupons_expiring", "birthdays", "follow_ups"]  # fmt: skip
    with demo_db.engine.begin() as conn:  # a new order in the week: the next look shows it
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                          "VALUES (1, '2026-11-20 10:00:00', 12345, 'test', 'DASH1')"))  # fmt: skip
    assert dashboard(demo_db, W47).this.gmv == data.this.gmv + 12345


def test_dormant_high_value_customers_agree_with_the_segmentation(demo_db) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(demo_db)
    found_any = False
    for monday in (W47, W47 - dt.timedelta(weeks=3), W47 - dt.timedelta(weeks=8)):
        sunday = monday + dt.timedelta(days=6)
        f = SegmentationService(demo_db).compute(sunday).frame
        expected = sorted(int(i) for i in f.index[(f["frequency"] >= settings.high_value_orders)
                                                  & (f["recency_days"] > settings.dormant_days)
                                                  & (f["recency_days"] <= settings.dormant_days + 7)])  # fmt: skip
        assert dormant_this_week(demo_db, monday) == expected
        found_any = found_any or bool(expected)
    assert found_any


def test_a_weeks_birthdays_are_each_days(demo_db) -> None:  # type: ignore[no-untyped-def]
    days = [dt.date(2026, 11, 23) + dt.timedelta(days=i) for i in range(7)]
    week = birthdays_on(demo_db, days)
    seen = 0
    for day in days:
        one = birthdays(demo_db, day)
        assert (week[day].customer_ids if week[day] else ()) == (one.customer_ids if one else ())
        seen += len(one.customer_ids) if one else 0
    assert seen > 0


def test_change_is_none_without_a_base() -> None:
    assert change(150, 100) == 0.5 and change(50, 100) == -0.5
    assert change(10, 0) is None and change(None, 5) is None and change(5, None) is None


def test_the_dormant_alert_follows_old_orders_and_the_recycle_bin(demo_db) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 23)
    before = next(a for a in dashboard(demo_db, W47, today=today).alerts if a.key == "dormant_high_value")
    assert before.customer_ids
    first = before.customer_ids[0]
    with demo_db.engine.begin() as conn:  # to the recycle bin, and another one back out of it
        conn.execute(text("UPDATE customer SET deleted_at = '2026-11-23 09:00:00' WHERE id = :c"), {"c": first})
    after = next(a for a in dashboard(demo_db, W47, today=today).alerts if a.key == "dormant_high_value")
    assert first not in after.customer_ids
    assert after.customer_ids == dormant_this_week(demo_db, W47)
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET deleted_at = NULL WHERE id = :c"), {"c": first})
    again = next(a for a in dashboard(demo_db, W47, today=today).alerts if a.key == "dormant_high_value")
    assert again.customer_ids == before.customer_ids
