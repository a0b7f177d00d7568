"""Every file VRUS writes for the user goes through ``vrus.private_files``: complete or not at
all, readable by its owner only, a link at the target replaced and never followed, and a
target that cannot be written a one-line error naming it.

First the writer itself, then every command that writes where it is told (``-o FILE``, or
``vrus export WHAT FILE``), run as ``vrus`` runs it: ``vrus.cli.main([...])``.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import test_today
from vrus.cli import main
from vrus.db.engine import sqlite_url
from vrus.db.models import Event, Person
from vrus.demo import load_demo
from vrus.errors import VrusError
from vrus.opening import open_database
from vrus.private_files import (
    FileWriteError,
    check_target,
    create_numbered_private_file,
    create_private_file,
    private_file,
    write_private_file,
)
from vrus.texts import Text


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def leftovers(folder: Path) -> list[str]:
    """Temporary files left behind (they start with a dot and end in .part)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def old_file(path: Path, data: bytes = b"old", file_mode: int = 0o644) -> Path:
    path.write_bytes(data)
    os.chmod(path, file_mode)
    return path


# --- The writer ----------------------------------------------------------------------------


def test_a_new_file_is_for_the_owner_only(tmp_path: Path) -> None:
    written = write_private_file(tmp_path / "liste.pdf", b"%PDF new")
    assert written == tmp_path / "liste.pdf"
    assert written.read_bytes() == b"%PDF new"
    assert mode(written) == 0o600
    assert leftovers(tmp_path) == []


def test_a_relative_path_comes_back_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert write_private_file("liste.pdf", b"x") == tmp_path / "liste.pdf"


@pytest.mark.parametrize("file_mode", [0o644, 0o666, 0o400, 0o600])
def test_an_existing_file_of_any_mode_is_replaced_by_a_private_one(
    tmp_path: Path, file_mode: int
) -> None:
    target = old_file(tmp_path / "liste.pdf", file_mode=file_mode)
    write_private_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert leftovers(tmp_path) == []


def test_the_umask_does_not_matter(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        assert mode(write_private_file(tmp_path / "a.csv", b"x")) == 0o600
    finally:
        os.umask(previous)
    previous = os.umask(0o077)
    try:
        assert mode(write_private_file(tmp_path / "b.csv", b"x")) == 0o600
    finally:
        os.umask(previous)


def test_a_link_at_the_target_is_replaced_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = old_file(elsewhere / "victim.txt", b"keep me")
    link = tmp_path / "liste.pdf"
    link.symlink_to(victim)
    write_private_file(link, b"new")
    assert not link.is_symlink()
    assert link.read_bytes() == b"new" and mode(link) == 0o600
    assert victim.read_bytes() == b"keep me" and mode(victim) == 0o644


def test_a_dangling_link_is_replaced_and_creates_nothing_where_it_pointed(tmp_path: Path) -> None:
    pointed = tmp_path / "nowhere.txt"
    link = tmp_path / "liste.pdf"
    link.symlink_to(pointed)
    write_private_file(link, b"new")
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert not pointed.exists()


def test_a_link_to_a_folder_is_replaced_and_the_folder_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "liste.pdf"
    link.symlink_to(folder, target_is_directory=True)
    write_private_file(link, b"new")
    assert link.is_file() and not link.is_symlink()
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_missing_folder_is_named_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    with pytest.raises(FileWriteError) as caught:
        write_private_file(missing / "liste.pdf", b"x")
    assert str(caught.value) == f"the folder {missing} does not exist"
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    not_a_folder = old_file(tmp_path / "notes.txt")
    with pytest.raises(FileWriteError, match="the folder .*notes.txt does not exist"):
        write_private_file(not_a_folder / "liste.pdf", b"x")
    assert not_a_folder.read_bytes() == b"old"


def test_a_folder_as_the_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError) as caught:
        write_private_file(tmp_path, b"x")
    assert str(caught.value) == f"{tmp_path} is a folder"
    assert list(tmp_path.iterdir()) == []


def test_the_message_is_translatable(tmp_path: Path) -> None:
    with pytest.raises(VrusError) as caught:
        check_target(tmp_path / "missing" / "x.pdf")
    message = caught.value.message
    assert isinstance(message, Text) and message.context == "Core"
    assert message.source == "the folder {folder} does not exist"


def test_a_failure_mid_write_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    target = old_file(tmp_path / "liste.pdf", b"the old list")

    class Stop(Exception):
        pass

    with pytest.raises(Stop), private_file(target) as handle:
        handle.write(b"half of the new")
        raise Stop
    assert target.read_bytes() == b"the old list" and mode(target) == 0o644
    assert leftovers(tmp_path) == []


def test_an_interrupt_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "liste.pdf"
    with pytest.raises(KeyboardInterrupt), private_file(target) as handle:
        handle.write(b"half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_clear_error_and_the_old_file_stays(tmp_path: Path) -> None:
    target = old_file(tmp_path / "liste.pdf", b"the old list")
    with pytest.raises(FileWriteError) as caught, private_file(target) as handle:
        handle.write(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert str(caught.value) == f"cannot write {target}: {os.strerror(errno.ENOSPC)}"
    assert target.read_bytes() == b"the old list"
    assert leftovers(tmp_path) == []


def test_a_failing_replace_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = old_file(tmp_path / "liste.pdf", b"the old list")

    def refuse(_source: object, _target: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileWriteError, match="cannot write .*liste.pdf: Permission denied"):
        write_private_file(target, b"new")
    assert target.read_bytes() == b"the old list"
    assert leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_written_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(FileWriteError, match="cannot write .*liste.pdf: Permission denied"):
        write_private_file(tmp_path / "liste.pdf", b"x")


def test_a_new_file_for_a_copy_is_created_empty_and_never_over_anything(tmp_path: Path) -> None:
    created = create_private_file(tmp_path / "copy.bak")
    assert created == tmp_path / "copy.bak"
    assert created.read_bytes() == b"" and mode(created) == 0o600
    existing = old_file(tmp_path / "taken.bak")
    assert create_private_file(existing) is None
    assert existing.read_bytes() == b"old" and mode(existing) == 0o644
    dangling = tmp_path / "link.bak"
    dangling.symlink_to(tmp_path / "nowhere")
    assert create_private_file(dangling) is None
    assert not (tmp_path / "nowhere").exists()
    with pytest.raises(FileWriteError, match="does not exist"):
        create_private_file(tmp_path / "missing" / "copy.bak")


def test_numbered_files_take_the_first_free_name(tmp_path: Path) -> None:
    first = create_numbered_private_file(tmp_path, "register.sqlite3.manual-20261202", ".bak")
    second = create_numbered_private_file(tmp_path, "register.sqlite3.manual-20261202", ".bak")
    assert (first.name, second.name) == (
        "register.sqlite3.manual-20261202.bak",
        "register.sqlite3.manual-20261202-2.bak",
    )
    assert mode(second) == 0o600


# --- Every command that writes where it is told ------------------------------------------------


@pytest.fixture(scope="module")
def demo_register(
    tmp_path_factory: pytest.TempPathFactory, migrated_register: Path
) -> tuple[Path, str]:
    """The demo register (as ``load_demo(db)`` on the ``db`` fixture makes it), made once for
    the module: the commands only read it. Returns its path and a seminar's id."""
    path = tmp_path_factory.mktemp("demo") / "register.sqlite3"
    shutil.copy2(migrated_register, path)
    db = open_database(sqlite_url(path))
    load_demo(db, today=test_today())
    with db.sessions() as session:
        seminar = session.scalars(
            select(Event.id).where(Event.title == "Helgeseminar 1").order_by(Event.id.desc())
        ).first()
    db.close()
    assert seminar is not None
    return path, str(seminar)


# name: (the arguments after "vrus --db REGISTER", given the seminar and the file; the file's
# ending; what the file starts with)
Arguments = Callable[[str, str], list[str]]
COMMANDS: dict[str, tuple[Arguments, str, bytes]] = {
    "print attendance": (
        lambda event, out: ["print", "attendance", event, "-o", out],
        ".pdf",
        b"%PDF",
    ),
    "print lunch": (lambda event, out: ["print", "lunch", event, "-o", out], ".pdf", b"%PDF"),
    "print contacts": (lambda _e, out: ["print", "contacts", "-o", out], ".pdf", b"%PDF"),
    "print roster": (lambda _e, out: ["print", "roster", "-o", out], ".pdf", b"%PDF"),
    "report coverage": (
        lambda _e, out: ["report", "coverage", "--format", "pdf", "-o", out],
        ".pdf",
        b"%PDF",
    ),
    "report instrumentation": (
        lambda _e, out: ["report", "instrumentation", "--format", "xlsx", "-o", out],
        ".xlsx",
        b"PK",
    ),
    "report ages": (
        lambda _e, out: ["report", "ages", "--format", "csv", "-o", out],
        ".csv",
        b"\xef\xbb\xbf",
    ),
    "report attendance": (
        lambda _e, out: ["report", "attendance", "--format", "json", "-o", out],
        ".json",
        b"{",
    ),
    "report annual": (lambda _e, out: ["report", "annual", "-o", out], ".txt", "Til å".encode()),
    "report course": (
        lambda event, out: ["report", "course", event, "--format", "pdf", "-o", out],
        ".pdf",
        b"%PDF",
    ),
    "export members": (lambda _e, out: ["export", "members", out], ".csv", b"\xef\xbb\xbf"),
    "export attendance": (lambda _e, out: ["export", "attendance", out], ".xlsx", b"PK"),
}
BACKUP: Arguments = lambda _e, out: ["backup", "-o", out]  # noqa: E731


def run(
    register: tuple[Path, str],
    arguments: Arguments,
    target: Path,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    path, seminar = register
    code = main(["--db", str(path), *arguments(seminar, str(target))])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    """The one line a failed command prints: no traceback, no 'unexpected error'."""
    assert "Traceback" not in err and "unexpected error" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("vrus: error: ")
    return lines[0].removeprefix("vrus: error: ")


@pytest.mark.parametrize("name", COMMANDS)
def test_writing_over_a_file_leaves_a_private_one(
    name: str, demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments, ending, start = COMMANDS[name]
    target = old_file(tmp_path / f"existing{ending}")
    code, out, err = run(demo_register, arguments, target, capsys)
    assert (code, err) == (0, "")
    assert str(target) in out
    data = target.read_bytes()
    assert data.startswith(start) and data != b"old"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary files


@pytest.mark.parametrize("name", [*COMMANDS, "backup"])
def test_a_missing_folder_is_one_line_naming_it(
    name: str, demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments, ending = (BACKUP, ".bak") if name == "backup" else COMMANDS[name][:2]
    missing = tmp_path / "missing"
    code, out, err = run(demo_register, arguments, missing / f"x{ending}", capsys)
    assert code == 1 and out == ""
    assert one_error_line(err) == f"the folder {missing} does not exist"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", [*COMMANDS, "backup"])
def test_a_folder_as_the_file_is_one_line(
    name: str, demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments, ending = (BACKUP, ".sqlite3") if name == "backup" else COMMANDS[name][:2]
    folder = tmp_path / f"folder{ending}"
    folder.mkdir()
    code, out, err = run(demo_register, arguments, folder, capsys)
    assert code == 1 and out == ""
    assert one_error_line(err) == f"{folder} is a folder"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("name", COMMANDS)
def test_a_link_at_the_file_is_replaced_not_followed(
    name: str, demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments, ending, start = COMMANDS[name]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = old_file(elsewhere / f"victim{ending}", b"keep me")
    link = tmp_path / f"link{ending}"
    link.symlink_to(victim)
    code, _out, err = run(demo_register, arguments, link, capsys)
    assert (code, err) == (0, "")
    assert not link.is_symlink() and link.read_bytes().startswith(start)
    assert mode(link) == 0o600
    assert victim.read_bytes() == b"keep me" and mode(victim) == 0o644


# --- vrus backup -o: a new file, never over anything -------------------------------------------


def test_backup_to_a_new_file_is_private(
    demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.sqlite3"
    code, out, err = run(demo_register, BACKUP, target, capsys)
    assert (code, err) == (0, "") and str(target) in out
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    assert mode(target) == 0o600


def test_backup_refuses_an_existing_file(
    demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = old_file(tmp_path / "copy.sqlite3")
    code, out, err = run(demo_register, BACKUP, target, capsys)
    assert code == 1 and out == ""
    assert one_error_line(err) == f"{target} already exists; choose another name"
    assert target.read_bytes() == b"old" and mode(target) == 0o644


def test_backup_refuses_a_link_and_leaves_what_it_points_to(
    demo_register: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = old_file(tmp_path / "victim.sqlite3", b"keep me")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(victim)
    dangling = tmp_path / "dangling.sqlite3"
    dangling.symlink_to(tmp_path / "nowhere.sqlite3")
    for target in (link, dangling):
        code, _out, err = run(demo_register, BACKUP, target, capsys)
        assert code == 1
        assert one_error_line(err) == f"{target} already exists; choose another name"
        assert target.is_symlink()
    assert victim.read_bytes() == b"keep me" and mode(victim) == 0o644
    assert not (tmp_path / "nowhere.sqlite3").exists()


# --- vrus persons export ID -o FILE: the access request, over a file and through a link ------


@pytest.mark.parametrize("ending", [".json", ".pdf"])
def test_an_access_export_replaces_a_file_and_a_link_with_a_private_file(
    ending: str,
    demo_register: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _seminar = demo_register
    db = open_database(sqlite_url(path))
    with db.sessions() as session:
        person = session.scalars(select(Person.id).order_by(Person.id)).first()
    db.close()
    existing = old_file(tmp_path / f"existing{ending}")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = old_file(elsewhere / f"victim{ending}", b"keep me")
    link = tmp_path / f"link{ending}"
    link.symlink_to(victim)
    for target in (existing, link):
        code = main(["--db", str(path), "persons", "export", str(person), "-o", str(target)])
        _out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        assert not target.is_symlink() and mode(target) == 0o600
        assert target.read_bytes().startswith(b"%PDF" if ending == ".pdf" else b"{")
    assert victim.read_bytes() == b"keep me" and mode(victim) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["elsewhere", existing.name, link.name]
    )
