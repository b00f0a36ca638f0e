"""Background tasks: a result whose screen is gone is dropped, not delivered to a deleted widget."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from app.views.tasks import run_in_background


def test_a_result_for_a_deleted_widget_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    label = QLabel()
    run_in_background(lambda: gate.wait(5) and "done", on_done=label.setText)
    label.deleteLater()
    qtbot.wait(20)  # the label is gone before the task returns
    gate.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)  # the queued result arrives and is dropped (no RuntimeError in the event loop)


def test_a_result_is_delivered(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    run_in_background(lambda: "done", on_done=label.setText)
    qtbot.waitUntil(lambda: label.text() == "done", timeout=2000)
