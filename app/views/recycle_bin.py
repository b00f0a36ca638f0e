"""回收站 Recycle bin: deleted customers wait here until the owner restores them or deletes them for good."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.bin_table import COLUMNS, ID_ROLE, BinTableModel
from app.services.customer_admin import CustomerAdminService, PurgePreview
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)

LIMIT = 5000
_WIDTHS = {
    "name": 90,
    "remark_name": 140,
    "phone": 110,
    "deleted_at": 130,
    "order_count": 60,
    "total_spent_cents": 100,
}


def _soften(label: QLabel) -> None:
    """An empty-state text: a little larger, in the palette's placeholder grey."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)


class RecycleBinDialog(QDialog):
    """The recycle bin; ``customers_changed`` is emitted after customers were restored or purged."""

    customers_changed = Signal()
    # emitted when a restore or purge finished (successfully or not): for tests and the busy state
    work_finished = Signal()

    def __init__(self, admin: CustomerAdminService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycleBinDialog")
        self._admin = admin
        self._busy = False
        self._total = 0
        self.model = BinTableModel(self)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("binSearch")
        self.summary = QLabel(self)
        self.summary.setObjectName("binSummary")

        self.table = QTableView(self)
        self.table.setObjectName("binTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for col, key in enumerate(COLUMNS):
            header.resizeSection(col, _WIDTHS[key])

        self.empty = QLabel(self)
        self.empty.setObjectName("binEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        _soften(self.empty)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("binRestore")
        self.purge_button = QPushButton(self)
        self.purge_button.setObjectName("binPurge")
        self.empty_button = QPushButton(self)
        self.empty_button.setObjectName("binEmptyAll")
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        for button in (self.restore_button, self.purge_button, self.empty_button):
            button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty_bin)
        self.close_button.clicked.connect(self.accept)

        self.resize(760, 480)
        self.retranslate_ui()
        self.reload()

    # -- reading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the bin again (the current search applied)."""
        self._search_timer.stop()
        selected = set(self.selected_ids())
        try:
            self._total = self._admin.bin_count()
            self.model.set_entries(self._admin.bin(self.search.text(), limit=LIMIT))
        except Exception as exc:  # the database is unreachable: say so, keep the dialog usable
            log.error("reading the recycle bin failed", exc_info=exc)
            self._show_error(exc)
        if selected:  # customers still listed stay selected
            selection = QItemSelection()
            for row in range(self.model.rowCount()):
                if self.model.entry(row).id in selected:
                    selection.select(self.model.index(row, 0), self.model.index(row, 0))
            self.table.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
        self._update_state()

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return sorted(int(self.model.data(index, ID_ROLE)) for index in rows)

    # -- actions -----------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids and not self._busy:
            self._run(self._admin.restore, ids)

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        try:
            preview = self._admin.purge_preview(ids)
        except Exception as exc:
            self._show_error(exc)
            return
        if preview.customers and self.confirm_purge(preview):
            self._run(self._admin.purge, ids)

    def empty_bin(self) -> None:
        if self._busy:
            return
        try:
            preview = self._admin.purge_preview(None)
        except Exception as exc:
            self._show_error(exc)
            return
        if preview.customers and self.confirm_empty(preview):
            self._run(self._admin.empty_bin)

    def _run(self, fn: Callable[..., Any], *args: Any) -> None:
        """A write in the background (purging thousands of customers takes seconds); the dialog waits."""
        self._busy = True
        self._update_state()
        self.summary.setText(self.tr("Working…"))
        run_in_background(fn, *args, on_done=self._done, on_failed=self._failed)

    def _done(self, _count: int) -> None:
        self._busy = False
        self.reload()
        self.customers_changed.emit()
        self.work_finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("recycle bin action failed", exc_info=exc)
        self.reload()
        self._show_error(exc)
        self.work_finished.emit()

    # -- questions and messages (methods, so that tests can answer them) ---------------------------
    def confirm_purge(self, preview: PurgePreview) -> bool:
        text = (
            self.tr(
                "Delete %1 customer(s) for good, with their %2 order(s), tags, notes, follow-ups and group "
                "memberships?\n\nCoupons issued to them are kept. This cannot be undone."
            )
            .replace("%1", f"{preview.customers:,}")
            .replace("%2", f"{preview.orders:,}")
        )
        return self._ask(self.tr("Delete for good"), text)

    def confirm_empty(self, preview: PurgePreview) -> bool:
        text = (
            self.tr(
                "Empty the recycle bin? All %1 customer(s) in it are deleted for good, with their %2 "
                "order(s), tags, notes, follow-ups and group memberships.\n\nCoupons issued to them are "
                "kept. This cannot be undone."
            )
            .replace("%1", f"{preview.customers:,}")
            .replace("%2", f"{preview.orders:,}")
        )
        return self._ask(self.tr("Empty the recycle bin"), text)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.warning(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_error(self, exc: BaseException) -> None:
        text = describe(exc) if isinstance(exc, UserError) else str(exc)
        QMessageBox.warning(self, self.tr("Recycle bin"), text)

    # -- state -------------------------------------------------------------------------------------
    def _update_state(self) -> None:
        shown = self.model.rowCount()
        search = self.search.text().strip()
        if shown:
            self.stack.setCurrentWidget(self.table)
        elif search and self._total:
            self.empty.setText(self.tr("No deleted customer matches “%1”.").replace("%1", search))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.setText(
                self.tr(
                    "The recycle bin is empty.\n\nCustomers you delete wait here, and you can restore them "
                    "at any time."
                )
            )
            self.stack.setCurrentWidget(self.empty)
        if not self._busy:
            if search or shown < self._total:
                self.summary.setText(
                    self.tr("%1 of %2 shown").replace("%1", f"{shown:,}").replace("%2", f"{self._total:,}")
                )
            else:
                self.summary.setText(self.tr("%1 deleted customer(s)").replace("%1", f"{self._total:,}"))
        self.search.setEnabled(bool(self._total) or bool(search))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows()) and not self._busy
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
        self.empty_button.setEnabled(bool(self._total) and not self._busy)

    # -- language ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Recycle bin"))
        self.intro.setText(
            self.tr(
                "Deleted customers are kept here with their orders, tags and notes. Restore puts them "
                "back; Delete for good removes them and everything they had."
            )
        )
        self.search.setPlaceholderText(self.tr("Search name, remark, phone or WeChat ID"))
        self.restore_button.setText(self.tr("Restore"))
        self.purge_button.setText(self.tr("Delete for good…"))
        self.empty_button.setText(self.tr("Empty the recycle bin…"))
        self.close_button.setText(self.tr("Close"))
        self.model.retranslate()
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
