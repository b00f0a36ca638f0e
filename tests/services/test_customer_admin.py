from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.models.schema import Customer
from app.services.customer_admin import (
    MERGED_FROM,
    CustomerAdminError,
    CustomerAdminService,
    CustomerBrief,
    DuplicateGroup,
    default_keep,
    phone_key,
    wechat_phone_key,
)
from app.services.customer_list import CustomerListService


def _insert(conn: sa.Connection, table: str, **values: object) -> int:
    conn.execute(
        sa.text(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join(':' + c for c in values)})"),
        values,
    )
    if table in ("customer_tag", "customer_field", "coupon_control", "group_daily_stat"):
        return 0  # link tables have no id
    return int(conn.execute(sa.text("SELECT max(id) FROM " + table)).scalar_one())


def _rows(db, sql: str, **params: object) -> list[tuple]:  # type: ignore[no-untyped-def]
    stmt = sa.text(sql)
    if "a" in params:
        stmt = stmt.bindparams(sa.bindparam("a", expanding=True))
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt, params)]


def _customer_row(db, cid: int) -> dict:  # type: ignore[no-untyped-def]
    table = Customer.__table__
    with db.engine.connect() as conn:
        return dict(conn.execute(sa.select(table).where(table.c.id == cid)).mappings().one())


# --- recycle bin ---------------------------------------------------------------------------------------


def test_delete_then_restore_leaves_the_customer_identical(demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    before = {cid: _customer_row(demo_db, cid) for cid in (5, 6)}
    related = "SELECT count(*), sum(amount_cents) FROM orders WHERE customer_id IN (5, 6)"
    tags = _rows(demo_db, "SELECT * FROM customer_tag WHERE customer_id IN (5, 6) ORDER BY 1, 2")
    orders = _rows(demo_db, related)

    assert admin.delete([5, 6, 6]) == 2
    assert admin.delete([5]) == 0  # already in the bin
    assert CustomerListService(demo_db).count() == 398
    assert admin.bin_count() == 2
    binned = _customer_row(demo_db, 5)
    assert binned["deleted_at"] is not None and binned["version"] == before[5]["version"] + 1

    assert admin.restore([5, 6, 7]) == 2  # 7 is live: not counted
    assert admin.bin_count() == 0
    for cid, row in before.items():
        after = _customer_row(demo_db, cid)
        assert after["version"] == row["version"] + 2  # two edits: the delete and the restore
        assert {k: v for k, v in after.items() if k != "version"} == {
            k: v for k, v in row.items() if k != "version"
        }
    assert _rows(demo_db, related) == orders
    assert _rows(demo_db, "SELECT * FROM customer_tag WHERE customer_id IN (5, 6) ORDER BY 1, 2") == tags


def test_bin_lists_newest_first_and_searches(demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([10, 11])
    with demo_db.engine.begin() as conn:  # an earlier deletion
        conn.execute(sa.text("UPDATE customer SET deleted_at = '2026-01-01 08:00:00' WHERE id = 11"))
    admin.delete([12])
    entries = admin.bin()
    assert [e.id for e in entries] == [12, 10, 11]
    assert isinstance(entries[0].deleted_at, dt.datetime)
    assert entries[2].deleted_at == dt.datetime(2026, 1, 1, 8, 0)
    assert admin.bin(limit=1)[0].id == 12
    row = _customer_row(demo_db, 10)
    assert entries[1].name == row["name"] and entries[1].order_count == row["order_count"]
    assert entries[1].total_spent_cents == row["total_spent_cents"]
    assert [e.id for e in admin.bin(row["phone"][3:9])] == [10]
    assert 10 in [e.id for e in admin.bin(row["name"])]
    initials = row["search_key"].split()[1]
    assert 10 in [e.id for e in admin.bin(initials.upper())]
    assert admin.bin("100%_nobody") == []


def test_delete_many_customers_at_once(demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    assert admin.delete(list(range(1, 401)) + [9999]) == 400
    assert admin.bin_count() == 400 and CustomerListService(demo_db).count() == 0
    assert len(admin.bin(limit=5000)) == 400
    assert admin.restore(range(1, 401)) == 400


def test_purge_removes_only_binned_customers_and_what_they_had(demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    coupons = _rows(demo_db, "SELECT customer_id, count(*) FROM coupon GROUP BY customer_id")
    with_coupon = [cid for cid, n in coupons if cid is not None][:2]
    live = 3 if 3 not in with_coupon else 4
    total_orders = _rows(demo_db, "SELECT count(*) FROM orders")[0][0]
    theirs = _rows(demo_db, "SELECT count(*) FROM orders WHERE customer_id IN :a", a=with_coupon)
    their_coupons = _rows(demo_db, "SELECT count(*) FROM coupon WHERE customer_id IN :a", a=with_coupon)[0][0]
    live_orders = _rows(demo_db, "SELECT count(*) FROM orders WHERE customer_id = :c", c=live)
    assert theirs[0][0] > 0 and their_coupons > 0

    admin.delete(with_coupon)
    preview = admin.purge_preview([*with_coupon, live])
    assert (preview.customers, preview.orders) == (2, theirs[0][0])
    assert admin.purge([*with_coupon, live]) == 2  # the live one is never purged
    assert admin.bin_count() == 0
    assert _rows(demo_db, "SELECT count(*) FROM customer WHERE id IN :a", a=with_coupon) == [(0,)]
    assert _rows(demo_db, "SELECT count(*) FROM orders")[0][0] == total_orders - theirs[0][0]
    assert _rows(demo_db, "SELECT count(*) FROM orders WHERE customer_id = :c", c=live) == live_orders
    for table in ("customer_tag", "group_membership", "coupon_control", "customer_field", "follow_up"):
        assert _rows(demo_db, f"SELECT count(*) FROM {table} WHERE customer_id IN :a", a=with_coupon) == [
            (0,)
        ]
    # coupons stay, without a customer
    assert _rows(demo_db, "SELECT count(*) FROM coupon WHERE customer_id IS NULL")[0][0] >= their_coupons
    assert sum(n for _c, n in coupons) == _rows(demo_db, "SELECT count(*) FROM coupon")[0][0]
    if demo_db.location.is_sqlite:
        assert _rows(demo_db, "PRAGMA foreign_key_check") == []


def test_empty_bin(demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([1, 2, 3])
    assert admin.purge_preview().customers == 3
    assert admin.empty_bin() == 3
    assert admin.bin_count() == 0 and admin.purge_preview().customers == 0
    assert CustomerListService(demo_db).count() == 397


# --- duplicates ----------------------------------------------------------------------------------------


def test_phone_keys() -> None:
    assert phone_key("13800138000") == "13800138000"
    assert phone_key("+86 138-0013-8000") == "13800138000"
    assert phone_key("57188886666") == "57188886666"
    assert phone_key("") is None and phone_key(None) is None
    assert wechat_phone_key("13800138000") == "13800138000"
    assert wechat_phone_key("+86 138 0013 8000") == "13800138000"
    assert wechat_phone_key("wxid_13800138000") is None
    assert wechat_phone_key("12800138000") is None  # not a mobile number
    assert wechat_phone_key(None) is None


def test_find_duplicates_by_both_rules(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        a = _insert(conn, "customer", name="张三", phone="13800138000", wechat_id="zs001")
        b = _insert(conn, "customer", name="张小三", wechat_id="138 0013 8000")  # the phone as WeChat id
        c = _insert(conn, "customer", name=" 张三 ", phone="13900000001", wechat_id="ZS001")
        d = _insert(conn, "customer", name="李四", phone="8613800138000")  # same last 11 digits
        _insert(conn, "customer", name="王五", wechat_id="wangwu")
        _insert(conn, "customer", name="王六", wechat_id="wangwu")  # another name: not the same person
        _insert(conn, "customer", name="张三", wechat_id="")  # no WeChat id: no match by name alone
        _insert(conn, "customer", name="张三", phone="13800138001", wechat_id="wxid_13800138000")
        _insert(conn, "customer", name="赵七", phone="13700000000")
        e = _insert(conn, "customer", name="钱八", wechat_id="13700000000")
        conn.execute(
            sa.text("UPDATE customer SET deleted_at = '2026-01-01 00:00:00' WHERE id = :e"), {"e": e}
        )
        f = _insert(conn, "customer", name="孙九", phone="13600000000", wechat_id="13500000000")
        g = _insert(conn, "customer", name="周十", phone="13500000000", wechat_id="13600000000")
    groups = CustomerAdminService(db).find_duplicates()
    assert groups == [
        DuplicateGroup("phone", "13500000000", (f, g)),  # the same pair by two keys: listed once
        DuplicateGroup("phone", "13800138000", (a, b, d)),
        DuplicateGroup("name_wechat", "张三 / zs001", (a, c)),
    ]


def test_no_duplicates_in_an_empty_shop(db) -> None:  # type: ignore[no-untyped-def]
    assert CustomerAdminService(db).find_duplicates() == []


def test_describe_and_default_keep(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        group = _insert(conn, "tag_group", name="偏好", sort_order=1)
        t1 = _insert(conn, "tag", group_id=group, name="面包")
        t2 = _insert(conn, "tag", group_id=group, name="蛋糕")
        a = _insert(conn, "customer", name="甲", added_on="2025-05-01", order_count=2)
        b = _insert(
            conn,
            "customer",
            name="乙",
            phone="13800000000",
            added_on="2025-01-01",
            order_count=2,
            total_spent_cents=1234,
            last_order_at="2026-01-02 03:04:05",
        )
        c = _insert(conn, "customer", name="丙", order_count=0)
        _insert(conn, "customer_tag", customer_id=b, tag_id=t2)
        _insert(conn, "customer_tag", customer_id=b, tag_id=t1)
    briefs = CustomerAdminService(db).describe([c, b, a, 999])
    assert [x.id for x in briefs] == [c, b, a]
    assert briefs[1] == CustomerBrief(
        b,
        "乙",
        None,
        "13800000000",
        None,
        None,
        2,
        1234,
        dt.datetime(2026, 1, 2, 3, 4, 5),
        dt.date(2025, 1, 1),
        ("面包", "蛋糕"),
    )
    assert briefs[0].tag_names == ()
    assert default_keep(briefs) == b  # most orders, then added first
    assert default_keep([briefs[0], briefs[2]]) == a
    assert default_keep([briefs[0]]) == c


# --- merge ---------------------------------------------------------------------------------------------


@pytest.fixture
def twins(db):  # type: ignore[no-untyped-def]
    """Customer 1 (kept) and its duplicates 2 and 3, each with orders, tags, notes, follow-ups and more."""
    with db.engine.begin() as conn:
        ids = {}
        ids["staff"] = _insert(conn, "staff", name="小美")
        ids["exclusive"] = _insert(conn, "tag_group", name="性别", exclusive=True)
        ids["free"] = _insert(conn, "tag_group", name="偏好")
        ids["female"] = _insert(conn, "tag", group_id=ids["exclusive"], name="女")
        ids["male"] = _insert(conn, "tag", group_id=ids["exclusive"], name="男")
        ids["bread"] = _insert(conn, "tag", group_id=ids["free"], name="面包")
        ids["cake"] = _insert(conn, "tag", group_id=ids["free"], name="蛋糕")
        ids["tea"] = _insert(conn, "tag", group_id=ids["free"], name="奶茶")
        _insert(
            conn,
            "customer",
            id=1,
            name="张三",
            wechat_id="zs001",
            notes="喜欢全麦",
            added_on="2025-06-01",
            order_count=9,
            level="customer",
        )
        _insert(
            conn,
            "customer",
            id=2,
            name="张三",
            remark_name="张姐",
            phone="13800138000",
            wechat_id="zs001",
            city="杭州",
            member_code="M100",
            birthday="1990-02-03",
            birthday_lunar=True,
            gender="female",
            added_on="2024-03-01",
            owner_staff_id=ids["staff"],
            level="member",
            notes="对坚果过敏",
        )
        _insert(conn, "customer", id=3, name="张三丰", wechat_id="13800138000", city="上海", notes="老客户")
        _insert(conn, "customer", id=4, name="李四", referrer_id=2)
        _insert(conn, "customer", id=5, name="王五", referrer_id=3)
        conn.execute(sa.text("UPDATE customer SET referrer_id = 3 WHERE id = 2"))
        for n, (cid, at, cents) in enumerate(
            [
                (1, "2026-02-01 10:00:00", 1000),
                (2, "2025-01-01 09:00:00", 2000),
                (2, "2025-02-01 09:00:00", -300),
                (3, "2026-03-01 18:00:00", 4500),
                (4, "2026-03-02 18:00:00", 999),
            ]
        ):
            _insert(conn, "orders", customer_id=cid, ordered_at=at, amount_cents=cents, external_no=f"X{n}")
        for cid, tag in [(1, "female"), (1, "bread"), (2, "male"), (2, "bread"), (2, "cake"), (3, "tea")]:
            _insert(conn, "customer_tag", customer_id=cid, tag_id=ids[tag], origin="manual")
        for cid, body in [(1, "问过生日蛋糕"), (2, "回访：满意"), (3, "约了周六取货")]:
            _insert(conn, "follow_up", customer_id=cid, body=body)
        g1 = _insert(conn, "community_group", name="老客群")
        g2 = _insert(conn, "community_group", name="新品群")
        ids["groups"] = (g1, g2)
        _insert(conn, "group_membership", group_id=g1, customer_id=1, joined_on="2025-05-01")
        _insert(
            conn, "group_membership", group_id=g1, customer_id=2, joined_on="2025-01-01", left_on="2025-08-01"
        )
        _insert(conn, "group_membership", group_id=g2, customer_id=3, joined_on="2025-02-01")
        camp = _insert(conn, "coupon_campaign", name="满100减10", kind="threshold")
        camp2 = _insert(conn, "coupon_campaign", name="生日券", kind="gift")
        _insert(conn, "coupon", campaign_id=camp, customer_id=2, code="C1", issued_at="2025-01-01 00:00:00")
        _insert(conn, "coupon", campaign_id=camp, customer_id=3, code="C2", issued_at="2025-01-01 00:00:00")
        _insert(conn, "coupon_control", campaign_id=camp2, customer_id=2)
        _insert(conn, "coupon_control", campaign_id=camp2, customer_id=3)
        _insert(conn, "customer_field", customer_id=1, name="口味", value="少糖")
        _insert(conn, "customer_field", customer_id=2, name="口味", value="无糖")
        _insert(conn, "customer_field", customer_id=2, name="公司", value="西湖科技")
    db.ids = ids
    return db


def test_merge_keeps_every_order_tag_note_and_follow_up(twins) -> None:  # type: ignore[no-untyped-def]
    db, ids = twins, twins.ids
    admin = CustomerAdminService(db)
    total_before = _rows(db, "SELECT count(*), sum(amount_cents) FROM orders")
    version = _customer_row(db, 1)["version"]

    result = admin.merge(1, [2, 3, 1, 2])

    assert result.kept_id == 1 and result.merged_ids == (2, 3)
    assert (result.orders_moved, result.follow_ups_moved, result.coupons_moved) == (3, 2, 2)
    assert result.tags_added == 2  # 蛋糕 and 奶茶; 面包 was there, 男 loses to the kept 女 (exclusive group)
    assert result.memberships_moved == 1  # 新品群 moved; 老客群 overlapped and was combined
    assert _rows(db, "SELECT count(*), sum(amount_cents) FROM orders") == total_before
    assert _rows(
        db, "SELECT customer_id, count(*) FROM orders GROUP BY customer_id ORDER BY customer_id"
    ) == [(1, 4), (4, 1)]
    assert _rows(db, "SELECT count(*) FROM customer WHERE id IN (2, 3)") == [(0,)]

    kept = _customer_row(db, 1)
    assert (kept["order_count"], kept["total_spent_cents"]) == (3, 7200)
    assert kept["first_order_at"] == dt.datetime(2025, 1, 1, 9) and kept["last_order_at"] == dt.datetime(
        2026, 3, 1, 18
    )
    assert kept["version"] == version + 1
    # empty fields filled from the duplicates, in the order given; the unique phone and member code moved
    assert (kept["phone"], kept["member_code"], kept["remark_name"], kept["city"]) == (
        "13800138000",
        "M100",
        "张姐",
        "杭州",
    )
    assert kept["birthday"] == dt.date(1990, 2, 3) and kept["birthday_lunar"] is True
    assert kept["gender"] == "female" and kept["level"] == "member"
    assert kept["owner_staff_id"] == ids["staff"] and kept["referrer_id"] is None  # 2 was referred by 3
    assert kept["added_on"] == dt.date(2024, 3, 1)  # the earliest
    assert "zhangsan" in kept["search_key"] and "zj" in kept["search_key"]
    notes = kept["notes"]
    for text in (
        "喜欢全麦",
        "对坚果过敏",
        "老客户",
        MERGED_FROM,
        "#2",
        "#3",
        "张三丰",
        "城市 上海",
        "口味 无糖",
    ):
        assert text in notes, text
    assert notes.index("喜欢全麦") < notes.index("对坚果过敏") < notes.index(MERGED_FROM)

    tags = {
        r[0]
        for r in _rows(
            db, "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id WHERE customer_id = 1"
        )
    }
    assert tags == {"女", "面包", "蛋糕", "奶茶"}
    assert {r[0] for r in _rows(db, "SELECT body FROM follow_up WHERE customer_id = 1")} == {
        "问过生日蛋糕",
        "回访：满意",
        "约了周六取货",
    }
    g1, g2 = ids["groups"]
    assert [
        (g, str(j), left)
        for g, j, left in _rows(
            db,
            "SELECT group_id, joined_on, left_on FROM group_membership WHERE customer_id = 1 ORDER BY group_id",
        )
    ] == [
        (g1, "2025-01-01", None),
        (g2, "2025-02-01", None),
    ]
    assert _rows(db, "SELECT DISTINCT customer_id FROM coupon") == [(1,)]
    assert _rows(db, "SELECT customer_id FROM coupon_control") == [(1,)]
    assert dict(_rows(db, "SELECT name, value FROM customer_field WHERE customer_id = 1")) == {
        "口味": "少糖",
        "公司": "西湖科技",
    }
    assert result.fields_filled >= 8
    # referrers of a merged customer now point at the kept one
    assert _rows(db, "SELECT id, referrer_id FROM customer WHERE id IN (4, 5) ORDER BY id") == [
        (4, 1),
        (5, 1),
    ]
    if db.location.is_sqlite:
        assert _rows(db, "PRAGMA foreign_key_check") == []


def test_preview_merge_counts_without_changing_anything(twins) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(twins)
    before = _rows(twins, "SELECT * FROM customer ORDER BY id")
    preview = admin.preview_merge(1, [2, 3])
    assert _rows(twins, "SELECT * FROM customer ORDER BY id") == before
    assert preview == admin.merge(1, [2, 3])


def test_merge_refuses_what_cannot_be_merged(twins) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(twins)
    with pytest.raises(CustomerAdminError):
        admin.merge(1, [1])
    with pytest.raises(CustomerAdminError, match="#99"):
        admin.merge(1, [99])
    admin.delete([3])
    with pytest.raises(CustomerAdminError, match="#3"):
        admin.merge(1, [2, 3])
    assert _rows(twins, "SELECT count(*) FROM customer WHERE id IN (1, 2, 3)") == [(3,)]
    assert _rows(twins, "SELECT customer_id FROM orders WHERE amount_cents = 2000") == [(2,)]


def test_merged_duplicates_are_no_longer_found(twins) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(twins)
    groups = admin.find_duplicates()
    assert DuplicateGroup("phone", "13800138000", (2, 3)) in groups
    assert DuplicateGroup("name_wechat", "张三 / zs001", (1, 2)) in groups
    admin.merge(1, [2, 3])
    assert admin.find_duplicates() == []
