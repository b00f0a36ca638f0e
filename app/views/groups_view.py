"""社群 Groups: every group with its grade, members, activity, conversion, GMV and eight-week trend; a group
page with its profile, members, daily figures, charts and GMV split; a grid to type one day's figures for
every group; the grade thresholds.

The services do the work (``GroupService``); this screen is built the first time it is shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.group_tables import (
    TREND_ROLE,
    DayFiguresModel,
    GroupTableModel,
    MemberTableModel,
    grade_colour,
    grade_text,
)
from app.services.groups import (
    FACTOR_LABELS,
    GRADES,
    KIND_CHOICES,
    STARTER_RULES,
    STARTER_WELCOME,
    GroupInfo,
    GroupService,
    week_label,
    week_of,
)
from app.views.stale import ReloadsWhenShown
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)


def _week_choices(count: int = 12) -> list[dt.date]:
    """The Mondays of the last ``count`` weeks, last week first (this week is still running)."""
    last = week_of(dt.date.today() - dt.timedelta(days=7))[0]
    return [last - dt.timedelta(weeks=i) for i in range(count)]


class TrendDelegate(QStyledItemDelegate):
    """Eight small coloured squares, one grade letter each, oldest first."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        grades = index.data(TREND_ROLE)
        if not grades:
            super().paint(painter, option, index)
            return
        painter.save()
        rect: QRect = option.rect
        size = min(rect.height() - 6, 18)
        x = rect.left() + 4
        y = rect.top() + (rect.height() - size) // 2
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for grade in grades:
            box = QRect(x, y, size, size)
            painter.fillRect(box, grade_colour(grade))
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, grade if grade in GRADES else "")
            x += size + 2
        painter.restore()


class ThresholdsDialog(QDialog):
    """The S-D table: per grade the activity and conversion minimums (percent, inclusive)."""

    def __init__(self, values: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Grade thresholds"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Grade"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Activity at least (%)"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Conversion at least (%)"), self), 0, 2)
        self.edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for row, grade in enumerate(GRADES, start=1):
            activity, conversion = QLineEdit(values[grade][0], self), QLineEdit(values[grade][1], self)
            grid.addWidget(QLabel(grade, self), row, 0)
            grid.addWidget(activity, row, 1)
            grid.addWidget(conversion, row, 2)
            self.edits[grade] = (activity, conversion)
        note = QLabel(self.tr("A group gets the highest grade whose two minimums it meets; below D it is a dead "
                              "group. The defaults are the private-domain guide's (S 30 % and 20 %)."), self)  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> dict[str, tuple[str, str]]:
        return {g: (a.text().strip().rstrip("%"), c.text().strip().rstrip("%")) for g, (a, c) in self.edits.items()}


class DayFiguresDialog(QDialog):
    """One day's figures for every active group, typed in like a spreadsheet (Ctrl+S saves)."""

    saved = Signal()

    def __init__(self, service: GroupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(self.tr("Daily group figures"))
        self.resize(820, 480)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate().addDays(-1))
        self.day.setMaximumDate(QDate.currentDate())
        self.model = DayFiguresModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.note = QLabel(self.tr("Type the figures from WeChat's group statistics; a group left at 0 has no "
                                   "figures that day."), self)  # fmt: skip
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day"), self))
        top.addWidget(self.day)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.day.dateChanged.connect(lambda _d: self.load())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.load()

    def load(self) -> None:
        if self.model.changed() and not self.ask_discard():
            return
        day = self.day.date().toPython()
        groups = [(g.id, g.name) for g in self._service.groups(day, include_dissolved=False)]
        self.model.set_day(groups, self._service.day_figures(day))
        self.status.setText("")

    def ask_discard(self) -> bool:
        return QMessageBox.question(self, self.windowTitle(), self.tr("Discard the figures typed for the other day?")) \
            == QMessageBox.StandardButton.Yes  # fmt: skip

    def save(self) -> None:
        try:
            changed = self._service.save_day(self.day.date().toPython(), self.model.figures())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.status.setText(self.tr("Saved: %1 groups changed.").replace("%1", str(changed)))
        day = self.day.date().toPython()
        groups = [(g.id, g.name) for g in self._service.groups(day, include_dissolved=False)]
        self.model.set_day(groups, self._service.day_figures(day))
        self.saved.emit()


class GroupPage(QTabWidget):
    """One group: profile (editable), members, daily figures of the week, charts and the GMV split."""

    changed = Signal()  # the group or its members were changed here

    def __init__(self, service: GroupService, staff: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._info: GroupInfo | None = None
        self._week = _week_choices(1)[0]
        # profile
        profile = QWidget(self)
        self.name = QLineEdit(profile)
        self.name.setMaxLength(128)
        self.kinds: dict[str, QComboBox] = {}
        for key, choices in KIND_CHOICES.items():
            combo = QComboBox(profile)
            combo.addItem("—", None)
            for code, label in choices:
                combo.addItem(QCoreApplication.translate("Groups", label), code)
            self.kinds[key] = combo
        self.owner = QComboBox(profile)
        self.owner.addItem("—", None)
        for sid, sname in staff:
            self.owner.addItem(sname, sid)
        self.capacity = QSpinBox(profile)
        self.capacity.setRange(1, 100000)
        self.rules = QPlainTextEdit(profile)
        self.welcome = QPlainTextEdit(profile)
        for edit in (self.rules, self.welcome):
            edit.setMaximumHeight(90)
        self.starter = QPushButton(profile)
        self.save_button = QPushButton(profile)
        self.dissolve_button = QPushButton(profile)
        self.profile_status = QLabel(profile)
        self.profile_status.setWordWrap(True)
        self.form = QFormLayout()
        self.form_labels = [QLabel(profile) for _ in range(9)]
        for label, widget in zip(self.form_labels, (self.name, *self.kinds.values(), self.owner, self.capacity,
                                                    self.rules, self.welcome), strict=True):  # fmt: skip
            self.form.addRow(label, widget)
        buttons = QHBoxLayout()
        for b in (self.starter, self.save_button, self.dissolve_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(profile)
        box.addLayout(self.form)
        box.addLayout(buttons)
        box.addWidget(self.profile_status)
        box.addStretch(1)
        # members
        members = QWidget(self)
        self.member_model = MemberTableModel(self)
        self.member_table = QTableView(members)
        self.member_table.setModel(self.member_model)
        self.member_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.member_table.verticalHeader().setVisible(False)
        self.member_table.horizontalHeader().setStretchLastSection(True)
        self.show_left = QCheckBox(members)
        self.remove_member = QPushButton(members)
        self.member_note = QLabel(members)
        self.member_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.show_left)
        row.addStretch(1)
        row.addWidget(self.remove_member)
        mbox = QVBoxLayout(members)
        mbox.addLayout(row)
        mbox.addWidget(self.member_table, 1)
        mbox.addWidget(self.member_note)
        # figures and charts
        figures = QWidget(self)
        self.week_summary = QLabel(figures)
        self.week_summary.setWordWrap(True)
        self.day_table = QTableView(figures)
        self.day_table.verticalHeader().setVisible(False)
        self.day_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gmv_split = QLabel(figures)
        self.gmv_split.setWordWrap(True)
        self.gmv_split.setObjectName("gmvSplit")
        fbox = QVBoxLayout(figures)
        fbox.addWidget(self.week_summary)
        fbox.addWidget(self.day_table, 1)
        fbox.addWidget(self.gmv_split)
        charts = QWidget(self)
        self.charts_box = QVBoxLayout(charts)
        self.plot_rates = None
        self.plot_gmv = None
        self.addTab(profile, "")
        self.addTab(members, "")
        self.addTab(figures, "")
        self.addTab(charts, "")
        self.starter.clicked.connect(self._fill_starter)
        self.save_button.clicked.connect(self.save)
        self.dissolve_button.clicked.connect(self._toggle_dissolved)
        self.show_left.toggled.connect(lambda _on: self._load_members())
        self.remove_member.clicked.connect(self._remove_members)
        self.retranslate_ui()

    # -- showing a group -----------------------------------------------------------------------------
    def show_group(self, info: GroupInfo, week: dt.date) -> None:
        self._info, self._week = info, week
        self.name.setText(info.name)
        for key, combo in self.kinds.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(info, key))))
        self.owner.setCurrentIndex(max(0, self.owner.findData(info.owner_staff_id)))
        self.capacity.setValue(info.capacity)
        self.rules.setPlainText(info.rules_text or "")
        self.welcome.setPlainText(info.welcome_text or "")
        self.dissolve_button.setText(self.tr("Reopen the group") if info.status != "active"
                                     else self.tr("Dissolve the group…"))  # fmt: skip
        self.profile_status.setText(
            self.tr("Dissolved on %1.").replace("%1", str(info.dissolved_on)) if info.status != "active" else "")
        self._load_members()
        self._load_figures()

    def _load_members(self) -> None:
        if self._info is None:
            return
        rows = self._service.members(self._info.id, include_left=self.show_left.isChecked())
        self.member_model.set_rows(rows)
        current = sum(1 for r in rows if r[4] is None)
        self.member_note.setText(self.tr("%1 members in Siyu. Add customers from the customer list (right-click, "
                                         "Add to a group) or from a saved segment.").replace("%1", f"{current:,}"))  # fmt: skip

    def _load_figures(self) -> None:
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        info = self._info
        if info is None:
            return
        weeks = self._service.weekly(info.id, 8, self._week)
        monday = self._week
        days = self._service.daily(info.id, monday, monday + dt.timedelta(days=6))
        w = weeks[-1][1]
        activity = "–" if w.activity is None else f"{float(w.activity):.1%}"
        conversion = "–" if w.conversion is None else f"{float(w.conversion):.1%}"
        self.week_summary.setText(
            self.tr("%1: grade %2 — activity %3 (mean over %4 days with figures), conversion %5, GMV ¥%6")
            .replace("%1", week_label(monday)).replace("%2", grade_text(w.grade)).replace("%3", activity)
            .replace("%4", str(w.days)).replace("%5", conversion).replace("%6", f"{w.gmv_cents / 100:,.2f}"))  # fmt: skip
        model = QStandardItemModel(0, 7, self.day_table)
        model.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Members"), self.tr("Spoke"), self.tr("Messages"),
                                         self.tr("Visitors"), self.tr("Buyers"), self.tr("GMV")])  # fmt: skip
        for day, values in days:
            cells = [QStandardItem(day.isoformat())]
            for i, v in enumerate(values):
                item = QStandardItem(f"¥{v / 100:,.2f}" if i == 5 else f"{v:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cells.append(item)
            model.appendRow(cells)
        old = self.day_table.model()
        self.day_table.setModel(model)
        if old is not None:
            old.deleteLater()
        self.day_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        first = weeks[-4][0]
        factors = self._service.gmv_factors(info.id, first, monday + dt.timedelta(days=6))
        self.gmv_split.setText(self._factors_text(factors, first, monday + dt.timedelta(days=6)))
        self._draw_charts(weeks)

    def _factors_text(self, f: Any, first: dt.date, last: dt.date) -> str:
        if f is None or not f.members:
            return self.tr("No members in Siyu yet: the GMV split needs the group's members.")

        def pct(v: float | None) -> str:
            return "–" if v is None else f"{v:.1%}"

        text = (self.tr("%1 to %2, from the members' orders: %3 members × %4 bought × %5 orders per buyer × "
                        "¥%6 per order = ¥%7; fission %8 (members who joined).")
                .replace("%1", first.isoformat()).replace("%2", last.isoformat()).replace("%3", f"{f.members:,}")
                .replace("%4", pct(f.conversion))
                .replace("%5", "–" if f.repurchase is None else f"{f.repurchase:.2f}")
                .replace("%6", "–" if f.aov_cents is None else f"{f.aov_cents / 100:,.2f}")
                .replace("%7", f"{f.gmv_cents / 100:,.2f}").replace("%8", pct(f.fission)))  # fmt: skip
        if f.weakest:
            text += " " + self.tr("Weakest, against the other groups: %1.").replace(
                "%1", QCoreApplication.translate("Groups", FACTOR_LABELS[f.weakest]))
        return text

    def _draw_charts(self, weeks: list[Any]) -> None:
        import pyqtgraph as pg

        if self.plot_rates is None:
            pg.setConfigOptions(antialias=True, background="w", foreground="#374151")
            self.plot_rates = pg.PlotWidget()
            self.plot_gmv = pg.PlotWidget()
            self.plot_rates.addLegend(offset=(10, 10))
            self.charts_box.addWidget(self.plot_rates, 1)
            self.charts_box.addWidget(self.plot_gmv, 1)
        rates, gmv = self.plot_rates, self.plot_gmv
        rates.clear()
        gmv.clear()
        xs = list(range(len(weeks)))
        labels = [(i, week_label(m)[5:]) for i, (m, _w) in enumerate(weeks)]
        activity = [float("nan") if w.activity is None else float(w.activity) * 100 for _m, w in weeks]
        conversion = [float("nan") if w.conversion is None else float(w.conversion) * 100 for _m, w in weeks]
        rates.plot(xs, activity, pen=pg.mkPen("#2563eb", width=2), symbol="o", symbolSize=6,
                   symbolBrush="#2563eb", name=self.tr("Activity %"), connect="finite")  # fmt: skip
        rates.plot(xs, conversion, pen=pg.mkPen("#16a34a", width=2), symbol="s", symbolSize=6,
                   symbolBrush="#16a34a", name=self.tr("Conversion %"), connect="finite")  # fmt: skip
        thresholds = self._service.thresholds().table
        s_line = thresholds[0]
        rates.addItem(pg.InfiniteLine(pos=float(s_line[1]) * 100, angle=0, pen=pg.mkPen("#2563eb", style=Qt.PenStyle.DashLine)))
        rates.addItem(pg.InfiniteLine(pos=float(s_line[2]) * 100, angle=0, pen=pg.mkPen("#16a34a", style=Qt.PenStyle.DashLine)))
        rates.setTitle(self.tr("Weekly activity and conversion (%; dashed: the S line)"))
        rates.getAxis("bottom").setTicks([labels])
        gmv.addItem(pg.BarGraphItem(x=xs, height=[w.gmv_cents / 100 for _m, w in weeks], width=0.6, brush="#93c5fd"))
        gmv.setTitle(self.tr("Weekly GMV (yuan)"))
        gmv.getAxis("bottom").setTicks([labels])

    # -- editing --------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), **{k: c.currentData() for k, c in self.kinds.items()},
                "owner_staff_id": self.owner.currentData(), "capacity": self.capacity.value(),
                "rules_text": self.rules.toPlainText().strip(), "welcome_text": self.welcome.toPlainText().strip()}  # fmt: skip

    def save(self) -> bool:
        if self._info is None:
            return False
        try:
            self._service.save(self.values(), self._info.id, self._info.version)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Save the group"), describe(exc))
            return False
        self.profile_status.setText(self.tr("Saved."))
        self.changed.emit()
        return True

    def _fill_starter(self) -> None:
        if not self.rules.toPlainText().strip():
            self.rules.setPlainText(STARTER_RULES)
        if not self.welcome.toPlainText().strip():
            self.welcome.setPlainText(STARTER_WELCOME)

    def _toggle_dissolved(self) -> None:
        info = self._info
        if info is None:
            return
        if info.status == "active":
            if QMessageBox.question(self, self.tr("Dissolve the group"), self.tr(
                    "Dissolve %1? It stays in the list as dissolved, with its members and figures.")
                    .replace("%1", info.name)) != QMessageBox.StandardButton.Yes:  # fmt: skip
                return
            self._service.dissolve(info.id)
        else:
            self._service.reopen(info.id)
        self.changed.emit()

    def _remove_members(self) -> None:
        if self._info is None:
            return
        rows = sorted({i.row() for i in self.member_table.selectionModel().selectedRows()})
        ids = [self.member_model.customer_id(r) for r in rows]
        if not ids:
            return
        removed = self._service.remove_members(self._info.id, ids)
        self.member_note.setText(self.tr("%1 members left the group (kept in the history).").replace("%1", str(removed)))
        self._load_members()
        self.changed.emit()

    def retranslate_ui(self) -> None:
        self.setTabText(0, self.tr("Profile"))
        self.setTabText(1, self.tr("Members"))
        self.setTabText(2, self.tr("Figures"))
        self.setTabText(3, self.tr("Charts"))
        for label, text in zip(self.form_labels, (self.tr("Name"), self.tr("Goal"), self.tr("Function"),
                                                  self.tr("Purchase depth"), self.tr("Purpose"), self.tr("Owner"),
                                                  self.tr("Capacity"), self.tr("Rules"), self.tr("Welcome text")),
                               strict=True):  # fmt: skip
            label.setText(text)
        self.starter.setText(self.tr("Fill in starter rules"))
        self.save_button.setText(self.tr("Save"))
        self.show_left.setText(self.tr("Show members who left"))
        self.remove_member.setText(self.tr("Remove from the group"))
        self.capacity.setToolTip(self.tr("Above this many members a warning shows: groups over 200 are rarely active"))


class GroupsView(ReloadsWhenShown, QWidget):
    data_changed = Signal()  # groups or memberships changed here

    def __init__(self, service: GroupService, staff: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._stale = True
        self._loading = False
        self._again = False
        self._select_after_reload: int | None = None
        self.week = QComboBox(self)
        for monday in _week_choices():
            sunday = monday + dt.timedelta(days=6)
            self.week.addItem(f"{week_label(monday)}（{monday:%m-%d} – {sunday:%m-%d}）", monday)
        self.week_label = QLabel(self)
        self.new_button = QPushButton(self)
        self.day_button = QPushButton(self)
        self.thresholds_button = QPushButton(self)
        self.show_dissolved = QCheckBox(self)
        self.summary = QLabel(self)
        top = QHBoxLayout()
        for w in (self.week_label, self.week, self.new_button, self.day_button, self.thresholds_button,
                  self.show_dissolved):  # fmt: skip
            top.addWidget(w)
        top.addWidget(self.summary, 1)
        self.model = GroupTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("groupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(GroupTableModel.TREND, TrendDelegate(self.table))
        header = self.table.horizontalHeader()
        for col, width in enumerate((150, 56, 120, 64, 70, 70, 70, 96, 180)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.page = GroupPage(service, staff, self)
        self.page.setEnabled(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.page)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 480])  # about ten groups in view above the group page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.week.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_dissolved.toggled.connect(lambda _on: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.new_group)
        self.day_button.clicked.connect(self.type_day)
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.page.changed.connect(self._page_changed)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.reload)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_group)
        self.retranslate_ui()

    # -- loading -----------------------------------------------------------------------------------------
    def selected_week(self) -> dt.date:
        return self.week.currentData()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._stale = False
        run_in_background(self._service.groups, self.selected_week(), self.show_dissolved.isChecked(),
                          on_done=self._loaded, on_failed=self._failed)  # fmt: skip

    def _loaded(self, groups: list[GroupInfo]) -> None:
        self._loading = False
        current = self.current_group()
        self.model.set_rows(groups)
        counts: dict[str, int] = {}
        for g in groups:
            grade = g.week.grade if g.week else "no data"
            counts[grade] = counts.get(grade, 0) + 1
        parts = [f"{grade_text(g)} {counts[g]}" for g in (*GRADES, "dead", "no data") if counts.get(g)]
        self.summary.setText(self.tr("%1 groups: %2").replace("%1", str(len(groups))).replace("%2", "  ".join(parts)))
        target = self._select_after_reload or (current.id if current else (groups[0].id if groups else None))
        self._select_after_reload = None
        if target is not None and self.model.row_of(target) >= 0:
            self.table.selectRow(self.model.row_of(target))
            self._show(self.model.row_item(self.model.row_of(target)))
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        log.error("loading the groups failed", exc_info=exc)
        self.summary.setText(self.tr("Could not read the groups: %1").replace(
            "%1", describe(exc) if isinstance(exc, UserError) else str(exc)))  # fmt: skip

    def current_group(self) -> GroupInfo | None:
        index = self.table.currentIndex()
        return self.model.row_item(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.row_item(current.row()))

    def _show(self, info: GroupInfo) -> None:
        self.page.setEnabled(True)
        self.page.show_group(info, self.selected_week())

    def _page_changed(self) -> None:
        self.data_changed.emit()
        self.reload()

    # -- actions -----------------------------------------------------------------------------------------
    def new_group(self) -> None:
        name = self.ask_name()
        if not name:
            return
        try:
            gid = self._service.save({"name": name, "capacity": 200, "rules_text": STARTER_RULES,
                                      "welcome_text": STARTER_WELCOME})  # fmt: skip
        except UserError as exc:
            QMessageBox.warning(self, self.tr("New group"), describe(exc))
            return
        self.summary.setText(self.tr("Group %1 created: fill in its type and owner below.").replace("%1", name))
        self._select_after_reload = gid
        self.reload()
        QTimer.singleShot(0, self.data_changed.emit)

    def ask_name(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("New group"), self.tr("Name of the group:"))
        return name.strip() if ok else None

    def type_day(self) -> None:
        dialog = DayFiguresDialog(self._service, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.reload)
        dialog.show()

    def edit_thresholds(self) -> None:
        dialog = ThresholdsDialog(self._service.thresholds().percent(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self._service.save_thresholds(dialog.values())
        except UserError as exc:
            QMessageBox.warning(self, dialog.windowTitle(), describe(exc))
            return
        self.reload()

    # -- language ------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.week_label.setText(self.tr("Week"))
        self.new_button.setText(self.tr("New group…"))
        self.day_button.setText(self.tr("Type a day's figures…"))
        self.thresholds_button.setText(self.tr("Grade thresholds…"))
        self.show_dissolved.setText(self.tr("Show dissolved"))
        self.model.retranslate()
        self.page.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
