"""What a key or a click in the sign-up and attendance grid does, and its undo.

Each change is saved at once through the core (one cell: ``set_signup``,
``record_attendance``; a range: ``write_grid``), then pushed as a command holding the values
before and after; undo and redo write those values back through ``write_grid``, all the
changes of a command in one transaction. Like the register's undo, the change is made before
the command is pushed, so the first ``redo`` (which ``QUndoStack.push`` calls) does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from vrus.attendance import AttendanceWrite, write_grid
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus
from vrus.signups import SignupState, SignupWrite
from vrus.ui.events.signup_grid_model import Snapshot

# What a key means in each kind of column; letters in Norwegian (M, F, G, J) and English
# (P, A, E, Y) both work, they do not collide.
# Space gives the next value, like a click (``SignupGridPanel.handle_key``).
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ATTENDANCE_KEYS: dict[int, str | None] = {
    Qt.Key.Key_M: AttendanceStatus.PRESENT.value,
    Qt.Key.Key_P: AttendanceStatus.PRESENT.value,
    Qt.Key.Key_F: AttendanceStatus.ABSENT.value,
    Qt.Key.Key_A: AttendanceStatus.ABSENT.value,
    Qt.Key.Key_G: AttendanceStatus.EXCUSED.value,
    Qt.Key.Key_E: AttendanceStatus.EXCUSED.value,
    **{key: None for key in CLEAR_KEYS},
}
ANSWER_KEYS: dict[int, str] = {
    Qt.Key.Key_J: Answer.YES.value,
    Qt.Key.Key_Y: Answer.YES.value,
    Qt.Key.Key_N: Answer.NO.value,
    **{key: Answer.UNKNOWN.value for key in CLEAR_KEYS},
}
TOGGLE = "toggle"
LUNCH_KEYS: dict[int, bool | str] = {
    Qt.Key.Key_L: TOGGLE,
    Qt.Key.Key_Space: TOGGLE,
    Qt.Key.Key_J: True,
    Qt.Key.Key_Y: True,
    Qt.Key.Key_N: False,
    Qt.Key.Key_Delete: False,
    Qt.Key.Key_Backspace: False,
}


# What a click does: the next value in turn (the same order as the keys' letters).
ANSWER_CYCLE = (Answer.UNKNOWN.value, Answer.YES.value, Answer.NO.value)
STATUS_CYCLE: tuple[str | None, ...] = (
    None,
    AttendanceStatus.PRESENT.value,
    AttendanceStatus.ABSENT.value,
    AttendanceStatus.EXCUSED.value,
)


def next_answer(answer: str) -> str:
    return ANSWER_CYCLE[(ANSWER_CYCLE.index(answer) + 1) % len(ANSWER_CYCLE)]


def next_status(status: str | None) -> str | None:
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


@dataclass(frozen=True)
class SignupChange:
    """A sign-up from ``before`` to ``after`` (None: no row, not answered)."""

    event_id: int
    person_id: int
    before: SignupState | None
    after: SignupState | None

    def write(self, undo: bool) -> SignupWrite:
        # Only over what the other way wrote: another user's answer since is a conflict.
        old, new = (self.after, self.before) if undo else (self.before, self.after)
        return SignupWrite(self.event_id, self.person_id, old, new)


@dataclass(frozen=True)
class AttendanceChange:
    day_id: int
    person_id: int
    before: str | None
    after: str | None

    def write(self, undo: bool) -> AttendanceWrite:
        old, new = (self.after, self.before) if undo else (self.before, self.after)
        return AttendanceWrite(self.day_id, self.person_id, old, new)


Change = SignupChange | AttendanceChange
# Called after an undo or redo with the changes to show (the cursor goes to them).
Shown = Callable[[Sequence[Change]], None]
Failed = Callable[[BaseException], None]


class GridCommand(QUndoCommand):
    def __init__(
        self, db: Database, changes: Sequence[Change], text: str, shown: Shown, failed: Failed
    ) -> None:
        super().__init__(text)
        self._db = db
        self.changes = list(changes)
        self._shown = shown
        self._failed = failed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # already saved when pushed
            return
        self._write(undo=False)

    def undo(self) -> None:
        self._write(undo=True)

    def _write(self, undo: bool) -> None:
        # One transaction each way: a range or a bulk action is undone whole, or not at all.
        changes = reversed(self.changes) if undo else self.changes
        try:
            write_grid(self._db, [change.write(undo) for change in changes])
        except Exception as error:  # noqa: BLE001 - reported by the grid, never lost
            self._failed(error)
            return
        self._shown(self.changes)


def changes_between(event_id: int, before: Snapshot, after: Snapshot) -> list[Change]:
    """What a bulk action changed, as single changes that can be written back."""
    changes: list[Change] = []
    for person in sorted(set(before.signups) | set(after.signups)):
        old, new = before.signups.get(person), after.signups.get(person)
        if old != new:
            changes.append(SignupChange(event_id, person, old, new))
    for day, person in sorted(set(before.statuses) | set(after.statuses)):
        old_status = before.statuses.get((day, person))
        new_status = after.statuses.get((day, person))
        if old_status != new_status:
            changes.append(AttendanceChange(day, person, old_status, new_status))
    return changes
