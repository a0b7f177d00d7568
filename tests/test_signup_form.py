"""Sign-ups from a web form (issue 18): Nettskjema, Google Forms and Microsoft Forms exports
with messy answers sign up exactly the right people, near matches are offered and never taken
unless chosen, a later answer replaces an earlier one, changed allergies are proposed and
written only when accepted, a refused file changes nothing, a form's mapping is remembered,
and ``vrus import signups`` does the same from the command line."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.factories import add_person
from vrus.cli import main
from vrus.db.engine import Database
from vrus.db.models import (
    Allergy,
    Ensemble,
    EventDay,
    Instrument,
    Person,
    PersonDiet,
    Setting,
    SignUp,
    SignUpAbsence,
)
from vrus.errors import VrusError
from vrus.events import create_event, update_event
from vrus.importing.signup_cells import (
    birth_date,
    days_answer,
    health,
    submitted_at,
    yes_no_answer,
)
from vrus.importing.signup_form import (
    FormField,
    FormMapping,
    Match,
    apply_signups,
    field_label,
    mapping_remembered,
    plan_signups,
    read_form,
    remember_mapping,
    suggest_mapping,
)
from vrus.importing.signup_matching import PersonIndex, PersonRef, fold_name
from vrus.lunch import lunch_plan
from vrus.memberships import start_membership
from vrus.signups import signup_sheet
from vrus.validation import ValidationError

D = dt.date
SATURDAY, SUNDAY = D(2027, 3, 6), D(2027, 3, 7)
DEADLINE = D(2027, 2, 20)
BEFORE_DEADLINE = D(2027, 2, 10)  # lunch counts are a forecast from the sign-ups then
TODAY = D(2027, 2, 10)

NETTSKJEMA_HEADERS = [
    "Innsendt",
    "Deltakerens navn",
    "Fødselsdato (dd.mm.åååå)",
    "Kommer du lørdag 6. mars?",
    "Kommer du søndag 7. mars?",
    "Ønsker du lunsj?",
    "Allergier eller spesielle kosthold",
    "Melding til oss",
]
# Row 2 onwards, as the families typed them.
NETTSKJEMA_ROWS = [
    ["2027-02-01 18:02:11", "Aase Oedegaard", "14.03.2010", "Ja", "Ja", "Ja", "Nei", ""],
    [
        "2027-02-01 19:10:00",
        "Helene Dubois",
        "2.6.11",
        "Ja, kommer",
        "Kommer ikke",
        "Ja",
        "-",
        "Kommer bare lørdag",
    ],
    ["2027-02-02 08:00:00", "Sofie Hansen", "12.04.2012", "Ja", "Ja", "Ja", "", ""],
    ["2027-02-02 09:00:00", "Jonas Berg", "", "Ja", "Ja", "Ja", "", ""],
    ["2027-02-03 10:00:00", "Bjorn Lie", "20.01.2009", "Nei", "Nei", "Nei", "", "Syk"],
    ["2027-02-02 10:00:00", "Bjørn Lie", "20.01.2009", "Ja", "Ja", "Ja", "", ""],
    ["2027-02-04 11:00:00", "Per Ukjent", "01.01.2010", "Ja", "Ja", "Ja", "", ""],
    [
        "2027-02-04 12:00:00",
        "Kari Nordmann",
        "02.02.2010",
        "Ja",
        "Nei",
        "Ja",
        "Nøtter (alvorlig), vegetar",
        "",
    ],
    ["2027-02-05 12:00:00", "Ola Hansen", "", "Ja", "Ja", "Ja", "", ""],
]


# --- the register --------------------------------------------------------------------------


def _id(db: Database, model: Any, **where: Any) -> int:
    with db.sessions() as session:
        query = select(model.id)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalars(query).one()


class Register:
    """An orchestra seminar on Saturday and Sunday with the members the forms answer for."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ungdom = _id(db, Ensemble, short_name="ungdom")
        self.violin = _id(db, Instrument, name_en="Violin")
        self.ase = self.member("Åse", "Ødegård", D(2010, 3, 14))
        self.helene = self.member("Hélène", "Dubois", D(2011, 6, 2))
        self.sophie = self.member("Sophie", "Hansen", D(2012, 4, 12))
        self.jonas = self.member("Jonas", "Berg", D(2010, 9, 9))
        self.bjorn = self.member("Bjørn", "Lie", D(2009, 1, 20))
        self.kari = self.member("Kari", "Nordmann", D(2010, 2, 2))
        self.ola_1 = self.member("Ola", "Hansen", D(2009, 5, 5))
        self.ola_2 = self.member("Ola", "Hansen", D(2011, 7, 7))
        self.event = create_event(
            db,
            kind="seminar",
            title="Vårseminar",
            start=SATURDAY,
            days=2,
            ensemble_ids=[self.ungdom],
        )
        update_event(db, self.event, signup_deadline=DEADLINE)
        with db.transaction() as session:
            session.add(Allergy(person_id=self.kari, allergen="Egg", severity="mild"))
            days = session.scalars(
                select(EventDay).where(EventDay.event_id == self.event).order_by(EventDay.date)
            ).all()
            self.saturday, self.sunday = (day.id for day in days)

    def member(self, first: str, last: str, born: dt.date) -> int:
        pid = add_person(self.db, first, last, born)
        start_membership(self.db, pid, self.ungdom, self.violin, D(2026, 8, 1))
        return pid

    def answers(self) -> set[tuple[int, str, bool]]:
        """(person, attending, lunch) of everyone who has answered."""
        with self.db.sessions() as session:
            return {
                (row.person_id, row.attending, row.wants_lunch)
                for row in signup_sheet(session, self.event)
                if row.attending != "unknown"
            }

    def absences(self) -> set[tuple[int, int]]:
        with self.db.sessions() as session:
            return set(
                session.execute(
                    select(SignUp.person_id, SignUpAbsence.event_day_id).join(
                        SignUpAbsence, SignUpAbsence.signup_id == SignUp.id
                    )
                ).all()
            )

    def lunches(self) -> dict[dt.date, int]:
        with self.db.sessions() as session:
            plan = lunch_plan(session, self.event, today=BEFORE_DEADLINE)
        return {day.date: day.count.member_total for day in plan.days}

    def allergies(self, person_id: int) -> set[tuple[str, str, str | None]]:
        with self.db.sessions() as session:
            return set(
                session.execute(
                    select(Allergy.allergen, Allergy.severity, Allergy.note).where(
                        Allergy.person_id == person_id
                    )
                ).all()
            )

    def diets(self, person_id: int) -> set[str]:
        with self.db.sessions() as session:
            return set(
                session.scalars(select(PersonDiet.diet).where(PersonDiet.person_id == person_id))
            )


@pytest.fixture
def register(db: Database) -> Register:
    return Register(db)


def write_csv(
    path: Path, headers: list[str], rows: list[list[str]], *, delimiter: str, encoding: str
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def nettskjema(tmp_path: Path, rows: list[list[str]] | None = None, name: str = "n.csv") -> Path:
    """Nettskjema's download opened and saved by Norwegian Excel: semicolons, Windows-1252."""
    rows = NETTSKJEMA_ROWS if rows is None else rows
    return write_csv(tmp_path / name, NETTSKJEMA_HEADERS, rows, delimiter=";", encoding="cp1252")


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a sign-up import may touch."""
    tables = (SignUp, SignUpAbsence, Person, PersonDiet, Allergy, Setting)
    with db.sessions() as session:
        return {
            model.__tablename__: sorted(
                (tuple(row) for row in session.execute(select(model.__table__)).all()), key=repr
            )
            for model in tables
        }


def by_row(plan: Any) -> dict[int, Any]:
    return {row.row: row for row in plan.rows}


# --- Nettskjema: the whole story -----------------------------------------------------------


def test_nettskjema_answers_sign_up_exactly_the_right_people(
    register: Register, tmp_path: Path
) -> None:
    r = register
    table = read_form(nettskjema(tmp_path))
    assert table.encoding == "Windows-1252" and table.delimiter == ";"
    mapping = suggest_mapping(r.db, r.event, table)
    assert dict(mapping.fields) == {
        FormField.NAME: "Deltakerens navn",
        FormField.BIRTH_DATE: "Fødselsdato (dd.mm.åååå)",
        FormField.LUNCH: "Ønsker du lunsj?",
        FormField.HEALTH: "Allergier eller spesielle kosthold",
        FormField.MESSAGE: "Melding til oss",
        FormField.SUBMITTED: "Innsendt",
    }
    assert dict(mapping.days) == {
        r.saturday: "Kommer du lørdag 6. mars?",
        r.sunday: "Kommer du søndag 7. mars?",
    }
    assert r.lunches() == {SATURDAY: 0, SUNDAY: 0}

    plan = plan_signups(r.db, r.event, table, mapping, today=TODAY)
    assert plan.errors == ()
    rows = by_row(plan)
    # "Aase Oedegaard" is Åse Ødegård, "Helene" is Hélène ("2.6.11" is 02.06.2011).
    assert (rows[2].match, rows[2].person_id) == (Match.MATCHED, r.ase)
    assert (rows[3].match, rows[3].person_id) == (Match.MATCHED, r.helene)
    assert rows[3].absent_day_ids == {r.sunday} and rows[3].note == "Kommer bare lørdag"
    # A misspelt name with the right birth date: offered, not taken.
    assert rows[4].match is Match.NEAR and rows[4].person_id is None
    assert [c.person_id for c in rows[4].candidates] == [r.sophie]
    assert "spelt differently" in str(rows[4].candidates[0].reason)
    # No birth date, one person of that name.
    assert (rows[5].match, rows[5].person_id) == (Match.MATCHED, r.jonas)
    assert "name alone" in str(rows[5].reason)
    # Bjørn answered twice; row 6 was sent later although it is higher in the file.
    assert (rows[6].match, rows[6].person_id, rows[6].attending) == (Match.MATCHED, r.bjorn, "no")
    assert rows[7].match is Match.REPLACED and "row 6" in str(rows[7].reason)
    assert rows[8].match is Match.UNMATCHED and "no person" in str(rows[8].reason)
    assert (rows[9].person_id, rows[9].absent_day_ids) == (r.kari, {r.sunday})
    # Two Ola Hansens, no birth date: not guessed.
    assert rows[10].match is Match.UNMATCHED and "2 persons" in str(rows[10].reason)
    assert {c.person_id for c in rows[10].candidates} == {r.ola_1, r.ola_2}
    assert [p.person_id for p in plan.proposals] == [r.kari]

    before = dump(r.db)
    result = apply_signups(r.db, plan)
    assert (result.written, result.replaced, result.unmatched, result.accepted) == (5, 1, 3, 0)
    assert r.answers() == {
        (r.ase, "yes", True),
        (r.helene, "yes", True),
        (r.jonas, "yes", True),
        (r.bjorn, "no", False),
        (r.kari, "yes", True),
    }
    assert r.absences() == {(r.helene, r.sunday), (r.kari, r.sunday)}
    # Hélène and Kari eat on Saturday only.
    assert r.lunches() == {SATURDAY: 4, SUNDAY: 2}
    # The allergy change was proposed, not accepted: Kari's allergies are as they were.
    assert r.allergies(r.kari) == {("Egg", "mild", None)}
    assert dump(r.db)["allergies"] == before["allergies"]

    # The coordinator looks again and takes Sophie for "Sofie"; the same file again.
    chosen = plan_signups(r.db, r.event, table, mapping, choices={4: r.sophie}, today=TODAY)
    assert (by_row(chosen)[4].match, by_row(chosen)[4].person_id) == (Match.MATCHED, r.sophie)
    apply_signups(r.db, chosen)
    assert (r.sophie, "yes", True) in r.answers()
    assert len(r.answers()) == 6
    assert r.lunches() == {SATURDAY: 5, SUNDAY: 3}


def test_a_near_match_declined_stays_unwritten(register: Register, tmp_path: Path) -> None:
    r = register
    table = read_form(nettskjema(tmp_path, [NETTSKJEMA_ROWS[2]]))
    mapping = suggest_mapping(r.db, r.event, table)
    plan = plan_signups(r.db, r.event, table, mapping, choices={2: None}, today=TODAY)
    assert plan.rows[0].match is Match.UNMATCHED and plan.signups == ()
    apply_signups(r.db, plan)
    assert r.answers() == set()


def test_a_choice_of_a_person_not_in_the_register_is_an_error(
    register: Register, tmp_path: Path
) -> None:
    r = register
    table = read_form(nettskjema(tmp_path, [NETTSKJEMA_ROWS[2]]))
    mapping = suggest_mapping(r.db, r.event, table)
    plan = plan_signups(r.db, r.event, table, mapping, choices={2: 999_999}, today=TODAY)
    assert [p.row for p in plan.errors] == [2]
    bad_row = plan_signups(r.db, r.event, table, mapping, choices={40: r.sophie}, today=TODAY)
    assert "row 40" in str(bad_row.errors[0])


# --- Google Forms ----------------------------------------------------------------------------

GOOGLE_HEADERS = [
    "Tidsmerke",
    "Fornavn",
    "Etternavn",
    "Født",
    "Hvilke dager kommer du?",
    "Lunsj?",
    "Allergier/kosthold",
]


def test_google_forms_days_list_and_duplicate_by_timestamp(
    register: Register, tmp_path: Path
) -> None:
    r = register
    rows = [
        # Kari's later answer comes first in the file: Google sorts by nothing we rely on.
        ["2027/02/08 09:15:00", "Kari", "Nordmann", "2010-02-02", "Søndag", "Nei", ""],
        ["2027/02/01 20:00:00", "Kari", "Nordmann", "2010-02-02", "Lørdag, Søndag", "Ja", ""],
        ["2027/02/02 20:00:00", "Jonas", "Berg", "09.09.2010", "Lørdag, Søndag", "Ja", ""],
        ["2027/02/02 21:00:00", "Åse", "Ødegård", "14.03.10", "Ingen", "Nei", ""],
    ]
    path = write_csv(tmp_path / "g.csv", GOOGLE_HEADERS, rows, delimiter=",", encoding="utf-8")
    table = read_form(path)
    mapping = suggest_mapping(r.db, r.event, table)
    assert dict(mapping.fields) == {
        FormField.FIRST_NAME: "Fornavn",
        FormField.LAST_NAME: "Etternavn",
        FormField.BIRTH_DATE: "Født",
        FormField.DAYS: "Hvilke dager kommer du?",
        FormField.LUNCH: "Lunsj?",
        FormField.HEALTH: "Allergier/kosthold",
        FormField.SUBMITTED: "Tidsmerke",
    }
    plan = plan_signups(r.db, r.event, table, mapping, today=TODAY)
    assert plan.errors == ()
    rows_ = by_row(plan)
    assert rows_[2].match is Match.MATCHED and rows_[2].absent_day_ids == {r.saturday}
    assert rows_[3].match is Match.REPLACED and "row 2" in str(rows_[3].reason)
    assert rows_[5].attending == "no"
    apply_signups(r.db, plan)
    assert r.answers() == {(r.kari, "yes", False), (r.jonas, "yes", True), (r.ase, "no", False)}
    assert r.absences() == {(r.kari, r.saturday)}
    assert r.lunches() == {SATURDAY: 1, SUNDAY: 1}


def test_without_timestamps_the_later_row_wins(register: Register, tmp_path: Path) -> None:
    r = register
    rows = [["", *row[1:]] for row in NETTSKJEMA_ROWS[4:6]]  # Bjørn: "no", then "yes"
    table = read_form(nettskjema(tmp_path, rows))
    plan = plan_signups(r.db, r.event, table, suggest_mapping(r.db, r.event, table), today=TODAY)
    assert [(row.row, row.match) for row in plan.rows] == [(2, Match.REPLACED), (3, Match.MATCHED)]
    apply_signups(r.db, plan)
    assert r.answers() == {(r.bjorn, "yes", True)}


# --- Microsoft Forms -------------------------------------------------------------------------


def test_microsoft_forms_workbook(register: Register, tmp_path: Path) -> None:
    r = register
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "ID",
            "Starttidspunkt",
            "Fullføringstidspunkt",
            "E-post",
            "Navn",
            "Deltakerens fulle navn",
            "Fødselsdato",
            "Hvilke dager kommer du?",
            "Ønsker du lunsj?",
            "Allergier/diett",
        ]
    )
    sent = dt.datetime(2027, 2, 3, 20, 14, 5)
    sheet.append(
        [
            1,
            sent - dt.timedelta(minutes=3),
            sent,
            "mor@example.no",
            "Mor Ødegård",  # the respondent: a parent, not the participant
            "Åse Ødegård",
            dt.datetime(2010, 3, 14),
            "Lørdag 6. mars;Søndag 7. mars;",
            "Ja",
            "Laktosefri;Vegetar;",
        ]
    )
    sheet.append(
        [
            2,
            sent,
            sent + dt.timedelta(minutes=2),
            "far@example.no",
            "Far Dubois",
            "HÉLÈNE DUBOIS",
            "02.06.2011",
            "Søndag 7. mars;",
            "Nei",
            None,
        ]
    )
    path = tmp_path / "Påmelding vårseminar(1-2).xlsx"
    workbook.save(path)
    table = read_form(path)
    mapping = suggest_mapping(r.db, r.event, table)
    assert mapping.fields[FormField.NAME] == "Deltakerens fulle navn"
    assert mapping.fields[FormField.SUBMITTED] == "Fullføringstidspunkt"
    assert mapping.fields[FormField.DAYS] == "Hvilke dager kommer du?"
    plan = plan_signups(r.db, r.event, table, mapping, today=TODAY)
    assert plan.errors == ()
    assert [(row.person_id, row.match) for row in plan.rows] == [
        (r.ase, Match.MATCHED),
        (r.helene, Match.MATCHED),
    ]
    (proposal,) = plan.proposals
    assert proposal.person_id == r.ase and set(proposal.diets) == {"vegetarian", "lactose_free"}
    apply_signups(r.db, plan, accept=[r.ase])
    assert r.answers() == {(r.ase, "yes", True), (r.helene, "yes", False)}
    assert r.absences() == {(r.helene, r.saturday)}
    assert r.diets(r.ase) == {"vegetarian", "lactose_free"}


# --- matching --------------------------------------------------------------------------------


def _index(*persons: tuple[int, str, str, dt.date | None, bool]) -> PersonIndex:
    return PersonIndex(
        PersonRef(pid, first, last, born, invited, False)
        for pid, first, last, born, invited in persons
    )


@pytest.mark.parametrize(
    ("given", "first", "last"),
    [
        ("Aase Oedegaard", "Åse", "Ødegård"),
        ("Ase Odegard", "Åse", "Ødegård"),
        ("Bjorn Lie", "Bjørn", "Lie"),
        ("Helene Dubois", "Hélène", "Dubois"),
        ("ØYVIND  BÆRUM-HAUGEN", "Øyvind", "Bærum-Haugen"),
        ("Aeroy, Aasmund", "Åsmund", "Ærøy"),
        ("Nguyen Minh", "Minh", "Nguyen"),
        # Letters Unicode cannot split into base and accent.
        ("Lukasz Wisniewski", "Łukasz", "Wiśniewski"),
        ("Dorte Strass", "Ðorte", "Straß"),
    ],
)
def test_spellings_of_one_name_match(given: str, first: str, last: str) -> None:
    born = D(2010, 1, 2)
    index = _index((1, first, last, born, True), (2, "Kari", "Nordmann", born, True))
    found = index.match(given, born)
    if given == "Nguyen Minh":  # surname first without a comma: only offered
        assert found.kind == "near" and "swapped" in str(found.candidates[0][1])
    else:
        assert (found.kind, found.person.id if found.person else None) == ("matched", 1)


@pytest.mark.parametrize(
    ("given", "born", "why"),
    [
        ("Sofie Hansen", D(2012, 4, 12), "spelt differently"),
        ("Sophie Marie Hansen", D(2012, 4, 12), "a name more"),
        ("Sophie Hansen", D(2012, 12, 4), "day and month swapped"),
        ("Sophie Hansen", D(2012, 4, 13), "one digit"),
        ("Sophie Olsen", D(2012, 4, 12), "same first name"),
    ],
)
def test_near_matches_are_offered_with_the_reason(given: str, born: dt.date, why: str) -> None:
    index = _index((1, "Sophie", "Hansen", D(2012, 4, 12), True))
    found = index.match(given, born)
    assert found.kind == "near" and found.person is None
    assert [p.id for p, _ in found.candidates] == [1]
    assert why in str(found.candidates[0][1])


def test_a_person_without_a_birth_date_in_the_register_is_only_offered() -> None:
    index = _index((1, "Sophie", "Hansen", None, True))
    found = index.match("Sophie Hansen", D(2012, 4, 12))
    assert found.kind == "near" and "no birth date" in str(found.candidates[0][1])
    assert index.match("Sophie Hansen", None).kind == "matched"


def test_name_alone_prefers_the_one_invited() -> None:
    index = _index((1, "Ola", "Hansen", D(2009, 5, 5), False), (2, "Ola", "Hansen", None, True))
    found = index.match("Ola Hansen", None)
    assert (found.kind, found.person.id if found.person else None) == ("matched", 2)
    assert "invited" in str(found.reason)
    assert index.match("Ola Hansen", D(2009, 5, 5)).person.id == 1  # type: ignore[union-attr]


def test_archived_persons_are_named_but_never_matched() -> None:
    index = PersonIndex([PersonRef(1, "Eva", "Li", D(2008, 1, 1), False, True)])
    found = index.match("Eva Li", D(2008, 1, 1))
    assert found.kind == "unmatched" and "archived" in str(found.reason)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    name=st.text(max_size=60),
    born=st.one_of(st.none(), st.dates(D(1990, 1, 1), D(2026, 1, 1))),
    registered=st.lists(st.tuples(st.text(max_size=20), st.text(max_size=20)), max_size=4),
)
def test_folding_and_matching_never_raise(
    name: str, born: dt.date | None, registered: list[tuple[str, str]]
) -> None:
    index = PersonIndex(
        PersonRef(i, first, last, born, i % 2 == 0, False)
        for i, (first, last) in enumerate(registered, 1)
    )
    found = index.match(name, born)
    assert found.kind in ("matched", "near", "unmatched")
    assert (found.person is not None) == (found.kind == "matched")
    if registered:
        # A registered person's own name, as written there, finds them (when no one else
        # has a name of the same folded form).
        first, last = registered[0]
        full = f"{first} {last}"
        folds = [fold_name(f"{f} {la}") for f, la in registered]
        if "," not in full and folds[0] and folds.count(folds[0]) == 1:
            assert index.match(full, born).person == index.get(1)


CELLS = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(-10, 10**6),
    st.booleans(),
    st.dates(D(1900, 1, 1), D(2100, 1, 1)),
)


@settings(max_examples=300, deadline=None)
@given(value=CELLS)
def test_cell_readers_refuse_only_with_a_validation_error(value: Any) -> None:
    days = [(1, SATURDAY), (2, SUNDAY)]
    for read in (
        lambda v: yes_no_answer(v, "lunch"),
        lambda v: days_answer(v, days),
        lambda v: birth_date(v, TODAY),
        lambda v: submitted_at(v, day_first=False),
        health,
    ):
        with contextlib.suppress(ValidationError):
            read(value)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Ja", True),
        ("Nei", False),
        ("Ja, kommer", True),
        ("Kommer ikke", False),
        ("Yes", True),
        ("No thanks", False),
        ("☑", True),
        (True, True),
        (None, None),
    ],
)
def test_yes_and_no_as_families_write_them(cell: Any, expected: bool | None) -> None:
    assert yes_no_answer(cell, "lunch") is expected


@pytest.mark.parametrize("cell", ["ja kanskje", "vet ikke", "Ja, men ikke lunsj", "blå"])
def test_unclear_answers_are_refused(cell: str) -> None:
    with pytest.raises(ValidationError, match="not a clear yes or no"):
        yes_no_answer(cell, "lunch")


# --- health ----------------------------------------------------------------------------------


def test_a_changed_allergy_is_proposed_and_written_only_when_accepted(
    register: Register, tmp_path: Path
) -> None:
    r = register
    table = read_form(nettskjema(tmp_path, [NETTSKJEMA_ROWS[7]]))
    mapping = suggest_mapping(r.db, r.event, table)
    plan = plan_signups(r.db, r.event, table, mapping, today=TODAY)
    (proposal,) = plan.proposals
    assert (proposal.person_id, proposal.row) == (r.kari, 2)
    assert proposal.current == "Egg"
    assert proposal.proposed == "vegetar; Nøtter (alvorlig)"
    with pytest.raises(VrusError, match="no change"):
        apply_signups(r.db, plan, accept=[r.jonas])
    assert r.answers() == set()  # refused before anything was written

    apply_signups(r.db, plan)
    assert r.allergies(r.kari) == {("Egg", "mild", None)} and r.diets(r.kari) == set()
    apply_signups(r.db, plan, accept=[r.kari])
    # Replaced, not merged: the family says egg is no longer a problem.
    assert r.allergies(r.kari) == {("Nøtter", "severe", None)}
    assert r.diets(r.kari) == {"vegetarian"}
    again = plan_signups(r.db, r.event, table, mapping, today=TODAY)
    assert again.proposals == ()


def test_an_allergy_named_without_severity_keeps_the_registers(
    register: Register, tmp_path: Path
) -> None:
    r = register
    with r.db.transaction() as session:
        allergy = session.scalars(select(Allergy).where(Allergy.person_id == r.kari)).one()
        allergy.severity, allergy.note = "severe", "har EpiPen"
    row = [*NETTSKJEMA_ROWS[7][:6], "egg", ""]
    table = read_form(nettskjema(tmp_path, [row]))
    plan = plan_signups(r.db, r.event, table, suggest_mapping(r.db, r.event, table), today=TODAY)
    assert plan.proposals == ()
    row = [*NETTSKJEMA_ROWS[7][:6], "Nei", ""]
    table = read_form(nettskjema(tmp_path, [row], "nei.csv"))
    plan = plan_signups(r.db, r.event, table, suggest_mapping(r.db, r.event, table), today=TODAY)
    assert [(p.current, p.proposed) for p in plan.proposals] == [("Egg (alvorlig: har EpiPen)", "")]


# --- refused ---------------------------------------------------------------------------------


def test_a_refused_file_changes_nothing(register: Register, tmp_path: Path) -> None:
    r = register
    rows = [list(row) for row in NETTSKJEMA_ROWS]
    rows[1][2] = "31.02.2011"  # row 3: no such day
    rows[3][5] = "ja kanskje"  # row 5: lunch?
    path = nettskjema(tmp_path, rows)
    data, modified = path.read_bytes(), path.stat().st_mtime_ns
    table = read_form(path)
    plan = plan_signups(r.db, r.event, table, suggest_mapping(r.db, r.event, table), today=TODAY)
    assert [(p.row, p.column) for p in plan.errors] == [
        (3, "Fødselsdato (dd.mm.åååå)"),
        (5, "Ønsker du lunsj?"),
    ]
    assert "not a real date" in str(plan.errors[0])
    before = dump(r.db)
    with pytest.raises(VrusError, match="2 error"):
        apply_signups(r.db, plan, accept=[r.kari])
    assert dump(r.db) == before
    assert not mapping_remembered(r.db, table)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (data, modified)


def test_a_mapping_without_a_name_or_with_a_missing_column_is_refused(
    register: Register, tmp_path: Path
) -> None:
    r = register
    table = read_form(nettskjema(tmp_path))
    plan = plan_signups(
        r.db,
        r.event,
        table,
        FormMapping({FormField.LUNCH: "Lunsj", FormField.MESSAGE: "Ønsker du lunsj?"}),
        today=TODAY,
    )
    messages = [str(p) for p in plan.errors]
    assert any("no such column" in m for m in messages)
    assert any("participant's name" in m for m in messages)
    assert plan.rows == ()


def test_an_answer_that_says_nothing_about_coming_is_not_written(
    register: Register, tmp_path: Path
) -> None:
    r = register
    row = ["2027-02-01 18:02:11", "Jonas Berg", "09.09.2010", "", "", "Ja", "", "Hei"]
    table = read_form(nettskjema(tmp_path, [row]))
    plan = plan_signups(r.db, r.event, table, suggest_mapping(r.db, r.event, table), today=TODAY)
    assert plan.errors == () and plan.signups == ()
    assert [p.row for p in plan.warnings] == [2]
    # A form that asks nothing about coming is a sign-up form: each answer is a yes.
    mapping = FormMapping({FormField.NAME: "Deltakerens navn"})
    plan = plan_signups(r.db, r.event, table, mapping, today=TODAY)
    apply_signups(r.db, plan)
    assert r.answers() == {(r.jonas, "yes", False)}


# --- the mapping, remembered -----------------------------------------------------------------


def test_the_mapping_applied_is_remembered_for_the_form(register: Register, tmp_path: Path) -> None:
    r = register
    table = read_form(nettskjema(tmp_path))
    guessed = suggest_mapping(r.db, r.event, table)
    assert not mapping_remembered(r.db, table)
    # The coordinator does not want the families' messages, and reads lunch from nowhere.
    fields = {
        f: h for f, h in guessed.fields.items() if f not in (FormField.MESSAGE, FormField.LUNCH)
    }
    changed = FormMapping(fields, {r.saturday: guessed.days[r.saturday]})
    apply_signups(r.db, plan_signups(r.db, r.event, table, changed, today=TODAY))
    assert mapping_remembered(r.db, table)

    # Next week's download of the same form: other answers, headers spelt a little apart.
    headers = [h.upper() if h == "Innsendt" else h for h in NETTSKJEMA_HEADERS]
    path = write_csv(
        tmp_path / "again.csv", headers, NETTSKJEMA_ROWS[:2], delimiter=";", encoding="cp1252"
    )
    again = read_form(path)
    recalled = suggest_mapping(r.db, r.event, again)
    assert dict(recalled.days) == dict(changed.days)
    assert dict(recalled.fields) == {**changed.fields, FormField.SUBMITTED: "INNSENDT"}
    # Another form (other headers) is guessed afresh.
    other = write_csv(
        tmp_path / "other.csv", NETTSKJEMA_HEADERS[:-1], [], delimiter=";", encoding="cp1252"
    )
    other.write_text(other.read_text("cp1252") + "x;Jonas Berg;;Ja;Ja;Ja;\r\n", "cp1252")
    assert FormField.LUNCH in suggest_mapping(r.db, r.event, read_form(other)).fields


def test_remember_mapping_alone(register: Register, tmp_path: Path) -> None:
    r = register
    table = read_form(nettskjema(tmp_path))
    mapping = FormMapping({FormField.NAME: "Deltakerens navn"}, {r.sunday: "Ønsker du lunsj?"})
    remember_mapping(r.db, table, mapping)
    assert suggest_mapping(r.db, r.event, table) == mapping


def test_every_field_has_a_label() -> None:
    assert all(str(field_label(f)) for f in FormField)


# --- the command line ------------------------------------------------------------------------


def test_cli_dry_run_writes_nothing_and_the_real_run_writes(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r = register
    path = nettskjema(tmp_path)
    argv = ["--db", r.db.url, "import", "signups", str(r.event), str(path)]
    before = dump(r.db)
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert dump(r.db) == before
    assert 'name        Participant\'s name   <- "Deltakerens navn"' in out
    assert f"--match 4={r.sophie}" in out and "--no-match 4" in out
    assert f"--accept-health {r.kari}" in out
    assert 'row 8: "Per Ukjent", 01.01.2010 - no person in the register' in out
    assert "row 7: Bjørn Lie - replaced by the later answer in row 6" in out
    assert "Dry run: nothing was written." in out

    assert main([*argv, "--match", f"4={r.sophie}", "--accept-health", str(r.kari)]) == 0
    out = capsys.readouterr().out
    assert "Written: 6 sign-up(s), 1 change(s)" in out
    assert "row 3: Hélène Dubois - coming lørdag 06.03 (not søndag 07.03); lunch" in out
    assert len(r.answers()) == 6 and (r.sophie, "yes", True) in r.answers()
    assert r.allergies(r.kari) == {("Nøtter", "severe", None)}
    assert r.lunches() == {SATURDAY: 5, SUNDAY: 3}
    assert main([*argv, "--dry-run"]) == 0
    assert "Columns (remembered for this form" in capsys.readouterr().out


def test_cli_maps_columns_and_refuses_a_bad_file(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r = register
    rows = [list(row) for row in NETTSKJEMA_ROWS[:2]]
    rows[1][2] = "31.02.2011"
    path = nettskjema(tmp_path, rows)
    argv = ["--db", r.db.url, "import", "signups", str(r.event), str(path)]
    before = dump(r.db)
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "Refused: 1 error(s); nothing was written." in out
    assert "error: row 3, Fødselsdato (dd.mm.åååå): '31.02.2011' is not a real date" in out
    assert dump(r.db) == before
    # Without the birth date column (and without Sunday's), the file reads.
    assert (
        main(
            [
                *argv,
                "--map",
                "birth_date=",
                "--day-column",
                "07.03.2027=",
                "--map",
                "message=melding til oss",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "not mapped: first_name, last_name, birth_date" in out
    assert r.answers() == {(r.ase, "yes", True), (r.helene, "yes", True)}
    assert r.absences() == set()
    assert main([*argv, "--map", "lunch=Nope"]) == 1
    assert 'no column "Nope"' in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main([*argv, "--map", "colour=Navn"])
    assert usage.value.code == 2
    assert main(["--db", r.db.url, "import", "signups", "9999", str(path)]) == 1
    assert "event 9999 is not in the register" in capsys.readouterr().err
    assert main([*argv[:-1], str(tmp_path / "missing.csv")]) == 1
    assert "does not exist" in capsys.readouterr().err
