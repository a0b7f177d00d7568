"""The long-running core functions the window starts, passed in rather than imported.

``CoreActions.installed()`` gives the real ones (the demo loader and the member import);
tests pass fakes with the same signatures, or none, and the window disables a button whose
action is ``None`` instead of offering something that cannot work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from vrus.db.engine import Database


class LoadDemo(Protocol):
    def __call__(
        self,
        db: Database,
        *,
        reset: bool = False,
        members: int | None = None,
        today: dt.date | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Any: ...


class ImportMembers(Protocol):
    def __call__(
        self,
        db: Database,
        path: Any,
        *,
        dry_run: bool,
        mapping: dict[str, str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Any: ...


@dataclass(frozen=True)
class CoreActions:
    load_demo: LoadDemo | None = None
    import_members: ImportMembers | None = None

    @classmethod
    def installed(cls) -> CoreActions:
        """The core's own functions. Each is imported when first called (loading the demo,
        importing a file), not when the window is built."""
        return cls(load_demo=_load_demo, import_members=_import_members)


def _load_demo(db: Database, **options: Any) -> Any:
    from vrus.demo import load_demo

    return load_demo(db, **options)


def _import_members(db: Database, path: Any, **options: Any) -> Any:
    from vrus.importing import import_members

    # The window's import is one step of the Members page's undo (its report's ``step``).
    return import_members(db, path, undoable=True, **options)
