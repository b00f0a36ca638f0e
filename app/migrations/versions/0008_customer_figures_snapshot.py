"""customer figures snapshot: every live customer's order count, money and last order day as one blob, kept
valid by a counter that triggers bump on any change to those figures (SQLite)

The segmentation reads 100,000 customers' figures in 10 ms from the blob instead of 150-250 ms row by row.
Any insert or delete of a customer, or an update of order_count, total_spent_cents, last_order_at or
deleted_at, bumps data_version 'customer_figures'; the blob carries the counter it was made at and is made
again when they differ. On PostgreSQL the tables exist but stay unused: staff see only their own customers
there (row security), which one shared blob cannot honour.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUMP = "UPDATE data_version SET n = n + 1 WHERE name = 'customer_figures'"
TRIGGERS = {
    "siyu_figures_insert": "AFTER INSERT ON customer",
    "siyu_figures_delete": "AFTER DELETE ON customer",
    "siyu_figures_update": "AFTER UPDATE OF order_count, total_spent_cents, last_order_at, deleted_at ON customer",
}


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("n", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_version")),
    )
    op.create_table(
        "figures_snapshot",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_figures_snapshot")),
    )
    op.execute("INSERT INTO data_version (name, n) VALUES ('customer_figures', 0)")
    if op.get_bind().dialect.name == "sqlite":
        for name, when in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN {BUMP}; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("figures_snapshot")
    op.drop_table("data_version")
