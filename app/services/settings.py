"""Shop settings: JSON values under dotted keys in the ``setting`` table, with typed defaults in one place."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from app.services.database import Database

DEFAULTS: dict[str, Any] = {
    "shop.name": "",
    "shop.industry": "",
}


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self._db.engine.connect() as conn:
            raw = conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": key}).scalar()
        if raw is None:
            return DEFAULTS.get(key, default) if default is None else default
        return json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        payload = json.dumps(value, ensure_ascii=False)
        with self._db.engine.begin() as conn:
            updated = conn.execute(
                text("UPDATE setting SET value = :v WHERE key = :k"), {"k": key, "v": payload}
            ).rowcount
            if not updated:
                conn.execute(
                    text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": key, "v": payload}
                )
