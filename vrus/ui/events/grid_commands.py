"""What a key in the sign-up and attendance grid does, and its undo.

Each change is saved at once through the core (``set_signup``, ``record_attendance``), then
pushed as a command holding the values before and after; undo and redo write those values
back through the same core calls. Like the register's undo, the change is made before the
command is pushed, so the first ``redo`` (which ``QUndoStack.push`` calls) does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from vrus.attendance import record_attendance
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus
from vrus.signups import set_signup
from vrus.ui.events.signup_grid_model import Snapshot

# What a key means in each kind of column; letters in Norwegian (M, F, G, J) and English
# (P, A, E, Y) both work, they do not collide.
CLEAR_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
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


@dataclass(frozen=True)
class SignupChange:
    event_id: int
    person_id: int
    before: tuple[str, bool]  # (answer, wants lunch)
    after: tuple[str, bool]

    def write(self, db: Database, undo: bool) -> None:
        # Only over what the other way wrote: another user's answer since is a conflict.
        (answer, lunch), (now, now_lunch) = (
            (self.before, self.after) if undo else (self.after, self.before)
        )
        set_signup(
            db,
            self.event_id,
            self.person_id,
            attending=answer,
            wants_lunch=lunch,
            original={"attending": now, "wants_lunch": now_lunch},
        )


@dataclass(frozen=True)
class AttendanceChange:
    day_id: int
    person_id: int
    before: str | None
    after: str | None

    def write(self, db: Database, undo: bool) -> None:
        status, now = (self.before, self.after) if undo else (self.after, self.before)
        record_attendance(db, self.day_id, self.person_id, status, original={"status": now})


Change = SignupChange | AttendanceChange
# Called after an undo or redo with the change to show (the cursor goes to it).
Shown = Callable[[Change], None]
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
        try:
            for change in reversed(self.changes) if undo else self.changes:
                change.write(self._db, undo)
        except Exception as error:  # noqa: BLE001 - reported by the grid, never lost
            self._failed(error)
            return
        self._shown(self.changes[0])


def changes_between(event_id: int, before: Snapshot, after: Snapshot) -> list[Change]:
    """What a bulk action changed, as single changes that can be written back."""
    nothing = (Answer.UNKNOWN.value, False)
    changes: list[Change] = []
    for person in sorted(set(before.signups) | set(after.signups)):
        old, new = before.signups.get(person, nothing), after.signups.get(person, nothing)
        if old != new:
            changes.append(SignupChange(event_id, person, old, new))
    for day, person in sorted(set(before.statuses) | set(after.statuses)):
        old_status = before.statuses.get((day, person))
        new_status = after.statuses.get((day, person))
        if old_status != new_status:
            changes.append(AttendanceChange(day, person, old_status, new_status))
    return changes
