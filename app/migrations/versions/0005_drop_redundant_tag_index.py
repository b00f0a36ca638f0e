"""Drop customer_tag(tag_id): customer_tag(tag_id, created_at) serves every query it served

Each index on customer_tag is kept up to date on every tag write, and an import of 100,000 customers writes
some 350,000 links: an index no query needs costs time there.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_customer_tag_tag_id", table_name="customer_tag")


def downgrade() -> None:
    op.create_index("ix_customer_tag_tag_id", "customer_tag", ["tag_id"])
