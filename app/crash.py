"""Unhandled exceptions in the app: the traceback and version go to the log, the owner sees one friendly
dialog (``app.views.crash_dialog``), and the app goes on.

``install()`` sets ``sys.excepthook`` (which PySide6 also calls for exceptions raised in slots and in Python
overrides of Qt virtual methods such as ``paintEvent``) and ``threading.excepthook``; errors of other threads
are shown from the GUI thread. The database stays consistent: every write runs in a transaction that is
rolled back when an exception leaves it, and quitting from the dialog closes the app the normal way.

``SIYU_DEBUG_CRASH=1`` makes the app raise an error in a Qt slot two seconds after it shows its window, to see
the dialog (README, "For developers").
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal, qVersion
from PySide6.QtWidgets import QApplication, QWidget

from app import __version__, paths

log = logging.getLogger("siyu.crash")

DEBUG_ENV = "SIYU_DEBUG_CRASH"
_reporter: CrashReporter | None = None


def describe(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str = "GUI"
) -> str:
    """What goes to the log and to "copy details": version, platform, time and the traceback."""
    import PySide6

    head = (
        f"Siyu {__version__} ({'built' if getattr(sys, 'frozen', False) else 'from source'})\n"
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, Qt {qVersion()}\n"
        f"{platform.platform()}\n"
        f"{dt.datetime.now():%Y-%m-%d %H:%M:%S}, thread: {where}\n\n"
    )
    return head + "".join(traceback.format_exception(exc_type, exc, tb))


class CrashReporter(QObject):
    """Lives in the GUI thread; ``reported(details)`` may be emitted from any thread."""

    reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = None
        self.shown = 0  # dialogs shown, for tests
        self.reported.connect(self._show)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: log, then show (or add to) the dialog."""
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal: quit as asked
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        self.report(describe(exc_type, exc, tb))

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        where = args.thread.name if args.thread is not None else "?"
        self.report(describe(args.exc_type, args.exc_value, args.exc_traceback, where))

    def report(self, details: str) -> None:
        try:
            log.critical("unhandled exception\n%s", details)
            for handler in logging.getLogger().handlers:
                handler.flush()
        except Exception:  # logging must never turn one error into two
            pass
        self.reported.emit(details)

    def _show(self, details: str) -> None:
        from app.views.crash_dialog import CrashDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        try:
            parent = _main_window()
            self.dialog = CrashDialog(details, str(paths.logs_dir() / "siyu.log"), parent)
            self.dialog.quit_requested.connect(_quit)
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
            self.shown += 1
        except Exception:  # the dialog itself failed: the log has the original error
            log.exception("could not show the crash dialog")


def _main_window() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    active = app.activeWindow()
    if active is not None:
        return active
    for widget in app.topLevelWidgets():
        if widget.objectName() == "mainWindow" and widget.isVisible():
            return widget
    return None


def _quit() -> None:
    app = QApplication.instance()
    if app is not None:
        app.closeAllWindows()
        app.quit()


def install() -> CrashReporter:
    """Route unhandled exceptions to the log and the dialog; call once the QApplication exists."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(QApplication.instance())
    sys.excepthook = _reporter.handle
    threading.excepthook = _reporter.handle_thread
    return _reporter


def reporter() -> CrashReporter | None:
    return _reporter


def schedule_debug_crash() -> bool:
    """With ``SIYU_DEBUG_CRASH=1``, raise an error inside a Qt slot two seconds from now (a developer's
    way to see the crash dialog and the log entry). Returns whether it was scheduled."""
    if os.environ.get(DEBUG_ENV, "") not in ("1", "yes", "true"):
        return False

    def boom() -> None:
        raise RuntimeError(f"{DEBUG_ENV} is set: a test error raised on purpose, nothing is wrong")

    QTimer.singleShot(2000, boom)
    return True
