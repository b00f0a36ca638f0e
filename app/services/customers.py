"""One customer at a time (the detail pane) and the filters and bulk edits of the customer list.

Edits check the record's ``version``: a save over a change made elsewhere since the record was opened is
refused with a message that says so, never silently overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.pinyin import search_key

LEVELS = ("fan", "customer", "member", "koc")  # as in app.models.schema (not imported: it loads SQLAlchemy)

EDITABLE = ("name", "remark_name", "phone", "member_code", "wechat_id", "gender", "birthday", "birthday_lunar",
            "city", "source_channel", "added_on", "owner_staff_id", "level", "notes")  # fmt: skip


class CustomerError(UserError):
    pass


class ConflictError(CustomerError):
    pass


@dataclass(frozen=True)
class OrderLine:
    id: int
    ordered_at: dt.datetime
    amount_cents: int
    channel: str | None
    source: str
    external_no: str
    coupon_code: str | None


@dataclass(frozen=True)
class FollowUpLine:
    id: int
    created_at: dt.datetime
    staff_name: str | None
    body: str
    due_on: dt.date | None
    done_at: dt.datetime | None


@dataclass(frozen=True)
class GroupLine:
    id: int
    name: str
    joined_on: dt.date | None
    left_on: dt.date | None


@dataclass(frozen=True)
class CouponLine:
    id: int
    campaign: str
    code: str
    issued_at: dt.datetime
    valid_until: dt.date | None
    redeemed_at: dt.datetime | None
    discount_cents: int | None


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    version: int
    values: dict[str, Any]  # the EDITABLE fields
    owner_name: str | None
    referrer_name: str | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    deleted_at: dt.datetime | None
    order_count: int
    total_spent_cents: int
    first_order_at: dt.datetime | None
    last_order_at: dt.datetime | None
    next_follow_up: dt.date | None
    fields: dict[str, str] = field(default_factory=dict)
    orders: list[OrderLine] = field(default_factory=list)
    groups: list[GroupLine] = field(default_factory=list)
    coupons: list[CouponLine] = field(default_factory=list)
    follow_ups: list[FollowUpLine] = field(default_factory=list)


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    group: str = ""


@dataclass(frozen=True)
class FilterOptions:
    tags: list[Choice]
    tag_groups: list[Choice]
    channels: list[str]
    staff: list[Choice]


@dataclass
class CustomerFilter:
    """The customer list's filters; None means "any"."""

    tag_id: int | None = None
    tag_group_id: int | None = None
    channel: str | None = None
    staff_id: int | None = None  # 0: assigned to no one
    level: str | None = None
    has_orders: bool | None = None
    added_from: dt.date | None = None
    added_to: dt.date | None = None

    def active(self) -> bool:
        return any(v is not None for v in vars(self).values())


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


class CustomerService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading -----------------------------------------------------------------------------------
    def detail(self, customer_id: int) -> CustomerDetail:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            row = conn.execute(text(
                f"SELECT c.version, {', '.join('c.' + k for k in EDITABLE)}, s.name, r.name, c.created_at, "
                "c.updated_at, c.deleted_at, c.order_count, c.total_spent_cents, c.first_order_at, c.last_order_at, "
                "c.next_follow_up FROM customer c LEFT JOIN staff s ON s.id = c.owner_staff_id "
                "LEFT JOIN customer r ON r.id = c.referrer_id WHERE c.id = :id"), {"id": customer_id}).first()  # fmt: skip
            if row is None:
                raise CustomerError(
                    QT_TRANSLATE_NOOP("Errors", "Customer {id} no longer exists."), id=customer_id
                )
            values = dict(zip(EDITABLE, row[1 : 1 + len(EDITABLE)], strict=True))
            values["birthday"] = _date(values["birthday"])
            values["added_on"] = _date(values["added_on"])
            values["birthday_lunar"] = bool(values["birthday_lunar"])
            rest = row[1 + len(EDITABLE) :]
            fields = dict(conn.execute(text(
                "SELECT name, value FROM customer_field WHERE customer_id = :id ORDER BY name"), {"id": customer_id}).all())  # fmt: skip
            orders = [OrderLine(r[0], _datetime(r[1]), r[2], r[3], r[4], r[5], r[6]) for r in conn.execute(text(
                "SELECT o.id, o.ordered_at, o.amount_cents, o.channel, o.source, o.external_no, cp.code FROM orders o "
                "LEFT JOIN coupon cp ON cp.id = o.coupon_id WHERE o.customer_id = :id "
                "ORDER BY o.ordered_at DESC, o.id DESC"), {"id": customer_id})]  # fmt: skip
            groups = [GroupLine(r[0], r[1], _date(r[2]), _date(r[3])) for r in conn.execute(text(
                "SELECT g.id, g.name, m.joined_on, m.left_on FROM group_membership m JOIN community_group g "
                "ON g.id = m.group_id WHERE m.customer_id = :id ORDER BY m.joined_on DESC"), {"id": customer_id})]  # fmt: skip
            coupons = [CouponLine(r[0], r[1], r[2], _datetime(r[3]), _date(r[4]), _datetime(r[5]), r[6])
                       for r in conn.execute(text(
                "SELECT cp.id, cc.name, cp.code, cp.issued_at, cp.valid_until, cp.redeemed_at, cp.discount_cents "
                "FROM coupon cp JOIN coupon_campaign cc ON cc.id = cp.campaign_id WHERE cp.customer_id = :id "
                "ORDER BY cp.issued_at DESC"), {"id": customer_id})]  # fmt: skip
            follow_ups = [FollowUpLine(r[0], _datetime(r[1]), r[2], r[3], _date(r[4]), _datetime(r[5]))
                          for r in conn.execute(text(
                "SELECT f.id, f.created_at, s.name, f.body, f.due_on, f.done_at FROM follow_up f "
                "LEFT JOIN staff s ON s.id = f.staff_id WHERE f.customer_id = :id "
                "ORDER BY f.done_at IS NOT NULL, f.due_on IS NULL, f.due_on, f.created_at DESC"), {"id": customer_id})]  # fmt: skip
        return CustomerDetail(
            customer_id, row[0], values, rest[0], rest[1], _datetime(rest[2]), _datetime(rest[3]), _datetime(rest[4]),
            rest[5], rest[6], _datetime(rest[7]), _datetime(rest[8]), _date(rest[9]), fields, orders, groups,
            coupons, follow_ups,
        )  # fmt: skip

    def options(self) -> FilterOptions:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            tags = [Choice(r[0], r[1], r[2]) for r in conn.execute(text(
                "SELECT t.id, t.name, g.name FROM tag t JOIN tag_group g ON g.id = t.group_id "
                "ORDER BY g.sort_order, g.id, t.name"))]  # fmt: skip
            groups = [
                Choice(r[0], r[1])
                for r in conn.execute(text("SELECT id, name FROM tag_group ORDER BY sort_order, id"))
            ]
            channels = [r[0] for r in conn.execute(text(
                "SELECT source_channel FROM customer WHERE source_channel IS NOT NULL AND deleted_at IS NULL "
                "GROUP BY source_channel ORDER BY count(*) DESC"))]  # fmt: skip
            staff = [Choice(r[0], r[1], r[2]) for r in conn.execute(text(
                "SELECT id, name, status FROM staff ORDER BY status, name"))]  # fmt: skip
        return FilterOptions(tags, groups, channels, staff)

    def filter_ids(self, flt: CustomerFilter) -> np.ndarray | None:
        """Ids of live customers matching every filter (None when no filter is set)."""
        if not flt.active():
            return None
        conditions = ["c.deleted_at IS NULL"]
        params: dict[str, Any] = {}
        if flt.tag_id is not None:
            conditions.append(
                "EXISTS (SELECT 1 FROM customer_tag ct WHERE ct.customer_id = c.id AND ct.tag_id = :tag)"
            )
            params["tag"] = flt.tag_id
        if flt.tag_group_id is not None:
            conditions.append("EXISTS (SELECT 1 FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                              "WHERE ct.customer_id = c.id AND t.group_id = :tgroup)")  # fmt: skip
            params["tgroup"] = flt.tag_group_id
        if flt.channel is not None:
            conditions.append("c.source_channel = :channel")
            params["channel"] = flt.channel
        if flt.staff_id is not None:
            conditions.append(
                "c.owner_staff_id IS NULL" if flt.staff_id == 0 else "c.owner_staff_id = :staff"
            )
            params["staff"] = flt.staff_id
        if flt.level is not None:
            conditions.append("c.level = :level")
            params["level"] = flt.level
        if flt.has_orders is not None:
            conditions.append("c.order_count > 0" if flt.has_orders else "c.order_count = 0")
        if flt.added_from is not None:
            conditions.append("c.added_on >= :added_from")
            params["added_from"] = flt.added_from.isoformat()
        if flt.added_to is not None:
            conditions.append("c.added_on <= :added_to")
            params["added_to"] = flt.added_to.isoformat()
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT c.id FROM customer c WHERE {' AND '.join(conditions)} ORDER BY c.id"),
                                params).all()  # fmt: skip
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))

    # -- writing -----------------------------------------------------------------------------------
    def _clean(self, changes: dict[str, Any]) -> dict[str, Any]:
        from app.services.normalise import PHONE

        out: dict[str, Any] = {}
        for key, value in changes.items():
            if key not in EDITABLE:
                raise ValueError(key)
            if isinstance(value, str):
                value = value.strip() or None
            if key == "phone" and value is not None:
                digits = "".join(ch for ch in value if ch.isdigit())
                if digits.startswith("86") and len(digits) == 13:
                    digits = digits[2:]
                if not PHONE.match(digits):
                    raise CustomerError(QT_TRANSLATE_NOOP("Errors", "{value} is not an 11-digit mobile number."),
                                        value=value)  # fmt: skip
                value = digits
            if key == "name" and value is None:
                raise CustomerError(QT_TRANSLATE_NOOP("Errors", "A customer needs a name."))
            if key == "level" and value not in LEVELS:
                raise ValueError(value)
            if key == "birthday" and value is not None and _date(value) > dt.date.today():
                raise CustomerError(
                    QT_TRANSLATE_NOOP("Errors", "The birthday {value} is in the future."), value=value
                )
            if key in ("birthday", "added_on") and value is not None:
                value = _date(value).isoformat()
            if key == "birthday_lunar":
                value = bool(value)
            out[key] = value
        return out

    def update(self, customer_id: int, expected_version: int, changes: dict[str, Any]) -> int:
        """Save changed fields; returns the new version. Raises ConflictError when someone else saved first."""
        from sqlalchemy import text
        from sqlalchemy.exc import IntegrityError

        values = self._clean(changes)
        if not values:
            return expected_version
        with self._db.engine.begin() as conn:
            current = conn.execute(text("SELECT name, remark_name, version FROM customer WHERE id = :id"),
                                   {"id": customer_id}).first()  # fmt: skip
            if current is None:
                raise CustomerError(
                    QT_TRANSLATE_NOOP("Errors", "Customer {id} no longer exists."), id=customer_id
                )
            if current[2] != expected_version:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "Errors", "This customer was changed elsewhere after you opened it. Reload to see the changes; "
                              "nothing was overwritten."))  # fmt: skip
            self._check_unique(conn, customer_id, values)
            if "name" in values or "remark_name" in values:
                values["search_key"] = search_key(
                    values.get("name", current[0]), values.get("remark_name", current[1])
                )
            sets = ", ".join(f"{k} = :{k}" for k in values)
            now = dt.datetime.now().replace(microsecond=0)
            try:
                done = conn.execute(text(f"UPDATE customer SET {sets}, updated_at = :now, version = version + 1 "
                                         "WHERE id = :id AND version = :version"),
                                    {**values, "now": now, "id": customer_id, "version": expected_version}).rowcount  # fmt: skip
            except IntegrityError as exc:  # a race with another computer on a unique column
                raise CustomerError(
                    QT_TRANSLATE_NOOP("Errors", "The phone or member code is already used.")
                ) from exc
            if done != 1:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "Errors", "This customer was changed elsewhere after you opened it. Reload to see the changes; "
                              "nothing was overwritten."))  # fmt: skip
        return expected_version + 1

    def _check_unique(self, conn: Any, customer_id: int, values: dict[str, Any]) -> None:
        from sqlalchemy import text

        for key, label in (("phone", QT_TRANSLATE_NOOP("Errors", "phone number")),
                           ("member_code", QT_TRANSLATE_NOOP("Errors", "member code"))):  # fmt: skip
            if values.get(key):
                other = conn.execute(text(f"SELECT name FROM customer WHERE {key} = :v AND id != :id"),
                                     {"v": values[key], "id": customer_id}).first()  # fmt: skip
                if other is not None:
                    raise CustomerError(
                        QT_TRANSLATE_NOOP("Errors", "The {what} {value} already belongs to {other}."),
                        what=label,
                        value=values[key],
                        other=other[0],
                    )

    def create(self, values: dict[str, Any]) -> int:
        from sqlalchemy import text

        clean = self._clean({"name": values.get("name"), **values})
        now = dt.datetime.now().replace(microsecond=0)
        with self._db.engine.begin() as conn:
            self._check_unique(conn, 0, clean)
            clean["search_key"] = search_key(clean.get("name"), clean.get("remark_name"))
            clean.setdefault("added_on", dt.date.today().isoformat())
            cols = ", ".join(clean)
            marks = ", ".join(f":{k}" for k in clean)
            return int(conn.execute(text(f"INSERT INTO customer ({cols}, created_at, updated_at) VALUES ({marks}, :now, :now) "
                                         "RETURNING id"), {**clean, "now": now}).scalar_one())  # fmt: skip

    def set_fields(self, customer_id: int, fields: dict[str, str | None]) -> None:
        """Custom fields: a value sets the field, None removes it."""
        from sqlalchemy import text

        with self._db.engine.begin() as conn:
            for name, value in fields.items():
                name = name.strip()
                if not name:
                    continue
                conn.execute(text("DELETE FROM customer_field WHERE customer_id = :c AND name = :n"),
                             {"c": customer_id, "n": name})  # fmt: skip
                if value is not None and str(value).strip():
                    conn.execute(text("INSERT INTO customer_field (customer_id, name, value) VALUES (:c, :n, :v)"),
                                 {"c": customer_id, "n": name, "v": str(value).strip()})  # fmt: skip
            conn.execute(text("UPDATE customer SET version = version + 1, updated_at = :now WHERE id = :c"),
                         {"c": customer_id, "now": dt.datetime.now().replace(microsecond=0)})  # fmt: skip

    def add_follow_up(self, customer_id: int, body: str, due_on: dt.date | None = None,
                      staff_id: int | None = None) -> int:  # fmt: skip
        from sqlalchemy import text

        if not body.strip():
            raise CustomerError(QT_TRANSLATE_NOOP("Errors", "Write what the follow-up is about."))
        with self._db.engine.begin() as conn:
            new_id = conn.execute(text(
                "INSERT INTO follow_up (customer_id, staff_id, body, due_on, created_at) VALUES (:c, :s, :b, :d, :now) "
                "RETURNING id"), {"c": customer_id, "s": staff_id, "b": body.strip(),
                                  "d": due_on.isoformat() if due_on else None,
                                  "now": dt.datetime.now().replace(microsecond=0)}).scalar_one()  # fmt: skip
            self._refresh_next_follow_up(conn, customer_id)
        return int(new_id)

    def complete_follow_up(self, follow_up_id: int) -> None:
        from sqlalchemy import text

        with self._db.engine.begin() as conn:
            row = conn.execute(text("UPDATE follow_up SET done_at = :now WHERE id = :id AND done_at IS NULL "
                                    "RETURNING customer_id"),
                               {"id": follow_up_id, "now": dt.datetime.now().replace(microsecond=0)}).first()  # fmt: skip
            if row is not None:
                self._refresh_next_follow_up(conn, row[0])

    @staticmethod
    def _refresh_next_follow_up(conn: Any, customer_id: int) -> None:
        from sqlalchemy import text

        conn.execute(text(
            "UPDATE customer SET next_follow_up = (SELECT min(due_on) FROM follow_up WHERE customer_id = :c "
            "AND done_at IS NULL AND due_on IS NOT NULL), version = version + 1 WHERE id = :c"), {"c": customer_id})  # fmt: skip

    def set_level(self, customer_ids: Sequence[int], level: str) -> int:
        if level not in LEVELS:
            raise ValueError(level)
        return self._bulk_set(customer_ids, "level", level)

    def assign_staff(self, customer_ids: Sequence[int], staff_id: int | None) -> int:
        return self._bulk_set(customer_ids, "owner_staff_id", staff_id)

    def _bulk_set(self, customer_ids: Sequence[int], column: str, value: Any) -> int:
        from sqlalchemy import bindparam, text

        ids = sorted({int(i) for i in customer_ids})
        changed = 0
        now = dt.datetime.now().replace(microsecond=0)
        differs = f"{column} IS NOT NULL" if value is None else f"({column} IS NULL OR {column} != :v)"
        stmt = text(f"UPDATE customer SET {column} = :v, version = version + 1, updated_at = :now "
                    f"WHERE id IN :ids AND deleted_at IS NULL AND {differs}").bindparams(
            bindparam("ids", expanding=True))  # fmt: skip
        with self._db.engine.begin() as conn:
            for start in range(0, len(ids), 20000):
                changed += conn.execute(
                    stmt, {"v": value, "now": now, "ids": ids[start : start + 20000]}
                ).rowcount
        return int(changed)
