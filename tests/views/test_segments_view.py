"""The Segments screen with the demo shop: heat map, classes, funnel, saved segments and their actions."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QInputDialog

from app import i18n
from app.models.segment_tables import ClassTableModel
from app.services.segmentation import RFM_CLASSES, SegmentationService
from app.services.segments import SegmentService
from app.services.tags import TagService
from app.views.segment_editor import SegmentEditor
from app.views.segments_view import ModelSettingsDialog, SegmentsView


@pytest.fixture
def view(qtbot, demo_db):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    widget = SegmentsView(SegmentService(demo_db), TagService(demo_db))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()  # showing it starts the calculation
    qtbot.waitUntil(lambda: widget._context is not None, timeout=10000)
    yield widget
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(10)


def test_figures_match_the_service(view, demo_db) -> None:  # type: ignore[no-untyped-def]
    scores = SegmentationService(demo_db).compute(view.as_of.date().toPython())
    counts, _money = scores.grid()
    assert sum(view.heat.count(r, f) for r in range(1, 6) for f in range(1, 6)) == int(counts.sum()) > 0
    summary = scores.class_summary()
    shown = [int(view.class_model.data(view.class_model.index(row, 1)).replace(",", "")) for row in range(8)]
    assert shown == [int(summary.loc[c.key, "customers"]) for c in RFM_CLASSES]
    assert [n for _l, n, _c in view.stages.bars()] == scores.stage_counts()
    assert [n for _l, n, _c in view.tiers.bars()] == scores.tier_counts()
    assert view.class_model.data(view.class_model.index(0, 4))  # the suggested action, in Chinese
    assert "引入期" in view.model_words.text()


def test_class_model_passes_the_model_tester(qtmodeltester, view) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.class_model)
    qtmodeltester.check(ClassTableModel())


def test_clicks_open_the_customers_behind_them(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    frame = view._context.scores.frame
    # the cell R5 F1 is in the top-left corner of the grid
    grid = view.heat._grid()
    point = QPointF(grid.left() + grid.width() / 10, grid.top() + grid.height() / 10)
    with qtbot.waitSignal(view.open_customers) as blocker:
        qtbot.mouseClick(view.heat, Qt.MouseButton.LeftButton, pos=point.toPoint())
    ids, title = blocker.args
    expected = frame.index[(frame["r_score"] == 5) & (frame["f_score"] == 1)].to_numpy()
    assert title == "R5 · F1" and np.array_equal(ids, expected)
    with qtbot.waitSignal(view.open_customers) as blocker:
        view.class_table.doubleClicked.emit(view.class_model.index(0, 0))
    assert blocker.args[1] == "重要价值客户"
    assert len(blocker.args[0]) == int((frame["rfm_class"] == 0).sum())
    with qtbot.waitSignal(view.open_customers) as blocker:
        view.stages.bar_clicked.emit(0)
    assert len(blocker.args[0]) == int((frame["lifecycle_stage"] == 0).sum())


def test_a_saved_segment_from_the_rule_builder(qtbot, view, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view.new_segment()
    editor = view.findChild(SegmentEditor)
    assert editor is not None and editor.isVisible()
    editor.name.setText("回头客")
    editor.root.add_condition.click()
    row = editor.root.items.itemAt(0).widget()
    row.field.setCurrentIndex(row.field.findData("order_count"))
    row.op.setCurrentIndex(row.op.findData(">="))
    row.number.setValue(3)
    editor._recount()
    expected = int((view._context.scores.frame["frequency"] >= 3).sum())
    assert editor.live.text() == f"符合条件：{expected:,} 位客户"
    with qtbot.waitSignal(view.saved.model().rowsInserted, timeout=10000):
        editor._accept()
    qtbot.waitUntil(lambda: view.saved.count() == 1 and "回头客" in view.saved.item(0).text(), timeout=10000)
    assert f"{expected:,}" in view.saved.item(0).text()
    # open, export and tag the segment
    view.saved.setCurrentRow(0)
    with qtbot.waitSignal(view.open_customers) as blocker:
        view.open_button.click()
    assert len(blocker.args[0]) == expected
    with qtbot.waitSignal(view.export_customers):
        view.export_button.click()
    tag = TagService(view._service._db).tags()[0]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (f"{tag.group_name} · {tag.name}", True))
    with qtbot.waitSignal(view.data_changed):
        view.tag_button.click()
    assert view.message.text().startswith("已给") and tag.name in view.message.text()
    qtbot.waitUntil(lambda: not view._loading, timeout=10000)
    # delete, then undo
    view.delete_button.click()
    assert view.saved.count() == 0 and view.undo_bar.isVisible()
    view.undo_button.click()
    qtbot.waitUntil(lambda: view.saved.count() == 1, timeout=10000)


def test_nested_rules_round_trip_through_the_editor(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    rules = {"match": "any", "rules": [
        {"field": "rfm_class", "op": "in", "value": ["重要价值客户", "重要保持客户"]},
        {"match": "all", "rules": [{"field": "days_since_last_order", "op": "between", "value": [30, 90]},
                                   {"field": "added_on", "op": ">=", "value": "2025-01-01"}]},
    ]}  # fmt: skip
    editor = SegmentEditor(view._choices, view._context.count, view._service.save, None, view)
    qtbot.addWidget(editor)
    editor.root.set_rules(rules)
    assert editor.rules() == rules
    editor._recount()
    assert editor.live.text() == f"符合条件：{view._context.count(rules):,} 位客户"


def test_model_settings_dialog_explains_and_checks(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    dialog = ModelSettingsDialog(view._service.model_settings(), view)
    qtbot.addWidget(dialog)
    assert "90" in dialog.words.text() and "180" in dialog.words.text()
    dialog.dormant.setValue(200)  # after churned: explained as an error, not saved
    assert "休眠" in dialog.words.text()
    dialog.churned.setValue(365)
    dialog._accept()
    assert dialog.result_settings is not None and dialog.result_settings.dormant_days == 200


def test_invalidate_recomputes_when_shown(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    before = view._context
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET deleted_at = CURRENT_TIMESTAMP WHERE id IN (1, 2, 3)"))
    view.invalidate()
    qtbot.waitUntil(lambda: view._context is not before and not view._loading, timeout=10000)
    assert len(view._context) == len(before) - 3


def test_segments_screen_in_the_main_window_opens_customers(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    import sys

    from app.main import _add_segments_screen
    from app.services.customer_admin import CustomerAdminService
    from app.services.customer_list import CustomerListService
    from app.services.customers import CustomerService
    from app.services.staff import StaffService
    from app.views.customers_view import CustomersView, CustomerTools
    from app.views.main_window import MainWindow

    i18n.install("zh_CN")
    tools = CustomerTools(CustomerService(demo_db), TagService(demo_db), StaffService(demo_db),
                          CustomerAdminService(demo_db))  # fmt: skip
    customers = CustomersView(CustomerListService(demo_db), tools)
    window = MainWindow(customers, demo_db.location.display, "zh_CN")
    qtbot.addWidget(window)
    _add_segments_screen(window, demo_db, tools)
    window.show()
    customers.reload()
    qtbot.waitUntil(lambda: customers.model.index_data.searchable, timeout=5000)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["客户", "分群"]
    assert "app.views.segments_view" not in sys.modules or window._factories  # built only when shown
    window.show_screen("segments")
    view = window.screen("segments")
    assert isinstance(view, SegmentsView) and view.isVisible()
    qtbot.waitUntil(lambda: view._context is not None, timeout=10000)
    view._open_class(0)
    assert window.stack.currentWidget() is customers and customers.pin_bar.isVisible()
    expected = int((view._context.scores.frame["rfm_class"] == 0).sum())
    assert customers.model.rowCount() == expected and "重要价值客户" in customers.pin_label.text()
    customers.pin_clear.click()
    assert customers.model.rowCount() == 400 and not customers.pin_bar.isVisible()
    # a change that re-reads the customer list makes the segments stale: recomputed when shown again
    customers.reload()
    qtbot.waitUntil(lambda: view._stale, timeout=5000)
    window.show_screen("segments")
    qtbot.waitUntil(lambda: not view._stale and not view._loading, timeout=10000)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
