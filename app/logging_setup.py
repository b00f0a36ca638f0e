"""One place that sets up logging: a rotating file in the data folder, Qt's messages routed into it."""

from __future__ import annotations

import logging
import logging.handlers

from app import paths

_configured = False


def setup(verbose: bool = False) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.logs_dir() / "siyu.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def route_qt_messages() -> None:
    """Qt's own warnings go to the log instead of the terminal."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(msg_type, _context, message):  # type: ignore[no-untyped-def]
        qt_log.log(levels.get(msg_type, logging.WARNING), message)

    qInstallMessageHandler(handler)
