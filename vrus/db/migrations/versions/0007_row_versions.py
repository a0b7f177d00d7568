"""A version counter on every row users edit, so a save that lost a race is noticed.

``persons`` has had one since the first schema; this adds the same column (INTEGER NOT NULL,
1 for the rows already there) to the other rows the window and the command line change in
place: guardians, memberships, events and their days, sign-ups, attendance, the parents'
duties, consents (withdrawn in place) and the register's settings. The ORM raises the
counter on every UPDATE it makes and refuses one whose counter moved meanwhile
(``version_id_col``); ``vrus.conflicts`` turns that into a conflict the user resolves.
Staff, staff assignments and the reference tables are added and removed, not edited in
place, and keep no counter.

The columns are added in place (``recreate="never"``): copying a table would cascade deletes
to every table that refers to it (see 0005).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A literal list, not read from the models: later model changes never change this migration.
VERSIONED_TABLES = (
    "guardians",
    "memberships",
    "events",
    "event_days",
    "signups",
    "attendance",
    "volunteer_duties",
    "consents",
    "settings",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, recreate="never") as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
            )


def downgrade() -> None:
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table, recreate="never") as batch_op:
            batch_op.drop_column("version")
