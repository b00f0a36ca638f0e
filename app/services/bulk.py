"""Bulk writes through the database driver: one transaction, no per-row ORM objects.

SQLite takes ``executemany``; other databases get their fastest path here as they are added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

Progress = Callable[[int], None]


def insert_rows(
    conn: Any,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    chunk: int = 50_000,
    progress: Progress | None = None,
) -> int:
    """Insert rows with a DB-API connection inside the caller's transaction; returns the count."""
    placeholders = (
        ", ".join(["?"] * len(columns)) if _paramstyle(conn) == "qmark" else ", ".join(["%s"] * len(columns))
    )
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
    cur = conn.cursor()
    done = 0
    batch: list[Sequence[Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            cur.executemany(sql, batch)
            done += len(batch)
            batch = []
            if progress:
                progress(done)
    if batch:
        cur.executemany(sql, batch)
        done += len(batch)
        if progress:
            progress(done)
    cur.close()
    return done


def _paramstyle(conn: Any) -> str:
    module = type(conn).__module__.split(".")[0]
    if module in ("sqlite3",):
        return "qmark"
    driver = getattr(conn, "driver_connection", None)
    if driver is not None and type(driver).__module__.startswith("sqlite3"):
        return "qmark"
    return "format"


def sqlite_indexes(conn: Any, table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX sql) of a SQLite table's explicit indexes (not those of constraints)."""
    cur = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL", (table,)
    )
    return [(r[0], r[1]) for r in cur.fetchall()]
