"""Reminders: the calendar rules, each query on hand-made rows, and the demo shop against plain SQL."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import insert

from app.models.schema import ContentItem, Coupon, CouponCampaign, Customer, FollowUp
from app.services import reminders
from app.services.reminders import (
    BIRTHDAY,
    COUPON_EXPIRING,
    FOLLOW_UP,
    SOP_DUE,
    lunar_birthdays_on,
    solar_birthdays_on,
)

TODAY = dt.date(2026, 11, 22)  # lunar 2026-10-14
NOW = dt.datetime(2026, 11, 22, 10, 0)


def _uniform(rows: list[dict], **defaults: object) -> list[dict]:
    """An executemany takes its columns from the first row: give every row every key."""
    keys = set(defaults).union(*rows)
    return [{k: row.get(k, defaults.get(k)) for k in keys} for row in rows]


def _customers(db, *rows: dict) -> None:  # type: ignore[no-untyped-def]
    named = [{"name": f"c{r['id']}", **r} for r in rows]
    with db.engine.begin() as conn:
        conn.execute(insert(Customer.__table__), _uniform(named, birthday_lunar=False))


def test_solar_rules() -> None:
    assert solar_birthdays_on(dt.date(2026, 3, 5)) == {(3, 5)}
    assert solar_birthdays_on(dt.date(2027, 2, 28)) == {(2, 28), (2, 29)}  # not a leap year
    assert solar_birthdays_on(dt.date(2028, 2, 28)) == {(2, 28)}
    assert solar_birthdays_on(dt.date(2028, 2, 29)) == {(2, 29)}


def test_lunar_rules() -> None:
    assert lunar_birthdays_on(dt.date(2026, 2, 17)) == {(1, 1)}  # Spring Festival 2026
    assert lunar_birthdays_on(TODAY) == {(10, 14)}
    # the 12th month of lunar 2025 has 29 days: the 30th's birthday falls on its last day
    assert lunar_birthdays_on(dt.date(2026, 2, 16)) == {(12, 29), (12, 30)}
    assert lunar_birthdays_on(dt.date(2025, 7, 25)) == set()  # a leap sixth month
    assert lunar_birthdays_on(dt.date(2200, 6, 1)) == set()  # beyond the lunar table


def test_birthdays_solar_and_lunar(db) -> None:  # type: ignore[no-untyped-def]
    _customers(
        db,
        {"id": 1, "birthday": dt.date(1990, 11, 22)},
        {"id": 2, "birthday": dt.date(1990, 11, 23)},
        {"id": 3, "birthday": dt.date(1960, 10, 14), "birthday_lunar": True},  # lunar 10-14 = today
        {"id": 4, "birthday": dt.date(1960, 11, 22), "birthday_lunar": True},  # lunar 11-22: not today
        {"id": 5, "birthday": dt.date(1990, 11, 22), "deleted_at": dt.datetime(2026, 1, 1)},
        {"id": 6, "name": "", "remark_name": "王姐", "birthday": dt.date(1985, 11, 22)},
        {"id": 7},
    )
    found = reminders.birthdays(db, TODAY)
    assert found is not None and found.kind == BIRTHDAY
    assert found.customer_ids == (1, 3, 6)
    assert found.names == ("c1", "c3", "王姐")
    assert found.count == 3
    assert reminders.birthdays(db, dt.date(2026, 11, 24)) is None


def test_follow_ups_due(db) -> None:  # type: ignore[no-untyped-def]
    _customers(
        db,
        {"id": 1},
        {"id": 2},
        {"id": 3, "next_follow_up": TODAY},
        {"id": 4, "next_follow_up": TODAY + dt.timedelta(days=1)},
        {"id": 5, "next_follow_up": TODAY - dt.timedelta(days=2)},
        {"id": 6, "deleted_at": dt.datetime(2026, 1, 1), "next_follow_up": TODAY},
    )
    with db.engine.begin() as conn:
        conn.execute(
            insert(FollowUp.__table__),
            _uniform(
                [
                    {"customer_id": 1, "due_on": TODAY, "done_at": None},
                    {
                        "customer_id": 1,
                        "due_on": TODAY - dt.timedelta(days=3),
                        "done_at": None,
                    },  # same customer
                    {"customer_id": 2, "due_on": TODAY, "done_at": dt.datetime(2026, 11, 22, 9)},  # done
                    {"customer_id": 4, "due_on": TODAY + dt.timedelta(days=1), "done_at": None},  # not yet
                    {"customer_id": 6, "due_on": TODAY, "done_at": None},  # in the recycle bin
                ]
            ),
        )
    found = reminders.follow_ups_due(db, TODAY)
    assert found is not None and found.kind == FOLLOW_UP
    assert found.customer_ids == (1, 3, 5)
    assert found.count == 3


def test_coupons_expiring_tomorrow(db) -> None:  # type: ignore[no-untyped-def]
    _customers(db, {"id": 1}, {"id": 2}, {"id": 3})
    tomorrow = TODAY + dt.timedelta(days=1)
    issued = dt.datetime(2026, 11, 1, 10)
    with db.engine.begin() as conn:
        conn.execute(insert(CouponCampaign.__table__), [{"id": 1, "name": "满100减20", "kind": "threshold"}])
        conn.execute(
            insert(Coupon.__table__),
            _uniform(
                [
                    {
                        "campaign_id": 1,
                        "customer_id": 1,
                        "code": "A1",
                        "issued_at": issued,
                        "valid_until": tomorrow,
                    },
                    {
                        "campaign_id": 1,
                        "customer_id": 1,
                        "code": "A2",
                        "issued_at": issued,
                        "valid_until": tomorrow,
                    },
                    {
                        "campaign_id": 1,
                        "customer_id": 2,
                        "code": "B1",
                        "issued_at": issued,
                        "valid_until": TODAY,
                    },
                    {
                        "campaign_id": 1,
                        "customer_id": 3,
                        "code": "C1",
                        "issued_at": issued,
                        "valid_until": tomorrow,
                        "redeemed_at": dt.datetime(2026, 11, 20, 12),
                    },
                    {
                        "campaign_id": 1,
                        "customer_id": None,
                        "code": "D1",
                        "issued_at": issued,
                        "valid_until": tomorrow,
                    },
                ]
            ),
        )
    found = reminders.coupons_expiring(db, TODAY)
    assert found is not None and found.kind == COUPON_EXPIRING
    assert found.count == 2  # coupons
    assert found.customer_ids == (1,)


def test_sop_items_within_the_hour(db) -> None:  # type: ignore[no-untyped-def]
    rows = [
        (1, NOW, "planned"),  # now counts
        (2, NOW + dt.timedelta(minutes=59), "planned"),
        (3, NOW + dt.timedelta(minutes=60), "planned"),  # an hour from now: not within
        (4, NOW - dt.timedelta(seconds=30), "planned"),  # just passed
        (5, NOW + dt.timedelta(minutes=10), "done"),
        (6, NOW + dt.timedelta(minutes=20), "skipped"),
    ]
    with db.engine.begin() as conn:
        conn.execute(
            insert(ContentItem.__table__),
            [
                {"id": i, "scheduled_at": at, "channel": "group", "title": f"t{i}", "status": s}
                for i, at, s in rows
            ],
        )
    found = reminders.sop_items_due(db, NOW)
    assert found is not None and found.kind == SOP_DUE
    assert [i.id for i in found.items] == [1, 2]
    assert found.count == 2 and found.items[1].scheduled_at == NOW + dt.timedelta(minutes=59)
    assert reminders.sop_items_due(db, NOW + dt.timedelta(hours=3)) is None


def test_nothing_to_remind_in_an_empty_shop(db) -> None:  # type: ignore[no-untyped-def]
    assert reminders.all_reminders(db, NOW) == []


@pytest.mark.sqlite_only
def test_demo_shop_matches_plain_sql(demo_db) -> None:  # type: ignore[no-untyped-def]
    found = {r.kind: r for r in reminders.all_reminders(demo_db, NOW)}
    conn = sqlite3.connect(demo_db.location.sqlite_path)
    try:
        live = "deleted_at IS NULL"
        solar = conn.execute(
            f"SELECT id FROM customer WHERE {live} AND birthday_lunar = 0 AND substr(birthday, 6, 5) = '11-22'"
        ).fetchall()
        lunar = conn.execute(
            f"SELECT id FROM customer WHERE {live} AND birthday_lunar = 1 AND substr(birthday, 6, 5) = '10-14'"
        ).fetchall()
        follow = conn.execute(
            f"SELECT id FROM customer WHERE {live} AND (next_follow_up <= '2026-11-22' OR id IN "
            "(SELECT customer_id FROM follow_up WHERE due_on <= '2026-11-22' AND done_at IS NULL))"
        ).fetchall()
        coupons = conn.execute(
            "SELECT count(*) FROM coupon k JOIN customer c ON c.id = k.customer_id "
            "WHERE k.valid_until = '2026-11-23' AND k.redeemed_at IS NULL AND c.deleted_at IS NULL"
        ).fetchone()[0]
    finally:
        conn.close()
    expected_birthdays = sorted(r[0] for r in solar + lunar)
    assert expected_birthdays, "the demo shop has birthdays on 2026-11-22"
    assert list(found[BIRTHDAY].customer_ids) == expected_birthdays
    assert len(found[BIRTHDAY].names) == min(len(expected_birthdays), reminders.NAMES_KEPT)
    assert list(found[FOLLOW_UP].customer_ids) == sorted(r[0] for r in follow)
    if coupons:
        assert found[COUPON_EXPIRING].count == coupons
    else:
        assert COUPON_EXPIRING not in found
