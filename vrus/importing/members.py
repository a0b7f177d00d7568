"""Importing the member register from a spreadsheet: all rows or none.

Every row is read and checked first; the register is written only when no row has an error,
and then in one transaction, so a failure, a crash or a killed process leaves the register as
it was. A row whose first name, last name and birth date match a person in the register
updates that person instead of adding a second copy, so importing the same file twice is safe.

The window's import is one undoable step (``undoable=True``, ``vrus.undo``): the rows it may
change, the persons the file matches and the guardians in the register it links to, are
snapshot once the plan is known, inside the import's transaction and before its first write
(on SQLite that transaction already holds the write lock, so nobody's change comes between).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from vrus import clock
from vrus.db.engine import Database
from vrus.db.models import Person, PersonGuardian
from vrus.errors import VrusError
from vrus.importing.headers import Columns, match_headers
from vrus.importing.report import ImportReport, Problem
from vrus.importing.rows import PersonKey, PlannedRow, RowReader, person_key, read_row
from vrus.importing.sources import Table, read_table
from vrus.importing.values import Reference
from vrus.importing.writing import (
    GuardianIndex,
    insert_new_persons,
    update_person,
    write_consents,
)
from vrus.texts import Text, translate
from vrus.undo import Recorder, Scope, Step
from vrus.validation import format_date

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

BATCH_SIZE = 500  # rows between flushes: keeps memory flat and reports progress
PROGRESS_EVERY = 250  # rows between progress calls while checking
_ID_CHUNK = 500  # ids per IN (...) when loading matched persons


class ImportFailedError(VrusError):
    """Writing failed part-way; the transaction was rolled back.

    ``str(error)`` is English; ``message`` is the ``Text`` the window translates.
    """

    def __init__(self, message: Text | str) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Plan:
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(1 for row in self.rows if row.match_id is None)

    @property
    def updated(self) -> int:
        return sum(1 for row in self.rows if row.match_id is not None)


def import_members(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    mapping: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    undoable: bool = False,
) -> ImportReport:
    """Import persons, memberships and their details from a CSV or XLSX file.

    ``mapping`` assigns headers the import does not know to a field of
    ``vrus.importing.headers.FIELDS`` or to "ignore". ``progress(done, total)`` is called as
    rows are checked (the first half of ``total``) and written (the second half). Raises
    ``ImportFileError`` when the file cannot be read as a table at all. ``undoable``: an
    import that writes is recorded, ``report.step`` undoes it (``vrus.undo.undo``).
    """
    today = clock.or_today(today)
    table = read_table(path)
    report = ImportReport(
        file=Path(path).name,
        encoding=table.encoding,
        delimiter=table.delimiter_name,
        sheet=table.sheet,
        rows=len(table.rows),
        dry_run=dry_run,
    )
    columns = match_headers(table.headers, table.header_row, mapping)
    tick = _Ticker(progress, 2 * len(table.rows))
    recorder: Recorder | None = None
    created: list[int] = []
    try:
        with db.transaction() as session:
            plan = plan_import(session, table, columns, today, tick)
            report.problems = sorted(columns.problems + plan.problems, key=lambda p: p.row)
            report.created, report.updated = plan.created, plan.updated
            if report.ok and not dry_run:
                if undoable:
                    recorder = Recorder(db, undo_scope(session, plan))
                created = write_plan(session, plan, today, tick)
    except SQLAlchemyError as error:
        # The traceback goes to the log (without the error's message, which may quote a
        # value); the user reads the database's reason.
        log.exception("a member import failed; rolled back")
        cause = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise ImportFailedError(
            translate("Core", "the import stopped and nothing was written: {cause}").format(
                cause=cause
            )
        ) from error
    report.applied = report.ok and not dry_run
    if recorder is not None:
        report.step = _finish(recorder, created)
    tick.finish()
    return report


def undo_scope(session: Session, plan: Plan) -> Scope:
    """The rows in the register that writing ``plan`` may change: the persons its rows match
    (with their details and the guardians linked to them), and the guardians in the register
    its rows' guardians are found as (by name and phone or e-mail), which it links to a child
    and whose phone and e-mail it may overwrite."""
    guardians = GuardianIndex(session)
    found = (guardians.find_id(value) for row in plan.rows for value in row.guardians)
    return Scope(
        persons=(row.match_id for row in plan.rows if row.match_id is not None),
        guardians=(gid for gid in found if gid is not None),
    )


def _finish(recorder: Recorder, created: list[int]) -> Step | None:
    """The import's undo step, read after its commit; the persons it added are new rows (the
    guardians it created are reached through them)."""
    recorder.grow(Scope(persons=created))
    try:
        return recorder.finish()
    except SQLAlchemyError:
        # The import is saved; only its undo is lost. Said in the log, not as a failure.
        log.exception("a member import was saved but could not be recorded for undo")
        return None


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total = progress, total

    def __call__(self, done: int) -> None:
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)

    def finish(self) -> None:
        self(self.total)


# --- Planning ------------------------------------------------------------------------------


def plan_import(
    session: Session, table: Table, columns: Columns, today: dt.date, tick: Callable[[int], None]
) -> Plan:
    """Read and check every row; match rows to persons already in the register."""
    reference = Reference.load(session, today)
    plan = Plan()
    seen: dict[PersonKey, PlannedRow] = {}
    for index, (number, cells) in enumerate(zip(table.numbers, table.rows, strict=True), 1):
        reader = RowReader(number, cells, columns, plan.problems)
        planned = read_row(reader, reference, today)
        if planned is not None and _not_duplicate(planned, seen, reader):
            plan.rows.append(planned)
        if index % PROGRESS_EVERY == 0:
            tick(index)
    _match_register(session, plan)
    return plan


def _not_duplicate(
    planned: PlannedRow, seen: dict[PersonKey, PlannedRow], reader: RowReader
) -> bool:
    first = seen.setdefault(planned.key, planned)
    if first is planned:
        return True
    reader.report(
        "first_name",
        translate(
            "Core", "rows {first} and {second} are the same person ({person}); keep one of them"
        ).format(first=first.row, second=planned.row, person=planned.describe()),
    )
    return False


def _match_register(session: Session, plan: Plan) -> None:
    """Set ``match_id`` for rows that describe a person already in the register."""
    wanted = {row.key for row in plan.rows}
    found: dict[PersonKey, list[tuple[int, dt.datetime | None]]] = {}
    query = select(
        Person.id, Person.first_name, Person.last_name, Person.birth_date, Person.archived_at
    ).where(Person.birth_date.is_not(None))
    for pid, first, last, born, archived in session.execute(query):
        if born is None:  # never: the query asks for a birth date (mypy cannot see it)
            continue
        key = person_key(first, last, born)
        if key in wanted:
            found.setdefault(key, []).append((pid, archived))
    for row in plan.rows:
        matches = found.get(row.key, [])
        if len(matches) > 1:
            ids = ", ".join(str(pid) for pid, _ in matches)
            plan.problems.append(
                Problem(
                    row.row,
                    "",
                    translate(
                        "Core",
                        "{person} is in the register {count} times (ids {ids}); merge them first",
                    ).format(person=row.describe(), count=len(matches), ids=ids),
                )
            )
        elif matches:
            row.match_id, archived = matches[0]
            if archived is not None:
                plan.problems.append(
                    Problem(
                        row.row,
                        "",
                        translate(
                            "Core", "{person} was archived on {date}; updated but stays archived"
                        ).format(person=row.describe(), date=format_date(archived.date())),
                        "warning",
                    )
                )
    plan.rows = [row for row in plan.rows if len(found.get(row.key, [])) <= 1]


# --- Writing -------------------------------------------------------------------------------


def _load_matched(session: Session, ids: list[int]) -> dict[int, Person]:
    """The persons to update, with everything the update touches, in a few queries."""
    persons: dict[int, Person] = {}
    options = (
        selectinload(Person.instruments),
        selectinload(Person.diets),
        selectinload(Person.allergies),
        selectinload(Person.memberships),
        selectinload(Person.guardian_links).selectinload(PersonGuardian.guardian),
    )
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        for person in session.scalars(select(Person).where(Person.id.in_(chunk)).options(*options)):
            persons[person.id] = person
    return persons


def write_plan(
    session: Session, plan: Plan, today: dt.date, tick: Callable[[int], None]
) -> list[int]:
    """Apply every planned row in ``session``; the caller's transaction commits or not.
    Returns the ids of the persons added.

    Updates go first, through the ORM, and are flushed before the bulk INSERTs of new
    persons, so guardians created for an updated child are found (by id) for a new sibling.
    """
    guardians = GuardianIndex(session)
    updates = [row for row in plan.rows if row.match_id is not None]
    matched = _load_matched(session, [row.match_id for row in updates])  # type: ignore[misc]
    done = len(plan.rows)  # the checking half of the progress is over
    for index, planned in enumerate(updates, 1):
        update_person(matched[planned.match_id], planned, guardians, today)  # type: ignore[index]
        if index % BATCH_SIZE == 0:
            session.flush()
            tick(done + index)
    session.flush()
    write_consents(session, ((row.match_id, row) for row in updates), today)  # type: ignore[misc]
    guardians.settle()
    done += len(updates)
    new = [row for row in plan.rows if row.match_id is None]
    created: list[int] = []
    for start in range(0, len(new), BATCH_SIZE):
        batch = new[start : start + BATCH_SIZE]
        created += insert_new_persons(session, batch, guardians, today)
        tick(done + start + len(batch))
    return created
