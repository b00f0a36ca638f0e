"""The main window: left navigation over the screens that work, menus, and a status bar. It only assembles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.views.customers_view import CustomersView


@dataclass
class Screen:
    key: str
    title: Callable[[], str]
    widget: QWidget


class MainWindow(QMainWindow):
    """Emits ``language_requested(code)``, ``backup_requested()`` and ``tray_reminders_toggled(on)``; the
    start-up wiring acts on them."""

    language_requested = Signal(str)
    backup_requested = Signal()
    # kind (customers, orders, members, group_stats, coupons, plan; "" to guess), file path or ""
    import_requested = Signal(str, str)
    export_requested = Signal(str)  # kind
    template_requested = Signal(str)  # kind
    tool_requested = Signal(str)  # "tags", "staff", "duplicates", "bin"
    tray_reminders_toggled = Signal(bool)
    settings_requested = Signal(str)  # "segments" or "groups": that screen's settings dialog
    first_painted = Signal()

    def __init__(self, customers: CustomersView, db_display: str, language: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1280, 780)
        self.setMinimumSize(QSize(900, 560))
        self._painted = False
        self._db_display = db_display
        self.customers = customers
        self._screens = [Screen("customers", lambda: self.tr("Customers"), customers)]
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(132)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(self)
        for screen in self._screens:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, screen.key)
            item.setSizeHint(QSize(120, 40))
            self.nav.addItem(item)
            self.stack.addWidget(screen.widget)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.db_label = QLabel(self)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.db_label)
        customers.counts_changed.connect(self._show_counts)

        self._build_menus(language)
        self.retranslate_ui()

    def _build_menus(self, language: str) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.backup_action = QAction(self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.triggered.connect(self.backup_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.customer_menu = bar.addMenu("")
        self.customer_actions: dict[str, QAction] = {}

        def add(key: str, emit, shortcut: str | None = None) -> None:  # type: ignore[no-untyped-def]
            action = QAction(self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(emit)
            self.customer_menu.addAction(action)
            self.customer_actions[key] = action

        add("import_customers", lambda: self.import_requested.emit("customers", ""), "Ctrl+I")
        add("import_orders", lambda: self.import_requested.emit("orders", ""), "Ctrl+Shift+I")
        for kind in ("members", "group_stats", "coupons", "plan"):
            add(f"import_{kind}", lambda _checked=False, k=kind: self.import_requested.emit(k, ""))
        self.customer_menu.addSeparator()
        add("export_customers", lambda: self.export_requested.emit("customers"), "Ctrl+E")
        add("export_orders", lambda: self.export_requested.emit("orders"))
        add("template_customers", lambda: self.template_requested.emit("customers"))
        add("template_orders", lambda: self.template_requested.emit("orders"))
        self.customer_menu.addSeparator()
        add("tags", lambda: self.tool_requested.emit("tags"), "Ctrl+Shift+T")
        add("staff", lambda: self.tool_requested.emit("staff"))
        add("duplicates", lambda: self.tool_requested.emit("duplicates"))
        add("bin", lambda: self.tool_requested.emit("bin"))

        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.tray_reminders_action = QAction(self, checkable=True)
        self.tray_reminders_action.setObjectName("trayReminders")
        self.tray_reminders_action.toggled.connect(self.tray_reminders_toggled)
        self.settings_menu.addAction(self.tray_reminders_action)
        self.settings_menu.addSeparator()
        self.segment_settings_action = QAction(self)
        self.segment_settings_action.triggered.connect(lambda: self.settings_requested.emit("segments"))
        self.group_settings_action = QAction(self)
        self.group_settings_action.triggered.connect(lambda: self.settings_requested.emit("groups"))
        self.settings_menu.addAction(self.segment_settings_action)
        self.settings_menu.addAction(self.group_settings_action)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    # -- screens -------------------------------------------------------------------------------------------
    def add_lazy_screen(
        self, key: str, title: Callable[[], str], factory: Callable[[], QWidget], first: bool = False
    ) -> None:
        """A screen built the first time it is shown: its modules (pandas and all) stay off the start-up path.
        ``first`` puts it at the top of the navigation; the screen on show stays the same."""
        holder = QWidget(self.stack)
        holder.setObjectName(f"{key}Holder")
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        row = 0 if first else len(self._screens)
        self._screens.insert(row, Screen(key, title, holder))
        self._factories[key] = factory
        item = QListWidgetItem(title())
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(120, 40))
        self.stack.insertWidget(row, holder)
        self.nav.insertItem(row, item)

    def screen(self, key: str) -> QWidget | None:
        """The screen's widget, built now if it is a lazy one not shown yet."""
        for screen in self._screens:
            if screen.key == key:
                factory = self._factories.pop(key, None)
                if factory is not None:
                    built = factory()
                    screen.widget.layout().addWidget(built)
                    self._built[key] = built
                return self._built.get(key, screen.widget)
        return None

    def show_screen(self, key: str) -> None:
        for row, screen in enumerate(self._screens):
            if screen.key == key:
                self.nav.setCurrentRow(row)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._screens):
            self.screen(self._screens[row].key)
        self.stack.setCurrentIndex(row)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Siyu - private-domain assistant"))
        for row, screen in enumerate(self._screens):
            self.nav.item(row).setText(screen.title())
        self.file_menu.setTitle(self.tr("&File"))
        self.backup_action.setText(self.tr("&Back up the database now"))
        self.quit_action.setText(self.tr("&Quit"))
        self.customer_menu.setTitle(self.tr("&Customers"))
        texts = {
            "import_customers": self.tr("Import customers…"),
            "import_orders": self.tr("Import orders…"),
            "import_members": self.tr("Import group members…"),
            "import_group_stats": self.tr("Import groups' daily figures…"),
            "import_coupons": self.tr("Import coupons…"),
            "import_plan": self.tr("Import a weekly plan…"),
            "export_customers": self.tr("Export customers…"),
            "export_orders": self.tr("Export orders…"),
            "template_customers": self.tr("Customer import template…"),
            "template_orders": self.tr("Order import template…"),
            "tags": self.tr("Tag manager…"),
            "staff": self.tr("Staff…"),
            "duplicates": self.tr("Find duplicate customers…"),
            "bin": self.tr("Recycle bin…"),
        }
        for key, text in texts.items():
            self.customer_actions[key].setText(text)
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.tray_reminders_action.setText(self.tr("Tray reminders"))
        self.segment_settings_action.setText(self.tr("RFM and lifecycle thresholds…"))
        self.group_settings_action.setText(self.tr("Group grade thresholds…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Siyu"))
        self.db_label.setText(self.tr("Database: %1").replace("%1", self._db_display))
        self._show_counts(self.customers.model.total, self.customers.model.shown)

    def _show_counts(self, total: int, shown: int) -> None:
        if shown != total:
            text = self.tr("%1 customers, %2 shown").replace("%1", f"{total:,}").replace("%2", f"{shown:,}")
        else:
            text = self.tr("%1 customers").replace("%1", f"{total:,}")
        self.count_label.setText(text)

    def open_import_file(self, path: str) -> None:
        """A spreadsheet dropped on the icon or opened with Siyu: the import wizard takes it."""
        self.bring_to_front()
        self.import_requested.emit("", path)

    def set_language_checked(self, code: str) -> None:
        self.language_actions[code].setChecked(True)

    def bring_to_front(self) -> None:
        """Show, un-minimise, raise and focus the window (a second start, a notification)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        handle = self.windowHandle()
        if handle is not None:
            handle.requestActivate()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Siyu"),
            self.tr(
                "Siyu %1\nCustomers, groups, coupons and content plans for a small shop's private domain."
            ).replace("%1", __version__),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return result
