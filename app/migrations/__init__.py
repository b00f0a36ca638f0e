"""Alembic migrations. Every schema change is a new revision here; ``REVISIONS`` lists them oldest first.

Start-up compares the database's revision with ``HEAD`` through plain sqlite3, so that a current database
opens without importing Alembic; a test keeps this list equal to Alembic's own history.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012")
HEAD = REVISIONS[-1]
