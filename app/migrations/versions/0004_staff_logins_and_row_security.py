"""Staff logins; on PostgreSQL, the roles and row-level security that make each member see their own

Revision ID: 0004
Revises: 0003

A member of staff signs in as their own PostgreSQL login role, a member of ``siyu_staff`` or
``siyu_owner``. Row-level security lets staff read and change their own customers and those assigned to no
one, with those customers' orders, tags, fields, follow-ups, coupons and group memberships, and the groups
they own. The owner role (and the database owner who runs the migrations) sees everything.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CUSTOMER_CHILDREN = ("orders", "customer_tag", "customer_field", "follow_up", "group_membership")


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("login", sa.String(length=63), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_staff_login"), ["login"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siyu_staff') THEN CREATE ROLE siyu_staff NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siyu_owner') THEN CREATE ROLE siyu_owner NOLOGIN; END IF;
        END $$""")
    op.execute("GRANT USAGE ON SCHEMA public TO siyu_staff, siyu_owner")
    op.execute(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO siyu_staff, siyu_owner"
    )
    op.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO siyu_staff, siyu_owner")
    op.execute("REVOKE INSERT, UPDATE, DELETE ON staff, alembic_version FROM siyu_staff")
    op.execute("REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM siyu_owner")
    op.execute("""
        CREATE OR REPLACE FUNCTION siyu_current_staff() RETURNS integer LANGUAGE sql STABLE AS
        $$ SELECT id FROM staff WHERE login = current_user $$""")
    op.execute("""
        CREATE OR REPLACE FUNCTION siyu_is_owner() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT pg_has_role(current_user, 'siyu_owner', 'MEMBER')
                  OR current_user = (SELECT pg_get_userbyid(datdba) FROM pg_database
                                     WHERE datname = current_database()) $$""")
    mine = "siyu_is_owner() OR owner_staff_id IS NULL OR owner_staff_id = siyu_current_staff()"
    for table in ("customer", "community_group"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY siyu_own ON {table} USING ({mine}) WITH CHECK ({mine})")
    # a child row is visible when its customer is (the subquery on customer is itself filtered)
    for table in CUSTOMER_CHILDREN:
        visible = "EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id)"
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY siyu_own ON {table} USING ({visible}) WITH CHECK ({visible})")
    visible = "customer_id IS NULL OR EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id)"
    for table in ("coupon", "coupon_control"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY siyu_own ON {table} USING ({visible}) WITH CHECK ({visible})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("customer", "community_group", *CUSTOMER_CHILDREN, "coupon", "coupon_control"):
            op.execute(f"DROP POLICY IF EXISTS siyu_own ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP FUNCTION IF EXISTS siyu_is_owner()")
        op.execute("DROP FUNCTION IF EXISTS siyu_current_staff()")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_staff_login"), type_="unique")
        batch_op.drop_column("login")
