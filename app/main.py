"""Start-up wiring, the one place that builds database → services → models → views and connects them.

Only what the first paint needs is imported before the window shows: PySide6 widgets, sqlite3 and numpy.
SQLAlchemy, pandas and pyqtgraph load later, when a screen or command needs them.
"""

from __future__ import annotations

import logging
import sys
import time
from argparse import Namespace

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__, crash, i18n, paths, single_instance
from app.i18n_markers import UserError
from app.services.customer_admin import CustomerAdminService
from app.services.customer_list import CustomerListService
from app.services.customers import CustomerService
from app.services.database import open_database, resolve_location
from app.services.staff import StaffService
from app.services.tags import TagService
from app.views.customers_view import CustomersView, CustomerTools
from app.views.main_window import MainWindow

log = logging.getLogger(__name__)


def ui_settings() -> QSettings:
    """Per-user interface preferences (language, window geometry) in the data folder."""
    return QSettings(str(paths.data_dir() / "siyu.ini"), QSettings.Format.IniFormat)


def app_icon() -> QIcon:
    """The window and tray icon (files are read when Qt first needs a size)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.resource("icons", f"siyu-{size}.png")), QSize(size, size))
    return icon


def run_gui(args: Namespace, started: float) -> int:
    from app import logging_setup

    logging_setup.setup()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("私域助手")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    logging_setup.route_qt_messages()
    prefs = ui_settings()
    language = i18n.resolve_language(args.lang or prefs.value("language", None))
    i18n.install(language)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("siyu")
    crash.install()
    files = [args.open_file] if getattr(args, "open_file", None) else []
    measuring = args.quit_after_show or args.quit_after_rows

    location = resolve_location(args.db)
    instance = None
    if not measuring:  # one window per shop: a second start hands over and exits
        instance = single_instance.claim(single_instance.server_name(location.url), files, app)
        if instance is None:
            log.info("Siyu is already open on %s: handed over %s", location.display, files)
            return 0
    try:
        opened, location = _open_signed_in(location, interactive=not args.quit_after_show)
    except UserError as exc:
        log.warning("cannot open %s: %s", location.display, exc)
        if args.quit_after_show:
            print(i18n.describe(exc), file=sys.stderr)
            return 1
        QMessageBox.critical(
            None, QCoreApplication.translate("Startup", "Siyu cannot open the database"), i18n.describe(exc)
        )
        return 1
    db = opened.database

    customer_list = CustomerListService(db)
    tools = CustomerTools(CustomerService(db), TagService(db), StaffService(db), CustomerAdminService(db))
    customers = CustomersView(customer_list, tools)
    window = MainWindow(customers, location.display, language)
    _wire_customer_menu(window, db, tools)
    _add_segments_screen(window, db, tools)
    _add_groups_screen(window, db, tools)
    _add_coupons_screen(window, db, tools)
    _add_planner_screen(window, db)
    _add_dashboard_screen(window, db)
    window.settings_requested.connect(lambda key: open_settings(window, key))

    def change_language(code: str) -> None:
        i18n.install(code)
        prefs.setValue("language", code)

    def backup_now() -> None:
        from app.services.backup import make_backup
        from app.views.tasks import run_in_background

        window.statusBar().showMessage(QCoreApplication.translate("Startup", "Backing up…"))

        def done(path: object) -> None:
            window.statusBar().showMessage(
                QCoreApplication.translate("Startup", "Backup saved to %1").replace("%1", str(path)), 10000
            )

        def failed(exc: BaseException) -> None:
            text = i18n.describe(exc) if isinstance(exc, UserError) else str(exc)
            QMessageBox.warning(window, QCoreApplication.translate("Startup", "Backup"), text)

        run_in_background(make_backup, location, on_done=done, on_failed=failed)

    window.language_requested.connect(change_language)
    window.tray_reminders_action.setChecked(prefs.value("reminders/tray", True, type=bool))
    window.tray_reminders_toggled.connect(lambda on: prefs.setValue("reminders/tray", on))
    file_open = single_instance.FileOpenFilter(window)  # macOS "open with" and Dock drops
    file_open.file_opened.connect(lambda path: single_instance.open_files_in(window, [path]))
    app.installEventFilter(file_open)
    if instance is not None:
        instance.activation_requested.connect(lambda paths: single_instance.open_files_in(window, paths))
    window.backup_requested.connect(backup_now)

    if args.quit_after_show or args.quit_after_rows:
        target = window.first_painted if args.quit_after_show else customers.rows_shown

        def report() -> None:
            customers.table.viewport().repaint()  # the rows are painted before the clock stops
            print(f"{time.time() - started:.3f}", flush=True)
            app.quit()

        target.connect(lambda: QTimer.singleShot(0, report))
    else:
        window.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: _after_first_paint(window, db, opened))
        )
        window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: _start_helpers(window, db, files)))

    live = None
    if not location.is_sqlite:  # a shared shop: refresh when another computer changes it
        from app.services.changes import ChangeListener
        from app.views.live_refresh import LiveRefresh

        live = LiveRefresh(ChangeListener(location), window)
        customer_tables = {
            "customer",
            "orders",
            "customer_tag",
            "customer_field",
            "tag",
            "tag_group",
            "staff",
        }
        live.changed.connect(lambda tables: customers.reload() if tables & customer_tables else None)
        live.start()

    window.show()
    QTimer.singleShot(0, customers.reload)
    code = app.exec()
    if live is not None:
        live.stop()
    if instance is not None:
        instance.close()
    QThreadPool.globalInstance().waitForDone(5000)
    db.close()
    return code


def _open_signed_in(location, interactive: bool):  # type: ignore[no-untyped-def]
    """Open the shop; a shared server that wants a login gets the sign-in dialog (three tries)."""
    from app.services.database import SignInRequired, with_credentials

    problem = ""
    for _attempt in range(3):
        try:
            return open_database(location), location
        except SignInRequired as exc:
            if not interactive:
                raise
            from sqlalchemy.engine import make_url

            from app.views.sign_in import SignInDialog

            dialog = SignInDialog(location.display, problem, make_url(location.url).username or "")
            if dialog.exec() != SignInDialog.DialogCode.Accepted:
                raise
            location = with_credentials(location, *dialog.credentials())
            problem = i18n.describe(exc)
    return open_database(location), location


def _wire_customer_menu(window: MainWindow, db, tools: CustomerTools) -> None:  # type: ignore[no-untyped-def]
    """客户 menu: import, export, templates, and the tag, staff, duplicates and recycle-bin dialogs."""
    from PySide6.QtWidgets import QFileDialog

    from app.views.tasks import run_in_background

    customers = window.customers

    def open_dialog(kind: str) -> None:
        if kind == "tags":
            from app.views.tag_manager import TagManagerDialog

            dialog = TagManagerDialog(tools.tags, window)
            dialog.tags_changed.connect(customers.reload)
        elif kind == "staff":
            from app.views.staff_dialog import StaffDialog

            accounts = None
            if not db.location.is_sqlite:  # a shared shop: the owner manages sign-ins here too
                from app.services.accounts import AccountService

                accounts = AccountService(db)
            dialog = StaffDialog(tools.staff, window, accounts=accounts)
            dialog.staff_changed.connect(customers.reload)
        elif kind == "duplicates":
            from app.views.duplicates_dialog import DuplicatesDialog

            dialog = DuplicatesDialog(tools.admin, window)
            dialog.customers_changed.connect(customers.reload)
        else:
            from app.views.recycle_bin import RecycleBinDialog

            dialog = RecycleBinDialog(tools.admin, window)
            dialog.customers_changed.connect(customers.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def open_import(kind: str, path: str) -> None:
        from app.services.importer import ImportService
        from app.views.import_wizard import ImportWizard

        wizard = ImportWizard(ImportService(db), path or None, kind or None, window)
        # any kind: reading the customer list again emits rows_shown, on which every other screen (overview,
        # segments, groups, coupons, weekly plan) marks itself stale and reads again now or when next shown
        wizard.imported.connect(lambda _kind: customers.reload())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()

    def export(kind: str, ids=None) -> None:  # type: ignore[no-untyped-def]
        from app.services.export import ExportService

        name = (QCoreApplication.translate("Export", "Customers") if kind == "customers"
                else QCoreApplication.translate("Export", "Orders"))  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("Startup", "Export"), f"{name}.xlsx",
                                              QCoreApplication.translate("Startup", "Excel (*.xlsx);;CSV (*.csv)"))  # fmt: skip
        if not path:
            return
        service = ExportService(db)
        method = service.export_customers if kind == "customers" else service.export_orders
        id_list = None if ids is None else [int(i) for i in ids]
        window.statusBar().showMessage(QCoreApplication.translate("Startup", "Exporting…"))

        def done(count: int) -> None:
            window.statusBar().showMessage(
                QCoreApplication.translate("Startup", "%1 rows written to %2").replace("%1", f"{count:,}").replace("%2", path), 15000)  # fmt: skip

        def failed(exc: BaseException) -> None:
            text = i18n.describe(exc) if isinstance(exc, UserError) else str(exc)
            QMessageBox.warning(window, QCoreApplication.translate("Startup", "Export"), text)

        run_in_background(lambda: method(path, id_list, translate=QCoreApplication.translate), on_done=done,
                          on_failed=failed)  # fmt: skip

    def template(kind: str) -> None:
        from app.services.export import write_template

        name = (QCoreApplication.translate("Startup", "customer import template") if kind == "customers"
                else QCoreApplication.translate("Startup", "order import template"))  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("Startup", "Save the template"), f"{name}.xlsx",
                                              QCoreApplication.translate("Startup", "Excel (*.xlsx)"))  # fmt: skip
        if path:
            try:
                write_template(kind, path, translate=QCoreApplication.translate)
            except (UserError, OSError) as exc:
                QMessageBox.warning(window, QCoreApplication.translate("Startup", "Save the template"),
                                    i18n.describe(exc) if isinstance(exc, UserError) else str(exc))  # fmt: skip
                return
            window.statusBar().showMessage(
                QCoreApplication.translate("Startup", "Template saved to %1").replace("%1", path), 15000
            )

    window.tool_requested.connect(open_dialog)
    window.import_requested.connect(open_import)
    window.export_requested.connect(export)
    window.template_requested.connect(template)
    customers.export_requested.connect(lambda ids: export("customers", ids))


def _add_segments_screen(window: MainWindow, db, tools: CustomerTools) -> None:  # type: ignore[no-untyped-def]
    """分群, built when first shown. It recomputes whenever the customer list is read again (after an import,
    an edit, a tag change here or on another computer), so its figures are never stale."""
    customers = window.customers

    def build():  # type: ignore[no-untyped-def]
        from app.services.segments import SegmentService
        from app.views.segments_view import SegmentsView

        view = SegmentsView(SegmentService(db), tools.tags)

        def open_customers(ids: object, title: str) -> None:
            customers.show_only(ids, title)
            window.show_screen("customers")

        view.open_customers.connect(open_customers)
        view.export_customers.connect(customers.export_requested.emit)
        view.data_changed.connect(customers.reload)
        view.add_to_group.connect(lambda ids: window.add_to_group(ids))
        customers.rows_shown.connect(view.invalidate)
        return view

    window.add_lazy_screen("segments", lambda: QCoreApplication.translate("MainWindow", "Segments"), build)


def open_settings(window: MainWindow, key: str) -> None:
    """设置 menu: the screen ("segments" or "groups") comes forward and opens its settings dialog."""
    window.show_screen(key)
    view = window.screen(key)
    opener = getattr(view, "edit_model_settings" if key == "segments" else "edit_thresholds", None)
    if opener is not None:
        QTimer.singleShot(0, opener)


def planner_choices(db) -> dict:  # type: ignore[no-untyped-def]
    """What a content card can point at: segments, tags, coupon campaigns, plays; customers by phone."""
    from app.services.activities import ActivityService
    from app.services.coupons import CouponService
    from app.services.planner import PlannerService
    from app.services.segments import SegmentService
    from app.services.tags import TagService

    planner = PlannerService(db)
    return {"segments": [(s.id, s.name) for s in SegmentService(db).segments()],
            "tags": [(t.id, f"{t.group_name} · {t.name}") for t in TagService(db).tags()],
            "campaigns": [(c.id, c.name) for c in CouponService(db).campaigns() if c.status != "ended"],
            "activities": [(a.id, a.name) for a in ActivityService(db).activities()],
            "phones": planner.customers_by_phone, "phone_of": planner.phones_of}  # fmt: skip


def _add_planner_screen(window: MainWindow, db) -> None:  # type: ignore[no-untyped-def]
    """周计划, built when first shown."""

    def build():  # type: ignore[no-untyped-def]
        from app.services.events import week_events
        from app.services.groups import GroupService
        from app.services.planner import PlannerService
        from app.views.planner_view import PlannerView

        service = PlannerService(db)
        view = PlannerView(service,
                           lambda: [(g.id, g.name) for g in GroupService(db).groups() if g.status == "active"],
                           lambda monday: week_events(db, monday, i18n.current_language()),
                           choices=lambda: planner_choices(db))  # fmt: skip
        window.customers.rows_shown.connect(view.invalidate)
        return view

    window.add_lazy_screen("planner", lambda: QCoreApplication.translate("MainWindow", "Weekly plan"), build)


def _add_dashboard_screen(window: MainWindow, db) -> None:  # type: ignore[no-untyped-def]
    """概览, first in the navigation, built when first shown; its figures are read again whenever the customer
    list is (after an import, an edit, a change on another computer)."""

    def build():  # type: ignore[no-untyped-def]
        from app.services.dashboard import dashboard
        from app.views.dashboard_view import DashboardView

        view = DashboardView(lambda monday: dashboard(db, monday))

        def open_customers(ids: object, title: str) -> None:
            window.customers.show_only(ids, title)
            window.show_screen("customers")

        view.open_customers.connect(open_customers)
        view.open_screen.connect(window.show_screen)
        view.report_requested.connect(lambda monday, how: open_weekly_report(window, db, monday, how))
        window.customers.rows_shown.connect(view.invalidate)
        return view

    window.add_lazy_screen("dashboard", lambda: QCoreApplication.translate("MainWindow", "Dashboard"), build,
                           first=True)  # fmt: skip


def open_weekly_report(window: MainWindow, db, monday, how: str) -> None:  # type: ignore[no-untyped-def]
    """周报 for the week of ``monday``: print preview ("preview") or a PDF ("pdf")."""
    from app.services.weekly_report import weekly_report
    from app.views.report_dialogs import show_weekly_report

    def status(text: str) -> None:
        window.statusBar().showMessage(text, 10000 if text else 1)

    show_weekly_report(window, lambda: weekly_report(db, monday), how, status)


def _add_coupons_screen(window: MainWindow, db, tools: CustomerTools) -> None:  # type: ignore[no-untyped-def]
    """优惠券, built when first shown; F9 anywhere opens the till; customers get coupons from the list."""
    from PySide6.QtGui import QKeySequence, QShortcut

    customers = window.customers
    built: list = []

    def targets():  # type: ignore[no-untyped-def]
        from app.services.coupons import CouponService
        from app.services.groups import GroupService
        from app.services.segments import SegmentService

        return {"segment": [(s.id, s.name) for s in SegmentService(db).segments()],
                "group": [(g.id, g.name) for g in GroupService(db).groups() if g.status == "active"],
                "tag": [(t.id, f"{t.group_name} · {t.name}") for t in tools.tags.tags()],
                **CouponService(db).link_choices()}  # fmt: skip

    def resolve(kind: str, key: int) -> list[int]:
        from app.services.customers import CustomerFilter

        if kind == "segment":
            from app.services.segments import SegmentService

            service = SegmentService(db)
            rules = next(s.rules for s in service.segments() if s.id == key)
            return [int(i) for i in service.context().evaluate(rules)]
        if kind == "group":
            from app.services.groups import GroupService

            return [m[0] for m in GroupService(db).members(int(key))]
        ids = tools.customers.filter_ids(CustomerFilter(tag_id=int(key)))
        return [] if ids is None else [int(i) for i in ids]

    def build():  # type: ignore[no-untyped-def]
        from app.services.coupons import CouponService
        from app.views.coupons_view import CouponsView

        view = CouponsView(CouponService(db), targets, resolve)
        view.data_changed.connect(customers.reload)
        view.till_requested.connect(open_till)
        customers.rows_shown.connect(view.invalidate)
        built.append(view)
        return view

    def open_till() -> None:
        from app.services.coupons import CouponService
        from app.views.till_dialog import TillDialog

        dialog = TillDialog(CouponService(db), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.redeemed.connect(lambda _code: customers.reload())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def issue_to(ids: object) -> None:
        view = window.screen("coupons")
        if view is not None:
            view.issue([int(i) for i in ids])  # type: ignore[attr-defined]

    window.add_lazy_screen("coupons", lambda: QCoreApplication.translate("MainWindow", "Coupons"), build)
    till = QShortcut(QKeySequence("F9"), window, activated=open_till)
    till.setContext(Qt.ShortcutContext.ApplicationShortcut)
    window.open_till = open_till
    customers.issue_coupons_requested.connect(issue_to)


def _add_groups_screen(window: MainWindow, db, tools: CustomerTools) -> None:  # type: ignore[no-untyped-def]
    """社群, built when first shown; customers join groups from the customer list."""
    customers = window.customers
    built: list = []

    def build():  # type: ignore[no-untyped-def]
        from app.services.groups import GroupService
        from app.views.groups_view import GroupsView

        staff = [(m.id, m.name) for m in tools.staff.list(include_departed=False)]
        view = GroupsView(GroupService(db), staff)
        view.data_changed.connect(customers.reload)
        customers.rows_shown.connect(view.invalidate)
        built.append(view)
        return view

    def add_to_group(ids: object) -> None:
        from PySide6.QtWidgets import QInputDialog

        from app.services.groups import GroupService

        service = GroupService(db)
        groups = [g for g in service.groups() if g.status == "active"]
        if not groups:
            QMessageBox.information(window, QCoreApplication.translate("Startup", "Add to a group"),
                                    QCoreApplication.translate("Startup", "There is no group yet: create one on the Groups screen."))  # fmt: skip
            return
        id_list = [int(i) for i in ids]  # type: ignore[attr-defined]
        name, ok = QInputDialog.getItem(
            window, QCoreApplication.translate("Startup", "Add to a group"),
            QCoreApplication.translate("Startup", "Group for %1 customers:").replace("%1", f"{len(id_list):,}"),
            [g.name for g in groups], 0, False)  # fmt: skip
        if not ok:
            return
        group = next(g for g in groups if g.name == name)
        joined = service.add_members(group.id, id_list)
        window.statusBar().showMessage(QCoreApplication.translate("Startup", "%1 customers joined %2 (%3 were members already).")
                                       .replace("%1", f"{joined:,}").replace("%2", group.name)
                                       .replace("%3", f"{len(id_list) - joined:,}"), 15000)  # fmt: skip
        for view in built:
            view.invalidate()

    window.add_lazy_screen("groups", lambda: QCoreApplication.translate("MainWindow", "Groups"), build)
    customers.add_to_group_requested.connect(add_to_group)
    window.add_to_group = add_to_group  # the Segments screen offers it for a saved segment


def _after_first_paint(window: MainWindow, db, opened) -> None:  # type: ignore[no-untyped-def]
    """Work that may wait until the owner sees the window: the demo offer, the daily backup."""
    from app.services.backup import daily_backup_if_due
    from app.views.tasks import run_in_background

    if opened.created:
        from app.services.demo import generate_demo
        from app.views.demo_offer import offer_demo

        offer_demo(
            window,
            lambda progress: generate_demo(db, customers=5000, orders=50000, seed=1, progress=progress),
            window.customers.reload,
        )
    QTimer.singleShot(3000, lambda: run_in_background(
        _warm_dashboard, db, on_done=lambda _r: None,
        on_failed=lambda exc: log.warning("dashboard warm-up failed: %s", exc)))  # fmt: skip
    run_in_background(
        daily_backup_if_due,
        db.location,
        on_done=lambda path: log.info("daily backup: %s", path),
        on_failed=lambda exc: log.warning("daily backup failed: %s", exc),
    )


def _warm_dashboard(db) -> None:  # type: ignore[no-untyped-def]
    """Reads the last complete week's twelve-week sales once start-up is over (about a second on 1,000,000
    orders), so the dashboard opens in a fraction of a second; they are kept until the orders change."""
    import datetime as dt

    from app.services.groups import week_of
    from app.services.metrics import SALES

    SALES.sales(db, week_of(dt.date.today() - dt.timedelta(days=7))[0], 12)


def _start_helpers(window: MainWindow, db, files: list[str]) -> None:  # type: ignore[no-untyped-def]
    """After the first paint: the file a start was asked to open, tray reminders, the crash test switch."""
    from app.services import reminders
    from app.views.tray import ReminderTray

    if files:
        single_instance.open_files_in(window, files)
    tray = ReminderTray(
        window,
        lambda today: reminders.daily_reminders(db, today),
        lambda now: reminders.sop_items_due(db, now),
        app_icon(),
    )
    window.tray_reminders_toggled.connect(tray.set_enabled)
    tray.set_enabled(window.tray_reminders_action.isChecked())
    crash.schedule_debug_crash()
