"""The schema comes only from Alembic; models and migrations must agree."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from vrus.db.engine import connect, sqlite_url
from vrus.db.migrate import current_revision, downgrade, head_revision, upgrade
from vrus.db.models import Base
from vrus.errors import DatabaseError
from vrus.opening import open_database


def test_fresh_database_upgrades_to_head(db) -> None:
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        tables = set(inspect(connection).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_autogenerate_finds_no_difference(db) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_downgrade_upgrade(db_path: Path) -> None:
    db = connect(sqlite_url(db_path))
    upgrade(db)
    downgrade(db, "base")
    with db.engine.connect() as connection:
        assert current_revision(connection) is None
        assert inspect(connection).get_table_names() == ["alembic_version"]
    state = upgrade(db)
    assert state.current is None
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        count = connection.execute(text("SELECT count(*) FROM municipalities")).scalar()
    assert count == 41
    db.close()


def test_every_start_backs_up_before_migrating(db_path: Path) -> None:
    db = connect(sqlite_url(db_path))
    upgrade(db)
    downgrade(db, "0001")
    db.close()
    db = open_database(sqlite_url(db_path))
    db.close()
    backups = sorted(db_path.parent.glob(f"{db_path.name}.before-*.bak"))
    assert len(backups) == 1
    assert os.stat(backups[0]).st_mode & 0o777 == 0o600
    # The backup holds the database as it was: schema 0001, no reference data yet.
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT count(*) FROM municipalities").fetchone() == (0,)


def test_no_backup_when_nothing_to_migrate(db_path: Path) -> None:
    open_database(sqlite_url(db_path)).close()
    open_database(sqlite_url(db_path)).close()
    assert list(db_path.parent.glob("*.bak")) == []


def test_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx.sqlite3"
    path.write_text("Fornavn;Etternavn\nÅse;Ødegård\n", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a VRUS database"):
        open_database(sqlite_url(path))
    assert path.read_text(encoding="utf-8").startswith("Fornavn")


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="not a VRUS database"):
        open_database(sqlite_url(path))


def test_database_from_newer_vrus_is_refused(db_path: Path) -> None:
    open_database(sqlite_url(db_path)).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer VRUS"):
        open_database(sqlite_url(db_path))


def test_down_past_the_privacy_migration_and_up_again_keeps_every_row(db) -> None:
    """0004 and 0005 change ``persons`` in place: a copy of the table would cascade (foreign
    keys are on) and take guardian links, allergies and memberships with it."""
    from tests.test_erasure import _rich_person

    _rich_person(db)
    tables = ("persons", "person_guardians", "guardians", "allergies", "memberships", "signups")

    def counts() -> dict[str, int]:
        with db.engine.connect() as connection:
            return {
                t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables
            }

    before = counts()
    assert all(before.values())
    downgrade(db, "0003")
    assert counts() == before
    upgrade(db)
    assert counts() == before
