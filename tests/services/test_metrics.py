"""The metric definitions (PRODUCT.md), pinned on hand-made orders."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.services.customer_stats import refresh_customer_stats
from app.services.groups import parse_week
from app.services.metrics import MetricsService, previous_week

W48 = dt.date(2026, 11, 23)


def orders(db, rows) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """rows: (customer name, time, yuan); customers are made on first mention."""
    ids: dict[str, int] = {}
    with db.engine.begin() as conn:
        for k, (name, when, amount) in enumerate(rows):
            if name not in ids:
                ids[name] = int(conn.execute(text("INSERT INTO customer (name) VALUES (:n) RETURNING id"), {"n": name}).scalar_one())
            conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                              "VALUES (:c, :t, :a, 'test', :no)"),
                         {"c": ids[name], "t": dt.datetime.fromisoformat(when), "a": round(amount * 100), "no": f"N{k}"})  # fmt: skip
        refresh_customer_stats(conn)
    return ids


def test_new_and_returning_buyers_and_their_gmv(db) -> None:  # type: ignore[no-untyped-def]
    orders(db, [
        ("新客", "2026-11-24 10:00:00", 50), ("新客", "2026-11-26 10:00:00", 30),  # first ever, twice: both new
        ("老客", "2026-10-01 10:00:00", 100), ("老客", "2026-11-25 10:00:00", 80),
        ("退过款", "2026-11-01 10:00:00", -20), ("退过款", "2026-11-27 10:00:00", 60),  # only a refund before: new
        ("只退款", "2026-09-01 10:00:00", 40), ("只退款", "2026-11-28 10:00:00", -40),  # a refund alone: not a buyer
        ("周日", "2026-11-29 23:59:59", 10), ("下周一", "2026-11-30 00:00:00", 999),
    ])  # fmt: skip
    m = MetricsService(db).week(W48)
    assert m.week == "2026-W48"
    assert (m.buyers, m.new_buyers, m.returning_buyers, m.orders) == (4, 3, 1, 5)
    assert m.gmv == 5000 + 3000 + 8000 + 6000 - 4000 + 1000 == 19000
    assert m.gmv_new == 5000 + 3000 + 6000 + 1000 and m.gmv_returning == 8000 - 4000
    assert m.aov_new == pytest.approx(15000 / 3) and m.aov_returning == 4000 and m.repurchase_rate == 0.25
    assert m.active_customers == 4  # ordered in the 30 days up to Sunday 24:00 (the refund does not count)


def test_an_empty_week_has_no_ratios_and_weeks_cross_years(db) -> None:  # type: ignore[no-untyped-def]
    m = MetricsService(db).week(W48)
    assert (m.gmv, m.buyers) == (0, 0) and m.aov is None and m.repurchase_rate is None and m.k is None
    assert previous_week(parse_week("2026-W01")) == parse_week("2025-W52")
    report = MetricsService(db).report_json(parse_week("2026-W01"))
    assert report["week"] == "2026-W01" and report["previous"]["week"] == "2025-W52"
    assert set(report) == {"week", "gmv", "orders", "buyers", "new_buyers", "returning_buyers", "gmv_new", "gmv_returning",
                           "aov_new", "aov_returning", "repurchase_rate", "previous"}  # fmt: skip


def test_contacts_k_and_coupons(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        ref = int(conn.execute(text("INSERT INTO customer (name, added_on) VALUES ('推荐人', '2026-01-01') RETURNING id")).scalar_one())
        for i, channel in enumerate(("小红书", "小红书", "门店")):
            conn.execute(text("INSERT INTO customer (name, added_on, source_channel, referrer_id) VALUES (:n, :d, :c, :r)"),
                         {"n": f"新{i}", "d": dt.date(2026, 11, 24), "c": channel, "r": ref if i < 2 else None})  # fmt: skip
    m = MetricsService(db).week(W48)
    assert m.new_contacts == {"小红书": 2, "门店": 1} and m.k == 2.0


def test_trend_agrees_with_each_week(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.metrics import trend

    orders(db, [
        ("甲", "2026-11-02 09:00:00", 10), ("甲", "2026-11-10 09:00:00", 20), ("乙", "2026-11-10 23:59:59", 30),
        ("乙", "2026-11-23 00:00:00", 40), ("丙", "2026-11-29 23:59:59", -5), ("丙", "2026-10-01 10:00:00", 15),
        # first order on the Sunday before the first week: a returning buyer in that week, not a new one
        ("丁", "2026-11-01 12:00:00", 7), ("丁", "2026-11-03 12:00:00", 9),
    ])  # fmt: skip
    points = trend(db, W48, weeks=4)
    service = MetricsService(db)
    assert [p.monday for p in points] == [W48 - dt.timedelta(weeks=3 - i) for i in range(4)]
    for p in points:
        m = service.week(p.monday)
        assert (p.gmv_new, p.gmv_returning, p.buyers) == (m.gmv_new, m.gmv_returning, m.buyers)
    first = points[0]  # 2026-W45: 甲 new (10), 丁 returning (9)
    assert (first.gmv_new, first.gmv_returning, first.new_buyers, first.returning_buyers) == (1000, 900, 1, 1)


def test_the_kept_weeks_follow_every_change(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.metrics import SALES

    ids = orders(db, [("甲", "2026-11-24 09:00:00", 10), ("乙", "2026-11-25 09:00:00", 20)])
    weeks, _active = SALES.sales(db, W48, 2)
    assert (weeks[-1].gmv, weeks[-1].new_buyers) == (3000, 2)
    assert SALES.sales(db, W48, 2)[0] is weeks  # nothing changed: the kept figures
    with db.engine.begin() as conn:  # an older order makes 乙 a returning buyer; an amount is corrected
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                          "VALUES (:c, '2025-05-01 10:00:00', 500, 'test', 'OLD')"), {"c": ids["乙"]})  # fmt: skip
        refresh_customer_stats(conn)
    again = SALES.sales(db, W48, 2)[0]
    assert (again[-1].new_buyers, again[-1].returning_buyers) == (1, 1)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE orders SET amount_cents = 1500 WHERE customer_id = :c AND external_no = 'N0'"),
                     {"c": ids["甲"]})  # fmt: skip
    assert SALES.sales(db, W48, 2)[0][-1].gmv == 3500


def test_the_kept_weeks_follow_a_moved_order_and_a_purge(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.metrics import SALES

    ids = orders(db, [("甲", "2026-11-17 09:00:00", 10), ("乙", "2026-11-24 09:00:00", 20),
                      ("乙", "2026-11-02 09:00:00", 5)])  # fmt: skip
    weeks = SALES.sales(db, W48, 2)[0]
    assert (weeks[0].gmv, weeks[1].gmv) == (1000, 2000)
    with db.engine.begin() as conn:  # a re-import corrects an order's time: same count, money and customer
        conn.execute(text("UPDATE orders SET ordered_at = '2026-11-25 10:00:00' WHERE external_no = 'N0'"))
        refresh_customer_stats(conn)
    weeks = SALES.sales(db, W48, 2)[0]
    assert (weeks[0].gmv, weeks[1].gmv, weeks[1].buyers) == (0, 3000, 2)
    with db.engine.begin() as conn:  # a purge takes the customer's orders with it
        conn.execute(text("DELETE FROM customer WHERE id = :c"), {"c": ids["乙"]})
    assert SALES.sales(db, W48, 2)[0][1].gmv == 1000
