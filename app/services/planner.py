"""The weekly SOP planner's content items and the playbook's checks for one ISO week (DOMAIN.md "Content and
SOP"; issue #8).

Checks, with their defaults (editable in the ``planner.rules`` setting); every comparison is exact (integers
and fractions), so exactly 10 points off is allowed:

- ``group_ratio``: a group with at least 5 items in the week whose share of marketing, interaction, care or
  daily differs from 30 / 30 / 30 / 10 % by more than 10 points (an item sent to several groups counts once
  in each);
- ``group_interaction``: a group with at least 5 items whose interaction share is below 30 %;
- ``moments_per_day``: a day with more than 3 moments posts;
- ``moments_ratio``: a week with at least 6 moments posts whose share of activity, care or product differs from
  one third by more than 10 points;
- ``one_on_one_per_customer``: a customer who would receive more than 2 one-on-one pushes in the week, once each
  push's targets (segments, tags, listed customers) are resolved; a push counts once per customer;
- ``missed``: a planned item whose time has passed that is neither done nor skipped.

Skipped items are not sent, so they count in no ratio or limit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database

CHANNELS = ("group", "moments", "one_on_one", "official", "live")
CATEGORIES = {
    "group": ("marketing", "interaction", "care", "daily"),
    "moments": ("activity", "care", "product"),
}
STATUSES = ("planned", "done", "skipped")
RULES = ("group_ratio", "group_interaction", "moments_per_day", "moments_ratio", "one_on_one_per_customer", "missed")
SETTINGS_KEY = "planner.rules"


class PlanError(UserError):
    pass


@dataclass(frozen=True)
class PlanRules:
    group_shares: tuple[int, int, int, int] = (30, 30, 30, 10)  # marketing, interaction, care, daily (percent)
    group_tolerance: int = 10  # points
    group_min_items: int = 5
    group_min_interaction: int = 30  # percent
    moments_per_day: int = 3
    moments_tolerance: int = 10  # points off one third
    moments_min_items: int = 6
    pushes_per_customer: int = 2

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PlanRules:
        if not data:
            return cls()
        try:
            base = cls()
            return cls(**{k: (tuple(v) if isinstance(v, list) else int(v)) for k, v in data.items()
                          if hasattr(base, k)})  # type: ignore[arg-type]  # fmt: skip
        except (TypeError, ValueError):
            return cls()


@dataclass
class PlanItem:
    id: int | None
    scheduled_at: dt.datetime
    channel: str
    category: str | None
    title: str
    body: str | None = None
    targets: dict[str, Any] = field(default_factory=dict)
    campaign_id: int | None = None
    activity_id: int | None = None
    status: str = "planned"
    reach: int | None = None
    replies: int | None = None
    orders: int | None = None
    gmv_cents: int | None = None
    images: list[str] = field(default_factory=list)  # file names in the data folder's images/

    def groups(self) -> list[int]:
        value = self.targets.get("groups") or []
        return [int(g) for g in value] if isinstance(value, list) else [int(value)]


@dataclass(frozen=True)
class Finding:
    rule: str
    scope: str
    detail: str
    item_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, str]:
        return {"rule": self.rule, "scope": self.scope, "detail": self.detail}


def _pct(f: Fraction) -> str:
    value = f * 100
    return f"{float(value):.0f}%" if value.denominator == 1 else f"{float(value):.1f}%"


def iso_week(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def run_checks(
    items: list[PlanItem],
    monday: dt.date,
    now: dt.datetime,
    rules: PlanRules,
    group_names: dict[int, str],
    push_targets: Callable[[PlanItem], np.ndarray],
    customer_key: Callable[[list[int]], dict[int, str]],
) -> list[Finding]:
    """The week's findings, in the order of ``RULES``. ``push_targets`` gives the customer ids a one-on-one
    item reaches (deduplicated); ``customer_key`` the keys of the customers named in findings."""
    end = monday + dt.timedelta(days=7)
    week = [i for i in items if monday <= i.scheduled_at.date() < end]
    sent = [i for i in week if i.status != "skipped"]
    findings: list[Finding] = []
    # groups: an item counts once in each of its groups
    per_group: dict[int, list[PlanItem]] = {}
    for item in sent:
        if item.channel == "group":
            for gid in dict.fromkeys(item.groups()):
                per_group.setdefault(gid, []).append(item)
    targets = [Fraction(s, 100) for s in rules.group_shares]
    tolerance = Fraction(rules.group_tolerance, 100)
    for gid, group_items in sorted(per_group.items(), key=lambda kv: group_names.get(kv[0], str(kv[0]))):
        n = len(group_items)
        if n < rules.group_min_items:
            continue
        name = group_names.get(gid, str(gid))
        shares = [Fraction(sum(1 for i in group_items if i.category == c), n) for c in CATEGORIES["group"]]
        off = [c for c, s, t in zip(CATEGORIES["group"], shares, targets, strict=True) if abs(s - t) > tolerance]
        ids = tuple(int(i.id) for i in group_items if i.id is not None)
        if off:
            # numbers only, in the order marketing / interaction / care / daily: readable in any language
            detail = " / ".join(_pct(s) for s in shares) + f" ≠ {'/'.join(str(t) for t in rules.group_shares)}"
            findings.append(Finding("group_ratio", name, detail, ids))
        if shares[1] < Fraction(rules.group_min_interaction, 100):
            findings.append(Finding("group_interaction", name, f"{_pct(shares[1])} < {rules.group_min_interaction}%", ids))
    moments = [i for i in sent if i.channel == "moments"]
    by_day: dict[dt.date, list[PlanItem]] = {}
    for item in moments:
        by_day.setdefault(item.scheduled_at.date(), []).append(item)
    for day in sorted(by_day):
        if len(by_day[day]) > rules.moments_per_day:
            findings.append(Finding("moments_per_day", day.isoformat(),
                                    f"{len(by_day[day])} > {rules.moments_per_day}",
                                    tuple(int(i.id) for i in by_day[day] if i.id is not None)))  # fmt: skip
    if len(moments) >= rules.moments_min_items:
        n = len(moments)
        third, tol = Fraction(1, 3), Fraction(rules.moments_tolerance, 100)
        shares = [Fraction(sum(1 for i in moments if i.category == c), n) for c in CATEGORIES["moments"]]
        off = [c for c, s in zip(CATEGORIES["moments"], shares, strict=True) if abs(s - third) > tol]
        if off:
            findings.append(Finding("moments_ratio", iso_week(monday),
                                    " / ".join(_pct(s) for s in shares) + " ≠ 1:1:1",
                                    tuple(int(i.id) for i in moments if i.id is not None)))  # fmt: skip
    pushes = [i for i in sent if i.channel == "one_on_one"]
    reached = [push_targets(i) for i in pushes]  # each already without repeats
    if reached and any(len(r) for r in reached):
        every = np.concatenate(reached)
        counts = np.bincount(every)  # ids are small positive integers: counting beats sorting millions
        over = np.flatnonzero(counts > rules.pushes_per_customer)
        if len(over):
            shown = over[:500]
            keys = customer_key([int(c) for c in shown])
            which: dict[int, list[int]] = {int(c): [] for c in shown}
            for p, r in zip(pushes, reached, strict=True):
                if p.id is not None and len(r):
                    for c in shown[np.isin(shown, r, assume_unique=True)].tolist():
                        which[c].append(int(p.id))
            for cid in shown.tolist():
                findings.append(Finding("one_on_one_per_customer", keys.get(cid, str(cid)),
                                        f"{int(counts[cid])} > {rules.pushes_per_customer}", tuple(which[cid])))  # fmt: skip
            if len(over) > 500:
                findings.append(Finding("one_on_one_per_customer", f"+{len(over) - 500}", f"{len(over) - 500} …"))
    for item in week:
        if item.status == "planned" and item.scheduled_at < now:
            findings.append(Finding("missed", f"{item.scheduled_at:%Y-%m-%d %H:%M} {item.title}", "planned",
                                    (int(item.id),) if item.id is not None else ()))  # fmt: skip
    return findings


def kind_count(targets: dict[str, Any]) -> int:
    """How many target lists a push names (one list from the cache is already without repeats)."""
    return sum(1 for k in ("segment", "segments", "tag", "tags", "customers") if targets.get(k))


def _datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    return dt.datetime.fromisoformat(str(value)[:19])


_COLUMNS = ("id", "scheduled_at", "channel", "category", "title", "body", "targets", "campaign_id", "activity_id",
            "status", "reach", "replies", "orders", "gmv_cents", "images")  # fmt: skip


def store_images(paths: list[str]) -> list[str]:
    """Copy pictures into the data folder (so the plan keeps them when the originals move); their new names."""
    import shutil
    import uuid
    from pathlib import Path

    from app.paths import data_dir

    folder = data_dir() / "images"
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for path in paths:
        source = Path(path)
        if not source.is_file():
            raise PlanError(QT_TRANSLATE_NOOP("Errors", "Picture not found: {path}"), path=str(source))
        name = f"{uuid.uuid4().hex[:12]}{source.suffix.lower()}"
        shutil.copyfile(source, folder / name)
        names.append(name)
    return names


class PlannerService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._segments: Any = None  # a segment context, read once for resolving pushes
        self._resolved: dict[tuple[str, int], np.ndarray] = {}
        self._unions: dict[str, np.ndarray] = {}

    def rules(self) -> PlanRules:
        from app.services.settings import SettingsService

        return PlanRules.from_json(SettingsService(self._db).get(SETTINGS_KEY))

    def save_rules(self, rules: PlanRules) -> None:
        from dataclasses import asdict

        from app.services.settings import SettingsService

        if sum(rules.group_shares) != 100 or min(rules.group_shares) < 0:
            raise PlanError(QT_TRANSLATE_NOOP("Errors", "The four group shares must add up to 100 %."))
        if min(rules.group_tolerance, rules.moments_tolerance, rules.moments_per_day, rules.pushes_per_customer,
               rules.group_min_items, rules.moments_min_items) < 0:  # fmt: skip
            raise PlanError(QT_TRANSLATE_NOOP("Errors", "Limits cannot be negative."))
        SettingsService(self._db).set(SETTINGS_KEY, {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(rules).items()})

    def shop_events(self) -> list[dict[str, str]]:
        from app.services.settings import SettingsService

        return list(SettingsService(self._db).get("planner.events") or [])

    def save_shop_events(self, events: list[dict[str, str]]) -> None:
        from app.services.settings import SettingsService

        clean = []
        for e in events:
            name = str(e.get("name", "")).strip()
            try:
                day = dt.date.fromisoformat(str(e.get("date", ""))[:10])
            except ValueError as exc:
                raise PlanError(QT_TRANSLATE_NOOP("Errors", "{date} is not a date."), date=str(e.get("date", ""))) from exc
            if name:
                clean.append({"date": day.isoformat(), "name": name[:40]})
        SettingsService(self._db).set("planner.events", sorted(clean, key=lambda e: e["date"]))

    # -- items ------------------------------------------------------------------------------------------------
    def items(self, monday: dt.date) -> list[PlanItem]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT {', '.join(_COLUMNS)} FROM content_item WHERE scheduled_at >= :a "
                                     "AND scheduled_at < :b ORDER BY scheduled_at, id"),
                                {"a": dt.datetime.combine(monday, dt.time()),
                                 "b": dt.datetime.combine(monday + dt.timedelta(days=7), dt.time())}).all()  # fmt: skip
        out = []
        for r in rows:
            values = dict(zip(_COLUMNS, r, strict=True))
            values["scheduled_at"] = _datetime(values["scheduled_at"])
            targets = values["targets"]
            values["targets"] = json.loads(targets) if isinstance(targets, str) else (targets or {})
            images = values["images"]
            values["images"] = json.loads(images) if isinstance(images, str) else (images or [])
            out.append(PlanItem(**values))
        return out

    def save(self, item: PlanItem) -> int:
        import sqlalchemy as sa

        from app.models.schema import ContentItem

        if item.channel not in CHANNELS:
            raise ValueError(item.channel)
        if item.category is not None and item.category not in CATEGORIES.get(item.channel, (item.category,)):
            raise PlanError(QT_TRANSLATE_NOOP("Errors", "{category} is not a category of this channel."), category=item.category)
        if item.status not in STATUSES:
            raise ValueError(item.status)
        if not item.title.strip():
            raise PlanError(QT_TRANSLATE_NOOP("Errors", "A content item needs a title."))
        table = ContentItem.__table__
        values = {k: getattr(item, k) for k in _COLUMNS if k != "id"}
        values["title"] = item.title.strip()[:128]
        with self._db.engine.begin() as conn:
            if item.id is None:
                return int(conn.execute(sa.insert(table).values(**values).returning(table.c.id)).scalar_one())
            conn.execute(sa.update(table).where(table.c.id == item.id).values(**values))
            return int(item.id)

    def move(self, item_id: int, to: dt.datetime, copy: bool = False) -> int:
        """Move an item to another time (a card dragged), or copy it there (Ctrl+drag): the copy is planned."""
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            row = conn.execute(text(f"SELECT {', '.join(_COLUMNS)} FROM content_item WHERE id = :i"), {"i": item_id}).first()
        if row is None:
            raise PlanError(QT_TRANSLATE_NOOP("Errors", "This content item no longer exists."))
        values = dict(zip(_COLUMNS, row, strict=True))
        values["targets"] = json.loads(values["targets"]) if isinstance(values["targets"], str) else (values["targets"] or {})
        values["images"] = json.loads(values["images"]) if isinstance(values["images"], str) else (values["images"] or [])
        item = PlanItem(**{**values, "scheduled_at": to.replace(microsecond=0)})
        if copy:
            item.id = None
            item.status = "planned"
            item.reach = item.replies = item.orders = item.gmv_cents = None
        return self.save(item)

    # -- checks ----------------------------------------------------------------------------------------------
    def check(self, monday: dt.date, now: dt.datetime | None = None, items: list[PlanItem] | None = None) -> list[Finding]:
        """The week's findings; ``items`` (the planner's own copy while editing) saves a read."""
        from sqlalchemy import text

        items = self.items(monday) if items is None else items
        with self._db.engine.connect() as conn:
            names = {int(r[0]): r[1] for r in conn.execute(text("SELECT id, name FROM community_group"))}
        return run_checks(items, monday, now or dt.datetime.now(), self.rules(), names, self.push_targets,
                          self.customer_keys)  # fmt: skip

    def push_targets(self, item: PlanItem) -> np.ndarray:
        """The customers a one-on-one item reaches: its segments, tags and listed customers, each once (kept for
        the next check: re-checking after a card moves costs no new resolving)."""
        t = item.targets
        signature = json.dumps(t, sort_keys=True, default=str)
        known = self._unions.get(signature)
        if known is not None:
            return known
        parts: list[np.ndarray] = []

        def many(key: str) -> list[int]:
            value = t.get(key + "s", t.get(key))
            if value is None:
                return []
            return [int(v) for v in value] if isinstance(value, list) else [int(value)]

        for sid in many("segment"):
            parts.append(self._cached("segment", sid))
        for tid in many("tag"):
            parts.append(self._cached("tag", tid))
        listed = t.get("customers") or []
        if listed:
            parts.append(np.unique(np.asarray([int(c) for c in listed], dtype=np.int64)))
        if not parts:
            union = np.zeros(0, dtype=np.int64)
        else:
            union = parts[0] if len(parts) == 1 and kind_count(t) == 1 else np.unique(np.concatenate(parts))
        self._unions[signature] = union
        return union

    def forget(self) -> None:
        """Segments or tags changed: resolve pushes again on the next check."""
        self._segments = None
        self._resolved.clear()
        self._unions.clear()

    def _cached(self, kind: str, key: int) -> np.ndarray:
        found = self._resolved.get((kind, key))
        if found is not None:
            return found
        if kind == "segment":
            from app.services.segments import SegmentService

            service = SegmentService(self._db)
            if self._segments is None:
                self._segments = service.context()
            rules = next((s.rules for s in service.segments() if s.id == key), None)
            found = self._segments.evaluate(rules) if rules is not None else np.zeros(0, dtype=np.int64)
        else:
            cur = self._db.reader().cursor()
            try:
                cur.execute(f"SELECT ct.customer_id FROM customer_tag ct JOIN customer c ON c.id = ct.customer_id "
                            f"WHERE ct.tag_id = {int(key)} AND c.deleted_at IS NULL")  # fmt: skip
                found = np.fromiter((r[0] for r in cur.fetchall()), dtype=np.int64)
            finally:
                cur.close()
        self._resolved[(kind, key)] = found
        return found

    def customers_by_phone(self, phones: list[str]) -> dict[str, int]:
        """Live customers by phone number (as typed, normalised to 11 digits)."""
        import re

        wanted = {re.sub(r"\D", "", p)[-11:]: p for p in phones}
        if not wanted:
            return {}
        cur = self._db.reader().cursor()
        try:
            marks = ",".join(f"'{d}'" for d in wanted if d.isdigit() and len(d) == 11)
            if not marks:
                return {}
            cur.execute(f"SELECT phone, id FROM customer WHERE deleted_at IS NULL AND phone IN ({marks})")
            return {wanted[r[0]]: int(r[1]) for r in cur.fetchall()}
        finally:
            cur.close()

    def phones_of(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        cur = self._db.reader().cursor()
        try:
            cur.execute(f"SELECT id, phone FROM customer WHERE id IN ({','.join(str(int(i)) for i in ids)})")
            return {int(r[0]): r[1] or "" for r in cur.fetchall()}
        finally:
            cur.close()

    def customer_keys(self, ids: list[int]) -> dict[int, str]:
        """Member code, else phone, else Siyu's id."""
        if not ids:
            return {}
        cur = self._db.reader().cursor()
        try:
            cur.execute(f"SELECT id, member_code, phone FROM customer WHERE id IN ({','.join(str(int(i)) for i in ids)})")
            return {int(r[0]): (r[1] or r[2] or str(r[0])) for r in cur.fetchall()}
        finally:
            cur.close()
