"""The build's entry point: the same ``siyu`` command as a checkout's, with the GUI as its default.

``SIYU_BUNDLE_SELFTEST=1`` instead imports what the app loads lazily or will load in later screens and prints
their versions: ``build.py`` runs it on every build, so a module left out or a broken library fails the build.
"""

import os
import sys


def selftest() -> int:
    import importlib

    names = [
        "numpy", "pandas", "sqlalchemy", "alembic", "openpyxl", "python_calamine", "pyqtgraph", "borax.calendars.lunardate",
        "platformdirs", "segno", "PySide6.QtNetwork", "PySide6.QtSvg", "PySide6.QtPrintSupport",
        "app.main", "app.services.reminders", "app.printing.coupon_cards", "app.views.tray", "app.views.crash_dialog",
        "app.views.dashboard_view", "app.views.report_dialogs", "app.printing.weekly_report",
        "app.services.weekly_report", "app.views.segments_view", "app.views.groups_view", "app.views.coupons_view",
        "app.views.planner_view",
    ]  # fmt: skip
    for name in names:
        module = importlib.import_module(name)
        print(name, getattr(module, "__version__", ""))
    import holidays

    from app import paths

    for language in ("zh_CN", "en_US"):  # gettext catalogues the planner's calendar reads
        assert holidays.China(years=[2026], language=language).get("2026-10-01"), language
    for part in ("translations/siyu_zh_CN.qm", "icons/siyu-256.png", "demo/words.json", "pinyin/pinyin.json"):
        assert paths.resource(*part.split("/")).is_file(), part
    return 0


if __name__ == "__main__":
    if os.environ.get("SIYU_BUNDLE_SELFTEST") == "1":
        sys.exit(selftest())
    from app.cli import main

    sys.exit(main())
