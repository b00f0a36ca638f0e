"""Screens read again after a change: at once when showing, else when next shown, never while hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.views.stale import ReloadsWhenShown


class Screen(ReloadsWhenShown, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self._stale = True
        self.reads = 0

    def reload(self) -> None:
        self.reads += 1
        self._stale = False


def test_a_hidden_screen_reads_when_shown_and_a_shown_one_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = Screen()
    qtbot.addWidget(screen)
    screen.invalidate()
    assert screen.reads == 0  # hidden: nothing read yet
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.reads == 1
    screen.hide()
    screen.show()
    assert screen.reads == 1  # nothing changed: shown again without reading
    screen.invalidate()
    assert screen.reads == 2  # showing: read at once
