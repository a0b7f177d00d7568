"""The database layer: models, engine set-up, migrations and the SQLite file's health. No Qt
here, and nothing from the layers above (opening a register with its checks and backups is
``vrus.opening``).

``Database``, ``connect`` and ``resolve_url`` are ``vrus.db.engine``'s, fetched when first
asked for: importing a light module of the package (``vrus.db.enums`` for ``vrus --help``)
then loads no SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vrus.db.engine import Database, connect, resolve_url

__all__ = ["Database", "connect", "resolve_url"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from vrus.db import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
