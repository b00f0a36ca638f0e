"""Turning what shop exports hold into clean values, a whole column at a time (pandas, no per-row loops on
the hot paths). Each parser returns ``(values, bad)``: the parsed column and a mask of cells that held
something that could not be read (empty cells are never bad; whether a field is required is decided by
the importer).

- phone numbers: 11-digit mainland mobiles from number cells (1.38001380000e10), text with +86/0086/86,
  spaces, dashes or brackets;
- dates: Excel date cells, Excel serial numbers, 20260105, Unix times, ISO text, 2026/1/5, 2026.1.5 and
  2026年1月5日, each with an optional time (10:30, 下午 3:05, 3:05 PM, 10时30分, with a time zone) and day of
  the week;
- money: numbers, or text with ¥/￥, thousands commas grouping by three and 元; negative amounts are refunds;
- tags: split on , ， ; ； 、 | / and line breaks.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

PHONE = re.compile(r"^1[3-9]\d{9}$")
TAG_SPLIT = r"[,，;；、|/\r\n]+"  # a cell with one tag a line (Alt+Enter in Excel) too
# a time zone after a time: Z, +08:00, +0800, UTC+8, GMT, as APIs and servers write it
_ZONE = r"\s*(?P<tz>Z|(?i:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|(?i:UTC|GMT))?"
# the half of the day before or after a time: 下午 3:05 (as Chinese Windows and .NET programs write it), 3:05 PM
_MERIDIEM = r"(?P<p>上午|下午|凌晨|早上|中午|晚上|[AaPp]\.?[Mm]\.?)"
_DATE_RE = (
    r"^\s*(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"(?:(?:[\sT]+|(?<=[日号]))" + _MERIDIEM.replace("?P<p>", "?P<p0>") + r"?\s*"
    r"(?P<H>\d{1,2})[:：时点](?P<M>\d{1,2})?(?:[:：分](?P<S>\d{1,2})(?:\.\d+)?秒?|分)?"
    r"\s*" + _MERIDIEM + "?" + _ZONE + r")?\s*$"  # 2026-01-05T10:00:00+08:00, as APIs write it
)
# a day of the week beside a date (2026-01-05 周一, 2026年1月5日 星期一, Mon, 05 Jan 2026): it says nothing more
WEEKDAY = re.compile(
    r"[(（]?\s*(?:星期|周|礼拜)[一二三四五六日天七]\s*[)）]?"
    r"|^\s*(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
    r"\b\.?,?\s*"
)
_COMPACT_DATE_RE = r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\s*$"
# the year last, as systems set up for the US (12/1/2010 8:26) or Britain (1/12/2010) write it
_YEAR_LAST_RE = (
    r"^\s*(?P<a>\d{1,2})\s*[-/.]\s*(?P<b>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})"
    r"(?:[\sT]+(?P<H>\d{1,2}):(?P<M>\d{1,2})(?::(?P<S>\d{1,2})(?:\.\d+)?)?\s*(?P<p>[AaPp][Mm])?)?\s*$"
)
# the month as an English word, as Oracle, Excel's English formats and many public data sets write it:
# 11-Feb-13, 01-Jan-2013, 5 Jan 2026, Jan 5, 2026, January 5th 2026 10:30 PM
_TIME_PART = (
    r"(?:[\sT,]+(?P<H>\d{1,2}):(?P<M>\d{1,2})(?::(?P<S>\d{1,2})(?:\.\d+)?)?\s*(?P<p>[AaPp]\.?[Mm]\.?)?"
    + _ZONE + r")?\s*$"
)
_DAY_MONTH_RE = r"^\s*(?P<d>\d{1,2})(?i:st|nd|rd|th)?[-/.\s]*(?P<mon>[A-Za-z]{3,9})\.?[-/.,\s]*(?P<y>\d{4}|\d{2})" + _TIME_PART
_MONTH_DAY_RE = r"^\s*(?P<mon>[A-Za-z]{3,9})\.?[-/.\s]*(?P<d>\d{1,2})(?i:st|nd|rd|th)?[-/.,\s]+(?P<y>\d{4})" + _TIME_PART
MONTH_NAMES = {name: i + 1 for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}  # fmt: skip
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "sept",
                "october", "november", "december"}  # fmt: skip
EXCEL_EPOCH = pd.Timestamp("1899-12-30")

GENDERS = {
    "男": "male", "男性": "male", "先生": "male", "男士": "male", "男生": "male", "m": "male", "male": "male",
    "man": "male", "女": "female", "女性": "female", "女士": "female", "小姐": "female", "女生": "female",
    "f": "female", "female": "female", "woman": "female",
    "未知": "unknown", "保密": "unknown", "unknown": "unknown", "其他": "unknown", "-": "unknown",
}  # fmt: skip
LEVELS = {
    "粉丝": "fan", "fan": "fan", "客户": "customer", "顾客": "customer", "customer": "customer",
    "会员": "member", "member": "member", "koc": "koc", "合伙人": "koc", "partner": "koc",
}  # fmt: skip
LUNAR_WORDS = {
    "农历": True,
    "阴历": True,
    "lunar": True,
    "公历": False,
    "阳历": False,
    "solar": False,
    "新历": False,
}


STR = np.dtypes.StringDType()


def _is_missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def strings(values: pd.Series) -> np.ndarray:
    """The cells as a numpy string array ("" for empty cells), trimmed; numbers without a trailing ".0".

    numpy's string functions run in C over the whole column, where pandas' string methods call Python
    for every cell: at a million rows that is the difference between 0.1 s and several seconds.
    """
    raw = values.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(raw, skipna=False) == "string":  # text only, no empty (None/NaN) cells
        kind = "text"
    else:
        raw = values.to_numpy(dtype=object, na_value=None)
        kind = pd.api.types.infer_dtype(raw, skipna=True)
    if kind == "text":
        arr = np.asarray(raw, dtype=STR)
    elif kind in ("string", "empty"):
        missing = pd.isna(raw)
        arr = (
            np.asarray(np.where(missing, "", raw), dtype=STR) if missing.any() else np.asarray(raw, dtype=STR)
        )
    elif kind == "floating":  # number cells (a phone or member code typed as a number): in C
        arr = _float_texts(raw.astype("float64"))
    else:
        arr = np.array([_one_text(v) for v in raw], dtype=STR)
    arr = np.strings.strip(arr)
    quoted = np.strings.startswith(arr, "'")
    if quoted.any():
        rest = np.strings.slice(arr, 1, None)
        # the apostrophe our CSV export puts before formula-like text (one before digits: ``unquote_digits``)
        formula = quoted & _starts_any(rest, "=+-@\t\r")
        arr = np.where(formula, rest, arr)
    return arr


def unquote_digits(arr: np.ndarray) -> np.ndarray:
    """Without the apostrophe systems put before digits to keep Excel from reading them as a number
    ('13800138000, as Taobao writes phones, order numbers and times): for phones, codes, dates and amounts;
    a name or a note keeps what it says."""
    quoted = np.strings.startswith(arr, "'")
    if not quoted.any():
        return arr
    rest = np.strings.slice(arr, 1, None)
    return np.where(quoted & _starts_any(rest, "0123456789"), rest, arr)


def _float_texts(values: np.ndarray) -> np.ndarray:
    """``_one_text`` of each float, whole numbers without ".0", most of them at C speed."""
    out = np.full(values.shape, "", dtype=STR)
    finite = np.isfinite(values)
    whole = finite & (values == np.floor(values)) & (np.abs(values) < 2.0**62)
    out[whole] = values[whole].astype(np.int64).astype(STR)
    other = np.flatnonzero(~whole & ~np.isnan(values))
    if len(other):
        out[other] = np.array([_one_text(float(v)) for v in values[other]], dtype=STR)
    return out


# what exports write in a date or number cell that has nothing to say
PLACEHOLDERS = ("-", "--", "---", "—", "——", "–", "/", "无", "暂无", "n/a", "na", "null", "none", "nan",
                "0000-00-00", "0000-00-00 00:00:00", "0000/00/00", "00/00/0000",  # a date a database left unset
                "0001-01-01", "0001-01-01 00:00:00")  # .NET's first day, written for "no date"


def _placeholder(arr: np.ndarray) -> np.ndarray:
    """Cells that only stand for "nothing" (--, —, 无, N/A, a line of dashes): empty, not bad."""
    lowered = np.strings.lower(np.strings.strip(arr))
    out = dashes(lowered)
    for word in PLACEHOLDERS:
        out |= lowered == word
    return out


DASHES = "-—–_=~.·\u2015 "


_DASH_STARTS = np.array([c for c in DASHES if c != " "], dtype=STR)


def dashes(arr: np.ndarray) -> np.ndarray:
    """Cells that are only a line drawn with dashes (-----, ————, ====, - - -, ......): a separator, no data.
    Only cells that start with one are looked at one by one (numpy's strip of a variable-width string
    misses the characters after a multi-byte one in its set)."""
    out = np.isin(np.strings.slice(arr, 0, 1), _DASH_STARTS)  # one pass for the first characters
    for i in np.flatnonzero(out):
        out[i] = all(ch in DASHES for ch in str(arr[i]))
    return out


def _nfkc(arr: np.ndarray) -> np.ndarray:
    """Full-width characters as their plain forms (１３８ → 138, （ → (, ￥ → ¥): a Chinese input method types
    them. Only for the cells a fast path could not read, so a Python call each is fine."""
    return np.array([unicodedata.normalize("NFKC", v) for v in arr.tolist()], dtype=STR)


def _starts_any(arr: np.ndarray, chars: str) -> np.ndarray:
    out = np.zeros(arr.shape, dtype=bool)
    for ch in chars:
        out |= np.strings.startswith(arr, ch)
    return out


def _one_text(v: object) -> str:
    if _is_missing(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.isoformat(" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _series(arr: np.ndarray, ok: np.ndarray, index: pd.Index) -> pd.Series:
    """Object series: the text where ``ok``, pd.NA elsewhere."""
    out = np.where(ok, arr.astype(object), pd.NA)
    return pd.Series(out, index=index, dtype=object)


def is_blank(values: pd.Series, arr: np.ndarray | None = None) -> pd.Series:
    """Empty cells: None, NaN, or text that is only spaces."""
    arr = strings(values) if arr is None else arr
    return pd.Series(np.strings.str_len(arr) == 0, index=values.index)


def as_text(values: pd.Series, arr: np.ndarray | None = None) -> pd.Series:
    """Cells as trimmed text (pd.NA when empty); whole numbers lose their ".0" (a member code typed as a number)."""
    arr = strings(values) if arr is None else arr
    return _series(arr, np.strings.str_len(arr) > 0, values.index)


def plain_text(values: pd.Series, max_length: int | None = None) -> pd.Series | None:
    """``as_text`` without the round trip through numpy strings, for the usual column: every cell text, none
    with spaces to trim or an apostrophe to take off (and none longer than ``max_length``); None when the
    column needs ``as_text``.

    A sheet's cells lie scattered in memory, and each pass over them costs more than the work in it: the
    cells are read once, joined into one text, and the checks run over that text's code points with numpy.
    """
    read = _joined(values)
    if read is None:
        return None
    raw, joined = read
    if joined.startswith("'") or "\x00'" in joined:  # a cell that starts with an apostrophe
        return None
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cuts = np.flatnonzero(points == 0)
    starts = np.concatenate(([0], cuts + 1))
    ends = np.concatenate((cuts, [len(points)]))  # each cell's end, exclusive
    lengths = ends - starts
    if max_length is not None and lengths.max() > max_length:
        return None
    filled = lengths > 0
    edges = np.concatenate((points[starts[filled]], points[ends[filled] - 1]))
    if _TRIMMED[np.minimum(edges, len(_TRIMMED) - 1)].any():  # a cell with spaces to trim
        return None
    return _as_they_stand(values, raw, filled)


def _joined(values: pd.Series) -> tuple[np.ndarray, str] | None:
    """A column's cells and their text joined by NULs, for checks over the joined text with numpy; None when a
    cell is not text (a number, a date, an empty None cell) or holds a NUL (the readers take them out), which
    would fool those checks. A column's cells lie scattered in memory: this reads each of them once."""
    raw = values.to_numpy(dtype=object)
    if not len(raw):
        return None
    try:
        joined = "\x00".join(raw.tolist())
    except TypeError:
        return None
    if joined.count("\x00") != len(raw) - 1:
        return None
    return raw, joined


def _as_they_stand(values: pd.Series, raw: np.ndarray, filled: np.ndarray) -> pd.Series:
    """The cells as they are, NA for the empty ones."""
    if filled.all():
        return pd.Series(raw, index=values.index, dtype=object, copy=False)
    out = raw.copy()
    out[~filled] = pd.NA
    return pd.Series(out, index=values.index, dtype=object)


# the characters str.strip() takes off (str.isspace: none above U+3000), as a table by code point; the last
# entry stands for every code point past the table
_TRIMMED = np.array([chr(c).isspace() for c in range(0x3002)], dtype=bool)


def whole_number_texts(values: pd.Series) -> pd.Series | None:
    """A column of number cells that are all whole numbers (Siyu's number 1.0, a code typed as a number) as their
    digits, NA for an empty (NaN) cell, in C; None for any other column (text, fractions, huge numbers)."""
    raw = values.to_numpy(dtype=object)
    if not len(raw) or pd.api.types.infer_dtype(raw, skipna=False) != "floating":
        return None
    numbers = raw.astype(np.float64)
    filled = ~np.isnan(numbers)
    whole = numbers[filled]
    if not len(whole) or not (np.all(np.abs(whole) < 2**53) and np.all(np.floor(whole) == whole)):
        return None
    out = np.full(len(raw), pd.NA, dtype=object)
    out[filled] = whole.astype(np.int64).astype(str).astype(object)
    return pd.Series(out, index=values.index, dtype=object)


def plain_mobiles(values: pd.Series) -> pd.Series | None:
    """``phones`` for the usual column, without its round trip through numpy strings: every cell text that is
    an 11-digit mobile number as it stands (1, then 3-9, then digits), or empty; those cells as they are, NA
    for the empty ones. None when any cell needs ``phones`` (a number cell, spaces, +86, words, a landline).

    The cells are read once, joined into one text, and checked over its bytes with numpy (as ``plain_text``):
    a column's cells lie scattered in memory, and each pass over them costs more than the work in it.
    """
    read = _joined(values)
    if read is None or not read[1].isascii():
        return None
    raw, joined = read
    data = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    cuts = np.flatnonzero(data == 0)
    starts = np.concatenate(([0], cuts + 1))
    lengths = np.concatenate((cuts, [len(data)])) - starts
    filled = lengths > 0
    if not (((lengths == 11) | ~filled).all() and ((data - 48 <= 9) | (data == 0)).all()):  # digits (uint8 wraps)
        return None
    first = starts[filled]
    if not ((data[first] == ord("1")).all() and (data[first + 1] - ord("3") <= 6).all()):
        return None
    return _as_they_stand(values, raw, filled)


def phones(values: pd.Series, arr: np.ndarray | None = None) -> tuple[pd.Series, pd.Series]:
    arr = unquote_digits(strings(values) if arr is None else arr)
    present = np.strings.str_len(arr) > 0
    hollow = present & ~np.strings.isdigit(arr)  # only cells that are not plain digits can be "--" or 无
    if hollow.any():
        present[hollow] = ~_placeholder(arr[hollow])

    def valid(a: np.ndarray) -> np.ndarray:
        second = np.strings.slice(a, 1, 2)
        return (
            (np.strings.str_len(a) == 11)
            & np.strings.isdigit(a)
            & np.strings.startswith(a, "1")
            & ((second >= "3") & (second <= "9"))
        )

    ok = valid(arr)
    dirty = present & ~ok
    if dirty.any():  # only the cells that need it: full-width digits, spaces, dashes, brackets, +86
        fix = _nfkc(arr[dirty])
        for suffix in (".00", ".0"):  # 13800138000.0: a number column written out as text (pandas, some tills)
            whole = np.strings.endswith(fix, suffix)
            fix = np.where(whole, np.strings.slice(fix, 0, -len(suffix)), fix)
        # zero-width characters come along when a number is copied out of WeChat or a web page
        for ch in (" ", "-", "(", ")", "（", "）", ".", "\u3000", "\t", *INVISIBLE):
            fix = np.strings.replace(fix, ch, "")
        for prefix in ("+86", "0086", "86"):
            strip = np.strings.startswith(fix, prefix) & (np.strings.str_len(fix) == 11 + len(prefix))
            fix = np.where(strip, np.strings.slice(fix, len(prefix), None), fix)
        arr = arr.copy()
        arr[dirty] = fix
        ok = valid(arr)
    return _series(arr, ok, values.index), pd.Series(present & ~ok, index=values.index)


# characters that show nothing, copied along with a number out of WeChat, a web page or a phone's contacts
# (zero-width spaces and joiners, a byte-order mark, direction marks)
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e")  # fmt: skip

# a fixed-line number (0571-88881234, (010)12345678 转 123): a customer's phone, but not a mobile to know them by
LANDLINE = re.compile(r"\(?0(?:10|2\d|[3-9]\d{2})\)?[-\s]?\d{7,8}(?:\s*(?:-|转|ext\.?|x)\s*\d{1,6})?", re.IGNORECASE)
_SEVERAL = re.compile(r"\s*[/,，;；、|]\s*|\s+")


def other_phones(text: str) -> tuple[bool, str | None]:
    """For a phone cell that is not one mobile number: (whether it is still phone numbers, the mobile to use).
    A landline gives (True, None); 13812340001/13812340002 gives (True, "13812340001"); other text (False, None)."""
    text = unicodedata.normalize("NFKC", text).strip()
    if LANDLINE.fullmatch(text) or LANDLINE.fullmatch(text.replace(" ", "")):
        return True, None
    parts = [p for p in _SEVERAL.split(text) if p]
    if len(parts) >= 2:
        mobiles = phones(pd.Series(parts, dtype=object))[0].tolist()
        if all(m is not pd.NA or LANDLINE.fullmatch(p) for m, p in zip(mobiles, parts, strict=True)):
            return True, next((m for m in mobiles if m is not pd.NA), None)
    # a mobile with words around it: 13800138003转8001, 13800138014（本人）, tel:13800138000
    found = _MOBILE_IN_TEXT.search(text)
    return (True, found.group(0)) if found else (False, None)


_MOBILE_IN_TEXT = re.compile(r"(?<![\d*])1[3-9]\d{9}(?![\d*])")


def dates(
    values: pd.Series, with_time: bool = False, arr: np.ndarray | None = None
) -> tuple[pd.Series, pd.Series]:
    """datetime64 values (dates at midnight unless the cell had a time)."""
    raw = values.to_numpy(dtype=object, na_value=None)
    # fast path, in C: the format most systems write; text only (numbers are Excel serials, read below, and
    # pandas would one day read them with a format as seconds since 1970)
    if pd.api.types.infer_dtype(raw, skipna=True) not in ("string", "empty", "datetime", "date"):
        raw = np.array([None if isinstance(v, (int, float)) else v for v in raw], dtype=object)
    result = _ns(pd.to_datetime(pd.Series(raw, index=values.index, dtype=object), format="%Y-%m-%d %H:%M:%S",
                                errors="coerce"))  # fmt: skip
    need = result.isna().to_numpy()
    if need.any():
        sub = values[need]
        sub_arr = unquote_digits(strings(sub) if arr is None else arr[need])
        result[need] = _dates_slow(sub, sub_arr).to_numpy()
        present = np.ones(len(values), dtype=bool)
        present[need] = (np.strings.str_len(sub_arr) > 0) & ~_placeholder(sub_arr)
    else:
        present = np.ones(len(values), dtype=bool)
    # the days systems write for "no date": Excel's day 0 and 1 (1899-12-30/31), 1900-01-01 (a till's empty
    # birthday), SQL Server's first day (1753-01-01); no customer was born or added then
    unset = result.dt.normalize().isin(_UNSET_DAYS).to_numpy()
    if unset.any():
        result[unset] = pd.NaT
        present = present & ~unset
    bad = pd.Series(present, index=values.index) & result.isna()
    if not with_time:
        result = result.dt.normalize()
    return result, bad


_UNSET_DAYS = pd.to_datetime(["1899-12-30", "1899-12-31", "1900-01-01", "1753-01-01"])


def _ns(stamps: pd.Series) -> pd.Series:
    """Timestamps in nanoseconds, the type the columns are kept in; a day outside the years it holds
    (1678-2261: 9999-12-31, as systems write "no end") is no date. pandas hands such values back in a coarser
    unit, which would not fit the column."""
    if stamps.dtype == "datetime64[ns]":
        return stamps
    if stamps.dtype == object:  # nothing parsed at all
        return pd.Series(pd.NaT, index=stamps.index, dtype="datetime64[ns]")
    fits = (stamps >= pd.Timestamp.min) & (stamps <= pd.Timestamp.max)
    return stamps.where(fits).astype("datetime64[ns]")


def _dates_slow(values: pd.Series, arr: np.ndarray) -> pd.Series:
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    present = np.strings.str_len(arr) > 0
    raw = values.to_numpy(dtype=object, na_value=None)
    # Excel date cells arrive as date/datetime objects
    is_dt = np.fromiter((isinstance(v, (dt.datetime, dt.date)) for v in raw), bool, len(raw))
    if is_dt.any():
        result[is_dt] = _ns(pd.to_datetime(
            pd.Series([_as_datetime(v) for v in raw[is_dt]], dtype=object), errors="coerce"
        )).to_numpy()
    # Excel serial numbers (a date column stored as numbers): 1 = 1900-01-01, plausible 1900..2200
    is_num = np.fromiter(
        (isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw), bool, len(raw)
    )
    is_num &= present
    if is_num.any():
        result[is_num] = _number_dates(pd.to_numeric(pd.Series(raw[is_num]), errors="coerce")).to_numpy()
    rest = present & ~is_dt & ~is_num
    if rest.any():
        text = pd.Series(arr[rest].astype(object), index=values.index[rest], dtype=object)
        fast = _ns(pd.to_datetime(text, format="%Y-%m-%d %H:%M:%S", errors="coerce"))
        slow = fast.isna()
        if slow.any():
            fast[slow] = _parse_text_dates(text[slow].astype("string"))
        # an Excel date serial written out as text (a CSV saved from an unformatted date column): 45292; a
        # Unix time (1767600000) or 20260105103000
        serial_text = fast.isna() & text.str.fullmatch(r"\s*(?:\d{5}(?:\.\d+)?|\d{10}|\d{13}|\d{14})\s*").fillna(False).astype(bool)
        if serial_text.any():
            fast[serial_text] = _number_dates(pd.to_numeric(text[serial_text], errors="coerce")).to_numpy()
        result[rest] = fast.to_numpy()
    return result


def _number_dates(numbers: pd.Series) -> pd.Series:
    """Dates a system wrote as numbers, told apart by their size: an Excel serial (45292, 1 = 1900-01-01), a
    day as 20260105, a Unix time in seconds (1767600000) or milliseconds (13 digits), 20260105103000. A Unix
    time is a moment, shown in this computer's time zone. Other numbers are no date (NaT)."""
    numbers = numbers.astype("float64")
    result = pd.Series(pd.NaT, index=numbers.index, dtype="datetime64[ns]")
    serial = (numbers > 0) & (numbers < 110000)
    if serial.any():
        result[serial] = (EXCEL_EPOCH + pd.to_timedelta(numbers[serial], unit="D")).dt.round("s")
    whole = numbers.where(numbers == np.floor(numbers))
    local = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
    # up to 2255 (a timestamp ends in 2262): larger ones are no date, as before
    for low, high, unit in ((1e9, 9e9, "s"), (1e12, 9e12, "ms")):
        unix = (whole >= low) & (whole < high)
        if unix.any():
            result[unix] = (pd.to_datetime(whole[unix], unit=unit) + local).dt.round("s")
    for low, high, fmt in ((19000101, 22611232, "%Y%m%d"), (19000101000000, 22611231235960, "%Y%m%d%H%M%S")):
        written = (whole >= low) & (whole < high)
        if written.any():
            result[written] = pd.to_datetime(whole[written].astype("int64").astype(str), format=fmt, errors="coerce")
    return result


def _as_datetime(v: object) -> object:
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    return None


def _parse_text_dates(text: pd.Series) -> pd.Series:
    # full-width digits and signs (２０２６年１月５日, typed with a Chinese input method) as plain ones
    text = text.map(lambda v: unicodedata.normalize("NFKC", v) if isinstance(v, str) else v)
    text = text.str.replace(WEEKDAY, " ", regex=True)
    parts = text.str.extract(_DATE_RE)
    parts["p"] = parts["p"].fillna(parts.pop("p0"))
    parts["H"] = _clock_hours(parts)
    compact = text.str.extract(_COMPACT_DATE_RE)
    for col in ("y", "m", "d"):
        parts[col] = parts[col].fillna(compact[col])
    _year_last(text, parts)
    _month_names(text, parts)
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    ok = parts[["y", "m", "d"]].notna().all(axis=1)
    # the years a timestamp can hold (1678-2261): 9999-12-31 is not a day to compute with (a bad date, or
    # for a coupon's end, none); pandas would hand back a coarser type that no longer fits the column
    year = pd.to_numeric(parts["y"], errors="coerce")
    ok &= (year > 1677) & (year < 2262)
    if ok.any():
        p = parts[ok]
        frame = pd.DataFrame(
            {
                "year": pd.to_numeric(p["y"]).astype("int64"),
                "month": pd.to_numeric(p["m"]).astype("int64"),
                "day": pd.to_numeric(p["d"]).astype("int64"),
                "hour": pd.to_numeric(p["H"], errors="coerce").fillna(0).astype("int64"),
                "minute": pd.to_numeric(p["M"], errors="coerce").fillna(0).astype("int64"),
                "second": pd.to_numeric(p["S"], errors="coerce").fillna(0).astype("int64"),
            }
        )
        stamps = _ns(pd.to_datetime(frame, errors="coerce"))
        # pandas carries an hour of 25 or a minute of 99 into the next day; a clock has no such time (24:00 is
        # the day's end, as some systems write midnight)
        h, mi, sec = frame["hour"], frame["minute"], frame["second"]
        clock = ((h < 24) | ((h == 24) & (mi == 0) & (sec == 0))) & (mi < 60) & (sec < 60)
        stamps = stamps.where(clock.to_numpy())
        zoned = p["tz"].notna().to_numpy()
        if zoned.any():  # a time with its UTC offset: the same moment in this computer's time zone
            local = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
            offsets = p["tz"][zoned].map(_utc_offset).to_numpy()
            stamps[zoned] = stamps[zoned] - pd.to_timedelta(offsets) + local
        result[ok] = stamps.to_numpy()
    return result


def _utc_offset(text: str) -> dt.timedelta:
    """Z, UTC, +08:00, +0800, +8, UTC+8 as a timedelta."""
    text = re.sub(r"(?i)utc|gmt|\s", "", text)
    if text in ("", "Z"):
        return dt.timedelta(0)
    sign = -1 if text[0] == "-" else 1
    hours, _, minutes = text[1:].partition(":")
    if not minutes and len(hours) > 2:  # +0800
        hours, minutes = hours[:-2], hours[-2:]
    return sign * dt.timedelta(hours=int(hours), minutes=int(minutes or 0))


def _year_last(text: pd.Series, parts: pd.DataFrame) -> None:
    """Fill ``parts`` from dates written with the year last. Which of the first two numbers is the month is
    decided for the whole column: a first number above 12 means day first (31/1/2026), a second one above
    12 month first (1/31/2026); a column that never says is read month first, as US systems write it."""
    rest = parts["y"].isna()
    if not rest.any():
        return
    found = text[rest].str.extract(_YEAR_LAST_RE).dropna(subset=["y"])
    if found.empty:
        return
    a, b = pd.to_numeric(found["a"]), pd.to_numeric(found["b"])
    day_first = bool((a > 12).any()) and not bool((b > 12).any())
    found["m"], found["d"] = (found["b"], found["a"]) if day_first else (found["a"], found["b"])
    found["H"] = _clock_hours(found)
    for col in ("y", "m", "d", "H", "M", "S"):
        parts.loc[found.index, col] = found[col]


# 中午 (midday) is the afternoon's from 1 o'clock: 中午11:30 is 11:30, 中午1点 is 13:00
_CHINESE_MERIDIEM = {"上午": "am", "凌晨": "am", "早上": "am", "下午": "pm", "中午": "noon", "晚上": "pm"}


def clock_hour(hour: int, mark: str | None) -> int:
    """The hour of the day from an hour and the half of the day it was written with (AM/PM, A.M., 上午/下午):
    12 AM is 0, 1 PM is 13; ``_clock_hours`` does the same for a column."""
    mark = _CHINESE_MERIDIEM.get(mark or "", (mark or "").lower().replace(".", ""))
    if (mark == "pm" and hour < 12) or (mark == "noon" and hour < 11):
        return hour + 12
    return 0 if mark == "am" and hour == 12 else hour


def _clock_hours(found: pd.DataFrame) -> pd.Series:
    """The hours of the day, as text, from an hour and an AM/PM mark (A.M. too): 12 AM is 0, 1 PM is 13."""
    hour = pd.to_numeric(found["H"], errors="coerce")
    meridiem = found["p"].str.lower().str.replace(".", "", regex=False).replace(_CHINESE_MERIDIEM)
    pm = meridiem.eq("pm").fillna(False).astype(bool) & (hour < 12)
    pm |= meridiem.eq("noon").fillna(False).astype(bool) & (hour < 11)
    am = meridiem.eq("am").fillna(False).astype(bool)
    hour = hour.where(~pm, hour + 12).where(~(am & (hour == 12)), 0)
    return hour.astype("Int64").astype("string")


def _month_names(text: pd.Series, parts: pd.DataFrame) -> None:
    """Fill ``parts`` from dates that name their month in English (11-Feb-13, Jan 5, 2026)."""
    for pattern in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        rest = parts["y"].isna()
        if not rest.any():
            return
        found = text[rest].str.extract(pattern).dropna(subset=["y"])
        if found.empty:
            continue
        word = found["mon"].str.lower()
        month = word.str[:3].map(MONTH_NAMES)
        known = month.notna() & (word.str.len().eq(3) | word.isin(_MONTH_WORDS))
        found = found[known]
        if found.empty:
            continue
        year = pd.to_numeric(found["y"])
        # a two-digit year is this century's unless that is more than ten years ahead (15-Mar-65 is 1965)
        recent = year + 2000 <= dt.date.today().year + 10
        year = year.where(found["y"].str.len() == 4, year + np.where(recent, 2000, 1900))
        found["y"] = year.astype("int64").astype("string")
        found["m"] = month[known].astype("int64").astype("string")
        found["H"] = _clock_hours(found)
        for col in ("y", "m", "d", "H", "M", "S", "tz"):
            parts.loc[found.index, col] = found[col]


# what coupon systems write where a coupon has no end date
NO_END_WORDS = ("永久", "长期", "不限", "无限期", "无期限", "不过期", "永不过期", "never", "no expiry", "unlimited")
_FAR_FUTURE = re.compile(r"\s*(?:2[2-9]|[3-9]\d)\d\d\s*[-/.年]")  # the year 2200 or later: 9999-12-31


def no_end(arr: np.ndarray) -> np.ndarray:
    """Cells that say a validity has no end: 长期有效, 永久, 9999-12-31."""
    out = np.zeros(arr.shape, dtype=bool)
    lowered = np.strings.lower(arr)
    for word in NO_END_WORDS:
        out |= np.strings.find(lowered, word) >= 0
    far = np.fromiter((_FAR_FUTURE.match(v) is not None for v in arr.tolist()), dtype=bool, count=len(arr))
    return out | far


def money_cents(values: pd.Series, arr: np.ndarray | None = None) -> tuple[pd.Series, pd.Series]:
    """Integer cents (Int64, nullable)."""
    amount, bad = numbers(values, arr)
    # an amount whose cents do not fit the database's 32-bit columns (21,474,836.47 yuan) is a mistake in a
    # small shop's file: a phone or an order number in the amount column
    huge = (amount.abs() > MAX_MONEY).to_numpy(dtype=bool)
    if huge.any():
        amount = amount.where(~huge)
        bad = bad | pd.Series(huge, index=values.index)
    return (amount * 100).round().astype("Int64"), bad


MAX_MONEY = (2**31 - 1) / 100


def numbers(values: pd.Series, arr: np.ndarray | None = None) -> tuple[pd.Series, pd.Series]:
    """Numbers as float64 (NaN when empty or bad): plain numbers, numeric text, and money written as
    ¥1,234.50, 12元 or (12.00); negative ones too (refunds, returned items)."""
    raw = values.to_numpy(dtype=object, na_value=None)
    # fast path, in C: plain numbers and numeric text
    amount = pd.to_numeric(pd.Series(raw, index=values.index, dtype=object), errors="coerce").astype("float64")
    need = amount.isna().to_numpy()
    present = np.ones(len(values), dtype=bool)
    if need.any():  # ¥1,234.50 / 12元 / (12.00) / −5 / empty cells
        sub_arr = unquote_digits(strings(values[need]) if arr is None else arr[need])
        present[need] = (np.strings.str_len(sub_arr) > 0) & ~_placeholder(sub_arr)
        amount[need] = _number_texts(sub_arr, money=True)
    is_bool = np.fromiter((isinstance(v, bool) for v in raw), bool, len(raw)) if raw.dtype == object else None
    if is_bool is not None and is_bool.any():
        amount[is_bool] = np.nan
    amount[~np.isfinite(amount.to_numpy())] = np.nan  # inf, 1e999: no amount
    return amount, pd.Series(present, index=values.index) & amount.isna()


_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)"
# a number as text, written as shops write money: ¥1,234.50, 1,234.50元, RMB 100, (12.00), -¥5, ¥-5, 5-.
# Thousands separators must group by three, so 1.234,50 or 12,5 (a decimal comma) is not read as a
# thousand times, or ten times, the amount; one sign at most
_MONEY_TEXT = re.compile(
    r"(?P<s1>[-+])?(?P<open>\()?(?:人民币|RMB|CNY|US\$|[¥$])?(?P<s2>[-+])?" + _NUMBER
    + r"(?P<unit>万|千)?(?:元|块|RMB|CNY)?(?P<close>\))?(?P<s3>-)?",
    re.IGNORECASE,
)
# a count may name what it counts: 206人, 110条, 3次
_NUMBER_TEXT = re.compile(
    r"(?P<s1>[-+])?(?P<open>\()?(?P<s2>)" + _NUMBER + r"(?:人|条|个|次|位|笔|单|件|名)?(?P<close>\))?(?P<s3>)"
)
_SPACES = re.compile(r"\s+")
_DIGIT_SPACE = re.compile(r"(?<=\d)\s+(?=\d)")


def _number_texts(arr: np.ndarray, money: bool) -> np.ndarray:
    """float64 of numbers written as text (NaN where a cell is not one); each distinct text is read once."""
    codes, uniques = pd.factorize(arr.astype(object))
    pattern = _MONEY_TEXT if money else _NUMBER_TEXT
    read = np.array([_number_text(v, pattern) for v in uniques] + [np.nan], dtype="float64")
    return read[codes]  # code -1 (none here: the cells are strings) would read the last, NaN


def _number_text(text: str, pattern: re.Pattern[str]) -> float:
    # full-width forms (１２３, ￥, （）, ，) as plain ones; spaces (also as thousands separators) go
    # spaces between digits separate thousands (1 234.50) and must group by three like commas; others go
    text = unicodedata.normalize("NFKC", text).replace("，", ",")
    text = _SPACES.sub("", _DIGIT_SPACE.sub(",", text)).replace("−", "-")
    found = pattern.fullmatch(text)
    if found is None or (found["open"] is None) != (found["close"] is None):
        return np.nan
    signs = [found[k] for k in ("s1", "s2", "s3") if found[k]]
    if len(signs) + (found["open"] is not None) > 1:
        return np.nan
    value = float(found["num"].replace(",", ""))
    if found.groupdict().get("unit"):  # 1.2万, 3千: as hand-kept ledgers write bigger amounts
        value *= 10_000 if found["unit"] == "万" else 1_000
    return -value if signs == ["-"] or found["open"] is not None else value


def counts(values: pd.Series, arr: np.ndarray | None = None) -> tuple[pd.Series, pd.Series]:
    """Whole numbers of 0 or more (Int64, nullable): 12, "12", 12.0, "1,234"; anything else is bad."""
    raw = values.to_numpy(dtype=object, na_value=None)
    number = pd.to_numeric(pd.Series(raw, index=values.index, dtype=object), errors="coerce").astype("float64")
    need = number.isna().to_numpy()
    present = np.ones(len(values), dtype=bool)
    if need.any():
        sub = unquote_digits(strings(values[need]) if arr is None else arr[need])
        present[need] = (np.strings.str_len(sub) > 0) & ~_placeholder(sub)
        number[need] = _number_texts(sub, money=False)
    is_bool = np.fromiter((isinstance(v, bool) for v in raw), bool, len(raw))
    number[is_bool] = np.nan
    whole = number.notna() & (number >= 0) & (number == np.floor(number)) & (number < 2**31)
    out = number.where(whole).astype("Int64")
    bad = pd.Series(present, index=values.index) & ~whole
    return out, bad


def choice(
    values: pd.Series, table: dict[str, object], arr: np.ndarray | None = None
) -> tuple[pd.Series, pd.Series]:
    arr = strings(values) if arr is None else arr
    present = np.strings.str_len(arr) > 0
    lowered = pd.Series(np.strings.lower(arr).astype(object), index=values.index, dtype=object)
    mapped = lowered.map(table)  # a hash lookup per cell, in C
    bad = pd.Series(present, index=values.index) & mapped.isna()
    return mapped.astype(object).where(mapped.notna(), None), bad


def split_tags(
    values: pd.Series, arr: np.ndarray | None = None, max_length: int = 64
) -> tuple[pd.Series, pd.Series]:
    """Lists of tag names (empty list for an empty cell), duplicates removed, order kept; bad where a tag is
    longer than ``max_length``.

    Shops tag customers with a few dozen combinations, so each distinct cell is split once.
    """
    arr = strings(values) if arr is None else arr
    codes, uniques = pd.factorize(arr.astype(object))
    split = re.compile(TAG_SPLIT).split
    # each cell's parts trimmed, the empty ones dropped, each tag once in the order written
    lists = [list(dict.fromkeys(filter(None, map(str.strip, split(v))))) for v in uniques]
    if len(uniques) and max(map(len, uniques)) > max_length:  # only a cell that long can hold a tag that long
        too_long = np.array([any(len(t) > max_length for t in tags) for tags in lists] + [False], dtype=bool)
    else:
        too_long = np.zeros(len(lists) + 1, dtype=bool)
    return (
        pd.Series([lists[c] for c in codes], index=values.index, dtype=object),
        pd.Series(too_long[codes], index=values.index),  # code -1 (an empty cell) reads the last, False
    )


def mask_phone(phone: str | None) -> str | None:
    """138****1234."""
    if not phone or len(phone) < 7:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
