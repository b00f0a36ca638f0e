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

    def report_figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in REPORT_KEYS:
            value = getattr(self, key)
            if key in _MONEY and value is not None:
                value = round(value / 100, 2)
            elif key == "repurchase_rate" and value is not None:
                value = round(value, 6)
            out[key] = value
        return out


REPORT_KEYS = ("week", "gmv", "orders", "buyers", "new_buyers", "returning_buyers", "gmv_new", "gmv_returning",
               "aov_new", "aov_returning", "repurchase_rate")  # fmt: skip
_MONEY = {"gmv", "gmv_new", "gmv_returning", "aov_new", "aov_returning"}


class MetricsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def week(self, monday: dt.date, sales: WeekSales | None = None, active: int | None = None) -> WeekMetrics:
        """The week's figures; ``sales`` and ``active`` when the caller has them already (``SALES``)."""
        from sqlalchemy import text

        from app.services.groups import week_label

        start, end = week_bounds(monday)
        if sales is None:
            sales = weekly_sales(self._db, monday, 1)[0]
        out = WeekMetrics(week_label(monday), gmv=sales.gmv, orders=sales.orders, buyers=sales.buyers,
                          new_buyers=sales.new_buyers, returning_buyers=sales.returning_buyers,
                          gmv_new=sales.gmv_new, gmv_returning=sales.gmv_returning)  # fmt: skip
        with self._db.engine.connect() as conn:
            if active is None:
                active = self.active_customers(monday)
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

    def active_customers(self, monday: dt.date) -> int:
        """Customers with a paid order in the 30 days ending with the week's Sunday."""
        from sqlalchemy import text

        end = week_bounds(monday)[1]
        with self._db.engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT count(DISTINCT customer_id) FROM orders WHERE amount_cents > 0 AND ordered_at >= :a "
                "AND ordered_at < :b"), {"a": end - dt.timedelta(days=30), "b": end}).scalar() or 0)  # fmt: skip

    def report_json(self, monday: dt.date) -> dict[str, Any]:
        """The weekly report's figures (``siyu report weekly --json``): this week's keys, and the same keys for
        the week before under ``previous``; money in yuan, ratios as fractions, None where nothing divides."""
        return {**self.week(monday).report_figures(), "previous": self.week(previous_week(monday)).report_figures()}


@dataclass(frozen=True)
class WeekSales:
    """The order-based figures of one week (the rest of ``WeekMetrics`` is cheap to read)."""

    monday: dt.date
    gmv: int = 0
    orders: int = 0
    new_buyers: int = 0
    returning_buyers: int = 0
    gmv_new: int = 0

    @property
    def buyers(self) -> int:
        return self.new_buyers + self.returning_buyers

    @property
    def gmv_returning(self) -> int:
        return self.gmv - self.gmv_new


# the trend's points are the weeks' sales
TrendPoint = WeekSales


def _week_index_sql(column: str, sqlite: bool) -> str:
    """Whole weeks from :start to a timestamp column at or after it, in SQL."""
    if sqlite:  # whole days are exact in julianday's doubles: Sunday 23:59:59 is 6.99… -> 0, Monday 00:00 7 -> 1
        return f"CAST((julianday({column}) - julianday(:start_day)) / 7 AS INTEGER)"
    return f"CAST(floor(extract(epoch FROM ({column} - CAST(:start AS timestamp))) / 604800) AS INTEGER)"


def weekly_sales(db: Database, monday: dt.date, weeks: int = 12) -> list[WeekSales]:
    """The sales of the ``weeks`` weeks up to ``monday``'s, oldest first, in one grouped query (the same
    definitions as ``MetricsService.week``)."""
    from sqlalchemy import text

    first = monday - dt.timedelta(weeks=weeks - 1)
    start, end = (
        dt.datetime.combine(first, dt.time()),
        dt.datetime.combine(monday + dt.timedelta(days=7), dt.time()),
    )
    sqlite = db.location.is_sqlite
    w = _week_index_sql("o.ordered_at", sqlite)
    fw = _week_index_sql("c.first_order_at", sqlite)
    with db.engine.connect() as conn:
        # per buyer and week: money, paid orders, and whether the first paid order ever is in that week;
        # then per week and new/returning. The orders are grouped by week and customer from the time index
        # alone and each group meets its customer once (half the time of joining every order).
        rows = conn.execute(text(
            "SELECT w, fresh, sum(amount), sum(paid), sum(CASE WHEN paid > 0 THEN 1 ELSE 0 END), "
            "sum(CASE WHEN paid > 0 THEN amount ELSE 0 END) FROM ("
            f"SELECT t.w AS w, CASE WHEN c.first_order_at >= :start AND {fw} = t.w THEN 1 ELSE 0 END AS fresh, "
            "t.amount AS amount, t.paid AS paid FROM ("
            f"SELECT {w} AS w, o.customer_id AS customer_id, sum(o.amount_cents) AS amount, "
            "sum(CASE WHEN o.amount_cents > 0 THEN 1 ELSE 0 END) AS paid FROM orders o "
            "WHERE o.ordered_at >= :start AND o.ordered_at < :end GROUP BY 1, 2) t "
            "JOIN customer c ON c.id = t.customer_id) f GROUP BY w, fresh"),
            {"start": start, "end": end, "start_day": first.isoformat()}).all()  # fmt: skip
    table = {i: [0, 0, 0, 0, 0] for i in range(weeks)}  # gmv, orders, new, returning, gmv_new
    for week, fresh, amount, paid, buyers, paid_amount in rows:
        if week is None or not 0 <= int(week) < weeks:
            continue
        slot = table[int(week)]
        slot[0] += int(amount or 0)
        slot[1] += int(paid or 0)
        slot[2 if fresh else 3] += int(buyers or 0)
        if fresh:
            slot[4] += int(paid_amount or 0)
    return [WeekSales(first + dt.timedelta(weeks=i), *table[i]) for i in range(weeks)]


def trend(db: Database, monday: dt.date, weeks: int = 12) -> list[WeekSales]:
    return weekly_sales(db, monday, weeks)


class SalesCache:
    """The twelve weeks' sales, computed once (about half a second on 1,000,000 orders) and reused while the
    orders and customers behind them are unchanged, so an import, an edit, a merge or a purge, here or on
    another computer, is seen on the next look.

    SQLite: the counters that triggers bump on every change of an order or of a customer's figures
    (migrations 0008, 0009), read in a millisecond. PostgreSQL: a fingerprint of the orders in and before the
    weeks (count, money, customers and times), of all orders (count, newest id, money), and of the customers'
    first order times and recycle-bin marks."""

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._kept: dict[tuple[str, dt.date, int], tuple[tuple, list[WeekSales], dict[Any, Any]]] = {}

    @staticmethod
    def fingerprint(db: Database, monday: dt.date, weeks: int) -> tuple:
        from sqlalchemy import text

        with db.engine.connect() as conn:
            if db.location.is_sqlite:
                return tuple(conn.execute(text(
                    "SELECT name, n FROM data_version WHERE name IN ('orders', 'customer_figures') ORDER BY name"
                )).all())  # fmt: skip
            first = monday - dt.timedelta(weeks=weeks - 1)
            start = dt.datetime.combine(first - dt.timedelta(days=35), dt.time())  # the first week's 30 days too
            end = dt.datetime.combine(monday + dt.timedelta(days=7), dt.time())
            orders = conn.execute(text(
                "SELECT count(*), sum(amount_cents), sum(customer_id), sum(extract(epoch FROM ordered_at)) "
                "FROM orders WHERE ordered_at >= :a AND ordered_at < :b"), {"a": start, "b": end}).one()  # fmt: skip
            every = conn.execute(text("SELECT count(*), max(id), sum(amount_cents) FROM orders")).one()
            customers = conn.execute(text(
                "SELECT count(first_order_at), sum(extract(epoch FROM first_order_at)), count(deleted_at), "
                "sum(CASE WHEN deleted_at IS NOT NULL THEN id END) FROM customer")).one()  # fmt: skip
        return tuple(str(v) for v in (*orders, *every, *customers))

    def sales(
        self, db: Database, monday: dt.date, weeks: int = 12
    ) -> tuple[list[WeekSales], dict[Any, Any]]:
        """The weeks' sales and a dict for what else the same orders decide (each week's active customers, the
        dormant alert), filled by the caller and dropped with the sales."""
        key = (db.location.url, monday, weeks)
        mark = self.fingerprint(db, monday, weeks)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] == mark:
                return kept[1], kept[2]
        found = weekly_sales(db, monday, weeks)
        active: dict[Any, Any] = {}
        with self._lock:
            self._kept[key] = (mark, found, active)
            while len(self._kept) > 8:
                self._kept.pop(next(iter(self._kept)))
        return found, active


SALES = SalesCache()
