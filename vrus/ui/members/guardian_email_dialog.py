"""Copy the guardians' e-mail addresses of a selection, for the coordinator's mail program.

The selection is the rows selected in the Members table, everyone the list shows now (its
filter: an ensemble, a section...), or those signed up for an event. Every guardian of every
person is included, each address once; the dialog says how many were copied and names the
persons no e-mail reaches, so they can be phoned instead. The addresses are taken off the
clipboard again after a while and when VRUS closes (``vrus.ui.common.clipboard``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vrus.contacts import (
    events_with_signups,
    guardian_emails,
    mail_list,
    persons_without_guardian_email,
    signed_up_person_ids,
)
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.member_list import rows_for
from vrus.ui.common.clipboard import clearing_note, copy_personal
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import wrapped_label

NAMES_SHOWN = 12


class GuardianEmailDialog(QDialog):
    def __init__(
        self,
        db: Database,
        today: dt.date,
        *,
        selected: Sequence[int],
        listed: Sequence[int],
        listed_description: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guardianEmailDialog")
        self.setWindowTitle(self.tr("Copy guardians' e-mail addresses"))
        self.setMinimumWidth(520)
        self._db = db
        self._today = today
        self._selected = list(selected)
        self._listed = list(listed)
        with db.sessions() as session:
            events = events_with_signups(session)

        self.selected_choice = QRadioButton(
            self.tr("The selected persons ({count})").format(count=len(self._selected))
        )
        self.selected_choice.setEnabled(bool(self._selected))
        self.listed_choice = QRadioButton(
            self.tr("Everyone in the list ({count})").format(count=len(self._listed))
        )
        self.listed_choice.setEnabled(bool(self._listed))
        self.listed_note = plain_label(listed_description)
        self.listed_note.setObjectName("listedDescription")
        self.listed_note.setIndent(24)
        self.event_choice = QRadioButton(self.tr("Signed up for:"))
        self.event = QComboBox()
        self.event.setObjectName("eventChoice")
        for event in events:
            day = format_date(event.first_day) if event.first_day else ""
            self.event.addItem(
                self.tr("{title}, {date} ({count} signed up)").format(
                    title=event.title, date=day, count=event.signed_up
                ),
                event.id,
            )
        if not events:
            self.event.addItem(self.tr("No event has sign-ups yet"), None)
        self.event_choice.setEnabled(bool(events))
        self.event.setEnabled(bool(events))
        self.event.activated.connect(lambda _i: self.event_choice.setChecked(True))
        group = QButtonGroup(self)
        for button in (self.selected_choice, self.listed_choice, self.event_choice):
            group.addButton(button)
        (self.selected_choice if len(self._selected) > 1 else self.listed_choice).setChecked(True)

        self.result = wrapped_label("")
        self.result.setObjectName("copyResult")
        self.result.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copyEmails")
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(self.selected_choice, 0, 0, 1, 2)
        grid.addWidget(self.listed_choice, 1, 0, 1, 2)
        grid.addWidget(self.listed_note, 2, 0, 1, 2)
        grid.addWidget(self.event_choice, 3, 0)
        grid.addWidget(self.event, 3, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Every guardian of every person chosen, each address once, separated by "
                    "semicolons: paste them into the Bcc field of your mail program."
                )
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.result)
        layout.addWidget(buttons)

    def chosen_ids(self) -> list[int]:
        if self.selected_choice.isChecked():
            return self._selected
        if self.listed_choice.isChecked():
            return self._listed
        event_id = self.event.currentData()
        if event_id is None:
            return []
        with self._db.sessions() as session:
            return signed_up_person_ids(session, event_id)

    def copy(self) -> None:
        ids = self.chosen_ids()
        with self._db.sessions() as session:
            emails = guardian_emails(session, ids)
            missing = set(persons_without_guardian_email(session, ids))
            unreached = [pid for pid in ids if pid in missing]
            rows = rows_for(session, unreached[:NAMES_SHOWN], self._today)
        if emails:
            copy_personal(mail_list(emails))
            lines = [
                self.tr("Addresses copied to the clipboard: {count}.").format(count=len(emails)),
                clearing_note(),
            ]
        else:
            lines = [
                self.tr(
                    "No addresses to copy: nobody chosen has a guardian with an e-mail address."
                )
            ]
        if unreached:
            names = [
                f"{rows[pid].first_name} {rows[pid].last_name}"
                for pid in unreached[:NAMES_SHOWN]
                if pid in rows
            ]
            more = len(unreached) - len(names)
            text = ", ".join(names)
            if more:
                text += " " + self.tr("and {count} more").format(count=more)
            lines.append(
                self.tr("No guardian e-mail for: {names}. Reach them by phone.").format(names=text)
            )
        self.result.setText("\n".join(lines))
        self.result.setVisible(True)
        self.adjustSize()
