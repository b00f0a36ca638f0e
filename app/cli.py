"""The ``siyu`` command. Without a subcommand it opens the app; every subcommand takes ``--db``.

Exit codes: 0 success, 1 a clear one-line reason (bad input, unhealthy database), 2 an unexpected error
(the traceback goes to the log file, not the terminal).
"""

from __future__ import annotations

import time

_STARTED = time.time()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def process_start_time() -> float:
    """When this process started, so that interpreter start-up counts too.

    Linux: the process's age is /proc/uptime minus its start in clock ticks since boot (10 ms steps);
    elsewhere, the moment this module was imported.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        return time.time() - max(age, 0.0)
    except (OSError, ValueError, IndexError):
        return _STARTED


def _db_option(parser: argparse.ArgumentParser, top: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=None if top else argparse.SUPPRESS,
        help="shop database: a SQLite file path or a SQLAlchemy URL (default: SIYU_DB, else the data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="siyu", description="私域助手 Siyu: private-domain assistant")
    _db_option(parser, top=True)
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="interface language")
    parser.add_argument(
        "--quit-after-show",
        action="store_true",
        help="open the main window, print seconds since process start at first paint, exit",
    )
    parser.add_argument("--quit-after-rows", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the shop with a deterministic demo bakery")
    _db_option(demo, top=False)
    demo.add_argument("--customers", type=int, default=2000)
    demo.add_argument("--orders", type=int, default=20000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--end-date", type=_date, default=None, help="last day with data (default: yesterday)")
    demo.add_argument("--replace", action="store_true", help="wipe the shop's data first")

    check = sub.add_parser("check", help="integrity check and schema version")
    _db_option(check, top=False)

    backup = sub.add_parser("backup", help="copy the shop database")
    _db_option(backup, top=False)
    backup.add_argument("--to", type=Path, default=None, help="file or folder (default: the backups folder)")
    return parser


def _date(text: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


def main(argv: list[str] | None = None) -> int:
    started = process_start_time()
    args = build_parser().parse_args(argv)
    if args.version:
        from app import __version__

        print(__version__)
        return 0
    if args.command is None:
        from app.main import run_gui

        return run_gui(args, started)
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app import i18n, logging_setup
    from app.i18n_markers import UserError

    logging_setup.setup()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    i18n.install(i18n.resolve_language(args.lang))
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"siyu: {i18n.describe(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "siyu: " + QCoreApplication.translate("Cli", "interrupted; nothing was changed"), file=sys.stderr
        )
        return 130
    except Exception as exc:  # the last resort: one line here, the traceback in the log
        import logging

        from app import paths

        logging.getLogger("siyu.cli").exception("unexpected error in %s", args.command)
        print(
            "siyu: "
            + QCoreApplication.translate("Cli", "unexpected error: %1 (details in %2)")
            .replace("%1", f"{type(exc).__name__}: {exc}")
            .replace("%2", str(paths.logs_dir() / "siyu.log")),
            file=sys.stderr,
        )
        return 2
    finally:
        del app


def cmd_demo(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.database import open_database, resolve_location
    from app.services.demo import generate_demo

    location = resolve_location(args.db)
    db = open_database(location).database
    try:
        summary = generate_demo(
            db,
            customers=args.customers,
            orders=args.orders,
            seed=args.seed,
            end=args.end_date,
            replace=args.replace,
        )
    finally:
        db.close()
    print(
        QCoreApplication.translate(
            "Cli",
            "Demo shop created in %1: %2 customers, %3 orders, %4 groups, %5 coupons, %6 content items "
            "(%7 s).",
        )
        .replace("%1", location.display)
        .replace("%2", f"{summary.customers:,}")
        .replace("%3", f"{summary.orders:,}")
        .replace("%4", str(summary.groups))
        .replace("%5", f"{summary.coupons:,}")
        .replace("%6", str(summary.content_items))
        .replace("%7", f"{summary.seconds:.1f}")
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app import i18n
    from app.services.database import check_database, resolve_location

    result = check_database(resolve_location(args.db))
    text = i18n.describe_parts(result.message, result.params)
    if result.ok:
        print(text)
        return 0
    print(f"siyu: {text}", file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.backup import make_backup
    from app.services.database import resolve_location

    path = make_backup(resolve_location(args.db), to=args.to)
    print(QCoreApplication.translate("Cli", "Backup saved to %1").replace("%1", str(path)))
    return 0


COMMANDS = {"demo": cmd_demo, "check": cmd_check, "backup": cmd_backup}


if __name__ == "__main__":
    sys.exit(main())
