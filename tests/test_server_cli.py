"""``vrus server setup`` and ``vrus server add-user``, and what a role refused by the server
sees on the command line: one line, and no file.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from tests import pg_server as pg_server_module
from tests.conftest import test_today
from vrus.cli import build_parser, main
from vrus.cli.server import ROLES
from vrus.db.enums import EventKind
from vrus.db.models import Event
from vrus.demo import load_demo
from vrus.opening import open_database
from vrus.server import roles
from vrus.server.roles import Role, group_roles

TODAY = test_today()


def _sql(url: str, statement: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(statement)).scalar()
    finally:
        engine.dispose()


def _drop_roles(server: pg_server_module.Server, names: list[str]) -> None:
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for name in names:
            quoted = connection.dialect.identifier_preparer.quote_identifier(name)
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {quoted}")
    engine.dispose()


def _one_line_error(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("vrus: error: "), err
    assert "Traceback" not in err and "unexpected error" not in err
    return err.removeprefix("vrus: error: ").strip()


@dataclass
class Bare:
    """An empty database on the test server; its logins are dropped afterwards."""

    server: pg_server_module.Server
    url: str

    @property
    def database(self) -> str:
        return self.url.rsplit("/", 1)[1]

    def login(self, name: str) -> str:
        return f"{self.database}-{name}"

    def url_for(self, name: str) -> str:
        return self.server.url(self.database, self.login(name))

    def password_of(self, name: str) -> object:
        return _sql(
            self.server.url(), f"SELECT rolpassword FROM pg_authid WHERE rolname = '{name}'"
        )


@pytest.fixture
def bare(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> Iterator[Bare]:
    found = Bare(pg_server, pg_databases.fresh(migrated=False))
    yield found
    pg_databases.drop(found.url)
    names = list(group_roles(found.database).values())
    names += [found.login(n) for n in ("lunch", "reader", "typed", "piped", "outsider")]
    _drop_roles(pg_server, names)


def test_the_roles_offered_are_the_roles() -> None:
    assert tuple(role.value for role in Role) == ROLES


def test_setup_on_an_empty_database_then_check_is_ok(
    bare: Bare, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "setup", bare.url]) == 0
    out = capsys.readouterr().out
    assert "is set up for several users" in out and f"{bare.database}_lunch" in out
    monkeypatch.setenv("VRUS_DATABASE_URL", bare.url)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "Result: OK" in out and "41 municipalities" in out
    assert main(["server", "setup"]) == 0  # again, from VRUS_DATABASE_URL: harmless
    capsys.readouterr()
    assert main(["check"]) == 0


def test_only_the_owner_sets_up(bare: Bare, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "setup", bare.url]) == 0
    roles.add_user(bare.url, bare.login("lunch"), Role.LUNCH, None)
    capsys.readouterr()
    assert main(["server", "setup", bare.url_for("lunch")]) == 1
    message = _one_line_error(capsys.readouterr().err)
    assert message.startswith(f"only the owner of the database {bare.database}")


def test_add_user_with_a_password_file(
    bare: Bare,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    roles.setup(bare.url)
    secret = tmp_path / "passord.txt"
    secret.write_text("korrekt hest batteri\n", encoding="utf-8")
    monkeypatch.setenv("VRUS_DATABASE_URL", bare.url)
    name = bare.login("lunch")
    argv = ["server", "add-user", name, "--role", "lunch", "--password-file", str(secret)]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == (
        f"Login {name} created with the role lunch and a password"
    )
    stored = str(bare.password_of(name))
    assert stored.startswith("SCRAM-SHA-256$") and "hest" not in stored
    db = open_database(bare.url_for("lunch"))
    try:
        assert roles.role_of(db) is Role.LUNCH
    finally:
        db.close()
    assert main(argv) == 1  # the same name again
    assert "exists already" in _one_line_error(capsys.readouterr().err)
    empty = tmp_path / "tom.txt"
    empty.write_text("\n", encoding="utf-8")
    argv = ["server", "add-user", bare.login("reader"), "--role", "reader"]
    assert main([*argv, "--password-file", str(empty)]) == 1
    assert "the password file is empty" in _one_line_error(capsys.readouterr().err)
    assert bare.password_of(bare.login("reader")) is None  # and no login was made
    assert (
        _sql(bare.url, f"SELECT count(*) FROM pg_roles WHERE rolname = '{bare.login('reader')}'")
        == 0
    )


def test_add_user_without_a_terminal_gets_no_password_and_never_waits(bare: Bare) -> None:
    roles.setup(bare.url)
    name = bare.login("piped")
    # stdin is a pipe nobody writes to or closes: reading it would wait for ever.
    process = subprocess.Popen(
        [sys.executable, "-m", "vrus", "server", "add-user", name, "--role", "reader"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "VRUS_DATABASE_URL": bare.url},
    )
    try:
        out, err = _wait(process)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "without a password" in out
    assert _sql(bare.url, f"SELECT count(*) FROM pg_roles WHERE rolname = '{name}'") == 1
    assert bare.password_of(name) is None


def _wait(process: subprocess.Popen) -> tuple[str, str]:
    """Wait for the process without closing its stdin (``communicate`` would close it)."""
    process.wait(timeout=120)
    assert process.stdout is not None and process.stderr is not None
    return process.stdout.read(), process.stderr.read()


def test_a_password_is_asked_on_a_terminal_only(
    bare: Bare, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    roles.setup(bare.url)
    monkeypatch.setenv("VRUS_DATABASE_URL", bare.url)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return "skrevet inn"

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(roles.getpass, "getpass", typed)
    assert main(["server", "add-user", bare.login("typed"), "--role", "instructor"]) == 0
    assert len(asked) == 2  # typed twice
    assert str(bare.password_of(bare.login("typed"))).startswith("SCRAM-SHA-256$")
    assert "and a password" in capsys.readouterr().out

    def nothing_to_read(*_args: object) -> str:
        raise AssertionError("read from a standard input that is no terminal")

    monkeypatch.setattr(sys, "stdin", io.StringIO("not a terminal"))
    monkeypatch.setattr(roles.getpass, "getpass", nothing_to_read)
    assert main(["server", "add-user", bare.login("outsider"), "--role", "reader"]) == 0
    assert bare.password_of(bare.login("outsider")) is None


def test_a_database_that_is_not_there_is_said_in_one_line(
    pg_server: pg_server_module.Server, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "setup", pg_server.url("vrus_not_made")]) == 1
    assert "the server has no database vrus_not_made" in _one_line_error(capsys.readouterr().err)


def test_server_commands_refuse_a_register_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("VRUS_DATABASE_URL", raising=False)
    path = tmp_path / "register.sqlite3"
    assert main(["--db", str(path), "server", "add-user", "x", "--role", "lunch"]) == 1
    assert "is for a register on a PostgreSQL server" in _one_line_error(capsys.readouterr().err)
    assert main(["--db", str(path), "server", "setup"]) == 1
    assert "is for a register on a PostgreSQL server" in _one_line_error(capsys.readouterr().err)
    assert not path.exists()  # no register file was made for the mistake


# --- a role refused by the server: one line, no file -----------------------------------------


@pytest.fixture(scope="module")
def demo_server(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> Iterator[Bare]:
    found = Bare(pg_server, pg_databases.fresh(migrated=False))
    roles.setup(found.url)
    owner = open_database(found.url)
    load_demo(owner, today=TODAY)
    owner.close()
    for role in Role:
        roles.add_user(found.url, found.login(role.value), role, None)
    yield found
    pg_databases.drop(found.url)
    names = [found.login(role.value) for role in Role] + list(group_roles(found.database).values())
    _drop_roles(pg_server, names)


def _as(monkeypatch: pytest.MonkeyPatch, server: Bare, role: Role) -> None:
    monkeypatch.setenv("VRUS_DATABASE_URL", server.url_for(role.value))


def _seminar(server: Bare) -> int:
    db = open_database(server.url)
    try:
        with db.sessions() as session:
            return int(
                session.scalar(
                    select(Event.id).where(Event.kind == EventKind.SEMINAR.value).limit(1)
                )
            )
    finally:
        db.close()


@pytest.mark.parametrize(
    ("role", "argv", "refusal"),
    [
        (Role.LUNCH, ["print", "contacts", "-o", "kontakter.pdf"], "may not read persons."),
        (Role.LUNCH, ["export", "members", "medlemmer.csv"], "may not read persons."),
        (Role.INSTRUCTOR, ["print", "lunch", "{event}", "-o", "lunsj.pdf"], "may not read "),
        (Role.READER, ["report", "course", "{event}", "-o", "kurs.pdf"], "may not read persons."),
        (Role.READER, ["print", "roster", "-o", "vakter.pdf"], "may not read "),
    ],
)
def test_a_refused_command_says_so_in_one_line_and_writes_no_file(
    demo_server: Bare,
    role: Role,
    argv: list[str],
    refusal: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _as(monkeypatch, demo_server, role)
    monkeypatch.chdir(tmp_path)
    event = str(_seminar(demo_server))
    assert main([word.replace("{event}", event) for word in argv]) == 1
    message = _one_line_error(capsys.readouterr().err)
    assert message.startswith(f"your role ({role.value}) ") and refusal in message, message
    assert list(tmp_path.iterdir()) == []  # no file, and no half-written one


def test_the_lunch_list_on_the_command_line_is_the_coordinators(
    demo_server: Bare, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    event = str(_seminar(demo_server))
    outputs = {}
    for role in (Role.COORDINATOR, Role.LUNCH):
        _as(monkeypatch, demo_server, role)
        assert main(["lunch", event, "--format", "json"]) == 0
        outputs[role] = capsys.readouterr().out
    assert outputs[Role.LUNCH] == outputs[Role.COORDINATOR]
    assert '"total"' in outputs[Role.LUNCH]


def test_each_role_runs_its_own_commands(
    demo_server: Bare,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    event = str(_seminar(demo_server))
    runs = {
        Role.LUNCH: [["print", "lunch", event, "-o", "lunsj.pdf"], ["print", "roster"]],
        Role.INSTRUCTOR: [["print", "attendance", event, "--by-section", "-o", "liste.pdf"]],
        Role.READER: [["report", "annual", "--format", "json"], ["report", "ages"]],
    }
    for role, commands in runs.items():
        _as(monkeypatch, demo_server, role)
        for argv in commands:
            assert main(argv) == 0, (role, argv, capsys.readouterr().err)
    out = capsys.readouterr().out
    assert "Ødegård" not in out.split('"season"', 1)[-1]  # the reader's reports: no names
    assert {p.suffix for p in tmp_path.iterdir()} == {".pdf"}


def test_the_parser_knows_the_server_commands() -> None:
    parser = build_parser()
    args = parser.parse_args(["server", "add-user", "Kari", "--role", "reader"])
    assert args.name == "Kari" and args.role == "reader" and args.password_file is None
    with pytest.raises(SystemExit):
        parser.parse_args(["server", "add-user", "Kari", "--role", "boss"])
