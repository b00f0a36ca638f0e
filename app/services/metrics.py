"""One metrics service (PRODUCT.md "Metric definitions"), for the dashboard, the weekly report and the command
line alike, so that a week shows the same figure everywhere.

- A week is an ISO week, Monday 00:00 to Sunday 24:00; the previous week of 2026-W01 is 2025-W52.
- GMV = the amounts of the week's orders; refunds (negative amounts) reduce it and are not orders.
- A buyer has an order in the week; a new buyer's first order ever is in the week (so a customer whose only
  earlier order was refunded is new); a returning buyer had an order before the week. GMV new = the week's
  amounts of new buyers (all of them); GMV returning = the rest of the week's GMV.
- AOV (客单价) = GMV / buyers, for all, new and returning buyers; repurchase rate = returning / buyers.
- Active customers: an order in the 30 days ending with the week's Sunday. New contacts: customers added in
  the week, by source channel. K = customers added in the week who have a referrer / the distinct referrers.
- A ratio with nothing to divide by is None (shown "–"), never 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from app.services.database import Database


def week_bounds(monday: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(monday, dt.time())
    return start, start + dt.timedelta(days=7)


def previous_week(monday: dt.date) -> dt.date:
    return monday - dt.timedelta(days=7)


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


@dataclass
class WeekMetrics:
    week: str
    gmv: int = 0  # cents
    orders: int = 0
    buyers: int = 0
    new_buyers: int = 0
    returning_buyers: int = 0
    gmv_new: int = 0
    gmv_returning: int = 0
    aov: float | None = None
    aov_new: float | None = None
    aov_returning: float | None = None
    repurchase_rate: float | None = None
    active_customers: int = 0
    new_contacts: dict[str, int] = field(default_factory=dict)  # by source channel
    k: float | None = None
    coupons_issued: int = 0
    coupons_redeemed: int = 0
    coupon_gmv: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class MetricsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def week(self, monday: dt.date) -> WeekMetrics:
        from sqlalchemy import text

        from app.services.groups import week_label

        start, end = week_bounds(monday)
        sunday_end = end
        out = WeekMetrics(week_label(monday))
        with self._db.engine.connect() as conn:
            # per buyer of the week: amounts, orders, and whether their first paid order ever is in the week
            rows = conn.execute(text(
                "SELECT o.customer_id, sum(o.amount_cents), sum(CASE WHEN o.amount_cents > 0 THEN 1 ELSE 0 END), "
                "max(CASE WHEN c.first_order_at >= :a AND c.first_order_at < :b THEN 1 ELSE 0 END) "
                "FROM orders o JOIN customer c ON c.id = o.customer_id "
                "WHERE o.ordered_at >= :a AND o.ordered_at < :b GROUP BY o.customer_id"),
                {"a": start, "b": end}).all()  # fmt: skip
            active = conn.execute(text(
                "SELECT count(DISTINCT customer_id) FROM orders WHERE amount_cents > 0 AND ordered_at >= :a AND ordered_at < :b"),
                {"a": sunday_end - dt.timedelta(days=30), "b": sunday_end}).scalar()  # fmt: skip
            contacts = conn.execute(text(
                "SELECT coalesce(source_channel, ''), count(*) FROM customer WHERE deleted_at IS NULL "
                "AND added_on >= :a AND added_on <= :b GROUP BY coalesce(source_channel, '')"),
                {"a": monday, "b": monday + dt.timedelta(days=6)}).all()  # fmt: skip
            referred = conn.execute(text(
                "SELECT count(*), count(DISTINCT referrer_id) FROM customer WHERE deleted_at IS NULL "
                "AND added_on >= :a AND added_on <= :b AND referrer_id IS NOT NULL"),
                {"a": monday, "b": monday + dt.timedelta(days=6)}).one()  # fmt: skip
            issued = conn.execute(text("SELECT count(*) FROM coupon WHERE issued_at >= :a AND issued_at < :b"),
                                  {"a": start, "b": end}).scalar()  # fmt: skip
            redeemed = conn.execute(text(
                "SELECT count(*), coalesce(sum(o.amount_cents), 0) FROM coupon cp LEFT JOIN orders o ON o.id = cp.order_id "
                "WHERE cp.redeemed_at >= :a AND cp.redeemed_at < :b"), {"a": start, "b": end}).one()  # fmt: skip
        for _cid, amount, paid_orders, first_in_week in rows:
            amount, paid_orders = int(amount or 0), int(paid_orders or 0)
            out.gmv += amount
            out.orders += paid_orders
            if paid_orders > 0:
                out.buyers += 1
                if first_in_week:
                    out.new_buyers += 1
                else:
                    out.returning_buyers += 1
            if first_in_week and paid_orders > 0:
                out.gmv_new += amount
        out.gmv_returning = out.gmv - out.gmv_new
        out.aov = _ratio(out.gmv, out.buyers)
        out.aov_new = _ratio(out.gmv_new, out.new_buyers)
        out.aov_returning = _ratio(out.gmv_returning, out.returning_buyers)
        out.repurchase_rate = _ratio(out.returning_buyers, out.buyers)
        out.active_customers = int(active or 0)
        out.new_contacts = {str(ch): int(n) for ch, n in contacts}
        out.k = _ratio(int(referred[0] or 0), int(referred[1] or 0))
        out.coupons_issued = int(issued or 0)
        out.coupons_redeemed, out.coupon_gmv = int(redeemed[0] or 0), int(redeemed[1] or 0)
        return out

    def report_json(self, monday: dt.date) -> dict[str, Any]:
        """The weekly report's figures: this week's keys, and the same keys for the week before under
        ``previous``."""
        keys = ("week", "gmv", "orders", "buyers", "new_buyers", "returning_buyers", "gmv_new", "gmv_returning",
                "aov_new", "aov_returning", "repurchase_rate")  # fmt: skip
        this, before = self.week(monday).to_json(), self.week(previous_week(monday)).to_json()
        out = {k: this[k] for k in keys}
        out["previous"] = {k: before[k] for k in keys}
        return out
