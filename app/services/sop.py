"""SOP templates: named weeks of content slots, applied to chosen groups for a chosen week (DOMAIN.md "Content
and SOP"). Built in: a group week in 3:3:3:1, a moments week at 1:1:1 with three posts a day, and a one-on-one
lifecycle journey that places pushes from each customer's own dates (welcome on the day they were added, a
first-purchase coupon on day 3, care on day 7, a win-back message 30 days after the last order).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.planner import PlanItem, PlannerService


class SopError(UserError):
    pass


@dataclass
class Template:
    id: int | None
    name: str
    kind: str  # group, moments, journey
    slots: list[dict[str, Any]] = field(default_factory=list)
    builtin: bool = False


def _slot(weekday: int, time: str, category: str, title: str, activity: str | None = None) -> dict[str, Any]:
    return {"weekday": weekday, "time": time, "category": category, "title": title, "activity_key": activity}


GROUP_WEEK = Template(None, "社群周 SOP（3:3:3:1）", "group", [
    _slot(1, "09:00", "daily", "早安：今天的新品出炉啦"),
    _slot(1, "20:00", "interaction", "打卡签到：连续签到领积分", "check_in"),
    _slot(2, "12:00", "care", "烘焙小知识：面包怎么保存"),
    _slot(3, "10:00", "marketing", "周三会员日：会员专享折扣", "member_day"),
    _slot(3, "20:00", "interaction", "趣味答题：猜猜今天的新品", "quiz"),
    _slot(4, "15:00", "care", "天气提醒与关怀"),
    _slot(5, "12:00", "marketing", "社群暗号：到店说暗号享优惠", "secret_code"),
    _slot(5, "20:00", "interaction", "晒单有礼：晒出你的早餐", "share_order"),
    _slot(6, "10:00", "marketing", "周末团购接龙", "relay"),
    _slot(7, "19:00", "care", "下周新品预告与会员福利"),
], builtin=True)  # fmt: skip

MOMENTS_WEEK = Template(None, "朋友圈周 SOP（1:1:1）", "moments", [
    s for d in range(1, 8) for s in (
        _slot(d, "08:30", "activity", "今日活动"), _slot(d, "13:30", "care", "门店日常与关怀"),
        _slot(d, "18:30", "product", "今日新品"))
], builtin=True)  # fmt: skip

JOURNEY = Template(None, "一对一生命周期旅程", "journey", [
    {"event": "added", "offset_days": 0, "time": "10:00", "title": "欢迎：添加好友当天的问候"},
    {"event": "added", "offset_days": 3, "time": "10:00", "title": "首单优惠券"},
    {"event": "added", "offset_days": 7, "time": "10:00", "title": "关怀：用得怎么样"},
    {"event": "last_order", "offset_days": 30, "time": "10:00", "title": "唤回：好久不见"},
], builtin=True)  # fmt: skip

BUILTIN = (GROUP_WEEK, MOMENTS_WEEK, JOURNEY)


def journey_dates(event_day: dt.date, offsets: list[int]) -> list[dt.date]:
    """Each step's day: the event's day plus its offset (month and year ends roll over as calendars do)."""
    return [event_day + dt.timedelta(days=o) for o in offsets]


class SopService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def templates(self) -> list[Template]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, name, kind, slots FROM sop_template WHERE builtin = :f ORDER BY name"),
                                {"f": False}).all()  # fmt: skip
        import json

        own = [Template(int(r[0]), r[1], r[2], json.loads(r[3]) if isinstance(r[3], str) else (r[3] or [])) for r in rows]
        return [*BUILTIN, *own]

    def _activities(self) -> dict[str, int]:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            return {r[0]: int(r[1]) for r in conn.execute(text("SELECT key, id FROM activity WHERE key IS NOT NULL"))}

    def apply(self, template: Template, monday: dt.date, group_ids: list[int] | None = None) -> int:
        """Place the template's week on ``monday``'s week (group templates: sent to ``group_ids``); returns how
        many items were created. A journey places one-on-one pushes from the customers' own dates."""
        if template.kind == "journey":
            return self.apply_journey(template, monday)
        if template.kind == "group" and not group_ids:
            raise SopError(QT_TRANSLATE_NOOP("Errors", "Choose the groups to plan this week for."))
        planner = PlannerService(self._db)
        plays = self._activities()
        made = 0
        for slot in template.slots:
            day = monday + dt.timedelta(days=int(slot["weekday"]) - 1)
            hour, minute = (int(x) for x in str(slot.get("time", "10:00")).split(":"))
            targets = {"groups": list(group_ids or [])} if template.kind == "group" else {}
            planner.save(PlanItem(None, dt.datetime.combine(day, dt.time(hour, minute)), template.kind,
                                  slot.get("category"), slot.get("title") or template.name, targets=targets,
                                  activity_id=plays.get(slot.get("activity_key") or "")))  # fmt: skip
            made += 1
        return made

    def journey_steps(self, template: Template, monday: dt.date) -> list[tuple[dt.datetime, str, list[int]]]:
        """(time, title, customers) of each journey step that falls in the week."""
        from sqlalchemy import text

        end = monday + dt.timedelta(days=6)
        steps: list[tuple[dt.datetime, str, list[int]]] = []
        with self._db.engine.connect() as conn:
            for slot in template.slots:
                offset = int(slot.get("offset_days", 0))
                first, last = monday - dt.timedelta(days=offset), end - dt.timedelta(days=offset)
                column = "added_on" if slot.get("event") == "added" else "last_order_at"
                bound = {"a": first, "b": last} if column == "added_on" else {
                    "a": dt.datetime.combine(first, dt.time()), "b": dt.datetime.combine(last + dt.timedelta(days=1), dt.time())}
                where = (f"{column} >= :a AND {column} <= :b" if column == "added_on"
                         else f"{column} >= :a AND {column} < :b")  # fmt: skip
                rows = conn.execute(text(f"SELECT id, {column} FROM customer WHERE deleted_at IS NULL AND {where}"), bound).all()
                by_day: dict[dt.date, list[int]] = {}
                for cid, when in rows:
                    event_day = when if isinstance(when, dt.date) and not isinstance(when, dt.datetime) else (
                        when.date() if isinstance(when, dt.datetime) else dt.date.fromisoformat(str(when)[:10]))
                    by_day.setdefault(journey_dates(event_day, [offset])[0], []).append(int(cid))
                hour, minute = (int(x) for x in str(slot.get("time", "10:00")).split(":"))
                for day in sorted(by_day):
                    steps.append((dt.datetime.combine(day, dt.time(hour, minute)), slot["title"], by_day[day]))
        return steps

    def apply_journey(self, template: Template, monday: dt.date) -> int:
        planner = PlannerService(self._db)
        made = 0
        for at, title, customers in self.journey_steps(template, monday):
            planner.save(PlanItem(None, at, "one_on_one", None, title, targets={"customers": customers}))
            made += 1
        return made

    def save_week(self, monday: dt.date, name: str, kind: str = "group") -> int:
        """The week's group (or moments) items as a template of slots."""
        from sqlalchemy import text

        name = name.strip()
        if not name:
            raise SopError(QT_TRANSLATE_NOOP("Errors", "Give the template a name."))
        items = [i for i in PlannerService(self._db).items(monday) if i.channel == kind and i.status != "skipped"]
        if not items:
            raise SopError(QT_TRANSLATE_NOOP("Errors", "This week has no content of that channel to keep."))
        plays = {v: k for k, v in self._activities().items()}
        seen = set()
        slots = []
        for i in items:
            key = (i.scheduled_at.isoweekday(), i.scheduled_at.strftime("%H:%M"), i.category, i.title)
            if key in seen:  # the same item sent to several groups is one slot
                continue
            seen.add(key)
            slots.append(_slot(key[0], key[1], i.category or "", i.title, plays.get(i.activity_id or 0)))
        import sqlalchemy as sa

        from app.models.schema import SopTemplate

        table = SopTemplate.__table__
        with self._db.engine.begin() as conn:
            if conn.execute(text("SELECT 1 FROM sop_template WHERE name = :n"), {"n": name}).first():
                raise SopError(QT_TRANSLATE_NOOP("Errors", "A template named {name} exists already."), name=name)
            # the JSON column type writes the slots on SQLite and PostgreSQL alike
            return int(conn.execute(sa.insert(table).values(name=name[:64], kind=kind, builtin=False, slots=slots)
                                    .returning(table.c.id)).scalar_one())  # fmt: skip
