"""The staff of an event in the editor: who teaches or plays, in which role and section, on
which day (all days, or one day of the event).

Changes are kept here until the editor saves; ``removed()`` and ``added()`` say what to
unassign and assign then, so cancelling the editor changes nothing. A staff member may be
on several single days, but not on one day twice nor on "All days" beside another row (the
core's rule). The days offered are the editor's days as typed (``set_days``); a saved row
whose day is changed is saved as a new assignment in place of the old one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
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
from vrus.ui.common.colours import WARNING, text_style
from vrus.ui.common.dates import short_date
from vrus.ui.common.labels import section_label
from vrus.ui.common.plain_text import plain_label
from vrus.ui.events.event_labels import role_label

COL_NAME, COL_ROLE, COL_SECTION, COL_DAY = range(4)


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    role: str
    section: str | None
    organisation: str | None


@dataclass(frozen=True)
class Assignment:
    assignment_id: int | None  # None: added (or its day changed) in this editor, not saved yet
    staff_id: int
    name: str
    role: str
    section: str | None
    day: dt.date | None  # None: every day
    wants_lunch: bool = True


def day_data(day: dt.date | None) -> str | None:
    """A day as a day list holds it (Qt's lists find a date only as text)."""
    return day.isoformat() if day is not None else None


def chosen_day(combo: QComboBox) -> dt.date | None:
    """The day chosen in a day list; None: all days."""
    data = combo.currentData()
    return dt.date.fromisoformat(data) if data else None


def clashes(rows: list[Assignment], staff_id: int, day: dt.date | None) -> bool:
    """Whether ``staff_id`` on ``day`` would repeat one of ``rows`` (the core's rule: one
    day once, and "All days" alone)."""
    return any(
        row.staff_id == staff_id and (None in (row.day, day) or row.day == day) for row in rows
    )


class StaffPanel(QWidget):
    def __init__(self, choices: list[StaffChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = {choice.id: choice for choice in choices}
        self._saved: list[Assignment] = []
        self._rows: list[Assignment] = []
        self._days: list[dt.date] = []

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Section"), self.tr("Day")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Room for the day's list in each row.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)

        self.person = QComboBox()
        self.person.setObjectName("staffChoice")
        self.person.setAccessibleName(self.tr("Staff member to add"))
        for choice in choices:
            extra = f" ({choice.organisation})" if choice.organisation else ""
            self.person.addItem(f"{choice.name}{extra}", choice.id)
        self.role = QComboBox()
        self.role.setObjectName("staffRoleChoice")
        self.role.setAccessibleName(self.tr("Role"))
        for role in StaffRole:
            self.role.addItem(role_label(role.value), role.value)
        self.section = QComboBox()
        self.section.setObjectName("staffSectionChoice")
        self.section.setAccessibleName(self.tr("Section"))
        self.section.addItem(self.tr("No section"), None)
        for section in Section:
            self.section.addItem(section_label(section.value), section.value)
        self.day = QComboBox()
        self.day.setObjectName("staffDayChoice")
        self.day.setAccessibleName(self.tr("Day"))
        self.day.setToolTip(self.tr("All days of the event, or one day"))
        self.day.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_day_combo(self.day, None)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addStaffButton")
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeStaffButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.setEnabled(bool(choices))
        self.note = plain_label()
        self.note.setObjectName("staffNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(text_style(WARNING))
        self.note.setVisible(False)
        self._person_chosen()

        # Who in which role and section on one line, on which day below it: the names and
        # dates are shown whole.
        adding = QGridLayout()
        adding.addWidget(self.person, 0, 0, 1, 2)
        adding.addWidget(self.role, 0, 2)
        adding.addWidget(self.section, 0, 3)
        day_label = plain_label(self.tr("Da&y:"))
        day_label.setBuddy(self.day)
        on_day = QHBoxLayout()
        on_day.addWidget(day_label)
        on_day.addWidget(self.day)
        on_day.addStretch(1)
        adding.addLayout(on_day, 1, 0, 1, 3)
        adding.addWidget(self.add_button, 1, 3)
        adding.setColumnStretch(1, 1)
        removing = QHBoxLayout()
        removing.addWidget(self.note, 1)
        removing.addStretch(0)  # the button keeps its size while there is no note
        removing.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(removing)
        layout.addLayout(adding)

    # --- Filling ----------------------------------------------------------------------------

    def set_assignments(self, rows: list[StaffRow]) -> None:
        self._saved = [
            Assignment(
                row.assignment_id,
                row.staff_id,
                f"{row.first_name} {row.last_name}",
                row.role,
                row.section,
                row.day,
                row.wants_lunch,
            )
            for row in rows
        ]
        self._rows = list(self._saved)
        self._show()

    def set_days(self, days: list[dt.date]) -> None:
        """The event's days as typed in the editor: the days a row can be put on."""
        days = sorted(set(days))
        if days == self._days:
            return
        self._days = days
        self._fill_day_combo(self.day, chosen_day(self.day))
        self._show()

    def _fill_day_combo(self, combo: QComboBox, chosen: dt.date | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All days"), None)
        for day in self._days:
            combo.addItem(short_date(day), day_data(day))
        if chosen is not None and chosen not in self._days:
            # A saved row's day that the editor no longer has: shown, and refused on saving.
            combo.addItem(
                self.tr("{day} (not a day of the event)").format(day=short_date(chosen)),
                day_data(chosen),
            )
        combo.setCurrentIndex(max(combo.findData(day_data(chosen)), 0))
        combo.blockSignals(False)

    # --- Reading ----------------------------------------------------------------------------

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

    def off_days(self, days: list[dt.date]) -> list[Assignment]:
        """The rows on a day that is not among ``days`` (the days about to be saved)."""
        return [row for row in self._rows if row.day is not None and row.day not in days]

    def day_combo(self, row: int) -> QComboBox:
        """The day list of the table's ``row``."""
        return self.table.cellWidget(row, COL_DAY)  # type: ignore[return-value]

    # --- Behaviour --------------------------------------------------------------------------

    def add_current(self) -> None:
        staff_id = self.person.currentData()
        if staff_id is None:
            return
        day = chosen_day(self.day)
        name = self._choices[staff_id].name
        if clashes(self._rows, staff_id, day):
            self._tell(self._clash_text(name, day))
            return
        self._rows.append(
            Assignment(
                None,
                staff_id,
                name,
                self.role.currentData(),
                self.section.currentData(),
                day,
            )
        )
        self._tell("")
        self._show()

    def remove_selected(self) -> None:
        rows = sorted(
            {index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True
        )
        for row in rows:
            del self._rows[row]
        self._tell("")
        self._show()

    def change_day(self, number: int, day: dt.date | None) -> bool:
        """Put the table's row ``number`` on ``day``; False (and a note) if that repeats
        another row of the same person."""
        row = self._rows[number]
        if day == row.day:
            return True
        others = self._rows[:number] + self._rows[number + 1 :]
        combo = self.day_combo(number)
        if clashes(others, row.staff_id, day):
            self._tell(self._clash_text(row.name, day))
            self._fill_day_combo(combo, row.day)
            return False
        # A saved assignment on another day is a new assignment in place of the old one;
        # back on its saved day, it is the saved one again.
        moved = replace(row, assignment_id=None, day=day)
        in_use = {r.assignment_id for r in self._rows}
        self._rows[number] = next(
            (
                saved
                for saved in self._saved
                if saved.assignment_id not in in_use and replace(saved, assignment_id=None) == moved
            ),
            moved,
        )
        self._tell("")
        self._fill_day_combo(combo, day)  # drops a day the event no longer has
        return True

    def _clash_text(self, name: str, day: dt.date | None) -> str:
        if day is None:
            return self.tr("{name} is already on the staff: remove that row first.").format(
                name=name
            )
        return self.tr("{name} is already on the staff on {day}.").format(
            name=name, day=short_date(day)
        )

    def _tell(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _person_chosen(self) -> None:
        choice = self._choices.get(self.person.currentData())
        if choice is None:
            return
        self.role.setCurrentIndex(max(self.role.findData(choice.role), 0))
        self.section.setCurrentIndex(max(self.section.findData(choice.section), 0))

    def _show(self) -> None:
        selected = self.table.currentRow()
        self.table.setRowCount(len(self._rows))
        widest = self.table.horizontalHeader().sectionSizeHint(COL_DAY)
        for number, row in enumerate(self._rows):
            cells = (row.name, role_label(row.role), section_label(row.section))
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
            combo = QComboBox()
            combo.setObjectName(f"staffDay_{number}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setAccessibleName(self.tr("Day of {name}").format(name=row.name))
            self._fill_day_combo(combo, row.day)
            combo.activated.connect(
                lambda _index, number=number, combo=combo: self.change_day(
                    number, chosen_day(combo)
                )
            )
            self.table.setCellWidget(number, COL_DAY, combo)
            widest = max(widest, combo.sizeHint().width())
        # The day lists whole, however long the date: the name column gives way.
        self.table.setColumnWidth(COL_DAY, widest)
        if 0 <= selected < len(self._rows):
            self.table.selectRow(selected)
        self.remove_button.setEnabled(bool(self._rows))
