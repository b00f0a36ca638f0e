"""Write resources/pinyin/pinyin.json: every character pypinyin knows, with its toneless first reading.

The app looks names up in this table instead of importing pypinyin (0.5 s and several MB of Python
dictionaries at run time); the table is derived from pypinyin, never edited by hand, and a test checks that
it still says what pypinyin says. Run it after upgrading pypinyin:

    python scripts/build_pinyin_table.py
"""

from __future__ import annotations

import json
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

TABLE = Path(__file__).resolve().parent.parent / "resources" / "pinyin" / "pinyin.json"


def build() -> dict[str, str]:
    table = {}
    for code in sorted(pinyin_dict):
        ch = chr(code)
        if ch.isascii() or ch.isspace():
            continue
        reading = "".join(lazy_pinyin(ch, style=Style.NORMAL, errors="ignore"))
        if reading:
            table[ch] = reading
    return table


def main() -> None:
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    TABLE.write_text(text.replace(',"', ',\n"') + "\n", encoding="utf-8")
    print(f"wrote {TABLE}")


if __name__ == "__main__":
    main()
