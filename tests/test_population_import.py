"""Importing population figures: what would change, storing all or nothing, and the command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

import vrus.population.storing as storing
from vrus.cli import main
from vrus.db.models import Municipality, MunicipalityPopulation
from vrus.population import PopulationFileError, import_population
from vrus.population.summary import summary_lines
from vrus.reports.coverage import coverage

DATA = Path(__file__).parent / "data" / "population"
TODAY = dt.date(2027, 3, 1)


def _rows(db) -> list[tuple]:
    with db.sessions() as session:
        return session.execute(
            select(
                MunicipalityPopulation.municipality_id,
                MunicipalityPopulation.year,
                MunicipalityPopulation.age,
                MunicipalityPopulation.persons,
                MunicipalityPopulation.source,
            ).order_by(MunicipalityPopulation.id)
        ).all()


def _figure(db, number: str, year: int, age: int | None) -> int | None:
    with db.sessions() as session:
        return session.scalar(
            select(MunicipalityPopulation.persons)
            .join(Municipality)
            .where(
                Municipality.number == number,
                MunicipalityPopulation.year == year,
                MunicipalityPopulation.age.is_(None)
                if age is None
                else MunicipalityPopulation.age == age,
            )
        )


def _lines(result) -> list[str]:
    return [str(line) for line in summary_lines(result)]


def test_dry_run_says_what_would_change_and_changes_nothing(db) -> None:
    before = _rows(db)
    result = import_population(db, DATA / "07459-nb-semicolon-latin1.csv", dry_run=True)
    assert _rows(db) == before
    assert (result.stored, result.plan.new, result.plan.changed, result.plan.unchanged) == (
        False,
        28,
        0,
        28,
    )  # 2027 is new, 2026 is what the register has
    assert _lines(result) == [
        "07459-nb-semicolon-latin1.csv: new figures 28, changed 0, unchanged 28.",
        "Asker (3203) 2027: new ages 6–19",
        "Holmestrand (3903) 2027: new ages 6–19",
        "Dry run: nothing was stored.",
    ]


def test_import_stores_every_figure_with_its_source(db) -> None:
    result = import_population(db, DATA / "07459-jsonstat2.json", today=TODAY)
    assert result.stored and result.plan.new == 28
    assert _figure(db, "3203", 2027, 13) == 1358
    with db.sessions() as session:
        sources = set(
            session.scalars(
                select(MunicipalityPopulation.source).where(MunicipalityPopulation.year == 2027)
            )
        )
    assert sources == {"SSB table 07459, 1 January; imported 2027-03-01 from 07459-jsonstat2.json"}
    again = import_population(db, DATA / "07459-nb-semicolon-latin1.csv", dry_run=True)
    assert again.plan.changes == [] and again.plan.unchanged == 56
    assert _lines(again)[-1] == "The register already has these figures: nothing to store."


def test_changed_figures_show_old_and_new(db, tmp_path: Path) -> None:
    path = tmp_path / "07459.csv"
    path.write_text(
        '"region";"alder";"Personer 2026"\n"K-3203 Asker";"13 år";1400\n'
        '"K-3203 Asker";"Alle aldre";101600\n',
        encoding="utf-8",
    )
    old_13 = _figure(db, "3203", 2026, 13)
    result = import_population(db, path, dry_run=True)
    assert old_13 == 1357
    assert _lines(result)[1] == (
        "Asker (3203) 2026: inhabitants 101\u00a0509 → 101\u00a0600, "
        "age 13: 1\u00a0357 → 1\u00a0400"
    )
    import_population(db, path)
    assert (_figure(db, "3203", 2026, None), _figure(db, "3203", 2026, 13)) == (101_600, 1400)


def test_numbers_not_in_the_register_are_listed(db) -> None:
    lines = _lines(import_population(db, DATA / "07459-en-totals.csv", dry_run=True))
    assert "Oslo (0301) 2027: inhabitants 724\u00a0290" in lines
    assert "Not in the register, skipped: 1103 (2026)." in lines
    assert "Figures for the whole country or for counties, skipped: 4." in lines
    assert "Cells without a figure (SSB's '.' or '..'), skipped: 1." in lines


def test_a_bad_row_in_the_middle_changes_nothing(db) -> None:
    before = _rows(db)
    with pytest.raises(PopulationFileError, match="row 8, Personer 2027"):
        import_population(db, DATA / "07459-bad-row.csv")
    assert _rows(db) == before


def test_everything_is_stored_in_one_transaction(db, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after some figures were written leaves none of them."""
    real_store = storing.store

    def store_then_fail(session, plan, source) -> None:
        real_store(session, plan, source)
        session.flush()  # the figures are in the database, not yet committed
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(storing, "store", store_then_fail)
    before = _rows(db)
    with pytest.raises(RuntimeError):
        import_population(db, DATA / "07459-nb-tab-sexes.csv")
    assert _rows(db) == before


def test_a_figure_goes_to_the_row_of_its_year(db, tmp_path: Path) -> None:
    """A number held by several rows: the row valid on 1 January of the year, else the
    newest (SSB recomputes earlier years to today's borders: "K-3203" 2019 is today's)."""
    with db.transaction() as session:
        session.add(
            Municipality(
                number="3203", name="Gamle Asker", in_region=False, valid_to=dt.date(2014, 12, 31)
            )
        )
    path = tmp_path / "07459.csv"
    path.write_text(
        '"region";"Personer 2014";"Personer 2019";"Personer 2022"\n'
        '"3203 Asker";1;2;3\n"3025 Asker";4;5;6\n',
        encoding="utf-8",
    )
    result = import_population(db, path, dry_run=True)
    placed = {(c.number, c.year): c.name for c in result.plan.changes}
    assert placed == {
        ("3203", 2014): "Gamle Asker",
        ("3203", 2019): "Asker",
        ("3203", 2022): "Asker",
        ("3025", 2014): "Asker",
        ("3025", 2019): "Asker",
        ("3025", 2022): "Asker",
    }
    with db.sessions() as session:
        valid_from = {r.id: r.valid_from for r in session.scalars(select(Municipality))}
    assert {
        valid_from[c.municipality_id]
        for c in result.plan.changes
        if (c.number, c.year) in {("3203", 2019), ("3203", 2022)}
    } == {dt.date(2024, 1, 1)}


def test_a_season_after_an_import_uses_the_new_figures(db) -> None:
    import_population(db, DATA / "07459-en-totals.csv")
    import_population(db, DATA / "07459-nb-tab-sexes.csv")
    with db.sessions() as session:
        cov = coverage(session, 2027, today=TODAY)
    asker = next(r for r in cov.region if r.name == "Asker")
    assert (asker.population.persons, asker.population.year) == (102_300, 2027)
    orchestra = next(e for e in cov.ensembles if e.band == (13, 18))
    assert asker.residents[orchestra.id].year == 2027
    hole = next(r for r in cov.region if r.name == "Hole")
    assert hole.population.year == 2026  # not in the files


# --- the command --------------------------------------------------------------------------------


def _vrus(register: str, *args: str) -> int:
    return main(["--db", register, "population", "import", *args])


def test_command_dry_run_and_import(db, capsys: pytest.CaptureFixture[str]) -> None:
    file = str(DATA / "07459-en-totals.csv")
    assert _vrus(db.url, file, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Asker (3203) 2027: inhabitants 102\u00a0300" in out
    assert out.rstrip().endswith("Dry run: nothing was stored.")
    with db.sessions() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(MunicipalityPopulation)
                .where(MunicipalityPopulation.year == 2027)
            )
            == 0
        )
    assert _vrus(db.url, file) == 0
    assert capsys.readouterr().out.rstrip().endswith("Stored in the register: 4 figures.")
    assert _figure(db, "3903", 2027, None) == 27_877


def test_command_refuses_a_wrong_file_in_one_line(db, capsys: pytest.CaptureFixture[str]) -> None:
    assert _vrus(db.url, str(DATA / "members.csv")) == 1
    err = capsys.readouterr().err
    assert err == (
        "vrus: error: members.csv: not a download of table 07459 from SSB's "
        "Statbank (CSV or JSON-stat)\n"
    )


def test_command_needs_a_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "population", "import"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("vrus: error: ")
