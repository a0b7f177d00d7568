"""Shared fixtures: a fresh, migrated SQLite file per test, Qt set up offscreen, a frozen
clock and a fixed locale.

The suite must pass on any day, in any time zone and under any locale:

- **The clock** is frozen for every test at noon (local time) of one day, with time-machine,
  which moves Python's clock and so ``vrus.clock`` (time still ticks on from there, so
  timeouts work). The day is ``DEFAULT_TODAY``, or ``VRUS_TEST_TODAY=YYYY-MM-DD`` from the
  environment: ``.ci/run`` runs the suite again under several days that have caught date bugs
  (1 January, 29 February, 31 December, a day 1-9 of a month) and in a time zone far from UTC.
  A test that is about one particular day says so with ``@pytest.mark.today("2026-03-14")``
  (that day then holds whatever the environment says); every other test must pass on any day.
- **The locale** is pinned to C.UTF-8 before Qt loads, as Vorta does: VRUS formats dates and
  sorts names itself, and a test must not pass only on a Norwegian (or an English) machine.
- **The time zone** is left to the environment, so that CI can vary it.
"""

from __future__ import annotations

import os

# Before anything can import Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _name in ("LC_ALL", "LANG"):
    os.environ[_name] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
# Never the real key store of the machine the tests run on (a developer's keychain): keyring
# is switched off, also for the subprocesses tests start; the ``key_store`` fixture gives a
# test one of its own.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
os.environ.pop("VRUS_KEY_FILE", None)

import datetime as dt  # noqa: E402
import fcntl  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

import pytest  # noqa: E402
import time_machine  # noqa: E402

from tests import pg_server as pg_server_module  # noqa: E402
from vrus import clock  # noqa: E402
from vrus.db.engine import Database, sqlite_url  # noqa: E402
from vrus.opening import open_database  # noqa: E402

if TYPE_CHECKING:
    from tests.keystore import FileKeyring

DEFAULT_TODAY = dt.date(2026, 12, 2)  # any day would do; this one is when the rule was made


def test_today() -> dt.date:
    """The day this run freezes the clock on (``VRUS_TEST_TODAY`` or the default)."""
    text = os.environ.get("VRUS_TEST_TODAY", "").strip()
    return dt.date.fromisoformat(text) if text else DEFAULT_TODAY


test_today.__test__ = False  # a helper, not a test


def pytest_report_header() -> str:
    return f"frozen clock: {test_today().isoformat()} 12:00 local, TZ={os.environ.get('TZ', '')!r}"


@pytest.fixture(autouse=True)
def frozen_clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Freeze the clock at noon, local time, of the test's day; returns that day.

    Also notes whether the test read ``vrus.clock``: those are the tests that ``.ci/run``
    runs again under other days (``--clock-readers``)."""
    marker = request.node.get_closest_marker("today")
    day = dt.date.fromisoformat(marker.args[0]) if marker else test_today()
    reads: list[str] = []
    for name in CLOCK_FUNCTIONS:
        monkeypatch.setattr(clock, name, _noting(getattr(clock, name), reads))
    # Noon local: the local date is ``day`` in every time zone, and a test that runs for a
    # few seconds does not cross midnight. astimezone() on a naive time means local time.
    with time_machine.travel(dt.datetime.combine(day, dt.time(12)).astimezone(), tick=True):
        yield day
    _CLOCK_READERS.note(request.node.nodeid, bool(reads))


CLOCK_FUNCTIONS = ("today", "local_now", "utc_now")


def _noting(function, reads: list[str]):
    def noted(*args, **kwargs):
        reads.append(function.__name__)
        return function(*args, **kwargs)

    return noted


class _ClockReaders:
    """Which tests read the clock, kept in pytest's cache across runs.

    A run adds the tests that read it and drops those that ran without reading it, so a run
    of a few tests keeps what the last full run found."""

    KEY = "vrus/clock-readers"

    def __init__(self) -> None:
        self.read: set[str] = set()
        self.ran: set[str] = set()

    def note(self, nodeid: str, read: bool) -> None:
        self.ran.add(nodeid)
        if read:
            self.read.add(nodeid)

    def known(self, config: pytest.Config) -> set[str] | None:
        cache = getattr(config, "cache", None)
        found = cache.get(self.KEY, None) if cache is not None else None
        return set(found) if found else None

    def save(self, config: pytest.Config) -> None:
        cache = getattr(config, "cache", None)
        if cache is None or not self.ran:
            return
        # With pytest-xdist every worker saves what it ran: one at a time, each adding to
        # what the others wrote.
        lock_path = cache.mkdir("vrus") / "clock-readers.lock"
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            old = self.known(config) or set()
            cache.set(self.KEY, sorted((old - self.ran) | self.read))


_CLOCK_READERS = _ClockReaders()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock-readers",
        action="store_true",
        help="run only the tests that read VRUS's clock in the last run (all "
        "tests if none is known); used with VRUS_TEST_TODAY and TZ",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--clock-readers"):
        return
    known = _CLOCK_READERS.known(config)
    if known is None:
        return
    keep = [item for item in items if item.nodeid in known]
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in known])
    items[:] = keep


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not session.config.getoption("--clock-readers"):
        _CLOCK_READERS.save(session.config)


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests away from the real user folders, database and QSettings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("VRUS_LOG_DIR", str(home / "logs"))
    monkeypatch.delenv("VRUS_DATABASE_URL", raising=False)
    monkeypatch.delenv("VRUS_KEY_FILE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture(scope="session")
def migrated_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One register migrated to head, made once per run; ``db`` starts from a copy of it.

    Migrating takes five times as long as copying and opening, and most tests want a fresh
    register (as Anki's tests copy one prepared collection). Tests of migrating itself open
    their own files."""
    path = tmp_path_factory.mktemp("template") / "register.sqlite3"
    open_database(sqlite_url(path)).close()  # closing checkpoints the WAL into the file
    return path


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A register migrated to head, reference data included: a real SQLite file (WAL,
    foreign keys on), or a database of its own on the test run's PostgreSQL server (the
    core's tests run on both: ``pytest_generate_tests``)."""
    if backend == "postgresql":
        server = request.getfixturevalue("pg_databases")
        url = server.fresh()
        database = open_database(url)
        yield database
        database.close()
        server.drop(url)
        return
    db_path = request.getfixturevalue("db_path")
    shutil.copy2(request.getfixturevalue("migrated_register"), db_path)
    database = open_database(sqlite_url(db_path))
    yield database
    database.close()


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of the core that uses ``db`` runs on SQLite and on PostgreSQL, except those
    marked ``sqlite_only`` (about the SQLite file itself: encryption, integrity, WAL) and the
    window's tests (the window runs on the same core)."""
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") or _is_window_test(metafunc):
        metafunc.parametrize("backend", ["sqlite"], indirect=True, ids=[""])
        return
    metafunc.parametrize("backend", BACKENDS, indirect=True)


def _is_window_test(metafunc: pytest.Metafunc) -> bool:
    return "ui" in Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent).parts[:1]


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database ``db`` is: "sqlite" or "postgresql"."""
    return getattr(request, "param", "sqlite") or "sqlite"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg_server_module.Server]:
    """The run's PostgreSQL server (tests/pg_server.py), started at the first test that needs
    it; skipped where PostgreSQL is missing, unless VRUS_TEST_POSTGRESQL=require (CI)."""
    mode = pg_server_module.wanted()
    if mode == "skip":
        pytest.skip("VRUS_TEST_POSTGRESQL=skip")
    try:
        server = pg_server_module.start()
    except pg_server_module.NoServer as error:
        if mode == "require":
            pytest.fail(f"PostgreSQL is required (VRUS_TEST_POSTGRESQL=require): {error}")
        pytest.skip(str(error))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_databases(pg_server: pg_server_module.Server) -> Iterator[pg_server_module.Databases]:
    """Fresh databases on the run's server, each a copy of one migrated at the start."""
    databases = pg_server_module.Databases(pg_server)
    yield databases
    databases.close()


@pytest.fixture(autouse=True)
def _no_key_store() -> Iterator[None]:
    """keyring as configured above (off), whatever a test before this one set."""
    import keyring
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(null.Keyring())


@pytest.fixture
def key_store() -> FileKeyring:
    """A key store for this test only (in memory): new registers get a key in it."""
    import keyring

    from tests.keystore import FileKeyring

    store = FileKeyring()
    keyring.set_keyring(store)
    return store
