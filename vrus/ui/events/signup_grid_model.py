"""The sign-up and attendance grid of one event as a table model.

One row per person, in the core's order (ensemble, section, surname), with a heading row
where the ensemble or section changes; columns: name, instrument, attending, lunch, one per
event day, and the sign-up's note. The model re-reads the event after every change (a few
milliseconds for an orchestra), so the counts, the "came unannounced" marks and who is on
the sheet are always the core's; when the same rows come back, only ``dataChanged`` is sent
and the cursor stays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from vrus.attendance import AttendanceRow, GridDay, attendance_grid
from vrus.conflicts import NO_ROW
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus
from vrus.server.roles import Role, role_of
from vrus.signups import SignupState, signup_sheet
from vrus.ui.common.colours import (
    ABSENT_BACKGROUND,
    EXCUSED_BACKGROUND,
    GOOD,
    HEADING_BACKGROUND,
    INFO,
    MUTED,
    PRESENT_BACKGROUND,
    UNANNOUNCED_BACKGROUND,
    WARNING,
    Tone,
    brush,
    mark_icon,
    shade,
)
from vrus.ui.common.dates import long_date, short_date
from vrus.ui.common.labels import instrument_name, section_label
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.events.event_labels import answer_label, attendance_label

COL_NAME, COL_INSTRUMENT, COL_ATTENDING, COL_LUNCH = range(4)
FIRST_DAY_COLUMN = 4


class Cell(Enum):
    """What a column holds, for what a click, a key or a menu does there."""

    NAME = auto()
    INSTRUMENT = auto()
    ANSWER = auto()
    LUNCH = auto()
    DAY = auto()
    NOTE = auto()


HEADERS = (
    QT_TRANSLATE_NOOP("SignupGridModel", "Name"),
    QT_TRANSLATE_NOOP("SignupGridModel", "Instrument"),
    QT_TRANSLATE_NOOP("SignupGridModel", "Attending"),
    QT_TRANSLATE_NOOP("SignupGridModel", "Lunch"),
)
NOTE_HEADER = QT_TRANSLATE_NOOP("SignupGridModel", "Note")
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole
DAY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# True on a person's day cell when they came without a yes on the sign-up.
UNANNOUNCED_ROLE = Qt.ItemDataRole.UserRole + 2

PRESENT = AttendanceStatus.PRESENT.value
# Light and dark shades (vrus.ui.common.colours): the cells stay readable on a dark palette.
STATUS_COLOURS: dict[str | None, Tone] = {
    AttendanceStatus.PRESENT.value: PRESENT_BACKGROUND,
    AttendanceStatus.ABSENT.value: ABSENT_BACKGROUND,
    AttendanceStatus.EXCUSED.value: EXCUSED_BACKGROUND,
}
UNANNOUNCED_COLOUR = UNANNOUNCED_BACKGROUND
UNANNOUNCED_MARK = INFO
ANSWER_COLOURS = {Answer.YES.value: GOOD, Answer.NO.value: WARNING}

Index = QModelIndex | QPersistentModelIndex

# The words a screen reader says for a cell: its meaning, never only a colour or a dash.
_ANSWER_WORDS = {
    Answer.UNKNOWN.value: QT_TRANSLATE_NOOP("SignupGridModel", "not answered"),
    Answer.YES.value: QT_TRANSLATE_NOOP("SignupGridModel", "yes"),
    Answer.NO.value: QT_TRANSLATE_NOOP("SignupGridModel", "no"),
}
_STATUS_WORDS = {
    None: QT_TRANSLATE_NOOP("SignupGridModel", "not recorded"),
    AttendanceStatus.PRESENT.value: QT_TRANSLATE_NOOP("SignupGridModel", "present"),
    AttendanceStatus.ABSENT.value: QT_TRANSLATE_NOOP("SignupGridModel", "absent"),
    AttendanceStatus.EXCUSED.value: QT_TRANSLATE_NOOP("SignupGridModel", "excused"),
}
_ACCESSIBLE = (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole)
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)


# lupdate finds ``translate(context, "...")`` by its name; ``_tr`` is for marked constants.
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("SignupGridModel", text)


@dataclass(frozen=True)
class Line:
    """A heading (``person`` None) or a person's row."""

    heading: str | None
    person: AttendanceRow | None
    wants_lunch: bool = False
    note: str | None = None
    signup_version: int = NO_ROW  # the sign-up's version as read, for the conflict check

    @property
    def key(self) -> tuple[str | None, int | None]:
        return (self.heading, self.person.person_id if self.person else None)

    @property
    def full_name(self) -> str:
        """'Ingrid Aas', as a sentence names the person (the list shows 'Aas, Ingrid')."""
        return f"{self.person.first_name} {self.person.last_name}" if self.person else ""

    def signup_state(self) -> SignupState | None:
        """The sign-up as shown; None when there is no sign-up row (not answered)."""
        if self.person is None or self.signup_version == NO_ROW:
            return None
        return SignupState(self.person.answer, self.wants_lunch, self.note, self.person.absent_days)


@dataclass(frozen=True)
class Snapshot:
    """Answers and statuses of everyone on the sheet, to find what a bulk action changed."""

    signups: dict[int, SignupState | None]  # None: no sign-up row
    statuses: dict[tuple[int, int], str | None]  # (day id, person id) -> status


class SignupGridModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.event_id: int | None = None
        self.days: list[GridDay] = []
        self._lines: list[Line] = []
        self._counts: dict[int, Counter[str]] = {}
        self.notes_editable = False  # the coordinator's grid: a double click edits a note

    # --- Loading ----------------------------------------------------------------------------

    def load(self, event_id: int | None) -> None:
        self.beginResetModel()
        self.event_id = event_id
        self._read()
        self.endResetModel()

    def reload(self) -> None:
        """Read the event again; keep the cursor when the same rows come back."""
        before = [line.key for line in self._lines]
        days_before = [day.id for day in self.days]
        lines, days, counts = self._query()
        if [line.key for line in lines] == before and [d.id for d in days] == days_before:
            self._lines, self.days, self._counts = lines, days, counts
            if lines:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(lines) - 1, self.columnCount() - 1)
                )
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            return
        self.beginResetModel()
        self._lines, self.days, self._counts = lines, days, counts
        self.endResetModel()

    def _read(self) -> None:
        self._lines, self.days, self._counts = self._query()

    def _query(self) -> tuple[list[Line], list[GridDay], dict[int, Counter[str]]]:
        if self.event_id is None:
            return [], [], {}
        with self._db.sessions() as session:
            grid = attendance_grid(session, self.event_id)
            # Sign-up notes are the coordinator's: other roles may not read them.
            notes = role_of(self._db) is Role.COORDINATOR
            sheet = {
                row.person_id: row for row in signup_sheet(session, self.event_id, notes=notes)
            }
        lines: list[Line] = []
        group = None
        for row in grid.rows:
            if (row.ensemble, row.section) != group:
                group = (row.ensemble, row.section)
                lines.append(Line(_heading(row), None))
            signup = sheet.get(row.person_id)
            lines.append(
                Line(
                    None,
                    row,
                    bool(signup and signup.wants_lunch),
                    signup.note if signup else None,
                    signup.version if signup else NO_ROW,
                )
            )
        return lines, grid.days, grid.counts_per_day

    # --- Looking up -------------------------------------------------------------------------

    def line(self, row: int) -> Line:
        return self._lines[row]

    def is_heading(self, row: int) -> bool:
        return self._lines[row].person is None

    def heading_rows(self) -> list[int]:
        return [row for row, line in enumerate(self._lines) if line.person is None]

    def row_of(self, person_id: int) -> int | None:
        for row, line in enumerate(self._lines):
            if line.person is not None and line.person.person_id == person_id:
                return row
        return None

    def day_of_column(self, column: int) -> GridDay | None:
        number = column - FIRST_DAY_COLUMN
        return self.days[number] if 0 <= number < len(self.days) else None

    def cell(self, column: int) -> Cell:
        if self.day_of_column(column) is not None:
            return Cell.DAY
        if column == self.note_column:
            return Cell.NOTE
        return (Cell.NAME, Cell.INSTRUMENT, Cell.ANSWER, Cell.LUNCH)[column]

    def column_of_day(self, day_id: int) -> int | None:
        for number, day in enumerate(self.days):
            if day.id == day_id:
                return FIRST_DAY_COLUMN + number
        return None

    def counts(self, day_id: int) -> Counter[str]:
        return self._counts.get(day_id, Counter())

    def signup_counts(self) -> Counter[str]:
        """Answers among the rows, and "lunch": how many of the yes want lunch."""
        counts: Counter[str] = Counter()
        for line in self._lines:
            if line.person is not None:
                counts[line.person.answer] += 1
                if line.person.answer == Answer.YES.value and line.wants_lunch:
                    counts["lunch"] += 1
        return counts

    def snapshot(self) -> Snapshot:
        people = [line for line in self._lines if line.person is not None]
        return Snapshot(
            {line.person.person_id: line.signup_state() for line in people},
            {
                (day.id, line.person.person_id): line.person.statuses.get(day.id)
                for line in people
                for day in self.days
            },
        )

    # --- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_DAY_COLUMN + len(self.days) + 1

    @property
    def note_column(self) -> int:
        """The last column: the note given with the sign-up, after the days."""
        return FIRST_DAY_COLUMN + len(self.days)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        day = self.day_of_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if day is not None:
                return short_date(day.date)
            return _tr(NOTE_HEADER if section == self.note_column else HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            if day is not None:
                return long_date(day.date)
            if section == COL_ATTENDING:
                return translate(
                    "SignupGridModel",
                    "A click or Space gives the next answer, a right click the choices. "
                    "Keys: J yes, N no, Delete not answered",
                )
            if section == COL_LUNCH:
                return translate(
                    "SignupGridModel",
                    "A click or the key L switches lunch on or off; a right click the choices",
                )
            if section == self.note_column and self.notes_editable:
                return translate(
                    "SignupGridModel", "A double click or F2 edits the note; Enter saves it"
                )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.is_heading(index.row()):
            # Not enabled: the arrow keys pass over the headings.
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.notes_editable and index.column() == self.note_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if line.person is None:
            return _heading_data(line.heading or "", index.column(), role)
        if role == PERSON_ID_ROLE:
            return line.person.person_id
        if role in _ACCESSIBLE:
            cell, day = self.cell(index.column()), self.day_of_column(index.column())
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return _accessible_text(line, cell, day)
            return _accessible_description(line, cell, day, self.notes_editable)
        day = self.day_of_column(index.column())
        if day is not None:
            return _day_data(line.person, day, role)
        if index.column() == self.note_column:
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(line.note) if line.note else None
            return line.note if role in _TEXT_ROLES else None
        return _person_data(line, index.column(), role)


def _heading(row: AttendanceRow) -> str:
    ensemble = row.ensemble or translate("SignupGridModel", "Not in an ensemble on the day")
    section = (
        section_label(row.section) if row.section else translate("SignupGridModel", "No instrument")
    )
    return f"{ensemble} – {section}"


def _heading_data(text: str, column: int, role: int) -> object:
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
        return text if column == COL_NAME else None
    if role == Qt.ItemDataRole.BackgroundRole:
        return brush(HEADING_BACKGROUND)
    if role == Qt.ItemDataRole.ForegroundRole:
        return QGuiApplication.palette().text()
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


def _unannounced(person: AttendanceRow, day: GridDay) -> bool:
    return person.statuses.get(day.id) == PRESENT and person.answer != Answer.YES.value


def _day_data(person: AttendanceRow, day: GridDay, role: int) -> object:
    status = person.statuses.get(day.id)
    unannounced = _unannounced(person, day)
    if role == DAY_ID_ROLE:
        return day.id
    if role == UNANNOUNCED_ROLE:
        return unannounced
    skips = status is None and day.id in person.absent_days
    if role == Qt.ItemDataRole.DisplayRole:
        return translate("SignupGridModel", "not coming") if skips else attendance_label(status)
    if role == Qt.ItemDataRole.BackgroundRole and status is not None:
        return brush(UNANNOUNCED_COLOUR if unannounced else STATUS_COLOURS[status])
    if role == Qt.ItemDataRole.ForegroundRole and status is None:
        return brush(MUTED)
    if role == Qt.ItemDataRole.DecorationRole and unannounced:
        return mark_icon(shade(UNANNOUNCED_MARK))
    if role == Qt.ItemDataRole.ToolTipRole:
        if unannounced:
            return translate("SignupGridModel", "Came without signing up (no yes on the sign-up)")
        if skips:
            return translate(
                "SignupGridModel",
                "Signed up, but said they will not come this day. "
                "Keys: M present, F absent, G excused",
            )
        return translate(
            "SignupGridModel",
            "A click or Space gives the next status, a right click the choices. "
            "Keys: M present, F absent, G excused, Delete not recorded",
        )
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return None


def _person_data(line: Line, column: int, role: int) -> object:
    person = line.person
    assert person is not None
    if role == Qt.ItemDataRole.DisplayRole:
        if column == COL_NAME:
            return person.name
        if column == COL_INSTRUMENT:
            return instrument_name(person.instrument)
        if column == COL_ATTENDING:
            return answer_label(person.answer)
        if column == COL_LUNCH:
            return translate("SignupGridModel", "Yes") if line.wants_lunch else "–"
        return None
    if column == COL_NAME:
        return _name_decoration(line, role)
    if role == Qt.ItemDataRole.ForegroundRole:
        if column == COL_ATTENDING:
            return brush(ANSWER_COLOURS.get(person.answer, MUTED))
        if column == COL_LUNCH and not line.wants_lunch:
            return brush(MUTED)
    if (
        role == Qt.ItemDataRole.FontRole
        and column == COL_ATTENDING
        and (person.answer != Answer.UNKNOWN.value)
    ):
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole and column == COL_ATTENDING and line.note:
        return plain_tooltip(line.note)
    return None


def _name_notes(line: Line) -> list[str]:
    """What the name's italics and mark say, in words."""
    person = line.person
    assert person is not None
    notes = []
    if not person.invited:
        notes.append(
            translate(
                "SignupGridModel", "Not invited: on the sheet because of a sign-up or attendance"
            )
        )
    if person.unannounced:
        notes.append(translate("SignupGridModel", "Came without signing up"))
    return notes


def _name_decoration(line: Line, role: int) -> object:
    person = line.person
    assert person is not None
    notes = _name_notes(line)
    if role == Qt.ItemDataRole.ToolTipRole:
        return "\n".join(notes) or None
    if role == Qt.ItemDataRole.FontRole and not person.invited:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.DecorationRole and person.unannounced:
        return mark_icon(shade(UNANNOUNCED_MARK))
    return None


def _accessible_text(line: Line, cell: Cell, day: GridDay | None) -> str:
    """The cell's whole meaning in words: 'Ingrid Aas, Saturday 08.02.2014: present; came
    without signing up' (a screen reader reads this, not the colour or the dash)."""
    person = line.person
    assert person is not None
    name = line.full_name
    if cell is Cell.DAY and day is not None:
        status = person.statuses.get(day.id)
        if status is None and day.id in person.absent_days:
            words = translate("SignupGridModel", "not recorded; said they will not come")
        else:
            words = _tr(_STATUS_WORDS[status])
        if _unannounced(person, day):
            words = translate("SignupGridModel", "{status}; came without signing up").format(
                status=words
            )
        return translate("SignupGridModel", "{name}, {day}: {status}").format(
            name=name, day=long_date(day.date), status=words
        )
    if cell is Cell.ANSWER:
        return translate("SignupGridModel", "{name}, attending: {answer}").format(
            name=name, answer=_tr(_ANSWER_WORDS[person.answer])
        )
    if cell is Cell.LUNCH:
        return (
            translate("SignupGridModel", "{name}, lunch: yes")
            if line.wants_lunch
            else translate("SignupGridModel", "{name}, lunch: no")
        ).format(name=name)
    if cell is Cell.NOTE:
        if not line.note:
            return translate("SignupGridModel", "{name}, note: none").format(name=name)
        return translate("SignupGridModel", "{name}, note: {note}").format(
            name=name, note=line.note
        )
    if cell is Cell.INSTRUMENT:
        return translate("SignupGridModel", "{name}, instrument: {instrument}").format(
            name=name,
            instrument=instrument_name(person.instrument)
            or translate("SignupGridModel", "No instrument"),
        )
    return "; ".join([name, *_name_notes(line)])


def _accessible_description(
    line: Line, cell: Cell, day: GridDay | None, notes_editable: bool
) -> str | None:
    """How to change the cell, and what its mark means (the icon of an unannounced arrival
    has these words)."""
    person = line.person
    assert person is not None
    if cell is Cell.DAY and day is not None:
        hint = translate(
            "SignupGridModel",
            "A click or Space gives the next status, a right click the choices. "
            "Keys: M present, F absent, G excused, Delete not recorded",
        )
        if _unannounced(person, day):
            mark = translate("SignupGridModel", "Came without signing up (no yes on the sign-up)")
            return f"{mark}. {hint}"
        return hint
    if cell is Cell.ANSWER:
        return translate(
            "SignupGridModel",
            "A click or Space gives the next answer, a right click the choices. "
            "Keys: J yes, N no, Delete not answered",
        )
    if cell is Cell.LUNCH:
        return translate(
            "SignupGridModel",
            "A click or the key L switches lunch on or off; a right click the choices",
        )
    if cell is Cell.NOTE and notes_editable:
        return translate("SignupGridModel", "A double click or F2 edits the note; Enter saves it")
    if cell is Cell.NAME:
        return "\n".join(_name_notes(line)) or None
    return None
