"""Municipalities of every era, kept as given (issue 11, part 2).

A 2014 member list names the municipalities of 2014 ("Hurum", "Røyken", "Svelvik"). The
import stores them as named, never rewritten to today's successor, so the report on 2014 can
still tell Hurum from Asker; reports on later seasons follow the successors, and a later
municipality is placed in an earlier season by its one predecessor, by the member's postal
code, or else listed as "cannot be placed", never dropped and never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from vrus import postal_codes
from vrus.db.engine import Database
from vrus.db.models import Ensemble, Membership, Municipality, Person
from vrus.exporting import member_sheet
from vrus.importing import import_members
from vrus.member_list import MemberFilter, member_ids, municipalities_in_register, rows_for
from vrus.paths import resource
from vrus.reports.coverage import Coverage, RowKind, coverage
from vrus.reports.coverage_report import coverage_json, coverage_report
from vrus.reports.language import Translator
from vrus.reports.output import render_text

D = dt.date
TODAY = D(2026, 12, 2)
HEADER = ["Fornavn", "Etternavn", "Fødselsdato", "Kommune", "Gruppe", "Innmeldt", "Postnr"]
# The coordinator's list of 2014, with the municipalities of the time.
LIST_2014 = [
    HEADER,
    ["Anna", "Berg", "01.02.2000", "Asker", "ungdom", "15.08.2013", ""],
    ["Bjørn", "Dahl", "02.03.2000", "Røyken", "ungdom", "15.08.2013", ""],
    ["Cecilie", "Eik", "03.04.2000", "Hurum", "ungdom", "15.08.2014", ""],
    ["Dag", "Fjeld", "04.05.2000", "Svelvik", "ungdom", "15.08.2013", ""],
    ["Eva", "Gran", "05.06.2000", "Bærum", "ungdom", "15.08.2013", ""],
    ["Frida", "Holm", "06.07.2000", "Drammen", "ungdom", "15.08.2014", ""],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def numbers(db: Database) -> dict[str, str]:
    """First name -> the number of the stored municipality."""
    with db.sessions() as session:
        return dict(
            session.execute(
                select(Person.first_name, Municipality.number).join(
                    Municipality, Person.municipality_id == Municipality.id
                )
            ).all()
        )


def report(db: Database, season: int) -> Coverage:
    with db.sessions() as session:
        return coverage(session, season, today=TODAY)


def totals(cov: Coverage) -> dict[str, int]:
    return {f"{r.name} {r.number}": r.total for r in cov.region if r.total}


def outside(cov: Coverage, kind: str) -> list:
    return [r for r in cov.outside if r.kind == kind]


def add_member(db: Database, first: str, number: str, postal_code: str | None = None) -> int:
    """A person of the orchestra since 2013, registered under ``number``."""
    with db.transaction() as session:
        person = Person(
            first_name=first,
            last_name="Testesen",
            birth_date=D(2001, 1, 1),
            postal_code=postal_code,
            municipality_id=session.scalars(
                select(Municipality.id).where(Municipality.number == number)
            ).one(),
        )
        session.add(person)
        session.flush()
        session.add(
            Membership(
                person_id=person.id,
                start_date=D(2013, 8, 15),
                ensemble_id=session.scalars(
                    select(Ensemble.id).where(Ensemble.short_name == "ungdom")
                ).one(),
            )
        )
        return person.id


def text_of(cov: Coverage) -> str:
    return render_text(coverage_report(cov), Translator("en"))


# --- The import keeps what the file said -----------------------------------------------------


def test_a_2014_list_keeps_its_municipalities(db: Database, tmp_path: Path) -> None:
    result = import_members(db, write_csv(tmp_path / "2014.csv", LIST_2014), today=TODAY)
    assert result.ok and result.applied, [str(p) for p in result.problems]
    # A name of several eras is the one valid when the row's membership began; one that was
    # only renumbered since (Bærum 0219 -> 3024 -> 3201, the same borders) is the newest.
    assert numbers(db) == {
        "Anna": "0220",
        "Bjørn": "0627",
        "Cecilie": "0628",
        "Dag": "0711",
        "Eva": "3201",
        "Frida": "0602",
    }
    warnings = [str(p) for p in result.problems if p.column == "Kommune"]
    assert warnings == [
        "row 3, Kommune: Røyken (0627) is now part of Asker (3203); stored as Røyken (0627)",
        "row 4, Kommune: Hurum (0628) is now part of Asker (3203); stored as Hurum (0628)",
        "row 5, Kommune: Svelvik (0711) is now part of Drammen (3301); stored as Svelvik (0711)",
    ]


def test_the_2014_report_counts_every_municipality_of_2014(db: Database, tmp_path: Path) -> None:
    import_members(db, write_csv(tmp_path / "2014.csv", LIST_2014), today=TODAY)
    cov = report(db, 2014)
    assert totals(cov) == {
        "Asker 0220": 1,
        "Bærum 0219": 1,
        "Drammen 0602": 1,
        "Hurum 0628": 1,
        "Røyken 0627": 1,
        "Svelvik 0711": 1,
    }
    assert cov.represented == 6 and cov.outside == []


def test_later_seasons_count_them_under_the_successors(db: Database, tmp_path: Path) -> None:
    import_members(db, write_csv(tmp_path / "2014.csv", LIST_2014), today=TODAY)
    assert totals(report(db, 2026)) == {"Asker 3203": 3, "Bærum 3201": 1, "Drammen 3301": 2}
    # The 2020 mergers, before the 2024 renumbering.
    assert totals(report(db, 2022)) == {"Asker 3025": 3, "Bærum 3024": 1, "Drammen 3005": 2}


def test_a_name_without_a_row_valid_that_day_is_still_stored(db: Database, tmp_path: Path) -> None:
    rows = [HEADER, ["Kari", "Lie", "01.01.2012", "Hurum", "", "", ""]]
    result = import_members(db, write_csv(tmp_path / "m.csv", rows), today=TODAY)
    assert result.ok
    assert numbers(db) == {"Kari": "0628"}  # no join date: the day of the import, 2026
    assert [str(p) for p in result.problems] == [
        "row 2, Kommune: Hurum (0628) is now part of Asker (3203); stored as Hurum (0628)",
        "row 2, Gruppe: empty: the person is registered without a membership",
    ]


def test_a_postal_code_of_another_old_municipality_means_the_later_era(
    db: Database, tmp_path: Path
) -> None:
    """ "Asker" in a list of today for a member since 2019 who lives at Røyken's old 3440:
    not the Asker of 2019, which did not include Røyken, but today's."""
    rows = [
        HEADER,
        ["Kari", "Lie", "01.01.2006", "Asker", "ungdom", "15.08.2019", "3440"],
        ["Per", "Lie", "01.01.2006", "Asker", "ungdom", "15.08.2019", "1383"],
    ]
    assert import_members(db, write_csv(tmp_path / "m.csv", rows), today=TODAY).ok
    assert numbers(db) == {"Kari": "3203", "Per": "0220"}  # 3025, renumbered 3203 in 2024
    assert totals(report(db, 2019)) == {"Asker 0220": 1, "Røyken 0627": 1}


def test_importing_the_file_again_changes_nothing(db: Database, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "2014.csv", LIST_2014)
    import_members(db, source, today=TODAY)
    before = numbers(db)

    again = import_members(db, source, today=TODAY)

    assert (again.created, again.updated) == (0, 6)
    assert numbers(db) == before
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 6


def test_a_name_again_keeps_the_era_already_stored(db: Database, tmp_path: Path) -> None:
    import_members(db, write_csv(tmp_path / "2014.csv", LIST_2014), today=TODAY)
    # Today's list, without join dates: "Asker" alone would be today's Asker (3203).
    rows = [
        HEADER,
        ["Anna", "Berg", "01.02.2000", "Asker", "", "", ""],
        ["Eva", "Gran", "05.06.2000", "Baerum", "", "", ""],
        ["Bjørn", "Dahl", "02.03.2000", "Asker", "", "", ""],
        ["Frida", "Holm", "06.07.2000", "3301", "", "", ""],
    ]
    assert import_members(db, write_csv(tmp_path / "now.csv", rows), today=TODAY).ok
    stored = numbers(db)
    assert (stored["Anna"], stored["Eva"]) == ("0220", "3201")  # kept, not flipped
    assert stored["Bjørn"] == "3203"  # the file names another municipality: it wins
    assert stored["Frida"] == "3301"  # a number names exactly one row


def test_a_name_and_number_that_disagree_are_refused(db: Database, tmp_path: Path) -> None:
    rows = [HEADER, ["Kari", "Lie", "01.01.2012", "Asker (0628)", "", "", ""]]
    result = import_members(db, write_csv(tmp_path / "m.csv", rows), today=TODAY)
    assert [str(p) for p in result.problems if p.severity == "error"] == [
        "row 2, Kommune: 'Asker (0628)' does not add up: 0628 is Hurum"
    ]


# --- Export and import round-trip what is stored ----------------------------------------------


def test_the_member_sheet_writes_what_is_stored(db: Database, tmp_path: Path) -> None:
    add_member(db, "Hurum", "0628")
    add_member(db, "Today", "3203")  # today's Asker, member since 2013
    add_member(db, "Then", "0220")
    with db.sessions() as session:
        sheet, warnings = member_sheet(session, today=TODAY)
    column = sheet.headers.index("Kommune")
    cells = {row[0]: row[column] for row in sheet.rows}
    # "Asker" on a row that joined in 2013 would read back as the Asker of 2013.
    assert cells == {"Hurum": "Hurum", "Today": "Asker (3203)", "Then": "Asker"}
    assert warnings == []


# --- Reports place later municipalities in earlier seasons ------------------------------------


def test_a_single_predecessor_places_a_renumbered_municipality(db: Database) -> None:
    add_member(db, "Per", "3201")
    assert totals(report(db, 2014)) == {"Bærum 0219": 1}
    assert totals(report(db, 2022)) == {"Bærum 3024": 1}


def test_a_postal_code_places_todays_asker_in_2014(db: Database) -> None:
    add_member(db, "Siri", "3203", postal_code="3440")  # Røyken
    add_member(db, "Per", "3301", postal_code="3050")  # Mjøndalen, Nedre Eiker
    cov = report(db, 2014)
    assert totals(cov) == {"Røyken 0627": 1, "Nedre Eiker 0625": 1}
    assert cov.by_postal_code == 2
    assert coverage_json(cov)["placed_by_postal_code"] == 2
    assert (
        "2 members registered under a municipality formed later are counted where their "
        "postal code lay in 2014 (Posten's postal code register, 2018)."
    ) in text_of(cov)
    assert totals(report(db, 2026)) == {"Asker 3203": 1, "Drammen 3301": 1}


def test_one_member_is_one_member(db: Database) -> None:
    add_member(db, "Siri", "3203", postal_code="3440")  # Røyken
    add_member(db, "Per", "3203")  # cannot be placed
    text = text_of(report(db, 2014))
    assert "1 member registered under a municipality formed later is counted" in text
    assert "1 member is not counted under a municipality of the region" in text


def test_without_a_deciding_postal_code_the_member_cannot_be_placed(db: Database) -> None:
    add_member(db, "Siri", "3203")
    add_member(db, "Ola", "3203", postal_code="3070")  # Sande: not in Asker, decides nothing
    add_member(db, "Kari", "3203", postal_code="0150")  # Oslo: not in the table
    cov = report(db, 2014)
    assert totals(cov) == {}
    (row,) = outside(cov, RowKind.UNKNOWN_PREDECESSOR)
    assert (row.name, row.number, row.total) == ("Asker", "3203", 3)
    assert row.candidates == ["Asker", "Hurum", "Røyken"]
    text = text_of(cov)
    assert "Asker (3203): cannot be placed among the municipalities of 2014" in text
    assert (
        "formed after 2014 from Asker, Hurum and Røyken; no postal code in the register says which"
    ) in text
    assert "3 members are not counted under a municipality of the region" in text
    # The 2020 merger is the same for all three: certain in 2022.
    assert totals(report(db, 2022)) == {"Asker 3025": 3}


def test_old_holmestrand_is_never_counted_as_sande(db: Database) -> None:
    add_member(db, "Sande", "3903", postal_code="3070")
    add_member(db, "Holmestrand", "3903", postal_code="3080")
    add_member(db, "Hof", "3903", postal_code="3090")
    add_member(db, "Unknown", "3903")
    cov = report(db, 2014)
    assert totals(cov) == {"Sande 0713": 1}
    (away,) = outside(cov, RowKind.OUTSIDE_THEN)
    assert (away.name, away.total, away.outside_parts) == ("Holmestrand", 2, ["Holmestrand"])
    (unknown,) = outside(cov, RowKind.UNKNOWN_PREDECESSOR)
    assert (unknown.total, unknown.candidates, unknown.outside_parts) == (
        1,
        ["Sande"],
        ["Holmestrand"],
    )
    text = text_of(cov)
    assert "the postal code lies in Holmestrand, which was not part of the region in 2014" in text
    assert (
        "formed after 2014 from Sande and parts outside the region (Holmestrand); no "
        "postal code in the register says which"
    ) in text
    assert totals(report(db, 2022)) == {"Holmestrand 3802": 4}  # Sande's successor


# --- The postal code table --------------------------------------------------------------------


def test_the_postal_code_table_agrees_with_the_municipalities() -> None:
    with resource("data", "municipalities.csv").open(encoding="utf-8") as handle:
        successor = {row["number"]: row["successor"] for row in csv.DictReader(handle)}

    def last(number: str) -> str:
        while successor.get(number):
            number = successor[number]
        return number

    with resource("data", postal_codes.TABLE).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["postal_code"] for r in rows}) == len(rows)  # one municipality per code
    for row in rows:
        assert len(row["postal_code"]) == 4 and row["postal_code"].isdigit()
        if row["number"] in successor:
            assert last(row["number"]) == row["number_2024"], row
        else:  # old Holmestrand with Hof: never in the region, today in Holmestrand
            assert (row["number"], row["number_2024"]) == ("0715", "3903"), row
    assert postal_codes.before_reform("3475").name == "Hurum"
    assert postal_codes.before_reform("9999") is None
    assert postal_codes.parts_of("3903") == {"0713": "Sande", "0715": "Holmestrand"}


# --- Views show an old municipality with what it is now ---------------------------------------


def test_lists_show_a_merged_municipality_with_what_it_is_now(db: Database) -> None:
    ids = {
        first: add_member(db, first, number)
        for first, number in [
            ("Hurum", "0628"),
            ("Then", "0220"),
            ("Today", "3203"),
            ("Per", "3201"),
        ]
    }
    with db.sessions() as session:
        rows = rows_for(session, ids.values(), TODAY)
        assert {first: str(rows[pid].municipality_label) for first, pid in ids.items()} == {
            "Hurum": "Hurum (now Asker)",
            "Then": "Asker",
            "Today": "Asker",
            "Per": "Bærum",
        }
        # In a list of 2014, Hurum is simply Hurum.
        assert (
            str(rows_for(session, [ids["Hurum"]], D(2014, 10, 1))[ids["Hurum"]].municipality_label)
            == "Hurum"
        )
        # The filter's "Asker" is everyone in Asker today, of any era; "Hurum (now Asker)"
        # narrows it to those registered under Hurum.
        choices = {str(label): ids for ids, label in municipalities_in_register(session, TODAY)}
        assert list(choices) == ["Asker", "Bærum", "Hurum (now Asker)"]
        asker = member_ids(session, MemberFilter(municipality_ids=set(choices["Asker"])), TODAY)
        hurum = member_ids(
            session, MemberFilter(municipality_ids=set(choices["Hurum (now Asker)"])), TODAY
        )
        assert sorted(asker) == sorted([ids["Hurum"], ids["Then"], ids["Today"]])
        assert hurum == [ids["Hurum"]]
        # In 2014 they were three municipalities, and Asker was Asker 0220 and 3203 as one.
        then = [str(label) for _ids, label in municipalities_in_register(session, D(2014, 6, 1))]
        assert then == ["Asker", "Bærum", "Hurum"]
