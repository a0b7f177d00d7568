"""Cancelled events, when an event last changed, and the days a signed-up person skips.

``events.cancelled`` keeps a cancelled event in the register and marks it in the season
calendar; ``events.changed_at`` is when the event or its days last changed (the calendar's
LAST-MODIFIED). ``signup_absences`` holds the days a person who answered "yes" will not come,
as families answer per day in a web form. On PostgreSQL the new table notifies the windows
like the other tables (``vrus.db.journal``).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vrus.db.journal import LATER_NOTIFIED_TABLES, postgresql_triggers

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("cancelled", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("changed_at", sa.DateTime(), nullable=True))
    op.create_table(
        "signup_absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signup_id", sa.Integer(), nullable=False),
        sa.Column("event_day_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signup_id"],
            ["signups.id"],
            name=op.f("fk_signup_absences_signup_id_signups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_day_id"],
            ["event_days.id"],
            name=op.f("fk_signup_absences_event_day_id_event_days"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signup_absences")),
        sa.UniqueConstraint(
            "signup_id", "event_day_id", name="uq_signup_absences_signup_id_event_day_id"
        ),
    )
    op.create_index(op.f("ix_signup_absences_event_day_id"), "signup_absences", ["event_day_id"])
    if op.get_bind().dialect.name == "postgresql":
        for (table, _name), statement in postgresql_triggers(through="0009").items():
            if table in LATER_NOTIFIED_TABLES["0009"]:
                op.execute(statement)


def downgrade() -> None:
    # Dropping the table drops its triggers on PostgreSQL.
    op.drop_index(op.f("ix_signup_absences_event_day_id"), table_name="signup_absences")
    op.drop_table("signup_absences")
    with op.batch_alter_table("events", recreate="never") as batch_op:
        batch_op.drop_column("changed_at")
        batch_op.drop_column("cancelled")
