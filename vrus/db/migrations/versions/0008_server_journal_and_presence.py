"""Who has the register open, and on PostgreSQL the change journal and change notifications.

``presence`` holds one row per open window (``vrus.presence``): who, on which computer,
since when, last seen when. Both databases.

On PostgreSQL, the journal that 0006 made triggers for on SQLite (``register_changes``: the
persons whose listing a change touched) is written too, by functions and triggers of
``vrus.db.journal``: in commit order, pruned to the same last rows, by every role through
functions that run as the schema's owner. Every change to a table the window shows notifies
the windows listening (``vrus.changes``), which refresh within a second. SQLite gets no new
trigger: a window there polls the file's change counter.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vrus.db.journal import postgresql_drops, postgresql_functions, postgresql_triggers

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "presence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("host", sa.String(length=100), nullable=False),
        sa.Column("program", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presence")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_presence_seen_at"), "presence", ["seen_at"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
        for statement in postgresql_functions(schema).values():
            op.execute(statement)
        for statement in postgresql_triggers(through="0008").values():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in postgresql_drops():
            op.execute(statement)
    op.drop_index(op.f("ix_presence_seen_at"), table_name="presence")
    op.drop_table("presence")
