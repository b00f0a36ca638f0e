"""``siyu export groups``: one row per group with its week's figures and grade."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.services.database import Database
from app.services.export import Column, write_table
from app.services.groups import GroupService, week_label, week_of

COLUMNS = ("name", "kind", "members", "activity_rate", "conversion_rate", "gmv", "grade")


def export_groups(db: Database, path: Path | str, week: dt.date | None = None) -> int:
    """``name, kind, members, activity_rate, conversion_rate, gmv, grade`` for the week of ``week`` (default:
    last week). Rates are fractions of 1 (0.3 is 30 %), empty when there is nothing to divide by; the grade
    is S, A, B, C, D, dead or no data; kind is the group's goal type (marketing, content, service)."""
    groups = GroupService(db).groups(week)
    monday = week_of(week or (dt.date.today() - dt.timedelta(days=7)))[0]

    def rows():  # type: ignore[no-untyped-def]
        for g in groups:
            w = g.week
            yield [g.name, g.kind_goal or "", g.members_shown,
                   None if w is None or w.activity is None else round(float(w.activity), 6),
                   None if w is None or w.conversion is None else round(float(w.conversion), 6),
                   0 if w is None else w.gmv_cents, "no data" if w is None else w.grade]  # fmt: skip

    columns = [Column("name", "text", 20), Column("kind", "text", 12), Column("members", "int", 10),
               Column("activity_rate", "number", 14), Column("conversion_rate", "number", 14),
               Column("gmv", "money", 12), Column("grade", "text", 10)]  # fmt: skip
    return write_table(Path(path), columns, rows(), total=len(groups), sheet_title=week_label(monday))
