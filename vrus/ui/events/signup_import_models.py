"""The sign-up import wizard's tables: the file's first rows, the answers as the core matched
them, and the proposed health changes.

All three hold the core's plain data whole (a form has some hundred answers at most). The
answers model also holds the user's choices for near matches: the delegate's combo box
writes them, and the review page plans again with them. A new plan for the same rows only
sends ``dataChanged``, so the combo boxes kept open in the view and the cursor stay put.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vrus.dates import format_date
from vrus.db.enums import Answer
from vrus.importing.sources import Table
from vrus.seasons import DaySummary
from vrus.ui.common.dates import weekday
from vrus.ui.common.list_model import ListTableModel
from vrus.ui.common.messages import ui_text
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.events.event_labels import NOT_GIVEN, answer_label

Index = QModelIndex | QPersistentModelIndex

# lupdate finds ``translate(context, "...")`` by its name; ``_tr`` is for marked constants.
translate = QCoreApplication.translate

PREVIEW_ROWS = 8  # enough to recognise what a column holds

# The near-match combo box's values besides a person's id.
NOT_CHOSEN = -1  # the user has not chosen yet: the answer is left out
NONE_OF_THEM = 0  # the user says it is none of the candidates

MATCHED, NEAR, UNMATCHED, REPLACED = "matched", "near", "unmatched", "replaced"
MATCH_LABELS = {
    MATCHED: QT_TRANSLATE_NOOP("SignupAnswersModel", "Matched"),
    NEAR: QT_TRANSLATE_NOOP("SignupAnswersModel", "Near match"),
    UNMATCHED: QT_TRANSLATE_NOOP("SignupAnswersModel", "Unknown"),
    REPLACED: QT_TRANSLATE_NOOP("SignupAnswersModel", "Replaced"),
}
# Light backgrounds with dark text, readable in a dark theme too; the text says the same.
MATCH_COLOURS = {
    MATCHED: "#dcefdc",
    NEAR: "#fbecc5",
    UNMATCHED: "#f6d5d2",
    REPLACED: "#e3e6ea",
}
MATCH_TEXT_COLOUR = "#1f1f1f"
MUTED = "#8a8f96"


def _choice_key(choice: int | None) -> int:
    return NONE_OF_THEM if choice is None else choice


# --- The file's first rows -----------------------------------------------------------------


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_date(value)
    return " ".join(str(value).split())


class PreviewModel(ListTableModel):
    """The first rows of the file as it was read; the headers say what each column is used
    for, so a wrong choice shows where it lands."""

    CONTEXT = "SignupPreviewModel"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._used: dict[str, list[str]] = {}

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._headers = list(table.headers) if table is not None else []
        self._rows = list(table.rows[:PREVIEW_ROWS]) if table is not None else []
        self.endResetModel()

    def set_used(self, used: Mapping[str, list[str]]) -> None:
        """``used``: header -> what it is mapped to (field and day labels)."""
        self._used = {header: list(labels) for header, labels in used.items()}
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        header = self._headers[section]
        if role == Qt.ItemDataRole.DisplayRole:
            used = self._used.get(header)
            arrow = "→ " + ", ".join(used) if used else NOT_GIVEN
            return f"{header}\n{arrow}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        value = row[index.column()] if index.column() < len(row) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(str(value)) if value not in (None, "") else None
        if role == Qt.ItemDataRole.ForegroundRole:
            used = self._used.get(self._headers[index.column()])
            return None if used else QBrush(QColor(MUTED))
        return None


# --- The answers ---------------------------------------------------------------------------

(
    COL_ROW,
    COL_GIVEN,
    COL_BORN,
    COL_MATCH,
    COL_REASON,
    COL_PERSON,
    COL_ATTENDING,
    COL_DAYS,
    COL_LUNCH,
    COL_NOTE,
) = range(10)
ANSWER_HEADERS = (
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Row"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Name in the form"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Born"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Match"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Why"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Person"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Attending"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Days"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Lunch"),
    QT_TRANSLATE_NOOP("SignupAnswersModel", "Message"),
)
CHOICE_ROLE = Qt.ItemDataRole.UserRole  # the candidates of a row's person cell
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the spreadsheet row number


def _atr(text: str) -> str:
    return translate("SignupAnswersModel", text)


def match_label(match: str) -> str:
    label = MATCH_LABELS.get(str(match))
    return _atr(label) if label else str(match)


class AnswersModel(ListTableModel):
    """Every answer in the file with its match; the user's choices for the near matches."""

    CONTEXT = "SignupAnswersModel"
    HEADERS = ANSWER_HEADERS

    choiceChanged = Signal()  # noqa: N815 - Qt's naming for signals

    def __init__(self, days: Sequence[DaySummary], parent=None) -> None:
        super().__init__(parent)
        self._days = list(days)
        # Row number -> the person chosen (None: none of them). A row not here is not chosen.
        self._choices: dict[int, int | None] = {}
        # Row number -> its candidates, as the first plan that offered them listed them: once
        # chosen, the core may match the row and stop listing them, but the choice can change.
        self._candidates: dict[int, tuple[Any, ...]] = {}

    # --- Contents ---------------------------------------------------------------------------

    def clear(self) -> None:
        """Another file: no rows, no choices."""
        self._choices.clear()
        self._candidates.clear()
        self.set_rows([])

    def set_plan_rows(self, rows: Iterable[Any]) -> None:
        rows = list(rows)
        for row in rows:
            # A near match, or no match with persons who came close (the same name with
            # another birth date): the user may say which one it is.
            if row.candidates and str(row.match) in (NEAR, UNMATCHED):
                self._candidates[row.row] = tuple(row.candidates)
        if [row.row for row in rows] == [row.row for row in self._rows]:
            # The same answers planned again: keep the view's editors and cursor.
            self._rows = rows
            if rows:
                last = self.index(len(rows) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.set_rows(rows)

    def choices(self) -> dict[int, int | None]:
        return dict(self._choices)

    def choosable_rows(self) -> list[int]:
        """Model rows whose person is chosen in a combo box."""
        return [number for number, row in enumerate(self._rows) if self._candidates.get(row.row)]

    def candidates(self, number: int) -> tuple[Any, ...]:
        return self._candidates.get(self.row_at(number).row, ())

    def choose(self, row_number: int, person_id: int | None) -> None:
        """For the spreadsheet row ``row_number``: this person, or None for none of them."""
        number = next(i for i, row in enumerate(self._rows) if row.row == row_number)
        self.setData(self.index(number, COL_PERSON), _choice_key(person_id))

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(MATCH_LABELS, 0)
        for row in self._rows:
            counts[str(row.match)] = counts.get(str(row.match), 0) + 1
        return counts

    # --- Qt's model interface ---------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_PERSON and self.candidates(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.row_at(index.row()), index.column()
        match = str(row.match)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole and column == COL_PERSON:
            return _choice_key(self._choices[row.row]) if row.row in self._choices else NOT_CHOSEN
        if role == CHOICE_ROLE and column == COL_PERSON:
            return self.candidates(index.row())
        if role == ROW_ROLE:
            return row.row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_MATCH, COL_REASON) and row.reason is not None:
                return plain_tooltip(ui_text(row.reason))
            if column in (COL_GIVEN, COL_NOTE):
                text = row.given_name if column == COL_GIVEN else row.note
                return plain_tooltip(text) if text else None
            return None
        if column == COL_MATCH and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(MATCH_COLOURS.get(match, MATCH_COLOURS[REPLACED])))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_MATCH:
                return QBrush(QColor(MATCH_TEXT_COLOUR))
            if match == REPLACED:
                return QBrush(QColor(MUTED))  # a later answer counts: this one is not saved
        return None

    def _display(self, row: Any, column: int) -> str | None:
        if column == COL_ROW:
            return str(row.row)
        if column == COL_GIVEN:
            return row.given_name
        if column == COL_BORN:
            return format_date(row.given_birth_date) if row.given_birth_date else NOT_GIVEN
        if column == COL_MATCH:
            return match_label(row.match)
        if column == COL_PERSON:
            return row.person_name or NOT_GIVEN
        if column == COL_ATTENDING:
            return answer_label(str(row.attending))
        if column == COL_DAYS:
            return self._days_text(row)
        if column == COL_LUNCH:
            if str(row.attending) != Answer.YES.value:
                return NOT_GIVEN
            return answer_label(Answer.YES.value if row.wants_lunch else Answer.NO.value)
        if column == COL_NOTE:
            return " ".join((row.note or "").split())
        if column == COL_REASON:
            return ui_text(row.reason) if row.reason is not None else ""
        return None

    def _days_text(self, row: Any) -> str:
        if str(row.attending) != Answer.YES.value:
            return NOT_GIVEN
        coming = [day for day in self._days if day.id not in row.absent_day_ids]
        if not coming:
            return NOT_GIVEN
        if len(self._days) > 1 and len(coming) == len(self._days):
            return translate("SignupAnswersModel", "All days")
        return ", ".join(weekday(day.date) for day in coming)

    def setData(
        self,
        index: Index,
        value: object,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != COL_PERSON
            or role != Qt.ItemDataRole.EditRole
            or not isinstance(value, int)
        ):
            return False
        row = self.row_at(index.row())
        allowed = {NOT_CHOSEN, NONE_OF_THEM} | {c.person_id for c in self.candidates(index.row())}
        if value not in allowed:
            return False
        if value == index.data(Qt.ItemDataRole.EditRole):
            return True
        if value == NOT_CHOSEN:
            del self._choices[row.row]
        else:
            self._choices[row.row] = None if value == NONE_OF_THEM else value
        self.dataChanged.emit(index, index)
        self.choiceChanged.emit()
        return True


def candidate_text(candidate: Any) -> str:
    """'Åse Ødegård, 03.03.2013 (similar spelling)'."""
    born = format_date(candidate.birth_date) if candidate.birth_date else NOT_GIVEN
    reason = ui_text(candidate.reason) if candidate.reason is not None else ""
    text = f"{candidate.name}, {born}"
    return f"{text} ({reason})" if reason else text


class CandidateDelegate(QStyledItemDelegate):
    """A combo box of a near match's candidates, kept open, that saves as soon as it changes:
    not chosen (the answer is left out), one of the persons, or none of them."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: Index,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("candidateChoice")
        combo.addItem(self.tr("Choose the person…"), NOT_CHOSEN)
        for candidate in index.data(CHOICE_ROLE) or ():
            combo.addItem(candidate_text(candidate), candidate.person_id)
        combo.addItem(self.tr("None of them"), NONE_OF_THEM)
        # The list opens as wide as its longest entry, however narrow the column.
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 32)
        combo.setToolTip(
            self.tr("A near match is saved only when you choose the person it is meant for.")
        )
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        if position >= 0 and position != editor.currentIndex():
            editor.blockSignals(True)
            editor.setCurrentIndex(position)
            editor.blockSignals(False)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,  # noqa: N802
        index: Index,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# --- Health proposals ----------------------------------------------------------------------

COL_PROPOSAL_NAME, COL_PROPOSAL_ROW, COL_CURRENT, COL_PROPOSED = range(4)
PROPOSAL_HEADERS = (
    QT_TRANSLATE_NOOP("SignupProposalsModel", "Person (tick to change)"),
    QT_TRANSLATE_NOOP("SignupProposalsModel", "Row"),
    QT_TRANSLATE_NOOP("SignupProposalsModel", "Now in the register"),
    QT_TRANSLATE_NOOP("SignupProposalsModel", "From the form"),
)


def _checked(value: object) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value


class ProposalsModel(ListTableModel):
    """Changed allergies or diets, each with a check box, none ticked until the user does."""

    CONTEXT = "SignupProposalsModel"
    HEADERS = PROPOSAL_HEADERS

    acceptedChanged = Signal()  # noqa: N815 - Qt's naming for signals

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._accepted: set[int] = set()

    def set_proposals(self, proposals: Iterable[Any]) -> None:
        proposals = list(proposals)
        # A tick stays with its person through a new plan; a person no longer proposed drops.
        self._accepted &= {proposal.person_id for proposal in proposals}
        self.set_rows(proposals)
        self.acceptedChanged.emit()

    def accepted(self) -> list[int]:
        return [p.person_id for p in self._rows if p.person_id in self._accepted]

    def accept(self, person_id: int, accepted: bool = True) -> None:
        number = next(i for i, p in enumerate(self._rows) if p.person_id == person_id)
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        self.setData(self.index(number, COL_PROPOSAL_NAME), state, Qt.ItemDataRole.CheckStateRole)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_PROPOSAL_NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        proposal, column = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_PROPOSAL_NAME:
            accepted = proposal.person_id in self._accepted
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = {
                COL_PROPOSAL_NAME: proposal.name,
                COL_PROPOSAL_ROW: str(proposal.row),
                COL_CURRENT: proposal.current or NOT_GIVEN,
                COL_PROPOSED: proposal.proposed or NOT_GIVEN,
            }.get(column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(text) if column in (COL_CURRENT, COL_PROPOSED) else None
            return text
        return None

    def setData(
        self,
        index: Index,
        value: object,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != COL_PROPOSAL_NAME
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        person_id = self.row_at(index.row()).person_id
        if _checked(value):
            self._accepted.add(person_id)
        else:
            self._accepted.discard(person_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.acceptedChanged.emit()
        return True
