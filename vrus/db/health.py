"""``vrus check``: is the register intact, and which schema version does it have?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError

from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.integrity import SCHEMA_OBJECTS_SQL, foreign_objects, is_damage, restore_command
from vrus.db.journal import postgresql_triggers, postgresql_triggers_present
from vrus.db.keys import RegisterKey
from vrus.db.migrate import current_revision, head_revision
from vrus.db.models import Event, Municipality, Person


@dataclass
class HealthReport:
    database: str
    revision: str | None
    head: str
    integrity: list[str] = field(default_factory=list)  # empty = no problems found
    foreign_key_violations: int = 0
    # Triggers and views in the file: VRUS makes none, so each is a finding.
    foreign_objects: list[str] = field(default_factory=list)
    persons: int = 0
    events: int = 0
    municipalities: int = 0
    restore_hint: str | None = None  # the newest good backup, when the check found damage
    # None for a server database; a plain register is no finding (``ok`` stays true), but
    # the line says so.
    encrypted: bool | None = None
    key_place: str | None = None  # where the key of an encrypted register was found

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head

    @property
    def ok(self) -> bool:
        return (
            self.up_to_date
            and not self.integrity
            and not self.foreign_key_violations
            and not self.foreign_objects
        )

    def _foreign(self) -> str:
        found = "; ".join(self.foreign_objects)
        return (
            f"{found}; VRUS makes no such triggers and no views, so another program changed "
            "the file: do not use it, restore a good backup or ask for help"
        )

    def _encryption_lines(self) -> list[str]:
        if self.encrypted is None:
            return []
        if self.encrypted:
            return ["Encrypted: yes", f"Key: {self.key_place}"]
        return [
            "Encrypted: no",
            "Warning: anyone with the file or a backup can read it; 'vrus encrypt' encrypts it",
        ]

    def lines(self) -> list[str]:
        state = "up to date" if self.up_to_date else f"needs upgrade to {self.head}"
        lines = [
            f"Database: {self.database}",
            *self._encryption_lines(),
            f"Schema version: {self.revision or 'none'} (newest {self.head}; {state})",
            "Integrity check: " + ("ok" if not self.integrity else "; ".join(self.integrity)),
            f"Foreign key violations: {self.foreign_key_violations}",
            "Triggers and views: " + ("none" if not self.foreign_objects else self._foreign()),
            f"Register: {self.persons} persons, {self.events} events, "
            f"{self.municipalities} municipalities",
        ]
        if self.restore_hint:
            lines.append(self.restore_hint)
        lines.append("Result: OK" if self.ok else "Result: PROBLEMS FOUND")
        return lines


def _sqlite_checks(connection: Connection, report: HealthReport) -> None:
    # PRAGMAs are SQLite's own; on other databases the server guards its files itself.
    rows = connection.execute(text("PRAGMA quick_check")).scalars().all()
    report.integrity = [row for row in rows if row != "ok"]
    report.foreign_key_violations = len(connection.execute(text("PRAGMA foreign_key_check")).all())
    found = connection.execute(text(SCHEMA_OBJECTS_SQL)).all()
    report.foreign_objects = [
        f"the register contains a {kind} '{name}' that VRUS did not make"
        for kind, name in foreign_objects(found)
    ]


_SERVER_VIEWS_SQL = (
    "SELECT viewname FROM pg_views WHERE schemaname = current_schema() ORDER BY viewname"
)


def _postgresql_checks(connection: Connection, report: HealthReport) -> None:
    """The server keeps its files intact itself; what is checked is the schema: triggers and
    views another program added, and VRUS's own triggers (the change journal and the
    notifications of other users' saves) where one is missing."""
    if report.revision is None or report.revision < "0008":
        return  # the server's triggers come with migration 0008
    own = set(postgresql_triggers())
    found = postgresql_triggers_present(connection)
    views = connection.execute(text(_SERVER_VIEWS_SQL)).scalars().all()
    report.foreign_objects = [
        f"the register contains a trigger '{table}.{name}' that VRUS did not make"
        for table, name in sorted(found - own)
    ]
    report.foreign_objects += [
        f"the register contains a view '{name}' that VRUS did not make" for name in views
    ]
    report.foreign_objects += [
        f"VRUS's trigger '{table}.{name}' is missing (run 'vrus server setup' again)"
        for table, name in sorted(own - found)
    ]


def check_database(db: Database) -> HealthReport:
    report = HealthReport(database=db.display_name, revision=None, head=head_revision())
    if db.path is not None:
        report.encrypted = db.encrypted
        report.key_place = db.key.describe() if db.key is not None else None
    try:
        with db.engine.connect() as connection:
            report.revision = current_revision(connection)
            if connection.dialect.name == "sqlite":
                _sqlite_checks(connection, report)
            elif connection.dialect.name == "postgresql":
                _postgresql_checks(connection, report)
            if report.revision is not None:
                report.persons = connection.scalar(select(func.count()).select_from(Person)) or 0
                report.events = connection.scalar(select(func.count()).select_from(Event)) or 0
                report.municipalities = (
                    connection.scalar(select(func.count()).select_from(Municipality)) or 0
                )
    except DBAPIError as error:
        if not is_damage(error, encrypted=bool(db.encrypted)):
            raise
        report.integrity.append(str(error.orig))
    except MemoryError:
        # SQLCipher answers "out of memory" (SQLITE_NOMEM) when a damaged page of an
        # encrypted register does not decrypt; the quick check has found it already.
        report.integrity.append("a page of the register could not be decrypted (damaged)")
    if (report.integrity or report.foreign_objects) and db.path is not None:
        report.restore_hint = _restore_hint(db.path, db.key)
    return report


def _restore_hint(path: Path, key: RegisterKey | None) -> str:
    # Imported here: vrus.backup builds on the database modules.
    from vrus.backup_files import newest_good_backup

    good = newest_good_backup(path, key)
    if good is None:
        return "No good backup found; keep the file as it is and ask for help"
    return (
        f"Newest good backup: {good.path} ({format_date(good.taken.date())} "
        f"{good.taken:%H:%M}); restore it with: {restore_command(path, good.path)}"
    )
