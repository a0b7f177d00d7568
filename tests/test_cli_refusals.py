"""Bad arguments get one clear line and change nothing (issue 13, the first cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vrus.cli import main

HUGE = "99999999999999999999"  # more than a 64-bit integer: no event, not an overflow


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "unexpected error" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip()


@pytest.mark.parametrize(
    "command",
    [
        ["lunch", HUGE],
        ["events", "signup", HUGE, "--all-invited"],
        ["print", "attendance", HUGE],
        ["print", "lunch", HUGE],
        ["invitation", HUGE, "--mailto"],
        ["import", "signups", HUGE, "answers.csv"],
    ],
)
def test_an_event_id_too_large_for_the_database_is_no_event(
    db, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", db.url, *command])
    assert stopped.value.code == 2  # a usage error, like any bad argument
    assert f"event {HUGE} is not in the register" in _error_line(capsys)


def test_a_folder_given_as_the_register_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "register"
    folder.mkdir()
    for command in (["check"], ["events", "list"]):
        assert main(["--db", str(folder), *command]) == 1
        assert _error_line(capsys) == f"vrus: error: {folder} is a folder, not a database file"
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register"]  # no backups/ beside it


def test_a_printout_is_written_only_under_a_pdf_name(
    db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.txt"
    assert main(["--db", db.url, "print", "contacts", "-o", str(target)]) == 1
    assert _error_line(capsys) == (
        f"vrus: error: {target}: a printout is a PDF; give the file a name ending in .pdf"
    )
    assert not target.exists()
    assert main(["--db", db.url, "print", "contacts", "-o", str(tmp_path / "x.PDF")]) == 0


def test_a_failure_while_closing_is_one_line_too(
    db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every failure goes through ``cli.base.fail``, also one after the command has run."""
    import vrus.backup

    closed = []

    def broken(register):
        closed.append(register)
        raise RuntimeError("disk gone")

    monkeypatch.setattr(vrus.backup, "on_close", broken)
    assert main(["--db", db.url, "events", "list"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("No events in season")  # the command's own output came
    assert captured.err.startswith("vrus: error: an unexpected error occurred; details are in ")
    assert len(captured.err.splitlines()) == 1 and "Traceback" not in captured.err
    assert closed and closed[0].engine.pool.checkedout() == 0
