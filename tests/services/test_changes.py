"""Change notifications on a shared PostgreSQL shop (skipped on SQLite, where there is one computer)."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from app.services.changes import ChangeListener


def test_another_connection_s_write_is_announced(demo_db) -> None:  # type: ignore[no-untyped-def]
    if demo_db.location.is_sqlite:
        pytest.skip("change notifications exist on PostgreSQL only")
    listener = ChangeListener(demo_db.location)
    try:
        assert listener.wait(0.1) == set()  # connects and listens
        started = time.monotonic()
        with demo_db.engine.begin() as conn:
            conn.execute(text("UPDATE customer SET city = '舟山' WHERE id = 1"))
            conn.execute(text("UPDATE customer SET city = '宁波' WHERE id = 2"))
        tables = listener.wait(2.0)
        assert "customer" in tables and time.monotonic() - started < 2.0
    finally:
        listener.close()


def test_sqlite_has_nothing_to_listen_to(db) -> None:  # type: ignore[no-untyped-def]
    listener = ChangeListener(db.location)
    assert listener.supported is not db.location.is_sqlite
    if db.location.is_sqlite:
        assert listener.wait(0.01) == set()
