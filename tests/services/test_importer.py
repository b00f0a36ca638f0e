"""Importing the files shop systems really write: each case builds its own file."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from app.services.import_fields import CUSTOM, IGNORE
from app.services.importer import ImportError_, ImportService
from app.services.tabular import FileReadError


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    text_ = "\r\n".join(",".join("" if c is None else str(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text_.encode(encoding))
    return path


def q(db, sql: str, **params):  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).all()


CUSTOMERS = [
    ["小麦烘焙会员导出 2026-11-20"],  # a title row above the header
    [],
    ["客户姓名", "手机号码", "会员卡号", "性别", "生日", "标签", "会员等级", "备注"],
    ["张晓燕", 13800138000, "M001", "女", dt.datetime(1990, 5, 6), "爱吃甜、宝妈", "金卡", "张姐"],
    ["周敏", "+86 139-0000-0001", None, "男", "1988/1/5", "上班族,价格敏感", "银卡", None],
    ["李雷", "186 0000 0002", "M003", "未知", "1979年12月31日", "爱吃甜；团长", None, None],
    ["张晓燕", "13800138000", "M001", "女", "1990-05-06", "宝妈", "金卡", "张姐"],  # the same person again
]


def test_customers_from_a_real_looking_xlsx(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "会员.xlsx", CUSTOMERS)
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.updated, summary.unchanged, summary.invalid) == (3, 0, 0, 0)
    assert summary.merged == 1
    rows = [
        (*r[:4], str(r[4]), r[5])
        for r in q(
            db, "SELECT name, phone, member_code, gender, birthday, remark_name FROM customer ORDER BY phone"
        )
    ]
    assert rows == [
        ("张晓燕", "13800138000", "M001", "female", "1990-05-06", "张姐"),
        ("周敏", "13900000001", None, "male", "1988-01-05", None),
        ("李雷", "18600000002", "M003", "unknown", "1979-12-31", None),
    ]
    tags = q(db, "SELECT c.name, t.name FROM customer_tag ct JOIN customer c ON c.id = ct.customer_id "
                 "JOIN tag t ON t.id = ct.tag_id ORDER BY c.id, t.name")  # fmt: skip
    assert ("张晓燕", "宝妈") in tags and ("张晓燕", "爱吃甜") in tags and ("周敏", "价格敏感") in tags
    assert ("李雷", "团长") in tags
    # a column that matches no field is kept as a custom field, not dropped
    assert q(db, "SELECT c.name, f.name, f.value FROM customer_field f JOIN customer c ON c.id = f.customer_id "
                 "ORDER BY c.id") == [("张晓燕", "会员等级", "金卡"), ("周敏", "会员等级", "银卡")]  # fmt: skip
    # pinyin search keys are filled
    assert q(db, "SELECT search_key FROM customer WHERE name = '张晓燕'") == [
        ("zhangxiaoyan zxy zhangjie zj",)
    ]
    again = ImportService(db).run(path, "customers")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_chinese_encoding(db, tmp_path: Path, encoding: str) -> None:  # type: ignore[no-untyped-def]
    rows = [["姓名", "手机", "城市"], ["王芳", "13700000000", "杭州"], ["𠀀先生" if encoding == "gb18030" else "赵强",
                                                                 "13700000001", "绍兴"]]  # fmt: skip
    path = csv_file(tmp_path / "c.csv", rows, encoding)
    summary = ImportService(db).run(path, "customers")
    assert summary.inserted == 2 and summary.invalid == 0
    assert {r[0] for r in q(db, "SELECT city FROM customer")} == {"杭州", "绍兴"}


def test_invalid_rows_are_reported_and_nothing_is_imported(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    path = xlsx(tmp_path / "bad.xlsx", [
        ["姓名", "手机号", "生日", "关系等级"],
        ["好人", "13800000000", "1990-01-01", "会员"],
        ["坏电话", "12345", None, None],
        ["坏日期", "13800000001", "1990-13-45", None],
        ["未来生日", "13800000002", future, None],
        [None, None, "1990-01-01", None],
        ["坏等级", "13800000003", None, "大客户"],
        ["合计", "6 人", None, "5 个"],  # said once: not also a bad phone and a bad level
    ])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert [(i.column, i.reason) for i in summary.issues if i.row == 8] == [("姓名", "a totals row, not a record")]
    assert summary.invalid == 6 and not summary.imported and summary.inserted == 0
    assert q(db, "SELECT count(*) FROM customer") == [(0,)]
    found = {(i.row, i.column, i.reason) for i in summary.issues}
    assert (3, "手机号", "not an 11-digit mobile number") in found
    assert (4, "生日", "not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)") in found
    assert (5, "生日", "a birthday in the future") in found
    assert (6, "姓名", "the name or phone is missing") in found
    assert (7, "关系等级", "not a relationship level (粉丝, 客户, 会员 or KOC)") in found
    assert (8, "姓名", "a totals row, not a record") in found
    report = summary.error_report
    assert report is not None and report.exists() and report.parent == tmp_path
    book = load_workbook(report)
    problems = list(book.worksheets[0].iter_rows(values_only=True))
    assert problems[0] == ("Row", "Column", "Value", "Reason") and len(problems) == 7
    assert [r[0] for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)] == [3, 4, 5, 6, 7, 8]
    # with skip_invalid the good row goes in
    summary = ImportService(db).run(path, "customers", skip_invalid=True)
    assert summary.imported and summary.inserted == 1 and summary.invalid == 6


def test_dry_run_changes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["甲", "13800000000"]])
    summary = ImportService(db).run(path, "customers", dry_run=True)
    assert summary.inserted == 1 and not summary.imported
    assert q(db, "SELECT count(*) FROM customer") == [(0,)]


def test_modes_add_update_upsert(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = ImportService(db)
    service.run(xlsx(tmp_path / "a.xlsx", [["姓名", "手机号"], ["甲", "13800000000"]]), "customers")
    changed = xlsx(tmp_path / "b.xlsx", [["姓名", "手机号", "城市"], ["甲", "13800000000", "杭州"],
                                          ["乙", "13800000001", "宁波"]])  # fmt: skip
    added = service.run(changed, "customers", mode="add")
    assert (added.inserted, added.updated, added.unchanged) == (1, 0, 1)
    assert q(db, "SELECT city FROM customer WHERE name = '甲'") == [(None,)]
    new = xlsx(
        tmp_path / "c.xlsx",
        [["姓名", "手机号", "城市"], ["甲", "13800000000", "杭州"], ["丙", "13800000002", "x"]],
    )
    updated = service.run(new, "customers", mode="update")
    assert updated.invalid == 1 and not updated.imported  # 丙 is not a customer yet
    updated = service.run(new, "customers", mode="update", skip_invalid=True)
    assert (updated.inserted, updated.updated) == (0, 1)
    assert q(db, "SELECT city FROM customer WHERE name = '甲'") == [("杭州",)]


def test_exclusive_tag_group_replaces_the_previous_tag(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    phone = q(demo_db, "SELECT phone FROM customer WHERE phone IS NOT NULL AND gender = 'female' LIMIT 1")[0][
        0
    ]
    path = xlsx(tmp_path / "t.xlsx", [["手机号", "标签"], [phone, "男、新标签"]])
    ImportService(demo_db).run(path, "customers")
    tags = {r[0] for r in q(demo_db, "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                                     "JOIN customer c ON c.id = ct.customer_id WHERE c.phone = :p", p=phone)}  # fmt: skip
    assert "男" in tags and "女" not in tags and "新标签" in tags


def test_files_that_cannot_be_imported(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = ImportService(db)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileReadError, match="is empty"):
        service.run(empty, "customers")
    wrong = csv_file(tmp_path / "wrong.csv", [["商品", "库存"], ["吐司", "3"]])
    with pytest.raises(ImportError_, match="no header row"):
        service.run(wrong, "customers")
    with pytest.raises(FileReadError, match="only .xlsx"):
        service.run(tmp_path / "x.pdf", "customers") if (tmp_path / "x.pdf").write_bytes(b"%PDF") else None
    header_only = csv_file(tmp_path / "h.csv", [["姓名", "手机号"]])  # a template sent back unfilled
    with pytest.raises(ImportError_, match="no data under them"):
        service.run(header_only, "customers")
    with pytest.raises(FileReadError, match="no sheet named"):
        service.run(xlsx(tmp_path / "s.xlsx", [["姓名"]]), "customers", sheet="不存在")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(FileReadError):
        service.run(binary, "customers")
    blank_sheet = tmp_path / "blank.xlsx"
    Workbook().save(blank_sheet)
    with pytest.raises(ImportError_, match="is empty: it has no rows with data"):
        service.run(blank_sheet, "customers")


ORDERS = [
    ["订单编号", "支付时间", "实付金额", "手机号", "会员编号", "客户姓名", "下单渠道"],
    ["A001", "2026-01-05 10:00:00", "¥1,234.50", "13800138000", None, "张晓燕", "门店"],
    ["A002", "2026/1/6 11:30", "12元", None, "M009", "新会员", "小程序"],
    ["A003", dt.datetime(2026, 1, 7, 9, 15), -20, "13800138000", None, "张晓燕", "门店"],
    [None, "2026年1月8日", 30, "13900000009", None, "路人", "门店"],
    [None, "2026年1月8日", 30, "13900000009", None, "路人", "门店"],  # bought twice, no order number
    ["合计", None, 1276.5, None, None, None, None],
]


def test_orders_find_or_create_customers_and_reimport_adds_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO customer (name, phone, search_key) VALUES ('张晓燕', '13800138000', 'zxy')")
        )
    path = xlsx(tmp_path / "orders.xlsx", ORDERS)
    service = ImportService(db)
    bad = service.run(path, "orders")
    assert bad.invalid == 1 and not bad.imported  # the totals row
    summary = service.run(path, "orders", skip_invalid=True, order_source="pos")
    assert (summary.inserted, summary.created_customers) == (5, 2)
    rows = q(db, "SELECT c.name, o.amount_cents, o.external_no FROM orders o JOIN customer c ON c.id = o.customer_id "
                 "ORDER BY o.ordered_at, o.id")  # fmt: skip
    assert [(r[0], r[1]) for r in rows] == [("张晓燕", 123450), ("新会员", 1200), ("张晓燕", -2000), ("路人", 3000),
                                            ("路人", 3000)]  # fmt: skip
    assert rows[3][2] != rows[4][2] and rows[3][2].startswith("auto:")
    assert q(db, "SELECT order_count, total_spent_cents FROM customer WHERE name = '张晓燕'") == [(1, 121450)]
    from app.services.customer_stats import refresh_customer_stats

    with db.engine.begin() as conn:  # the first import's in-memory totals agree with the SQL definition
        assert refresh_customer_stats(conn) == 0
    again = service.run(path, "orders", skip_invalid=True, order_source="pos")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)
    # a changed amount updates the order, and the customer's totals follow
    orders_changed = [r[:] for r in ORDERS[:2]]
    orders_changed[1][2] = "100"
    changed = service.run(xlsx(tmp_path / "o2.xlsx", orders_changed), "orders", order_source="pos")
    assert (changed.inserted, changed.updated) == (0, 1)
    assert q(db, "SELECT total_spent_cents FROM customer WHERE name = '张晓燕'") == [(8000,)]
    # an order that moves to another customer, beside a new one: both customers' figures follow
    moved = [ORDERS[0], ["A003", dt.datetime(2026, 1, 7, 9, 15), -20, "13900000009", None, "路人", "门店"],
             ["A004", "2026-01-09 08:00:00", 15, None, "M009", "新会员", "门店"]]  # fmt: skip
    result = service.run(xlsx(tmp_path / "o3.xlsx", moved), "orders", order_source="pos")
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 0)
    assert q(db, "SELECT name, order_count, total_spent_cents FROM customer ORDER BY id") == [
        ("张晓燕", 1, 10000), ("新会员", 2, 2700), ("路人", 2, 4000)]  # a refund is not an order
    with db.engine.begin() as conn:
        assert refresh_customer_stats(conn) == 0


def test_orders_with_text_in_the_amount_column(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "o.csv", [["订单号", "下单时间", "金额", "手机"], ["B1", "2026-01-05", "免费", "13800000000"],
                                         ["B2", "昨天", "10", "13800000000"], ["B3", "2026-01-05", "10", ""]])  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    found = {(i.row, i.column, i.reason) for i in summary.issues}
    assert found == {(2, "金额", "not an amount of money"),
                     (3, "下单时间", "not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)"),
                     (4, "手机", "neither a phone number nor a member code")}  # fmt: skip
    assert q(db, "SELECT count(*) FROM orders") == [(0,)]


def test_an_order_file_without_the_needed_columns(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "o.csv", [["订单号", "手机号"], ["C1", "13800000000"]])
    with pytest.raises(ImportError_, match="needs these columns"):
        ImportService(db).run(path, "orders")


def test_mapping_is_remembered_per_layout(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["名字", "手机号"], ["甲", "13800000000"]])
    service = ImportService(db)
    preview = service.preview(path, "customers")
    assert preview.mapping == ["__custom__", "phone"] and not preview.remembered
    service.run(preview, mapping=["name", "phone"])
    again = service.preview(
        xlsx(tmp_path / "d.xlsx", [["名字", "手机号"], ["乙", "13800000001"]]), "customers"
    )
    assert again.remembered and again.mapping == ["name", "phone"]


def test_ragged_and_broken_csv(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = ImportService(db)
    # short rows are padded; a cell beyond the header on a later row is reported, not dropped
    lines = ["姓名,手机号,城市", "甲,13800000000", *[f"人{i},1380000{i:04d},杭州" for i in range(1, 300)],
             "乙,13900000000,宁波,多出来的"]  # fmt: skip
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = service.run(path, "customers")
    assert summary.invalid == 1 and not summary.imported
    issue = summary.issues[0]
    assert (issue.row, issue.column, issue.value) == (302, "列4", "多出来的")
    summary = service.run(path, "customers", skip_invalid=True)
    assert summary.inserted == 300
    # a column with data but no header, near the top: kept as a custom field under a made-up name
    near = tmp_path / "near.csv"
    near.write_text("姓名,手机号\n丙,13700000000,VIP\n", encoding="utf-8")
    preview = service.preview(near, "customers")
    assert preview.headers == ["姓名", "手机号", "列3"] and preview.mapping[2] == "__custom__"
    service.run(preview)
    assert q(db, "SELECT f.value FROM customer_field f JOIN customer c ON c.id = f.customer_id "
                 "WHERE c.name = '丙' AND f.name = '列3'") == [("VIP",)]  # fmt: skip
    broken = tmp_path / "broken.csv"
    broken.write_text('姓名,手机号\n"丁,13600000000\n', encoding="utf-8")
    with pytest.raises(FileReadError, match="cannot be read as CSV"):
        service.run(broken, "customers")


def test_gbk_file_with_money_and_symbols(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text_ = (
        '客户名单（GBK）\n姓名,手机,生日,消费金额,标签\n张三,138 0013 8000,1990/5/6,"￥1,234.50",老客、团长\n'
    )
    path = tmp_path / "gbk.csv"
    path.write_bytes(text_.encode("gbk"))
    summary = ImportService(db).run(path, "customers")
    assert summary.inserted == 1
    assert q(db, "SELECT f.value FROM customer_field f WHERE f.name = '消费金额'") == [("￥1,234.50",)]


def test_empty_and_blank_rows_are_not_data(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "gaps.xlsx", [["姓名", "手机号"], ["甲", "13800000000"], [None, None], ["  ", " "],
                                         ["乙", "13800000001"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (2, 0)


def test_repeated_rows_fold_later_values_win_and_tags_join(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["姓名", "手机号", "城市", "标签", "生日", "口味"],
        ["王芳", "13700000000", "杭州", "宝妈", None, "甜"],
        ["赵强", "13700000001", None, None, "1990-01-01", None],
        ["王芳", "13700000000", None, "团长、宝妈", "1991-02-03", None],  # empty city keeps 杭州
        ["错行", "123", "上海", None, None, None],  # invalid: skipped with --skip-invalid
        ["王芳2", "13700000000", "宁波", None, None, "咸"],  # later name and city win
    ]
    summary = ImportService(db).run(xlsx(tmp_path / "f.xlsx", rows), "customers", skip_invalid=True)
    assert (summary.inserted, summary.merged, summary.invalid) == (2, 2, 1)
    assert q(db, "SELECT name, city, CAST(birthday AS TEXT) FROM customer ORDER BY phone") == [
        ("王芳2", "宁波", "1991-02-03"),
        ("赵强", None, "1990-01-01"),
    ]
    assert q(db, "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id ORDER BY t.name") == [
        ("团长",),
        ("宝妈",),
    ]
    assert q(db, "SELECT value FROM customer_field") == [("咸",)]


def test_one_file_gives_one_tag_of_an_exclusive_group(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.tags import TagService

    tags = TagService(db)
    group = tags.create_group("性别", exclusive=True)
    tags.create_tag(group, "男")
    tags.create_tag(group, "女")
    rows = [["姓名", "手机号", "标签"], ["甲", "13700000000", "男、女"], ["乙", "13700000001", "女"],
            ["甲", "13700000000", "男"]]  # fmt: skip
    ImportService(db).run(xlsx(tmp_path / "x.xlsx", rows), "customers")
    assert q(db, "SELECT c.name, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                 "JOIN customer c ON c.id = ct.customer_id ORDER BY c.name") == [("乙", "女"), ("甲", "男")]  # fmt: skip


def test_plain_text_fast_path_says_what_as_text_says() -> None:
    import pandas as pd

    from app.services import normalise as nz

    clean = pd.Series(["A001", "", "张晓燕", "x y"], dtype=object)
    fast = nz.plain_text(clean)
    assert fast is not None
    assert fast.isna().tolist() == nz.as_text(clean).isna().tolist()
    assert fast.dropna().tolist() == nz.as_text(clean).dropna().tolist() == ["A001", "张晓燕", "x y"]
    for needs_work in (["A001 ", "B"], [" A001", "B"], ["'=1+1", "B"], ["A\u3000", "B"], ["A", None], [1.0, "B"]):
        assert nz.plain_text(pd.Series(needs_work, dtype=object)) is None
    assert nz.plain_text(pd.Series(["x" * 129], dtype=object), max_length=128) is None


# -- order lines: files with one row per item ---------------------------------------------------------------

ORDER_LINES = [  # a public retail data set's layout: English CamelCase headers, US dates, no amount column
    ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"],
    ["536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, "12/1/2010 8:26", 2.55, 17850, "United Kingdom"],
    ["536365", "71053", "WHITE METAL LANTERN", 6, "12/1/2010 8:26", 3.39, 17850, "United Kingdom"],
    ["536365", "84406B", "CREAM CUPID HEARTS COAT HANGER", 8, "12/1/2010 8:26", 2.75, 17850, "United Kingdom"],
    ["536365", "84406B", "CREAM CUPID HEARTS COAT HANGER", 8, "12/1/2010 8:26", 2.75, 17850, "United Kingdom"],
    ["536366", "22633", "HAND WARMER UNION JACK", 6, "12/1/2010 8:28", 1.85, 17850, "United Kingdom"],
    ["536367", "84879", "ASSORTED COLOUR BIRD ORNAMENT", 32, "1/13/2011 2:05 PM", 1.69, 13047, "United Kingdom"],
    ["536367", "22745", "POPPY'S PLAYHOUSE BEDROOM", 6, "1/13/2011 2:05 PM", 2.1, 13047, "United Kingdom"],
    ["536367", "22748", "POPPY'S PLAYHOUSE KITCHEN", 6, "1/13/2011 2:05 PM", 2.1, 13047, "United Kingdom"],
    ["C536379", "D", "Discount", -1, "12/1/2010 9:41", 27.5, 14527, "United Kingdom"],
    ["536414", "22139", "", 56, "12/1/2010 11:52", 0, "", "United Kingdom"],  # no customer
]


def test_order_lines_with_quantity_and_unit_price_make_one_order_each(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "retail.csv", ORDER_LINES)
    service = ImportService(db)
    preview = service.preview(path, "orders")
    assert preview.mapping[:7] == ["external_no", "__ignore__", "__ignore__", "quantity", "ordered_at", "unit_price",
                                   "member_code"]  # fmt: skip
    refused = service.run(path, "orders")
    assert not refused.imported and [(i.row, i.column, i.reason) for i in refused.issues] == [
        (11, "CustomerID", "neither a phone number nor a member code")]  # the file's column, not the field's name
    summary = service.run(path, "orders", skip_invalid=True)
    # the exact repeat of line 4 counts once; the other lines add into their order
    assert (summary.inserted, summary.merged, summary.order_lines, summary.created_customers) == (4, 1, 4, 3)
    rows = q(db, "SELECT o.external_no, o.ordered_at, o.amount_cents, c.member_code FROM orders o "
                 "JOIN customer c ON c.id = o.customer_id ORDER BY o.external_no")  # fmt: skip
    assert [(r[0], str(r[1])[:19], r[2], r[3]) for r in rows] == [
        ("536365", "2010-12-01 08:26:00", 5764, "17850"),  # 6 × 2.55 + 6 × 3.39 + 8 × 2.75
        ("536366", "2010-12-01 08:28:00", 1110, "17850"),
        ("536367", "2011-01-13 14:05:00", 7928, "13047"),  # 32 × 1.69 + 6 × 2.10 + 6 × 2.10: equal lines add up
        ("C536379", "2010-12-01 09:41:00", -2750, "14527"),  # a cancellation: a refund
    ]
    again = service.run(path, "orders", skip_invalid=True)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)


def test_transactions_without_order_numbers_and_english_month_dates(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a public retail case study's layout: snake_case headers, 11-Feb-13 dates, no order number; the same
    # customer paying the same amount twice on one day is two transactions
    path = csv_file(tmp_path / "Retail_Data_Transactions.csv", [
        ["customer_id", "trans_date", "tran_amount"],
        ["CS5295", "11-Feb-13", 35], ["CS4768", "15-Mar-15", 39], ["CS5295", "11-Feb-13", 35],
        ["CS2122", "26-Feb-13", "52"],
    ])  # fmt: skip
    service = ImportService(db)
    summary = service.run(path, "orders")
    assert (summary.inserted, summary.created_customers, summary.invalid) == (4, 3, 0)
    rows = q(db, "SELECT c.member_code, COUNT(*), SUM(o.amount_cents), MIN(o.ordered_at) FROM orders o "
                 "JOIN customer c ON c.id = o.customer_id GROUP BY c.member_code ORDER BY c.member_code")
    assert [(r[0], r[1], r[2], str(r[3])[:19]) for r in rows] == [
        ("CS2122", 1, 5200, "2013-02-26 00:00:00"), ("CS4768", 1, 3900, "2015-03-15 00:00:00"),
        ("CS5295", 2, 7000, "2013-02-11 00:00:00")]  # fmt: skip
    again = service.run(path, "orders")
    assert (again.inserted, again.unchanged) == (0, 4)


def test_codes_written_out_as_decimals_find_their_customers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the same member codes as number cells in a workbook, then as "17850.0" text in a CSV that went
    # through pandas (a float column with gaps), with phones written the same way
    ImportService(db).run(xlsx(tmp_path / "members.xlsx", [["会员卡号", "姓名"], [17850, "甲"], [13047, "乙"]]),
                          "customers")  # fmt: skip
    path = csv_file(tmp_path / "orders.csv", [
        ["CustomerID", "InvoiceNo", "InvoiceDate", "Total", "Phone"],
        ["17850.0", "536365.0", "2010-12-01 08:26:00", "15.3", ""],
        ["13047.0", "536366", "2010-12-01 08:28:00", "11.1", ""],
        ["", "536367.0", "2010-12-01 08:30:00", "9.9", "13800138000.0"],
    ])  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert (summary.inserted, summary.created_customers, summary.invalid) == (3, 1, 0)
    assert q(db, "SELECT c.member_code, c.phone, o.external_no FROM orders o JOIN customer c ON c.id = o.customer_id "
                 "ORDER BY o.external_no") == [("17850", None, "536365"), ("13047", None, "536366"),
                                               (None, "13800138000", "536367")]  # fmt: skip


def test_notes_under_the_table_are_not_customers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "会员列表.xlsx", [
        ["会员列表"], ["姓名", "手机号", "城市"],
        ["张三", "13800000001", "杭州"], ["共享单车店", None, None],  # a customer with only a name is one
        ["Printed Matter Studio", None, None],
        ["李四", "13800000002", "上海"], [None], ["共 3 条记录"], ["导出时间：2026-11-28 10:00:00"],
        ["制表人：王店长"], ["Exported by Youzan"],
    ])  # fmt: skip
    refused = ImportService(db).run(path, "customers")
    assert not refused.imported
    assert [(i.row, i.column, i.reason) for i in refused.issues] == [
        (row, "姓名", "a note under the table, not a record") for row in (8, 9, 10, 11)]
    summary = ImportService(db).run(path, "customers", skip_invalid=True)
    assert summary.inserted == 4
    assert sorted(r[0] for r in q(db, "SELECT name FROM customer")) == ["Printed Matter Studio", "共享单车店", "张三", "李四"]


def test_customers_added_one_at_a_time_after_an_import_get_ids_of_their_own(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # PostgreSQL: the bulk load gives its rows their ids; the id sequence must continue after them, or the
    # next customer typed in (or created by a group-member import) collides with one of them
    from app.services.bulk import allocate_ids

    service = ImportService(db)
    first = csv_file(tmp_path / "c.csv", [["姓名", "手机号"], ["甲", "13800000001"], ["乙", "13800000002"]])
    assert service.run(first, "customers", dry_run=True).inserted == 2  # the wizard's check: takes no ids
    service.run(first, "customers")
    assert q(db, "SELECT id FROM customer ORDER BY id") == [(1,), (2,)]  # a new shop's first, as on SQLite
    service.run(csv_file(tmp_path / "o.csv", [["订单号", "下单时间", "金额", "手机号"],
                                              ["N1", "2026-01-05 10:00:00", "10", "13800000003"]]), "orders")  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name) VALUES ('手工录入')"))
        if db.location.is_sqlite:
            return
        # a sequence an earlier version left behind its table is moved up before ids are handed out
        conn.execute(text("SELECT setval(pg_get_serial_sequence('customer', 'id'), 1)"))
        top = conn.execute(text("SELECT max(id) FROM customer")).scalar()
        assert allocate_ids(conn, "customer", 2) == [top + 1, top + 2]
        conn.execute(text("INSERT INTO customer (name) VALUES ('再录入')"))
    assert q(db, "SELECT count(*) FROM customer") == [(5,)]


def test_another_shops_export_does_not_overwrite_this_shops_customers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Siyu's customer numbers in an export are another shop's when the rows disagree with the customers
    of that number here in two of phone, member code and name: they are matched as any file's rows."""
    service = ImportService(db)
    service.run(csv_file(tmp_path / "ours.csv", [["姓名", "手机号"], ["本店甲", "13800000001"], ["本店乙", "13800000002"]]),
                "customers")  # fmt: skip
    theirs = csv_file(tmp_path / "theirs.csv", [
        ["私域助手编号", "姓名", "手机号"], [1, "别店丙", "13900000001"], [2, "别店丁", "13900000002"]])  # fmt: skip
    summary = service.run(theirs, "customers")
    assert (summary.inserted, summary.updated) == (2, 0)
    assert q(db, "SELECT id, name, phone FROM customer ORDER BY id") == [
        (1, "本店甲", "13800000001"), (2, "本店乙", "13800000002"), (3, "别店丙", "13900000001"),
        (4, "别店丁", "13900000002")]  # fmt: skip
    # this shop's own export with a phone corrected: still that customer
    fixed = csv_file(tmp_path / "fixed.csv", [["私域助手编号", "姓名", "手机号"], [1, "本店甲", "13800000009"]])
    assert (service.run(fixed, "customers").updated, q(db, "SELECT phone FROM customer WHERE id = 1")) == (
        1, [("13800000009",)])  # fmt: skip
    # a row of another shop that has only a name and a WeChat id to compare: one difference, no agreement
    wechat_only = csv_file(tmp_path / "wx.csv", [["私域助手编号", "姓名", "微信号"], [2, "别店戊", "wx_wu"]])
    assert service.run(wechat_only, "customers").inserted == 1
    assert q(db, "SELECT name FROM customer WHERE id = 2") == [("本店乙",)]
    # orders: another shop's customer number with that shop's phone and name finds the customer by phone
    orders = csv_file(tmp_path / "orders.csv", [
        ["订单号", "下单时间", "实付金额", "手机号", "客户姓名", "私域助手客户编号"],
        ["X1", "2026-01-05 10:00:00", "10", "13900000002", "别店丁", 2]])  # fmt: skip
    assert service.run(orders, "orders").inserted == 1
    assert q(db, "SELECT customer_id FROM orders WHERE external_no = 'X1'") == [(4,)]
    # ... and one with nothing else to go by is reported, not given to customer 2 or to a made-up customer
    stray = csv_file(tmp_path / "stray.csv", [["订单号", "下单时间", "实付金额", "客户姓名", "私域助手客户编号"],
                                              ["X2", "2026-01-06 10:00:00", "10", "别店己", 2],
                                              ["X3", "2026-01-06 11:00:00", "10", "别店庚", 99]])  # fmt: skip
    refused = service.run(stray, "orders")
    assert [(i.row, i.column, i.reason) for i in refused.issues] == [
        (row, "私域助手客户编号", "this shop has no such customer, and the row has no phone number or member code")
        for row in (2, 3)]  # fmt: skip


def test_item_rows_repeating_the_order_total_count_it_once(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    totals = xlsx(tmp_path / "items.xlsx", [
        ["订单号", "商品名称", "下单时间", "实付金额", "退款金额", "手机号"],
        ["Y1", "吐司", "2026-03-01 10:00:00", 58, 8, "13800138000"],  # the order's figures on each item row
        ["Y1", "可颂", "2026-03-01 10:00:00", 58, 8, "13800138000"],
        ["Y2", "吐司", "2026-03-02 09:00:00", 30, None, "13800138000"],
        ["Y2", "贝果", "2026-03-02 09:00:00", 30, None, "13800138000"],
    ])  # fmt: skip
    summary = ImportService(db).run(totals, "orders")
    assert (summary.inserted, summary.order_lines) == (2, 2)
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY external_no") == [("Y1", 5000), ("Y2", 3000)]


def test_item_rows_with_their_own_amounts_add_up(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = xlsx(tmp_path / "lines.xlsx", [
        ["订单号", "商品名称", "下单时间", "实付金额", "退款金额", "手机号"],
        ["B1", "面包", "2026-03-01 10:00:00", 10, None, "13800138000"],  # two items at one price: both count
        ["B1", "牛奶", "2026-03-01 10:00:00", 10, None, "13800138000"],
        ["B2", "吐司", "2026-03-02 09:00:00", 12, None, "13800138000"],  # amounts that differ: item amounts
        ["B2", "贝果", "2026-03-02 09:00:00", 18.5, 5, "13800138000"],  # a refund on one item
    ])  # fmt: skip
    summary = ImportService(db).run(lines, "orders")
    assert (summary.inserted, summary.order_lines) == (2, 2)
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY external_no") == [("B1", 2000), ("B2", 2550)]
    assert q(db, "SELECT order_count, total_spent_cents FROM customer") == [(2, 4550)]


def test_item_amounts_add_up_when_the_header_says_they_are_each_items(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # every order's items happen to cost the same: only the header (商品实付金额, Sales) tells line amounts
    for n, header in enumerate(("商品实付金额", "小计", "Sales")):
        path = xlsx(tmp_path / f"{n}.xlsx", [
            ["订单号", "商品名称", "下单时间", header, "手机号"],
            [f"L{n}-1", "面包", "2026-03-01 10:00:00", 10, "13800138000"],
            [f"L{n}-1", "牛奶", "2026-03-01 10:00:00", 10, "13800138000"],
            [f"L{n}-2", "吐司", "2026-03-02 09:00:00", 12, "13800138000"],
        ])  # fmt: skip
        assert ImportService(db).run(path, "orders").inserted == 2
        assert q(db, "SELECT amount_cents FROM orders WHERE external_no = :n", n=f"L{n}-1") == [(2000,)], header


def test_one_order_number_for_two_customers_is_reported(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "o.csv", [
        ["订单号", "下单时间", "实付金额", "手机号"],
        ["Z1", "2026-03-01", "10", "13800138000"],
        ["Z1", "2026-03-01", "12", "13900139000"],
    ])  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert not summary.imported
    assert [(i.row, i.column, i.value, i.text()) for i in summary.issues] == [
        (3, "订单号", "Z1", "this order number belongs to another customer in row 2")]  # fmt: skip


def test_dates_with_the_year_last_read_day_first_when_the_column_says_so(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "o.csv", [
        ["Order number", "Order date", "Amount", "Phone"],
        ["E1", "31/1/2026", "10", "13800138000"],  # a day above 12: the column is day first
        ["E2", "2/3/2026 18:30", "10", "13800138000"],
    ])  # fmt: skip
    ImportService(db).run(path, "orders")
    assert [(r[0], str(r[1])[:16]) for r in q(db, "SELECT external_no, ordered_at FROM orders ORDER BY external_no")] == [
        ("E1", "2026-01-31 00:00"), ("E2", "2026-03-02 18:30")]  # fmt: skip


def test_a_shop_platform_order_export_with_states_and_refunds(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "有赞订单.xlsx", [
        ["订单导出 2026-03-01 至 2026-03-31"],
        ["订单号", "订单状态", "下单时间", "买家手机号", "收货人姓名", "订单实付金额", "退款金额", "运费"],
        ["E20260301001", "交易成功", "2026-03-01 10:00:00", "13800138000", "张晓燕", "¥88.00", "", "0"],
        ["E20260301002", "交易关闭", "2026-03-01 11:00:00", "13800138000", "张晓燕", "¥35.00", "", "0"],
        ["E20260302003", "待付款", "2026-03-02 09:00:00", "13900139000", "周敏", "¥20.00", "", "0"],
        ["E20260303004", "部分退款", "2026-03-03 15:00:00", "13900139000", "周敏", "¥120.00", "¥20.00", "0"],
        ["E20260304005", "已退款", "2026-03-04 15:00:00", "13900139000", "周敏", "¥50.00", "¥50.00", "0"],
    ])  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert (summary.inserted, summary.closed_orders, summary.invalid) == (2, 3, 0)
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY external_no") == [
        ("E20260301001", 8800), ("E20260303004", 10000)]  # fmt: skip
    again = ImportService(db).run(path, "orders")
    assert (again.inserted, again.unchanged, again.closed_orders) == (0, 2, 3)


def test_an_order_never_paid_for_has_no_time_and_nothing_paid(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "tmall.csv", [  # a marketplace report: no status column
        ["订单编号", "总金额", "买家实际支付金额", "订单创建时间", "订单付款时间", "退款金额", "买家手机号"],
        ["1", "178.8", "0", "2020-02-21 00:00:00", "", "0", "13800138000"],
        ["2", "21", "21", "2020-02-20 23:59:54", "2020-02-21 00:00:02", "0", "13800138000"],
        ["3", "37", "0", "2020-02-20 23:59:35", "", "0", "13800138000"],
    ])  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert (summary.inserted, summary.closed_orders, summary.invalid) == (1, 2, 0)
    rows = q(db, "SELECT external_no, amount_cents, ordered_at FROM orders")
    assert [(r[0], r[1], str(r[2])[:19]) for r in rows] == [("2", 2100, "2020-02-21 00:00:02")]  # the paid time


def test_issues_name_the_files_own_column_for_every_kind(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "群成员.csv", [["群聊名称", "手机号码"], ["", "13800138000"]])
    summary = ImportService(db).run(path, "members")
    assert [(i.row, i.column, i.reason) for i in summary.issues] == [(2, "群聊名称", "the group name is missing")]


def test_a_cell_longer_than_its_column_is_reported_not_cut_short(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "long.xlsx", [
        ["姓名", "手机号", "城市", "标签", "会员编号"],
        ["张" * 129, "13800138000", "杭州", "甜" * 65 + "、宝妈", "M1"],
        ["李雷", "13900139000", "杭" * 65, "宝妈", "M" * 65],
        ["韩梅梅", "13700137000", "杭州", "宝妈", "M3"],
    ])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert not summary.imported
    assert [(i.row, i.column, i.text()) for i in summary.issues] == [
        (2, "姓名", "longer than 128 characters"), (2, "标签", "a tag longer than 64 characters"),
        (3, "会员编号", "longer than 64 characters"), (3, "城市", "longer than 64 characters")]  # fmt: skip
    summary = ImportService(db).run(path, "customers", skip_invalid=True)
    assert summary.inserted == 1 and q(db, "SELECT name FROM customer") == [("韩梅梅",)]
    orders = csv_file(tmp_path / "o.csv", [["订单号", "下单时间", "实付金额", "手机号"],
                                           ["N" * 129, "2026-03-01", "10", "13700137000"]])  # fmt: skip
    summary = ImportService(db).run(orders, "orders")
    assert [(i.row, i.column, i.text()) for i in summary.issues] == [(2, "订单号", "longer than 128 characters")]


def test_a_phone_excel_wrote_in_scientific_notation_says_how_to_fix_it(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "手机号"], ["张三", "1.38001E+10"], ["李四", "1380013800"],
                                         ["王五", "138****8000"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert [(i.row, i.column, i.value, i.reason.split(":")[0]) for i in summary.issues] == [
        (2, "手机号", "1.38001E+10", "Excel saved this phone number as 1.38E+10 and its last digits are lost"),
        (3, "手机号", "1380013800", "not an 11-digit mobile number"),
        (4, "手机号", "138****8000", "a masked phone number cannot be matched to a customer")]  # fmt: skip


def test_the_data_sheet_is_found_behind_a_notes_sheet(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.xlsx"
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本文件由收银系统导出，请勿修改表头"])
    data = book.create_sheet("会员")
    for row in (["姓名", "手机号"], ["张三", "13800138000"]):
        data.append(row)
    book.save(path)
    preview = ImportService(db).preview(path, "customers")
    assert (preview.sheet, preview.header_row, preview.data_rows) == ("会员", 1, 1)
    assert ImportService(db).run(path, "customers").inserted == 1
    with pytest.raises(ImportError_, match="no header row"):  # a sheet the owner named is read as named
        ImportService(db).run(path, "customers", sheet="说明")


def test_a_birthday_without_its_year_says_so(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "手机号", "生日"], ["张三", "13800138000", "03-15"],
                                         ["李四", "13900139000", "3月15日"], ["王五", "13700137000", "明天"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert [(i.row, i.reason) for i in summary.issues] == [
        (2, "a birthday without its year: write the year too, e.g. 1990-03-15"),
        (3, "a birthday without its year: write the year too, e.g. 1990-03-15"),
        (4, "not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)")]  # fmt: skip


def test_an_order_closed_after_it_was_imported_is_no_longer_a_sale(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["订单号", "订单状态", "下单时间", "实付金额", "手机号"]
    paid = xlsx(tmp_path / "o1.xlsx", [header, ["R1", "已完成", "2026-03-01 10:00:00", 100, "13800138000"],
                                       ["R2", "已完成", "2026-03-02 10:00:00", 50, "13800138000"]])  # fmt: skip
    ImportService(db).run(paid, "orders")
    refunded = xlsx(tmp_path / "o2.xlsx", [header, ["R1", "已退款", "2026-03-01 10:00:00", 100, "13800138000"],
                                           ["R2", "部分退款", "2026-03-02 10:00:00", 50, "13800138000"]])  # fmt: skip
    summary = ImportService(db).run(refunded, "orders")
    assert (summary.updated, summary.unchanged, summary.closed_orders) == (1, 1, 1)
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY external_no") == [("R1", 0), ("R2", 5000)]
    assert q(db, "SELECT order_count, total_spent_cents FROM customer") == [(1, 5000)]
    again = ImportService(db).run(refunded, "orders")
    assert (again.inserted, again.updated, again.closed_orders) == (0, 0, 1)


def test_order_states_partial_refunds_and_withdrawn_refund_requests_stay_sales() -> None:
    from app.services.importer import _closed_orders

    states = ["交易成功", "交易关闭", "等待买家付款", "部分退款成功", "退款关闭", "Partially refunded", "Pending payment",
              "Cancelled", "已退款", None]  # fmt: skip
    closed = _closed_orders(pd.Series(states, dtype=object)).tolist()
    assert [s for s, c in zip(states, closed, strict=True) if c] == [
        "交易关闭", "等待买家付款", "Pending payment", "Cancelled", "已退款"]  # fmt: skip


def test_one_new_member_code_on_two_new_phones_is_reported(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "o.xlsx", [["订单号", "下单时间", "手机号", "实付金额", "会员编号"],
                                      ["A", "2026-01-05 10:00", "13800138001", 10, "M2"],
                                      ["B", "2026-01-06 10:00", "13800138000", 10, "M2"]])  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert [(i.row, i.column, i.text()) for i in summary.issues] == [
        (3, "会员编号", "this member code goes with another phone number in row 2")]  # fmt: skip


def test_a_first_data_row_longer_than_the_header(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "o.csv"  # an unquoted ¥1,000 splits a cell in two: no row taken as a row label
    path.write_text("订单号,下单时间,手机号,实付金额\nA,2026-01-05,13800138001,¥1,000\n", encoding="utf-8")
    summary = ImportService(db).run(path, "orders")
    assert summary.inserted == 1 and summary.ignored_columns == ["列5"]  # named in the summary line


def test_a_long_name_and_remark_keep_their_search_key_within_its_column(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号", "备注名"], ["张晓燕" * 40, "13800138000", "老" * 120]])
    assert ImportService(db).run(path, "customers").inserted == 1
    assert q(db, "SELECT length(search_key) <= 255, substr(search_key, 1, 11) FROM customer") == [(1, "zhangxiaoya")]


def test_a_dash_for_an_empty_identifier_is_an_empty_cell(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "手机号", "会员编号", "微信号"],
                                         ["张三", "13800138000", "-", "--"], ["李四", "--", "-", "无"],
                                         ["王五", "13700137000", "M9", "wx9"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (3, 0)
    assert q(db, "SELECT name, phone, member_code, wechat_id FROM customer ORDER BY id") == [
        ("张三", "13800138000", None, None), ("李四", None, None, None), ("王五", "13700137000", "M9", "wx9")]  # fmt: skip


def test_many_orders_closed_after_their_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    n = 1500  # more than SQLite's expression depth of 1000: the lookup must not be one OR chain
    header = "订单号,订单状态,下单时间,实付金额,手机号\n"
    paid = tmp_path / "paid.csv"
    paid.write_text(header + "".join(f"N{i},已完成,2026-03-01 10:00:00,10,138{i:08d}\n" for i in range(n)), encoding="utf-8")
    refunded = tmp_path / "refunded.csv"
    refunded.write_text(header + "".join(f"N{i},已退款,2026-03-01 10:00:00,10,138{i:08d}\n" for i in range(n)),
                        encoding="utf-8")  # fmt: skip
    assert ImportService(db).run(paid, "orders").inserted == n
    summary = ImportService(db).run(refunded, "orders")
    assert (summary.updated, summary.closed_orders) == (n, n)
    assert q(db, "SELECT count(*) FROM orders WHERE amount_cents != 0") == [(0,)]


def test_cells_an_export_wrapped_to_keep_excel_from_reading_numbers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # online stores write ="13800138000" (Excel shows the text), WeChat Pay's merchant bills `4200001234
    path = tmp_path / "o.csv"
    path.write_text('订单编号,下单时间,实付金额,收货人手机号,买家昵称\r\n'
                    '="2026010512345678901",2026-01-05 10:30:00,¥12.50,="13800138000",="张三"\r\n'
                    '"=""2026010512345678902""",2026-01-05 11:00:00,8,"=""13800138000""",张三\r\n'
                    '`2026010512345678903,`2026-01-06 11:00:00,`30.00,`13900139000,李四\r\n', encoding="utf-8")  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert (summary.inserted, summary.invalid, summary.created_customers) == (3, 0, 2)
    assert q(db, "SELECT o.external_no, o.amount_cents, c.phone, c.name FROM orders o JOIN customer c "
                 "ON c.id = o.customer_id ORDER BY o.external_no") == [
        ("2026010512345678901", 1250, "13800138000", "张三"), ("2026010512345678902", 800, "13800138000", "张三"),
        ("2026010512345678903", 3000, "13900139000", "李四")]  # fmt: skip
    assert ImportService(db).run(path, "orders").inserted == 0


def test_a_public_customer_data_set_with_day_first_dates(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # tab-separated, English snake_case headers, the customer's id, a join date day first
    path = tmp_path / "marketing_campaign.csv"
    path.write_text("Customer_ID\tYear_Birth\tEducation\tIncome\tDt_Customer\n5524\t1957\tGraduation\t58138\t04-09-2012\n"
                    "2174\t1954\tGraduation\t46344\t21-08-2013\n", encoding="utf-8")  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (2, 0)
    assert [(c, str(d)) for c, d in q(db, "SELECT member_code, added_on FROM customer ORDER BY id")] == [
        ("5524", "2012-09-04"), ("2174", "2013-08-21")]  # fmt: skip
    assert q(db, "SELECT count(*) FROM customer_field") == [(6,)]  # Year_Birth, Education, Income kept
    assert ImportService(db).run(path, "customers").unchanged == 2


def test_a_bare_id_column_is_no_member_code(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # row numbers headed ID in two files are not the same customers
    first = csv_file(tmp_path / "a.csv", [["ID", "姓名", "手机"], ["1", "张三", "13800000001"]])
    second = csv_file(tmp_path / "b.csv", [["ID", "姓名", "手机"], ["1", "李四", "13900000002"]])
    assert ImportService(db).run(first, "customers").inserted == 1
    assert ImportService(db).run(second, "customers").inserted == 1
    assert q(db, "SELECT name, member_code FROM customer ORDER BY id") == [("张三", None), ("李四", None)]


def test_long_order_numbers_excel_cut_to_15_digits_are_reported(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 19-digit order numbers that went through Excel as numbers: two orders now share one number, and
    # would have been taken for two lines of one order
    book = xlsx(tmp_path / "o.xlsx", [["订单编号", "下单时间", "实付金额", "手机号"],
                                      [2.02601051234568e18, "2026-01-05 10:00", 10, "13800138000"],
                                      [2.02601051234568e18, "2026-01-05 11:00", 20, "13800138000"],
                                      ["2026010512345678901", "2026-01-05 12:00", 30, "13800138000"]])  # fmt: skip
    summary = ImportService(db).run(book, "orders")
    assert [(i.row, i.column) for i in summary.issues] == [(2, "订单编号"), (3, "订单编号")]
    assert "15" in summary.issues[0].reason and q(db, "SELECT count(*) FROM orders") == [(0,)]
    text_file = csv_file(tmp_path / "o.csv", [["订单编号", "下单时间", "实付金额", "手机号"],
                                              ["2.02601E+18", "2026-01-05", 10, "13800138000"],
                                              ["E+1", "2026-01-05", 10, "13800138000"]])  # fmt: skip
    assert [i.row for i in ImportService(db).run(text_file, "orders").issues] == [2]


def test_a_refund_written_as_a_negative_amount_is_still_taken_off(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "o.csv", [["订单号", "下单时间", "实付金额", "退款金额", "手机号"],
                                         ["R1", "2026-03-03 15:00", "¥120.00", "¥-20.00", "13900139000"],
                                         ["R2", "2026-03-04 15:00", "60", "-10", "13900139000"],
                                         ["R3", "2026-03-05 15:00", "30", "5", "13900139000"]])  # fmt: skip
    assert ImportService(db).run(path, "orders").inserted == 3
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY external_no") == [
        ("R1", 10000), ("R2", 5000), ("R3", 2500)]  # fmt: skip


def test_contacts_known_only_by_a_shared_nickname_stay_apart_by_the_day_they_were_added(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a WeCom export: no phone, two people called A added by different staff on different days
    path = xlsx(tmp_path / "wecom.xlsx", [["客户名称", "添加人", "添加时间", "性别", "企业标签"],
                                          ["A", "小陈", "2024-01-05 10:23:11", "女", "新客"],
                                          ["A", "小王", "2024-02-01 09:00:00", "男", "老客"],
                                          ["B", "小王", "2024-02-01 09:00:00", "男", ""],
                                          ["B", "小王", "2024-02-01 18:00:00", "男", "复购"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.merged) == (3, 1)  # B's two rows are one contact: same day
    assert [(n, str(a), g) for n, a, g in q(db, "SELECT name, added_on, gender FROM customer ORDER BY id")] == [
        ("A", "2024-01-05", "female"), ("A", "2024-02-01", "male"), ("B", "2024-02-01", "male")]  # fmt: skip
    again = ImportService(db).run(path, "customers")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


def test_repeated_rows_of_one_customer_keep_the_earliest_added_day(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号", "添加日期", "城市"],
                                      ["张三", "13800138000", "2024-01-01", "杭州"],
                                      ["张三", "13800138000", "2023-01-01", None],
                                      ["张三", "13800138000", None, "宁波"],
                                      ["李四", "13900139000", None, None],
                                      ["李四", "13900139000", None, "上海"]])  # fmt: skip
    assert ImportService(db).run(path, "customers").inserted == 2
    assert [(p, None if a is None else str(a), c) for p, a, c in q(db, "SELECT phone, added_on, city FROM customer ORDER BY id")] == [
        ("13800138000", "2023-01-01", "宁波"), ("13900139000", None, "上海")]  # fmt: skip


def test_nicknames_that_start_like_a_total_are_customers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["客户名称", "手机号"], ["Summer", "13800138000"],
                                      ["Total Fitness健身", "13800138001"], ["Sunny", "13800138002"],
                                      ["Total: 3", None], ["合计", None]])  # fmt: skip
    summary = ImportService(db).run(path, "customers", skip_invalid=True, write_report=False)
    assert summary.inserted == 3 and [i.row for i in summary.issues] == [5, 6]


def test_taobao_and_douyin_order_exports(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Taobao writes phones and numbers after an apostrophe, Douyin names its columns its own way; rows of
    # dashes separate blocks
    taobao = csv_file(tmp_path / "taobao.csv", [
        ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "联系手机", "订单付款时间"],
        ["'2026010512345678901", "tb_a", "12.50", "交易成功", "'13800138001", "'2026-01-05 10:00:00"],
        ["-----", "-----", "-----", "-----", "-----", "-----"],
        ["'2026010512345678902", "tb_b", "8.00", "交易成功", "'13800138002", "2026-01-05 11:00:00"]], "gbk")  # fmt: skip
    summary = ImportService(db).run(taobao, "orders")
    assert (summary.inserted, summary.invalid) == (2, 0)
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY 1") == [("2026010512345678901", 1250),
                                                                              ("2026010512345678902", 800)]  # fmt: skip
    douyin = csv_file(tmp_path / "douyin.csv", [
        ["主订单编号", "商品金额", "订单应付金额", "订单提交时间", "支付完成时间", "收件人", "收件人手机号"],
        ["6901", "59.90", "44.90", "2026-01-06 09:00:00", "2026-01-06 09:01:00", "王五", "13700137000"]])  # fmt: skip
    assert ImportService(db).run(douyin, "orders").inserted == 1
    assert [(n, c, str(t)[:19]) for n, c, t in q(db, "SELECT external_no, amount_cents, ordered_at FROM orders WHERE external_no = '6901'")] == [
        ("6901", 4490, "2026-01-06 09:01:00")]  # fmt: skip


def test_member_lists_with_unset_dates_and_mr_ms(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "m.xlsx", [["会员卡号", "姓名", "性别", "生日", "办卡时间"],
                                      ["V1", "刘", "男士", "0000-00-00", "2020-01-01"],
                                      ["————", "————", "————", "————", "————"],
                                      ["V2", "陈", "小姐", "1990-02-03", "0000-00-00 00:00:00"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (2, 0)
    assert [(c, g, None if b is None else str(b), None if a is None else str(a)) for c, g, b, a in q(
        db, "SELECT member_code, gender, birthday, added_on FROM customer ORDER BY id")] == [
        ("V1", "male", None, "2020-01-01"), ("V2", "female", "1990-02-03", None)]  # fmt: skip


def test_two_header_rows_with_cells_merged_down(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 基本信息 over 姓名/手机, 生日 and 备注 merged down both header rows (their text is in the upper cell)
    book = Workbook()
    sheet = book.active
    for row in (["会员名单"], ["基本信息", None, "生日", "消费情况", None, "备注"], ["姓名", "手机", None, "次数", "金额", None],
                ["王阿姨", "13812345601", "1965-04-03", 12, 560.5, "老客"]):  # fmt: skip
        sheet.append(row)
    sheet.merge_cells("A2:B2")
    sheet.merge_cells("C2:C3")
    sheet.merge_cells("D2:E2")
    sheet.merge_cells("F2:F3")
    book.save(tmp_path / "m.xlsx")
    preview = ImportService(db).preview(tmp_path / "m.xlsx", "customers")
    assert preview.headers == ["姓名", "手机", "生日", "次数", "金额", "备注"]
    assert ImportService(db).run(tmp_path / "m.xlsx", "customers").inserted == 1
    assert [(str(b), r) for b, r in q(db, "SELECT birthday, remark_name FROM customer")] == [("1965-04-03", "老客")]


def test_a_birthday_column_headed_lunar_holds_lunar_birthdays(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机", "生日(农历)"], ["王奶奶", "13812340011", "1950-08-15"],
                                      ["李爷爷", "13812340012", None]])  # fmt: skip
    assert ImportService(db).run(path, "customers").inserted == 2
    assert [(str(b), bool(lunar)) for b, lunar in q(db, "SELECT birthday, birthday_lunar FROM customer ORDER BY id")] == [
        ("1950-08-15", True), ("None", False)]  # fmt: skip
    other = xlsx(tmp_path / "c2.xlsx", [["姓名", "手机", "农历生日"], ["赵", "13812340013", "1948-01-02"]])
    assert ImportService(db).run(other, "customers").inserted == 1
    assert q(db, "SELECT birthday_lunar FROM customer WHERE name = '赵'") == [(True,)]


def test_a_landline_or_two_numbers_in_a_customers_phone_cell_are_kept(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号", "微信号"], ["老周", "0571-88881234", None],
                                      ["小吴", "13812340001/13812340002", None],
                                      ["阿梅", "\u200b13812340003", "wx_amei\u200b"], ["错", "12345", None]])  # fmt: skip
    summary = ImportService(db).run(path, "customers", skip_invalid=True, write_report=False)
    assert summary.inserted == 3 and [(i.row, i.value) for i in summary.issues] == [(5, "12345")]
    assert q(db, "SELECT name, phone, wechat_id FROM customer ORDER BY id") == [
        ("老周", None, None), ("小吴", "13812340001", None), ("阿梅", "13812340003", "wx_amei")]  # fmt: skip
    assert q(db, "SELECT c.name, f.value FROM customer_field f JOIN customer c ON c.id = f.customer_id "
                 "WHERE f.name = '手机号原文' ORDER BY c.id") == [("老周", "0571-88881234"), ("小吴", "13812340001/13812340002")]  # fmt: skip
    assert ImportService(db).run(path, "customers", skip_invalid=True, write_report=False).inserted == 0
    # an export of the shop heads the phone 手机号 and the kept cell 手机号原文: read back, nothing changes
    from app.services.export import ExportService

    before = q(db, "SELECT customer_id, name, value FROM customer_field ORDER BY 1, 2")
    for suffix in (".xlsx", ".csv"):
        ExportService(db).export_customers(tmp_path / f"shop{suffix}", translate=_chinese)
        again = ImportService(db).run(tmp_path / f"shop{suffix}", "customers")
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    assert q(db, "SELECT customer_id, name, value FROM customer_field ORDER BY 1, 2") == before


def test_a_tills_day_and_time_columns_make_the_order_time(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = xlsx(tmp_path / "pos.xlsx", [["小票号", "销售日期", "销售时间", "会员手机号", "实收金额"],
                                        ["X1", dt.date(2024, 3, 5), dt.time(10, 5, 1), "13200132001", 45],
                                        ["X2", dt.date(2024, 3, 5), None, "13200132002", 12.5]])  # fmt: skip
    summary = ImportService(db).run(book, "orders")
    assert (summary.inserted, summary.ignored_columns) == (2, [])
    text_file = csv_file(tmp_path / "pos.csv", [["单号", "日期", "时间", "手机号", "金额"],
                                                ["X3", "2024-03-06", "18:30", "13200132001", 10]])  # fmt: skip
    assert ImportService(db).run(text_file, "orders").inserted == 1
    assert [(n, str(t)[:19]) for n, t in q(db, "SELECT external_no, ordered_at FROM orders ORDER BY 1")] == [
        ("X1", "2024-03-05 10:05:01"), ("X2", "2024-03-05 00:00:00"), ("X3", "2024-03-06 18:30:00")]  # fmt: skip
    assert ImportService(db).run(book, "orders").inserted == 0


def test_day_and_time_columns_join_around_a_totals_row_and_a_bad_time(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "t.csv", [["销售日期", "销售时间", "单号", "金额", "手机"],
                                         ["2026-01-05", "10:05:01", "T1", "59.00", "13800138000"],
                                         ["2026-01-05", "14:30", "T2", "20.00", "13800138001"],
                                         ["2026-01-06", "25:99", "T3", "5.00", "13800138001"],
                                         ["合计", "", "", "84.00", ""]])  # fmt: skip
    summary = ImportService(db).run(path, "orders", skip_invalid=True, write_report=False)
    assert [(i.row, i.column) for i in summary.issues] == [(4, "销售日期"), (5, "销售日期")]  # the bad time, the total
    assert [(n, str(t)[:19]) for n, t in q(db, "SELECT external_no, ordered_at FROM orders ORDER BY 1")] == [
        ("T1", "2026-01-05 10:05:01"), ("T2", "2026-01-05 14:30:00")]  # fmt: skip


def test_a_name_only_contact_is_claimed_by_one_record_of_a_file(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = csv_file(tmp_path / "a.csv", [["昵称"], ["A"]])
    second = csv_file(tmp_path / "b.csv", [["昵称", "添加时间"], ["A", "2026-01-05"], ["A", "2026-01-06"]])
    ImportService(db).run(first, "customers")
    summary = ImportService(db).run(second, "customers")
    assert (summary.inserted, summary.updated) == (1, 1)
    again = ImportService(db).run(second, "customers")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)


def test_totals_rows_in_english_and_two_languages(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "t.csv", [["name", "phone"], ["Total 合计", ""], ["Total customers", ""],
                                         ["Total Sales: 3,000", ""], ["Summer", "13800138000"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers", skip_invalid=True, write_report=False)
    assert summary.inserted == 1 and [i.row for i in summary.issues] == [2, 3, 4]


def test_an_apostrophe_before_digits_in_a_note_is_kept(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机", "备注名", "备注信息"], ["王", "'13800138000", "'8号桌", "'90后宝妈"]])
    ImportService(db).run(path, "customers")
    assert q(db, "SELECT phone, remark_name, notes FROM customer") == [("13800138000", "'8号桌", "'90后宝妈")]
    from app.services.export import ExportService

    for name in ("out.csv", "out.xlsx"):
        ExportService(db).export_customers(tmp_path / name)
        again = ImportService(db).run(tmp_path / name, "customers")
        assert (again.updated, again.unchanged) == (0, 1), name


def test_a_name_in_two_columns_makes_the_customers_name(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    english = csv_file(tmp_path / "customers-100.csv", [["Index", "Customer Id", "First Name", "Last Name", "Phone 1"],
                                                        ["1", "DD37Cf93aecA6Dc", "Sheryl", "Baxter", "229.077.5154"],
                                                        ["2", "1Ef7b82A4CAAD10", "Preston", "", "5153435776"]])  # fmt: skip
    assert ImportService(db).run(english, "customers").inserted == 2
    chinese = csv_file(tmp_path / "c.csv", [["姓", "名", "手机"], ["王", "小明", "13800138000"]])
    assert ImportService(db).run(chinese, "customers").inserted == 1
    assert [r[0] for r in q(db, "SELECT name FROM customer ORDER BY id")] == ["Sheryl Baxter", "Preston", "王小明"]
    assert ImportService(db).run(english, "customers").unchanged == 2


def test_more_ledgers_and_exports_from_a_second_probe(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long_note = "老客户，" * 50  # 200 characters under 备注: a ledger's notes, not a remark name
    ledger = xlsx(tmp_path / "ledger.xlsx", [["序号", "姓名", "手机", "备注"], [1, "王", "13800138000", long_note],
                                             [2, "李", "13800138001", "常客"], [],
                                             ["制表人：小王", None, "制表日期：2026.1.10"]])  # fmt: skip
    summary = ImportService(db).run(ledger, "customers", skip_invalid=True, write_report=False)
    assert summary.inserted == 2 and [i.row for i in summary.issues] == [5] and "序号" in summary.ignored_columns
    assert q(db, "SELECT notes, remark_name FROM customer ORDER BY id") == [(long_note, None), ("常客", None)]
    square = csv_file(tmp_path / "square.csv", [["First Name", "Surname", "Nickname", "Phone Number"],
                                                ["Wei", "Li", "", "13800138002"], ["Ann", "Chen", "Annie", "13800138003"]])  # fmt: skip
    ImportService(db).run(square, "customers")
    assert [r[0] for r in q(db, "SELECT name FROM customer WHERE phone IN ('13800138002', '13800138003') ORDER BY phone")] == [
        "Wei Li", "Annie"]  # fmt: skip
    pos = csv_file(tmp_path / "pos.csv", [["账单号", "门店名称", "订单下单时间", "订单实际支付金额", "顾客电话", "订单状态"],
                                          ["B1", "文三路店", "2026-01-05 12:45", "1.2万", "13800138000", "已完成"],
                                          ["B2", "文三路店", "2026-01-05 13:00", "99", "13800138000", "(删除)锁定"]])  # fmt: skip
    summary = ImportService(db).run(pos, "orders")
    assert (summary.inserted, summary.closed_orders, summary.invalid) == (1, 1, 0)
    assert q(db, "SELECT external_no, channel, amount_cents FROM orders") == [("B1", "文三路店", 1200000)]


def test_a_summary_sheet_before_the_data_sheet(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    summary_sheet = book.active
    summary_sheet.title = "汇总"
    for row in (["日期", "订单数", "金额"], ["2026-01-05", 2, 30]):
        summary_sheet.append(row)
    data = book.create_sheet("订单明细")
    for row in (["订单号", "下单时间", "实付金额", "手机号"], ["S1", "2026-01-05 10:00", 10, "13800138000"],
                ["S2", "2026-01-05 11:00", 20, "13800138001"]):  # fmt: skip
        data.append(row)
    book.save(tmp_path / "two.xlsx")
    preview = ImportService(db).preview(tmp_path / "two.xlsx", "orders")
    assert preview.sheet == "订单明细"
    assert ImportService(db).run(tmp_path / "two.xlsx", "orders").inserted == 2


def test_repeated_rows_of_one_customer_keep_every_note(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号", "备注信息"], ["王", "13800138000", "第一行"],
                                      ["王", "+86 138 0013 8000", None], ["王", "13800138000", "第三行"],
                                      ["王", "13800138000", "第一行"], ["李", "13900139000", "只有一行"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.merged) == (2, 3)
    assert q(db, "SELECT notes FROM customer ORDER BY id") == [("第一行；第三行",), ("只有一行",)]
    assert ImportService(db).run(path, "customers").unchanged == 2


# -- a column read a distinct cell at a time ---------------------------------------------------------------


def _column(pool: list[object], n: int = 3000, seed: int = 3) -> pd.Series:
    import random

    rng = random.Random(seed)
    return pd.Series([rng.choice(pool) for _ in range(n)], dtype=object)


@pytest.mark.parametrize(
    ("pool", "read"),
    [
        (["男", "女", "Female", "male", "未知", "x", "", None, " 男 ", "--", "男士"], "gender"),
        (["粉丝", "Member", "KOC", "会员 ", "vip?", "", None], "level"),
        (["公历", "农历", "Lunar", "阴历", "?", "", None], "calendar"),
        (["宝妈、团长", "宝妈,团长", " 老客 ；宝妈", "", None, "x" * 70, "a\nb"], "tags"),
        (["2026-01-05", "2026/1/5", "2026年1月5日", "not a date", "", None, "0000-00-00", "03-15"], "date"),
        ([dt.date(1990, 3, 15), dt.date(2026, 1, 5), dt.date(1801, 1, 1), None], "date"),
        # a sheet's date column: date cells, and "" for the empty ones (calamine), a time now and then
        ([dt.date(1990, 3, 15), dt.date(2026, 1, 5), "", dt.datetime(2026, 1, 5, 10, 30), None], "date"),
    ],
)
def test_a_column_read_by_its_distinct_cells_reads_as_every_cell_read_one_by_one(pool, read) -> None:
    from app.services import importer

    readers = {"gender": partial(importer._choice, importer.nz.GENDERS),
               "level": partial(importer._choice, importer.nz.LEVELS),
               "calendar": partial(importer._choice, importer.nz.LUNAR_WORDS),
               "tags": importer._tags, "date": importer._days}  # fmt: skip
    raw = _column(pool)
    sizes: list[int] = []

    def counted(cells, arr):  # type: ignore[no-untyped-def]
        sizes.append(len(cells))
        return readers[read](cells, arr)

    values, bad = importer._by_distinct(raw, counted)
    assert sizes == [len(set(map(repr, pool)))]  # each distinct cell read once (the empty one stands for None)
    want_values, want_bad = readers[read](raw, None)
    pd.testing.assert_series_equal(values, want_values, check_names=False)
    pd.testing.assert_series_equal(bad, want_bad, check_names=False)


def test_a_column_of_numbers_or_many_distinct_cells_is_read_cell_by_cell() -> None:
    from app.services import importer

    def sizes_read(raw: pd.Series) -> list[int]:
        sizes: list[int] = []

        def counted(cells, arr):  # type: ignore[no-untyped-def]
            sizes.append(len(cells))
            return importer._tags(cells, arr)

        importer._by_distinct(raw, counted)
        return sizes

    # 1, 1.0 and True are one key to a hash table, and do not read alike
    assert sizes_read(_column([1, 1.0, True, "男"])) == [3000]
    assert sizes_read(_column([dt.date(2026, 1, 5), 46027.0, ""])) == [3000]  # an Excel serial among days
    assert sizes_read(pd.Series([f"tag{i}" for i in range(3000)], dtype=object)) == [3000]
    assert sizes_read(_column(["男", "女"], n=50)) == [50]


def test_a_big_file_read_by_distinct_cells_stores_and_reports_each_row(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows: list[list[object]] = [["序号", "姓名", "手机", "性别", "生日", "标签", "关系等级", "加入日期"]]
    for i in range(1500):
        rows.append([i + 1, f"客户{i}", f"138{i:08d}", ("女", "男", "未知")[i % 3], dt.date(1980 + i % 30, 1 + i % 12, 1),
                     ("宝妈、团长", "上班族", "")[i % 3], ("粉丝", "会员", "KOC")[i % 3], dt.date(2025, 1 + i % 12, 5)])  # fmt: skip
    rows[1200][3] = "女士?"  # one bad gender, on the sheet's row 1201
    path = xlsx(tmp_path / "会员.xlsx", rows)
    summary = ImportService(db).run(path, "customers", write_report=False)
    assert summary.invalid == 1
    assert [(i.row, i.column, i.value) for i in summary.issues] == [(1201, "性别", "女士?")]
    summary = ImportService(db).run(path, "customers", skip_invalid=True)
    assert summary.inserted == 1499
    stored = q(db, "SELECT gender, birthday, level, added_on FROM customer WHERE phone = '13800000004'")
    assert [tuple(map(str, r)) for r in stored] == [("male", "1984-05-01", "member", "2025-05-05")]
    tags = q(db, "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id JOIN customer c "
                 "ON c.id = ct.customer_id WHERE c.phone = '13800000003' ORDER BY t.name")  # fmt: skip
    assert tags == [("团长",), ("宝妈",)]


def test_wecom_enterprise_and_personal_tag_columns_both_become_tags(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [["客户名称", "手机", "企业标签", "个人标签"],
            ["小王", "13800000001", "高意向、宝妈", "宝妈；爱喝咖啡"],
            ["小李", "13800000002", "", "老客"],
            ["小张", "13800000003", "团长", ""]]  # fmt: skip
    path = csv_file(tmp_path / "企业微信客户.csv", rows)
    preview = ImportService(db).preview(path, "customers")
    assert preview.mapping == ["name", "phone", "tags", "tags"]
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (3, 0)
    tags = q(db, "SELECT c.name, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                 "JOIN customer c ON c.id = ct.customer_id ORDER BY c.phone, t.name")  # fmt: skip
    assert tags == [("小王", "宝妈"), ("小王", "爱喝咖啡"), ("小王", "高意向"), ("小李", "老客"), ("小张", "团长")]
    assert q(db, "SELECT count(*) FROM customer_field") == [(0,)]  # neither column left as a custom field
    again = ImportService(db).run(path, "customers")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


def test_the_amount_payable_is_taken_before_the_order_total_before_discounts(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.import_fields import suggest_mapping

    # 京东: 订单金额 is the goods' total, 应付金额 what the buyer pays after discounts
    assert suggest_mapping("orders", ["订单号", "下单时间", "订单金额", "应付金额", "手机"])[2:4] == ["__ignore__", "amount"]
    # a till's 实收金额 (taken) still wins over 应付金额 (due)
    assert suggest_mapping("orders", ["单号", "时间", "应付金额", "实收金额", "手机"])[2:4] == ["__ignore__", "amount"]


def test_two_customers_with_one_name_and_wechat_id_survive_export_and_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.export import ExportService

    # the second row has no name: the remark names the customer, and the shop has two 小美 with WeChat id wx1
    # (the duplicate finder's case); an export of the shop names both by their Siyu ID
    first = csv_file(tmp_path / "a.csv", [["姓名", "备注名", "微信号", "备注"], ["小美", "", "wx1", "甲"],
                                         ["", "小美", "wx1", "乙"]])  # fmt: skip
    assert ImportService(db).run(first, "customers").inserted == 2
    before = q(db, "SELECT id, name, remark_name, wechat_id, notes FROM customer ORDER BY id")
    assert [r[1] for r in before] == ["小美", "小美"]
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"shop{suffix}"
        ExportService(db).export_customers(out)
        again = ImportService(db).run(out, "customers")
        assert (again.inserted, again.updated, again.unchanged, again.merged) == (0, 0, 2, 0)
        assert q(db, "SELECT id, name, remark_name, wechat_id, notes FROM customer ORDER BY id") == before


def test_a_customer_known_only_by_a_code_is_listed_by_it(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # public transaction data (UCI Online Retail II): customers are numbers, and some sales have none
    orders = csv_file(tmp_path / "online_retail_ii.csv", [
        ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"],
        ["489434", "85048", "GLASS BALL", 12, "2009-12-01 07:45:00", 6.95, "13085.0", "United Kingdom"],
        ["489434", "79323P", "PINK CHERRY LIGHTS", 12, "2009-12-01 07:45:00", 6.75, "13085.0", "United Kingdom"],
        ["C489449", "22087", "PAPER BUNTING", -12, "2009-12-01 10:33:00", 2.95, "16321.0", "Australia"],
        ["489436", "21755", "BLOCK WORD", 18, "2009-12-01 09:06:00", 5.45, "", "United Kingdom"]])  # fmt: skip
    summary = ImportService(db).run(orders, "orders", skip_invalid=True, write_report=False)
    assert (summary.inserted, summary.invalid, summary.created_customers) == (2, 1, 2)
    assert [(i.row, i.column) for i in summary.issues] == [(5, "Customer ID")]  # a sale to nobody known
    assert q(db, "SELECT name, member_code FROM customer ORDER BY id") == [("13085", "13085"), ("16321", "16321")]
    members = csv_file(tmp_path / "members.csv", [["会员卡号", "积分"], ["V-1", "10"]])
    ImportService(db).run(members, "customers")
    assert q(db, "SELECT name FROM customer WHERE member_code = 'V-1'") == [("V-1",)]


_ZH: list[object] = []


def _chinese(context: str, source: str) -> str:
    """Export headers as the app writes them in Chinese: its own translations, read with a QTranslator."""
    from PySide6.QtCore import QTranslator

    from app import paths

    if not _ZH:
        translator = QTranslator()
        assert translator.load("siyu_zh_CN", str(paths.resource("translations")))
        _ZH.append(translator)
    return _ZH[0].translate(context, source) or source  # type: ignore[attr-defined]


def test_the_days_systems_write_for_no_date_are_no_date(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # tills write Excel's day 0 (1899-12-30) or 1900-01-01 for a member without a birthday or join date
    path = csv_file(tmp_path / "会员.csv", [["会员卡号", "姓名", "生日", "开卡日期"],
                                           ["V1", "甲", "1900-01-01", "1899-12-30"],
                                           ["V2", "乙", "1899-12-31", "0001-01-01 00:00:00"],
                                           ["V3", "丙", "1990-05-06", "2024-03-01"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (3, 0)
    assert [(n, b and str(b), a and str(a)) for n, b, a in q(db, "SELECT name, birthday, added_on FROM customer ORDER BY id")] == [
        ("甲", None, None), ("乙", None, None), ("丙", "1990-05-06", "2024-03-01")]  # fmt: skip
    from app.services.export import ExportService

    ExportService(db).export_customers(tmp_path / "shop.xlsx")
    again = ImportService(db).run(tmp_path / "shop.xlsx", "customers")
    assert (again.inserted, again.updated, again.invalid) == (0, 0, 0)


def test_a_payment_bills_hash_lines_and_a_banks_hhmmss_times(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 支付宝: # lines above and below the table; the ones below are notes, not orders without a time
    alipay = csv_file(tmp_path / "alipay.csv", [["#支付宝业务明细查询"], ["#账号：[20881234]"],
                                                ["商户订单号", "创建时间", "订单金额（元）", "手机号"],
                                                ["A1", "2026-01-05 11:30:12", "1288.00", "13900139001"],
                                                ["#-----业务明细列表结束-----"], ["#交易合计：1笔，共1288.00元"],
                                                ["#1001 是订单号，不是说明"]], encoding="gbk")  # fmt: skip
    summary = ImportService(db).run(alipay, "orders", write_report=False)
    assert [(i.row, i.reason) for i in summary.issues][:2] == [
        (5, "a note under the table, not a record"), (6, "a note under the table, not a record")]  # fmt: skip
    assert summary.issues[-1].row == 7 and summary.issues[-1].reason != "a note under the table, not a record"
    # 云闪付 and banks: the day 20260105 and the time 103012 (or 93012, a number cell) in two columns
    bank = csv_file(tmp_path / "bank.csv", [["交易日期", "交易时间", "手机号", "交易金额"],
                                            ["20260105", "103012", "13800138000", "100.00"],
                                            ["20260105", "93000", "13900139001", "50.00"]])  # fmt: skip
    assert ImportService(db).run(bank, "orders").inserted == 2
    assert [str(t)[:19] for (t,) in q(db, "SELECT ordered_at FROM orders WHERE amount_cents IN (10000, 5000) "
                                           "ORDER BY amount_cents DESC")] == ["2026-01-05 10:30:12", "2026-01-05 09:30:00"]  # fmt: skip


def test_masked_card_numbers_name_no_customer(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [["交易日期", "卡号", "交易金额", "手机号"], ["20260105", "622202******1234", "100.00", "13800138000"],
            ["20260105", "622202******1234", "50.00", "13900139001"]]  # fmt: skip
    path = csv_file(tmp_path / "unionpay.csv", rows)
    preview = ImportService(db).preview(path, "orders")
    assert preview.mapping[1] == IGNORE and preview.masked == "卡号"  # two cards may look alike: not a member code
    assert ImportService(db).run(path, "orders").created_customers == 2  # told apart by their phones
    customers = ImportService(db).preview(path, "customers")
    assert customers.mapping[1] == CUSTOM  # kept as written, as a custom field
    bare = csv_file(tmp_path / "cards.csv", [[c for c in r[:3]] for r in rows])
    with pytest.raises(ImportError_) as caught:
        ImportService(db).run(bare, "orders")
    assert "masked" in caught.value.template and caught.value.params["column"] == "卡号"


def test_erp_and_accounting_headers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.import_fields import suggest_mapping

    # 管家婆 / 用友 T+ / 金蝶: 单据日期, 往来单位, 客户编码, 价税合计; 聚水潭: 线上订单号
    assert suggest_mapping("orders", ["单据编号", "单据日期", "往来单位", "客户编码", "价税合计"]) == [
        "external_no", "ordered_at", "name", "member_code", "amount"]  # fmt: skip
    assert suggest_mapping("orders", ["线上订单号", "下单时间", "已付金额", "手机号"]) == [
        "external_no", "ordered_at", "amount", "phone"]  # fmt: skip
    assert suggest_mapping("customers", ["客户编码", "往来单位"]) == ["member_code", "name"]


def test_a_wechat_pay_bills_summary_table_is_its_totals(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "wxpay.csv", [["交易时间", "商户订单号", "订单金额", "手机号"],
                                             ["`2026-01-05 10:00:00", "`SO1", "`100.00", "13800138000"],
                                             ["`2026-01-05 11:00:00", "`SO2", "`20.00", "13900139001"],
                                             ["总交易单数", "应结订单总金额", "退款总金额", ""],
                                             ["`2", "`¥120.00", "`¥0.00", ""]])  # fmt: skip
    summary = ImportService(db).run(path, "orders", skip_invalid=True, write_report=False)
    assert [(i.row, i.value, i.reason) for i in summary.issues] == [
        (4, "总交易单数", "a totals row, not a record"), (5, "2", "a totals row, not a record")]  # fmt: skip
    assert summary.inserted == 2
    assert q(db, "SELECT external_no, amount_cents FROM orders ORDER BY 1") == [("SO1", 10000), ("SO2", 2000)]


def test_a_mobile_with_words_around_it_is_the_phone_and_the_cell_is_kept(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "手机号"], ["甲", "13800138003转8001"], ["乙", "13800138014（本人）"],
                                         ["丙", "138001380001"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers", skip_invalid=True, write_report=False)
    assert [(i.row, i.value) for i in summary.issues] == [(4, "138001380001")]  # twelve digits: no mobile
    assert q(db, "SELECT c.phone, f.value FROM customer c JOIN customer_field f ON f.customer_id = c.id "
                 "WHERE f.name = '手机号原文' ORDER BY c.id") == [
        ("13800138003", "13800138003转8001"), ("13800138014", "13800138014（本人）")]  # fmt: skip


@pytest.mark.parametrize("mode", ["upsert", "add"])
def test_rows_of_one_person_fold_when_only_one_of_them_matches_a_customer(db, tmp_path: Path, mode: str) -> None:  # type: ignore[no-untyped-def]
    ImportService(db).run(csv_file(tmp_path / "a.csv", [["姓名", "会员卡号"], ["张三", "C001"]]), "customers")
    # the first row finds 张三 by his card; the second, the same person by phone alone, finds no one
    rows = [["姓名", "手机号", "会员卡号", "标签"], ["张三", "13800138000", "C001", "老客"], ["张三", "13800138000", "", "宝妈"]]
    summary = ImportService(db).run(csv_file(tmp_path / "b.csv", rows), "customers", mode=mode)
    assert (summary.inserted, summary.merged) == (0, 1)
    assert len(q(db, "SELECT id FROM customer")) == 1


def test_a_customer_called_boss_is_no_summary_and_a_hash_nickname_no_note(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "职务", "公司", "手机号"], ["张伟", "店长", "门店", "13800138000"],
                                         ["刘总", "总经理", "总部", ""], ["王芳", "", "", "13900139000"],
                                         ["#小雨#", "", "", "13700137000"]])  # fmt: skip
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (4, 0)


def test_a_landline_kept_beside_a_column_already_named_for_it(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "手机号原文", "手机号"], ["甲", "", "0571-88881234"],
                                         ["乙", "旧的原文", "13800138000"]])  # fmt: skip
    ImportService(db).run(path, "customers")
    assert q(db, "SELECT c.name, f.name, f.value FROM customer_field f JOIN customer c ON c.id = f.customer_id "
                 "ORDER BY c.id") == [("甲", "手机号原文2", "0571-88881234"), ("乙", "手机号原文", "旧的原文")]  # fmt: skip


def test_tag_links_match_the_rule_link_by_link(db) -> None:  # type: ignore[no-untyped-def]
    """_TagLinks reads each distinct tag list once and spreads it over its customers: the links it writes are
    those of the rule applied to each customer's mentions in file order (each tag once; in an exclusive group
    the last mention), for shared and unshared lists, customers named twice and old customers' own tags."""
    import random

    from sqlalchemy import text

    from app.services.importer import ImportSummary, _distinct_lists, _TagLinks
    from app.services.tags import TagService

    tags = TagService(db)
    sizes = tags.create_group("尺码", exclusive=True)
    for name in ("S", "M", "L"):
        tags.create_tag(sizes, name)
    rng = random.Random(7)
    names = ["S", "M", "L", "学生", "团长", "面包控", "新客"]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (id, name) VALUES " + ", ".join(f"({i}, 'c{i}')" for i in range(1, 401))))
        sid = conn.execute(text("SELECT id FROM tag WHERE name = 'S'")).scalar_one()
        conn.execute(text(f"INSERT INTO customer_tag (customer_id, tag_id) VALUES (1, {sid}), (2, {sid})"))
    shared = [[rng.choice(names) for _ in range(rng.randint(0, 5))] for _ in range(12)]
    cids, lists = [], []
    for _ in range(600):
        cids.append(rng.randint(3, 400))
        lists.append(rng.choice(shared) if rng.random() < 0.7 else [rng.choice(names) for _ in range(rng.randint(0, 5))])
    cids[:2] = [1, 2]
    lists[:2] = [["M", "学生"], ["学生"]]
    with db.engine.begin() as conn:
        links = _TagLinks(conn, ImportSummary("customers"))
        unique_cids, codes, combos = _distinct_lists(cids, lists)
        links.names(combos)
        links.write(links.spread(unique_cids, codes, combos), "2026-11-28 10:00:00", new_from=201)
        got = set(conn.execute(text(
            "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id")).all())  # fmt: skip
    expected: dict[int, dict[str, str]] = {1: {"size": "S"}, 2: {"size": "S"}}
    for cid, mentions in zip(cids, lists, strict=True):
        held = expected.setdefault(cid, {})
        for name in mentions:
            held["size" if name in ("S", "M", "L") else name] = name
    assert got == {(cid, name) for cid, held in expected.items() for name in held.values()}
    assert (1, "M") in got and (1, "S") not in got and (2, "S") in got
