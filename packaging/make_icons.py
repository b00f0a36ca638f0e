"""Draw Siyu's icon: a warm rounded square with 私 in white, at every size the platforms ask for.

    python packaging/make_icons.py

Writes resources/icons/siyu-{16,24,32,48,64,128,256,512,1024}.png with Qt's QPainter (a CJK font such as
Noto Sans CJK must be installed to draw 私), then siyu.ico (Windows) and siyu.icns (macOS) from them with
Pillow, a tool of the ``build`` extra only. The files are committed: the app and the build only read them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
WARM = ("#f08a3c", "#d9541e")  # top-left to bottom-right: a bakery's crust orange
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)


def draw(size: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPainterPath

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.06 if size >= 32 else 0.5
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    radius = rect.width() * 0.22
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0.0, QColor(WARM[0]))
    gradient.setColorAt(1.0, QColor(WARM[1]))
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    p.fillPath(path, gradient)

    font = QFont()
    font.setFamilies(list(CJK_FAMILIES))
    font.setWeight(QFont.Weight.Bold)
    font.setPixelSize(max(8, round(rect.height() * 0.68)))
    font.setHintingPreference(
        QFont.HintingPreference.PreferFullHinting if size <= 32 else QFont.HintingPreference.PreferNoHinting
    )
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    text_rect = rect.adjusted(0, -rect.height() * 0.03, 0, -rect.height() * 0.03)  # optical centre
    p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, "私")
    p.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    if not set(CJK_FAMILIES) & set(QFontDatabase.families()):
        print("make_icons: no CJK font found (install fonts-noto-cjk); 私 would be drawn as a box")
        return 1
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        path = ICONS / f"siyu-{size}.png"
        if not draw(size).save(str(path), "PNG"):
            print(f"make_icons: cannot write {path}")
            return 1
        pngs.append(path)
    del app

    from PIL import Image

    images = {size: Image.open(path).convert("RGBA") for size, path in zip(SIZES, pngs, strict=True)}
    ico_sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    images[256].save(ICONS / "siyu.ico", format="ICO", sizes=ico_sizes)
    images[1024].save(
        ICONS / "siyu.icns", format="ICNS", append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)]
    )
    print(f"make_icons: wrote {len(pngs)} PNGs, siyu.ico and siyu.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
