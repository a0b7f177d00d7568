"""The database layer: models, engine set-up and migrations. No Qt here."""

from vrus.db.engine import Database, connect, resolve_url
from vrus.db.migrate import open_database

__all__ = ["Database", "connect", "open_database", "resolve_url"]
