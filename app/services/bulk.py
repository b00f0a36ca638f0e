"""Bulk writes through the database driver: one transaction, no per-row ORM objects.

SQLite takes ``executemany``; PostgreSQL takes ``COPY ... FROM STDIN`` (psycopg 3), several times faster
than row-by-row inserts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

BULK_THRESHOLD = 20_000
STR = np.dtypes.StringDType()

Progress = Callable[[int], None]


def insert_rows(
    conn: Any,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    chunk: int = 50_000,
    progress: Progress | None = None,
    fixed: dict[str, str | int] | None = None,
) -> int:
    """Insert rows with a DB-API connection inside the caller's transaction; returns the count.

    ``fixed`` gives columns that hold the same value in every row (an origin, a timestamp): the rows leave
    them out, and SQLite binds two values a row instead of four.
    """
    fixed = fixed or {}
    if _is_psycopg(conn):
        if fixed:
            tail = tuple(fixed.values())
            rows = (tuple(row) + tail for row in rows)
        return _copy_rows(conn, table, [*columns, *fixed], rows, chunk, progress)
    mark = _placeholder(conn)
    values = [mark] * len(columns) + [_literal(v) for v in fixed.values()]
    sql = f"INSERT INTO {table} ({', '.join([*columns, *fixed])}) VALUES ({', '.join(values)})"
    cur = conn.cursor()
    if progress is None:  # no one to tell how far it got: the driver takes the rows as they come
        cur.executemany(sql, rows)
        done = cur.rowcount
        cur.close()
        return done
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


def insert_columns(
    conn: Any,
    table: str,
    columns: Sequence[str],
    data: Sequence[Sequence[Any]],
    *,
    chunk: int = 100_000,
    progress: Progress | None = None,
    fixed: dict[str, str | int] | None = None,
) -> int:
    """``insert_rows`` for rows given column by column (``data[j]`` holds column ``columns[j]``).

    On PostgreSQL, columns of whole numbers and of text (None for NULL) become COPY's text format a column at
    a time (numpy, and one ``str.join`` a line), a third of the time psycopg takes to format a million rows
    one value at a time; a column of anything else (dates, decimals) sends the load the row-by-row way.
    SQLite binds the rows as ``insert_rows`` does.
    """
    rows = zip(*(c.tolist() if isinstance(c, np.ndarray) else c for c in data), strict=True)  # numpy's ints: sqlite3's
    if not _is_psycopg(conn) or not data:
        return insert_rows(conn, table, columns, rows, chunk=chunk, progress=progress, fixed=fixed)
    fixed = fixed or {}
    texts = [_copy_texts(column) for column in data]
    if any(t is None for t in texts) or not all(isinstance(v, (str, int)) for v in fixed.values()):
        return insert_rows(conn, table, columns, rows, chunk=chunk, progress=progress, fixed=fixed)
    tail = "".join("\t" + _copy_texts([v])[0] for v in fixed.values())  # type: ignore[index]
    n = len(data[0])
    driver = getattr(conn, "driver_connection", conn)
    with driver.cursor() as cur, cur.copy(f"COPY {table} ({', '.join([*columns, *fixed])}) FROM STDIN") as copy:
        for top in range(0, n, chunk):
            lines = zip(*(t[top : top + chunk] for t in texts), strict=True)  # type: ignore[index]
            copy.write("".join(["\t".join(line) + tail + "\n" for line in lines]))
            if progress:
                progress(min(top + chunk, n))
    return n


_COPY_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))  # backslash first


def _copy_texts(values: Sequence[Any]) -> list[str] | None:
    """A column as COPY's text format writes its cells: \\N for NULL, digits for whole numbers, text with
    backslash, tab, newline and carriage return escaped. None for a column of anything else."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return values.astype(np.int64).astype(STR).tolist()  # type: ignore[no-any-return]
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind not in ("integer", "string", "empty"):
        return None
    cells = np.asarray(values, dtype=object)
    null = pd.isna(cells)
    if kind == "integer":
        out = np.full(len(cells), "\\N", dtype=STR)
        out[~null] = cells[~null].astype(np.int64).astype(STR)
        return out.tolist()  # type: ignore[no-any-return]
    filled = np.where(null, "", cells)
    if kind == "string":
        joined = "\x00".join(filled.tolist())  # one look at the whole column for a character to escape
        if any(char in joined for char, _ in _COPY_ESCAPES):
            text = filled.astype(STR)
            for char, escaped in _COPY_ESCAPES:
                text = np.strings.replace(text, char, escaped)
            filled = text.astype(object)
    if null.any():
        filled[null] = "\\N"
    return filled.tolist()  # type: ignore[no-any-return]


def _literal(value: str | int) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(value)
    return str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"


def _is_psycopg(conn: Any) -> bool:
    driver = getattr(conn, "driver_connection", conn)
    return type(driver).__module__.startswith("psycopg")


def _copy_rows(conn, table, columns, rows, chunk, progress) -> int:  # type: ignore[no-untyped-def]
    driver = getattr(conn, "driver_connection", conn)
    done = 0
    with driver.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            done += 1
            if progress and done % chunk == 0:
                progress(done)
    if progress:
        progress(done)
    return done


def _placeholder(conn: Any) -> str:
    """The parameter marker of a driver connection: ? for sqlite3, %s for psycopg."""
    module = type(conn).__module__.split(".")[0]
    if module in ("sqlite3",):
        return "?"
    driver = getattr(conn, "driver_connection", None)
    if driver is not None and type(driver).__module__.startswith("sqlite3"):
        return "?"
    return "%s"


def sqlite_indexes(conn: Any, table: str, partial: bool = True) -> list[tuple[str, str]]:
    """(name, CREATE INDEX sql) of a SQLite table's explicit indexes (not those of constraints); without the
    partial ones (CREATE INDEX ... WHERE) when ``partial`` is False."""
    cur = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL", (table,)
    )
    found = [(r[0], r[1]) for r in cur.fetchall()]
    if partial:
        return found
    whole = {r[1] for r in conn.execute(f"PRAGMA index_list({table})").fetchall() if not r[4]}
    return [(name, sql) for name, sql in found if name in whole]


@contextmanager
def indexes_rebuilt_after(conn: Any, table: str, incoming: int) -> Iterator[None]:
    """For a big load into a smaller table: drop its secondary indexes (and on PostgreSQL its foreign keys,
    which check every row with a trigger), load, then build them again once over all rows.

    Building an index or validating a foreign key in one pass is several times faster than keeping it up to
    date row by row. Runs inside the caller's transaction, so a failure rolls the DROP back too. ``conn`` is a
    SQLAlchemy Connection; small loads, and tables this login does not own, are left alone.
    """
    from sqlalchemy import text

    statements: list[str] = []
    if incoming > BULK_THRESHOLD:
        size = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
        if incoming > size:
            if conn.dialect.name == "sqlite":
                # a partial index (the recycle bin's rows, follow-up dates) holds the few rows its condition
                # takes: testing the condition as rows come costs less than a pass over the table afterwards
                for name, sql in sqlite_indexes(conn.connection.dbapi_connection, table, partial=False):
                    conn.execute(text(f"DROP INDEX {name}"))
                    statements.append(sql)
                statements += _sqlite_pause_counters(conn, table)
            elif conn.dialect.name == "postgresql":
                statements = _pg_drop_for_load(conn, table)
    yield
    for sql in statements:
        conn.execute(text(sql))


_COUNTER_TRIGGER = re.compile(
    r"^CREATE TRIGGER (\w+) AFTER INSERT ON (\w+) BEGIN UPDATE data_version SET n = n \+ 1 "
    r"WHERE name = '(\w+)'; END$"
)


def _sqlite_pause_counters(conn: Any, table: str) -> list[str]:
    """A trigger that counts inserts into a table (data_version, which the caches read) fires once a row; for a
    bulk load it is dropped, and afterwards made again and the counter moved once. Returns the statements that
    restore it."""
    from sqlalchemy import text

    after: list[str] = []
    for name, sql in conn.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}):  # fmt: skip
        found = _COUNTER_TRIGGER.match(" ".join(sql.split()))
        if found and found.group(2) == table:
            conn.execute(text(f"DROP TRIGGER {name}"))
            after += [sql, f"UPDATE data_version SET n = n + 1 WHERE name = '{found.group(3)}'"]
    return after


@contextmanager
def secondary_indexes_dropped(conn: Any, table: str, rows: int) -> Iterator[None]:
    """For an UPDATE of most of a big table: its secondary (non-unique) indexes are dropped and built again
    once afterwards, instead of a new entry in each of them for every row updated. Inside the caller's
    transaction; small updates, and tables this login does not own, are left alone."""
    from sqlalchemy import text

    statements: list[str] = []
    if rows > BULK_THRESHOLD:
        size = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
        if rows * 2 > size:
            if conn.dialect.name == "sqlite":
                for name, sql in sqlite_indexes(conn.connection.dbapi_connection, table):
                    conn.execute(text(f"DROP INDEX {name}"))
                    statements.append(sql)
            elif conn.dialect.name == "postgresql" and _owned(conn, table):
                for name, definition in _pg_secondary_indexes(conn, table):
                    conn.execute(text(f'DROP INDEX "{name}"'))
                    statements.append(definition)
    yield
    for sql in statements:
        conn.execute(text(sql))


def _owned(conn: Any, table: str) -> bool:
    from sqlalchemy import text

    return bool(conn.execute(text(
        "SELECT pg_get_userbyid(relowner) = current_user FROM pg_class WHERE oid = CAST(:t AS regclass)"),
        {"t": table}).scalar())  # fmt: skip


def _pg_secondary_indexes(conn: Any, table: str) -> list[tuple[str, str]]:
    from sqlalchemy import text

    return [(r[0], r[1]) for r in conn.execute(text(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = CAST(:t AS regclass) AND NOT x.indisprimary AND NOT x.indisunique"
    ), {"t": table}).all()]  # fmt: skip


def _pg_drop_for_load(conn: Any, table: str) -> list[str]:
    from sqlalchemy import text

    if not _owned(conn, table):
        return []
    recreate = []
    for name, definition in conn.execute(text(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = CAST(:t AS regclass) AND contype = 'f'"
    ), {"t": table}).all():  # fmt: skip
        conn.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
        recreate.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    for name, definition in _pg_secondary_indexes(conn, table):
        conn.execute(text(f'DROP INDEX "{name}"'))
        recreate.insert(0, definition)
    return recreate


TRIAL = "siyu.trial"  # in a connection's info: the transaction is a trial run and will be rolled back


def allocate_ids(conn: Any, table: str, n: int) -> list[int]:
    """``n`` new ids for rows a bulk load writes with their ids given, in ascending order, each above every
    id the table had. SQLite, and a trial run (``conn.info[TRIAL]``): the ones after the highest. PostgreSQL:
    taken from the table's id sequence, so that the rows added afterwards one at a time (a customer typed in,
    an import of group members) get ids of their own, also from another computer at the same moment; a
    sequence left behind its table by an earlier version is first moved up to it. A sequence does not roll
    back, so a trial run that is thrown away does not take from it."""
    from sqlalchemy import text

    if n <= 0:
        return []
    if conn.dialect.name != "postgresql" or conn.info.get(TRIAL):
        start = int(conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()) + 1
        return list(range(start, start + n))
    seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar()

    def behind() -> int | None:  # the table's highest id when the sequence's next id is not above it
        last, called = conn.execute(text(f"SELECT last_value, is_called FROM {seq}")).one()
        top = int(conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar())
        return top if (last + 1 if called else last) <= top else None

    if behind() is not None:  # once, after an older version: one session at a time moves it up
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": seq})
        top = behind()
        if top is not None:
            conn.execute(text("SELECT setval(:s, :top, true)"), {"s": seq, "top": top})
    return sorted(r[0] for r in conn.execute(text(f"SELECT nextval('{seq}') FROM generate_series(1, :n)"), {"n": n}))


def reset_sequences(conn: Any, tables: Iterable[str]) -> None:
    """After inserting explicit ids: PostgreSQL's id sequences continue after the highest id (SQLite needs
    nothing: it takes max(id) + 1 by itself)."""
    from sqlalchemy import text

    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        if _has_id(conn, table):
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table}"))  # fmt: skip


def _has_id(conn: Any, table: str) -> bool:
    from sqlalchemy import text

    has_column = conn.execute(
        text("SELECT 1 FROM information_schema.columns WHERE table_name = :t AND column_name = 'id'"),
        {"t": table},
    ).first()
    if has_column is None:
        return False
    return bool(
        conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id') IS NOT NULL"), {"t": table}).scalar()
    )


def sqlite_has_json(dbapi: Any) -> bool:
    """Whether this SQLite has the JSON functions (built in since 3.38; a few older builds left them out)."""
    try:
        dbapi.execute("SELECT count(*) FROM json_each('[1]')").fetchone()
    except Exception:  # sqlite3.OperationalError: no such table: json_each
        return False
    return True
