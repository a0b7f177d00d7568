"""The core functions the window starts, looked up once and passed in.

The demo loader (``vrus.demo``) and the importer (``vrus.importing``) are written alongside
the window; a build without one of them gets ``None`` here and the window disables the
matching button instead of offering something that cannot work. Tests pass fakes with the
same signatures.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from vrus.db.engine import Database


class LoadDemo(Protocol):
    def __call__(self, db: Database, *, reset: bool = False, members: int | None = None,
                 today: dt.date | None = None,
                 progress: Callable[[int, int], None] | None = None) -> Any: ...


class ImportMembers(Protocol):
    def __call__(self, db: Database, path: Any, *, dry_run: bool,
                 mapping: dict[str, str] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> Any: ...


@dataclass(frozen=True)
class CoreActions:
    load_demo: LoadDemo | None = None
    import_members: ImportMembers | None = None

    @classmethod
    def installed(cls) -> CoreActions:
        return cls(load_demo=_optional("vrus.demo", "load_demo"),
                   import_members=_optional("vrus.importing", "import_members"))


def _optional(module: str, name: str) -> Any:
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name == module:
            return None
        raise  # the module exists but one of its own imports is missing: a real bug
    # None also while the module is still being written and lacks the function.
    return getattr(found, name, None)
