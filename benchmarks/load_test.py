"""Ten users at once on a shared PostgreSQL server: ``python -m benchmarks.load_test``.

Starts a throwaway local server (``tests/pg_server.py``; or ``--url`` of a bare database you
own), sets it up as ``vrus server setup`` does, loads the demo season and gives each
simulated user a login of their role: two coordinators, two of the friends' association
(lunch), four instructors, two readers. For ``--seconds`` (60) each user, in a process of its
own, does the season's work in a loop, as the window's core calls do it:

- coordinator: answers sign-ups, records attendance, edits a person (reads, thinks for a
  moment as a user does, saves with the version read: the races this is meant to show),
  builds the annual report;
- lunch: reads the lunch plan of a seminar (counts, diets, allergies);
- instructor: records attendance for a seminar day (the version the grid showed);
- reader: builds the season's attendance and annual reports (counts only).

The edits all go to a few "hot" persons, each a counter kept in the person's note: every save
adds one to what the user read. At the end the note of each must equal the saves that
succeeded: a lost update would show as a smaller number. A save that lost the race is a
``ConflictError`` (counted, not an error); any other exception fails the run.

Prints operations, conflicts and latency percentiles per kind of work; exits 1 on an error
or a lost update. Measures, asserts nothing about time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

HOT_PERSONS = 4
COUNTER = "load test: "
ROLES = (
    ("coordinator", 2),
    ("lunch", 2),
    ("instructor", 4),
    ("reader", 2),
)


@dataclass
class Outcome:
    """What one simulated user did."""

    user: str
    role: str
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    conflicts: Counter[str] = field(default_factory=Counter)
    saved: Counter[int] = field(default_factory=Counter)  # hot person -> increments saved
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Season:
    """What the users work on: ids read once by the driver."""

    events: list[int]
    seminars: list[int]
    days: dict[int, list[int]]  # event -> day ids
    invited: dict[int, list[int]]  # event -> person ids
    hot: list[int]
    year: int


def _season(url: str) -> Season:
    from sqlalchemy import select

    from vrus.db.models import Event, EventDay
    from vrus.db.models import Season as SeasonRow
    from vrus.opening import open_database
    from vrus.seasons import current_season_year
    from vrus.signups import invited_by_event

    db = open_database(url)
    try:
        with db.sessions() as session:
            year = current_season_year()
            rows = [
                (event_id, kind)
                for event_id, kind, start in session.execute(
                    select(Event.id, Event.kind, SeasonRow.start_date).join(
                        SeasonRow, SeasonRow.id == Event.season_id
                    )
                )
                if start.year == year
            ]
            events = [event_id for event_id, _kind in rows]
            seminars = [event_id for event_id, kind in rows if kind == "seminar"] or events
            days: dict[int, list[int]] = defaultdict(list)
            for day_id, event_id in session.execute(
                select(EventDay.id, EventDay.event_id).where(EventDay.event_id.in_(events))
            ):
                days[event_id].append(day_id)
            invited = {e: sorted(ids) for e, ids in invited_by_event(session, events).items()}
        everyone = sorted({p for ids in invited.values() for p in ids})
        hot = random.Random(17).sample(everyone, HOT_PERSONS)
        return Season(events, seminars, dict(days), invited, hot, year)
    finally:
        db.close()


def _timed(outcome: Outcome, kind: str, work) -> None:  # noqa: ANN001 - a closure
    from vrus.conflicts import ConflictError

    started = time.perf_counter()
    try:
        work()
    except ConflictError:
        outcome.conflicts[kind] += 1
    finally:
        outcome.latencies[kind].append((time.perf_counter() - started) * 1000)


def _answer_signup(db, season: Season, rng: random.Random) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from vrus.conflicts import NO_ROW
    from vrus.db.models import SignUp
    from vrus.signups import set_signup

    event = rng.choice([e for e in season.events if season.invited.get(e)])
    person = rng.choice(season.invited[event])
    with db.sessions() as session:
        row = session.execute(
            select(SignUp.version, SignUp.attending, SignUp.wants_lunch).where(
                SignUp.event_id == event, SignUp.person_id == person
            )
        ).first()
    version = row.version if row else NO_ROW
    original = {"attending": row.attending, "wants_lunch": row.wants_lunch} if row else None
    set_signup(
        db,
        event,
        person,
        attending=rng.choice(["yes", "no", "unknown"]),
        wants_lunch=rng.random() < 0.8,
        expected_version=version,
        original=original,
    )


def _record_attendance(db, season: Season, rng: random.Random) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from vrus.attendance import record_attendance
    from vrus.conflicts import NO_ROW
    from vrus.db.models import Attendance

    event = rng.choice([e for e in season.seminars if season.days.get(e) and season.invited.get(e)])
    day = rng.choice(season.days[event])
    person = rng.choice(season.invited[event])
    with db.sessions() as session:
        row = session.execute(
            select(Attendance.version, Attendance.status).where(
                Attendance.event_day_id == day, Attendance.person_id == person
            )
        ).first()
    version = row.version if row else NO_ROW
    original = {"status": row.status} if row else None
    status = rng.choice(["present", "absent", "excused"])
    record_attendance(db, day, person, status, expected_version=version, original=original)


def _edit_hot_person(db, season: Season, rng: random.Random, outcome: Outcome) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from vrus.db.models import Person
    from vrus.persons import update_person

    person = rng.choice(season.hot)
    with db.sessions() as session:
        version, note = session.execute(
            select(Person.version, Person.notes).where(Person.id == person)
        ).one()
    count = _count(note)
    time.sleep(rng.uniform(0.02, 0.2))  # a user reading the form before saving
    update_person(
        db,
        person,
        # Who and which save, so no two saves write the same value (a save of the value the
        # register already holds is no conflict: nothing of anyone's would be lost).
        {"notes": f"{COUNTER}{count + 1} ({outcome.user} #{sum(outcome.saved.values())})"},
        expected_version=version,
        original={"notes": note},
    )
    outcome.saved[person] += 1  # reached only when the save went through


def _count(note: str | None) -> int:
    if not note or not note.startswith(COUNTER):
        return 0
    return int(note[len(COUNTER) :].split()[0])


def _lunch_plan(db, season: Season, rng: random.Random) -> None:  # noqa: ANN001
    from vrus.lunch import lunch_plan

    with db.sessions() as session:
        lunch_plan(session, rng.choice(season.seminars))


def _annual_report(db, season: Season, _rng: random.Random) -> None:  # noqa: ANN001
    from vrus.reports.annual import annual_summary

    with db.sessions() as session:
        annual_summary(session, season.year)


def _attendance_report(db, season: Season, _rng: random.Random) -> None:  # noqa: ANN001
    from vrus.reports.attendance import season_attendance

    with db.sessions() as session:
        season_attendance(session, season.year, municipalities=False, names=False)


def _work(role: str):  # noqa: ANN202 - (weight, kind, function) triples
    if role == "coordinator":
        return [
            (4, "sign-up", _answer_signup),
            (3, "attendance", _record_attendance),
            (3, "edit person", None),
            (1, "annual report", _annual_report),
        ]
    if role == "lunch":
        return [(1, "lunch plan", _lunch_plan)]
    if role == "instructor":
        return [(1, "attendance", _record_attendance)]
    return [(1, "attendance report", _attendance_report), (1, "annual report", _annual_report)]


def _user(url: str, user: str, role: str, season: Season, seconds: float, seed: int, queue) -> None:  # noqa: ANN001
    outcome = Outcome(user, role)
    rng = random.Random(seed)
    try:
        from vrus.opening import open_database

        db = open_database(url)
    except Exception:  # noqa: BLE001 - reported by the driver
        outcome.errors.append(traceback.format_exc(limit=3))
        queue.put(outcome)
        return
    work = _work(role)
    weights = [w for w, _k, _f in work]
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            _w, kind, function = rng.choices(work, weights)[0]
            try:
                if function is None:
                    _timed(outcome, kind, lambda: _edit_hot_person(db, season, rng, outcome))
                else:
                    _timed(outcome, kind, lambda f=function: f(db, season, rng))
            except Exception:  # noqa: BLE001 - every other failure is an error of the run
                outcome.errors.append(f"{kind}: {traceback.format_exc(limit=4)}")
                if len(outcome.errors) > 20:
                    break
            time.sleep(rng.uniform(0.0, 0.05))  # users are not machines
    finally:
        db.close()
    queue.put(outcome)


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _prepare(url: str, owner_url_for) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """Set up the database, load the demo season, make a login per simulated user."""
    from vrus.demo import load_demo
    from vrus.opening import open_database
    from vrus.server.roles import Role, add_user, setup

    setup(url)
    db = open_database(url)
    try:
        load_demo(db)
    finally:
        db.close()
    users: dict[str, tuple[str, str]] = {}
    suffix = random.Random().randrange(10**6)
    for role, count in ROLES:
        for n in range(1, count + 1):
            name = f"load_{role}_{n}_{suffix}"
            add_user(url, name, Role(role), None)
            users[name] = (role, owner_url_for(name))
    return users


def _report(outcomes: list[Outcome], seconds: float, season: Season, url: str) -> int:
    from sqlalchemy import select

    from vrus.db.models import Person
    from vrus.opening import open_database

    by_kind: dict[str, list[float]] = defaultdict(list)
    conflicts: Counter[str] = Counter()
    saved: Counter[int] = Counter()
    errors: list[str] = []
    for outcome in outcomes:
        for kind, samples in outcome.latencies.items():
            by_kind[kind].extend(samples)
        conflicts.update(outcome.conflicts)
        saved.update(outcome.saved)
        errors.extend(f"{outcome.user} ({outcome.role}): {e}" for e in outcome.errors)
    print(f"\n{len(outcomes)} users for {seconds:.0f} s")
    print(
        f"{'work':<20}{'done':>7}{'per s':>8}{'conflicts':>11}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'max ms':>9}"
    )
    for kind in sorted(by_kind):
        samples = by_kind[kind]
        print(
            f"{kind:<20}{len(samples):>7}{len(samples) / seconds:>8.1f}{conflicts[kind]:>11}"
            f"{statistics.median(samples):>9.1f}{_percentile(samples, 95):>9.1f}"
            f"{_percentile(samples, 99):>9.1f}{max(samples):>9.1f}"
        )
    everything = [s for samples in by_kind.values() for s in samples]
    print(
        f"{'all':<20}{len(everything):>7}{len(everything) / seconds:>8.1f}"
        f"{sum(conflicts.values()):>11}{statistics.median(everything):>9.1f}"
        f"{_percentile(everything, 95):>9.1f}{_percentile(everything, 99):>9.1f}"
        f"{max(everything):>9.1f}"
    )
    db = open_database(url)
    lost = []
    try:
        with db.sessions() as session:
            notes = dict(
                session.execute(
                    select(Person.id, Person.notes).where(Person.id.in_(season.hot))
                ).all()
            )
    finally:
        db.close()
    print("\nhot persons: saves that went through / the counter in the register")
    for person in season.hot:
        note = notes.get(person) or ""
        stored = _count(note)
        print(f"  person {person}: {saved[person]} / {stored}")
        if stored != saved[person]:
            lost.append(person)
    print(f"lost updates: {len(lost)}; errors: {len(errors)}")
    for error in errors[:10]:
        print("ERROR", error)
    return 1 if lost or errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load_test", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--url", help="an empty database you own (default: a throwaway local server)"
    )
    args = parser.parse_args(argv)
    from sqlalchemy.engine import make_url

    server = None
    if args.url:
        url = args.url
    else:
        from tests import pg_server

        server = pg_server.start()
        url = server.url("postgres")
        from sqlalchemy import create_engine

        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql("CREATE DATABASE vrus_load")
        admin.dispose()
        url = server.url("vrus_load")
    try:

        def login(name: str) -> str:
            return make_url(url).set(username=name, password=None).render_as_string(False)

        started = time.perf_counter()
        users = _prepare(url, login)
        season = _season(url)
        print(
            f"set up, demo season loaded and {len(users)} logins made in "
            f"{time.perf_counter() - started:.1f} s; season {season.year}: "
            f"{len(season.events)} events, hot persons {season.hot}"
        )
        queue = multiprocessing.get_context("spawn").Queue()
        processes = [
            multiprocessing.get_context("spawn").Process(
                target=_user, args=(login_url, name, role, season, args.seconds, seed, queue)
            )
            for seed, (name, (role, login_url)) in enumerate(users.items())
        ]
        for process in processes:
            process.start()
        outcomes = [queue.get(timeout=args.seconds + 300) for _ in processes]
        for process in processes:
            process.join()
        return _report(outcomes, args.seconds, season, url)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
