from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from app.services.customer_list import COLUMN_KEYS, CustomerListService, normalise_query
from app.services.pinyin import search_key

PEOPLE = [
    # name, remark, phone, wechat, total spent, last order
    ("张晓燕", "张姐-常买吐司", "13800138000", "wxid_zxy", 12000, "2026-11-01 10:00:00"),
    ("周敏", None, "13900000001", None, 500, None),
    ("李雷", "同事介绍", None, "lilei_88", 0, "2026-10-01 09:00:00"),
    ("Amy Wang", None, "18600000002", "amy", 3000, "2026-11-20 18:00:00"),
]


@pytest.fixture
def service(db):  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO staff (id, name) VALUES (1, '林晓')"))
        for name, remark, phone, wx, spent, last in PEOPLE:
            conn.execute(
                text(
                    "INSERT INTO customer (name, remark_name, phone, wechat_id, search_key, total_spent_cents, "
                    "last_order_at, owner_staff_id) VALUES (:n, :r, :p, :w, :k, :s, :l, 1)"
                ),
                {
                    "n": name,
                    "r": remark,
                    "p": phone,
                    "w": wx,
                    "k": search_key(name, remark),
                    "s": spent,
                    "l": last,
                },
            )
        conn.execute(
            text(
                "INSERT INTO customer (name, search_key, deleted_at) "
                "VALUES ('已删除', 'yishanchu ysc', '2026-11-01 00:00:00')"
            )
        )
    return CustomerListService(db)


def names(service, index, positions) -> list[str]:  # type: ignore[no-untyped-def]
    rows = service.fetch_rows(index.ids[positions])
    return [rows[int(i)][0] for i in index.ids[positions]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张", ["张晓燕"]),
        ("zxy", ["张晓燕"]),
        ("zhangxiao", ["张晓燕"]),
        ("ZXY", ["张晓燕"]),
        ("138 0013", ["张晓燕"]),
        ("138-0013-8000", ["张晓燕"]),
        ("吐司", ["张晓燕"]),
        ("lilei_88", ["李雷"]),
        ("tsjs", ["李雷"]),  # initials of the remark 同事介绍
        ("amy", ["Amy Wang"]),
        ("zhou min", ["周敏"]),  # every word must match
        ("yishanchu", []),  # the recycle bin is not listed
        ("没有这个人", []),
    ],
)
def test_search(service, query: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    index = service.load_index()
    hits = index.search(query)
    assert hits is not None
    assert sorted(names(service, index, hits)) == sorted(expected)


def test_blank_search_matches_everything(service) -> None:  # type: ignore[no-untyped-def]
    index = service.load_index()
    assert index.search("   ") is None
    assert len(index) == 4 == service.count()
    assert normalise_query(" 138 0013  ZXY ") == ["1380013", "zxy"]


def test_search_needs_the_text_loaded(service) -> None:  # type: ignore[no-untyped-def]
    index = service.load_ids()
    assert not index.searchable
    with pytest.raises(RuntimeError):
        index.search("z")
    assert service.load_search_text(index).search("z") is not None


def test_sort_by_pinyin_money_and_dates_with_empty_values_last(service) -> None:  # type: ignore[no-untyped-def]
    index = service.load_index()
    assert names(service, index, service.sort_order(index, "name")) == ["Amy Wang", "李雷", "张晓燕", "周敏"]
    assert names(service, index, service.sort_order(index, "total_spent_cents", descending=True)) == [
        "张晓燕",
        "Amy Wang",
        "周敏",
        "李雷",
    ]
    assert names(service, index, service.sort_order(index, "last_order_at")) == [
        "李雷",
        "张晓燕",
        "Amy Wang",
        "周敏",
    ]
    assert names(service, index, service.sort_order(index, "last_order_at", descending=True)) == [
        "Amy Wang",
        "张晓燕",
        "李雷",
        "周敏",
    ]
    assert names(service, index, service.sort_order(index, "phone", descending=True))[-1] == "李雷"


def test_every_column_sorts_and_fetches(service) -> None:  # type: ignore[no-untyped-def]
    index = service.load_index()
    for key in COLUMN_KEYS:
        order = service.sort_order(index, key)
        assert sorted(order.tolist()) == list(range(len(index)))
    rows = service.fetch_rows(index.ids)
    assert len(rows) == 4 and all(len(r) == len(COLUMN_KEYS) for r in rows.values())
    assert rows[int(index.ids[0])][COLUMN_KEYS.index("owner")] == "林晓"
    assert service.fetch_rows(np.zeros(0, dtype=np.int64)) == {}
