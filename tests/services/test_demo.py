from __future__ import annotations

import datetime as dt

import pytest

from app.services.database import open_database, resolve_location
from app.services.demo import DemoError, generate_demo


def _rows(db, sql: str) -> list:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql)).all()]


def test_same_seed_gives_the_same_shop(tmp_path) -> None:  # type: ignore[no-untyped-def]
    digests = []
    for name in ("a.db", "b.db"):
        db = open_database(resolve_location(str(tmp_path / name))).database
        generate_demo(db, customers=150, orders=900, seed=3, end=dt.date(2026, 6, 30))
        digests.append(
            (
                _rows(db, "SELECT id, name, phone, added_on, total_spent_cents FROM customer ORDER BY id"),
                _rows(db, "SELECT customer_id, ordered_at, amount_cents FROM orders ORDER BY id"),
                _rows(db, "SELECT code, customer_id, redeemed_at FROM coupon ORDER BY id"),
            )
        )
        db.close()
    assert digests[0] == digests[1]


def test_demo_is_realistic(demo_db) -> None:  # type: ignore[no-untyped-def]
    phones = [r[0] for r in _rows(demo_db, "SELECT phone FROM customer WHERE phone IS NOT NULL")]
    assert phones and all(len(p) == 11 and p.isdigit() and p[0] == "1" for p in phones)
    assert len(set(phones)) == len(phones)
    counts = dict(_rows(demo_db, "SELECT order_count, count(*) FROM customer GROUP BY 1"))
    buyers = sum(v for k, v in counts.items() if k > 0)
    assert counts.get(0, 0) > 0  # prospects without orders
    assert counts.get(1, 0) / buyers > 0.25  # many one-time buyers
    assert max(counts) >= 20  # and a loyal long tail
    (refunds,) = _rows(demo_db, "SELECT count(*) FROM orders WHERE amount_cents < 0")[0]
    assert refunds > 0
    (first, last) = _rows(demo_db, "SELECT min(ordered_at), max(ordered_at) FROM orders")[0]
    assert str(first) >= "2024-11-23" and str(last) < "2026-11-23"
    # the kept aggregates agree with the orders
    mismatched = _rows(
        demo_db,
        """
        SELECT count(*) FROM customer c LEFT JOIN (
            SELECT customer_id, sum(CASE WHEN amount_cents > 0 THEN 1 ELSE 0 END) n, sum(amount_cents) total FROM orders GROUP BY 1
        ) o ON o.customer_id = c.id
        WHERE c.order_count != coalesce(o.n, 0) OR c.total_spent_cents != coalesce(o.total, 0)""",
    )
    assert mismatched == [(0,)]
    # S-level tag groups give every customer exactly one tag
    exclusive = _rows(
        demo_db,
        """
        SELECT count(*) FROM (SELECT ct.customer_id, t.group_id FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id
        JOIN tag_group g ON g.id = t.group_id WHERE g.exclusive GROUP BY 1, 2 HAVING count(*) > 1) dup""",
    )
    assert exclusive == [(0,)]
    assert _rows(demo_db, "SELECT count(*) FROM customer WHERE search_key = ''") == [(0,)]
    assert _rows(demo_db, "SELECT count(DISTINCT group_id) FROM group_daily_stat")[0][0] >= 5
    assert _rows(demo_db, "SELECT count(*) FROM coupon WHERE order_id IS NOT NULL")[0][0] > 0
    assert _rows(demo_db, "SELECT count(*) FROM content_item")[0][0] > 10
    if demo_db.location.is_sqlite:
        assert _rows(demo_db, "PRAGMA foreign_key_check") == []


def test_demo_refuses_a_shop_with_customers(demo_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DemoError, match="already has 400 customers"):
        generate_demo(demo_db, customers=10, orders=10)
    summary = generate_demo(demo_db, customers=10, orders=30, seed=1, replace=True)
    assert summary.customers == 10
    assert _rows(demo_db, "SELECT count(*) FROM customer") == [(10,)]
    assert _rows(demo_db, "SELECT count(*) FROM orders") == [(30,)]


def test_fewer_orders_than_buyers(db) -> None:  # type: ignore[no-untyped-def]
    generate_demo(db, customers=100, orders=5, seed=2, end=dt.date(2026, 1, 31))
    assert _rows(db, "SELECT count(*), count(DISTINCT customer_id) FROM orders") == [(5, 5)]
    generate_demo(db, customers=20, orders=0, seed=2, replace=True)
    assert _rows(db, "SELECT count(*) FROM orders") == [(0,)]
