"""Pinyin search keys: ``张晓燕`` → ``"zhangxiaoyan zxy"``, so that search finds a name by its initials.

Readings come from ``resources/pinyin/pinyin.json``, pypinyin's first toneless reading of each character
(written by ``scripts/build_pinyin_table.py``; a test keeps it equal to pypinyin). Loading that table takes
about 20 ms where importing pypinyin takes 0.5 s, which an import of 100,000 customers would wait for.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import chain

from app.paths import resource

KEY_LENGTH = 255  # the search_key column's width: a long name's key is cut, its start still found


@cache
def _table() -> dict[str, str]:
    with resource("pinyin", "pinyin.json").open(encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return table


class _CharMap(dict):  # type: ignore[type-arg]
    """A ``str.translate`` table: each character to its reading (or its initial); ASCII to lower case;
    spaces and characters without a reading removed. Characters outside the table are worked out once."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        value = None if ch.isspace() or not ch.isascii() else ch.lower()
        self[code] = value
        return value


@cache
def _maps() -> tuple[_CharMap, _CharMap]:
    full, initials = _CharMap(), _CharMap()
    for ch, reading in _table().items():
        if ch.isspace():
            continue
        full[ord(ch)] = reading or None
        initials[ord(ch)] = reading[0] if reading else None
    return full, initials


def _spelled(text: str | None) -> str:
    """One text's full pinyin and initials ("zhangxiaoyan zxy"); "" for a text without Chinese characters.
    Read through two ``str.translate`` tables, at C speed."""
    if not text or text.isascii():
        return ""
    full, initials = _maps()
    spelled = text.translate(full)
    return f"{spelled} {text.translate(initials)}" if spelled else ""


def search_key(*texts: str | None) -> str:
    """Full pinyin and initials of each non-empty text, space separated (Chinese characters only)."""
    return " ".join(k for k in map(_spelled, texts) if k)[:KEY_LENGTH]


def search_keys(names: list[str | None], remarks: list[str | None]) -> list[str]:
    """``search_key(name, remark)`` for many customers at once: each distinct text is spelled once, and the
    customers' keys are put together from those."""
    texts = list(dict.fromkeys(chain(names, remarks)))
    spelled = dict(zip(texts, map(_spelled, texts), strict=True))
    return [(f"{a} {b}" if a and b else a or b)[:KEY_LENGTH]
            for a, b in zip(map(spelled.__getitem__, names), map(spelled.__getitem__, remarks), strict=True)]  # fmt: skip
