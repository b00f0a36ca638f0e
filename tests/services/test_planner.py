"""The planner's checks at every boundary (issue #8), on hand-made weeks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import text

from app.services.planner import PlanItem, PlannerService, PlanRules, run_checks

MONDAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 8, 0)  # before every item of the week


def item(day: int, channel: str, category: str | None, hour: int = 10, **targets) -> PlanItem:  # type: ignore[no-untyped-def]
    at = dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(hour, 0))
    return PlanItem(len(targets) + day * 100 + hour, at, channel, category, f"{channel}-{category}", targets=dict(targets))


def check(items: list[PlanItem], pushes=None, now: dt.datetime = NOW):  # type: ignore[no-untyped-def]
    resolved = pushes or {}
    return run_checks(items, MONDAY, now, PlanRules(), {1: "福利1群", 2: "福利2群"},
                      lambda i: np.asarray(resolved.get(i.id, []), dtype=np.int64),
                      lambda ids: {c: f"K{c}" for c in ids})  # fmt: skip


def rules(findings) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(f.rule, f.scope) for f in findings]


def test_group_ratio_boundaries() -> None:
    def group_week(counts: dict[str, int], group: list[int] | None = None) -> list[PlanItem]:
        out, n = [], 0
        for category, count in counts.items():
            for _ in range(count):
                out.append(item(n % 7, "group", category, 8 + n // 7, groups=group or [1]))
                n += 1
        return out

    assert check(group_week({"marketing": 3, "interaction": 3, "care": 3, "daily": 1})) == []
    # 40 / 40 / 20 / 0: each share exactly 10 points off is allowed
    assert check(group_week({"marketing": 4, "interaction": 4, "care": 2, "daily": 0})) == []
    # 50 / 30 / 20 / 0: marketing 20 points off
    assert rules(check(group_week({"marketing": 5, "interaction": 3, "care": 2}))) == [("group_ratio", "福利1群")]
    # four items are not judged, however lopsided
    assert check(group_week({"marketing": 4})) == []
    # five marketing items: ratio and interaction both fail
    assert rules(check(group_week({"marketing": 5}))) == [("group_ratio", "福利1群"), ("group_interaction", "福利1群")]
    # an item sent to two groups counts once in each
    both = group_week({"marketing": 5}, group=[1, 2])
    assert {f.scope for f in check(both)} == {"福利1群", "福利2群"}
    # interaction exactly 30 % passes; 20 % (2 of 10) fails
    assert check(group_week({"marketing": 3, "interaction": 3, "care": 3, "daily": 1})) == []
    low = check(group_week({"marketing": 3, "interaction": 2, "care": 4, "daily": 1}))
    assert ("group_interaction", "福利1群") in rules(low)
    # skipped items are not sent: they do not count
    week = group_week({"marketing": 5})
    for i in week:
        i.status = "skipped"
    assert check(week) == []


def test_moments_boundaries() -> None:
    three = [item(0, "moments", c, 8 + k) for k, c in enumerate(("activity", "care", "product"))]
    assert check(three) == []
    four = [*three, item(0, "moments", "care", 20)]
    assert rules(check(four)) == [("moments_per_day", "2026-11-23")]
    # two days of 1:1:1 pass; 6 posts of which 4 products (67 %, 33 points off) fail
    even = three + [item(1, "moments", c, 8 + k) for k, c in enumerate(("activity", "care", "product"))]
    assert check(even) == []
    skewed = [item(d, "moments", c, 8 + k) for d, cats in enumerate((("product", "product", "care"), ("product", "product", "activity")))
              for k, c in enumerate(cats)]  # fmt: skip
    assert rules(check(skewed)) == [("moments_ratio", "2026-W48")]
    # five posts are not judged on the ratio
    assert check(skewed[:5]) == []


def test_one_on_one_pushes_per_customer() -> None:
    pushes = [item(d, "one_on_one", None, 10) for d in range(3)]
    targets = {pushes[0].id: [1, 2], pushes[1].id: [1, 2], pushes[2].id: [2]}
    findings = check(pushes, targets)
    assert rules(findings) == [("one_on_one_per_customer", "K2")]  # exactly 2 for customer 1 passes
    assert findings[0].detail == "3 > 2" and len(findings[0].item_ids) == 3


def test_missed_items() -> None:
    past = item(0, "group", "daily", 9, groups=[1])
    done = item(0, "group", "care", 10, groups=[1])
    done.status = "done"
    later = item(3, "group", "daily", 9, groups=[1])
    found = check([past, done, later], now=dt.datetime(2026, 11, 24, 12, 0))
    assert rules(found) == [("missed", "2026-11-23 09:00 group-daily")]


def test_service_resolves_segments_tags_and_customers_once(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.segments import SegmentService
    from app.services.tags import TagService

    with db.engine.begin() as conn:
        ids = [int(conn.execute(text("INSERT INTO customer (name, member_code) VALUES (:n, :m) RETURNING id"),
                                {"n": f"客{i}", "m": f"M{i}"}).scalar_one()) for i in range(4)]  # fmt: skip
    tags = TagService(db)
    tag = tags.create_tag(tags.create_group("兴趣"), "爱吃甜")
    tags.add_tags(ids[:2], [tag])
    everyone = SegmentService(db).save("全部", {"match": "all", "rules": []})
    named = SegmentService(db).save("有会员号", {"match": "all", "rules": [{"field": "order_count", "op": ">=", "value": 0}]})
    planner = PlannerService(db)
    two = PlanItem(None, dt.datetime(2026, 11, 23, 9), "one_on_one", None, "两个分群", targets={"segments": [everyone, named]})
    assert len(planner.push_targets(two)) == 4  # reached by both segments, each customer once
    week = [
        # one push to a segment and a tag that overlap: counts once for each customer
        PlanItem(None, dt.datetime(2026, 11, 23, 10), "one_on_one", None, "欢迎", targets={"segments": [everyone], "tags": [tag]}),
        PlanItem(None, dt.datetime(2026, 11, 24, 10), "one_on_one", None, "复购券", targets={"tags": [tag]}),
        PlanItem(None, dt.datetime(2026, 11, 25, 10), "one_on_one", None, "关怀", targets={"customers": [ids[0]]}),
    ]
    for p in week:
        planner.save(p)
    found = planner.check(MONDAY, now=NOW)
    assert rules(found) == [("one_on_one_per_customer", "M0")]  # 3 pushes; M1 has 2
    assert len(planner.items(MONDAY)) == 3
    # moving a card re-checks: the third push moves to next week
    third = next(i for i in planner.items(MONDAY) if i.title == "关怀")
    planner.move(int(third.id), dt.datetime(2026, 12, 1, 10))
    assert planner.check(MONDAY, now=NOW) == []
    copy = planner.move(int(third.id), dt.datetime(2026, 11, 26, 10), copy=True)
    assert copy != third.id and len(planner.items(MONDAY)) == 3
    with pytest.raises(Exception, match="category"):
        planner.save(PlanItem(None, dt.datetime(2026, 11, 23, 10), "moments", "marketing", "x"))


def test_week_events_holidays_make_up_days_shopping_days_and_birthdays(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import week_events

    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, birthday, birthday_lunar) VALUES ('寿星', '1990-11-11', :f), "
                          "('农历寿星', '1985-07-07', :t)"), {"f": False, "t": True})  # fmt: skip
        conn.execute(text("INSERT INTO activity (key, name, params) VALUES ('member_day', '周会员日', '{\"weekday\": 3}')"))
    found = {(e.day.isoformat(), e.kind, e.text.split(" ·")[0]) for e in week_events(db, dt.date(2026, 11, 9))}
    assert ("2026-11-11", "shopping", "双11") in found and ("2026-11-11", "member_day", "会员日") in found
    assert ("2026-11-11", "birthday", "1") in found
    new_year = {(e.day.isoformat(), e.kind) for e in week_events(db, dt.date(2025, 12, 29))}
    assert ("2026-01-01", "holiday") in new_year
    make_up = {(e.day.isoformat(), e.kind) for e in week_events(db, dt.date(2025, 12, 29))}
    assert ("2026-01-04", "workday") in make_up  # 2026-01-02 off, worked on Sunday 01-04
    qixi = {(e.day.isoformat(), e.kind, e.text) for e in week_events(db, dt.date(2026, 8, 17))}
    assert ("2026-08-19", "shopping", "七夕") in qixi and ("2026-08-19", "birthday", "1 · 农历寿星") in qixi


def test_built_in_templates_keep_the_playbook(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.groups import GroupService
    from app.services.sop import GROUP_WEEK, MOMENTS_WEEK, SopError, SopService

    groups = GroupService(db)
    g1, g2 = groups.save({"name": "福利1群"}), groups.save({"name": "福利2群"})
    sop = SopService(db)
    with pytest.raises(SopError):
        sop.apply(GROUP_WEEK, MONDAY, [])
    assert sop.apply(GROUP_WEEK, MONDAY, [g1, g2]) == 10
    assert sop.apply(MOMENTS_WEEK, MONDAY) == 21
    planner = PlannerService(db)
    assert planner.check(MONDAY, now=NOW) == []  # 3:3:3:1 in each group, 3 moments a day at 1:1:1
    tid = sop.save_week(MONDAY, "我的社群周")
    mine = next(t for t in sop.templates() if t.id == tid)
    assert len(mine.slots) == 10 and not mine.builtin
    with pytest.raises(SopError, match="exists"):
        sop.save_week(MONDAY, "我的社群周")


def test_journey_dates_around_month_ends(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.sop import JOURNEY, SopService, journey_dates

    assert journey_dates(dt.date(2026, 1, 29), [0, 3, 7]) == [dt.date(2026, 1, 29), dt.date(2026, 2, 1), dt.date(2026, 2, 5)]
    assert journey_dates(dt.date(2026, 1, 31), [30]) == [dt.date(2026, 3, 2)]  # February has 28 days
    assert journey_dates(dt.date(2028, 1, 31), [30]) == [dt.date(2028, 3, 1)]  # 2028 is a leap year
    assert journey_dates(dt.date(2026, 12, 29), [3]) == [dt.date(2027, 1, 1)]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, added_on) VALUES ('一月底', '2026-01-29'), ('二月初', '2026-02-01')"))
        conn.execute(text("INSERT INTO customer (name, last_order_at, order_count) VALUES ('老客', '2026-01-31 18:00:00', 1)"))
    sop = SopService(db)
    week = {(at.date().isoformat(), title[:2]): len(c) for at, title, c in sop.journey_steps(JOURNEY, dt.date(2026, 1, 26))}
    assert week == {("2026-01-29", "欢迎"): 1, ("2026-02-01", "欢迎"): 1, ("2026-02-01", "首单"): 1}
    march = {(at.date().isoformat(), title[:2]) for at, title, _c in sop.journey_steps(JOURNEY, dt.date(2026, 3, 2))}
    assert ("2026-03-02", "唤回") in march
    assert sop.apply_journey(JOURNEY, dt.date(2026, 1, 26)) == 3
    pushes = PlannerService(db).items(dt.date(2026, 1, 26))
    assert all(p.channel == "one_on_one" and p.targets.get("customers") for p in pushes)


def test_export_plan_is_a_week_grid(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from app.services.plan_export import export_plan

    planner = PlannerService(db)
    planner.save(PlanItem(None, dt.datetime(2026, 11, 25, 20), "group", "interaction", "趣味答题", status="done"))
    planner.save(PlanItem(None, dt.datetime(2026, 11, 29, 8, 30), "moments", "product", "新品"))
    out = tmp_path / "plan.xlsx"
    assert export_plan(db, out, MONDAY) == 2
    sheet = load_workbook(out).active
    assert sheet["A3"].value == "社群" and sheet["B2"].value == "周一 11-23"
    assert sheet["D3"].value == "✓ 20:00 趣味答题（互动）" and sheet["H4"].value == "08:30 新品（产品）"
    assert sheet.page_setup.orientation == "landscape"


def test_import_plan_from_an_excel_draft(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    from app.services.groups import GroupService
    from app.services.importer import ImportService
    from app.services.segments import SegmentService

    GroupService(db).save({"name": "福利1群"})
    GroupService(db).save({"name": "福利2群"})
    SegmentService(db).save("沉睡老客", {"match": "all", "rules": []})
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, phone) VALUES ('甲', '13700000000')"))

    def book(rows):  # type: ignore[no-untyped-def]
        path = tmp_path / f"plan{len(rows)}.xlsx"
        wb = Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(path)
        return path

    header = ["日期", "时间", "渠道", "类别", "标题", "内容", "对象"]
    good = book([header,
                 ["2026-11-25", "20:00", "社群", "互动", "趣味答题", "猜猜新品", "福利1群、福利2群"],
                 ["2026-11-26", "08:30", "朋友圈", "产品", "新品", None, None],
                 ["2026-11-27", "10:00", "一对一", None, "唤回", "好久不见", "沉睡老客;13700000000"]])  # fmt: skip
    importer = ImportService(db)
    first = importer.run(good, "plan")
    assert (first.inserted, first.invalid) == (3, 0)
    again = importer.run(good, "plan")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    items = {i.title: i for i in PlannerService(db).items(MONDAY)}
    assert len(items["趣味答题"].groups()) == 2 and items["唤回"].targets.get("customers")
    bad = book([header,
                ["2026-11-25", "25:00", "社群", "互动", "x", None, "福利1群"],
                ["2026-11-25", "20:00", "微博", "互动", "y", None, None],
                ["2026-11-25", "20:00", "朋友圈", "营销", "z", None, None],
                ["2026-11-25", "20:00", "社群", "营销", "w", None, "不存在的群"]])  # fmt: skip
    report = importer.run(bad, "plan")
    assert report.invalid == 4 and {i.column for i in report.issues} == {"时间", "渠道", "类别", "对象"}


def test_activity_library_has_the_ten_plays_editable_and_own_ones(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.activities import Activity, ActivityError, ActivityService

    library = ActivityService(db)
    plays = library.activities()
    assert len(plays) == 10 and all(p.builtin for p in plays)
    member_day = next(p for p in plays if p.key == "member_day")
    assert member_day.params == {"weekday": 3}
    member_day.params = {"weekday": 5}
    member_day.rhythm = "每周五"
    library.save(member_day)
    assert next(p for p in library.activities() if p.key == "member_day").params == {"weekday": 5}
    library.restore(int(member_day.id))  # type: ignore[arg-type]
    assert next(p for p in library.activities() if p.key == "member_day").params == {"weekday": 3}
    own = library.save(Activity(None, "新品试吃会", "到店试吃并打分", "每月一次", {"seats": 20}))
    assert len(library.activities()) == 11
    with pytest.raises(ActivityError):
        library.delete(int(member_day.id))  # type: ignore[arg-type]
    library.delete(own)
    assert len(library.activities()) == 10


def test_plan_times_and_channels_as_owners_type_them(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from openpyxl import Workbook

    from app.services.importer import ImportService

    wb = Workbook()
    for row in (["日期", "时间", "渠道", "标题"], ["2026-11-25", "下午3:00", "微信群", "下午茶"],
                ["2026-11-25", "20点", "企业微信群", "团购"], ["2026-11-26", "8点半", "朋友圈", "早安"],
                ["2026-11-26", 0.8333333333, "朋友圈", "晚安"], ["2026-11-27", dt.time(9, 15), "社群", "接龙"]):  # fmt: skip
        wb.active.append(row)
    wb.save(tmp_path / "plan.xlsx")
    summary = ImportService(db).run(tmp_path / "plan.xlsx", "plan")
    assert (summary.inserted, summary.invalid) == (5, 0)
    with db.engine.connect() as conn:
        times = dict(conn.execute(text("SELECT title, scheduled_at FROM content_item")).all())
    assert {t: str(v)[11:16] for t, v in times.items()} == {"下午茶": "15:00", "团购": "20:00", "早安": "08:30",
                                                            "晚安": "20:00", "接龙": "09:15"}  # fmt: skip


def test_plan_days_without_a_year_are_the_nearest(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from app.services.importer import _plan_days

    cells = np.array(["12月4日 周五", "1-2", "2月30日", "下周"], dtype=object)
    values = pd.Series([pd.NaT] * 4, dtype="datetime64[ns]")
    days, bad = _plan_days(values, pd.Series([True] * 4), cells, pd.Timestamp(dt.date(2026, 11, 28)))
    assert [str(d)[:10] for d in days[:2]] == ["2026-12-04", "2027-01-02"] and bad.tolist() == [False, False, True, True]
    days, _ = _plan_days(values, pd.Series([True] * 4), cells, pd.Timestamp(dt.date(2027, 1, 10)))
    assert str(days.iloc[0])[:10] == "2026-12-04"  # in January, December's day is last year's
