from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.services.customers import ConflictError, CustomerError, CustomerFilter, CustomerService


def first_customer(db) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT id FROM customer WHERE order_count > 2 ORDER BY id LIMIT 1")
        ).scalar_one()


def test_detail_has_everything_the_pane_shows(demo_db) -> None:  # type: ignore[no-untyped-def]
    service = CustomerService(demo_db)
    detail = service.detail(first_customer(demo_db))
    assert detail.values["name"] and detail.order_count == sum(1 for o in detail.orders if o.amount_cents > 0)
    assert detail.total_spent_cents == sum(o.amount_cents for o in detail.orders)
    assert detail.orders == sorted(detail.orders, key=lambda o: o.ordered_at, reverse=True)
    with pytest.raises(CustomerError, match="no longer exists"):
        service.detail(999999)


def test_update_checks_the_version_and_the_unique_phone(demo_db) -> None:  # type: ignore[no-untyped-def]
    service = CustomerService(demo_db)
    cid = first_customer(demo_db)
    detail = service.detail(cid)
    version = service.update(
        cid, detail.version, {"name": "张晓燕", "phone": "+86 138-0013-8999", "city": " 杭州 "}
    )
    after = service.detail(cid)
    assert after.version == version == detail.version + 1
    assert after.values["phone"] == "13800138999" and after.values["city"] == "杭州"
    with demo_db.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT search_key FROM customer WHERE id = :i"), {"i": cid})
            .scalar()
            .startswith("zhangxiaoyan")
        )
    # someone else saved in between: refused, nothing overwritten
    with pytest.raises(ConflictError, match="changed elsewhere"):
        service.update(cid, detail.version, {"city": "上海"})
    assert service.detail(cid).values["city"] == "杭州"
    with demo_db.engine.connect() as conn:
        other = conn.execute(text("SELECT phone, name FROM customer WHERE id != :i AND phone IS NOT NULL LIMIT 1"),
                             {"i": cid}).one()  # fmt: skip
    with pytest.raises(CustomerError, match="already belongs to"):
        service.update(cid, version, {"phone": other[0]})
    with pytest.raises(CustomerError, match="not an 11-digit"):
        service.update(cid, version, {"phone": "12345"})
    with pytest.raises(CustomerError, match="future"):
        service.update(cid, version, {"birthday": dt.date.today() + dt.timedelta(days=3)})


def test_fields_follow_ups_and_bulk_edits(demo_db) -> None:  # type: ignore[no-untyped-def]
    service = CustomerService(demo_db)
    cid = first_customer(demo_db)
    service.set_fields(cid, {"会员卡": "金卡", "鞋码": "37"})
    service.set_fields(cid, {"鞋码": None})
    assert service.detail(cid).fields == {"会员卡": "金卡"}
    due = dt.date.today() + dt.timedelta(days=2)
    fid = service.add_follow_up(cid, "问问新品口味", due)
    assert service.detail(cid).next_follow_up == due
    service.complete_follow_up(fid)
    detail = service.detail(cid)
    assert detail.next_follow_up is None and detail.follow_ups[0].done_at is not None
    with pytest.raises(CustomerError):
        service.add_follow_up(cid, "  ")
    assert service.set_level([cid, cid + 1], "koc") >= 1
    assert service.detail(cid).values["level"] == "koc"
    assert service.set_level([cid], "koc") == 0  # nothing to change
    assert service.assign_staff([cid], None) in (0, 1)
    assert service.detail(cid).values["owner_staff_id"] is None


def test_filters(demo_db) -> None:  # type: ignore[no-untyped-def]
    service = CustomerService(demo_db)
    assert service.filter_ids(CustomerFilter()) is None
    options = service.options()
    assert options.tags and options.channels and options.staff and options.tag_groups
    with demo_db.engine.connect() as conn:

        def count(sql: str, **p) -> int:  # type: ignore[no-untyped-def]
            return conn.execute(
                text(f"SELECT count(*) FROM customer WHERE deleted_at IS NULL AND {sql}"), p
            ).scalar()

        assert len(service.filter_ids(CustomerFilter(has_orders=True))) == count("order_count > 0")
        assert len(service.filter_ids(CustomerFilter(level="member"))) == count("level = 'member'")
        channel = options.channels[0]
        assert len(service.filter_ids(CustomerFilter(channel=channel))) == count(
            "source_channel = :c", c=channel
        )
        assert len(service.filter_ids(CustomerFilter(staff_id=0))) == count("owner_staff_id IS NULL")
        tag = options.tags[0]
        tagged = conn.execute(
            text("SELECT count(*) FROM customer_tag WHERE tag_id = :t"), {"t": tag.id}
        ).scalar()
        assert len(service.filter_ids(CustomerFilter(tag_id=tag.id))) == tagged
        day = dt.date(2026, 1, 1)
        assert len(service.filter_ids(CustomerFilter(added_from=day))) == count("added_on >= '2026-01-01'")
    both = service.filter_ids(CustomerFilter(has_orders=True, level="fan"))
    assert len(both) == 0  # demo fans have no orders


def test_create(db) -> None:  # type: ignore[no-untyped-def]
    service = CustomerService(db)
    cid = service.create({"name": "新客", "phone": "13800000000"})
    assert service.detail(cid).values["phone"] == "13800000000"
    with pytest.raises(CustomerError):
        service.create({"name": "另一个", "phone": "13800000000"})
    with pytest.raises(CustomerError):
        service.create({"name": ""})
