"""分群 Segments: the R × F heat map, the eight RFM classes, the lifecycle funnel and value tiers, and
saved segments with their actions (open in the customer list, add or remove a tag, export).

Everything is computed by the services off the GUI thread (``SegmentService.context``, about 0.5 s at
100,000 customers); the screen recomputes when it is shown after a change anywhere in the app
(``invalidate``), so what it shows is never stale.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.segment_tables import ClassTableModel
from app.services.segmentation import RFM_CLASSES, STAGE_LABELS, STAGES, TIER_LABELS, TIERS, ModelSettings
from app.services.segments import SavedSegment, SegmentContext, SegmentService
from app.services.tags import TagService
from app.views.segment_charts import BarList, HeatMap
from app.views.segment_editor import SegmentEditor
from app.views.stale import ReloadsWhenShown
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)

STAGE_COLOURS = ("#93c5fd", "#60a5fa", "#2563eb", "#f59e0b", "#9ca3af")
TIER_COLOURS = ("#c4b5fd", "#60a5fa", "#2563eb", "#9ca3af")


def describe_model(s: ModelSettings) -> str:
    """The thresholds in words, for the owner."""
    high = (QCoreApplication.translate("SegmentsView", "above the average score") if s.high_rule == "mean"
            else QCoreApplication.translate("SegmentsView", "a score of %1 or more").replace("%1", s.high_rule))  # fmt: skip
    text = QCoreApplication.translate(
        "SegmentsView",
        "Introduction: no order yet, or fewer than %1. Growth: %1 to %2 orders. Mature: %3 orders or more. "
        "No order for more than %4 days: dormant; more than %5 days: churned. High value: %6 orders or more "
        "and an order in the last %4 days. R, F and M are scored 1-5 at the %7 % edges; a score counts as high "
        "when it is %8.",
    )
    return (text.replace("%1", str(s.growth_orders)).replace("%2", str(s.mature_orders - 1))
            .replace("%3", str(s.mature_orders)).replace("%4", str(s.dormant_days)).replace("%5", str(s.churned_days))
            .replace("%6", str(s.high_value_orders)).replace("%7", "/".join(f"{e:g}" for e in s.edges))
            .replace("%8", high))  # fmt: skip


class ModelSettingsDialog(QDialog):
    """The RFM and lifecycle thresholds, explained in words as they are changed."""

    def __init__(self, settings: ModelSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Segmentation settings"))
        self.edges = []
        edge_row = QHBoxLayout()
        for value in settings.edges:
            box = QSpinBox(self)
            box.setRange(1, 99)
            box.setSuffix(" %")
            box.setValue(int(value))
            self.edges.append(box)
            edge_row.addWidget(box)
        self.high = QComboBox(self)
        self.high.addItem(self.tr("Above the average score"), "mean")
        for n in ("2", "3", "4", "5"):
            self.high.addItem(self.tr("%1 or more").replace("%1", n), n)
        self.high.setCurrentIndex(max(0, self.high.findData(settings.high_rule)))

        def spin(value: int, top: int, suffix: str) -> QSpinBox:
            box = QSpinBox(self)
            box.setRange(1, top)
            box.setValue(value)
            box.setSuffix(suffix)
            return box

        orders, days = self.tr(" orders"), self.tr(" days")
        self.growth = spin(settings.growth_orders, 1000, orders)
        self.mature = spin(settings.mature_orders, 1000, orders)
        self.high_value = spin(settings.high_value_orders, 1000, orders)
        self.dormant = spin(settings.dormant_days, 3650, days)
        self.churned = spin(settings.churned_days, 3650, days)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setMinimumWidth(460)
        form = QFormLayout()
        form.addRow(self.tr("Quintile edges"), edge_row)
        form.addRow(self.tr("A score is high when"), self.high)
        form.addRow(self.tr("Growth from"), self.growth)
        form.addRow(self.tr("Mature from"), self.mature)
        form.addRow(self.tr("High value from"), self.high_value)
        form.addRow(self.tr("Dormant after"), self.dormant)
        form.addRow(self.tr("Churned after"), self.churned)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self._load(ModelSettings())
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.words)
        layout.addWidget(buttons)
        for box in (*self.edges, self.growth, self.mature, self.high_value, self.dormant, self.churned):
            box.valueChanged.connect(self._explain)
        self.high.currentIndexChanged.connect(self._explain)
        self.result_settings: ModelSettings | None = None
        self._explain()

    def _load(self, s: ModelSettings) -> None:
        for box, value in zip(self.edges, s.edges, strict=True):
            box.setValue(int(value))
        self.high.setCurrentIndex(max(0, self.high.findData(s.high_rule)))
        self.growth.setValue(s.growth_orders)
        self.mature.setValue(s.mature_orders)
        self.high_value.setValue(s.high_value_orders)
        self.dormant.setValue(s.dormant_days)
        self.churned.setValue(s.churned_days)

    def settings(self) -> ModelSettings:
        return ModelSettings(
            edges=tuple(float(b.value()) for b in self.edges),  # type: ignore[arg-type]
            high_rule=self.high.currentData(),
            growth_orders=self.growth.value(),
            mature_orders=self.mature.value(),
            high_value_orders=self.high_value.value(),
            dormant_days=self.dormant.value(),
            churned_days=self.churned.value(),
        )

    def _explain(self) -> None:
        try:
            s = self.settings()
            s.check()
        except UserError as exc:
            self.words.setText(describe(exc))
            return
        self.words.setText(describe_model(s))

    def _accept(self) -> None:
        try:
            s = self.settings()
            s.check()
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.result_settings = s
        self.accept()


class SegmentsView(ReloadsWhenShown, QWidget):
    open_customers = Signal(object, str)  # customer ids, what they are (shown above the customer list)
    export_customers = Signal(object)  # customer ids
    add_to_group = Signal(object)  # customer ids to add to a community group
    data_changed = Signal()  # tags were changed from here

    def __init__(self, service: SegmentService, tags: TagService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._tags = tags
        self._context: SegmentContext | None = None
        self._stale = True
        self._loading = False
        self._again = False
        self._segments: list[SavedSegment] = []
        self._undo: SavedSegment | None = None

        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(QDate.currentDate())
        self.as_of_label = QLabel(self)
        self.today_button = QPushButton(self)
        self.settings_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setObjectName("segmentsStatus")
        top = QHBoxLayout()
        for w in (self.as_of_label, self.as_of, self.today_button, self.settings_button, self.refresh_button):
            top.addWidget(w)
        top.addWidget(self.status, 1)

        self.heat_box = QGroupBox(self)
        self.heat = HeatMap(self.heat_box)
        self.edges_label = QLabel(self.heat_box)  # the quintile edges: why a column can be empty
        self.edges_label.setWordWrap(True)
        self.edges_label.setObjectName("quintileEdges")
        heat_layout = QVBoxLayout(self.heat_box)
        heat_layout.addWidget(self.heat, 1)
        heat_layout.addWidget(self.edges_label)

        self.class_box = QGroupBox(self)
        self.class_model = ClassTableModel(self)
        self.class_table = QTableView(self.class_box)
        self.class_table.setObjectName("rfmClassTable")
        self.class_table.setModel(self.class_model)
        self.class_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.class_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.class_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.class_table.verticalHeader().setVisible(False)
        self.class_table.setWordWrap(False)
        header = self.class_table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 80, 80, 90)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        QVBoxLayout(self.class_box).addWidget(self.class_table)

        self.stage_box = QGroupBox(self)
        self.stages = BarList(centred=True, parent=self.stage_box)
        self.tiers = BarList(parent=self.stage_box)
        self.model_words = QLabel(self.stage_box)
        self.model_words.setWordWrap(True)
        self.model_words.setObjectName("modelWords")
        self.stage_label = QLabel(self.stage_box)
        self.tier_label = QLabel(self.stage_box)
        stage_layout = QGridLayout(self.stage_box)
        stage_layout.addWidget(self.stage_label, 0, 0)
        stage_layout.addWidget(self.tier_label, 0, 1)
        stage_layout.addWidget(self.stages, 1, 0)
        stage_layout.addWidget(self.tiers, 1, 1)
        stage_layout.addWidget(self.model_words, 2, 0, 1, 2)
        stage_layout.setRowStretch(1, 1)
        stage_layout.setColumnStretch(0, 1)
        stage_layout.setColumnStretch(1, 1)

        self.saved_box = QGroupBox(self)
        self.saved = QListWidget(self.saved_box)
        self.saved.setObjectName("savedSegments")
        self.new_button = QPushButton(self.saved_box)
        self.edit_button = QPushButton(self.saved_box)
        self.delete_button = QPushButton(self.saved_box)
        self.open_button = QPushButton(self.saved_box)
        self.tag_button = QPushButton(self.saved_box)
        self.untag_button = QPushButton(self.saved_box)
        self.export_button = QPushButton(self.saved_box)
        self.group_button = QPushButton(self.saved_box)
        self.undo_bar = QWidget(self.saved_box)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_button = QPushButton(self.undo_bar)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._undo_timer = QTimer(self, singleShot=True, interval=15000, timeout=self.undo_bar.hide)
        self.message = QLabel(self.saved_box)  # what the last action did
        self.message.setObjectName("segmentMessage")
        self.message.setWordWrap(True)
        buttons = QGridLayout()
        for i, b in enumerate((self.new_button, self.edit_button, self.delete_button, self.open_button,
                               self.tag_button, self.untag_button, self.export_button, self.group_button)):  # fmt: skip
            buttons.addWidget(b, i // 4, i % 4)
        saved_layout = QVBoxLayout(self.saved_box)
        saved_layout.addWidget(self.saved, 1)
        saved_layout.addLayout(buttons)
        saved_layout.addWidget(self.undo_bar)
        saved_layout.addWidget(self.message)

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.heat_box)
        upper.addWidget(self.class_box)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 3)
        upper.setSizes([520, 760])
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.stage_box)
        lower.addWidget(self.saved_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([760, 520])
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(body, 1)

        self.as_of.dateChanged.connect(lambda _d: self.reload())
        self.today_button.clicked.connect(lambda: self.as_of.setDate(QDate.currentDate()))
        self.refresh_button.clicked.connect(self.reload)
        self.settings_button.clicked.connect(self.edit_model_settings)
        self.heat.cell_clicked.connect(self._open_cell)
        self.class_table.doubleClicked.connect(lambda index: self._open_class(index.row()))
        self.class_table.activated.connect(lambda index: self._open_class(index.row()))
        self.stages.bar_clicked.connect(self._open_stage)
        self.tiers.bar_clicked.connect(self._open_tier)
        self.saved.itemDoubleClicked.connect(lambda _item: self.open_segment())
        self.saved.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.new_button.clicked.connect(self.new_segment)
        self.edit_button.clicked.connect(self.edit_segment)
        self.delete_button.clicked.connect(self.delete_segment)
        self.open_button.clicked.connect(self.open_segment)
        self.tag_button.clicked.connect(lambda: self.tag_segment(add=True))
        self.untag_button.clicked.connect(lambda: self.tag_segment(add=False))
        self.export_button.clicked.connect(self.export_segment)
        self.group_button.clicked.connect(self.group_segment)
        self.undo_button.clicked.connect(self.undo_delete)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.reload)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_segment)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.saved, activated=self.delete_segment)
        self.retranslate_ui()
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._stale = False
        self.status.setText(self.tr("Calculating…"))
        as_of = self.as_of.date().toPython()
        run_in_background(self._load, as_of, on_done=self._loaded, on_failed=self._failed)

    def _load(self, as_of: Any) -> tuple[SegmentContext, list[SavedSegment], dict[str, Any], ModelSettings]:
        context = self._service.context(as_of)
        return context, self._service.segments(), self._service.choices(), self._service.model_settings()

    def _loaded(self, result: tuple[SegmentContext, list[SavedSegment], dict[str, Any], ModelSettings]) -> None:
        self._loading = False
        self._context, self._segments, self._choices, settings = result
        scores = self._context.scores
        counts, money = scores.grid()
        self.heat.set_data(counts.tolist(), money.tolist())
        self.class_model.set_summary(scores.class_summary())
        self.stages.set_bars([(QCoreApplication.translate("Segments", STAGE_LABELS[k]), n, QColor(c))
                              for k, n, c in zip(STAGES, scores.stage_counts(), STAGE_COLOURS, strict=True)])  # fmt: skip
        self.tiers.set_bars([(QCoreApplication.translate("Segments", TIER_LABELS[k]), n, QColor(c))
                             for k, n, c in zip(TIERS, scores.tier_counts(), TIER_COLOURS, strict=True)])  # fmt: skip
        self.model_words.setText(describe_model(settings))
        self.edges_label.setText(self._edges_text(scores))
        buyers = int((scores.frame["rfm_class"] >= 0).sum())
        self.status.setText(self.tr("As of %1: %2 customers, %3 with orders").replace("%1", scores.as_of.isoformat())
                            .replace("%2", f"{len(scores):,}").replace("%3", f"{buyers:,}"))  # fmt: skip
        self._fill_saved()
        if self._again:
            self._again = False
            self.reload()

    def _edges_text(self, scores: Any) -> str:
        if not len(scores.f_edges):
            return self.tr("No customer has ordered yet: scores appear with the first orders.")

        def nums(values: Any, unit: str = "") -> str:
            return "/".join(f"{unit}{v:,.0f}" for v in values)

        return (self.tr("Score edges: R %1 days ago, F %2 orders, M %3. Customers with equal figures get equal "
                        "scores, so a score can stay empty when many customers tie (for example one order).")
                .replace("%1", nums(-scores.r_edges[::-1])).replace("%2", nums(scores.f_edges))
                .replace("%3", nums(scores.m_edges / 100, "¥")))  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        log.error("segmentation failed", exc_info=exc)
        self.status.setText(self.tr("Could not calculate the segments: %1").replace(
            "%1", describe(exc) if isinstance(exc, UserError) else str(exc)))  # fmt: skip

    def _fill_saved(self) -> None:
        current = self._current_segment()
        self.saved.clear()
        for seg in self._segments:
            try:
                count = self._context.count(seg.rules) if self._context is not None else 0
                text = self.tr("%1 (%2 customers)").replace("%1", seg.name).replace("%2", f"{count:,}")
            except UserError as exc:
                text = f"{seg.name} ({describe(exc)})"
            item = QListWidgetItem(text, self.saved)
            item.setData(Qt.ItemDataRole.UserRole, seg.id)
            if current is not None and seg.id == current.id:
                self.saved.setCurrentItem(item)
        if self.saved.currentRow() < 0 and self.saved.count():
            self.saved.setCurrentRow(0)
        self._update_buttons()

    # -- opening customers -------------------------------------------------------------------------------
    def _open_mask(self, mask: np.ndarray, title: str) -> None:
        if self._context is None:
            return
        self.open_customers.emit(self._context.ids[mask], title)

    def _open_cell(self, r: int, f: int) -> None:
        if self._context is None:
            return
        frame = self._context.scores.frame
        mask = (frame["r_score"].to_numpy() == r) & (frame["f_score"].to_numpy() == f)
        self._open_mask(mask, f"R{r} · F{f}")

    def _open_class(self, row: int) -> None:
        if self._context is None or not 0 <= row < len(RFM_CLASSES):
            return
        self._open_mask(self._context.scores.frame["rfm_class"].to_numpy() == row, RFM_CLASSES[row].key)

    def _open_stage(self, i: int) -> None:
        if self._context is not None:
            self._open_mask(self._context.scores.frame["lifecycle_stage"].to_numpy() == i,
                            QCoreApplication.translate("Segments", STAGE_LABELS[STAGES[i]]))  # fmt: skip

    def _open_tier(self, i: int) -> None:
        if self._context is not None:
            self._open_mask(self._context.scores.frame["value_tier"].to_numpy() == i,
                            QCoreApplication.translate("Segments", TIER_LABELS[TIERS[i]]))  # fmt: skip

    # -- saved segments ----------------------------------------------------------------------------------
    def _current_segment(self) -> SavedSegment | None:
        item = self.saved.currentItem()
        if item is None:
            return None
        sid = item.data(Qt.ItemDataRole.UserRole)
        return next((s for s in self._segments if s.id == sid), None)

    def _update_buttons(self) -> None:
        has = self._current_segment() is not None
        for b in (self.edit_button, self.delete_button, self.open_button, self.tag_button, self.untag_button,
                  self.export_button, self.group_button):  # fmt: skip
            b.setEnabled(has and self._context is not None)
        self.new_button.setEnabled(self._context is not None)

    def _segment_ids(self, seg: SavedSegment) -> np.ndarray | None:
        if self._context is None:
            return None
        try:
            return self._context.evaluate(seg.rules)
        except UserError as exc:
            QMessageBox.warning(self, seg.name, describe(exc))
            return None

    def _editor(self, segment: SavedSegment | None) -> SegmentEditor:
        assert self._context is not None
        editor = SegmentEditor(self._choices, self._context.count, self._service.save, segment, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(lambda _sid: self.reload())
        return editor

    def new_segment(self) -> None:
        if self._context is not None:
            self._editor(None).open()

    def edit_segment(self) -> None:
        seg = self._current_segment()
        if seg is not None and self._context is not None:
            self._editor(seg).open()

    def delete_segment(self) -> None:
        seg = self._current_segment()
        if seg is None:
            return
        try:
            self._undo = self._service.delete(seg.id)
        except UserError as exc:
            QMessageBox.warning(self, seg.name, describe(exc))
            return
        self._segments = [s for s in self._segments if s.id != seg.id]
        self._fill_saved()
        self.undo_label.setText(self.tr("Segment %1 deleted.").replace("%1", seg.name))
        self.undo_bar.show()
        self._undo_timer.start()

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        try:
            self._service.save(self._undo.name, self._undo.rules)
        except UserError as exc:
            QMessageBox.warning(self, self._undo.name, describe(exc))
        self._undo = None
        self.undo_bar.hide()
        self.reload()

    def open_segment(self) -> None:
        seg = self._current_segment()
        ids = self._segment_ids(seg) if seg is not None else None
        if seg is not None and ids is not None:
            self.open_customers.emit(ids, seg.name)

    def export_segment(self) -> None:
        seg = self._current_segment()
        ids = self._segment_ids(seg) if seg is not None else None
        if ids is not None:
            self.export_customers.emit(ids)

    def group_segment(self) -> None:
        seg = self._current_segment()
        ids = self._segment_ids(seg) if seg is not None else None
        if ids is not None and len(ids):
            self.add_to_group.emit(ids)

    def tag_segment(self, add: bool) -> None:
        seg = self._current_segment()
        ids = self._segment_ids(seg) if seg is not None else None
        if seg is None or ids is None:
            return
        if not len(ids):
            QMessageBox.information(self, seg.name, self.tr("No customer is in this segment now."))
            return
        tags = self._tags.tags()
        if not tags:
            QMessageBox.information(self, seg.name, self.tr("The shop has no tags yet: add some in the tag manager."))
            return
        title = self.tr("Add a tag") if add else self.tr("Remove a tag")
        prompt = (self.tr("Tag for the %1 customers of %2:") if add
                  else self.tr("Tag to remove from the %1 customers of %2:"))  # fmt: skip
        label, ok = QInputDialog.getItem(self, title, prompt.replace("%1", f"{len(ids):,}").replace("%2", seg.name),
                                         [f"{t.group_name} · {t.name}" for t in tags], 0, False)  # fmt: skip
        if not ok:
            return
        tag = tags[[f"{t.group_name} · {t.name}" for t in tags].index(label)]
        try:
            if add:
                change = self._tags.add_tags([int(i) for i in ids], [tag.id])
                message = self.tr("Tag %1 added to %2 customers.").replace("%1", tag.name).replace("%2", f"{change.added:,}")
            else:
                change = self._tags.remove_tags([int(i) for i in ids], [tag.id])
                message = self.tr("Tag %1 removed from %2 customers.").replace("%1", tag.name).replace("%2", f"{change.removed:,}")
        except UserError as exc:
            QMessageBox.warning(self, title, describe(exc))
            return
        self.message.setText(message)
        self.data_changed.emit()
        self.reload()

    def edit_model_settings(self) -> None:
        try:
            current = self._service.model_settings()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Segmentation settings"), describe(exc))
            return
        dialog = ModelSettingsDialog(current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_settings is None:
            return
        try:
            self._service.save_model_settings(dialog.result_settings)
        except UserError as exc:
            QMessageBox.warning(self, dialog.windowTitle(), describe(exc))
            return
        self.reload()

    # -- language ----------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.as_of_label.setText(self.tr("As of"))
        self.today_button.setText(self.tr("Today"))
        self.settings_button.setText(self.tr("Settings…"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.heat_box.setTitle(self.tr("Recency × frequency: click a cell to see its customers"))
        self.heat.set_labels(self.tr("R (5 = most recent)"), self.tr("F (5 = most orders)"),
                             self.tr("%1: %2 customers, %3 spent"))  # fmt: skip
        self.class_box.setTitle(self.tr("The eight RFM classes (double-click to see the customers)"))
        self.stage_box.setTitle(self.tr("Lifecycle and value (click a bar to see its customers)"))
        self.stage_label.setText(self.tr("Lifecycle stages"))
        self.tier_label.setText(self.tr("Value tiers"))
        self.saved_box.setTitle(self.tr("Saved segments"))
        self.new_button.setText(self.tr("New…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.open_button.setText(self.tr("Show customers"))
        self.tag_button.setText(self.tr("Add a tag…"))
        self.untag_button.setText(self.tr("Remove a tag…"))
        self.export_button.setText(self.tr("Export…"))
        self.group_button.setText(self.tr("Add to a group…"))
        self.undo_button.setText(self.tr("Undo"))
        self.class_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ClassTableModel.COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._context is not None:
                self._loaded_again()
        super().changeEvent(event)

    def _loaded_again(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()
