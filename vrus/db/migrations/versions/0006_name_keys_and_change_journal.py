"""Sort keys beside the persons' names, and a journal of the changes lists depend on.

``persons.last_name_key`` and ``first_name_key`` hold ``vrus.collation.name_key`` of the
names, so 100 000 persons sort by an index instead of calling the Norwegian collation back in
Python for every comparison; the names' own indexes (under that collation) go. The keys are computed here for the persons already registered,
with the key function of this release: a later change of the collation rules is a migration
that computes them again.

``register_changes`` is written by triggers on the tables a member listing reads, so the
window re-reads only the persons changed since it last looked, whoever changed them. The
triggers (``vrus.db.journal``) keep the journal short. SQLite only for now: on PostgreSQL the table stays empty and
readers read everything (``vrus.member_list`` asks ``changes_journalled``).

The columns are added in place (``recreate="never"``): copying ``persons`` would cascade
deletes to every table that refers to it (see 0005).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vrus.collation import name_key
from vrus.db.journal import sqlite_triggers

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000

persons = sa.table(
    "persons",
    sa.column("id", sa.Integer),
    sa.column("first_name", sa.String),
    sa.column("last_name", sa.String),
    sa.column("first_name_key", sa.String),
    sa.column("last_name_key", sa.String),
)


def _key_type() -> sa.String:
    return sa.String(400).with_variant(sa.String(400, collation="C"), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("persons", recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("last_name_key", _key_type(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("first_name_key", _key_type(), nullable=False, server_default="")
        )
    _fill_keys()
    # The names' own indexes go: nothing sorts or searches by them in SQL any more, and each
    # insert into them called the Norwegian collation back in Python (3 million calls for a
    # demo of 100 000 persons).
    op.drop_index("ix_persons_first_name", table_name="persons")
    op.drop_index("ix_persons_last_name", table_name="persons")
    op.create_index("ix_persons_name_keys", "persons", ["last_name_key", "first_name_key", "id"])
    op.create_table(
        "register_changes",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_register_changes")),
        sqlite_autoincrement=True,
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in sqlite_triggers().values():
            op.execute(statement)


def _fill_keys() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(persons.c.id, persons.c.first_name, persons.c.last_name))
    update = (
        persons.update()
        .where(persons.c.id == sa.bindparam("person"))
        .values(first_name_key=sa.bindparam("first_key"), last_name_key=sa.bindparam("last_key"))
    )
    batch = []
    for person_id, first, last in rows.fetchall():
        batch.append(
            {"person": person_id, "first_key": name_key(first), "last_key": name_key(last)}
        )
        if len(batch) == BATCH:
            bind.execute(update, batch)
            batch = []
    if batch:
        bind.execute(update, batch)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in sqlite_triggers():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("register_changes")
    op.drop_index("ix_persons_name_keys", table_name="persons")
    op.create_index("ix_persons_last_name", "persons", ["last_name"])
    op.create_index("ix_persons_first_name", "persons", ["first_name"])
    with op.batch_alter_table("persons", recreate="never") as batch_op:
        batch_op.drop_column("first_name_key")
        batch_op.drop_column("last_name_key")
