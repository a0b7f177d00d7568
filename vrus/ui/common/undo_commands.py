"""Undo and redo of register edits (Ctrl+Z, Ctrl+Shift+Z) as calls back into the core.

The edit itself is made before its command is pushed, so a refused value never reaches the
stack; a command's first ``redo`` (which QUndoStack.push calls) therefore does nothing.
Later undos and redos apply the ``Change`` the core returned, which holds the values before
and after.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from vrus import persons, undo
from vrus.db.engine import Database
from vrus.memberships import change_membership_instrument
from vrus.persons import Change

# Called after every undo and redo: (person id, whether lists must be queried again).
Notify = Callable[[int, bool], None]
Failed = Callable[[BaseException], None]


class _Done(QUndoCommand):
    def __init__(self, text: str, notify: Notify, failed: Failed) -> None:
        super().__init__(text)
        self._notify = notify
        self._failed = failed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # already done when pushed
            return
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._backward)

    def _run(self, step: Callable[[], None]) -> None:
        # An undo can meet a register that moved on (the person removed for good meanwhile);
        # the stack is then cleared by whoever handles the failure.
        try:
            step()
        except Exception as error:  # noqa: BLE001 - reported, never lost
            self._failed(error)

    def _forward(self) -> None:
        raise NotImplementedError

    def _backward(self) -> None:
        raise NotImplementedError


class PersonChangeCommand(_Done):
    """One or more persons' field edits, archivings or restorings."""

    def __init__(
        self,
        db: Database,
        changes: Sequence[Change],
        text: str,
        notify: Notify,
        failed: Failed,
        *,
        relist: bool = False,
    ) -> None:
        super().__init__(text, notify, failed)
        self._db = db
        self._applied = list(changes)
        self._reverted: list[Change] = []
        self._relist = relist

    # One transaction each way: archiving ten persons is undone for all ten, or for none.
    def _backward(self) -> None:
        self._reverted = persons.undo_changes(self._db, self._applied)
        self._announce()

    def _forward(self) -> None:
        self._applied = persons.undo_changes(self._db, self._reverted)
        self._announce()

    def _announce(self) -> None:
        if self._relist and self._applied:  # lists read again once, for any number
            self._notify(self._applied[0].person_id, True)
            return
        for change in self._applied:
            self._notify(change.person_id, False)


class InstrumentCommand(_Done):
    """A membership's instrument changed from ``previous`` to ``new``."""

    def __init__(
        self,
        db: Database,
        person_id: int,
        membership_id: int,
        previous: int | None,
        new: int | None,
        text: str,
        notify: Notify,
        failed: Failed,
    ) -> None:
        super().__init__(text, notify, failed)
        self._db = db
        self._person_id = person_id
        self._membership_id = membership_id
        self._previous = previous
        self._new = new

    # Each way only over the instrument the other way set: one another user chose since is
    # a conflict (reported as a failed undo), never overwritten.
    def _backward(self) -> None:
        change_membership_instrument(
            self._db, self._membership_id, self._previous, original={"instrument_id": self._new}
        )
        self._notify(self._person_id, False)

    def _forward(self) -> None:
        change_membership_instrument(
            self._db, self._membership_id, self._new, original={"instrument_id": self._previous}
        )
        self._notify(self._person_id, False)


class StepCommand(_Done):
    """Any action recorded by ``vrus.undo`` (a new person, a move up, a guardian removed):
    undone and redone in one transaction each, over the rows as the action left them."""

    def __init__(
        self, db: Database, step: undo.Step, text: str, notify: Notify, failed: Failed
    ) -> None:
        super().__init__(text, notify, failed)
        self._db = db
        self._step = step

    def _backward(self) -> None:
        undo.undo(self._db, self._step)
        self._announce()

    def _forward(self) -> None:
        undo.redo(self._db, self._step)
        self._announce()

    def _announce(self) -> None:
        # Lists read again: such a step can add or remove a person, or change a membership.
        self._notify(min(self._step.person_ids, default=0), True)
