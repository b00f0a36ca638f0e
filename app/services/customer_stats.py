"""The order aggregates kept on each customer row (order count, total spent, first and last order).

The customer list sorts by these columns, so every path that writes orders (import, merge, purge) calls
``refresh_customer_stats`` inside its own transaction. The definitions (PRODUCT.md "Metric definitions"):

- ``order_count``: orders with a positive amount (a refund is not an order);
- ``total_spent_cents``: the sum of every amount, refunds included;
- ``first_order_at`` / ``last_order_at``: the earliest and latest positive order.

It is set-based and portable (SQLite and PostgreSQL): the orders are aggregated once with GROUP BY into a
temporary table, the customers whose stored figures differ are collected, and only those are updated with
correlated subqueries, so a refresh that changes nothing writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

_STATS = "siyu_tmp_order_stats"
_SCOPE = "siyu_tmp_stats_scope"
_CHANGED = "siyu_tmp_stats_changed"
_SCAN_ALL_ABOVE = 20_000

_AGGREGATE = f"""
INSERT INTO {_STATS} (customer_id, order_count, total_spent_cents, first_order_at, last_order_at)
SELECT o.customer_id + 0,
       sum(CASE WHEN o.amount_cents > 0 THEN 1 ELSE 0 END),
       sum(o.amount_cents),
       min(CASE WHEN o.amount_cents > 0 THEN o.ordered_at END),
       max(CASE WHEN o.amount_cents > 0 THEN o.ordered_at END)
FROM orders o
{{where}}
GROUP BY o.customer_id + 0
"""

# "customer_id + 0" keeps SQLite from walking the orders in customer order through the index (a table
# lookup per order, 2.4 s for 1,000,000 orders) rather than scanning the table once and grouping (1.0 s).

# A customer whose stored figures differ from the orders; (a IS NULL) <> (b IS NULL) OR a <> b is
# "a IS DISTINCT FROM b" in SQL that both SQLite and PostgreSQL understand.
_FIND_CHANGED = f"""
INSERT INTO {_CHANGED} (customer_id)
SELECT c.id
FROM customer c LEFT JOIN {_STATS} s ON s.customer_id = c.id
WHERE {{scope}}
  AND (c.order_count <> coalesce(s.order_count, 0)
       OR c.total_spent_cents <> coalesce(s.total_spent_cents, 0)
       OR (c.first_order_at IS NULL) <> (s.first_order_at IS NULL) OR c.first_order_at <> s.first_order_at
       OR (c.last_order_at IS NULL) <> (s.last_order_at IS NULL) OR c.last_order_at <> s.last_order_at)
"""

_UPDATE = f"""
UPDATE customer SET
    order_count = coalesce((SELECT s.order_count FROM {_STATS} s WHERE s.customer_id = customer.id), 0),
    total_spent_cents = coalesce(
        (SELECT s.total_spent_cents FROM {_STATS} s WHERE s.customer_id = customer.id), 0),
    first_order_at = (SELECT s.first_order_at FROM {_STATS} s WHERE s.customer_id = customer.id),
    last_order_at = (SELECT s.last_order_at FROM {_STATS} s WHERE s.customer_id = customer.id)
WHERE customer.id IN (SELECT customer_id FROM {_CHANGED})
"""


def refresh_customer_stats(conn: sa.Connection, customer_ids: Sequence[int] | None = None) -> int:
    """Recompute the order aggregates of the given customers (None: every customer) from the orders table.

    Runs inside the caller's transaction; returns how many customer rows changed. Customers in the recycle
    bin are refreshed too: their orders are still theirs.
    """
    ids: list[int] = []
    if customer_ids is not None:
        ids = sorted({int(i) for i in customer_ids})
        if not ids:
            return 0
    _drop_temp_tables(conn)
    conn.execute(
        sa.text(
            f"CREATE TEMPORARY TABLE {_STATS} (customer_id INTEGER PRIMARY KEY, order_count INTEGER NOT NULL, "
            "total_spent_cents BIGINT NOT NULL, first_order_at TIMESTAMP, last_order_at TIMESTAMP)"
        )
    )
    conn.execute(sa.text(f"CREATE TEMPORARY TABLE {_CHANGED} (customer_id INTEGER PRIMARY KEY)"))
    if customer_ids is None:
        conn.execute(sa.text(_AGGREGATE.format(where="")))
        conn.execute(sa.text(_FIND_CHANGED.format(scope="1 = 1")))
    else:
        conn.execute(sa.text(f"CREATE TEMPORARY TABLE {_SCOPE} (customer_id INTEGER PRIMARY KEY)"))
        conn.execute(sa.text(f"INSERT INTO {_SCOPE} (customer_id) VALUES (:id)"), [{"id": i} for i in ids])
        in_scope = f"IN (SELECT customer_id FROM {_SCOPE})"
        # Many customers: one pass over every order beats an index lookup per customer.
        where = "" if len(ids) > _SCAN_ALL_ABOVE else f"WHERE o.customer_id {in_scope}"
        conn.execute(sa.text(_AGGREGATE.format(where=where)))
        conn.execute(sa.text(_FIND_CHANGED.format(scope=f"c.id {in_scope}")))
    changed = int(conn.execute(sa.text(f"SELECT count(*) FROM {_CHANGED}")).scalar_one())
    if changed:
        conn.execute(sa.text(_UPDATE))
    # After an error the caller's transaction rolls back, and the temporary tables go with it.
    _drop_temp_tables(conn)
    return changed


def _drop_temp_tables(conn: sa.Connection) -> None:
    for name in (_STATS, _SCOPE, _CHANGED):
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {name}"))
