"""Reading the spreadsheets shop systems export: .xlsx/.xls through python-calamine, .csv in UTF-8 (with or
without BOM), GBK or GB18030, tried in that order, then Windows' Western encoding (cp1252: public data sets
saved on English Windows, with a £ or an é in them). The result is a grid of cells, title rows and all; finding
the header row is the importer's job."""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError

CSV_ENCODINGS = ("utf-8-sig", "gbk", "gb18030", "cp1252")
CSV_HEAD_ROWS = 200
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


class FileReadError(UserError):
    pass


@dataclass
class Grid:
    """The cells of one sheet; ``rows[i]`` is spreadsheet row ``i + 1``."""

    path: Path
    sheet: str | None
    sheets: list[str]
    rows: list[list[Any]]
    encoding: str | None = None
    csv_text: str | None = None  # the whole text: the importer parses it with pandas
    delimiter: str = ","
    cleaned: bool = False  # csv_text differs from the file's text: parse csv_text, not the file
    excel_text: bool = False  # csv_text may hold cells written ="..." or `...: see has_excel_text


def sheet_names(path: Path) -> list[str]:
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES or _is_workbook(path):
        disguised = _disguised(path)
        if disguised == "xml2003":
            return _spreadsheet_2003(path, None, 1)[0]
        if disguised is not None:
            return []
        return _workbook(path).sheet_names
    return []


def read_grid(path: Path, sheet: str | None = None, max_rows: int | None = None) -> Grid:
    """All rows of a sheet (the first one unless ``sheet`` names another), or of a CSV file."""
    path = Path(path)
    if not path.exists():
        raise FileReadError(QT_TRANSLATE_NOOP("Errors", "File not found: {path}"), path=path)
    if path.stat().st_size == 0:
        raise FileReadError(QT_TRANSLATE_NOOP("Errors", "{path} is empty."), path=path.name)
    suffix = path.suffix.lower()
    magic = _is_workbook(path)
    if suffix not in EXCEL_SUFFIXES and magic:  # a workbook saved under a .csv or .txt name
        suffix = ".xlsx"
    disguised = _disguised(path) if suffix in EXCEL_SUFFIXES else None
    if disguised == "text":  # tab- or comma-separated text saved under an Excel name
        suffix = ".csv"
    elif disguised == "html":
        return Grid(path, None, [], _html_rows(path, max_rows))
    elif disguised == "xml2003":
        names, rows = _spreadsheet_2003(path, sheet, max_rows)
        return Grid(path, sheet or names[0], names, rows)
    if suffix in EXCEL_SUFFIXES:
        book = _workbook(path)
        names = book.sheet_names
        name = _sheet(path, names, sheet)
        try:
            found = book.get_sheet_by_name(name)
            rows = found.to_python(skip_empty_area=False, nrows=max_rows)
            merged = found.merged_cell_ranges
        except Exception as exc:  # calamine raises its own types for damaged files
            raise FileReadError(
                QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"), path=path.name, reason=exc
            ) from exc
        rows = rows if isinstance(rows, list) else [list(r) for r in rows]
        if merged:
            _fill_merged_down(rows, merged)
        if magic == "ole":  # Excel 97's binary strings may hold NULs (an .xlsx, being XML, cannot)
            rows = _without_nul(rows)
        return Grid(path, name, names, rows)
    if suffix in (".csv", ".txt", ".tsv"):
        content, encoding = decode_bytes(path.read_bytes(), path.name)
        cleaned = False
        if "\x00" in content:  # NUL characters from a broken export: nothing shows them, PostgreSQL cannot keep them
            content, cleaned = content.replace("\x00", ""), True
        if content.count("\r") != content.count("\r\n"):  # lines ended by \r alone (old Mac programs): pandas
            content, cleaned = content.replace("\r\n", "\n").replace("\r", "\n"), True  # miscounts them
        dialect = _sniff(content)
        # only the top is parsed here (the header is found there); the importer reads the rest with pandas
        reader = csv.reader(io.StringIO(content[:200_000]), dialect)
        limit = CSV_HEAD_ROWS if max_rows is None else max_rows
        rows = []
        try:
            for i, row in enumerate(reader):
                if i >= limit:
                    break
                rows.append(row)
        except csv.Error as exc:
            raise FileReadError(QT_TRANSLATE_NOOP("Errors", "{path} cannot be read as CSV: {reason}"),
                                path=path.name, reason=exc) from exc  # fmt: skip
        excel_text = has_excel_text(content)
        if excel_text:
            rows = [unwrap_excel_text(row) for row in rows]
        return Grid(path, None, [], rows, encoding=encoding, csv_text=content, delimiter=dialect.delimiter,
                    cleaned=cleaned, excel_text=excel_text)  # fmt: skip
    raise FileReadError(
        QT_TRANSLATE_NOOP("Errors", "{path}: only .xlsx, .xls and .csv files can be imported."),
        path=path.name,
    )


# a CSV cell written so that Excel keeps it as text, not a number that loses digits: ="13800138000" (order
# exports of Chinese online stores), `4200001234 (WeChat Pay's merchant bills)
_EXCEL_TEXT = re.compile(r'^="(.*)"$|^`(.*)$', re.DOTALL)


def has_excel_text(content: str) -> bool:
    """Whether a CSV text may hold cells written as ="..." or `...: one pass in C over the text."""
    return '="' in content or "`" in content


def unwrap_excel_text(cells: list[Any]) -> list[Any]:
    """The cells with ="..." and a leading ` taken off (the text Excel would show)."""
    out = []
    for cell in cells:
        found = _EXCEL_TEXT.match(cell) if isinstance(cell, str) else None
        out.append(cell if found is None else found.group(1) if found.group(1) is not None else found.group(2))
    return out


def _fill_merged_down(rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """A cell merged down several rows of one column (a group name or a day typed once beside its rows, an
    order number beside its item lines) holds its value in the top cell only: the rows below it get it too.
    Cells merged across columns (titles, column groups) are left as they are."""
    for (top, col), (bottom, right) in merged:
        if right != col or bottom <= top or top >= len(rows) or col >= len(rows[top]):
            continue
        value = rows[top][col]
        if value is None or value == "":
            continue
        for r in range(top + 1, min(bottom, len(rows) - 1) + 1):
            if col < len(rows[r]) and (rows[r][col] is None or rows[r][col] == ""):
                rows[r][col] = value


def _without_nul(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows without NUL characters in their text: nothing shows them, PostgreSQL cannot keep them."""
    if not any("\x00" in c for row in rows for c in row if isinstance(c, str)):
        return rows
    return [[c.replace("\x00", "") if isinstance(c, str) else c for c in row] for row in rows]


def _sheet(path: Path, names: list[str], sheet: str | None) -> str:
    """The sheet to read: the one asked for, else the first; an error naming the sheets there are."""
    if not names:
        raise FileReadError(QT_TRANSLATE_NOOP("Errors", "{path} has no sheets."), path=path.name)
    name = sheet or names[0]
    if name not in names:
        raise FileReadError(
            QT_TRANSLATE_NOOP("Errors", "{path} has no sheet named {sheet}; it has: {sheets}."),
            path=path.name,
            sheet=name,
            sheets="、".join(names),
        )
    return name


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode by trying UTF-8 (with or without BOM), GBK, then GB18030: the first that decodes wins. Text
    that starts with a UTF-16 byte order mark (Excel's "Unicode text") is UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
    raise FileReadError(
        QT_TRANSLATE_NOOP("Errors", "{path} is not text in UTF-8, GBK, GB18030 or Western (cp1252); save it as CSV UTF-8."),
        path=name,
    )


def _sniff(content: str) -> type[csv.Dialect] | csv.Dialect:
    sample = content[:20000]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        return csv.excel


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        data = path.read_bytes()
        if data.startswith(b"\xd0\xcf\x11\xe0") and "EncryptedPackage".encode("utf-16-le") in data:
            # the workbook sealed inside an OLE file: Excel's encryption
            raise FileReadError(QT_TRANSLATE_NOOP(
                "Errors", "{path} is protected by a password: open it in Excel, remove the password (File → Info → "
                          "Protect Workbook) and save it again."), path=path.name) from exc  # fmt: skip
        raise FileReadError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"), path=path.name, reason=exc
        ) from exc


# -- files that only look like workbooks -----------------------------------------------------------------
# Many web back ends "export to Excel" by writing an HTML table, Excel 2003's XML, or tab-separated text
# under an .xls name. Excel opens them all; so does Siyu.


def _is_workbook(path: Path) -> str | None:
    """"zip" for an .xlsx/.ods (or anything zipped), "ole" for an Excel 97 file, None for anything else."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return None
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return "ole" if head.startswith(b"\xd0\xcf\x11\xe0") else None


def _disguised(path: Path) -> str | None:
    """'html', 'xml2003' or 'text' when a file named like a workbook is not one; None for a real workbook."""
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # a zip (.xlsx, .ods) or OLE (.xls) file
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered and b"<workbook" in lowered:
        return "xml2003"
    if lowered.startswith(b"<") and (b"<table" in lowered or b"<html" in lowered or b"<!doctype" in lowered):
        return "html"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # binary: let the workbook reader say what is wrong with it
    return "text"


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def _html_rows(path: Path, max_rows: int | None) -> list[list[Any]]:
    """The rows of the largest table of an HTML file; a cell spanning columns is followed by empty cells."""
    data = path.read_bytes()
    found = _CHARSET.search(data[:4096])
    text_: str | None = None
    if found:
        charset = found.group(1).decode("ascii", "ignore").lower()
        charset = "gb18030" if charset in ("gb2312", "gbk", "gb18030") else charset
        try:
            text_ = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text_ = None
    if text_ is None:
        text_, _encoding = decode_bytes(data, path.name)
    parser = _Tables()
    parser.feed(text_.replace("\x00", ""))  # the parser marks line breaks with NUL: none may come in
    parser.close()
    parser.finish()
    if not parser.tables:
        raise FileReadError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a web page without a table; open it in Excel and save it as .xlsx."),
            path=path.name,
        )
    rows = max(parser.tables, key=len)
    return rows[:max_rows] if max_rows is not None else rows


class _Tables(HTMLParser):
    """Tables as lists of rows of cell texts; forgiving about the end tags HTML lets one leave out. A cell
    spanning rows (an order's number over its item rows) repeats its text in each row it covers; one spanning
    columns is followed by empty cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[Any]]] = []
        self._open: list[list[list[Any]]] = []
        self._spans: list[dict[int, list[Any]]] = []  # per open table: column -> [rows still covered, text]
        self._row: list[Any] | None = None
        self._cell: list[str] | None = None
        self._colspan = 1
        self._rowspan = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append([])
            self._spans.append({})
        elif tag == "tr" and self._open:
            self._end_row()
            self._row = []
        elif tag in ("td", "th") and self._open:
            if self._row is None:
                self._row = []
            self._end_cell()
            self._cell = []
            values = dict(attrs)
            self._colspan = _span(values.get("colspan"))
            self._rowspan = _span(values.get("rowspan"))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\x00")  # a line break inside the cell, kept when spaces are collapsed

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table" and self._open:
            self._end_row()
            self.tables.append(self._open.pop())
            self._spans.pop()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _covered(self) -> None:
        """Fill the row's next columns that a cell of an earlier row spans."""
        assert self._row is not None
        spans = self._spans[-1]
        while len(self._row) in spans:
            span = spans[len(self._row)]
            self._row.append(span[1])
            span[0] -= 1
            if span[0] <= 0:
                del spans[len(self._row) - 1]

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._covered()
            text_ = " ".join("".join(self._cell).replace("\xa0", " ").split())  # HTML's collapsed spaces
            text_ = text_.replace(" \x00 ", "\n").replace("\x00", "\n").strip()
            first = len(self._row)
            self._row.append(text_)
            self._row.extend([""] * (self._colspan - 1))
            if self._rowspan > 1:
                for col in range(first, first + self._colspan):
                    self._spans[-1][col] = [self._rowspan - 1, text_ if col == first else ""]
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self._open:
            spans = self._spans[-1]
            while any(col >= len(self._row) for col in spans):  # covered cells after the row's last own cell
                if len(self._row) in spans:
                    self._covered()
                else:
                    self._row.append("")
            self._open[-1].append(self._row)
        self._row = None

    def finish(self) -> None:
        while self._open:
            self._end_row()
            self.tables.append(self._open.pop())
            self._spans.pop()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _spreadsheet_2003(path: Path, sheet: str | None, max_rows: int | None) -> tuple[list[str], list[list[Any]]]:
    """Sheet names and the rows of one sheet of an Excel 2003 XML workbook (numbers as numbers, dates as
    dates, ss:Index gaps as empty cells)."""
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise FileReadError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"), path=path.name, reason=exc
        ) from exc
    sheets = root.findall(f"{_SS}Worksheet")
    names = [ws.get(f"{_SS}Name") or f"Sheet{i + 1}" for i, ws in enumerate(sheets)]
    name = _sheet(path, names, sheet)
    table = sheets[names.index(name)].find(f"{_SS}Table")
    rows: list[list[Any]] = []
    for row in [] if table is None else table.findall(f"{_SS}Row"):
        at = row.get(f"{_SS}Index")
        if at and at.isdigit():
            rows.extend([] for _ in range(int(at) - 1 - len(rows)))
        cells: list[Any] = []
        for cell in row.findall(f"{_SS}Cell"):
            index = cell.get(f"{_SS}Index")
            if index and index.isdigit():
                cells.extend([None] * (int(index) - 1 - len(cells)))
            data = cell.find(f"{_SS}Data")
            cells.append(None if data is None else _xml_value(data))
            across = cell.get(f"{_SS}MergeAcross")  # a cell merged over the next columns
            if across and across.isdigit():
                cells.extend([None] * min(int(across), 1000))
        rows.append(cells)
        if max_rows is not None and len(rows) >= max_rows:
            break
    return names, rows


def _xml_value(data: ElementTree.Element) -> Any:
    value = "".join(data.itertext())
    kind = data.get(f"{_SS}Type")
    if kind == "Number":
        try:
            return float(value)
        except ValueError:
            return value
    if kind == "DateTime":
        try:
            return datetime.datetime.fromisoformat(value[:19])
        except ValueError:
            return value
    if kind == "Boolean":
        return value.strip() == "1"
    return value
