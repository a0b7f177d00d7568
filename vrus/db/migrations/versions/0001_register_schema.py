"""The whole register schema.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create_collation() -> None:
    # SQLite gets the collation from the connection hook in vrus.db.engine; PostgreSQL needs it
    # as an ICU collation so the name columns sort A..Z, Æ, Ø, Å there too.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE COLLATION IF NOT EXISTS norwegian (provider = icu, locale = 'nb-NO')")


def upgrade() -> None:
    _create_collation()
    op.create_table(
        "ensembles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("short_name", sa.String(length=30), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("next_ensemble_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "min_age IS NULL OR max_age IS NULL OR min_age <= max_age",
            name=op.f("ck_ensembles_age_limits"),
        ),
        sa.ForeignKeyConstraint(
            ["next_ensemble_id"],
            ["ensembles.id"],
            name=op.f("fk_ensembles_next_ensemble_id_ensembles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ensembles")),
        sa.UniqueConstraint("name", name="uq_ensembles_name"),
        sa.UniqueConstraint("short_name", name="uq_ensembles_short_name"),
    )
    op.create_table(
        "guardians",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("last_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guardians")),
    )
    op.create_table(
        "instruments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_nb", sa.String(length=60, collation="norwegian"), nullable=False),
        sa.Column("name_en", sa.String(length=60), nullable=False),
        sa.Column("section", sa.String(length=12), nullable=False),
        sa.Column("hard_to_recruit", sa.Boolean(), nullable=False),
        sa.Column("target_count", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "section IN ('strings', 'woodwind', 'brass', 'percussion', 'other')",
            name=op.f("ck_instruments_section"),
        ),
        sa.CheckConstraint(
            "target_count IS NULL OR target_count >= 0", name=op.f("ck_instruments_target_positive")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instruments")),
        sa.UniqueConstraint("name_en", name="uq_instruments_name_en"),
        sa.UniqueConstraint("name_nb", name="uq_instruments_name_nb"),
    )
    op.create_table(
        "municipalities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("county", sa.String(length=100, collation="norwegian"), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("population_year", sa.Integer(), nullable=True),
        sa.Column("in_region", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("successor_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "population IS NULL OR population >= 0",
            name=op.f("ck_municipalities_population_positive"),
        ),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
            name=op.f("ck_municipalities_valid_period"),
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["municipalities.id"],
            name=op.f("fk_municipalities_successor_id_municipalities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipalities")),
        sa.UniqueConstraint("number", "valid_from", name="uq_municipalities_number_valid_from"),
    )
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_municipalities_number"), ["number"], unique=False)

    op.create_table(
        "seasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_seasons_period")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seasons")),
        sa.UniqueConstraint("name", name="uq_seasons_name"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "municipality_populations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "age IS NULL OR (age >= 0 AND age <= 130)",
            name=op.f("ck_municipality_populations_age_range"),
        ),
        sa.CheckConstraint(
            "persons >= 0", name=op.f("ck_municipality_populations_persons_positive")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_municipality_populations_municipality_id_municipalities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality_populations")),
        sa.UniqueConstraint(
            "municipality_id",
            "year",
            "age",
            name="uq_municipality_populations_municipality_year_age",
        ),
    )
    with op.batch_alter_table("municipality_populations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_municipality_populations_municipality_id"),
            ["municipality_id"],
            unique=False,
        )

    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200, collation="norwegian"), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('culture_school', 'partner', 'funder', 'orchestra', 'talent_programme', 'other')",
            name=op.f("ck_organisations_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_organisations_municipality_id_municipalities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("name", name="uq_organisations_name"),
    )
    op.create_table(
        "contact_persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("last_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_contact_persons_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_persons")),
    )
    with op.batch_alter_table("contact_persons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_persons_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("last_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("gender", sa.String(length=10), nullable=True),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("culture_school_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("postal_code", sa.String(length=4), nullable=True),
        sa.Column("postal_place", sa.String(length=100, collation="norwegian"), nullable=True),
        sa.Column("diet_note", sa.String(length=200), nullable=True),
        sa.Column("photo_consent", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "gender IS NULL OR gender IN ('female', 'male', 'other')",
            name=op.f("ck_persons_gender"),
        ),
        sa.CheckConstraint(
            "postal_code IS NULL OR length(postal_code) = 4", name=op.f("ck_persons_postal_code")
        ),
        sa.ForeignKeyConstraint(
            ["culture_school_id"],
            ["organisations.id"],
            name=op.f("fk_persons_culture_school_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_persons_municipality_id_municipalities"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_first_name"), ["first_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_last_name"), ["last_name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_persons_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["funder_id"],
            ["organisations.id"],
            name=op.f("fk_projects_funder_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("name", name="uq_projects_name"),
    )
    op.create_table(
        "staff_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("last_name", sa.String(length=100, collation="norwegian"), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("section", sa.String(length=12), nullable=True),
        sa.Column("instrument_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role IN ('conductor', 'instructor', 'dextra_musician', 'project_coordinator', 'soloist', 'other')",
            name=op.f("ck_staff_members_role"),
        ),
        sa.CheckConstraint(
            "section IS NULL OR (section IN ('strings', 'woodwind', 'brass', 'percussion', 'other'))",
            name=op.f("ck_staff_members_section"),
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
            name=op.f("fk_staff_members_instrument_id_instruments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_staff_members_organisation_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_members")),
    )
    op.create_table(
        "allergies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("allergen", sa.String(length=100), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "severity IN ('mild', 'moderate', 'severe')", name=op.f("ck_allergies_severity")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_allergies_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allergies")),
        sa.UniqueConstraint("person_id", "allergen", name="uq_allergies_person_id_allergen"),
    )
    with op.batch_alter_table("allergies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_allergies_person_id"), ["person_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=200, collation="norwegian"), nullable=False),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("iris_type", sa.String(length=24), nullable=True),
        sa.Column("audience_count", sa.Integer(), nullable=True),
        sa.Column("signup_deadline", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "iris_type IS NULL OR (iris_type IN ('superhelg', 'inspirasjonskonsert', 'samspilltreff', 'gruppeovelse', 'mesterklasse', 'konsert'))",
            name=op.f("ck_events_iris_type"),
        ),
        sa.CheckConstraint(
            "kind IN ('seminar', 'iris', 'concert', 'rehearsal', 'masterclass')",
            name=op.f("ck_events_kind"),
        ),
        sa.CheckConstraint(
            "audience_count IS NULL OR audience_count >= 0", name=op.f("ck_events_audience")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_events_project_id_projects"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_events_season_id_seasons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_season_id"), ["season_id"], unique=False)

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("ensemble_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("end_note", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "end_reason IS NULL OR (end_reason IN ('aged_out', 'talent_programme', 'moved', 'quit', 'moved_up', 'other'))",
            name=op.f("ck_memberships_end_reason"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_memberships_period")
        ),
        sa.CheckConstraint(
            "end_reason IS NULL OR end_date IS NOT NULL",
            name=op.f("ck_memberships_reason_needs_end"),
        ),
        sa.ForeignKeyConstraint(
            ["ensemble_id"],
            ["ensembles.id"],
            name=op.f("fk_memberships_ensemble_id_ensembles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
            name=op.f("fk_memberships_instrument_id_instruments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_memberships_person_id_persons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_memberships_ensemble_id"), ["ensemble_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_memberships_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_diets",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("diet", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "diet IN ('vegetarian', 'vegan', 'halal', 'no_pork', 'lactose_free', 'gluten_free', 'other')",
            name=op.f("ck_person_diets_diet"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_diets_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "diet", name=op.f("pk_person_diets")),
    )
    op.create_table(
        "person_guardians",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("guardian_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=30), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["guardian_id"],
            ["guardians.id"],
            name=op.f("fk_person_guardians_guardian_id_guardians"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_guardians_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "guardian_id", name=op.f("pk_person_guardians")),
    )
    with op.batch_alter_table("person_guardians", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_guardians_guardian_id"), ["guardian_id"], unique=False
        )

    op.create_table(
        "person_instruments",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("is_main", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
            name=op.f("fk_person_instruments_instrument_id_instruments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_instruments_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "instrument_id", name=op.f("pk_person_instruments")),
    )
    op.create_table(
        "event_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time > start_time",
            name=op.f("ck_event_days_times"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_days_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_days")),
        sa.UniqueConstraint("event_id", "date", name="uq_event_days_event_id_date"),
    )
    with op.batch_alter_table("event_days", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_days_date"), ["date"], unique=False)

    op.create_table(
        "event_ensembles",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("ensemble_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ensemble_id"],
            ["ensembles.id"],
            name=op.f("fk_event_ensembles_ensemble_id_ensembles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_ensembles_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "ensemble_id", name=op.f("pk_event_ensembles")),
    )
    op.create_table(
        "event_partners",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_partners_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_event_partners_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("event_id", "organisation_id", name=op.f("pk_event_partners")),
    )
    op.create_table(
        "signups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("attending", sa.String(length=8), nullable=False),
        sa.Column("wants_lunch", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "attending IN ('yes', 'no', 'unknown')", name=op.f("ck_signups_attending")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_signups_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_signups_person_id_persons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signups")),
        sa.UniqueConstraint("event_id", "person_id", name="uq_signups_event_id_person_id"),
    )
    with op.batch_alter_table("signups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signups_person_id"), ["person_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_day_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('present', 'absent', 'excused')", name=op.f("ck_attendance_status")
        ),
        sa.ForeignKeyConstraint(
            ["event_day_id"],
            ["event_days.id"],
            name=op.f("fk_attendance_event_day_id_event_days"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_attendance_person_id_persons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "event_day_id", "person_id", name="uq_attendance_event_day_id_person_id"
        ),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)

    op.create_table(
        "event_staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("event_day_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("section", sa.String(length=12), nullable=True),
        sa.Column("wants_lunch", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role IN ('conductor', 'instructor', 'dextra_musician', 'project_coordinator', 'soloist', 'other')",
            name=op.f("ck_event_staff_role"),
        ),
        sa.CheckConstraint(
            "section IS NULL OR (section IN ('strings', 'woodwind', 'brass', 'percussion', 'other'))",
            name=op.f("ck_event_staff_section"),
        ),
        sa.ForeignKeyConstraint(
            ["event_day_id"],
            ["event_days.id"],
            name=op.f("fk_event_staff_event_day_id_event_days"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_staff_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_members.id"],
            name=op.f("fk_event_staff_staff_id_staff_members"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_staff")),
        sa.UniqueConstraint(
            "event_id", "staff_id", "event_day_id", name="uq_event_staff_event_id_staff_id_day"
        ),
    )
    with op.batch_alter_table("event_staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_staff_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "volunteer_duties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_day_id", sa.Integer(), nullable=False),
        sa.Column("guardian_id", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(length=20), nullable=False),
        sa.Column("wants_lunch", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "task IN ('lunch', 'coffee_fruit', 'setup_clearing')",
            name=op.f("ck_volunteer_duties_task"),
        ),
        sa.ForeignKeyConstraint(
            ["event_day_id"],
            ["event_days.id"],
            name=op.f("fk_volunteer_duties_event_day_id_event_days"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["guardian_id"],
            ["guardians.id"],
            name=op.f("fk_volunteer_duties_guardian_id_guardians"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_duties")),
        sa.UniqueConstraint(
            "event_day_id", "guardian_id", "task", name="uq_volunteer_duties_day_guardian_task"
        ),
    )
    with op.batch_alter_table("volunteer_duties", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_duties_guardian_id"), ["guardian_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("volunteer_duties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_duties_guardian_id"))

    op.drop_table("volunteer_duties")
    with op.batch_alter_table("event_staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_staff_staff_id"))

    op.drop_table("event_staff")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_person_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("signups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signups_person_id"))

    op.drop_table("signups")
    op.drop_table("event_partners")
    op.drop_table("event_ensembles")
    with op.batch_alter_table("event_days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_days_date"))

    op.drop_table("event_days")
    op.drop_table("person_instruments")
    with op.batch_alter_table("person_guardians", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_guardians_guardian_id"))

    op.drop_table("person_guardians")
    op.drop_table("person_diets")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_person_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_ensemble_id"))

    op.drop_table("memberships")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_season_id"))

    op.drop_table("events")
    with op.batch_alter_table("allergies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_allergies_person_id"))

    op.drop_table("allergies")
    op.drop_table("staff_members")
    op.drop_table("projects")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persons_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_persons_last_name"))
        batch_op.drop_index(batch_op.f("ix_persons_first_name"))

    op.drop_table("persons")
    with op.batch_alter_table("contact_persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_persons_organisation_id"))

    op.drop_table("contact_persons")
    op.drop_table("organisations")
    with op.batch_alter_table("municipality_populations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipality_populations_municipality_id"))

    op.drop_table("municipality_populations")
    op.drop_table("settings")
    op.drop_table("seasons")
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipalities_number"))

    op.drop_table("municipalities")
    op.drop_table("instruments")
    op.drop_table("guardians")
    op.drop_table("ensembles")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP COLLATION IF EXISTS norwegian")
