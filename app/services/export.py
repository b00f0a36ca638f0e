"""Exporting tables to styled .xlsx (openpyxl, write-only) or CSV (UTF-8 with BOM), and import templates.

Headers are the import's field names, so an export imports back unchanged. A text cell that starts with
= + - @, a tab or a carriage return can never become a formula: in .xlsx it is written as a string with
Excel's quote prefix; in CSV it gets a leading apostrophe (the usual defence; Excel hides it).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.import_fields import CUSTOMER_FIELDS, FIELDS, ORDER_FIELDS, Field
from app.services.normalise import mask_phone

Translate = Callable[[str, str], str]
Progress = Callable[[str, float], None]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _identity(_context: str, text_: str) -> str:
    return text_


class ExportError(UserError):
    pass


@contextmanager
def writing(path: Path) -> Iterator[Path]:
    """Write to ``<path>.part`` and move it over ``path`` at the end, so that a failed export never leaves half a
    file under the real name; a failure to write (the file open in Excel, a missing or read-only folder, a
    full disk) becomes an ``ExportError`` naming the file and why."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.open("wb").close()  # a folder that is missing or cannot be written to fails here, before any work
        yield tmp
        tmp.replace(path)
    except BaseException as exc:  # also a cancelled export: no .part file is left behind
        if tmp.parent.exists():
            tmp.unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
        if isinstance(exc, PermissionError):
            raise ExportError(QT_TRANSLATE_NOOP(
                "Errors", "Cannot write {path}: the file is open in another program (Excel?), or this folder cannot "
                          "be written to. Close it, or choose another name or folder."), path=str(path)) from exc  # fmt: skip
        if isinstance(exc, FileNotFoundError):
            raise ExportError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: the folder does not exist."),
                              path=str(path)) from exc  # fmt: skip
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}."), path=str(path),
                          reason=exc.strerror or str(exc)) from exc  # fmt: skip


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text, phone, date, datetime, money, int
    width: int = 14


def xlsx_text(value: str) -> str:
    """Text a workbook can hold: control characters (pasted with a name, a NUL from a broken file) are left
    out; openpyxl refuses them, and Excel could not show them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def escape_formula(value: str) -> str:
    """For CSV: a leading apostrophe stops spreadsheet programs from running planted formulas."""
    if value and value.startswith(DANGEROUS):
        return "'" + value
    return value


def write_table(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    total: int | None = None,
    sheet_title: str = "Sheet1",
    progress: Progress | None = None,
) -> int:
    """Write rows to .xlsx or .csv (by suffix); returns the row count."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _write_csv(path, columns, rows, total, progress)
    if suffix in (".xlsx", ".xlsm"):
        return _write_xlsx(path, columns, rows, total, sheet_title, progress)
    raise ExportError(QT_TRANSLATE_NOOP("Errors", "{path}: export to a .xlsx or .csv file."), path=path.name)


def _text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return f"{value / 100:.2f}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path, columns, rows, total, progress) -> int:  # type: ignore[no-untyped-def]
    count = 0
    with writing(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c.header for c in columns])
        for row in rows:
            writer.writerow([escape_formula(_text(v, c.kind)) if c.kind in ("text", "phone") else _text(v, c.kind)
                             for v, c in zip(row, columns, strict=True)])  # fmt: skip
            count += 1
            if progress and total and count % 20000 == 0:
                progress(QT_TRANSLATE_NOOP("Export", "Writing"), count / total)
    return count


def _write_xlsx(path, columns, rows, total, sheet_title, progress) -> int:  # type: ignore[no-untyped-def]

    with writing(path) as tmp:  # a folder that cannot be written to fails before any work
        return _fill_xlsx(tmp, columns, rows, total, sheet_title, progress)


def _fill_xlsx(tmp, columns, rows, total, sheet_title, progress) -> int:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])
    sheet.freeze_panes = "A2"
    for i, col in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = col.width
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="EEF2F7")
    header = []
    for col in columns:
        cell = WriteOnlyCell(sheet, value=xlsx_text(col.header))
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    styled = {}
    for i, col in enumerate(columns):
        if col.kind in ("date", "datetime", "money"):
            styled[i] = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss", "money": "#,##0.00"}[
                col.kind
            ]
    count = 0
    try:
        count = _xlsx_rows(sheet, columns, rows, styled, total, progress)
    except BaseException:
        sheet.close()  # the sheet's stream, or its generator complains when collected
        raise
    if count:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    book.save(tmp)
    return count


def _xlsx_rows(sheet, columns, rows, styled, total, progress) -> int:  # type: ignore[no-untyped-def]
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils.exceptions import IllegalCharacterError

    count = 0
    for row in rows:
        out: list[Any] = []
        for i, (value, col) in enumerate(zip(row, columns, strict=True)):
            if value is None:
                out.append(None)
                continue
            if col.kind == "money":
                value = value / 100
            elif col.kind in ("date", "datetime") and isinstance(value, str):
                value = _parse_dt(value, col.kind)
            if isinstance(value, str):
                try:  # openpyxl checks every text for characters a workbook cannot hold anyway
                    cell = WriteOnlyCell(sheet, value=value)
                except IllegalCharacterError:
                    value = xlsx_text(value)
                    cell = WriteOnlyCell(sheet, value=value)
                if value.startswith(DANGEROUS):
                    cell.data_type = "s"  # never a formula
                    cell.quotePrefix = True
                out.append(cell)
            elif i in styled:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = styled[i]
                out.append(cell)
            else:
                out.append(value)
        sheet.append(out)
        count += 1
        if progress and total and count % 5000 == 0:
            progress(QT_TRANSLATE_NOOP("Export", "Writing"), count / total)
    return count


def _parse_dt(value: str, kind: str) -> dt.date | dt.datetime | str:
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    return parsed.date() if kind == "date" else parsed


# -- customers and orders ------------------------------------------------------------------------------

_LEVEL_WORDS = {"fan": QT_TRANSLATE_NOOP("Export", "Fan"), "customer": QT_TRANSLATE_NOOP("Export", "Customer"),
                "member": QT_TRANSLATE_NOOP("Export", "Member"), "koc": QT_TRANSLATE_NOOP("Export", "KOC")}  # fmt: skip
_GENDER_WORDS = {"male": QT_TRANSLATE_NOOP("Export", "Male"), "female": QT_TRANSLATE_NOOP("Export", "Female"),
                 "unknown": QT_TRANSLATE_NOOP("Export", "Unknown")}  # fmt: skip
_CALENDAR_WORDS = {0: QT_TRANSLATE_NOOP("Export", "Solar"), 1: QT_TRANSLATE_NOOP("Export", "Lunar")}

_CUSTOMER_KINDS = {"siyu_id": "int", "phone": "phone", "birthday": "date", "added_on": "date"}
_CUSTOMER_WIDTHS = {
    "siyu_id": 10,
    "name": 12,
    "phone": 14,
    "remark_name": 18,
    "tags": 30,
    "notes": 30,
    "wechat_id": 18,
}


def header_for(f: Field, translate: Translate) -> str:
    return translate("ImportFields", f.label)


class ExportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def export_customers(
        self,
        path: Path | str,
        ids: Sequence[int] | None = None,
        *,
        mask_phones: bool = False,
        translate: Translate = _identity,
        progress: Progress | None = None,
    ) -> int:
        """Customers (all live ones, or ``ids`` in that order) with tags and custom fields."""
        path = Path(path)
        with self._db.engine.connect() as conn:
            where = "c.deleted_at IS NULL"
            rows = conn.execute(text(
                "SELECT c.id, c.name, c.phone, c.member_code, c.remark_name, c.wechat_id, c.gender, c.birthday, "
                "c.birthday_lunar, c.city, c.source_channel, c.added_on, s.name, c.level, c.notes "
                f"FROM customer c LEFT JOIN staff s ON s.id = c.owner_staff_id WHERE {where} ORDER BY c.id"
            )).all()  # fmt: skip
            tags: dict[int, list[str]] = {}
            for cid, name in conn.execute(text(
                "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                "JOIN tag_group g ON g.id = t.group_id ORDER BY ct.customer_id, g.sort_order, g.id, t.id"
            )):  # fmt: skip
                tags.setdefault(cid, []).append(name)
            fields: dict[int, dict[str, str]] = {}
            for cid, name, value in conn.execute(
                text("SELECT customer_id, name, value FROM customer_field ORDER BY name")
            ):
                fields.setdefault(cid, {})[name] = value
        by_id = {r[0]: r for r in rows}
        order = [i for i in ids if i in by_id] if ids is not None else [r[0] for r in rows]
        custom_names = sorted({n for cid in order for n in fields.get(cid, {})})
        keys = ["siyu_id", "name", "phone", "member_code", "remark_name", "wechat_id", "gender", "birthday", "birthday_calendar",
                "city", "source_channel", "added_on", "owner", "level", "tags", "notes"]  # fmt: skip
        spec = {f.key: f for f in CUSTOMER_FIELDS}
        columns = [Column(header_for(spec[k], translate), _CUSTOMER_KINDS.get(k, "text"), _CUSTOMER_WIDTHS.get(k, 12))
                   for k in keys] + [Column(n, "text", 14) for n in custom_names]  # fmt: skip

        def produce() -> Iterable[list[Any]]:
            for cid in order:
                r = by_id[cid]
                phone = mask_phone(r[2]) if mask_phones else r[2]
                yield [r[0], r[1], phone, r[3], r[4], r[5], translate("Export", _GENDER_WORDS.get(r[6], r[6] or "")),
                       _date(r[7]), translate("Export", _CALENDAR_WORDS[int(bool(r[8]))]) if r[7] else None,
                       r[9], r[10], _date(r[11]), r[12], translate("Export", _LEVEL_WORDS.get(r[13], r[13] or "")),
                       "、".join(tags.get(cid, [])) or None, r[14],
                       *[fields.get(cid, {}).get(n) for n in custom_names]]  # fmt: skip

        return write_table(path, columns, produce(), total=len(order),
                           sheet_title=translate("Export", "Customers"), progress=progress)  # fmt: skip

    def export_orders(
        self,
        path: Path | str,
        customer_ids: Sequence[int] | None = None,
        *,
        mask_phones: bool = False,
        translate: Translate = _identity,
        progress: Progress | None = None,
    ) -> int:
        path = Path(path)
        where = ""
        if customer_ids is not None:
            where = f"WHERE o.customer_id IN ({','.join(str(int(i)) for i in customer_ids) or 'NULL'})"
        spec = {f.key: f for f in ORDER_FIELDS}
        keys = ["external_no", "ordered_at", "amount", "phone", "member_code", "name", "customer_siyu_id", "channel",
                "source"]  # fmt: skip
        kinds = {"ordered_at": "datetime", "amount": "money", "phone": "phone"}
        widths = {"external_no": 18, "ordered_at": 20, "phone": 14, "customer_siyu_id": 10}
        kinds["customer_siyu_id"] = "int"
        columns = [
            Column(header_for(spec[k], translate), kinds.get(k, "text"), widths.get(k, 12)) for k in keys
        ]
        with self._db.engine.connect() as conn:
            total = conn.execute(text(f"SELECT count(*) FROM orders o {where}")).scalar_one()
            result = conn.execution_options(stream_results=True, yield_per=20000).execute(text(
                "SELECT o.external_no, o.ordered_at, o.amount_cents, c.phone, c.member_code, c.name, c.id, o.channel, "
                "o.source "
                f"FROM orders o JOIN customer c ON c.id = o.customer_id {where} ORDER BY o.ordered_at, o.id"))  # fmt: skip

            def produce() -> Iterable[list[Any]]:
                for r in result:
                    no = r[0] if not r[0].startswith("auto:") else None
                    yield [
                        no,
                        r[1],
                        r[2],
                        mask_phone(r[3]) if mask_phones else r[3],
                        r[4],
                        r[5],
                        r[6],
                        r[7],
                        r[8],
                    ]

            return write_table(path, columns, produce(), total=total,
                               sheet_title=translate("Export", "Orders"), progress=progress)  # fmt: skip


def _date(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return value[:10]
    return value


# -- templates -----------------------------------------------------------------------------------------

_TEMPLATE_NOTES = {
    "name": QT_TRANSLATE_NOOP("Template", "Customer name or WeChat nickname"),
    "phone": QT_TRANSLATE_NOOP("Template", "11-digit mobile number; +86, spaces and dashes are fine"),
    "member_code": QT_TRANSLATE_NOOP("Template", "Member or card number from your POS"),
    "remark_name": QT_TRANSLATE_NOOP("Template", "The remark name you gave them in WeChat"),
    "wechat_id": QT_TRANSLATE_NOOP("Template", "WeChat ID"),
    "gender": QT_TRANSLATE_NOOP("Template", "男, 女 or 未知"),
    "birthday": QT_TRANSLATE_NOOP("Template", "A date: 1990-05-06, 1990/5/6 or 1990年5月6日"),
    "birthday_calendar": QT_TRANSLATE_NOOP("Template", "公历 (solar) or 农历 (lunar); empty means solar"),
    "city": QT_TRANSLATE_NOOP("Template", "City"),
    "source_channel": QT_TRANSLATE_NOOP("Template", "Where they came from: 门店扫码, 朋友推荐, 小红书…"),
    "added_on": QT_TRANSLATE_NOOP("Template", "The day they were added to your WeChat"),
    "owner": QT_TRANSLATE_NOOP("Template", "The staff member who looks after them (created if new)"),
    "level": QT_TRANSLATE_NOOP("Template", "粉丝, 客户, 会员 or KOC"),
    "tags": QT_TRANSLATE_NOOP("Template", "Tags separated by 、 or commas"),
    "notes": QT_TRANSLATE_NOOP("Template", "Anything else worth remembering"),
    "external_no": QT_TRANSLATE_NOOP(
        "Template", "Order number; re-importing the same number updates the order"
    ),
    "ordered_at": QT_TRANSLATE_NOOP("Template", "Order time: 2026-01-05 14:30 or a date"),
    "amount": QT_TRANSLATE_NOOP(
        "Template", "Amount paid in yuan: 128.50, ¥1,280 or 12元; negative for a refund"
    ),
    "status": QT_TRANSLATE_NOOP(
        "Template", "Optional: the order's state; an order 已关闭, 已取消, 待付款 or 已退款 is left out"
    ),
    "refund": QT_TRANSLATE_NOOP("Template", "Optional: money given back, in yuan; taken off the amount paid"),
    "quantity": QT_TRANSLATE_NOOP(
        "Template", "Only for a file of order lines without 实付金额: how many; rows with one order number are one order"
    ),
    "unit_price": QT_TRANSLATE_NOOP(
        "Template", "Only with 数量: the price of one, in yuan; the line's amount is 数量 × 单价"
    ),
    "channel": QT_TRANSLATE_NOOP("Template", "门店, 小程序, 外卖…"),
    "source": QT_TRANSLATE_NOOP(
        "Template", "The system the order came from (order numbers are unique per system)"
    ),
    "group_name": QT_TRANSLATE_NOOP("Template", "The group's name as in WeChat (a new name creates the group)"),
    "joined_on": QT_TRANSLATE_NOOP("Template", "The day they joined the group"),
    "left_on": QT_TRANSLATE_NOOP("Template", "The day they left the group, if they did"),
    "members": QT_TRANSLATE_NOOP("Template", "Members in the group that day"),
    "speakers": QT_TRANSLATE_NOOP("Template", "Members who spoke that day"),
    "messages": QT_TRANSLATE_NOOP("Template", "Messages that day"),
    "visitors": QT_TRANSLATE_NOOP("Template", "Members who visited the shop from the group"),
    "buyers": QT_TRANSLATE_NOOP("Template", "Members who paid"),
    "gmv": QT_TRANSLATE_NOOP("Template", "Money they paid, in yuan"),
    "campaign_name": QT_TRANSLATE_NOOP("Template", "The coupon's name: coupons with one name form one campaign"),
    "face": QT_TRANSLATE_NOOP("Template", "20 (yuan off) or 9折"),
    "threshold": QT_TRANSLATE_NOOP("Template", "满100, or empty for none"),
    "code": QT_TRANSLATE_NOOP("Template", "The coupon code, one row per code"),
    "claimed_at": QT_TRANSLATE_NOOP("Template", "When the customer got it"),
    "valid_from": QT_TRANSLATE_NOOP("Template", "The first day it can be used"),
    "valid_to": QT_TRANSLATE_NOOP("Template", "The last day it can be used"),
    "redeemed_at": QT_TRANSLATE_NOOP("Template", "When it was used, if it was"),
    "order_no": QT_TRANSLATE_NOOP("Template", "The order it was used on"),
    "discount": QT_TRANSLATE_NOOP("Template", "The discount it gave, in yuan"),
    "time": QT_TRANSLATE_NOOP("Template", "Time of day: 09:30"),
    "title": QT_TRANSLATE_NOOP("Template", "A short title"),
    "body": QT_TRANSLATE_NOOP("Template", "The text to post"),
    "targets": QT_TRANSLATE_NOOP("Template", "Group names, a segment or tag name, or phone numbers"),
}
# where one column means something else in another kind of file
_KIND_NOTES = {
    ("group_stats", "day"): QT_TRANSLATE_NOOP("Template", "The day the figures are for"),
    ("plan", "day"): QT_TRANSLATE_NOOP("Template", "The day to post"),
    ("coupons", "kind"): QT_TRANSLATE_NOOP("Template", "满减券, 折扣券, 无门槛券 or 赠品券"),
    ("coupons", "phone"): QT_TRANSLATE_NOOP("Template", "The holder's mobile number (a new number creates the customer)"),
    ("plan", "channel"): QT_TRANSLATE_NOOP("Template", "社群, 朋友圈, 一对一, 公众号 or 直播"),
    ("plan", "category"): QT_TRANSLATE_NOOP(
        "Template", "Groups: 营销, 互动, 福利 or 日常; moments: 活动, 关怀 or 产品"),
}
_SHEET_NAMES = {
    "customers": QT_TRANSLATE_NOOP("Export", "Customers"),
    "orders": QT_TRANSLATE_NOOP("Export", "Orders"),
    "members": QT_TRANSLATE_NOOP("Export", "Group members"),
    "group_stats": QT_TRANSLATE_NOOP("Export", "Daily figures"),
    "coupons": QT_TRANSLATE_NOOP("Export", "Coupons"),
    "plan": QT_TRANSLATE_NOOP("Export", "Weekly plan"),
}


def _template_header(kind: str, f: Field, translate: Translate) -> str:
    """The field's name in the owner's language when the import recognises it as that field, else the first
    name the import knows it by."""
    from app.services.import_fields import alias_index, normalise_header

    header = header_for(f, translate)
    found = alias_index(kind).get(normalise_header(header))
    return header if found is not None and found[1] == f.key else f.aliases[0]


def write_template(kind: str, path: Path | str, translate: Translate = _identity) -> Path:
    """An empty import file with the recognised headers and a sheet that explains each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    if kind not in FIELDS:
        raise ValueError(kind)
    # order lines' quantity and unit price stand in for the amount: explained below the columns, not columns
    lines = [f for f in FIELDS[kind] if f.key in ("quantity", "unit_price")]
    fields = [f for f in FIELDS[kind] if not f.key.endswith("siyu_id") and f not in lines]
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "{path}: a template is an .xlsx file."), path=path.name)
    book = Workbook()
    sheet = book.active
    sheet.title = translate("Export", _SHEET_NAMES[kind])
    headers = [_template_header(kind, f, translate) for f in fields]
    sheet.append(headers)
    for i, _f in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = 16
        sheet.cell(row=1, column=i).font = Font(bold=True)
        sheet.cell(row=1, column=i).fill = PatternFill("solid", fgColor="EEF2F7")
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet(translate("Template", "How to fill in"))
    help_sheet.append([translate("Template", "Column"), translate("Template", "What to write"),
                       translate("Template", "Other accepted names")])  # fmt: skip
    for f, header in zip(fields, headers, strict=True):
        note = _KIND_NOTES.get((kind, f.key), _TEMPLATE_NOTES.get(f.key, ""))
        help_sheet.append([header, translate("Template", note) if note else "",
                           "、".join(a for a in f.aliases[:6] if a != header)])  # fmt: skip
    help_sheet.append([])
    for f in lines:
        help_sheet.append([_template_header(kind, f, translate), translate("Template", _TEMPLATE_NOTES[f.key]),
                           "、".join(f.aliases[1:6])])  # fmt: skip
    if kind == "customers":
        help_sheet.append([translate("Template", "Other columns"),
                           translate("Template", "Kept as the customer's custom fields")])  # fmt: skip
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    help_sheet.column_dimensions["A"].width = 16
    help_sheet.column_dimensions["B"].width = 60
    help_sheet.column_dimensions["C"].width = 40
    with writing(path) as tmp:
        book.save(tmp)
    return path
