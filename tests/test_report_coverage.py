"""Recruitment coverage on hand-made registers, with the counts worked out by hand.

The register (reference data from the migrations: the 16 municipalities of 2014, their 2020
and 2024 successors, Oslo; 2014/2015 totals and residents by age 2010-2018):

- Kari, orchestra, Bærum 2014 (0219), violin, Bærum kulturskole.
- Ola, orchestra, Røyken 2014 (0627), trumpet: merged into Asker in 2020.
- Siri, juniors, today's Asker (3203): formed from Asker, Hurum and Røyken, so a 2014
  report cannot tell which one she belongs to.
- Per, juniors until 30.06.2014 then the orchestra (moved up), today's Bærum (3201):
  Bærum's only predecessor, so 2014 counts him under Bærum 0219; in both ensembles, once.
- Nora, orchestra, Oslo: outside the region.
- Lars, orchestra, membership ended 31.12.2013: not in the 2014 season.
- Emil, aspirant, no municipality recorded.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from vrus.db.models import Ensemble, Instrument, Membership, Municipality, Organisation, Person
from vrus.reports.coverage import RowKind, coverage
from vrus.reports.coverage_report import coverage_json, coverage_report, summary_lines
from vrus.reports.language import Translator
from vrus.reports.output import render_text

D = dt.date
TODAY = D(2026, 11, 26)
REGION_2014 = [
    "Asker",
    "Bærum",
    "Drammen",
    "Hole",
    "Hurum",
    "Jevnaker",
    "Krødsherad",
    "Lier",
    "Modum",
    "Nedre Eiker",
    "Ringerike",
    "Røyken",
    "Sande",
    "Sigdal",
    "Svelvik",
    "Øvre Eiker",
]
REGION_2026 = [
    "Asker",
    "Bærum",
    "Drammen",
    "Hole",
    "Holmestrand",
    "Jevnaker",
    "Krødsherad",
    "Lier",
    "Modum",
    "Ringerike",
    "Sigdal",
    "Øvre Eiker",
]


def _id(session, model, **where) -> int:
    return session.scalars(select(model.id).filter_by(**where)).one()


BORN = D(2000, 5, 1)


def add_member(
    db,
    first: str,
    municipality: str | None,
    *stints: tuple,
    school: str | None = None,
    born: dt.date = BORN,
) -> int:
    """A person with memberships (ensemble short name, start, end, instrument English name)."""
    with db.transaction() as session:
        person = Person(
            first_name=first,
            last_name="Testesen",
            birth_date=born,
            municipality_id=_id(session, Municipality, number=municipality)
            if municipality
            else None,
            culture_school_id=_id(session, Organisation, name=school) if school else None,
        )
        session.add(person)
        session.flush()
        for short, start, end, instrument in stints:
            session.add(
                Membership(
                    person_id=person.id,
                    ensemble_id=_id(session, Ensemble, short_name=short),
                    instrument_id=_id(session, Instrument, name_en=instrument)
                    if instrument
                    else None,
                    start_date=start,
                    end_date=end,
                    end_reason="moved_up" if end and short == "junior" else None,
                )
            )
        return person.id


@pytest.fixture
def register(db):
    add_member(
        db, "Kari", "0219", ("ungdom", D(2012, 8, 15), None, "Violin"), school="Bærum kulturskole"
    )
    add_member(db, "Ola", "0627", ("ungdom", D(2013, 8, 15), None, "Trumpet"))
    add_member(db, "Siri", "3203", ("junior", D(2014, 1, 10), D(2014, 12, 31), "Cello"))
    add_member(
        db,
        "Per",
        "3201",
        ("junior", D(2012, 1, 10), D(2014, 6, 30), "Violin"),
        ("ungdom", D(2014, 7, 1), None, "Viola"),
    )
    add_member(db, "Nora", "0301", ("ungdom", D(2013, 1, 5), None, "Flute"))
    add_member(db, "Lars", "0220", ("ungdom", D(2010, 1, 5), D(2013, 12, 31), "French horn"))
    add_member(db, "Emil", None, ("aspirant", D(2014, 2, 1), None, None))
    return db


def _coverage(db, season: int, **options):
    with db.transaction() as session:
        return coverage(session, season, today=TODAY, **options)


def _row(cov, name: str):
    (row,) = [r for r in cov.region if r.name == name]
    return row


def _members(cov, row) -> dict[str, int]:
    return {e.name: row.members[e.id] for e in cov.ensembles}


# --- which rows -------------------------------------------------------------------------------


def test_2014_has_the_16_municipalities_of_2014_in_norwegian_order(register) -> None:
    cov = _coverage(register, 2014)
    assert [r.name for r in cov.region] == REGION_2014
    assert cov.region_size == 16
    assert _row(cov, "Røyken").number == "0627"


def test_2026_has_the_12_municipalities_of_2024(register) -> None:
    cov = _coverage(register, 2026)
    assert [r.name for r in cov.region] == REGION_2026
    assert {r.number for r in cov.region} >= {"3201", "3203", "3301", "3903"}


def test_municipalities_with_nobody_are_rows_and_marked(register) -> None:
    cov = _coverage(register, 2014)
    hole = _row(cov, "Hole")
    assert hole.total == 0 and not hole.represented
    table = coverage_report(cov).table("municipalities")
    marked = {table.rows[i][0] for i in table.marked}
    assert "Hole" in marked and "Bærum" not in marked
    assert len(marked) == 14  # all but Bærum and Røyken


# --- counting -----------------------------------------------------------------------------


def test_counts_per_ensemble_and_total_2014(register) -> None:
    cov = _coverage(register, 2014)
    baerum = _row(cov, "Bærum")
    # Kari (orchestra) and Per (juniors, then orchestra: in both, once in the total).
    assert _members(cov, baerum) == {
        "Ungdomssymfonikerne": 2,
        "Juniorsymfonikerne": 1,
        "Aspiranter": 0,
    }
    assert baerum.total == 2
    assert _members(cov, _row(cov, "Røyken"))["Ungdomssymfonikerne"] == 1
    assert _row(cov, "Asker").total == 0  # Lars left before 2014; Siri cannot be placed
    assert cov.region_total.total == 3


def test_membership_that_ended_before_the_season_is_not_counted(register) -> None:
    assert _row(_coverage(register, 2013), "Asker").total == 1  # Lars, until 31.12.2013
    cov = _coverage(register, 2014)
    everyone = [*cov.region, *cov.outside]
    assert sum(r.total for r in everyone) == 6  # all but Lars


def test_person_outside_the_region_is_listed_separately(register) -> None:
    cov = _coverage(register, 2014)
    oslo = [r for r in cov.outside if r.name == "Oslo"]
    assert len(oslo) == 1 and oslo[0].total == 1 and oslo[0].kind == RowKind.MUNICIPALITY
    assert not oslo[0].in_region
    data = coverage_json(cov)
    assert {
        "kind": "municipality",
        "name": "Oslo",
        "number": "0301",
        "candidates": [],
        "outside_parts": [],
        "members": {"Ungdomssymfonikerne": 1, "Juniorsymfonikerne": 0, "Aspiranter": 0},
        "total": 1,
    } in data["outside_region"]


def test_no_municipality_recorded_is_listed(register) -> None:
    cov = _coverage(register, 2014)
    (nobody,) = [r for r in cov.outside if r.kind == RowKind.NO_MUNICIPALITY]
    assert nobody.total == 1


# --- mergers --------------------------------------------------------------------------------


def test_later_municipality_with_one_predecessor_counts_there(register) -> None:
    """Per is registered under today's Bærum (3201); in 2014 that was Bærum (0219)."""
    cov = _coverage(register, 2014)
    assert _row(cov, "Bærum").number == "0219"
    assert _members(cov, _row(cov, "Bærum"))["Juniorsymfonikerne"] == 1


def test_later_municipality_with_several_predecessors_is_unknown(register) -> None:
    """Siri is registered under today's Asker: Asker, Hurum or Røyken in 2014."""
    cov = _coverage(register, 2014)
    (siri,) = [r for r in cov.outside if r.kind == RowKind.UNKNOWN_PREDECESSOR]
    assert (siri.name, siri.number, siri.total) == ("Asker", "3203", 1)
    assert siri.candidates == ["Asker", "Hurum", "Røyken"]
    assert _row(cov, "Asker").total == 0 and _row(cov, "Hurum").total == 0
    assert any(
        e["kind"] == "unknown_predecessor" and e["candidates"] == siri.candidates
        for e in coverage_json(cov)["outside_region"]
    )


def test_former_municipality_counts_under_its_successor_after_the_merger(register) -> None:
    """Ola is registered under Røyken (2014); in 2026 Røyken is part of Asker, with Siri."""
    cov = _coverage(register, 2026)
    asker = _row(cov, "Asker")
    assert asker.number == "3203"
    assert _members(cov, asker) == {
        "Ungdomssymfonikerne": 1,
        "Juniorsymfonikerne": 0,
        "Aspiranter": 0,
    }  # Siri left the juniors in 2014
    assert _row(cov, "Bærum").total == 2  # Kari (0219) and Per (3201)
    assert not [r for r in cov.outside if r.kind == RowKind.UNKNOWN_PREDECESSOR]


def test_today_municipalities_option_maps_2014_onto_todays_rows(register) -> None:
    cov = _coverage(register, 2014, today_terms=True)
    assert [r.name for r in cov.region] == REGION_2026
    assert cov.reference_day == TODAY
    asker = _row(cov, "Asker")
    # Ola (Røyken 2014) and Siri (Asker today) are both Asker in today's terms.
    assert asker.total == 2
    assert _row(cov, "Bærum").total == 2
    assert not [r for r in cov.outside if r.kind == RowKind.UNKNOWN_PREDECESSOR]
    assert coverage_json(cov)["today_municipalities"] is True


def test_season_mapping_keeps_merged_municipalities_apart(register) -> None:
    cov = _coverage(register, 2014)
    assert _row(cov, "Røyken").total == 1 and _row(cov, "Asker").total == 0
    assert coverage_json(cov)["today_municipalities"] is False


# --- population figures ---------------------------------------------------------------------


def test_population_of_the_season_year(register) -> None:
    cov = _coverage(register, 2014)
    baerum = _row(cov, "Bærum")
    assert (baerum.population.persons, baerum.population.year) == (118588, 2014)
    assert baerum.per_10000 == pytest.approx(2 / 118588 * 10_000)
    band = next(e for e in cov.ensembles if e.name == "Ungdomssymfonikerne")
    assert baerum.residents[band.id].year == 2014


def test_merged_municipality_sums_its_predecessors_newest_year(register) -> None:
    """Without figures of its own (here: today's Asker's removed), a merged municipality
    gets the sum of its predecessors'."""
    with register.transaction() as session:
        from vrus.db.models import MunicipalityPopulation as Pop

        asker_id = _id(session, Municipality, number="3203")
        for figure in session.scalars(select(Pop).where(Pop.municipality_id == asker_id)):
            session.delete(figure)
    cov = _coverage(register, 2026)
    asker = _row(cov, "Asker")
    # Asker 59 571 + Røyken + Hurum on 1.1.2015: the newest totals in the register.
    assert asker.population.year == 2015
    assert asker.population.parts == ("Asker", "Hurum", "Røyken")
    with register.transaction() as session:
        from vrus.db.models import MunicipalityPopulation as Pop

        expected = sum(
            session.scalars(
                select(Pop.persons)
                .join(Municipality)
                .where(
                    Municipality.number.in_(["0220", "0627", "0628"]),
                    Pop.year == 2015,
                    Pop.age.is_(None),
                )
            )
        )
    assert asker.population.persons == expected
    orchestra = next(e for e in cov.ensembles if e.band == (13, 18))
    assert asker.residents[orchestra.id].year == 2018  # residents by age end in 2018
    assert asker.per_1000(orchestra.id) == pytest.approx(
        1 / asker.residents[orchestra.id].persons * 1000
    )


def test_report_says_which_years_figures_were_used(register) -> None:
    report = coverage_report(_coverage(register, 2026))
    tr = Translator("en")
    header = [tr(c.label) for c in report.table("municipalities").columns]
    assert "Inhabitants (2026)" in header
    assert "Ungdomssymfonikerne per 1 000 aged 13–18 (2026)" in header
    text = render_text(report, tr)
    assert "Population on 1 January: inhabitants 2026, residents by age 2026." in text
    assert "no figures for 2026" not in text
    assert "Inhabitants of merged municipalities" not in text  # each has figures of its own
    assert "Holmestrand (3903) is larger than Sande" in text
    # In today's municipalities, 2014 has only the sums of the municipalities of 2014.
    text = render_text(coverage_report(_coverage(register, 2014, today_terms=True)), tr)
    assert "Population on 1 January: inhabitants 2014, residents by age 2014." in text
    assert "Asker = Asker + Hurum + Røyken" in text
    assert "Holmestrand = Sande only" in text
    assert "is larger than Sande" not in text  # the figure is Sande's


# --- summary, sections, trend, JSON ----------------------------------------------------------


def test_summary_lines_per_ensemble(register) -> None:
    cov = _coverage(register, 2014)
    lines = [str(line) for line in summary_lines(cov)]
    assert lines[0] == "2 of 16 municipalities represented in Ungdomssymfonikerne"
    assert "1 of 16 municipalities represented in Juniorsymfonikerne" in lines
    assert "0 of 16 municipalities represented in Aspiranter" in lines
    assert lines[-1] == "2 of 16 municipalities represented in any ensemble"
    assert coverage_json(cov)["covered"] == {
        "Ungdomssymfonikerne": 2,
        "Juniorsymfonikerne": 1,
        "Aspiranter": 0,
    }


def test_sections_per_municipality(register) -> None:
    cov = _coverage(register, 2014)
    # Per played violin with the juniors and viola in the orchestra: strings once.
    assert _row(cov, "Bærum").sections == {"strings": 2}
    assert _row(cov, "Røyken").sections == {"brass": 1}
    table = coverage_report(cov).table("sections")
    header = [str(c.label) for c in table.columns]
    assert header[:3] == ["Municipality", "Strings", "Woodwind"]
    assert "No instrument" in header  # Emil


def test_culture_schools(register) -> None:
    cov = _coverage(register, 2014)
    assert _row(cov, "Bærum").culture_schools == ["Bærum kulturskole"]
    assert _row(cov, "Røyken").culture_schools == []


def test_trend_counts_earlier_seasons_under_the_same_rows(register) -> None:
    cov = _coverage(register, 2014)
    years = [s.year for s in cov.trend]
    assert years == [2010, 2011, 2012, 2013, 2014]  # Lars joined in 2010
    asker_key = (RowKind.MUNICIPALITY, _row(cov, "Asker").municipality_id)
    assert [s.totals.get(asker_key, 0) for s in cov.trend] == [1, 1, 1, 1, 0]
    assert cov.trend[-1].represented == 2


def test_json_has_the_agreed_shape(register) -> None:
    data = json.loads(json.dumps(coverage_json(_coverage(register, 2014))))
    assert data["season"] == "2014" and data["region_size"] == 16
    baerum = next(m for m in data["municipalities"] if m["name"] == "Bærum")
    assert {
        "number",
        "name",
        "county",
        "population",
        "members",
        "total",
        "per_10000",
    } <= baerum.keys()
    assert baerum["number"] == "0219" and baerum["county"] == "Akershus"
    assert baerum["population"] == 118588
    assert baerum["members"] == {"Ungdomssymfonikerne": 2, "Juniorsymfonikerne": 1, "Aspiranter": 0}
    assert baerum["total"] == 2 and baerum["per_10000"] == round(2 / 118588 * 10_000, 2)
    assert set(data["covered"]) == {"Ungdomssymfonikerne", "Juniorsymfonikerne", "Aspiranter"}
    assert data["outside_region"][0]["name"] == "Oslo"


def test_empty_register_still_lists_every_municipality(db) -> None:
    cov = _coverage(db, 2014)
    assert len(cov.region) == 16 and cov.represented == 0 and cov.outside == []
    assert [s.year for s in cov.trend] == [2014]
    assert "0 of 16" in render_text(coverage_report(cov), Translator("en"))


def test_rows_of_the_years_between_reforms_map_both_ways(register) -> None:
    """Bærum 2020-2023 (3024): Bærum 0219 in 2014 (its one predecessor), 3201 in 2026."""
    add_member(register, "Mia", "3024", ("ungdom", D(2013, 8, 1), None, "Cello"))
    assert _row(_coverage(register, 2014), "Bærum").total == 3
    assert _row(_coverage(register, 2026), "Bærum").total == 3
    assert _row(_coverage(register, 2021), "Bærum").number == "3024"


def test_municipality_that_ended_without_successor_is_not_valid(register) -> None:
    with register.transaction() as session:
        session.add(
            Municipality(number="0999", name="Gamlevik", in_region=True, valid_to=D(2019, 12, 31))
        )
    add_member(register, "Tor", "0999", ("ungdom", D(2013, 8, 1), None, "Cello"))
    cov = _coverage(register, 2026)
    (gone,) = [r for r in cov.outside if r.kind == RowKind.NOT_VALID]
    assert (gone.name, gone.total) == ("Gamlevik", 1)
    assert "Gamlevik" not in [r.name for r in cov.region]
    assert "Gamlevik" in [r.name for r in _coverage(register, 2014).region]
