"""Privacy: erased persons, the section kept after an erasure, consent records, an audit
trail, and an identity for the register (so an erasure journal never touches another
register's rows).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SECTIONS = "'strings', 'woodwind', 'brass', 'percussion', 'other'"
CONSENT_KINDS = "'photo', 'name_publication', 'health_data'"
AUDIT_ACTIONS = "'create', 'update', 'delete', 'export', 'print', 'erase'"

settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    # SQLite's own ALTER TABLE, never a copy of the table: with foreign keys on, dropping the
    # old ``persons`` would cascade to guardian links, allergies and consents.
    with op.batch_alter_table("persons", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(sa.Column("section", sa.String(length=12), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_memberships_section"), f"section IS NULL OR (section IN ({SECTIONS}))"
        )
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("given_by_guardian_id", sa.Integer(), nullable=True),
        sa.Column("given_by_self", sa.Boolean(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("text_version", sa.String(length=40), nullable=True),
        sa.CheckConstraint(f"kind IN ({CONSENT_KINDS})", name=op.f("ck_consents_kind")),
        sa.CheckConstraint(
            "withdrawn_on IS NULL OR given_on IS NULL OR withdrawn_on >= given_on",
            name=op.f("ck_consents_period"),
        ),
        sa.ForeignKeyConstraint(
            ["given_by_guardian_id"],
            ["guardians.id"],
            name=op.f("fk_consents_given_by_guardian_id_guardians"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_consents_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_person_id"), ["person_id"], unique=False)
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=True),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.String(length=500), nullable=True),
        sa.Column("what", sa.String(length=200), nullable=True),
        sa.CheckConstraint(f"action IN ({AUDIT_ACTIONS})", name=op.f("ck_audit_entries_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entries_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_person_id"), ["person_id"], unique=False)
    # The register's identity, made once: an erasure journal entry names the register it
    # belongs to, and a restored backup of this register keeps the same identity.
    op.bulk_insert(settings, [{"key": "register_id", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.execute(settings.delete().where(settings.c.key == "register_id"))
    op.drop_table("audit_entries")
    op.drop_table("consents")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_memberships_section"), type_="check")
        batch_op.drop_column("section")
    with op.batch_alter_table("persons", recreate="never") as batch_op:
        batch_op.drop_column("erased_at")
