"""Importing community groups' daily figures (``siyu import group-stats``) and members (``siyu import members``).

The same rules as every import (``importer.ImportService.run``): header mapping, invalid rows reported by
row and column, one transaction, and importing a file again changes nothing. Groups a file names that the
shop does not have yet are created and counted; so are customers a members file names by a phone or member
code the shop does not know.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, text

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.services.import_fields import field as field_spec
from app.services.importer import ImportSummary, Issue, _column_list
from app.services.pinyin import search_key

STATS = ("members", "speakers", "messages", "visitors", "buyers", "gmv_cents")


_STAFF = re.compile(r"企业成员|内部成员|员工|staff|employee", re.IGNORECASE)


def plan_for(kind: str, parsed, rownums, bad_rows, issues):  # type: ignore[no-untyped-def]
    return (GroupStatsPlan if kind == "group_stats" else MembersPlan)(kind, parsed, rownums, bad_rows, issues)


def _date_text(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


class _GroupPlan:
    def __init__(self, kind, parsed, rownums, bad_rows, issues) -> None:  # type: ignore[no-untyped-def]
        self.kind, self.rownums, self.bad_rows, self.issues = kind, rownums, bad_rows, issues
        self.n = len(rownums)
        self.parsed = parsed
        self.cols: dict[str, list[Any]] = {k: _column_list(v) for k, v in parsed.items()}
        self.none = [None] * self.n
        self.mode = "upsert"

    def col(self, key: str) -> list[Any]:
        return self.cols.get(key, self.none)

    def _issue(self, i: int, key: str, value: Any, reason: str) -> None:
        self.issues.append(Issue(int(self.rownums[i]), field_spec(self.kind, key).header,
                                 "" if value is None else str(value), reason))  # fmt: skip
        self.bad_rows[i] = True

    def _require(self, key: str, reason: str) -> None:
        values = self.col(key)
        for i in range(self.n):
            if not self.bad_rows[i] and values[i] is None:
                self._issue(i, key, None, reason)

    def _groups(self, conn: Connection, names: set[str], summary: ImportSummary) -> dict[str, int]:
        """Group ids by name; a name the shop does not know becomes a new group (counted)."""
        known = {r[0]: int(r[1]) for r in conn.execute(text("SELECT name, id FROM community_group"))}
        today = dt.date.today()
        for name in sorted(names - set(known)):
            known[name] = int(conn.execute(text(
                "INSERT INTO community_group (name, capacity, status, created_on) VALUES (:n, 200, 'active', :d) "
                "RETURNING id"), {"n": name[:128], "d": today}).scalar_one())  # fmt: skip
            summary.created_groups += 1
        return known


class GroupStatsPlan(_GroupPlan):
    """One row per group and day: members, members who spoke, messages, visitors, buyers, GMV."""

    def match(self, conn: Connection, mode: str) -> None:
        self.mode = mode
        self._require("group_name", QT_TRANSLATE_NOOP("Import", "the group name is missing"))
        self._require("day", QT_TRANSLATE_NOOP("Import", "the date is missing"))
        members, speakers = self.col("members"), self.col("speakers")
        visitors, buyers = self.col("visitors"), self.col("buyers")
        future = dt.date.today().isoformat()
        days = self.col("day")
        for i in range(self.n):
            if self.bad_rows[i]:
                continue
            if days[i] is not None and str(days[i])[:10] > future:
                self._issue(i, "day", days[i], QT_TRANSLATE_NOOP("Import", "a date in the future"))
            elif members[i] is not None and speakers[i] is not None and speakers[i] > members[i]:
                self._issue(i, "speakers", speakers[i], QT_TRANSLATE_NOOP("Import", "more members spoke than the group has"))
            elif visitors[i] is not None and buyers[i] is not None and buyers[i] > visitors[i]:
                self._issue(i, "buyers", buyers[i], QT_TRANSLATE_NOOP("Import", "more buyers than visitors"))

    def write(self, conn: Connection, summary: ImportSummary, progress: Callable[[float], None]) -> None:
        names, days = self.col("group_name"), self.col("day")
        values = [self.col(k) for k in ("members", "speakers", "messages", "visitors", "buyers", "gmv")]
        # a figure the file does not give (no such column, an empty or "-" cell) is None: it leaves the figure
        # the shop has alone (a WeCom export has members, speakers and messages, not visitors or takings)
        rows: dict[tuple[str, str], tuple[int | None, ...]] = {}
        valid = 0
        for i in range(self.n):
            if self.bad_rows[i]:
                continue
            valid += 1
            key = (names[i], _date_text(days[i]))
            figures = tuple(None if v[i] is None else int(v[i]) for v in values)
            earlier = rows.get(key)  # a repeated row: its figures win where it gives them
            rows[key] = figures if earlier is None else tuple(e if f is None else f for f, e in zip(figures, earlier, strict=True))  # type: ignore[index]
        summary.merged += valid - len(rows)
        if not rows:
            return
        groups = self._groups(conn, {name for name, _d in rows}, summary)
        progress(0.3)
        first, last = min(d for _n, d in rows), max(d for _n, d in rows)
        existing = {}
        for r in conn.execute(text(
            "SELECT group_id, day, members, speakers, messages, visitors, buyers, gmv_cents FROM group_daily_stat "
            "WHERE day >= :a AND day <= :b"), {"a": dt.date.fromisoformat(first), "b": dt.date.fromisoformat(last)}):  # fmt: skip
            existing[(int(r[0]), str(r[1])[:10])] = tuple(int(v) for v in r[2:])
        inserts, updates = [], []
        for (name, day), given in rows.items():
            key = (groups[name], day)
            before = existing.get(key)
            figures = tuple((f if f is not None else b) for f, b in zip(given, before or (0,) * len(given), strict=True))
            params = {"g": key[0], "d": dt.date.fromisoformat(day), **dict(zip(STATS, figures, strict=True))}
            if before is None:
                if self.mode == "update":
                    summary.unchanged += 1  # update mode adds nothing
                    continue
                inserts.append(params)
            elif before == figures or self.mode == "add":
                summary.unchanged += 1
            else:
                updates.append(params)
        if inserts:
            conn.execute(text(
                "INSERT INTO group_daily_stat (group_id, day, members, speakers, messages, visitors, buyers, gmv_cents) "
                "VALUES (:g, :d, :members, :speakers, :messages, :visitors, :buyers, :gmv_cents)"), inserts)  # fmt: skip
        if updates:
            conn.execute(text(
                "UPDATE group_daily_stat SET members = :members, speakers = :speakers, messages = :messages, "
                "visitors = :visitors, buyers = :buyers, gmv_cents = :gmv_cents WHERE group_id = :g AND day = :d"),
                updates)  # fmt: skip
        summary.inserted += len(inserts)
        summary.updated += len(updates)
        progress(1.0)


class MembersPlan(_GroupPlan):
    """One row per group and customer (phone or member code), with optional join and leave dates."""

    def match(self, conn: Connection, mode: str) -> None:
        self.mode = mode
        self.staff = 0
        for i, kind in enumerate(self.col("member_type")):  # the shop's own people in its group export
            if kind is not None and not self.bad_rows[i] and _STAFF.search(str(kind)):
                self.bad_rows[i] = True
                self.staff += 1
        self._require("group_name", QT_TRANSLATE_NOOP("Import", "the group name is missing"))
        phone, code = self.col("phone"), self.col("member_code")
        joined, left = self.col("joined_on"), self.col("left_on")
        for i in range(self.n):
            if self.bad_rows[i]:
                continue
            if phone[i] is None and code[i] is None:
                self._issue(i, "phone", None, QT_TRANSLATE_NOOP("Import", "neither a phone number nor a member code"))
            elif joined[i] is not None and left[i] is not None and str(left[i]) < str(joined[i]):
                self._issue(i, "left_on", left[i], QT_TRANSLATE_NOOP("Import", "left before joining"))
        existing = conn.execute(text("SELECT id, phone, member_code FROM customer WHERE deleted_at IS NULL")).all()
        by_phone = {r[1]: int(r[0]) for r in existing if r[1]}
        by_code = {r[2]: int(r[0]) for r in existing if r[2]}
        self.customer: list[int | None] = [None] * self.n
        for i in range(self.n):
            if self.bad_rows[i]:
                continue
            pid = by_phone.get(phone[i]) if phone[i] is not None else None
            cid = by_code.get(code[i]) if code[i] is not None else None
            if pid and cid and pid != cid:
                self._issue(i, "member_code", code[i], QT_TRANSLATE_NOOP(
                    "Import", "this member code belongs to another customer than this phone number"))  # fmt: skip
                continue
            self.customer[i] = pid or cid

    def write(self, conn: Connection, summary: ImportSummary, progress: Callable[[float], None]) -> None:
        summary.staff_rows += self.staff
        names, phone, code, name = self.col("group_name"), self.col("phone"), self.col("member_code"), self.col("name")
        joined, left = self.col("joined_on"), self.col("left_on")
        today = dt.date.today().isoformat()
        # customers the file names but the shop does not know yet
        created: dict[str, int] = {}
        for i in range(self.n):
            if self.bad_rows[i] or self.customer[i] is not None:
                continue
            key = f"p:{phone[i]}" if phone[i] is not None else f"c:{code[i]}"
            if key not in created:
                label = name[i] or phone[i] or code[i] or ""
                created[key] = int(conn.execute(text(
                    "INSERT INTO customer (name, phone, member_code, search_key) VALUES (:n, :p, :c, :k) RETURNING id"),
                    {"n": label, "p": phone[i], "c": code[i], "k": search_key(label)}).scalar_one())  # fmt: skip
                summary.created_customers += 1
            self.customer[i] = created[key]
        # one stay in a group per row: a member who left and came back has two (rows of one join day fold); a
        # leaving list without join days (退群记录) gives the leaving day, not today, as the join day
        rows: dict[tuple[str, int, str | None], tuple[str, str | None]] = {}
        valid = 0
        for i in range(self.n):
            if self.bad_rows[i]:
                continue
            valid += 1
            join_day, leave_day = _date_text(joined[i]), _date_text(left[i])
            rows[(names[i], self.customer[i], join_day)] = (join_day or leave_day or today, leave_day)  # type: ignore[index]
        summary.merged += valid - len(rows)
        if not rows:
            return
        groups = self._groups(conn, {g for g, _c, _j in rows}, summary)
        progress(0.4)
        history: dict[tuple[int, int], list[tuple[int, str, str | None]]] = {}
        for mid, gid, cid, j, lft in conn.execute(text(
                "SELECT id, group_id, customer_id, joined_on, left_on FROM group_membership")):  # fmt: skip
            history.setdefault((int(gid), int(cid)), []).append((int(mid), str(j)[:10], None if lft is None else str(lft)[:10]))
        inserts, closes = [], []
        for (gname, cid, _j), (join_day, leave_day) in sorted(rows.items(), key=lambda r: r[1][0]):  # earliest first
            gid = groups[gname]
            spans = history.setdefault((gid, cid), [])
            current = next((s for s in spans if s[2] is None), None)
            if leave_day is None:
                if current is not None:
                    summary.unchanged += 1
                elif self.mode == "update":
                    summary.unchanged += 1
                else:
                    inserts.append({"g": gid, "c": cid, "j": dt.date.fromisoformat(join_day), "l": None})
                    spans.append((0, join_day, None))
            elif any(s[2] == leave_day for s in spans) or (current is None and self.mode == "update"):
                summary.unchanged += 1  # this leaving is known already
            elif current is not None:
                if self.mode == "add":
                    summary.unchanged += 1
                else:
                    closes.append({"i": current[0], "l": dt.date.fromisoformat(leave_day)})
                    spans[spans.index(current)] = (current[0], current[1], leave_day)
            else:
                inserts.append({"g": gid, "c": cid, "j": dt.date.fromisoformat(join_day),
                                "l": dt.date.fromisoformat(leave_day)})  # fmt: skip
                spans.append((0, join_day, leave_day))
        if inserts:
            conn.execute(text("INSERT INTO group_membership (group_id, customer_id, joined_on, left_on) "
                              "VALUES (:g, :c, :j, :l)"), inserts)  # fmt: skip
        if closes:
            conn.execute(text("UPDATE group_membership SET left_on = :l WHERE id = :i"), closes)
        summary.inserted += len(inserts)
        summary.updated += len(closes)
        progress(1.0)

