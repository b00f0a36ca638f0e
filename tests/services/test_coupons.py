"""Coupons: each kind's discount and threshold, limits, validity at both ends, the till, undo, control groups."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest
from sqlalchemy import text

from app.services import codes
from app.services.coupons import Campaign, CouponError, CouponService, discount_for, in_control

NOW = dt.datetime(2026, 11, 20, 10, 0)


def test_each_kind_discount_and_threshold() -> None:
    full = Campaign(None, "满100减20", "threshold", value_cents=2000, threshold_cents=10000, valid_days=30)
    assert discount_for(full, 9999) is None and discount_for(full, 10000) == 2000 and discount_for(full, 50000) == 2000
    flat = Campaign(None, "立减10元", "no_threshold", value_cents=1000, valid_days=30)
    assert discount_for(flat, 1) == 1 and discount_for(flat, 5000) == 1000  # never more than the order
    rate = Campaign(None, "9折", "discount", rate_permille=900, valid_days=7)
    assert discount_for(rate, 1234) == 123  # pays 11.11 (11.106 rounded to the cent)
    assert discount_for(rate, 10000) == 1000
    capped = Campaign(None, "9折封顶30", "discount", rate_permille=900, cap_cents=3000, valid_days=7)
    assert discount_for(capped, 100000) == 3000 and discount_for(capped, 20000) == 2000
    gift = Campaign(None, "赠小蛋糕", "gift", gift_cost_cents=1500, threshold_cents=3000, valid_days=30)
    assert discount_for(gift, 2999) is None and discount_for(gift, 3000) == 1500
    assert discount_for(full, 0) is None and discount_for(full, -500) is None  # a refund redeems nothing
    for bad in (Campaign(None, "x", "threshold", value_cents=2000, threshold_cents=1000, valid_days=3),
                Campaign(None, "x", "discount", rate_permille=1000, valid_days=3),
                Campaign(None, "x", "no_threshold", value_cents=100),
                Campaign(None, " ", "gift", gift_cost_cents=1, valid_days=3)):  # fmt: skip
        with pytest.raises(CouponError):
            bad.check()


def test_validity_is_inclusive_at_both_ends() -> None:
    by_days = Campaign(None, "7天", "no_threshold", value_cents=100, valid_days=7)
    assert by_days.valid_until(dt.date(2026, 11, 20)) == dt.date(2026, 11, 27)
    fixed = Campaign(None, "双11", "no_threshold", value_cents=100, valid_to=dt.date(2026, 11, 11))
    assert fixed.valid_until(dt.date(2026, 11, 1)) == dt.date(2026, 11, 11)
    both = Campaign(None, "x", "no_threshold", value_cents=100, valid_to=dt.date(2026, 11, 11), valid_days=30)
    assert both.valid_until(dt.date(2026, 11, 1)) == dt.date(2026, 11, 11)


def test_the_check_character_catches_typos_and_swaps() -> None:
    rng = random.Random(7)
    for _ in range(200):
        code = codes.make_code(8, rng=rng)  # type: ignore[arg-type]
        assert codes.is_valid(code) and codes.is_valid(code.lower()) and codes.is_valid(f"{code[:4]}-{code[4:]}")
        for i in range(len(code)):
            for ch in codes.ALPHABET:
                if ch != code[i]:
                    assert not codes.is_valid(code[:i] + ch + code[i + 1 :])
        for i in range(len(code) - 1):  # every swap of two neighbours, the check character included
            if code[i] != code[i + 1]:
                assert not codes.is_valid(code[:i] + code[i + 1] + code[i] + code[i + 2 :])
        assert not set(code) & set("01OIL")


def test_control_group_size_and_reproducibility() -> None:
    ids = np.arange(1, 100_001)
    held = in_control(12345, 100, ids)  # 10 %
    assert abs(held.mean() - 0.10) < 0.005
    assert np.array_equal(held, in_control(12345, 100, ids))  # the same seed, the same customers
    assert np.array_equal(held[ids % 2 == 0], in_control(12345, 100, ids[ids % 2 == 0]))  # in any batch
    assert not np.array_equal(held, in_control(54321, 100, ids))


@pytest.fixture
def shop(db):  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        ids = [int(conn.execute(text("INSERT INTO customer (name, phone) VALUES (:n, :p) RETURNING id"),
                                {"n": f"客{i}", "p": f"1370000{i:04d}"}).scalar_one()) for i in range(20)]  # fmt: skip
    return CouponService(db), ids


def test_issuing_honours_limits_quantity_and_the_control_group(shop, db) -> None:  # type: ignore[no-untyped-def]
    service, ids = shop
    cid = service.save(Campaign(None, "满100减20", "threshold", value_cents=2000, threshold_cents=10000, valid_days=30,
                                quantity=12, per_customer_limit=2, control_share_permille=200))  # fmt: skip
    campaign = service.campaign(cid)
    assert campaign.control_seed is not None  # drawn once and recorded
    preview = service.preview_issue(cid, [*ids, 99999])
    assert preview.not_customers == 1 and len(preview.receive) <= 12
    expected_control = {int(i) for i in np.array(ids)[in_control(campaign.control_seed, 200, np.array(ids))]}
    assert set(preview.held_back) == expected_control
    done = service.issue(cid, ids, via="segment", ref="高价值", now=NOW)
    assert done.receive == preview.receive and service.campaign(cid).status == "active"
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM coupon WHERE campaign_id = :c"), {"c": cid}).scalar() == len(done.receive)
        assert {r[0] for r in conn.execute(text("SELECT customer_id FROM coupon_control WHERE campaign_id = :c"),
                                           {"c": cid})} == expected_control  # fmt: skip
    # a second round: the held-back never get one, the quantity caps the total, the limit is two each
    second = service.issue(cid, ids, now=NOW)
    assert not set(second.receive) & expected_control
    assert len(done.receive) + len(second.receive) == min(12, 2 * (20 - len(expected_control)))
    third = service.issue(cid, ids, now=NOW)
    assert third.receive == [] and third.over_quantity + third.at_limit > 0


def test_the_till_redeems_once_within_validity_and_can_undo(shop, db) -> None:  # type: ignore[no-untyped-def]
    service, ids = shop
    cid = service.save(Campaign(None, "满100减20", "threshold", value_cents=2000, threshold_cents=10000, valid_days=7))
    service.issue(cid, ids[:1], now=NOW)
    code = service.coupons(cid)[0].code
    with pytest.raises(CouponError, match="mistyped"):
        service.lookup(code[:-1] + ("2" if code[-1] != "2" else "3"))
    with pytest.raises(CouponError, match="reach"):
        service.redeem(code, 9999, at=NOW)
    with pytest.raises(CouponError, match="expired"):
        service.redeem(code, 10000, at=dt.datetime(2026, 11, 28, 0, 0))
    info = service.redeem(f" {code.lower()[:4]}-{code.lower()[4:]} ", 12000, order_no="POS-1",
                          at=dt.datetime(2026, 11, 27, 23, 59))  # the last day, until midnight
    assert info.redeemed_at is not None and info.discount_cents == 2000 and info.order_id is not None
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT amount_cents, coupon_id FROM orders WHERE id = :o"), {"o": info.order_id}).one() \
            == (12000, info.id)  # fmt: skip
        assert conn.execute(text("SELECT order_count FROM customer WHERE id = :c"), {"c": ids[0]}).scalar() == 1
    with pytest.raises(CouponError, match="already used"):
        service.redeem(code, 12000, at=NOW)
    service.undo_redemption(code)
    again = service.lookup(code)
    assert again.redeemed_at is None and again.order_id is None
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM orders")).scalar() == 0
        assert conn.execute(text("SELECT order_count FROM customer WHERE id = :c"), {"c": ids[0]}).scalar() == 0
    assert service.redeem(code, 10000, at=NOW).discount_cents == 2000


def test_results_and_lift_against_the_control_group(shop, db) -> None:  # type: ignore[no-untyped-def]
    service, ids = shop
    cid = service.save(Campaign(None, "立减10元", "no_threshold", value_cents=1000, valid_days=10, control_share_permille=400,
                                control_seed=99))  # fmt: skip
    done = service.issue(cid, ids, now=NOW)
    for customer in done.receive[:3]:
        code = next(c.code for c in service.coupons(cid) if c.customer_id == customer)
        service.redeem(code, 5000, at=NOW + dt.timedelta(days=1))
    with db.engine.begin() as conn:  # one held-back customer buys anyway
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                          "VALUES (:c, :t, 3000, 'pos', 'X1')"), {"c": done.held_back[0], "t": NOW + dt.timedelta(days=2)})  # fmt: skip
    result = next(r for r in service.results() if r.campaign_id == cid)
    assert (result.issued, result.redeemed, result.gmv_cents, result.cost_cents) == (len(done.receive), 3, 15000, 3000)
    assert result.redemption_rate == pytest.approx(3 / len(done.receive)) and result.roi == 5.0
    lift = service.lift(cid)
    n_t, n_c = len(done.receive), len(done.held_back)
    assert lift.incremental_buyers == pytest.approx((3 / n_t - 1 / n_c) * n_t)
    assert lift.incremental_gmv_cents == pytest.approx((15000 / n_t - 3000 / n_c) * n_t)


def test_walk_in_cards_and_expiring_coupons(shop) -> None:  # type: ignore[no-untyped-def]
    service, ids = shop
    cid = service.save(Campaign(None, "到店礼", "gift", gift_cost_cents=800, valid_days=2, quantity=5, status="active"))
    made = service.issue_walk_in(cid, 3, now=NOW)
    assert len(made) == 3 == len(set(made)) and all(codes.is_valid(c) for c in made)
    with pytest.raises(CouponError, match="left"):
        service.issue_walk_in(cid, 3, now=NOW)
    with pytest.raises(CouponError, match="nobody"):
        service.redeem(made[0], 1000, at=NOW)
    assert service.redeem(made[0], 1000, at=NOW, customer_id=ids[0]).customer_id == ids[0]
    soon = service.expiring(3, today=NOW.date())
    assert {c.code for c in soon} == set(made[1:])


def test_breakdowns_and_daily_redemptions(shop, db) -> None:  # type: ignore[no-untyped-def]
    service, ids = shop
    with db.engine.begin() as conn:
        staff = conn.execute(text("INSERT INTO staff (name, role, status) VALUES ('陈佳', 'staff', 'active') RETURNING id")).scalar_one()
        conn.execute(text("UPDATE customer SET owner_staff_id = :s WHERE id IN (:a, :b)"), {"s": staff, "a": ids[0], "b": ids[1]})
    cid = service.save(Campaign(None, "立减", "no_threshold", value_cents=500, valid_days=10))
    service.issue(cid, ids[:4], via="segment", ref="高价值", now=NOW)
    service.issue(cid, ids[4:6], via="group", ref="福利1群", now=NOW)
    for customer in ids[:3]:
        code = next(c.code for c in service.coupons(cid) if c.customer_id == customer)
        service.redeem(code, 2000, at=NOW + dt.timedelta(days=customer % 2))
    parts = service.breakdown(cid)
    assert ("陈佳", 2, 2, 4000) in parts["staff"] and ("", 4, 1, 2000) in parts["staff"]
    assert ("segment:高价值", 4, 3, 6000) in parts["via"] and ("group:福利1群", 2, 0, 0) in parts["via"]
    daily = service.daily_redemptions(cid)
    assert sum(n for _d, n, _g in daily) == 3 and sum(g for _d, _n, g in daily) == 6000


def _xlsx(path, rows):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_coupons_from_a_shop_system(shop, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.importer import ImportService

    service, ids = shop
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) VALUES "
                          "(:c, '2026-11-10 12:00:00', 15000, 'pos', 'P-1'), (:c, '2026-11-11 12:00:00', 5000, 'pos', 'P-2')"),
                     {"c": ids[0]})  # fmt: skip
    header = ["券名称", "券类型", "面额/折扣", "使用门槛", "券码", "领取人手机", "领取时间", "生效时间", "失效时间",
              "核销时间", "核销订单号", "优惠金额"]  # fmt: skip
    good = _xlsx(tmp_path / "coupons.xlsx", [
        header,
        ["满100减20", "满减券", "20", "满100", "ABC-001", "13700000000", "2026-11-01 09:00:00", "2026-11-01", "2026-11-30",
         "2026-11-10 12:00:00", "P-1", "20.00"],
        ["满100减20", "满减券", "20", "满100", "ABC-002", "13900009999", "2026-11-01 09:00:00", "2026-11-01", "2026-11-30",
         None, None, None],
        ["会员9折", "折扣券", "9折", None, "VIP-9", "13700000001", "2026-11-02 10:00:00", "2026-11-02", "2026-12-02", None, None, None],
    ])  # fmt: skip
    importer = ImportService(db)
    first = importer.run(good, "coupons")
    assert (first.inserted, first.invalid, first.created_campaigns, first.created_customers) == (3, 0, 2, 1)
    again = importer.run(good, "coupons")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    later = _xlsx(tmp_path / "later.xlsx", [  # "only update": a redemption recorded, an unknown code left out
        header,
        ["会员9折", "折扣券", "9折", None, "VIP-9", "13700000001", "2026-11-02 10:00:00", "2026-11-02", "2026-12-02",
         "2026-11-11 12:00:00", "P-2", "5.00"],
        ["新券", "满减券", "5", None, "NEW-1", "13711112222", "2026-11-03 10:00:00", "2026-11-03", "2026-12-03", None, None, None],
    ])  # fmt: skip
    updated = importer.run(later, "coupons", mode="update")
    assert (updated.inserted, updated.updated, updated.unchanged) == (0, 1, 1)
    assert (updated.created_campaigns, updated.created_customers) == (0, 0)
    assert service.lookup("VIP-9").redeemed_at is not None
    assert "新券" not in {c.name for c in service.campaigns()}
    results = {r.name: r for r in service.results()}
    assert results["满100减20"].redeemed == 1 and results["满100减20"].gmv_cents == 15000
    assert results["满100减20"].cost_cents == 2000
    nine = next(c for c in service.campaigns() if c.name == "会员9折")
    assert (nine.kind, nine.rate_permille) == ("discount", 900)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT c.code FROM orders o JOIN coupon c ON c.id = o.coupon_id WHERE o.external_no = 'P-1'")).scalar() == "ABC001"
    assert service.lookup("abc-002").customer_name == "13900009999"  # a foreign code is looked up as it is
    bad = _xlsx(tmp_path / "bad.xlsx", [
        header,
        ["满100减20", "满减券", "20", "满100", "X-1", "13700000000", None, "2026-11-01", "2026-11-30", "2026-11-10 12:00", "P-1", 20],
        ["满100减20", "满减券", "20", "满100", "X-1", "13700000000", None, "2026-11-01", "2026-11-30", "2026-11-11 12:00", "P-2", 20],
        ["满100减20", "满减券", "20", "满100", "X-2", "13700000000", None, "2026-11-01", "2026-11-05", "2026-11-10 12:00", "P-1", 20],
        ["满100减20", "满减券", "20", "满100", "X-3", "13700000000", None, "2026-11-01", "2026-11-30", "2026-11-10 12:00", "NOPE", 20],
        ["满100减20", "满减券", "20", "满100", "X-4", "13700000000", None, "2026-11-01", "2026-11-30", "2026-11-11 12:00", "P-2", 20],
    ])  # fmt: skip
    report = importer.run(bad, "coupons")
    reasons = {(i.row, i.column): i.reason for i in report.issues}
    assert report.invalid == 5 and not report.imported
    assert reasons[(2, "券码")] == reasons[(3, "券码")] == "this code is redeemed twice in the file"
    assert reasons[(4, "核销时间")] == "redeemed outside the coupon's validity"
    assert reasons[(5, "核销订单号")] == "no order has this number"
    assert reasons[(6, "核销订单号")] == "this order does not reach the coupon's threshold"


def test_coupons_that_never_expire(shop, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """长期有效 and 9999-12-31 in the end-date column: a coupon without an end, not a bad date."""
    from app.services.importer import ImportService

    path = _xlsx(tmp_path / "endless.xlsx", [
        ["券名称", "券码", "领取人手机", "生效时间", "失效时间"],
        ["老客券", "L-1", "13700000000", "2026-11-01", "长期有效"],
        ["老客券", "L-2", "13700000000", "2026-11-01", "9999-12-31"],
        ["老客券", "L-3", "13700000000", "2026-11-01", "2026-13-45"],  # still a bad date
    ])  # fmt: skip
    summary = ImportService(db).run(path, "coupons", skip_invalid=True)
    assert [(i.row, i.column) for i in summary.issues] == [(4, "失效时间")]
    assert summary.inserted == 2
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT code, valid_until FROM coupon WHERE code LIKE 'L%' ORDER BY code")).all() == [
            ("L1", None), ("L2", None)]
        assert conn.execute(text("SELECT valid_to FROM coupon_campaign WHERE name = '老客券'")).scalar() is None


def test_coupon_values_as_shop_systems_write_them(shop, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """85折, 八五折, 85%, 满100减20 in the value cell; a 折扣 column beside 面额; a redemption known only by its
    order takes the order's time, and a second import changes nothing."""
    from app.services.importer import ImportService

    _service, ids = shop
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) VALUES "
                          "(:c, '2026-11-10 12:00:00', 10000, 'pos', 'Q-1')"), {"c": ids[0]})  # fmt: skip
    path = _xlsx(tmp_path / "c.xlsx", [
        ["券名称", "券类型", "面额", "折扣", "券码", "领取人手机", "失效时间", "核销订单号"],
        ["周末85折", "折扣券", None, "85折", "W-1", "13700000000", "2026-11-30", "Q-1"],
        ["八五折券", None, "八五折", None, "W-2", "13700000000", "2026-11-30", None],
        ["满100减20", None, "满100减20", None, "W-3", "13700000000", "2026-11-30", None],
        ["百分比券", "折扣", "85%", None, "W-4", "13700000000", "2026-11-30", None],
    ])  # fmt: skip
    summary = ImportService(db).run(path, "coupons")
    assert (summary.inserted, summary.invalid) == (4, 0)
    with db.engine.connect() as conn:
        campaigns = conn.execute(text("SELECT name, kind, value_cents, threshold_cents, rate_permille FROM coupon_campaign "
                                      "WHERE name IN ('周末85折', '八五折券', '满100减20', '百分比券') ORDER BY name")).all()  # fmt: skip
        redeemed = conn.execute(text("SELECT redeemed_at, discount_cents FROM coupon WHERE code = 'W1'")).one()
    assert sorted(campaigns) == sorted([("周末85折", "discount", 0, 0, 850), ("八五折券", "discount", 0, 0, 850),
                                        ("满100减20", "threshold", 2000, 10000, None), ("百分比券", "discount", 0, 0, 850)])  # fmt: skip
    assert str(redeemed[0])[:19] == "2026-11-10 12:00:00" and redeemed[1] == 1500  # 15 % off 100 yuan
    again = ImportService(db).run(path, "coupons")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)


def test_reimporting_the_coupon_export_changes_nothing(shop, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.coupon_export import export_coupons
    from app.services.importer import ImportService

    _service, ids = shop
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) VALUES "
                          "(:c, '2026-11-10 12:00:00', 10000, 'pos', 'R-1')"), {"c": ids[0]})  # fmt: skip
    path = _xlsx(tmp_path / "c.xlsx", [["券名称", "面额", "券码", "领取人手机", "失效时间", "核销订单号"],
                                       ["立减10元", "10", "X-1", "13700000000", "2026-11-30", "R-1"]])  # fmt: skip
    ImportService(db).run(path, "coupons")
    with db.engine.connect() as conn:
        before = conn.execute(text("SELECT code, customer_id, order_id, redeemed_at, discount_cents FROM coupon")).all()
    for name in ("out.xlsx", "out.csv"):
        export_coupons(db, tmp_path / name)
        again = ImportService(db).run(tmp_path / name, "coupons")
        assert (again.inserted, again.updated) == (0, 0), name
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT code, customer_id, order_id, redeemed_at, discount_cents FROM coupon")).all() == before


def test_voided_coupons_are_left_out_and_counted(shop, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.importer import ImportService

    path = _xlsx(tmp_path / "c.xlsx", [["券名称", "面额", "券码", "领取人手机", "失效时间", "状态"],
                                       ["立减5元", "5", "V-1", "13700000000", "2026-11-30", "未使用"],
                                       ["立减5元", "5", "V-2", "13700000000", "2026-11-30", "已作废"],
                                       ["立减5元", "5", "V-3", "13700000000", "2026-11-30", "已过期"]])  # fmt: skip
    summary = ImportService(db).run(path, "coupons")
    assert (summary.inserted, summary.invalid, summary.voided_coupons) == (2, 0, 1)
    with db.engine.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT code FROM coupon WHERE code LIKE 'V%' ORDER BY code"))] == ["V1", "V3"]


def test_coupons_marked_used_without_a_time_are_kept_unredeemed_and_said(shop, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.importer import ImportService

    path = _xlsx(tmp_path / "c.xlsx", [["券名称", "面额", "券码", "领取人手机", "失效时间", "状态", "核销时间"],
                                       ["立减5元", "5", "U-1", "13700000000", "2026-11-30", "已使用", None],
                                       ["立减5元", "5", "U-2", "13700000000", "2026-11-30", "已使用", "2026-11-20 10:00:00"],
                                       ["立减5元", "5", "U-3", "13700000000", "2026-11-30", "未使用", None]])  # fmt: skip
    summary = ImportService(db).run(path, "coupons")
    assert (summary.inserted, summary.invalid, summary.used_untimed_coupons) == (3, 0, 1)
    with db.engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(text(
            "SELECT code, redeemed_at IS NOT NULL FROM coupon WHERE code LIKE 'U%' ORDER BY code"))] == [
            ("U1", False), ("U2", True), ("U3", False)]  # fmt: skip
