"""The planner's event calendar for a week: Chinese public holidays and make-up working days (the `holidays`
library, names in Chinese), shopping days (3·8, 520, 618, 七夕, 双11, 双12), the shop's own events (setting
``planner.events``), member day (the member-day play's weekday) and customers' birthdays (solar, or lunar for
a birthday marked lunar)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services.database import Database
from app.services.reminders import birthdays_on

SHOPPING_DAYS = {(3, 8): "女神节 3·8", (5, 20): "520", (6, 18): "618", (11, 11): "双11", (12, 12): "双12"}
_MAKE_UP = re.compile(r"(\d{4}-\d{2}-\d{2})")
KIND_LABELS = {
    "holiday": QT_TRANSLATE_NOOP("Events", "Holiday"),
    "workday": QT_TRANSLATE_NOOP("Events", "Working day (make-up)"),
    "shopping": QT_TRANSLATE_NOOP("Events", "Shopping day"),
    "shop": QT_TRANSLATE_NOOP("Events", "Shop event"),
    "member_day": QT_TRANSLATE_NOOP("Events", "Member day"),
    "birthday": QT_TRANSLATE_NOOP("Events", "Birthdays"),
}


@dataclass(frozen=True)
class Event:
    day: dt.date
    kind: str  # holiday, workday, shopping, shop, member_day, birthday
    text: str
    customer_ids: tuple[int, ...] = ()


def _qixi(year: int) -> dt.date | None:
    """七夕: the 7th day of the 7th lunar month."""
    from borax.calendars.lunardate import LunarDate

    try:
        return LunarDate(year, 7, 7).to_solar_date()
    except (ValueError, KeyError):
        return None


def week_events(db: Database, monday: dt.date, language: str = "zh_CN") -> list[Event]:
    import holidays

    days = [monday + dt.timedelta(days=i) for i in range(7)]
    years = sorted({d.year for d in days})
    out: list[Event] = []
    try:
        cn = holidays.China(years=years, language="zh_CN" if language.startswith("zh") else "en_US")
    except FileNotFoundError:  # the names' gettext catalogue is missing (a damaged install): the built-in names
        cn = holidays.China(years=years)
    workdays: dict[dt.date, str] = {}
    for _day, name in cn.items():
        match = _MAKE_UP.search(str(name))
        if match:  # "休息日（由 2026-01-04 调休）": that day is worked instead
            workdays[dt.date.fromisoformat(match.group(1))] = str(name)
    from app.services.settings import SettingsService

    settings = SettingsService(db)
    own = settings.get("planner.events") or []
    member_weekday = None
    from sqlalchemy import text

    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT params FROM activity WHERE key = 'member_day'")).first()
    if row is not None:
        import json

        params = json.loads(row[0]) if isinstance(row[0], str) else (row[0] or {})
        member_weekday = params.get("weekday")
    qixi = {y: _qixi(y) for y in years}

    born = birthdays_on(db, days)
    for day in days:
        if day in cn:
            out.append(Event(day, "holiday", str(cn.get(day))))
        if day in workdays:
            out.append(Event(day, "workday", "调休上班" if language.startswith("zh") else "Make-up working day"))
        if (day.month, day.day) in SHOPPING_DAYS:
            out.append(Event(day, "shopping", SHOPPING_DAYS[(day.month, day.day)]))
        if qixi.get(day.year) == day:
            out.append(Event(day, "shopping", "七夕"))
        for event in own:
            if str(event.get("date", ""))[:10] == day.isoformat():
                out.append(Event(day, "shop", str(event.get("name", ""))))
        if member_weekday is not None and day.isoweekday() == int(member_weekday):
            out.append(Event(day, "member_day", "会员日" if language.startswith("zh") else "Member day"))
        found = born[day]
        if found is not None:
            names = "、".join(found.names[:3]) + ("…" if found.count > 3 else "")
            out.append(Event(day, "birthday", f"{found.count} · {names}", tuple(found.customer_ids)))
    return out
