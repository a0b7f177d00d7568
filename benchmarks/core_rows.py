"""The rows measured in the runner's own process, through the core as the window calls it:
the import of 5 000 rows, one attendance list PDF of 100 persons, and the reports."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

from benchmarks import floors
from benchmarks.catalogue import BY_KEY
from benchmarks.import_members import rows as member_rows
from benchmarks.import_members import write_csv
from benchmarks.results import Row, Table, size_text
from vrus.db.engine import Database, sqlite_url
from vrus.db.models import Ensemble, Instrument, Membership, Municipality, Person, SignUp
from vrus.opening import open_database

IMPORT_ROWS = 5000
PDF_PERSONS = 100


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def new_row(key: str, size: str, persons: int | None = None) -> Row:
    kind = BY_KEY[key]
    return Row(key, kind.title, size, target=kind.target(persons))


# --- import -------------------------------------------------------------------------------


def import_row(folder: Path, repeat: int, table: Table) -> None:
    """``import_members`` of the CSV into a copy of an empty register, against sqlite3
    inserting the same rows."""
    from vrus.importing import import_members

    folder.mkdir(parents=True)
    data = member_rows(IMPORT_ROWS)
    source = write_csv(folder / "members.csv", data)
    template = folder / "empty.sqlite3"
    open_database(sqlite_url(template)).close()  # new and migrated: not part of the import
    row = new_row("import", f"{size_text(IMPORT_ROWS)} rows")
    for run in range(max(repeat, 1)):
        place = folder / f"run-{run}"
        place.mkdir()
        shutil.copyfile(template, place / "register.sqlite3")
        db = open_database(sqlite_url(place / "register.sqlite3"))
        try:
            row.samples.append(timed(lambda db=db: import_members(db, source)))
        finally:
            db.close()
        row.floor.append(floors.insert_rows(place / "plain.sqlite3", data))
        shutil.rmtree(place)
    table.add(row)


# --- attendance list PDF -----------------------------------------------------------------

FIRST = ["Åsmund", "Zoë", "Łukasz", "Ingrid", "Nora", "Emil", "Sofie", "Jakob", "Aurora"]
LAST = ["Ødegård", "Nguyễn", "Berg", "Hansen", "Johansen", "Kowalski", "Dahl-Hagen", "Ærøy"]
INSTRUMENTS = ["Violin", "Viola", "Cello", "Double bass", "Flute", "Oboe", "Clarinet", "Trumpet"]


def seminar_with(db: Database, count: int) -> int:
    """One two-day seminar with ``count`` members of the youth orchestra, all signed up."""
    from vrus.events import create_event

    with db.transaction() as session:
        ungdom = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
    event_id = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=dt.date(2026, 1, 17),
        days=2,
        venue="Asker kulturskole",
        ensemble_ids=[ungdom],
    )
    with db.transaction() as session:
        instruments = dict(session.execute(select(Instrument.name_en, Instrument.id)).all())
        asker = session.scalars(select(Municipality.id).where(Municipality.number == "3203")).one()
        ids = session.scalars(
            insert(Person).returning(Person.id),
            [
                {
                    "first_name": FIRST[i % len(FIRST)],
                    "last_name": f"{LAST[i % len(LAST)]} {i}",
                    "birth_date": dt.date(2010, 5, 1),
                    "municipality_id": asker,
                }
                for i in range(count)
            ],
        ).all()
        session.execute(
            insert(Membership),
            [
                {
                    "person_id": pid,
                    "ensemble_id": ungdom,
                    "start_date": dt.date(2025, 8, 1),
                    "instrument_id": instruments[INSTRUMENTS[i % len(INSTRUMENTS)]],
                }
                for i, pid in enumerate(ids)
            ],
        )
        session.execute(
            insert(SignUp),
            [
                {"event_id": event_id, "person_id": pid, "attending": "yes", "wants_lunch": True}
                for pid in ids
            ],
        )
    return event_id


def attendance_pdf_row(folder: Path, repeat: int, table: Table) -> None:
    from vrus.printing import attendance_list_pdf

    folder.mkdir(parents=True)
    db = open_database(sqlite_url(folder / "register.sqlite3"))
    try:
        event_id = seminar_with(db, PDF_PERSONS)

        def pdf() -> None:
            with db.sessions() as session:
                attendance_list_pdf(session, event_id)

        # The first PDF of a process loads and registers the fonts: a start-up cost.
        pdf()
        floors.plain_table_pdf(PDF_PERSONS)
        row = new_row("attendance-pdf", f"{PDF_PERSONS} persons")
        for _ in range(max(repeat, 1)):
            row.samples.append(timed(pdf))
            row.floor.append(floors.plain_table_pdf(PDF_PERSONS))
    finally:
        db.close()
    table.add(row)


# --- reports ----------------------------------------------------------------------------


def report_rows(
    path: Path, persons: int, wanted: tuple[str, ...], repeat: int, table: Table
) -> None:
    """Each report in ``wanted`` built for the current season (what the Reports page shows),
    against a plain query giving the same counts; the printed one as PDF, against reportlab
    writing a plain table of as many rows."""
    from vrus.reports import build_report
    from vrus.reports.language import Translator
    from vrus.reports.output import render
    from vrus.seasons import current_season_year

    year = current_season_year()
    tr = Translator("nb")
    db = open_database(sqlite_url(path))
    try:
        for key in wanted:
            printed = key.endswith("-pdf")
            kind = key.removesuffix("-pdf").removesuffix("-report")
            rows = [0]

            def report(kind: str = kind, printed: bool = printed, rows: list = rows) -> None:
                with db.sessions() as session:
                    built = build_report(session, kind)
                if printed:
                    render(built, "pdf", tr)
                rows[0] = sum(len(t.rows) for t in built.tables)

            def floor(key: str = key, printed: bool = printed, rows: list = rows) -> float:
                if printed:
                    return floors.plain_table_pdf(rows[0])
                return floors.counts(path, key, year)

            row = new_row(key, size_text(persons), persons)
            try:
                report()  # the first of a kind imports its modules: a start-up cost
                floor()
                for _ in range(max(repeat, 1)):
                    row.samples.append(timed(report))
                    row.floor.append(floor())
            except Exception as error:  # a benchmark reports, it does not stop
                row.samples.clear()
                row.missing = f"{type(error).__name__}: {error}"[:200]
            table.add(row)
    finally:
        db.close()
