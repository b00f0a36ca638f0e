"""RFM scores, the eight RFM classes, lifecycle stages and value tiers, for every customer as of a date.

Definitions (DOMAIN.md "RFM and other models", "Customers"; issue #4):

- ``recency_days``: the as-of date minus the date of the last order, in whole days; ``frequency``: the
  number of orders; ``monetary``: the sum of the order amounts (refunds reduce it and are not orders, as
  everywhere in Siyu: PRODUCT.md "Metric definitions"). Only orders up to the end of the as-of day count.
- R, F and M scores 1-5 by quintile over the customers who have ordered: a score is 1 plus the number of
  quintile edges strictly below the value (for R the value is minus the days, so a more recent order scores
  higher), so equal values always get equal scores. The edges (20/40/60/80 %) can be changed in Settings.
- A score is "high" when it is above the average score of its kind (or, as set in Settings, at least a
  fixed score); high/low R, F and M name one of eight classes.
- Lifecycle stage and value tier follow thresholds on the order count and the days since the last order.
- Customers without orders are prospects in the introduction stage, with no scores and no class.

Speed: the order aggregates are kept current on every customer row (``customer_stats``), so the usual as-of
date, today, needs one read of 100,000 customer rows, not a pass over a million orders. An as-of date before
the shop's newest order aggregates the orders up to that date instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RfmClass:
    key: str  # the standard Chinese name, also what exports write
    english: str
    r_high: bool
    f_high: bool
    m_high: bool
    action: str  # the suggested action (DOMAIN.md), translatable


# In DOMAIN.md's order; the index of each is (1 - M high) * 4 + (1 - R high) * 2 + (1 - F high).
RFM_CLASSES: tuple[RfmClass, ...] = (
    RfmClass("重要价值客户", "important value", True, True, True, QT_TRANSLATE_NOOP(
        "Segments", "Keep them special: VIP group, early access, one-to-one care.")),  # fmt: skip
    RfmClass("重要发展客户", "important to develop", True, False, True, QT_TRANSLATE_NOOP(
        "Segments", "Raise their frequency: member day, bundles, a second-item coupon.")),  # fmt: skip
    RfmClass("重要保持客户", "important to keep", False, True, True, QT_TRANSLATE_NOOP(
        "Segments", "Bring them back before they drift: one-to-one care, new arrivals.")),  # fmt: skip
    RfmClass("重要挽留客户", "important to win back", False, False, True, QT_TRANSLATE_NOOP(
        "Segments", "The strongest win-back: a personal message with a high-value coupon.")),  # fmt: skip
    RfmClass("一般价值客户", "general value", True, True, False, QT_TRANSLATE_NOOP(
        "Segments", "Upsell: bigger baskets, better products.")),  # fmt: skip
    RfmClass("一般发展客户", "general to develop", True, False, False, QT_TRANSLATE_NOOP(
        "Segments", "A second-purchase coupon.")),  # fmt: skip
    RfmClass("一般保持客户", "general to keep", False, True, False, QT_TRANSLATE_NOOP(
        "Segments", "Low-cost reminders in groups and moments.")),  # fmt: skip
    RfmClass("一般挽留客户", "general to win back", False, False, False, QT_TRANSLATE_NOOP(
        "Segments", "Low-cost mass reach only, or let them go.")),  # fmt: skip
)
CLASS_KEYS = tuple(c.key for c in RFM_CLASSES)

STAGES = ("introduction", "growth", "mature", "dormant", "churned")
STAGE_LABELS = {
    "introduction": QT_TRANSLATE_NOOP("Segments", "Introduction"),
    "growth": QT_TRANSLATE_NOOP("Segments", "Growth"),
    "mature": QT_TRANSLATE_NOOP("Segments", "Mature"),
    "dormant": QT_TRANSLATE_NOOP("Segments", "Dormant"),
    "churned": QT_TRANSLATE_NOOP("Segments", "Churned"),
}
TIERS = ("prospect", "buyer", "high-value", "dormant/churned")
TIER_LABELS = {
    "prospect": QT_TRANSLATE_NOOP("Segments", "Prospect"),
    "buyer": QT_TRANSLATE_NOOP("Segments", "Buyer"),
    "high-value": QT_TRANSLATE_NOOP("Segments", "High value"),
    "dormant/churned": QT_TRANSLATE_NOOP("Segments", "Dormant or churned"),
}

SETTINGS_KEY = "segments.model"


class SegmentationError(UserError):
    pass


@dataclass(frozen=True)
class ModelSettings:
    """The tunable parts of the model, kept in Settings under ``segments.model``."""

    edges: tuple[float, float, float, float] = (20.0, 40.0, 60.0, 80.0)  # quintile edges, percent
    high_rule: str = "mean"  # "mean": above the average score; "3", "4"...: at least that score
    growth_orders: int = 2  # from this many orders a customer is growing
    mature_orders: int = 4  # ... and mature
    high_value_orders: int = 5  # ... and of high value
    dormant_days: int = 90  # no order for more than this many days: dormant
    churned_days: int = 180  # ... churned

    def check(self) -> None:
        edges = list(self.edges)
        if len(edges) != 4 or any(not 0 < e < 100 for e in edges) or edges != sorted(set(edges)):
            raise SegmentationError(QT_TRANSLATE_NOOP(
                "Errors", "The quintile edges must be four rising percentages between 0 and 100."))  # fmt: skip
        if self.high_rule != "mean" and self.high_rule not in ("2", "3", "4", "5"):
            raise SegmentationError(QT_TRANSLATE_NOOP(
                "Errors", "A high score is either above the average or at least 2, 3, 4 or 5."))  # fmt: skip
        if not 1 <= self.growth_orders <= self.mature_orders:
            raise SegmentationError(QT_TRANSLATE_NOOP(
                "Errors", "Growth needs at least 1 order and no more orders than mature."))  # fmt: skip
        if self.high_value_orders < 1:
            raise SegmentationError(QT_TRANSLATE_NOOP("Errors", "High value needs at least 1 order."))
        if not 0 < self.dormant_days < self.churned_days:
            raise SegmentationError(QT_TRANSLATE_NOOP(
                "Errors", "Dormant must start after 0 days and before churned."))  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {"edges": list(self.edges), "high_rule": self.high_rule, "growth_orders": self.growth_orders,
                "mature_orders": self.mature_orders, "high_value_orders": self.high_value_orders,
                "dormant_days": self.dormant_days, "churned_days": self.churned_days}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ModelSettings:
        base = cls()
        if not data:
            return base
        try:
            made = cls(
                edges=tuple(float(e) for e in data.get("edges", base.edges)),  # type: ignore[arg-type]
                high_rule=str(data.get("high_rule", base.high_rule)),
                growth_orders=int(data.get("growth_orders", base.growth_orders)),
                mature_orders=int(data.get("mature_orders", base.mature_orders)),
                high_value_orders=int(data.get("high_value_orders", base.high_value_orders)),
                dormant_days=int(data.get("dormant_days", base.dormant_days)),
                churned_days=int(data.get("churned_days", base.churned_days)),
            )
            made.check()
        except (TypeError, ValueError, SegmentationError):
            return base  # a damaged setting falls back to the defaults rather than breaking the screen
        return made


@dataclass
class Scores:
    """One row per live customer (index: customer id), as of ``as_of``.

    Columns: recency_days (float, NaN without orders), frequency, monetary_cents, r_score, f_score, m_score
    (0 without orders), rfm_class (index into RFM_CLASSES, -1 without orders), lifecycle_stage (index into
    STAGES), value_tier (index into TIERS).
    """

    as_of: dt.date
    frame: pd.DataFrame
    settings: ModelSettings
    r_edges: np.ndarray = field(default_factory=lambda: np.zeros(0))
    f_edges: np.ndarray = field(default_factory=lambda: np.zeros(0))
    m_edges: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __len__(self) -> int:
        return len(self.frame)

    def class_summary(self) -> pd.DataFrame:
        """Per RFM class: customers, monetary, revenue share and average order value (cents)."""
        f = self.frame[self.frame["rfm_class"] >= 0]
        grouped = f.groupby("rfm_class").agg(
            customers=("frequency", "size"), monetary_cents=("monetary_cents", "sum"),
            orders=("frequency", "sum"))  # fmt: skip
        grouped = grouped.reindex(range(len(RFM_CLASSES)), fill_value=0)
        total = int(f["monetary_cents"].sum())
        grouped["revenue_share"] = grouped["monetary_cents"] / total if total else np.nan
        grouped["aov_cents"] = np.where(
            grouped["orders"] > 0, grouped["monetary_cents"] / grouped["orders"].where(grouped["orders"] > 0, 1), np.nan
        )
        grouped.index = pd.Index(CLASS_KEYS, name="rfm_class")
        return grouped

    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """R × F: customer counts and monetary (cents), ``[r - 1, f - 1]``."""
        f = self.frame[self.frame["rfm_class"] >= 0]
        counts = np.zeros((5, 5), dtype=np.int64)
        money = np.zeros((5, 5), dtype=np.int64)
        r = f["r_score"].to_numpy() - 1
        q = f["f_score"].to_numpy() - 1
        np.add.at(counts, (r, q), 1)
        np.add.at(money, (r, q), f["monetary_cents"].to_numpy())
        return counts, money

    def stage_counts(self) -> list[int]:
        counts = np.bincount(self.frame["lifecycle_stage"].to_numpy(), minlength=len(STAGES))
        return [int(c) for c in counts]

    def tier_counts(self) -> list[int]:
        counts = np.bincount(self.frame["value_tier"].to_numpy(), minlength=len(TIERS))
        return [int(c) for c in counts]


def load_settings(db: Database) -> ModelSettings:
    from app.services.settings import SettingsService

    return ModelSettings.from_json(SettingsService(db).get(SETTINGS_KEY))


def save_settings(db: Database, settings: ModelSettings) -> None:
    from app.services.settings import SettingsService

    settings.check()
    SettingsService(db).set(SETTINGS_KEY, settings.to_json())


class SegmentationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def compute(self, as_of: dt.date | None = None, settings: ModelSettings | None = None) -> Scores:
        as_of = as_of or dt.date.today()
        settings = settings or load_settings(self._db)
        ids, frequency, monetary, last = self._figures(as_of)
        return score(as_of, ids, frequency, monetary, last, settings)

    # -- reading ----------------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        conn = self._db.reader()
        cur = conn.cursor()
        try:
            if not self._db.location.is_sqlite:
                sql = sql.replace("?", "%s")
            cur.execute(sql, params)
            return cur.fetchall()
        finally:
            cur.close()

    def _figures(self, as_of: dt.date) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per live customer: ids, order count, money (cents) and the last order's date as of ``as_of``."""
        sqlite = self._db.location.is_sqlite
        # the last order's day as a number of days since 1970-01-01, computed by the database
        day = ("CAST(julianday(substr({col}, 1, 10)) - 2440587.5 AS INTEGER)" if sqlite
               else "(CAST({col} AS date) - DATE '1970-01-01')")  # fmt: skip
        limit = (as_of + dt.timedelta(days=1)).isoformat()
        newest = self._rows("SELECT max(ordered_at) FROM orders")[0][0]
        if newest is None or str(newest)[:19] < limit:
            # every order is on or before the as-of date: the figures kept on each customer are the answer
            if sqlite:
                return self._kept_figures(day.format(col="last_order_at"))
            rows = self._rows(
                "SELECT id, order_count, total_spent_cents, " + day.format(col="last_order_at") +
                " FROM customer WHERE deleted_at IS NULL ORDER BY id")  # fmt: skip
        else:
            rows = self._rows(
                "SELECT c.id, coalesce(s.n, 0), coalesce(s.m, 0), " + day.format(col="s.last") +
                " FROM customer c LEFT JOIN (SELECT customer_id, "
                "sum(CASE WHEN amount_cents > 0 THEN 1 ELSE 0 END) AS n, sum(amount_cents) AS m, "
                "max(CASE WHEN amount_cents > 0 THEN ordered_at END) AS last FROM orders "
                "WHERE ordered_at < ? GROUP BY customer_id) s ON s.customer_id = c.id "
                "WHERE c.deleted_at IS NULL ORDER BY c.id",
                (limit if sqlite else dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time()),),
            )  # fmt: skip
        if not rows:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, np.zeros(0)
        ids, frequency, monetary, last = zip(*rows, strict=True)
        return (
            np.asarray(ids, dtype=np.int64),
            np.asarray(frequency, dtype=np.int64),
            np.asarray(monetary, dtype=np.int64),
            np.array(last, dtype=float),  # None becomes NaN
        )


    def _kept_figures(self, day_sql: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every live customer's kept figures from the snapshot blob (migration 0008), made again from the
        customer table when the counter the triggers bump has moved since it was made."""
        version = self._rows("SELECT n FROM data_version WHERE name = 'customer_figures'")
        kept = self._rows("SELECT version, data FROM figures_snapshot WHERE name = 'customer_figures'")
        if version and kept and int(kept[0][0]) == int(version[0][0]):
            table = np.frombuffer(kept[0][1], dtype=np.int64).reshape(4, -1)
        else:
            # the counter is read before the rows: a change in between leaves the blob marked older than its
            # rows, and it is made again next time (never the other way round)
            rows = self._rows(
                "SELECT id, order_count, total_spent_cents, coalesce(" + day_sql + f", {_NO_DAY}) "
                "FROM customer WHERE deleted_at IS NULL ORDER BY id")  # fmt: skip
            table = np.array(rows, dtype=np.int64).T.copy() if rows else np.zeros((4, 0), dtype=np.int64)
            if version:
                self._keep(int(version[0][0]), table)
        last = table[3].astype(float)
        last[table[3] == _NO_DAY] = np.nan
        return table[0], table[1], table[2], last

    def _keep(self, version: int, table: np.ndarray) -> None:
        from sqlalchemy import text

        try:
            with self._db.engine.connect() as conn:
                # another writer (an import, another window) holds the file: keep the blob next time rather
                # than wait the connection's busy timeout on a read
                waited = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
                conn.exec_driver_sql("PRAGMA busy_timeout = 50")
                conn.commit()
                try:
                    conn.execute(text("INSERT OR REPLACE INTO figures_snapshot (name, version, data) "
                                      "VALUES ('customer_figures', :v, :d)"),
                                 {"v": version, "d": np.ascontiguousarray(table).tobytes()})  # fmt: skip
                    conn.commit()
                finally:
                    conn.rollback()
                    conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(waited or 0)}")
                    conn.commit()
        except Exception as exc:  # a read-only or busy file: the figures are right, only not kept
            log.info("customer figures not kept: %s", exc)


_NO_DAY = -(2**62)  # no order: a day number no date has


def _scores(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """1-5: one plus the number of quintile edges strictly below the value; equal values, equal scores."""
    return 1 + np.searchsorted(edges, values, side="left")


def score(
    as_of: dt.date,
    ids: np.ndarray,
    frequency: np.ndarray,
    monetary: np.ndarray,
    last: np.ndarray,
    settings: ModelSettings,
) -> Scores:
    """The model over per-customer figures; ``last`` is the last order's day as days since 1970-01-01 (NaN
    without orders), or datetime64 days."""
    n = len(ids)
    if np.issubdtype(np.asarray(last).dtype, np.datetime64):
        days = np.asarray(last, dtype="datetime64[D]")
        last = np.where(np.isnat(days), np.nan, days.astype(np.int64).astype(float))
    has = (frequency > 0) & ~np.isnan(last)
    recency = np.full(n, np.nan)
    recency[has] = (as_of - dt.date(1970, 1, 1)).days - last[has]
    r = np.zeros(n, dtype=np.int8)
    f = np.zeros(n, dtype=np.int8)
    m = np.zeros(n, dtype=np.int8)
    cls = np.full(n, -1, dtype=np.int8)
    quantiles = np.asarray(settings.edges, dtype=float) / 100.0
    r_edges = f_edges = m_edges = np.zeros(0)
    if has.any():
        # R scores "how recent": the negated days, so that R, F and M all score higher for a higher value
        rec, freq, mon = -recency[has], frequency[has].astype(float), monetary[has].astype(float)
        r_edges, f_edges, m_edges = (np.quantile(v, quantiles) for v in (rec, freq, mon))
        r[has] = _scores(rec, r_edges)
        f[has] = _scores(freq, f_edges)
        m[has] = _scores(mon, m_edges)
        highs = []
        for s in (r, f, m):
            scored = s[has].astype(float)
            if settings.high_rule == "mean":
                highs.append(scored > scored.mean())
            else:
                highs.append(scored >= int(settings.high_rule))
        r_high, f_high, m_high = (h.astype(np.int8) for h in highs)
        cls[has] = (1 - m_high) * 4 + (1 - r_high) * 2 + (1 - f_high)
    stage = np.zeros(n, dtype=np.int8)  # introduction
    stage[has & (frequency >= settings.growth_orders)] = STAGES.index("growth")
    stage[has & (frequency >= settings.mature_orders)] = STAGES.index("mature")
    with np.errstate(invalid="ignore"):
        dormant = has & (recency > settings.dormant_days)
        churned = has & (recency > settings.churned_days)
    stage[dormant] = STAGES.index("dormant")
    stage[churned] = STAGES.index("churned")
    tier = np.zeros(n, dtype=np.int8)  # prospect
    tier[has] = TIERS.index("buyer")
    tier[has & (frequency >= settings.high_value_orders)] = TIERS.index("high-value")
    tier[dormant] = TIERS.index("dormant/churned")
    frame = pd.DataFrame(
        {
            "recency_days": recency,
            "frequency": frequency,
            "monetary_cents": monetary,
            "r_score": r,
            "f_score": f,
            "m_score": m,
            "rfm_class": cls,
            "lifecycle_stage": stage,
            "value_tier": tier,
        },
        index=pd.Index(ids, name="id"),
    )
    return Scores(as_of, frame, settings, r_edges, f_edges, m_edges)


def export_frame(db: Database, scores: Scores) -> pd.DataFrame:
    """The ``siyu rfm`` table: a key (member code, else phone, else Siyu's id) and the model's columns."""
    conn = db.reader()
    cur = conn.cursor()
    try:
        cur.execute("SELECT id, member_code, phone FROM customer WHERE deleted_at IS NULL ORDER BY id")
        keys = {r[0]: (r[1] or r[2] or str(r[0])) for r in cur.fetchall()}
    finally:
        cur.close()
    f = scores.frame
    has = pd.Series(f["rfm_class"].to_numpy() >= 0)

    def maybe(column: str) -> pd.Series:
        values = pd.Series(f[column].to_numpy()).where(has)
        return values.round().astype("Int64")

    out = pd.DataFrame(
        {
            "key": [keys.get(int(i), str(int(i))) for i in f.index],
            "recency_days": maybe("recency_days"),
            "frequency": f["frequency"].to_numpy(),
            "monetary": f["monetary_cents"].to_numpy() / 100.0,
            "r_score": maybe("r_score"),
            "f_score": maybe("f_score"),
            "m_score": maybe("m_score"),
            "rfm_class": [CLASS_KEYS[c] if c >= 0 else "" for c in f["rfm_class"].to_numpy()],
            "lifecycle_stage": [STAGES[s] for s in f["lifecycle_stage"].to_numpy()],
            "value_tier": [TIERS[t] for t in f["value_tier"].to_numpy()],
        }
    )
    return out
