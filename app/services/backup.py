"""Backups of the shop database: on demand, before migrations, and daily (kept: 7 daily, 4 weekly)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services.database import DatabaseError, DatabaseLocation, backup_name, backup_sqlite, sqlite_revision

KEEP_DAILY = 7
KEEP_WEEKLY = 4
_DAILY = re.compile(r"-(\d{8})-\d{6}-daily\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    modified: dt.datetime


def make_backup(location: DatabaseLocation, to: Path | None = None, label: str = "manual") -> Path:
    """A consistent copy of the shop (SQLite's backup API: safe while the app is open)."""
    source = _sqlite_file(location)
    sqlite_revision(source)  # refuses a file that is not a Siyu database, before copying anything
    dest = Path(to) if to else backup_name(source, label)
    if dest.is_dir():
        dest = dest / backup_name(source, label).name
    return backup_sqlite(source, dest)


def list_backups(location: DatabaseLocation) -> list[BackupInfo]:
    source = _sqlite_file(location)
    found = []
    for path in paths.backups_dir().glob(f"{source.stem}-*.db"):
        stat = path.stat()
        found.append(BackupInfo(path, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime)))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def daily_backup_if_due(location: DatabaseLocation, today: dt.date | None = None) -> Path | None:
    """Make today's automatic backup unless there is one, then prune: 7 daily and 4 weekly are kept."""
    if location.sqlite_path is None or not location.sqlite_path.exists():
        return None
    today = today or dt.date.today()
    stamp = f"{today:%Y%m%d}"
    made = None
    if not any(_daily_day(b.path) == stamp for b in list_backups(location)):
        made = make_backup(
            location,
            to=backup_name(
                location.sqlite_path, "daily", dt.datetime.combine(today, dt.datetime.now().time())
            ),
            label="daily",
        )
    prune_daily(location)
    return made


def prune_daily(location: DatabaseLocation) -> list[Path]:
    """Keep the newest 7 daily backups and the newest of each of the 4 most recent other ISO weeks."""
    daily = [(b.path, _daily_day(b.path)) for b in list_backups(location)]
    daily = sorted([(p, d) for p, d in daily if d], key=lambda x: x[1], reverse=True)
    keep: set[Path] = {p for p, _ in daily[:KEEP_DAILY]}
    weeks: set[tuple[int, int]] = set()
    for path, day in daily[KEEP_DAILY:]:
        week = dt.datetime.strptime(day, "%Y%m%d").date().isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(path)
    removed = []
    for path, _ in daily:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _daily_day(path: Path) -> str | None:
    match = _DAILY.search(path.name)
    return match.group(1) if match else None


def _sqlite_file(location: DatabaseLocation) -> Path:
    if location.sqlite_path is None:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors", "Backups of a shared server database are made on the server ({where})."
            ),
            where=location.display,
        )
    if not location.sqlite_path.exists():
        raise DatabaseError(QT_TRANSLATE_NOOP("Errors", "{where} does not exist."), where=location.display)
    return location.sqlite_path
