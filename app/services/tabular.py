"""Reading the spreadsheets shop systems export: .xlsx/.xls through python-calamine, .csv in UTF-8 (with or
without BOM), GBK or GB18030, tried in that order. The result is a grid of cells, title rows and all; finding
the header row is the importer's job."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError

CSV_ENCODINGS = ("utf-8-sig", "gbk", "gb18030")
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


def sheet_names(path: Path) -> list[str]:
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
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
    if suffix in EXCEL_SUFFIXES:
        book = _workbook(path)
        names = book.sheet_names
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
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=max_rows)
        except Exception as exc:  # calamine raises its own types for damaged files
            raise FileReadError(
                QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"), path=path.name, reason=exc
            ) from exc
        return Grid(path, name, names, rows if isinstance(rows, list) else [list(r) for r in rows])
    if suffix in (".csv", ".txt", ".tsv"):
        content, encoding = decode_bytes(path.read_bytes(), path.name)
        dialect = _sniff(content)
        # only the top is parsed here (the header is found there); the importer reads the rest with pandas
        reader = csv.reader(io.StringIO(content[:200_000]), dialect)
        limit = CSV_HEAD_ROWS if max_rows is None else max_rows
        rows = []
        for i, row in enumerate(reader):
            if i >= limit:
                break
            rows.append(row)
        return Grid(path, None, [], rows, encoding=encoding, csv_text=content, delimiter=dialect.delimiter)
    raise FileReadError(
        QT_TRANSLATE_NOOP("Errors", "{path}: only .xlsx, .xls and .csv files can be imported."),
        path=path.name,
    )


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode by trying UTF-8 (with or without BOM), GBK, then GB18030: the first that decodes wins."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
    raise FileReadError(
        QT_TRANSLATE_NOOP("Errors", "{path} is not text in UTF-8, GBK or GB18030; save it as CSV UTF-8."),
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
        raise FileReadError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"), path=path.name, reason=exc
        ) from exc
