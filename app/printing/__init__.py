"""Printed output (PDF through Qt's painter): coupon cards and the weekly report. Takes its data from the
services; draws with QtGui only (no widgets, no SQL)."""

# A Latin family first, the CJK one after: Qt's PDF writer with a CJK font first drops digits from the PDF's
# text layer (PRODUCT.md "Known traps"); Qt falls back along this list for Chinese.
FAMILIES = [
    "DejaVu Sans",
    "Arial",
    "Helvetica",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "sans-serif",
]
