"""Every test gets its own data folder and database; nothing touches the user's files.

``SIYU_TEST_PG=postgresql+psycopg://USER@HOST:PORT`` runs the database tests on that PostgreSQL server
instead of SQLite: each test gets a database of its own (the demo shop is copied from a template
database), and tests that are about SQLite files (backups, the file checks) are skipped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.database import Database, open_database, resolve_location  # noqa: E402

PG_SERVER = os.environ.get("SIYU_TEST_PG", "").rstrip("/")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLite files; skipped on PostgreSQL")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_SERVER:
        skip = pytest.mark.skip(reason="about SQLite files (SIYU_TEST_PG is set)")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


def _pg_admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def _pg_database(template: str | None = None) -> str:
    name = f"siyu_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return name


def _settle() -> None:
    """Let background tasks a test started finish before its database goes away."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QThreadPool

        for _ in range(3):  # a finished task may start the next one (ids, then search text, then options)
            QThreadPool.globalInstance().waitForDone(10000)
            if QCoreApplication.instance() is not None:
                QCoreApplication.processEvents()


def _pg_drop(name: str) -> None:
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIYU_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIYU_DB", raising=False)
    monkeypatch.delenv("SIYU_LANG", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.db"


@pytest.fixture
def db(db_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, migrated shop: a SQLite file, or a new PostgreSQL database with SIYU_TEST_PG."""
    if PG_SERVER:
        name = _pg_database()
        database = open_database(resolve_location(f"{PG_SERVER}/{name}")).database
        yield database
        _settle()
        database.close()
        _pg_drop(name)
        return
    database = open_database(resolve_location(str(db_path))).database
    yield database
    _settle()
    database.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services.demo import generate_demo

    folder = tmp_path_factory.mktemp("demo")
    os.environ["SIYU_DATA_DIR"] = str(folder / "data")
    if PG_SERVER:
        name = _pg_database()
        location = resolve_location(f"{PG_SERVER}/{name}")
    else:
        name = None
        location = resolve_location(str(folder / "demo.db"))
    database = open_database(location).database
    generate_demo(database, customers=400, orders=4000, seed=7, end=dt.date(2026, 11, 22))
    database.close()
    yield name or location.sqlite_path
    if name:
        _pg_drop(name)


@pytest.fixture
def demo_db(_demo_template, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A small demo shop (400 customers, 4,000 orders, data through 2026-11-22), fresh for each test."""
    if PG_SERVER:
        name = _pg_database(template=_demo_template)
        database = Database(resolve_location(f"{PG_SERVER}/{name}"))
        yield database
        _settle()
        database.close()
        _pg_drop(name)
        return
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    database = Database(resolve_location(str(path)))
    yield database
    _settle()
    database.close()


@pytest.fixture
def server_location(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An empty database on the PostgreSQL test server (a SQLite file when there is none)."""
    if PG_SERVER:
        name = _pg_database()
        yield resolve_location(f"{PG_SERVER}/{name}")
        _settle()
        _pg_drop(name)
        return
    yield resolve_location(str(tmp_path / "server.db"))
