"""The register's change journal: the triggers that fill ``register_changes``.

On SQLite, made by migration 0006 and recognised by the integrity check: VRUS's schema has
exactly these triggers and no others, each with exactly this text, so a trigger some other
program put in the file (which could copy children's data elsewhere or undo an erasure) still
stands out. Changing a trigger is a new migration and a new entry here; the check accepts
every text a released migration made.

On PostgreSQL, made by migration 0008: the same journal rows, written at commit in commit
order, and a notification of every change to the windows listening (``vrus.changes``).
"""

from __future__ import annotations

from sqlalchemy import Connection

KEEP = 5000  # journal rows kept; pruned on every thousandth row
PERSON_TABLES = {"persons": "id", "memberships": "person_id", "consents": "person_id"}
SHARED_TABLES = ("ensembles", "instruments", "municipalities", "organisations")
_WHEN = ("insert", "update", "delete")
_JOURNAL = "INSERT INTO register_changes (person_id) VALUES"


def _person_triggers(table: str, column: str) -> dict[str, str]:
    return {
        f"{table}_insert_journal": (
            f"CREATE TRIGGER {table}_insert_journal AFTER INSERT ON {table} "
            f"BEGIN {_JOURNAL} (NEW.{column}); END"
        ),
        # A row moved to another person changes both persons' listings.
        f"{table}_update_journal": (
            f"CREATE TRIGGER {table}_update_journal AFTER UPDATE ON {table} "
            f"BEGIN {_JOURNAL} (NEW.{column}); "
            f"INSERT INTO register_changes (person_id) SELECT OLD.{column} "
            f"WHERE OLD.{column} IS NOT NEW.{column}; END"
        ),
        f"{table}_delete_journal": (
            f"CREATE TRIGGER {table}_delete_journal AFTER DELETE ON {table} "
            f"BEGIN {_JOURNAL} (OLD.{column}); END"
        ),
    }


def _shared_triggers(table: str) -> dict[str, str]:
    # Every listing depends on these tables (limits, names, sort orders): a row without a
    # person tells readers to read everything again.
    return {
        f"{table}_{when}_journal": (
            f"CREATE TRIGGER {table}_{when}_journal AFTER {when.upper()} ON {table} "
            f"BEGIN {_JOURNAL} (NULL); END"
        )
        for when in _WHEN
    }


def sqlite_triggers() -> dict[str, str]:
    """name -> CREATE TRIGGER statement, as migration 0006 makes them on SQLite."""
    triggers: dict[str, str] = {}
    for table, column in PERSON_TABLES.items():
        triggers |= _person_triggers(table, column)
    for table in SHARED_TABLES:
        triggers |= _shared_triggers(table)
    triggers["register_changes_prune"] = (
        "CREATE TRIGGER register_changes_prune AFTER INSERT ON register_changes "
        f"WHEN NEW.seq % 1000 = 0 BEGIN DELETE FROM register_changes "
        f"WHERE seq <= NEW.seq - {KEEP}; END"
    )
    return triggers


def is_own_trigger(name: str, sql: str | None) -> bool:
    """Whether a trigger found in a file is one of VRUS's own, word for word."""
    own = sqlite_triggers().get(name)
    return own is not None and sql is not None and " ".join(sql.split()) == own


# --- PostgreSQL -----------------------------------------------------------------------------
#
# The same journal rows as on SQLite, and a notification to every window listening.
#
# Two things differ from SQLite. A server has writers committing side by side, so a seq
# taken when a row changes could commit after a higher one, and a reader that had already
# moved past the higher one would never see it. So the rows are written by deferred
# (commit-time) triggers, each transaction in turn under one advisory lock, held until it has
# committed: the journal's order is the order of the commits, and a reader finds every row
# after its place. And the writers are roles that may not touch the journal themselves (the
# lunch role, instructors): the journal's functions run as their owner, VRUS's schema owner,
# with the search path fixed to the register's schema.
#
# Every change to a table the window shows also notifies ``NOTIFY_CHANNEL`` with the table's
# name, once per statement (PostgreSQL sends one notification per channel and text and
# transaction), when the transaction commits; the windows listening refresh
# (``vrus.changes``). Who else has the register open is told on ``PRESENCE_CHANNEL`` when a
# window arrives or leaves; its heartbeat tells nobody.

NOTIFY_CHANNEL = "vrus_changes"
PRESENCE_CHANNEL = "vrus_presence"
JOURNAL_LOCK = 0x7672757301  # pg_advisory_xact_lock's key: "vrus" and 1, VRUS's own
# A literal list, not read from the models: a migration keeps making what it made. A test
# fails when a table is neither here nor in UNNOTIFIED_TABLES.
NOTIFIED_TABLES = (
    "municipalities",
    "municipality_populations",
    "organisations",
    "contact_persons",
    "instruments",
    "ensembles",
    "persons",
    "person_instruments",
    "person_diets",
    "allergies",
    "guardians",
    "person_guardians",
    "memberships",
    "seasons",
    "projects",
    "events",
    "event_days",
    "event_ensembles",
    "event_partners",
    "signups",
    "attendance",
    "staff_members",
    "event_staff",
    "volunteer_duties",
    "consents",
    "settings",
)
# Tables a later migration made, by the revision that made them: that migration makes their
# notify triggers (``postgresql_triggers(through=...)`` gives each migration what it made).
LATER_NOTIFIED_TABLES: dict[str, tuple[str, ...]] = {"0009": ("signup_absences",)}
# The journal itself, the audit trail (written with every change it records) and who is
# present (its heartbeat would wake every window twice a minute).
UNNOTIFIED_TABLES = ("register_changes", "audit_entries", "presence")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def postgresql_functions(schema: str) -> dict[str, str]:
    """name -> CREATE FUNCTION statement, as migration 0008 makes them in ``schema``."""
    owner_only = f"SECURITY DEFINER SET search_path = {_quoted(schema)}, pg_temp"
    return {
        # TG_ARGV[0]: the column holding the person's id; none for a row without a person.
        "vrus_journal_change": (
            "CREATE FUNCTION vrus_journal_change() RETURNS trigger "
            f"LANGUAGE plpgsql {owner_only} AS $$\n"
            "DECLARE\n"
            "    person_column text := TG_ARGV[0];\n"
            "    old_person integer;\n"
            "    new_person integer;\n"
            "BEGIN\n"
            f"    PERFORM pg_advisory_xact_lock({JOURNAL_LOCK});\n"
            "    IF person_column IS NULL THEN\n"
            "        INSERT INTO register_changes (person_id) VALUES (NULL);\n"
            "        RETURN NULL;\n"
            "    END IF;\n"
            "    IF TG_OP <> 'DELETE' THEN\n"
            "        new_person := (to_jsonb(NEW) ->> person_column)::integer;\n"
            "    END IF;\n"
            "    IF TG_OP <> 'INSERT' THEN\n"
            "        old_person := (to_jsonb(OLD) ->> person_column)::integer;\n"
            "    END IF;\n"
            "    IF TG_OP = 'DELETE' THEN\n"
            "        INSERT INTO register_changes (person_id) VALUES (old_person);\n"
            "    ELSE\n"
            "        INSERT INTO register_changes (person_id) VALUES (new_person);\n"
            "        -- A row moved to another person changes both persons' listings.\n"
            "        IF TG_OP = 'UPDATE' AND old_person IS DISTINCT FROM new_person THEN\n"
            "            INSERT INTO register_changes (person_id) VALUES (old_person);\n"
            "        END IF;\n"
            "    END IF;\n"
            "    RETURN NULL;\n"
            "END\n"
            "$$"
        ),
        "vrus_prune_journal": (
            "CREATE FUNCTION vrus_prune_journal() RETURNS trigger "
            f"LANGUAGE plpgsql {owner_only} AS $$\n"
            "BEGIN\n"
            f"    DELETE FROM register_changes WHERE seq <= NEW.seq - {KEEP};\n"
            "    RETURN NULL;\n"
            "END\n"
            "$$"
        ),
        "vrus_notify_change": (
            "CREATE FUNCTION vrus_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"    PERFORM pg_notify('{NOTIFY_CHANNEL}', TG_TABLE_NAME);\n"
            "    RETURN NULL;\n"
            "END\n"
            "$$"
        ),
        "vrus_notify_presence": (
            "CREATE FUNCTION vrus_notify_presence() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"    PERFORM pg_notify('{PRESENCE_CHANNEL}', '');\n"
            "    RETURN NULL;\n"
            "END\n"
            "$$"
        ),
    }


def notified_tables(through: str | None = None) -> tuple[str, ...]:
    """The tables whose changes notify the windows, as of migration ``through`` (None: all)."""
    later = [
        table
        for revision, tables in sorted(LATER_NOTIFIED_TABLES.items())
        if through is None or revision <= through
        for table in tables
    ]
    return NOTIFIED_TABLES + tuple(later)


def postgresql_triggers(through: str | None = None) -> dict[tuple[str, str], str]:
    """(table, trigger) -> CREATE TRIGGER statement, as the migrations up to ``through``
    (None: all of them) make them."""
    triggers: dict[tuple[str, str], str] = {}
    journalled = {**PERSON_TABLES, **dict.fromkeys(SHARED_TABLES, "")}
    for table, column in journalled.items():
        argument = f"'{column}'" if column else ""
        triggers[(table, f"{table}_journal")] = (
            f"CREATE CONSTRAINT TRIGGER {table}_journal AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"EXECUTE FUNCTION vrus_journal_change({argument})"
        )
        # Emptied whole (a transfer, a restore): a row without a person, read everything.
        triggers[(table, f"{table}_journal_truncate")] = (
            f"CREATE TRIGGER {table}_journal_truncate AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION vrus_journal_change()"
        )
    triggers[("register_changes", "register_changes_prune")] = (
        "CREATE TRIGGER register_changes_prune AFTER INSERT ON register_changes "
        "FOR EACH ROW WHEN (NEW.seq % 1000 = 0) EXECUTE FUNCTION vrus_prune_journal()"
    )
    for table in notified_tables(through):
        triggers[(table, f"{table}_notify")] = (
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION vrus_notify_change()"
        )
    triggers[("presence", "presence_notify")] = (
        "CREATE TRIGGER presence_notify AFTER INSERT OR DELETE ON presence "
        "FOR EACH STATEMENT EXECUTE FUNCTION vrus_notify_presence()"
    )
    return triggers


def postgresql_drops() -> list[str]:
    """The statements that remove what ``postgresql_functions`` and ``_triggers`` make."""
    drops = [f"DROP TRIGGER IF EXISTS {name} ON {table}" for table, name in postgresql_triggers()]
    return drops + [f"DROP FUNCTION IF EXISTS {name}()" for name in postgresql_functions("x")]


# The triggers in the register's schema, but PostgreSQL's own (those enforce foreign keys).
_PRESENT_TRIGGERS_SQL = (
    "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY 1, 2"
)


def postgresql_triggers_present(connection: Connection) -> set[tuple[str, str]]:
    """(table, trigger) of every trigger in the schema: VRUS's and any other program's."""
    rows = connection.exec_driver_sql(_PRESENT_TRIGGERS_SQL)
    return {(str(table), str(name)) for table, name in rows}
