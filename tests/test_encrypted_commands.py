"""Every command works on an encrypted register, and leaves nothing readable behind (issue 15).

One demo register is made encrypted with a key file (``vrus --db R --key-file K demo``) per
module; each test runs one command of the table below on a copy of it (the register and its
backups folder), in-process through ``vrus.cli.main``, then checks:

- the exit code (and a word of what the command says);
- the register, its -wal, every backup and every other file beside it: no file that is a
  database starts as a plain SQLite file, and no demo person's name and no allergy appears
  in any file's bytes;
- the files the command writes are in the working directory (or where ``-o`` says), and
  nothing else is;
- the key file is never rewritten: same bytes, same mtime, same mode, alone in its folder.

Every command runs twice: with ``--db`` and with ``VRUS_DATABASE_URL=sqlite:////abs/path``,
the key given once through ``VRUS_KEY_FILE`` and once with ``--key-file``.
``test_the_table_covers_every_command`` fails when the parser learns a command (or a mode of
one) that the table does not run, so that a new command must be added here.

``vrus gui`` is left out: the window needs a display and is tested with pytest-qt in
tests/ui/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
import time_machine
from keyring.backends import null
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import test_today
from vrus.cli import build_parser, gui, main
from vrus.db import driver
from vrus.db.engine import sqlite_url
from vrus.db.models import Allergy, Event, Person, Season
from vrus.opening import open_database

DATA = Path(__file__).parent / "data"
MEMBERS_FILE = DATA / "import" / "medlemmer_excel_cp1252.csv"
SIGNUPS_FILE = DATA / "import" / "pamelding_nettskjema_cp1252.csv"
POPULATION_FILE = DATA / "population" / "07459-jsonstat2.json"
# A name or word shorter than this could turn up by chance in a megabyte of random bytes.
SHORTEST_NEEDLE = 6
# Personal data in MEMBERS_FILE (not in the demo): the import must not leave it readable.
IMPORTED_NEEDLES = ("Bjørnstad", "Peanøtter", "Konsertmester")
# Not part of the command table: needs a display.
NOT_RUN = {("gui",)}

MAGIC = {
    ".pdf": b"%PDF",
    ".xlsx": b"PK\x03\x04",
    ".csv": b"\xef\xbb\xbf",  # UTF-8 with BOM, for Excel
    ".json": b"{",
    ".ics": b"BEGIN:VCALENDAR",
}


@dataclass(frozen=True)
class Run:
    """One command line and what it must do.

    ``argv`` follows the global options; placeholders are filled per test: ``{event}`` (the
    newest season's first seminar), ``{season}``, ``{person}`` (a member with an allergy),
    ``{name}`` (that member's first name), ``{backup}`` (the newest backup beside the copied
    register), ``{key}`` (the key file), ``{members}``, ``{signups}`` and ``{population}`` (files to
    import)."""

    argv: tuple[str, ...]
    code: int = 0
    says: str = ""  # in standard output, or standard error when the code is not 0
    writes: tuple[str, ...] = ()  # glob patterns, each matching one new file in the cwd
    encrypted_copy: str | None = None  # one of ``writes`` that is a copy of the register
    plain_copy: str | None = None  # one of ``writes`` that is a plain copy (vrus decrypt)
    key_store: bool = False  # runs with a key store (the ``key_store`` fixture)

    @property
    def id(self) -> str:
        return " ".join(self.argv)


def run(*argv: str, **details: Any) -> Run:
    return Run(argv, **details)


REPORT_FILES = {"coverage": "pdf", "instrumentation": "xlsx", "ages": "csv", "annual": "json"}

RUNS: tuple[Run, ...] = (
    run("demo", "--reset", says="Demo register loaded"),
    run("check", says="Encrypted: yes"),
    run("import", "members", "{members}", says="4 rows"),
    run("import", "members", "--dry-run", "{members}", says="Dry run: nothing was written"),
    run(
        "import",
        "signups",
        "--accept-all-health",
        "{event}",
        "{signups}",
        says="Written: 0 sign-up(s)",
    ),
    run(
        "import",
        "signups",
        "--accept-health",
        "{person}",
        "{event}",
        "{signups}",
        code=1,
        says="no change of allergies or diets is proposed for person {person}",
    ),
    run("import", "signups", "--dry-run", "{event}", "{signups}", says="Dry run: nothing"),
    run("persons", "find", "--format", "json", "{name}", says='"id": {person}'),
    run("persons", "export", "-o", "access.json", "{person}", writes=("access.json",)),
    run("persons", "export", "-o", "access.pdf", "{person}", writes=("access.pdf",)),
    run("persons", "erase", "--yes", "{person}", says="Erased person {person}"),
    run("events", "list", "--season", "{season}", "--format", "json", says='"season"'),
    run(
        "events",
        "add",
        "--kind",
        "seminar",
        "--title",
        "Varseminar",
        "--date",
        "07.03.{season}",
        "--ensemble",
        "ungdom",
    ),
    run("events", "signup", "--all-invited", "--lunch", "{event}", says="sign-up(s)"),
    run("events", "cancel", "{event}", says="is cancelled"),
    run("events", "uncancel", "{event}", says="is no longer cancelled"),
    run("calendar", "--season", "{season}", writes=("VRUS-*.ics",)),
    run(
        "calendar",
        "--season",
        "{season}",
        "--ensemble",
        "junior",
        "-o",
        "junior.ics",
        says="written to",
        writes=("junior.ics",),
    ),
    run("lunch", "{event}", says="lunches"),
    run("invitation", "{event}", says="Invitasjon:"),
    run("invitation", "--mailto", "{event}", says="mailto:"),
    run("print", "attendance", "{event}", writes=("oppmote-*.pdf",)),
    run(
        "print",
        "attendance",
        "--by-section",
        "-o",
        "sections.pdf",
        "{event}",
        writes=("sections.pdf",),
    ),
    run(
        "print", "attendance", "--sign-in", "-o", "sign-in.pdf", "{event}", writes=("sign-in.pdf",)
    ),
    run("print", "lunch", "-o", "lunch.pdf", "{event}", writes=("lunch.pdf",)),
    run(
        "print", "contacts", "--ensemble", "ungdom", "-o", "contacts.pdf", writes=("contacts.pdf",)
    ),
    run("print", "roster", "--season", "{season}", writes=("*.pdf",)),
    *(
        run(
            "report",
            kind,
            "--season",
            "{season}",
            "-o",
            f"{kind}.{suffix}",
            writes=(f"{kind}.{suffix}",),
        )
        for kind, suffix in REPORT_FILES.items()
    ),
    run("report", "attendance", "--season", "{season}", "--today-municipalities", says="{season}"),
    run(
        "report", "course", "{event}", "--format", "pdf", "-o", "course.pdf", writes=("course.pdf",)
    ),
    run("retention", says="Rule:"),
    run("retention", "--apply", "--yes", says="Removed the contact and health data"),
    run("population", "import", "{population}", says="07459-jsonstat2.json"),
    run("population", "import", "--dry-run", "{population}", says="Dry run: nothing was stored"),
    run("backup", says="Backup written to {folder}/backups/register.sqlite3.manual-"),
    run(
        "backup",
        "-o",
        "copy.sqlite3",
        says="Backup written to",
        writes=("copy.sqlite3",),
        encrypted_copy="copy.sqlite3",
    ),
    run("backup", "--list", says="ok"),
    run("backup", "--keep", "3", says="Keeping the newest 3 backups"),
    run("backup", "--max-age", "30", says="Keeping backups for 30 days"),
    run("restore", "{backup}", says="Restored"),
    run("restore", "--backup-key-file", "{key}", "{backup}", says="Restored"),
    # Moving needs a server (tests/test_transfer.py, an encrypted register too); here: the
    # refusal of a file as the target leaves nothing behind.
    run("transfer", "--to", "sqlite:///elsewhere.sqlite3", code=1, says="a register moves to"),
    # For a server database (tests/test_server_cli.py); a register file is refused, untouched.
    run("server", "setup", code=1, says="is for a register on a PostgreSQL server"),
    run(
        "server",
        "add-user",
        "kari",
        "--role",
        "lunch",
        code=1,
        says="is for a register on a PostgreSQL server",
    ),
    run("export", "members", "members.csv", writes=("members.csv",)),
    run(
        "export", "--include-archived", "members", "all-members.xlsx", writes=("all-members.xlsx",)
    ),
    run("export", "guardians", "guardians.xlsx", writes=("guardians.xlsx",)),
    run("export", "memberships", "memberships.csv", writes=("memberships.csv",)),
    run("export", "events", "events.xlsx", writes=("events.xlsx",)),
    run("export", "signups", "signups.csv", writes=("signups.csv",)),
    run("export", "attendance", "attendance.xlsx", writes=("attendance.xlsx",)),
    run("key", "export", says="Recovery key"),
    run("key", "export", "-o", "sheet.pdf", says="Recovery sheet written", writes=("sheet.pdf",)),
    run("key", "import", "--from-file", "{key}", code=1, says="no key store"),
    run("key", "import", "--from-file", "{key}", says="kept in the key store", key_store=True),
    run("encrypt", code=1, says="is encrypted already"),
    run(
        "decrypt",
        "-o",
        "plain.sqlite3",
        says="Plain copy written",
        writes=("plain.sqlite3",),
        plain_copy="plain.sqlite3",
    ),
)


# --- the register ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFile:
    path: Path
    content: bytes
    mtime_ns: int
    mode: int

    def assert_untouched(self) -> None:
        stat = self.path.stat()
        assert self.path.read_bytes() == self.content
        assert (stat.st_mtime_ns, stat.st_mode) == (self.mtime_ns, self.mode)
        assert list(self.path.parent.iterdir()) == [self.path]  # nothing written beside it


@dataclass(frozen=True)
class Demo:
    """The encrypted demo register (made once per module) and what the tests look for."""

    folder: Path  # holds register.sqlite3 and its backups folder
    key: KeyFile
    needles: tuple[str, ...]  # names and allergies that must not be readable anywhere
    values: dict[str, str] = field(default_factory=dict)  # for the placeholders

    @property
    def register(self) -> Path:
        return self.folder / "register.sqlite3"


def _needles(session: Session) -> tuple[str, ...]:
    def long(words: Iterable[str | None]) -> list[str]:
        return sorted({w for w in words if w and len(w.encode()) >= SHORTEST_NEEDLE})

    first = long(session.scalars(select(Person.first_name)))
    last = long(session.scalars(select(Person.last_name)))
    allergens = long(session.scalars(select(Allergy.allergen)))
    notes = long(
        word.strip(",.()")
        for note in session.scalars(select(Allergy.note))
        for word in (note or "").split()
    )
    # A few of each, non-ASCII ones among them (Ø, Å, ł, ễ are stored as UTF-8 too).
    chosen = (*first[:4], *first[-4:], *last[:3], *last[-3:], *allergens, *notes[:3])
    assert len(first) >= 8 and len(last) >= 6 and len(allergens) >= 2 and notes, chosen
    return (*dict.fromkeys(chosen), *IMPORTED_NEEDLES)


def _values(session: Session) -> dict[str, str]:
    season, event = session.execute(
        select(Season.name, Event.id)
        .join(Event, Event.season_id == Season.id)
        .where(Event.kind == "seminar")
        .order_by(Season.start_date.desc(), Event.id)
    ).first()
    person = session.scalars(
        select(Allergy.person_id).where(Allergy.severity == "severe").order_by(Allergy.id)
    ).first()
    name = session.get(Person, person).first_name
    return {"season": season, "event": str(event), "person": str(person), "name": name}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """``vrus --db R --key-file K demo``, once: the autouse fixtures of tests/conftest.py are
    per test, so the private folders, the key store switched off and the frozen clock are set
    up here the same way for making it."""
    base = tmp_path_factory.mktemp("encrypted-demo")
    keys = base / "keys"
    keys.mkdir()
    key_path = keys / "register.key"
    key_path.write_text(secrets.token_hex(32) + "\n", encoding="ascii")
    stat = key_path.stat()
    key = KeyFile(key_path, key_path.read_bytes(), stat.st_mtime_ns, stat.st_mode)
    folder = base / "register"
    register = folder / "register.sqlite3"
    home = base / "home"
    noon = dt.datetime.combine(test_today(), dt.time(12)).astimezone()
    keyring.set_keyring(null.Keyring())
    with pytest.MonkeyPatch.context() as patch, time_machine.travel(noon, tick=True):
        for name, sub in (
            ("HOME", ""),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_CACHE_HOME", ".cache"),
            ("VRUS_LOG_DIR", "logs"),
        ):
            patch.setenv(name, str(home / sub))
        patch.delenv("VRUS_KEY_FILE", raising=False)
        patch.delenv("VRUS_DATABASE_URL", raising=False)
        assert main(["--db", str(register), "--key-file", str(key_path), "demo"]) == 0
        db = open_database(sqlite_url(register), key_file=key_path)
        try:
            assert db.encrypted
            with db.transaction() as session:
                needles = _needles(session)
                values = _values(session)
        finally:
            db.close()
    key.assert_untouched()
    values["key"] = str(key_path)
    values["members"] = str(MEMBERS_FILE)
    values["signups"] = str(SIGNUPS_FILE)
    values["population"] = str(POPULATION_FILE)
    yield Demo(folder, key, needles, values)


def assert_nothing_readable(folder: Path, needles: tuple[str, ...]) -> None:
    """No database file in ``folder`` (the register, -wal, backups) is plain SQLite, and no
    file in it holds a name or an allergy."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".bak") for p in files), "no backups to look into"
    for path in files:
        data = path.read_bytes()
        if path.suffix in {".sqlite3", ".bak"} or path.name.endswith("-wal"):
            assert not data.startswith(driver.SQLITE_HEADER), f"{path} is plain SQLite"
        found = [n for n in needles if n.encode("utf-8") in data]
        assert not found, f"{path.relative_to(folder)} shows {found}"


def assert_written(out: Path, row: Run, needles: tuple[str, ...]) -> None:
    written = sorted(p.name for p in out.iterdir())
    expected = []
    for pattern in row.writes:
        matches = sorted(p.name for p in out.glob(pattern))
        assert len(matches) == 1, (pattern, written)
        expected += matches
    assert written == sorted(expected)  # nothing else
    for name in expected:
        data = (out / name).read_bytes()
        if name == row.encrypted_copy:
            assert not data.startswith(driver.SQLITE_HEADER)
            assert not [n for n in needles if n.encode() in data]
        elif name == row.plain_copy:
            # The one plain copy asked for; that the names are in it shows the search for
            # them in the encrypted files finds them where they are readable.
            assert data.startswith(driver.SQLITE_HEADER)
            assert all(n.encode() in data for n in needles if n not in IMPORTED_NEEDLES)
        else:
            magic = MAGIC.get(Path(name).suffix)
            assert magic is not None and data.startswith(magic), name
            if name.endswith(".ics"):  # the families' calendar: nothing personal in it
                assert not [n for n in needles if n.encode() in data], name


# --- running the table ---------------------------------------------------------------------------

NAMINGS = ("--db", "VRUS_DATABASE_URL")


def _cases() -> list[object]:
    """Each run with each naming of the register; the key through VRUS_KEY_FILE for one and
    --key-file for the other, in turn, so that every command meets both."""
    cases = []
    for index, row in enumerate(RUNS):
        for turn, naming in enumerate(NAMINGS):
            key_by = ("VRUS_KEY_FILE", "--key-file")[(index + turn) % 2]
            cases.append(pytest.param(row, naming, key_by, id=f"{row.id} [{naming}, {key_by}]"))
    return cases


def _fill(text: str, values: dict[str, str]) -> str:
    return text.format(**values) if "{" in text else text


@pytest.mark.parametrize(("row", "naming", "key_by"), _cases())
def test_command_on_an_encrypted_register(
    row: Run,
    naming: str,
    key_by: str,
    demo: Demo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    folder = tmp_path / "register"
    shutil.copytree(demo.folder, folder)
    register = folder / demo.register.name
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    store = request.getfixturevalue("key_store") if row.key_store else None
    backups = sorted((folder / "backups").glob("*.bak"), key=lambda p: p.stat().st_mtime_ns)
    values = {**demo.values, "backup": str(backups[-1]), "folder": str(folder)}

    options: list[str] = []
    if naming == "--db":
        options += ["--db", str(register)]
    else:
        monkeypatch.setenv("VRUS_DATABASE_URL", sqlite_url(register.absolute()))
    if key_by == "--key-file":
        options += ["--key-file", str(demo.key.path)]
    else:
        monkeypatch.setenv("VRUS_KEY_FILE", str(demo.key.path))
    argv = [*options, *(_fill(word, values) for word in row.argv)]
    # A command's failure is one line on the terminal, never the window's error dialog
    # (which, offscreen, would wait for a click that never comes).
    dialogs: list[BaseException] = []
    monkeypatch.setattr(gui, "show_start_failure", dialogs.append)

    code = main(argv)

    output = capsys.readouterr()
    assert code == row.code, output
    assert not dialogs, "a command showed the window's start failure dialog"
    said = output.out if row.code == 0 else output.err
    assert _fill(row.says, values) in said
    if row.code != 0:
        assert said.startswith("vrus: error: ") and said.count("\n") == 1
    assert_nothing_readable(folder, demo.needles)
    assert register.read_bytes()[:16] != driver.SQLITE_HEADER
    assert_written(out, row, demo.needles)
    demo.key.assert_untouched()
    if store is not None:
        assert demo.key.content.decode().strip() in store.entries().values()


def test_the_demo_register_is_encrypted(demo: Demo) -> None:
    """The register the table runs on, as made: encrypted, its backups too, no name readable."""
    assert demo.register.read_bytes()[:16] != driver.SQLITE_HEADER
    assert_nothing_readable(demo.folder, demo.needles)
    demo.key.assert_untouched()


def test_the_wal_of_an_open_register_is_encrypted(demo: Demo, tmp_path: Path) -> None:
    """While the register is open, what was just saved is in its -wal: encrypted too."""
    folder = tmp_path / "register"
    shutil.copytree(demo.folder, folder)
    register = folder / demo.register.name
    new_name = "Ragnfrid-Tordis"
    db = open_database(sqlite_url(register), key_file=demo.key.path)
    try:
        with db.transaction() as session:
            person = session.get_one(Person, int(demo.values["person"]))
            person.first_name = new_name
            person.allergies.append(Allergy(allergen="Sesamfrø", note="Anafylaksi"))
        wal = register.with_name(register.name + "-wal").read_bytes()
        assert len(wal) > 4096  # the saved pages are there, not yet in the register
        found = [n for n in (*demo.needles, new_name, "Sesamfrø") if n.encode() in wal]
        assert not found
    finally:
        db.close()
    assert_nothing_readable(folder, (*demo.needles, new_name, "Sesamfrø"))
    demo.key.assert_untouched()


# --- the table against the parser ---------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subparsers nowhere public
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command the parser knows, nested ones by their full path ("report", "course")."""
    found = {}
    for name, sub in _subcommands(parser).items():
        nested = leaf_commands(sub, (*path, name))
        found.update(nested or {(*path, name): sub})
    return found


def command_of(argv: tuple[str, ...], parser: argparse.ArgumentParser) -> tuple[str, ...]:
    """The command ``argv`` runs: its leading words that name (sub)commands."""
    path: tuple[str, ...] = ()
    for word in argv:
        subcommands = _subcommands(parser)
        if word not in subcommands:
            break
        parser, path = subcommands[word], (*path, word)
    return path


def _modes(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    """What makes a command do something else: each option of a mutually exclusive group
    (``backup --list|--keep|--max-age``), each choice of a positional argument
    (``export WHAT``)."""
    modes = [
        tuple(action.option_strings)
        for group in parser._mutually_exclusive_groups
        for action in group._group_actions
    ]
    modes += [
        (str(choice),)
        for action in parser._actions
        if not action.option_strings and action.choices
        for choice in action.choices
    ]
    return modes


def test_the_table_covers_every_command() -> None:
    parser = build_parser()
    commands = leaf_commands(parser)
    assert ("report", "course") in commands and ("backup",) in commands  # the walk works
    covered = {command_of(row.argv, parser) for row in RUNS}
    assert covered == set(commands) - NOT_RUN, "add the new command to RUNS"
    for command, sub in commands.items():
        argvs = [row.argv for row in RUNS if command_of(row.argv, parser) == command]
        for mode in _modes(sub):
            assert any(set(mode) & set(argv) for argv in argvs), (command, mode)
