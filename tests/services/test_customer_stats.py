from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.services import customer_stats
from app.services.customer_stats import refresh_customer_stats


def _customer(conn: sa.Connection, cid: int, **values: object) -> None:
    cols = {"id": cid, "name": f"客户{cid}", **values}
    conn.execute(
        sa.text(f"INSERT INTO customer ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"), cols
    )


def _order(conn: sa.Connection, cid: int, at: str, cents: int) -> None:
    n = conn.execute(sa.text("SELECT count(*) FROM orders")).scalar_one()
    conn.execute(
        sa.text(
            "INSERT INTO orders (customer_id, ordered_at, amount_cents, external_no) VALUES (:c, :at, :a, :no)"
        ),
        {"c": cid, "at": at, "a": cents, "no": f"T{n}"},
    )


def _text(value: object) -> object:
    """Dates as SQLite keeps them ("2026-01-05 09:30:00"), whatever the database returned."""
    return value.strftime("%Y-%m-%d %H:%M:%S") if hasattr(value, "strftime") else value


def _stats(conn: sa.Connection, cid: int) -> tuple:
    return tuple(
        _text(v)
        for v in conn.execute(
            sa.text(
                "SELECT order_count, total_spent_cents, first_order_at, last_order_at FROM customer WHERE id = :i"
            ),
            {"i": cid},
        ).one()
    )


@pytest.fixture
def shop(db):  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        _customer(conn, 1)
        _customer(conn, 2)
        # stale figures for a customer without orders
        _customer(
            conn,
            3,
            order_count=5,
            total_spent_cents=999,
            first_order_at="2025-01-01 00:00:00",
            last_order_at=None,
        )
        _customer(conn, 4, deleted_at="2026-01-01 00:00:00")
        _order(conn, 1, "2026-03-01 10:00:00", 1000)
        _order(conn, 1, "2026-01-05 09:30:00", 2550)
        _order(conn, 1, "2026-04-01 12:00:00", -500)  # a refund: lowers the total, is not an order
        _order(conn, 1, "2026-05-01 12:00:00", 0)  # nothing paid: not an order either
        _order(conn, 2, "2026-02-02 08:00:00", 300)
        _order(conn, 4, "2026-02-03 08:00:00", 700)
    return db


def test_refresh_given_customers(shop) -> None:  # type: ignore[no-untyped-def]
    with shop.engine.begin() as conn:
        assert refresh_customer_stats(conn, [1, 1, 3]) == 2
        assert _stats(conn, 1) == (2, 3050, "2026-01-05 09:30:00", "2026-03-01 10:00:00")
        assert _stats(conn, 3) == (0, 0, None, None)
        assert _stats(conn, 2) == (0, 0, None, None)  # not asked for
        assert refresh_customer_stats(conn, [1, 3]) == 0  # nothing left to change
        assert refresh_customer_stats(conn, []) == 0


def test_refresh_every_customer_including_the_recycle_bin(shop) -> None:  # type: ignore[no-untyped-def]
    with shop.engine.begin() as conn:
        assert refresh_customer_stats(conn) == 4
        assert _stats(conn, 2) == (1, 300, "2026-02-02 08:00:00", "2026-02-02 08:00:00")
        assert _stats(conn, 4) == (1, 700, "2026-02-03 08:00:00", "2026-02-03 08:00:00")
        assert refresh_customer_stats(conn) == 0
        # temporary tables are gone: a second refresh in the same transaction works
        assert refresh_customer_stats(conn, [2]) == 0


def test_many_customers_take_the_one_pass_path(shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(customer_stats, "_SCAN_ALL_ABOVE", 1)
    with shop.engine.begin() as conn:
        assert refresh_customer_stats(conn, [1, 2]) == 2
        assert _stats(conn, 3) == (5, 999, "2025-01-01 00:00:00", None)  # out of scope, untouched
        assert _stats(conn, 1)[:2] == (2, 3050)


def test_demo_figures_agree_with_the_orders(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.engine.begin() as conn:
        assert refresh_customer_stats(conn) == 0
        before = conn.execute(sa.text("SELECT sum(total_spent_cents), sum(order_count) FROM customer")).one()
        conn.execute(
            sa.text("UPDATE customer SET order_count = 0, total_spent_cents = 0, last_order_at = NULL")
        )
        assert refresh_customer_stats(conn) > 0
        after = conn.execute(sa.text("SELECT sum(total_spent_cents), sum(order_count) FROM customer")).one()
        assert tuple(after) == tuple(before)
