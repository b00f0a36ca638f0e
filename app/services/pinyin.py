"""Pinyin search keys: ``张晓燕`` → ``"zhangxiaoyan zxy"``, so that search finds a name by its initials.

Readings come from ``resources/pinyin/pinyin.json``, pypinyin's first toneless reading of each character
(written by ``scripts/build_pinyin_table.py``; a test keeps it equal to pypinyin). Loading that table takes
about 20 ms where importing pypinyin takes 0.5 s, which an import of 100,000 customers would wait for.
"""

from __future__ import annotations

import json
from functools import cache

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


def search_key(*texts: str | None) -> str:
    """Full pinyin and initials of each non-empty text, space separated (Chinese characters only); each
    text is read through two ``str.translate`` tables, at C speed."""
    full, initials = _maps()
    parts: list[str] = []
    for text in texts:
        if not text or text.isascii():
            continue
        spelled = text.translate(full)
        if spelled:
            parts.append(spelled)
            parts.append(text.translate(initials))
    return " ".join(parts)[:KEY_LENGTH]


def search_keys(names: list[str | None], remarks: list[str | None]) -> list[str]:
    """``search_key(name, remark)`` for many customers at once: each distinct text is read once, and the
    customers' keys are put together from those."""
    full, initials = _maps()
    memo: dict[str | None, str] = dict.fromkeys(names)
    memo.update(dict.fromkeys(remarks))
    for text in memo:
        if not text or text.isascii():
            memo[text] = ""
        else:
            spelled = text.translate(full)
            memo[text] = f"{spelled} {text.translate(initials)}" if spelled else ""
    of_names = list(map(memo.__getitem__, names))
    if not any(remarks):
        return [k[:KEY_LENGTH] for k in of_names] if any(len(k) > KEY_LENGTH for k in of_names) else of_names
    return [f"{a} {b}"[:KEY_LENGTH] if a and b else (a or b)[:KEY_LENGTH]
            for a, b in zip(of_names, map(memo.__getitem__, remarks), strict=True)]  # fmt: skip
