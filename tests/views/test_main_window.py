from __future__ import annotations

from PySide6.QtCore import Qt

from app import i18n
from app.services.customer_list import CustomerListService
from app.views.customers_view import CustomersView
from app.views.main_window import MainWindow


def _window(qtbot, demo_db, language: str = "zh_CN") -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.install(language)
    customers = CustomersView(CustomerListService(demo_db))
    window = MainWindow(customers, demo_db.location.display, language)
    qtbot.addWidget(window)
    window.show()
    customers.reload()
    qtbot.waitUntil(lambda: customers.model.index_data.searchable, timeout=5000)
    return window


def test_customers_load_and_search_as_you_type(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    view = window.customers
    assert view.model.rowCount() == 400
    assert "400" in window.count_label.text()
    assert demo_db.location.display in window.db_label.text()
    phone = view.model.data(view.model.index(3, 2))
    name = view.model.data(view.model.index(3, 0))
    qtbot.keyClicks(view.search, phone[:7])  # typed key by key, as on a keyboard
    assert 1 <= view.model.rowCount() < 400
    assert all(
        view.model.data(view.model.index(r, 2)).startswith(phone[:7]) for r in range(view.model.rowCount())
    )
    assert "400" in view.summary.text()
    view.search.setText(name)  # what an input method commits
    assert 1 <= view.model.rowCount() < 400
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == "" and view.model.rowCount() == 400


def test_search_typed_before_loading_finishes_is_applied(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    customers = CustomersView(CustomerListService(demo_db))
    qtbot.addWidget(customers)
    customers.search.setText("zzzzzz-nobody")
    customers.reload()
    qtbot.waitUntil(lambda: customers.model.index_data.searchable, timeout=5000)
    assert customers.model.rowCount() == 0


def test_header_click_sorts(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    table = window.customers.table
    table.sortByColumn(10, Qt.SortOrder.DescendingOrder)  # orders
    counts = [int(window.customers.model.data(window.customers.model.index(r, 10))) for r in range(20)]
    assert counts == sorted(counts, reverse=True)


def test_language_switch_retranslates(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "zh_CN")
    assert window.nav.item(0).text() == "客户"
    assert window.customers.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    window.language_requested.connect(i18n.install)
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Customers", timeout=2000)
    assert window.customers.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert window.file_menu.title() == "&File"
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "客户", timeout=2000)


def test_the_customer_menu_imports_every_kind(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "zh_CN")
    asked: list[tuple[str, str]] = []
    window.import_requested.connect(lambda kind, path: asked.append((kind, path)))
    keys = ("import_customers", "import_orders", "import_members", "import_group_stats", "import_coupons",
            "import_plan")  # fmt: skip
    for key in keys:
        assert window.customer_actions[key] in window.customer_menu.actions()
        window.customer_actions[key].trigger()
    assert asked == [
        (kind, "") for kind in ("customers", "orders", "members", "group_stats", "coupons", "plan")
    ]
    assert [window.customer_actions[k].text() for k in keys] == [
        "导入客户…", "导入订单…", "导入社群成员…", "导入社群每日数据…", "导入优惠券…", "导入周计划…"
    ]  # fmt: skip
    i18n.install("en")
    try:
        qtbot.waitUntil(
            lambda: window.customer_actions["import_plan"].text() == "Import a weekly plan…", timeout=2000
        )
        assert window.customer_actions["import_group_stats"].text() == "Import groups' daily figures…"
    finally:
        i18n.install("zh_CN")
