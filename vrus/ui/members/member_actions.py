"""The register edits the Members page and the person editor make, with their undo.

Every edit is one core call (one transaction); the ones that can be undone push a command
on the page's ``QUndoStack``. Afterwards the change is announced on ``RegisterChanges``:
``personChanged`` for an edit of one person's details, ``changed`` when lists must be
queried again (archiving, a new person, a new membership).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from vrus import persons, undo
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.erasure import erase_persons
from vrus.logsetup import error_kind
from vrus.memberships import change_membership_instrument
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.messages import error_text
from vrus.ui.common.undo_commands import InstrumentCommand, PersonChangeCommand, StepCommand
from vrus.undo import Scope

log = logging.getLogger(__name__)
T = TypeVar("T")


class MemberActions(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self, db: Database, changes: RegisterChanges, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self.undo_stack = QUndoStack(self)

    def edit_person(
        self,
        person_id: int,
        values: Mapping[str, Any],
        version: int,
        description: str,
        original: Mapping[str, Any] | None = None,
    ) -> None:
        """Save some fields; raises ValidationError or ConflictError and saves nothing.
        ``version`` and ``original`` are the person as the editor read it: a field another
        user changed meanwhile is a conflict, one they left alone is saved."""
        change = persons.update_person(
            self._db, person_id, values, expected_version=version, original=original
        )
        self.saved(change, description)

    def saved(self, change: persons.Change, description: str) -> None:
        """An edit already saved (also one a conflict's "keep mine" wrote): undoable."""
        self.undo_stack.push(
            PersonChangeCommand(self._db, [change], description, self._notify, self._undo_failed)
        )
        self._notify(change.person_id, False)

    def archive(self, person_ids: Sequence[int], description: str) -> None:
        changes = persons.archive_persons(self._db, person_ids)  # one transaction
        self.undo_stack.push(
            PersonChangeCommand(
                self._db, changes, description, self._notify, self._undo_failed, relist=True
            )
        )
        self._changes.changed.emit()

    def restore(self, person_id: int, description: str) -> None:
        change = persons.restore_person(self._db, person_id)
        self.undo_stack.push(
            PersonChangeCommand(
                self._db, [change], description, self._notify, self._undo_failed, relist=True
            )
        )
        self._changes.changed.emit()

    def change_instrument(
        self,
        person_id: int,
        membership_id: int,
        instrument_id: int | None,
        description: str,
        version: int | None = None,
        shown: int | None = None,
    ) -> None:
        """Set a membership's instrument; ``version`` and ``shown`` (the instrument the panel
        showed) as read: another user's choice made meanwhile is a ConflictError."""
        previous = change_membership_instrument(
            self._db,
            membership_id,
            instrument_id,
            expected_version=version,
            original=None if version is None else {"instrument_id": shown},
        )
        self.instrument_saved(person_id, membership_id, previous, instrument_id, description)

    def instrument_saved(
        self,
        person_id: int,
        membership_id: int,
        previous: int | None,
        instrument_id: int | None,
        description: str,
    ) -> None:
        """An instrument already set (also by a conflict's "keep mine"): undoable."""
        if previous == instrument_id:
            return
        self.undo_stack.push(
            InstrumentCommand(
                self._db,
                person_id,
                membership_id,
                previous,
                instrument_id,
                description,
                self._notify,
                self._undo_failed,
            )
        )
        self._notify(person_id, False)

    def record(
        self,
        description: str,
        action: Callable[[], T],
        scope: Scope,
        *,
        extra: Callable[[T], Scope] | None = None,
    ) -> T:
        """Run ``action`` (core calls) as one undoable step named ``description``, over the
        rows of ``scope`` (``extra``: those of the rows it creates; ``vrus.undo.record``).
        The caller announces the change, as for any edit."""
        result, step = undo.record(self._db, action, scope, extra=extra)
        self.step_done(step, description)
        return result

    def step_done(self, step: undo.Step, description: str) -> None:
        """A recorded action: undoable, unless it changed nothing."""
        if step.changed:
            self.undo_stack.push(
                StepCommand(self._db, step, description, self._notify, self._undo_failed)
            )

    def recorded(self, conflict: ConflictError, description: str, scope: Scope) -> ConflictError:
        """``conflict`` (of an action recorded with ``record``) whose "keep mine" is
        recorded as the undoable step instead (and so on, should it conflict again)."""
        save = conflict.save
        if save is None:
            return conflict

        def keep_mine(db: Database, version: int) -> Any:
            try:
                result, step = undo.record(db, lambda: save(db, version), scope)
            except ConflictError as again:
                raise self.recorded(again, description, scope) from None
            self.step_done(step, description)
            return result

        conflict.save = keep_mine
        return conflict

    def erase(self, person_id: int) -> None:
        erase_persons(self._db, [person_id])
        # The stack holds the names and details that were just erased (an undo would write
        # them back): it must go, whatever else it held.
        self.undo_stack.clear()
        self._changes.changed.emit()

    def _notify(self, person_id: int, relist: bool) -> None:
        if relist:
            self._changes.changed.emit()
        else:
            self._changes.personChanged.emit(person_id)

    def _undo_failed(self, error: BaseException) -> None:
        log.warning("undo or redo failed: %s", error_kind(error))
        self.message.emit(
            self.tr("That could not be undone: {reason}").format(reason=error_text(error))
        )
        # What is left on the stack may describe a register that no longer exists. Cleared
        # once the stack's undo() has returned: clearing inside it deletes the command that
        # is still running (a crash).
        QTimer.singleShot(0, self.undo_stack.clear)
        self._changes.changed.emit()
