from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor

from app import i18n
from app.i18n_markers import UserError
from app.services.tags import TagService
from app.views.tag_manager import GroupValues, TagGroupDialog, TagManagerDialog

# Showing a dialog on the offscreen platform logs these harmless warnings.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)


class Answers:
    """Stands in for the dialog's questions; records what was asked."""

    def __init__(self, dialog: TagManagerDialog) -> None:
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.text: str | None = None
        self.item: int | None = 0
        self.yes = True
        self.group: GroupValues | None = None
        dialog.confirm = self._confirm  # type: ignore[method-assign]
        dialog.ask_text = self._ask_text  # type: ignore[method-assign]
        dialog.ask_item = self._ask_item  # type: ignore[method-assign]
        dialog.ask_group = self._ask_group  # type: ignore[method-assign]
        dialog.show_error = lambda err: self.errors.append(i18n.describe(err))  # type: ignore[method-assign]
        dialog.show_message = self.asked.append  # type: ignore[method-assign]

    def _confirm(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.yes

    def _ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(label)
        return self.text

    def _ask_item(self, title: str, label: str, items: list[str]) -> int | None:
        self.asked.append(" / ".join(items))
        return self.item

    def _ask_group(self, group):  # type: ignore[no-untyped-def]
        self.asked.append(group.name if group else "")
        return self.group


@pytest.fixture
def dialog(qtbot, demo_db) -> TagManagerDialog:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = TagManagerDialog(TagService(demo_db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _names(dialog: TagManagerDialog) -> list[str]:
    return [t.name for t in dialog.tags_model.items]


def _select(dialog: TagManagerDialog, *names: str) -> None:
    selection = dialog.tag_view.selectionModel()
    selection.clearSelection()
    for name in names:
        row = next(i for i, t in enumerate(dialog.tags_model.items) if t.name == name)
        selection.select(
            dialog.tags_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def _group_id(dialog: TagManagerDialog, name: str) -> int:
    return next(g.id for g in dialog.groups_model.items if g.name == name)


def test_opens_with_groups_and_the_first_groups_tags(dialog) -> None:  # type: ignore[no-untyped-def]
    assert [g.name for g in dialog.groups_model.items] == [
        "来源渠道",
        "性别",
        "消费偏好",
        "客户特征",
        "人群画像",
    ]
    assert dialog.current_group().name == "来源渠道"
    assert dialog.tags_model.rowCount() == 8
    assert sum(t.customer_count for t in dialog.tags_model.items) == 400
    assert "S-level" in dialog.tags_title.text()
    dialog.select_group(_group_id(dialog, "消费偏好"))
    assert dialog.current_group().name == "消费偏好"
    assert "S-level" not in dialog.tags_title.text()
    assert all(t.group_name == "消费偏好" for t in dialog.tags_model.items)
    assert not dialog.merge_tags_action.isEnabled() and not dialog.rename_tag_action.isEnabled()


def test_header_click_sorts_tags(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.tag_view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    counts = [t.customer_count for t in dialog.tags_model.items]
    assert counts == sorted(counts, reverse=True)


def test_new_tag_with_ctrl_n(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    answers.text = " 直播间 "
    dialog.activateWindow()
    dialog.tag_view.setFocus()
    with qtbot.waitSignal(dialog.tags_changed):
        qtbot.keyClick(dialog.tag_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "直播间" in _names(dialog)
    assert [t.name for t in dialog.selected_tags()] == ["直播间"]
    new = dialog.selected_tags()[0]
    assert new.customer_count == 0 and new.last_used is None
    assert dialog.groups_model.group(0).tag_count == 9
    answers.text = "直播间"  # a duplicate: the service's message is shown, nothing changes
    with qtbot.assertNotEmitted(dialog.tags_changed):
        dialog.new_tag()
    assert answers.errors and "直播间" in answers.errors[0]
    answers.text = None  # cancelled
    with qtbot.assertNotEmitted(dialog.tags_changed):
        dialog.new_tag()


def test_rename_with_f2(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    answers.text = "小红书种草"
    _select(dialog, "小红书")
    dialog.activateWindow()
    dialog.tag_view.setFocus()
    with qtbot.waitSignal(dialog.tags_changed):
        qtbot.keyClick(dialog.tag_view, Qt.Key.Key_F2)
    assert "小红书种草" in _names(dialog) and "小红书" not in _names(dialog)
    assert [t.name for t in dialog.selected_tags()] == ["小红书种草"]


def test_delete_key_asks_with_the_customer_count(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    _select(dialog, "抖音")
    count = dialog.selected_tags()[0].customer_count
    dialog.activateWindow()
    dialog.tag_view.setFocus()
    answers.yes = False
    with qtbot.assertNotEmitted(dialog.tags_changed):
        qtbot.keyClick(dialog.tag_view, Qt.Key.Key_Delete)
    assert f"{count:,} customers" in answers.asked[-1] and "抖音" in answers.asked[-1]
    assert "抖音" in _names(dialog)
    answers.yes = True
    with qtbot.waitSignal(dialog.tags_changed):
        qtbot.keyClick(dialog.tag_view, Qt.Key.Key_Delete)
    assert "抖音" not in _names(dialog)
    assert dialog.groups_model.group(0).customer_count == 400 - count


def test_groups_new_edit_delete(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    answers.group = GroupValues("会员等级", True, "#ef4444")
    with qtbot.waitSignal(dialog.tags_changed):
        dialog.new_group()
    group = dialog.current_group()
    assert (group.name, group.exclusive, group.color) == ("会员等级", True, "#ef4444")
    assert dialog.tags_model.rowCount() == 0
    answers.group = GroupValues("会员级别", False, "#14b8a6")
    with qtbot.waitSignal(dialog.tags_changed):
        dialog.edit_group()
    assert dialog.current_group().name == "会员级别" and not dialog.current_group().exclusive

    dialog.select_group(_group_id(dialog, "消费偏好"))
    taste = dialog.current_group()
    answers.yes = False
    dialog.delete_group()
    assert f"{taste.customer_count:,} customers" in answers.asked[-1] and "消费偏好" in answers.asked[-1]
    answers.yes = True
    with qtbot.waitSignal(dialog.tags_changed):
        dialog.delete_group()
    assert "消费偏好" not in [g.name for g in dialog.groups_model.items]
    assert "removed from customers" in dialog.status.text()


def test_making_a_group_exclusive_with_conflicts_shows_the_service_error(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.select_group(_group_id(dialog, "消费偏好"))
    group = dialog.current_group()
    answers.group = GroupValues(group.name, True, group.color)
    with qtbot.assertNotEmitted(dialog.tags_changed):
        dialog.edit_group()
    assert answers.errors and "cannot be made exclusive" in answers.errors[0]
    assert not dialog.current_group().exclusive


def test_merge_selected_tags(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.select_group(_group_id(dialog, "消费偏好"))
    first, second = dialog.tags_model.items[:2]
    _select(dialog, first.name, second.name)
    assert dialog.merge_tags_action.isEnabled()
    answers.item = 1  # keep the second
    with qtbot.waitSignal(dialog.tags_changed):
        dialog.merge_tags()
    assert first.name not in _names(dialog)
    merged = next(t for t in dialog.tags_model.items if t.name == second.name)
    assert max(first.customer_count, second.customer_count) <= merged.customer_count
    assert merged.customer_count <= first.customer_count + second.customer_count
    assert [t.name for t in dialog.selected_tags()] == [second.name]


def test_move_tag_to_another_group(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.select_group(_group_id(dialog, "消费偏好"))
    tag = dialog.tags_model.items[0]
    _select(dialog, tag.name)
    others = [g.name for g in dialog.groups_model.items if g.name != "消费偏好"]
    answers.item = others.index("客户特征")
    with qtbot.waitSignal(dialog.tags_changed):
        dialog.move_tags()
    assert tag.name not in _names(dialog)
    dialog.select_group(_group_id(dialog, "客户特征"))
    assert tag.name in _names(dialog)
    # into an exclusive group where customers already have a tag: refused with the service's reason
    _select(dialog, tag.name)
    answers.item = [g.name for g in dialog.groups_model.items if g.name != "客户特征"].index("性别")
    dialog.move_tags()
    assert answers.errors and "性别" in answers.errors[-1]


def test_new_tag_without_groups_says_what_to_do(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = TagManagerDialog(TagService(db))
    qtbot.addWidget(dialog)
    answers = Answers(dialog)
    assert dialog.groups_model.rowCount() == 0 and not dialog.new_tag_action.isEnabled()
    dialog.new_tag()
    assert "tag group first" in answers.asked[-1]


def test_group_dialog_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = TagGroupDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name.setText(" 来源渠道 ")
    dialog.exclusive.setChecked(True)
    dialog.set_color("#3B82F6")
    assert ok.isEnabled()
    assert dialog.values() == GroupValues("来源渠道", True, "#3b82f6")
    assert dialog.color_button.text() == "#3b82f6"


def test_chinese_labels(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    try:
        dialog = TagManagerDialog(TagService(demo_db))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "标签管理"
        assert dialog.tags_model.headerData(1, Qt.Orientation.Horizontal) == "客户数"
        assert dialog.groups_model.data(dialog.groups_model.index(0, 1)) == "S级独占"
        assert "S级" in dialog.tags_title.text()
    finally:
        i18n.install("en")


def test_swatch_colour(dialog) -> None:  # type: ignore[no-untyped-def]
    decoration = dialog.groups_model.data(dialog.groups_model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert decoration == QColor(dialog.groups_model.group(0).color)


def test_service_errors_are_user_errors(dialog) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    assert dialog._write(lambda: (_ for _ in ()).throw(UserError("This tag no longer exists."))) is None
    assert answers.errors == ["This tag no longer exists."]
