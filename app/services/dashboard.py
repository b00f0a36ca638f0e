"""What the dashboard (概览) shows for a week, gathered in one call for a background thread: the week's and the
previous week's metrics, the twelve-week trend, groups by grade, and the alerts with what each concerns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services.database import Database
from app.services.metrics import SALES, MetricsService, TrendPoint, WeekMetrics

if TYPE_CHECKING:
    from app.services.segmentation import ModelSettings

ALERTS = {
    "dormant_high_value": QT_TRANSLATE_NOOP("Dashboard", "High-value customers turned dormant: %1"),
    "groups_capacity": QT_TRANSLATE_NOOP("Dashboard", "Groups over capacity: %1"),
    "groups_dead": QT_TRANSLATE_NOOP("Dashboard", "Groups dead two weeks running: %1"),
    "sop_missed": QT_TRANSLATE_NOOP("Dashboard", "SOP items missed: %1"),
    "coupons_expiring": QT_TRANSLATE_NOOP("Dashboard", "Coupons expiring within 3 days: %1"),
    "birthdays": QT_TRANSLATE_NOOP("Dashboard", "Birthdays this week: %1"),
    "follow_ups": QT_TRANSLATE_NOOP("Dashboard", "Follow-ups due: %1"),
}


@dataclass
class Alert:
    key: str
    count: int
    customer_ids: list[int] = field(default_factory=list)  # opened in the customer list
    screen: str | None = None  # else the screen that acts on it


@dataclass
class DashboardData:
    monday: dt.date
    this: WeekMetrics
    before: WeekMetrics
    trend: list[TrendPoint]
    grades: dict[str, int]
    alerts: list[Alert]


def dashboard(db: Database, monday: dt.date, today: dt.date | None = None) -> DashboardData:
    from app.services.coupons import CouponService
    from app.services.events import week_events
    from app.services.groups import DEAD, GroupService
    from app.services.planner import PlannerService
    from app.services.reminders import follow_ups_due
    from app.services.segmentation import load_settings

    today = today or dt.date.today()
    metrics = MetricsService(db)
    points, active = SALES.sales(
        db, monday, 12
    )  # the twelve weeks end with this one and hold the week before
    for week in (points[-1].monday, points[-2].monday):
        if week not in active:
            active[week] = metrics.active_customers(week)
    this = metrics.week(monday, points[-1], active[points[-1].monday])
    before = metrics.week(points[-2].monday, points[-2], active[points[-2].monday])
    groups = GroupService(db).groups(monday, include_dissolved=False)
    grades: dict[str, int] = {}
    for g in groups:
        grade = g.week.grade if g.week else "no data"
        grades[grade] = grades.get(grade, 0) + 1
    alerts: list[Alert] = []
    settings = load_settings(db)
    key = ("dormant", monday, settings.dormant_days, settings.high_value_orders)  # kept with the weeks' sales:
    if key not in active:  # the same orders and customers decide it
        active[key] = dormant_this_week(db, monday, settings)
    dormant = active[key]
    alerts.append(Alert("dormant_high_value", len(dormant), dormant))
    over = [g for g in groups if g.over_capacity()]
    alerts.append(Alert("groups_capacity", len(over), screen="groups"))
    dead = [g for g in groups if len(g.trend) >= 2 and g.trend[-1] == DEAD and g.trend[-2] == DEAD]
    alerts.append(Alert("groups_dead", len(dead), screen="groups"))
    missed = [x for x in PlannerService(db).check(monday) if x.rule == "missed"]
    alerts.append(Alert("sop_missed", len(missed), screen="planner"))
    expiring = CouponService(db).expiring(3)
    alerts.append(Alert("coupons_expiring", len(expiring), [int(c.customer_id) for c in expiring if c.customer_id],
                        screen="coupons"))  # fmt: skip
    this_week = today - dt.timedelta(days=today.weekday())  # like follow-ups and coupons: the owner's week now
    born = sorted({c for e in week_events(db, this_week) if e.kind == "birthday" for c in e.customer_ids})
    alerts.append(Alert("birthdays", len(born), born))
    due = follow_ups_due(db, today)
    alerts.append(Alert("follow_ups", due.count if due else 0, list(due.customer_ids) if due else []))
    return DashboardData(monday, this, before, points, grades, alerts)


def dormant_this_week(db: Database, monday: dt.date, settings: ModelSettings | None = None) -> list[int]:
    """High-value customers (at least ``high_value_orders`` paid orders) who turned dormant in the week: as of
    the Sunday before it they had ordered within ``dormant_days``, as of its Sunday they had not (the
    segmentation's definitions, read through the orders' indexes instead of scoring every customer)."""
    from sqlalchemy import text

    from app.services.segmentation import load_settings

    settings = settings or load_settings(db)
    sunday = monday + dt.timedelta(days=6)
    end = dt.datetime.combine(sunday + dt.timedelta(days=1), dt.time())
    a = end - dt.timedelta(days=settings.dormant_days + 8)  # last order on Sunday - dormant_days - 7 ...
    b = end - dt.timedelta(days=settings.dormant_days + 1)  # ... to Sunday - dormant_days - 1
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT o.customer_id FROM orders o JOIN customer c ON c.id = o.customer_id "
            "WHERE o.ordered_at >= :a AND o.ordered_at < :b AND o.amount_cents > 0 AND c.deleted_at IS NULL "
            "GROUP BY o.customer_id HAVING NOT EXISTS (SELECT 1 FROM orders r WHERE r.customer_id = o.customer_id "
            "AND r.amount_cents > 0 AND r.ordered_at >= :b AND r.ordered_at < :end) "
            "AND (SELECT count(*) FROM orders n WHERE n.customer_id = o.customer_id AND n.amount_cents > 0 "
            "AND n.ordered_at < :end) >= :n ORDER BY o.customer_id"),
            {"a": a, "b": b, "end": end, "n": settings.high_value_orders}).all()  # fmt: skip
    return [int(r[0]) for r in rows]


def change(now: float | None, before: float | None) -> float | None:
    """Week-over-week change as a fraction; None when the week before had nothing."""
    if now is None or before in (None, 0):
        return None
    return (now - before) / abs(before)  # type: ignore[operator]
