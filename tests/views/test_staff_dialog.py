from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.services.staff import Handover, StaffService
from app.views.staff_dialog import HandoverDialog, NewStaffDialog, StaffDialog

# Showing a dialog on the offscreen platform logs these harmless warnings.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints|requestActivate)"
)


class Answers:
    def __init__(self, dialog: StaffDialog) -> None:
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.yes: list[bool] = []
        self.text: str | None = None
        self.member: tuple[str, str] | None = None
        self.handover: tuple[int, bool] | None = None
        self.previews: list[tuple] = []  # type: ignore[type-arg]
        dialog.confirm = self._confirm  # type: ignore[method-assign]
        dialog.ask_text = lambda title, label, text="": self.text  # type: ignore[method-assign]
        dialog.ask_new_member = lambda: self.member  # type: ignore[method-assign]
        dialog.ask_handover = self._ask_handover  # type: ignore[method-assign]
        dialog.show_error = lambda err: self.errors.append(i18n.describe(err))  # type: ignore[method-assign]
        dialog.show_message = self.asked.append  # type: ignore[method-assign]

    def _confirm(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.yes.pop(0) if self.yes else True

    def _ask_handover(self, giver, receivers, preview):  # type: ignore[no-untyped-def]
        self.previews.append((giver.name, [r.name for r in receivers], preview))
        return self.handover


@pytest.fixture
def service(demo_db) -> StaffService:  # type: ignore[no-untyped-def]
    return StaffService(demo_db)


@pytest.fixture
def dialog(qtbot, service) -> StaffDialog:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = StaffDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _id(service: StaffService, name: str) -> int:
    return next(s.id for s in service.list() if s.name == name)


def test_lists_members_with_their_counts(dialog, service) -> None:  # type: ignore[no-untyped-def]
    model = dialog.model
    assert [model.member(r).name for r in range(model.rowCount())] == ["林晓", "陈佳", "周敏", "王磊"]
    assert sum(model.member(r).customer_count for r in range(4)) > 300
    assert model.data(model.index(3, 2)).startswith("Departed 2026-")
    dialog.show_departed.setChecked(False)
    assert model.rowCount() == 3
    assert not dialog.rename_action.isEnabled()


def test_add_and_rename(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    answers.member = ("刘洋", "staff")
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.add_member()
    assert dialog.current_member().name == "刘洋"
    answers.text = "刘阳"
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.rename_member()
    assert dialog.current_member().name == "刘阳" and "刘阳" in dialog.status.text()
    answers.member = ("陈佳", "staff")
    with qtbot.assertNotEmitted(dialog.staff_changed):
        dialog.add_member()
    assert "already exists" in answers.errors[-1]


def test_roles_keep_an_active_owner(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.select_member(_id(service, "林晓"))
    assert dialog.role_action.text() == "Make staff"
    with qtbot.assertNotEmitted(dialog.staff_changed):
        dialog.toggle_role()
    assert "only active owner" in answers.errors[-1]
    dialog.select_member(_id(service, "陈佳"))
    assert dialog.role_action.text() == "Make owner"
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.toggle_role()
    assert dialog.current_member().role == "owner"
    assert (
        dialog.model.data(dialog.model.index(dialog.model.row_of(dialog.current_member().id), 1)) == "Owner"
    )


def test_mark_departed_then_reactivate(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.select_member(_id(service, "周敏"))
    answers.yes = [True, False]  # depart, but do not hand over now
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.mark_departed()
    assert not dialog.current_member().active
    assert "Hand them over now?" in answers.asked[-1]
    assert not answers.previews
    assert dialog.reactivate_action.isEnabled() and not dialog.depart_action.isEnabled()
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.reactivate()
    assert dialog.current_member().active


def test_departing_offers_the_handover(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.show_departed.setChecked(False)
    zhou, chen = _id(service, "周敏"), _id(service, "陈佳")
    dialog.select_member(zhou)
    expected = service.handover_preview(zhou)
    answers.handover = (chen, False)
    dialog.mark_departed()
    assert answers.previews[0][0] == "周敏" and answers.previews[0][2] == expected
    assert service.handover_preview(zhou) == Handover(0, 0, 0)


def test_hand_over_moves_everything_and_says_so(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    wang, chen = _id(service, "王磊"), _id(service, "陈佳")
    before = {s.name: s for s in service.list()}
    dialog.select_member(wang)
    assert not dialog.remove_action.isEnabled()  # still looks after customers
    answers.handover = (chen, True)
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.handover_action.trigger()
    giver, receivers, preview = answers.previews[0]
    assert giver == "王磊" and receivers == ["林晓", "陈佳", "周敏"]
    assert preview.customers == before["王磊"].customer_count > 0
    after = {s.name: s for s in service.list()}
    assert after["陈佳"].customer_count == before["陈佳"].customer_count + preview.customers
    assert after["王磊"].customer_count == 0
    assert f"{preview.customers:,} customers" in dialog.status.text() and "陈佳" in dialog.status.text()
    assert dialog.current_member().id == wang and dialog.remove_action.isEnabled()
    with qtbot.waitSignal(dialog.staff_changed):
        dialog.remove_member()
    assert "王磊" not in [s.name for s in service.list()]


def test_cancelled_handover_moves_nothing(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    wang = _id(service, "王磊")
    dialog.select_member(wang)
    before = service.handover_preview(wang)
    with qtbot.assertNotEmitted(dialog.staff_changed):
        dialog.hand_over()
    assert answers.previews and service.handover_preview(wang) == before


def test_remove_refused_while_assigned(dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    dialog.select_member(_id(service, "陈佳"))
    dialog.remove_member()
    assert "hand them over first" in answers.asked[-1]
    assert "陈佳" in [s.name for s in service.list()]


def test_handover_dialog_shows_the_counts(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    try:
        people = {s.name: s for s in service.list()}
        receivers = [people["林晓"], people["陈佳"]]
        dialog = HandoverDialog(people["王磊"], receivers, Handover(1234, 3, 12))
        qtbot.addWidget(dialog)
        dialog.receiver.setCurrentIndex(1)
        assert dialog.summary.text() == "将把 1,234 位客户、3 个社群、12 条待跟进交接给 陈佳。"
        assert dialog.windowTitle() == "交接 王磊 的工作"
        assert dialog.receiver.currentText() == "陈佳（店员）"
        assert dialog.choice() == (people["陈佳"].id, False)  # already departed
        assert not dialog.mark_departed.isVisibleTo(dialog)

        active = HandoverDialog(people["周敏"], receivers, Handover(2, 0, 0))
        qtbot.addWidget(active)
        assert active.mark_departed.isChecked() and active.choice() == (people["林晓"].id, True)
        active.mark_departed.setChecked(False)
        assert active.choice() == (people["林晓"].id, False)

        empty = HandoverDialog(people["周敏"], receivers, Handover(0, 0, 0))
        qtbot.addWidget(empty)
        assert not empty.buttons.button(empty.buttons.StandardButton.Ok).isEnabled()
        alone = HandoverDialog(people["周敏"], [], Handover(5, 0, 0))
        qtbot.addWidget(alone)
        assert alone.choice() is None
        assert not alone.buttons.button(alone.buttons.StandardButton.Ok).isEnabled()
    finally:
        i18n.install("en")


def test_new_staff_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = NewStaffDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name.setText(" 刘洋 ")
    dialog.role.setCurrentIndex(dialog.role.findData("owner"))
    assert ok.isEnabled() and dialog.values() == ("刘洋", "owner")


def test_keyboard(qtbot, dialog, service) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(dialog)
    answers.member = ("刘洋", "staff")
    dialog.activateWindow()
    dialog.table.setFocus()
    with qtbot.waitSignal(dialog.staff_changed):
        qtbot.keyClick(dialog.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(dialog.staff_changed):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # 刘洋 is selected and looks after nothing
    assert "刘洋" not in [s.name for s in service.list()]
