"""A conflict whose "keep mine" becomes an undoable step, as the action it stands for.

An action recorded with ``vrus.undo.record`` can meet another user's change and raise a
``ConflictError``; the user then settles it (``settle_conflict``), and the save of their own
values is the action that changed the register. ``recorded_conflict`` records that save
over the same rows, and hands the step on, as the action would have.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vrus import undo
from vrus.conflicts import ConflictError
from vrus.db.engine import Database


def recorded_conflict(
    conflict: ConflictError, scope: undo.Scope, done: Callable[[undo.Step], None]
) -> ConflictError:
    """``conflict`` with its "keep mine" recorded over ``scope`` and the step given to
    ``done`` (and so again should that save meet yet another change)."""
    save = conflict.save
    if save is None:
        return conflict

    def keep_mine(db: Database, version: int) -> Any:
        try:
            result, step = undo.record(db, lambda: save(db, version), scope)
        except ConflictError as again:
            raise recorded_conflict(again, scope, done) from None
        done(step)
        return result

    conflict.save = keep_mine
    return conflict
