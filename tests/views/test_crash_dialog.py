"""Unhandled exceptions: logged with the version, one friendly dialog at a time, details to copy."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from app import __version__, crash, i18n
from app.views.crash_dialog import CrashDialog

# Qt's offscreen platform cannot raise or activate windows, and says so; a desktop can.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)


def _raise(message: str):  # type: ignore[no-untyped-def]
    try:
        raise ValueError(message)
    except ValueError:
        return sys.exc_info()


@pytest.fixture
def reporter(qapp):  # type: ignore[no-untyped-def]
    made = crash.CrashReporter()
    yield made
    if made.dialog is not None:
        made.dialog.close()
        made.dialog.deleteLater()


def test_an_error_is_logged_and_shown_once(qtbot, reporter, caplog) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    with caplog.at_level(logging.CRITICAL, logger="siyu.crash"):
        reporter.handle(*_raise("first problem"))
        reporter.handle(*_raise("second problem"))
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    assert reporter.shown == 1 and dialog.error_count == 2  # one dialog, both errors in its details
    details = dialog.details_text()
    assert "first problem" in details and "second problem" in details and f"Siyu {__version__}" in details
    assert "Traceback" in details
    logged = [r.getMessage() for r in caplog.records if r.name == "siyu.crash"]
    assert len(logged) == 2 and "first problem" in logged[0] and __version__ in logged[0]
    assert "数据没有丢失" in dialog.message.text()  # Chinese by default: no data was lost
    assert "2" in dialog.message.text()

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    dialog.continue_button.click()
    assert not dialog.isVisible()
    reporter.handle(*_raise("third problem"))  # after it is closed, a new error shows it again
    assert reporter.shown == 2 and reporter.dialog.isVisible()


def test_quit_asks_the_app_to_close(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CrashDialog("details", "/tmp/siyu.log")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.quit_requested, timeout=1000):
        dialog.quit_button.click()
    dialog.details_button.click()
    assert dialog.details.isVisibleTo(dialog)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_slot_reaches_the_dialog(qtbot, reporter, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", reporter.handle)

    def slot() -> None:
        raise RuntimeError("raised in a slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)
    assert "raised in a slot" in reporter.dialog.details_text()


def test_errors_of_other_threads_are_shown_in_the_gui_thread(qtbot, reporter, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(threading, "excepthook", reporter.handle_thread)

    def work() -> None:
        raise KeyError("in a worker thread")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)
    assert (
        "in a worker thread" in reporter.dialog.details_text() and "worker" in reporter.dialog.details_text()
    )


def test_debug_switch(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(crash.DEBUG_ENV, raising=False)
    assert crash.schedule_debug_crash() is False
