"""Permissions the database enforces: each VRUS role connects with plain SQL and is refused
what it must not see, and runs the core functions it needs with the coordinator's figures.

The register here is the demo, on a database of its own on the test run's PostgreSQL server,
set up with ``vrus.server.roles.setup`` and a login per role (names unique to the database:
roles are the whole cluster's).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, delete, func, select, text
from sqlalchemy.exc import ProgrammingError

from tests import pg_server as pg_server_module
from tests.conftest import test_today
from vrus import audit
from vrus.attendance import attendance_grid, mark_signed_up_present, record_attendance
from vrus.db.engine import Database, connect
from vrus.db.enums import AllergySeverity, AttendanceStatus, DutyTask, EventKind
from vrus.db.models import (
    Allergy,
    Attendance,
    AuditEntry,
    Event,
    EventDay,
    Guardian,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    Season,
    SignUp,
    VolunteerDuty,
)
from vrus.demo import load_demo
from vrus.duties import assign_duty, season_roster, set_duty_lunch, unassign_duty
from vrus.errors import VrusError
from vrus.lunch import lunch_plan
from vrus.member_list import NameRow, name_rows, named_person, rows_for
from vrus.opening import open_database
from vrus.reports import build_report
from vrus.server import grants, refusals
from vrus.server.roles import (
    MAX_NAME_BYTES,
    Role,
    add_user,
    group_role,
    group_roles,
    role_of,
    role_prefix,
    setup,
)
from vrus.signups import sheet_rows, signup_sheet

TODAY = test_today()
AGE_LISTS = ("ages_out", "may_move_up", "outside_limits")
LOGINS = {role: f"{role.value.title()}-User" for role in Role}  # quoted: a capital, a hyphen


@dataclass
class ServerRegister:
    """The demo on a set-up server database, and a login per role."""

    server: pg_server_module.Server
    url: str  # the owner's (the superuser's)
    database: str
    owner: Database

    def login(self, role: Role) -> str:
        return f"{self.database}-{LOGINS[role]}"

    def url_for(self, role: Role) -> str:
        return self.server.url(self.database, self.login(role))

    def connect(self, role: Role) -> psycopg.Connection:
        """A plain psycopg connection as ``role``'s login (autocommit: each statement alone)."""
        return psycopg.connect(
            host="127.0.0.1",
            port=self.server.port,
            user=self.login(role),
            dbname=self.database,
            autocommit=True,
        )

    def open(self, role: Role) -> Database:
        db = open_database(self.url_for(role))
        refusals.watch(db.engine)
        return db


def _drop_roles(server: pg_server_module.Server, names: list[str]) -> None:
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for name in names:
            quoted = connection.dialect.identifier_preparer.quote_identifier(name)
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {quoted}")
    engine.dispose()


@pytest.fixture(scope="module")
def register(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> Iterator[ServerRegister]:
    url = pg_databases.fresh(migrated=False)
    setup(url)
    owner = open_database(url)
    load_demo(owner, today=TODAY)
    database = url.rsplit("/", 1)[1]
    found = ServerRegister(pg_server, url, database, owner)
    for role in Role:
        add_user(owner, found.login(role), role, None)
    yield found
    owner.close()
    pg_databases.drop(url)
    _drop_roles(pg_server, [found.login(r) for r in Role] + list(group_roles(database).values()))


@pytest.fixture(scope="module")
def roles(register: ServerRegister) -> Iterator[dict[Role, Database]]:
    """The register opened by each role's login."""
    opened = {role: register.open(role) for role in Role}
    yield opened
    for db in opened.values():
        db.close()


def _refused(connection: psycopg.Connection, statement: str) -> bool:
    """The server refuses ``statement`` for want of a right (and nothing else goes wrong)."""
    try:
        connection.execute(statement)
    except errors.InsufficientPrivilege:
        return True
    return False


def _one(db: Database, statement: str) -> object:
    with db.engine.connect() as connection:
        return connection.execute(text(statement)).scalar()


def _seminars(db: Database) -> list[int]:
    with db.sessions() as session:
        return list(
            session.scalars(
                select(Event.id).where(Event.kind == EventKind.SEMINAR.value).order_by(Event.id)
            )
        )


# --- naming and who is who -------------------------------------------------------------------


def test_group_roles_are_named_after_their_database() -> None:
    assert group_role("vrus", Role.LUNCH) == "vrus_lunch"
    assert group_roles("orkester") == {
        Role.COORDINATOR: "orkester_coordinator",
        Role.LUNCH: "orkester_lunch",
        Role.INSTRUCTOR: "orkester_instructor",
        Role.READER: "orkester_reader",
    }
    long_a, long_b = "æ" * 40 + "a", "æ" * 40 + "b"  # 81 bytes each, alike for 80
    names = [group_role(name, role) for name in (long_a, long_b) for role in Role]
    assert all(len(name.encode()) <= MAX_NAME_BYTES for name in names)
    assert len(set(names)) == len(names)
    assert role_prefix(long_a) != role_prefix(long_b)


def test_a_file_register_has_one_user_the_coordinator(db_path) -> None:
    from vrus.db.engine import sqlite_url

    db = open_database(sqlite_url(db_path))
    try:
        assert role_of(db) is Role.COORDINATOR
    finally:
        db.close()


def test_each_login_has_its_role(register: ServerRegister, roles: dict[Role, Database]) -> None:
    assert role_of(register.owner) is Role.COORDINATOR  # the owner (here a superuser)
    assert {role: role_of(db) for role, db in roles.items()} == {role: role for role in Role}
    present = _one(
        register.owner,
        "SELECT count(*) FROM pg_roles WHERE rolname IN "
        f"({', '.join(repr(n) for n in group_roles(register.database).values())}) "
        "AND NOT rolcanlogin",
    )
    assert present == 4


def test_a_login_without_a_vrus_role_cannot_even_connect(
    register: ServerRegister, pg_server: pg_server_module.Server
) -> None:
    stranger = f"{register.database}-stranger"
    with register.owner.engine.begin() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{stranger}" LOGIN')
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(
                host="127.0.0.1", port=pg_server.port, user=stranger, dbname=register.database
            )
        # Let in by hand, without a VRUS role: it reads nothing, and is told why.
        with register.owner.engine.begin() as connection:
            connection.exec_driver_sql(
                f'GRANT CONNECT ON DATABASE {register.database} TO "{stranger}"'
            )
        db = connect(pg_server.url(register.database, stranger))
        refusals.watch(db.engine)
        try:
            with pytest.raises(VrusError, match=f"the login {stranger} has no VRUS role"):
                role_of(db)
            with pytest.raises(refusals.RefusedError) as refused, db.sessions() as session:
                session.execute(text("SELECT count(*) FROM public.events")).all()
            assert str(refused.value) == (
                f"your login ({stranger}, with no VRUS role) may not do this: "
                "permission denied for schema public"
            )
        finally:
            db.close()
    finally:
        with register.owner.engine.begin() as connection:
            connection.exec_driver_sql(f'DROP OWNED BY "{stranger}"')
        _drop_roles(pg_server, [stranger])


# --- what each role is refused, in plain SQL ---------------------------------------------------


CHILDRENS_DETAILS = ("birth_date", "address", "postal_code", "phone", "email", "notes")


def test_lunch_reads_what_the_lunch_needs_and_nothing_private(register: ServerRegister) -> None:
    with register.connect(Role.LUNCH) as lunch:
        for column in CHILDRENS_DETAILS:
            assert _refused(lunch, f"SELECT {column} FROM persons"), column
        assert _refused(lunch, "SELECT * FROM persons")
        assert _refused(lunch, "SELECT email FROM guardians")
        assert _refused(lunch, "SELECT relation FROM person_guardians")
        assert _refused(lunch, "SELECT note FROM signups")
        assert _refused(lunch, "SELECT note FROM attendance")
        assert _refused(lunch, "SELECT count(*) FROM consents")
        assert _refused(lunch, "SELECT count(*) FROM contact_persons")
        assert _refused(lunch, "SELECT actor FROM audit_entries")
        seen = {row[0] for row in lunch.execute("SELECT id FROM persons")}
        assert seen == _invited_or_signed_up(register.owner)
        parents = lunch.execute("SELECT first_name, last_name, phone FROM guardians").fetchall()
        assert len(parents) == _one(register.owner, "SELECT count(*) FROM guardians") > 0
        allergies = lunch.execute("SELECT person_id FROM allergies").fetchall()
        assert {row[0] for row in allergies} <= seen and allergies
        assert lunch.execute("SELECT count(*) FROM person_diets").fetchone()[0] > 0
        assert lunch.execute("SELECT diet_note FROM persons").fetchall()


def _invited_or_signed_up(db: Database) -> set[int]:
    """Who the friends' association cooks for, worked out in Python: whoever signed up for an
    event, and the members of an ensemble an event invites on one of its days."""
    with db.sessions() as session:
        found = set(session.scalars(select(SignUp.person_id)))
        for event in session.scalars(select(Event)):
            invited = {link.ensemble_id for link in event.invited}
            for day in event.days:
                for membership in session.scalars(
                    select(Membership).where(Membership.ensemble_id.in_(invited))
                ):
                    end = membership.end_date
                    if membership.start_date <= day.date and (end is None or end >= day.date):
                        found.add(membership.person_id)
    return found


def test_lunch_sees_only_the_persons_it_cooks_for(register: ServerRegister) -> None:
    """An aspirant in no invited ensemble, who signed up for nothing: the friends'
    association sees neither the person nor the allergy."""
    with register.owner.transaction() as session:
        person = Person(first_name="Ukjent", last_name="Aspirant")
        session.add(person)
        session.flush()
        session.add(Allergy(person_id=person.id, allergen="nøtter", severity="severe"))
        session.add(PersonDiet(person_id=person.id, diet="vegan"))
        person_id = person.id
    try:
        with register.connect(Role.LUNCH) as lunch:
            persons = {row[0] for row in lunch.execute("SELECT id FROM persons")}
            allergic = {row[0] for row in lunch.execute("SELECT person_id FROM allergies")}
            diets = {row[0] for row in lunch.execute("SELECT person_id FROM person_diets")}
        assert persons and person_id not in persons
        assert allergic and person_id not in allergic
        assert diets and person_id not in diets
        with register.connect(Role.INSTRUCTOR) as instructor:
            assert instructor.execute(
                "SELECT count(*) FROM persons WHERE id = %s", (person_id,)
            ).fetchone() == (1,)
    finally:
        with register.owner.transaction() as session:
            session.execute(delete(Allergy).where(Allergy.person_id == person_id))
            session.execute(delete(PersonDiet).where(PersonDiet.person_id == person_id))
            session.execute(delete(Person).where(Person.id == person_id))


def test_lunch_writes_the_duty_roster_only(register: ServerRegister) -> None:
    with register.connect(Role.LUNCH) as lunch:
        assert _refused(lunch, "UPDATE persons SET first_name = first_name")
        assert _refused(lunch, "UPDATE guardians SET phone = phone")
        assert _refused(lunch, "UPDATE signups SET wants_lunch = wants_lunch")
        assert _refused(lunch, "DELETE FROM attendance")
        assert _refused(lunch, "UPDATE allergies SET note = note")
        with lunch.transaction(force_rollback=True):
            lunch.execute("UPDATE volunteer_duties SET note = note")


def test_instructors_see_severe_allergies_only(register: ServerRegister) -> None:
    severe = _one(register.owner, "SELECT count(*) FROM allergies WHERE severity = 'severe'")
    assert 0 < severe < _one(register.owner, "SELECT count(*) FROM allergies")
    with register.connect(Role.INSTRUCTOR) as instructor:
        rows = instructor.execute("SELECT allergen, severity FROM allergies").fetchall()
        assert len(rows) == severe
        assert {level for _, level in rows} == {AllergySeverity.SEVERE.value}
        assert _refused(instructor, "SELECT count(*) FROM person_diets")
        assert _refused(instructor, "SELECT diet_note FROM persons")
        for column in CHILDRENS_DETAILS:
            assert _refused(instructor, f"SELECT {column} FROM persons"), column
        assert _refused(instructor, "SELECT count(*) FROM guardians")
        assert _refused(instructor, "SELECT note FROM signups")
        assert _refused(instructor, "SELECT given_by_guardian_id FROM consents")
        assert instructor.execute("SELECT first_name, last_name FROM persons").fetchall()
        assert instructor.execute("SELECT name_nb, section FROM instruments").fetchall()
        assert _refused(instructor, "UPDATE persons SET first_name = first_name")
        assert _refused(instructor, "UPDATE signups SET attending = attending")
        assert _refused(instructor, "UPDATE volunteer_duties SET note = note")
        with instructor.transaction(force_rollback=True):
            instructor.execute("UPDATE attendance SET status = status, note = note")


def test_readers_see_no_names_and_no_health_data(register: ServerRegister) -> None:
    with register.connect(Role.READER) as reader:
        for column in ("first_name", "last_name", "phone", "email", "address", "diet_note"):
            assert _refused(reader, f"SELECT {column} FROM persons"), column
        for table in ("allergies", "person_diets", "guardians", "consents", "staff_members"):
            assert _refused(reader, f"SELECT count(*) FROM {table}"), table
        assert _refused(reader, "SELECT note FROM attendance")
        assert _refused(reader, "SELECT note FROM signups")
        assert _refused(reader, "UPDATE events SET title = title")
        assert _refused(reader, "DELETE FROM attendance")
        counted = reader.execute("SELECT count(*), count(municipality_id) FROM persons")
        assert counted.fetchone()[0] == _one(register.owner, "SELECT count(*) FROM persons")


def test_only_the_coordinator_reads_the_audit_trail(register: ServerRegister) -> None:
    entries = _one(register.owner, "SELECT count(*) FROM audit_entries")
    assert entries
    with register.connect(Role.COORDINATOR) as coordinator:
        assert coordinator.execute("SELECT count(*) FROM audit_entries").fetchone()[0] == entries
    for role in (Role.LUNCH, Role.INSTRUCTOR, Role.READER):
        with register.connect(role) as other:
            assert _refused(other, "SELECT actor, what FROM audit_entries"), role
            assert _refused(other, "DELETE FROM audit_entries"), role
            # An entry in someone else's name is refused by the row-level policy.
            assert _refused(
                other,
                "INSERT INTO audit_entries (at, actor, action) VALUES (now(), 'someone', 'print')",
            ), role
            with other.transaction(force_rollback=True):
                other.execute(
                    "INSERT INTO audit_entries (at, actor, action) "
                    "VALUES (now(), current_user, 'print')"
                )


def test_nothing_is_left_to_public_and_unnamed_tables_to_the_coordinator(
    register: ServerRegister,
) -> None:
    granted = _one(
        register.owner,
        "SELECT count(*) FROM information_schema.role_table_grants "
        "WHERE grantee = 'PUBLIC' AND table_schema = 'public'",
    )
    assert granted == 0
    groups = group_roles(register.database)
    with register.owner.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        for table in set(tables) - set(grants.RULES):  # contact_persons, and any new one
            for role in (Role.LUNCH, Role.INSTRUCTOR, Role.READER):
                may = connection.execute(
                    text("SELECT has_any_column_privilege(:group, :table, 'SELECT')"),
                    {"group": groups[role], "table": f"public.{table}"},
                ).scalar_one()
                assert not may, (table, role)


def test_everyone_sees_who_is_working_and_minds_only_their_own_presence(
    register: ServerRegister, roles: dict[Role, Database]
) -> None:
    from vrus import presence

    mine = presence.announce(roles[Role.LUNCH], "test", role=Role.LUNCH.value)
    theirs = presence.announce(roles[Role.COORDINATOR], "test", role=Role.COORDINATOR.value)
    seen = {p.user_name for p in presence.others(roles[Role.READER])}
    assert {register.login(Role.LUNCH), register.login(Role.COORDINATOR)} <= seen
    assert presence.heartbeat(roles[Role.LUNCH], mine) == mine
    with register.connect(Role.LUNCH) as lunch:
        assert _refused(lunch, "UPDATE presence SET user_name = 'someone else'")
        lunch.execute("DELETE FROM presence")  # the policy leaves the others' rows alone
        assert _refused(
            lunch,
            "INSERT INTO presence (user_name, host, program, started_at, seen_at) "
            "VALUES ('someone else', 'h', 'p', now(), now())",
        )
    seen = {p.user_name for p in presence.others(roles[Role.READER])}
    assert register.login(Role.COORDINATOR) in seen
    assert register.login(Role.LUNCH) not in seen
    presence.leave(roles[Role.COORDINATOR], theirs)


# --- the core functions each role needs ----------------------------------------------------


def test_the_lunch_role_sees_the_coordinators_lunch_figures(
    register: ServerRegister, roles: dict[Role, Database]
) -> None:
    seminars = _seminars(register.owner)
    assert len(seminars) >= 9
    for event_id in seminars:
        with register.owner.sessions() as session:
            coordinators = lunch_plan(session, event_id, TODAY)
        with roles[Role.LUNCH].sessions() as session:
            lunchs = lunch_plan(session, event_id, TODAY)
        assert lunchs == coordinators
    assert any(day.count.total for day in coordinators.days)
    with register.owner.sessions() as session:
        year = session.scalar(select(func.max(Season.name)))
        roster = season_roster(session, int(year))
    with roles[Role.LUNCH].sessions() as session:
        assert season_roster(session, int(year)) == roster
    assert roster.days and roster.families


def _grid(db: Database, event_id: int) -> dict:
    with db.sessions() as session:
        return dataclasses.asdict(attendance_grid(session, event_id))


def test_instructors_take_attendance(register: ServerRegister, roles: dict[Role, Database]) -> None:
    instructor = roles[Role.INSTRUCTOR]
    event_id = _seminars(register.owner)[-1]
    grid = _grid(instructor, event_id)
    assert grid == _grid(register.owner, event_id)
    sheets = []
    for db in (instructor, register.owner):
        with db.sessions() as session:
            sheets.append(signup_sheet(session, event_id, notes=False))
    assert sheets[0] == sheets[1] and sheets[0]
    day_id = grid["days"][-1]["id"]
    person_id = grid["rows"][0]["person_id"]
    before = grid["rows"][0]["statuses"][day_id]
    record_attendance(instructor, day_id, person_id, AttendanceStatus.EXCUSED.value)
    mark_signed_up_present(instructor, day_id)
    after = _grid(register.owner, event_id)
    assert after["rows"][0]["statuses"][day_id] == AttendanceStatus.EXCUSED.value
    assert after == _grid(instructor, event_id)
    with register.owner.sessions() as session:
        actors = set(
            session.scalars(
                select(AuditEntry.actor).where(
                    AuditEntry.table_name == Attendance.__tablename__,
                    AuditEntry.person_id == person_id,
                )
            )
        )
    assert register.login(Role.INSTRUCTOR) in actors  # the trail names the login
    record_attendance(instructor, day_id, person_id, before)


def test_the_lunch_role_edits_the_duty_roster(
    register: ServerRegister, roles: dict[Role, Database]
) -> None:
    lunch = roles[Role.LUNCH]
    with register.owner.sessions() as session:
        day_id = session.scalar(
            select(EventDay.id)
            .join(Event, Event.id == EventDay.event_id)
            .where(Event.kind == EventKind.SEMINAR.value)
            .order_by(EventDay.date.desc())
        )
        taken = select(VolunteerDuty.guardian_id).where(VolunteerDuty.event_day_id == day_id)
        # A parent of children in the register (any day the tests run on).
        parents = select(PersonGuardian.guardian_id)
        guardian_id = session.scalar(
            select(Guardian.id)
            .where(Guardian.id.not_in(taken), Guardian.id.in_(parents))
            .order_by(Guardian.id)
        )
        linked = session.scalar(
            select(func.count())
            .select_from(PersonGuardian)
            .where(PersonGuardian.guardian_id == guardian_id)
        )
    duty_id = assign_duty(lunch, day_id, guardian_id, DutyTask.COFFEE_FRUIT.value, note="kake")
    set_duty_lunch(lunch, duty_id, False)
    with register.owner.sessions() as session:
        duty = session.get(VolunteerDuty, duty_id)
        assert duty is not None and not duty.wants_lunch and duty.note == "kake"
        actors = session.scalars(
            select(AuditEntry.actor).where(
                AuditEntry.table_name == VolunteerDuty.__tablename__,
                AuditEntry.row_id == duty_id,
            )
        ).all()
    # One entry per child of the parent, for the new duty and for the change.
    assert set(actors) == {register.login(Role.LUNCH)} and len(actors) == 2 * max(linked, 1)
    unassign_duty(lunch, duty_id)
    with register.owner.sessions() as session:
        assert session.get(VolunteerDuty, duty_id) is None


def _report(db: Database, kind: str, names: bool = True) -> dict:
    # The demo's last whole season: the current one may have held nothing yet (1 January).
    season = TODAY.year - 1
    with db.sessions() as session:
        return build_report(session, kind, season=season, today=TODAY, names=names).json_data()


def test_readers_run_the_count_reports(
    register: ServerRegister, roles: dict[Role, Database]
) -> None:
    reader = roles[Role.READER]
    for kind in ("coverage", "instrumentation", "annual"):
        assert _report(reader, kind) == _report(register.owner, kind), kind
    for kind in ("ages", "attendance"):
        without = _report(reader, kind, names=False)
        assert without == _report(register.owner, kind, names=False), kind
        assert "Ødegård" not in str(without)
    assert "may_move_up" in _report(register.owner, "ages")
    with pytest.raises(refusals.RefusedError, match=r"your role \(reader\) may not read"):
        _report(reader, "ages")


def test_the_narrow_reads_agree_with_the_full_ones(db: Database) -> None:
    """What the lunch and instructor roles read instead of whole rows (names, no notes) and
    the reports without names are the coordinator's, less what they leave out."""
    load_demo(db, today=TODAY)
    event_id = _seminars(db)[0]
    with db.sessions() as session:
        ids = list(session.scalars(select(Person.id)))
        full, narrow = rows_for(session, ids, TODAY), name_rows(session, ids, TODAY)
        event = session.get(Event, event_id)
        assert event is not None
        with_notes, without = sheet_rows(session, event), sheet_rows(session, event, notes=False)
        person = named_person(session, ids[0])
        assert person.full_name == f"{full[ids[0]].first_name} {full[ids[0]].last_name}"
        with pytest.raises(VrusError, match="is not in the register"):
            named_person(session, max(ids) + 1)
    assert set(narrow) == set(full) == set(ids)
    for pid, row in full.items():
        assert narrow[pid] == NameRow(
            pid, row.first_name, row.last_name, row.ensemble, row.instrument, row.section
        )
    assert any(row.note for row in with_notes)
    assert without == [dataclasses.replace(row, note=None) for row in with_notes]
    ages, unnamed = _report(db, "ages"), _report(db, "ages", names=False)
    assert unnamed == {k: v for k, v in ages.items() if k not in AGE_LISTS}
    attendance = _report(db, "attendance")
    assert _report(db, "attendance", names=False) == {**attendance, "members": []}
    assert attendance["members"]


# --- the refusal as the user reads it --------------------------------------------------------


def _refusal(db: Database, work) -> str:
    """The message of the refusal ``work(session)`` meets in a transaction of ``db``."""
    with pytest.raises(refusals.RefusedError) as refused, db.transaction() as session:
        work(session)
    return str(refused.value)


def test_a_refusal_names_the_role_and_what_it_may_not_do(
    roles: dict[Role, Database], register: ServerRegister
) -> None:
    with register.owner.sessions() as session:
        day_id = session.scalar(select(EventDay.id).order_by(EventDay.date))
        person_id = session.scalar(select(Person.id).order_by(Person.id.desc()))
    lunch, reader, instructor = roles[Role.LUNCH], roles[Role.READER], roles[Role.INSTRUCTOR]

    def read_birth_dates(session):
        session.execute(select(Person.first_name, Person.birth_date)).all()

    def read_phones(session):
        session.execute(select(Guardian.phone)).all()

    def add_attendance(session):
        session.add(Attendance(event_day_id=day_id, person_id=person_id, status="absent"))

    def change_allergies(session):
        table = Allergy.__table__
        session.execute(table.update().values(note="x").where(table.c.id == 0))

    assert _refusal(lunch, read_birth_dates) == "your role (lunch) may not read persons.birth_date"
    assert _refusal(reader, read_phones) == "your role (reader) may not read guardians"
    assert _refusal(lunch, add_attendance) == "your role (lunch) may not add rows to attendance"
    assert _refusal(instructor, change_allergies) == (
        "your role (instructor) may not change allergies"
    )


def test_without_watching_the_error_is_the_drivers(register: ServerRegister) -> None:
    db = connect(register.url_for(Role.LUNCH))
    try:
        with db.sessions() as session, pytest.raises(ProgrammingError) as error:
            session.execute(select(Person.birth_date)).all()
        assert isinstance(error.value.orig, errors.InsufficientPrivilege)
    finally:
        db.close()


# --- setting up ------------------------------------------------------------------------------


def _catalog(url: str, statement: str, **values: object) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(statement), values)]
    finally:
        engine.dispose()


def test_setup_again_is_harmless_and_new_tables_are_the_coordinators(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> None:
    url = pg_databases.fresh()
    database = url.rsplit("/", 1)[1]
    logins = [f"{database}-c", f"{database}-l"]
    try:
        setup(url)
        add_user(url, logins[0], Role.COORDINATOR, None)
        add_user(url, logins[1], Role.LUNCH, None)
        owner = connect(url)
        with owner.engine.begin() as connection:  # as a later migration would
            connection.exec_driver_sql("CREATE TABLE later_table (id serial PRIMARY KEY, who text)")
        owner.close()
        for _ in range(2):  # at once by default privileges, and again after setup
            with psycopg.connect(
                host="127.0.0.1", port=pg_server.port, user=logins[0], dbname=database
            ) as coordinator:
                coordinator.execute("INSERT INTO later_table (who) VALUES ('x')")
                assert coordinator.execute("SELECT count(*) FROM later_table").fetchone()[0] >= 1
            with psycopg.connect(
                host="127.0.0.1", port=pg_server.port, user=logins[1], dbname=database
            ) as lunch:
                assert _refused(lunch, "SELECT count(*) FROM later_table")
            setup(url)
        groups = _catalog(
            url,
            "SELECT count(*) FROM pg_roles WHERE rolname LIKE :prefix",
            prefix=f"{database}\\_%",
        )
        assert groups == [(4,)]
    finally:
        pg_databases.drop(url)
        _drop_roles(pg_server, logins + list(group_roles(database).values()))


def test_the_databases_owner_sets_it_up_without_being_a_superuser(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> None:
    owner, other = "vrus-owner-7", "vrus-not-owner-7"
    name = "vrus_owned_7"
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        connection.exec_driver_sql(f'CREATE ROLE "{other}" LOGIN CREATEROLE')
        connection.exec_driver_sql(f'CREATE DATABASE {name} OWNER "{owner}"')
    try:
        with pytest.raises(VrusError, match=f"only the owner of the database {name}"):
            setup(pg_server.url(name, other))
        setup(pg_server.url(name, owner))
        add_user(pg_server.url(name, owner), f"{name}-reader", "reader", None)
        db = open_database(pg_server.url(name, f"{name}-reader"))
        try:
            assert role_of(db) is Role.READER
        finally:
            db.close()
        report = _catalog(pg_server.url(name, owner), "SELECT version_num FROM alembic_version")
        assert report and report[0][0]
    finally:
        pg_databases.drop(pg_server.url(name))
        with admin.connect() as connection:
            for role in [f"{name}-reader", owner, other, *group_roles(name).values()]:
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def test_setup_refuses_a_register_file(db_path) -> None:
    from vrus.db.engine import sqlite_url

    with pytest.raises(VrusError, match="is for a register on a PostgreSQL server"):
        setup(sqlite_url(db_path))
    assert not db_path.exists()


# --- adding users ------------------------------------------------------------------------------


def test_adding_users(register: ServerRegister) -> None:
    name = f"{register.database}-with password"
    add_user(register.owner, name, Role.READER, "hemmelig ord")
    stored = _one(register.owner, f"SELECT rolpassword FROM pg_authid WHERE rolname = '{name}'")
    assert str(stored).startswith("SCRAM-SHA-256$") and "hemmelig" not in str(stored)
    without = _one(
        register.owner,
        f"SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = '{register.login(Role.LUNCH)}'",
    )
    assert without is True
    with pytest.raises(VrusError, match="exists already"):
        add_user(register.owner, name, Role.COORDINATOR, None)
    with pytest.raises(VrusError, match="'boss' is not a role"):
        add_user(register.owner, f"{register.database}-boss", "boss", None)
    with pytest.raises(VrusError, match="at most 63 bytes"):
        add_user(register.owner, "å" * 32, Role.READER, None)
    still = _one(
        register.owner,
        "SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        f"JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '{name}'",
    )
    assert still == 1  # the refused second add changed nothing
    _drop_roles(register.server, [name])


def test_adding_a_user_before_setup_is_refused(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> None:
    url = pg_databases.fresh()
    try:
        with pytest.raises(VrusError, match="run 'vrus server setup' first"):
            add_user(url, "nobody-yet", Role.LUNCH, None)
    finally:
        pg_databases.drop(url)


def test_the_trail_names_the_database_login(
    register: ServerRegister, roles: dict[Role, Database]
) -> None:
    for role in (Role.COORDINATOR, Role.LUNCH):
        with roles[role].sessions() as session:
            assert audit.actor(session) == register.login(role)
