"""The RFM, lifecycle and value-tier definitions of issue #4, pinned on hand-made data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import text

from app.services.customer_stats import refresh_customer_stats
from app.services.segmentation import (
    CLASS_KEYS,
    STAGES,
    TIERS,
    ModelSettings,
    SegmentationError,
    SegmentationService,
    export_frame,
    load_settings,
    save_settings,
    score,
)

AS_OF = dt.date(2026, 11, 22)


def shop(db, orders: dict[str, list[tuple[str, float]]]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Customers by name with their orders (time, amount in yuan); returns ids by name."""
    ids = {}
    with db.engine.begin() as conn:
        for i, (name, rows) in enumerate(orders.items(), start=1):
            cid = conn.execute(
                text("INSERT INTO customer (name, phone) VALUES (:n, :p) RETURNING id"),
                {"n": name, "p": f"1370000{i:04d}"},
            ).scalar_one()
            ids[name] = cid
            for k, (when, amount) in enumerate(rows):
                conn.execute(
                    text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                         "VALUES (:c, :t, :a, 'test', :no)"),
                    {"c": cid, "t": dt.datetime.fromisoformat(when), "a": round(amount * 100), "no": f"{name}-{k}"},
                )  # fmt: skip
        refresh_customer_stats(conn)
    return ids


def row(scores, cid: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    r = scores.frame.loc[cid]
    return {
        "recency": None if np.isnan(r["recency_days"]) else int(r["recency_days"]),
        "frequency": int(r["frequency"]),
        "monetary": int(r["monetary_cents"]),
        "scores": (int(r["r_score"]), int(r["f_score"]), int(r["m_score"])),
        "class": CLASS_KEYS[int(r["rfm_class"])] if r["rfm_class"] >= 0 else None,
        "stage": STAGES[int(r["lifecycle_stage"])],
        "tier": TIERS[int(r["value_tier"])],
    }


def test_recency_frequency_monetary_and_prospects(db) -> None:  # type: ignore[no-untyped-def]
    ids = shop(db, {
        "一单": [("2026-11-20 15:00:00", 88)],
        "同日三单": [("2026-11-01 09:00:00", 10), ("2026-11-01 12:00:00", 20), ("2026-11-01 23:59:59", 30)],
        "含退款": [("2026-10-01 10:00:00", 100), ("2026-10-05 10:00:00", -40)],
        "没下单": [],
        "当天": [("2026-11-22 23:30:00", 5)],
    })  # fmt: skip
    scores = SegmentationService(db).compute(AS_OF)
    assert len(scores) == 5
    one = row(scores, ids["一单"])
    assert (one["recency"], one["frequency"], one["monetary"]) == (2, 1, 8800)
    same_day = row(scores, ids["同日三单"])
    assert (same_day["recency"], same_day["frequency"], same_day["monetary"]) == (21, 3, 6000)
    # a refund reduces the money and is not an order; the last order is the last purchase
    refund = row(scores, ids["含退款"])
    assert (refund["recency"], refund["frequency"], refund["monetary"]) == (52, 1, 6000)
    assert row(scores, ids["当天"])["recency"] == 0  # an order late on the as-of day counts, 0 days ago
    nobody = row(scores, ids["没下单"])
    assert nobody == {"recency": None, "frequency": 0, "monetary": 0, "scores": (0, 0, 0), "class": None,
                      "stage": "introduction", "tier": "prospect"}  # fmt: skip


def test_as_of_before_some_orders_counts_only_the_orders_until_then(db) -> None:  # type: ignore[no-untyped-def]
    ids = shop(db, {
        "老客": [("2026-01-10 10:00:00", 50), ("2026-03-01 10:00:00", 70), ("2026-11-20 10:00:00", 99)],
        "后来": [("2026-06-01 10:00:00", 30)],
    })  # fmt: skip
    scores = SegmentationService(db).compute(dt.date(2026, 3, 1))
    old = row(scores, ids["老客"])
    assert (old["recency"], old["frequency"], old["monetary"]) == (0, 2, 12000)
    later = row(scores, ids["后来"])
    assert (later["frequency"], later["class"], later["tier"]) == (0, None, "prospect")


def test_equal_values_get_equal_scores_and_scores_follow_quintiles() -> None:
    # ten customers with 1..10 orders, the same day and money each: F follows the quintiles
    n = 10
    ids = np.arange(1, n + 1)
    freq = np.arange(1, n + 1)
    last = np.full(n, np.datetime64("2026-11-01"))
    money = np.full(n, 1000)
    s = score(AS_OF, ids, freq, money, last, ModelSettings())
    f = s.frame["f_score"].tolist()
    assert f == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert s.frame["r_score"].nunique() == 1 and s.frame["m_score"].nunique() == 1  # ties: one score
    # ties across a quintile edge: most customers ordered once; all of them share the lowest score
    freq = np.array([1, 1, 1, 1, 1, 1, 1, 2, 3, 9])
    s = score(AS_OF, ids, freq, money, last, ModelSettings())
    f = s.frame["f_score"].to_numpy()
    assert len(set(f[:7])) == 1 and f[0] < f[7] <= f[8] <= f[9] == 5
    # more recent scores higher R
    last = np.array([f"2026-11-{d:02d}" for d in range(1, 11)], dtype="datetime64[D]")
    s = score(AS_OF, ids, np.ones(n, dtype=int), money, last, ModelSettings())
    assert s.frame["r_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_eight_classes_by_high_and_low_against_the_average_score() -> None:
    # two customers: one recent, frequent and big; one old, rare and small
    ids = np.array([1, 2])
    s = score(AS_OF, ids, np.array([9, 1]), np.array([90000, 100]),
              np.array(["2026-11-21", "2025-01-01"], dtype="datetime64[D]"), ModelSettings())  # fmt: skip
    assert [CLASS_KEYS[c] for c in s.frame["rfm_class"]] == ["重要价值客户", "一般挽留客户"]
    # every combination: R, F and M each high for exactly one customer of a pair
    ids = np.arange(1, 9)
    combos = [(r, f, m) for m in (1, 0) for r in (1, 0) for f in (1, 0)]
    freq = np.array([5 if f else 1 for _r, f, _m in combos])
    money = np.array([50000 if m else 100 for _r, _f, m in combos])
    last = np.array(["2026-11-20" if r else "2025-06-01" for r, _f, _m in combos], dtype="datetime64[D]")
    s = score(AS_OF, ids, freq, money, last, ModelSettings())
    assert [CLASS_KEYS[c] for c in s.frame["rfm_class"]] == list(CLASS_KEYS)
    # half the customers tie at each value: the high half scores 3 (two edges below it), the low half 1
    assert sorted(set(s.frame["f_score"])) == [1, 3]
    s = score(AS_OF, ids, freq, money, last, ModelSettings(high_rule="3"))  # "at least 3" instead of the average
    assert [CLASS_KEYS[c] for c in s.frame["rfm_class"]] == list(CLASS_KEYS)
    s = score(AS_OF, ids, freq, money, last, ModelSettings(high_rule="4"))  # nobody reaches 4
    assert set(s.frame["rfm_class"]) == {CLASS_KEYS.index("一般挽留客户")}


def test_lifecycle_stages_and_value_tiers_follow_the_thresholds() -> None:
    settings = ModelSettings(growth_orders=2, mature_orders=4, high_value_orders=5, dormant_days=90, churned_days=180)
    ids = np.arange(1, 8)
    freq = np.array([0, 1, 2, 4, 5, 5, 5])
    last = np.array(["NaT", "2026-11-20", "2026-11-20", "2026-11-20", "2026-11-20", "2026-08-24", "2026-05-25"],
                    dtype="datetime64[D]")  # fmt: skip
    # 2026-08-24 is exactly 90 days before: still active; 2026-05-25 is 181 days: churned
    s = score(AS_OF, ids, freq, np.full(7, 1000), last, settings)
    assert [STAGES[i] for i in s.frame["lifecycle_stage"]] == [
        "introduction", "introduction", "growth", "mature", "mature", "mature", "churned"]  # fmt: skip
    assert [TIERS[i] for i in s.frame["value_tier"]] == [
        "prospect", "buyer", "buyer", "buyer", "high-value", "high-value", "dormant/churned"]  # fmt: skip
    last[5] = np.datetime64("2026-08-23")  # 91 days: dormant
    s = score(AS_OF, ids, freq, np.full(7, 1000), last, settings)
    assert STAGES[s.frame["lifecycle_stage"].iloc[5]] == "dormant"
    assert TIERS[s.frame["value_tier"].iloc[5]] == "dormant/churned"


def test_settings_are_checked_and_kept(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SegmentationError):
        ModelSettings(edges=(40, 20, 60, 80)).check()
    with pytest.raises(SegmentationError):
        ModelSettings(dormant_days=200, churned_days=100).check()
    assert load_settings(db) == ModelSettings()
    changed = ModelSettings(edges=(10, 30, 50, 70), high_rule="4", dormant_days=60)
    save_settings(db, changed)
    assert load_settings(db) == changed


def test_the_export_table_has_a_key_and_every_column(db) -> None:  # type: ignore[no-untyped-def]
    ids = shop(db, {"甲": [("2026-11-20 10:00:00", 10)], "乙": []})
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET member_code = 'M1' WHERE id = :i"), {"i": ids["甲"]})
    table = export_frame(db, SegmentationService(db).compute(AS_OF))
    assert list(table.columns) == ["key", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score",
                                   "rfm_class", "lifecycle_stage", "value_tier"]  # fmt: skip
    first, second = table.to_dict("records")
    assert first["key"] == "M1" and first["recency_days"] == 2 and first["monetary"] == 10.0
    assert second["key"] == "13700000002" and second["rfm_class"] == "" and second["value_tier"] == "prospect"


def test_kept_figures_follow_every_change(demo_db) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd
    from sqlalchemy import text

    from app.services.customer_stats import refresh_customer_stats

    service = SegmentationService(demo_db)
    as_of = dt.date(2026, 11, 28)

    def rebuilt() -> pd.DataFrame:  # the figures read from the customer table, no blob
        with demo_db.engine.begin() as conn:
            conn.execute(text("DELETE FROM figures_snapshot"))
        return service.compute(as_of).frame

    def same() -> None:
        pd.testing.assert_frame_equal(service.compute(as_of).frame, rebuilt())

    first = service.compute(as_of).frame
    if demo_db.location.is_sqlite:
        with demo_db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM figures_snapshot")).scalar_one() == 1
    pd.testing.assert_frame_equal(service.compute(as_of).frame, first)  # read back from the blob
    with demo_db.engine.begin() as conn:  # a new order
        conn.execute(text("INSERT INTO orders (customer_id, ordered_at, amount_cents, source, external_no) "
                          "VALUES (5, '2026-11-25 10:00:00', 99900, 'test', 'SNAP1')"))  # fmt: skip
        refresh_customer_stats(conn, [5])
    assert service.compute(as_of).frame.loc[5, "monetary_cents"] == first.loc[5, "monetary_cents"] + 99900
    same()
    with demo_db.engine.begin() as conn:  # to the recycle bin
        conn.execute(text("UPDATE customer SET deleted_at = '2026-11-27 09:00:00' WHERE id = 6"))
    assert 6 not in service.compute(as_of).frame.index
    same()
    with demo_db.engine.begin() as conn:  # a new customer; a purge
        conn.execute(text("INSERT INTO customer (name) VALUES ('新来的')"))
        conn.execute(text("DELETE FROM customer WHERE id = 7"))
    frame = service.compute(as_of).frame
    assert len(frame) == len(first) - 1 and 7 not in frame.index
    same()


def test_a_busy_file_gives_the_figures_without_keeping_them(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    import pytest
    from sqlalchemy import text

    if not demo_db.location.is_sqlite:
        pytest.skip("the blob is SQLite's")
    service = SegmentationService(demo_db)
    expected = service.compute(dt.date(2026, 11, 28)).frame
    with demo_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM figures_snapshot"))
    other = sqlite3.connect(demo_db.location.sqlite_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another window's import holds the write lock
    try:
        found = service.compute(dt.date(2026, 11, 28)).frame
    finally:
        other.rollback()
        other.close()
    assert found.equals(expected)
    with demo_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM figures_snapshot")).scalar_one() == 0
    service.compute(dt.date(2026, 11, 28))  # the file is free again: kept this time
    with demo_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM figures_snapshot")).scalar_one() == 1
