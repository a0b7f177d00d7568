"""The staff of an event in the editor: who teaches or plays, in which role and section.

Changes are kept here until the editor saves; ``removed()`` and ``added()`` say what to
unassign and assign then, so cancelling the editor changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrus.db.enums import Section, StaffRole
from vrus.events import StaffRow
from vrus.ui.common.dates import short_date
from vrus.ui.common.labels import section_label
from vrus.ui.events.event_labels import role_label


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    role: str
    section: str | None
    organisation: str | None


@dataclass(frozen=True)
class Assignment:
    assignment_id: int | None  # None: added in this editor, not saved yet
    staff_id: int
    name: str
    role: str
    section: str | None
    day_text: str  # empty: every day


class StaffPanel(QWidget):
    def __init__(self, choices: list[StaffChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = {choice.id: choice for choice in choices}
        self._saved: list[Assignment] = []
        self._rows: list[Assignment] = []

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Section"), self.tr("Day")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)

        self.person = QComboBox()
        self.person.setObjectName("staffChoice")
        for choice in choices:
            extra = f" ({choice.organisation})" if choice.organisation else ""
            self.person.addItem(f"{choice.name}{extra}", choice.id)
        self.role = QComboBox()
        for role in StaffRole:
            self.role.addItem(role_label(role.value), role.value)
        self.section = QComboBox()
        self.section.addItem(self.tr("No section"), None)
        for section in Section:
            self.section.addItem(section_label(section.value), section.value)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addStaffButton")
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeStaffButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.setEnabled(bool(choices))
        self._person_chosen()

        adding = QHBoxLayout()
        adding.addWidget(self.person, 2)
        adding.addWidget(self.role, 1)
        adding.addWidget(self.section, 1)
        adding.addWidget(self.add_button)
        removing = QHBoxLayout()
        removing.addStretch(1)
        removing.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(removing)
        layout.addLayout(adding)

    def set_assignments(self, rows: list[StaffRow]) -> None:
        self._saved = [
            Assignment(
                row.assignment_id,
                row.staff_id,
                f"{row.first_name} {row.last_name}",
                row.role,
                row.section,
                short_date(row.day) if row.day else "",
            )
            for row in rows
        ]
        self._rows = list(self._saved)
        self._show()

    def assignments(self) -> list[Assignment]:
        return list(self._rows)

    def removed(self) -> list[int]:
        kept = {row.assignment_id for row in self._rows}
        return [
            row.assignment_id
            for row in self._saved
            if row.assignment_id is not None and row.assignment_id not in kept
        ]

    def added(self) -> list[Assignment]:
        return [row for row in self._rows if row.assignment_id is None]

    def add_current(self) -> None:
        staff_id = self.person.currentData()
        if staff_id is None:
            return
        if any(row.staff_id == staff_id for row in self._rows):
            return  # the core refuses the same person twice; the row is already there
        self._rows.append(
            Assignment(
                None,
                staff_id,
                self._choices[staff_id].name,
                self.role.currentData(),
                self.section.currentData(),
                "",
            )
        )
        self._show()

    def remove_selected(self) -> None:
        rows = sorted(
            {index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True
        )
        for row in rows:
            del self._rows[row]
        self._show()

    def _person_chosen(self) -> None:
        choice = self._choices.get(self.person.currentData())
        if choice is None:
            return
        self.role.setCurrentIndex(max(self.role.findData(choice.role), 0))
        self.section.setCurrentIndex(max(self.section.findData(choice.section), 0))

    def _show(self) -> None:
        self.table.setRowCount(len(self._rows))
        every_day = self.tr("All days")
        for number, row in enumerate(self._rows):
            cells = (
                row.name,
                role_label(row.role),
                section_label(row.section),
                row.day_text or every_day,
            )
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.remove_button.setEnabled(bool(self._rows))
