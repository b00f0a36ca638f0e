"""siyu db copy: a shop moved between databases comes back identical; the source is never changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.database import resolve_location
from app.services.db_copy import CopyError, _tables, copy_database, table_checksum


def checksums(location) -> dict[str, tuple[int, str]]:  # type: ignore[no-untyped-def]
    from app.services.database import Database

    db = Database(location)
    try:
        return {t.name: table_checksum(db, t) for t in _tables()}
    finally:
        db.close()


def test_round_trip_gives_back_identical_data(demo_db, server_location, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = resolve_location(str(tmp_path / "first.db"))
    report = copy_database(demo_db.location, first)
    assert report.same and report.rows > 4000
    before = checksums(demo_db.location)
    assert copy_database(first, server_location).same  # SQLite -> PostgreSQL (another file without a server)
    last = resolve_location(str(tmp_path / "last.db"))
    assert copy_database(server_location, last).same  # and back
    assert checksums(last) == checksums(first) == before
    assert checksums(demo_db.location) == before  # the source is only read


def test_refuses_a_target_with_data(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = resolve_location(str(tmp_path / "t.db"))
    copy_database(demo_db.location, target)
    with pytest.raises(CopyError, match="is not empty"):
        copy_database(demo_db.location, target)
