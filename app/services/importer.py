"""Importing customers and orders from the files shop systems export.

One import is one transaction: all of its rows or none. Every invalid row is reported with its spreadsheet
row number, column and reason; by default nothing is imported while any row is invalid. Re-importing a file
changes nothing: customers are matched by phone, then member code, then name + WeChat id; orders by source
system and order number (an order without a number is keyed by customer, time, amount and occurrence).
Columns that match no field are kept as the customer's custom fields, never dropped.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, bindparam, text

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services import normalise as nz
from app.services.bulk import (
    TRIAL,
    allocate_ids,
    indexes_rebuilt_after,
    insert_columns,
    insert_rows,
    secondary_indexes_dropped,
    sqlite_has_json,
)
from app.services.database import Database
from app.services.import_fields import (
    CUSTOM,
    FIELDS,
    IGNORE,
    MULTI_COLUMN_FIELDS,
    find_alias,
    header_score,
    is_line_amount,
    normalise_header,
    suggest_mapping,
)
from app.services.import_fields import field as field_spec
from app.services.pinyin import search_key, search_keys
from app.services.tabular import (
    CSV_HEAD_ROWS,
    FileReadError,
    Grid,
    has_excel_text,
    read_grid,
    unwrap_excel_text,
)

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
Translate = Callable[[str, str], str]
MODES = ("add", "update", "upsert")
IMPORT_TAG_GROUP = "导入标签"
HEADER_SCAN_ROWS = 30
TOTAL_WORDS = ("合计", "总计", "小计", "总额", "汇总", "共计", "total", "sum", "subtotal", "grand")
# an English totals cell is the word alone, before a colon, a bracket, a figure, 合计 or a word of what is
# counted: Total, TOTAL: 3, Grand Total, Sum (3), Total 合计, Total sales; a name that starts with the word
# (Summer, Total Fitness健身) is a customer
_TOTAL_EN = re.compile(
    r"(?:grand\s*)?(?:sub\s*)?(?:total|sum)s?(?:$|\s*[:：(（]|\s*[\d¥$￥,.+\-]|\s*(?:合计|总计|小计|汇总)|\s+(?:amount|sales|"
    r"customers|orders|records|rows|count|revenue|value|paid|qty|quantity|items|members|spent|due)\b)"
)
# a note written under (or over) the table in a row of its own: 共 2 条记录, 导出时间：..., 制表人：..., and the
# # lines of a 支付宝 bill (#交易合计：…; not #1001, an order number)
NOTE_ROW = re.compile(
    r"\s*(?:#\s*(?:-{3,}|[^#\d\s][^#：:]*[：:])|共\s*[\d,]+\s*(?:条|行|人|位|个|笔|单|项)|(?:导出|打印|生成|统计|查询|报表|制表|下载)(?:时间|日期|人|于)|"
    r"(?:制表|操作|经办|审核)人|数据(?:来源|截[至止])|截[至止](?:日期|时间)?\s*[:：\d]|(?:注|备注|说明|提示)\s*[:：]|"
    r"(?:exported|generated|printed|downloaded)(?:\s+(?:by|at|on|from)\b|\s*[:：])|(?:export|print)\s+(?:time|date)|"
    r"\d+\s+(?:rows|records)\b)",
    re.IGNORECASE,
)
NOTE_ROWS = 20  # how far up from the last row such notes are looked for
# the heading of a summary table under the data (微信支付: 总交易单数, 应结订单总金额, 手续费总金额) and its figures
_SUMMARY_LABEL = re.compile(r"[^\d]*总[^\d]*(?:数|额)")
_FIGURE = re.compile(r"[`'=\"¥￥$+-]*[\d,.]+%?\"?")


def _identity(_context: str, text_: str) -> str:
    return text_


class ImportError_(UserError):  # noqa: N801 - ImportError is a builtin
    pass


@dataclass(frozen=True)
class Issue:
    """One problem: spreadsheet row (1-based), column header, the cell's text, and the reason."""

    row: int
    column: str
    value: str
    reason: str  # English template, translated by the caller (context "Import")
    params: dict[str, object] = field(default_factory=dict)

    def text(self, translate: Translate = _identity) -> str:
        return translate("Import", self.reason).format(**self.params)


@dataclass
class ImportPreview:
    kind: str
    path: Path
    sheet: str | None
    sheets: list[str]
    header_row: int  # 1-based spreadsheet row of the headers
    headers: list[str]
    mapping: list[str]  # per column: field key, CUSTOM or IGNORE
    remembered: bool
    sample: list[list[str]]
    data_rows: int
    encoding: str | None
    grid: Grid = field(repr=False)
    masked: str | None = None  # the header of a member-code column of masked numbers, not used as one


@dataclass
class ImportSummary:
    kind: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    merged: int = 0  # repeated rows in the file folded into one
    order_lines: int = 0  # rows that were further lines of an order of the file, added into it
    closed_orders: int = 0  # rows of orders closed, unpaid or refunded in full: left out
    voided_coupons: int = 0  # rows of coupons a shop system voided (已作废): left out
    used_untimed_coupons: int = 0  # coupons marked 已使用 without a redemption time or order: kept unredeemed
    staff_rows: int = 0  # rows of a group export about the shop's own staff (企业成员): left out
    created_customers: int = 0
    created_staff: int = 0
    created_tags: int = 0
    created_groups: int = 0
    created_campaigns: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    error_report: Path | None = None
    dry_run: bool = False
    imported: bool = False
    seconds: float = 0.0


# -- reading and mapping -----------------------------------------------------------------------------


def find_header_row(kind: str, rows: list[list[Any]]) -> int:
    """0-based index of the row that best matches the kind's header names (title rows above are skipped)."""
    best, best_score = -1, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = header_score(kind, _under_groups(row, rows[i - 1] if i else None))
        if score > best_score:
            best, best_score = i, score
    return best


def _usable(kind: str, rows: list[list[Any]], header_idx: int) -> bool:
    """Whether a sheet's header row maps the columns an import of ``kind`` cannot do without."""
    if header_idx < 0:
        return False
    used = set(suggest_mapping(kind, [_cell_text(c) for c in rows[header_idx]]))
    if kind == "customers":
        return bool({"name", "phone", "member_code", "wechat_id"} & used)
    if kind == "orders":
        paid = "amount" in used or {"quantity", "unit_price"} <= used
        return "ordered_at" in used and paid and bool({"phone", "member_code", "customer_siyu_id"} & used)
    return True


def layout_key(kind: str, headers: Sequence[str]) -> str:
    digest = hashlib.sha1("\x1f".join(str(h).strip() for h in headers).encode("utf-8")).hexdigest()[:16]
    return f"import.mapping.{kind}.{digest}"


class ImportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- preview -----------------------------------------------------------------------------------
    def preview(self, path: Path | str, kind: str, sheet: str | None = None, *, count_rows: bool = True) -> ImportPreview:
        """The file's header, mapping and first rows, for the owner to check. ``count_rows``: count the rows
        with data for the wizard to show (an import that reads the file itself counts them as it goes)."""
        if kind not in FIELDS:
            raise ValueError(kind)
        path = Path(path)
        with gc_paused():
            grid = read_grid(path, sheet)
        header_idx = find_header_row(kind, grid.rows)
        if sheet is None and len(grid.sheets) > 1 and not _usable(kind, grid.rows, header_idx):
            # a cover, notes or summary sheet first (汇总: 日期 | 订单数 | 金额): the first sheet whose header has
            # what the import needs, else the first with a header at all
            for other in grid.sheets[1:]:
                with gc_paused():
                    candidate = read_grid(path, other)
                found = find_header_row(kind, candidate.rows)
                if _usable(kind, candidate.rows, found):
                    grid, header_idx = candidate, found
                    break
                if found >= 0 and header_idx < 0:
                    grid, header_idx = candidate, found
        if header_idx < 0:
            if not any(_has_data(row) for row in grid.rows):
                raise ImportError_(QT_TRANSLATE_NOOP("Errors", "{path} is empty: it has no rows with data."),
                                   path=path.name)  # fmt: skip
            examples = "、".join([f.header for f in FIELDS[kind] if not f.key.endswith("siyu_id")][:6])
            raise ImportError_(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path}: no header row found in the first {rows} rows. Add a row with column names such "
                    "as {examples}.",
                ),
                path=path.name,
                rows=HEADER_SCAN_ROWS,
                examples=examples,
            )
        above = grid.rows[header_idx - 1] if header_idx > 0 else None
        headers = _headers(grid.rows[header_idx], grid.rows[header_idx + 1 :], above)
        body = grid.rows[header_idx + 1 :]
        sample = [[_cell_text(c) for c in row[: len(headers)]] for row in body[:20]]
        mapping, masked = _unmasked(kind, headers, suggest_mapping(kind, headers), sample)
        remembered = self._remembered(kind, headers)
        if remembered is not None:
            mapping = remembered
        if grid.csv_text is not None and len(grid.rows) >= CSV_HEAD_ROWS:  # only the top was parsed: estimate
            data_rows = grid.csv_text.count("\n") - header_idx - (1 if grid.csv_text.endswith("\n") else 0)
        elif count_rows:
            data_rows = sum(map(_has_data, body))
        else:
            data_rows = len(body)  # empty rows included: not shown
        return ImportPreview(kind, path, grid.sheet, grid.sheets, header_idx + 1, headers, mapping,
                             remembered is not None, sample, data_rows, grid.encoding, grid, masked)  # fmt: skip

    def _remembered(self, kind: str, headers: list[str]) -> list[str] | None:
        with self._db.engine.connect() as conn:
            raw = conn.execute(
                text("SELECT value FROM setting WHERE key = :k"), {"k": layout_key(kind, headers)}
            ).scalar()
        if raw is None:
            return None
        mapping = json.loads(raw)
        valid = {f.key for f in FIELDS[kind]} | {CUSTOM, IGNORE}
        if len(mapping) != len(headers) or not set(mapping) <= valid:
            return None
        return mapping

    def remember_mapping(self, kind: str, headers: list[str], mapping: list[str]) -> None:
        key = layout_key(kind, headers)
        payload = json.dumps(mapping)
        with self._db.engine.begin() as conn:
            conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": key})
            conn.execute(text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": key, "v": payload})

    def check_mapping(self, preview: ImportPreview, mapping: list[str]) -> None:
        """Raise ``ImportError_`` when ``mapping`` cannot be imported (two columns on one field, a required
        field missing): the check ``run`` makes first, for a wizard to show while the owner maps columns."""
        _check_preview_mapping(preview, mapping)

    def time_column(self, preview: ImportPreview, mapping: list[str]) -> tuple[int, int] | None:
        """(day column, time column) when an order import joins a column of times of day to a column of days
        to make the order time (a till's 销售日期 | 销售时间), judged on the file's first rows as the import
        judges it on all of them; None when it does not. One of the two is mapped to nothing, yet read: the
        wizard says so."""
        if preview.kind != "orders" or "ordered_at" not in mapping:
            return None
        width = len(preview.headers)
        rows = preview.grid.rows[preview.header_row : preview.header_row + 200]
        if not rows:
            return None
        body = [list(r[:width]) + [None] * (width - len(r)) for r in rows]
        frame = pd.DataFrame(np.array(body, dtype=object).reshape(len(body), width), dtype=object)
        joined = list(mapping)  # the import's mapping once joined: the order time in the day column
        time_col = _join_date_and_time(preview.kind, frame, _Texts(frame), preview.headers, joined)
        return None if time_col is None else (joined.index("ordered_at"), time_col)

    # -- the import ---------------------------------------------------------------------------------
    def run(
        self,
        source: ImportPreview | Path | str,
        kind: str | None = None,
        *,
        mapping: list[str] | None = None,
        mode: str = "upsert",
        skip_invalid: bool = False,
        dry_run: bool = False,
        order_source: str = "import",
        progress: Progress | None = None,
        translate: Translate = _identity,
        write_report: bool = True,
        sheet: str | None = None,
    ) -> ImportSummary:
        with gc_paused():
            return self._run(source, kind, mapping=mapping, mode=mode, skip_invalid=skip_invalid,
                             dry_run=dry_run, order_source=order_source, progress=progress, translate=translate,
                             write_report=write_report, sheet=sheet)  # fmt: skip

    def _run(
        self,
        source: ImportPreview | Path | str,
        kind: str | None,
        *,
        mapping: list[str] | None,
        mode: str,
        skip_invalid: bool,
        dry_run: bool,
        order_source: str,
        progress: Progress | None,
        translate: Translate,
        write_report: bool,
        sheet: str | None,
    ) -> ImportSummary:
        started = time.perf_counter()
        report = progress or (lambda _s, _f: None)
        preview = (
            source
            if isinstance(source, ImportPreview)
            else self.preview(Path(source), kind or "", sheet, count_rows=False)
        )
        kind = preview.kind
        if mode not in MODES:
            raise ValueError(mode)
        mapping = list(mapping or preview.mapping)
        _check_preview_mapping(preview, mapping)
        remark_notes = kind == "customers" and "remark_name" in mapping and "notes" not in mapping
        report(QT_TRANSLATE_NOOP("Import", "Reading"), 0.05)
        frame, rownums, texts = _data_frame(preview)
        if not len(frame):  # a header and nothing under it: said, not "0 added" as if rows had been read
            raise ImportError_(QT_TRANSLATE_NOOP("Errors", "{path} has column names in row {row} but no data "
                                                           "under them."), path=preview.path.name, row=preview.header_row)  # fmt: skip
        if remark_notes:  # 备注 in a hand-kept ledger: notes, longer than a remark name (128 characters) holds
            col = mapping.index("remark_name")
            if col < frame.shape[1] and max(map(len, map(_cell_text, frame[col].tolist())), default=0) > MAX_LENGTHS["customers"]["remark_name"]:
                mapping[col] = "notes"
        joined_time = _join_date_and_time(kind, frame, texts, preview.headers, mapping) if kind == "orders" else None
        summary = ImportSummary(kind, dry_run=dry_run)
        summary.ignored_columns = [
            h for c, (h, m) in enumerate(zip(preview.headers, mapping, strict=True)) if m == IGNORE and h and c != joined_time
        ]
        issues: list[Issue] = []
        report(QT_TRANSLATE_NOOP("Import", "Checking"), 0.15)
        parsed, bad_rows = _parse(kind, frame, rownums, texts, preview.headers, mapping, issues)
        parse_issues = len(issues)
        if kind == "customers":
            _lunar_by_header(parsed, preview.headers, mapping)
            _name_from_parts(parsed, preview.headers, mapping)
            plan = _CustomerPlan(parsed, rownums, preview.headers, mapping, bad_rows, issues)
        elif kind == "orders":
            amount_header = next((h for h, m in zip(preview.headers, mapping, strict=True) if m == "amount"), None)
            plan = _OrderPlan(parsed, rownums, bad_rows, issues, order_source, frame,
                              line_amounts=is_line_amount(amount_header))  # fmt: skip
        elif kind == "coupons":
            from app.services.coupon_import import CouponPlan

            plan = CouponPlan(kind, parsed, rownums, bad_rows, issues)
        elif kind == "plan":
            from app.services.plan_import import ContentPlan

            plan = ContentPlan(kind, parsed, rownums, bad_rows, issues)
        else:
            from app.services.group_import import plan_for

            plan = plan_for(kind, parsed, rownums, bad_rows, issues)
        report(QT_TRANSLATE_NOOP("Import", "Matching"), 0.3)
        with self._db.engine.begin() as conn, _big_cache(conn):
            plan.match(conn, mode)
            issues[parse_issues:] = _name_file_columns(kind, issues[parse_issues:], preview.headers, mapping)
            summary.issues = sorted(issues, key=lambda i: (i.row, i.column))
            summary.invalid = len({i.row for i in issues})
            if summary.invalid and not skip_invalid:
                conn.rollback()
            else:
                report(QT_TRANSLATE_NOOP("Import", "Writing"), 0.45)
                conn.info[TRIAL] = dry_run  # a trial run takes no ids from PostgreSQL's sequences (no undo there)
                try:
                    plan.write(
                        conn, summary, lambda f: report(QT_TRANSLATE_NOOP("Import", "Writing"), 0.45 + 0.5 * f)
                    )
                finally:
                    conn.info.pop(TRIAL, None)
                if dry_run:
                    conn.rollback()
                else:
                    summary.imported = True
        # Past this point the import is committed (or rolled back): nothing below may fail it, and the
        # progress callback, which raises when the user cancels, is not called again.
        if summary.invalid and write_report:
            try:
                summary.error_report = write_error_report(preview, summary.issues, translate, frame, rownums)
            except OSError:
                log.exception("could not write the error report for %s", preview.path)
        if (not summary.invalid or skip_invalid) and not dry_run:
            try:
                self.remember_mapping(kind, preview.headers, mapping)
            except Exception:  # a locked database: the import stands, the mapping is asked again next time
                log.exception("could not remember the column mapping")
        summary.seconds = time.perf_counter() - started
        return summary


_MASKED = re.compile(r"\d\*{2,}\d|\*{4,}")  # 622202******1234: a card number a bank bill hides


def _unmasked(kind: str, headers: list[str], mapping: list[str], sample: list[list[str]]) -> tuple[list[str], str | None]:
    """A member-code column whose numbers are masked (a bank or 云闪付 bill's 卡号 622202******1234) names no
    one: two cards can look alike. It is kept as a custom field (customers) or left out (orders), and the
    rows are matched by their other columns. Returns the mapping and the header of a column so set aside."""
    if "member_code" not in mapping:
        return mapping, None
    col = mapping.index("member_code")
    cells = [row[col] for row in sample if col < len(row) and row[col].strip()]
    if not cells or sum(bool(_MASKED.search(c)) for c in cells) * 2 < len(cells):
        return mapping, None
    mapping = list(mapping)
    mapping[col] = CUSTOM if kind == "customers" else IGNORE
    return mapping, headers[col]


def _name_file_columns(kind: str, issues: list[Issue], headers: list[str], mapping: list[str]) -> list[Issue]:
    """Issues that name one of Siyu's fields (a missing order time, a code used twice) name the file's column
    that feeds it instead, as the owner sees it in the file."""
    columns = {field_spec(kind, key).header: header for key, header in zip(mapping, headers, strict=True)
               if key not in (CUSTOM, IGNORE)}  # fmt: skip
    return [replace(i, column=columns[i.column]) if i.column in columns else i for i in issues]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while an import makes its millions of cells, lists and tuples (none of
    them in cycles): left on, it walks every one of them again each time a generation fills, a fifth of an
    import's time. Back on afterwards, also when the import fails."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def _big_cache(conn: Connection) -> Iterator[None]:
    """SQLite keeps 2 MB of pages by default; an import that writes 100,000 customers and their indexes
    would spill pages to the log mid-transaction. 64 MB for the import, then back."""
    if conn.dialect.name != "sqlite":
        yield
        return
    dbapi = conn.connection.dbapi_connection  # past SQLAlchemy: a pragma is no statement of the transaction
    before = dbapi.execute("PRAGMA cache_size").fetchone()[0]
    dbapi.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        dbapi.execute(f"PRAGMA cache_size = {int(before)}")


# -- parsing -------------------------------------------------------------------------------------------


def _headers(row: list[Any], body: list[list[Any]], above: list[Any] | None = None) -> list[str]:
    """The header texts, as wide as the widest data row: a column without a header but with data gets a
    made-up name (列7), so that its cells are kept (customers) or reported (orders), never dropped.

    Under a row of column groups (基本信息 | 生日 | 消费情况, two header rows with some cells merged down the
    two), a column empty in the header row takes its name from the row above: a merged cell keeps its text in
    its top cell only."""
    headers = [_cell_text(c) for c in _under_groups(row, above)]
    headers += [""] * (max(map(len, body), default=0) - len(headers))
    # trailing columns without a header are kept only where some row has data in them (one scan of such a
    # column; a file whose header row is its widest row, the usual case, needs none)
    while headers and not headers[-1]:
        col = len(headers) - 1
        if any(_cell_text(r[col]) for r in body if len(r) > col):
            break
        headers.pop()
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(headers):  # two columns both called 备注 stay two custom fields: 备注, 备注(2)
        if not h:
            h = f"列{i + 1}"
        n = seen.get(h, 0)
        seen[h] = n + 1
        out.append(h if n == 0 else f"{h}({n + 1})")
    return out


def _under_groups(row: list[Any], above: list[Any] | None) -> list[Any]:
    """A header row's cells, those empty taken from the row above when that row names column groups (two or
    more cells; a title row above is no header): a cell merged down both rows keeps its text in the upper."""
    if above is None or not any(c is None or c == "" for c in row) or sum(1 for c in above if _cell_text(c)) < 2:
        return row
    return [c if _cell_text(c) else (above[i] if i < len(above) else c) for i, c in enumerate(row)]


def _has_data(row: list[Any]) -> bool:
    """Whether any cell of the row holds something (``_cell_text`` of it is not empty), most rows decided
    by their first cell."""
    for c in row:
        if c is None:
            continue
        if type(c) is str:
            if c and not c.isspace():
                return True
            continue
        if type(c) is float and c != c:  # NaN
            continue
        return True
    return False


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M:%S")
            if (value.hour or value.minute or value.second)
            else value.strftime("%Y-%m-%d")
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _check_preview_mapping(preview: ImportPreview, mapping: list[str]) -> None:
    """``_check_mapping``; when the file's only way to name a customer was a column of masked card numbers
    (set aside by ``_unmasked``), the message says so."""
    try:
        _check_mapping(preview.kind, preview.headers, mapping)
    except ImportError_:
        if preview.masked and not {"phone", "member_code", "customer_siyu_id", "name", "wechat_id"} & set(mapping):
            raise ImportError_(QT_TRANSLATE_NOOP(
                "Errors", "{column} holds masked numbers (such as 622202******1234), which name no customer: "
                          "export the file with full numbers, or add a phone column."), column=preview.masked) from None
        raise


def _check_mapping(kind: str, headers: list[str], mapping: list[str]) -> None:
    if len(mapping) != len(headers):
        raise ValueError("mapping does not match the columns")
    used = [m for m in mapping if m not in (CUSTOM, IGNORE)]
    dup = {m for m in used if used.count(m) > 1} - MULTI_COLUMN_FIELDS
    if dup:
        raise ImportError_(
            QT_TRANSLATE_NOOP("Errors", "Two columns are mapped to the same field: {fields}."),
            fields="、".join(field_spec(kind, d).header for d in sorted(dup)),
        )
    long_names = [h for h, m in zip(headers, mapping, strict=True) if m == CUSTOM and len(h) > 64]
    if kind == "customers" and long_names:  # a custom field's name has 64 characters
        raise ImportError_(
            QT_TRANSLATE_NOOP("Errors", "The column name {name} is longer than 64 characters: shorten it in the "
                                        "file, or do not import that column."),
            name=long_names[0][:70] + "…",
        )  # fmt: skip
    if kind == "customers" and not {"name", "phone", "member_code", "wechat_id"} & set(used):
        raise ImportError_(
            QT_TRANSLATE_NOOP(
                "Errors", "Map at least one column to the name, phone, member code or WeChat ID."
            ),
        )
    if kind in ("coupons", "plan"):
        need = [field_spec(kind, k).header for k in (("campaign_name", "code") if kind == "coupons" else ("day", "channel", "title"))
                if k not in used]  # fmt: skip
        if need:
            raise ImportError_(
                QT_TRANSLATE_NOOP("Errors", "This import needs these columns: {fields}."), fields="、".join(need)
            )
    if kind in ("members", "group_stats"):
        need = [field_spec(kind, "group_name").header] if "group_name" not in used else []
        if kind == "group_stats" and "day" not in used:
            need.append(field_spec(kind, "day").header)
        if kind == "members" and not {"phone", "member_code"} & set(used):
            need.append(f"{field_spec(kind, 'phone').header}/{field_spec(kind, 'member_code').header}")
        if need:
            raise ImportError_(
                QT_TRANSLATE_NOOP("Errors", "This import needs these columns: {fields}."), fields="、".join(need)
            )
    if kind == "orders":
        priced = {"quantity", "unit_price"} <= set(used)  # order lines: quantity × unit price
        missing = [k for k in ("ordered_at", "amount") if k not in used and not (k == "amount" and priced)]
        if missing or not {"phone", "member_code", "customer_siyu_id"} & set(used):
            need = [field_spec(kind, k).header for k in missing]
            if not {"phone", "member_code", "customer_siyu_id"} & set(used):
                need.append(f"{field_spec(kind, 'phone').header}/{field_spec(kind, 'member_code').header}")
            raise ImportError_(
                QT_TRANSLATE_NOOP("Errors", "An order import needs these columns: {fields}."),
                fields="、".join(need),
            )


class _Texts(dict):  # type: ignore[type-arg]
    """Each column as trimmed numpy text, computed when first asked for (dates and amounts rarely need it)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        super().__init__()
        self.frame = frame

    def __missing__(self, col: int) -> np.ndarray:
        arr = nz.strings(self.frame[col])
        self[col] = arr
        return arr


def _data_frame(preview: ImportPreview) -> tuple[pd.DataFrame, np.ndarray, _Texts]:
    """The rows under the header as a frame (object cells) without empty rows, and their spreadsheet row
    numbers; and each column's trimmed text on demand."""
    width = len(preview.headers)
    grid = preview.grid
    start = preview.header_row  # 0-based index of the first data row
    if grid.csv_text is not None:
        encoding = "utf-8-sig" if grid.encoding == "utf-8" else grid.encoding

        def parse(columns: int) -> pd.DataFrame:
            source = io.StringIO(grid.csv_text) if grid.cleaned else grid.path
            return pd.read_csv(source, encoding=encoding, header=None, skiprows=start, dtype=object,
                               keep_default_na=False, na_filter=False, engine="c", names=list(range(columns)),
                               index_col=False,
                               sep=grid.delimiter, quotechar='"', skip_blank_lines=False)  # fmt: skip

        # as many columns as the widest of the rows read so far: pandas would otherwise take a first data row
        # longer than the header as a row label, or drop its last cell
        top = max(width, max((len(r) for r in grid.rows[start:]), default=0))
        try:
            try:
                frame = parse(top)  # shorter rows are padded with empty cells
            except pd.errors.ParserError as exc:
                if "Expected" not in str(exc):
                    raise
                frame = parse(top + 64)  # a row longer than the header: its extra cells are reported
        except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
            raise FileReadError(
                QT_TRANSLATE_NOOP("Errors", "{path} cannot be read as CSV: {reason}"),
                path=preview.path.name,
                reason=str(exc).strip().splitlines()[-1],
            ) from exc
        extra = [c for c in frame.columns[width:] if (frame[c] != "").any()]
        frame = frame[list(range(width)) + extra]
        if grid.excel_text:  # ="13800138000", `4200001234: the text inside, a column at a time
            for col in frame.columns:
                cells = frame[col].tolist()
                if has_excel_text("\x00".join(cells)):
                    frame[col] = pd.Series(unwrap_excel_text(cells), index=frame.index, dtype=object)
    else:
        body = grid.rows[start:]
        lengths = set(map(len, body))
        longest = max(width, max(lengths, default=0))
        if lengths - {longest}:  # ragged rows (calamine's are not): pad with empty cells
            body = [list(r) + [None] * (longest - len(r)) for r in body]
        # one 2-D object array, built in C; object dtype keeps each cell as the file had it (pandas would
        # otherwise turn text columns into its string dtype, and back, at a cost on every column). Laid out
        # column by column, as the checks read it: a column's cells side by side, not a row's width apart
        # (a tenth of the check's time); filled a few thousand rows at a time, which costs next to nothing
        cells = np.empty((longest, len(body)), dtype=object)
        for top in range(0, len(body), 4096):
            part = body[top : top + 4096]
            cells[:, top : top + len(part)] = np.array(part, dtype=object).reshape(len(part), longest).T
        frame = (
            pd.DataFrame(cells.T, dtype=object, copy=False)
            if body
            else pd.DataFrame(columns=range(width), dtype=object)
        )
    rownums = np.arange(start + 1, start + 1 + len(frame))
    texts = _Texts(frame)
    if len(frame):  # empty rows (cells of spaces count as empty) are no data; each column narrows the check
        blank = np.ones(len(frame), dtype=bool)
        for col in frame.columns:
            if not blank.any():
                break
            idx = np.flatnonzero(blank)
            sub = nz.strings(frame[col].iloc[idx])
            blank[idx] = (np.strings.str_len(sub) == 0) | nz.dashes(sub)  # a line of dashes separates, holds nothing
        if blank.any():
            frame = frame[~blank].reset_index(drop=True)
            rownums = rownums[~blank]
            texts = _Texts(frame)
    return frame, rownums, texts


def _parse(
    kind: str,
    frame: pd.DataFrame,
    rownums: np.ndarray,
    texts: dict[int, np.ndarray],
    headers: list[str],
    mapping: list[str],
    issues: list[Issue],
) -> tuple[dict[str, pd.Series], np.ndarray]:
    """Parsed columns by field key (custom fields under ``custom:<header>``) and a mask of invalid rows."""
    n = len(frame)
    bad_rows = np.zeros(n, dtype=bool)
    first_issue = len(issues)
    parsed: dict[str, pd.Series] = {}
    today = pd.Timestamp(dt.date.today())
    # a totals row: the first non-empty cell says 合计/总计/Total
    if n:
        first = np.full(n, "", dtype=nz.STR)
        first_col = np.full(n, -1)
        pending = np.ones(n, dtype=bool)  # rows whose first non-empty cell is still to be found
        for col in frame.columns:
            idx = np.flatnonzero(pending)
            if not len(idx):
                break
            if col not in texts:
                column = frame[col] if len(idx) == n else frame[col].iloc[idx]
                if pd.api.types.infer_dtype(column, skipna=False) in ("floating", "integer", "date", "datetime"):
                    # number or date cells (a row number, Siyu's number): never a totals word or a note, so
                    # their text is not needed; a NaN is an empty cell
                    take = column.notna().to_numpy()
                    first_col[idx[take]] = col
                    pending[idx[take]] = False
                    continue
            sub = texts[col][idx] if col in texts or len(idx) == n else nz.strings(frame[col].iloc[idx])
            take = np.strings.str_len(sub) > 0
            first[idx[take]] = sub[take]
            first_col[idx[take]] = col
            pending[idx[take]] = False
        totals = np.zeros(n, dtype=bool)
        worded = np.flatnonzero(np.strings.str_len(first) > 0)  # rows that start with text (not a number)
        if len(worded):
            lowered = np.strings.lower(first if len(worded) == n else first[worded])
            hits = np.zeros(len(worded), dtype=bool)
            for word in TOTAL_WORDS:
                hits |= np.strings.startswith(lowered, word)
            totals[worded] = hits
        for i in np.flatnonzero(totals):
            cell = str(first[i]).lower()
            if cell[:1].isascii() and _TOTAL_EN.match(cell) is None:
                totals[i] = False
        for i in np.flatnonzero(totals):
            col = int(first_col[i])
            issues.append(Issue(int(rownums[i]), headers[col], str(first[i]),
                                _TOTALS_ROW))  # fmt: skip
        bad_rows |= totals
        # a note in a row of its own (its only cell) at the foot of the table, where exports write them
        summary_at = None  # a summary table under the table: its heading row
        for i in range(max(0, n - NOTE_ROWS), n):
            cell = str(first[i])
            cells = [t for t in (_cell_text(v).strip() for v in frame.iloc[i]) if t]
            # a note on its own, or a sign-off row whose every cell is one (制表人：小王 | 制表日期：2026.1.10)
            if not totals[i] and NOTE_ROW.match(cell) and (len(cells) == 1 or all(NOTE_ROW.match(t) for t in cells)):
                issues.append(Issue(int(rownums[i]), headers[int(first_col[i])] if first_col[i] < len(headers) else "",
                                    cell, _NOTE_ROW))  # fmt: skip
                bad_rows[i] = True
            elif (summary_at is None and i + 1 < n and len(cells) >= 2 and all(_SUMMARY_LABEL.fullmatch(t) for t in cells)
                  and all(_FIGURE.fullmatch(t) for t in (_cell_text(v).strip() for v in frame.iloc[i + 1]) if t)):
                summary_at = i  # 微信支付's 总交易单数 | 应结订单总金额 | 退款总金额, over a row of its figures
        for i in () if summary_at is None else (summary_at, summary_at + 1):  # that heading and its figures
            cells = [t for t in (_cell_text(v).strip() for v in frame.iloc[i]) if t]
            if cells and not bad_rows[i]:
                col = next(c for c, v in enumerate(frame.iloc[i]) if _cell_text(v).strip())
                issues.append(Issue(int(rownums[i]), headers[col] if col < len(headers) else "", cells[0], _TOTALS_ROW))
                bad_rows[i] = totals[i] = True
    for col in frame.columns[len(headers) :]:  # cells to the right of the last header (CSV rows past the top)
        arr = texts[col]
        for i in np.flatnonzero(np.strings.str_len(arr) > 0):
            issues.append(Issue(int(rownums[i]), f"列{int(col) + 1}", str(arr[i]),
                                QT_TRANSLATE_NOOP("Import", "this row has more cells than the header has columns")))  # fmt: skip
            bad_rows[i] = True
    for col, key in enumerate(mapping):
        if key == IGNORE or col >= frame.shape[1]:
            continue
        raw = frame[col]
        header = headers[col]
        kind_ = "text" if key == CUSTOM else field_spec(kind, key).kind
        if key in _LONG_NUMBERS:  # 2.02601E+18: Excel kept 15 digits of a long order number or code
            lost = _lost_digits(raw)
            for i in np.flatnonzero(lost):
                issues.append(Issue(int(rownums[i]), header, _cell_text(raw.iat[i]), QT_TRANSLATE_NOOP(
                    "Import", "Excel kept only the first 15 digits of this number and the rest are lost: set the "
                              "column's format to text in Excel, or export the file again")))  # fmt: skip
            bad_rows |= lost
        limit = MAX_LENGTHS.get(kind, {}).get(key)  # the database column's width
        if key in IDENTIFIERS and kind_ == "text":  # Siyu's number, codes typed as numbers: their digits
            whole = nz.whole_number_texts(raw)
            if whole is not None and (limit is None or not (whole.str.len() > limit).any()):
                parsed[key] = whole
                continue
        if kind_ in ("text", "staff"):  # clean text cells (most CSV columns) skip the numpy round trip
            plain = nz.plain_text(raw, limit)  # None also when a cell is too long: the check below
            if plain is not None:
                parsed[f"custom:{header}" if key == CUSTOM else key] = _identifier(key, plain)
                continue
        # dates and money read their cells directly (only the cells that fail need their text); a column of
        # few distinct cells (genders, levels, tags) is read a distinct cell at a time, and needs no text
        if kind_ == "phone":
            plain = nz.plain_mobiles(raw)
            if plain is not None:  # every cell a mobile number as it stands (the usual column): nothing to fix
                parsed[key] = plain
                continue
        lazy = kind_ in ("date", "datetime", "money", "count", "number") or (kind_ in _DISTINCT_KINDS and col not in texts)
        arr = None if lazy else texts[col]
        if key == CUSTOM:
            parsed[f"custom:{header}"] = nz.as_text(raw, arr)
            continue
        if limit is not None and arr is not None and kind_ in ("text", "staff"):
            too_long = np.strings.str_len(arr) > limit
            for i in np.flatnonzero(too_long):
                issues.append(Issue(int(rownums[i]), header, str(arr[i]),
                                    QT_TRANSLATE_NOOP("Import", "longer than {n} characters"), {"n": limit}))  # fmt: skip
            bad_rows |= too_long
        bad = None
        reason = ""
        if kind_ == "phone":
            values, bad = nz.phones(raw, arr)
            reason = QT_TRANSLATE_NOOP("Import", "not an 11-digit mobile number")
            # 1.38001E+10: Excel showed a number column that way and saved the CSV so; the digits are gone
            lost = bad.to_numpy(dtype=bool, copy=True)
            if lost.any():
                lost[lost] = np.strings.endswith(np.strings.lower(np.strings.slice(arr[lost], -4, None)), "e+10")
            for i in np.flatnonzero(lost):
                issues.append(Issue(int(rownums[i]), header, str(arr[i]), QT_TRANSLATE_NOOP(
                    "Import", "Excel saved this phone number as 1.38E+10 and its last digits are lost: set the column's "
                              "format to text in Excel and save the file again")))  # fmt: skip
            # 138****8000: platforms hide the middle digits of buyers' phones in their exports
            masked = bad.to_numpy(dtype=bool, copy=True) & ~lost
            if masked.any():
                masked[masked] = np.strings.find(arr[masked], "*") >= 0
            for i in np.flatnonzero(masked):
                issues.append(Issue(int(rownums[i]), header, str(arr[i]), QT_TRANSLATE_NOOP(
                    "Import", "a masked phone number cannot be matched to a customer: export the file with full "
                              "numbers, or map a member code column instead")))  # fmt: skip
            bad = bad & ~lost & ~masked
            bad_rows |= lost | masked
            if kind == "customers" and bad.any():  # a landline, or two numbers: kept, the first mobile used
                values, bad = _other_phones(values, bad, arr, parsed, header, headers)
        elif kind_ in ("date", "datetime"):
            if kind_ == "datetime":  # order times: nearly every cell distinct
                values, bad = nz.dates(raw, with_time=True, arr=arr)
            else:
                values, bad = _by_distinct(raw, _days, arr)
            reason = QT_TRANSLATE_NOOP("Import", "not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)")
            if key == "valid_to" and bad.any():  # 长期有效, 9999-12-31: a coupon that does not expire
                endless = bad.to_numpy(dtype=bool, copy=True)
                endless[endless] = nz.no_end(texts[col][endless])
                bad = bad & ~endless
            if kind == "plan" and key == "day" and bad.any():  # 12月4日 周五: a week's plan names no year
                values, bad = _plan_days(values, bad, texts[col], today)
            if key == "birthday":
                future = (values > today).fillna(False).to_numpy(dtype=bool)
                for i in np.flatnonzero(future & ~bad.to_numpy(dtype=bool)):
                    issues.append(Issue(int(rownums[i]), header, _cell_text(raw.iat[i]),
                                        QT_TRANSLATE_NOOP("Import", "a birthday in the future")))  # fmt: skip
                bad_rows |= future
                # 03-15 or 3月15日: a member system that keeps the day but not the year
                no_year = bad.to_numpy(dtype=bool)
                if no_year.any():
                    cells = pd.Series([_cell_text(v) for v in raw[no_year]], dtype=object)
                    day_only = cells.str.fullmatch(_MONTH_DAY).to_numpy(dtype=bool)
                    for i in np.flatnonzero(no_year)[day_only]:
                        issues.append(Issue(int(rownums[i]), header, _cell_text(raw.iat[i]), QT_TRANSLATE_NOOP(
                            "Import", "a birthday without its year: write the year too, e.g. 1990-03-15")))  # fmt: skip
                    bad_rows[np.flatnonzero(no_year)[day_only]] = True
                    bad = bad.copy()
                    bad.iloc[np.flatnonzero(no_year)[day_only]] = False
        elif kind_ == "money":
            values, bad = nz.money_cents(raw, arr)
            reason = QT_TRANSLATE_NOOP("Import", "not an amount of money")
            if kind == "group_stats":  # a day's takings cannot be negative (an order import takes refunds)
                negative = (values < 0).fillna(False).to_numpy(dtype=bool) & ~bad.to_numpy(dtype=bool)
                for i in np.flatnonzero(negative):
                    issues.append(Issue(int(rownums[i]), header, _cell_text(raw.iat[i]),
                                        QT_TRANSLATE_NOOP("Import", "a negative amount")))  # fmt: skip
                bad_rows |= negative
        elif kind_ == "number":
            values, bad = nz.numbers(raw, arr)
            reason = QT_TRANSLATE_NOOP("Import", "not a number")
        elif kind_ == "count":
            values, bad = nz.counts(raw, arr)
            reason = QT_TRANSLATE_NOOP("Import", "not a whole number of 0 or more")
        elif kind_ in _CHOICES:
            table, reason = _CHOICES[kind_]
            values, bad = _by_distinct(raw, partial(_choice, table), arr)
        elif kind_ == "tags":
            values, bad = _by_distinct(raw, _tags, arr)
            reason = QT_TRANSLATE_NOOP("Import", "a tag longer than 64 characters")
        else:
            values = nz.as_text(raw, arr)
        if bad is not None:
            mask = bad.to_numpy(dtype=bool)
            for i in np.flatnonzero(mask):
                issues.append(Issue(int(rownums[i]), header, _cell_text(raw.iat[i]), reason))
            bad_rows |= mask
        if key in MULTI_COLUMN_FIELDS and key in parsed:  # a second tags column: each row's tags joined
            values = pd.Series([list(dict.fromkeys((*a, *b))) for a, b in zip(parsed[key], values, strict=True)],
                               index=values.index, dtype=object)  # fmt: skip
        parsed[key] = _identifier(key, values)
    # a totals or note row is said to be one, once: not also that its cells are not phones or dates
    not_records = {i.row for i in issues[first_issue:] if i.reason in (_TOTALS_ROW, _NOTE_ROW)}
    if not_records:
        issues[first_issue:] = [i for i in issues[first_issue:]
                                if i.row not in not_records or i.reason in (_TOTALS_ROW, _NOTE_ROW)]  # fmt: skip
    return parsed, bad_rows


_DISTINCT_KINDS = ("gender", "level", "calendar", "tags", "date")


Reader = Callable[[pd.Series, "np.ndarray | None"], tuple[pd.Series, pd.Series]]  # (cells, their text or None)


def _choice(table: dict[str, object], cells: pd.Series, arr: np.ndarray | None) -> tuple[pd.Series, pd.Series]:
    return nz.choice(cells, table, arr)


def _tags(cells: pd.Series, arr: np.ndarray | None) -> tuple[pd.Series, pd.Series]:
    return nz.split_tags(cells, arr, TAG_LENGTH)


def _days(cells: pd.Series, arr: np.ndarray | None) -> tuple[pd.Series, pd.Series]:
    return nz.dates(cells, arr=arr)


_CHOICES = {
    "gender": (nz.GENDERS, QT_TRANSLATE_NOOP("Import", "not a gender (男, 女 or 未知)")),
    "level": (nz.LEVELS, QT_TRANSLATE_NOOP("Import", "not a relationship level (粉丝, 客户, 会员 or KOC)")),
    "calendar": (nz.LUNAR_WORDS, QT_TRANSLATE_NOOP("Import", "not a calendar (公历 or 农历)")),
}


def _by_distinct(raw: pd.Series, read: Reader, arr: np.ndarray | None = None) -> tuple[pd.Series, pd.Series]:
    """``read`` (a column's reader, cell by cell) run once for each distinct cell, and spread back over the
    rows; over every cell (with their text ``arr`` when known) when the column has too many distinct cells for
    that to pay, or cells of other types than text or dates (1, 1.0 and True are one key to a hash table, and
    read differently).

    A sheet's cells lie scattered in memory, and each pass of a reader over them costs more than its work: a
    column of genders or tags is hashed in one pass and read a hundred-thousandth as often.
    """
    n = len(raw)
    if n < DISTINCT_MIN_ROWS:
        return read(raw, arr)
    codes, uniques = pd.factorize(raw.to_numpy(dtype=object))
    # the distinct cells are text or days (a date column's empty cells are "" to calamine): no number among
    # them, so no two kinds of cell were taken for one
    if len(uniques) * 4 > n or (
        pd.api.types.infer_dtype(uniques, skipna=True) not in ("string", "date", "datetime")
        and not all(isinstance(u, (str, dt.date)) for u in uniques)  # "mixed": days and ""
    ):
        return read(raw, arr)
    # an empty cell (code -1) reads as the last: an empty cell put at the end
    values, bad = read(pd.Series([*uniques, None], dtype=object), None)
    spread = values.to_numpy()[codes]
    return (
        pd.Series(spread, index=raw.index, dtype=values.dtype),
        pd.Series(bad.to_numpy(dtype=bool)[codes], index=raw.index),
    )


DISTINCT_MIN_ROWS = 1000  # below this, reading every cell costs less than counting the distinct ones


_TOTALS_ROW = QT_TRANSLATE_NOOP("Import", "a totals row, not a record")
_NOTE_ROW = QT_TRANSLATE_NOOP("Import", "a note under the table, not a record")


# fields that identify a record: a cell that only says "nothing" (--, 无) there is an empty cell, so that
# two rows with "-" for a member code are not one member, and "-" for an order number gets a made-up key
IDENTIFIERS = {"member_code", "wechat_id", "external_no", "code", "order_no", "siyu_id", "customer_siyu_id"}


def _identifier(key: str, values: pd.Series) -> pd.Series:
    """An identifier column as the records it names: a cell that only says "nothing" (--, 无) is empty, and a
    number written out as a decimal (17850.0: a code column that went through a spreadsheet or pandas as
    numbers) is the whole number, as the same code typed as a number cell reads."""
    if key not in IDENTIFIERS or values.dtype != object:
        return values
    # cells arrive trimmed; a set lookup each (a million order numbers: 50 ms; pandas' isin took 350 ms once
    # the column had empty cells)
    cells = values.tolist()
    hollow = np.fromiter(map(_PLACEHOLDER_CELLS.__contains__, cells), dtype=bool, count=len(cells))
    # quick looks first: most columns have no such cell (a million order numbers: 40 ms, not 300)
    joined = "\x00".join([c for c in cells if isinstance(c, str)])  # not the empty (NA) cells
    if any(line in joined for line in ("--", "——", "__", "==", "~~")):  # a line drawn with dashes: nothing
        hollow |= nz.dashes(nz.strings(values))
    if any(ch in joined for ch in _ZERO_WIDTH):  # copied out of WeChat or a web page: invisible, yet not equal
        values = values.str.replace(f"[{_ZERO_WIDTH}]", "", regex=True)
        values = values.where(values != "", pd.NA)
    if "'" in joined:  # '2026010512345678901: the apostrophe a system put before digits for Excel
        values = values.str.replace(r"^'(?=\d)", "", regex=True)
    if hollow.any():
        values = values.where(~hollow, pd.NA)
    if ".0" in joined:
        whole = values.str.fullmatch(r"\d+\.0+").fillna(False).to_numpy(dtype=bool)
        if whole.any():
            values = values.copy()
            values[whole] = values[whole].str.replace(r"\.0+$", "", regex=True)
    return values


_ZERO_WIDTH = "".join(nz.INVISIBLE)
_LONG_NUMBERS = {"external_no", "member_code", "code", "order_no"}
_SCIENTIFIC = re.compile(r"\s*\d(?:\.\d+)?[eE]\+\d+\s*")


def _lost_digits(raw: pd.Series) -> np.ndarray:
    """Cells of an identifier column whose digits Excel cut short: a number cell of more than 15 digits (Excel
    keeps 15), or text in scientific notation (2.02601E+18, as Excel showed such a column and saved it)."""
    cells = raw.tolist()
    try:
        joined = "\x00".join(cells)
    except TypeError:  # number cells: looked at one by one
        pass
    else:
        if "E+" not in joined and "e+" not in joined:  # text only, none in scientific notation: the usual file
            return np.zeros(len(cells), dtype=bool)
    return np.fromiter(
        ((isinstance(v, float) and abs(v) >= 1e15) or (isinstance(v, str) and _SCIENTIFIC.fullmatch(v) is not None)
         for v in cells), dtype=bool, count=len(cells))  # fmt: skip


_PLACEHOLDER_CELLS = frozenset(w for p in nz.PLACEHOLDERS for w in (p, p.upper(), p.capitalize()))


TAG_LENGTH = 64
# the width of the database column each text field goes into: a longer cell is reported, never cut short
# (PostgreSQL would refuse the whole import; SQLite would keep more than the screens expect)
MAX_LENGTHS: dict[str, dict[str, int]] = {
    "customers": {"name": 128, "remark_name": 128, "member_code": 64, "wechat_id": 64, "city": 64,
                  "source_channel": 64, "owner": 64},
    "orders": {"external_no": 128, "member_code": 64, "name": 128, "channel": 64, "source": 32},
    "members": {"group_name": 128, "member_code": 64, "name": 128},
    "group_stats": {"group_name": 128},
    "coupons": {"campaign_name": 128, "code": 32, "member_code": 64, "order_no": 128},
    "plan": {"title": 128},
}  # fmt: skip


def _required(key: str, parsed: dict[str, pd.Series], n: int) -> np.ndarray:
    if key not in parsed:
        return np.zeros(n, dtype=bool)
    return parsed[key].isna().to_numpy(dtype=bool)


# -- customers -----------------------------------------------------------------------------------------

CUSTOMER_COLUMNS = ("name", "remark_name", "phone", "member_code", "wechat_id", "gender", "birthday",
                    "birthday_lunar", "city", "source_channel", "added_on", "owner_staff_id", "level", "notes")  # fmt: skip


_VALUE_KEYS = ("name", "remark_name", "phone", "member_code", "wechat_id", "gender", "birthday", "birthday_lunar",
               "city", "source_channel", "added_on", "owner", "level", "notes")  # fmt: skip


def _column_list(series: pd.Series) -> list[Any]:
    """A parsed column as a plain list with None for empty cells (fast to index in a loop)."""
    if pd.api.types.is_datetime64_any_dtype(series):  # each distinct day written once (birthdays repeat)
        codes, days = pd.factorize(series)
        written = [*days.strftime("%Y-%m-%d").tolist(), None]  # a missing day: code -1, the last
        return list(map(written.__getitem__, codes.tolist()))
    if series.dtype == object:  # parsed text marks empty cells pd.NA or None: compared by identity, the
        na = pd.NA  # cells themselves are not touched (pandas' isna inspects each: a sheet's are scattered)
        return [None if v is na else v for v in series.tolist()]
    return series.to_numpy(dtype=object, na_value=None).tolist()


_CLOCK_DIGITS = re.compile(r"\s*(?:[01]?\d|2[0-3])[0-5]\d[0-5]\d\s*")  # 103012, 93012: HHMMSS
_TIME_TEXT = re.compile(r"\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?\s*")


def _join_date_and_time(
    kind: str, frame: pd.DataFrame, texts: dict[int, np.ndarray], headers: list[str], mapping: list[str]
) -> int | None:
    """Tills print a sale's day and time in two columns (销售日期 | 销售时间, 日期 | 时间): when the order-time
    column holds days without a time and another column named like it times of day (or the other way
    round), the order time is the two together, in the column of the days. A row whose day or time cannot
    be read keeps what it had, so that the check reports it. Returns the time column (no longer left out)."""
    if "ordered_at" not in mapping:
        return None
    mapped = mapping.index("ordered_at")
    others = [c for c, (h, m) in enumerate(zip(headers, mapping, strict=True))
              if m == IGNORE and c < frame.shape[1] and (find_alias(kind, h) or (0, ""))[1] == "ordered_at"]  # fmt: skip
    for other in others:
        for day_col, time_col in ((mapped, other), (other, mapped)):
            clock = _times_of_day(frame[time_col])
            if clock is None:
                continue
            days, bad = nz.dates(frame[day_col], with_time=True)
            good = days.notna()
            if good.sum() < bad.sum() or not good.any() or (days[good] != days[good].dt.normalize()).any():
                continue  # not a column of days
            time_text = nz.strings(frame[time_col])
            unread = good & clock.isna() & pd.Series(np.strings.str_len(time_text) > 0, index=frame.index)
            joined = (days + clock.fillna(pd.Timedelta(0))).dt.strftime("%Y-%m-%d %H:%M:%S").astype(object)
            day_text = nz.strings(frame[day_col]).astype(object)
            cells = joined.where(good & ~unread, frame[day_col])
            # a time that cannot be read goes with its day, and the check reports the two as not a date
            cells = cells.where(~unread, pd.Series(day_text, index=frame.index) + " " + time_text.astype(object))
            frame[day_col] = pd.Series(cells, dtype=object)
            texts.pop(day_col, None)
            mapping[mapped], mapping[day_col] = IGNORE, "ordered_at"
            return time_col
    return None


def _times_of_day(cells: pd.Series) -> pd.Series | None:
    """A column of times of day (10:05:01 as text, or time cells) as timedeltas, NaT where a cell is empty or
    not one; None when the column is not one (its first cells decide, so a column of full dates costs
    nothing)."""
    first = [v for v in cells.iloc[:200].tolist() if _cell_text(v).strip()][:50]
    if not first or not all(isinstance(v, dt.time) or (isinstance(v, str) and _TIME_TEXT.fullmatch(v))
                            or _CLOCK_DIGITS.fullmatch(_cell_text(v)) for v in first):  # fmt: skip
        return None
    text = nz.strings(cells)  # a time cell reads 10:05:01
    # 103012 or 93012: a bank's or 云闪付's time of day, HHMMSS as digits (a number cell loses the first 0)
    digits = np.strings.isdigit(text) & np.isin(np.strings.str_len(text), (5, 6))
    if digits.any():
        six = np.strings.zfill(text[digits], 6)
        text = text.copy()
        text[digits] = np.strings.add(np.strings.add(np.strings.add(np.strings.add(
            np.strings.slice(six, 0, 2), ":"), np.strings.slice(six, 2, 4)), ":"), np.strings.slice(six, 4, 6))
    short = np.strings.count(text, ":") == 1  # 18:30
    text = np.where(short, np.strings.add(text, ":00"), text)
    clock = pd.to_timedelta(pd.Series(text.astype(object), index=cells.index), errors="coerce")
    return clock.where((clock >= pd.Timedelta(0)) & (clock < pd.Timedelta(days=1)))


_MONTH_DAY = re.compile(r"\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?\s*")


def _plan_days(values: pd.Series, bad: pd.Series, arr: np.ndarray, today: pd.Timestamp) -> tuple[pd.Series, pd.Series]:
    """A content plan's day written without its year (12月4日, 12-04, with or without 周五): the one nearest to
    today, since a plan is drafted for the weeks around it (in January, 12月28日 is last December's)."""
    values, bad = values.copy(), bad.copy()
    for i in np.flatnonzero(bad.to_numpy(dtype=bool)):
        found = _MONTH_DAY.fullmatch(nz.WEEKDAY.sub(" ", str(arr[i])))
        if found is None:
            continue
        candidates = []
        for year in (today.year - 1, today.year, today.year + 1):
            try:
                candidates.append(pd.Timestamp(year=year, month=int(found[1]), day=int(found[2])))
            except ValueError:  # no such day (2月30日), or not in that year (2月29日)
                continue
        if candidates:
            values.iat[i] = min(candidates, key=lambda d: abs(d - today))
            bad.iat[i] = False
    return values, bad


def _other_phones(
    values: pd.Series, bad: pd.Series, arr: np.ndarray, parsed: dict[str, pd.Series], header: str,
    headers: list[str] | None = None,
) -> tuple[pd.Series, pd.Series]:
    """A customer's phone cell that holds a landline (0571-88881234) or several numbers (138…/139…) is no bad
    cell: the first mobile among them is the phone, and the cell as written is kept as a custom field named
    after the column (电话原文), so that nothing the file says is lost. Not the column's own name: an export
    would head two columns 电话, the field's and the custom one's, and the second read back as another field."""
    keep = pd.Series([None] * len(values), index=values.index, dtype=object)
    values, bad = values.copy(), bad.copy()
    for i in np.flatnonzero(bad.to_numpy(dtype=bool)):
        ok, mobile = nz.other_phones(str(arr[i]))
        if ok:
            bad.iat[i] = False
            values.iat[i] = pd.NA if mobile is None else mobile
            keep.iat[i] = str(arr[i])
    if keep.notna().any():
        name = f"{header}原文"
        while name in (headers or ()):  # a column of the file already has that name (an edited export)
            name += "2"
        parsed[f"custom:{name}"] = keep
    return values, bad


_GIVEN_NAME = frozenset({"first name", "given name", "firstname", "名"})
_FAMILY_NAME = frozenset({"last name", "surname", "family name", "lastname", "姓"})


def _name_from_parts(parsed: dict[str, pd.Series], headers: list[str], mapping: list[str]) -> None:
    """A file with the name in two columns (First Name | Last Name, as public data sets and English systems
    write it; 姓 | 名) and no name column, or one left empty for some rows: the customer's name is the two
    together. The columns stay custom fields as well."""
    given = next((f"custom:{h}" for h, m in zip(headers, mapping, strict=True)
                  if m == CUSTOM and normalise_header(h) in _GIVEN_NAME), None)  # fmt: skip
    family = next((f"custom:{h}" for h, m in zip(headers, mapping, strict=True)
                   if m == CUSTOM and normalise_header(h) in _FAMILY_NAME), None)  # fmt: skip
    if given not in parsed or family not in parsed:
        return
    chinese = normalise_header(given[7:]) == "名"
    names = [" ".join(p for p in ((f, g) if chinese else (g, f)) if p).replace(" ", "" if chinese else " ") or None
             for g, f in zip(_column_list(parsed[given]), _column_list(parsed[family]), strict=True)]  # fmt: skip
    if "name" in parsed:  # a name column left empty for some (Square's Nickname): the two parts there
        names = [n if n is not None else made for n, made in zip(_column_list(parsed["name"]), names, strict=True)]
    parsed["name"] = pd.Series(names, index=parsed[given].index, dtype=object)


def _lunar_by_header(parsed: dict[str, pd.Series], headers: list[str], mapping: list[str]) -> None:
    """A birthday column headed 生日(农历), 农历生日 or 阴历生日, in a file without a calendar column, holds
    lunar birthdays (older customers keep them so)."""
    header = next((h for h, m in zip(headers, mapping, strict=True) if m == "birthday"), None)
    if header is None or "birthday_calendar" in parsed or not re.search("农历|阴历", header):
        return
    parsed["birthday_calendar"] = pd.Series(np.where(parsed["birthday"].notna(), True, None), dtype=object)


def _by_added_day(
    candidates: list[tuple[int, str | None]], added: str | None, key: str, claimed: dict[int, str]
) -> int | None:
    """The customer of a name-only row among those of its name and remark: the one added on the row's day,
    else one without an added day; a row that gives no day takes the first. A customer another record of
    the file (another ``key``) took is not taken again: two people of one nickname stay two."""
    free = [(cid, day) for cid, day in candidates if claimed.get(cid, key) == key]
    found = (
        next((cid for cid, day in free if day == added), None)
        or next((cid for cid, day in free if day is None), None)
        if added is not None
        else next((cid for cid, _day in free), None)
    )
    if found is not None:
        claimed[found] = key
    return found


def _same_person(known: tuple[Any, ...], row: tuple[Any, ...]) -> bool:
    """Whether a row that names a customer by Siyu's number is about that customer: compared where both have
    a value (phone, member code, name, WeChat id), the row may differ in as many as it agrees with, no more.
    Another shop's export carries numbers this shop gave to other people; an owner correcting a phone in an
    export of this shop keeps the name."""
    pairs = [(a, b) for a, b in zip(known, row, strict=True) if a is not None and b is not None]
    differ = sum(1 for a, b in pairs if a != b)
    return differ == 0 or len(pairs) - differ >= differ


class _CustomerPlan:
    """Customers: fold repeated rows, match the shop's customers, then write in bulk.

    Works on plain lists: a Python loop over 100,000 rows is fine, pandas scalar access in one is not.
    """

    def __init__(self, parsed, rownums, headers, mapping, bad_rows, issues):  # type: ignore[no-untyped-def]
        self.rownums, self.headers, self.mapping = rownums, headers, mapping
        self.bad_rows, self.issues = bad_rows, issues
        self.n = len(rownums)
        self.cols: dict[str, list[Any]] = {k: _column_list(v) for k, v in parsed.items() if k != "tags"}
        if "birthday_calendar" in self.cols:
            self.cols["birthday_lunar"] = self.cols.pop("birthday_calendar")
        self.tags: list[list[str]] | None = parsed["tags"].tolist() if "tags" in parsed else None
        self.custom = [k for k in parsed if k.startswith("custom:")]
        self.none = [None] * self.n

    def col(self, key: str) -> list[Any]:
        return self.cols.get(key, self.none)

    def _issue(self, i: int, key: str, reason: str) -> None:
        mapped = "birthday_calendar" if key == "birthday_lunar" else key
        col = self.mapping.index(mapped) if mapped in self.mapping else 0
        value = self.col(key)[i]
        self.issues.append(Issue(int(self.rownums[i]), self.headers[col] if self.headers else "",
                                 "" if value is None else str(value), reason))  # fmt: skip
        self.bad_rows[i] = True

    def match(self, conn: Connection, mode: str) -> None:
        n = self.n
        phone, code, name, wechat = (
            self.col("phone"),
            self.col("member_code"),
            self.col("name"),
            self.col("wechat_id"),
        )
        remark, siyu_id, added = self.col("remark_name"), self.col("siyu_id"), self.col("added_on")
        first_key = next((k for k in ("name", "phone", "member_code", "wechat_id") if k in self.cols), "name")
        existing = conn.execute(text(
            "SELECT id, phone, member_code, name, wechat_id, remark_name, added_on FROM customer ORDER BY id"
        )).all()  # fmt: skip
        by_id = {r[0]: (r[1], r[2], r[3], r[4]) for r in existing}  # phone, member code, name, WeChat id
        by_phone = {r[1]: r[0] for r in existing if r[1]}
        by_code = {r[2]: r[0] for r in existing if r[2]}
        by_name_wx = {(r[3], r[4]): r[0] for r in existing if r[4]}
        # a contact known only by name (no phone, code or WeChat id) is matched by name and remark, and by the
        # day they were added where the file says it: WeCom contacts often share a nickname
        by_name_only: dict[tuple[str, str | None], list[tuple[int, str | None]]] = {}
        for r in existing:
            if not (r[1] or r[2] or r[4]):
                by_name_only.setdefault((r[3], r[5]), []).append((r[0], None if r[6] is None else str(r[6])[:10]))
        ids = [0] * n
        # repeated rows of one customer in the file are folded together: same phone, else member code, else
        # name + WeChat id, else Siyu's number, else name + remark
        keys = ["p:" + p if p is not None else "" for p in phone]
        for i in [i for i, k in enumerate(keys) if not k]:
            if code[i] is not None:
                keys[i] = "c:" + code[i]
            elif name[i] is None and wechat[i] is None and not self.bad_rows[i]:  # nothing names the customer
                self._issue(i, first_key, QT_TRANSLATE_NOOP("Import", "the name or phone is missing"))
                keys[i] = f"s:{siyu_id[i]}" if siyu_id[i] is not None else f"n:None\x1f{remark[i]}\x1f{added[i]}"
            elif name[i] is not None and wechat[i] is not None:
                keys[i] = f"w:{name[i]}\x1f{wechat[i]}"
            elif siyu_id[i] is not None:
                keys[i] = f"s:{siyu_id[i]}"
            else:  # two contacts of one nickname added on different days are two people
                keys[i] = f"n:{name[i]}\x1f{remark[i]}\x1f{added[i]}"
        claimed: dict[int, str] = {}  # name-only customers matched so far, by the file's record key
        by_siyu_id: dict[str, set[int]] = {}  # record key -> customers rows with that key name by Siyu's number
        named = [False] * n  # rows that name their customer by Siyu's number
        bad = self.bad_rows
        for i in [i for i in range(n) if not bad[i]] if existing else ():  # a first import matches no one
            sid = siyu_id[i]
            if (
                sid is not None
                and str(sid).isdigit()
                and int(sid) in by_id
                and _same_person(by_id[int(sid)], (phone[i], code[i], name[i], wechat[i]))
            ):
                ids[i] = int(sid)  # an export of this shop: the customer it came from
                by_siyu_id.setdefault(keys[i], set()).add(ids[i])
                named[i] = True
            else:
                pid = by_phone.get(phone[i]) if phone[i] is not None else None
                cid = by_code.get(code[i]) if code[i] is not None else None
                if pid and cid and pid != cid:
                    self._issue(i, "member_code", QT_TRANSLATE_NOOP(
                        "Import", "this member code belongs to another customer than this phone number"))  # fmt: skip
                    continue
                target = pid or cid
                if not target and name[i] is not None and wechat[i] is not None:
                    target = by_name_wx.get((name[i], wechat[i]))
                if (
                    not target
                    and name[i] is not None
                    and phone[i] is None
                    and code[i] is None
                    and wechat[i] is None
                ):
                    target = _by_added_day(by_name_only.get((name[i], remark[i]), []), added[i], keys[i], claimed)
                ids[i] = target or 0
        code_owner: dict[str, str] = {}  # one member code, one customer of the file
        for i in [i for i, c in enumerate(code) if c is not None and not bad[i]]:
            if code_owner.setdefault(code[i], keys[i]) != keys[i]:
                self._issue(i, "member_code", QT_TRANSLATE_NOOP("Import", "this member code is used by another row"))
        # A row that names its customer by Siyu's number (an export of this shop) is that customer's record:
        # two customers exported with one nickname and WeChat id are not folded into one. The file's other
        # rows with the same key join that record, unless the key names several customers that way.
        for i in range(n):
            owners = by_siyu_id.get(keys[i])
            if named[i]:
                keys[i] = f"id:{ids[i]}"
            elif owners is not None and len(owners) == 1 and not self.bad_rows[i]:
                keys[i] = f"id:{next(iter(owners))}"
        if mode == "update":
            key = next((k for k in ("phone", "member_code", "name") if k in self.cols), "name")
            for i in range(n):
                if ids[i] == 0 and not self.bad_rows[i]:
                    self._issue(i, key, QT_TRANSLATE_NOOP("Import", "no existing customer matches this row"))
        self.ids, self.keys, self.mode = ids, keys, mode

    def _fold(self) -> _Folded:
        """Valid rows folded by customer: later non-empty values win; tags are joined, the latest mention last.

        A file with one row per customer (the usual case) passes through as it is; repeated rows are folded
        by one pandas groupby, column by column.
        """
        value_keys = [k for k in (*_VALUE_KEYS, *self.custom) if k in self.cols]
        valid = np.flatnonzero(~self.bad_rows)
        every = len(valid) == self.n
        keys = self.keys if every else [self.keys[i] for i in valid]
        codes, uniques = pd.factorize(np.array(keys, dtype=object))
        if len(uniques) == len(valid):
            if every:
                return _Folded({k: self.cols[k] for k in value_keys}, list(self.ids), self.tags, 0)
            pick = valid.tolist()
            return _Folded(
                {k: [self.cols[k][i] for i in pick] for k in value_keys},
                [self.ids[i] for i in pick],
                None if self.tags is None else [self.tags[i] for i in pick],
                0,
            )
        pick = valid.tolist()
        frame = pd.DataFrame(
            {k: pd.Series([self.cols[k][i] for i in pick], dtype=object) for k in value_keys}
            | {"_id": pd.Series([self.ids[i] or None for i in pick], dtype="Int64")}
        )
        groups = frame.groupby(codes, sort=True)
        last = groups.last()  # last non-empty value of each column
        cols = {k: last[k].to_numpy(dtype=object, na_value=None).tolist() for k in value_keys}
        if "added_on" in cols:  # a customer was added on the earliest day a row says (ISO text sorts by day)
            cols["added_on"] = groups["added_on"].min().to_numpy(dtype=object, na_value=None).tolist()
        if "notes" in cols:  # each row's note is kept: the different ones joined, in file order
            notes = groups["notes"].agg(lambda cells: "；".join(dict.fromkeys(str(c) for c in cells.dropna())) or None)
            cols["notes"] = notes.to_numpy(dtype=object, na_value=None).tolist()
        target = last["_id"].fillna(0).astype("int64").tolist()
        tags: list[list[str]] | None = None
        if self.tags is not None:
            tags = [[] for _ in range(len(uniques))]
            for code, row in zip(codes.tolist(), pick, strict=True):
                joined = tags[code]
                for tag in self.tags[row]:  # a tag named again moves last: in an exclusive group it wins
                    if tag in joined:
                        joined.remove(tag)
                    joined.append(tag)
        return _Folded(cols, target, tags, len(valid) - len(uniques))

    def write(self, conn: Connection, summary: ImportSummary, progress: Callable[[float], None]) -> None:
        folded = self._fold()
        summary.merged += folded.merged
        cols, target = folded.cols, folded.target
        if any(target):
            fresh = [p for p, cid in enumerate(target) if not cid]
            matched = [p for p, cid in enumerate(target) if cid]
        else:  # a first import: every record is a new customer
            fresh, matched = list(range(len(target))), []
        if not fresh and not matched:
            return
        if self.mode == "add":
            summary.unchanged += len(matched)
            matched = []
        owners = cols.get("owner")
        staff_ids = _resolve_staff(conn, set(owners) - {None} if owners else set(), summary)
        progress(0.1)
        now = dt.datetime.now().replace(microsecond=0).isoformat(" ")
        new_ids = allocate_ids(conn, "customer", len(fresh))
        first_new = new_ids[0] if new_ids else None  # every customer from this id up is new
        field_rows: list[tuple[int, str, str]] = []

        # new customers, column by column
        every = len(fresh) == len(target)  # a first import: every row is a new customer, columns as they are

        def pick(key: str) -> list[Any]:
            values = cols.get(key)
            if values is None:
                return [None] * len(fresh)
            return values if every else [values[p] for p in fresh]  # read only below, never changed

        new = {c: pick(c) for c in CUSTOMER_COLUMNS if c != "owner_staff_id"}
        # a customer without a name is listed by what else names them (a member list of codes and phones)
        # (each list is rewritten only when it has an empty cell to fill: a search in C finds out)
        if None in new["name"]:
            new["name"] = [n if n is not None else (r or ph or mc or wx or "")
                           for n, r, ph, mc, wx in zip(new["name"], new["remark_name"], new["phone"],
                                                       new["member_code"], new["wechat_id"], strict=True)]  # fmt: skip
        for column, default in (("gender", "unknown"), ("level", "fan"), ("birthday_lunar", False)):
            if None in new[column]:
                new[column] = [default if v is None else v for v in new[column]]
        new["owner_staff_id"] = list(map(staff_ids.get, pick("owner")))  # None stays None
        keys = search_keys(new["name"], new["remark_name"])
        for ckey in self.custom:
            name = ckey[7:]
            field_rows.extend((cid, name, str(v)) for cid, v in zip(new_ids, pick(ckey), strict=True) if v is not None)
        tags = _TagLinks(conn, summary) if folded.tags is not None else None
        if tags is not None and fresh:
            cids, codes, combos = _distinct_lists(new_ids, folded.tags if every else [folded.tags[p] for p in fresh])
            tags.names(combos)
        progress(0.3)
        dbapi = conn.connection.dbapi_connection
        fresh_links: Future[tuple[np.ndarray, tuple[int, str]]] | None = None
        with indexes_rebuilt_after(conn, "customer", len(fresh)):
            insert_rows(dbapi, "customer", ["id", *CUSTOMER_COLUMNS, "search_key"],
                        zip(new_ids, *[new[c] for c in CUSTOMER_COLUMNS], keys, strict=True),
                        fixed={"created_at": now, "updated_at": now})  # fmt: skip
            if tags is not None and fresh:  # the new customers' links are worked out while the indexes are built
                fresh_links = _in_background(lambda: _with_payload(tags.spread(cids, codes, combos)))
        summary.inserted += len(fresh)
        progress(0.6)

        # customers the shop already has: only what differs is written
        matched_ids = [target[p] for p in matched]
        existing = _load_customers(conn, matched_ids)
        existing_fields = _load_fields(conn, matched_ids, self.custom)
        value_cols = [(k, cols[k]) for k in _VALUE_KEYS if k in cols]
        updates = []
        changed_fields: set[int] = set()
        matched_tag_cids: list[int] = []
        matched_tag_lists: list[list[str]] = []
        for p, cid in zip(matched, matched_ids, strict=True):
            values = {k: v for k, column in value_cols if (v := column[p]) is not None}
            if "owner" in values:
                values["owner_staff_id"] = staff_ids[values.pop("owner")]
            if "birthday_lunar" in values:
                values["birthday_lunar"] = bool(values["birthday_lunar"])
            old = existing[cid]
            diff = {k: v for k, v in values.items() if v != old.get(k)}
            if diff:
                if "name" in diff or "remark_name" in diff:
                    diff["search_key"] = search_key(diff.get("name", old.get("name")),
                                                    diff.get("remark_name", old.get("remark_name")))  # fmt: skip
                updates.append((cid, diff))
            for ckey in self.custom:
                value = cols[ckey][p]
                if value is not None and existing_fields.get((cid, ckey[7:])) != value:
                    field_rows.append((cid, ckey[7:], str(value)))
                    changed_fields.add(cid)
            if folded.tags is not None:
                matched_tag_lists.append(folded.tags[p])
                matched_tag_cids.append(cid)
        # one statement for each set of changed columns, run for all its customers at once (executemany)
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for cid, diff in updates:
            by_columns.setdefault(tuple(sorted(diff)), []).append({**diff, "now": now, "id": cid})
        with secondary_indexes_dropped(conn, "customer", len(updates)):
            for columns, params in by_columns.items():
                sets = ", ".join(f"{k} = :{k}" for k in columns)
                conn.execute(text(f"UPDATE customer SET {sets}, updated_at = :now, version = version + 1 WHERE id = :id"),
                             params)  # fmt: skip
        progress(0.75)
        if field_rows:
            if not matched:  # only new customers: nothing to conflict with
                insert_rows(dbapi, "customer_field", ["customer_id", "name", "value"], field_rows)
            else:
                conn.execute(
                    text("INSERT INTO customer_field (customer_id, name, value) VALUES (:c, :n, :v) "
                         "ON CONFLICT (customer_id, name) DO UPDATE SET value = excluded.value"),
                    [{"c": c, "n": nm, "v": v} for c, nm, v in field_rows],
                )  # fmt: skip
        progress(0.85)
        tagged: set[int] = set()
        if tags is not None:
            links, payload = fresh_links.result() if fresh_links is not None else (np.zeros(0, np.int64), None)
            if matched_tag_lists:  # the shop's customers number below the new ones: their links go first
                cids, codes, combos = _distinct_lists(matched_tag_cids, matched_tag_lists)
                tags.names(combos)
                links, payload = np.concatenate([tags.spread(cids, codes, combos), links]), None
            tagged = tags.write(links, now, first_new, payload)
        # an existing customer who only gained a tag or a custom field was updated, not unchanged
        changed = {cid for cid, _ in updates} | changed_fields | tagged
        updated = sum(1 for c in matched_ids if c in changed)
        summary.updated += updated
        summary.unchanged += len(matched_ids) - updated
        progress(1.0)


@dataclass
class _Folded:
    """One record per customer of the file, column by column."""

    cols: dict[str, list[Any]]
    target: list[int]  # the shop's customer id, 0 for a new customer
    tags: list[list[str]] | None
    merged: int  # rows folded into an earlier row of the same customer


def _resolve_staff(conn: Connection, names: set[str], summary: ImportSummary) -> dict[str, int]:
    """Staff by name; a name the shop does not know yet becomes a new member of staff (counted)."""
    known = {r[0]: r[1] for r in conn.execute(text("SELECT name, id FROM staff"))}
    for name in sorted(names):
        if name not in known:
            known[name] = conn.execute(
                text("INSERT INTO staff (name, role, status) VALUES (:n, 'staff', 'active') RETURNING id"),
                {"n": name},
            ).scalar_one()
            summary.created_staff += 1
    return known


def _load_customers(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    out: dict[int, dict[str, Any]] = {}
    cols = ", ".join(CUSTOMER_COLUMNS)
    for chunk in range(0, len(ids), 5000):
        part = ids[chunk : chunk + 5000]
        for row in conn.execute(
            text(f"SELECT id, {cols} FROM customer WHERE id IN ({','.join(map(str, part))})")
        ):
            record = dict(zip(("id", *CUSTOMER_COLUMNS), row, strict=True))
            for c in ("birthday", "added_on"):
                if record[c] is not None:
                    record[c] = str(record[c])[:10]
            out[record["id"]] = record
    return out


def _load_fields(conn: Connection, ids: list[int], custom: list[str]) -> dict[tuple[int, str], str]:
    """The custom fields of these customers that the file has columns for, by (customer, field name)."""
    if not ids or not custom:
        return {}
    wanted = {c[7:] for c in custom}  # "custom:积分" -> 积分
    out: dict[tuple[int, str], str] = {}
    # the driver's own cursor: a wide file's re-import reads millions of values, and SQLAlchemy's row objects
    # cost three times the query; the names are filtered here (an IN on both key columns probes every pair)
    cur = conn.connection.dbapi_connection.cursor()
    try:
        for chunk in range(0, len(ids), 5000):
            part = ",".join(map(str, ids[chunk : chunk + 5000]))
            cur.execute(f"SELECT customer_id, name, value FROM customer_field WHERE customer_id IN ({part})")
            out.update(((c, n), v) for c, n, v in cur.fetchall() if n in wanted)
    finally:
        cur.close()
    return out


class _TagLinks:
    """The tags an import gives customers by name, written inside its transaction.

    A name that exists in any tag group is reused (a non-exclusive group first); others are created in the
    import group. In an exclusive (S-level) group the customer keeps one tag: the file's last one, replacing
    the one they had. Rows of one tag cell share one list (``_by_distinct``): each distinct list is read once,
    and its tags are spread over its customers with numpy. A link is one integer, customer << 32 | tag.

    ``names`` and ``write`` use the database; ``spread`` and ``payload`` only numpy and Python, so that they
    can run on a second thread while SQLite, which lets go of Python's lock, builds indexes.
    """

    def __init__(self, conn: Connection, summary: ImportSummary) -> None:
        self.conn, self.summary = conn, summary
        self.found: dict[str, tuple[int, bool, int]] = {}  # name -> tag id, exclusive, group
        for name, tid, exclusive, gid in conn.execute(text(
            "SELECT t.name, t.id, g.exclusive, t.group_id FROM tag t JOIN tag_group g ON g.id = t.group_id "
            "ORDER BY g.exclusive, t.id"
        )):  # fmt: skip
            self.found.setdefault(name, (tid, bool(exclusive), gid))
        self.group_of = {tid: gid for tid, exclusive, gid in self.found.values() if exclusive}

    def names(self, combos: list[list[str]]) -> None:
        """Make the tags these lists name that the shop does not have yet."""
        missing = [n for n in dict.fromkeys(chain.from_iterable(combos)) if n not in self.found]
        if not missing:
            return
        conn = self.conn
        gid = conn.execute(text("SELECT id FROM tag_group WHERE name = :n"), {"n": IMPORT_TAG_GROUP}).scalar()
        if gid is None:
            gid = conn.execute(
                text("INSERT INTO tag_group (name, exclusive, color, sort_order) VALUES (:n, :e, '#94a3b8', 99) "
                     "RETURNING id"), {"n": IMPORT_TAG_GROUP, "e": False}).scalar_one()  # fmt: skip
        for name in missing:
            tid = conn.execute(text("INSERT INTO tag (group_id, name) VALUES (:g, :n) RETURNING id"),
                               {"g": gid, "n": name}).scalar_one()  # fmt: skip
            self.found[name] = (tid, False, gid)
            self.summary.created_tags += 1

    def spread(self, cids: np.ndarray, codes: np.ndarray, combos: list[list[str]]) -> np.ndarray:
        """The links of customers ``cids`` (each once), customer ``cids[i]`` holding list ``combos[codes[i]]``;
        sorted by customer, then tag: the table's key order."""
        found, group_of = self.found, self.group_of

        def tag_ids(names: list[str]) -> list[int]:  # a list's tags, each once; per exclusive group the last
            kept: dict[int, int] = {}
            for name in names:
                tid = found[name][0]
                kept[group_of.get(tid, -tid)] = tid
            return sorted(kept.values())

        read = [tag_ids(c) for c in combos]
        sizes = np.fromiter(map(len, read), dtype=np.int64, count=len(read))
        flat = np.fromiter(chain.from_iterable(read), dtype=np.int64, count=int(sizes.sum()))
        per_row = sizes[codes]
        starts = np.cumsum(sizes) - sizes  # each distinct list's place in flat
        out_starts = np.cumsum(per_row) - per_row
        links = np.repeat(cids << 32, per_row) | flat[
            np.arange(int(per_row.sum())) - np.repeat(out_starts - starts[codes], per_row)
        ]
        if len(links) > 1 and not (links[1:] > links[:-1]).all():
            links.sort()
        return links

    @staticmethod
    def payload(links: np.ndarray) -> tuple[int, str]:
        """Links as SQLite's json_each reads them: each with as few bits for its tag as the highest tag
        needs (fewer digits to write and to read), and that number of bits."""
        tags = links & 0xFFFFFFFF
        bits = max(int(tags.max()).bit_length(), 1) if len(links) else 1
        return bits, json.dumps((((links >> 32) << bits) | tags).tolist())

    def write(self, links: np.ndarray, now: str, new_from: int | None, payload: tuple[int, str] | None = None) -> set[int]:
        """Write the links the customers do not have yet; ``payload`` is ``payload(links)`` when already made.
        Customers numbered ``new_from`` and up were created by this import and have no tags yet. Returns the
        customers older than ``new_from`` who gained a tag."""
        conn = self.conn
        old = links if new_from is None else links[(links >> 32) < new_from]
        if len(old):  # links the shop's customers already have are not added again
            known = _unique(old >> 32).tolist()
            have: list[int] = []
            for chunk in range(0, len(known), 5000):
                part = known[chunk : chunk + 5000]
                have.extend(c << 32 | t for c, t in conn.execute(text(
                    f"SELECT customer_id, tag_id FROM customer_tag WHERE customer_id IN ({','.join(map(str, part))})")))  # fmt: skip
            if have:
                links = links[~np.isin(links, np.array(have, dtype=np.int64))]
                payload = None
        if not len(links):
            return set()
        link_c, link_t = links >> 32, links & 0xFFFFFFFF
        fresh = link_c >= new_from if new_from is not None else np.zeros(len(links), dtype=bool)
        ex_tids = np.fromiter(self.group_of, dtype=np.int64, count=len(self.group_of))
        replaced = np.flatnonzero(np.isin(link_t, ex_tids) & ~fresh) if len(ex_tids) else []
        if len(replaced):
            conn.execute(text(
                "DELETE FROM customer_tag WHERE customer_id = :c AND tag_id IN "
                "(SELECT id FROM tag WHERE group_id = :g AND id != :t)"),
                [{"c": int(link_c[i]), "g": self.group_of[int(link_t[i])], "t": int(link_t[i])} for i in replaced])  # fmt: skip
        dbapi = conn.connection.dbapi_connection
        if conn.dialect.name == "sqlite" and sqlite_has_json(dbapi):
            # one statement over a JSON array of links, in key order: SQLite unpacks them in C, without binding
            # two Python values a row, half the time of executemany at 350,000 links; its one index is kept
            # up to date as it goes, which measured a little faster than building it again afterwards
            bits, text_ = payload or self.payload(links)
            dbapi.execute(
                "INSERT INTO customer_tag (customer_id, tag_id, origin, created_at) "
                f"SELECT value >> {bits}, value & {(1 << bits) - 1}, 'import', ? FROM json_each(?)",
                (now, text_),
            )
        else:
            with indexes_rebuilt_after(conn, "customer_tag", len(links)):
                insert_rows(dbapi, "customer_tag", ["customer_id", "tag_id"],
                            zip(link_c.tolist(), link_t.tolist(), strict=True),
                            fixed={"origin": "import", "created_at": now})  # fmt: skip
        return set(link_c[~fresh].tolist())


def _with_payload(links: np.ndarray) -> tuple[np.ndarray, tuple[int, str]]:
    return links, _TagLinks.payload(links)


def _in_background(work: Callable[[], Any]) -> Future[Any]:
    """``work`` on a thread of its own, for numpy and Python work that can run while this thread waits in
    SQLite (which lets go of Python's lock while it builds an index). Not for work that itself needs the GIL
    while this thread binds rows one by one: each row would wait for the other thread's turn to end."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="siyu-import")
    try:
        return pool.submit(work)
    finally:
        pool.shutdown(wait=False)  # the thread ends with its one task


def _distinct_lists(cids: Sequence[int], lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """Customers each once (a customer named by two records of the file gets their lists joined, in file
    order), each one's list as a code, and the distinct lists: lists that are one object (the rows of one tag
    cell) are one list."""
    cids = np.asarray(cids, dtype=np.int64)
    if len(_unique(cids)) < len(cids):
        merged: dict[int, list[str]] = {}
        for cid, names in zip(cids.tolist(), lists, strict=True):
            merged.setdefault(cid, []).extend(names)
        cids = np.fromiter(merged, dtype=np.int64, count=len(merged))
        lists = list(merged.values())
    codes, distinct = pd.factorize(np.fromiter(map(id, lists), dtype=np.int64, count=len(lists)))
    first = np.empty(len(distinct), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # where each distinct list is first met
    return cids, codes, [lists[i] for i in first.tolist()]


def _unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: a sort and a comparison of neighbours, several times faster than
    ``np.unique`` (numpy 2.4 hashes) on a few hundred thousand integers."""
    if not len(values):
        return values
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


# -- orders --------------------------------------------------------------------------------------------


# order states that mean the shop was not paid, or gave all of it back ...
CLOSED_ORDER_WORDS = ("关闭", "取消", "待付款", "等待买家付款", "等待付款", "未付款", "待支付", "未支付", "支付失败",
                      "已退款", "全额退款", "退款成功", "交易失败", "作废", "cancel", "closed", "unpaid", "pending payment",
                      "awaiting payment", "payment failed", "failed", "refunded", "void", "删除", "锁定")  # fmt: skip
# ... unless the state says the refund was partial, or is about a refund request that was withdrawn
OPEN_ORDER_WORDS = ("部分", "partial", "退款关闭", "退款已关闭", "退款取消", "未关闭", "not closed")


def _closed_orders(status: pd.Series) -> np.ndarray:
    lowered = status.astype("string").str.lower().str.replace(r"\s+", " ", regex=True)
    closed = lowered.str.contains("|".join(CLOSED_ORDER_WORDS), regex=True).fillna(False)
    still_open = lowered.str.contains("|".join(OPEN_ORDER_WORDS), regex=True).fillna(False)
    return (closed & ~still_open).to_numpy(dtype=bool)


class _OrderPlan:
    def __init__(self, parsed, rownums, bad_rows, issues, default_source, cells=None, line_amounts=False):  # type: ignore[no-untyped-def]
        self.parsed, self.rownums, self.bad_rows, self.issues = parsed, rownums, bad_rows, issues
        self.n = len(rownums)
        self.default_source = default_source
        self.cells: pd.DataFrame | None = cells  # the file's rows, every column: to tell a repeated row
        self.closed = _closed_orders(parsed["status"]) & ~bad_rows if "status" in parsed else None
        if self.closed is not None:  # left out of the import, counted; not invalid
            bad_rows |= self.closed
        if "amount" in parsed and "ordered_at" in parsed:  # nothing paid and no time: an order never paid for
            unpaid = ((parsed["amount"] == 0).fillna(False) & parsed["ordered_at"].isna()).to_numpy(dtype=bool)
            unpaid &= ~bad_rows
            if unpaid.any():
                self.closed = unpaid if self.closed is None else self.closed | unpaid
                bad_rows |= unpaid
        # the amount column holds each line's amount (its header says so: 小计, 商品实付金额, Sales), or a file of
        # order lines without an amount column: each line's amount is quantity × unit price
        self.lines = line_amounts
        if "amount" not in parsed and "quantity" in parsed and "unit_price" in parsed:
            self.lines = True
            missing = (parsed["quantity"].isna() | parsed["unit_price"].isna()).to_numpy(dtype=bool) & ~bad_rows
            for i in np.flatnonzero(missing):
                key = "quantity" if pd.isna(parsed["quantity"].iat[i]) else "unit_price"
                issues.append(Issue(int(rownums[i]), self._column(key), "",
                                    QT_TRANSLATE_NOOP("Import", "the quantity or unit price is missing")))  # fmt: skip
            bad_rows |= missing
            line = parsed["quantity"] * parsed["unit_price"]
            impossible = (line.abs() > nz.MAX_MONEY).to_numpy(dtype=bool)  # beyond what a cents column holds
            huge = impossible & ~bad_rows
            for i in np.flatnonzero(huge):
                issues.append(Issue(int(rownums[i]), self._column("unit_price"), str(parsed["unit_price"].iat[i]),
                                    QT_TRANSLATE_NOOP("Import", "quantity × unit price is not a possible amount")))  # fmt: skip
            bad_rows |= huge
            parsed["amount"] = (line.where(~impossible) * 100).round().astype("Int64")

    def _column(self, *keys: str) -> str:
        """The name of the first of these fields the file has (else the first): the import puts the file's
        own column name in its place (``_name_file_columns``)."""
        return field_spec("orders", next((k for k in keys if k in self.parsed), keys[0])).header

    def match(self, conn: Connection, mode: str) -> None:
        p, n = self.parsed, self.n
        for key, reason in (("ordered_at", QT_TRANSLATE_NOOP("Import", "the order time is missing")),
                            ("amount", QT_TRANSLATE_NOOP("Import", "the amount is missing"))):  # fmt: skip
            missing = _required(key, p, n) & ~self.bad_rows
            for i in np.flatnonzero(missing):
                self.issues.append(Issue(int(self.rownums[i]), self._column(key), "", reason))
            self.bad_rows |= missing
        def column(key: str) -> pd.Series:  # a column the file does not have: empty cells
            return p[key] if key in p else pd.Series([None] * n, dtype=object)

        phone = column("phone")
        code = column("member_code")
        sid = pd.to_numeric(column("customer_siyu_id"), errors="coerce")
        nobody = (phone.isna() & code.isna() & sid.isna()).to_numpy(dtype=bool) & ~self.bad_rows
        for i in np.flatnonzero(nobody):
            self.issues.append(Issue(int(self.rownums[i]), self._column("phone", "member_code"), "",
                                     QT_TRANSLATE_NOOP("Import", "neither a phone number nor a member code")))  # fmt: skip
        self.bad_rows |= nobody
        existing = conn.execute(text("SELECT id, phone, member_code, name FROM customer")).all()
        by_phone = {r[1]: r[0] for r in existing if r[1]}
        by_code = {r[2]: r[0] for r in existing if r[2]}
        known = pd.Index([r[0] for r in existing])
        pid = phone.map(by_phone, na_action="ignore").astype("Int64")
        cid = code.map(by_code, na_action="ignore").astype("Int64")
        # an export of this shop names the customer by Siyu's number: that wins when it still exists and the
        # row is about them (the rule of _same_person: another shop's export carries numbers of other people)
        own = sid.where(sid.isin(known)).astype("Int64")
        if own.notna().any():  # each customer's phone, code and name looked up by number, in numpy
            at = own.fillna(0).to_numpy(dtype=np.int64)
            differ = np.zeros(n, dtype=np.int64)
            agree = np.zeros(n, dtype=np.int64)
            ids = known.to_numpy(dtype=np.int64)
            for k, values in ((1, phone), (2, code), (3, column("name"))):
                table = np.full(int(ids.max()) + 1, None, dtype=object)
                table[ids] = [r[k] for r in existing]
                theirs = table[at]
                mine = values.to_numpy(dtype=object, na_value=None)
                both = (theirs != None) & (mine != None)  # noqa: E711 - elementwise, over object arrays
                same = theirs == mine
                differ += both & ~same
                agree += both & same
            own = own.where((differ == 0) | (agree >= differ))
        pid = own.fillna(pid)
        conflict = (pid.notna() & cid.notna() & (pid != cid)).fillna(False).to_numpy(
            dtype=bool
        ) & ~self.bad_rows
        for i in np.flatnonzero(conflict):
            self.issues.append(Issue(int(self.rownums[i]), self._column("member_code"), str(code.iat[i]),
                                     QT_TRANSLATE_NOOP("Import", "this member code belongs to another customer than this phone number")))  # fmt: skip
        self.bad_rows |= conflict
        self.customer = pid.fillna(cid)
        # a Siyu number that names no customer here, with no phone or member code to find or make one by
        orphan = (self.customer.isna() & phone.isna() & code.isna()).to_numpy(dtype=bool) & ~self.bad_rows
        for i in np.flatnonzero(orphan):
            self.issues.append(Issue(int(self.rownums[i]), self._column("customer_siyu_id"),
                                     str(column("customer_siyu_id").iat[i]),
                                     QT_TRANSLATE_NOOP("Import", "this shop has no such customer, and the row has "
                                                                 "no phone number or member code")))  # fmt: skip
        self.bad_rows |= orphan
        self.phone, self.code = phone, code
        self._one_code_one_new_customer()
        self._one_customer_an_order()

    def _one_code_one_new_customer(self) -> None:
        """Customers the file creates: one member code cannot go to two new phone numbers."""
        new = (self.customer.isna() & self.code.notna() & self.phone.notna()).to_numpy(dtype=bool) & ~self.bad_rows
        if not new.any():
            return
        rows = np.flatnonzero(new)
        pairs = pd.DataFrame({"code": self.code.iloc[rows].to_numpy(), "phone": self.phone.iloc[rows].to_numpy()},
                             index=rows)  # fmt: skip
        first_phone = pairs.groupby("code", sort=False)["phone"].transform("first")
        first_row = pairs.index.to_series().groupby(pairs["code"].to_numpy(), sort=False).transform("first")
        for i in pairs.index[(pairs["phone"] != first_phone).to_numpy(dtype=bool)]:
            self.issues.append(Issue(int(self.rownums[i]), self._column("member_code"), str(self.code.iat[i]),
                                     QT_TRANSLATE_NOOP("Import", "this member code goes with another phone number in row {row}"),
                                     {"row": int(self.rownums[first_row[i]])}))  # fmt: skip
            self.bad_rows[i] = True

    def _one_customer_an_order(self) -> None:
        """Rows that share an order number are lines of one order: a line naming another customer than the
        order's first line is reported."""
        p = self.parsed
        self.repeated_no = np.zeros(self.n, dtype=bool)  # rows whose order number another row has too
        if "external_no" not in p:
            return
        numbers = p["external_no"]
        self.repeated_no = numbers.duplicated(keep=False).to_numpy(dtype=bool) & numbers.notna().to_numpy(dtype=bool)
        if not self.repeated_no.any():  # the usual file: one row an order, nothing more to look at
            return
        valid = ~self.bad_rows & self.repeated_no
        source = p["source"].fillna(self.default_source) if "source" in p else self.default_source
        order = (source + "\x1f" + numbers).where(pd.Series(valid))
        repeated = np.flatnonzero(order.duplicated(keep=False).to_numpy(dtype=bool) & valid)
        if not len(repeated):
            return
        phone = self.phone.copy()
        # a new customer's line with only the member code is the customer another line names by phone and code
        code_only = (self.customer.isna() & phone.isna() & self.code.notna()).to_numpy(dtype=bool)
        if code_only.any():
            both = (self.phone.notna() & self.code.notna()).to_numpy(dtype=bool)
            phone_of = pd.Series(self.phone[both].to_numpy(), index=self.code[both].to_numpy()).groupby(level=0).first()
            phone[code_only] = self.code[code_only].map(phone_of)
        who = ("id:" + self.customer.astype("string")).fillna("p:" + phone.astype("string")).fillna(
            "c:" + self.code.astype("string"))  # fmt: skip
        sub = pd.DataFrame({"order": order.iloc[repeated].to_numpy(), "who": who.iloc[repeated].to_numpy()},
                           index=repeated)  # fmt: skip
        first = sub.groupby("order", sort=False)["who"].transform("first")
        first_row = sub.index.to_series().groupby(sub["order"].to_numpy(), sort=False).transform("first")
        for i in sub.index[(sub["who"] != first).to_numpy(dtype=bool)]:
            self.issues.append(Issue(int(self.rownums[i]), self._column("external_no"),
                                     str(p["external_no"].iat[i]),
                                     QT_TRANSLATE_NOOP("Import", "this order number belongs to another customer in row {row}"),
                                     {"row": int(self.rownums[first_row[i]])}))  # fmt: skip
            self.bad_rows[i] = True

    def _fold_lines(self, frame: pd.DataFrame, valid: np.ndarray) -> tuple[pd.DataFrame, int, int]:
        """Rows sharing an order number, folded into one order. A row repeated exactly (every column of the
        file alike) counts once. The others are the order's lines: their amounts add up when the file's amount
        column holds line amounts (it differs between the lines of some order, or it is quantity × unit
        price); a file that repeats one amount on every line of each order (item exports that carry the
        order's total) counts it once. Refunds follow the same rule. The order's time is its earliest line's."""
        candidates = self.repeated_no[valid]
        if not candidates.any():
            return frame, 0, 0
        repeated = pd.Series(candidates) & frame.duplicated(["source", "no"], keep=False)
        if not repeated.any():
            return frame, 0, 0
        frame = frame.copy()
        sub = frame[repeated].copy()
        before = len(sub)
        if self.cells is not None:
            rows = np.flatnonzero(valid)[np.flatnonzero(repeated.to_numpy())]
            cells = self.cells.iloc[rows].astype(str)
            sub["_row"] = pd.util.hash_pandas_object(cells, index=False).to_numpy()
            sub = sub[~sub.duplicated(["source", "no", "_row"])].drop(columns="_row")
        repeats = before - len(sub)
        groups = sub.groupby(["source", "no"], sort=False)

        def fold(column: str, per_line: bool) -> pd.Series:
            # decided for the whole file: a column whose value differs between the lines of some order holds
            # each line's own amount (all add up, equal ones too); a column that repeats one value on every
            # line of every order holds the order's (counted once)
            if per_line or bool((groups[column].transform("nunique") > 1).any()):
                return groups[column].transform("sum")
            return sub[column]

        sub["cents"] = fold("cents", self.lines)
        sub["refund"] = fold("refund", False)
        sub["at"] = groups["at"].transform("min")
        sub["channel"] = groups["channel"].transform("first")
        sub = sub[~sub.duplicated(["source", "no"])]
        folded = pd.concat([frame[~repeated], sub]).sort_index().reset_index(drop=True)
        return folded, repeats, len(frame) - len(folded) - repeats

    def _order_keys(self, rows: np.ndarray) -> pd.Series:
        source = self.parsed["source"].fillna(self.default_source) if "source" in self.parsed else None
        numbers = self.parsed["external_no"] if "external_no" in self.parsed else pd.Series([None] * self.n)
        keys = (source if source is not None else self.default_source) + "\x1f" + numbers
        return keys.iloc[rows]

    def _close_orders(self, conn: Connection, summary: ImportSummary) -> None:
        """Orders the file says are closed, unpaid or refunded: left out (counted once an order); one the shop
        already has from an earlier import is set to 0 (no longer a sale), counted as updated."""
        rows = np.flatnonzero(self.closed)
        keys = self._order_keys(rows)
        summary.closed_orders += int(keys.nunique()) + int(keys.isna().sum())  # orders, not their lines
        known = keys.dropna().drop_duplicates()
        if known.empty:
            return
        by_source: dict[str, list[str]] = {}
        for key in known.tolist():
            source, number = key.split("\x1f", 1)
            by_source.setdefault(source, []).append(number)
        query = text(
            "SELECT id, customer_id FROM orders WHERE source = :s AND amount_cents != 0 AND external_no IN :nos"
        ).bindparams(bindparam("nos", expanding=True))
        found: list[tuple[int, int]] = []
        for source, numbers in by_source.items():
            for chunk in range(0, len(numbers), 5000):
                found += [(r[0], r[1]) for r in conn.execute(query, {"s": source, "nos": numbers[chunk : chunk + 5000]})]
        if not found:
            return
        ids = [r[0] for r in found]
        for chunk in range(0, len(ids), 5000):
            conn.execute(text(f"UPDATE orders SET amount_cents = 0 WHERE id IN ({','.join(map(str, ids[chunk:chunk + 5000]))})"))
        from app.services.customer_stats import refresh_customer_stats

        refresh_customer_stats(conn, sorted({r[1] for r in found}))
        summary.updated += len(ids)

    def write(self, conn: Connection, summary: ImportSummary, progress: Callable[[float], None]) -> None:
        p = self.parsed
        if self.closed is not None and self.closed.any():
            self._close_orders(conn, summary)
        valid = ~self.bad_rows
        if not valid.any():
            return
        n_valid = int(valid.sum())

        def text_column(key: str, fill: str | None = None) -> pd.Series:
            # object dtype: pandas 3 would turn text into its string dtype, costly to build and to iterate
            if key not in p:
                return pd.Series([fill] * n_valid, dtype=object)
            values = p[key][valid]
            if fill is not None:
                values = values.fillna(fill)
            return pd.Series(values.to_numpy(dtype=object), dtype=object)

        frame = pd.DataFrame({
            "customer": self.customer[valid].to_numpy(),
            "phone": pd.Series(self.phone[valid].to_numpy(dtype=object), dtype=object),
            "code": pd.Series(self.code[valid].to_numpy(dtype=object), dtype=object),
            "name": text_column("name"),
            "at": p["ordered_at"][valid].to_numpy(),
            "cents": p["amount"][valid].to_numpy(),
            "channel": text_column("channel"),
            "source": text_column("source", self.default_source),
            "no": text_column("external_no"),
            # a refund is money given back whichever sign the system writes it with (8, -8, ¥-8.00)
            "refund": p["refund"][valid].fillna(0).abs().to_numpy() if "refund" in p else np.zeros(n_valid, dtype=np.int64),
        })  # fmt: skip
        now = dt.datetime.now().replace(microsecond=0).isoformat(" ")
        # customers named by the file but not in the shop yet are created
        new = frame["customer"].isna()
        if new.any():
            ckey = frame["phone"].where(frame["phone"].notna(), "code:" + frame["code"].astype(str))
            first = frame[new].assign(_k=ckey[new]).drop_duplicates("_k")
            ids = np.array(allocate_ids(conn, "customer", len(first)), dtype=np.int64)
            created = dict(zip(first["_k"], ids, strict=True))
            # column by column (an order file from a till can bring hundreds of thousands of new customers)
            phones = first["phone"].astype(object).where(first["phone"].notna(), None).tolist()
            codes = first["code"].astype(object).where(first["code"].notna(), None).tolist()
            names = first["name"].astype(object).where(first["name"].notna(), None).tolist()
            names = [n if n is not None else (ph or code or "") for n, ph, code in zip(names, phones, codes, strict=True)]
            keys = search_keys(names, [None] * len(names))
            with indexes_rebuilt_after(conn, "customer", len(names)):
                insert_rows(conn.connection.dbapi_connection, "customer",
                            ["id", "name", "phone", "member_code", "search_key"],
                            zip(ids.tolist(), names, phones, codes, keys, strict=True),
                            fixed={"level": "customer", "created_at": now, "updated_at": now})  # fmt: skip
            summary.created_customers += len(names)
            frame.loc[new, "customer"] = ckey[new].map(created)
        frame["customer"] = frame["customer"].astype(np.int64)
        frame, repeats, lines = self._fold_lines(frame, valid)
        summary.merged += repeats
        summary.order_lines += lines
        frame["cents"] = frame["cents"] - frame["refund"]  # a partial refund: what the shop kept
        frame["at_text"] = pd.to_datetime(frame["at"]).dt.strftime("%Y-%m-%d %H:%M:%S").astype(object)
        # orders without a number: customer, time, amount and occurrence make the key
        if frame["no"].isna().any() if "no" in frame else True:
            occurrence = frame.groupby(["customer", "at_text", "cents"]).cumcount()
            auto = ("auto:" + frame["customer"].astype(str) + "|" + frame["at_text"] + "|" + frame["cents"].astype(str)
                    + "|" + occurrence.astype(str))  # fmt: skip
            frame["no"] = frame["no"].where(frame["no"].notna(), auto) if "no" in frame else auto
        before = len(frame)
        frame = frame.drop_duplicates(["source", "no"], keep="last")
        summary.merged += before - len(frame)
        progress(0.15)
        dbapi = conn.connection.dbapi_connection
        channel = frame["channel"].astype(object).where(frame["channel"].notna(), None)
        sources = sorted(set(frame["source"].astype(object)))
        known = conn.execute(text("SELECT 1 FROM orders WHERE source IN :s LIMIT 1").bindparams(
            bindparam("s", expanding=True)), {"s": sources}).first()  # fmt: skip
        if known is None:
            # the first import from these systems: nothing to compare with, straight into the table
            self._insert_new(conn, frame, channel, now, progress)
            summary.inserted += len(frame)
            progress(1.0)
            return
        conn.execute(text("DROP TABLE IF EXISTS temp_import_orders"))
        conn.execute(text(
            "CREATE TEMPORARY TABLE temp_import_orders (source VARCHAR(32), external_no VARCHAR(128), "
            "customer_id INTEGER, ordered_at TIMESTAMP, amount_cents INTEGER, channel VARCHAR(64))"))  # fmt: skip
        insert_rows(dbapi, "temp_import_orders",
                    ["source", "external_no", "customer_id", "ordered_at", "amount_cents", "channel"],
                    zip(frame["source"].astype(object).tolist(), frame["no"].astype(object).tolist(),
                        frame["customer"].tolist(), frame["at_text"].tolist(), frame["cents"].astype(np.int64).tolist(),
                        channel.tolist(), strict=True),
                    chunk=100_000, progress=lambda done: progress(0.15 + 0.25 * done / len(frame)))  # fmt: skip
        same = "IS" if conn.dialect.name == "sqlite" else "IS NOT DISTINCT FROM"
        match = "o.source = t.source AND o.external_no = t.external_no"
        unchanged_sql = (f"o.customer_id = t.customer_id AND o.ordered_at = t.ordered_at AND "
                         f"o.amount_cents = t.amount_cents AND o.channel {same} t.channel")  # fmt: skip
        conn.execute(text("CREATE INDEX temp_import_orders_key ON temp_import_orders (source, external_no)"))
        counts = conn.execute(text(
            f"SELECT count(o.id), sum(CASE WHEN {unchanged_sql} THEN 1 ELSE 0 END) "
            f"FROM temp_import_orders t JOIN orders o ON {match}")).one()  # fmt: skip
        matched, unchanged = int(counts[0] or 0), int(counts[1] or 0)
        # the customers whose figures change: both owners of a changed order (read before the update), and
        # below, those of the new orders; a file that changes nothing changes no one (a CROSS JOIN keeps
        # SQLite reading the file's rows first: its own plan took 5.7 s over a million orders)
        affected: set[int] = set()
        if matched > unchanged:
            for old_owner, new_owner in conn.execute(text(
                f"SELECT DISTINCT o.customer_id, t.customer_id FROM temp_import_orders t CROSS JOIN orders o "
                f"WHERE {match} AND NOT ({unchanged_sql})")):  # fmt: skip
                affected.update((old_owner, new_owner))
        last_id = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM orders")).scalar())
        progress(0.5)
        if matched > unchanged:
            conn.execute(text(
                "UPDATE orders SET customer_id = t.customer_id, ordered_at = t.ordered_at, "
                "amount_cents = t.amount_cents, channel = t.channel FROM temp_import_orders t "
                "WHERE orders.source = t.source AND orders.external_no = t.external_no AND NOT ("
                + unchanged_sql.replace("o.", "orders.") + ")"))  # fmt: skip
        progress(0.55)
        inserted = conn.execute(text(
            "INSERT INTO orders (customer_id, ordered_at, amount_cents, channel, source, external_no, created_at) "
            "SELECT t.customer_id, t.ordered_at, t.amount_cents, t.channel, t.source, t.external_no, :now "
            f"FROM temp_import_orders t WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE {match})"), {"now": now}).rowcount  # fmt: skip
        progress(0.85)
        from app.services.customer_stats import refresh_customer_stats

        if inserted:
            affected.update(r[0] for r in conn.execute(
                text("SELECT DISTINCT customer_id FROM orders WHERE id > :last"), {"last": last_id}))  # fmt: skip
        if affected:
            refresh_customer_stats(conn, sorted(affected))
        conn.execute(text("DROP TABLE temp_import_orders"))
        summary.inserted += int(inserted)
        summary.updated += matched - unchanged
        summary.unchanged += unchanged
        progress(1.0)

    def _insert_new(self, conn: Connection, frame: pd.DataFrame, channel: pd.Series, now: str,
                    progress: Callable[[float], None]) -> None:  # fmt: skip
        from app.services.customer_stats import refresh_customer_stats

        dbapi = conn.connection.dbapi_connection
        n = len(frame)
        first_orders = conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM orders)")).scalar()
        with indexes_rebuilt_after(conn, "orders", n):
            insert_columns(dbapi, "orders", ["customer_id", "ordered_at", "amount_cents", "channel", "source", "external_no"],
                           [frame["customer"].to_numpy(dtype=np.int64), frame["at_text"].tolist(), frame["cents"].to_numpy(dtype=np.int64),
                            channel.tolist(), frame["source"].astype(object).tolist(), frame["no"].astype(object).tolist()],
                           fixed={"created_at": now}, chunk=100_000,
                           progress=lambda done: progress(0.15 + 0.55 * done / n))  # fmt: skip
        progress(0.8)
        if first_orders:
            _stats_from_frame(conn, frame)  # the shop's first orders: their totals are the file's
        else:
            refresh_customer_stats(conn, sorted(set(frame["customer"].tolist())))


def _stats_from_frame(conn: Connection, frame: pd.DataFrame) -> None:
    """Customer order aggregates computed in memory (one groupby) when these are the shop's only orders;
    the same definitions as customer_stats.refresh_customer_stats."""
    paid = frame[frame["cents"] > 0]
    # min/max over datetime64 run in C; over the text column they compared a million Python strings (4 s)
    by_paid = paid.groupby("customer")["at"] if pd.api.types.is_datetime64_any_dtype(frame["at"]) else (
        paid.assign(at=pd.to_datetime(paid["at_text"])).groupby("customer")["at"])
    stats = pd.DataFrame({
        "total": frame.groupby("customer")["cents"].sum().astype(np.int64),
        "count": paid.groupby("customer").size(),
        "first": by_paid.min().dt.strftime("%Y-%m-%d %H:%M:%S"),
        "last": by_paid.max().dt.strftime("%Y-%m-%d %H:%M:%S"),
    })  # fmt: skip
    stats["count"] = stats["count"].fillna(0).astype(np.int64)
    conn.execute(text("DROP TABLE IF EXISTS temp_import_stats"))
    conn.execute(text("CREATE TEMPORARY TABLE temp_import_stats (customer_id INTEGER PRIMARY KEY, "
                      "order_count INTEGER, total_cents BIGINT, first_at TIMESTAMP, last_at TIMESTAMP)"))  # fmt: skip
    first = stats["first"].astype(object).where(stats["first"].notna(), None)
    last = stats["last"].astype(object).where(stats["last"].notna(), None)
    insert_rows(conn.connection.dbapi_connection, "temp_import_stats",
                ["customer_id", "order_count", "total_cents", "first_at", "last_at"],
                zip(stats.index.astype(int).tolist(), stats["count"].tolist(), stats["total"].tolist(),
                    first.tolist(), last.tolist(), strict=True))  # fmt: skip
    if conn.dialect.name == "postgresql":
        conn.execute(text("ANALYZE temp_import_stats"))  # a hash join, not a nested loop guessed blind
    with secondary_indexes_dropped(conn, "customer", len(stats)):
        conn.execute(text(
            "UPDATE customer SET order_count = s.order_count, total_spent_cents = s.total_cents, "
            "first_order_at = s.first_at, last_order_at = s.last_at FROM temp_import_stats s "
            "WHERE customer.id = s.customer_id"))  # fmt: skip
    conn.execute(text("DROP TABLE temp_import_stats"))


# -- the error report ----------------------------------------------------------------------------------


def write_error_report(
    preview: ImportPreview,
    issues: list[Issue],
    translate: Translate = _identity,
    frame: pd.DataFrame | None = None,
    rownums: np.ndarray | None = None,
) -> Path | None:
    """``<file>.errors.xlsx`` beside the input: one line per problem, then the invalid rows as they were."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    target = preview.path.with_name(f"{preview.path.stem}.errors.xlsx")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(translate("Import", "Problems")[:31])
    rows_sheet = book.create_sheet(translate("Import", "Invalid rows")[:31])
    bold = Font(bold=True)

    def header(ws, names: list[str]) -> None:  # type: ignore[no-untyped-def]
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for name in names:
            cell = WriteOnlyCell(ws, value=_safe(str(name)))
            cell.font = bold
            cells.append(cell)
        ws.append(cells)
        ws.freeze_panes = "A2"

    header(sheet, [translate("Import", "Row"), translate("Import", "Column"), translate("Import", "Value"),
                   translate("Import", "Reason")])  # fmt: skip
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["D"].width = 48
    for issue in issues[:200_000]:
        sheet.append([issue.row, _safe(issue.column), _safe(issue.value), issue.text(translate)])
    header(rows_sheet, [translate("Import", "Row"), *preview.headers])
    bad = sorted({i.row for i in issues})
    if frame is not None and rownums is not None:
        position = {int(r): i for i, r in enumerate(rownums)}
        for r in bad[:100_000]:
            i = position.get(r)
            if i is not None:
                rows_sheet.append([r, *[_safe(_cell_text(c)) for c in frame.iloc[i].tolist()]])
    try:
        book.save(target)
    except OSError:
        from app import paths

        target = paths.data_dir() / target.name
        book.save(target)
    return target


def _safe(value: str) -> str:
    from app.services.export import escape_formula, xlsx_text

    return escape_formula(xlsx_text(value))
