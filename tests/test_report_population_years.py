"""Which year's population figures the coverage report uses for a season, and says it uses.

The register holds figures of the 16 municipalities of 2014 (2010-2018) and of the 12 of 2024
(2019-2026, recomputed by SSB to the 2024 borders). A season takes, per municipality, the
newest figure at or before it: its own, a renumbered successor's (same borders, another
number), or the sum of its predecessors'.
"""

from __future__ import annotations

import datetime as dt

from vrus.reports.coverage import coverage
from vrus.reports.coverage_report import coverage_report, source_notes
from vrus.reports.language import Translator
from vrus.reports.output import render_text

TODAY = dt.date(2026, 11, 26)


def _coverage(db, season: int, **options):
    with db.sessions() as session:
        return coverage(session, season, today=TODAY, **options)


def _row(cov, name: str):
    (row,) = [r for r in cov.region if r.name == name]
    return row


def _band(cov, low: int, high: int):
    return next(e for e in cov.ensembles if e.band == (low, high))


def _text(cov) -> str:
    return render_text(coverage_report(cov), Translator("en"))


def _header(cov) -> list[str]:
    tr = Translator("en")
    return [tr(c.label) for c in coverage_report(cov).table("municipalities").columns]


def test_2026_uses_the_figures_of_2026_and_says_so(db) -> None:
    cov = _coverage(db, 2026)
    assert {r.population.year for r in cov.region} == {2026}
    assert cov.region_total.population.persons == 484_351
    asker = _row(cov, "Asker")
    assert (asker.number, asker.population.persons, asker.population.parts) == ("3203", 101_509, ())
    orchestra = _band(cov, 13, 18)
    assert {r.residents[orchestra.id].year for r in cov.region} == {2026}
    assert "Inhabitants (2026)" in _header(cov)
    notes = [str(n) for n in source_notes(cov)]
    assert "Population on 1 January: inhabitants 2026, residents by age 2026." in notes
    assert not any("no figures" in n for n in notes)


def test_2022_uses_the_figures_of_2022_of_the_renumbered_successors(db) -> None:
    """Asker 3025 (2020-2023) is Asker 3203 (2024-) under another number."""
    cov = _coverage(db, 2022)
    asker = _row(cov, "Asker")
    assert asker.number == "3025"
    assert (asker.population.persons, asker.population.year, asker.population.parts) == (
        96_088,
        2022,
        (),
    )
    assert {r.population.year for r in cov.region} == {2022}
    assert {r.residents[_band(cov, 8, 13).id].year for r in cov.region} == {2022}
    assert "Inhabitants (2022)" in _header(cov)
    assert "Population on 1 January: inhabitants 2022, residents by age 2022." in _text(cov)


def test_2014_keeps_the_figures_of_2014(db) -> None:
    cov = _coverage(db, 2014)
    assert {r.population.year for r in cov.region} == {2014}
    assert cov.region_total.population.persons == 417_702
    assert _row(cov, "Sande").population.persons == 9_036
    assert "Inhabitants (2014)" in _header(cov)
    assert "is larger than" not in _text(cov)


def test_2019_mixes_years_and_says_where(db) -> None:
    """Bærum 0219 was only renumbered since (3024, 3201): the 2019 figure of today's Bærum
    is its own. Asker 0220 was merged: its newest own figure is from 2015. Sande merged into
    a larger Holmestrand: Holmestrand's figure is never Sande's."""
    cov = _coverage(db, 2019)
    assert (_row(cov, "Bærum").population.persons, _row(cov, "Bærum").population.year) == (
        126_841,
        2019,
    )
    assert _row(cov, "Asker").population.year == 2015
    assert (_row(cov, "Sande").population.persons, _row(cov, "Sande").population.year) == (
        9_149,
        2015,
    )
    notes = [str(n) for n in source_notes(cov)]
    assert (
        "Population on 1 January: inhabitants 2015 and 2019, residents by age 2018 and "
        "2019." in notes
    )
    assert "Where the register has no figures for 2019, the newest before it are used." in notes


def test_a_season_before_the_figures_says_later_ones_are_used(db) -> None:
    notes = [str(n) for n in source_notes(_coverage(db, 2008))]
    assert (
        "Where the register has no figures for 2008 or earlier, the oldest after it are "
        "used." in notes
    )


def test_holmestrand_is_not_comparable_with_sande(db) -> None:
    expected = (
        "Holmestrand ({number}) is larger than Sande, its part in the region: its "
        "figures also count areas that were never in the region, so members per "
        "10 000 inhabitants (and per 1 000 by age) are not comparable with those of "
        "Sande in earlier seasons."
    )
    assert expected.format(number="3903") in _text(_coverage(db, 2026))
    assert expected.format(number="3802") in _text(_coverage(db, 2022))
    # Asker and Drammen carry the name of one of their parts: nothing to say.
    assert "Asker (3203) is larger" not in _text(_coverage(db, 2026))


def test_today_municipalities_in_2014_sum_the_parts(db) -> None:
    cov = _coverage(db, 2014, today_terms=True)
    asker = _row(cov, "Asker")
    assert (asker.population.year, asker.population.parts) == (2014, ("Asker", "Hurum", "Røyken"))
    assert _row(cov, "Holmestrand").population.parts == ("Sande",)
    text = _text(cov)
    assert "Holmestrand = Sande only" in text and "is larger than" not in text
