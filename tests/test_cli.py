"""The command line: version, check, and one clear line for every failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vrus import __version__
from vrus.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"VRUS {__version__}"


def test_check_on_a_fresh_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.sqlite3"
    import sqlite3

    from vrus.opening import open_database

    with sqlite3.connect(path) as connection:  # a SQLite file without tables: not yet set up
        connection.executescript("CREATE TABLE t (x); DROP TABLE t;")
    connection.close()
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "Schema version: none" in out and "needs upgrade" in out

    open_database(f"sqlite:///{path}").close()
    assert main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Integrity check: ok" in out
    assert "41 municipalities" in out
    assert "Result: OK" in out


def test_not_a_database_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("this is not a database\n", encoding="utf-8")
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("vrus: error: ") and "not a VRUS database" in err
    assert "Traceback" not in err


def test_unexpected_error_is_logged_not_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import vrus.db.health as health

    def broken(_db):
        raise RuntimeError("secret detail: Åse Ødegård born 01.02.2012")

    monkeypatch.setattr(health, "check_database", broken)
    assert main(["--db", str(tmp_path / "r.sqlite3"), "events", "list"]) == 0  # a new register
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "r.sqlite3"), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("vrus: error: an unexpected error occurred; details are in ")
    assert "Traceback" not in err and "Åse" not in err
    log_path = Path(err.rsplit(" ", 1)[1].strip())
    assert "RuntimeError" in log_path.read_text(encoding="utf-8")


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--members", "zero"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("vrus: error: argument --members: 'zero' is not a whole number")


def test_window_without_display_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--db", str(tmp_path / "r.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("vrus: error: no display") and err.count("\n") == 1


def test_python_dash_m_vrus(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vrus", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"VRUS {__version__}"


def test_import_members_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import func, select

    from vrus.db.models import Person
    from vrus.opening import open_database

    db_file = tmp_path / "r.sqlite3"
    good = tmp_path / "medlemmer.csv"
    good.write_text(
        "Fornavn;Etternavn;Født;Kommune;Gruppe;Instrument\n"
        "Łukasz;Nguyễn;03.04.2011;Baerum;ungdom;Fiolin\n"
        "Åse;Ødegård;2012-05-06;0220;junior;Bratsj\n",
        encoding="utf-8-sig",
    )
    bad = tmp_path / "feil.csv"
    bad.write_text("Fornavn;Etternavn;Født\nZoë;Berg;31.02.2010\n", encoding="utf-8")

    def persons() -> int:
        db = open_database(f"sqlite:///{db_file}")
        with db.transaction() as session:
            count = session.scalar(select(func.count()).select_from(Person))
        db.close()
        return count

    assert main(["--db", str(db_file), "import", "members", str(good), "--dry-run"]) == 0
    assert "Dry run: nothing was written" in capsys.readouterr().out
    assert persons() == 0
    assert main(["--db", str(db_file), "import", "members", str(bad)]) == 1
    assert "31.02.2010" in capsys.readouterr().out
    assert persons() == 0
    assert main(["--db", str(db_file), "import", "members", str(good)]) == 0
    assert persons() == 2
