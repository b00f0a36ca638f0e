"""PostgreSQL: notify 'siyu_changes' (payload: the table) after any write, so other computers refresh

Revision ID: 0003
Revises: 0002

Statement-level triggers: one notification per statement however many rows it wrote, and PostgreSQL folds
identical notifications of one transaction into one. SQLite (one computer) needs nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "staff", "customer", "customer_field", "follow_up", "tag_group", "tag", "customer_tag", "orders",
    "community_group", "group_membership", "group_daily_stat", "activity", "coupon_campaign", "coupon",
    "coupon_control", "content_item", "sop_template", "segment", "setting",
)  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION siyu_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN PERFORM pg_notify('siyu_changes', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER siyu_notify_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION siyu_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS siyu_notify_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS siyu_notify_change()")
