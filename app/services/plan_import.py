"""``siyu import plan``: a week drafted in Excel (日期, 时间, 渠道, 类别, 标题, 内容, 对象), where 对象 holds
group names, a segment or tag name, or phone numbers, separated by 、 , ， or ;. The rules of every import;
an item is the same item again when its time, channel and title are, so importing a file twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, text

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services import normalise as nz
from app.services.group_import import _GroupPlan
from app.services.importer import ImportSummary
from app.services.planner import CATEGORIES

CHANNEL_WORDS = {"社群": "group", "群": "group", "微信群": "group", "企业微信群": "group", "企微群": "group", "客户群": "group",
                 "社群群发": "group", "朋友圈": "moments", "企微朋友圈": "moments", "私信": "one_on_one", "单聊": "one_on_one", "一对一": "one_on_one", "私聊": "one_on_one", "1对1": "one_on_one",
                 "公众号": "official", "直播": "live", "group": "group", "moments": "moments", "one_on_one": "one_on_one",
                 "official": "official", "live": "live"}  # fmt: skip
CATEGORY_WORDS = {"营销": "marketing", "互动": "interaction", "关怀福利": "care", "关怀": "care", "福利": "care", "日常": "daily",
                  "活动": "activity", "产品": "product", "marketing": "marketing", "interaction": "interaction", "care": "care",
                  "daily": "daily", "activity": "activity", "product": "product"}  # fmt: skip
_SPLIT = re.compile(r"[、,，;；]+")
# 20:00, 下午3:00, 3:00 PM, 20点, 8点半, and a time cell (10:05:00) or a General-format fraction of a day (0.8333)
_TIME = re.compile(
    r"^\s*(?P<p>上午|下午|中午|晚上|早上)?\s*(?P<h>\d{1,2})(?:[:：](?P<m>\d{2})(?:[:：]\d{2})?|点(?P<half>半)?(?:(?P<m2>\d{1,2})分?)?)"
    r"\s*(?P<ap>[AaPp][Mm])?\s*$"
)


def _clock(cell: Any) -> tuple[int, int] | None:
    """(hour, minute) of a plan's time cell, or None when it is no time of day."""
    if isinstance(cell, dt.time):
        return cell.hour, cell.minute
    if isinstance(cell, str) and re.fullmatch(r"\s*0?\.\d+\s*", cell):  # read as text: 0.8333
        cell = float(cell)
    if isinstance(cell, float) and 0 <= cell < 1:  # a time in a cell of General format
        minutes = round(cell * 24 * 60)
        return (minutes // 60) % 24, minutes % 60
    found = _TIME.match(str(cell))
    if found is None:
        return None
    hour = nz.clock_hour(int(found["h"]), found["p"] or found["ap"])
    minute = 30 if found["half"] else int(found["m"] or found["m2"] or 0)
    return (hour, minute) if hour <= 23 and minute <= 59 else None


class ContentPlan(_GroupPlan):
    def match(self, conn: Connection, mode: str) -> None:
        self.mode = mode
        self._require("day", QT_TRANSLATE_NOOP("Import", "the date is missing"))
        self._require("channel", QT_TRANSLATE_NOOP("Import", "the channel is missing"))
        self._require("title", QT_TRANSLATE_NOOP("Import", "the title is missing"))
        groups = {r[0]: int(r[1]) for r in conn.execute(text("SELECT name, id FROM community_group"))}
        segments = {r[0]: int(r[1]) for r in conn.execute(text("SELECT name, id FROM segment"))}
        tags = {r[0]: int(r[1]) for r in conn.execute(text("SELECT name, id FROM tag"))}
        phones = {r[0]: int(r[1]) for r in conn.execute(text("SELECT phone, id FROM customer WHERE phone IS NOT NULL AND deleted_at IS NULL"))}
        channel, category, times, targets = self.col("channel"), self.col("category"), self.col("time"), self.col("targets")
        self.resolved: list[tuple[str, str | None, tuple[int, int], dict[str, Any]] | None] = [None] * self.n
        for i in range(self.n):
            if self.bad_rows[i]:
                continue
            code = CHANNEL_WORDS.get(str(channel[i]).strip().lower())
            if code is None:
                self._issue(i, "channel", channel[i], QT_TRANSLATE_NOOP("Import", "not a channel (社群, 朋友圈, 一对一, 公众号 or 直播)"))
                continue
            cat = None
            if category[i] is not None:
                cat = CATEGORY_WORDS.get(str(category[i]).strip().lower())
                if cat is None or cat not in CATEGORIES.get(code, (cat,)):
                    self._issue(i, "category", category[i], QT_TRANSLATE_NOOP("Import", "not a category of this channel"))
                    continue
            at = (10, 0)
            if times[i] is not None:
                clock = _clock(times[i])
                if clock is None:
                    self._issue(i, "time", times[i], QT_TRANSLATE_NOOP("Import", "not a time of day (use 20:00)"))
                    continue
                at = clock
            aims: dict[str, Any] = {}
            unknown = None
            for word in [w.strip() for w in _SPLIT.split(str(targets[i] or "")) if w.strip()]:
                digits = re.sub(r"\D", "", word)
                if code == "group" and word in groups:
                    aims.setdefault("groups", []).append(groups[word])
                elif word in segments:
                    aims.setdefault("segments", []).append(segments[word])
                elif word in tags:
                    aims.setdefault("tags", []).append(tags[word])
                elif len(digits) == 11 and digits in phones:
                    aims.setdefault("customers", []).append(phones[digits])
                else:
                    unknown = word
                    break
            if unknown is not None:
                self._issue(i, "targets", unknown, QT_TRANSLATE_NOOP("Import", "no group, segment, tag or customer is called this"))
                continue
            self.resolved[i] = (code, cat, at, aims)

    def write(self, conn: Connection, summary: ImportSummary, progress: Callable[[float], None]) -> None:
        import sqlalchemy as sa

        from app.models.schema import ContentItem

        table = ContentItem.__table__
        days, titles, bodies = self.col("day"), self.col("title"), self.col("body")
        rows: dict[tuple[str, str, str], int] = {}
        valid = 0
        for i in range(self.n):
            if self.bad_rows[i] or self.resolved[i] is None:
                continue
            valid += 1
            code, _cat, (hour, minute), _aims = self.resolved[i]  # type: ignore[misc]
            rows[(f"{str(days[i])[:10]} {hour:02d}:{minute:02d}", code, str(titles[i]).strip()[:128])] = i
        summary.merged += valid - len(rows)
        existing = {}
        for r in conn.execute(text("SELECT id, scheduled_at, channel, title, category, body, targets FROM content_item")):
            existing[(str(r[1])[:16], r[2], r[3])] = r
        for (when, code, title), i in rows.items():
            _code, cat, _at, aims = self.resolved[i]  # type: ignore[misc]
            body = bodies[i]
            before = existing.get((when, code, title))
            if before is not None:
                old_targets = before[6] if isinstance(before[6], str) else json.dumps(before[6] or {}, sort_keys=True)
                same = (before[4], before[5]) == (cat, body) and json.loads(old_targets) == aims
                if same or self.mode == "add":
                    summary.unchanged += 1
                    continue
                conn.execute(sa.update(table).where(table.c.id == before[0]).values(category=cat, body=body, targets=aims))
                summary.updated += 1
                continue
            if self.mode == "update":
                summary.unchanged += 1
                continue
            conn.execute(sa.insert(table).values(
                scheduled_at=dt.datetime.fromisoformat(when + ":00"), channel=code, category=cat, title=title, body=body,
                targets=aims, status="planned"))  # fmt: skip
            summary.inserted += 1
        progress(1.0)
