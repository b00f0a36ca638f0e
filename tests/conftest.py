"""Every test gets its own data folder and database; nothing touches the user's files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.database import Database, open_database, resolve_location  # noqa: E402


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
    database = open_database(resolve_location(str(db_path))).database
    yield database
    database.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import datetime as dt

    from app.services.demo import generate_demo

    folder = tmp_path_factory.mktemp("demo")
    os.environ["SIYU_DATA_DIR"] = str(folder / "data")
    path = folder / "demo.db"
    database = open_database(resolve_location(str(path))).database
    generate_demo(database, customers=400, orders=4000, seed=7, end=dt.date(2026, 11, 22))
    database.close()
    return path


@pytest.fixture
def demo_db(_demo_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A small demo shop (400 customers, 4,000 orders, data through 2026-11-22), fresh for each test."""
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    database = Database(resolve_location(str(path)))
    yield database
    database.close()
