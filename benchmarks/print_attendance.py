"""Time the attendance list PDF: ``python benchmarks/print_attendance.py [N ...]``.

For each N (default 100 and 200) builds a register with one two-day seminar and N signed-up
members spread over the sections, then times ``attendance_list_pdf`` (the grouped list, the
list per section and the sign-in sheet), from the database query to the PDF bytes. Not a
test: prints the figures for the record. Target: well under a second for 100 people.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import insert, select

from vrus.db.engine import Database, sqlite_url
from vrus.db.models import Ensemble, Instrument, Membership, Municipality, Person, SignUp
from vrus.events import create_event
from vrus.opening import open_database
from vrus.printing import attendance_list_pdf

RUNS = 5
FIRST = [
    "Åsmund",
    "Zoë",
    "Łukasz",
    "Ingrid",
    "Nora",
    "Emil",
    "Sofie",
    "Jakob",
    "Aurora",
    "Filip",
    "Maja",
    "Olav",
    "Thi",
    "Amir",
    "Sunniva",
    "Ola",
    "Kari",
    "Jonas",
]
LAST = [
    "Ødegård",
    "Nguyễn",
    "Berg",
    "Hansen",
    "Johansen",
    "Larsen",
    "Haugen",
    "Bakke",
    "Kowalski",
    "Aas",
    "Dahl-Hagen",
    "van der Berg",
    "Ærøy",
]
INSTRUMENTS = [
    "Violin",
    "Violin",
    "Viola",
    "Cello",
    "Double bass",
    "Flute",
    "Oboe",
    "Clarinet",
    "Bassoon",
    "French horn",
    "Trumpet",
    "Trombone",
    "Percussion",
]


def build(db: Database, count: int) -> int:
    """One seminar with ``count`` members of the youth orchestra, all signed up."""
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


def timed(db: Database, event_id: int, **variant: bool) -> tuple[float, bytes]:
    """The median of RUNS builds, each in a fresh session (no cached rows)."""
    times, data = [], b""
    for _ in range(RUNS):
        started = time.perf_counter()
        with db.transaction() as session:
            data = attendance_list_pdf(session, event_id, **variant)
        times.append(time.perf_counter() - started)
    return statistics.median(times), data


def main(sizes: list[int]) -> None:
    with db_in_temp() as db:
        # The first list of a process also loads and registers the fonts.
        event_id = build(db, 100)
        started = time.perf_counter()
        with db.transaction() as session:
            attendance_list_pdf(session, event_id)
        print(
            f"  first list in a fresh process (100 people, fonts loaded): "
            f"{(time.perf_counter() - started) * 1000:.1f} ms"
        )
    for count in sizes:
        with db_in_temp() as db:
            event_id = build(db, count)
            for label, variant in (
                ("grouped", {}),
                ("by section", {"by_section": True}),
                ("sign-in", {"sign_in": True}),
            ):
                seconds, data = timed(db, event_id, **variant)
                page_count = len(PdfReader(io.BytesIO(data)).pages)
                print(
                    f"{count:>5} people, {label:<10}: {seconds * 1000:7.1f} ms "
                    f"(median of {RUNS}), {page_count} pages, {len(data) / 1024:.0f} KiB"
                )


@contextmanager
def db_in_temp() -> Iterator[Database]:
    """A migrated register in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        try:
            yield db
        finally:
            db.close()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 200])
