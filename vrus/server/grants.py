"""What each VRUS role may read and write, table by table, and granting it on a server.

The rules below are the permissions; ``apply`` turns them into PostgreSQL's GRANTs, column
privileges and row-level security in the database ``vrus server setup`` runs on. Every table
is looked up in the catalog, so the grants cover the tables there are when setup runs:

- The coordinator gets every table and sequence (and, by default privileges, every table a
  later migration makes).
- The other roles get what ``RULES`` names for them, and nothing else: a table or a column
  the rules do not name (a new one, say) is the coordinator's alone until a rule says
  otherwise. New tables are safe by default.
- Nothing is granted to PUBLIC: other logins on the same server see nothing of the register.

Health data (allergies, diets, the diet note) is granted to the lunch role, which cooks for
it, and of the allergies only the severe ones (row-level security) to the instructors. Sign-up
notes, who gave a consent, contact persons and the audit trail are the coordinator's.
Every role may add entries to the audit trail (exports and printouts are recorded), but only
under its own login's name, and only the coordinator reads it.

Choices, so that the figures each role sees equal the coordinator's: the lunch role sees the
persons invited to an event or signed up for one (row-level security; the lunch count counts
no one else), their diets and allergies, and no one else's; the lunch role reads children's
surnames, since the lunch list tells two children of one first name apart by the surname's
initial (or the whole surname); the reader reads persons without names, contacts or notes:
birth dates (the ages in the reports), gender, municipality, postal code and culture school.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text

SCHEMA = "public"
ALL = "*"  # every column, granted on the table (later columns included)
Columns = tuple[str, ...] | str  # a tuple of column names, or ALL
POLICY_PREFIX = "vrus_"

# The roles by their names (``vrus.server.roles.Role`` values; a Role is its name, and that
# module imports this one).
COORDINATOR, LUNCH, INSTRUCTOR, READER = "coordinator", "lunch", "instructor", "reader"
RoleName = str


@dataclass(frozen=True)
class Access:
    """What one role may do with one table: the columns it may read, insert and update
    (``ALL`` for every column), and whether it may delete rows."""

    select: Columns = ()
    insert: Columns = ()
    update: Columns = ()
    delete: bool = False

    @property
    def writes(self) -> bool:
        return bool(self.insert)


READ = Access(select=ALL)
EDIT = Access(select=ALL, insert=ALL, update=ALL, delete=True)
# Adding entries to the audit trail, and reading back the new row's id (INSERT ... RETURNING).
APPEND_AUDIT = Access(select=("id",), insert=ALL)

_OTHERS = (LUNCH, INSTRUCTOR, READER)


def _everyone(access: Access) -> dict[RoleName, Access]:
    return dict.fromkeys(_OTHERS, access)


# Ids, names and whether the person is still with the orchestra: what a list of people needs.
_NAMES = ("id", "first_name", "last_name", "archived_at", "erased_at")
_MEMBERSHIP = (
    "id",
    "person_id",
    "ensemble_id",
    "instrument_id",
    "start_date",
    "end_date",
    "section",
)
_ANSWERS = ("id", "event_id", "person_id", "attending", "wants_lunch", "version")
_STATUSES = ("id", "event_day_id", "person_id", "status", "version")

RULES: Mapping[str, Mapping[RoleName, Access]] = {
    # Reference data and the season's plan: nobody's personal data.
    "alembic_version": _everyone(READ),
    "municipalities": _everyone(READ),
    "municipality_populations": _everyone(READ),
    "organisations": _everyone(READ),
    "instruments": _everyone(READ),
    "ensembles": _everyone(READ),
    "seasons": _everyone(READ),
    "projects": _everyone(READ),
    "events": _everyone(READ),
    "event_days": _everyone(READ),
    "event_ensembles": _everyone(READ),
    "event_partners": _everyone(READ),
    "event_staff": _everyone(READ),
    "settings": _everyone(READ),
    # Person ids only: which listings a change touched.
    "register_changes": _everyone(READ),
    "persons": {
        LUNCH: Access(select=(*_NAMES, "diet_note")),
        INSTRUCTOR: Access(select=_NAMES),
        READER: Access(
            select=(
                "id",
                "birth_date",
                "gender",
                "municipality_id",
                "postal_code",
                "culture_school_id",
                "archived_at",
                "erased_at",
            )
        ),
    },
    "person_instruments": {INSTRUCTOR: READ, READER: READ},
    "person_diets": {LUNCH: READ},
    "allergies": {
        LUNCH: READ,
        INSTRUCTOR: Access(select=("id", "person_id", "allergen", "severity", "note")),
    },
    # The duty roster: a parent's name and phone, and whose parent they are.
    "guardians": {LUNCH: Access(select=("id", "first_name", "last_name", "phone"))},
    "person_guardians": {LUNCH: Access(select=("person_id", "guardian_id"))},
    "memberships": {
        LUNCH: Access(select=_MEMBERSHIP),
        INSTRUCTOR: Access(select=_MEMBERSHIP),
        READER: Access(select=(*_MEMBERSHIP, "end_reason")),
    },
    "signups": _everyone(Access(select=_ANSWERS)),
    # The days a signed-up person skips: who comes and eats which day.
    "signup_absences": _everyone(READ),
    "attendance": {
        LUNCH: Access(select=_STATUSES),
        INSTRUCTOR: EDIT,
        READER: Access(select=_STATUSES),
    },
    "staff_members": {INSTRUCTOR: READ},
    # The attendance list marks who may not be photographed: whether a consent is in force,
    # not who gave it.
    "consents": {
        INSTRUCTOR: Access(select=("id", "person_id", "kind", "given_on", "withdrawn_on"))
    },
    "volunteer_duties": {LUNCH: EDIT},
    "audit_entries": _everyone(APPEND_AUDIT),
    # Who has the register open (``vrus.presence``): everyone sees everyone, and writes and
    # removes only the rows of their own login (the policies below).
    "presence": _everyone(EDIT),
}


@dataclass(frozen=True)
class Policy:
    """A row-level security policy: ``roles`` may ``command`` the rows where ``using``
    holds (and write those where ``check`` holds)."""

    name: str
    table: str
    command: str
    roles: tuple[RoleName, ...]
    using: str | None = "true"
    check: str | None = None


# Tables with row-level security; the owner (who runs setup and migrations) is not subject
# to it, every role that reads or writes the table needs a policy here.
# The friends' association cooks for the members invited to an event (their membership runs
# on one of its days, in an ensemble it invites) and for whoever signed up: those persons,
# their diets and allergies are all it sees. Every lunch count counts only them, so the
# association's figures equal the coordinator's.
_INVITED_OR_SIGNED_UP = (
    "EXISTS (SELECT 1 FROM signups s WHERE s.person_id = persons.id) "
    "OR EXISTS (SELECT 1 FROM memberships m "
    "JOIN event_ensembles ee ON ee.ensemble_id = m.ensemble_id "
    "JOIN event_days d ON d.event_id = ee.event_id "
    "WHERE m.person_id = persons.id AND m.start_date <= d.date "
    "AND (m.end_date IS NULL OR m.end_date >= d.date))"
)
# A person's row seen through the persons policy above (row-level security applies inside).
_PERSON_SEEN = "person_id IN (SELECT p.id FROM persons p)"

POLICIES: tuple[Policy, ...] = (
    Policy("vrus_coordinator", "persons", "ALL", (COORDINATOR,), "true", "true"),
    Policy("vrus_invited", "persons", "SELECT", (LUNCH,), _INVITED_OR_SIGNED_UP),
    Policy("vrus_everyone", "persons", "SELECT", (INSTRUCTOR, READER)),
    Policy("vrus_coordinator", "person_diets", "ALL", (COORDINATOR,), "true", "true"),
    Policy("vrus_lunch", "person_diets", "SELECT", (LUNCH,), _PERSON_SEEN),
    Policy("vrus_coordinator", "allergies", "ALL", (COORDINATOR,), "true", "true"),
    Policy("vrus_lunch", "allergies", "SELECT", (LUNCH,), _PERSON_SEEN),
    Policy("vrus_severe_only", "allergies", "SELECT", (INSTRUCTOR,), "severity = 'severe'"),
    Policy("vrus_coordinator", "audit_entries", "ALL", (COORDINATOR,), "true", "true"),
    # An entry is written in one's own name (``vrus.audit.actor`` is the login on a server);
    # RETURNING the new id needs the row to be readable too.
    Policy("vrus_own_entries", "audit_entries", "INSERT", _OTHERS, None, "actor = current_user"),
    Policy("vrus_own_ids", "audit_entries", "SELECT", _OTHERS, "actor = current_user"),
    Policy("vrus_coordinator", "presence", "ALL", (COORDINATOR,), "true", "true"),
    Policy("vrus_everyone_sees", "presence", "SELECT", _OTHERS),
    Policy("vrus_own_rows_in", "presence", "INSERT", _OTHERS, None, "user_name = session_user"),
    Policy(
        "vrus_own_rows_kept",
        "presence",
        "UPDATE",
        _OTHERS,
        "user_name = session_user",
        "user_name = session_user",
    ),
    Policy("vrus_own_rows_out", "presence", "DELETE", _OTHERS, "user_name = session_user"),
)


# --- granting --------------------------------------------------------------------------------


def _tables(connection: Connection) -> dict[str, list[str]]:
    """The schema's tables (not views) and their columns, from the catalog."""
    rows = connection.execute(
        text(
            "SELECT c.relname, a.attname FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum"
        ),
        {"schema": SCHEMA},
    )
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


def _sequences(connection: Connection) -> dict[str, list[str]]:
    """Each table's own sequences (serial and identity columns)."""
    rows = connection.execute(
        text(
            "SELECT t.relname, s.relname FROM pg_class s "
            "JOIN pg_namespace n ON n.oid = s.relnamespace "
            "JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass "
            "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE s.relkind = 'S' AND n.nspname = :schema"
        ),
        {"schema": SCHEMA},
    )
    found: dict[str, list[str]] = {}
    for table, sequence in rows:
        found.setdefault(table, []).append(sequence)
    return found


class _Statements:
    """The statements of one setup, with the identifiers quoted by the dialect."""

    def __init__(self, connection: Connection, groups: Mapping[RoleName, str]) -> None:
        self.connection = connection
        self.quote = connection.dialect.identifier_preparer.quote_identifier
        self.groups = groups

    def run(self, statement: str) -> None:
        self.connection.exec_driver_sql(statement)

    def group(self, role: RoleName) -> str:
        return self.quote(self.groups[role])

    def table(self, name: str) -> str:
        return f"{self.quote(SCHEMA)}.{self.quote(name)}"

    def columns(self, wanted: Columns, present: Iterable[str]) -> str | None:
        """``(a, b)`` for the wanted columns the table has, "" for ALL, None for none."""
        if wanted == ALL:
            return ""
        names = [c for c in present if c in wanted]
        return f" ({', '.join(self.quote(c) for c in names)})" if names else None


def _create_groups(sql: _Statements) -> None:
    exists = text("SELECT count(*) FROM pg_roles WHERE rolname = :name")
    for name in sql.groups.values():
        if not sql.connection.execute(exists, {"name": name}).scalar_one():
            sql.run(f"CREATE ROLE {sql.quote(name)} NOLOGIN")


def _reset(sql: _Statements, database: str) -> None:
    """Nothing for PUBLIC, nothing left of an earlier setup's grants."""
    groups = ", ".join(sql.group(role) for role in sql.groups)
    schema = sql.quote(SCHEMA)
    sql.run(f"REVOKE ALL ON DATABASE {sql.quote(database)} FROM PUBLIC")
    sql.run(f"GRANT CONNECT ON DATABASE {sql.quote(database)} TO {groups}")
    sql.run(f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC")
    sql.run(f"GRANT USAGE ON SCHEMA {schema} TO {groups}")
    for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
        sql.run(f"REVOKE ALL ON ALL {kind} IN SCHEMA {schema} FROM PUBLIC, {groups}")
    sql.run(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {schema} TO {groups}")
    policies = sql.connection.execute(
        text(
            "SELECT policyname, tablename FROM pg_policies "
            "WHERE schemaname = :schema AND policyname LIKE :prefix"
        ),
        {"schema": SCHEMA, "prefix": POLICY_PREFIX + "%"},
    ).all()
    for policy, table in policies:
        sql.run(f"DROP POLICY {sql.quote(policy)} ON {sql.table(table)}")


def _grant_coordinator(sql: _Statements) -> None:
    coordinator, schema = sql.group(COORDINATOR), sql.quote(SCHEMA)
    sql.run(f"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {coordinator}")
    sql.run(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {coordinator}")
    # Tables and sequences a later migration makes are the coordinator's at once (and
    # nobody else's until setup runs again).
    sql.run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT ALL ON TABLES TO {coordinator}")
    sql.run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT ALL ON SEQUENCES TO {coordinator}")


def _grant(
    sql: _Statements, table: str, present: list[str], role: RoleName, access: Access
) -> None:
    target, group = sql.table(table), sql.group(role)
    for privilege, wanted in (
        ("SELECT", access.select),
        ("INSERT", access.insert),
        ("UPDATE", access.update),
    ):
        columns = sql.columns(wanted, present)
        if columns is not None:
            sql.run(f"GRANT {privilege}{columns} ON {target} TO {group}")
    if access.delete:
        sql.run(f"GRANT DELETE ON {target} TO {group}")


def _grant_sequences(sql: _Statements, sequences: list[str], role: RoleName) -> None:
    for sequence in sequences:
        sql.run(f"GRANT USAGE ON SEQUENCE {sql.table(sequence)} TO {sql.group(role)}")


def _policies(sql: _Statements, tables: Mapping[str, list[str]]) -> None:
    for table in sorted({policy.table for policy in POLICIES} & set(tables)):
        sql.run(f"ALTER TABLE {sql.table(table)} ENABLE ROW LEVEL SECURITY")
    for policy in POLICIES:
        if policy.table not in tables:
            continue
        statement = (
            f"CREATE POLICY {sql.quote(policy.name)} ON {sql.table(policy.table)} "
            f"FOR {policy.command} TO {', '.join(sql.group(role) for role in policy.roles)}"
        )
        if policy.using is not None:
            statement += f" USING ({policy.using})"
        if policy.check is not None:
            statement += f" WITH CHECK ({policy.check})"
        sql.run(statement)


def apply(connection: Connection, groups: Mapping[RoleName, str]) -> None:
    """Create the group roles that are missing and grant each what the rules give it, in
    the caller's transaction (all or nothing). Run by the database's owner."""
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    sql = _Statements(connection, groups)
    _create_groups(sql)
    _reset(sql, database)
    _grant_coordinator(sql)
    tables, sequences = _tables(connection), _sequences(connection)
    for table, present in tables.items():
        for role, access in RULES.get(table, {}).items():
            _grant(sql, table, present, role, access)
            if access.writes:
                _grant_sequences(sql, sequences.get(table, []), role)
    _policies(sql, tables)
