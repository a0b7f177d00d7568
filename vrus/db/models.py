"""The register's schema as typed SQLAlchemy 2 models.

The schema is created only by the Alembic migrations in ``vrus/db/migrations``; these models
are what the migrations are compared against (a test runs autogenerate and expects nothing).

ON DELETE is chosen per relation on purpose:
- a person's own details (guardian links, instruments, diets, allergies) go with the person;
- history (memberships, sign-ups, attendance, duties) is RESTRICTed: deleting a person or an
  event day that has history fails, so removal must be a deliberate, explicit action;
- references to look-up rows (culture school, successor municipality) are SET NULL where the
  row can live without them, RESTRICT where it cannot (a person's municipality).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from vrus import clock
from vrus.collation import name_key
from vrus.db.enums import (
    AllergySeverity,
    Answer,
    AttendanceStatus,
    AuditAction,
    ConsentKind,
    Diet,
    DutyTask,
    EndReason,
    EventKind,
    Gender,
    IrisType,
    OrganisationKind,
    Section,
    StaffRole,
    check_in,
)

# Alembic's SQLite batch mode finds constraints by these names.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Registered on every SQLite connection by vrus.db.engine (and created as an ICU collation by
# the first migration on PostgreSQL), so ORDER BY on names gives A..Z, Æ, Ø, Å.
COLLATION = "norwegian"


def NameText(length: int = 100) -> String:  # noqa: N802 - reads like a type in the models
    return String(length, collation=COLLATION)


def KeyText() -> String:  # noqa: N802 - reads like a type in the models
    """A ``vrus.collation.name_key``: compared byte by byte, never by a collation."""
    return String(400).with_variant(String(400, collation="C"), "postgresql")


def _key_default(column: str) -> Callable[[DefaultExecutionContext], str]:
    """The key of the name being inserted, for statements that pass names without keys (the
    member import and the demo insert persons in bulk, past the ORM's ``validates``)."""

    def key(context: DefaultExecutionContext) -> str:
        parameters = context.get_current_parameters()  # type: ignore[no-untyped-call]
        return name_key(parameters[column])

    return key


def _now() -> dt.datetime:
    return clock.utc_now()  # stored timestamps are UTC (see vrus.clock)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # SQLAlchemy types __table__ as any FromClause (a model may map a join); every model here
    # maps one Table, and saying so lets core statements such as delete(Model.__table__) check.
    __table__: ClassVar[Table]


class Municipality(Base):
    """A municipality as it existed between ``valid_from`` and ``valid_to``.

    Mergers (2020) and renumberings (2024) make new rows; the old row points to its
    ``successor`` so a member's 2014 municipality stays meaningful in today's terms.
    """

    __tablename__ = "municipalities"
    __table_args__ = (
        UniqueConstraint("number", "valid_from", name="uq_municipalities_number_valid_from"),
        CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="valid_period"
        ),
        CheckConstraint("population IS NULL OR population >= 0", name="population_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(4), index=True)
    name: Mapped[str] = mapped_column(NameText())
    county: Mapped[str | None] = mapped_column(NameText())
    population: Mapped[int | None] = mapped_column(Integer)
    population_year: Mapped[int | None] = mapped_column(Integer)
    in_region: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    successor_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipalities.id", ondelete="SET NULL")
    )

    successor: Mapped[Municipality | None] = relationship(remote_side=[id])
    populations: Mapped[list[MunicipalityPopulation]] = relationship(
        back_populates="municipality", cascade="all, delete-orphan"
    )

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class MunicipalityPopulation(Base):
    """Residents on 1 January of ``year``: the total (``age`` NULL) or one year of age."""

    __tablename__ = "municipality_populations"
    __table_args__ = (
        UniqueConstraint(
            "municipality_id",
            "year",
            "age",
            name="uq_municipality_populations_municipality_year_age",
        ),
        CheckConstraint("persons >= 0", name="persons_positive"),
        CheckConstraint("age IS NULL OR (age >= 0 AND age <= 130)", name="age_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    age: Mapped[int | None] = mapped_column(Integer)
    persons: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(200))

    municipality: Mapped[Municipality] = relationship(back_populates="populations")


class Organisation(Base):
    """Culture schools, partners (Dextra Musica, El Sistema), funders, orchestras."""

    __tablename__ = "organisations"
    __table_args__ = (
        UniqueConstraint("name", name="uq_organisations_name"),
        CheckConstraint(check_in("kind", OrganisationKind), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NameText(200))
    kind: Mapped[str] = mapped_column(String(20), default=OrganisationKind.OTHER.value)
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipalities.id", ondelete="SET NULL")
    )
    website: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    municipality: Mapped[Municipality | None] = relationship()
    contacts: Mapped[list[ContactPerson]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )


class ContactPerson(Base):
    __tablename__ = "contact_persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    first_name: Mapped[str] = mapped_column(NameText())
    last_name: Mapped[str] = mapped_column(NameText())
    role: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))

    organisation: Mapped[Organisation] = relationship(back_populates="contacts")


class Instrument(Base):
    __tablename__ = "instruments"
    __table_args__ = (
        UniqueConstraint("name_nb", name="uq_instruments_name_nb"),
        UniqueConstraint("name_en", name="uq_instruments_name_en"),
        CheckConstraint(check_in("section", Section), name="section"),
        CheckConstraint("target_count IS NULL OR target_count >= 0", name="target_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name_nb: Mapped[str] = mapped_column(NameText(60))
    name_en: Mapped[str] = mapped_column(String(60))
    section: Mapped[str] = mapped_column(String(12))
    hard_to_recruit: Mapped[bool] = mapped_column(Boolean, default=False)
    target_count: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Ensemble(Base):
    __tablename__ = "ensembles"
    __table_args__ = (
        UniqueConstraint("name", name="uq_ensembles_name"),
        UniqueConstraint("short_name", name="uq_ensembles_short_name"),
        CheckConstraint(
            "min_age IS NULL OR max_age IS NULL OR min_age <= max_age", name="age_limits"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NameText())
    short_name: Mapped[str] = mapped_column(String(30))
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Where members of this ensemble move up to: aspirants to the juniors, juniors to the
    # orchestra. Drives the "eligible to move up" flag and the move-up action.
    next_ensemble_id: Mapped[int | None] = mapped_column(
        ForeignKey("ensembles.id", ondelete="SET NULL")
    )

    next_ensemble: Mapped[Ensemble | None] = relationship(remote_side=[id])


class Person(Base):
    """A member, junior or aspirant: which of them follows from the memberships."""

    __tablename__ = "persons"
    __table_args__ = (
        CheckConstraint(f"gender IS NULL OR {check_in('gender', Gender)}", name="gender"),
        CheckConstraint("postal_code IS NULL OR length(postal_code) = 4", name="postal_code"),
        Index("ix_persons_name_keys", "last_name_key", "first_name_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # No index on the names themselves: lists sort and search by the keys below, and an
    # index under the Norwegian collation costs Python calls on every insert.
    first_name: Mapped[str] = mapped_column(NameText())
    last_name: Mapped[str] = mapped_column(NameText())
    # The names' Norwegian sort keys (vrus.collation.name_key), kept with them: lists of
    # 100 000 persons sort and search without a Python call per comparison. Derived from the
    # names, so erasing the names changes them too.
    last_name_key: Mapped[str] = mapped_column(
        KeyText(), default=_key_default("last_name"), server_default=""
    )
    first_name_key: Mapped[str] = mapped_column(
        KeyText(), default=_key_default("first_name"), server_default=""
    )
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(10))
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipalities.id", ondelete="RESTRICT"), index=True
    )
    culture_school_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(4))
    postal_place: Mapped[str | None] = mapped_column(NameText())
    diet_note: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Set when the person's data was erased (vrus.erasure): the row keeps only coarse
    # statistics and is left out of every list, export, lunch list and search.
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Optimistic locking: two windows on one register must not silently overwrite each
    # other's edit of the same person; the ORM checks this counter on every UPDATE.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    municipality: Mapped[Municipality | None] = relationship()
    culture_school: Mapped[Organisation | None] = relationship()
    instruments: Mapped[list[PersonInstrument]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    diets: Mapped[list[PersonDiet]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    allergies: Mapped[list[Allergy]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    guardian_links: Mapped[list[PersonGuardian]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", passive_deletes="all"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @validates("first_name", "last_name")
    def _keep_key(self, column: str, name: str) -> str:
        setattr(self, f"{column}_key", name_key(name))
        return name


class PersonInstrument(Base):
    __tablename__ = "person_instruments"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instruments.id", ondelete="RESTRICT"), primary_key=True
    )
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(back_populates="instruments")
    instrument: Mapped[Instrument] = relationship()


class PersonDiet(Base):
    __tablename__ = "person_diets"
    __table_args__ = (CheckConstraint(check_in("diet", Diet), name="diet"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    diet: Mapped[str] = mapped_column(String(20), primary_key=True)

    person: Mapped[Person] = relationship(back_populates="diets")


class Allergy(Base):
    """An allergy is health data: stored for the lunch list, shown only where needed."""

    __tablename__ = "allergies"
    __table_args__ = (
        UniqueConstraint("person_id", "allergen", name="uq_allergies_person_id_allergen"),
        CheckConstraint(check_in("severity", AllergySeverity), name="severity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    allergen: Mapped[str] = mapped_column(String(100))
    severity: Mapped[str] = mapped_column(String(10), default=AllergySeverity.MILD.value)
    note: Mapped[str | None] = mapped_column(String(200))

    person: Mapped[Person] = relationship(back_populates="allergies")


class Guardian(Base):
    """A parent or guardian; siblings share the same guardian rows (one family)."""

    __tablename__ = "guardians"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(NameText())
    last_name: Mapped[str] = mapped_column(NameText())
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    child_links: Mapped[list[PersonGuardian]] = relationship(
        back_populates="guardian", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PersonGuardian(Base):
    __tablename__ = "person_guardians"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    guardian_id: Mapped[int] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str | None] = mapped_column(String(30))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="guardian_links")
    guardian: Mapped[Guardian] = relationship(back_populates="child_links")


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period"),
        CheckConstraint(
            f"end_reason IS NULL OR ({check_in('end_reason', EndReason)})", name="end_reason"
        ),
        CheckConstraint("end_reason IS NULL OR end_date IS NOT NULL", name="reason_needs_end"),
        CheckConstraint(f"section IS NULL OR ({check_in('section', Section)})", name="section"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )
    ensemble_id: Mapped[int] = mapped_column(
        ForeignKey("ensembles.id", ondelete="RESTRICT"), index=True
    )
    instrument_id: Mapped[int | None] = mapped_column(
        ForeignKey("instruments.id", ondelete="RESTRICT")
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    end_note: Mapped[str | None] = mapped_column(String(200))
    # The section of the instrument, kept when an erasure removes the instrument itself
    # (one bassoon in a birth year and municipality would name the child).
    section: Mapped[str | None] = mapped_column(String(12))
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    person: Mapped[Person] = relationship(back_populates="memberships")
    ensemble: Mapped[Ensemble] = relationship()
    instrument: Mapped[Instrument | None] = relationship()


class Season(Base):
    __tablename__ = "seasons"
    __table_args__ = (
        UniqueConstraint("name", name="uq_seasons_name"),
        CheckConstraint("end_date >= start_date", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)


class Project(Base):
    """A funded project the orchestra takes part in, such as IRIS."""

    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("name", name="uq_projects_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NameText())
    description: Mapped[str | None] = mapped_column(Text)
    funder_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )

    funder: Mapped[Organisation | None] = relationship()


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(check_in("kind", EventKind), name="kind"),
        CheckConstraint(
            f"iris_type IS NULL OR ({check_in('iris_type', IrisType)})", name="iris_type"
        ),
        CheckConstraint("audience_count IS NULL OR audience_count >= 0", name="audience"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = mapped_column(
        ForeignKey("seasons.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(NameText(200))
    venue: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    iris_type: Mapped[str | None] = mapped_column(String(24))
    audience_count: Mapped[int | None] = mapped_column(Integer)
    signup_deadline: Mapped[dt.date | None] = mapped_column(Date)
    # A cancelled event stays in the register (its sign-ups, the season's history); the
    # calendar marks it cancelled, so the families' calendars drop it.
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # When the event or its days last changed (UTC; None: not since migration 0009). Set by
    # the core with every such change, which also raises ``version``: the calendar's
    # SEQUENCE, so that calendars take an updated event as an update.
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    season: Mapped[Season] = relationship()
    project: Mapped[Project | None] = relationship()
    days: Mapped[list[EventDay]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EventDay.date",
    )
    invited: Mapped[list[EventEnsemble]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    partners: Mapped[list[EventPartner]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class EventDay(Base):
    """One day of an event; times matter for course-grant hours."""

    __tablename__ = "event_days"
    __table_args__ = (
        UniqueConstraint("event_id", "date", name="uq_event_days_event_id_date"),
        CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time > start_time", name="times"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    event: Mapped[Event] = relationship(back_populates="days")


class EventEnsemble(Base):
    """An ensemble invited to an event."""

    __tablename__ = "event_ensembles"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    ensemble_id: Mapped[int] = mapped_column(
        ForeignKey("ensembles.id", ondelete="RESTRICT"), primary_key=True
    )

    event: Mapped[Event] = relationship(back_populates="invited")
    ensemble: Mapped[Ensemble] = relationship()


class EventPartner(Base):
    """A partner organisation at an event: Dextra Musica, a co-performing school orchestra."""

    __tablename__ = "event_partners"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), primary_key=True
    )
    role: Mapped[str | None] = mapped_column(String(100))

    event: Mapped[Event] = relationship(back_populates="partners")
    organisation: Mapped[Organisation] = relationship()


class SignUp(Base):
    __tablename__ = "signups"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id", name="uq_signups_event_id_person_id"),
        CheckConstraint(check_in("attending", Answer), name="attending"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )
    attending: Mapped[str] = mapped_column(String(8), default=Answer.UNKNOWN.value)
    wants_lunch: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(String(500))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    event: Mapped[Event] = relationship()
    person: Mapped[Person] = relationship()
    absences: Mapped[list[SignUpAbsence]] = relationship(
        back_populates="signup", cascade="all, delete-orphan", passive_deletes=True
    )


class SignUpAbsence(Base):
    """A day of the event that a person who signed up "yes" will not come (a web form's
    answer per day): that day's lunch and attendance list leave the person out. Meaningful
    only with a "yes"; the core removes them with any other answer."""

    __tablename__ = "signup_absences"
    __table_args__ = (
        UniqueConstraint(
            "signup_id", "event_day_id", name="uq_signup_absences_signup_id_event_day_id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    signup_id: Mapped[int] = mapped_column(ForeignKey("signups.id", ondelete="CASCADE"))
    event_day_id: Mapped[int] = mapped_column(
        ForeignKey("event_days.id", ondelete="CASCADE"), index=True
    )

    signup: Mapped[SignUp] = relationship(back_populates="absences")
    event_day: Mapped[EventDay] = relationship()


class Attendance(Base):
    """Attendance for one person on one event day; no row means "not recorded"."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("event_day_id", "person_id", name="uq_attendance_event_day_id_person_id"),
        CheckConstraint(check_in("status", AttendanceStatus), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_day_id: Mapped[int] = mapped_column(ForeignKey("event_days.id", ondelete="RESTRICT"))
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    event_day: Mapped[EventDay] = relationship()
    person: Mapped[Person] = relationship()


class StaffMember(Base):
    """Conductor, instructors, Dextra musicians, the project coordinator."""

    __tablename__ = "staff_members"
    __table_args__ = (
        CheckConstraint(check_in("role", StaffRole), name="role"),
        CheckConstraint(f"section IS NULL OR ({check_in('section', Section)})", name="section"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(NameText())
    last_name: Mapped[str] = mapped_column(NameText())
    role: Mapped[str] = mapped_column(String(20), default=StaffRole.INSTRUCTOR.value)
    section: Mapped[str | None] = mapped_column(String(12))
    instrument_id: Mapped[int | None] = mapped_column(
        ForeignKey("instruments.id", ondelete="SET NULL")
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    instrument: Mapped[Instrument | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class EventStaff(Base):
    """A staff member at an event, on one day (``event_day_id``) or all days (NULL)."""

    __tablename__ = "event_staff"
    __table_args__ = (
        UniqueConstraint(
            "event_id", "staff_id", "event_day_id", name="uq_event_staff_event_id_staff_id_day"
        ),
        CheckConstraint(check_in("role", StaffRole), name="role"),
        CheckConstraint(f"section IS NULL OR ({check_in('section', Section)})", name="section"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="RESTRICT"), index=True
    )
    event_day_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_days.id", ondelete="CASCADE")
    )
    role: Mapped[str] = mapped_column(String(20))
    section: Mapped[str | None] = mapped_column(String(12))
    wants_lunch: Mapped[bool] = mapped_column(Boolean, default=True)

    event: Mapped[Event] = relationship()
    staff: Mapped[StaffMember] = relationship()
    event_day: Mapped[EventDay | None] = relationship()


class VolunteerDuty(Base):
    """A parent on duty for the friends' association on one seminar day."""

    __tablename__ = "volunteer_duties"
    __table_args__ = (
        UniqueConstraint(
            "event_day_id", "guardian_id", "task", name="uq_volunteer_duties_day_guardian_task"
        ),
        CheckConstraint(check_in("task", DutyTask), name="task"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_day_id: Mapped[int] = mapped_column(ForeignKey("event_days.id", ondelete="RESTRICT"))
    guardian_id: Mapped[int] = mapped_column(
        ForeignKey("guardians.id", ondelete="RESTRICT"), index=True
    )
    task: Mapped[str] = mapped_column(String(20))
    wants_lunch: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(String(200))
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    event_day: Mapped[EventDay] = relationship()
    guardian: Mapped[Guardian] = relationship()


class Consent(Base):
    """A consent as given: what, by whom (a guardian, or the member), when, to which text.

    Withdrawing sets ``withdrawn_on``; the record stays, so the register can show what was
    agreed when a photo was published."""

    __tablename__ = "consents"
    __table_args__ = (
        CheckConstraint(check_in("kind", ConsentKind), name="kind"),
        CheckConstraint(
            "withdrawn_on IS NULL OR given_on IS NULL OR withdrawn_on >= given_on",
            name="period",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    # Given by a guardian (the row) or by the member (``given_by_self``); neither when the
    # register only knew "yes" (a consent carried over from the old yes/no field).
    given_by_guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardians.id", ondelete="SET NULL")
    )
    given_by_self: Mapped[bool] = mapped_column(Boolean, default=False)
    given_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    text_version: Mapped[str | None] = mapped_column(String(40))
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}

    person: Mapped[Person] = relationship()
    given_by_guardian: Mapped[Guardian | None] = relationship()


class RegisterChange(Base):
    """A row of the register's change journal: the person whose listing a change touched.

    Written by database triggers (migration 0006), never by the program, so every writer is
    seen: the ORM, bulk inserts, another window on the same file. A change to the ensembles,
    instruments, municipalities or organisations that every listing depends on is a row
    without a person. Readers (``vrus.member_list.MemberIndex``) remember the last ``seq``
    they saw and re-read only the persons named since; the journal keeps the last few
    thousand rows, and a reader that finds its place pruned reads everything again."""

    __tablename__ = "register_changes"
    __table_args__ = {"sqlite_autoincrement": True}  # a seq is never used twice

    seq: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(Integer)


class AuditEntry(Base):
    """Who changed what, and who exported or printed health data, and when.

    Field names only, never values: the trail must not become a second copy of the data.
    ``person_id`` is the person the entry is about (erased with them); no foreign key, so an
    entry can outlive a deleted guardian row."""

    __tablename__ = "audit_entries"
    __table_args__ = (CheckConstraint(check_in("action", AuditAction), name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str | None] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    fields: Mapped[str | None] = mapped_column(String(500))
    what: Mapped[str | None] = mapped_column(String(200))


class Setting(Base):
    """Register-wide settings shared by all users of the database (e.g. course-grant rules)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    # The edit counter (see Person.version): a save that lost the race is refused.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}


class Presence(Base):
    """Who has the register open now: one row per window (``vrus.presence``).

    The window writes its row when it opens, refreshes ``seen_at`` every half minute and
    deletes the row when it closes; a row not seen for a minute and a half belongs to a
    window that crashed or lost its connection and is not shown (nobody has to remove a
    stale lock). Only the adult user's login name and the computer's name: nothing about the
    register's persons. Not in the change journal, and its heartbeat notifies nobody."""

    __tablename__ = "presence"
    # An id is never used twice: a window whose row went must not beat another's heart.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(String(100))
    host: Mapped[str] = mapped_column(String(100))
    program: Mapped[str] = mapped_column(String(40))
    role: Mapped[str | None] = mapped_column(String(20))  # vrus.server.roles.Role; None: unknown
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
