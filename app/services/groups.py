"""Community groups (社群): the groups, their members, daily figures and the weekly S-D grade.

Definitions (DOMAIN.md "Community groups", PRODUCT.md "Metric definitions"):

- a week is an ISO week, Monday to Sunday;
- activity rate = the mean, over the week's days with figures, of members who spoke / members (a day with
  no members says nothing about activity and is left out);
- conversion = the week's buyers / the week's visitors (no visitors: no conversion, shown as "–");
- the grade is the highest of S, A, B, C, D whose two thresholds are both met, inclusive; below D the group
  is dead (死群); a week without figures has no grade. Rates are exact fractions and thresholds exact
  decimals, so no rounding can move a group across a boundary (30 % and 20 % exactly is S).
- group GMV = members × conversion × repurchase × fission where the data allows (DOMAIN.md "Metrics"):
  here members (average), conversion (buyers / members), orders per buyer and GMV per order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database

GRADES = ("S", "A", "B", "C", "D")
DEAD = "dead"
NO_DATA = "no data"
# DOMAIN.md: activity ≥ and conversion ≥, per grade (percent, exact decimals)
DEFAULT_THRESHOLDS: dict[str, tuple[str, str]] = {
    "S": ("30", "20"),
    "A": ("20", "15"),
    "B": ("10", "7"),
    "C": ("5", "3"),
    "D": ("1", "1"),
}
SETTINGS_KEY = "groups.grades"
DEFAULT_CAPACITY = 200

KIND_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "kind_goal": (
        ("marketing", QT_TRANSLATE_NOOP("Groups", "Marketing")),
        ("content", QT_TRANSLATE_NOOP("Groups", "Content")),
        ("service", QT_TRANSLATE_NOOP("Groups", "Service")),
    ),
    "kind_function": (
        ("flash", QT_TRANSLATE_NOOP("Groups", "Flash")),
        ("group_buy", QT_TRANSLATE_NOOP("Groups", "Group-buy")),
        ("micro_forum", QT_TRANSLATE_NOOP("Groups", "Micro-forum")),
        ("interest", QT_TRANSLATE_NOOP("Groups", "Interest")),
    ),
    "depth_target": (
        ("not_bought", QT_TRANSLATE_NOOP("Groups", "Not bought yet")),
        ("first_purchase", QT_TRANSLATE_NOOP("Groups", "First purchase")),
        ("repeat", QT_TRANSLATE_NOOP("Groups", "Two or more purchases")),
        ("vip", QT_TRANSLATE_NOOP("Groups", "VIP")),
        ("distributor", QT_TRANSLATE_NOOP("Groups", "Distributors")),
    ),
    "purpose": (
        ("welfare", QT_TRANSLATE_NOOP("Groups", "Welfare")),
        ("exchange", QT_TRANSLATE_NOOP("Groups", "Exchange")),
        ("knowledge", QT_TRANSLATE_NOOP("Groups", "Knowledge sharing")),
        ("bootcamp", QT_TRANSLATE_NOOP("Groups", "Bootcamp")),
    ),
}
STARTER_RULES = (
    "1. 入群请把群昵称改为“姓名-小区”；\n2. 禁止发广告、链接和拉人；\n3. 每晚 22:00 关群，次日 8:00-10:00 开群；\n"
    "4. 违规一次提醒，两次移出群聊。"
)
STARTER_WELCOME = "欢迎入群！这里每周有会员日和群暗号福利，有问题随时 @群主 或群客服。请先看一下群公告哦。"
STAT_FIELDS = ("members", "speakers", "messages", "visitors", "buyers", "gmv_cents")


class GroupError(UserError):
    pass


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def parse_week(text: str) -> dt.date:
    """The Monday of an ISO week written 2026-W47 (or 2026W47)."""
    value = text.strip().upper().replace("W", "-W").replace("--", "-")
    try:
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError as exc:
        raise GroupError(QT_TRANSLATE_NOOP("Errors", "{week} is not a week; write it as 2026-W47."), week=text) from exc


def week_label(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Thresholds:
    """Per grade the activity and conversion minimums, as exact fractions of 1."""

    table: tuple[tuple[str, Fraction, Fraction], ...]

    @classmethod
    def from_percent(cls, values: dict[str, tuple[str, str]]) -> Thresholds:
        rows = []
        for grade in GRADES:
            activity, conversion = values[grade]
            rows.append((grade, Fraction(Decimal(str(activity))) / 100, Fraction(Decimal(str(conversion))) / 100))
        made = cls(tuple(rows))
        made.check()
        return made

    def percent(self) -> dict[str, tuple[str, str]]:
        def text(f: Fraction) -> str:
            return format((Decimal(f.numerator) / Decimal(f.denominator) * 100).normalize(), "f")

        return {g: (text(a), text(c)) for g, a, c in self.table}

    def check(self) -> None:
        previous: tuple[Fraction, Fraction] | None = None
        for _grade, activity, conversion in self.table:
            if not (0 <= activity <= 1 and 0 <= conversion <= 1):
                raise GroupError(QT_TRANSLATE_NOOP("Errors", "Grade thresholds are percentages from 0 to 100."))
            if previous is not None and (activity > previous[0] or conversion > previous[1]):
                raise GroupError(QT_TRANSLATE_NOOP(
                    "Errors", "Each grade needs thresholds no higher than the grade above it."))  # fmt: skip
            previous = (activity, conversion)

    def grade(self, activity: Fraction | None, conversion: Fraction | None) -> str:
        """The highest grade whose two thresholds are both met (inclusive); no rate: dead."""
        for grade, min_activity, min_conversion in self.table:
            if activity is not None and conversion is not None and activity >= min_activity and conversion >= min_conversion:
                return grade
        return DEAD


DEFAULT = Thresholds.from_percent(DEFAULT_THRESHOLDS)


@dataclass(frozen=True)
class WeekFigures:
    """One group's week: the figures behind its grade."""

    days: int  # days with figures
    members: float | None  # average members over those days
    activity: Fraction | None
    conversion: Fraction | None
    visitors: int
    buyers: int
    messages: int
    gmv_cents: int
    grade: str

    @property
    def activity_rate(self) -> float | None:
        return None if self.activity is None else float(self.activity)

    @property
    def conversion_rate(self) -> float | None:
        return None if self.conversion is None else float(self.conversion)


def week_figures(rows: list[tuple[int, int, int, int, int, int]], thresholds: Thresholds = DEFAULT) -> WeekFigures:
    """``rows``: one (members, speakers, messages, visitors, buyers, gmv_cents) per day with figures."""
    if not rows:
        return WeekFigures(0, None, None, None, 0, 0, 0, 0, NO_DATA)
    ratios = [Fraction(s, m) for m, s, *_rest in rows if m > 0]
    activity = sum(ratios, Fraction(0)) / len(ratios) if ratios else None
    visitors = sum(r[3] for r in rows)
    buyers = sum(r[4] for r in rows)
    conversion = Fraction(buyers, visitors) if visitors else None
    members = sum(r[0] for r in rows) / len(rows)
    return WeekFigures(len(rows), members, activity, conversion, visitors, buyers, sum(r[2] for r in rows),
                       sum(r[5] for r in rows), thresholds.grade(activity, conversion))  # fmt: skip


@dataclass
class GroupInfo:
    id: int
    name: str
    kind_goal: str | None
    kind_function: str | None
    depth_target: str | None
    purpose: str | None
    owner_staff_id: int | None
    owner_name: str | None
    created_on: dt.date | None
    capacity: int
    rules_text: str | None
    welcome_text: str | None
    status: str
    dissolved_on: dt.date | None
    version: int
    current_members: int = 0
    week: WeekFigures | None = None
    trend: list[str] = field(default_factory=list)  # grades of the 8 weeks up to the chosen one, oldest first

    @property
    def members_shown(self) -> int:
        """The week's average members when figures were typed in, else the current members in Siyu."""
        if self.week is not None and self.week.members is not None:
            return round(self.week.members)
        return self.current_members

    def over_capacity(self) -> bool:
        return self.members_shown > self.capacity


@dataclass(frozen=True)
class GmvFactors:
    """A group's GMV over a period from the orders of its members, split as DOMAIN.md's group GMV
    (members × conversion × repurchase, with fission beside it):

    GMV = members × conversion (buyers / members) × repurchase (orders / buyer) × average order value;
    fission = members who joined in the period / members. ``weakest`` names the factor furthest below the
    average of the shop's other groups (None when there is no other group to compare with).
    """

    members: int
    buyers: int
    orders: int
    gmv_cents: int
    joined: int

    conversion: float | None = None
    repurchase: float | None = None
    aov_cents: float | None = None
    fission: float | None = None
    weakest: str | None = None


FACTORS = ("conversion", "repurchase", "aov_cents", "fission")
FACTOR_LABELS = {
    "members": QT_TRANSLATE_NOOP("Groups", "Members"),
    "conversion": QT_TRANSLATE_NOOP("Groups", "Conversion"),
    "repurchase": QT_TRANSLATE_NOOP("Groups", "Repurchase (orders per buyer)"),
    "aov_cents": QT_TRANSLATE_NOOP("Groups", "Average order value"),
    "fission": QT_TRANSLATE_NOOP("Groups", "Fission (new members)"),
}


def _factors(members: int, buyers: int, orders: int, gmv: int, joined: int) -> GmvFactors:
    return GmvFactors(
        members, buyers, orders, gmv, joined,
        conversion=buyers / members if members else None,
        repurchase=orders / buyers if buyers else None,
        aov_cents=gmv / orders if orders else None,
        fission=joined / members if members else None,
    )  # fmt: skip


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class GroupService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- settings ---------------------------------------------------------------------------------------
    def thresholds(self) -> Thresholds:
        from app.services.settings import SettingsService

        raw = SettingsService(self._db).get(SETTINGS_KEY)
        if not raw:
            return DEFAULT
        try:
            return Thresholds.from_percent({g: tuple(v) for g, v in raw.items()})  # type: ignore[misc]
        except (KeyError, TypeError, ValueError, ArithmeticError, GroupError):
            return DEFAULT  # a damaged setting falls back to DOMAIN.md's table

    def save_thresholds(self, values: dict[str, tuple[str, str]]) -> Thresholds:
        from app.services.settings import SettingsService

        try:
            made = Thresholds.from_percent(values)
        except (ArithmeticError, ValueError) as exc:
            raise GroupError(QT_TRANSLATE_NOOP("Errors", "Grade thresholds are percentages from 0 to 100.")) from exc
        SettingsService(self._db).set(SETTINGS_KEY, {g: list(v) for g, v in made.percent().items()})
        return made

    # -- reading ----------------------------------------------------------------------------------------
    def groups(self, week: dt.date | None = None, include_dissolved: bool = True) -> list[GroupInfo]:
        """Every group with the chosen week's figures and grade (the week of ``week``; default: last week)
        and the grades of the eight weeks up to it."""
        from sqlalchemy import text

        monday = week_of(week or (dt.date.today() - dt.timedelta(days=7)))[0]
        first = monday - dt.timedelta(weeks=7)
        thresholds = self.thresholds()
        where = "" if include_dissolved else "WHERE g.status = 'active'"
        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT g.id, g.name, g.kind_goal, g.kind_function, g.depth_target, g.purpose, g.owner_staff_id, "
                "s.name, g.created_on, g.capacity, g.rules_text, g.welcome_text, g.status, g.dissolved_on, g.version, "
                "(SELECT count(*) FROM group_membership m WHERE m.group_id = g.id AND m.left_on IS NULL) "
                f"FROM community_group g LEFT JOIN staff s ON s.id = g.owner_staff_id {where} "
                "ORDER BY CASE WHEN g.status = 'active' THEN 0 ELSE 1 END, g.name")).all()  # fmt: skip
            stats = conn.execute(text(
                "SELECT group_id, day, members, speakers, messages, visitors, buyers, gmv_cents FROM group_daily_stat "
                "WHERE day >= :a AND day <= :b ORDER BY group_id, day"),
                {"a": first, "b": monday + dt.timedelta(days=6)}).all()  # fmt: skip
        by_week: dict[tuple[int, dt.date], list[tuple[int, int, int, int, int, int]]] = {}
        for gid, day, *values in stats:
            by_week.setdefault((gid, week_of(_date(day))[0]), []).append(tuple(int(v) for v in values))  # type: ignore[arg-type]
        out = []
        mondays = [first + dt.timedelta(weeks=i) for i in range(8)]
        for r in rows:
            info = GroupInfo(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], _date(r[8]), int(r[9]), r[10], r[11],
                             r[12], _date(r[13]), int(r[14]), int(r[15]))  # fmt: skip
            info.week = week_figures(by_week.get((info.id, monday), []), thresholds)
            info.trend = [week_figures(by_week.get((info.id, m), []), thresholds).grade for m in mondays]
            out.append(info)
        return out

    def group(self, group_id: int, week: dt.date | None = None) -> GroupInfo:
        for info in self.groups(week):
            if info.id == group_id:
                return info
        raise GroupError(QT_TRANSLATE_NOOP("Errors", "This group no longer exists."))

    def daily(self, group_id: int, first: dt.date, last: dt.date) -> list[tuple[dt.date, tuple[int, ...]]]:
        """The group's figures per day from ``first`` to ``last`` (days without figures left out)."""
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT day, members, speakers, messages, visitors, buyers, gmv_cents FROM group_daily_stat "
                "WHERE group_id = :g AND day >= :a AND day <= :b ORDER BY day"),
                {"g": group_id, "a": first, "b": last}).all()  # fmt: skip
        return [(_date(r[0]), tuple(int(v) for v in r[1:])) for r in rows]  # type: ignore[misc]

    def weekly(self, group_id: int, weeks: int = 8, until: dt.date | None = None) -> list[tuple[dt.date, WeekFigures]]:
        """(Monday, figures) for the ``weeks`` weeks up to the week of ``until`` (default: last week)."""
        monday = week_of(until or (dt.date.today() - dt.timedelta(days=7)))[0]
        first = monday - dt.timedelta(weeks=weeks - 1)
        thresholds = self.thresholds()
        days = self.daily(group_id, first, monday + dt.timedelta(days=6))
        out = []
        for i in range(weeks):
            start = first + dt.timedelta(weeks=i)
            rows = [v for d, v in days if start <= d <= start + dt.timedelta(days=6)]
            out.append((start, week_figures(rows, thresholds)))  # type: ignore[arg-type]
        return out

    def members(self, group_id: int, include_left: bool = False) -> list[tuple[int, str, str | None, dt.date, dt.date | None]]:
        """(customer id, name, phone, joined, left) of the group's members, current ones first."""
        from sqlalchemy import text

        where = "" if include_left else "AND m.left_on IS NULL"
        with self._db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT c.id, c.name, c.phone, m.joined_on, m.left_on FROM group_membership m "
                f"JOIN customer c ON c.id = m.customer_id WHERE m.group_id = :g {where} AND c.deleted_at IS NULL "
                "ORDER BY CASE WHEN m.left_on IS NULL THEN 0 ELSE 1 END, m.joined_on DESC, c.id"),
                {"g": group_id}).all()  # fmt: skip
        return [(int(r[0]), r[1], r[2], _date(r[3]), _date(r[4])) for r in rows]  # type: ignore[misc]

    def gmv_factors(self, group_id: int, first: dt.date, last: dt.date) -> GmvFactors | None:
        """The group's GMV from ``first`` to ``last`` split into its factors (see ``GmvFactors``); an order
        counts for a group when its customer was a member that day."""
        return self.all_gmv_factors(first, last).get(group_id)

    def all_gmv_factors(self, first: dt.date, last: dt.date) -> dict[int, GmvFactors]:
        """``gmv_factors`` of every group with members or sales, in the same three queries."""
        from sqlalchemy import text

        end = last + dt.timedelta(days=1)
        day = "substr(CAST(o.ordered_at AS TEXT), 1, 10)" if self._db.location.is_sqlite else "CAST(o.ordered_at AS date)"
        with self._db.engine.connect() as conn:
            members = dict(conn.execute(text(
                "SELECT group_id, count(*) FROM group_membership WHERE joined_on <= :b AND (left_on IS NULL OR left_on > :b) "
                "GROUP BY group_id"), {"b": last}).all())  # fmt: skip
            joined = dict(conn.execute(text(
                "SELECT group_id, count(*) FROM group_membership WHERE joined_on >= :a AND joined_on <= :b GROUP BY group_id"),
                {"a": first, "b": last}).all())  # fmt: skip
            sales = {r[0]: r[1:] for r in conn.execute(text(
                f"SELECT m.group_id, count(DISTINCT o.customer_id), count(o.id), coalesce(sum(o.amount_cents), 0) "
                f"FROM orders o JOIN group_membership m ON m.customer_id = o.customer_id "
                f"AND m.joined_on <= {day} AND (m.left_on IS NULL OR m.left_on >= {day}) "
                f"WHERE o.ordered_at >= :a AND o.ordered_at < :e AND o.amount_cents > 0 GROUP BY m.group_id"),
                {"a": dt.datetime.combine(first, dt.time()), "e": dt.datetime.combine(end, dt.time())})}  # fmt: skip
        every = {}
        for gid in set(members) | set(sales):
            buyers, orders, gmv = sales.get(gid, (0, 0, 0))
            every[gid] = _factors(int(members.get(gid, 0)), int(buyers), int(orders), int(gmv), int(joined.get(gid, 0)))
        out = {}
        for group_id, mine in every.items():
            others = [f for gid, f in every.items() if gid != group_id]
            gaps = {}
            for name in FACTORS:
                value = getattr(mine, name)
                values = [getattr(o, name) for o in others if getattr(o, name)]
                if value is not None and values:
                    average = sum(values) / len(values)
                    gaps[name] = value / average if average else 1.0
            weakest = min(gaps, key=lambda k: gaps[k]) if gaps else None
            out[group_id] = GmvFactors(**{**mine.__dict__, "weakest": weakest})
        return out

    # -- writing ----------------------------------------------------------------------------------------
    def save(self, values: dict[str, Any], group_id: int | None = None, expected_version: int | None = None) -> int:
        """Create a group, or update one (refused when someone else changed it since ``expected_version``)."""
        from sqlalchemy import text

        name = str(values.get("name") or "").strip()
        if not name:
            raise GroupError(QT_TRANSLATE_NOOP("Errors", "A group needs a name."))
        if len(name) > 128:
            raise GroupError(QT_TRANSLATE_NOOP("Errors", "A group name has at most 128 characters."))
        capacity = int(values.get("capacity") or DEFAULT_CAPACITY)
        if capacity < 1:
            raise GroupError(QT_TRANSLATE_NOOP("Errors", "The capacity must be at least 1."))
        for key, choices in KIND_CHOICES.items():
            if values.get(key) not in (None, "", *(c for c, _l in choices)):
                raise ValueError(f"{key}: {values[key]}")
        row = {
            "name": name,
            "kind_goal": values.get("kind_goal") or None,
            "kind_function": values.get("kind_function") or None,
            "depth_target": values.get("depth_target") or None,
            "purpose": values.get("purpose") or None,
            "owner_staff_id": values.get("owner_staff_id") or None,
            "capacity": capacity,
            "rules_text": values.get("rules_text") or None,
            "welcome_text": values.get("welcome_text") or None,
        }
        with self._db.engine.begin() as conn:
            clash = conn.execute(text("SELECT id FROM community_group WHERE name = :n AND id <> :i"),
                                 {"n": name, "i": group_id or 0}).first()  # fmt: skip
            if clash is not None:
                raise GroupError(QT_TRANSLATE_NOOP("Errors", "A group named {name} exists already."), name=name)
            if group_id is None:
                return int(conn.execute(text(
                    "INSERT INTO community_group (name, kind_goal, kind_function, depth_target, purpose, owner_staff_id, "
                    "capacity, rules_text, welcome_text, status, created_on) VALUES (:name, :kind_goal, :kind_function, "
                    ":depth_target, :purpose, :owner_staff_id, :capacity, :rules_text, :welcome_text, 'active', :today) "
                    "RETURNING id"), {**row, "today": dt.date.today()}).scalar_one())  # fmt: skip
            sets = ", ".join(f"{k} = :{k}" for k in row)
            version_check = "" if expected_version is None else " AND version = :v"
            done = conn.execute(text(f"UPDATE community_group SET {sets}, version = version + 1 WHERE id = :id{version_check}"),
                                {**row, "id": group_id, "v": expected_version}).rowcount  # fmt: skip
            if not done:
                exists = conn.execute(text("SELECT 1 FROM community_group WHERE id = :i"), {"i": group_id}).first()
                if exists is None:
                    raise GroupError(QT_TRANSLATE_NOOP("Errors", "This group no longer exists."))
                raise GroupError(QT_TRANSLATE_NOOP(
                    "Errors", "Someone else changed this group since you opened it. Reload it, then save again."))  # fmt: skip
            return group_id

    def dissolve(self, group_id: int, on: dt.date | None = None) -> None:
        self._set_status(group_id, "dissolved", on or dt.date.today())

    def reopen(self, group_id: int) -> None:
        self._set_status(group_id, "active", None)

    def _set_status(self, group_id: int, status: str, on: dt.date | None) -> None:
        from sqlalchemy import text

        with self._db.engine.begin() as conn:
            conn.execute(text("UPDATE community_group SET status = :s, dissolved_on = :d, version = version + 1 "
                              "WHERE id = :i"), {"s": status, "d": on, "i": group_id})  # fmt: skip

    def add_members(self, group_id: int, customer_ids: list[int], on: dt.date | None = None) -> int:
        """Customers join the group (those already in it are left as they are); returns how many joined."""
        from sqlalchemy import text

        ids = sorted({int(i) for i in customer_ids})
        if not ids:
            return 0
        on = on or dt.date.today()
        with self._db.engine.begin() as conn:
            current = {r[0] for r in conn.execute(text(
                "SELECT customer_id FROM group_membership WHERE group_id = :g AND left_on IS NULL"), {"g": group_id})}  # fmt: skip
            new = [i for i in ids if i not in current]
            if new:
                conn.execute(text("INSERT INTO group_membership (group_id, customer_id, joined_on) VALUES (:g, :c, :d)"),
                             [{"g": group_id, "c": c, "d": on} for c in new])  # fmt: skip
        return len(new)

    def remove_members(self, group_id: int, customer_ids: list[int], on: dt.date | None = None) -> int:
        """Customers leave the group; the membership stays in the history with its leaving date."""
        from sqlalchemy import bindparam, text

        ids = sorted({int(i) for i in customer_ids})
        if not ids:
            return 0
        with self._db.engine.begin() as conn:
            return int(conn.execute(text(
                "UPDATE group_membership SET left_on = :d WHERE group_id = :g AND left_on IS NULL "
                "AND customer_id IN :ids").bindparams(bindparam("ids", expanding=True)),
                {"d": on or dt.date.today(), "g": group_id, "ids": ids}).rowcount)  # fmt: skip

    def save_day(self, day: dt.date, figures: dict[int, dict[str, int]]) -> int:
        """One day's figures for several groups (group id -> {members, speakers, ...}); a group whose figures
        are all empty has its day removed. Returns how many groups changed."""
        from sqlalchemy import text

        changed = 0
        with self._db.engine.begin() as conn:
            existing = {int(r[0]): tuple(int(v) for v in r[1:]) for r in conn.execute(text(
                "SELECT group_id, members, speakers, messages, visitors, buyers, gmv_cents FROM group_daily_stat "
                "WHERE day = :d"), {"d": day})}  # fmt: skip
            for gid, values in figures.items():
                row = tuple(int(values.get(k) or 0) for k in STAT_FIELDS)
                if any(v < 0 for v in row):
                    raise GroupError(QT_TRANSLATE_NOOP("Errors", "Daily figures cannot be negative."))
                if row[1] > row[0] and row[0] > 0:
                    raise GroupError(QT_TRANSLATE_NOOP("Errors", "More members spoke than the group has."))
                if row[4] > row[3] and row[3] > 0:
                    raise GroupError(QT_TRANSLATE_NOOP("Errors", "More buyers than visitors."))
                before = existing.get(gid)
                if not any(row):
                    if before is not None:
                        conn.execute(text("DELETE FROM group_daily_stat WHERE group_id = :g AND day = :d"), {"g": gid, "d": day})
                        changed += 1
                    continue
                if before == row:
                    continue
                params = {"g": gid, "d": day, **dict(zip(STAT_FIELDS, row, strict=True))}
                if before is None:
                    conn.execute(text(
                        "INSERT INTO group_daily_stat (group_id, day, members, speakers, messages, visitors, buyers, "
                        "gmv_cents) VALUES (:g, :d, :members, :speakers, :messages, :visitors, :buyers, :gmv_cents)"),
                        params)  # fmt: skip
                else:
                    conn.execute(text(
                        "UPDATE group_daily_stat SET members = :members, speakers = :speakers, messages = :messages, "
                        "visitors = :visitors, buyers = :buyers, gmv_cents = :gmv_cents WHERE group_id = :g AND day = :d"),
                        params)  # fmt: skip
                changed += 1
        return changed

    def day_figures(self, day: dt.date) -> dict[int, tuple[int, ...]]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            return {int(r[0]): tuple(int(v) for v in r[1:]) for r in conn.execute(text(
                "SELECT group_id, members, speakers, messages, visitors, buyers, gmv_cents FROM group_daily_stat "
                "WHERE day = :d"), {"d": day})}  # fmt: skip


GRADE_WORDS = {DEAD: QT_TRANSLATE_NOOP("Groups", "Dead"), NO_DATA: QT_TRANSLATE_NOOP("Groups", "No data")}


def grade_source(grade: str) -> str:
    """The grade's text before translation (context "Groups"): S-D as they are, dead and no data in words."""
    return GRADE_WORDS.get(grade, grade)
