"""Opening the shop database: location, schema version, migrations with a backup first, health checks.

The fast path (a current SQLite database) uses only the standard library's ``sqlite3``: the main window can
paint before SQLAlchemy and Alembic are imported. SQLAlchemy is loaded the first time ``Database.engine`` is
used.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import paths
from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.migrations import HEAD, REVISIONS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_DB = "SIYU_DB"


class DatabaseError(UserError):
    pass


class SignInRequired(DatabaseError):
    """The server wants a login and password that the URL did not give (or gave wrong)."""


@dataclass(frozen=True)
class DatabaseLocation:
    """Where the shop lives: a SQLAlchemy URL, and the file when it is SQLite."""

    url: str
    sqlite_path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @property
    def display(self) -> str:
        """For the status bar and messages: the file path, or the URL without its password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def with_credentials(location: DatabaseLocation, login: str, password: str) -> DatabaseLocation:
    """The same server and database, signed in as ``login``."""
    from sqlalchemy.engine import make_url

    url = make_url(location.url).set(username=login or None, password=password or None)
    return DatabaseLocation(url.render_as_string(hide_password=False), None)


def resolve_location(db: str | None = None) -> DatabaseLocation:
    """``--db`` wins, then ``SIYU_DB``, then the file in the user's data folder.

    A value with ``://`` is a SQLAlchemy URL; anything else is a file path.
    """
    value = db or os.environ.get(ENV_DB) or ""
    if not value:
        return DatabaseLocation(f"sqlite:///{paths.default_db_path()}", paths.default_db_path())
    if "://" in value:
        if value.startswith("sqlite:///"):
            path = Path(value[len("sqlite:///") :]).expanduser().resolve()
            return DatabaseLocation(f"sqlite:///{path}", path)
        return DatabaseLocation(value, None)
    path = Path(value).expanduser().resolve()
    return DatabaseLocation(f"sqlite:///{path}", path)


# --- reading the schema version without SQLAlchemy ------------------------------------------------------


def _looks_like_sqlite(path: Path) -> bool:
    """True for a missing or empty file (a new shop) or a file with SQLite's header."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def sqlite_revision(path: Path) -> str | None:
    """The Alembic revision of a SQLite shop; None for a new (missing or empty) one.

    Raises DatabaseError for a file that is not a SQLite database or not a Siyu shop, without changing it.
    """
    if path.is_dir():
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a database file."), path=path
        )
    if not _looks_like_sqlite(path):
        raise DatabaseError(QT_TRANSLATE_NOOP("Errors", "{path} is not a Siyu database."), path=path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Cannot open {path}: {reason}"), path=path, reason=exc
        ) from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise DatabaseError(QT_TRANSLATE_NOOP("Errors", "{path} is not a Siyu database."), path=path)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a Siyu database ({reason})."), path=path, reason=exc
        ) from exc
    finally:
        conn.close()


def check_revision(revision: str | None, where: str) -> None:
    """Refuse a database written by a newer Siyu; anything older is upgraded."""
    if revision is not None and revision not in REVISIONS:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{where} was written by a newer version of Siyu (schema {found}, this version knows up to "
                "{head}). Please update Siyu; the database was not changed.",
            ),
            where=where,
            found=revision,
            head=HEAD,
        )


# --- backups ------------------------------------------------------------------------------------------


def backup_sqlite(source: Path, dest: Path) -> Path:
    """A consistent copy of a live SQLite database through SQLite's backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, dest)
    return dest


def backup_name(source: Path, label: str, when: dt.datetime | None = None) -> Path:
    when = when or dt.datetime.now()
    return paths.backups_dir() / f"{source.stem}-{when:%Y%m%d-%H%M%S}-{label}.db"


# --- the Database object ------------------------------------------------------------------------------


def _sqlite_connect(dbapi_conn: Any, _record: Any = None) -> None:
    dbapi_conn.isolation_level = None
    _sqlite_pragmas(dbapi_conn)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any = None) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Database:
    """One shop database. Cheap to create; SQLAlchemy is imported only when ``engine`` is first used."""

    def __init__(self, location: DatabaseLocation) -> None:
        self.location = location
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._local = threading.local()
        self._lock = threading.Lock()

    # SQLAlchemy ------------------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                from sqlalchemy import create_engine, event

                if self.location.is_sqlite:
                    engine = create_engine(self.location.url, connect_args={"timeout": 10})
                    event.listen(engine, "connect", _sqlite_connect)
                    # SQLAlchemy's recipe: BEGIN is ours, so DDL (a bulk load's DROP/CREATE INDEX) is inside
                    # the transaction and rolls back with it; the sqlite3 module's own implicit BEGIN is off
                    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
                else:
                    engine = create_engine(self.location.url, pool_pre_ping=True)
                self._engine = engine
            return self._engine

    def session(self) -> Session:
        """A new ORM session; use as ``with db.session() as s, s.begin(): ...``."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions()

    # plain DB-API, for fast reads ------------------------------------------------------------------
    def reader(self) -> Any:
        """A DB-API connection for read-only list queries, one per thread, kept open.

        On SQLite this is a plain ``sqlite3`` connection (no SQLAlchemy import on the start-up path).
        """
        conn = getattr(self._local, "reader", None)
        if conn is None:
            if self.location.sqlite_path is not None:
                conn = sqlite3.connect(self.location.sqlite_path, timeout=10, check_same_thread=True)
                _sqlite_pragmas(conn)
                conn.isolation_level = None  # autocommit: every SELECT sees the latest data
            else:
                conn = self.engine.raw_connection()
                # every list query sees the latest data, and an idle screen holds no transaction open
                conn.driver_connection.autocommit = True
            self._local.reader = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "reader", None)
        if conn is not None:
            conn.close()
            self._local.reader = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None

    @property
    def dialect(self) -> str:
        return "sqlite" if self.location.is_sqlite else self.engine.dialect.name

    # schema ------------------------------------------------------------------------------------------
    def revision(self) -> str | None:
        if self.location.sqlite_path is not None:
            return sqlite_revision(self.location.sqlite_path)
        from sqlalchemy import inspect, text

        try:
            with self.engine.connect() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return None
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception as exc:  # driver errors differ per database; the message names the server
            reason = str(exc).splitlines()[0]
            if "password" in reason.lower() or "authentication" in reason.lower():
                raise SignInRequired(
                    QT_TRANSLATE_NOOP("Errors", "{where} asks for a login and password."),
                    where=self.location.display,
                ) from exc
            raise DatabaseError(
                QT_TRANSLATE_NOOP("Errors", "Cannot connect to {where}: {reason}"),
                where=self.location.display,
                reason=reason,
            ) from exc


@dataclass(frozen=True)
class OpenResult:
    database: Database
    created: bool
    upgraded_from: str | None
    backup: Path | None


def open_database(location: DatabaseLocation, *, migrate: bool = True) -> OpenResult:
    """Open a shop: create a new one at the head revision, or upgrade an older one after a backup copy.

    A file that is not a Siyu database, or one from a newer version, raises DatabaseError and is left as
    it was.
    """
    db = Database(location)
    revision = db.revision()
    check_revision(revision, location.display)
    if revision == HEAD:
        return OpenResult(db, created=False, upgraded_from=None, backup=None)
    if not migrate:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{where} needs an upgrade to schema {head}; open it in Siyu first."),
            where=location.display,
            head=HEAD,
        )
    backup = None
    if revision is not None and location.sqlite_path is not None:
        backup = backup_sqlite(location.sqlite_path, backup_name(location.sqlite_path, f"before-{HEAD}"))
        log.info("backed up %s to %s before migrating", location.sqlite_path, backup)
    if location.sqlite_path is not None:
        location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    upgrade(db)
    return OpenResult(db, created=revision is None, upgraded_from=revision, backup=backup)


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parent.parent / "migrations"))
    return cfg


def upgrade(db: Database, target: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    revision: str | None
    message: str
    params: dict[str, object]


def check_database(location: DatabaseLocation) -> CheckResult:
    """Integrity and schema version, without changing anything."""
    if location.sqlite_path is not None and not location.sqlite_path.exists():
        return CheckResult(
            False, None, QT_TRANSLATE_NOOP("Errors", "{where} does not exist."), {"where": location.display}
        )
    db = Database(location)
    try:
        revision = db.revision()
        check_revision(revision, location.display)
        if revision is None:
            return CheckResult(
                False, None, QT_TRANSLATE_NOOP("Errors", "{where} is empty."), {"where": location.display}
            )
        if revision != HEAD:
            return CheckResult(
                False,
                revision,
                QT_TRANSLATE_NOOP(
                    "Errors", "{where} has schema {found}; this version upgrades it to {head}."
                ),
                {"where": location.display, "found": revision, "head": HEAD},
            )
        if location.sqlite_path is not None:
            conn = sqlite3.connect(f"file:{location.sqlite_path}?mode=ro", uri=True)
            try:
                result = conn.execute("PRAGMA integrity_check").fetchall()
                fk = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
            finally:
                conn.close()
            if result != [("ok",)]:
                return CheckResult(
                    False,
                    revision,
                    QT_TRANSLATE_NOOP("Errors", "{where} is damaged: {reason}"),
                    {"where": location.display, "reason": "; ".join(r[0] for r in result[:3])},
                )
            if fk:
                return CheckResult(
                    False,
                    revision,
                    QT_TRANSLATE_NOOP(
                        "Errors", "{where} has rows pointing at missing rows in table {table}."
                    ),
                    {"where": location.display, "table": fk[0][0]},
                )
        return CheckResult(
            True,
            revision,
            QT_TRANSLATE_NOOP("Errors", "{where}: healthy, schema {found}."),
            {"where": location.display, "found": revision},
        )
    except DatabaseError as exc:
        return CheckResult(False, None, exc.template, dict(exc.params))
    finally:
        db.close()
