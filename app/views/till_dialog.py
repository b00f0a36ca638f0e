"""核销 at the till: a code typed or scanned (scanners type like a keyboard and end with Enter), the order's
amount, Enter again; the coupon and its holder are shown before anything is recorded, and the last
redemption can be undone. Keyboard alone is enough: F9 from anywhere opens it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import describe
from app.i18n_markers import UserError
from app.models.coupon_tables import kind_text
from app.services.coupons import CouponInfo, CouponService


class TillDialog(QDialog):
    """``redeemed(code)`` after each recorded redemption."""

    redeemed = Signal(str)

    def __init__(self, service: CouponService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tillDialog")
        self._service = service
        self._info: CouponInfo | None = None
        self._last: str | None = None
        self.setMinimumWidth(460)
        self.code = QLineEdit(self)
        self.code.setObjectName("tillCode")
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.code.setFont(font)
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix("¥")
        self.amount.setFont(font)
        self.order_no = QLineEdit(self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setMinimumHeight(70)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("tillMessage")
        self.redeem_button = QPushButton(self)
        self.redeem_button.setDefault(True)
        self.undo_button = QPushButton(self)
        self.undo_button.setEnabled(False)
        self.close_button = QPushButton(self)
        form = QFormLayout()
        self.code_label, self.amount_label, self.order_label = QLabel(self), QLabel(self), QLabel(self)
        form.addRow(self.code_label, self.code)
        form.addRow(self.amount_label, self.amount)
        form.addRow(self.order_label, self.order_no)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.redeem_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.code.returnPressed.connect(self.look_up)
        self.amount.editingFinished.connect(self._amount_done)
        self.order_no.returnPressed.connect(self.redeem)
        self.redeem_button.clicked.connect(self.redeem)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+Z"), self, activated=self.undo)
        self.retranslate_ui()

    def look_up(self) -> bool:
        """Show the coupon behind the code; move to the amount."""
        self._info = None
        try:
            info = self._service.lookup(self.code.text())
        except UserError as exc:
            self._say(describe(exc), error=True)
            self.code.selectAll()
            return False
        self._info = info
        c = info.campaign
        holder = info.customer_name or self.tr("nobody yet")
        if info.phone:
            holder += f" · {info.phone[:3]}****{info.phone[-4:]}"
        lines = [f"<b>{c.name}</b>（{kind_text(c.kind)}）", self.tr("Holder: %1").replace("%1", holder),
                 self.tr("Valid until: %1").replace("%1", str(info.valid_until or "–"))]  # fmt: skip
        if c.threshold_cents:
            lines.append(self.tr("For orders of ¥%1 or more").replace("%1", f"{c.threshold_cents / 100:,.2f}"))
        if info.redeemed_at is not None:
            lines.append("<span style='color:#b91c1c'>" + self.tr("Already used on %1").replace(
                "%1", info.redeemed_at.strftime("%Y-%m-%d %H:%M")) + "</span>")  # fmt: skip
        elif info.valid_until is not None and info.valid_until < dt.date.today():
            lines.append("<span style='color:#b91c1c'>" + self.tr("Expired") + "</span>")
        self.details.setText("<br>".join(lines))
        self._say("")
        self.amount.setFocus()
        self.amount.selectAll()
        return True

    def _amount_done(self) -> None:
        if self.amount.hasFocus() and self._info is not None and self.amount.value() > 0:
            self.order_no.setFocus()

    def redeem(self) -> bool:
        if self._info is None or codes_differ(self._info.code, self.code.text()):
            if not self.look_up():
                return False
        assert self._info is not None
        cents = round(self.amount.value() * 100)
        try:
            info = self._service.redeem(self._info.code, cents, self.order_no.text() or None, dt.datetime.now())
        except UserError as exc:
            self._say(describe(exc), error=True)
            return False
        self._last = info.code
        self.undo_button.setEnabled(True)
        self._say(self.tr("Redeemed: %1 off an order of ¥%2. Next code…")
                  .replace("%1", f"¥{(info.discount_cents or 0) / 100:,.2f}").replace("%2", f"{cents / 100:,.2f}"))  # fmt: skip
        self.redeemed.emit(info.code)
        self._reset()
        return True

    def undo(self) -> None:
        if self._last is None:
            return
        try:
            self._service.undo_redemption(self._last)
        except UserError as exc:
            self._say(describe(exc), error=True)
            return
        self._say(self.tr("The redemption of %1 was undone.").replace("%1", self._last))
        self.redeemed.emit(self._last)
        self._last = None
        self.undo_button.setEnabled(False)

    def _reset(self) -> None:
        self._info = None
        self.code.clear()
        self.amount.setValue(0)
        self.order_no.clear()
        self.details.clear()
        self.code.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b91c1c;" if error else "color: #15803d;")
        self.message.setText(text)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Redeem a coupon (F9)"))
        self.code_label.setText(self.tr("Coupon code"))
        self.amount_label.setText(self.tr("Order amount"))
        self.order_label.setText(self.tr("Order no. (optional)"))
        self.code.setPlaceholderText(self.tr("Type or scan, then Enter"))
        self.redeem_button.setText(self.tr("Redeem (Enter)"))
        self.undo_button.setText(self.tr("Undo the last (Ctrl+Z)"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.code.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def codes_differ(a: str, b: str) -> bool:
    from app.services.codes import normalise

    return normalise(a) != normalise(b)
