"""data_version 'orders': SQLite triggers count every insert, delete and change of an order's customer, time
or amount, so the dashboard's kept weeks (services.metrics.SalesCache) know at once when to read again; the
customer figures' counter also counts changes of first_order_at (an order moved in time can change it alone)

A trigger costs about 0.6 s per 1,000,000 orders written. PostgreSQL: nothing here (the dashboard checks a
fingerprint of the orders there: row security gives each member of staff their own view).

Note for later migrations: an Alembic batch operation on customer or orders rebuilds the table under SQLite and
drops its triggers; recreate them (tests/services/test_database.py checks they exist at head).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDERS = "UPDATE data_version SET n = n + 1 WHERE name = 'orders'"
FIGURES = "UPDATE data_version SET n = n + 1 WHERE name = 'customer_figures'"
ORDER_TRIGGERS = {
    "siyu_orders_insert": "AFTER INSERT ON orders",
    "siyu_orders_delete": "AFTER DELETE ON orders",
    "siyu_orders_update": "AFTER UPDATE OF customer_id, ordered_at, amount_cents ON orders",
}


def upgrade() -> None:
    op.execute("INSERT INTO data_version (name, n) VALUES ('orders', 0)")
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, when in ORDER_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {ORDERS}; END")
    op.execute("DROP TRIGGER siyu_figures_update")
    op.execute(
        "CREATE TRIGGER siyu_figures_update AFTER UPDATE OF order_count, total_spent_cents, first_order_at, "
        f"last_order_at, deleted_at ON customer BEGIN {FIGURES}; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ORDER_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TRIGGER siyu_figures_update")
        op.execute(
            "CREATE TRIGGER siyu_figures_update AFTER UPDATE OF order_count, total_spent_cents, last_order_at, "
            f"deleted_at ON customer BEGIN {FIGURES}; END"
        )
    op.execute("DELETE FROM data_version WHERE name = 'orders'")
