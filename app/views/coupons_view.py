"""优惠券 Coupons: campaigns with issued / redeemed / rate / GMV / cost / ROI; a campaign page with its daily
redemptions (pyqtgraph), the control group's lift, breakdowns by staff, issue route and content, and its
coupons (search by code or phone); coupons expiring within 3 days; a campaign editor; issuing to a saved
segment, a group or a tag with a preview of who receives one and why the others do not.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.coupon_tables import CampaignTableModel, CouponTableModel, kind_text
from app.services.coupons import KINDS, Campaign, CampaignResult, CouponService
from app.views.stale import ReloadsWhenShown
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)


class CampaignDialog(QDialog):
    """A campaign's terms: kind and value, validity, quantity and limits, control group, claim condition."""

    def __init__(self, campaign: Campaign | None = None, parent: QWidget | None = None,
                 groups: list[tuple[int, str]] | None = None, contents: list[tuple[int, str]] | None = None,
                 activities: list[tuple[int, str]] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._campaign = campaign
        self.setWindowTitle(self.tr("Edit campaign") if campaign else self.tr("New campaign"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(128)
        self.kind = QComboBox(self)
        for k in KINDS:
            self.kind.addItem(kind_text(k), k)

        def money() -> QDoubleSpinBox:
            box = QDoubleSpinBox(self)
            box.setRange(0, 1_000_000)
            box.setDecimals(2)
            box.setPrefix("¥")
            return box

        self.value, self.threshold, self.cap, self.gift_cost = money(), money(), money(), money()
        self.rate = QDoubleSpinBox(self)
        self.rate.setRange(0.1, 9.9)
        self.rate.setDecimals(1)
        self.rate.setSuffix(self.tr(" 折"))
        self.rate.setValue(9.0)
        self.by_days = QCheckBox(self)
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setValue(30)
        self.valid_to = QDateEdit(self)
        self.valid_to.setCalendarPopup(True)
        self.valid_to.setDisplayFormat("yyyy-MM-dd")
        self.valid_to.setDate(QDate.currentDate().addDays(30))
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 10_000_000)
        self.quantity.setSpecialValueText(self.tr("no limit"))
        self.limit = QSpinBox(self)
        self.limit.setRange(1, 100)
        self.control = QSpinBox(self)
        self.control.setRange(0, 50)
        self.control.setSuffix(" %")
        self.claim = QLineEdit(self)
        self.status = QComboBox(self)
        for code, text in (("draft", self.tr("Draft")), ("active", self.tr("Active")), ("ended", self.tr("Ended"))):
            self.status.addItem(text, code)
        self.group = QComboBox(self)  # the group the campaign runs in, for the breakdowns
        self.content = QComboBox(self)  # the content item that announces it
        self.activity = QComboBox(self)  # the group play it belongs to
        for combo, items in ((self.group, groups), (self.content, contents), (self.activity, activities)):
            combo.addItem("—", None)
            for key, label in items or []:
                combo.addItem(label, key)
        self.form = QFormLayout()
        self.rows = {}
        for key, label, widget in (
            ("name", self.tr("Name"), self.name), ("kind", self.tr("Kind"), self.kind),
            ("value", self.tr("Value off"), self.value), ("rate", self.tr("Rate"), self.rate),
            ("threshold", self.tr("For orders from"), self.threshold), ("cap", self.tr("At most off"), self.cap),
            ("gift_cost", self.tr("Gift's cost to the shop"), self.gift_cost),
            ("by_days", self.tr("Valid"), self.by_days), ("days", self.tr("Days after issue"), self.days),
            ("valid_to", self.tr("Last day"), self.valid_to), ("quantity", self.tr("Total quantity"), self.quantity),
            ("limit", self.tr("Per customer"), self.limit), ("control", self.tr("Control group"), self.control),
            ("claim", self.tr("How to claim"), self.claim), ("group", self.tr("Runs in group"), self.group),
            ("content", self.tr("Announced by"), self.content), ("activity", self.tr("Group play"), self.activity),
            ("status", self.tr("Status"), self.status),
        ):  # fmt: skip
            self.form.addRow(label, widget)
            self.rows[key] = widget
        self.control.setToolTip(self.tr("Hold back this share of the customers (they get nothing), to measure what "
                                         "the coupon really brought"))  # fmt: skip
        self.by_days.setText(self.tr("a number of days after issue (else until a fixed day)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.by_days.toggled.connect(self._show_fields)
        self.result_campaign: Campaign | None = None
        self._load(campaign)
        self._show_fields()

    def _load(self, c: Campaign | None) -> None:
        if c is None:
            self.by_days.setChecked(True)
            self.limit.setValue(1)
            return
        self.name.setText(c.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self.value.setValue(c.value_cents / 100)
        self.threshold.setValue(c.threshold_cents / 100)
        self.rate.setValue((c.rate_permille or 900) / 100)
        self.cap.setValue((c.cap_cents or 0) / 100)
        self.gift_cost.setValue((c.gift_cost_cents or 0) / 100)
        self.by_days.setChecked(bool(c.valid_days))
        self.days.setValue(c.valid_days or 30)
        if c.valid_to:
            self.valid_to.setDate(QDate(c.valid_to.year, c.valid_to.month, c.valid_to.day))
        self.quantity.setValue(c.quantity or 0)
        self.limit.setValue(c.per_customer_limit)
        self.control.setValue(c.control_share_permille // 10)
        self.claim.setText(c.claim_condition or "")
        for combo, value in ((self.group, c.group_id), (self.content, c.content_item_id), (self.activity, c.activity_id)):
            if value is not None and combo.findData(value) < 0:
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.status.setCurrentIndex(max(0, self.status.findData(c.status)))

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        visible = {"value": kind in ("threshold", "no_threshold"), "rate": kind == "discount",
                   "threshold": kind != "no_threshold", "cap": kind == "discount", "gift_cost": kind == "gift",
                   "days": self.by_days.isChecked(), "valid_to": not self.by_days.isChecked()}  # fmt: skip
        for key, shown in visible.items():
            self.form.setRowVisible(self.rows[key], shown)

    def campaign(self) -> Campaign:
        base = self._campaign
        kind = self.kind.currentData()
        return Campaign(
            base.id if base else None, self.name.text(), kind,
            value_cents=round(self.value.value() * 100) if kind in ("threshold", "no_threshold") else 0,
            threshold_cents=round(self.threshold.value() * 100) if kind != "no_threshold" else 0,
            rate_permille=round(self.rate.value() * 100) if kind == "discount" else None,
            cap_cents=(round(self.cap.value() * 100) or None) if kind == "discount" else None,
            gift_cost_cents=round(self.gift_cost.value() * 100) if kind == "gift" else None,
            valid_to=None if self.by_days.isChecked() else self.valid_to.date().toPython(),
            valid_days=self.days.value() if self.by_days.isChecked() else None,
            quantity=self.quantity.value() or None, per_customer_limit=self.limit.value(),
            claim_condition=self.claim.text().strip() or None, control_share_permille=self.control.value() * 10,
            control_seed=base.control_seed if base else None, group_id=self.group.currentData(),
            content_item_id=self.content.currentData(), activity_id=self.activity.currentData(),
            status=self.status.currentData(), version=base.version if base else 1,
        )  # fmt: skip

    def _accept(self) -> None:
        campaign = self.campaign()
        try:
            campaign.check()
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.result_campaign = campaign
        self.accept()


class IssueDialog(QDialog):
    """Whom to give a campaign's coupons: customers chosen elsewhere, a saved segment, a group or a tag; the
    preview says how many receive one and why the others do not."""

    def __init__(self, service: CouponService, campaigns: list[Campaign], targets: dict[str, list[tuple[Any, str]]],
                 resolve: Any, customer_ids: list[int] | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issue coupons"))
        self.setMinimumWidth(480)
        self._service = service
        self._resolve = resolve  # (kind, key) -> customer ids
        self._given = customer_ids
        self.campaign = QComboBox(self)
        for c in campaigns:
            if c.status != "ended":
                self.campaign.addItem(c.name, c.id)
        self.source = QComboBox(self)
        if customer_ids is not None:
            self.source.addItem(self.tr("The %1 customers selected").replace("%1", f"{len(customer_ids):,}"), ("selection", None))
        for kind, label in (("segment", self.tr("Segment")), ("group", self.tr("Group")), ("tag", self.tr("Tag"))):
            for key, name in targets.get(kind, []):
                self.source.addItem(f"{label}：{name}", (kind, key))
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Issue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("To"), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.buttons)
        self.campaign.currentIndexChanged.connect(lambda _i: self.refresh())
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def target(self) -> tuple[str, Any, list[int]]:
        kind, key = self.source.currentData() or ("selection", None)
        ids = list(self._given or []) if kind == "selection" else self._resolve(kind, key)
        return kind, key, ids

    def refresh(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cid = self.campaign.currentData()
        if cid is None or self.source.currentData() is None:
            self.preview_label.setText(self.tr("Create a campaign and choose whom to give it to."))
            ok.setEnabled(False)
            return
        _kind, _key, ids = self.target()
        p = self._service.preview_issue(cid, ids)
        self.preview_label.setText(
            self.tr("%1 customers receive a coupon. Not receiving: %2 already hold as many as allowed, %3 after the "
                    "quantity ran out, %4 held back as the control group, %5 not (or no longer) customers.")
            .replace("%1", f"{len(p.receive):,}").replace("%2", f"{p.at_limit:,}").replace("%3", f"{p.over_quantity:,}")
            .replace("%4", f"{len(p.held_back):,}").replace("%5", f"{p.not_customers:,}"))  # fmt: skip
        ok.setEnabled(bool(p.receive))


class CouponsView(ReloadsWhenShown, QWidget):
    data_changed = Signal()  # coupons were issued or redeemed here
    till_requested = Signal()

    def __init__(self, service: CouponService, targets: Any, resolve: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._targets = targets  # () -> {"segment": [(id, name)], "group": [...], "tag": [...]}
        self._resolve = resolve  # (kind, key) -> customer ids
        self._stale = True
        self._loading = False
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.issue_button = QPushButton(self)
        self.till_button = QPushButton(self)
        self.cards_button = QPushButton(self)
        self.summary = QLabel(self)
        top = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.issue_button, self.cards_button, self.till_button):
            top.addWidget(b)
        top.addWidget(self.summary, 1)
        self.model = CampaignTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("campaignTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.page = QTabWidget(self)
        overview = QWidget(self.page)
        self.figures = QLabel(overview)
        self.figures.setWordWrap(True)
        self.figures.setObjectName("campaignFigures")
        self.chart_box = QVBoxLayout()
        self.plot = None
        self.breakdown = QTextBrowser(overview)
        obox = QHBoxLayout(overview)
        left = QVBoxLayout()
        left.addWidget(self.figures)
        left.addLayout(self.chart_box, 1)
        obox.addLayout(left, 3)
        obox.addWidget(self.breakdown, 2)
        coupons = QWidget(self.page)
        self.search = QLineEdit(coupons)
        self.search.setClearButtonEnabled(True)
        self.coupon_model = CouponTableModel(self)
        self.coupon_table = QTableView(coupons)
        self.coupon_table.setModel(self.coupon_model)
        self.coupon_table.verticalHeader().setVisible(False)
        self.coupon_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cbox = QVBoxLayout(coupons)
        cbox.addWidget(self.search)
        cbox.addWidget(self.coupon_table, 1)
        expiring = QWidget(self.page)
        self.expiring_model = CouponTableModel(self)
        self.expiring_table = QTableView(expiring)
        self.expiring_table.setModel(self.expiring_model)
        self.expiring_table.verticalHeader().setVisible(False)
        self.expiring_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(expiring).addWidget(self.expiring_table)
        self.page.addTab(overview, "")
        self.page.addTab(coupons, "")
        self.page.addTab(expiring, "")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.page)
        split.setSizes([260, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.search.textChanged.connect(lambda _t: self._load_coupons())
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button.clicked.connect(self.edit_campaign)
        self.issue_button.clicked.connect(lambda: self.issue())
        self.till_button.clicked.connect(self.till_requested)
        self.cards_button.clicked.connect(self.print_cards)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.reload)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_campaign)
        self.retranslate_ui()

    # -- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._stale = False
        run_in_background(lambda: (self._service.results(), self._service.expiring(3)), on_done=self._loaded,
                          on_failed=self._failed)  # fmt: skip

    def _loaded(self, result: tuple[list[CampaignResult], list[Any]]) -> None:
        self._loading = False
        results, expiring = result
        current = self.current_campaign_id()
        self.model.set_rows(results)
        self.expiring_model.set_rows(expiring)
        self.page.setTabText(2, self.tr("Expiring within 3 days (%1)").replace("%1", f"{len(expiring):,}"))
        issued = sum(r.issued for r in results)
        redeemed = sum(r.redeemed for r in results)
        self.summary.setText(self.tr("%1 campaigns, %2 coupons issued, %3 redeemed")
                             .replace("%1", str(len(results))).replace("%2", f"{issued:,}").replace("%3", f"{redeemed:,}"))  # fmt: skip
        target = current if current is not None else (results[0].campaign_id if results else None)
        if target is not None and self.model.row_of(target) >= 0:
            self.table.selectRow(self.model.row_of(target))
            self._show(target)
        if self._stale and self.isVisible():  # the data changed while this was read (an import): again
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        log.error("loading the campaigns failed", exc_info=exc)
        self.summary.setText(describe(exc) if isinstance(exc, UserError) else str(exc))

    def current_campaign_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_item(index.row()).campaign_id if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.row_item(current.row()).campaign_id)

    def _show(self, campaign_id: int) -> None:
        try:
            result = self._service.lift(campaign_id)
            campaign = self._service.campaign(campaign_id)
        except UserError as exc:
            self.figures.setText(describe(exc))
            return
        lines = [
            f"<b>{campaign.name}</b>（{kind_text(campaign.kind)}）{campaign.claim_condition or ''}",
            self.tr("Issued %1, redeemed %2 (%3); GMV ¥%4, cost ¥%5, ROI %6")
            .replace("%1", f"{result.issued:,}").replace("%2", f"{result.redeemed:,}")
            .replace("%3", "–" if result.redemption_rate is None else f"{result.redemption_rate:.1%}")
            .replace("%4", f"{result.gmv_cents / 100:,.2f}").replace("%5", f"{result.cost_cents / 100:,.2f}")
            .replace("%6", "–" if result.roi is None else f"{result.roi:.2f}"),
        ]  # fmt: skip
        if result.control:
            if result.incremental_buyers is None:
                lines.append(self.tr("Control group: %1 customers held back.").replace("%1", f"{result.control:,}"))
            else:
                gmv = (result.incremental_gmv_cents or 0) / 100
                lines.append(self.tr("Against the %1 customers held back, the coupon made a difference of %2 buyers "
                                     "and %3 GMV.").replace("%1", f"{result.control:,}")
                             .replace("%2", f"{result.incremental_buyers:+,.1f}")
                             .replace("%3", f"{'-' if gmv < 0 else '+'}¥{abs(gmv):,.2f}"))  # fmt: skip
        self.figures.setText("<br>".join(lines))
        parts = self._service.breakdown(campaign_id)
        issued_h, redeemed_h, none_text = self.tr("Issued"), self.tr("Redeemed"), self.tr("(none)")
        routes = {"selection": self.tr("Chosen in the customer list"), "segment": self.tr("Segment"),
                  "group": self.tr("Group"), "tag": self.tr("Tag"), "import": self.tr("Imported"),
                  "walk-in": self.tr("Handed out at the counter")}  # fmt: skip
        parts["via"] = [((routes.get(label.split(":", 1)[0], label.split(":", 1)[0])
                          + ("：" + label.split(":", 1)[1] if label.split(":", 1)[-1] and ":" in label else "")),
                         *rest) for label, *rest in parts["via"]]  # fmt: skip
        html = []
        for key, title in (("staff", self.tr("By staff")), ("via", self.tr("By how it was issued")),
                           ("content", self.tr("By content item"))):  # fmt: skip
            rows = parts[key]
            if not rows or (key == "content" and all(not r[0] for r in rows)):
                continue
            html.append(f"<h4>{title}</h4><table cellspacing='0' cellpadding='3'>")
            html.append(f"<tr><th align='left'></th><th>{issued_h}</th><th>{redeemed_h}</th><th>GMV</th></tr>")
            for label, issued, redeemed, gmv in rows[:12]:
                html.append(f"<tr><td>{label or none_text}</td><td align='right'>{issued:,}</td>"
                            f"<td align='right'>{redeemed:,}</td><td align='right'>¥{gmv / 100:,.2f}</td></tr>")  # fmt: skip
            html.append("</table>")
        self.breakdown.setHtml("".join(html))
        self._draw(self._service.daily_redemptions(campaign_id))
        self._load_coupons()

    def _draw(self, daily: list[tuple[dt.date, int, int]]) -> None:
        import pyqtgraph as pg

        if self.plot is None:
            pg.setConfigOptions(antialias=True, background="w", foreground="#374151")
            self.plot = pg.PlotWidget()
            self.chart_box.addWidget(self.plot)
        self.plot.clear()
        self.plot.setTitle(self.tr("Coupons redeemed per day"))
        if not daily:
            return
        first = daily[0][0]
        xs = [(d - first).days for d, _n, _g in daily]
        self.plot.addItem(pg.BarGraphItem(x=xs, height=[n for _d, n, _g in daily], width=0.8, brush="#60a5fa"))
        step = max(1, len(xs) // 8)
        self.plot.getAxis("bottom").setTicks([[(x, (first + dt.timedelta(days=x)).strftime("%m-%d")) for x in xs[::step]]])

    def _load_coupons(self) -> None:
        cid = self.current_campaign_id()
        self.coupon_model.set_rows(self._service.coupons(cid, self.search.text()) if cid is not None else [])

    # -- actions -----------------------------------------------------------------------------------------
    def new_campaign(self) -> None:
        self._edit(None)

    def edit_campaign(self) -> None:
        cid = self.current_campaign_id()
        if cid is not None:
            self._edit(self._service.campaign(cid))

    def _edit(self, campaign: Campaign | None) -> None:
        targets = self._targets()
        dialog = CampaignDialog(campaign, self, groups=targets.get("group", []), contents=targets.get("content", []),
                                activities=targets.get("activity", []))  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_campaign is None:
            return
        try:
            self._service.save(dialog.result_campaign)
        except UserError as exc:
            QMessageBox.warning(self, dialog.windowTitle(), describe(exc))
            return
        self.reload()

    def issue(self, customer_ids: list[int] | None = None) -> None:
        campaigns = self._service.campaigns()
        dialog = IssueDialog(self._service, campaigns, self._targets(), self._resolve, customer_ids, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, key, ids = dialog.target()
        ref = dialog.source.currentText().split("：", 1)[-1] if kind != "selection" else None
        try:
            done = self._service.issue(dialog.campaign.currentData(), ids, via=kind, ref=ref)
        except UserError as exc:
            QMessageBox.warning(self, dialog.windowTitle(), describe(exc))
            return
        self.summary.setText(self.tr("%1 coupons issued.").replace("%1", f"{len(done.receive):,}"))
        self.data_changed.emit()
        self.reload()

    def print_cards(self) -> None:
        """Coupons for walk-in customers, printed as an A4 sheet of cards with QR codes (PDF)."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        cid = self.current_campaign_id()
        if cid is None:
            return
        campaign = self._service.campaign(cid)
        count, ok = QInputDialog.getInt(self, self.tr("Print coupon cards"),
                                        self.tr("How many cards (ten to a page)?"), 10, 1, 1000)  # fmt: skip
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Print coupon cards"), f"{campaign.name}.pdf",
                                              self.tr("PDF (*.pdf)"))  # fmt: skip
        if not path:
            return
        from app.printing.coupon_cards import write_cards

        try:
            made = self._service.issue_walk_in(cid, count)
            pages = write_cards(path, campaign, made)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Print coupon cards"), describe(exc) if isinstance(exc, UserError) else str(exc))
            return
        self.summary.setText(self.tr("%1 cards on %2 pages written to %3").replace("%1", str(len(made)))
                             .replace("%2", str(pages)).replace("%3", path))  # fmt: skip
        self.reload()

    def retranslate_ui(self) -> None:
        self.cards_button.setText(self.tr("Print cards…"))
        self.new_button.setText(self.tr("New campaign…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.issue_button.setText(self.tr("Issue coupons…"))
        self.till_button.setText(self.tr("Redeem (F9)"))
        self.page.setTabText(0, self.tr("Campaign"))
        self.page.setTabText(1, self.tr("Coupons"))
        self.page.setTabText(2, self.tr("Expiring within 3 days"))
        self.search.setPlaceholderText(self.tr("Search a code or a phone number"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
