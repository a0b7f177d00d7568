"""``vrus check``: is the register intact, and which schema version does it have?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, text

from vrus.db.engine import Database
from vrus.db.migrate import current_revision, head_revision
from vrus.db.models import Event, Municipality, Person


@dataclass
class HealthReport:
    database: str
    revision: str | None
    head: str
    integrity: list[str] = field(default_factory=list)  # empty = no problems found
    foreign_key_violations: int = 0
    persons: int = 0
    events: int = 0
    municipalities: int = 0

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head

    @property
    def ok(self) -> bool:
        return self.up_to_date and not self.integrity and not self.foreign_key_violations

    def lines(self) -> list[str]:
        state = "up to date" if self.up_to_date else f"needs upgrade to {self.head}"
        lines = [
            f"Database: {self.database}",
            f"Schema version: {self.revision or 'none'} (newest {self.head}; {state})",
            "Integrity check: " + ("ok" if not self.integrity else "; ".join(self.integrity)),
            f"Foreign key violations: {self.foreign_key_violations}",
            f"Register: {self.persons} persons, {self.events} events, "
            f"{self.municipalities} municipalities",
        ]
        lines.append("Result: OK" if self.ok else "Result: PROBLEMS FOUND")
        return lines


def _sqlite_checks(connection: Connection, report: HealthReport) -> None:
    # PRAGMAs are SQLite's own; on other databases the server guards its files itself.
    rows = connection.execute(text("PRAGMA quick_check")).scalars().all()
    report.integrity = [row for row in rows if row != "ok"]
    report.foreign_key_violations = len(
        connection.execute(text("PRAGMA foreign_key_check")).all())


def check_database(db: Database) -> HealthReport:
    with db.engine.connect() as connection:
        report = HealthReport(database=db.display_name, revision=current_revision(connection),
                              head=head_revision())
        if connection.dialect.name == "sqlite":
            _sqlite_checks(connection, report)
        if report.revision is not None:
            report.persons = connection.scalar(select(func.count()).select_from(Person)) or 0
            report.events = connection.scalar(select(func.count()).select_from(Event)) or 0
            report.municipalities = connection.scalar(
                select(func.count()).select_from(Municipality)) or 0
    return report
