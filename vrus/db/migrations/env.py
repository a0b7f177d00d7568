"""Alembic environment. Migrations are run from code (vrus.db.migrate) with a live connection
passed in ``config.attributes["connection"]``; there is no alembic.ini."""

from alembic import context

from vrus.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable when misused from the alembic CLI
    raise RuntimeError("run VRUS migrations through vrus.db.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table, finding constraints by the
    # names from the naming convention.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
