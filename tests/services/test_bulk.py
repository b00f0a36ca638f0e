"""Bulk writes: rows into a table on SQLite (executemany) and PostgreSQL (COPY), every value kept."""

from __future__ import annotations

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
