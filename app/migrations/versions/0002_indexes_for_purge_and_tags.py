"""Indexes: coupon.order_id (purging orders), coupon_control.customer_id, customer_tag(tag_id, created_at)

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_coupon_order_id", "coupon", ["order_id"])
    op.create_index("ix_coupon_control_customer", "coupon_control", ["customer_id"])
    op.create_index("ix_customer_tag_tag_created", "customer_tag", ["tag_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_customer_tag_tag_created", table_name="customer_tag")
    op.drop_index("ix_coupon_control_customer", table_name="coupon_control")
    op.drop_index("ix_coupon_order_id", table_name="coupon")
