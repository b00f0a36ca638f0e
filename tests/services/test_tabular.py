"""Reading what shop systems call an Excel export: real workbooks, and HTML tables, Excel 2003 XML and
tab-separated text that only carry an .xls name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from app.services.importer import ImportService
from app.services.tabular import FileReadError, read_grid, sheet_names

HTML_EXPORT = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><table border="1">
<tr><td colspan="4" style="font-weight:bold">会员列表 导出时间：2026-03-01</td></tr>
<tr><th>会员姓名</th><th>手机号</th><th>累计消费</th><th>备注</th></tr>
<tr><td>张晓燕</td><td style="mso-number-format:'\\@'">13800138000</td><td>￥1,234.50</td><td>老客&nbsp;户<br>爱吃甜</td></tr>
<tr><td>周敏<td>13900139000<td>12<td>
</table></body></html>"""

XML_2003 = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">见下一页</Data></Cell></Row></Table></Worksheet>
 <Worksheet ss:Name="订单">
  <Table>
   <Row><Cell><Data ss:Type="String">订单号</Data></Cell><Cell><Data ss:Type="String">下单时间</Data></Cell>
        <Cell><Data ss:Type="String">实付金额</Data></Cell><Cell><Data ss:Type="String">渠道</Data></Cell>
        <Cell><Data ss:Type="String">手机号</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">X1</Data></Cell><Cell><Data ss:Type="DateTime">2026-03-01T10:30:00.000</Data></Cell>
        <Cell><Data ss:Type="Number">58.5</Data></Cell><Cell><Data ss:Type="String">门店</Data></Cell>
        <Cell><Data ss:Type="Number">13800138000</Data></Cell></Row>
   <Row ss:Index="4"><Cell><Data ss:Type="String">X2</Data></Cell><Cell><Data ss:Type="String">2026-03-02 09:00</Data></Cell>
        <Cell><Data ss:Type="Number">20</Data></Cell><Cell ss:Index="5"><Data ss:Type="String">13900139000</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>"""


def test_an_html_table_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "会员导出.xls"
    path.write_bytes(HTML_EXPORT.encode("gbk"))
    grid = read_grid(path)
    assert grid.rows == [
        ["会员列表 导出时间：2026-03-01", "", "", ""],
        ["会员姓名", "手机号", "累计消费", "备注"],
        ["张晓燕", "13800138000", "￥1,234.50", "老客 户\n爱吃甜"],
        ["周敏", "13900139000", "12", ""],  # cells and rows whose end tags were left out
    ]
    assert sheet_names(path) == []


def test_excel_2003_xml_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "orders.xls"
    path.write_text(XML_2003, encoding="utf-8")
    assert sheet_names(path) == ["说明", "订单"]
    grid = read_grid(path, "订单")
    assert grid.rows[1] == ["X1", dt.datetime(2026, 3, 1, 10, 30), 58.5, "门店", 13800138000.0]
    assert grid.rows[2] == [] and grid.rows[3] == ["X2", "2026-03-02 09:00", 20.0, None, "13900139000"]
    with pytest.raises(FileReadError, match="no sheet named"):
        read_grid(path, "客户")


def test_disguised_files_import_like_real_ones(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    html = tmp_path / "会员导出.xls"
    html.write_bytes(HTML_EXPORT.encode("gbk"))
    summary = ImportService(db).run(html, "customers")
    assert (summary.inserted, summary.invalid) == (2, 0)
    xml = tmp_path / "orders.xls"
    xml.write_text(XML_2003, encoding="utf-8")
    summary = ImportService(db).run(xml, "orders", sheet="订单")
    assert (summary.inserted, summary.invalid) == (2, 0)
    tsv = tmp_path / "orders2.xls"  # tab-separated GBK text under an Excel name
    tsv.write_bytes("订单号\t下单时间\t实付金额\t手机号\r\nT1\t2026/3/3 8:00\t20\t13800138000\r\n".encode("gbk"))
    assert ImportService(db).run(tsv, "orders").inserted == 1
    unicode_text = tmp_path / "orders3.txt"  # Excel's "Unicode text": UTF-16 with tabs
    unicode_text.write_bytes("订单号\t下单时间\t实付金额\t手机号\r\nU1\t2026-03-04\t30\t13900139000\r\n".encode("utf-16"))
    assert ImportService(db).run(unicode_text, "orders").inserted == 1
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT external_no, amount_cents FROM orders ORDER BY external_no")).all()
    assert [tuple(r) for r in rows] == [("T1", 2000), ("U1", 3000), ("X1", 5850), ("X2", 2000)]


def test_a_web_page_without_a_table(tmp_path: Path) -> None:
    path = tmp_path / "login.xls"
    path.write_text("<!DOCTYPE html><html><body>请先登录</body></html>", encoding="utf-8")
    with pytest.raises(FileReadError, match="web page without a table"):
        read_grid(path)


def test_html_cells_spanning_rows_repeat_in_each_row(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "订单.xls"
    path.write_text(
        "<table><tr><th>订单号</th><th>下单时间</th><th>商品</th><th>实付金额</th><th>手机号</th></tr>"
        "<tr><td rowspan='2'>E1</td><td rowspan='2'>2026-03-01 10:00</td><td>面包</td><td>12</td>"
        "<td rowspan='2'>13800138000</td></tr><tr><td>牛奶</td><td>8</td></tr>"
        "<tr><td>E2</td><td>2026-03-02</td><td>吐司</td><td>20</td><td>13900139000</td></tr></table>",
        encoding="utf-8",
    )
    assert read_grid(path).rows[1:3] == [["E1", "2026-03-01 10:00", "面包", "12", "13800138000"],
                                         ["E1", "2026-03-01 10:00", "牛奶", "8", "13800138000"]]  # fmt: skip
    summary = ImportService(db).run(path, "orders")
    assert (summary.inserted, summary.order_lines, summary.invalid) == (2, 1, 0)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT external_no, amount_cents FROM orders ORDER BY external_no")).all()
    assert [tuple(r) for r in rows] == [("E1", 2000), ("E2", 2000)]


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"  # Excel writes an encrypted .xlsx as an OLE compound file
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016) + "EncryptedPackage".encode("utf-16-le") + bytes(3040))
    with pytest.raises(FileReadError, match="protected by a password"):
        read_grid(path)


def test_a_real_excel_97_workbook(db) -> None:  # type: ignore[no-untyped-def]
    # written by xlwt (Excel 97-2003, BIFF8): a merged title row, a phone as a number, date cells
    path = Path(__file__).parent / "files" / "members-biff8.xls"
    assert read_grid(path).rows[2][:3] == ["张晓燕", 13800138000.0, dt.date(1990, 5, 6)]
    summary = ImportService(db).run(path, "customers")
    assert (summary.inserted, summary.invalid) == (2, 0)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, phone, birthday FROM customer ORDER BY id")).all()
    assert [(r[0], r[1], str(r[2])[:10]) for r in rows] == [("张晓燕", "13800138000", "1990-05-06"),
                                                            ("周敏", "13900139000", "1988-01-05")]  # fmt: skip


def test_a_western_windows_csv_and_a_workbook_named_csv(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a public data set saved on English Windows: neither UTF-8 nor GBK, a £ and an é in it
    latin = tmp_path / "data.csv"
    latin.write_bytes("InvoiceNo,Description,InvoiceDate,UnitPrice,Quantity,CustomerID\n"
                      "536365,POUND £ SIGN,12/1/2010 8:26,2.55,6,17850\n"
                      "536366,CAFÉ SET,12/1/2010 8:28,1.85,2,13047\n".encode("cp1252"))  # fmt: skip
    grid = read_grid(latin)
    assert grid.encoding == "cp1252" and grid.rows[2][1] == "CAFÉ SET"
    assert ImportService(db).run(latin, "orders").inserted == 2
    # a workbook that a system saved under a .csv name
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "手机号"])
    book.active.append(["张三", "13800138000"])
    named_csv = tmp_path / "members.csv"
    book.save(named_csv)
    assert read_grid(named_csv).rows == [["姓名", "手机号"], ["张三", "13800138000"]]
    assert ImportService(db).run(named_csv, "customers").inserted == 1


def test_a_csv_with_old_mac_line_ends(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mac.csv"
    path.write_bytes("姓名,手机号,城市\r张三,13800000001,杭州\r李四,13800000002,上海\r".encode())
    assert read_grid(path).rows == [["姓名", "手机号", "城市"], ["张三", "13800000001", "杭州"], ["李四", "13800000002", "上海"]]
    assert ImportService(db).run(path, "customers").inserted == 2
    titled = tmp_path / "titled.csv"  # a title and a blank line above the header: no row may go missing
    titled.write_bytes("会员导出\r\r姓名,手机号\r王五,13800000003\r赵六,13800000004\r".encode())
    assert ImportService(db).run(titled, "customers").inserted == 2


def test_control_characters_from_a_broken_export(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A NUL is left out on the way in (PostgreSQL cannot keep one); other control characters are kept and
    left out of exported workbooks, which cannot hold them (openpyxl refused the whole export)."""
    from app.services.export import ExportService

    path = tmp_path / "broken.csv"
    path.write_bytes("姓名,手机号,备注\n\"c\x00d\",13800000001,ok\n\"a\x01b\",13800000002,\"x\x0by\"\n".encode())
    assert ImportService(db).run(path, "customers").inserted == 2
    with db.engine.connect() as conn:
        names = sorted(r[0] for r in conn.execute(text("SELECT name FROM customer")))
    assert names == ["a\x01b", "cd"]
    out = tmp_path / "out.xlsx"
    assert ExportService(db).export_customers(out) == 2
    exported = read_grid(out).rows
    assert sorted(r[1] for r in exported[1:]) == ["ab", "cd"]


def test_nul_characters_in_an_excel_97_file_under_a_csv_name_and_in_html(tmp_path: Path) -> None:
    data = (Path(__file__).parent / "files" / "members-biff8.xls").read_bytes().replace("周敏".encode("utf-16-le"), "\x00敏".encode("utf-16-le"))
    named_csv = tmp_path / "members.csv"
    named_csv.write_bytes(data)
    assert read_grid(named_csv).rows[3][0] == "敏"
    page = tmp_path / "page.xls"
    page.write_text("<table><tr><td>姓名</td><td>手机号</td></tr><tr><td>张三</td><td>1380000\x000001</td></tr></table>")
    assert read_grid(page).rows[1] == ["张三", "13800000001"]
