"""Connection set-up: where the register lives, its permissions, and SQLite's settings."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from vrus.db.engine import resolve_url, sqlite_file, sqlite_url
from vrus.db.models import Attendance, EventDay, Person
from vrus.opening import open_database
from vrus.paths import default_database_path


def test_default_database_is_private_in_user_data_folder() -> None:
    url = resolve_url(None)
    path = sqlite_file(url)
    assert path == default_database_path()
    assert path.name == "vrus.sqlite3"
    assert str(path).startswith(os.environ["XDG_DATA_HOME"])
    db = open_database(url)
    db.close()
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_db_option_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VRUS_DATABASE_URL", sqlite_url(tmp_path / "env.sqlite3"))
    assert resolve_url(tmp_path / "cli.sqlite3") == sqlite_url(tmp_path / "cli.sqlite3")
    assert resolve_url(None) == sqlite_url(tmp_path / "env.sqlite3")


@pytest.mark.sqlite_only("SQLite's PRAGMAs")
def test_sqlite_pragmas_on_every_connection(db) -> None:
    for _ in range(2):
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
            assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_foreign_keys_are_enforced(db) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Attendance(event_day_id=12345, person_id=67890, status="present"))
        session.flush()


def test_check_constraints_reject_bad_enumerations(db) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Person(first_name="Åse", last_name="Berg", gender="unknown"))
        session.flush()


def test_deleting_a_person_never_deletes_attendance(db) -> None:
    from tests.factories import add_event_with_attendance

    person_id, day_id = add_event_with_attendance(db)
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.execute(Person.__table__.delete().where(Person.id == person_id))
    with db.transaction() as session:
        assert session.get(Person, person_id) is not None
        assert session.query(Attendance).filter_by(event_day_id=day_id).count() == 1
        assert session.get(EventDay, day_id) is not None


def test_a_failing_statement_never_logs_what_it_was_given(db, caplog) -> None:
    """A child's name or health note must not reach the log with an error's traceback."""
    import logging

    with (
        caplog.at_level(logging.DEBUG),
        pytest.raises(IntegrityError) as error,
        db.transaction() as session,
    ):
        session.add(Person(first_name="Åsmund", last_name="Ødegård", gender="Anafylaksi"))
    logging.getLogger("vrus").error("failed", exc_info=error.value)
    assert "Anafylaksi" not in str(error.value) and "Ødegård" not in str(error.value)
    assert "Anafylaksi" not in caplog.text and "Ødegård" not in caplog.text
    assert "hidden due to hide_parameters" in str(error.value)


def test_folders_made_for_a_new_register_are_private(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    path = mine / "a" / "b" / "vrus.sqlite3"
    open_database(sqlite_url(path)).close()
    assert stat.S_IMODE((mine / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((mine / "a" / "b").stat().st_mode) == 0o700
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755  # the user's own folder is left as it was


def test_every_log_file_is_private_after_a_rollover_too(tmp_path: Path) -> None:
    import logging

    from vrus.logsetup import PrivateRotatingFileHandler

    path = tmp_path / "vrus.log"
    path.write_text("from an older VRUS\n", encoding="utf-8")
    os.chmod(path, 0o644)
    handler = PrivateRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    record = logging.LogRecord("vrus", logging.INFO, __file__, 1, "x" * 80, None, None)
    try:
        for _ in range(10):
            handler.emit(record)
    finally:
        handler.close()
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["vrus.log", "vrus.log.1", "vrus.log.2"]
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_a_server_connection_says_it_is_vrus(db, backend: str) -> None:
    """The server's administrator sees VRUS's connections by name (pg_stat_activity)."""
    if backend == "sqlite":
        pytest.skip("a file has no connections to name")
    with db.engine.connect() as connection:
        name = connection.exec_driver_sql("SHOW application_name").scalar_one()
    assert name == "VRUS"
