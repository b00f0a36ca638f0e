"""The Segments screen's two drawings: the R × F heat map and horizontal bars (lifecycle funnel, tiers).

Both are painted with QPainter (25 cells, a handful of bars: nothing a chart library would add), fit any
size, and report clicks.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.models.segment_tables import money_text

ACCENT = QColor("#2563eb")
GRID_TEXT = QColor("#1f2937")


def _blend(weight: float) -> QColor:
    """White to the accent colour."""
    w = max(0.0, min(1.0, weight))
    return QColor(
        round(255 + (ACCENT.red() - 255) * w),
        round(255 + (ACCENT.green() - 255) * w),
        round(255 + (ACCENT.blue() - 255) * w),
    )


class HeatMap(QWidget):
    """R (rows, 5 at the top) × F (columns, 1 at the left): customers and money per cell."""

    cell_clicked = Signal(int, int)  # r score, f score

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts = [[0] * 5 for _ in range(5)]
        self._money = [[0] * 5 for _ in range(5)]
        self._axis_r = "R"
        self._axis_f = "F"
        self._tip = "%1 · %2"
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(360, 260))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_labels(self, axis_r: str, axis_f: str, tip: str) -> None:
        self._axis_r, self._axis_f, self._tip = axis_r, axis_f, tip
        self.update()

    def set_data(self, counts: list[list[int]], money: list[list[int]]) -> None:
        self._counts = [list(map(int, row)) for row in counts]
        self._money = [list(map(int, row)) for row in money]
        self.update()

    def count(self, r: int, f: int) -> int:
        return self._counts[r - 1][f - 1]

    # geometry: a margin on the left and at the bottom for the axis labels
    def _grid(self) -> QRectF:
        return QRectF(self.rect()).adjusted(56, 8, -8, -40)

    def _cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        g = self._grid()
        if not g.contains(x, y):
            return None
        col = int((x - g.left()) / (g.width() / 5))
        row = int((y - g.top()) / (g.height() / 5))
        return 5 - min(row, 4), min(col, 4) + 1

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = self._grid()
        w, h = g.width() / 5, g.height() / 5
        top = max(max(row) for row in self._counts) or 1
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        for r in range(5, 0, -1):
            for f in range(1, 6):
                rect = QRectF(g.left() + (f - 1) * w, g.top() + (5 - r) * h, w, h).adjusted(1, 1, -1, -1)
                count = self._counts[r - 1][f - 1]
                weight = (count / top) ** 0.6 if count else 0.0
                p.fillRect(rect, _blend(0.08 + 0.92 * weight) if count else QColor("#f3f4f6"))
                p.setPen(QColor("white") if weight > 0.55 else GRID_TEXT)
                p.setFont(bold)
                upper = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.55)
                lower = QRectF(rect.left(), rect.top() + rect.height() * 0.5, rect.width(), rect.height() * 0.45)
                p.drawText(upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, f"{count:,}")
                p.setFont(base)
                p.drawText(lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                           money_text(self._money[r - 1][f - 1]))  # fmt: skip
        p.setPen(QPen(GRID_TEXT))
        for i in range(5):
            p.drawText(QRectF(g.left() - 24, g.top() + i * h, 20, h), Qt.AlignmentFlag.AlignCenter, str(5 - i))
            p.drawText(QRectF(g.left() + i * w, g.bottom() + 2, w, 16), Qt.AlignmentFlag.AlignCenter, str(i + 1))
        p.save()
        p.translate(12, g.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-g.height() / 2, -10, g.height(), 20), Qt.AlignmentFlag.AlignCenter, self._axis_r)
        p.restore()
        p.drawText(QRectF(g.left(), g.bottom() + 18, g.width(), 20), Qt.AlignmentFlag.AlignCenter, self._axis_f)
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self._cell_at(event.position().x(), event.position().y())
        if cell is None:
            QToolTip.hideText()
            return
        r, f = cell
        text = (self._tip.replace("%1", f"R{r} F{f}").replace("%2", f"{self._counts[r - 1][f - 1]:,}")
                .replace("%3", money_text(self._money[r - 1][f - 1])))  # fmt: skip
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            cell = self._cell_at(event.position().x(), event.position().y())
            if cell is not None:
                self.cell_clicked.emit(*cell)
        super().mouseReleaseEvent(event)


class BarList(QWidget):
    """Labelled horizontal bars, centred (a funnel) or left-aligned; a click reports the bar's index."""

    bar_clicked = Signal(int)

    def __init__(self, centred: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._centred = centred
        self._bars: list[tuple[str, int, QColor]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_bars(self, bars: list[tuple[str, int, QColor]]) -> None:
        self._bars = bars
        self.setMinimumHeight(max(120, 30 * len(bars)))
        self.update()

    def bars(self) -> list[tuple[str, int, QColor]]:
        return list(self._bars)

    def _row_height(self) -> float:
        return self.height() / max(1, len(self._bars))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(c for _l, c, _c in self._bars) or 1
        top = max(c for _l, c, _c in self._bars) or 1
        label_w = 96.0
        value_w = 120.0
        area = max(10.0, self.width() - label_w - value_w - 12)
        rh = self._row_height()
        for i, (label, count, colour) in enumerate(self._bars):
            y = i * rh
            bar_h = min(22.0, rh - 6)
            width = max(2.0, area * count / top) if count else 0.0
            x = label_w + ((area - width) / 2 if self._centred else 0)
            p.setPen(GRID_TEXT)
            p.drawText(QRectF(0, y, label_w - 8, rh), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            p.fillRect(QRectF(x, y + (rh - bar_h) / 2, width, bar_h), colour)
            p.drawText(QRectF(label_w + area + 8, y, value_w, rh), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       f"{count:,} · {count / total:.0%}")  # fmt: skip
        p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._bars:
            i = int(event.position().y() / self._row_height())
            if 0 <= i < len(self._bars):
                self.bar_clicked.emit(i)
        super().mouseReleaseEvent(event)
