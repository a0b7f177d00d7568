"""Shared fixtures: a fresh, migrated SQLite file per test, and Qt set up offscreen."""

from __future__ import annotations

import os

# Before anything can import Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from vrus.db.engine import Database, sqlite_url  # noqa: E402
from vrus.db.migrate import open_database  # noqa: E402


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user folders, database and QSettings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("VRUS_LOG_DIR", str(home / "logs"))
    monkeypatch.delenv("VRUS_DATABASE_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Database:
    """A real SQLite file (WAL, foreign keys on) migrated to head, reference data included."""
    database = open_database(sqlite_url(db_path))
    yield database
    database.close()
