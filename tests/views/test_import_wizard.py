"""The import wizard, page by page, on files built here the way shop systems write them."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton, QWizard

from app import i18n
from app.services.customer_list import CustomerListService
from app.services.groups import GroupService
from app.services.import_fields import CUSTOM, IGNORE
from app.services.importer import ImportService
from app.views.import_wizard import PAGE_CHECK, PAGE_COLUMNS, PAGE_FILE, PAGE_IMPORT, ImportWizard

# The offscreen platform cannot do some window-manager calls a shown dialog makes; they are harmless.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture(autouse=True)
def _english(qapp):  # type: ignore[no-untyped-def]
    """The texts below are the English sources, whatever language an earlier test installed."""
    i18n.install("en")


def xlsx(path: Path, rows: list[list[object]], title: str = "Sheet") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    text = "\r\n".join(",".join("" if c is None else str(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def customers_in(db) -> int:  # type: ignore[no-untyped-def]
    return CustomerListService(db).count()


def _wizard(qtbot, db, path=None, kind=None, monkeypatch=None) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ImportService(db), path, kind)
    qtbot.addWidget(wizard)
    wizard.show()
    if path is not None:
        qtbot.waitUntil(lambda: not wizard.file_page._reading, timeout=10000)
    return wizard


def _to_columns(qtbot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == PAGE_FILE
    assert wizard.button(NEXT).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_COLUMNS
    qtbot.waitUntil(
        lambda: bool(wizard.columns_page.combos) or bool(wizard.columns_page._error), timeout=10000
    )


def _to_check(qtbot, wizard: ImportWizard) -> None:
    if wizard.currentId() == PAGE_FILE:
        _to_columns(qtbot, wizard)
    assert wizard.button(NEXT).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_CHECK
    qtbot.waitUntil(lambda: not wizard.check_page.running, timeout=10000)


def _import(qtbot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == PAGE_CHECK and wizard.button(COMMIT).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_IMPORT
    qtbot.waitUntil(lambda: not wizard.import_page.running, timeout=10000)


def _fields(wizard: ImportWizard) -> list[str]:
    return [combo.currentData() for combo in wizard.columns_page.combos]


# -- the file and its columns --------------------------------------------------------------------------


def test_a_gbk_csv_under_a_title_row_is_mapped_automatically(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(
        tmp_path / "会员.csv",
        [
            ["小麦烘焙会员导出 2026-11-20"],
            ["客户姓名", "手机号码", "会员卡号", "生日", "所在城市", "会员等级", ""],
            ["张晓燕", "13800138000", "M001", "1990-05-06", "杭州", "金卡", ""],
            ["周敏", "13900000001", "", "1988/1/5", "绍兴", "银卡", ""],
        ],
        encoding="gbk",
    )
    wizard = _wizard(qtbot, db, path)
    page = wizard.file_page
    assert wizard.kind == "customers" and page.customers_radio.isChecked()
    assert "headers in row 2" in page.status.text() and "2 data rows" in page.status.text()
    assert not page.sheet_combo.isVisibleTo(page)  # a CSV file has no sheets
    assert not page.source_edit.isVisibleTo(page)  # the order source is for orders only
    _to_columns(qtbot, wizard)
    columns = wizard.columns_page
    assert [columns.table.item(r, 0).text() for r in range(columns.table.rowCount())] == [
        "客户姓名",
        "手机号码",
        "会员卡号",
        "生日",
        "所在城市",
        "会员等级",
    ]
    assert _fields(wizard) == ["name", "phone", "member_code", "birthday", "city", CUSTOM]
    assert columns.table.item(0, 1).text() == "张晓燕、周敏"
    info = columns.info.text()
    assert "headers in row 2" in info and "encoding GBK" in info
    assert not columns.remembered.isVisibleTo(columns)
    assert not columns.problem_label.isVisibleTo(columns)
    assert wizard.button(NEXT).isEnabled()
    # the combos speak the owner's words for the fields
    assert columns.combos[1].currentText() == "Phone"
    labels = [columns.combos[0].itemText(i) for i in range(columns.combos[0].count())]
    assert "Keep as a custom field" in labels and "Do not import" in labels


def test_the_kind_is_guessed_from_the_headers(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(
        tmp_path / "orders.xlsx",
        [
            ["订单号", "下单时间", "实付金额", "手机号", "客户姓名"],
            ["A1", "2026-11-01 10:00", 35.5, "13800138000", "张三"],
        ],
        title="订单",
    )
    wizard = _wizard(qtbot, db, path)
    page = wizard.file_page
    assert wizard.kind == "orders" and page.orders_radio.isChecked()
    assert "order list" in page.status.text()
    assert page.sheet_combo.isVisibleTo(page) and page.sheet_combo.currentText() == "订单"
    assert page.source_edit.isVisibleTo(page) and page.source_edit.text() == "import"
    assert "unique" in page.source_hint.text()
    page.source_edit.setText("")
    assert not wizard.button(NEXT).isEnabled()  # orders need a source system
    page.source_edit.setText("youzan")
    assert wizard.order_source == "youzan" and wizard.button(NEXT).isEnabled()
    assert wizard.windowTitle() == "Import orders"
    _to_columns(qtbot, wizard)
    assert _fields(wizard) == ["external_no", "ordered_at", "amount", "phone", "name"]
    combo = wizard.columns_page.combos[0]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Keep as a custom field" not in labels  # orders have no custom fields


def test_a_kind_given_by_the_menu_is_not_guessed(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["甲", "13800000000"]])
    wizard = _wizard(qtbot, db, path, kind="orders")
    assert wizard.kind == "orders"
    # for orders this file lacks the order time and amount: the service's words, inline
    _to_columns(qtbot, wizard)
    columns = wizard.columns_page
    assert columns.problem_label.isVisibleTo(columns)
    assert "An order import needs these columns" in columns.problem_label.text()
    assert not wizard.button(NEXT).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_COLUMNS


def test_choosing_a_file_and_a_sheet(qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["这张表是说明"])
    data = book.create_sheet("客户")
    data.append(["姓名", "手机号"])
    data.append(["甲", "13800000000"])
    book.save(tmp_path / "two.xlsx")
    wizard = _wizard(qtbot, db)
    page = wizard.file_page
    assert not wizard.button(NEXT).isEnabled() and "drop" in page.status.text()
    monkeypatch.setattr(page, "ask_open_path", lambda: str(tmp_path / "two.xlsx"))
    page.choose_button.click()
    qtbot.waitUntil(lambda: not page._reading, timeout=10000)
    assert [page.sheet_combo.itemText(i) for i in range(2)] == ["说明", "客户"]
    # the first sheet is only a note: the first sheet with a header is read, and the list shows it
    assert page.sheet_combo.currentText() == "客户" and "Read as a customer list" in page.status.text()
    assert wizard.button(NEXT).isEnabled()
    page.sheet_combo.setCurrentIndex(0)  # the owner's choice is read as chosen
    qtbot.waitUntil(lambda: not page._reading, timeout=10000)
    assert "no header row" in page.status.text() and not wizard.button(NEXT).isEnabled()
    page.sheet_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page._reading, timeout=10000)
    assert wizard.sheet == "客户" and wizard.button(NEXT).isEnabled()
    _to_columns(qtbot, wizard)
    assert "Sheet 客户" in wizard.columns_page.info.text()
    assert _fields(wizard) == ["name", "phone"]


def test_a_file_that_cannot_be_read_says_why(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    wizard = _wizard(qtbot, db, path)
    assert "empty.csv is empty" in wizard.file_page.status.text()
    assert not wizard.button(NEXT).isEnabled()


def test_overriding_a_column_is_used_and_remembered(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [["客户", "手机", "备用"], ["王芳", "13700000000", "只要无糖"], ["赵强", "13700000001", ""]]
    path = xlsx(tmp_path / "list.xlsx", rows)
    wizard = _wizard(qtbot, db, path)
    _to_columns(qtbot, wizard)
    columns = wizard.columns_page
    assert _fields(wizard) == ["name", "phone", CUSTOM]
    # two columns on one field: the service's message, and no way on
    columns.set_field(2, "phone")
    assert "Two columns are mapped to the same field" in columns.problem_label.text()
    assert not wizard.button(NEXT).isEnabled()
    columns.set_field(2, "notes")
    assert not columns.problem_label.isVisibleTo(columns) and wizard.button(NEXT).isEnabled()
    assert wizard.mapping == ["name", "phone", "notes"]
    _to_check(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as signal:
        _import(qtbot, wizard)
    assert signal.args == ["customers"]
    assert wizard.import_page.summary.inserted == 2
    page = wizard.import_page
    assert page.remembered.isVisibleTo(page) and "remembered" in page.remembered.text()

    # the next file with these columns gets the same mapping, and says so
    other = xlsx(tmp_path / "list2.xlsx", [*rows[:1], ["李雷", "13700000002", "周末来"]])
    again = _wizard(qtbot, db, other)
    _to_columns(qtbot, again)
    assert _fields(again) == ["name", "phone", "notes"]
    assert again.columns_page.remembered.isVisibleTo(again.columns_page)
    again.columns_page.reset_button.click()
    assert _fields(again) == ["name", "phone", CUSTOM]


def test_going_back_keeps_the_owners_choices(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号", "爱好"], ["甲", "13800000000", "烘焙"]])
    wizard = _wizard(qtbot, db, path)
    _to_columns(qtbot, wizard)
    wizard.columns_page.set_field(2, IGNORE)
    wizard.back()
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.columns_page.combos), timeout=10000)
    assert _fields(wizard) == ["name", "phone", IGNORE]


# -- the check -----------------------------------------------------------------------------------------


def _bad_customers(tmp_path: Path) -> Path:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    return xlsx(
        tmp_path / "bad.xlsx",
        [
            ["会员名单"],
            ["姓名", "手机号", "生日"],
            ["好人", "13800000000", "1990-01-01"],
            ["坏电话", "12345", None],
            ["坏日期", "13800000001", "1990-13-45"],
            ["未来生日", "13800000002", future],
            ["也是好人", "13800000003", None],
            ["合计", None, None],
        ],
    )


def test_invalid_rows_are_listed_and_block_the_import_until_skipped(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, db, _bad_customers(tmp_path))
    _to_check(qtbot, wizard)
    page = wizard.check_page
    model = page.model
    listed = [tuple(model.data(model.index(r, c)) for c in range(4)) for r in range(model.rowCount())]
    assert listed == [
        ("4", "手机号", "12345", "not an 11-digit mobile number"),
        ("5", "生日", "1990-13-45", "not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)"),
        ("6", "生日", (dt.date.today() + dt.timedelta(days=30)).isoformat(), "a birthday in the future"),
        ("8", "姓名", "合计", "a totals row, not a record"),
    ]
    assert page.table.isVisibleTo(page)
    assert "Will add 2, update 0, leave 0 unchanged; 4 invalid" in page.counts.text()
    assert "4 rows have problems" in page.notice.text() and "Nothing is imported" in page.notice.text()
    # nothing goes in while a row is invalid
    assert not wizard.button(COMMIT).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_CHECK
    assert page.skip.isVisibleTo(page) and not page.skip.isChecked()
    assert page.skip.text() == "Skip the invalid rows and import the other 2"
    page.skip.setChecked(True)
    assert wizard.button(COMMIT).isEnabled() and wizard.button(COMMIT).text() == "Import"
    assert customers_in(db) == 0  # the check wrote nothing
    with qtbot.waitSignal(wizard.imported, timeout=10000):
        _import(qtbot, wizard)
    run = wizard.import_page
    assert run.outcome == "imported" and run.headline.text() == "Import finished"
    assert "Invalid rows skipped" in run.details.text()
    assert customers_in(db) == 2
    assert run.summary.error_report is not None and run.summary.error_report.exists()
    assert "bad.errors.xlsx" in run.report_label.text()
    assert (
        wizard.button(FINISH).isEnabled() and not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    )


def test_the_error_report_is_written_beside_the_file(qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, db, _bad_customers(tmp_path))
    opened: list[Path] = []
    monkeypatch.setattr(wizard, "open_folder", opened.append)
    _to_check(qtbot, wizard)
    page = wizard.check_page
    assert not (tmp_path / "bad.errors.xlsx").exists()
    page.report_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=10000)
    report = tmp_path / "bad.errors.xlsx"
    assert page.report == report and report.exists()
    assert "bad.errors.xlsx" in page.report_label.text()
    problems = list(load_workbook(report).worksheets[0].iter_rows(values_only=True))
    assert problems[0] == ("Row", "Column", "Value", "Reason") and len(problems) == 5
    page.report_label.linkActivated.emit("folder")
    assert opened == [report]
    assert customers_in(db) == 0


def test_a_file_fixed_after_the_check_is_checked_again(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["甲", "13800000000"], ["乙", "123"]])
    wizard = _wizard(qtbot, db, path)
    _to_check(qtbot, wizard)
    page = wizard.check_page
    assert page.summary.invalid == 1 and not wizard.button(COMMIT).isEnabled()
    xlsx(path, [["姓名", "手机号"], ["甲", "13800000000"], ["乙", "13800000001"]])  # fixed in Excel
    page.again_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=10000)
    assert page.summary.invalid == 0 and page.summary.inserted == 2
    assert "No problems found" in page.notice.text() and wizard.button(COMMIT).isEnabled()


def test_only_update_reports_rows_with_no_customer(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["新客", "13912345678"]])
    wizard = _wizard(qtbot, demo_db, path)
    _to_check(qtbot, wizard)
    page = wizard.check_page
    assert page.mode_box.isVisibleTo(page)
    assert page.summary.inserted == 1
    page.mode_radios[2].click()  # only update existing customers
    assert wizard.mode == "update"
    qtbot.waitUntil(lambda: not page.running, timeout=10000)
    assert page.model.data(page.model.index(0, 3)) == "no existing customer matches this row"
    assert "nothing to import" in page.notice.text() and not page.skip.isVisibleTo(page)
    assert not wizard.button(COMMIT).isEnabled()


# -- the import ----------------------------------------------------------------------------------------


def test_orders_import_into_the_demo_shop(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(
        tmp_path / "pos.csv",
        [
            ["订单号", "支付时间", "实付金额", "会员手机号", "买家昵称"],
            ["P-1", "2026-11-20 10:00:00", "35.50", "13987654321", "新朋友"],
            ["P-2", "2026-11-21 18:30:00", "12", "13987654321", "新朋友"],
        ],
    )
    wizard = _wizard(qtbot, demo_db, path)
    assert wizard.kind == "orders"
    wizard.file_page.source_edit.setText("pos")
    _to_check(qtbot, wizard)
    page = wizard.check_page
    assert not page.mode_box.isVisibleTo(page)
    assert "Will add 2" in page.counts.text() and "1 new customers created" in page.counts.text()
    before = customers_in(demo_db)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as signal:
        _import(qtbot, wizard)
    assert signal.args == ["orders"]
    summary = wizard.import_page.summary
    assert (summary.inserted, summary.created_customers) == (2, 1)
    assert customers_in(demo_db) == before + 1
    assert "New customers created" in wizard.import_page.details.text()
    # the same file again adds nothing: order numbers are unique per source system
    again = _wizard(qtbot, demo_db, path)
    again.file_page.source_edit.setText("pos")
    _to_check(qtbot, again)
    assert (again.check_page.summary.inserted, again.check_page.summary.unchanged) == (0, 2)


def _gated_import(service: ImportService, monkeypatch) -> tuple[threading.Event, threading.Event]:  # type: ignore[no-untyped-def]
    """Hold the real import after it has written its rows (inside the transaction) until released."""
    real = service.run
    reached, release = threading.Event(), threading.Event()

    def run(*args, progress=None, **options):  # type: ignore[no-untyped-def]
        def hooked(stage: str, fraction: float) -> None:
            if not options.get("dry_run") and stage == "Writing" and fraction >= 0.8 and not reached.is_set():
                reached.set()
                release.wait(10)
            progress(stage, fraction)

        return real(*args, progress=hooked, **options)

    monkeypatch.setattr(service, "run", run)
    return reached, release


def test_cancel_leaves_the_shop_unchanged(qtbot, demo_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows = [["姓名", "手机号"]] + [[f"客人{i}", f"1390000{i:04d}"] for i in range(50)]
    path = xlsx(tmp_path / "c.xlsx", rows)
    before = customers_in(demo_db)
    wizard = _wizard(qtbot, demo_db, path)
    reached, release = _gated_import(wizard.service, monkeypatch)
    _to_check(qtbot, wizard)
    wizard.next()
    page = wizard.import_page
    assert page.running and not wizard.button(FINISH).isEnabled()
    qtbot.waitUntil(reached.is_set, timeout=10000)
    assert page.progress_box.isVisibleTo(page)
    with qtbot.assertNotEmitted(wizard.imported):
        page.cancel_button.click()
        assert page.progress_label.text() == "Cancelling…"
        release.set()
        qtbot.waitUntil(lambda: not page.running, timeout=10000)
    assert page.outcome == "cancelled"
    assert page.headline.text() == "Cancelled: nothing was imported"
    assert customers_in(demo_db) == before
    assert wizard.button(FINISH).isEnabled() and page.retry_button.isVisibleTo(page)
    # trying again imports them
    monkeypatch.undo()
    with qtbot.waitSignal(wizard.imported, timeout=10000):
        page.retry_button.click()
        qtbot.waitUntil(lambda: not page.running, timeout=10000)
    assert customers_in(demo_db) == before + 50


def test_closing_during_the_import_cancels_it_first(qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["甲", "13800000000"]])
    wizard = _wizard(qtbot, db, path)
    reached, release = _gated_import(wizard.service, monkeypatch)
    _to_check(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(reached.is_set, timeout=10000)
    wizard.reject()
    assert wizard.isVisible()  # waits for the rollback
    release.set()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)
    assert wizard.import_page.outcome == "cancelled" and customers_in(db) == 0


def test_an_unexpected_error_says_nothing_changed(qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["甲", "13800000000"]])
    wizard = _wizard(qtbot, db, path)
    real = wizard.service.run

    def run(*args, **options):  # type: ignore[no-untyped-def]
        if not options.get("dry_run"):
            raise OSError("disk full")
        return real(*args, **options)

    monkeypatch.setattr(wizard.service, "run", run)
    _to_check(qtbot, wizard)
    with qtbot.assertNotEmitted(wizard.imported):
        _import(qtbot, wizard)
    page = wizard.import_page
    assert page.outcome == "failed" and page.headline.text() == "The import failed"
    assert "disk full" in page.details.text() and "not changed" in page.details.text()


# -- the other kinds: group members, groups' daily figures, coupons, a weekly plan ----------------------

STATS_HEADER = ["群名称", "日期", "群成员数", "发言人数", "消息数", "访客数", "支付人数", "支付金额"]


def _days_ago(days: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def _group_stats(tmp_path: Path) -> Path:
    return xlsx(
        tmp_path / "社群日报.xlsx",
        [
            ["社群日报"],
            STATS_HEADER,
            ["福利1群", _days_ago(3), 200, 60, 300, 50, 10, "¥1,000.50"],
            ["福利1群", _days_ago(2), 201, 40, 200, 40, 8, 800],
            ["新开的群", _days_ago(3), 50, 5, 20, 10, 1, 30],
            ["新开的群", _days_ago(2), "很多", 5, 20, 10, 1, 30],
        ],
    )


def _group_names(db) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(g.name for g in GroupService(db).groups())


def test_group_stats_are_checked_by_row_and_column_then_imported(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    known = GroupService(db).save({"name": "福利1群"})
    wizard = _wizard(qtbot, db, _group_stats(tmp_path))
    page = wizard.file_page
    assert wizard.kind == "group_stats" and page.group_stats_radio.isChecked()
    assert wizard.windowTitle() == "Import groups' daily figures"
    assert page.status.text() == "Read as groups' daily figures: headers in row 2, 4 data rows."
    assert not page.source_edit.isVisibleTo(page)  # the source system is for orders only
    assert page.template_button.isVisibleTo(page)  # a template to fill in, and the columns named
    assert "群名称、日期、群成员数" in page.template_text.text()
    saved = tmp_path / "每日数据模板.xlsx"
    page.ask_template_path = lambda _suggested: str(saved)
    page.template_button.click()
    assert ImportService(db).preview(saved, "group_stats").mapping[:3] == ["group_name", "day", "members"]
    _to_columns(qtbot, wizard)
    assert _fields(wizard) == [
        "group_name",
        "day",
        "members",
        "speakers",
        "messages",
        "visitors",
        "buyers",
        "gmv",
    ]
    assert wizard.columns_page.combos[2].currentText() == "Members"
    _to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.mode_box.isVisibleTo(check) and all(r.isVisibleTo(check) for r in check.mode_radios)
    assert "same group and date" in check.mode_label.text()
    model = check.model
    listed = [tuple(model.data(model.index(r, c)) for c in range(4)) for r in range(model.rowCount())]
    assert listed == [("6", "群成员数", "很多", "not a whole number of 0 or more")]
    assert "Will add 3, update 0, leave 0 unchanged; 1 invalid" in check.counts.text()
    assert "1 new groups created" in check.counts.text()
    assert not wizard.button(COMMIT).isEnabled()  # nothing goes in while a row is invalid
    assert _group_names(db) == ["福利1群"]  # the check wrote nothing
    check.skip.setChecked(True)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as signal:
        _import(qtbot, wizard)
    assert signal.args == ["group_stats"]
    run = wizard.import_page
    summary = run.summary
    assert (summary.inserted, summary.invalid, summary.created_groups) == (3, 1, 1)
    assert "New groups created" in run.details.text() and "Invalid rows skipped" in run.details.text()
    assert "社群日报.errors.xlsx" in run.report_label.text()
    assert _group_names(db) == ["新开的群", "福利1群"]
    new = next(g.id for g in GroupService(db).groups() if g.name == "新开的群")
    day = dt.date.today() - dt.timedelta(days=3)
    assert GroupService(db).day_figures(day) == {
        known: (200, 60, 300, 50, 10, 100050),
        new: (50, 5, 20, 10, 1, 3000),
    }
    assert new not in GroupService(db).day_figures(day + dt.timedelta(days=1))  # the bad row stayed out


def test_a_dropped_group_stats_file_is_guessed(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = _group_stats(tmp_path)
    wizard = _wizard(qtbot, db)
    page = wizard.file_page
    assert wizard.kind == "customers" and not wizard.kind_fixed
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    page.dropEvent(drop)
    qtbot.waitUntil(lambda: not page._reading, timeout=10000)
    assert wizard.path == path
    assert wizard.kind == "group_stats" and page.group_stats_radio.isChecked()
    assert wizard.windowTitle() == "Import groups' daily figures"
    assert wizard.button(NEXT).isEnabled()


@pytest.mark.parametrize(
    ("kind", "header", "radio"),
    [
        ("members", ["群名称", "手机号", "群昵称", "入群时间"], "importKindMembers"),
        ("group_stats", STATS_HEADER, "importKindGroupStats"),
        ("coupons", ["券名称", "券类型", "面额/折扣", "券码", "领取人手机", "领取时间"], "importKindCoupons"),
        ("plan", ["日期", "时间", "渠道", "类别", "标题", "内容", "对象"], "importKindPlan"),
    ],
)
def test_each_kind_is_guessed_from_its_headers(qtbot, db, tmp_path, kind, header, radio) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "file.xlsx", [header])
    wizard = _wizard(qtbot, db, path)
    assert wizard.kind == kind
    assert wizard.findChild(QRadioButton, radio).isChecked()


def test_group_members_from_a_gbk_csv(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    joined = _days_ago(20)
    path = csv_file(
        tmp_path / "群成员.csv",
        [
            ["群名称", "手机号", "群昵称", "入群时间"],
            ["福利1群", "13800138000", "燕子", joined],
            ["福利1群", "13900000001", "新人", joined],
            ["福利2群", "13800138000", "", joined],
            ["福利2群", "", "无名", joined],
        ],
        encoding="gbk",
    )
    wizard = _wizard(qtbot, db, path, kind="members")  # from the menu: the kind is not guessed
    assert wizard.kind == "members" and wizard.file_page.members_radio.isChecked()
    assert wizard.windowTitle() == "Import group members"
    _to_columns(qtbot, wizard)
    assert _fields(wizard) == ["group_name", "phone", "name", "joined_on"]
    assert "encoding GBK" in wizard.columns_page.info.text()
    _to_check(qtbot, wizard)
    check = wizard.check_page
    assert (
        check.mode_box.isVisibleTo(check) and "same group and phone or member code" in check.mode_label.text()
    )
    model = check.model
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "5",
        "手机号",
        "",
        "neither a phone number nor a member code",
    ]
    assert customers_in(db) == 0 and _group_names(db) == []
    check.skip.setChecked(True)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as signal:
        _import(qtbot, wizard)
    assert signal.args == ["members"]
    summary = wizard.import_page.summary
    assert (summary.inserted, summary.created_groups, summary.created_customers) == (3, 2, 2)
    details = wizard.import_page.details.text()
    assert "New groups created" in details and "New customers created" in details
    assert customers_in(db) == 2
    members = {g.name: g.current_members for g in GroupService(db).groups()}
    assert members == {"福利1群": 2, "福利2群": 1}


def test_coupons_from_a_shop_system_export(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.coupons import CouponService

    start, end = _days_ago(10), (dt.date.today() + dt.timedelta(days=20)).isoformat()
    path = xlsx(
        tmp_path / "优惠券.xlsx",
        [
            [
                "券名称",
                "券类型",
                "面额/折扣",
                "使用门槛",
                "券码",
                "领取人手机",
                "领取时间",
                "生效时间",
                "失效时间",
            ],
            ["满100减20", "满减券", "20", "满100", "ABC-001", "13700000000", f"{start} 09:00:00", start, end],
            ["满100减20", "满减券", "20", "满100", "ABC-002", "13700000001", f"{start} 09:30:00", start, end],
            ["会员9折", "折扣券", "9折", None, "VIP-9", "13700000000", f"{start} 10:00:00", start, end],
        ],
    )
    wizard = _wizard(qtbot, db, path)
    assert wizard.kind == "coupons" and wizard.windowTitle() == "Import coupons"
    _to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.mode_box.isVisibleTo(check)
    assert all(r.isVisibleTo(check) for r in check.mode_radios)
    assert "2 new coupon campaigns created" in check.counts.text()
    assert "No problems found" in check.notice.text()
    with qtbot.waitSignal(wizard.imported, timeout=10000) as signal:
        _import(qtbot, wizard)
    assert signal.args == ["coupons"]
    summary = wizard.import_page.summary
    assert (summary.inserted, summary.created_campaigns, summary.created_customers) == (3, 2, 2)
    assert "New coupon campaigns created" in wizard.import_page.details.text()
    service = CouponService(db)
    campaigns = {c.name: c for c in service.campaigns()}
    assert set(campaigns) == {"满100减20", "会员9折"}
    assert (campaigns["会员9折"].kind, campaigns["会员9折"].rate_permille) == ("discount", 900)
    assert service.lookup("abc-001").phone == "13700000000"


def test_a_weekly_plan_and_importing_it_again(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.planner import PlannerService

    GroupService(db).save({"name": "福利1群"})
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday()) + dt.timedelta(days=7)
    path = xlsx(
        tmp_path / "下周计划.xlsx",
        [
            ["日期", "时间", "渠道", "类别", "标题", "内容", "对象"],
            [monday.isoformat(), "20:00", "社群", "互动", "趣味答题", "猜猜新品", "福利1群"],
            [(monday + dt.timedelta(days=1)).isoformat(), "08:30", "朋友圈", "产品", "新品上市", None, None],
        ],
    )
    wizard = _wizard(qtbot, db, path)
    assert wizard.kind == "plan" and wizard.windowTitle() == "Import a weekly plan"
    _to_check(qtbot, wizard)
    assert "same date, time, channel and title" in wizard.check_page.mode_label.text()
    with qtbot.waitSignal(wizard.imported, timeout=10000) as signal:
        _import(qtbot, wizard)
    assert signal.args == ["plan"] and wizard.import_page.summary.inserted == 2
    items = {i.title: i for i in PlannerService(db).items(monday)}
    assert set(items) == {"趣味答题", "新品上市"}
    assert items["趣味答题"].scheduled_at == dt.datetime.combine(monday, dt.time(20, 0))
    assert len(items["趣味答题"].groups()) == 1 and items["新品上市"].channel == "moments"
    again = _wizard(qtbot, db, path)
    _to_check(qtbot, again)
    summary = again.check_page.summary
    assert (summary.inserted, summary.updated, summary.unchanged) == (0, 0, 2)


def test_an_import_from_the_menu_refreshes_the_other_screens(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The wiring in app.main: after any import the customer list is read again, and the groups screen on
    show reads again with it; the coupons screen, not on show, reads again when next shown."""
    from app.main import _add_coupons_screen, _add_groups_screen, _wire_customer_menu
    from app.services.customer_admin import CustomerAdminService
    from app.services.customers import CustomerService
    from app.services.staff import StaffService
    from app.services.tags import TagService
    from app.views.customers_view import CustomersView, CustomerTools
    from app.views.main_window import MainWindow

    tools = CustomerTools(CustomerService(demo_db), TagService(demo_db), StaffService(demo_db),
                          CustomerAdminService(demo_db))  # fmt: skip
    customers = CustomersView(CustomerListService(demo_db), tools)
    window = MainWindow(customers, demo_db.location.display, "en")
    qtbot.addWidget(window)
    _wire_customer_menu(window, demo_db, tools)
    _add_groups_screen(window, demo_db, tools)
    _add_coupons_screen(window, demo_db, tools)
    window.show()
    window.show_screen("coupons")
    coupons = window.screen("coupons")
    qtbot.waitUntil(lambda: not coupons._loading and not coupons._stale, timeout=10000)
    window.show_screen("groups")
    groups = window.screen("groups")

    def shown_groups() -> set[str]:
        return {groups.model.row_item(r).name for r in range(groups.model.rowCount())}

    qtbot.waitUntil(lambda: groups.model.rowCount() > 0, timeout=10000)
    assert "新开的群" not in shown_groups()
    window.customer_actions["import_group_stats"].trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.kind == "group_stats" and wizard.kind_fixed
    wizard.file_page.set_path(_group_stats(tmp_path))
    qtbot.waitUntil(lambda: not wizard.file_page._reading, timeout=10000)
    _to_check(qtbot, wizard)
    wizard.check_page.skip.setChecked(True)
    with qtbot.waitSignal(wizard.imported, timeout=10000):
        _import(qtbot, wizard)
    qtbot.waitUntil(lambda: "新开的群" in shown_groups(), timeout=10000)
    assert coupons._stale  # not on show: it reads again when shown
    wizard.accept()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(10)


# -- the template --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["customers", "orders"])
def test_the_template_button_writes_a_file_the_import_recognises(
    qtbot, db, tmp_path, monkeypatch, kind
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, db, kind=kind)
    page = wizard.file_page
    asked: list[str] = []
    target = tmp_path / "模板"  # the suffix is added
    monkeypatch.setattr(page, "ask_template_path", lambda suggested: asked.append(suggested) or str(target))
    page.template_button.click()
    saved = tmp_path / "模板.xlsx"
    assert saved.exists() and asked[0].endswith(".xlsx")
    assert "模板.xlsx" in page.template_status.text()
    book = load_workbook(saved)
    headers = [c.value for c in book.worksheets[0][1]]
    values = {
        "Name": "王芳",
        "Phone": "13700000000",
        "Order number": "T-1",
        "Order time": "2026-11-01 09:00",
        "Amount paid": "18.5",
        "Customer phone": "13700000000",
    }
    book.worksheets[0].append([values.get(h) for h in headers])
    book.save(saved)
    page.set_path(saved)
    qtbot.waitUntil(lambda: not page._reading, timeout=10000)
    _to_columns(qtbot, wizard)
    assert CUSTOM not in _fields(wizard) and IGNORE not in _fields(wizard)
    assert len(_fields(wizard)) == len(headers)
    _to_check(qtbot, wizard)
    assert wizard.check_page.summary.inserted == 1 and wizard.check_page.summary.invalid == 0


# -- in Chinese ----------------------------------------------------------------------------------------


def test_messages_are_chinese_and_name_row_and_column(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    try:
        wizard = _wizard(qtbot, db, _bad_customers(tmp_path))
        assert wizard.windowTitle() == "导入客户"
        assert "表头在第 2 行" in wizard.file_page.status.text()
        _to_columns(qtbot, wizard)
        assert "表头在第 2 行" in wizard.columns_page.info.text()
        assert wizard.columns_page.combos[1].currentText() == "手机号"
        _to_check(qtbot, wizard)
        page = wizard.check_page
        model = page.model
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
            "行号",
            "列",
            "内容",
            "原因",
        ]
        assert [model.data(model.index(0, c)) for c in range(4)] == [
            "4",
            "手机号",
            "12345",
            "不是有效的11位手机号",
        ]
        assert "4 行有问题" in page.notice.text()
        assert page.skip.text() == "跳过无效行，导入其余 2 行"
        assert wizard.button(COMMIT).text() == "导入"
        assert wizard.button(QWizard.WizardButton.CancelButton).text() == "取消"
    finally:
        i18n.install("en")


def test_closing_while_reading_drops_the_result(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "c.xlsx", [["姓名", "手机号"], ["甲", "13800000000"]])
    wizard = ImportWizard(ImportService(db))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.set_path(path)
    assert wizard.file_page._reading
    wizard.reject()
    assert not wizard.isVisible()
    qtbot.wait(300)  # the read finishes in the background and is ignored
    assert "Read as" not in wizard.file_page.status.text() and wizard.cached_preview() is None


def test_the_language_can_change_while_the_wizard_is_open(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, db, _bad_customers(tmp_path))
    _to_check(qtbot, wizard)
    assert "Will add 2" in wizard.check_page.counts.text()
    i18n.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: "将新增 2" in wizard.check_page.counts.text(), timeout=5000)
        assert wizard.check_page.title() == "检查数据"
        assert wizard.columns_page.combos[1].currentText() == "手机号"
        assert wizard.file_page.customers_radio.text() == "客户"
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: wizard.check_page.title() == "Check the rows", timeout=5000)


def test_a_tills_time_column_is_said_to_join_its_day_column(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "pos.csv", [["单号", "销售日期", "销售时间", "手机号", "实收金额"],
                                           ["X1", "2026-03-06", "18:30", "13200132001", "10"],
                                           ["X2", "2026-03-06", "09:05:01", "13200132002", "12.5"]])  # fmt: skip
    wizard = _wizard(qtbot, db, path)
    assert wizard.kind == "orders"
    _to_columns(qtbot, wizard)
    page = wizard.columns_page
    assert _fields(wizard)[1:3] == [IGNORE, "ordered_at"]  # the day column is mapped to nothing...
    assert page.joined_time.isVisibleTo(page)  # ...yet read, and the page says so
    said = page.joined_time.text()
    assert said.index("「销售时间」") < said.index("「销售日期」")  # the times of day added to the days
    assert page.combos[1].toolTip() == page.combos[2].toolTip() == said
    # mapped the other way round (the days as the order time), the page says the same
    page.set_field(2, IGNORE)
    page.set_field(1, "ordered_at")
    assert page.joined_time.isVisibleTo(page) and page.joined_time.text() == said
    page.set_field(1, IGNORE)  # no order time at all: nothing joined, and the page asks for one
    assert not page.joined_time.isVisibleTo(page) and page.problem_label.text()


def test_a_customer_file_has_no_joined_time_column(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "c.csv", [["姓名", "手机", "添加日期", "时间"], ["A", "13800000001", "2026-01-05", "10:00"]])
    wizard = _wizard(qtbot, db, path)
    _to_columns(qtbot, wizard)
    assert not wizard.columns_page.joined_time.isVisibleTo(wizard.columns_page)


def test_a_column_of_masked_card_numbers_is_said_to_be_set_aside(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path / "unionpay.csv", [["交易日期", "卡号", "交易金额", "手机号"],
                                                ["20260105", "622202******1234", "100.00", "13800138000"]])  # fmt: skip
    wizard = _wizard(qtbot, db, path)
    _to_columns(qtbot, wizard)
    page = wizard.columns_page
    assert _fields(wizard)[1] == IGNORE
    assert page.masked.isVisibleTo(page) and "「卡号」" in page.masked.text()
