"""The recycle bin and the duplicate finder with merge (issue #3).

Nothing is lost (PRODUCT.md "Promises"): ``delete`` only moves customers to the recycle bin (``deleted_at``
set), ``restore`` brings them back unchanged, and only ``purge`` removes them for good, together with their
orders, tags, custom fields, follow-ups and group memberships (the foreign keys cascade) while their coupons
stay, without a customer. ``merge`` moves everything a duplicate has to the customer that is kept before the
duplicate's row is deleted.

Bulk calls are set-based SQL in chunks of ids, so binning 100,000 customers is one short transaction.
SQLAlchemy is imported when a method first runs, so that opening the main window does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.customer_list import normalise_query
from app.services.database import Database

if TYPE_CHECKING:
    import sqlalchemy as sa

RULE_PHONE = "phone"
RULE_NAME_WECHAT = "name_wechat"
RULES = (RULE_PHONE, RULE_NAME_WECHAT)

CHUNK = 5_000  # ids per statement: well under SQLite's limit of bound parameters
LEVEL_LADDER = ("fan", "customer", "member", "koc")

# Written into the kept customer's notes. The notes are the shop's own data, kept in the shop's language
# (Chinese) whatever language the screens use, like the demo shop's words.
MERGED_FROM = "合并自："
_NOTE_LABELS = {
    "remark_name": "备注名",
    "phone": "手机号",
    "wechat_id": "微信号",
    "member_code": "会员号",
    "city": "城市",
    "source_channel": "来源渠道",
    "birthday": "生日",
}

_NON_DIGITS = re.compile(r"\D")
_WECHAT_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_PHONE_NOISE = re.compile(r"[\s\-()]")


class CustomerAdminError(UserError):
    pass


@dataclass(frozen=True)
class BinEntry:
    id: int
    name: str
    remark_name: str | None
    phone: str | None
    deleted_at: dt.datetime
    order_count: int
    total_spent_cents: int


@dataclass(frozen=True)
class PurgePreview:
    """What a purge would remove for good: customers in the bin and all their order rows (refunds too)."""

    customers: int
    orders: int


@dataclass(frozen=True)
class DuplicateGroup:
    rule: str  # RULE_PHONE | RULE_NAME_WECHAT
    key: str  # the 11-digit phone, or "name / wechat id"
    customer_ids: tuple[int, ...]


@dataclass(frozen=True)
class CustomerBrief:
    id: int
    name: str
    remark_name: str | None
    phone: str | None
    wechat_id: str | None
    city: str | None
    order_count: int
    total_spent_cents: int
    last_order_at: dt.datetime | None
    added_on: dt.date | None
    tag_names: tuple[str, ...]


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    merged_ids: tuple[int, ...]
    orders_moved: int
    tags_added: int  # links added to the kept customer (a tag it had already, or of an exclusive group it
    # has a tag of, is not added)
    follow_ups_moved: int
    memberships_moved: int  # a membership of the same group over the same time is combined, not moved
    coupons_moved: int
    fields_filled: int  # empty profile fields and custom fields of the kept customer filled in


def phone_key(phone: str | None) -> str | None:
    """The last 11 digits of a phone number (all its digits when shorter); None when it has none."""
    if not phone:
        return None
    digits = _NON_DIGITS.sub("", phone)
    return digits[-11:] or None


def wechat_phone_key(wechat_id: str | None) -> str | None:
    """The mobile number a WeChat id is, when the owner typed the phone as WeChat id (often the case)."""
    if not wechat_id:
        return None
    found = _WECHAT_MOBILE.fullmatch(_PHONE_NOISE.sub("", wechat_id))
    return found.group(1) if found else None


def default_keep(briefs: Sequence[CustomerBrief]) -> int:
    """The record to keep by default: the most orders, then the earliest added, then the oldest record."""
    if not briefs:
        raise ValueError("no customers")
    far = dt.date.max
    best = min(briefs, key=lambda b: (-b.order_count, b.added_on or far, b.id))
    return best.id


class CustomerAdminService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- recycle bin -------------------------------------------------------------------------------
    def delete(self, customer_ids: Sequence[int]) -> int:
        """Move customers to the recycle bin; returns how many were live (binned ones stay as they were)."""
        import sqlalchemy as sa

        now = _now()
        stmt = sa.text(
            "UPDATE customer SET deleted_at = :now, version = version + 1 "
            "WHERE deleted_at IS NULL AND id IN :ids"
        ).bindparams(_ids_param(), sa.bindparam("now", now, type_=sa.DateTime))
        with self._db.engine.begin() as conn:
            return sum(conn.execute(stmt, {"ids": chunk}).rowcount for chunk in _chunks(customer_ids))

    def restore(self, customer_ids: Sequence[int]) -> int:
        """Bring customers back from the recycle bin exactly as they were; returns how many came back."""
        import sqlalchemy as sa

        stmt = sa.text(
            "UPDATE customer SET deleted_at = NULL, version = version + 1 "
            "WHERE deleted_at IS NOT NULL AND id IN :ids"
        ).bindparams(_ids_param())
        try:
            with self._db.engine.begin() as conn:
                return sum(conn.execute(stmt, {"ids": chunk}).rowcount for chunk in _chunks(customer_ids))
        except sa.exc.IntegrityError as exc:
            # The phone and member code stay unique while a customer is in the bin, so a live customer
            # cannot have taken them; should a future constraint clash anyway, nothing is restored.
            raise CustomerAdminError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Nothing was restored: a restored customer would clash with a live customer ({reason}).",
                ),
                reason=str(exc.orig).splitlines()[0],
            ) from exc

    def purge_preview(self, customer_ids: Sequence[int] | None = None) -> PurgePreview:
        """How many of the customers are in the bin (None: the whole bin) and how many orders they have."""
        customers = orders = 0
        with self._db.engine.connect() as conn:
            for stmt, params in _binned("SELECT count(*) FROM customer c WHERE {binned}", customer_ids):
                customers += conn.execute(stmt, params).scalar_one()
            for stmt, params in _binned(
                "SELECT count(*) FROM orders o JOIN customer c ON c.id = o.customer_id WHERE {binned}",
                customer_ids,
            ):
                orders += conn.execute(stmt, params).scalar_one()
        return PurgePreview(int(customers), int(orders))

    def purge(self, customer_ids: Sequence[int]) -> int:
        """Delete for good the given customers that are in the recycle bin (live ones are left alone).

        Their orders, tags, custom fields, follow-ups and memberships go too (the foreign keys cascade); their
        coupons stay, with no customer. Returns how many customers were removed.
        """
        return self._purge(customer_ids)

    def empty_bin(self) -> int:
        """Purge every customer in the recycle bin; returns how many were removed."""
        return self._purge(None)

    def _purge(self, customer_ids: Sequence[int] | None) -> int:

        removed = 0
        sql = "DELETE FROM customer WHERE id IN (SELECT c.id FROM customer c WHERE {binned})"
        with self._db.engine.begin() as conn:
            # each deleted order sets its coupons' order_id to NULL: ix_coupon_order_id (revision 0002) keeps
            # that a lookup instead of a scan of every coupon per order
            for stmt, params in _binned(sql, customer_ids):
                removed += conn.execute(stmt, params).rowcount
        return int(removed)

    def bin(self, search: str = "", limit: int = 5000) -> list[BinEntry]:
        """Customers in the recycle bin, the most recently deleted first; ``search`` works as in the list."""
        import sqlalchemy as sa

        conditions = ["c.deleted_at IS NOT NULL"]
        params: dict[str, Any] = {"limit": int(limit)}
        for n, word in enumerate(normalise_query(search)):
            params[f"w{n}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conditions.append(
                "("
                + " OR ".join(
                    f"lower(coalesce({col}, '')) LIKE :w{n} ESCAPE '\\'"
                    for col in ("c.name", "c.remark_name", "c.phone", "c.wechat_id", "c.search_key")
                )
                + ")"
            )
        stmt = sa.text(
            "SELECT c.id, c.name, c.remark_name, c.phone, c.deleted_at, c.order_count, c.total_spent_cents "
            f"FROM customer c WHERE {' AND '.join(conditions)} ORDER BY c.deleted_at DESC, c.id DESC "
            "LIMIT :limit"
        ).columns(deleted_at=sa.DateTime)
        with self._db.engine.connect() as conn:
            rows = conn.execute(stmt, params).all()
        return [
            BinEntry(
                r.id, r.name or "", r.remark_name, r.phone, r.deleted_at, r.order_count, r.total_spent_cents
            )
            for r in rows
        ]

    def bin_count(self) -> int:
        import sqlalchemy as sa

        with self._db.engine.connect() as conn:
            return int(
                conn.execute(
                    sa.text("SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL")
                ).scalar_one()
            )

    # -- duplicates --------------------------------------------------------------------------------
    def find_duplicates(self) -> list[DuplicateGroup]:
        """Live customers that look like the same person, by the two rules of issue #3.

        ``phone``: the same last 11 digits of the phone, where a WeChat id that is a mobile number counts as
        that phone; ``name_wechat``: the same trimmed name and the same WeChat id (case ignored), both
        non-empty. A customer can be in groups of both rules. Groups come by rule (phone first), then key.
        """
        import sqlalchemy as sa

        with self._db.engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT id, name, phone, wechat_id FROM customer "
                    "WHERE deleted_at IS NULL AND (phone IS NOT NULL OR wechat_id IS NOT NULL)"
                )
            ).all()
        by_phone: dict[str, set[int]] = defaultdict(set)
        by_name_wechat: dict[tuple[str, str], set[int]] = defaultdict(set)
        for cid, name, phone, wechat in rows:
            for key in (phone_key(phone), wechat_phone_key(wechat)):
                if key:
                    by_phone[key].add(cid)
            name = (name or "").strip()
            wechat = (wechat or "").strip().lower()
            if name and wechat:
                by_name_wechat[(name, wechat)].add(cid)
        candidates = [(RULE_PHONE, k, v) for k, v in by_phone.items() if len(v) > 1]
        candidates += [
            (RULE_NAME_WECHAT, f"{n} / {w}", v) for (n, w), v in by_name_wechat.items() if len(v) > 1
        ]
        candidates.sort(key=lambda c: (RULES.index(c[0]), c[1]))
        groups: list[DuplicateGroup] = []
        seen: set[tuple[str, tuple[int, ...]]] = set()
        for rule, key, members in candidates:
            ids = tuple(sorted(members))
            if (rule, ids) not in seen:  # the same customers found under two keys: listed once
                seen.add((rule, ids))
                groups.append(DuplicateGroup(rule, key, ids))
        return groups

    def describe(self, customer_ids: Sequence[int]) -> list[CustomerBrief]:
        """What the duplicate finder shows of each customer, in the order asked (unknown ids left out)."""
        import sqlalchemy as sa

        ids = list(dict.fromkeys(int(i) for i in customer_ids))
        if not ids:
            return []
        rows_sql = (
            sa.text(
                "SELECT id, name, remark_name, phone, wechat_id, city, order_count, total_spent_cents, "
                "last_order_at, added_on FROM customer WHERE id IN :ids"
            )
            .bindparams(_ids_param())
            .columns(last_order_at=sa.DateTime, added_on=sa.Date)
        )
        tags_sql = sa.text(
            "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
            "JOIN tag_group g ON g.id = t.group_id WHERE ct.customer_id IN :ids "
            "ORDER BY g.sort_order, g.id, t.id"
        ).bindparams(_ids_param())
        rows: dict[int, Any] = {}
        tags: dict[int, list[str]] = defaultdict(list)
        with self._db.engine.connect() as conn:
            for chunk in _chunks(ids):
                rows.update((r.id, r) for r in conn.execute(rows_sql, {"ids": chunk}))
                for cid, tag in conn.execute(tags_sql, {"ids": chunk}):
                    tags[cid].append(tag)
        return [
            CustomerBrief(
                r.id,
                r.name or "",
                r.remark_name,
                r.phone,
                r.wechat_id,
                r.city,
                r.order_count,
                r.total_spent_cents,
                r.last_order_at,
                r.added_on,
                tuple(tags[r.id]),
            )
            for r in (rows[i] for i in ids if i in rows)
        ]

    # -- merge -------------------------------------------------------------------------------------
    def merge(self, keep_id: int, merge_ids: Sequence[int]) -> MergeResult:
        """Merge ``merge_ids`` into ``keep_id`` in one transaction; the merged customers are then deleted.

        Everything they had moves to the kept customer: orders, tags, follow-ups, group memberships, coupons
        and control-group places, custom fields, notes; their profile fills the kept customer's empty
        fields, and values that differ are written into the kept customer's notes, so no text is lost.
        """
        with self._db.engine.begin() as conn:
            return _Merge(conn, keep_id, merge_ids).run()

    def preview_merge(self, keep_id: int, merge_ids: Sequence[int]) -> MergeResult:
        """What ``merge`` would move, counted by doing it and rolling it back: the same code, nothing kept."""
        with self._db.engine.connect() as conn:
            transaction = conn.begin()
            try:
                return _Merge(conn, keep_id, merge_ids).run()
            finally:
                transaction.rollback()


# --- merge, step by step ----------------------------------------------------------------------------

_PROFILE_COLUMNS = (
    "id, name, remark_name, phone, wechat_id, gender, birthday, birthday_lunar, city, source_channel, "
    "member_code, owner_staff_id, referrer_id, level, added_on, next_follow_up, notes, deleted_at"
)
_FILL_IF_EMPTY = (
    "name",
    "remark_name",
    "phone",
    "wechat_id",
    "city",
    "source_channel",
    "member_code",
    "owner_staff_id",
    "referrer_id",
)


class _Merge:
    def __init__(self, conn: sa.Connection, keep_id: int, merge_ids: Sequence[int]) -> None:
        import sqlalchemy as sa

        self.sa = sa
        self.conn = conn
        self.keep = int(keep_id)
        self.merged = [i for i in dict.fromkeys(int(i) for i in merge_ids) if i != self.keep]
        self.fields_filled = 0

    def _x(self, sql: str, **params: Any) -> Any:
        stmt = self.sa.text(sql)
        if "ids" in params:
            stmt = stmt.bindparams(_ids_param())
        return self.conn.execute(stmt, params)

    def run(self) -> MergeResult:
        if not self.merged:
            raise CustomerAdminError(
                QT_TRANSLATE_NOOP("Errors", "Choose at least one other customer to merge into the one kept.")
            )
        customers = self._load_customers()
        orders = self._x(
            "UPDATE orders SET customer_id = :keep WHERE customer_id IN :ids", keep=self.keep, ids=self.merged
        ).rowcount
        follow_ups = self._x(
            "UPDATE follow_up SET customer_id = :keep WHERE customer_id IN :ids",
            keep=self.keep,
            ids=self.merged,
        ).rowcount
        coupons = self._x(
            "UPDATE coupon SET customer_id = :keep WHERE customer_id IN :ids", keep=self.keep, ids=self.merged
        ).rowcount
        for cid in self.merged:  # one at a time: two merged customers may share a campaign
            self._x(
                "UPDATE coupon_control SET customer_id = :keep WHERE customer_id = :cid AND campaign_id NOT IN "
                "(SELECT campaign_id FROM coupon_control WHERE customer_id = :keep)",
                keep=self.keep,
                cid=cid,
            )
        tags = self._move_tags()
        memberships = self._move_memberships()
        conflicts = self._move_custom_fields()
        self._update_kept(customers, conflicts)
        self._x(
            "UPDATE customer SET referrer_id = :keep WHERE referrer_id IN :ids AND id <> :keep",
            keep=self.keep,
            ids=self.merged,
        )
        from app.services.customer_stats import refresh_customer_stats

        refresh_customer_stats(self.conn, [self.keep])
        # Whatever is left on the merged customers duplicates what the kept one has; it goes with them.
        self._x("DELETE FROM customer WHERE id IN :ids", ids=self.merged)
        return MergeResult(
            self.keep,
            tuple(self.merged),
            int(orders),
            tags,
            int(follow_ups),
            memberships,
            int(coupons),
            self.fields_filled,
        )

    def _load_customers(self) -> dict[int, Any]:
        stmt = (
            self.sa.text(f"SELECT {_PROFILE_COLUMNS} FROM customer WHERE id IN :ids")
            .bindparams(_ids_param())
            .columns(
                birthday=self.sa.Date,
                added_on=self.sa.Date,
                next_follow_up=self.sa.Date,
                birthday_lunar=self.sa.Boolean,
            )
        )
        rows = {r.id: r for r in self.conn.execute(stmt, {"ids": [self.keep, *self.merged]})}
        for cid in [self.keep, *self.merged]:
            row = rows.get(cid)
            if row is None or row.deleted_at is not None:
                raise CustomerAdminError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Customer #{id} cannot be merged: it no longer exists or is in the recycle bin.",
                    ),
                    id=cid,
                )
        return rows

    def _move_tags(self) -> int:
        kept = self._x(
            "SELECT ct.tag_id, t.group_id, g.exclusive FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
            "JOIN tag_group g ON g.id = t.group_id WHERE ct.customer_id = :keep",
            keep=self.keep,
        ).all()
        have = {r.tag_id for r in kept}
        exclusive_groups = {r.group_id for r in kept if r.exclusive}
        added = 0
        for cid in self.merged:
            links = self._x(
                "SELECT ct.tag_id, t.group_id, g.exclusive FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                "JOIN tag_group g ON g.id = t.group_id WHERE ct.customer_id = :cid ORDER BY ct.tag_id",
                cid=cid,
            ).all()
            for link in links:
                if link.tag_id in have or (link.exclusive and link.group_id in exclusive_groups):
                    continue  # the kept customer's own tag of an exclusive group wins
                self._x(
                    "UPDATE customer_tag SET customer_id = :keep WHERE customer_id = :cid AND tag_id = :tag",
                    keep=self.keep,
                    cid=cid,
                    tag=link.tag_id,
                )
                have.add(link.tag_id)
                if link.exclusive:
                    exclusive_groups.add(link.group_id)
                added += 1
        return added

    def _move_memberships(self) -> int:
        def load(cid: int) -> list[Any]:
            stmt = self.sa.text(
                "SELECT id, group_id, joined_on, left_on FROM group_membership WHERE customer_id = :cid "
                "ORDER BY joined_on, id"
            ).columns(joined_on=self.sa.Date, left_on=self.sa.Date)
            return list(self.conn.execute(stmt, {"cid": cid}))

        kept: dict[int, list[list[Any]]] = defaultdict(list)  # group -> [[id, joined, left]]
        for r in load(self.keep):
            kept[r.group_id].append([r.id, r.joined_on, r.left_on])
        moved = 0
        far = dt.date.max
        update = self.sa.text(
            "UPDATE group_membership SET joined_on = :j, left_on = :l WHERE id = :id"
        ).bindparams(self.sa.bindparam("j", type_=self.sa.Date), self.sa.bindparam("l", type_=self.sa.Date))
        for cid in self.merged:
            for r in load(cid):
                same = next(
                    (
                        m
                        for m in kept[r.group_id]
                        if m[1] <= (r.left_on or far) and r.joined_on <= (m[2] or far)  # overlapping stays
                    ),
                    None,
                )
                if same is None:
                    self._x(
                        "UPDATE group_membership SET customer_id = :keep WHERE id = :id",
                        keep=self.keep,
                        id=r.id,
                    )
                    kept[r.group_id].append([r.id, r.joined_on, r.left_on])
                    moved += 1
                    continue
                # The same person in the same group at the same time: one membership spanning both.
                joined = min(same[1], r.joined_on)
                left = None if same[2] is None or r.left_on is None else max(same[2], r.left_on)
                if (joined, left) != (same[1], same[2]):
                    self.conn.execute(update, {"j": joined, "l": left, "id": same[0]})
                    same[1], same[2] = joined, left
                self._x("DELETE FROM group_membership WHERE id = :id", id=r.id)
        return moved

    def _move_custom_fields(self) -> dict[int, list[tuple[str, str]]]:
        """Fill the kept customer's missing custom fields; returns values that differ, per merged customer."""
        kept = {
            r.name: r.value
            for r in self._x(
                "SELECT name, value FROM customer_field WHERE customer_id = :keep", keep=self.keep
            )
        }
        conflicts: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for cid in self.merged:
            for name, value in self._x(
                "SELECT name, value FROM customer_field WHERE customer_id = :cid ORDER BY name", cid=cid
            ).all():
                if _blank(value):
                    continue
                if name not in kept:
                    self._x(
                        "UPDATE customer_field SET customer_id = :keep WHERE customer_id = :cid AND name = :name",
                        keep=self.keep,
                        cid=cid,
                        name=name,
                    )
                elif _blank(kept[name]):
                    self._x(
                        "UPDATE customer_field SET value = :value WHERE customer_id = :keep AND name = :name",
                        keep=self.keep,
                        name=name,
                        value=value,
                    )
                else:
                    if str(value).strip() != str(kept[name]).strip():
                        conflicts[cid].append((name, str(value)))
                    continue
                kept[name] = value
                self.fields_filled += 1
        return conflicts

    def _update_kept(self, customers: dict[int, Any], conflicts: dict[int, list[tuple[str, str]]]) -> None:
        sa = self.sa
        keep = customers[self.keep]
        others = [customers[i] for i in self.merged]
        merged_set = set(self.merged)
        values: dict[str, Any] = {c: getattr(keep, c) for c in _FILL_IF_EMPTY}
        if values["referrer_id"] in merged_set:
            values["referrer_id"] = None  # would point at itself
        for other in others:
            for col in _FILL_IF_EMPTY:
                value = getattr(other, col)
                if col == "referrer_id" and (value == self.keep or value in merged_set):
                    continue
                if _blank(values[col]) and not _blank(value):
                    values[col] = value
                    self.fields_filled += 1
        birthday, lunar = keep.birthday, keep.birthday_lunar
        gender = keep.gender
        level = keep.level
        for other in others:
            if birthday is None and other.birthday is not None:
                birthday, lunar = other.birthday, other.birthday_lunar
                self.fields_filled += 1
            if gender in (None, "", "unknown") and other.gender not in (None, "", "unknown"):
                gender = other.gender
                self.fields_filled += 1
            if _rank(other.level) > _rank(level):
                level = other.level
        added_on = min((c.added_on for c in [keep, *others] if c.added_on is not None), default=None)
        follow_up = min(
            (c.next_follow_up for c in [keep, *others] if c.next_follow_up is not None), default=None
        )

        final = dict(values, birthday=birthday)
        notes = [keep.notes.strip()] if not _blank(keep.notes) else []
        notes += [o.notes.strip() for o in others if not _blank(o.notes)]
        origins = []
        for other in others:
            extra = [f"#{other.id}"]
            for col, label in _NOTE_LABELS.items():
                value = getattr(other, col)
                if not _blank(value) and _text(value) != _text(final.get(col)):
                    extra.append(f"{label} {_text(value)}")
            extra += [f"{name} {value}" for name, value in conflicts.get(other.id, [])]
            origins.append(f"{other.name or ''}（{'，'.join(extra)}）")
        notes.append(MERGED_FROM + "、".join(origins))

        from app.services.pinyin import search_key

        # The merged rows give up their unique phone and member code before the kept one takes them.
        self._x("UPDATE customer SET phone = NULL, member_code = NULL WHERE id IN :ids", ids=self.merged)
        stmt = sa.text(
            "UPDATE customer SET name = :name, remark_name = :remark_name, phone = :phone, "
            "wechat_id = :wechat_id, city = :city, source_channel = :source_channel, member_code = :member_code, "
            "owner_staff_id = :owner_staff_id, referrer_id = :referrer_id, birthday = :birthday, "
            "birthday_lunar = :lunar, gender = :gender, level = :level, added_on = :added_on, "
            "next_follow_up = :follow_up, notes = :notes, search_key = :search_key, updated_at = :now, "
            "version = version + 1 WHERE id = :keep"
        ).bindparams(
            sa.bindparam("birthday", type_=sa.Date),
            sa.bindparam("added_on", type_=sa.Date),
            sa.bindparam("follow_up", type_=sa.Date),
            sa.bindparam("lunar", type_=sa.Boolean),
            sa.bindparam("now", type_=sa.DateTime),
        )
        self.conn.execute(
            stmt,
            dict(
                values,
                name=values["name"] or "",
                birthday=birthday,
                lunar=bool(lunar),
                gender=gender,
                level=level,
                added_on=added_on,
                follow_up=follow_up,
                notes="\n\n".join(notes),
                search_key=search_key(values["name"], values["remark_name"]),
                now=_now(),
                keep=self.keep,
            ),
        )


# --- helpers -----------------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _ids_param() -> Any:
    import sqlalchemy as sa

    return sa.bindparam("ids", expanding=True)


def _binned(sql: str, customer_ids: Sequence[int] | None) -> Iterator[tuple[Any, dict[str, Any]]]:
    """``sql`` with ``{binned}`` limited to the binned customers ``c`` asked for (None: all), in chunks."""
    import sqlalchemy as sa

    if customer_ids is None:
        yield sa.text(sql.format(binned="c.deleted_at IS NOT NULL")), {}
        return
    stmt = sa.text(sql.format(binned="c.deleted_at IS NOT NULL AND c.id IN :ids")).bindparams(_ids_param())
    for chunk in _chunks(customer_ids):
        yield stmt, {"ids": chunk}


def _chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    unique = sorted({int(i) for i in ids})
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _rank(level: str | None) -> int:
    return LEVEL_LADDER.index(level) if level in LEVEL_LADDER else -1
