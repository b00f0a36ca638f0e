"""Community groups: exact weekly grades at every boundary, members, daily figures, imports and export."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from app.services.groups import (
    DEAD,
    DEFAULT,
    NO_DATA,
    GroupError,
    GroupService,
    Thresholds,
    parse_week,
    week_figures,
    week_label,
)
from app.services.importer import ImportService

MONDAY = dt.date(2026, 11, 16)  # ISO week 2026-W47


def day(members: int, speakers: int, visitors: int, buyers: int, gmv: int = 0, messages: int = 0):  # type: ignore[no-untyped-def]
    return (members, speakers, messages, visitors, buyers, gmv)


@pytest.mark.parametrize(
    ("activity", "conversion", "grade"),
    [
        ((30, 100), (20, 100), "S"),  # exactly on the S line is S
        ((29, 100), (20, 100), "A"),
        ((30, 100), (19, 100), "A"),
        ((20, 100), (15, 100), "A"),
        ((10, 100), (7, 100), "B"),
        ((5, 100), (3, 100), "C"),
        ((1, 100), (1, 100), "D"),
        ((99, 100), (1, 100), "D"),  # S-level activity, D-level conversion: D
        ((1, 100), (99, 100), "D"),
        ((0, 100), (50, 100), DEAD),
        ((50, 100), (0, 100), DEAD),
        ((9, 1000), (50, 100), DEAD),  # 0.9 % activity is below D
    ],
)
def test_grade_boundaries_are_inclusive_and_need_both(activity, conversion, grade) -> None:  # type: ignore[no-untyped-def]
    rows = [day(activity[1], activity[0], conversion[1], conversion[0])]
    assert week_figures(rows).grade == grade


def test_no_float_error_pushes_a_group_across_a_line() -> None:
    # 1/20 and 7/20 average to exactly 1/5 (20 %), which floats make 0.19999999999999998
    rows = [day(20, 1, 100, 15), day(20, 7, 0, 0)]
    figures = week_figures(rows)
    assert figures.activity == Fraction(1, 5) and figures.conversion == Fraction(15, 100)
    assert (1 / 20 + 7 / 20) / 2 < 0.2  # what a float implementation would see
    assert figures.grade == "A"


def test_a_week_with_missing_days_and_weeks_without_figures() -> None:
    # five days typed in, two forgotten: the mean is over the five
    rows = [day(100, 30, 50, 10)] * 4 + [day(100, 30, 50, 10)]
    figures = week_figures(rows)
    assert figures.days == 5 and figures.activity == Fraction(3, 10) and figures.grade == "S"
    assert week_figures([]).grade == NO_DATA
    # no visitors all week: no conversion, so no grade above dead; a day with no members is left out
    assert week_figures([day(100, 50, 0, 0)]).conversion is None
    assert week_figures([day(100, 50, 0, 0)]).grade == DEAD
    assert week_figures([day(0, 0, 10, 2), day(100, 30, 10, 2)]).activity == Fraction(3, 10)


def test_thresholds_from_settings_are_exact_and_checked(db) -> None:  # type: ignore[no-untyped-def]
    service = GroupService(db)
    assert service.thresholds() == DEFAULT
    changed = service.save_thresholds({"S": ("25.5", "18"), "A": ("20", "15"), "B": ("10", "7"),
                                       "C": ("5", "3"), "D": ("0.5", "0.5")})  # fmt: skip
    assert service.thresholds() == changed
    assert changed.grade(Fraction(255, 1000), Fraction(18, 100)) == "S"
    assert changed.grade(Fraction(254, 1000), Fraction(18, 100)) == "A"
    with pytest.raises(GroupError):
        Thresholds.from_percent({"S": ("10", "20"), "A": ("20", "15"), "B": ("10", "7"), "C": ("5", "3"),
                                 "D": ("1", "1")})  # fmt: skip


def test_weeks_are_iso_weeks() -> None:
    assert parse_week("2026-W47") == MONDAY and parse_week("2026w47") == MONDAY
    assert week_label(MONDAY) == "2026-W47" and week_label(dt.date(2026, 1, 1) - dt.timedelta(days=3)) == "2026-W01"
    with pytest.raises(GroupError):
        parse_week("47th week")


def test_groups_members_and_daily_figures(db) -> None:  # type: ignore[no-untyped-def]
    service = GroupService(db)
    gid = service.save({"name": "福利1群", "kind_goal": "marketing", "capacity": 2})
    with pytest.raises(GroupError, match="exists"):
        service.save({"name": "福利1群"})
    with db.engine.begin() as conn:
        ids = [conn.execute(text("INSERT INTO customer (name) VALUES (:n) RETURNING id"), {"n": f"客{i}"}).scalar_one()
               for i in range(3)]  # fmt: skip
    assert service.add_members(gid, ids) == 3 and service.add_members(gid, ids) == 0
    assert service.remove_members(gid, ids[:1], on=MONDAY) == 1
    assert [m[0] for m in service.members(gid)] == ids[1:]
    assert len(service.members(gid, include_left=True)) == 3
    assert service.add_members(gid, ids[:1]) == 1  # back again: a new membership, the old one kept
    assert len(service.members(gid, include_left=True)) == 4
    for offset in range(3):
        service.save_day(MONDAY + dt.timedelta(days=offset), {gid: {"members": 3, "speakers": 1, "visitors": 10,
                                                                   "buyers": 2, "gmv_cents": 5000}})  # fmt: skip
    assert service.save_day(MONDAY, {gid: {"members": 3, "speakers": 1, "visitors": 10, "buyers": 2,
                                           "gmv_cents": 5000}}) == 0  # the same figures: nothing changes
    with pytest.raises(GroupError):
        service.save_day(MONDAY, {gid: {"members": 3, "speakers": 5}})
    info = service.group(gid, MONDAY)
    assert info.week.days == 3 and info.week.grade == "S" and info.week.gmv_cents == 15000
    assert info.over_capacity() and info.trend[-1] == "S" and info.trend[0] == NO_DATA
    version = info.version
    service.save({"name": "福利一群", "capacity": 200}, gid, version)
    with pytest.raises(GroupError, match="Someone else"):
        service.save({"name": "福利1群"}, gid, version)
    service.dissolve(gid, MONDAY)
    assert service.group(gid, MONDAY).status == "dissolved"


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_group_stats_reports_bad_cells_and_changes_nothing_the_second_time(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = xlsx(tmp_path / "stats.xlsx", [
        ["社群日报"],
        ["群名称", "日期", "群成员数", "发言人数", "消息数", "访客数", "支付人数", "支付金额"],
        ["福利1群", "2026-11-16", 200, 60, 300, 50, 10, "¥1,000.50"],
        ["福利1群", dt.datetime(2026, 11, 17), 201, 40, 200, 40, 8, 800],
        ["新开的群", "2026/11/16", 50, 5, 20, 10, 1, 30],
    ])  # fmt: skip
    service = ImportService(db)
    first = service.run(good, "group_stats")
    assert (first.inserted, first.updated, first.unchanged, first.invalid, first.created_groups) == (3, 0, 0, 0, 2)
    again = service.run(good, "group_stats")
    assert (again.inserted, again.updated, again.unchanged, again.created_groups) == (0, 0, 3, 0)
    bad = xlsx(tmp_path / "bad.xlsx", [
        ["群名称", "日期", "群成员数", "发言人数", "访客数", "支付人数"],
        ["福利1群", "2026-13-40", 200, 60, 50, 10],
        ["福利1群", "2026-11-18", -5, 0, 50, 10],
        ["福利1群", "2026-11-19", 100, 200, 50, 10],
        ["福利1群", "2026-11-20", "很多", 0, 50, 10],
    ])  # fmt: skip
    report = service.run(bad, "group_stats")
    assert report.invalid == 4 and not report.imported
    found = {(i.row, i.column) for i in report.issues}
    assert found == {(2, "日期"), (3, "群成员数"), (4, "发言人数"), (5, "群成员数")}
    assert report.error_report is not None and report.error_report.exists()


def test_import_members_creates_what_is_missing_and_keeps_history(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, phone) VALUES ('张晓燕', '13800138000')"))
    path = xlsx(tmp_path / "members.xlsx", [
        ["群名称", "手机号", "群昵称", "入群时间", "退群时间"],
        ["福利1群", "13800138000", "燕子", "2026-10-01", None],
        ["福利1群", "13900000001", "新人", "2026-11-01", None],
        ["福利2群", "13800138000", None, "2026-09-01", "2026-10-01"],
        ["福利2群", None, None, None, None],
    ])  # fmt: skip
    service = ImportService(db)
    summary = service.run(path, "members", skip_invalid=True)
    assert (summary.inserted, summary.invalid, summary.created_customers, summary.created_groups) == (3, 1, 1, 2)
    again = service.run(path, "members", skip_invalid=True)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    groups = {g.name: g for g in GroupService(db).groups(MONDAY)}
    assert groups["福利1群"].current_members == 2 and groups["福利2群"].current_members == 0
    leaving = xlsx(tmp_path / "left.xlsx", [["群名称", "手机号", "退群时间"], ["福利1群", "13900000001", "2026-11-20"]])
    assert service.run(leaving, "members").updated == 1
    assert GroupService(db).group(groups["福利1群"].id).current_members == 1


def test_export_groups_for_a_week(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv

    from app.services.group_export import export_groups

    service = GroupService(db)
    active = service.save({"name": "活跃群", "kind_goal": "content"})
    service.save({"name": "空群"})
    service.save_day(MONDAY, {active: {"members": 100, "speakers": 30, "visitors": 50, "buyers": 10, "gmv_cents": 12345}})
    out = tmp_path / "groups.csv"
    assert export_groups(db, out, MONDAY) == 2
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["name", "kind", "members", "activity_rate", "conversion_rate", "gmv", "grade"]
    by_name = {r["name"]: r for r in rows}
    assert by_name["活跃群"]["grade"] == "S" and by_name["活跃群"]["gmv"] == "123.45"
    assert by_name["活跃群"]["activity_rate"] == "0.3" and by_name["活跃群"]["conversion_rate"] == "0.2"
    assert by_name["空群"]["grade"] == "no data" and by_name["空群"]["activity_rate"] == ""


def test_a_group_stats_file_without_some_figures_leaves_them_alone(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = ImportService(db)
    full = xlsx(tmp_path / "full.xlsx", [["群名称", "日期", "群成员数", "发言人数", "消息数", "访客数", "支付人数", "支付金额"],
                                         ["福利1群", "2026-11-16", 200, 60, 300, 50, 10, 1000]])  # fmt: skip
    service.run(full, "group_stats")
    # a WeCom group statistics export: members, speakers and messages only; a "-" says nothing either
    wecom = xlsx(tmp_path / "wecom.xlsx", [["客户群名称", "日期", "群成员总数", "发言成员数", "群聊消息数", "访客数"],
                                           ["福利1群", "2026-11-16", 201, 61, 310, "-"]])  # fmt: skip
    summary = service.run(wecom, "group_stats")
    assert (summary.updated, summary.invalid) == (1, 0)
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT members, speakers, messages, visitors, buyers, gmv_cents FROM group_daily_stat")).one()
    assert tuple(row) == (201, 61, 310, 50, 10, 100000)
    assert service.run(wecom, "group_stats").unchanged == 1


def test_a_group_name_merged_down_its_rows_names_each(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    for row in (["社群日报"], ["群名称", "日期", "群成员数"], ["福利1群", "2026-11-16", 200], [None, "2026-11-17", 201],
                [None, "2026-11-18", 202], ["福利2群", "2026-11-16", 50], [None, "2026-11-17", 51]):  # fmt: skip
        sheet.append(row)
    sheet.merge_cells("A1:C1")
    sheet.merge_cells("A3:A5")
    sheet.merge_cells("A6:A7")
    book.save(tmp_path / "hand.xlsx")
    summary = ImportService(db).run(tmp_path / "hand.xlsx", "group_stats")
    assert (summary.inserted, summary.invalid, summary.created_groups) == (5, 0, 2)


def test_member_stays_a_rejoin_and_a_leaving_list(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = ImportService(db)
    rejoin = xlsx(tmp_path / "rejoin.xlsx", [["群名称", "手机号", "入群时间", "退出时间"],
                                             ["福利1群", "13800000001", "2026-10-01", "2026-10-10"],
                                             ["福利1群", "13800000001", "2026-10-20", None]])  # fmt: skip
    assert service.run(rejoin, "members").inserted == 2  # two stays, not one row folded into the other
    leaving = xlsx(tmp_path / "left.xlsx", [["群名称", "手机号", "退出时间"], ["福利2群", "13800000002", "2026-11-10"]])
    assert service.run(leaving, "members").inserted == 1
    with db.engine.connect() as conn:
        stays = conn.execute(text("SELECT g.name, m.joined_on, m.left_on FROM group_membership m "
                                  "JOIN community_group g ON g.id = m.group_id ORDER BY g.name, m.joined_on")).all()  # fmt: skip
    assert [(g, str(j), None if lft is None else str(lft)) for g, j, lft in stays] == [
        ("福利1群", "2026-10-01", "2026-10-10"), ("福利1群", "2026-10-20", None),
        ("福利2群", "2026-11-10", "2026-11-10")]  # fmt: skip
    assert (service.run(rejoin, "members").unchanged, service.run(leaving, "members").unchanged) == (2, 1)


def test_a_wecom_group_export_leaves_out_the_shops_own_staff(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "wecom.xlsx", [["客户群名称", "成员昵称", "成员类型", "手机号", "入群时间"],
                                          ["福利1群", "小陈（店长）", "企业成员", None, "2026-10-01"],
                                          ["福利1群", "王姐", "外部联系人", "13800000001", "2026-10-02"]])  # fmt: skip
    summary = ImportService(db).run(path, "members")
    assert (summary.inserted, summary.invalid, summary.staff_rows) == (1, 0, 1)
