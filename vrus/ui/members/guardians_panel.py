"""A person's guardians in the editor: add, edit (the relation too), link a sibling's, remove.

Each is one step on the Members page's undo stack (``MemberActions.record``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrus import persons
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.persons import GuardianInfo
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.confirm import ask
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.field_rows import error_label
from vrus.ui.common.form_dialog import FormDialog, open_dialog
from vrus.ui.common.labels import display_phone, relation_label
from vrus.ui.common.messages import error_text
from vrus.ui.members.guardian_dialogs import GuardianDialog, GuardianValues, LinkGuardianDialog
from vrus.ui.members.member_actions import MemberActions
from vrus.undo import Scope
from vrus.validation import ValidationError

T = TypeVar("T")


class GuardiansPanel(QWidget):
    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        parent: QWidget | None = None,
        *,
        actions: MemberActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._actions = actions  # the undo stack's; without them nothing is undoable
        self._person_id: int | None = None
        self._person_name = ""
        self._guardians: tuple[GuardianInfo, ...] = ()
        self.dialog: FormDialog | None = None  # the one open, for tests and focus

        self.list = QTreeWidget()
        self.list.setObjectName("guardianList")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [self.tr("Name"), self.tr("Relation"), self.tr("Phone"), self.tr("E-mail")]
        )
        # Sized to the names after filling; the e-mail column takes the rest. (Sizing to the
        # contents in the header would make the editor as wide as the longest address.)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.header().setStretchLastSection(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # long addresses: tooltip
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.edit())
        self.list.currentItemChanged.connect(self._update_buttons)

        self.add_button = _button(self.tr("Add…"), "addGuardian", self.add)
        self.link_button = _button(self.tr("Link existing…"), "linkGuardian", self.link)
        self.link_button.setToolTip(
            self.tr("Link a guardian who is already in the register, such as a sibling's parent")
        )
        self.edit_button = _button(self.tr("Edit…"), "editGuardian", self.edit)
        self.remove_button = _button(self.tr("Remove"), "removeGuardian", self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.link_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._update_buttons()

    def show_person(self, person_id: int, name: str, guardians: tuple[GuardianInfo, ...]) -> None:
        current = self._current()
        self._person_id, self._person_name, self._guardians = person_id, name, guardians
        self.error.setVisible(False)
        self.list.clear()
        for guardian in guardians:
            item = QTreeWidgetItem(
                [
                    guardian.full_name,
                    relation_label(guardian.relation),
                    display_phone(guardian.phone),
                    guardian.email or "",
                ]
            )
            item.setToolTip(3, guardian.email or "")
            item.setData(0, Qt.ItemDataRole.UserRole, guardian.id)
            self.list.addTopLevelItem(item)
            if current is not None and guardian.id == current.id:
                self.list.setCurrentItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        rows = max(len(guardians), 2)
        self.list.setFixedHeight(
            self.list.header().sizeHint().height()
            + rows * (self.list.fontMetrics().height() + 8)
            + 4
        )
        self._update_buttons()

    def _current(self) -> GuardianInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        guardian_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((g for g in self._guardians if g.id == guardian_id), None)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self._current() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # --- Actions ----------------------------------------------------------------------------

    def _record(
        self,
        description: str,
        action: Callable[[], T],
        scope: Scope,
        *,
        extra: Callable[[T], Scope] | None = None,
    ) -> T:
        """One undoable step on the Members page's stack (just the action without one)."""
        if self._actions is None:
            return action()
        return self._actions.record(description, action, scope, extra=extra)

    def add(self) -> None:
        person_id = self._person_id
        dialog = GuardianDialog(
            self.tr("Add a guardian for {name}").format(name=self._person_name),
            self.tr("Add"),
            parent=self,
        )

        def save() -> None:
            values, relation = dialog.values(), dialog.relation_value()
            self._record(
                self.tr("new guardian {guardian} for {name}").format(
                    guardian=_full_name(values), name=self._person_name
                ),
                lambda: persons.add_guardian(self._db, person_id, values, relation),
                Scope([person_id]),
                extra=lambda guardian_id: Scope(guardians=[guardian_id]),
            )
            self._changes.personChanged.emit(person_id)

        self.dialog = open_dialog(dialog, save)

    def edit(self) -> None:
        guardian = self._current()
        if guardian is None:
            return
        dialog = GuardianDialog(
            self.tr("Edit guardian"),
            self.tr("Save"),
            guardian=guardian,
            parent=self,
        )
        person_id = self._person_id
        scope = Scope([person_id], guardians=[guardian.id])

        def save() -> None:
            values, relation = dialog.values(), dialog.relation_value()
            original = _shown(guardian)
            if all((values[name] or "").strip() == (original[name] or "") for name in values):
                description = self.tr("change of {guardian}'s relation to {name}")
            else:
                description = self.tr("edit of guardian {guardian}")
            description = description.format(guardian=guardian.full_name, name=self._person_name)
            try:
                self._record(
                    description,
                    lambda: persons.update_guardian(
                        self._db,
                        guardian.id,
                        values,
                        expected_version=guardian.version,
                        original={**original, "relation": guardian.relation},
                        person_id=person_id,
                        relation=relation,
                    ),
                    scope,
                )
            except ConflictError as conflict:
                # The form closes; the question which values to keep takes over.
                if self._actions is not None:
                    conflict = self._actions.recorded(conflict, description, scope)
                self.conflict_dialog = settle_conflict(
                    self, self._db, conflict, kept=lambda _: shown(), dropped=shown
                )
                return
            shown()

        def shown() -> None:
            self._changes.personChanged.emit(person_id)

        self.dialog = open_dialog(dialog, save)

    def link(self) -> None:
        person_id = self._person_id
        dialog = LinkGuardianDialog(self._db, person_id, parent=self)

        def save() -> None:
            chosen = dialog.chosen()
            if chosen is None:
                raise ValidationError("guardian", "choose a guardian")
            relation = dialog.relation.currentData()
            self._record(
                self.tr("link of {guardian} as guardian of {name}").format(
                    guardian=dialog.chosen_name(), name=self._person_name
                ),
                lambda: persons.link_guardian(self._db, person_id, chosen, relation),
                Scope([person_id], guardians=[chosen]),
            )
            self._changes.personChanged.emit(person_id)

        self.dialog = open_dialog(dialog, save)

    def remove(self) -> None:
        guardian = self._current()
        if guardian is None or self._person_id is None:
            return
        if not ask(
            self,
            self.tr("Remove guardian"),
            self.tr(
                "Remove {guardian} as guardian of {name}? A guardian with no other child in "
                "the register is deleted."
            ).format(guardian=guardian.full_name, name=self._person_name),
            self.tr("Remove"),
        ):
            return
        person_id = self._person_id
        try:
            self._record(
                self.tr("removal of {guardian} as guardian of {name}").format(
                    guardian=guardian.full_name, name=self._person_name
                ),
                lambda: persons.remove_guardian(self._db, person_id, guardian.id),
                Scope([person_id], guardians=[guardian.id]),
            )
        except VrusError as error:
            self.error.setText(error_text(error))
            self.error.setVisible(True)
            return
        self._changes.personChanged.emit(self._person_id)


def _full_name(values: GuardianValues) -> str:
    return " ".join(part for part in (values["first_name"], values["last_name"]) if part).strip()


def _shown(guardian: GuardianInfo) -> dict[str, str | None]:
    """The guardian's fields as the dialog showed them, for the conflict check."""
    return {
        "first_name": guardian.first_name,
        "last_name": guardian.last_name,
        "phone": guardian.phone,
        "email": guardian.email,
    }


def _button(text: str, name: str, slot) -> QPushButton:  # noqa: ANN001 - any slot
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button
