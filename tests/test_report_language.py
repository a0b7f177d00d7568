"""Report text in Bokmål or English without Qt: the catalogue read from the .ts file, nested
texts, numbers and dates in the language's form; the Table model's rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vrus.reports import language
from vrus.reports.labels import join, plural
from vrus.reports.language import NBSP, Translator, catalogue
from vrus.reports.output import render_text
from vrus.reports.tables import Column, Kind, Report, Table
from vrus.reports.xlsx import sheet_name
from vrus.texts import translate

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="nb_NO">
<context><name>Core</name>
  <message><source>{n} of {size} municipalities represented in {ensemble}</source>
    <translation>{n} av {size} kommuner representert i {ensemble}</translation></message>
  <message><source>{first} and {last}</source>
    <translation>{first} og {last}</translation></message>
  <message><source>{first}, {second}</source><translation>{first}, {second}</translation>
  </message>
  <message><source>Total</source><translation type="unfinished"></translation></message>
  <message><source>broken {n}</source><translation>ødelagt {m}</translation></message>
</context>
<context><name>MainWindow</name>
  <message><source>Members</source><translation>Medlemmer</translation></message>
</context>
</TS>
"""


@pytest.fixture
def bokmal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Translator:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "vrus_nb.ts").write_text(TS, encoding="utf-8")
    monkeypatch.setattr(language, "resource", lambda *parts: tmp_path.joinpath(*parts))
    catalogue.cache_clear()
    yield Translator("nb")
    catalogue.cache_clear()


def test_catalogue_reads_finished_core_messages_only(bokmal: Translator) -> None:
    found = catalogue("nb")
    assert found["{first} and {last}"] == "{first} og {last}"
    assert "Total" not in found  # unfinished: printed in English
    assert "Members" not in found  # another context


def test_bokmal_with_nested_texts(bokmal: Translator) -> None:
    line = translate("Core", "{n} of {size} municipalities represented in {ensemble}").format(
        n=12, size=16, ensemble="Ungdomssymfonikerne"
    )
    assert bokmal(line) == "12 av 16 kommuner representert i Ungdomssymfonikerne"
    assert bokmal(join(["Asker", "Hurum", "Røyken"])) == "Asker, Hurum og Røyken"
    assert bokmal(translate("Core", "Total")) == "Total"
    # A translation with a wrong placeholder falls back to the English text.
    assert bokmal(translate("Core", "broken {n}").format(n=3)) == "broken 3"


def test_english_is_the_source() -> None:
    tr = Translator("en")
    assert tr(join(["Asker", "Hurum", "Røyken"])) == "Asker, Hurum and Røyken"
    assert (
        tr(plural(1, translate("Core", "one activity"), translate("Core", "{n} activities")))
        == "one activity"
    )
    assert (
        tr(plural(7, translate("Core", "one activity"), translate("Core", "{n} activities")))
        == "7 activities"
    )


def test_numbers_and_dates_follow_the_language() -> None:
    nb, en = Translator("nb", messages={}), Translator("en")
    assert nb.number(1234.5, 1) == f"1{NBSP}234,5" and en.number(1234.5, 1) == "1,234.5"
    assert nb.integer(118588) == f"118{NBSP}588" and nb.integer(2014) == "2014"
    assert nb.day(dt.date(2014, 3, 6)) == "torsdag 06.03.2014"
    assert en.day(dt.date(2014, 3, 6)) == "Thursday 06.03.2014"
    assert nb.time(dt.time(10)) == "10.00" and en.time(dt.time(10)) == "10:00"
    assert nb(translate("Core", "{day}").format(day=dt.date(2014, 2, 8))) == "lørdag 08.02.2014"


def test_percentages_are_cut_not_rounded() -> None:
    en = Translator("en")
    column = Column("share", Kind.PERCENT, 1)
    assert en.cell(0.7499, column) == "74.9%"
    assert en.cell(0.75, column) == "75.0%"
    assert en.cell(0.29, Column("share", Kind.PERCENT, 0)) == "29%"
    assert en.cell(None, column) == "–" and en.cell(None, column, plain=True) == ""


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        Translator("sv")


def test_table_rows_must_fit_the_columns() -> None:
    table = Table("t", [Column("a"), Column("b", Kind.INT)])
    table.add(["x", 1], marked=True)
    with pytest.raises(ValueError):
        table.add(["only one"])
    assert table.marked == {0}


def test_text_output_marks_rows_and_aligns_numbers() -> None:
    table = Table(
        "Tabell",
        [Column("Kommune"), Column("Medlemmer", Kind.INT)],
        mark_note="ingen medlemmer",
        total_rows=1,
    )
    table.add(["Hole", 0], marked=True)
    table.add(["Bærum", 12])
    table.add(["Sum", 12])
    text = render_text(Report("coverage", "Tittel", "Rapport", tables=[table]), Translator("en"))
    lines = text.splitlines()
    assert "* Hole             0" in lines
    assert "  Bærum           12" in lines
    assert "* Marked: ingen medlemmer" in lines


def test_sheet_names_are_short_unique_and_legal() -> None:
    taken: set[str] = set()
    assert sheet_name("Members per municipality, season 2026", taken) == (
        "Members per municipality, seaso"
    )
    assert sheet_name("Members per municipality, season 2026", taken) == (
        "Members per municipality, s (2)"
    )
    assert sheet_name("a/b:c", taken) == "a b c"
