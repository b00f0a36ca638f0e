"""Staff accounts on a shared PostgreSQL shop: each member signs in as a PostgreSQL login role.

The database enforces what a member sees (row-level security, migration 0004), not only the app: a member
of ``siyu_staff`` reads and changes their own customers and those assigned to no one, with everything that
belongs to them; ``siyu_owner`` members see everything and may manage staff. The embedded SQLite shop has
one user and no sign-in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.pinyin import search_key
from app.services.staff import Handover, StaffService

GROUP_ROLE = {"owner": "siyu_owner", "staff": "siyu_staff"}


class AccountError(UserError):
    pass


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    status: str
    login: str | None
    customers: int


def login_for(name: str) -> str:
    """A login name from a member's name: pinyin, lower case, letters and digits (林晓 → linxiao)."""
    key = search_key(name).split(" ")[0] if not name.isascii() else name
    login = re.sub(r"[^a-z0-9]", "", key.lower())
    return f"siyu_{login or 'staff'}"[:63]


class AccountService:
    def __init__(self, db: Database) -> None:
        self._db = db
        if db.location.is_sqlite:
            raise AccountError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Staff accounts need a shared PostgreSQL database; {where} is a single-computer file.",
                ),
                where=db.location.display,
            )

    def list(self) -> list[Account]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT s.id, s.name, s.role, s.status, s.login, (SELECT count(*) FROM customer c "
                "WHERE c.owner_staff_id = s.id AND c.deleted_at IS NULL) FROM staff s ORDER BY s.status, s.name"
            )).all()  # fmt: skip
        return [Account(*r) for r in rows]

    def add(self, name: str, role: str, password: str, login: str | None = None) -> Account:
        """Create (or give a login to) a member of staff, with a PostgreSQL login role and this password."""
        from psycopg import sql
        from sqlalchemy import text

        name = name.strip()
        if role not in GROUP_ROLE:
            raise ValueError(role)
        if not name:
            raise AccountError(QT_TRANSLATE_NOOP("Errors", "A member of staff needs a name."))
        if len(password) < 6:
            raise AccountError(QT_TRANSLATE_NOOP("Errors", "Choose a password of at least 6 characters."))
        login = (login or login_for(name)).lower()
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", login):
            raise AccountError(
                QT_TRANSLATE_NOOP("Errors", "{login} cannot be a login name (a-z, 0-9, _)."), login=login
            )
        with self._db.engine.begin() as conn:
            if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}).first():
                raise AccountError(
                    QT_TRANSLATE_NOOP("Errors", "The login {login} is already taken."), login=login
                )
            cur = conn.connection.dbapi_connection.cursor()
            cur.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}{}").format(
                    sql.Identifier(login), sql.Literal(password), sql.Identifier(GROUP_ROLE[role]),
                    sql.SQL(" CREATEROLE") if role == "owner" else sql.SQL(""),
                )
            )  # fmt: skip
            cur.close()
            row = conn.execute(text("SELECT id FROM staff WHERE name = :n"), {"n": name}).first()
            if row is None:
                staff_id = conn.execute(text(
                    "INSERT INTO staff (name, role, status, login) VALUES (:n, :r, 'active', :l) RETURNING id"),
                    {"n": name, "r": role, "l": login}).scalar_one()  # fmt: skip
            else:
                staff_id = row[0]
                conn.execute(text("UPDATE staff SET role = :r, login = :l, status = 'active', departed_at = NULL, "
                                  "version = version + 1 WHERE id = :i"), {"r": role, "l": login, "i": staff_id})  # fmt: skip
        return next(a for a in self.list() if a.id == staff_id)

    def can_manage(self) -> bool:
        """Whether the signed-in login may create and drop staff logins (an owner)."""
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar())  # fmt: skip

    def set_password(self, staff_id: int, password: str) -> None:
        from psycopg import sql

        if len(password) < 6:
            raise AccountError(QT_TRANSLATE_NOOP("Errors", "Choose a password of at least 6 characters."))
        account = self._account(staff_id)
        if not account.login:
            raise AccountError(QT_TRANSLATE_NOOP("Errors", "{name} has no sign-in yet."), name=account.name)
        with self._db.engine.begin() as conn:
            cur = conn.connection.dbapi_connection.cursor()
            cur.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(account.login), sql.Literal(password)))
            cur.close()

    def set_role(self, staff_id: int, role: str) -> None:
        """The member's role in the app and in the database: an owner's login is in siyu_owner, a member's
        in siyu_staff (row-level security reads that)."""
        from psycopg import sql

        if role not in GROUP_ROLE:
            raise ValueError(role)
        StaffService(self._db).set_role(staff_id, role)
        account = self._account(staff_id)
        if not account.login:
            return
        other = "staff" if role == "owner" else "owner"
        with self._db.engine.begin() as conn:
            cur = conn.connection.dbapi_connection.cursor()
            login = sql.Identifier(account.login)
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_ROLE[role]), login))
            cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(GROUP_ROLE[other]), login))
            cur.execute(sql.SQL("ALTER ROLE {} {}").format(login, sql.SQL("CREATEROLE" if role == "owner" else "NOCREATEROLE")))
            cur.close()

    def revoke(self, staff_id: int) -> None:
        """Drop the member's login: they can no longer sign in (their records stay)."""
        self._drop_login(self._account(staff_id))

    def _account(self, staff_id: int) -> Account:
        found = next((a for a in self.list() if a.id == staff_id), None)
        if found is None:
            raise AccountError(QT_TRANSLATE_NOOP("Errors", "This staff member no longer exists."))
        return found

    def _drop_login(self, account: Account) -> None:
        from psycopg import sql
        from sqlalchemy import text

        if not account.login:
            return
        with self._db.engine.begin() as conn:
            conn.execute(text("UPDATE staff SET login = NULL WHERE id = :i"), {"i": account.id})
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": account.login}).first()
            if exists:
                cur = conn.connection.dbapi_connection.cursor()
                cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(account.login)))
                cur.close()

    def remove(self, name: str, hand_to: str | None = None) -> Handover:
        """Hand the member's customers, groups and follow-ups to ``hand_to`` (if given), mark them departed
        and drop their login, so they can no longer sign in."""

        accounts = {a.name: a for a in self.list()}
        if name not in accounts:
            raise AccountError(
                QT_TRANSLATE_NOOP("Errors", "There is no member of staff called {name}."), name=name
            )
        leaving = accounts[name]
        moved = Handover(0, 0, 0)
        staff = StaffService(self._db)
        if hand_to is not None:
            if hand_to not in accounts:
                raise AccountError(QT_TRANSLATE_NOOP("Errors", "There is no member of staff called {name}."),
                                   name=hand_to)  # fmt: skip
            moved = staff.hand_over(leaving.id, accounts[hand_to].id, mark_departed=True)
        elif leaving.status == "active":
            staff.mark_departed(leaving.id)
        self._drop_login(leaving)
        return moved
