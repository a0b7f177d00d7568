"""The register's change journal: the triggers that fill ``register_changes``.

Made by migration 0006 and recognised by the integrity check: VRUS's schema has exactly
these triggers and no others, each with exactly this text, so a trigger some other program
put in the file (which could copy children's data elsewhere or undo an erasure) still stands
out. Changing a trigger is a new migration and a new entry here; the check accepts every
text a released migration made.
"""

from __future__ import annotations

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
