"""Saved segments: rule sets evaluated over the segmentation scores and customer columns."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.services.segments import SegmentError, SegmentService, check_rules, empty_rules
from app.services.tags import TagService
from tests.services.test_segmentation import shop

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture
def people(db):  # type: ignore[no-untyped-def]
    ids = shop(db, {
        "常客": [("2026-11-20 10:00:00", 300), ("2026-11-10 10:00:00", 200), ("2026-10-01 10:00:00", 100)],
        "新客": [("2026-11-21 10:00:00", 50)],
        "老客": [("2025-01-01 10:00:00", 999)],
        "潜客": [],
    })  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET source_channel = '小红书', birthday = '1990-03-08', "
                          "added_on = '2026-01-05' WHERE id = :i"), {"i": ids["常客"]})  # fmt: skip
        conn.execute(text("UPDATE customer SET source_channel = '门店', added_on = '2026-11-01' WHERE id = :i"),
                     {"i": ids["新客"]})  # fmt: skip
    tags = TagService(db)
    group = tags.create_group("口味")
    sweet = tags.create_tag(group, "爱吃甜")
    salty = tags.create_tag(group, "爱吃咸")
    tags.add_tags([ids["常客"], ids["老客"]], [sweet])
    tags.add_tags([ids["常客"]], [salty])
    return ids, sweet, salty


def names(ids, found) -> set[str]:  # type: ignore[no-untyped-def]
    by_id = {v: k for k, v in ids.items()}
    return {by_id[int(i)] for i in found}


def test_conditions_and_groups_of_conditions(db, people) -> None:  # type: ignore[no-untyped-def]
    ids, sweet, salty = people
    ctx = SegmentService(db).context(AS_OF)
    assert names(ids, ctx.evaluate(empty_rules())) == {"常客", "新客", "老客", "潜客"}

    def match(*rules, how="all"):  # type: ignore[no-untyped-def]
        return names(ids, ctx.evaluate({"match": how, "rules": list(rules)}))

    assert match({"field": "tag", "op": "has_any", "value": [sweet]}) == {"常客", "老客"}
    assert match({"field": "tag", "op": "has_all", "value": [sweet, salty]}) == {"常客"}
    assert match({"field": "tag", "op": "has_none", "value": [sweet]}) == {"新客", "潜客"}
    assert match({"field": "order_count", "op": ">=", "value": 2}) == {"常客"}
    assert match({"field": "order_count", "op": "=", "value": 0}) == {"潜客"}
    assert match({"field": "spend", "op": "between", "value": [50, 600]}) == {"常客", "新客"}
    # customers without orders have no "days since the last order": they never match it
    assert match({"field": "days_since_last_order", "op": ">=", "value": 0}) == {"常客", "新客", "老客"}
    assert match({"field": "days_since_last_order", "op": "<=", "value": 1}) == {"新客"}
    assert match({"field": "value_tier", "op": "in", "value": ["prospect"]}) == {"潜客"}
    assert match({"field": "lifecycle_stage", "op": "in", "value": ["churned"]}) == {"老客"}
    assert match({"field": "channel", "op": "not_in", "value": ["小红书"]}) == {"新客", "老客", "潜客"}
    assert match({"field": "birthday_month", "op": "in", "value": [3]}) == {"常客"}
    assert match({"field": "added_on", "op": "between", "value": ["2026-10-01", None]}) == {"新客"}
    assert match({"field": "staff", "op": "in", "value": [0]}) == {"常客", "新客", "老客", "潜客"}
    # AND / OR, nested
    assert match({"field": "channel", "op": "in", "value": ["门店"]},
                 {"match": "all", "rules": [{"field": "tag", "op": "has_any", "value": [sweet]},
                                            {"field": "order_count", "op": "<=", "value": 1}]}, how="any") == {"新客", "老客"}  # fmt: skip
    assert ctx.count({"match": "any", "rules": []}) == 4


def test_saved_segments_are_named_checked_and_restorable(db, people) -> None:  # type: ignore[no-untyped-def]
    service = SegmentService(db)
    rules = {"match": "all", "rules": [{"field": "order_count", "op": ">=", "value": 2}]}
    sid = service.save(" 常客 ", rules)
    assert [(s.name, s.rules) for s in service.segments()] == [("常客", rules)]
    with pytest.raises(SegmentError, match="exists already"):
        service.save("常客", empty_rules())
    with pytest.raises(SegmentError, match="name"):
        service.save("  ", empty_rules())
    with pytest.raises(SegmentError, match="damaged"):
        service.save("坏", {"match": "all", "rules": [{"field": "nope", "op": "=", "value": 1}]})
    service.save("常客2", {"match": "any", "rules": []}, segment_id=sid)
    deleted = service.delete(sid)
    assert deleted is not None and service.segments() == []
    service.save(deleted.name, deleted.rules)  # undo
    assert [s.name for s in service.segments()] == ["常客2"]


def test_rule_checks() -> None:
    check_rules(empty_rules())
    for bad in (None, {"match": "some", "rules": []}, {"match": "all", "rules": [{"field": "tag", "op": ">=", "value": 1}]},
                {"match": "all", "rules": [{"field": "spend", "op": "between", "value": 5}]}):  # fmt: skip
        with pytest.raises(SegmentError):
            check_rules(bad)
