from __future__ import annotations

import random

from app.services import codes
from app.services.pinyin import search_key


def test_search_key_has_full_pinyin_and_initials() -> None:
    assert search_key("张晓燕") == "zhangxiaoyan zxy"
    assert search_key("张晓燕", "王姐") == "zhangxiaoyan zxy wangjie wj"
    assert search_key("Amy", None, "") == ""


def test_codes_are_readable_and_checked() -> None:
    rng = random.SystemRandom()
    made = {codes.make_code(rng=rng) for _ in range(2000)}
    assert len(made) == 2000
    for code in made:
        assert len(code) == 9 and codes.is_valid(code)
        assert not set(code) & set("01OIL")
    code = next(iter(made))
    assert codes.is_valid(code.lower()) and codes.is_valid(f" {code[:4]}-{code[4:]} ")
    # every single mistyped character is caught
    for i in range(len(code)):
        for ch in codes.ALPHABET:
            if ch != code[i]:
                assert not codes.is_valid(code[:i] + ch + code[i + 1 :])
    assert not codes.is_valid("")
    assert not codes.is_valid("ABCD0EFG")


def test_swapped_neighbours_are_caught() -> None:
    code = codes.make_code()
    body = code[:-1]
    for i in range(len(body) - 1):
        if body[i] != body[i + 1]:
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2 :]
            assert not codes.is_valid(swapped + code[-1])


def test_pinyin_table_says_what_pypinyin_says() -> None:
    """resources/pinyin/pinyin.json is pypinyin's reading of every character (scripts/build_pinyin_table.py)."""
    import importlib.util
    import sys
    from pathlib import Path

    from app.services.pinyin import _table

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_pinyin_table.py"
    spec = importlib.util.spec_from_file_location("build_pinyin_table", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_pinyin_table", module)
    spec.loader.exec_module(module)
    assert _table() == module.build(), "run python scripts/build_pinyin_table.py"


def test_search_keys_match_search_key_one_by_one() -> None:
    from app.services.pinyin import search_keys

    names = ["张晓燕", None, "Amy", "李 雷", "张晓燕", "陈思颖", "A张", ""]
    remarks = ["王姐", "刘哥", None, None, None, "老客户", None, None]
    assert search_keys(names, remarks) == [search_key(n, r) for n, r in zip(names, remarks, strict=True)]


def test_mixed_text_spaces_and_unknown_characters() -> None:
    from app.services.pinyin import search_key

    assert search_key("Amy 张") == "amyzhang amyz"  # ASCII letters are their own syllables, spaces dropped
    assert search_key("王\u3000小-丽😀") == "wangxiao-li wx-l"  # an ideographic space and an emoji dropped
    assert search_key("😀") == "" and search_key("Tom") == "" and search_key(None, "李") == "li l"


def test_search_keys_for_many_customers_are_each_customers_key() -> None:
    import random

    from app.services.pinyin import search_key, search_keys

    rng = random.Random(1)
    pool = ["张晓燕", "王芳", None, "Amy", "李 雷", "黄阿姨-公司下午茶", "", "😀花", "x" * 300 + "张", "张" * 200]
    names = [rng.choice(pool) or "" for _ in range(3000)]
    remarks = [rng.choice(pool) for _ in range(3000)]
    assert search_keys(names, remarks) == [search_key(n, r) for n, r in zip(names, remarks, strict=True)]
    assert search_keys(["Amy", "王芳"], [None, None]) == ["", "wangfang wf"]
