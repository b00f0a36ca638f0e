from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import text

from app.services.export import ExportService, escape_formula, write_template
from app.services.importer import ImportService


def test_customers_xlsx_is_styled_and_safe(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (name, phone, birthday, remark_name, search_key) VALUES "
                          "('=HYPERLINK(\"http://x\")', '13800138000', '1990-05-06', '@SUM(A1)', ''), "
                          "('-2+3', '13800138001', NULL, '+1', '')"))  # fmt: skip
    path = tmp_path / "c.xlsx"
    assert ExportService(db).export_customers(path) == 2
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Siyu ID", "Name", "Phone", "Member code"]
    assert sheet["B1"].font.b and sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet["B2"].value == '=HYPERLINK("http://x")' and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == "13800138000" and sheet["C2"].data_type == "s"  # phone as text
    assert sheet["H2"].value == dt.datetime(1990, 5, 6) and sheet["H2"].number_format == "yyyy-mm-dd"


def test_csv_has_a_bom_escapes_formulas_and_masks_phones(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO customer (name, phone, search_key) VALUES ('=1+1', '13800138000', '')")
        )
    path = tmp_path / "c.csv"
    ExportService(db).export_customers(path, mask_phones=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw.decode("utf-8-sig")
    assert "'=1+1" in body and "138****8000" in body and "13800138000" not in body
    assert escape_formula("@x") == "'@x" and escape_formula("\tx") == "'\tx" and escape_formula("ok") == "ok"


def test_import_export_import_leaves_customers_unchanged(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def snapshot():  # type: ignore[no-untyped-def]
        with demo_db.engine.connect() as conn:
            customers = conn.execute(text("SELECT id, name, phone, member_code, remark_name, wechat_id, gender, birthday, "
                                          "birthday_lunar, city, source_channel, added_on, owner_staff_id, level, notes "
                                          "FROM customer ORDER BY id")).all()  # fmt: skip
            tags = conn.execute(text("SELECT customer_id, tag_id FROM customer_tag ORDER BY 1, 2")).all()
            return customers, tags

    before = snapshot()
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"customers{suffix}"
        ExportService(demo_db).export_customers(path)
        summary = ImportService(demo_db).run(path, "customers")
        assert (summary.inserted, summary.updated, summary.invalid) == (0, 0, 0), suffix
        assert summary.unchanged == 400
    assert snapshot() == before
    orders = tmp_path / "orders.csv"
    ExportService(demo_db).export_orders(orders)
    summary = ImportService(demo_db).run(orders, "orders")
    assert (summary.inserted, summary.updated, summary.invalid) == (0, 0, 0)


def test_templates_are_recognised_by_the_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for kind in ("customers", "orders", "members", "group_stats", "coupons", "plan"):
        path = write_template(kind, tmp_path / f"{kind}.xlsx")
        book = load_workbook(path)
        assert len(book.worksheets) == 2
        preview = ImportService(db).preview(path, kind)
        assert "__custom__" not in preview.mapping and "__ignore__" not in preview.mapping
        assert preview.data_rows == 0


def test_a_file_that_cannot_be_written_says_why_and_leaves_nothing_behind(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from app.services.export import Column, ExportError, write_table

    with pytest.raises(ExportError, match="the folder does not exist"):
        ExportService(db).export_customers(tmp_path / "no such folder" / "c.xlsx")
    folder = tmp_path / "out"
    folder.mkdir()
    in_the_way = folder / "c.csv"
    in_the_way.mkdir()  # a name the export cannot replace
    with pytest.raises(ExportError, match="Cannot write"):
        write_table(in_the_way, [Column("A")], [["x"]])

    class Cancelled(Exception):
        pass

    def cancel(_stage: str, _fraction: float) -> None:
        raise Cancelled

    rows = ([str(i)] for i in range(30000))
    with pytest.raises(Cancelled):  # a cancelled export: neither the file nor its .part is left
        write_table(folder / "big.csv", [Column("A")], rows, total=30000, progress=cancel)
    assert sorted(p.name for p in folder.iterdir()) == ["c.csv"]


def test_a_cancelled_xlsx_export_leaves_nothing_behind(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from app.services.export import Column, write_table

    def cancel(_stage: str, _fraction: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_table(tmp_path / "big.xlsx", [Column("A")], ([str(i)] for i in range(6000)), total=6000, progress=cancel)
    assert not list(tmp_path.glob("big.xlsx*"))
