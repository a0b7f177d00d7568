"""Dialogs for a person's guardians: add or edit one, or link a sibling's guardian."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from vrus.db.engine import Database
from vrus.db.enums import GuardianRelation
from vrus.persons import GuardianInfo, find_guardians
from vrus.ui.common.form_dialog import FormDialog
from vrus.ui.common.labels import relation_label

GuardianValues = dict[str, str | None]
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # a match's name, without the children


def relation_combo(current: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("relation")
    combo.addItem("—", None)
    for relation in GuardianRelation:
        combo.addItem(relation_label(relation), relation.value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class GuardianDialog(FormDialog):
    """First and last name, phone, e-mail and the relation to the person (when adding, and
    when editing: a relation chosen wrongly can be changed)."""

    def __init__(
        self,
        title: str,
        accept_text: str,
        *,
        guardian: GuardianInfo | None = None,
        with_relation: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, accept_text, parent)
        self.setObjectName("guardianDialog")
        self.first_name = QLineEdit(guardian.first_name if guardian else "")
        self.last_name = QLineEdit(guardian.last_name if guardian else "")
        self.phone = QLineEdit(guardian.phone or "" if guardian else "")
        self.email = QLineEdit(guardian.email or "" if guardian else "")
        for name in ("first_name", "last_name", "phone", "email"):
            getattr(self, name).setObjectName(name)
        self.add_field(self.tr("First name:"), self.first_name, "first_name")
        self.add_field(self.tr("Last name:"), self.last_name, "last_name")
        self.add_field(self.tr("Phone:"), self.phone, "phone")
        self.add_field(self.tr("E-mail:"), self.email, "email")
        self.relation: QComboBox | None = None
        if with_relation:
            self.relation = relation_combo(guardian.relation if guardian else None)
            self.add_field(self.tr("Relation:"), self.relation, "relation")

    def values(self) -> GuardianValues:
        return {
            name: getattr(self, name).text()
            for name in ("first_name", "last_name", "phone", "email")
        }

    def relation_value(self) -> str | None:
        return self.relation.currentData() if self.relation is not None else None


class LinkGuardianDialog(FormDialog):
    """Find a guardian already in the register (a sibling's parent) by name and link them."""

    def __init__(self, db: Database, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Link an existing guardian"), self.tr("Link"), parent)
        self.setObjectName("linkGuardianDialog")
        self._db = db
        self._person_id = person_id
        self.search = QLineEdit()
        self.search.setObjectName("guardianSearch")
        self.search.setPlaceholderText(self.tr("Type a name, such as a sibling's parent"))
        self.search.textChanged.connect(self._search)
        self.matches = QListWidget()
        self.matches.setObjectName("guardianMatches")
        self.matches.setMinimumHeight(160)
        self.matches.itemDoubleClicked.connect(lambda _item: self.submit())
        self.relation = relation_combo()
        self.add_field(self.tr("Search:"), self.search)
        self.add_field(self.tr("Guardian:"), self.matches, "guardian")
        self.add_field(self.tr("Relation:"), self.relation)

    def _search(self, text: str) -> None:
        self.matches.clear()
        with self._db.sessions() as session:
            found = find_guardians(session, text, exclude_person_id=self._person_id)
        for match in found:
            children = ", ".join(match.children)
            text = (
                match.full_name
                if not children
                else self.tr("{name} (guardian of {children})").format(
                    name=match.full_name, children=children
                )
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            item.setData(_NAME_ROLE, match.full_name)
            item.setToolTip(match.email or "")
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def chosen(self) -> int | None:
        item = self.matches.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def chosen_name(self) -> str:
        item = self.matches.currentItem()
        return item.data(_NAME_ROLE) if item is not None else ""
