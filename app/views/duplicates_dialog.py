"""查找重复客户 Duplicates: customers that look like the same person, side by side, merged in one click."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.customer_table import money
from app.services.customer_admin import (
    RULE_NAME_WECHAT,
    RULE_PHONE,
    CustomerAdminService,
    CustomerBrief,
    DuplicateGroup,
    MergeResult,
    default_keep,
)
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)

# The rows of the side-by-side table, after the "keep" and "merge" rows.
FIELDS = (
    "name",
    "remark_name",
    "phone",
    "wechat_id",
    "city",
    "order_count",
    "total_spent_cents",
    "last_order_at",
    "added_on",
    "tag_names",
)
KEEP_ROW, MERGE_ROW = 0, 1
_KEPT_BACKGROUND = QColor(224, 242, 230)
DIFFERENT = QColor(180, 83, 9)  # amber: values that differ between the records


class DuplicatesDialog(QDialog):
    """Duplicate groups on the left, the chosen group's customers side by side on the right.

    ``customers_changed`` is emitted after a merge; ``groups_loaded`` when the search for duplicates ends.
    """

    customers_changed = Signal()
    groups_loaded = Signal()

    def __init__(self, admin: CustomerAdminService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self._admin = admin
        self._groups: list[DuplicateGroup] = []
        self._briefs: list[CustomerBrief] = []
        self._loading = False
        self._reload_again = False
        self._notice = ""  # what the last merge did, kept in the status line

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.groups = QListWidget(self)
        self.groups.setObjectName("duplicateGroups")
        self.groups.setMinimumWidth(220)
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.groups.setWordWrap(True)  # a long name / WeChat id wraps rather than disappearing
        self.groups.setSpacing(2)

        self.title = QLabel(self)
        self.title.setObjectName("duplicateTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget(self)
        self.table.setObjectName("duplicateTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(170)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keep_group = QButtonGroup(self)
        self.keep_group.setExclusive(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setAutoDefault(False)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.table, 1)
        detail_layout.addWidget(self.hint)
        merge_row = QHBoxLayout()
        merge_row.addStretch(1)
        merge_row.addWidget(self.merge_button)
        detail_layout.addLayout(merge_row)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.groups)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 640])

        self.empty = QLabel(self)
        self.empty.setObjectName("duplicatesEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        palette = self.empty.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self.empty.setPalette(palette)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        self._splitter = splitter

        self.status = QLabel(self)
        self.status.setObjectName("duplicatesStatus")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setAutoDefault(False)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.groups.currentRowChanged.connect(self._show_group)
        self.keep_group.idClicked.connect(self._keep_changed)
        self.merge_button.clicked.connect(self.merge_current)
        self.refresh_button.clicked.connect(self._search_again)
        self.close_button.clicked.connect(self.accept)

        self.resize(940, 560)
        self.retranslate_ui()
        self.reload()

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Look for duplicates again, in the background (about half a second at 100,000 customers)."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.status.setText("  ".join(filter(None, [self._notice, self.tr("Looking for duplicates…")])))
        run_in_background(self._admin.find_duplicates, on_done=self._loaded, on_failed=self._load_failed)

    def _search_again(self) -> None:
        self._notice = ""
        self.reload()

    def _loaded(self, groups: list[DuplicateGroup]) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
            return
        self.refresh_button.setEnabled(True)
        self.set_groups(groups)
        self.groups_loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        log.error("looking for duplicates failed", exc_info=exc)
        self.status.setText(self.tr("Could not look for duplicates: %1").replace("%1", _message(exc)))
        self.groups_loaded.emit()

    def set_groups(self, groups: list[DuplicateGroup]) -> None:
        """Show these groups (the first one selected)."""
        self._groups = list(groups)
        self.groups.blockSignals(True)
        self.groups.clear()
        for group in self._groups:
            item = QListWidgetItem(self._group_text(group))
            item.setToolTip(item.text())
            self.groups.addItem(item)
        self._fit_group_items()
        self.groups.blockSignals(False)
        self._update_summary()
        if self._groups:
            self.stack.setCurrentIndex(0)
            self.groups.setCurrentRow(0)  # shows the group
        else:
            self.stack.setCurrentWidget(self.empty)
            self._show_group(-1)

    def _fit_group_items(self) -> None:
        """Item heights measured with the fonts that draw them: Chinese text falls back to a CJK font with
        taller lines than the default font's metrics promise, which would cut off an item's second line."""
        metrics = self.groups.fontMetrics()
        width = max(120, self.groups.viewport().width() - 12)
        for row in range(self.groups.count()):
            item = self.groups.item(row)
            box = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, box.height() + 8))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_group_items()

    def _update_summary(self) -> None:
        parts = [self._notice] if self._notice else []
        if self._groups:
            parts.append(
                self.tr("%1 group(s) of possible duplicates.").replace("%1", f"{len(self._groups):,}")
            )
        self.status.setText("  ".join(parts))

    def _group_text(self, group: DuplicateGroup) -> str:
        count = self.tr("%1 records").replace("%1", str(len(group.customer_ids)))
        return f"{self.rule_text(group.rule)} · {count}\n{group.key}"

    def rule_text(self, rule: str) -> str:
        if rule == RULE_PHONE:
            return self.tr("Same phone")
        if rule == RULE_NAME_WECHAT:
            return self.tr("Same name and WeChat ID")
        return rule

    # -- one group ---------------------------------------------------------------------------------
    def current_group(self) -> DuplicateGroup | None:
        row = self.groups.currentRow()
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def _show_group(self, row: int) -> None:
        for button in self.keep_group.buttons():
            self.keep_group.removeButton(button)
        self.table.clear()
        self._briefs = []
        group = self._groups[row] if 0 <= row < len(self._groups) else None
        if group is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.title.setText("")
            self.merge_button.setEnabled(False)
            return
        try:
            self._briefs = self._admin.describe(group.customer_ids)
        except Exception as exc:
            log.error("reading the duplicates failed", exc_info=exc)
            self.status.setText(_message(exc))
        self.title.setText(f"{self.rule_text(group.rule)}: {group.key}")
        self.table.setColumnCount(len(self._briefs))
        self.table.setRowCount(2 + len(FIELDS))
        self.table.setVerticalHeaderLabels(self._row_titles())
        self.table.setHorizontalHeaderLabels([f"#{b.id}" for b in self._briefs])
        keep = default_keep(self._briefs) if self._briefs else None
        for col, brief in enumerate(self._briefs):
            radio = QRadioButton(self.tr("Keep"))
            self.keep_group.addButton(radio, col)
            self.table.setCellWidget(KEEP_ROW, col, _centered(radio))
            check = QCheckBox(self.tr("Merge"))
            check.setChecked(True)
            check.toggled.connect(self._update_merge_button)
            self.table.setCellWidget(MERGE_ROW, col, _centered(check))
            for row, key in enumerate(FIELDS, start=2):
                item = QTableWidgetItem(self._cell_text(key, getattr(brief, key)))
                item.setToolTip(item.text())
                if key in ("order_count", "total_spent_cents"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            if brief.id == keep:
                radio.setChecked(True)
        self._mark_differences()
        self._keep_changed(self.keep_group.checkedId())

    def _row_titles(self) -> list[str]:
        titles = {
            "name": self.tr("Name"),
            "remark_name": self.tr("Remark name"),
            "phone": self.tr("Phone"),
            "wechat_id": self.tr("WeChat ID"),
            "city": self.tr("City"),
            "order_count": self.tr("Orders"),
            "total_spent_cents": self.tr("Total spent"),
            "last_order_at": self.tr("Last order"),
            "added_on": self.tr("Added"),
            "tag_names": self.tr("Tags"),
        }
        return ["", "", *(titles[k] for k in FIELDS)]

    @staticmethod
    def _cell_text(key: str, value: object) -> str:
        if value is None:
            return ""
        if key == "total_spent_cents":
            return money(int(value))  # type: ignore[call-overload]
        if key == "tag_names":
            return "、".join(value)  # type: ignore[arg-type]
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d")
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def _mark_differences(self) -> None:
        """Fields whose values differ between the records are shown in another colour: the owner checks them."""
        for row in range(2, self.table.rowCount()):
            values = {self.table.item(row, c).text() for c in range(self.table.columnCount())}
            values.discard("")
            if len(values) > 1:
                for col in range(self.table.columnCount()):
                    self.table.item(row, col).setForeground(DIFFERENT)

    def _keep_changed(self, column: int) -> None:
        for col in range(self.table.columnCount()):
            kept = col == column
            check = self._merge_check(col)
            if check is not None:
                check.setVisible(not kept)
            for row in range(2, self.table.rowCount()):
                item = self.table.item(row, col)
                if item is None:
                    continue
                item.setBackground(_KEPT_BACKGROUND if kept else QColor(0, 0, 0, 0))
                font = item.font()
                font.setBold(kept)
                item.setFont(font)
        self._update_merge_button()

    def _merge_check(self, column: int) -> QCheckBox | None:
        holder = self.table.cellWidget(MERGE_ROW, column)
        return holder.findChild(QCheckBox) if holder is not None else None

    def keep_id(self) -> int | None:
        column = self.keep_group.checkedId()
        return self._briefs[column].id if 0 <= column < len(self._briefs) else None

    def set_keep(self, customer_id: int) -> None:
        for col, brief in enumerate(self._briefs):
            if brief.id == customer_id:
                self.keep_group.button(col).setChecked(True)
                self._keep_changed(col)

    def set_included(self, customer_id: int, included: bool) -> None:
        for col, brief in enumerate(self._briefs):
            check = self._merge_check(col)
            if brief.id == customer_id and check is not None:
                check.setChecked(included)

    def merge_ids(self) -> list[int]:
        keep = self.keep_id()
        ids = []
        for col, brief in enumerate(self._briefs):
            check = self._merge_check(col)
            if brief.id != keep and check is not None and check.isChecked():
                ids.append(brief.id)
        return ids

    def _update_merge_button(self) -> None:
        self.merge_button.setEnabled(self.keep_id() is not None and bool(self.merge_ids()))

    # -- merging -----------------------------------------------------------------------------------
    def merge_current(self) -> None:
        keep, others = self.keep_id(), self.merge_ids()
        if keep is None or not others:
            return
        try:
            preview = self._admin.preview_merge(keep, others)
        except Exception as exc:
            self._show_error(exc)
            return
        kept = next(b for b in self._briefs if b.id == keep)
        if not self.confirm_merge(kept, preview):
            return
        try:
            result = self._admin.merge(keep, others)
        except Exception as exc:
            self._show_error(exc)
            self.reload()
            return
        row = self.groups.currentRow()
        merged = set(result.merged_ids)
        remaining = [
            DuplicateGroup(g.rule, g.key, tuple(i for i in g.customer_ids if i not in merged))
            for i, g in enumerate(self._groups)
            if i != row
        ]
        self._notice = (
            self.tr("Merged %1 record(s) into “%2” (#%3).")
            .replace("%1", str(len(result.merged_ids)))
            .replace("%2", kept.name)
            .replace("%3", str(kept.id))
        )
        self.set_groups([g for g in remaining if len(g.customer_ids) > 1])
        self.customers_changed.emit()
        self.reload()  # the kept record may now match others

    # -- questions and messages (methods, so that tests can answer them) ---------------------------
    def confirm_merge(self, kept: CustomerBrief, preview: MergeResult) -> bool:
        text = (
            self.tr(
                "Merge %1 record(s) into “%2” (#%3)?\n\n"
                "Moved to the kept record: %4 order(s), %5 tag(s), %6 follow-up(s), %7 group membership(s) "
                "and %8 coupon(s); %9 empty field(s) are filled in, and the notes are combined.\n\n"
                "The other records are then deleted. This cannot be undone."
            )
            .replace("%1", str(len(preview.merged_ids)))
            .replace("%2", kept.name)
            .replace("%3", str(kept.id))
            .replace("%4", f"{preview.orders_moved:,}")
            .replace("%5", str(preview.tags_added))
            .replace("%6", str(preview.follow_ups_moved))
            .replace("%7", str(preview.memberships_moved))
            .replace("%8", str(preview.coupons_moved))
            .replace("%9", str(preview.fields_filled))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Merge customers"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Merge customers"), _message(exc))

    # -- language ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Find duplicate customers"))
        self.intro.setText(
            self.tr(
                "Customers with the same phone number (a WeChat ID that is a phone number counts), or with "
                "the same name and WeChat ID, may be one person entered twice. Choose the record to keep "
                "and merge the others into it."
            )
        )
        self.hint.setText(
            self.tr(
                "The kept record gets every order, tag, note, follow-up, group membership and coupon of the "
                "records merged into it, and its empty fields are filled from them. Values that differ are "
                "written into its notes; the merged records are then deleted."
            )
        )
        self.empty.setText(
            self.tr(
                "No duplicates found.\n\nCustomers with the same phone number, or with the same name and "
                "WeChat ID, would be listed here."
            )
        )
        self.merge_button.setText(self.tr("Merge…"))
        self.refresh_button.setText(self.tr("Search again"))
        self.close_button.setText(self.tr("Close"))
        for row, group in enumerate(self._groups):
            self.groups.item(row).setText(self._group_text(group))
        if self.table.rowCount():
            self.table.setVerticalHeaderLabels(self._row_titles())
        if not self._loading:
            self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _centered(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(6, 0, 6, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
    return holder


def _message(exc: BaseException) -> str:
    return describe(exc) if isinstance(exc, UserError) else str(exc)
