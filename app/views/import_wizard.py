"""导入向导 Import wizard: customers, orders, group members, groups' daily figures, coupons or a week's
content plan from a spreadsheet in four steps.

1. File: what to import, the file (.xlsx, .xls, .csv in UTF-8 or GBK), the sheet, and a template to fill in
   (customers and orders) or the columns the file should have (the other kinds).
   A file handed to the wizard (dropped on the app) is read at once and the kind guessed from its headers.
2. Columns: each column of the file and the field it feeds, found by its Chinese or English header; the
   owner can change any of them. The service remembers the mapping per layout of file.
3. Check: a dry run of the import (nothing is written) listing every bad row with its spreadsheet row,
   column and reason. Nothing is imported while a row is invalid unless the owner ticks "skip invalid rows".
4. Import: one transaction off the GUI thread with progress and cancel (cancelling rolls everything back),
   then what was done.

Reading and checking run in the background; a result that arrives after the owner moved on is dropped.
File dialogs and opening a folder are methods, so that tests can answer them without a modal loop.
"""

from __future__ import annotations

import contextlib
import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.import_issues import ImportIssueModel
from app.services.import_fields import CUSTOM, FIELDS, IGNORE, header_score, suggest_mapping
from app.views.tasks import Cancelled, Task, run_in_background

if TYPE_CHECKING:  # the importer loads pandas: imported by whoever builds the service, not at start-up
    from app.services.importer import ImportPreview, ImportService, ImportSummary

log = logging.getLogger(__name__)

KINDS = ("customers", "orders", "members", "group_stats", "coupons", "plan")
KIND_OBJECT_NAMES = {"customers": "importKindCustomers", "orders": "importKindOrders", "members": "importKindMembers",
                     "group_stats": "importKindGroupStats", "coupons": "importKindCoupons", "plan": "importKindPlan"}  # fmt: skip
TEMPLATE_KINDS = KINDS  # the kinds the service writes a template for
MODES = ("upsert", "add", "update")  # the service's modes, in the order they are offered
DEFAULT_SOURCE = "import"
PAGE_FILE, PAGE_COLUMNS, PAGE_CHECK, PAGE_IMPORT = range(4)
ERROR_STYLE = "color: #b91c1c;"
HINT_STYLE = "color: #6b7280;"
GOOD_STYLE = "color: #15803d;"

Signature = tuple[int, int] | None
PreviewKey = tuple[str, str, str | None, Signature]


def _signature(path: Path) -> Signature:
    """When and how big: a file saved again since it was read has another signature."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def _mapped_fields(preview: ImportPreview) -> int:
    return sum(1 for m in preview.mapping if m not in (CUSTOM, IGNORE))


def _n(value: int) -> str:
    return f"{value:,}"


def _error_text(exc: BaseException) -> str:
    return describe(exc) if isinstance(exc, UserError) else (str(exc) or type(exc).__name__)


def _styled(label: QLabel, style: str) -> QLabel:
    label.setStyleSheet(style)
    label.setWordWrap(True)
    return label


def _alive(widget: QWidget) -> bool:
    """False once Qt deleted the widget (the wizard closed with WA_DeleteOnClose, the app quitting)."""
    return shiboken6.isValid(widget)


def _folder_link(text: str) -> str:
    return f' &nbsp;<a href="folder">{html.escape(text)}</a>'


def _valid_rows(summary: ImportSummary) -> int:
    return (summary.inserted + summary.updated + summary.unchanged + summary.merged + summary.order_lines
            + summary.closed_orders + summary.voided_coupons + summary.staff_rows)  # fmt: skip


def offered_modes(kind: str) -> tuple[str, ...]:
    """The modes the service honours for ``kind``: orders are keyed by source system and order number and
    take no mode."""
    if kind == "orders":
        return ()
    return MODES


def run_mode(kind: str, mode: str) -> str:
    """The mode passed to the service: the owner's choice when this kind offers it, else adding and updating."""
    return mode if mode in offered_modes(kind) else "upsert"


def _columns_of(kind: str) -> str:
    """The headers a file of ``kind`` is recognised by (the first name of each field), in the file's order."""
    return "、".join(f.header for f in FIELDS[kind] if not f.key.endswith("siyu_id"))


@dataclass
class _Outcome:
    """What a background run of the service gave: the preview it used and its summary, or no summary when
    the file's columns changed on disk since they were mapped."""

    preview: ImportPreview
    signature: Signature
    summary: ImportSummary | None


def _run_service(
    service: ImportService,
    preview: ImportPreview,
    signature: Signature,
    mapping: list[str],
    progress: Callable[[str, float], None],
    **options: Any,
) -> _Outcome:
    """``service.run`` on the file as it is now (in a pool thread). A file saved again since it was read
    (the owner fixed the bad rows in Excel) is read again; its columns must still be the mapped ones."""
    now = _signature(preview.path)
    if now != signature:
        fresh = service.preview(preview.path, preview.kind, preview.sheet)
        if fresh.headers != preview.headers:
            return _Outcome(fresh, now, None)
        preview, signature = fresh, now

    def guarded(stage: str, fraction: float) -> None:
        if stage == "Done":  # reported after the commit: too late to cancel, the import stands
            with contextlib.suppress(Cancelled):
                progress(stage, fraction)
            return
        progress(stage, fraction)

    summary = service.run(
        preview, mapping=mapping, progress=guarded, translate=QCoreApplication.translate, **options
    )
    return _Outcome(preview, signature, summary)


# -- 1. the file ---------------------------------------------------------------------------------------


class ImportFilePage(QWizardPage):
    """What to import and from which file; a template to start from."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importFilePage")
        self._w = wizard
        self._token = 0
        self._reading = False
        self._error = ""
        self._found = ""  # what the reading found, shown under the file
        self._template: Path | None = None
        self._template_error = ""
        self.setAcceptDrops(True)

        self.kind_label = QLabel(self)
        self.kind_group = QButtonGroup(self)
        self.kind_radios: dict[str, QRadioButton] = {}
        kinds = QGridLayout()
        kinds.setHorizontalSpacing(24)
        for i, kind in enumerate(KINDS):
            radio = QRadioButton(self)
            radio.setObjectName(KIND_OBJECT_NAMES[kind])
            self.kind_group.addButton(radio, i)
            self.kind_radios[kind] = radio
            kinds.addWidget(radio, i // 3, i % 3)
        kinds.setColumnStretch(3, 1)
        self.customers_radio = self.kind_radios["customers"]
        self.orders_radio = self.kind_radios["orders"]
        self.members_radio = self.kind_radios["members"]
        self.group_stats_radio = self.kind_radios["group_stats"]
        self.coupons_radio = self.kind_radios["coupons"]
        self.plan_radio = self.kind_radios["plan"]

        self.file_label = QLabel(self)
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("importFile")
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("importChooseFile")
        self.choose_button.setAutoDefault(False)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.status = QLabel(self)
        self.status.setObjectName("importFileStatus")
        self.status.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        file_box = QVBoxLayout()
        file_box.addLayout(file_row)
        file_box.addWidget(self.busy)
        file_box.addWidget(self.status)

        self.sheet_label = QLabel(self)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_combo.setMinimumWidth(200)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addStretch(1)

        self.source_label = QLabel(self)
        self.source_edit = QLineEdit(DEFAULT_SOURCE, self)
        self.source_edit.setObjectName("importOrderSource")
        self.source_edit.setMaxLength(32)
        self.source_edit.setMaximumWidth(240)
        self.source_hint = _styled(QLabel(self), HINT_STYLE)
        self.source_box = QWidget(self)
        source_layout = QVBoxLayout(self.source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.source_edit)
        source_layout.addWidget(self.source_hint)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.addRow(self.kind_label, kinds)
        self.form.addRow(self.file_label, file_box)
        self.form.addRow(self.sheet_label, sheet_row)
        self.form.addRow(self.source_label, self.source_box)
        self.form.setRowVisible(self.sheet_label, False)  # until a workbook with sheets is chosen

        self.template_box = QGroupBox(self)
        self.template_text = _styled(QLabel(self.template_box), "")
        self.template_button = QPushButton(self.template_box)
        self.template_button.setObjectName("importSaveTemplate")
        self.template_button.setAutoDefault(False)
        self.template_status = QLabel(self.template_box)
        self.template_status.setObjectName("importTemplateStatus")
        self.template_status.setWordWrap(True)
        self.template_status.setTextFormat(Qt.TextFormat.RichText)
        self.template_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_text, 1)
        template_row.addWidget(self.template_button)
        template_layout = QVBoxLayout(self.template_box)
        template_layout.addLayout(template_row)
        template_layout.addWidget(self.template_status)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.template_box)

        self.kind_radios[wizard.kind].setChecked(True)
        self.kind_group.idClicked.connect(self._kind_clicked)
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.source_edit.textChanged.connect(self._source_edited)
        self.template_button.clicked.connect(self.save_template)
        self.template_status.linkActivated.connect(lambda _link: self._open_template_folder())

    # -- the file ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        chosen = self.ask_open_path()
        if chosen:
            self.set_path(Path(chosen))

    def ask_open_path(self) -> str | None:
        start = str(self._w.path.parent) if self._w.path else _documents()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            start,
            self.tr("Spreadsheets (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv *.txt *.tsv);;All files (*)"),
        )
        return path or None

    def set_path(self, path: Path) -> None:
        """Take this file: list its sheets, then read it in the background (and guess the kind)."""
        self._w.path = Path(path)
        self._w.forget_previews()
        self.file_edit.setText(str(path))
        self.file_edit.setToolTip(str(path))
        self._error = ""
        self._found = ""
        names: list[str] = []
        try:
            from app.services.tabular import sheet_names

            names = sheet_names(Path(path))
        except UserError as exc:
            self._error = describe(exc)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        self.sheet_combo.blockSignals(False)
        # no sheet named yet: the import reads the first sheet with a header row (a workbook may open with a
        # cover or notes sheet); the list then shows the sheet it read
        self._w.sheet = None
        self.form.setRowVisible(self.sheet_label, bool(names))
        if self._error:
            self._token += 1
            self._reading = False
            self._render()
        else:
            self.read_file()

    def _sheet_chosen(self, index: int) -> None:
        if index >= 0:
            self._w.sheet = self.sheet_combo.itemText(index)
            self._found = ""
            self.read_file()

    def _kind_clicked(self, button_id: int) -> None:
        kind = KINDS[button_id]
        self._w.kind_fixed = True
        if kind != self._w.kind:
            self._w.set_kind(kind)
            if self._w.path is not None:
                self._found = ""
                self.read_file()
        self._render()

    def read_file(self) -> None:
        """Read the file for the chosen kind (and, to guess, for the kind its headers match best) in the
        background."""
        w = self._w
        if w.path is None:
            return
        self._token += 1
        token = self._token
        guess = not w.kind_fixed
        cached = {k: p for k in KINDS if (p := w.cached_preview(k)) is not None}
        if w.kind in cached and not guess:
            self._read(token, (cached, {}))
            return
        self._reading = True
        self._error = ""
        self._render()
        service, path, sheet, first = w.service, w.path, w.sheet, w.kind

        def work() -> tuple[dict[str, tuple[ImportPreview, Signature]], dict[str, UserError]]:
            from app.services.importer import HEADER_SCAN_ROWS
            from app.services.tabular import FileReadError, read_grid

            found: dict[str, tuple[ImportPreview, Signature]] = {}
            errors: dict[str, UserError] = {}
            kind: str | None = first  # the chosen kind first
            while kind is not None:
                signature = _signature(path)
                rows: list[list[Any]] | None = None
                try:
                    preview = service.preview(path, kind, sheet)
                except FileReadError as exc:  # the file itself: no other kind can do better
                    return {}, dict.fromkeys(KINDS, exc)
                except UserError as exc:  # no header row for this kind: perhaps for another
                    errors[kind] = exc
                else:
                    found[kind] = (preview, signature)
                    rows = preview.grid.rows[:HEADER_SCAN_ROWS]
                if not guess:
                    break
                if rows is None:
                    try:
                        rows = read_grid(path, sheet, HEADER_SCAN_ROWS).rows
                    except UserError:
                        break
                # guessing: read the file for another kind only when its headers match more of its fields
                # (on a tie the kind just read stays, then the first in KINDS)
                current = kind
                best = max(
                    KINDS, key=lambda k: (max((header_score(k, r) for r in rows), default=0), k == current)
                )
                kind = best if best not in found and best not in errors else None
            return found, errors

        run_in_background(
            work,
            on_done=lambda result: self._read_done(token, result),
            on_failed=lambda exc: self._read_failed(token, exc),
        )

    def _read_done(self, token: int, result: Any) -> None:
        if token != self._token or not _alive(self):
            return
        found, errors = result
        for kind, (preview, signature) in found.items():
            self._w.keep_preview(kind, preview, signature)
        self._read(token, ({k: p for k, (p, _s) in found.items()}, errors))

    def _read(self, token: int, result: tuple[dict[str, ImportPreview], dict[str, UserError]]) -> None:
        found, errors = result
        self._reading = False
        w = self._w
        if not w.kind_fixed and found:
            best = max(found, key=lambda k: (_mapped_fields(found[k]), k == w.kind))
            if best != w.kind:
                w.set_kind(best)
                self.kind_radios[best].setChecked(True)
        preview = found.get(w.kind)
        if preview is not None:
            self._error = ""
            self._found = self._describe(preview)
            at = self.sheet_combo.findText(preview.sheet or "")
            if at >= 0 and at != self.sheet_combo.currentIndex():
                self.sheet_combo.blockSignals(True)
                self.sheet_combo.setCurrentIndex(at)
                self.sheet_combo.blockSignals(False)
        else:
            error = errors.get(w.kind)
            self._error = describe(error) if error is not None else ""
            self._found = ""
        self._render()

    def _read_failed(self, token: int, exc: BaseException) -> None:
        if token != self._token or not _alive(self):
            return
        log.error("reading %s failed", self._w.path, exc_info=exc)
        self._reading = False
        self._error = _error_text(exc)
        self._render()

    def _kind_noun(self, kind: str) -> str:
        nouns = {
            "customers": self.tr("a customer list"),
            "orders": self.tr("an order list"),
            "members": self.tr("a list of group members"),
            "group_stats": self.tr("groups' daily figures"),
            "coupons": self.tr("a coupon export"),
            "plan": self.tr("a weekly content plan"),
        }
        return nouns[kind]

    def _describe(self, preview: ImportPreview) -> str:
        kind = self._kind_noun(preview.kind)
        return (
            self.tr("Read as %1: headers in row %2, %3 data rows.")
            .replace("%1", kind)
            .replace("%2", str(preview.header_row))
            .replace("%3", _n(preview.data_rows))
        )

    def stop(self) -> None:
        """Drop the file being read: its result is not wanted any more."""
        self._token += 1
        self._reading = False

    def _source_edited(self, text: str) -> None:
        self._w.order_source = text.strip()
        self.completeChanged.emit()

    # -- a dropped file ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.set_path(Path(urls[0].toLocalFile()))

    # -- the template --------------------------------------------------------------------------------
    def save_template(self) -> None:
        from app.services.export import write_template

        kind = self._w.kind
        if kind not in TEMPLATE_KINDS:
            return
        name = {
            "customers": self.tr("customer import template.xlsx"),
            "orders": self.tr("order import template.xlsx"),
            "members": self.tr("group members import template.xlsx"),
            "group_stats": self.tr("group daily figures import template.xlsx"),
            "coupons": self.tr("coupon import template.xlsx"),
            "plan": self.tr("weekly plan import template.xlsx"),
        }[kind]
        chosen = self.ask_template_path(str(Path(_documents()) / name))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            self._template = write_template(kind, target, translate=QCoreApplication.translate)
            self._template_error = ""
        except (UserError, OSError) as exc:
            self._template, self._template_error = None, _error_text(exc)
        self._render()

    def ask_template_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the template"), suggested, self.tr("Excel (*.xlsx)")
        )
        return path or None

    def _open_template_folder(self) -> None:
        if self._template is not None:
            self._w.open_folder(self._template)

    # -- state ---------------------------------------------------------------------------------------
    def isComplete(self) -> bool:
        w = self._w
        if w.path is None or self._reading or self._error:
            return False
        return w.kind != "orders" or bool(w.order_source)

    def validatePage(self) -> bool:
        return self.isComplete()

    def _render(self) -> None:
        w = self._w
        self.busy.setVisible(self._reading)
        if self._reading:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(self.tr("Reading the file…"))
        elif self._error:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self._error)
        elif w.path is None:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(self.tr("Choose a file, or drop one here."))
        else:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(self._found)
        self.form.setRowVisible(self.source_label, w.kind == "orders")
        templated = w.kind in TEMPLATE_KINDS
        self.template_box.setTitle(self.tr("Template") if templated else self.tr("What the file looks like"))
        self.template_text.setText(self._template_text(w.kind))
        self.template_button.setVisible(templated)
        if not templated:
            self.template_status.clear()
        elif self._template is not None:
            self.template_status.setStyleSheet("")
            self.template_status.setText(
                self.tr("Template saved: %1").replace("%1", html.escape(str(self._template)))
                + _folder_link(self.tr("Open folder"))
            )
        elif self._template_error:
            self.template_status.setStyleSheet(ERROR_STYLE)
            self.template_status.setText(html.escape(self._template_error))
        else:
            self.template_status.clear()
        self.template_status.setVisible(bool(self.template_status.text()))
        self.completeChanged.emit()

    def _template_text(self, kind: str) -> str:
        if kind == "customers":
            return self.tr("No file yet? Save a template with the right columns, fill it in, then import it.")
        if kind == "orders":
            return self.tr(
                "No file yet? Save an order template with the right columns, fill it in, then import it."
            )
        texts = {
            "members": self.tr(
                "One row per member of a group: the group's name and the member's phone or member code. "
                "Groups and customers the shop does not have yet are created. Columns: %1."
            ),
            "group_stats": self.tr(
                "One row per group and day, with that day's figures. Groups the shop does not have yet are "
                "created. Columns: %1."
            ),
            "coupons": self.tr(
                "A coupon export from the shop system, one row per coupon code. Coupon campaigns and holders "
                "the shop does not have yet are created. Columns: %1."
            ),
            "plan": self.tr(
                "One row per post: the date, channel and title are needed; the audience names groups, "
                "segments, tags or phone numbers. Columns: %1."
            ),
        }
        return texts[kind].replace("%1", _columns_of(kind))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr("Excel (.xlsx, .xls) or CSV in UTF-8 or GBK. Title rows above the headers are fine.")
        )
        self.kind_label.setText(self.tr("Import"))
        self.customers_radio.setText(self.tr("Customers"))
        self.orders_radio.setText(self.tr("Orders"))
        self.members_radio.setText(self.tr("Group members"))
        self.group_stats_radio.setText(self.tr("Groups' daily figures"))
        self.coupons_radio.setText(self.tr("Coupons"))
        self.plan_radio.setText(self.tr("Weekly plan"))
        self.file_label.setText(self.tr("File"))
        self.choose_button.setText(self.tr("Choose…"))
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.sheet_label.setText(self.tr("Sheet"))
        self.source_label.setText(self.tr("Source system"))
        self.source_hint.setText(
            self.tr(
                "Order numbers are unique within one source system: importing a file from the same system "
                "again updates its orders instead of adding them twice. Give each system its own name "
                "(for example meituan, youzan)."
            )
        )
        self.template_button.setText(self.tr("Save template…"))
        if self._w.path is not None and self._found:
            preview = self._w.cached_preview()
            self._found = self._describe(preview) if preview is not None else ""
        self._render()


# -- 2. the columns ------------------------------------------------------------------------------------


class ImportColumnsPage(QWizardPage):
    """Each column of the file and the field it feeds."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importColumnsPage")
        self._w = wizard
        self._token = 0
        self._loading = False
        self._error = ""
        self._problem = ""
        self.combos: list[QComboBox] = []

        self.info = QLabel(self)
        self.info.setObjectName("importHeaderInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.remembered = _styled(QLabel(self), GOOD_STYLE)
        self.remembered.setObjectName("importRemembered")
        self.joined_time = _styled(QLabel(self), HINT_STYLE)  # a till's time column, read with its day column
        self.joined_time.setObjectName("importJoinedTime")
        self.joined_time.setWordWrap(True)
        self.masked = _styled(QLabel(self), HINT_STYLE)  # a column of masked card numbers, set aside
        self.masked.setObjectName("importMasked")
        self.masked.setWordWrap(True)
        self._joined: tuple[int, int] | None = None
        self.busy_label = _styled(QLabel(self), HINT_STYLE)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("importMapping")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 170)
        header.resizeSection(2, 210)

        self.problem_label = _styled(QLabel(self), ERROR_STYLE)
        self.problem_label.setObjectName("importMappingProblem")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("importResetMapping")
        self.reset_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem_label, 1)
        bottom.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.remembered)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.joined_time)
        layout.addWidget(self.masked)
        layout.addLayout(bottom)
        self.reset_button.clicked.connect(self.reset_mapping)

    def initializePage(self) -> None:
        w = self._w
        self._token += 1
        token = self._token
        self._error = ""
        self.table.setRowCount(0)
        self.combos = []
        cached = w.cached_preview()
        if cached is not None:
            self._show(cached)
            return
        self._loading = True
        self._render()
        service, path, kind, sheet = w.service, w.path, w.kind, w.sheet

        def work() -> tuple[ImportPreview, Signature]:
            signature = _signature(path)  # type: ignore[arg-type]
            return service.preview(path, kind, sheet), signature  # type: ignore[arg-type]

        run_in_background(
            work,
            on_done=lambda result: self._loaded(token, result),
            on_failed=lambda exc: self._failed(token, exc),
        )

    def cleanupPage(self) -> None:
        self._token += 1  # a preview still being read is not wanted any more
        self._loading = False

    def _loaded(self, token: int, result: tuple[ImportPreview, Signature]) -> None:
        if token != self._token or not _alive(self):
            return
        preview, signature = result
        self._w.keep_preview(preview.kind, preview, signature)
        self._show(preview)

    def _failed(self, token: int, exc: BaseException) -> None:
        if token != self._token or not _alive(self):
            return
        if not isinstance(exc, UserError):
            log.error("reading %s failed", self._w.path, exc_info=exc)
        self._loading = False
        self._error = _error_text(exc)
        self._render()

    def _show(self, preview: ImportPreview) -> None:
        self._loading = False
        self._w.use_preview(preview)
        self._fill_table()
        self._validate()

    # -- the table -----------------------------------------------------------------------------------
    def _choices(self) -> list[tuple[str, str]]:
        kind = self._w.kind
        choices = [(QCoreApplication.translate("ImportFields", f.label), f.key) for f in FIELDS[kind]]
        if kind == "customers":
            choices.append((self.tr("Keep as a custom field"), CUSTOM))
        choices.append((self.tr("Do not import"), IGNORE))
        return choices

    def _fill_table(self) -> None:
        preview = self._w.preview
        assert preview is not None
        mapping = self._w.mapping
        self.table.setRowCount(len(preview.headers))
        self.combos = []
        for col, header in enumerate(preview.headers):
            name = QTableWidgetItem(header or self.tr("(column %1, no header)").replace("%1", str(col + 1)))
            name.setToolTip(header)
            values = [row[col] for row in preview.sample if col < len(row) and row[col]][:3]
            sample = QTableWidgetItem("、".join(values))
            sample.setToolTip("\n".join(values))
            self.table.setItem(col, 0, name)
            self.table.setItem(col, 1, sample)
            combo = QComboBox(self.table)
            combo.setObjectName(f"importField{col}")
            self._fill_combo(combo)
            combo.setCurrentIndex(max(0, combo.findData(mapping[col])))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._field_chosen(c))
            self.table.setCellWidget(col, 2, combo)
            self.combos.append(combo)

    def _fill_combo(self, combo: QComboBox) -> None:
        combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        for label, key in self._choices():
            if key in (CUSTOM, IGNORE) and combo.itemData(combo.count() - 1) not in (CUSTOM, IGNORE):
                combo.insertSeparator(combo.count())  # the fields, then what else a column can be
            combo.addItem(label, key)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _field_chosen(self, col: int) -> None:
        self._w.set_field(col, str(self.combos[col].currentData()))
        self._validate()

    def set_field(self, col: int, key: str) -> None:
        """Map column ``col`` to the field ``key`` (or CUSTOM / IGNORE), as choosing it in the list does."""
        self.combos[col].setCurrentIndex(self.combos[col].findData(key))

    def reset_mapping(self) -> None:
        """Back to the mapping found from the headers."""
        preview = self._w.preview
        if preview is None:
            return
        for col, key in enumerate(suggest_mapping(preview.kind, preview.headers)):
            self.combos[col].setCurrentIndex(self.combos[col].findData(key))

    def _validate(self) -> None:
        w = self._w
        self._problem = ""
        self._joined = None
        if w.preview is not None:
            try:
                w.service.check_mapping(w.preview, w.mapping)
            except UserError as exc:
                self._problem = describe(exc)
            else:
                self._joined = w.service.time_column(w.preview, w.mapping)
        self._render()

    # -- state ---------------------------------------------------------------------------------------
    def isComplete(self) -> bool:
        return not self._loading and not self._error and not self._problem and self._w.preview is not None

    def validatePage(self) -> bool:
        return self.isComplete()

    def _render(self) -> None:
        preview = self._w.preview if not self._loading and not self._error else None
        self.busy.setVisible(self._loading)
        self.busy_label.setVisible(self._loading)
        self.busy_label.setText(self.tr("Reading the file…"))
        self.table.setVisible(preview is not None)
        self.reset_button.setVisible(preview is not None)
        if preview is not None:
            parts = []
            if preview.sheet:
                parts.append(self.tr("Sheet %1").replace("%1", preview.sheet))
            parts.append(self.tr("headers in row %1").replace("%1", str(preview.header_row)))
            parts.append(self.tr("%1 data rows").replace("%1", _n(preview.data_rows)))
            if preview.encoding:
                parts.append(self.tr("encoding %1").replace("%1", preview.encoding.upper()))
            self.info.setText(
                f"<b>{html.escape(preview.path.name)}</b>&nbsp;&nbsp;" + html.escape(" · ".join(parts))
            )
        else:
            self.info.setText(html.escape(self._w.path.name) if self._w.path else "")
        self.remembered.setVisible(preview is not None and preview.remembered)
        self.remembered.setText(self.tr("Using the columns you chose last time for a file like this one."))
        joined = self._joined if preview is not None else None
        self.joined_time.setVisible(joined is not None)
        if joined is not None and preview is not None:
            day_col, time_col = joined
            self.joined_time.setText(
                self.tr("The times of day in %1 are added to the days in %2: together they make each order's time.")
                .replace("%1", f"「{preview.headers[time_col]}」")
                .replace("%2", f"「{preview.headers[day_col]}」")
            )
        masked = preview.masked if preview is not None else None
        self.masked.setVisible(masked is not None)
        if masked is not None:
            self.masked.setText(
                self.tr("%1 holds masked numbers (such as 622202******1234): two cards can look alike, so it is "
                        "not used to find customers.").replace("%1", f"「{masked}」")
            )
        for col, combo in enumerate(self.combos):
            combo.setToolTip(self.joined_time.text() if joined is not None and col in joined else "")
        problem = self._error or self._problem
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.completeChanged.emit()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("Each column of the file and what it becomes in Siyu. Change any that are wrong.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Sample values"), self.tr("Import as")]
        )
        self.reset_button.setText(self.tr("Match automatically again"))
        for combo in self.combos:
            self._fill_combo(combo)
        if self._problem:
            self._validate()
        self._render()


# -- 3. the check --------------------------------------------------------------------------------------


class ImportCheckPage(QWizardPage):
    """A dry run: what the import will do and every row it cannot take, with why."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importCheckPage")
        self.setCommitPage(True)
        self._w = wizard
        self._token = 0
        self._task: Task | None = None
        self.running = False
        self._writing_report = False
        self._state = ""  # "", "stopped", "failed", "stale"
        self._error = ""
        self.summary: ImportSummary | None = None
        self.report: Path | None = None

        self.mode_label = QLabel(self)
        self.mode_group = QButtonGroup(self)
        self.mode_radios: list[QRadioButton] = []
        mode_row = QHBoxLayout()
        for i, mode in enumerate(MODES):
            radio = QRadioButton(self)
            radio.setObjectName(f"importMode_{mode}")
            self.mode_group.addButton(radio, i)
            self.mode_radios.append(radio)
            mode_row.addWidget(radio)
        mode_row.addStretch(1)
        self.mode_box = QWidget(self)
        mode_layout = QVBoxLayout(self.mode_box)
        mode_layout.setContentsMargins(0, 0, 0, 0)
        mode_layout.addWidget(self.mode_label)
        mode_layout.addLayout(mode_row)

        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("importStopCheck")
        self.stop_button.setAutoDefault(False)
        self.progress_box = QWidget(self)
        progress_row = QHBoxLayout(self.progress_box)
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_button)

        self.counts = QLabel(self)
        self.counts.setObjectName("importCheckCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.notice = QLabel(self)
        self.notice.setObjectName("importCheckNotice")
        self.notice.setWordWrap(True)

        self.model = ImportIssueModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importIssues")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for col, width in enumerate((60, 110, 150)):
            header.resizeSection(col, width)

        self.skip = QCheckBox(self)
        self.skip.setObjectName("importSkipInvalid")
        self.report_label = QLabel(self)
        self.report_label.setObjectName("importReport")
        self.report_label.setTextFormat(Qt.TextFormat.RichText)
        self.report_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("importWriteReport")
        self.report_button.setAutoDefault(False)
        self.again_button = QPushButton(self)
        self.again_button.setObjectName("importCheckAgain")
        self.again_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.report_label, 1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.again_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.mode_box)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.counts)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        self.filler = QWidget(self)  # takes the table's room while there is no table
        layout.addWidget(self.filler, 1)
        layout.addWidget(self.skip)
        layout.addLayout(bottom)

        self.mode_radios[MODES.index(wizard.mode)].setChecked(True)
        self.mode_group.idClicked.connect(self._mode_clicked)
        self.stop_button.clicked.connect(self.stop)
        self.skip.toggled.connect(self._skip_toggled)
        self.report_button.clicked.connect(self.write_report)
        self.again_button.clicked.connect(lambda: self.check())
        self.report_label.linkActivated.connect(lambda _link: self._open_report_folder())

    def initializePage(self) -> None:
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.skip.setChecked(False)  # the default: nothing is imported while a row is invalid
        self.report = None
        w = self._w
        w.mode = run_mode(w.kind, w.mode)  # a mode this kind does not offer falls back to the default
        self.mode_radios[MODES.index(w.mode)].setChecked(True)
        self.mode_label.setText(self._mode_question(w.kind))
        self.check()

    def cleanupPage(self) -> None:
        self.stop()

    # -- running the check ---------------------------------------------------------------------------
    def check(self, write_report: bool = False) -> None:
        """Run the import without writing (and write the error report beside the file if asked)."""
        w = self._w
        if self.running or w.preview is None:
            return
        self._token += 1
        token = self._token
        self.running = True
        self._writing_report = write_report
        self._state, self._error = "", ""
        if not write_report:
            self.summary = None
            self.model.set_issues([])
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Checking…"))
        self._render()
        service, preview, signature = w.service, w.preview, w.preview_signature
        mapping = list(w.mapping)
        options = {
            "mode": run_mode(w.kind, w.mode),
            "order_source": w.order_source,
            "skip_invalid": True,  # count what the valid rows would do, too
            "dry_run": True,
            "write_report": write_report,
        }
        self._task = run_in_background(
            lambda progress: _run_service(service, preview, signature, mapping, progress, **options),
            on_done=lambda outcome: self._done(token, outcome),
            on_failed=lambda exc: self._failed(token, exc),
            on_progress=lambda stage, fraction: self._progress(token, stage, fraction),
        )

    def stop(self) -> None:
        """Stop a running check (the dry run rolls back); its result is dropped."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self.running:
            self._token += 1
            self.running = False
            self._state = "stopped"
            self._render()

    def write_report(self) -> None:
        self.check(write_report=True)

    def _progress(self, token: int, stage: str, fraction: float) -> None:
        if token == self._token and _alive(self):
            self.progress_label.setText(QCoreApplication.translate("Import", stage) + "…")
            self.progress.setValue(int(fraction * 100))

    def _done(self, token: int, outcome: _Outcome) -> None:
        if token != self._token or not _alive(self):
            return
        self.running, self._task = False, None
        if outcome.summary is None:
            self._w.columns_changed(outcome.preview, outcome.signature)
            self.summary = None
            self.model.set_issues([])
            self._state = "stale"
        else:
            self._w.use_preview(outcome.preview, outcome.signature)
            self.summary = outcome.summary
            self.model.set_issues(outcome.summary.issues)
            if self._writing_report:
                self.report = outcome.summary.error_report
        self._render()

    def _failed(self, token: int, exc: BaseException) -> None:
        if token != self._token or not _alive(self):
            return
        self.running, self._task = False, None
        if isinstance(exc, Cancelled):
            self._state = "stopped"
        else:
            if not isinstance(exc, UserError):
                log.error("checking %s failed", self._w.path, exc_info=exc)
            self._state, self._error = "failed", _error_text(exc)
        self._render()

    def _mode_clicked(self, button_id: int) -> None:
        if MODES[button_id] != self._w.mode:
            self._w.mode = MODES[button_id]
            self.check()

    def _skip_toggled(self, on: bool) -> None:
        self._w.skip_invalid = on
        self.completeChanged.emit()

    def _open_report_folder(self) -> None:
        if self.report is not None:
            self._w.open_folder(self.report)

    # -- state ---------------------------------------------------------------------------------------
    def isComplete(self) -> bool:
        summary = self.summary
        if self.running or summary is None or self._state:
            return False
        if not _valid_rows(summary):
            return False
        return not summary.invalid or self.skip.isChecked()

    def validatePage(self) -> bool:
        return self.isComplete()

    def _render(self) -> None:
        w = self._w
        summary = self.summary if not self._state else None
        offered = offered_modes(w.kind)
        self.mode_box.setVisible(bool(offered))
        for mode, radio in zip(MODES, self.mode_radios, strict=True):
            radio.setVisible(mode in offered)
            radio.setEnabled(not self.running)
        self.progress_box.setVisible(self.running)
        self.stop_button.setEnabled(self.running)
        self.again_button.setVisible(not self.running)
        self.again_button.setEnabled(w.preview is not None)
        invalid = summary.invalid if summary else 0
        valid = _valid_rows(summary) if summary else 0
        if summary is not None:
            self.counts.setText(self._counts_text(summary))
        else:
            self.counts.setText("")
        self.counts.setVisible(summary is not None)
        self.notice.setStyleSheet(ERROR_STYLE if (self._state in ("failed", "stale") or invalid) else "")
        if self.running:
            self.notice.setText(self.tr("Checking every row; nothing is written yet."))
        elif self._state == "stopped":
            self.notice.setText(self.tr("The check was stopped. Click “Check again” to run it."))
        elif self._state == "failed":
            self.notice.setText(self._error)
        elif self._state == "stale":
            self.notice.setText(
                self.tr(
                    "The columns of the file changed since you matched them. Click “Back” to match them again."
                )
            )
        elif summary is None:
            self.notice.setText("")
        elif invalid and not valid:
            self.notice.setText(
                self.tr("All %1 rows have problems (listed below): there is nothing to import.").replace(
                    "%1", _n(invalid)
                )
            )
        elif invalid:
            self.notice.setText(
                self.tr(
                    "%1 rows have problems (listed below with their row and column). Nothing is imported "
                    "while a row is invalid: fix the file and click “Check again”, or skip the invalid rows."
                ).replace("%1", _n(invalid))
            )
        elif not valid:
            self.notice.setText(self.tr("The file has no data rows under its headers."))
        else:
            self.notice.setStyleSheet(GOOD_STYLE)
            self.notice.setText(self.tr("No problems found. Click “Import” to import."))
        self.notice.setVisible(bool(self.notice.text()))
        self.table.setVisible(bool(invalid) or (self.running and self.model.rowCount() > 0))
        self.filler.setVisible(self.table.isHidden())
        self.skip.setVisible(bool(invalid) and bool(valid))
        self.skip.setText(self.tr("Skip the invalid rows and import the other %1").replace("%1", _n(valid)))
        self.report_button.setVisible(bool(invalid))
        self.report_button.setEnabled(not self.running)
        if self.report is not None and invalid:
            self.report_label.setText(
                self.tr("Error report saved: %1").replace("%1", html.escape(self.report.name))
                + _folder_link(self.tr("Open folder"))
            )
            self.report_label.setToolTip(str(self.report))
        else:
            self.report_label.clear()
        self.completeChanged.emit()

    def _counts_text(self, summary: ImportSummary) -> str:
        text = (
            self.tr("Will add %1, update %2, leave %3 unchanged; %4 invalid.")
            .replace("%1", _n(summary.inserted))
            .replace("%2", _n(summary.updated))
            .replace("%3", _n(summary.unchanged))
            .replace("%4", _n(summary.invalid))
        )
        extras = self._extras(summary)
        return text + ("<br>" + html.escape(self.tr("; ").join(extras)) if extras else "")

    def _extras(self, summary: ImportSummary) -> list[str]:
        extras = []
        if summary.merged:
            extras.append(self.tr("%1 repeated rows merged").replace("%1", _n(summary.merged)))
        if summary.order_lines:
            extras.append(self.tr("%1 further order lines added into their orders").replace("%1", _n(summary.order_lines)))
        if summary.closed_orders:
            extras.append(
                self.tr("%1 closed, unpaid or refunded orders left out").replace("%1", _n(summary.closed_orders))
            )
        if summary.voided_coupons:
            extras.append(self.tr("%1 voided coupons left out").replace("%1", _n(summary.voided_coupons)))
        if summary.used_untimed_coupons:
            extras.append(self.tr("%1 coupons marked used with no redemption time or order, kept as not redeemed")
                          .replace("%1", _n(summary.used_untimed_coupons)))
        if summary.staff_rows:
            extras.append(self.tr("%1 rows of the shop's own staff left out").replace("%1", _n(summary.staff_rows)))
        if summary.created_groups:
            extras.append(self.tr("%1 new groups created").replace("%1", _n(summary.created_groups)))
        if summary.created_campaigns:
            extras.append(
                self.tr("%1 new coupon campaigns created").replace("%1", _n(summary.created_campaigns))
            )
        if summary.created_customers:
            extras.append(self.tr("%1 new customers created").replace("%1", _n(summary.created_customers)))
        if summary.created_staff:
            extras.append(self.tr("%1 new staff").replace("%1", _n(summary.created_staff)))
        if summary.created_tags:
            extras.append(self.tr("%1 new tags").replace("%1", _n(summary.created_tags)))
        if summary.ignored_columns:
            extras.append(
                self.tr("columns not imported: %1").replace("%1", "、".join(summary.ignored_columns))
            )
        return extras

    def _mode_question(self, kind: str) -> str:
        questions = {
            "members": self.tr("Members already recorded (same group and phone or member code):"),
            "group_stats": self.tr("Days already recorded for a group (same group and date):"),
            "coupons": self.tr("Coupons already in the shop (same coupon code):"),
            "plan": self.tr("Posts already in the plan (same date, time, channel and title):"),
        }
        return questions.get(
            kind, self.tr("Customers already in the shop (same phone, member code or name + WeChat ID):")
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Every row is checked before anything is written. Nothing changes yet."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.mode_label.setText(self._mode_question(self._w.kind))
        for radio, text in zip(
            self.mode_radios,
            (
                self.tr("Add new and update existing"),
                self.tr("Only add new"),
                self.tr("Only update existing"),
            ),
            strict=True,
        ):
            radio.setText(text)
        self.stop_button.setText(self.tr("Stop"))
        self.report_button.setText(self.tr("Save error report"))
        self.report_button.setToolTip(
            self.tr("Writes every problem and the invalid rows to an .xlsx file beside the imported file.")
        )
        self.again_button.setText(self.tr("Check again"))
        self.model.retranslate()
        self._render()


# -- 4. the import -------------------------------------------------------------------------------------


class ImportRunPage(QWizardPage):
    """The import itself, with progress and cancel, then what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importRunPage")
        self._w = wizard
        self._token = 0
        self._task: Task | None = None
        self.running = False
        self._cancelling = False
        self.outcome = ""  # "", "imported", "blocked", "cancelled", "failed", "stale"
        self._error = ""
        self.summary: ImportSummary | None = None

        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setAutoDefault(False)
        self.progress_box = QWidget(self)
        progress_row = QHBoxLayout(self.progress_box)
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        progress_layout = QVBoxLayout()
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress_box)

        self.headline = QLabel(self)
        self.headline.setObjectName("importHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("importDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.remembered = _styled(QLabel(self), HINT_STYLE)
        self.report_label = QLabel(self)
        self.report_label.setObjectName("importRunReport")
        self.report_label.setTextFormat(Qt.TextFormat.RichText)
        self.report_label.setWordWrap(True)
        self.report_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("importRetry")
        self.retry_button.setAutoDefault(False)
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(progress_layout)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.remembered)
        layout.addWidget(self.report_label)
        layout.addLayout(retry_row)
        layout.addStretch(1)

        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.start)
        self.report_label.linkActivated.connect(lambda _link: self._open_report_folder())

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        """The import, in one transaction in the background."""
        w = self._w
        if self.running or w.preview is None:
            return
        self._token += 1
        token = self._token
        self.running, self._cancelling = True, False
        self.outcome, self._error, self.summary = "", "", None
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Importing…"))
        self._render()
        service, preview, signature = w.service, w.preview, w.preview_signature
        mapping = list(w.mapping)
        options = {
            "mode": run_mode(w.kind, w.mode),
            "order_source": w.order_source,
            "skip_invalid": w.skip_invalid,
            "dry_run": False,
            "write_report": True,  # the rows skipped, for the owner to fix and import later
        }
        self._task = run_in_background(
            lambda progress: _run_service(service, preview, signature, mapping, progress, **options),
            on_done=lambda outcome: self._done(token, outcome),
            on_failed=lambda exc: self._failed(token, exc),
            on_progress=lambda stage, fraction: self._progress(token, stage, fraction),
        )

    def cancel(self) -> None:
        """Ask the import to stop: it rolls back at its next step, and the page says so."""
        if self.running and self._task is not None:
            self._task.cancel()
            self._cancelling = True
            self.progress_label.setText(self.tr("Cancelling…"))
            self._render()

    def _progress(self, token: int, stage: str, fraction: float) -> None:
        if token == self._token and not self._cancelling and _alive(self):
            self.progress_label.setText(QCoreApplication.translate("Import", stage) + "…")
            self.progress.setValue(int(fraction * 100))

    def _done(self, token: int, outcome: _Outcome) -> None:
        if token != self._token or not _alive(self):
            return
        self.running, self._task = False, None
        summary = outcome.summary
        self.summary = summary
        if summary is None:
            self._w.forget_previews()
            self.outcome = "stale"
        elif summary.imported:
            self.outcome = "imported"
        else:  # the file was saved again with invalid rows since the check, and skipping was not chosen
            self.outcome = "blocked"
        self._render()
        if self.outcome == "imported":
            self._w.imported.emit(self._w.kind)
        self._w.import_finished()

    def _failed(self, token: int, exc: BaseException) -> None:
        if token != self._token or not _alive(self):
            return
        self.running, self._task = False, None
        if isinstance(exc, Cancelled):
            self.outcome = "cancelled"
        else:
            if not isinstance(exc, UserError):
                log.error("importing %s failed", self._w.path, exc_info=exc)
            self.outcome, self._error = "failed", _error_text(exc)
        self._render()
        self._w.import_finished()

    def _open_report_folder(self) -> None:
        if self.summary is not None and self.summary.error_report is not None:
            self._w.open_folder(self.summary.error_report)

    # -- state ---------------------------------------------------------------------------------------
    def isComplete(self) -> bool:
        return not self.running

    def _render(self) -> None:
        summary = self.summary
        self.progress_label.setVisible(self.running)
        self.progress_box.setVisible(self.running)
        self.cancel_button.setEnabled(self.running and not self._cancelling)
        self.retry_button.setVisible(self.outcome in ("cancelled", "failed"))
        headlines = {
            "imported": self.tr("Import finished"),
            "blocked": self.tr("Nothing was imported"),
            "cancelled": self.tr("Cancelled: nothing was imported"),
            "failed": self.tr("The import failed"),
            "stale": self.tr("Nothing was imported"),
        }
        self.headline.setText(headlines.get(self.outcome, ""))
        self.headline.setStyleSheet(GOOD_STYLE if self.outcome == "imported" else "")
        self.headline.setVisible(bool(self.outcome))
        details = ""
        if self.outcome == "imported" and summary is not None:
            details = self._numbers(summary)
        elif self.outcome == "blocked" and summary is not None:
            details = html.escape(
                self.tr(
                    "The file changed after the check and now has %1 invalid rows. Start the import again to check it."
                ).replace("%1", _n(summary.invalid))
            )
        elif self.outcome == "stale":
            details = html.escape(
                self.tr("The columns of the file changed since you matched them. Start the import again.")
            )
        elif self.outcome == "cancelled":
            details = html.escape(self.tr("The shop's data is as it was before the import."))
        elif self.outcome == "failed":
            details = (
                html.escape(self._error) + "<br>" + html.escape(self.tr("The shop's data was not changed."))
            )
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.remembered.setVisible(self.outcome == "imported")
        self.remembered.setText(
            self.tr(
                "The column matching is remembered: the next file with the same columns is matched the same way."
            )
        )
        report = summary.error_report if summary is not None else None
        if report is not None and self.outcome in ("imported", "blocked"):
            self.report_label.setText(
                self.tr("The invalid rows are in %1.").replace("%1", html.escape(report.name))
                + _folder_link(self.tr("Open folder"))
            )
            self.report_label.setToolTip(str(report))
        else:
            self.report_label.clear()
        self.report_label.setVisible(bool(self.report_label.text()))
        self.completeChanged.emit()

    def _numbers(self, summary: ImportSummary) -> str:
        rows = [
            (self.tr("Added"), summary.inserted),
            (self.tr("Updated"), summary.updated),
            (self.tr("Unchanged"), summary.unchanged),
        ]
        if summary.invalid:
            rows.append((self.tr("Invalid rows skipped"), summary.invalid))
        if summary.merged:
            rows.append((self.tr("Repeated rows merged"), summary.merged))
        if summary.order_lines:
            rows.append((self.tr("Further order lines added into their orders"), summary.order_lines))
        if summary.closed_orders:
            rows.append((self.tr("Closed, unpaid or refunded orders left out"), summary.closed_orders))
        if summary.voided_coupons:
            rows.append((self.tr("Voided coupons left out"), summary.voided_coupons))
        if summary.used_untimed_coupons:
            rows.append((self.tr("Marked used, no redemption time: kept as not redeemed"), summary.used_untimed_coupons))
        if summary.staff_rows:
            rows.append((self.tr("Rows of the shop's own staff left out"), summary.staff_rows))
        if summary.created_groups:
            rows.append((self.tr("New groups created"), summary.created_groups))
        if summary.created_campaigns:
            rows.append((self.tr("New coupon campaigns created"), summary.created_campaigns))
        if summary.created_customers:
            rows.append((self.tr("New customers created"), summary.created_customers))
        if summary.created_staff:
            rows.append((self.tr("New staff"), summary.created_staff))
        if summary.created_tags:
            rows.append((self.tr("New tags"), summary.created_tags))
        cells = "".join(
            f'<tr><td style="padding: 2px 24px 2px 0">{html.escape(label)}</td>'
            f'<td align="right" style="padding: 2px 0">{_n(value)}</td></tr>'
            for label, value in rows
        )
        text = f"<table>{cells}</table>"
        if summary.ignored_columns:
            text += (
                "<p>"
                + html.escape(
                    self.tr("Columns not imported: %1").replace("%1", "、".join(summary.ignored_columns))
                )
                + "</p>"
            )
        return text

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All rows are imported together, or none of them."))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.retry_button.setText(self.tr("Try again"))
        self._render()


# -- the wizard ----------------------------------------------------------------------------------------


class ImportWizard(QWizard):
    """Import one of ``KINDS`` (customers, orders, group members, groups' daily figures, coupons, a weekly
    plan); ``imported(kind)`` is emitted after an import was committed."""

    imported = Signal(str)

    def __init__(
        self,
        service: ImportService,
        path: str | Path | None = None,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.service = service
        kind = kind.replace("-", "_") if kind else None  # "group-stats", as the command line spells it
        self.kind = kind if kind in KINDS else "customers"
        self.kind_fixed = kind in KINDS  # a kind chosen from the menu (or by the owner) is not guessed
        self.path: Path | None = None
        self.sheet: str | None = None
        self.order_source = DEFAULT_SOURCE
        self.mode = "upsert"
        self.skip_invalid = False
        self.preview: ImportPreview | None = None
        self.preview_signature: Signature = None
        self.mapping: list[str] = []
        self._previews: dict[PreviewKey, ImportPreview] = {}
        self._mappings: dict[tuple[str, str, str | None], list[str]] = {}
        self._close_when_idle = False

        self.file_page = ImportFilePage(self)
        self.columns_page = ImportColumnsPage(self)
        self.check_page = ImportCheckPage(self)
        self.import_page = ImportRunPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_COLUMNS, self.columns_page)
        self.setPage(PAGE_CHECK, self.check_page)
        self.setPage(PAGE_IMPORT, self.import_page)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(880, 640)
        self.retranslate_ui()
        if path is not None:
            self.file_page.set_path(Path(path))

    # -- what the pages share ------------------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.setWindowTitle(self._title())

    def _key(self, kind: str | None = None) -> PreviewKey | None:
        if self.path is None:
            return None
        return (str(self.path), kind or self.kind, self.sheet, _signature(self.path))

    def cached_preview(self, kind: str | None = None) -> ImportPreview | None:
        """The file read for ``kind`` (default: the chosen one), unless it was saved again since."""
        key = self._key(kind)
        return self._previews.get(key) if key is not None else None

    def keep_preview(self, kind: str, preview: ImportPreview, signature: Signature) -> None:
        if self.path is None or preview.path != self.path:
            return
        self._previews[(str(self.path), kind, self.sheet, signature)] = preview

    def forget_previews(self) -> None:
        self._previews.clear()
        self.preview, self.preview_signature = None, None

    def use_preview(self, preview: ImportPreview, signature: Signature | None = None) -> None:
        """Work on ``preview``; a mapping the owner changed for this file, kind and sheet is kept."""
        self.preview = preview
        if signature is None:
            signature = next(
                (k[3] for k, p in self._previews.items() if p is preview), _signature(preview.path)
            )
        self.preview_signature = signature
        key = (str(preview.path), preview.kind, self.sheet)
        kept = self._mappings.get(key)
        self.mapping = (
            list(kept) if kept is not None and len(kept) == len(preview.headers) else list(preview.mapping)
        )
        self._mappings[key] = self.mapping

    def set_field(self, col: int, key: str) -> None:
        self.mapping[col] = key

    def columns_changed(self, fresh: ImportPreview, signature: Signature) -> None:
        """The file was saved again with other columns: the columns page starts over with them."""
        self._mappings.pop((str(fresh.path), fresh.kind, self.sheet), None)
        self.forget_previews()
        self.keep_preview(fresh.kind, fresh, signature)
        self.columns_page.initializePage()

    def open_folder(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

    # -- closing ---------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing while the import runs cancels it and closes when it has rolled back."""
        if self.import_page.running:
            self._close_when_idle = True
            self.import_page.cancel()
            return
        # results still being read or checked are dropped: the wizard may be deleted when they arrive
        self.file_page.stop()
        self.columns_page.cleanupPage()
        self.check_page.stop()
        super().reject()

    def import_finished(self) -> None:
        if self._close_when_idle:
            self._close_when_idle = False
            super().reject()

    # -- language --------------------------------------------------------------------------------------
    def _title(self) -> str:
        titles = {
            "customers": self.tr("Import customers"),
            "orders": self.tr("Import orders"),
            "members": self.tr("Import group members"),
            "group_stats": self.tr("Import groups' daily figures"),
            "coupons": self.tr("Import coupons"),
            "plan": self.tr("Import a weekly plan"),
        }
        return titles[self.kind]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title())
        for page in (self.file_page, self.columns_page, self.check_page, self.import_page):
            page.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
