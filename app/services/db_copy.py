"""Moving a whole shop between databases (SQLite ⇄ PostgreSQL), then proving the copy is the same.

The source is only read. The target is created at the newest schema and must be empty. Rows are copied
table by table in foreign-key order through SQLAlchemy Core (typed, so dates, booleans and JSON arrive as
what they are on either side); the two columns that close a cycle (an order's coupon, a campaign's content
item) are filled in afterwards. Then every table's row count and a checksum of its rows, in primary-key
order and normalised to text, are compared on both sides.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.migrations import HEAD
from app.services.database import Database, DatabaseLocation, open_database

Progress = Callable[[str, float], None]
# columns that point "forward" in the copy order: written after both tables are in
DEFERRED = {"orders": ("coupon_id",), "coupon_campaign": ("content_item_id",), "customer": ("referrer_id",)}
CHUNK = 20_000


class CopyError(UserError):
    pass


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def same(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sum == self.target_sum


@dataclass(frozen=True)
class CopyReport:
    tables: list[TableCheck]

    @property
    def same(self) -> bool:
        return all(t.same for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.target_rows for t in self.tables)


# derived from the other tables and kept by each database itself (migration 0008): not copied
DERIVED = {"data_version", "figures_snapshot"}


def _tables() -> list[Any]:
    from app.models.schema import Base

    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED]


def copy_database(
    source: DatabaseLocation, target: DatabaseLocation, progress: Progress | None = None
) -> CopyReport:
    """Copy every row of ``source`` into the empty shop at ``target`` and compare the two."""
    report = progress or (lambda _s, _f: None)
    src = Database(source)
    revision = src.revision()
    if revision != HEAD:
        raise CopyError(
            QT_TRANSLATE_NOOP("Errors", "{where} has schema {found}; open it in this version of Siyu first."),
            where=source.display,
            found=revision or "-",
        )
    dst = open_database(target).database
    try:
        tables = _tables()
        from sqlalchemy import func, select

        with dst.engine.connect() as conn:
            for table in tables:
                if conn.execute(select(func.count()).select_from(table)).scalar_one():
                    raise CopyError(
                        QT_TRANSLATE_NOOP(
                            "Errors", "{where} is not empty (table {table} has rows); nothing was copied."
                        ),
                        where=target.display,
                        table=table.name,
                    )
        with src.engine.connect() as read, dst.engine.begin() as write:
            for n, table in enumerate(tables):
                report(table.name, n / len(tables))
                _copy_table(read, write, table)
            for table in tables:
                if table.name in DEFERRED:
                    _copy_deferred(read, write, table, DEFERRED[table.name])
            from app.services.bulk import reset_sequences

            reset_sequences(write, [t.name for t in tables])
        report("check", 0.95)
        checks = [_check(src, dst, table) for table in tables]
        return CopyReport(checks)
    finally:
        src.close()
        dst.close()


def _copy_table(read: Any, write: Any, table: Any) -> None:
    from sqlalchemy import select

    skip = set(DEFERRED.get(table.name, ()))
    columns = [c for c in table.columns if c.name not in skip]
    order = list(table.primary_key.columns)
    result = read.execution_options(yield_per=CHUNK).execute(select(*columns).order_by(*order))
    for part in result.partitions():
        write.execute(table.insert(), [dict(row._mapping) for row in part])


def _copy_deferred(read: Any, write: Any, table: Any, names: tuple[str, ...]) -> None:
    from sqlalchemy import bindparam, select

    pk = table.c.id
    stmt = table.update().where(pk == bindparam("_id")).values({n: bindparam(f"_{n}") for n in names})
    rows = read.execute(select(pk, *[table.c[n] for n in names]).where(
        *[table.c[n].isnot(None) for n in names[:1]])).all()  # fmt: skip
    if rows:
        write.execute(stmt, [{"_id": r[0], **{f"_{n}": r[i + 1] for i, n in enumerate(names)}} for r in rows])


def _text(value: Any) -> str:
    """One canonical text per value, the same whichever database returned it."""
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(" ", "microseconds" if value.microsecond else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, (float, decimal.Decimal)):
        return repr(float(value))
    return str(value)


def table_checksum(db: Database, table: Any) -> tuple[int, str]:
    from sqlalchemy import select

    digest = hashlib.sha256()
    count = 0
    with db.engine.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(
            select(*table.columns).order_by(*table.primary_key.columns)
        )
        for row in result:
            digest.update("\x1f".join(_text(v) for v in row).encode("utf-8"))
            digest.update(b"\x1e")
            count += 1
    return count, digest.hexdigest()[:16]


def _check(src: Database, dst: Database, table: Any) -> TableCheck:
    source_rows, source_sum = table_checksum(src, table)
    target_rows, target_sum = table_checksum(dst, table)
    return TableCheck(table.name, source_rows, target_rows, source_sum, target_sum)
