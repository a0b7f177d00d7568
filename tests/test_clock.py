"""One clock: the core reads the time only through vrus.clock, stores UTC, shows local days."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

import vrus
from tests.factories import add_person
from vrus import clock
from vrus.db.models import Person
from vrus.persons import archive_person, person_details

SOURCES = Path(vrus.__file__).resolve().parent
# Reading the clock anywhere but vrus/clock.py: the bug this rule is about.
CLOCK_CALLS = re.compile(
    r"\b(?:date\.today|datetime\.now|datetime\.utcnow|time\.time|"
    r"QDate\.currentDate|QDateTime\.currentDateTime)\b"
)
UTC_PLUS_14 = "<+14>-14"  # POSIX TZ: no tz database needed; noon here is 22:00 UTC the day before


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the test in UTC+14, then put the time zone back."""
    monkeypatch.setenv("TZ", UTC_PLUS_14)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _python_files() -> list[Path]:
    return [p for p in SOURCES.rglob("*.py") if "migrations" not in p.parts]


def test_only_the_clock_module_reads_the_clock() -> None:
    offenders = [
        f"{p.relative_to(SOURCES)}:{n}: {line.strip()}"
        for p in _python_files()
        if p.name != "clock.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_CALLS.search(line)
    ]
    assert offenders == []


def test_the_today_type_is_declared_once() -> None:
    declared = [
        p.relative_to(SOURCES)
        for p in _python_files()
        if re.search(r"^Today\s*=", p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert declared == [Path("clock.py")]


def test_the_tests_clock_is_frozen_at_local_noon(frozen_clock: dt.date) -> None:
    assert clock.today() == frozen_clock
    assert clock.local_now().date() == frozen_clock
    assert abs(clock.local_now() - dt.datetime.combine(frozen_clock, dt.time(12))) < dt.timedelta(
        minutes=5
    )


@pytest.mark.today("2028-02-29")
def test_a_day_marker_wins_over_the_environment() -> None:
    assert clock.today() == dt.date(2028, 2, 29)


def test_stored_times_are_utc_and_shown_as_the_local_day(zone: None) -> None:
    with time_machine.travel(
        dt.datetime(2026, 3, 7, 12, tzinfo=dt.timezone(dt.timedelta(hours=14))), tick=False
    ):
        assert clock.today() == dt.date(2026, 3, 7)
        assert clock.local_now() == dt.datetime(2026, 3, 7, 12, 0)
        assert clock.utc_now() == dt.datetime(2026, 3, 6, 22, 0)
        assert clock.local_date(clock.utc_now()) == dt.date(2026, 3, 7)


def test_archiving_stamps_utc_and_the_day_shown_is_the_local_one(db, zone: None) -> None:
    pid = add_person(db, "Åsmund", "Øye")
    with time_machine.travel(
        dt.datetime(2026, 3, 7, 12, tzinfo=dt.timezone(dt.timedelta(hours=14))), tick=False
    ):
        archive_person(db, pid)
    with db.sessions() as session:
        stored = session.get(Person, pid).archived_at
        details = person_details(session, pid)
    assert stored == dt.datetime(2026, 3, 6, 22, 0)  # UTC, as every stored timestamp
    assert clock.local_date(details.archived_at) == dt.date(2026, 3, 7)


def test_created_at_is_utc(db, zone: None) -> None:
    with time_machine.travel(
        dt.datetime(2026, 1, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=14))), tick=False
    ):
        pid = add_person(db, "Zoë", "Aasen")
    with db.sessions() as session:
        assert session.get(Person, pid).created_at == dt.datetime(2025, 12, 31, 19, 0)
