from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.models.import_issues import ImportIssueModel
from app.services.importer import Issue

ISSUES = [
    Issue(3, "手机号", "12345", "not an 11-digit mobile number"),
    Issue(4, "生日", "1990-13-45", "not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)"),
    Issue(8, "姓名", "合计", "a totals row, not a record"),
]


@pytest.fixture(autouse=True)
def _english(qapp):  # type: ignore[no-untyped-def]
    i18n.install("en")


def test_passes_qt_model_tester(qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ImportIssueModel()
    qtmodeltester.check(model)
    model.set_issues(ISSUES)
    qtmodeltester.check(model)
    model.retranslate()
    model.set_issues([])
    qtmodeltester.check(model)


def test_rows_show_row_column_value_and_reason(qapp) -> None:  # type: ignore[no-untyped-def]
    model = ImportIssueModel()
    model.set_issues(ISSUES)
    assert (model.rowCount(), model.columnCount()) == (3, 4)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Row",
        "Column",
        "Value",
        "Reason",
    ]
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "3",
        "手机号",
        "12345",
        "not an 11-digit mobile number",
    ]
    assert model.data(model.index(2, 3), Qt.ItemDataRole.ToolTipRole) == "a totals row, not a record"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.data(model.index(0, 3), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.issue(1) is ISSUES[1]


def test_reasons_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    model = ImportIssueModel()
    model.set_issues(ISSUES)
    i18n.install("zh_CN")
    try:
        assert model.headerData(0, Qt.Orientation.Horizontal) == "行号"
        assert model.headerData(1, Qt.Orientation.Horizontal) == "列"
        assert model.data(model.index(0, 3)) == "不是有效的11位手机号"
    finally:
        i18n.install("en")


def test_a_hundred_thousand_issues_are_held_as_they_are(qapp, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    issues = [Issue(r, "手机号", str(r), "not an 11-digit mobile number") for r in range(2, 100_002)]
    model = ImportIssueModel()
    model.set_issues(issues)
    assert model.rowCount() == 100_000
    assert model.data(model.index(99_999, 0)) == "100001"
    model.set_issues(issues[:50])
    qtmodeltester.check(model)
