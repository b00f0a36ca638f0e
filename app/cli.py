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
    parser = argparse.ArgumentParser(
        prog="siyu",
        description="私域助手 Siyu: private-domain assistant",
        epilog="siyu [--db PATH|URL] FILE opens the app and hands it the spreadsheet FILE (.xlsx, .xls, .csv) "
        "to import; a second start of the same shop passes it to the window already open.",
    )
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

    imp = sub.add_parser("import", help="import customers, orders, group members or group figures from .xlsx, .xls or .csv")
    _db_option(imp, top=False)
    imp.add_argument("kind", choices=("customers", "orders", "members", "group-stats", "coupons", "plan"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", default=None, help="sheet name (default: the first sheet)")
    imp.add_argument(
        "--mode",
        choices=("add", "update", "upsert"),
        default="upsert",
        help="add new only, update existing only, or both (default)",
    )
    imp.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows even when some are invalid"
    )
    imp.add_argument(
        "--source",
        default="import",
        help="orders: the system the orders come from (order numbers are unique per system)",
    )

    exp = sub.add_parser("export", help="export customers, orders, groups, campaigns or coupons to .xlsx or .csv")
    _db_option(exp, top=False)
    exp.add_argument("kind", choices=("customers", "orders", "groups", "campaigns", "coupons", "plan"))
    exp.add_argument("file", type=Path)
    exp.add_argument("--mask-phone", action="store_true", help="write phone numbers as 138****1234")
    exp.add_argument("--week", default=None, help="groups: the ISO week to grade, e.g. 2026-W47 (default: last week)")
    exp.add_argument("--campaign", default=None, help="coupons: only this campaign's coupons")

    dbp = sub.add_parser("db", help="move the shop between databases")
    dbsub = dbp.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    copy = dbsub.add_parser("copy", help="copy the whole shop into an empty database, then compare the two")
    _db_option(copy, top=False)
    direction = copy.add_mutually_exclusive_group(required=True)
    direction.add_argument(
        "--to", metavar="PATH|URL", help="copy the shop (--db, else the default) into this one"
    )
    direction.add_argument("--from", dest="source", metavar="PATH|URL", help="copy this shop into --db")

    staff = sub.add_parser("staff", help="staff accounts on a shared PostgreSQL shop")
    staff_sub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = staff_sub.add_parser("add", help="a member of staff who signs in with their own login")
    _db_option(add, top=False)
    add.add_argument("name")
    add.add_argument("--role", choices=("owner", "staff"), default="staff")
    add.add_argument("--login", default=None, help="login name (default: from the name, e.g. siyu_linxiao)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    lst = staff_sub.add_parser("list", help="members of staff with their logins")
    _db_option(lst, top=False)
    rm = staff_sub.add_parser("remove", help="hand a member's customers to another and drop their login")
    _db_option(rm, top=False)
    rm.add_argument("name")
    rm.add_argument("--to", default=None, metavar="NAME", help="who takes over their customers and groups")

    rfm = sub.add_parser("rfm", help="RFM scores, classes, lifecycle stages and value tiers of every customer")
    _db_option(rfm, top=False)
    rfm.add_argument("--as-of", type=_date, default=None, help="the date to score as of (YYYY-MM-DD; default today)")
    rfm.add_argument("--out", type=Path, default=None, help="write one row per customer to FILE.csv or FILE.xlsx")

    plan = sub.add_parser("plan", help="the weekly SOP planner")
    _db_option(plan, top=False)
    plan_sub = plan.add_subparsers(dest="plan_command", required=True)
    plan_check = plan_sub.add_parser("check", help="the playbook's checks for one ISO week")
    plan_check.add_argument("--week", required=True, help="the ISO week, e.g. 2026-W48")
    plan_check.add_argument("--json", action="store_true", help="a JSON list of {rule, scope, detail}")

    rep = sub.add_parser("report", help="the printed weekly report")
    _db_option(rep, top=False)
    rep_sub = rep.add_subparsers(dest="report_command", required=True)
    weekly = rep_sub.add_parser("weekly", help="the weekly report as an A4 PDF, and its figures as JSON")
    _db_option(weekly, top=False)
    weekly.add_argument("--week", default=None, help="the ISO week, e.g. 2026-W47 (default: the last complete week)")
    weekly.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write the PDF")
    weekly.add_argument("--json", type=Path, default=None, metavar="FILE.json", help="also write the figures as JSON")

    tpl = sub.add_parser("template", help="write an empty import template")
    _db_option(tpl, top=False)
    tpl.add_argument("kind", choices=("customers", "orders", "members", "group-stats", "coupons", "plan"))
    tpl.add_argument("file", type=Path)
    return parser


def _date(text: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


def split_file_argument(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str], str | None]:
    """The GUI's optional FILE (a spreadsheet dropped on the icon or opened with Siyu) taken out of
    ``argv``: argparse cannot have an optional positional beside subcommands. The first word that is not an
    option, an option's value or a subcommand is the file; after a subcommand there is none."""
    commands: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
    valued = {opt for a in parser._actions if a.nargs != 0 for opt in a.option_strings}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in valued:
            i += 2
        elif word.startswith("-") and word != "-":
            i += 1
        elif word in commands:
            break
        else:
            return argv[:i] + argv[i + 1 :], os.path.abspath(word)
    return argv, None


def main(argv: list[str] | None = None) -> int:
    started = process_start_time()
    parser = build_parser()
    argv, file = split_file_argument(parser, list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    args.open_file = file  # the GUI's spreadsheet; subcommands have their own ``file``
    if args.version:
        from app import __version__

        print(__version__)
        return 0
    if args.command is None:
        if not (args.quit_after_show or args.quit_after_rows):
            from app.single_instance import hand_over_early

            if hand_over_early(args.db, [file] if file else []):  # the shop is open: it takes over
                return 0
        from app.main import run_gui

        return run_gui(args, started)
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app import i18n, logging_setup
    from app.i18n_markers import UserError

    logging_setup.setup()
    if args.command == "report":  # fonts and the PDF writer need a GUI application, not a window
        from PySide6.QtGui import QGuiApplication

        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QCoreApplication.instance() or QGuiApplication(sys.argv[:1])
    else:
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    i18n.install(i18n.resolve_language(args.lang))
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"siyu: {i18n.describe(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the output went to a pager or `head` that stopped reading: nothing is wrong
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (the interpreter's exit flushes it)
        except OSError:
            pass
        return 0
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


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.services.database import open_database, resolve_location

    return open_database(resolve_location(args.db)).database


def cmd_import(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.importer import ImportService

    db = _open(args)
    try:
        summary = ImportService(db).run(
            args.file, args.kind.replace("-", "_"), mode=args.mode, skip_invalid=args.skip_invalid, dry_run=args.dry_run,
            order_source=args.source, sheet=args.sheet, translate=QCoreApplication.translate,
        )  # fmt: skip
    finally:
        db.close()
    for issue in summary.issues[:20]:
        print(
            QCoreApplication.translate("Cli", "row %1, column %2: %3")
            .replace("%1", str(issue.row)).replace("%2", issue.column or "-").replace("%3", issue.text(QCoreApplication.translate)),
            file=sys.stderr,
        )  # fmt: skip
    if len(summary.issues) > 20:
        print(
            QCoreApplication.translate("Cli", "… and %1 more problems").replace(
                "%1", str(len(summary.issues) - 20)
            ),
            file=sys.stderr,
        )
    line = (
        QCoreApplication.translate("Cli", "%1: %2 inserted, %3 updated, %4 unchanged, %5 invalid")
        .replace("%1", args.file.name).replace("%2", f"{summary.inserted:,}").replace("%3", f"{summary.updated:,}")
        .replace("%4", f"{summary.unchanged:,}").replace("%5", f"{summary.invalid:,}")
    )  # fmt: skip
    from app.i18n_markers import QT_TRANSLATE_NOOP

    counts = (
        (summary.merged, QT_TRANSLATE_NOOP("Cli", "%1 repeated rows merged")),
        (summary.closed_orders, QT_TRANSLATE_NOOP("Cli", "%1 closed, unpaid or refunded orders left out")),
        (summary.voided_coupons, QT_TRANSLATE_NOOP("Cli", "%1 voided coupons left out")),
        (summary.used_untimed_coupons, QT_TRANSLATE_NOOP(
            "Cli", "%1 coupons marked used with no redemption time or order, kept as not redeemed")),
        (summary.staff_rows, QT_TRANSLATE_NOOP("Cli", "%1 rows of the shop's own staff left out")),
        (summary.order_lines, QT_TRANSLATE_NOOP("Cli", "%1 further order lines added into their orders")),
        (summary.created_customers, QT_TRANSLATE_NOOP("Cli", "%1 new customers created")),
        (summary.created_campaigns, QT_TRANSLATE_NOOP("Cli", "%1 new campaigns created")),
        (summary.created_groups, QT_TRANSLATE_NOOP("Cli", "%1 new groups created")),
        (summary.created_staff, QT_TRANSLATE_NOOP("Cli", "%1 new staff")),
    )
    extras = [QCoreApplication.translate("Cli", template).replace("%1", f"{n:,}") for n, template in counts if n]
    if summary.ignored_columns:
        extras.append(
            QCoreApplication.translate("Cli", "columns not imported: %1").replace(
                "%1", "、".join(summary.ignored_columns)
            )
        )
    if extras:
        line += " (" + "; ".join(extras) + ")"
    if summary.dry_run:
        line = QCoreApplication.translate("Cli", "Dry run, nothing changed. %1").replace("%1", line)
    elif summary.invalid and not summary.imported:
        line = QCoreApplication.translate("Cli", "Nothing imported. %1").replace("%1", line)
    print(line)
    if summary.error_report:
        print(
            QCoreApplication.translate("Cli", "Error report: %1").replace("%1", str(summary.error_report)),
            file=sys.stderr,
        )
    return 1 if summary.invalid and not args.skip_invalid else 0


def cmd_export(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.export import ExportService

    db = _open(args)
    try:
        if args.kind == "plan":
            from app.services.groups import parse_week
            from app.services.plan_export import export_plan

            if not args.week:
                from app.i18n_markers import QT_TRANSLATE_NOOP, UserError

                raise UserError(QT_TRANSLATE_NOOP("Errors", "Name the week: --week 2026-W48."))
            count = export_plan(db, args.file, parse_week(args.week))
        elif args.kind in ("campaigns", "coupons"):
            from app.services.coupon_export import export_campaigns, export_coupons

            count = (export_campaigns(db, args.file) if args.kind == "campaigns"
                     else export_coupons(db, args.file, args.campaign, args.mask_phone))  # fmt: skip
        elif args.kind == "groups":
            from app.services.group_export import export_groups
            from app.services.groups import parse_week

            week = parse_week(args.week) if args.week else None
            count = export_groups(db, args.file, week)
        else:
            service = ExportService(db)
            method = service.export_customers if args.kind == "customers" else service.export_orders
            count = method(args.file, mask_phones=args.mask_phone, translate=QCoreApplication.translate)
    finally:
        db.close()
    print(
        QCoreApplication.translate("Cli", "%1 rows written to %2")
        .replace("%1", f"{count:,}")
        .replace("%2", str(args.file))
    )
    return 0


def cmd_rfm(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.export import Column, write_table
    from app.services.segmentation import RFM_CLASSES, SegmentationService, export_frame

    db = _open(args)
    try:
        scores = SegmentationService(db).compute(args.as_of)
        table = export_frame(db, scores) if args.out else None
    finally:
        db.close()
    if args.out is not None and table is not None:
        kinds = {"key": "text", "monetary": "money", "rfm_class": "text", "lifecycle_stage": "text",
                 "value_tier": "text"}  # fmt: skip
        columns = [Column(name, kinds.get(name, "int"), 16 if name in ("key", "rfm_class") else 12)
                   for name in table.columns]  # fmt: skip
        table = table.assign(monetary=(table["monetary"] * 100).round().astype("int64"))
        rows = table.astype(object).where(table.notna(), None).itertuples(index=False, name=None)
        count = write_table(args.out, columns, rows, total=len(table), sheet_title="RFM")
        print(QCoreApplication.translate("Cli", "%1 rows written to %2").replace("%1", f"{count:,}").replace("%2", str(args.out)))
    summary = scores.class_summary()
    prospects = int((scores.frame["rfm_class"] < 0).sum())
    print(QCoreApplication.translate("Cli", "RFM as of %1: %2 customers, %3 with orders").replace("%1", scores.as_of.isoformat())
          .replace("%2", f"{len(scores):,}").replace("%3", f"{len(scores) - prospects:,}"))  # fmt: skip
    width = max(len(c.key) for c in RFM_CLASSES)
    heads = (QCoreApplication.translate("Cli", "class"), QCoreApplication.translate("Cli", "customers"),
             QCoreApplication.translate("Cli", "revenue share"))  # fmt: skip
    print(f"{heads[0]:<{width + 2}}{heads[1]:>12}{heads[2]:>16}")
    for cls in RFM_CLASSES:
        row = summary.loc[cls.key]
        share = "–" if row["revenue_share"] != row["revenue_share"] else f"{row['revenue_share']:.1%}"
        print(f"{cls.key:<{width + 2}}{int(row['customers']):>12,}{share:>16}")
    print(QCoreApplication.translate("Cli", "%1 customers without orders are prospects.").replace("%1", f"{prospects:,}"))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    import json

    from PySide6.QtCore import QCoreApplication

    from app.services.groups import parse_week
    from app.services.planner import PlannerService

    monday = parse_week(args.week)
    db = _open(args)
    try:
        findings = PlannerService(db).check(monday)
    finally:
        db.close()
    if args.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
        return 0
    if not findings:
        print(QCoreApplication.translate("Cli", "%1: every check passes.").replace("%1", args.week))
    for f in findings:
        print(f"{f.rule}\t{f.scope}\t{f.detail}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt
    import json

    from PySide6.QtCore import QCoreApplication

    from app.i18n_markers import QT_TRANSLATE_NOOP, UserError
    from app.printing.weekly_report import write_pdf
    from app.services.groups import parse_week, week_of
    from app.services.weekly_report import weekly_report

    monday = parse_week(args.week) if args.week else week_of(dt.date.today() - dt.timedelta(days=7))[0]
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise UserError(QT_TRANSLATE_NOOP("Errors", "The report is written as a PDF: give --out a name ending in .pdf."))
    db = _open(args)
    try:
        data = weekly_report(db, monday)
    finally:
        db.close()
    try:
        pages = write_pdf(out, data)
        if args.json is not None:
            Path(args.json).write_text(json.dumps(data.figures_json(), ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")  # fmt: skip
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}."),
                        path=str(exc.filename or out), reason=exc.strerror or str(exc)) from exc  # fmt: skip
    if not out.exists() or out.stat().st_size == 0:  # Qt's PDF writer reports no error of its own
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}."), path=str(out),
                        reason="PDF")  # fmt: skip
    print(QCoreApplication.translate("Cli", "Weekly report %1: %2 pages written to %3")
          .replace("%1", data.week).replace("%2", str(pages)).replace("%3", str(out)))  # fmt: skip
    if args.json is not None:
        print(QCoreApplication.translate("Cli", "Figures written to %1").replace("%1", str(args.json)))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.export import write_template

    path = write_template(args.kind.replace("-", "_"), args.file, translate=QCoreApplication.translate)
    print(QCoreApplication.translate("Cli", "Template written to %1").replace("%1", str(path)))
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.database import resolve_location
    from app.services.db_copy import copy_database

    here = resolve_location(args.db)
    if args.to:
        source, target = here, resolve_location(args.to)
    else:
        source, target = resolve_location(args.source), here
    report = copy_database(source, target)
    for check in report.tables:
        mark = "✓" if check.same else "✗"
        print(
            f"{mark} {check.table}: {check.source_rows:,} → {check.target_rows:,}  {check.source_sum} / {check.target_sum}"
        )
    if report.same:
        print(QCoreApplication.translate("Cli", "Copied %1 rows from %2 to %3; every table matches (row counts and checksums).")
              .replace("%1", f"{report.rows:,}").replace("%2", source.display).replace("%3", target.display))  # fmt: skip
        return 0
    print(QCoreApplication.translate("Cli", "The copy in %1 differs from %2 (tables marked ✗).")
          .replace("%1", target.display).replace("%2", source.display), file=sys.stderr)  # fmt: skip
    return 1


def cmd_staff(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.services.accounts import AccountService

    db = _open(args)
    try:
        accounts = AccountService(db)
        if args.staff_command == "list":
            for a in accounts.list():
                print(f"{a.name}\t{a.role}\t{a.status}\t{a.login or '-'}\t{a.customers:,}")
            return 0
        if args.staff_command == "add":
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\n")
            else:
                import getpass

                password = getpass.getpass(
                    QCoreApplication.translate("Cli", "Password for %1: ").replace("%1", args.name)
                )
            account = accounts.add(args.name, args.role, password, args.login)
            print(QCoreApplication.translate("Cli", "%1 can now sign in as %2.").replace("%1", account.name)
                  .replace("%2", account.login or "-"))  # fmt: skip
            return 0
        moved = accounts.remove(args.name, args.to)
        print(QCoreApplication.translate("Cli", "%1 has left: %2 customers, %3 groups and %4 follow-ups handed over; "
                                          "the login was removed.").replace("%1", args.name)
              .replace("%2", f"{moved.customers:,}").replace("%3", str(moved.groups)).replace("%4", str(moved.follow_ups)))  # fmt: skip
        return 0
    finally:
        db.close()


COMMANDS = {
    "report": cmd_report,
    "db": cmd_db,
    "staff": cmd_staff,
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "import": cmd_import,
    "export": cmd_export,
    "template": cmd_template,
    "rfm": cmd_rfm,
    "plan": cmd_plan,
}


if __name__ == "__main__":
    sys.exit(main())
