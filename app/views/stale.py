"""Screens that read their figures in the background: read again when the shop's data changes, at once if
the screen is showing, else when it is next shown (a hidden screen never reads for nothing)."""

from __future__ import annotations

from typing import Any


class ReloadsWhenShown:
    """Mixed in before ``QWidget``; the screen keeps ``_stale`` and defines ``reload()``, which clears it."""

    _stale: bool

    def invalidate(self) -> None:
        """The shop's data changed: read again now if the screen is showing, else when it is next shown."""
        self._stale = True
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()  # type: ignore[attr-defined]

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.reload()  # type: ignore[attr-defined]
