"""Codes an earlier version stored as a spreadsheet wrote them, "17850.0": imports now read such a cell as the
whole number (importer._identifier), so the stored ones are made the same, or the next import of the same file
would not find them and would add its customers and orders again. A code whose whole-number form is already
taken by another record is left as it is (both records stay; nothing is merged behind the owner's back).

Revision ID: 0010
Revises: 0009
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECIMAL = re.compile(r"(\d+)\.0+")
# table, code column, the columns that must stay unique together with it
CODES = (("customer", "member_code", ()), ("orders", "external_no", ("source",)), ("coupon", "code", ()))


def upgrade() -> None:
    conn = op.get_bind()
    for table, column, scope in CODES:
        keys = ", ".join((column, *scope))
        found: dict[int, tuple[str, tuple[object, ...]]] = {}  # id -> (whole number, scope)
        for row in conn.execute(sa.text(f"SELECT id, {keys} FROM {table} WHERE {column} LIKE '%.%0'")):
            match = DECIMAL.fullmatch(row[1])
            if match is not None:
                found[row[0]] = (match.group(1), tuple(row[2:]))
        if not found:
            continue
        wholes = sorted({whole for whole, _ in found.values()})
        taken: set[tuple[object, ...]] = set()
        for start in range(0, len(wholes), 500):
            part = wholes[start : start + 500]
            marks = ", ".join(f":w{i}" for i in range(len(part)))
            taken.update(tuple(r) for r in conn.execute(
                sa.text(f"SELECT {keys} FROM {table} WHERE {column} IN ({marks})"),
                {f"w{i}": w for i, w in enumerate(part)}))  # fmt: skip
        updates = []
        for id_, (whole, where) in sorted(found.items()):
            key = (whole, *where)
            if key not in taken:  # free: this record takes it (a second "1.00" beside "1.0" stays as it is)
                taken.add(key)
                updates.append({"whole": whole, "id": id_})
        if updates:
            conn.execute(sa.text(f"UPDATE {table} SET {column} = :whole WHERE id = :id"), updates)


def downgrade() -> None:
    pass  # the decimal form carried nothing the whole number does not
