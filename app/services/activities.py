"""The activity library: the ten group plays of DOMAIN.md as ready templates (rules text, parameters such as
invite rewards' steps or member day's weekday, suggested rhythm), editable, and the owner's own plays."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
from app.services.database import Database
from app.services.plays import BUILTIN_PLAYS


class ActivityError(UserError):
    pass


@dataclass
class Activity:
    id: int | None
    name: str
    rules_text: str | None = None
    rhythm: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # a built-in play's key; None for the owner's own

    @property
    def builtin(self) -> bool:
        return self.key is not None


class ActivityService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def activities(self) -> list[Activity]:
        """Every play; the built-in ones are added first if the shop does not have them yet."""
        from sqlalchemy import text

        self._ensure_builtin()
        with self._db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, name, rules_text, rhythm, params, key FROM activity ORDER BY "
                                     "CASE WHEN key IS NULL THEN 1 ELSE 0 END, id")).all()  # fmt: skip
        return [Activity(int(r[0]), r[1], r[2], r[3], json.loads(r[4]) if isinstance(r[4], str) else (r[4] or {}), r[5])
                for r in rows]  # fmt: skip

    def _ensure_builtin(self) -> None:
        import sqlalchemy as sa

        from app.models.schema import Activity as ActivityRow

        table = ActivityRow.__table__
        with self._db.engine.begin() as conn:
            have = {r[0] for r in conn.execute(sa.select(table.c.key).where(table.c.key.is_not(None)))}
            for play in BUILTIN_PLAYS:
                if play.key not in have:
                    conn.execute(sa.insert(table).values(key=play.key, name=play.name, rules_text=play.rules_text,
                                                         rhythm=play.rhythm, params=dict(play.params)))  # fmt: skip

    def save(self, activity: Activity) -> int:
        import sqlalchemy as sa

        from app.models.schema import Activity as ActivityRow

        name = activity.name.strip()
        if not name:
            raise ActivityError(QT_TRANSLATE_NOOP("Errors", "A play needs a name."))
        if not isinstance(activity.params, dict):
            raise ActivityError(QT_TRANSLATE_NOOP("Errors", "A play's parameters are a set of names and values."))
        table = ActivityRow.__table__
        values = {"name": name[:64], "rules_text": activity.rules_text, "rhythm": activity.rhythm, "params": activity.params}
        with self._db.engine.begin() as conn:
            if activity.id is None:
                return int(conn.execute(sa.insert(table).values(**values).returning(table.c.id)).scalar_one())
            conn.execute(sa.update(table).where(table.c.id == activity.id).values(**values))
            return int(activity.id)

    def delete(self, activity_id: int) -> None:
        """Remove one of the owner's plays (built-in plays stay; edit them instead)."""
        from sqlalchemy import text

        with self._db.engine.begin() as conn:
            key = conn.execute(text("SELECT key FROM activity WHERE id = :i"), {"i": activity_id}).first()
            if key is not None and key[0] is not None:
                raise ActivityError(QT_TRANSLATE_NOOP("Errors", "A built-in play cannot be deleted; edit it instead."))
            conn.execute(text("DELETE FROM activity WHERE id = :i"), {"i": activity_id})

    def restore(self, activity_id: int) -> None:
        """A built-in play back to its original text, rhythm and parameters."""
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            row = conn.execute(text("SELECT key FROM activity WHERE id = :i"), {"i": activity_id}).first()
        play = next((p for p in BUILTIN_PLAYS if row is not None and p.key == row[0]), None)
        if play is None:
            return
        self.save(Activity(activity_id, play.name, play.rules_text, play.rhythm, dict(play.params), play.key))
