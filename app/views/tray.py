"""Reminders where the owner sees them: a system-tray icon with notifications, or, on a desktop without a
system tray, a small panel in the corner of the main window.

At start and once a day, just after midnight: birthdays today, follow-ups due, coupons expiring tomorrow;
every few minutes: content items due within the hour (each notified once). Each reminder opens its place:
the Customers screen with the customers concerned (one: searched by name; several: selected), or, for
content items, the window with the list (the weekly planner screen does not exist yet). The queries are
``app.services.reminders``, handed in as callables and run off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.reminders import BIRTHDAY, COUPON_EXPIRING, FOLLOW_UP, SOP_DUE, Reminder
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)

SOP_CHECK_MS = 5 * 60 * 1000
BALLOON_MS = 8000
NAMES_IN_TEXT = 3


CHANNELS = {
    "group": lambda: QCoreApplication.translate("Reminders", "Group"),
    "moments": lambda: QCoreApplication.translate("Reminders", "Moments"),
    "one_on_one": lambda: QCoreApplication.translate("Reminders", "1-on-1"),
    "official_account": lambda: QCoreApplication.translate("Reminders", "Official account"),
    "live": lambda: QCoreApplication.translate("Reminders", "Live"),
}


def reminder_title(reminder: Reminder) -> str:
    titles = {
        BIRTHDAY: lambda: QCoreApplication.translate("Reminders", "Birthdays today: %1"),
        FOLLOW_UP: lambda: QCoreApplication.translate("Reminders", "Follow-ups due: %1"),
        COUPON_EXPIRING: lambda: QCoreApplication.translate("Reminders", "Coupons expiring tomorrow: %1"),
        SOP_DUE: lambda: QCoreApplication.translate("Reminders", "Content due within the hour: %1"),
    }
    return titles[reminder.kind]().replace("%1", f"{reminder.count:,}")


def reminder_text(reminder: Reminder) -> str:
    """The notification's body: a few names, or the content items with their times."""
    if reminder.kind == SOP_DUE:
        lines = []
        for item in reminder.items[:NAMES_IN_TEXT]:
            channel = CHANNELS.get(item.channel, lambda c=item.channel: c)()
            lines.append(f"{item.scheduled_at:%H:%M} {channel} · {item.title}")
        if len(reminder.items) > NAMES_IN_TEXT:
            lines.append(
                QCoreApplication.translate("Reminders", "and %1 more").replace(
                    "%1", str(len(reminder.items) - NAMES_IN_TEXT)
                )
            )
        return "\n".join(lines)
    names = QCoreApplication.translate("Reminders", ", ").join(reminder.names[:NAMES_IN_TEXT])
    more = len(reminder.customer_ids) - min(len(reminder.names), NAMES_IN_TEXT)
    if more > 0:
        names = (
            QCoreApplication.translate("Reminders", "%1 and %2 more")
            .replace("%1", names)
            .replace("%2", f"{more:,}")
        )
    return names


def show_customers(window: QWidget, reminder: Reminder) -> None:
    """Open the Customers screen on the reminder's customers: one by name in the search, several selected."""
    nav = window.nav  # type: ignore[attr-defined]
    for row in range(nav.count()):
        if nav.item(row).data(Qt.ItemDataRole.UserRole) == "customers":
            nav.setCurrentRow(row)
    view = window.customers  # type: ignore[attr-defined]
    status = window.statusBar()  # type: ignore[attr-defined]
    if len(reminder.customer_ids) == 1 and reminder.names:
        view.search.setText(reminder.names[0])
        view.table.selectRow(0)
        return
    view.search.clear()
    wanted = set(reminder.customer_ids)
    model = view.model
    selection = QItemSelection()
    first = None
    last_column = model.columnCount() - 1
    for row in range(model.rowCount()):
        if model.customer_id(row) in wanted:
            selection.select(model.index(row, 0), model.index(row, last_column))
            first = row if first is None else first
    view.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    if first is not None:
        view.table.scrollTo(model.index(first, 0))
    view.table.setFocus()
    status.showMessage(
        QCoreApplication.translate("Reminders", "%1 customers selected: %2")
        .replace("%1", f"{len(wanted):,}")
        .replace("%2", reminder_title(reminder)),
        15000,
    )


class ReminderPanel(QFrame):
    """The in-app fallback: a non-modal panel in the window's bottom-right corner, one row per reminder. It
    folds into a button in the status bar ("提醒（4）") so that it stops covering the screen (the detail pane's
    save button sits in that corner) as soon as the owner clicks or types anywhere else in the window, or after
    ``FOLD_AFTER_MS`` without the pointer on it; a click on that button unfolds it.
    × puts both away until the next reminders."""

    open_requested = Signal(object)
    FOLD_AFTER_MS = 30_000

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("reminderPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#reminderPanel { background: palette(base); border: 1px solid #e0a070; border-radius: 6px; }"
            " #reminderHeading { font-weight: bold; color: #c0501c; }"
        )
        self._window = window
        self.reminders: list[Reminder] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("reminderHeading")
        self.fold_button = QToolButton(self)
        self.fold_button.setObjectName("foldReminders")
        self.fold_button.setAutoRaise(True)
        self.fold_button.clicked.connect(self.fold)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setText("×")
        self.close_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.fold_button)
        top.addWidget(self.close_button)
        self.body = QWidget(self)
        self.rows = QVBoxLayout(self.body)
        self.rows.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 10)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.folded = False
        self._watching = False  # the application's events filtered (while unfolded)
        self._fold_timer = QTimer(self)
        self._fold_timer.setSingleShot(True)
        self._fold_timer.timeout.connect(self._fold_if_idle)
        self.setFixedWidth(380)
        self.hide()
        # folded: a button in the status bar says how many, and brings the panel back
        self.status_button = QToolButton(window)
        self.status_button.setObjectName("remindersFolded")
        self.status_button.setAutoRaise(True)
        self.status_button.setStyleSheet("QToolButton { color: #c0501c; font-weight: bold; }")
        self.status_button.clicked.connect(self.unfold)
        status = getattr(window, "statusBar", None)
        if status is not None:
            window.statusBar().addPermanentWidget(self.status_button)  # type: ignore[attr-defined]
        self.status_button.hide()
        window.installEventFilter(self)
        self.retranslate_ui()

    def show_reminders(self, reminders: Sequence[Reminder]) -> None:
        self.reminders = list(reminders)
        self._fill()
        self.unfold()

    def fold(self) -> None:
        self.folded = True
        self._watch_work(False)
        self._fold_timer.stop()
        self.hide()
        self._show_heading()
        self.status_button.show()

    def unfold(self) -> None:
        self.folded = False
        self.status_button.hide()
        self._show_heading()
        self._place()
        self.show()
        self.raise_()
        self._fold_timer.start(self.FOLD_AFTER_MS)
        self._watch_work(True)

    def dismiss(self) -> None:
        """× : the panel and its status-bar button put away, until the next reminders arrive."""
        self.folded = False
        self._fold_timer.stop()
        self.status_button.hide()
        self.hide()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._watch_work(not self.folded)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._watch_work(False)
        super().hideEvent(event)

    def _watch_work(self, on: bool) -> None:
        """While unfolded, watch the application's clicks and keys (a filter on every event costs, so only
        then): work elsewhere in the window folds the panel out of the way."""
        app = QCoreApplication.instance()
        if app is None or on == self._watching:
            return
        self._watching = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def _works_elsewhere(self, watched: QObject, event: QEvent) -> bool:
        """A click in the window outside the panel, or a key typed into a widget of the window outside it
        (events the panel leaves unhandled travel on to the window: where they happened decides)."""
        if event.type() == QEvent.Type.MouseButtonPress:
            if not isinstance(watched, QWidget) or watched.window() is not self._window:
                return False
            where = self.mapFromGlobal(event.globalPosition().toPoint())  # type: ignore[attr-defined]
            return not self.rect().contains(where)
        if event.type() == QEvent.Type.KeyPress:
            focus = QApplication.focusWidget()
            return focus is not None and focus.window() is self._window and not (focus is self or self.isAncestorOf(focus))
        return False

    def _fold_if_idle(self) -> None:
        if self.underMouse():  # being read: fold later
            self._fold_timer.start(self.FOLD_AFTER_MS)
        elif self.isVisible():
            self.fold()

    def _show_heading(self) -> None:
        self.heading.setText(self.tr("Reminders"))
        self.fold_button.setText("▾")
        self.fold_button.setToolTip(self.tr("Fold the panel into the status bar"))
        self.status_button.setText(self.tr("Reminders (%1)").replace("%1", str(len(self.reminders))))
        self.status_button.setToolTip(self.tr("Show the reminders"))

    def _fill(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        for reminder in self.reminders:
            row = QWidget(self.body)
            row.setObjectName(f"reminder_{reminder.kind}")
            title = QLabel(f"<b>{_escape(reminder_title(reminder))}</b>", row)
            body = QLabel(_escape(reminder_text(reminder)).replace("\n", "<br>"), row)
            body.setWordWrap(True)
            button = QPushButton(self.tr("Show"), row)
            button.setObjectName("showReminder")
            button.clicked.connect(lambda _checked=False, r=reminder: self.open_requested.emit(r))
            text = QVBoxLayout()
            text.setContentsMargins(0, 0, 0, 0)
            text.setSpacing(1)
            text.addWidget(title)
            text.addWidget(body)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 4, 0, 4)
            line.addLayout(text, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.rows.addWidget(row)

    def _place(self) -> None:
        self.setMinimumHeight(0)
        self.adjustSize()
        window = self._window
        bottom = window.height() - 12
        status = getattr(window, "statusBar", None)
        if status is not None and window.statusBar().isVisible():
            bottom -= window.statusBar().height()
        self.move(max(0, window.width() - self.width() - 16), max(0, bottom - self.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif self._watching and not self.folded and self._works_elsewhere(watched, event):
            self.fold()
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self._show_heading()
        self.close_button.setToolTip(self.tr("Close"))
        if self.reminders:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReminderTray(QObject):
    """Fetches reminders in the background and shows them; ``set_enabled(False)`` turns it all off.

    ``fetch_daily(today)`` and ``fetch_soon(now)`` are the service queries (``app.services.reminders``).
    """

    reminders_shown = Signal(list)

    def __init__(
        self,
        window: QWidget,
        fetch_daily: Callable[[dt.date], list[Reminder]],
        fetch_soon: Callable[[dt.datetime], Reminder | None],
        icon: QIcon,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        tray_available: bool | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._fetch_daily = fetch_daily
        self._fetch_soon = fetch_soon
        self._clock = clock
        self._icon = icon
        self.enabled = False
        self.current: list[Reminder] = []
        self._notified_sop: set[int] = set()
        self._queue: list[Reminder] = []
        self._balloon: Reminder | None = None
        available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self.tray: QSystemTrayIcon | None = None
        self.panel: ReminderPanel | None = None
        if available:
            self.tray = QSystemTrayIcon(icon, self)
            self.menu = QMenu(window)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)
            self.tray.messageClicked.connect(self._balloon_clicked)
        else:
            log.info("no system tray on this desktop: reminders appear in the main window")
            self.panel = ReminderPanel(window)
            self.panel.open_requested.connect(self.open_reminder)
        self._day_timer = QTimer(self)
        self._day_timer.setSingleShot(True)
        self._day_timer.timeout.connect(self._new_day)
        self._soon_timer = QTimer(self)
        self._soon_timer.setInterval(SOP_CHECK_MS)
        self._soon_timer.timeout.connect(self.check_soon)
        self._balloon_timer = QTimer(self)
        self._balloon_timer.setSingleShot(True)
        self._balloon_timer.timeout.connect(self._next_balloon)
        window.installEventFilter(self)

    # -- switching ---------------------------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if enabled:
            if self.tray is not None:
                self.tray.setToolTip(
                    QCoreApplication.translate("Reminders", "Siyu - private-domain assistant")
                )
                self._fill_menu()
                self.tray.show()
            self._arm_day_timer()
            self._soon_timer.start()
            self.check_now()
        else:
            self._day_timer.stop()
            self._soon_timer.stop()
            self._balloon_timer.stop()
            self._queue.clear()
            if self.tray is not None:
                self.tray.hide()
            if self.panel is not None:
                self.panel.dismiss()

    def _arm_day_timer(self) -> None:
        now = self._clock()
        next_check = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 1))
        self._day_timer.start(max(1000, int((next_check - now).total_seconds() * 1000)))

    def _new_day(self) -> None:
        self._notified_sop.clear()
        self._arm_day_timer()
        self.check_now()

    # -- fetching ----------------------------------------------------------------------------------
    def check_now(self) -> None:
        """The day's reminders and the content due within the hour, fetched off the GUI thread."""
        now = self._clock()

        def fetch() -> list[Reminder]:
            found = list(self._fetch_daily(now.date()))
            soon = self._fetch_soon(now)
            return found + ([soon] if soon is not None else [])

        run_in_background(fetch, on_done=self._arrived, on_failed=self._failed)

    def check_soon(self) -> None:
        run_in_background(self._fetch_soon, self._clock(), on_done=self._soon_arrived, on_failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.warning("reminders could not be read: %s", exc, exc_info=exc)

    def _soon_arrived(self, reminder: Reminder | None) -> None:
        if reminder is None or not self.enabled:
            return
        fresh = tuple(i for i in reminder.items if i.id not in self._notified_sop)
        if not fresh:
            return
        self._arrived([Reminder(SOP_DUE, len(fresh), items=fresh)], replace=False)

    def _arrived(self, reminders: list[Reminder], replace: bool = True) -> None:
        if not self.enabled:
            return
        for reminder in reminders:
            self._notified_sop.update(i.id for i in reminder.items)
        if replace:
            self.current = list(reminders)
        else:
            self.current = [r for r in self.current if r.kind != SOP_DUE] + list(reminders)
        if not reminders:
            return
        self.present(reminders)

    # -- showing -----------------------------------------------------------------------------------
    def present(self, reminders: list[Reminder]) -> None:
        if self.tray is not None:
            self._fill_menu()
            self._queue.extend(reminders)
            if self._balloon is None:
                self._next_balloon()
        elif self.panel is not None:
            self.panel.show_reminders(self.current)
            self._window.statusBar().showMessage(  # type: ignore[attr-defined]
                QCoreApplication.translate(
                    "Reminders", "%1 reminders: see the panel at the bottom right"
                ).replace("%1", str(len(self.current))),
                15000,
            )
        self.reminders_shown.emit(list(reminders))

    def _next_balloon(self) -> None:
        if not self._queue or self.tray is None or not self.enabled:
            self._balloon = None
            return
        self._balloon = self._queue.pop(0)
        self.tray.showMessage(
            reminder_title(self._balloon), reminder_text(self._balloon), self._icon, BALLOON_MS
        )
        self._balloon_timer.start(BALLOON_MS + 500)

    def _balloon_clicked(self) -> None:
        if self._balloon is not None:
            self.open_reminder(self._balloon)
        self._next_balloon()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._window.bring_to_front()  # type: ignore[attr-defined]

    def _fill_menu(self) -> None:
        if self.tray is None:
            return
        menu = self.menu
        menu.clear()
        menu.addAction(QCoreApplication.translate("Reminders", "Open Siyu"), self._window.bring_to_front)  # type: ignore[attr-defined]
        if self.current:
            menu.addSeparator()
            for reminder in self.current:
                action = QAction(reminder_title(reminder), menu)
                action.triggered.connect(lambda _checked=False, r=reminder: self.open_reminder(r))
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("Reminders", "Check reminders now"), self.check_now)
        menu.addAction(QCoreApplication.translate("Reminders", "Quit"), self._window.close)

    # -- opening -----------------------------------------------------------------------------------
    def open_reminder(self, reminder: Reminder) -> None:
        """Where a reminder leads: the customers concerned, or the content items' list."""
        self._window.bring_to_front()  # type: ignore[attr-defined]
        if reminder.customer_ids:
            show_customers(self._window, reminder)
            return
        # no weekly planner screen yet: the items stay listed in the panel, and the status bar says so
        if self.panel is not None:
            self.panel.show_reminders(self.current or [reminder])
        self._window.statusBar().showMessage(  # type: ignore[attr-defined]
            reminder_title(reminder) + " — " + reminder_text(reminder).replace("\n", "; "), 30000
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange and self.enabled:
            self._fill_menu()
            if self.tray is not None:
                self.tray.setToolTip(
                    QCoreApplication.translate("Reminders", "Siyu - private-domain assistant")
                )
        return super().eventFilter(watched, event)
