"""``vrus check`` on a server looks at the schema as on a file: a trigger or a view another
program added is a finding, and so is one of VRUS's own triggers gone missing (other users'
saves would no longer be announced); ``vrus server setup`` makes the missing ones again."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from vrus.cli import main
from vrus.db.health import check_database
from vrus.opening import open_database
from vrus.server.roles import setup


@pytest.fixture
def server_register(pg_databases):
    url = pg_databases.fresh(migrated=False)
    setup(url)
    yield url
    pg_databases.drop(url)


def _sql(url: str, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()


def _findings(url: str) -> list[str]:
    db = open_database(url, migrate=False)
    try:
        return check_database(db).foreign_objects
    finally:
        db.close()


def test_a_set_up_server_register_is_vrus_own(server_register, capsys) -> None:
    assert _findings(server_register) == []
    assert main(["--db", server_register, "check"]) == 0
    assert "Triggers and views: none" in capsys.readouterr().out


def test_a_foreign_trigger_or_view_is_reported(server_register, capsys) -> None:
    _sql(
        server_register,
        "CREATE VIEW everyone AS SELECT first_name FROM persons",
        "CREATE FUNCTION spy() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
        "CREATE TRIGGER copy_out AFTER INSERT ON persons FOR EACH ROW EXECUTE FUNCTION spy()",
    )
    assert _findings(server_register) == [
        "the register contains a trigger 'persons.copy_out' that VRUS did not make",
        "the register contains a view 'everyone' that VRUS did not make",
    ]
    assert main(["--db", server_register, "check"]) == 1
    assert "Result: PROBLEMS FOUND" in capsys.readouterr().out


def test_a_missing_trigger_is_reported_and_setup_makes_it_again(server_register) -> None:
    _sql(server_register, "DROP TRIGGER persons_notify ON persons")
    assert _findings(server_register) == [
        "VRUS's trigger 'persons.persons_notify' is missing (run 'vrus server setup' again)"
    ]
    setup(server_register)
    assert _findings(server_register) == []
