"""Bulk writes: rows into a table on SQLite (executemany) and PostgreSQL (COPY), every value kept."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.services.bulk import insert_rows


def test_insert_rows_keeps_every_awkward_value(db) -> None:  # type: ignore[no-untyped-def]
    texts = ["plain", "tab\there", "new\nline", "back\\slash", "\\N", "", None, "回车\r", "张晓燕 · 🍞", "a\\tb"]
    n = len(texts)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bulk_probe (k INTEGER, t VARCHAR(64), at TIMESTAMP, c VARCHAR(8))"))
        done = insert_rows(
            conn.connection.dbapi_connection,
            "bulk_probe",
            ["k", "t", "at", "c"],
            zip(range(n), texts, ["2026-01-05 10:00:00"] * n, ["fixed"] * n, strict=True),
            chunk=3,  # several batches
        )
        assert done == n
        rows = conn.execute(text("SELECT k, t, at, c FROM bulk_probe ORDER BY k")).all()
        conn.execute(text("DROP TABLE bulk_probe"))
    assert [r[1] for r in rows] == texts
    assert [r[0] for r in rows] == list(range(n))
    assert {str(r[2])[:19] for r in rows} == {"2026-01-05 10:00:00"} and {r[3] for r in rows} == {"fixed"}


def test_a_bulk_load_keeps_indexes_triggers_and_moves_the_change_counter_once(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.bulk import BULK_THRESHOLD, indexes_rebuilt_after

    def schema(conn):  # type: ignore[no-untyped-def]
        if conn.dialect.name != "sqlite":
            return None
        return sorted(tuple(r) for r in conn.execute(text(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'customer' AND sql IS NOT NULL")))  # fmt: skip

    n = BULK_THRESHOLD + 1
    with db.engine.begin() as conn:
        before = schema(conn)
        counter = "SELECT n FROM data_version WHERE name = 'customer_figures'"
        figures = conn.execute(text(counter)).scalar() if conn.dialect.name == "sqlite" else None
        with indexes_rebuilt_after(conn, "customer", n):
            insert_rows(conn.connection.dbapi_connection, "customer", ["id", "name", "phone"],
                        ((i, f"客户{i}", f"139{i:08d}") for i in range(1, n + 1)))  # fmt: skip
        assert schema(conn) == before  # every index and trigger made again, as it was
        if figures is not None:
            assert conn.execute(text(counter)).scalar() == figures + 1  # the caches see the load
        assert conn.execute(text("SELECT count(*) FROM customer")).scalar() == n


def test_a_bulk_load_keeps_partial_indexes_up_to_date_as_rows_come(db) -> None:  # type: ignore[no-untyped-def]
    """The partial indexes (recycle bin, follow-up dates, referrers) stay in place through a load, and hold its
    rows that their condition takes; the whole ones are dropped during the load and built again."""
    from app.services.bulk import BULK_THRESHOLD, indexes_rebuilt_after

    if not db.location.is_sqlite:
        pytest.skip("SQLite's partial indexes; PostgreSQL's load drops and builds its indexes itself")
    n = BULK_THRESHOLD + 1
    with db.engine.begin() as conn:
        def names():  # type: ignore[no-untyped-def]
            return {r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer' AND sql IS NOT NULL"))}  # fmt: skip

        before = names()
        with indexes_rebuilt_after(conn, "customer", n):
            during = names()
            insert_rows(conn.connection.dbapi_connection, "customer", ["id", "name", "next_follow_up", "referrer_id"],
                        ((i, f"客户{i}", "2026-12-01" if i % 100 == 0 else None, 1 if i % 50 == 0 else None)
                         for i in range(1, n + 1)))  # fmt: skip
        assert during == {"ix_customer_deleted_at", "ix_customer_next_follow_up", "ix_customer_referrer_id",
                          "ix_customer_last_order_at"}
        assert names() == before
        plan = " ".join(r[-1] for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM customer WHERE next_follow_up <= '2026-12-31'")))  # fmt: skip
        assert "ix_customer_next_follow_up" in plan
        assert conn.execute(text("SELECT count(*) FROM customer INDEXED BY ix_customer_next_follow_up "
                                 "WHERE next_follow_up <= '2026-12-31'")).scalar() == n // 100  # fmt: skip
        plan = " ".join(r[-1] for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM customer WHERE last_order_at >= '2026-11-23' AND last_order_at < '2026-11-30'")))  # fmt: skip
        assert "ix_customer_last_order_at" in plan
        plan = " ".join(r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN SELECT id FROM customer WHERE referrer_id = 1")))
        assert "ix_customer_referrer_id" in plan
        assert conn.execute(text("SELECT count(*) FROM customer WHERE referrer_id = 1")).scalar() == n // 50


def test_insert_columns_keeps_every_awkward_value(db) -> None:  # type: ignore[no-untyped-def]
    """Columns written as COPY's text format by numpy (PostgreSQL) or bound row by row (SQLite): text with the
    characters COPY escapes, \\N as text, empty text and NULL apart, whole numbers from lists and numpy arrays,
    a fixed value; a column of dates takes the row-by-row way and is kept too."""
    import datetime as dt

    import numpy as np

    from app.services.bulk import _copy_texts, insert_columns

    texts = ["plain", "tab\there", "new\nline", "back\\slash", "\\N", "", None, "回车\r", "张晓燕 · 🍞", "a\\tb"]
    n = len(texts)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bulk_cols (k INTEGER, t VARCHAR(64), m INTEGER, c VARCHAR(8), d DATE)"))
        dbapi = conn.connection.dbapi_connection
        done = insert_columns(dbapi, "bulk_cols", ["k", "t", "m"],
                              [np.arange(n), texts, [i if i % 3 else None for i in range(n)]],
                              fixed={"c": "fixed"}, chunk=3)  # fmt: skip
        assert done == n
        insert_columns(dbapi, "bulk_cols", ["k", "d"], [[100, 101], [dt.date(2026, 1, 5), None]])
        rows = conn.execute(text("SELECT k, t, m, c FROM bulk_cols WHERE k < 100 ORDER BY k")).all()
        days = conn.execute(text("SELECT k, d FROM bulk_cols WHERE k >= 100 ORDER BY k")).all()
        conn.execute(text("DROP TABLE bulk_cols"))
    assert [r[1] for r in rows] == texts
    assert [r[0] for r in rows] == list(range(n))
    assert [r[2] for r in rows] == [i if i % 3 else None for i in range(n)]
    assert {r[3] for r in rows} == {"fixed"}
    assert [(k, None if d is None else str(d)[:10]) for k, d in days] == [(100, "2026-01-05"), (101, None)]
    # the text and number columns above are the ones written by numpy; the dates are not
    assert all(_copy_texts(c) is not None for c in (np.arange(3), texts, [1, None], ["x"]))
    assert _copy_texts([dt.date(2026, 1, 5), None]) is None
