"""员工 Staff: members, roles, departure, and handing a departed member's customers, groups and follow-ups
to a colleague in one step (离职继承), with the counts shown before anything moves.

Questions go through small methods (``confirm``, ``ask_text``, ``ask_new_member``, ``ask_handover``) so that
tests can answer them without a modal loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.i18n_markers import UserError
from app.models.staff_table import StaffTableModel, role_text
from app.services.staff import Handover, StaffInfo, StaffService

if TYPE_CHECKING:
    from app.services.accounts import AccountService


class NewStaffDialog(QDialog):
    """Name and role of a new member."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newStaffDialog")
        self.setMinimumWidth(300)
        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.role = QComboBox(self)
        for code in ("staff", "owner"):
            self.role.addItem(role_text(code), code)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update_ok)
        self.name_label, self.role_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.role_label, self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Add staff member"))
        self.name_label.setText(self.tr("Name"))
        self.role_label.setText(self.tr("Role"))
        self._update_ok()

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), str(self.role.currentData())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))


class HandoverDialog(QDialog):
    """Choose who takes over from ``giver``; the counts of what will move are shown before confirming."""

    def __init__(
        self,
        giver: StaffInfo,
        receivers: list[StaffInfo],
        preview: Handover,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setMinimumWidth(420)
        self._giver = giver
        self._preview = preview
        self.receiver = QComboBox(self)
        for member in receivers:
            self.receiver.addItem(f"{member.name}（{role_text(member.role)}）", member.id)
        self._names = {member.id: member.name for member in receivers}
        self.summary = QLabel(self)
        self.summary.setObjectName("handoverSummary")
        self.summary.setWordWrap(True)
        self.mark_departed = QCheckBox(self)
        self.mark_departed.setChecked(giver.active)
        self.mark_departed.setVisible(giver.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.receiver_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.receiver_label, self.receiver)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.mark_departed)
        layout.addWidget(self.buttons)
        self.receiver.currentIndexChanged.connect(self._update)
        self.setWindowTitle(self.tr("Hand over from %1").replace("%1", giver.name))
        self.receiver_label.setText(self.tr("Hand over to"))
        self.mark_departed.setText(self.tr("Also mark %1 as departed").replace("%1", giver.name))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hand over"))
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        to_id = self.receiver.currentData()
        if to_id is None:
            self.summary.setText(self.tr("Nobody else works here: add a member first."))
            ok.setEnabled(False)
            return
        if not self._preview.total:
            self.summary.setText(
                self.tr(
                    "%1 looks after no customers, groups or open follow-ups: nothing to hand over."
                ).replace("%1", self._giver.name)
            )
            ok.setEnabled(False)
            return
        self.summary.setText(
            self.tr("%1 customers, %2 groups and %3 open follow-ups will be handed over to %4.")
            .replace("%1", f"{self._preview.customers:,}")
            .replace("%2", f"{self._preview.groups:,}")
            .replace("%3", f"{self._preview.follow_ups:,}")
            .replace("%4", self._names[to_id])
        )
        ok.setEnabled(True)

    def choice(self) -> tuple[int, bool] | None:
        to_id = self.receiver.currentData()
        if to_id is None:
            return None
        return int(to_id), self.mark_departed.isChecked() and self._giver.active


class AccountDialog(QDialog):
    """A member's sign-in on a shared shop: the login name (new accounts) and a password typed twice."""

    def __init__(self, name: str, login: str, existing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setMinimumWidth(360)
        self.setWindowTitle(self.tr("Change the password of %1").replace("%1", name) if existing
                            else self.tr("Sign-in for %1").replace("%1", name))  # fmt: skip
        self.login = QLineEdit(login, self)
        self.login.setMaxLength(63)
        self.login.setReadOnly(existing)
        self.password = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update_ok)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        first, second = self.password.text(), self.again.text()
        ok = len(first) >= 6 and first == second and bool(self.login.text().strip())
        if len(first) < 6:
            self.hint.setText(self.tr("At least 6 characters. The member signs in with this login and password."))
        elif first != second:
            self.hint.setText(self.tr("The two passwords differ."))
        else:
            self.hint.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str]:
        return self.login.text().strip(), self.password.text()


class StaffDialog(QDialog):
    """The shop's members and what each looks after; ``staff_changed`` after every change."""

    staff_changed = Signal()

    def __init__(self, staff: StaffService, parent: QWidget | None = None, accounts: AccountService | None = None
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.resize(860, 420)
        self._service = staff
        self._accounts = accounts  # a shared PostgreSQL shop: members sign in with their own logins
        self._can_manage = False
        if accounts is not None:
            try:
                self._can_manage = accounts.can_manage()
            except Exception:  # a server that does not answer: the staff list still works
                self._can_manage = False

        self.model = StaffTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.show_departed = QCheckBox(self)
        self.show_departed.setChecked(True)
        self.show_departed.toggled.connect(lambda _on: self.reload())
        self.status = QLabel(self)
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)

        def action(slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
            act = QAction(self)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            self.addAction(act)
            return act

        self.add_action = action(self.add_member, QKeySequence.StandardKey.New)
        self.rename_action = action(self.rename_member, Qt.Key.Key_F2)
        self.role_action = action(self.toggle_role)
        self.depart_action = action(self.mark_departed)
        self.reactivate_action = action(self.reactivate)
        self.handover_action = action(lambda: self.hand_over())
        self.remove_action = action(self.remove_member, QKeySequence.StandardKey.Delete)
        self.account_action = action(self.edit_account)
        self.revoke_action = action(self.revoke_account)

        row = QHBoxLayout()
        acts = [self.add_action, self.rename_action, self.role_action, self.depart_action, self.reactivate_action,
                self.handover_action, self.remove_action]  # fmt: skip
        if accounts is not None:
            acts += [self.account_action, self.revoke_action]
        for act in acts:
            button = QToolButton(self)
            button.setDefaultAction(act)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.show_departed)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.table.setColumnHidden(StaffTableModel.LOGIN, accounts is None)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _index: self.rename_member())
        self.retranslate_ui()
        self.reload()

    # -- reading -----------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        current = self.current_member()
        keep = select_id if select_id is not None else (current.id if current else None)
        self.model.set_rows(self._service.list(include_departed=self.show_departed.isChecked()))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.select_member(keep)  # type: ignore[arg-type]
        self._update_actions()

    def current_member(self) -> StaffInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member(rows[0].row()) if rows else None

    def select_member(self, staff_id: int) -> None:
        row = self.model.row_of(staff_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    # -- actions -----------------------------------------------------------------------------------
    def add_member(self) -> None:
        values = self.ask_new_member()
        if values is None:
            return
        name, role = values
        staff_id = self._write(lambda: self._service.add(name, role))
        if staff_id is not None:
            self._changed(self.tr("%1 added.").replace("%1", name), staff_id)

    def rename_member(self) -> None:
        member = self.current_member()
        if member is None:
            return
        name = self.ask_text(
            self.tr("Rename"), self.tr("New name for %1:").replace("%1", member.name), member.name
        )
        if name is None:
            return
        if self._write(lambda: self._service.rename(member.id, name)) is not None:
            self._changed(self.tr("Renamed to %1.").replace("%1", name.strip()), member.id)

    def toggle_role(self) -> None:
        member = self.current_member()
        if member is None:
            return
        role = "staff" if member.role == "owner" else "owner"
        setter = self._accounts.set_role if self._accounts is not None and member.login else self._service.set_role
        if self._write(lambda: setter(member.id, role)) is not None:
            self._changed(
                self.tr("%1 is now %2.").replace("%1", member.name).replace("%2", role_text(role)), member.id
            )

    def mark_departed(self) -> None:
        member = self.current_member()
        if member is None or not member.active:
            return
        text = self.tr("Mark %1 as departed? Their customers stay theirs until you hand them over.").replace(
            "%1", member.name
        )
        if not self.confirm(self.tr("Mark departed"), text):
            return
        if self._write(lambda: self._service.mark_departed(member.id)) is None:
            return
        message = self.tr("%1 marked as departed.").replace("%1", member.name)
        if self._accounts is not None and member.login and self._write(lambda: self._accounts.revoke(member.id)):
            message += " " + self.tr("Their sign-in %1 was removed.").replace("%1", member.login)
        self._changed(message, member.id)
        if member.assigned and self.confirm(
            self.tr("Hand over"),
            self.tr("%1 still looks after customers, groups or follow-ups. Hand them over now?").replace(
                "%1", member.name
            ),
        ):
            self.hand_over(member.id)

    def reactivate(self) -> None:
        member = self.current_member()
        if member is None or member.active:
            return
        if self._write(lambda: self._service.reactivate(member.id)) is not None:
            self._changed(self.tr("%1 works here again.").replace("%1", member.name), member.id)

    def hand_over(self, staff_id: int | None = None) -> None:
        """Hand the selected member's (or ``staff_id``'s) customers, groups and follow-ups to another."""
        if staff_id is None:
            current = self.current_member()
            if current is None:
                return
            staff_id = current.id
        member = self._write(lambda: self._service.get(staff_id))
        preview = self._write(lambda: self._service.handover_preview(staff_id)) if member else None
        if member is None or preview is None:
            return
        receivers = [m for m in self._service.list(include_departed=False) if m.id != member.id]
        choice = self.ask_handover(member, receivers, preview)
        if choice is None:
            return
        to_id, depart = choice
        moved = self._write(lambda: self._service.hand_over(member.id, to_id, mark_departed=depart))
        if moved is not None:
            receiver = next((m.name for m in receivers if m.id == to_id), "")
            self._changed(
                self.tr("Handed over to %4: %1 customers, %2 groups and %3 open follow-ups.")
                .replace("%1", f"{moved.customers:,}")
                .replace("%2", f"{moved.groups:,}")
                .replace("%3", f"{moved.follow_ups:,}")
                .replace("%4", receiver),
                member.id,
            )

    def remove_member(self) -> None:
        member = self.current_member()
        if member is None:
            return
        if member.assigned:
            self.show_message(
                self.tr(
                    "%1 still looks after customers, groups or follow-ups: hand them over first."
                ).replace("%1", member.name)
            )
            return
        if not self.confirm(
            self.tr("Remove staff member"),
            self.tr("Remove %1 from the staff list?").replace("%1", member.name),
        ):
            return
        if self._write(lambda: self._service.remove(member.id)) is not None:
            self._changed(self.tr("%1 removed.").replace("%1", member.name))

    def edit_account(self) -> None:
        """Give the member a sign-in (login and password), or change the password of the one they have."""
        member = self.current_member()
        if member is None or self._accounts is None:
            return
        from app.services.accounts import login_for

        values = self.ask_account(member, member.login or login_for(member.name))
        if values is None:
            return
        login, password = values
        if member.login:
            if self._write(lambda: self._accounts.set_password(member.id, password)) is not None:
                self._changed(self.tr("The password of %1 was changed.").replace("%1", member.name), member.id)
            return
        if self._write(lambda: self._accounts.add(member.name, member.role, password, login)) is not None:
            self._changed(self.tr("%1 can now sign in as %2.").replace("%1", member.name).replace("%2", login),
                          member.id)  # fmt: skip

    def revoke_account(self) -> None:
        member = self.current_member()
        if member is None or self._accounts is None or not member.login:
            return
        if not self.confirm(self.tr("Remove sign-in"), self.tr(
                "Remove the sign-in %1? %2 can no longer open the shop; their customers stay.")
                .replace("%1", member.login).replace("%2", member.name)):  # fmt: skip
            return
        if self._write(lambda: self._accounts.revoke(member.id)) is not None:
            self._changed(self.tr("The sign-in of %1 was removed.").replace("%1", member.name), member.id)

    # -- questions (tests replace these) -----------------------------------------------------------
    def ask_account(self, member: StaffInfo, login: str) -> tuple[str, str] | None:
        dialog = AccountDialog(member.name, login, bool(member.login), self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def ask_new_member(self) -> tuple[str, str] | None:
        dialog = NewStaffDialog(self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_handover(
        self, giver: StaffInfo, receivers: list[StaffInfo], preview: Handover
    ) -> tuple[int, bool] | None:
        dialog = HandoverDialog(giver, receivers, preview, self)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_error(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Staff"), i18n.describe(error))

    def show_message(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Staff"), text)

    # -- helpers -----------------------------------------------------------------------------------
    def _write(self, fn):  # type: ignore[no-untyped-def]
        try:
            result = fn()
        except UserError as error:
            self.show_error(error)
            return None
        return True if result is None else result

    def _changed(self, message: str, select_id: int | None = None) -> None:
        self.status.setText(message)
        self.reload(select_id)
        self.staff_changed.emit()

    def _update_actions(self) -> None:
        member = self.current_member()
        chosen = member is not None
        self.rename_action.setEnabled(chosen)
        self.role_action.setEnabled(chosen)
        self.role_action.setText(
            self.tr("Make staff") if member is not None and member.role == "owner" else self.tr("Make owner")
        )
        self.depart_action.setEnabled(chosen and member.active)  # type: ignore[union-attr]
        self.reactivate_action.setEnabled(chosen and not member.active)  # type: ignore[union-attr]
        self.handover_action.setEnabled(chosen)
        self.remove_action.setEnabled(chosen and not member.assigned)  # type: ignore[union-attr]
        has_login = chosen and bool(member.login)  # type: ignore[union-attr]
        self.account_action.setEnabled(chosen and self._can_manage and (member.active or has_login))  # type: ignore[union-attr]
        self.account_action.setText(self.tr("Change password…") if has_login else self.tr("Sign-in…"))
        self.revoke_action.setEnabled(has_login and self._can_manage)
        if self._accounts is not None and not self._can_manage:
            self.account_action.setToolTip(self.tr("Only an owner can manage sign-ins"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Staff"))
        self.add_action.setText(self.tr("Add…"))
        self.rename_action.setText(self.tr("Rename…"))
        self.depart_action.setText(self.tr("Mark departed"))
        self.reactivate_action.setText(self.tr("Reactivate"))
        self.handover_action.setText(self.tr("Hand over…"))
        self.remove_action.setText(self.tr("Remove"))
        self.handover_action.setToolTip(
            self.tr("Hand this member's customers, groups and open follow-ups to another member")
        )
        self.remove_action.setToolTip(self.tr("Only members who look after nothing any more can be removed"))
        self.revoke_action.setText(self.tr("Remove sign-in"))
        self.account_action.setToolTip(self.tr("A login and password with which this member opens the shared shop"))
        self.show_departed.setText(self.tr("Show departed"))
        self.status.setText(
            self.tr("Customers belong to the shop: when someone leaves, hand their customers over.")
        )
        self.model.retranslate()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
