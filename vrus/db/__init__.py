"""The database layer: models, engine set-up, migrations and the SQLite file's health. No Qt
here, and nothing from the layers above (opening a register with its checks and backups is
``vrus.opening``)."""

from vrus.db.engine import Database, connect, resolve_url

__all__ = ["Database", "connect", "resolve_url"]
