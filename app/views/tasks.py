"""Running slow service calls off the GUI thread (QThreadPool) and getting the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_running: set[Task] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str, float)


class Cancelled(Exception):
    """Raised inside a task's progress callback when the user pressed Cancel."""


class Task(QRunnable):
    """``fn(*args, progress=...)`` in a pool thread; ``done``/``failed`` arrive in the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._fn = fn
        self._args = args
        self._with_progress = with_progress
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, stage: str, fraction: float) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(stage, fraction)

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(*self._args, progress=self._progress)
            else:
                result = self._fn(*self._args)
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is shutting down and the receiver is gone
            pass


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[str, float], None] | None = None,
) -> Task:
    task = Task(fn, *args, with_progress=on_progress is not None)

    def finished(result: Any) -> None:
        _running.discard(task)
        if _alive(on_done):
            on_done(result)

    def failed(exc: BaseException) -> None:
        _running.discard(task)
        if on_failed is None:
            raise exc
        if _alive(on_failed):
            on_failed(exc)

    task.signals.done.connect(finished)
    task.signals.failed.connect(failed)
    if on_progress is not None:
        task.signals.progress.connect(
            lambda stage, fraction: on_progress(stage, fraction) if _alive(on_progress) else None
        )
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def _alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a Qt object that was deleted while the task ran (a dialog
    closed, a screen gone): its result has nowhere to go."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        return shiboken6.isValid(owner)
    return True
