"""Pinyin search keys: ``张晓燕`` → ``"zhangxiaoyan zxy"``, so that search finds a name by its initials.

Readings come from ``resources/pinyin/pinyin.json``, pypinyin's first toneless reading of each character
(written by ``scripts/build_pinyin_table.py``; a test keeps it equal to pypinyin). Loading that table takes
about 20 ms where importing pypinyin takes 0.5 s, which an import of 100,000 customers would wait for.
"""

from __future__ import annotations

import json
from functools import cache

from app.paths import resource


@cache
def _table() -> dict[str, str]:
    with resource("pinyin", "pinyin.json").open(encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return table


def _char_pinyin(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    return _table().get(ch, "")


def search_key(*texts: str | None) -> str:
    """Full pinyin and initials of each non-empty text, space separated (Chinese characters only)."""
    parts: list[str] = []
    for text in texts:
        if not text or text.isascii():
            continue
        syllables = [_char_pinyin(ch) for ch in text if not ch.isspace()]
        syllables = [s for s in syllables if s]
        if syllables:
            parts.append("".join(syllables))
            parts.append("".join(s[0] for s in syllables))
    return " ".join(parts)


def search_keys(names: list[str | None], remarks: list[str | None]) -> list[str]:
    """``search_key(name, remark)`` for many customers at once; each distinct text is worked out once."""
    done: dict[str | None, str] = {None: ""}

    def key(text: str | None) -> str:
        found = done.get(text)
        if found is None:
            found = done[text] = "" if text.isascii() else search_key(text)  # type: ignore[union-attr]
        return found

    out = []
    for name, remark in zip(names, remarks, strict=True):
        a, b = key(name), key(remark)
        out.append(f"{a} {b}" if a and b else a or b)
    return out
