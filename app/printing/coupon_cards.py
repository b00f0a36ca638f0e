"""A4 sheets of coupon cards for walk-in customers: ten cards a page, each with the campaign, what it gives,
its validity, the code in readable groups and a QR code of the code (segno) that the till's scanner reads.

Fonts: a Latin family comes first and the CJK one second; Qt's PDF writer with a CJK font first drops the
digits from the PDF's text layer (PRODUCT.md "Known traps").
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.printing import FAMILIES
from app.services.coupons import Campaign

COLUMNS, ROWS = 2, 5


def offer_text(c: Campaign) -> str:
    """What the coupon gives, as a shop writes it: 满100减20, 9折, 立减10元, 赠品."""
    if c.kind == "threshold":
        return f"满{c.threshold_cents / 100:g}减{c.value_cents / 100:g}"
    if c.kind == "discount":
        text = f"{(c.rate_permille or 1000) / 100:g}折"
        if c.cap_cents:
            text += f"（最多减{c.cap_cents / 100:g}元）"
        return text
    if c.kind == "no_threshold":
        return f"立减{c.value_cents / 100:g}元"
    return "赠品" + (f"（满{c.threshold_cents / 100:g}元）" if c.threshold_cents else "")


def grouped(code: str) -> str:
    return " ".join(code[i : i + 3] for i in range(0, len(code), 3))


def _qr(code: str) -> QImage:
    import segno

    buf = io.BytesIO()
    segno.make(code, error="m").save(buf, kind="png", scale=10, border=1)
    image = QImage()
    image.loadFromData(buf.getvalue(), "PNG")
    return image


def write_cards(path: Path | str, campaign: Campaign, codes: list[str], shop: str = "",
                issued: dt.date | None = None) -> int:  # fmt: skip
    """Write ``codes`` as cards to the PDF at ``path``; returns the number of pages."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))  # fmt: skip
    writer.setTitle(f"{campaign.name} 优惠券")
    writer.setCreator("私域助手 Siyu")
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = page.width(), page.height()
    card_w, card_h = width / COLUMNS, height / ROWS
    issued = issued or dt.date.today()
    until = campaign.valid_until(issued)
    validity = f"有效期至 {until:%Y-%m-%d}" if until else ""

    def font(points: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setFamilies(FAMILIES)
        f.setPointSizeF(points)
        f.setBold(bold)
        return f

    pages = 0
    for i, code in enumerate(codes):
        slot = i % (COLUMNS * ROWS)
        if slot == 0:
            if i:
                writer.newPage()
            pages += 1
        x = (slot % COLUMNS) * card_w
        y = (slot // COLUMNS) * card_h
        card = QRectF(x + 18, y + 18, card_w - 36, card_h - 36)
        painter.setPen(QPen(QColor("#9ca3af"), 3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(card, 30, 30)
        inner = card.adjusted(40, 36, -40, -36)
        qr_size = inner.height()
        painter.drawImage(QRectF(inner.right() - qr_size, inner.top(), qr_size, qr_size), _qr(code))
        text = QRectF(inner.left(), inner.top(), inner.width() - qr_size - 30, inner.height())
        painter.setPen(QColor("#111827"))
        painter.setFont(font(9, bold=True))
        painter.drawText(QRectF(text.left(), text.top(), text.width(), text.height() * 0.22),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, shop or campaign.name)  # fmt: skip
        painter.setFont(font(17, bold=True))
        painter.setPen(QColor("#b91c1c"))
        painter.drawText(QRectF(text.left(), text.top() + text.height() * 0.2, text.width(), text.height() * 0.3),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, offer_text(campaign))  # fmt: skip
        painter.setPen(QColor("#374151"))
        painter.setFont(font(7))
        detail = "\n".join(
            t for t in (campaign.name if shop else "", campaign.claim_condition or "", validity) if t
        )
        painter.drawText(QRectF(text.left(), text.top() + text.height() * 0.5, text.width(), text.height() * 0.3),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, detail)  # fmt: skip
        painter.setFont(font(12, bold=True))
        painter.setPen(QColor("#111827"))
        painter.drawText(QRectF(text.left(), text.top() + text.height() * 0.78, text.width(), text.height() * 0.22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, grouped(code))  # fmt: skip
    painter.end()
    return pages
