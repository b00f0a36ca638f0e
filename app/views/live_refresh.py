"""Refreshing the screens when another computer changes the shared shop (PostgreSQL LISTEN/NOTIFY)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.changes import ChangeListener

log = logging.getLogger(__name__)


class LiveRefresh(QObject):
    """Waits for change notifications in a thread; ``changed(tables)`` arrives in the GUI thread, at most
    a few times a second however busy the other computers are."""

    changed = Signal(object)  # set[str]
    _arrived = Signal(object)

    def __init__(self, listener: ChangeListener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener = listener
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pending: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._flush)
        self._arrived.connect(self._collect)

    def start(self) -> None:
        if not self._listener.supported or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="siyu-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(3)
            self._thread = None
        self._listener.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                tables = self._listener.wait(0.5)
            except Exception:  # the server went away: try again a little later, quietly
                log.warning("change notifications interrupted", exc_info=True)
                self._listener.close()
                self._stop.wait(5)
                continue
            if tables and not self._stop.is_set():
                self._arrived.emit(tables)

    def _collect(self, tables: set[str]) -> None:
        self._pending |= tables
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        tables, self._pending = self._pending, set()
        if tables:
            self.changed.emit(tables)
