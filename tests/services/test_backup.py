from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from app import paths
from app.services.backup import daily_backup_if_due, list_backups, make_backup, prune_daily
from app.services.database import DatabaseError, backup_name, resolve_location, sqlite_revision

pytestmark = pytest.mark.sqlite_only


def test_manual_backup_is_a_consistent_copy(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = make_backup(demo_db.location, to=tmp_path / "copy.db")
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM customer").fetchone() == (400,)
    conn.close()
    assert sqlite_revision(target) == sqlite_revision(demo_db.location.sqlite_path)
    into_folder = make_backup(demo_db.location, to=tmp_path)
    assert into_folder.parent == tmp_path and into_folder.name.startswith("demo-")
    default = make_backup(demo_db.location)
    assert default.parent == paths.backups_dir()


def test_backup_of_a_missing_or_foreign_file_fails_clearly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DatabaseError, match="does not exist"):
        make_backup(resolve_location(str(tmp_path / "none.db")))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"hello")
    with pytest.raises(DatabaseError, match="not a Siyu database"):
        make_backup(resolve_location(str(bad)))


def test_daily_backups_keep_seven_days_and_four_weeks(demo_db) -> None:  # type: ignore[no-untyped-def]
    source = demo_db.location.sqlite_path
    start = dt.date(2026, 8, 1)
    for offset in range(60):
        day = start + dt.timedelta(days=offset)
        daily_backup_if_due(demo_db.location, today=day)
        assert daily_backup_if_due(demo_db.location, today=day) is None  # once a day
    kept = sorted(b.path.name for b in list_backups(demo_db.location))
    assert len(kept) == 11
    assert kept[-1].startswith(f"{source.stem}-20260929")
    manual = make_backup(demo_db.location, to=backup_name(source, "manual"))
    prune_daily(demo_db.location)
    assert manual.exists()  # only automatic backups are pruned
