"""The weekly report from the app: saved as a PDF where the owner chooses, or shown in Qt's print preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from app import i18n
from app.services.weekly_report import weekly_report
from app.views import report_dialogs

W47 = dt.date(2026, 11, 16)


def test_save_as_pdf_where_the_owner_chooses(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "我的周报"  # no extension typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    said = []
    report_dialogs.show_weekly_report(parent, lambda: weekly_report(demo_db, W47), "pdf", said.append)
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    pdf = tmp_path / "我的周报.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in asked[0] and "页" in asked[0]
    assert said[0] == "正在生成周报…" and "周报已保存" in said[-1]
    i18n.install("en")


def test_cancelling_the_file_dialog_writes_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    loads = []
    report_dialogs.show_weekly_report(parent, lambda: loads.append(1), "pdf")
    qtbot.wait(50)
    assert loads == [] and not list(tmp_path.glob("*.pdf"))


def test_print_preview_shows_the_pages(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    report_dialogs.show_weekly_report(parent, lambda: weekly_report(demo_db, W47), "preview")

    def dialog():  # type: ignore[no-untyped-def]
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "weeklyReportPreview" and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=15000)
    preview = dialog().findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 2, timeout=15000)
    assert "2026-W47" in dialog().windowTitle()
    dialog().close()
