"""概览 Dashboard: the chosen week against the week before (KPI cards), twelve-week trends, groups by grade, and
alerts that open the place to act. Computed off the GUI thread (``services.dashboard``)."""

from __future__ import annotations

import datetime as dt
import html
import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.services.dashboard import ALERTS, DashboardData, change
from app.services.groups import GRADES, week_label, week_of
from app.views.stale import ReloadsWhenShown
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)


def _money(cents: float | None) -> str:
    return "–" if cents is None else f"¥{cents / 100:,.0f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


class KpiCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("kpiCard")
        self.title = QLabel(self)
        self.value = QLabel(self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        box.addWidget(self.title)
        box.addWidget(self.value)
        box.addWidget(self.detail)

    def show_figure(self, title: str, now: str, before: str, delta: float | None, extra: str = "") -> None:
        self.title.setText(title)
        self.value.setText(now)
        arrow = "" if delta is None else ("▲ " if delta > 0 else "▼ " if delta < 0 else "")
        colour = "#6b7280" if delta is None or delta == 0 else ("#15803d" if delta > 0 else "#b91c1c")
        change_text = "–" if delta is None else f"{arrow}{abs(delta):.1%}"
        previous = self.tr("last week %1").replace("%1", before)
        self.detail.setText(f"<span style='color:{colour}'>{change_text}</span> "
                            f"<span style='color:#6b7280'>{previous}</span>{extra}")  # fmt: skip


class DashboardView(ReloadsWhenShown, QWidget):
    open_customers = Signal(object, str)  # customer ids, what they are
    open_screen = Signal(str)
    report_requested = Signal(object, str)  # the week's Monday, "preview" or "pdf"

    def __init__(self, load: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load  # (monday) -> DashboardData
        self._data: DashboardData | None = None
        self._stale = True
        self._loading = False
        self._again = False
        self.week = QComboBox(self)
        last = week_of(dt.date.today() - dt.timedelta(days=7))[0]
        for i in range(12):
            monday = last - dt.timedelta(weeks=i)
            self.week.addItem(f"{week_label(monday)}（{monday:%m-%d} – {monday + dt.timedelta(days=6):%m-%d}）", monday)
        self.status = QLabel(self)
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("reportPreview")
        self.preview_button.setShortcut(QKeySequence.StandardKey.Print)
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("reportPdf")
        self.preview_button.clicked.connect(lambda: self.report_requested.emit(self.week.currentData(), "preview"))
        self.pdf_button.clicked.connect(lambda: self.report_requested.emit(self.week.currentData(), "pdf"))
        top = QHBoxLayout()
        self.week_label = QLabel(self)
        top.addWidget(self.week_label)
        top.addWidget(self.week)
        top.addWidget(self.status, 1)
        top.addWidget(self.preview_button)
        top.addWidget(self.pdf_button)
        cards = QWidget(self)
        grid = QGridLayout(cards)
        grid.setSpacing(6)
        self.cards = [KpiCard(cards) for _ in range(10)]
        for i, card in enumerate(self.cards):
            grid.addWidget(card, i // 5, i % 5)
        self.chart_box = QVBoxLayout()
        self.plot_gmv = None
        self.plot_buyers = None
        charts = QWidget(self)
        charts.setLayout(self.chart_box)
        side = QWidget(self)
        self.grades_title = QLabel(side)
        self.grades = QLabel(side)
        self.grades.setWordWrap(True)
        self.alerts_title = QLabel(side)
        self.alerts = QListWidget(side)
        self.alerts.setObjectName("dashboardAlerts")
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        for w in (self.grades_title, self.grades, self.alerts_title):
            side_box.addWidget(w)
        side_box.addWidget(self.alerts, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(charts)
        lower.addWidget(side)
        lower.setSizes([900, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(cards)
        layout.addWidget(lower, 1)
        self.week.currentIndexChanged.connect(lambda _i: self.reload())
        self.alerts.itemActivated.connect(self._alert)
        self.alerts.itemClicked.connect(self._alert)
        self.retranslate_ui()

    def show_week(self, monday: dt.date) -> None:
        """Choose the week of ``monday`` (added to the list when older than its twelve weeks)."""
        row = self.week.findData(monday)
        if row < 0:
            self.week.addItem(f"{week_label(monday)}（{monday:%m-%d} – {monday + dt.timedelta(days=6):%m-%d}）", monday)
            row = self.week.count() - 1
        self.week.setCurrentIndex(row)

    def reload(self) -> None:
        if self._loading:  # read again once this one is in: the week or the data changed meanwhile
            self._again = True
            return
        self._again = False
        self._loading = True
        self._stale = False
        self.status.setText(self.tr("Calculating…"))
        run_in_background(self._load, self.week.currentData(), on_done=self._loaded, on_failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if self._again:  # the week changed meanwhile: read that one
            self.reload()
            return
        log.error("the dashboard failed", exc_info=exc)
        self.status.setText(describe(exc) if isinstance(exc, UserError) else str(exc))

    def _loaded(self, data: DashboardData) -> None:
        self._loading = False
        self._data = data
        self.status.setText("")
        t, b = data.this, data.before
        contacts_now, contacts_before = sum(t.new_contacts.values()), sum(b.new_contacts.values())
        unknown = self.tr("unknown")
        by_channel = "、".join(f"{html.escape(k) if k else unknown} {v}" for k, v in sorted(t.new_contacts.items(), key=lambda kv: -kv[1])[:3])
        figures = [
            (self.tr("GMV"), _money(t.gmv), _money(b.gmv), change(t.gmv, b.gmv), ""),
            (self.tr("GMV from new buyers"), _money(t.gmv_new), _money(b.gmv_new), change(t.gmv_new, b.gmv_new), ""),
            (self.tr("GMV from returning buyers"), _money(t.gmv_returning), _money(b.gmv_returning),
             change(t.gmv_returning, b.gmv_returning), ""),
            (self.tr("Buyers (new / returning)"), f"{t.buyers:,}", f"{b.buyers:,}", change(t.buyers, b.buyers),
             f"<br>{t.new_buyers:,} / {t.returning_buyers:,}"),
            (self.tr("Per buyer (new / returning)"), _money(t.aov), _money(b.aov), change(t.aov, b.aov),
             f"<br>{_money(t.aov_new)} / {_money(t.aov_returning)}"),
            (self.tr("Orders"), f"{t.orders:,}", f"{b.orders:,}", change(t.orders, b.orders), ""),
            (self.tr("Repurchase rate"), _pct(t.repurchase_rate), _pct(b.repurchase_rate),
             change(t.repurchase_rate, b.repurchase_rate), ""),
            (self.tr("New private-domain contacts"), f"{contacts_now:,}", f"{contacts_before:,}",
             change(contacts_now, contacts_before), f"<br>{by_channel}" if by_channel else ""),
            (self.tr("Active customers (30 days)"), f"{t.active_customers:,}", f"{b.active_customers:,}",
             change(t.active_customers, b.active_customers), ""),
            (self.tr("Coupons issued / redeemed"), f"{t.coupons_issued:,} / {t.coupons_redeemed:,}",
             f"{b.coupons_issued:,} / {b.coupons_redeemed:,}", change(t.coupons_redeemed, b.coupons_redeemed),
             "<br>" + self.tr("coupon orders %1, K %2").replace("%1", _money(t.coupon_gmv))
             .replace("%2", "–" if t.k is None else f"{t.k:.2f}")),
        ]  # fmt: skip
        for card, fig in zip(self.cards, figures, strict=True):
            card.show_figure(*fig)
        order = [*GRADES, "dead", "no data"]
        words = {"dead": self.tr("Dead"), "no data": self.tr("No data")}
        self.grades.setText("  ".join(f"{words.get(g, g)} {data.grades[g]}" for g in order if data.grades.get(g)) or "–")
        self.alerts.clear()
        for alert in data.alerts:
            entry = QListWidgetItem(_alert_text(alert.key).replace("%1", f"{alert.count:,}"), self.alerts)
            entry.setData(Qt.ItemDataRole.UserRole, alert)
            if not alert.count:
                entry.setForeground(Qt.GlobalColor.gray)
        self._draw(data)
        if self._again:
            self.reload()

    def _draw(self, data: DashboardData) -> None:
        import pyqtgraph as pg

        if self.plot_gmv is None:
            pg.setConfigOptions(antialias=True, background="w", foreground="#374151")
            self.plot_gmv = pg.PlotWidget(axisItems={"left": _count_axis(pg)})
            self.plot_buyers = pg.PlotWidget(axisItems={"left": _count_axis(pg)})
            self.plot_gmv.addLegend(offset=(10, 10))
            self.chart_box.addWidget(self.plot_gmv, 1)
            self.chart_box.addWidget(self.plot_buyers, 1)
        gmv, buyers = self.plot_gmv, self.plot_buyers
        gmv.clear()
        buyers.clear()
        xs = list(range(len(data.trend)))
        returning = [p.gmv_returning / 100 for p in data.trend]
        new = [p.gmv_new / 100 for p in data.trend]
        gmv.addItem(pg.BarGraphItem(x=xs, height=returning, width=0.6, brush="#93c5fd", name=self.tr("Returning buyers")))
        gmv.addItem(pg.BarGraphItem(x=xs, y0=returning, height=new, width=0.6, brush="#2563eb", name=self.tr("New buyers")))
        gmv.setTitle(self.tr("Weekly GMV (yuan): new buyers on returning buyers"))
        gmv.setLabel("left", self.tr("GMV (yuan)"))
        buyers.plot(xs, [p.buyers for p in data.trend], pen=pg.mkPen("#16a34a", width=2), symbol="o", symbolSize=6,
                    symbolBrush="#16a34a")  # fmt: skip
        buyers.setTitle(self.tr("Buyers per week"))
        buyers.setLabel("left", self.tr("Buyers (people)"))
        top = max([p.buyers for p in data.trend] + [1])
        buyers.setYRange(0, top * 1.1, padding=0)
        ticks = [[(i, week_label(p.monday)[5:]) for i, p in enumerate(data.trend)]]
        gmv.getAxis("bottom").setTicks(ticks)
        buyers.getAxis("bottom").setTicks(ticks)

    def _alert(self, entry: QListWidgetItem) -> None:
        alert = entry.data(Qt.ItemDataRole.UserRole)
        if alert is None or not alert.count:
            return
        if alert.customer_ids and alert.screen is None:
            self.open_customers.emit(alert.customer_ids, _alert_text(alert.key).replace("%1", f"{alert.count:,}"))
        elif alert.screen:
            self.open_screen.emit(alert.screen)

    def retranslate_ui(self) -> None:
        self.week_label.setText(self.tr("Week"))
        self.preview_button.setText(self.tr("Weekly report: print preview…"))
        self.preview_button.setToolTip(self.tr("Print the week's report (Ctrl+P)"))
        self.pdf_button.setText(self.tr("Save the report as PDF…"))
        self.grades_title.setText(self.tr("Groups by grade"))
        self.alerts_title.setText(self.tr("To do (click to open)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._data is not None and self.isVisible():
                self._loaded(self._data)
        super().changeEvent(event)


def _count_axis(pg: Any) -> Any:
    """A value axis that writes 1,200,000 as such, not as 1.2e+06 or with an SI prefix."""

    class CountAxis(pg.AxisItem):
        def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]  # noqa: N802
            return [f"{v * scale:,.0f}" for v in values]

    axis = CountAxis("left")
    axis.enableAutoSIPrefix(False)
    axis.setWidth(86)  # room for "2,000,000" beside the axis title
    return axis


def _alert_text(key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Dashboard", ALERTS[key])
