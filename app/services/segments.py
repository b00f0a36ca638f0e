"""Saved segments: rule sets over customers, evaluated live.

A rule set is JSON kept in ``segment.rules``::

    {"match": "all" | "any", "rules": [CONDITION | RULE SET, ...]}

and a condition is ``{"field": F, "op": OP, "value": V}`` with

=======================  ===========================  =====================================================
field                    op                           value
=======================  ===========================  =====================================================
tag                      has_any, has_all, has_none   tag ids
rfm_class                in, not_in                   class names (重要价值客户 ...)
lifecycle_stage          in, not_in                   introduction, growth, mature, dormant, churned
value_tier               in, not_in                   prospect, buyer, high-value, dormant/churned
spend                    >=, <=, between              yuan (between: [low, high])
order_count              >=, <=, =, between           orders
days_since_last_order    >=, <=, between              days (customers without orders never match)
group                    in, not_in                   community group ids (current members)
channel                  in, not_in                   source channels
staff                    in, not_in                   staff ids (0: nobody)
birthday_month           in, not_in                   1-12
added_on                 >=, <=, between              ISO dates
=======================  ===========================  =====================================================

An empty rule set matches every customer. Evaluation is vectorised over a ``SegmentContext`` (the
segmentation scores plus the few customer columns rules need, read once); tag and group conditions read
their members with one query each, cached for the life of the context, so a live count while editing costs
milliseconds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.segmentation import (
    CLASS_KEYS,
    STAGES,
    TIERS,
    ModelSettings,
    Scores,
    SegmentationService,
    load_settings,
    save_settings,
)

FIELDS: dict[str, tuple[str, ...]] = {
    "tag": ("has_any", "has_all", "has_none"),
    "rfm_class": ("in", "not_in"),
    "lifecycle_stage": ("in", "not_in"),
    "value_tier": ("in", "not_in"),
    "spend": (">=", "<=", "between"),
    "order_count": (">=", "<=", "=", "between"),
    "days_since_last_order": (">=", "<=", "between"),
    "group": ("in", "not_in"),
    "channel": ("in", "not_in"),
    "staff": ("in", "not_in"),
    "birthday_month": ("in", "not_in"),
    "added_on": (">=", "<=", "between"),
}
FIELD_LABELS = {
    "tag": QT_TRANSLATE_NOOP("Segments", "Tags"),
    "rfm_class": QT_TRANSLATE_NOOP("Segments", "RFM class"),
    "lifecycle_stage": QT_TRANSLATE_NOOP("Segments", "Lifecycle stage"),
    "value_tier": QT_TRANSLATE_NOOP("Segments", "Value tier"),
    "spend": QT_TRANSLATE_NOOP("Segments", "Total spent (yuan)"),
    "order_count": QT_TRANSLATE_NOOP("Segments", "Orders"),
    "days_since_last_order": QT_TRANSLATE_NOOP("Segments", "Days since the last order"),
    "group": QT_TRANSLATE_NOOP("Segments", "Community group"),
    "channel": QT_TRANSLATE_NOOP("Segments", "Source channel"),
    "staff": QT_TRANSLATE_NOOP("Segments", "Owner staff"),
    "birthday_month": QT_TRANSLATE_NOOP("Segments", "Birthday month"),
    "added_on": QT_TRANSLATE_NOOP("Segments", "Added on"),
}
OP_LABELS = {
    "has_any": QT_TRANSLATE_NOOP("Segments", "has any of"),
    "has_all": QT_TRANSLATE_NOOP("Segments", "has all of"),
    "has_none": QT_TRANSLATE_NOOP("Segments", "has none of"),
    "in": QT_TRANSLATE_NOOP("Segments", "is one of"),
    "not_in": QT_TRANSLATE_NOOP("Segments", "is none of"),
    ">=": QT_TRANSLATE_NOOP("Segments", "at least"),
    "<=": QT_TRANSLATE_NOOP("Segments", "at most"),
    "=": QT_TRANSLATE_NOOP("Segments", "exactly"),
    "between": QT_TRANSLATE_NOOP("Segments", "between"),
}
LIST_FIELDS = {"tag", "rfm_class", "lifecycle_stage", "value_tier", "group", "channel", "staff", "birthday_month"}


class SegmentError(UserError):
    pass


def empty_rules() -> dict[str, Any]:
    return {"match": "all", "rules": []}


def check_rules(rules: Any, depth: int = 0) -> None:
    """Raise ``SegmentError`` for a rule set this module cannot evaluate."""
    if not isinstance(rules, dict) or rules.get("match") not in ("all", "any") or not isinstance(
        rules.get("rules"), list
    ):
        raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This segment's rules are damaged."))
    if depth > 4:
        raise SegmentError(QT_TRANSLATE_NOOP("Errors", "Rule groups can be nested at most five deep."))
    for rule in rules["rules"]:
        if isinstance(rule, dict) and "match" in rule:
            check_rules(rule, depth + 1)
            continue
        if not isinstance(rule, dict) or rule.get("field") not in FIELDS or rule.get("op") not in FIELDS[rule["field"]]:
            raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This segment's rules are damaged."))
        value = rule.get("value")
        if rule["field"] in LIST_FIELDS:
            if not isinstance(value, list):
                raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This segment's rules are damaged."))
        elif rule["op"] == "between":
            if not isinstance(value, list) or len(value) != 2:
                raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This segment's rules are damaged."))


@dataclass
class SavedSegment:
    id: int
    name: str
    rules: dict[str, Any]


@dataclass
class SegmentContext:
    """Everything a rule needs, read once: evaluate any number of rule sets against it."""

    db: Database
    scores: Scores
    ids: np.ndarray
    channel: np.ndarray  # object: text or None
    staff: np.ndarray  # int, 0 for nobody
    birthday_month: np.ndarray  # int, 0 when unknown
    added_day: np.ndarray  # float days since 1970-01-01, NaN when unknown
    _members: dict[tuple[str, tuple[int, ...]], np.ndarray] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def evaluate(self, rules: dict[str, Any]) -> np.ndarray:
        """The ids (ascending) of the customers the rule set matches."""
        check_rules(rules)
        return self.ids[self.mask(rules)]

    def count(self, rules: dict[str, Any]) -> int:
        check_rules(rules)
        return int(self.mask(rules).sum())

    def mask(self, rules: dict[str, Any]) -> np.ndarray:
        n = len(self.ids)
        parts = [self.mask(r) if "match" in r else self._condition(r) for r in rules["rules"]]
        if not parts:
            return np.ones(n, dtype=bool)
        if rules["match"] == "all":
            return np.logical_and.reduce(parts)
        return np.logical_or.reduce(parts)

    # -- one condition --------------------------------------------------------------------------------
    def _condition(self, rule: dict[str, Any]) -> np.ndarray:
        name, op, value = rule["field"], rule["op"], rule.get("value")
        f = self.scores.frame
        if name == "tag":
            return self._tag_mask([int(v) for v in value], op)
        if name == "group":
            hit = np.isin(self.ids, self._members_of("group", [int(v) for v in value]))
            return hit if op == "in" else ~hit
        if name in ("rfm_class", "lifecycle_stage", "value_tier"):
            names = {"rfm_class": CLASS_KEYS, "lifecycle_stage": STAGES, "value_tier": TIERS}[name]
            codes = [names.index(v) for v in value if v in names]
            hit = np.isin(f[name].to_numpy(), codes)
            return hit if op == "in" else ~hit
        if name == "channel":
            wanted = {str(v) for v in value}
            hit = np.fromiter((c in wanted for c in self.channel), bool, len(self.channel))
            return hit if op == "in" else ~hit
        if name == "staff":
            hit = np.isin(self.staff, [int(v) for v in value])
            return hit if op == "in" else ~hit
        if name == "birthday_month":
            hit = np.isin(self.birthday_month, [int(v) for v in value])
            return hit if op == "in" else ~hit
        if name == "spend":
            return _compare(f["monetary_cents"].to_numpy() / 100.0, op, value, float)
        if name == "order_count":
            return _compare(f["frequency"].to_numpy().astype(float), op, value, float)
        if name == "days_since_last_order":
            return _compare(f["recency_days"].to_numpy(), op, value, float)
        if name == "added_on":
            return _compare(self.added_day, op, value, _day_number)
        raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This segment's rules are damaged."))

    def _tag_mask(self, tag_ids: list[int], op: str) -> np.ndarray:
        if not tag_ids:
            return np.ones(len(self.ids), dtype=bool) if op != "has_any" else np.zeros(len(self.ids), dtype=bool)
        if op == "has_all":
            out = np.ones(len(self.ids), dtype=bool)
            for t in tag_ids:
                out &= np.isin(self.ids, self._members_of("tag", [t]))
            return out
        hit = np.isin(self.ids, self._members_of("tag", tag_ids))
        return hit if op == "has_any" else ~hit

    def _members_of(self, kind: str, keys: list[int]) -> np.ndarray:
        key = (kind, tuple(sorted(set(keys))))
        found = self._members.get(key)
        if found is None:
            marks = ",".join(str(int(k)) for k in key[1]) or "NULL"
            sql = (f"SELECT DISTINCT customer_id FROM customer_tag WHERE tag_id IN ({marks})" if kind == "tag" else
                   f"SELECT DISTINCT customer_id FROM group_membership WHERE group_id IN ({marks}) AND left_on IS NULL")  # fmt: skip
            cur = self.db.reader().cursor()
            try:
                cur.execute(sql)
                found = np.fromiter((r[0] for r in cur.fetchall()), dtype=np.int64)
            finally:
                cur.close()
            self._members[key] = found
        return found


def _day_number(value: Any) -> float:
    return float((dt.date.fromisoformat(str(value)[:10]) - dt.date(1970, 1, 1)).days)


def _compare(values: np.ndarray, op: str, value: Any, convert: Any) -> np.ndarray:
    """NaN (no value) never matches."""
    with np.errstate(invalid="ignore"):
        if op == "between":
            low, high = value
            out = ~np.isnan(values)
            if low not in (None, ""):
                out &= values >= convert(low)
            if high not in (None, ""):
                out &= values <= convert(high)
            return out
        bound = convert(value)
        if op == ">=":
            return values >= bound
        if op == "<=":
            return values <= bound
        return values == bound


class SegmentService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- evaluating -------------------------------------------------------------------------------------
    def context(self, as_of: dt.date | None = None) -> SegmentContext:
        """Scores and customer columns, read once (about 0.5 s at 100,000 customers; run it off the GUI)."""
        scores = SegmentationService(self._db).compute(as_of)
        sqlite = self._db.location.is_sqlite
        month = "CAST(substr(birthday, 6, 2) AS INTEGER)" if sqlite else "CAST(extract(month FROM birthday) AS INTEGER)"
        added = ("CAST(julianday(substr(added_on, 1, 10)) - 2440587.5 AS INTEGER)" if sqlite
                 else "(added_on - DATE '1970-01-01')")  # fmt: skip
        cur = self._db.reader().cursor()
        try:
            cur.execute(f"SELECT id, source_channel, coalesce(owner_staff_id, 0), coalesce({month}, 0), {added} "
                        "FROM customer WHERE deleted_at IS NULL ORDER BY id")  # fmt: skip
            rows = cur.fetchall()
        finally:
            cur.close()
        ids_, channel, staff, bmonth, added_day = zip(*rows, strict=True) if rows else ((), (), (), (), ())
        ids = np.asarray(ids_, dtype=np.int64)
        # the scores were read a moment earlier: a customer added in between is left out of both
        keep = np.isin(ids, scores.frame.index.to_numpy())
        frame_ids = scores.frame.index.to_numpy()
        if len(frame_ids) != keep.sum() or not np.array_equal(frame_ids, ids[keep]):
            scores.frame = scores.frame.loc[scores.frame.index.isin(ids[keep])]
        return SegmentContext(
            self._db,
            scores,
            ids[keep],
            np.asarray(channel, dtype=object)[keep],
            np.asarray(staff, dtype=np.int64)[keep],
            np.asarray(bmonth, dtype=np.int64)[keep],
            np.array(added_day, dtype=float)[keep],
        )

    def model_settings(self) -> ModelSettings:
        return load_settings(self._db)

    def save_model_settings(self, settings: ModelSettings) -> None:
        save_settings(self._db, settings)

    # -- saved segments ---------------------------------------------------------------------------------
    def segments(self) -> list[SavedSegment]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, name, rules FROM segment ORDER BY name")).all()
        out = []
        for sid, name, rules in rows:
            if isinstance(rules, str):
                rules = json.loads(rules)
            out.append(SavedSegment(int(sid), name, rules or empty_rules()))
        return out

    def save(self, name: str, rules: dict[str, Any], segment_id: int | None = None) -> int:
        from sqlalchemy import text

        name = (name or "").strip()
        if not name:
            raise SegmentError(QT_TRANSLATE_NOOP("Errors", "Give the segment a name."))
        if len(name) > 64:
            raise SegmentError(QT_TRANSLATE_NOOP("Errors", "A segment name has at most 64 characters."))
        check_rules(rules)
        import sqlalchemy as sa

        from app.models.schema import Segment

        table = Segment.__table__
        now = dt.datetime.now().replace(microsecond=0)
        with self._db.engine.begin() as conn:
            clash = conn.execute(
                text("SELECT id FROM segment WHERE name = :n AND id <> :i"), {"n": name, "i": segment_id or 0}
            ).scalar()
            if clash is not None:
                raise SegmentError(QT_TRANSLATE_NOOP("Errors", "A segment named {name} exists already."), name=name)
            if segment_id is None:  # the JSON column type writes the rules on SQLite and PostgreSQL alike
                return int(conn.execute(
                    sa.insert(table).values(name=name, rules=rules, created_at=now, updated_at=now)
                    .returning(table.c.id)).scalar_one())  # fmt: skip
            done = conn.execute(
                sa.update(table).where(table.c.id == segment_id).values(name=name, rules=rules, updated_at=now)
            ).rowcount
            if not done:
                raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This segment was deleted meanwhile."))
            return segment_id

    def delete(self, segment_id: int) -> SavedSegment | None:
        """Delete a saved segment; returns it, so that the deletion can be undone with ``save``."""
        found = next((s for s in self.segments() if s.id == segment_id), None)
        if found is None:
            return None
        from sqlalchemy import text

        with self._db.engine.begin() as conn:
            conn.execute(text("DELETE FROM segment WHERE id = :i"), {"i": segment_id})
        return found

    def choices(self) -> dict[str, list[tuple[Any, str]]]:
        """Values to pick from in the rule builder: tags, groups, channels and staff (value, label)."""
        cur = self._db.reader().cursor()
        try:
            cur.execute("SELECT t.id, g.name, t.name FROM tag t JOIN tag_group g ON g.id = t.group_id "
                        "ORDER BY g.sort_order, g.id, t.id")  # fmt: skip
            tags = [(r[0], f"{r[1]} · {r[2]}") for r in cur.fetchall()]
            cur.execute("SELECT id, name FROM community_group ORDER BY name")
            groups = [(r[0], r[1]) for r in cur.fetchall()]
            cur.execute("SELECT DISTINCT source_channel FROM customer WHERE source_channel IS NOT NULL "
                        "AND deleted_at IS NULL ORDER BY source_channel")  # fmt: skip
            channels = [(r[0], r[0]) for r in cur.fetchall()]
            cur.execute("SELECT id, name FROM staff ORDER BY name")
            staff = [(r[0], r[1]) for r in cur.fetchall()]
        finally:
            cur.close()
        return {"tag": tags, "group": groups, "channel": channels, "staff": staff}


def ids_list(ids: Sequence[int] | np.ndarray) -> list[int]:
    return [int(i) for i in ids]
