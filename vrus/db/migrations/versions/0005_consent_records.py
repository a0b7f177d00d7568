"""Consent records replace the yes/no field persons.photo_consent.

Every person with photo_consent = true gets a photo consent record that says what the
register knew: no giver, no date (it counts as given), and the text version
"eldre ja/nei-felt" ("the old yes/no field"; ASCII-safe, and the same literal as
``vrus.consents.LEGACY_TEXT_VERSION``). Then the column goes.

Downgrade puts the column back: true for everyone with a photo consent that was never
withdrawn. The records this upgrade made are deleted again where they were never withdrawn
(the column holds them now); a withdrawn one stays, as the withdrawal is not in the column.

The column is dropped and added with SQLite's own ALTER TABLE (``recreate="never"``), never
by copying the table: a copy would drop the old ``persons`` table, and with foreign keys on,
SQLite's implicit DELETE of its rows would cascade to the guardians, allergies and consents
of every person (and stop at their memberships). Lightweight table definitions, not the ORM
models, so later model changes never break this migration.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEGACY_TEXT_VERSION = "eldre ja/nei-felt"
PHOTO = "photo"

persons = sa.table("persons", sa.column("id", sa.Integer), sa.column("photo_consent", sa.Boolean))
consents = sa.table(
    "consents",
    sa.column("id", sa.Integer),
    sa.column("person_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("given_by_guardian_id", sa.Integer),
    sa.column("given_by_self", sa.Boolean),
    sa.column("given_on", sa.Date),
    sa.column("withdrawn_on", sa.Date),
    sa.column("text_version", sa.String),
)


def upgrade() -> None:
    op.execute(
        consents.insert().from_select(
            [
                "person_id",
                "kind",
                "given_by_guardian_id",
                "given_by_self",
                "given_on",
                "withdrawn_on",
                "text_version",
            ],
            sa.select(
                persons.c.id,
                sa.literal(PHOTO),
                sa.null(),
                sa.false(),
                sa.null(),
                sa.null(),
                sa.literal(LEGACY_TEXT_VERSION),
            ).where(persons.c.photo_consent == sa.true()),
        )
    )
    with op.batch_alter_table("persons", recreate="never") as batch_op:
        batch_op.drop_column("photo_consent")


def downgrade() -> None:
    with op.batch_alter_table("persons", recreate="never") as batch_op:
        # A plain string default: SQLite adds the column in place (an SQL expression as the
        # default would make Alembic copy the table).
        batch_op.add_column(
            sa.Column("photo_consent", sa.Boolean(), nullable=False, server_default="0")
        )
    never_withdrawn = sa.and_(consents.c.kind == PHOTO, consents.c.withdrawn_on.is_(None))
    op.execute(
        persons.update()
        .where(persons.c.id.in_(sa.select(consents.c.person_id).where(never_withdrawn)))
        .values(photo_consent=sa.true())
    )
    op.execute(
        consents.delete().where(never_withdrawn, consents.c.text_version == LEGACY_TEXT_VERSION)
    )
