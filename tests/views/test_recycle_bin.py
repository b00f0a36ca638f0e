from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from app import i18n
from app.services.customer_admin import CustomerAdminService, PurgePreview
from app.services.customer_list import CustomerListService
from app.views.recycle_bin import RecycleBinDialog

# The offscreen platform cannot do some window-manager calls a shown dialog makes; they are harmless.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)


@pytest.fixture(autouse=True)
def _english(qapp):  # type: ignore[no-untyped-def]
    """The texts below are the English sources, whatever language an earlier test installed."""
    i18n.install("en")


def _dialog(qtbot, db) -> tuple[RecycleBinDialog, CustomerAdminService]:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(db)
    dialog = RecycleBinDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, admin


def _select(dialog: RecycleBinDialog, *rows: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        dialog.table.selectionModel().select(dialog.model.index(row, 0), flags)


def test_an_empty_bin_says_so(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    dialog, _admin = _dialog(qtbot, demo_db)
    assert dialog.stack.currentWidget() is dialog.empty
    assert "empty" in dialog.empty.text()
    assert not dialog.restore_button.isEnabled()
    assert not dialog.purge_button.isEnabled()
    assert not dialog.empty_button.isEnabled()


def test_restore_selected_customers(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([4, 5, 6])
    dialog, _ = _dialog(qtbot, demo_db)
    assert dialog.stack.currentWidget() is dialog.table
    assert dialog.model.rowCount() == 3
    assert "3" in dialog.summary.text()
    assert not dialog.restore_button.isEnabled()
    _select(dialog, 0, 2)
    assert dialog.restore_button.isEnabled() and dialog.purge_button.isEnabled()
    chosen = dialog.selected_ids()
    assert len(chosen) == 2
    with qtbot.waitSignal(dialog.customers_changed, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert admin.bin_count() == 1
    assert dialog.model.rowCount() == 1 and dialog.model.entry(0).id not in chosen
    assert CustomerListService(demo_db).count() == 399


def test_purge_asks_first_and_cancel_keeps_everything(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([7, 8])
    dialog, _ = _dialog(qtbot, demo_db)
    asked: list[PurgePreview] = []
    monkeypatch.setattr(dialog, "confirm_purge", lambda preview: asked.append(preview) or False)
    _select(dialog, 0)
    with qtbot.assertNotEmitted(dialog.customers_changed):
        dialog.purge_selected()
    assert asked[0].customers == 1 and asked[0].orders == admin.purge_preview(dialog.selected_ids()).orders
    assert admin.bin_count() == 2

    monkeypatch.setattr(dialog, "confirm_purge", lambda preview: True)
    with qtbot.waitSignal(dialog.customers_changed, timeout=5000):
        dialog.purge_selected()
    assert admin.bin_count() == 1 and dialog.model.rowCount() == 1
    assert CustomerListService(demo_db).count() == 398  # purging never touches live customers


def test_the_purge_question_names_customers_and_orders(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog, _ = _dialog(qtbot, demo_db)
    shown = []

    def fake_warning(parent, title, text, buttons, default):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    assert dialog.confirm_purge(PurgePreview(3, 1234)) is False
    assert "3 customer" in shown[0] and "1,234 order" in shown[0] and "cannot be undone" in shown[0]


def test_empty_the_bin(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([1, 2, 3])
    dialog, _ = _dialog(qtbot, demo_db)
    assert dialog.empty_button.isEnabled()
    asked = []
    monkeypatch.setattr(dialog, "confirm_empty", lambda preview: asked.append(preview) or True)
    with qtbot.waitSignal(dialog.customers_changed, timeout=5000):
        dialog.empty_bin()
    assert asked[0].customers == 3
    assert admin.bin_count() == 0
    assert dialog.stack.currentWidget() is dialog.empty and not dialog.empty_button.isEnabled()


def test_search_filters_the_bin(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([10, 11, 12])
    dialog, _ = _dialog(qtbot, demo_db)
    target = admin.bin()[1]
    dialog.search.setText(target.phone)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=2000)
    assert dialog.model.entry(0).id == target.id
    assert "1" in dialog.summary.text() and "3" in dialog.summary.text()
    dialog.search.setText("nobody-like-this")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=2000)
    assert dialog.stack.currentWidget() is dialog.empty
    assert "nobody-like-this" in dialog.empty.text()


def test_failures_are_shown_not_raised(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = CustomerAdminService(demo_db)
    admin.delete([20])
    dialog, admin = _dialog(qtbot, demo_db)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))

    def broken(ids):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk is full")

    monkeypatch.setattr(admin, "restore", broken)
    _select(dialog, 0)
    with qtbot.waitSignal(dialog.work_finished, timeout=5000):
        dialog.restore_selected()
    assert shown == ["disk is full"]
    assert admin.bin_count() == 1 and dialog.restore_button.isEnabled()
