"""The weekly report as a PDF: A4 pages with header and footer, every font embedded, and every figure in the
text layer as printed (checked with poppler's pdffonts and pdftotext, which CI installs)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app import i18n
from app.printing.weekly_report import money, pct, write_pdf
from app.services.weekly_report import weekly_report

W47 = dt.date(2026, 11, 16)
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


@pytest.fixture
def report(qapp, demo_db, tmp_path: Path):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    data = weekly_report(demo_db, W47, today=dt.date(2026, 11, 23))
    pdf = tmp_path / "周报.pdf"
    pages = write_pdf(pdf, data)
    yield data, pdf, pages
    i18n.install("en")


def test_the_pdf_has_pages(report) -> None:  # type: ignore[no-untyped-def]
    _data, pdf, pages = report
    assert pages >= 2
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", body)) == pages


@poppler
def test_every_font_is_embedded(report) -> None:  # type: ignore[no-untyped-def]
    _data, pdf, _pages = report
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        fields = row.split()
        emb = fields[-5]  # name type [type…] encoding emb sub uni object ID
        assert emb == "yes", row


@poppler
def test_the_text_layer_holds_every_figure(report) -> None:  # type: ignore[no-untyped-def]
    data, pdf, pages = report
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    t, b = data.this, data.before
    for figure in (money(t.gmv), money(b.gmv), money(t.gmv_new), money(t.gmv_returning), f"{t.orders:,}",
                   f"{t.buyers:,}", f"{t.new_buyers:,}", f"{t.returning_buyers:,}", money(t.aov_new),
                   money(t.aov_returning), pct(t.repurchase_rate), pct(b.repurchase_rate)):  # fmt: skip
        assert figure in text, figure
    for point in data.trend:
        assert money(point.gmv) in text
    assert "2026-W47" in text and "2026-11-16" in text and "2026-11-22" in text
    # the footer's "page i of n" (第 i 页 / 共 n 页; Qt's text layer may give 页 as the radical ⻚ that shares
    # its glyph in Noto Sans CJK, so only the figures are compared)
    assert len(re.findall(rf"第\s*\d+\s*\S\s*/\s*共\s*{pages}\b|of {pages}\b", text)) == pages
    for customer in data.dormant:
        assert customer.phone in text
    assert not re.search(r"1\d{10}", text.replace(",", ""))  # no full phone number anywhere
