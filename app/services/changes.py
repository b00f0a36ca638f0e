"""Changes made by other computers on a shared PostgreSQL shop: LISTEN to what the triggers of migration
0003 announce. Plain Python: the view layer runs ``wait`` in a thread and refreshes what changed."""

from __future__ import annotations

import logging
from typing import Any

from app.services.database import DatabaseLocation

log = logging.getLogger(__name__)
CHANNEL = "siyu_changes"


class ChangeListener:
    """A dedicated connection that listens for changes; ``wait`` returns the tables written since."""

    def __init__(self, location: DatabaseLocation) -> None:
        self.location = location
        self._conn: Any = None

    @property
    def supported(self) -> bool:
        return not self.location.is_sqlite

    def _connect(self) -> Any:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.location.url).set(drivername="postgresql")
        conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def wait(self, timeout: float = 1.0) -> set[str]:
        """Tables changed by anyone (this process included) within ``timeout`` seconds; empty if none."""
        if not self.supported:
            return set()
        if self._conn is None or self._conn.closed:
            self._conn = self._connect()
        tables: set[str] = set()
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            tables.add(note.payload)
        # whatever else arrived together
        for note in self._conn.notifies(timeout=0.05):
            tables.add(note.payload)
        return tables

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
