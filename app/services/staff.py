"""Staff: add, rename, roles, departure, and handing a member's customers, groups and follow-ups to another.

Customers belong to the shop, not to the member who added them (离职继承): when someone leaves, one
``hand_over`` moves their live customers, active groups and open follow-ups to a colleague in one
transaction. A shop that has marked anyone as owner always keeps at least one active owner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.tags import clean_name, datetime_type, now, sql

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

ROLES = ("owner", "staff")


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: str
    status: str
    departed_at: dt.date | None
    customer_count: int
    group_count: int
    open_follow_up_count: int
    login: str | None = None  # the PostgreSQL login of a shared shop; None: cannot sign in

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def assigned(self) -> int:
        """Everything still in this member's care: customers, groups and open follow-ups."""
        return self.customer_count + self.group_count + self.open_follow_up_count


@dataclass(frozen=True)
class Handover:
    customers: int
    groups: int
    follow_ups: int

    @property
    def total(self) -> int:
        return self.customers + self.groups + self.follow_ups


def _as_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_CUSTOMERS = "SELECT count(*) FROM customer c WHERE c.owner_staff_id = {s} AND c.deleted_at IS NULL"
_GROUPS = "SELECT count(*) FROM community_group g WHERE g.owner_staff_id = {s} AND g.status = 'active'"
_FOLLOW_UPS = "SELECT count(*) FROM follow_up f WHERE f.staff_id = {s} AND f.done_at IS NULL"


class StaffService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading -----------------------------------------------------------------------------------
    def list(self, include_departed: bool = True) -> list[StaffInfo]:
        """Active members first (owners first), then departed ones; each with what they look after."""
        where = "" if include_departed else "WHERE st.status = 'active'"
        statement = f"""
            SELECT st.id, st.name, st.role, st.status, st.departed_at,
                ({_CUSTOMERS.format(s="st.id")}), ({_GROUPS.format(s="st.id")}),
                ({_FOLLOW_UPS.format(s="st.id")}), st.login
            FROM staff st
            {where}
            ORDER BY CASE WHEN st.status = 'active' THEN 0 ELSE 1 END,
                CASE WHEN st.role = 'owner' THEN 0 ELSE 1 END, st.id
        """
        with self._db.engine.connect() as conn:
            rows = conn.execute(sql(statement)).all()
        return [
            StaffInfo(r[0], r[1], r[2], r[3], _as_date(r[4]), int(r[5]), int(r[6]), int(r[7]), r[8]) for r in rows
        ]

    def get(self, staff_id: int) -> StaffInfo:
        for info in self.list():
            if info.id == staff_id:
                return info
        raise UserError(QT_TRANSLATE_NOOP("Errors", "This staff member no longer exists."))

    def handover_preview(self, from_id: int) -> Handover:
        """What ``hand_over`` would move: live customers, active groups and open follow-ups."""
        with self._db.engine.connect() as conn:
            self._member(conn, from_id)
            return self._assigned(conn, from_id)

    # -- writing -----------------------------------------------------------------------------------
    def add(self, name: str, role: str = "staff") -> int:
        name = clean_name(name)
        _check_role(role)
        with self._db.engine.begin() as conn:
            self._check_name_free(conn, name)
            conn.execute(
                sql("INSERT INTO staff (name, role, status) VALUES (:n, :r, 'active')"),
                {"n": name, "r": role},
            )
            return int(conn.execute(sql("SELECT id FROM staff WHERE name = :n"), {"n": name}).scalar_one())

    def rename(self, staff_id: int, name: str) -> None:
        name = clean_name(name)
        with self._db.engine.begin() as conn:
            member = self._member(conn, staff_id)
            if name == member["name"]:
                return
            self._check_name_free(conn, name)
            self._update(conn, staff_id, "name = :n", n=name)

    def set_role(self, staff_id: int, role: str) -> None:
        _check_role(role)
        with self._db.engine.begin() as conn:
            member = self._member(conn, staff_id)
            if member["role"] == role:
                return
            if role != "owner":
                self._check_owner_kept(conn, member)
            self._update(conn, staff_id, "role = :r", r=role)

    def mark_departed(self, staff_id: int, on: dt.date | None = None) -> None:
        """Mark a member as departed (on ``on``, today by default); what they look after stays theirs
        until ``hand_over``."""
        with self._db.engine.begin() as conn:
            member = self._member(conn, staff_id)
            self._depart(conn, member, on)

    def reactivate(self, staff_id: int) -> None:
        with self._db.engine.begin() as conn:
            member = self._member(conn, staff_id)
            if member["status"] == "active":
                return
            self._update(conn, staff_id, "status = 'active', departed_at = NULL")

    def hand_over(self, from_id: int, to_id: int, mark_departed: bool = True) -> Handover:
        """Move ``from_id``'s live customers, active groups and open follow-ups to ``to_id`` in one
        transaction, and (by default) mark ``from_id`` as departed. Returns what moved."""
        with self._db.engine.begin() as conn:
            giver = self._member(conn, from_id)
            receiver = self._member(conn, to_id)
            if from_id == to_id:
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "Choose another member to take over from {name}."),
                    name=giver["name"],
                )
            if receiver["status"] != "active":
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "{name} has left the shop; choose a member who still works here."
                    ),
                    name=receiver["name"],
                )
            if mark_departed and giver["status"] == "active":
                self._check_owner_kept(conn, giver)
            params = {"f": from_id, "t": to_id, "now": now()}
            customers = conn.execute(
                sql(
                    """
                    UPDATE customer SET owner_staff_id = :t, version = version + 1, updated_at = :now
                    WHERE owner_staff_id = :f AND deleted_at IS NULL
                    """,
                    now=datetime_type(),
                ),
                params,
            ).rowcount
            groups = conn.execute(
                sql(
                    "UPDATE community_group SET owner_staff_id = :t, version = version + 1 "
                    "WHERE owner_staff_id = :f AND status = 'active'"
                ),
                params,
            ).rowcount
            follow_ups = conn.execute(
                sql("UPDATE follow_up SET staff_id = :t WHERE staff_id = :f AND done_at IS NULL"), params
            ).rowcount
            if mark_departed and giver["status"] == "active":
                self._depart(conn, giver, None)
        return Handover(int(customers), int(groups), int(follow_ups))

    def remove(self, staff_id: int) -> None:
        """Delete a member who looks after nothing any more (done follow-ups, dissolved groups and
        customers in the recycle bin keep no owner)."""
        with self._db.engine.begin() as conn:
            member = self._member(conn, staff_id)
            left = self._assigned(conn, staff_id)
            if left.total:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{name} still looks after {customers} customers, {groups} groups and {follow_ups} "
                        "open follow-ups; hand them over to another member first.",
                    ),
                    name=member["name"],
                    customers=f"{left.customers:,}",
                    groups=f"{left.groups:,}",
                    follow_ups=f"{left.follow_ups:,}",
                )
            self._check_owner_kept(conn, member)
            conn.execute(
                sql("UPDATE customer SET owner_staff_id = NULL WHERE owner_staff_id = :s"), {"s": staff_id}
            )
            conn.execute(
                sql("UPDATE community_group SET owner_staff_id = NULL WHERE owner_staff_id = :s"),
                {"s": staff_id},
            )
            conn.execute(sql("UPDATE follow_up SET staff_id = NULL WHERE staff_id = :s"), {"s": staff_id})
            conn.execute(sql("DELETE FROM staff WHERE id = :s"), {"s": staff_id})

    # -- helpers -----------------------------------------------------------------------------------
    def _assigned(self, conn: Connection, staff_id: int) -> Handover:
        counts = [
            int(conn.execute(sql(q.format(s=":s")), {"s": staff_id}).scalar_one())
            for q in (_CUSTOMERS, _GROUPS, _FOLLOW_UPS)
        ]
        return Handover(*counts)

    def _member(self, conn: Connection, staff_id: int) -> dict[str, Any]:
        row = conn.execute(
            sql("SELECT id, name, role, status FROM staff WHERE id = :id"), {"id": staff_id}
        ).first()
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This staff member no longer exists."))
        return {"id": row[0], "name": row[1], "role": row[2], "status": row[3]}

    def _depart(self, conn: Connection, member: dict[str, Any], on: dt.date | None) -> None:
        if member["status"] == "active":
            self._check_owner_kept(conn, member)
        from sqlalchemy import Date

        conn.execute(
            sql(
                "UPDATE staff SET status = 'departed', departed_at = :d, version = version + 1 WHERE id = :id",
                d=Date(),
            ),
            {"d": on or dt.date.today(), "id": member["id"]},
        )

    def _update(self, conn: Connection, staff_id: int, assignments: str, **params: Any) -> None:
        conn.execute(
            sql(f"UPDATE staff SET {assignments}, version = version + 1 WHERE id = :id"),
            {**params, "id": staff_id},
        )

    def _check_owner_kept(self, conn: Connection, member: dict[str, Any]) -> None:
        """Refuse to take away the shop's last active owner (demoting, departing or removing them)."""
        if member["role"] != "owner" or member["status"] != "active":
            return
        others = conn.execute(
            sql("SELECT count(*) FROM staff WHERE role = 'owner' AND status = 'active' AND id <> :id"),
            {"id": member["id"]},
        ).scalar_one()
        if not others:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{name} is the shop's only active owner; make another member owner first."
                ),
                name=member["name"],
            )

    def _check_name_free(self, conn: Connection, name: str) -> None:
        if conn.execute(sql("SELECT 1 FROM staff WHERE name = :n"), {"n": name}).first():
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "A staff member named {name} already exists."), name=name
            )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Unknown role {role}."), role=role)
