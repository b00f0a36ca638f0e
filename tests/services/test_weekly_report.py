"""The weekly report's figures: the JSON keys, the week before across a year boundary, masked phones."""

from __future__ import annotations

import datetime as dt
import re

from app.services.metrics import MetricsService
from app.services.weekly_report import weekly_report

W47 = dt.date(2026, 11, 16)
KEYS = ["week", "gmv", "orders", "buyers", "new_buyers", "returning_buyers", "gmv_new", "gmv_returning",
        "aov_new", "aov_returning", "repurchase_rate"]  # fmt: skip


def test_report_figures_are_the_metrics_services(demo_db) -> None:  # type: ignore[no-untyped-def]
    data = weekly_report(demo_db, W47, today=dt.date(2026, 11, 23))
    figures = data.figures_json()
    assert list(figures) == [*KEYS, "previous"] and list(figures["previous"]) == KEYS
    m = MetricsService(demo_db).week(W47)
    assert figures["week"] == "2026-W47" and figures["previous"]["week"] == "2026-W46"
    assert figures["gmv"] == round(m.gmv / 100, 2) and figures["orders"] == m.orders > 0
    assert round(figures["gmv_new"] + figures["gmv_returning"], 2) == figures["gmv"]
    assert figures["buyers"] == figures["new_buyers"] + figures["returning_buyers"]
    assert figures["repurchase_rate"] == round(m.returning_buyers / m.buyers, 6)
    assert data.groups and [g.grade for g in data.groups] == sorted(
        (g.grade for g in data.groups), key=["S", "A", "B", "C", "D", "dead", "no data"].index)
    assert len(data.classes) == 8 and sum(c.customers for c in data.classes) > 0
    assert len(data.trend) == 12 and data.trend[-1].gmv == m.gmv


def test_customers_in_the_report_have_masked_phones(demo_db) -> None:  # type: ignore[no-untyped-def]
    shown = []
    for weeks_back in range(0, 12):
        data = weekly_report(demo_db, W47 - dt.timedelta(weeks=weeks_back))
        shown += [c.phone for c in data.dormant]
        assert len(data.dormant) == min(data.dormant_count, 15)
    assert shown and all(re.fullmatch(r"1\d\d\*{4}\d{4}", p) for p in shown if p)


def test_an_empty_first_week_of_the_year(db) -> None:  # type: ignore[no-untyped-def]
    data = weekly_report(db, dt.date(2025, 12, 29))  # 2026-W01; its week before is 2025-W52
    figures = data.figures_json()
    assert figures["week"] == "2026-W01" and figures["previous"]["week"] == "2025-W52"
    assert figures["gmv"] == 0 and figures["aov_new"] is None and figures["repurchase_rate"] is None
    assert data.groups == [] and data.dormant == []
