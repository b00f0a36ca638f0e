"""Pinyin search keys: ``张晓燕`` → ``"zhangxiaoyan zxy"``, so that search finds a name by its initials."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20000)
def _char_pinyin(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(ch, style=Style.NORMAL, errors="ignore"))


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
    """``search_key(name, remark)`` for many customers at once: each distinct character is looked up once."""
    table: dict[str, str] = {}
    for text in (*names, *remarks):
        if text and not text.isascii():
            for ch in text:
                if ch not in table:
                    table[ch] = "" if ch.isspace() else _char_pinyin(ch)

    def key(text: str | None) -> str:
        if not text or text.isascii():
            return ""
        syllables = [s for s in map(table.__getitem__, text) if s]
        if not syllables:
            return ""
        return "".join(syllables) + " " + "".join(s[0] for s in syllables)

    out = []
    for name, remark in zip(names, remarks, strict=True):
        a, b = key(name), key(remark)
        out.append(f"{a} {b}" if a and b else a or b)
    return out
