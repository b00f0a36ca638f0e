"""The weekly report from the app: Qt's print preview (print from there) or a PDF saved where the owner
chooses. The figures are gathered off the GUI thread; the pages are laid out by ``app.printing``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from app.i18n import describe
from app.i18n_markers import UserError
from app.views.tasks import run_in_background

log = logging.getLogger(__name__)


def show_weekly_report(parent: QWidget, load: Callable[[], object], how: str,
                       status: Callable[[str], None] | None = None) -> None:  # fmt: skip
    """``load`` returns the report's ``ReportData``; ``how`` is "preview" or "pdf"."""
    path: str | None = None
    if how == "pdf":
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("WeeklyReport", "Save the weekly report"), str(Path(folder) / QCoreApplication.translate("WeeklyReport", "weekly report.pdf")),
                                              QCoreApplication.translate("WeeklyReport", "PDF (*.pdf)"))  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
    say = status or (lambda _text: None)
    say(QCoreApplication.translate("WeeklyReport", "Preparing the weekly report…"))
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def failed(exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        say("")
        log.error("the weekly report failed", exc_info=exc)
        QMessageBox.warning(parent, QCoreApplication.translate("WeeklyReport", "Weekly report"), describe(exc) if isinstance(exc, UserError) else str(exc))

    def loaded(data: object) -> None:
        QApplication.restoreOverrideCursor()
        say("")
        if how == "pdf" and path is not None:
            _save(parent, data, path, say)
        else:
            _preview(parent, data)

    run_in_background(load, on_done=loaded, on_failed=failed)


def _save(parent: QWidget, data: object, path: str, say: Callable[[str], None]) -> None:
    from app.printing.weekly_report import write_pdf

    try:
        pages = write_pdf(path, data)  # type: ignore[arg-type]
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("WeeklyReport", "Weekly report"), QCoreApplication.translate("WeeklyReport", "Cannot write %1: %2").replace("%1", path)
                            .replace("%2", exc.strerror or str(exc)))  # fmt: skip
        return
    if not Path(path).exists() or Path(path).stat().st_size == 0:
        QMessageBox.warning(parent, QCoreApplication.translate("WeeklyReport", "Weekly report"), QCoreApplication.translate("WeeklyReport", "Cannot write %1: %2").replace("%1", path)
                            .replace("%2", QCoreApplication.translate("WeeklyReport", "the folder is not writable")))  # fmt: skip
        return
    say(QCoreApplication.translate("WeeklyReport", "Weekly report saved: %1 pages, %2").replace("%1", str(pages)).replace("%2", path))
    answer = QMessageBox.question(parent, QCoreApplication.translate("WeeklyReport", "Weekly report"),
                                  QCoreApplication.translate("WeeklyReport", "Saved %1 (%2 pages). Open it now?").replace("%1", path).replace("%2", str(pages)))  # fmt: skip
    if answer == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def _preview(parent: QWidget, data: object) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.printing.weekly_report import build_document, page_layout, paint

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(f"{data.shop or '私域助手'} 周报 {data.week}")  # type: ignore[attr-defined]
    doc = build_document(data)  # type: ignore[arg-type]
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("weeklyReportPreview")
    dialog.setWindowTitle(QCoreApplication.translate("WeeklyReport", "Weekly report %1").replace("%1", data.week))  # type: ignore[attr-defined]
    dialog.paintRequested.connect(lambda device: paint(device, data, doc))  # type: ignore[arg-type]
    dialog.resize(900, 1000)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
