"""Ctrl+N: a new person from four fields, with a warning about possible duplicates.

The register holds children, and the same child typed in twice (once as "Åsmund", once as
"Asmund") splits their history in two; so before saving, the dialog asks the core for
persons with the same names and a close birth date and shows them. The user may still go on.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from vrus.clock import Today
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.persons import PossibleDuplicate, create_person, find_possible_duplicates
from vrus.reference import MunicipalityRow
from vrus.ui.common.colours import note_box_style
from vrus.ui.common.form_dialog import FormDialog
from vrus.ui.members.member_actions import MemberActions
from vrus.undo import Scope
from vrus.validation import validate_birth_date


class NewPersonDialog(FormDialog):
    created = Signal(int)  # the new person's id
    openExisting = Signal(int)  # noqa: N815 - Qt's naming for signals

    def __init__(
        self,
        db: Database,
        places: list[MunicipalityRow],
        today: Today,
        parent: QWidget | None = None,
        *,
        actions: MemberActions | None = None,
    ) -> None:
        super().__init__(self.tr("New person"), self.tr("Create"), parent)
        self.setObjectName("newPersonDialog")
        self._db = db
        self._actions = actions  # with them, the new person is a step on the undo stack
        self._today = today
        self._warned_for: tuple | None = None
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.municipality = QComboBox()
        self.municipality.addItem("—", None)
        for place in places:
            self.municipality.addItem(place.name, place.id)
        for name in ("first_name", "last_name", "birth_date", "municipality"):
            getattr(self, name).setObjectName(name)
        self.add_field(self.tr("First name:"), self.first_name, "first_name")
        self.add_field(self.tr("Last name:"), self.last_name, "last_name")
        self.add_field(self.tr("Born:"), self.birth_date, "birth_date")
        self.add_field(self.tr("Municipality:"), self.municipality, "municipality_id")
        # Rich text for the links to the persons found; their names are escaped (_warn).
        self.duplicates = QLabel()
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.setObjectName("duplicateWarning")
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet(note_box_style())
        self.duplicates.setVisible(False)
        self.duplicates.linkActivated.connect(self._open_existing)
        self.layout().insertWidget(1, self.duplicates)
        self.save = self._create

    def _values(self) -> dict:
        born = self.birth_date.text().strip()
        return {
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "birth_date": validate_birth_date(born, today=self._today()) if born else None,
            "municipality_id": self.municipality.currentData(),
        }

    def _create(self) -> bool:
        values = self._values()
        key = (values["first_name"].strip(), values["last_name"].strip(), values["birth_date"])
        if self._warned_for != key:
            with self._db.sessions() as session:
                found = find_possible_duplicates(session, *key)
            if found:
                self._warned_for = key
                self._warn(found)
                return False  # stay open: the user reads the warning first
        person_id = self._create_person(values)
        self.created.emit(person_id)
        return True

    def _create_person(self, values: dict) -> int:
        if self._actions is None:
            return create_person(self._db, values)
        name = f"{values['first_name'].strip()} {values['last_name'].strip()}"
        return self._actions.record(
            self.tr("new person {name}").format(name=name),
            lambda: create_person(self._db, values),
            Scope(),
            extra=lambda person_id: Scope([person_id]),
        )

    def _open_existing(self, link: str) -> None:
        self.reject()
        self.openExisting.emit(int(link))

    def _warn(self, found: list[PossibleDuplicate]) -> None:
        lines = [html.escape(self.tr("Already in the register, perhaps the same person:"))]
        for duplicate in found:
            born = format_date(duplicate.birth_date) if duplicate.birth_date else "?"
            lines.append(
                self.tr('<a href="{id}">{name}</a>, born {date}').format(
                    id=duplicate.person_id, name=html.escape(duplicate.name), date=born
                )
            )
        lines.append(html.escape(self.tr("Choose Create again to add the new person anyway.")))
        self.duplicates.setText("<br>".join(lines))
        self.duplicates.setVisible(True)
        self.ok_button.setText(self.tr("Create anyway"))
        self.adjustSize()
