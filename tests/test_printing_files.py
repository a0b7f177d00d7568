"""File names, writing PDFs, and ``vrus print attendance|lunch|contacts|roster``."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from vrus.cli.printing import (
    add_commands,
    cmd_print_attendance,
    cmd_print_contacts,
    cmd_print_lunch,
    cmd_print_roster,
)
from vrus.db.models import Event
from vrus.demo import load_demo
from vrus.printing.layout import default_filename, slug
from vrus.private_files import write_private_file
from vrus.validation import ValidationError

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def demo(db):
    load_demo(db, today=TODAY)
    return db


def _first_seminar(db) -> int:
    with db.transaction() as session:
        return session.scalars(
            select(Event.id).where(Event.title == "Helgeseminar 1").order_by(Event.id.desc())
        ).first()


def _pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def test_default_file_names_are_descriptive_and_plain() -> None:
    event = SimpleNamespace(
        title="Helgeseminar 1", days=[dt.date(2026, 1, 18), dt.date(2026, 1, 17)]
    )
    assert default_filename("attendance", event) == "oppmote-helgeseminar-1-2026-01-17.pdf"
    assert default_filename("lunch", event) == "lunsj-helgeseminar-1-2026-01-17.pdf"
    assert default_filename("sign_in", event) == "innsjekk-helgeseminar-1-2026-01-17.pdf"
    assert (
        default_filename("contacts", label="Juniorsymfonikerne", day=TODAY)
        == "kontaktliste-juniorsymfonikerne-2026-11-26.pdf"
    )
    assert default_filename("roster", label="2026") == "vaktliste-2026.pdf"
    assert (
        slug("Gruppeøvelse med Dextramusiker – Ås/Bærum")
        == "gruppeovelse-med-dextramusiker-as-baerum"
    )
    assert slug("Łukasz Nguyễn") == "lukasz-nguyen"


def test_a_pdf_is_a_file_only_the_owner_can_read(tmp_path) -> None:
    path = write_private_file(tmp_path / "list.pdf", b"%PDF-1.4 test")
    assert path.read_bytes() == b"%PDF-1.4 test"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_print_commands_write_where_told(demo, tmp_path) -> None:
    event_id = _first_seminar(demo)
    out = io.StringIO()
    target = tmp_path / "liste.pdf"
    assert cmd_print_attendance(demo, event_id=event_id, output=str(target), out=out) == 0
    assert out.getvalue() == f"Wrote {target}\n"
    assert _pages(target) >= 1
    for command, kwargs in (
        (cmd_print_lunch, {"event_id": event_id}),
        (cmd_print_contacts, {"ensemble": "junior"}),
        (cmd_print_roster, {"season": 2026}),
    ):
        path = tmp_path / f"{command.__name__}.pdf"
        assert command(demo, output=str(path), out=io.StringIO(), **kwargs) == 0
        assert _pages(path) >= 1


def test_without_output_the_file_gets_a_descriptive_name_here(demo, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    event_id = _first_seminar(demo)
    out = io.StringIO()
    cmd_print_attendance(demo, event_id=event_id, by_section=True, out=out)
    cmd_print_attendance(demo, event_id=event_id, sign_in=True, out=out)
    cmd_print_lunch(demo, event_id=event_id, out=out)
    cmd_print_contacts(demo, ensemble="Ungdomssymfonikerne", out=out, on=TODAY)
    cmd_print_roster(demo, season=2026, out=out)
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert written == [
        "innsjekk-helgeseminar-1-2026-01-17.pdf",
        "kontaktliste-ungdomssymfonikerne-2026-11-26.pdf",
        "lunsj-helgeseminar-1-2026-01-17.pdf",
        "oppmote-per-gruppe-helgeseminar-1-2026-01-17.pdf",
        "vaktliste-2026.pdf",
    ]
    assert all(str(tmp_path / name) in out.getvalue() for name in written)


def test_an_unknown_ensemble_is_refused(demo, tmp_path) -> None:
    with pytest.raises(ValidationError, match="'strykere' is not an ensemble"):
        cmd_print_contacts(
            demo, ensemble="strykere", output=str(tmp_path / "x.pdf"), out=io.StringIO()
        )
    assert not (tmp_path / "x.pdf").exists()


def test_the_commands_are_registered(demo, tmp_path, capsys) -> None:
    parser = argparse.ArgumentParser(prog="vrus")
    add_commands(parser.add_subparsers(dest="command"))
    event_id = str(_first_seminar(demo))
    target = tmp_path / "a.pdf"
    args = parser.parse_args(["print", "attendance", event_id, "-o", str(target), "--by-section"])
    assert (args.by_section, args.sign_in) == (True, False)
    assert args.handler(demo, args) == 0
    assert capsys.readouterr().out == f"Wrote {target}\n"
    for argv in (
        ["print", "lunch", event_id],
        ["print", "contacts", "--ensemble", "junior"],
        ["print", "roster", "--season", "2026"],
    ):
        assert callable(parser.parse_args(argv).handler)
    with pytest.raises(SystemExit):
        parser.parse_args(["print", "attendance", event_id, "--by-section", "--sign-in"])
    with pytest.raises(SystemExit):
        parser.parse_args(["print", "attendance", "x"])
