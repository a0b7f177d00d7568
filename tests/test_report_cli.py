"""``vrus report ...``: options, formats, files, and one-line errors."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from tests.test_report_coverage import add_member
from vrus.cli.report import add_commands, cmd_report
from vrus.validation import ValidationError

TODAY = dt.date(2026, 11, 26)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="vrus")
    add_commands(root.add_subparsers(dest="command"))
    return root


def test_options_of_the_season_reports() -> None:
    args = parser().parse_args(
        [
            "report",
            "coverage",
            "--season",
            "2014",
            "--today-municipalities",
            "--format",
            "json",
            "-o",
            "x.json",
        ]
    )
    assert (args.season, args.today_municipalities, args.format, args.output) == (
        2014,
        True,
        "json",
        "x.json",
    )
    assert args.language == "nb" and callable(args.handler)
    for kind in ("instrumentation", "ages", "attendance", "annual"):
        args = parser().parse_args(["report", kind, "--format", "xlsx"])
        assert args.season is None and args.format == "xlsx"
    assert (
        parser().parse_args(["report", "attendance", "--today-municipalities"]).today_municipalities
    )


def test_course_takes_event_ids() -> None:
    args = parser().parse_args(["report", "course", "3", "4", "--format", "pdf"])
    assert args.events == [3, 4]
    with pytest.raises(SystemExit):
        parser().parse_args(["report", "course"])
    with pytest.raises(SystemExit):
        parser().parse_args(["report", "course", "helgeseminar"])
    with pytest.raises(SystemExit):
        parser().parse_args(["report", "ages", "--format", "docx"])


def test_json_to_the_terminal(db) -> None:
    add_member(db, "Kari", "0219", ("ungdom", dt.date(2012, 8, 15), None, "Violin"))
    out = io.StringIO()
    assert cmd_report(db, "coverage", out=out, season=2014, fmt="json", today=TODAY) == 0
    data = json.loads(out.getvalue())
    assert data["season"] == "2014" and data["region_size"] == 16
    assert data["covered"]["Ungdomssymfonikerne"] == 1


def test_text_and_today_municipalities(db) -> None:
    add_member(db, "Ola", "0627", ("ungdom", dt.date(2013, 8, 15), None, "Trumpet"))
    out = io.StringIO()
    cmd_report(db, "coverage", out=out, season=2014, today_terms=True, language="en", today=TODAY)
    assert "1 of 12 municipalities represented in Ungdomssymfonikerne" in out.getvalue()


def test_pdf_goes_to_a_named_file(db, tmp_path: Path) -> None:
    out = io.StringIO()
    cmd_report(db, "coverage", out=out, season=2014, fmt="pdf", today=TODAY, folder=tmp_path)
    path = tmp_path / "rekruttering-2014.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert out.getvalue().strip().endswith(str(path.resolve()))
    target = tmp_path / "valgt.csv"
    cmd_report(db, "ages", out=io.StringIO(), season=2014, fmt="csv", output=target, today=TODAY)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_bad_season_and_format_are_one_line_errors(db) -> None:
    with pytest.raises(ValidationError, match="not a season year"):
        cmd_report(db, "coverage", out=io.StringIO(), season=1899, today=TODAY)
    with pytest.raises(ValidationError, match="is not a format"):
        cmd_report(db, "coverage", out=io.StringIO(), fmt="docx", today=TODAY)


def test_the_file_name_chooses_the_format_or_must_match_it(db, tmp_path: Path) -> None:
    """``-o rapport.pdf`` writes a PDF; a name that does not fit the format is refused before
    anything is written."""
    for suffix, start in (("pdf", b"%PDF"), ("xlsx", b"PK"), ("json", b"{"), ("csv", b"\xef")):
        target = tmp_path / f"rapport.{suffix}"
        cmd_report(db, "coverage", out=io.StringIO(), season=2014, output=target, today=TODAY)
        assert target.read_bytes().startswith(start), suffix
    text = tmp_path / "rapport.TXT"
    cmd_report(db, "coverage", out=io.StringIO(), season=2014, output=text, today=TODAY)
    assert text.read_text(encoding="utf-8").startswith("Rekrutteringsdekning")
    refusals = {
        ("pdf", "x.txt"): "x.txt: --format pdf writes a .pdf file; give it that ending",
        ("text", "x.pdf"): "x.pdf: --format text writes a .txt file; give it that ending",
        (None, "x.doc"): (
            "x.doc: give the file a name ending in .txt, .csv, .json, .pdf, .xlsx, "
            "or choose --format"
        ),
        (None, "rapport"): (
            "rapport: give the file a name ending in .txt, .csv, .json, .pdf, .xlsx, "
            "or choose --format"
        ),
    }
    before = sorted(tmp_path.iterdir())
    for (fmt, name), message in refusals.items():
        with pytest.raises(ValidationError) as refused:
            cmd_report(
                db, "coverage", out=io.StringIO(), fmt=fmt, output=tmp_path / name, today=TODAY
            )
        assert str(refused.value) == message
    assert sorted(tmp_path.iterdir()) == before
