"""customer: the indexes on the next follow-up date, the referrer and the last order's time cover only the
customers who have one

Every query that reads them asks for a date (the reminders: next_follow_up <= today; a journey step: the
last order in a week) or a referrer (the week's referrals; the foreign key's own lookup when a customer is
deleted), and such a condition implies IS NOT NULL, so SQLite's and PostgreSQL's planners use the partial
index. The list's sort by last order puts empty ones last with an expression no index serves. Many customers
have none of the three: the indexes shrink, and an import of customers (who have no orders yet) keeps them up
to date as rows come, testing the condition, instead of building them again over the whole table afterwards
(bulk.indexes_rebuilt_after).

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("next_follow_up", "referrer_id", "last_order_at")


def upgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_customer_{column}", table_name="customer")
        op.create_index(
            f"ix_customer_{column}",
            "customer",
            [column],
            sqlite_where=sa.text(f"{column} IS NOT NULL"),
            postgresql_where=sa.text(f"{column} IS NOT NULL"),
        )


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_customer_{column}", table_name="customer")
        op.create_index(f"ix_customer_{column}", "customer", [column])
