"""标签管理 Tag manager: tag groups on the left, the selected group's tags on the right.

Each tag shows how many customers hold it and when it was last given: a tag nobody holds has no planned
use and can go (DOMAIN.md "Tags"). The confirmations and questions go through small methods
(``confirm``, ``ask_text``, ``ask_item``, ``ask_group``) so that tests can answer them without a modal loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.i18n_markers import UserError
from app.models.tag_table import TagGroupTableModel, TagTableModel
from app.services.tags import DEFAULT_COLOR, TagGroupInfo, TagInfo, TagService

PALETTE = ("#3b82f6", "#ec4899", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#14b8a6", "#64748b")


@dataclass(frozen=True)
class GroupValues:
    name: str
    exclusive: bool
    color: str


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    table.horizontalHeader().setHighlightSections(False)
    return table


class TagGroupDialog(QDialog):
    """Name, S-level (exclusive) and colour of a new or existing tag group."""

    def __init__(self, group: TagGroupInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagGroupDialog")
        self.setMinimumWidth(380)
        self._color = group.color if group else DEFAULT_COLOR
        self.name = QLineEdit(group.name if group else "", self)
        self.name.setMaxLength(64)
        self.exclusive = QCheckBox(self)
        self.exclusive.setChecked(bool(group and group.exclusive))
        self.color_button = QPushButton(self)
        self.color_button.clicked.connect(self.choose_color)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update_ok)
        self.name_label, self.kind_label, self.color_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.kind_label, self.exclusive)
        form.addRow(self.color_label, self.color_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._editing = group is not None
        self.retranslate_ui()
        self._update_ok()
        self.set_color(self._color)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit tag group") if self._editing else self.tr("New tag group"))
        self.name_label.setText(self.tr("Name"))
        self.kind_label.setText(self.tr("Kind"))
        self.color_label.setText(self.tr("Colour"))
        self.exclusive.setText(self.tr("S-level: each customer has at most one tag of this group"))
        self.name.setPlaceholderText(self.tr("e.g. Source channel"))

    def set_color(self, color: str) -> None:
        self._color = QColor(color).name()
        self.color_button.setIcon(swatch(self._color, 16))
        self.color_button.setText(self._color)

    def choose_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Group colour"))
        if chosen.isValid():
            self.set_color(chosen.name())

    def values(self) -> GroupValues:
        return GroupValues(self.name.text().strip(), self.exclusive.isChecked(), self._color)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))


class TagManagerDialog(QDialog):
    """Tag groups and tags with their customer counts; ``tags_changed`` after every change."""

    tags_changed = Signal()

    def __init__(self, tags: TagService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManager")
        self.resize(880, 560)
        self._service = tags
        self._group_id: int | None = None

        self.groups_model = TagGroupTableModel(self)
        self.tags_model = TagTableModel(self)

        self.group_view = _table(self, "tagGroupTable")
        self.group_view.setModel(self.groups_model)
        self.group_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        gheader = self.group_view.horizontalHeader()
        gheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 4):
            gheader.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.tag_view = _table(self, "tagTable")
        self.tag_view.setModel(self.tags_model)
        self.tag_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tag_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tag_view.setSortingEnabled(True)
        theader = self.tag_view.horizontalHeader()
        theader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        theader.resizeSection(1, 100)
        theader.resizeSection(2, 110)

        self.groups_title = QLabel(self)
        self.tags_title = QLabel(self)
        self.status = QLabel(self)
        self.status.setObjectName("tagManagerStatus")
        self.status.setWordWrap(True)

        def action(slot, shortcut=None, widget: QWidget | None = None) -> QAction:  # type: ignore[no-untyped-def]
            act = QAction(self)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
                if widget is not None:  # only while that list has the focus
                    act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            (widget or self).addAction(act)
            return act

        self.new_group_action = action(self.new_group)
        self.edit_group_action = action(self.edit_group, Qt.Key.Key_F2, self.group_view)
        self.delete_group_action = action(self.delete_group, QKeySequence.StandardKey.Delete, self.group_view)
        self.new_tag_action = action(self.new_tag, QKeySequence.StandardKey.New)
        self.rename_tag_action = action(self.rename_tag, Qt.Key.Key_F2, self.tag_view)
        self.move_tags_action = action(self.move_tags)
        self.merge_tags_action = action(self.merge_tags)
        self.delete_tags_action = action(self.delete_tags, QKeySequence.StandardKey.Delete, self.tag_view)

        def buttons(*actions: QAction) -> QHBoxLayout:
            row = QHBoxLayout()
            for act in actions:
                button = QToolButton(self)
                button.setDefaultAction(act)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                row.addWidget(button)
            row.addStretch(1)
            return row

        left = QVBoxLayout()
        left.addWidget(self.groups_title)
        left.addWidget(self.group_view, 1)
        left.addLayout(buttons(self.new_group_action, self.edit_group_action, self.delete_group_action))
        right = QVBoxLayout()
        right.addWidget(self.tags_title)
        right.addWidget(self.tag_view, 1)
        right.addLayout(
            buttons(
                self.new_tag_action,
                self.rename_tag_action,
                self.move_tags_action,
                self.merge_tags_action,
                self.delete_tags_action,
            )
        )
        panes = QHBoxLayout()
        panes.addLayout(left, 5)
        panes.addLayout(right, 6)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addLayout(bottom)

        self.group_view.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.tag_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.group_view.doubleClicked.connect(lambda _index: self.edit_group())
        self.tag_view.doubleClicked.connect(lambda _index: self.rename_tag())

        self.retranslate_ui()
        self.reload()

    # -- reading -----------------------------------------------------------------------------------
    def reload(self, tag_ids: list[int] | None = None) -> None:
        """Read the groups and the current group's tags again, keeping the selection."""
        keep = self._group_id
        self.groups_model.set_rows(self._service.groups())
        row = self.groups_model.row_of(keep) if keep is not None else -1
        if row < 0 and self.groups_model.rowCount():
            row = 0
        if row >= 0:
            self._group_id = self.groups_model.group(row).id
            self.group_view.selectionModel().setCurrentIndex(
                self.groups_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._group_id = None
        self._load_tags(tag_ids)

    def _group_chosen(self, current, _previous=None) -> None:  # type: ignore[no-untyped-def]
        group_id = self.groups_model.group(current.row()).id if current.isValid() else None
        if group_id != self._group_id:
            self._group_id = group_id
            self._load_tags()

    def _load_tags(self, tag_ids: list[int] | None = None) -> None:
        rows = self._service.tags(self._group_id) if self._group_id is not None else []
        self.tags_model.set_rows(rows)
        selection = self.tag_view.selectionModel()
        selection.clearSelection()
        for tag_id in tag_ids or []:
            row = self.tags_model.row_of(tag_id)
            if row >= 0:
                selection.select(
                    self.tags_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
                selection.setCurrentIndex(
                    self.tags_model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        self._update_titles()
        self._update_actions()

    def current_group(self) -> TagGroupInfo | None:
        row = self.groups_model.row_of(self._group_id) if self._group_id is not None else -1
        return self.groups_model.group(row) if row >= 0 else None

    def select_group(self, group_id: int) -> None:
        row = self.groups_model.row_of(group_id)
        if row >= 0:
            self.group_view.selectionModel().setCurrentIndex(
                self.groups_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_tags(self) -> list[TagInfo]:
        rows = sorted({index.row() for index in self.tag_view.selectionModel().selectedRows()})
        return [self.tags_model.tag(row) for row in rows]

    def select_tags(self, tag_ids: list[int]) -> None:
        self._load_tags(tag_ids)

    # -- groups ------------------------------------------------------------------------------------
    def new_group(self) -> None:
        values = self.ask_group(None)
        if values is None:
            return
        group_id = self._write(
            lambda: self._service.create_group(values.name, values.exclusive, values.color)
        )
        if group_id is not None:
            self._group_id = group_id
            self._changed(self.tr("Tag group %1 created.").replace("%1", values.name))

    def edit_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        values = self.ask_group(group)
        if values is None:
            return
        done = self._write(
            lambda: self._service.update_group(
                group.id, name=values.name, exclusive=values.exclusive, color=values.color
            )
        )
        if done is not None:
            self._changed(self.tr("Tag group %1 saved.").replace("%1", values.name))

    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        text = (
            self.tr("Delete the tag group %1 and its %2 tags? %3 customers will lose these tags.")
            .replace("%1", f"“{group.name}”")
            .replace("%2", f"{group.tag_count:,}")
            .replace("%3", f"{group.customer_count:,}")
        )
        if not self.confirm(self.tr("Delete tag group"), text):
            return
        removed = self._write(lambda: self._service.delete_group(group.id))
        if removed is not None:
            self._group_id = None
            self._changed(
                self.tr("Tag group %1 deleted; %2 tags removed from customers.")
                .replace("%1", group.name)
                .replace("%2", f"{removed:,}")
            )

    # -- tags --------------------------------------------------------------------------------------
    def new_tag(self) -> None:
        group = self.current_group()
        if group is None:
            self.show_message(self.tr("Create a tag group first: every tag belongs to a group."))
            return
        name = self.ask_text(
            self.tr("New tag"), self.tr("Name of the new tag in %1:").replace("%1", group.name)
        )
        if name is None:
            return
        tag_id = self._write(lambda: self._service.create_tag(group.id, name))
        if tag_id is not None:
            self._changed(self.tr("Tag %1 created.").replace("%1", name.strip()), [tag_id])

    def rename_tag(self) -> None:
        chosen = self.selected_tags()
        if len(chosen) != 1:
            return
        tag = chosen[0]
        name = self.ask_text(
            self.tr("Rename tag"), self.tr("New name for %1:").replace("%1", tag.name), tag.name
        )
        if name is None:
            return
        if self._write(lambda: self._service.rename_tag(tag.id, name)) is not None:
            self._changed(self.tr("Tag renamed to %1.").replace("%1", name.strip()), [tag.id])

    def move_tags(self) -> None:
        chosen = self.selected_tags()
        others = [g for g in self.groups_model.items if g.id != self._group_id]
        if not chosen or not others:
            return
        index = self.ask_item(
            self.tr("Move tags"),
            self.tr("Move %1 to the group:").replace("%1", "、".join(t.name for t in chosen)),
            [g.name for g in others],
        )
        if index is None:
            return
        target = others[index]

        def move() -> None:
            for tag in chosen:
                self._service.move_tag(tag.id, target.id)

        done = self._write(move)
        self._changed(  # some tags may have moved before an error
            self.tr("Moved to %1.").replace("%1", target.name) if done is not None else "", None
        )

    def merge_tags(self) -> None:
        chosen = self.selected_tags()
        if len(chosen) < 2:
            return
        index = self.ask_item(
            self.tr("Merge tags"),
            self.tr("Keep which tag? The others are merged into it:"),
            [t.name for t in chosen],
        )
        if index is None:
            return
        target = chosen[index]
        sources = [t for t in chosen if t.id != target.id]
        text = (
            self.tr("Merge %1 into %2? Their customers get %2, and %1 are deleted.")
            .replace("%1", "、".join(f"“{t.name}”" for t in sources))
            .replace("%2", f"“{target.name}”")
        )
        if not self.confirm(self.tr("Merge tags"), text):
            return
        added = self._write(lambda: self._service.merge_tags([t.id for t in sources], target.id))
        if added is not None:
            self._changed(
                self.tr("Merged into %1: %2 customers newly have it.")
                .replace("%1", target.name)
                .replace("%2", f"{added:,}"),
                [target.id],
            )

    def delete_tags(self) -> None:
        chosen = self.selected_tags()
        if not chosen:
            return
        customers = sum(t.customer_count for t in chosen)
        if len(chosen) == 1:
            text = (
                self.tr("Delete the tag %1? %2 customers will lose it.")
                .replace("%1", f"“{chosen[0].name}”")
                .replace("%2", f"{customers:,}")
            )
        else:
            text = (
                self.tr("Delete %1 tags? %2 tag assignments will be removed from customers.")
                .replace("%1", f"{len(chosen):,}")
                .replace("%2", f"{customers:,}")
            )
        if not self.confirm(self.tr("Delete tags"), text):
            return

        def delete() -> int:
            return sum(self._service.delete_tag(t.id) for t in chosen)

        removed = self._write(delete)
        self._changed(
            self.tr("%1 tags deleted.").replace("%1", f"{len(chosen):,}") if removed is not None else "", None
        )

    # -- questions (tests replace these) -----------------------------------------------------------
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

    def ask_item(self, title: str, label: str, items: list[str]) -> int | None:
        value, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return items.index(value) if ok and value in items else None

    def ask_group(self, group: TagGroupInfo | None) -> GroupValues | None:
        dialog = TagGroupDialog(group, self)
        if group is None:
            dialog.set_color(PALETTE[len(self.groups_model.items) % len(PALETTE)])
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_error(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Tags"), i18n.describe(error))

    def show_message(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Tags"), text)

    # -- helpers -----------------------------------------------------------------------------------
    def _write(self, fn):  # type: ignore[no-untyped-def]
        """Run a service write; a UserError is shown and gives None."""
        try:
            result = fn()
        except UserError as error:
            self.show_error(error)
            return None
        return True if result is None else result

    def _changed(self, message: str, tag_ids: list[int] | None = None) -> None:
        if message:
            self.status.setText(message)
        self.reload(tag_ids)
        self.tags_changed.emit()

    def _update_titles(self) -> None:
        self.groups_title.setText(self.tr("Tag groups"))
        group = self.current_group()
        if group is None:
            self.tags_title.setText(self.tr("Tags"))
        elif group.exclusive:
            self.tags_title.setText(
                self.tr("Tags of %1 (S-level: one per customer)").replace("%1", group.name)
            )
        else:
            self.tags_title.setText(self.tr("Tags of %1").replace("%1", group.name))

    def _update_actions(self) -> None:
        has_group = self.current_group() is not None
        chosen = len(self.tag_view.selectionModel().selectedRows())
        self.edit_group_action.setEnabled(has_group)
        self.delete_group_action.setEnabled(has_group)
        self.new_tag_action.setEnabled(has_group)
        self.rename_tag_action.setEnabled(chosen == 1)
        self.move_tags_action.setEnabled(chosen >= 1 and self.groups_model.rowCount() > 1)
        self.merge_tags_action.setEnabled(chosen >= 2)
        self.delete_tags_action.setEnabled(chosen >= 1)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Tag manager"))
        self.new_group_action.setText(self.tr("New group…"))
        self.edit_group_action.setText(self.tr("Edit group…"))
        self.delete_group_action.setText(self.tr("Delete group"))
        self.new_tag_action.setText(self.tr("New tag…"))
        self.rename_tag_action.setText(self.tr("Rename…"))
        self.move_tags_action.setText(self.tr("Move to group…"))
        self.merge_tags_action.setText(self.tr("Merge…"))
        self.delete_tags_action.setText(self.tr("Delete"))
        self.new_tag_action.setToolTip(self.tr("New tag in this group (Ctrl+N)"))
        self.rename_tag_action.setToolTip(self.tr("Rename the tag (F2 or double-click)"))
        self.delete_tags_action.setToolTip(self.tr("Delete the selected tags (Delete)"))
        self.merge_tags_action.setToolTip(self.tr("Merge the selected tags into one of them"))
        self.status.setText(
            self.tr(
                "A tag nobody holds has no planned use: merge it or delete it. S-level groups give each customer one tag."
            )
        )
        self.groups_model.retranslate()
        self.tags_model.retranslate()
        self._update_titles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
