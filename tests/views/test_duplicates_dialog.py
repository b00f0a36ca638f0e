from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QMessageBox

from app import i18n
from app.services.customer_admin import CustomerAdminService, MergeResult
from app.services.customer_stats import refresh_customer_stats
from app.views.duplicates_dialog import DIFFERENT, DuplicatesDialog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)


@pytest.fixture(autouse=True)
def _english(qapp):  # type: ignore[no-untyped-def]
    """The texts below are the English sources, whatever language an earlier test installed."""
    i18n.install("en")


def _shop(db, customers: list[dict], orders: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        for values in customers:
            conn.execute(
                sa.text(
                    f"INSERT INTO customer ({', '.join(values)}) VALUES ({', '.join(':' + c for c in values)})"
                ),
                values,
            )
        n = 0
        for cid, count in orders.items():
            for _ in range(count):
                n += 1
                conn.execute(
                    sa.text(
                        "INSERT INTO orders (customer_id, ordered_at, amount_cents, external_no) "
                        "VALUES (:c, '2026-05-01 10:00:00', 1000, :no)"
                    ),
                    {"c": cid, "no": f"N{n}"},
                )
        refresh_customer_stats(conn)


@pytest.fixture
def shop(db):  # type: ignore[no-untyped-def]
    _shop(
        db,
        [
            {"id": 1, "name": "张三", "phone": "13800138000", "added_on": "2024-01-01", "notes": "老客"},
            {
                "id": 2,
                "name": "张三",
                "wechat_id": "13800138000",
                "added_on": "2025-01-01",
                "notes": "爱吃甜",
            },
            {"id": 3, "name": "李四", "wechat_id": "lisi", "city": "杭州"},
            {"id": 4, "name": "李四", "wechat_id": "LiSi", "city": "上海"},
            {"id": 5, "name": "李四", "wechat_id": "lisi"},
            {"id": 6, "name": "王五", "phone": "13900000000"},
        ],
        {1: 1, 2: 3, 3: 2, 4: 2, 5: 1, 6: 4},
    )
    return db


def _dialog(qtbot, db) -> DuplicatesDialog:  # type: ignore[no-untyped-def]
    dialog = DuplicatesDialog(CustomerAdminService(db))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.groups_loaded, timeout=5000):
        dialog.show()
    return dialog


def test_no_duplicates_is_a_friendly_message(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, db)
    assert dialog.stack.currentWidget() is dialog.empty
    assert "No duplicates found" in dialog.empty.text()
    assert not dialog.merge_button.isEnabled()


def test_groups_side_by_side_with_a_default_to_keep(qtbot, shop) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, shop)
    texts = [dialog.groups.item(r).text() for r in range(dialog.groups.count())]
    assert texts == [
        "Same phone · 2 records\n13800138000",
        "Same name and WeChat ID · 3 records\n李四 / lisi",
    ]
    assert "2 group(s)" in dialog.status.text()
    assert dialog.table.columnCount() == 2
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(2)] == ["#1", "#2"]
    assert dialog.keep_id() == 2  # the most orders
    assert dialog.merge_ids() == [1]
    assert dialog.merge_button.isEnabled()
    dialog.groups.setCurrentRow(1)
    assert dialog.table.columnCount() == 3
    assert dialog.keep_id() == 3  # two orders each for 3 and 4: the older record
    cities = [dialog.table.item(2 + 4, c).text() for c in range(3)]  # the "city" row
    assert cities == ["杭州", "上海", ""]
    assert dialog.table.item(6, 0).foreground().color() == DIFFERENT  # the cities differ
    assert dialog.table.item(2, 0).foreground().color() != DIFFERENT  # the names agree


def test_merge_after_confirmation(qtbot, shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, shop)
    asked: list[MergeResult] = []
    monkeypatch.setattr(dialog, "confirm_merge", lambda kept, preview: asked.append(preview) or True)
    with qtbot.waitSignal(dialog.customers_changed, timeout=5000):
        dialog.merge_current()
    assert asked[0].kept_id == 2 and asked[0].merged_ids == (1,) and asked[0].orders_moved == 1
    texts = [dialog.groups.item(r).text() for r in range(dialog.groups.count())]
    assert texts == ["Same name and WeChat ID · 3 records\n李四 / lisi"]  # the merged group is gone
    assert "Merged 1 record(s)" in dialog.status.text()
    with shop.engine.connect() as conn:
        kept = conn.execute(
            sa.text("SELECT id, phone, order_count, notes FROM customer WHERE id IN (1, 2)")
        ).all()
    assert kept == [(2, "13800138000", 4, "爱吃甜\n\n老客\n\n合并自：张三（#1）")]
    qtbot.waitUntil(lambda: not dialog._loading, timeout=5000)
    assert dialog.groups.count() == 1


def test_cancel_merges_nothing(qtbot, shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, shop)
    monkeypatch.setattr(dialog, "confirm_merge", lambda kept, preview: False)
    with qtbot.assertNotEmitted(dialog.customers_changed):
        dialog.merge_current()
    assert CustomerAdminService(shop).describe([1, 2])[0].id == 1
    assert dialog.groups.count() == 2


def test_choose_the_record_to_keep_and_leave_one_out(qtbot, shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, shop)
    dialog.groups.setCurrentRow(1)
    dialog.set_keep(5)
    assert dialog.keep_id() == 5 and dialog.merge_ids() == [3, 4]
    dialog.set_included(4, False)  # the same name and WeChat id, but another person
    assert dialog.merge_ids() == [3]
    monkeypatch.setattr(dialog, "confirm_merge", lambda kept, preview: True)
    with qtbot.waitSignal(dialog.customers_changed, timeout=5000):
        dialog.merge_current()
    admin = CustomerAdminService(shop)
    assert [b.id for b in admin.describe([3, 4, 5])] == [4, 5]
    assert admin.describe([5])[0].order_count == 3
    qtbot.waitUntil(lambda: not dialog._loading, timeout=5000)
    texts = [dialog.groups.item(r).text() for r in range(dialog.groups.count())]
    assert texts == [
        "Same phone · 2 records\n13800138000",
        "Same name and WeChat ID · 2 records\n李四 / lisi",
    ]
    dialog.set_included(3, True)  # an id no longer shown: ignored


def test_the_merge_question_says_what_moves(qtbot, shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, shop)
    shown = []

    def fake_question(parent, title, text, buttons, default):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    dialog.merge_current()
    assert "into “张三” (#2)" in shown[0]
    assert "1 order(s)" in shown[0] and "cannot be undone" in shown[0]
    assert CustomerAdminService(shop).describe([1])  # still there


def test_a_failed_merge_is_shown(qtbot, shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, shop)
    CustomerAdminService(shop).delete([1])  # binned meanwhile, elsewhere
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(dialog, "confirm_merge", lambda kept, preview: True)
    with qtbot.assertNotEmitted(dialog.customers_changed):
        dialog.merge_current()
    assert "#1" in shown[0] and "recycle bin" in shown[0]
