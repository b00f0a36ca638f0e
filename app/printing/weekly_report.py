"""The weekly report (周报) on A4: a QTextDocument laid out page by page on any paged device (the PDF writer, a
printer, the print preview), with the shop and the week in each page's header and "page i / n" in its footer.

The two trend charts are drawn with QPainter at three times their printed size; the figures behind them are
printed as a table below them, so every number is in the PDF's text layer. Fonts: a Latin family first, the
CJK one second (PRODUCT.md "Known traps": a CJK family first drops digits from the text layer).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app.i18n_markers import QT_TRANSLATE_NOOP
from app.printing import FAMILIES
from app.services.dashboard import change
from app.services.groups import FACTOR_LABELS, week_label
from app.services.weekly_report import ReportData

HEADER_MM, FOOTER_MM = 12.0, 10.0
GREEN, RED, GREY = "#15803d", "#b91c1c", "#6b7280"


# texts used inside f-strings, marked here for lupdate
_MARKED = (
    QT_TRANSLATE_NOOP("WeeklyReport", "1. Key figures"),
    QT_TRANSLATE_NOOP("WeeklyReport", "2. Twelve-week trends"),
    QT_TRANSLATE_NOOP("WeeklyReport", "3. Groups by grade"),
    QT_TRANSLATE_NOOP("WeeklyReport", "4. Coupon results"),
    QT_TRANSLATE_NOOP("WeeklyReport", "5. Weekly plan: done, skipped, missed"),
    QT_TRANSLATE_NOOP("WeeklyReport", "6. Next week (%1)"),
    QT_TRANSLATE_NOOP("WeeklyReport", "7. What to do with each customer class (as of %1)"),
    QT_TRANSLATE_NOOP("WeeklyReport", "8. High-value customers who turned dormant this week: %1"),
    QT_TRANSLATE_NOOP("WeeklyReport", "Missed:"),
    QT_TRANSLATE_NOOP("WeeklyReport", "New contacts by channel: %1"),
    QT_TRANSLATE_NOOP("WeeklyReport", "No coupon campaigns."),
    QT_TRANSLATE_NOOP("WeeklyReport", "No groups yet."),
    QT_TRANSLATE_NOOP("WeeklyReport", "None this week."),
    QT_TRANSLATE_NOOP("WeeklyReport", "Nothing planned yet."),
    QT_TRANSLATE_NOOP("WeeklyReport", "Siyu"),
    QT_TRANSLATE_NOOP("WeeklyReport", "Weekly report"),
    QT_TRANSLATE_NOOP("WeeklyReport", "compared with %1"),
    QT_TRANSLATE_NOOP("WeeklyReport", "generated %1"),
    QT_TRANSLATE_NOOP("WeeklyReport", "unknown"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("WeeklyReport", text)


def _font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FAMILIES)
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def money(cents: float | None, decimals: int = 2) -> str:
    return "–" if cents is None else f"¥{cents / 100:,.{decimals}f}"


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _change(now: float | None, before: float | None) -> str:
    delta = change(now, before)
    if delta is None:
        return "–"
    colour = GREY if delta == 0 else GREEN if delta > 0 else RED
    arrow = "" if delta == 0 else "▲" if delta > 0 else "▼"
    return f"<span style='color:{colour}'>{arrow}{abs(delta) * 100:.1f}%</span>"


def _table(headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    align = align or ["left"] + ["right"] * (len(headers) - 1)
    head = "".join(f"<th align='{a}' bgcolor='#eef2f7'>{h}</th>" for h, a in zip(headers, align, strict=True))
    body = "".join("<tr>" + "".join(f"<td align='{a}'>{c}</td>" for c, a in zip(r, align, strict=True)) + "</tr>"
                   for r in rows)  # fmt: skip
    return (f"<table width='100%' border='0.5' cellspacing='0' cellpadding='3' style='border-color:#c7ccd4'>"
            f"<thead><tr>{head}</tr></thead>{body}</table>")  # fmt: skip


def _channel(code: str) -> str:
    return {"group": QCoreApplication.translate("Planner", "Groups"),
            "moments": QCoreApplication.translate("Planner", "Moments"),
            "one_on_one": QCoreApplication.translate("Planner", "1-on-1"),
            "official": QCoreApplication.translate("Planner", "Official account"),
            "live": QCoreApplication.translate("Planner", "Live")}.get(code, code)  # fmt: skip


def _event_kind(kind: str) -> str:
    return {"holiday": QCoreApplication.translate("WeeklyReport", "Holiday"), "workday": QCoreApplication.translate("WeeklyReport", "Make-up working day"), "shopping": QCoreApplication.translate("WeeklyReport", "Shopping festival"),
            "shop": QCoreApplication.translate("WeeklyReport", "Shop event"), "member_day": QCoreApplication.translate("WeeklyReport", "Member day"), "birthday": QCoreApplication.translate("WeeklyReport", "Birthdays")}.get(kind, kind)  # fmt: skip


def _esc(text: str | None) -> str:
    return html.escape(text or "")


# -- charts --------------------------------------------------------------------------------------------------
def _chart(width: int, height: int, labels: list[str], stacks: list[tuple[str, str, list[float]]],
           line: tuple[str, str, list[float]] | None, unit: str, scale: int = 3) -> QImage:  # fmt: skip
    """A bar chart (``stacks``: name, colour, values, drawn bottom-up) or a line chart, with a value axis, the
    weeks along the bottom and a legend."""
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(scale, scale)
    p.setFont(_font(6.5))
    left, right, top, bottom = 58.0, 10.0, 22.0, 22.0
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    totals = (
        [sum(max(s[2][i], 0.0) for s in stacks) for i in range(len(labels))]
        if stacks
        else list(line[2] if line else [])
    )
    peak = max([*totals, 0.0])
    step = _nice_step(peak / 4 if peak > 0 else 1)
    top_value = step * max(1, int(-(-peak // step)))
    p.setPen(QPen(QColor("#e5e7eb"), 0.6))
    ticks = int(round(top_value / step))
    for k in range(ticks + 1):
        y = plot.bottom() - plot.height() * k / ticks
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(QColor("#374151"))
        p.drawText(QRectF(0, y - 7, left - 6, 14), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"{k * step:,.0f}")  # fmt: skip
        p.setPen(QPen(QColor("#e5e7eb"), 0.6))
    p.setPen(QPen(QColor("#374151"), 0.8))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.drawLine(plot.bottomLeft(), plot.topLeft())
    p.save()
    p.translate(10, plot.center().y())
    p.rotate(-90)
    p.drawText(QRectF(-plot.height() / 2, -8, plot.height(), 14), Qt.AlignmentFlag.AlignCenter, unit)
    p.restore()
    n = max(1, len(labels))
    slot = plot.width() / n
    for i, label in enumerate(labels):
        p.drawText(
            QRectF(plot.left() + i * slot, plot.bottom() + 3, slot, 14), Qt.AlignmentFlag.AlignHCenter, label
        )
    for i in range(len(labels)):
        base = 0.0
        for _name, colour, values in stacks:
            h = plot.height() * max(values[i], 0.0) / top_value if top_value else 0  # refunds: see the table
            y0 = plot.bottom() - plot.height() * base / top_value if top_value else plot.bottom()
            p.fillRect(QRectF(plot.left() + i * slot + slot * 0.2, y0 - h, slot * 0.6, h), QColor(colour))
            base += max(values[i], 0.0)
    if line is not None:
        _name, colour, values = line
        p.setPen(QPen(QColor(colour), 1.6))
        points = [QPointF(plot.left() + (i + 0.5) * slot, plot.bottom() - plot.height() * v / top_value)
                  for i, v in enumerate(values)]  # fmt: skip
        for a, b in zip(points, points[1:], strict=False):
            p.drawLine(a, b)
        p.setBrush(QColor(colour))
        for pt in points:
            p.drawEllipse(pt, 2.2, 2.2)
    x = plot.left()
    for name, colour, _values in [*stacks, *([line] if line else [])]:
        p.fillRect(QRectF(x, 6, 10, 8), QColor(colour))
        p.setPen(QColor("#374151"))
        p.drawText(QRectF(x + 14, 3, 160, 14), Qt.AlignmentFlag.AlignVCenter, name)
        x += 24 + p.fontMetrics().horizontalAdvance(name)
    p.end()
    return image


def _nice_step(raw: float) -> float:
    import math

    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


# -- the document --------------------------------------------------------------------------------------------
def build_document(data: ReportData) -> QTextDocument:
    t, b = data.this, data.before
    doc = QTextDocument()
    doc.setDefaultFont(_font(9.5))
    doc.setDocumentMargin(0)
    labels = [week_label(p.monday)[5:] for p in data.trend]
    gmv_chart = _chart(700, 230, labels, [
        (QCoreApplication.translate("WeeklyReport", "Returning buyers"), "#93c5fd", [p.gmv_returning / 100 for p in data.trend]),
        (QCoreApplication.translate("WeeklyReport", "New buyers"), "#2563eb", [p.gmv_new / 100 for p in data.trend])], None, QCoreApplication.translate("WeeklyReport", "yuan"))  # fmt: skip
    buyer_chart = _chart(700, 190, labels, [], (QCoreApplication.translate("WeeklyReport", "Buyers"), "#16a34a", [float(p.buyers) for p in data.trend]),
                         QCoreApplication.translate("WeeklyReport", "buyers"))  # fmt: skip
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://gmv"), gmv_chart)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://buyers"), buyer_chart)

    contacts_now, contacts_before = sum(t.new_contacts.values()), sum(b.new_contacts.values())
    kpis = [
        (QCoreApplication.translate("WeeklyReport", "GMV"), money(t.gmv), money(b.gmv), _change(t.gmv, b.gmv)),
        (QCoreApplication.translate("WeeklyReport", "GMV from new buyers"), money(t.gmv_new), money(b.gmv_new), _change(t.gmv_new, b.gmv_new)),
        (QCoreApplication.translate("WeeklyReport", "GMV from returning buyers"), money(t.gmv_returning), money(b.gmv_returning),
         _change(t.gmv_returning, b.gmv_returning)),
        (QCoreApplication.translate("WeeklyReport", "Orders"), number(t.orders), number(b.orders), _change(t.orders, b.orders)),
        (QCoreApplication.translate("WeeklyReport", "Buyers"), number(t.buyers), number(b.buyers), _change(t.buyers, b.buyers)),
        (QCoreApplication.translate("WeeklyReport", "New buyers"), number(t.new_buyers), number(b.new_buyers), _change(t.new_buyers, b.new_buyers)),
        (QCoreApplication.translate("WeeklyReport", "Returning buyers"), number(t.returning_buyers), number(b.returning_buyers),
         _change(t.returning_buyers, b.returning_buyers)),
        (QCoreApplication.translate("WeeklyReport", "Per buyer (AOV)"), money(t.aov), money(b.aov), _change(t.aov, b.aov)),
        (QCoreApplication.translate("WeeklyReport", "Per new buyer"), money(t.aov_new), money(b.aov_new), _change(t.aov_new, b.aov_new)),
        (QCoreApplication.translate("WeeklyReport", "Per returning buyer"), money(t.aov_returning), money(b.aov_returning),
         _change(t.aov_returning, b.aov_returning)),
        (QCoreApplication.translate("WeeklyReport", "Repurchase rate"), pct(t.repurchase_rate), pct(b.repurchase_rate),
         _change(t.repurchase_rate, b.repurchase_rate)),
        (QCoreApplication.translate("WeeklyReport", "New private-domain contacts"), number(contacts_now), number(contacts_before),
         _change(contacts_now, contacts_before)),
        (QCoreApplication.translate("WeeklyReport", "Active customers (30 days)"), number(t.active_customers), number(b.active_customers),
         _change(t.active_customers, b.active_customers)),
        (QCoreApplication.translate("WeeklyReport", "Coupons issued"), number(t.coupons_issued), number(b.coupons_issued),
         _change(t.coupons_issued, b.coupons_issued)),
        (QCoreApplication.translate("WeeklyReport", "Coupons redeemed"), number(t.coupons_redeemed), number(b.coupons_redeemed),
         _change(t.coupons_redeemed, b.coupons_redeemed)),
        (QCoreApplication.translate("WeeklyReport", "GMV of coupon orders"), money(t.coupon_gmv), money(b.coupon_gmv), _change(t.coupon_gmv, b.coupon_gmv)),
        (QCoreApplication.translate("WeeklyReport", "K (referred per referrer)"), number(t.k), number(b.k), _change(t.k, b.k)),
    ]  # fmt: skip
    sunday = data.monday + dt.timedelta(days=6)
    parts = [
        f"<h2 style='font-size:15pt'>{_esc(data.shop or _t('Siyu'))} · {_t('Weekly report')} {t.week}</h2>",
        f"<p style='color:{GREY}'>{data.monday:%Y-%m-%d} – {sunday:%Y-%m-%d} · "
        f"{_t('compared with %1').replace('%1', b.week)} · "
        f"{_t('generated %1').replace('%1', f'{data.generated:%Y-%m-%d %H:%M}')}</p>",
        f"<h3>{_t('1. Key figures')}</h3>",
        _table([QCoreApplication.translate("WeeklyReport", "Figure"), QCoreApplication.translate("WeeklyReport", "This week"), QCoreApplication.translate("WeeklyReport", "Last week"), QCoreApplication.translate("WeeklyReport", "Change")], [list(k) for k in kpis]),
    ]
    if t.new_contacts:
        channels = "、".join(
            f"{_esc(k) or _t('unknown')} {v:,}"
            for k, v in sorted(t.new_contacts.items(), key=lambda kv: -kv[1])
        )
        parts.append(f"<p>{_t('New contacts by channel: %1').replace('%1', channels)}</p>")
    parts += [
        f"<h3>{_t('2. Twelve-week trends')}</h3>",
        "<p><img src='chart://gmv' width='700' height='230'></p>",
        "<p><img src='chart://buyers' width='700' height='190'></p>",
        _table([QCoreApplication.translate("WeeklyReport", "Week"), QCoreApplication.translate("WeeklyReport", "GMV"), QCoreApplication.translate("WeeklyReport", "New buyers' GMV"), QCoreApplication.translate("WeeklyReport", "Returning buyers' GMV"), QCoreApplication.translate("WeeklyReport", "Buyers")],
               [[week_label(p.monday), money(p.gmv), money(p.gmv_new), money(p.gmv_returning), number(p.buyers)]
                for p in data.trend]),
        f"<h3>{_t('3. Groups by grade')}</h3>",
    ]  # fmt: skip
    if data.groups:
        grade_words = {"dead": QCoreApplication.translate("WeeklyReport", "Dead"), "no data": QCoreApplication.translate("WeeklyReport", "No data")}
        counts: dict[str, int] = {}
        for g in data.groups:
            counts[g.grade] = counts.get(g.grade, 0) + 1
        parts.append(
            "<p>" + "  ".join(f"<b>{grade_words.get(k, k)}</b> {v}" for k, v in counts.items()) + "</p>"
        )
        parts.append(_table(
            [QCoreApplication.translate("WeeklyReport", "Group"), QCoreApplication.translate("WeeklyReport", "Grade"), QCoreApplication.translate("WeeklyReport", "Members"), QCoreApplication.translate("WeeklyReport", "Activity"), QCoreApplication.translate("WeeklyReport", "Conversion"), QCoreApplication.translate("WeeklyReport", "GMV"), QCoreApplication.translate("WeeklyReport", "Weakest factor")],
            [[_esc(g.name), grade_words.get(g.grade, g.grade), number(g.members), pct(g.activity), pct(g.conversion),
              money(g.gmv_cents), QCoreApplication.translate("Groups", FACTOR_LABELS[g.weakest]) if g.weakest else "–"]
             for g in data.groups],
            ["left", "center", "right", "right", "right", "right", "left"]))  # fmt: skip
    else:
        parts.append(f"<p>{_t('No groups yet.')}</p>")
    parts.append(f"<h3>{_t('4. Coupon results')}</h3>")
    if data.coupons:
        parts.append(_table(
            [QCoreApplication.translate("WeeklyReport", "Campaign"), QCoreApplication.translate("WeeklyReport", "Issued"), QCoreApplication.translate("WeeklyReport", "Redeemed"), QCoreApplication.translate("WeeklyReport", "Redemption rate"), QCoreApplication.translate("WeeklyReport", "GMV"), QCoreApplication.translate("WeeklyReport", "Cost"), QCoreApplication.translate("WeeklyReport", "ROI")],
            [[_esc(c.name), number(c.issued), number(c.redeemed), pct(c.rate), money(c.gmv_cents), money(c.cost_cents),
              "–" if c.roi is None else f"{c.roi:.2f}"] for c in data.coupons]))  # fmt: skip
    else:
        parts.append(f"<p>{_t('No coupon campaigns.')}</p>")
    s = data.sop
    parts.append(f"<h3>{_t('5. Weekly plan: done, skipped, missed')}</h3>")
    parts.append(_table([QCoreApplication.translate("WeeklyReport", "Done"), QCoreApplication.translate("WeeklyReport", "Skipped"), QCoreApplication.translate("WeeklyReport", "Missed"), QCoreApplication.translate("WeeklyReport", "Still to come")],
                        [[number(s["done"]), number(s["skipped"]), number(s["missed"]), number(s["planned"])]],
                        ["center"] * 4))  # fmt: skip
    if data.missed:
        parts.append(f"<p>{_t('Missed:')} " + "；".join(_esc(m) for m in data.missed[:20])
                     + ("…" if len(data.missed) > 20 else "") + "</p>")  # fmt: skip
    coming = data.monday + dt.timedelta(days=7)
    parts.append(f"<h3>{_t('6. Next week (%1)').replace('%1', week_label(coming))}</h3>")
    rows = [[f"{d:%m-%d}", _event_kind(kind), _esc(text)] for d, kind, text in data.next_events]
    rows += [[f"{when:%m-%d %H:%M}", _channel(channel), _esc(title)] for when, channel, title in data.next_items]
    rows.sort(key=lambda r: r[0])
    parts.append(_table([QCoreApplication.translate("WeeklyReport", "When"), QCoreApplication.translate("WeeklyReport", "Kind"), QCoreApplication.translate("WeeklyReport", "What")], rows, ["left", "left", "left"]) if rows
                 else f"<p>{_t('Nothing planned yet.')}</p>")  # fmt: skip
    parts.append(
        f"<h3>{_t('7. What to do with each customer class (as of %1)').replace('%1', f'{data.classes_as_of:%Y-%m-%d}')}</h3>"
    )
    parts.append(_table([QCoreApplication.translate("WeeklyReport", "Class"), QCoreApplication.translate("WeeklyReport", "Customers"), QCoreApplication.translate("WeeklyReport", "Revenue share"), QCoreApplication.translate("WeeklyReport", "Suggested action")],
                        [[c.key, number(c.customers), pct(c.revenue_share),
                          QCoreApplication.translate("Segments", c.action)] for c in data.classes],
                        ["left", "right", "right", "left"]))  # fmt: skip
    parts.append(
        f"<h3>{_t('8. High-value customers who turned dormant this week: %1').replace('%1', f'{data.dormant_count:,}')}</h3>"
    )
    if data.dormant:
        parts.append(_table([QCoreApplication.translate("WeeklyReport", "Customer"), QCoreApplication.translate("WeeklyReport", "Phone"), QCoreApplication.translate("WeeklyReport", "Orders"), QCoreApplication.translate("WeeklyReport", "Spent"), QCoreApplication.translate("WeeklyReport", "Last order")],
                            [[_esc(c.name), c.phone, number(c.orders), money(c.spent_cents),
                              f"{c.last_order:%Y-%m-%d}" if c.last_order else "–"] for c in data.dormant]))  # fmt: skip
        if data.dormant_count > len(data.dormant):
            parts.append(f"<p style='color:{GREY}'>" + QCoreApplication.translate("WeeklyReport", "The %1 who spent most are listed.").replace(
                "%1", str(len(data.dormant))) + "</p>")  # fmt: skip
    else:
        parts.append(f"<p>{_t('None this week.')}</p>")
    doc.setHtml("\n".join(parts))
    return doc


def paint(device: QPagedPaintDevice, data: ReportData, doc: QTextDocument | None = None) -> int:
    """Lay the report out on ``device`` page by page; returns the number of pages."""
    doc = doc or build_document(data)
    layout = device.pageLayout()
    res = device.resolution()
    # the painter's origin is the paintable area's top-left (inside the margins) on the PDF writer and printers
    page = QRectF(0, 0, layout.paintRectPixels(res).width(), layout.paintRectPixels(res).height())
    mm = res / 25.4
    header, footer = HEADER_MM * mm, FOOTER_MM * mm
    body = QRectF(page.left(), page.top() + header, page.width(), page.height() - header - footer)
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    pages = doc.pageCount()
    painter = QPainter(device)
    try:
        title = f"{data.shop or _t('Siyu')} · {_t('Weekly report')} {data.week}"
        span = f"{data.monday:%Y-%m-%d} – {data.monday + dt.timedelta(days=6):%Y-%m-%d}"
        for i in range(pages):
            if i:
                device.newPage()
            painter.save()
            painter.setFont(_font(8.5))
            painter.setPen(QColor("#374151"))
            top = QRectF(page.left(), page.top(), page.width(), header * 0.7)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
            painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, span)
            painter.setPen(QPen(QColor("#c7ccd4"), max(1.0, mm * 0.2)))
            painter.drawLine(
                QPointF(page.left(), page.top() + header * 0.78),
                QPointF(page.right(), page.top() + header * 0.78),
            )
            painter.setPen(QColor(GREY))
            bottom = QRectF(page.left(), page.bottom() - footer * 0.7, page.width(), footer * 0.7)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter,
                             QCoreApplication.translate("WeeklyReport", "Page %1 of %2").replace("%1", str(i + 1)).replace("%2", str(pages)))  # fmt: skip
            painter.restore()
            painter.save()
            painter.translate(body.left(), body.top() - i * body.height())
            clip = QRectF(0, i * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    return pages


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter)  # fmt: skip


def write_pdf(path: Path | str, data: ReportData) -> int:
    """The report as a PDF at ``path``; returns the number of pages."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout())
    writer.setTitle(f"{data.shop or '私域助手'} 周报 {data.week}")
    writer.setCreator("私域助手 Siyu")
    return paint(writer, data)
