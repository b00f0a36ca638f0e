"""The weekly report's (周报) figures, gathered in one call from the same services the dashboard uses, so the
printed page and the screen show the same numbers. Rendering is ``app.printing.weekly_report``.

Every customer named in the report carries a masked phone (138****1234), never the full number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.services.database import Database
from app.services.metrics import SALES, MetricsService, WeekMetrics, WeekSales, previous_week
from app.services.normalise import mask_phone


@dataclass(frozen=True)
class GroupLine:
    name: str
    grade: str
    members: int
    activity: float | None
    conversion: float | None
    gmv_cents: int
    weakest: str | None  # a key of groups.FACTOR_LABELS


@dataclass(frozen=True)
class CouponLine:
    name: str
    status: str
    issued: int
    redeemed: int
    gmv_cents: int
    cost_cents: int

    @property
    def rate(self) -> float | None:
        return self.redeemed / self.issued if self.issued else None

    @property
    def roi(self) -> float | None:
        return self.gmv_cents / self.cost_cents if self.cost_cents else None


@dataclass(frozen=True)
class ClassLine:
    key: str  # the RFM class's Chinese name
    customers: int
    revenue_share: float | None
    action: str  # untranslated source text (context "Segments")


@dataclass(frozen=True)
class CustomerLine:
    name: str
    phone: str  # masked
    orders: int
    spent_cents: int
    last_order: dt.date | None


@dataclass
class ReportData:
    shop: str
    monday: dt.date
    this: WeekMetrics
    before: WeekMetrics
    trend: list[WeekSales]
    groups: list[GroupLine]
    coupons: list[CouponLine]
    sop: dict[str, int]  # done, skipped, missed, planned (still to come)
    missed: list[str]  # "MM-DD HH:MM title" of each missed item
    next_items: list[tuple[dt.datetime, str, str]]  # when, channel, title
    next_events: list[tuple[dt.date, str, str]]  # day, kind, text
    classes: list[ClassLine]
    classes_as_of: dt.date
    dormant: list[CustomerLine]
    dormant_count: int
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))

    @property
    def week(self) -> str:
        return self.this.week

    def figures_json(self) -> dict[str, Any]:
        """The figures ``siyu report weekly --json`` writes (money in yuan, ratios as fractions)."""
        return {**self.this.report_figures(), "previous": self.before.report_figures()}


def weekly_report(
    db: Database, monday: dt.date, today: dt.date | None = None, dormant_listed: int = 15
) -> ReportData:
    from sqlalchemy import bindparam, text

    from app.services.coupons import CouponService
    from app.services.dashboard import dormant_this_week
    from app.services.events import week_events
    from app.services.groups import GroupService
    from app.services.planner import PlannerService
    from app.services.segmentation import RFM_CLASSES, SegmentationService
    from app.services.settings import SettingsService

    today = today or dt.date.today()
    sunday = monday + dt.timedelta(days=6)
    metrics = MetricsService(db)
    points, active = SALES.sales(db, monday, 12)
    for week in (points[-1].monday, points[-2].monday):
        if week not in active:
            active[week] = metrics.active_customers(week)
    this = metrics.week(monday, points[-1], active[monday])
    before = metrics.week(previous_week(monday), points[-2], active[points[-2].monday])

    groups = GroupService(db)
    factors = groups.all_gmv_factors(monday, sunday)
    group_lines = []
    for g in groups.groups(monday, include_dissolved=False):
        w = g.week
        f = factors.get(g.id)
        group_lines.append(GroupLine(g.name, w.grade if w else "no data", g.members_shown,
                                     w.activity_rate if w else None, w.conversion_rate if w else None,
                                     w.gmv_cents if w else 0, f.weakest if f else None))  # fmt: skip
    order = {"S": 0, "A": 1, "B": 2, "C": 3, "D": 4, "dead": 5, "no data": 6}
    group_lines.sort(key=lambda line: (order.get(line.grade, 7), -line.gmv_cents, line.name))

    coupons = CouponService(db)
    live = {c.id for c in coupons.campaigns() if c.status in ("active", "paused")}
    coupon_lines = [CouponLine(r.name, r.status, r.issued, r.redeemed, r.gmv_cents, r.cost_cents)
                    for r in coupons.results() if r.campaign_id in live or r.issued]  # fmt: skip

    planner = PlannerService(db)
    now = min(dt.datetime.now(), dt.datetime.combine(sunday + dt.timedelta(days=1), dt.time()))
    items = planner.items(monday)
    missed = [f for f in planner.check(monday, now=now, items=items) if f.rule == "missed"]
    sop = {"done": sum(i.status == "done" for i in items), "skipped": sum(i.status == "skipped" for i in items),
           "missed": len(missed)}  # fmt: skip
    sop["planned"] = sum(i.status == "planned" for i in items) - sop["missed"]
    coming = monday + dt.timedelta(days=7)
    next_items = [
        (i.scheduled_at, i.channel, i.title) for i in planner.items(coming) if i.status != "skipped"
    ]
    next_events = [(e.day, e.kind, e.text) for e in week_events(db, coming)]

    # the classes as they stand today: what the owner acts on this week (the customers' kept figures)
    as_of = min(today, dt.date.today())
    scores = SegmentationService(db).compute(as_of)
    summary = scores.class_summary()
    classes = [ClassLine(c.key, int(summary.loc[c.key, "customers"]),
                         None if summary.loc[c.key, "revenue_share"] != summary.loc[c.key, "revenue_share"]
                         else float(summary.loc[c.key, "revenue_share"]), c.action) for c in RFM_CLASSES]  # fmt: skip

    dormant_ids = dormant_this_week(db, monday)
    dormant: list[CustomerLine] = []
    if dormant_ids:
        # their figures as of the week's end (they may have ordered since), the ones who spent most first
        query = text(
            "SELECT c.id, c.name, c.remark_name, c.phone, sum(CASE WHEN o.amount_cents > 0 THEN 1 ELSE 0 END), "
            "sum(o.amount_cents), max(CASE WHEN o.amount_cents > 0 THEN o.ordered_at END) FROM customer c "
            "JOIN orders o ON o.customer_id = c.id AND o.ordered_at < :end WHERE c.id IN :ids GROUP BY c.id, "
            "c.name, c.remark_name, c.phone"
        ).bindparams(bindparam("ids", expanding=True))
        end = dt.datetime.combine(sunday + dt.timedelta(days=1), dt.time())
        rows = []
        with db.engine.connect() as conn:
            for chunk in range(0, len(dormant_ids), 5000):
                rows += conn.execute(query, {"ids": dormant_ids[chunk : chunk + 5000], "end": end}).all()
        rows.sort(key=lambda r: (-int(r[5] or 0), r[0]))
        for _cid, name, remark, phone, n, spent, last in rows[:dormant_listed]:
            last_day = dt.date.fromisoformat(str(last)[:10]) if last else None
            dormant.append(CustomerLine(remark or name or "", mask_phone(phone) or "", int(n or 0), int(spent or 0),
                                        last_day))  # fmt: skip
    shop = str(SettingsService(db).get("shop.name") or "")
    return ReportData(shop, monday, this, before, points, group_lines, coupon_lines, sop,
                      [f.scope for f in missed], next_items, next_events, classes, as_of, dormant,
                      len(dormant_ids))  # fmt: skip
