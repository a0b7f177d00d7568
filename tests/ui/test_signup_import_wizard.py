"""The sign-up import wizard with the real core: a form's messy answers for a seminar, read,
mapped, reviewed (a near match chosen, a health change accepted) and imported; a refused file
that changes nothing; and a form whose mapping is remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWizard
from sqlalchemy import select

from tests.ui.events_support import build_page, ensemble_id
from tests.ui.helpers import add_person
from vrus.db.engine import Database
from vrus.db.models import Allergy, EventDay, PersonDiet, SignUp
from vrus.events import create_event
from vrus.importing.signup_form import FormField
from vrus.memberships import start_membership
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.events.events_page import EventsPage
from vrus.ui.events.signup_import_models import (
    COL_MATCH,
    COL_PERSON,
    COL_PROPOSAL_NAME,
    ROW_ROLE,
)
from vrus.ui.events.signup_import_wizard import SignupImportWizard

TIMEOUT = 30_000  # ms: the real core on a slow, shared machine
TODAY = dt.date(2026, 12, 2)
SATURDAY = dt.date(2027, 3, 6)  # a weekend seminar in the 2027 season: Saturday and Sunday

HEADERS = (
    "Tidsmerke;Navn på deltaker;Fødselsdato;Kommer du?;Lørdag 06.03.;Søndag 07.03.;Lunsj;"
    "Allergier eller diett;Melding"
)
# Row 2 and row 6 are the same girl (the later answer counts); row 3 misspells Ingrid;
# row 4 gives no birth date; row 5 is no one in the register.
ANSWERS = (
    "01.02.2027 10:00;Zoë Nguyen;09.09.2009;Ja;Ja;Ja;Ja;;\n"
    "01.02.2027 11:00;Ingird Aas;12.04.2010;Ja;Ja;Ja;Nei;Vegetar;\n"
    "02.02.2027 09:30;Aasmund Odegaard;;Ja;Ja;Nei;Ja;Nøtter (alvorlig);Kommer bare lørdag\n"
    "03.02.2027 18:00;Per Hansen;01.01.2010;Ja;Ja;Ja;Ja;;\n"
    "04.02.2027 08:00;Zoë Nguyễn;09.09.2009;Ja;Nei;Ja;Nei;;Bare søndag\n"
    "04.02.2027 09:00;Łukasz Wiśniewski;17.05.2009;Nei;;;;;Syk\n"
)
MAPPING = {
    FormField.SUBMITTED: "Tidsmerke",
    FormField.NAME: "Navn på deltaker",
    FormField.BIRTH_DATE: "Fødselsdato",
    FormField.ATTENDING: "Kommer du?",
    FormField.LUNCH: "Lunsj",
    FormField.HEALTH: "Allergier eller diett",
    FormField.MESSAGE: "Melding",
}


class Seminar:
    def __init__(self, db: Database) -> None:
        born = {
            "zoe": ("Zoë", "Nguyễn", dt.date(2009, 9, 9)),
            "ingrid": ("Ingrid", "Aas", dt.date(2010, 4, 12)),
            "asmund": ("Åsmund", "Ødegård", dt.date(2011, 6, 1)),
            "lukasz": ("Łukasz", "Wiśniewski", dt.date(2009, 5, 17)),
            "mari": ("Mari", "Berg-Hansen", dt.date(2012, 2, 2)),
        }
        orchestra = ensemble_id(db, "ungdom")
        self.ids = {}
        for key, (first, last, birth) in born.items():
            self.ids[key] = add_person(db, first, last, born=birth)
            start_membership(db, self.ids[key], orchestra, None, dt.date(2024, 8, 15))
        self.event_id = create_event(
            db,
            kind="seminar",
            title="Vårseminar",
            start=SATURDAY,
            days=2,
            ensemble_ids=[orchestra],
        )
        with db.sessions() as session:
            self.days = list(
                session.scalars(
                    select(EventDay.id)
                    .where(EventDay.event_id == self.event_id)
                    .order_by(EventDay.date)
                )
            )


@pytest.fixture
def seminar(db: Database) -> Seminar:
    return Seminar(db)


@pytest.fixture
def page(qtbot, db: Database, seminar: Seminar) -> EventsPage:
    page = build_page(qtbot, db, today=TODAY)
    page.show_season(SATURDAY.year)
    page.select_event(seminar.event_id)
    return page


def form_file(tmp_path: Path, answers: str = ANSWERS, name: str = "svar.csv") -> Path:
    path = tmp_path / name
    path.write_text(f"{HEADERS}\n{answers}", encoding="utf-8")
    return path


# --- Driving the wizard --------------------------------------------------------------------


def press(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_wizard(qtbot, page: EventsPage) -> SignupImportWizard:
    qtbot.mouseClick(page.import_signups_button, Qt.MouseButton.LeftButton)
    assert page.signup_import is not None
    wizard = page.signup_import.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    return wizard


def choose_file(qtbot, wizard: SignupImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    qtbot.waitUntil(lambda: not wizard.file_page.running, timeout=TIMEOUT)


def to_mapping(qtbot, wizard: SignupImportWizard, path: Path) -> None:
    choose_file(qtbot, wizard, path)
    assert wizard.file_page.isComplete(), wizard.file_page.status.text()
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.mapping_page
    settle(qtbot, wizard.mapping_page)


def settle(qtbot, task_page) -> None:
    qtbot.waitUntil(lambda: not task_page.running, timeout=TIMEOUT)


def map_columns(qtbot, wizard: SignupImportWizard, days: list[int]) -> None:
    page = wizard.mapping_page
    for form_field in FormField:
        page.choose(form_field, MAPPING.get(form_field))
    page.choose(days[0], "Lørdag 06.03.")
    page.choose(days[1], "Søndag 07.03.")
    settle(qtbot, page)


def to_review(qtbot, wizard: SignupImportWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.review_page
    settle(qtbot, wizard.review_page)


def answer_row(wizard: SignupImportWizard, spreadsheet_row: int) -> int:
    model = wizard.review_page.answers
    return next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE) == spreadsheet_row
    )


def match_of(wizard: SignupImportWizard, spreadsheet_row: int) -> str:
    model = wizard.review_page.answers
    return model.index(answer_row(wizard, spreadsheet_row), COL_MATCH).data()


def signups(db: Database, event_id: int) -> dict[int, tuple[str, bool, str | None, set[int]]]:
    with db.sessions() as session:
        return {
            s.person_id: (s.attending, s.wants_lunch, s.note, {a.event_day_id for a in s.absences})
            for s in session.scalars(select(SignUp).where(SignUp.event_id == event_id))
        }


def shoot(wizard: SignupImportWizard, number: int) -> None:
    wizard.grab().save(f"/tmp/signup_wizard_{number}.png")


# --- The tests -----------------------------------------------------------------------------


def test_messy_answers_are_matched_chosen_and_imported(
    qtbot, db: Database, seminar: Seminar, page: EventsPage, tmp_path: Path
) -> None:
    # Opened from the event's sign-up grid: it shows the saved answers afterwards.
    page.open_grid()
    qtbot.mouseClick(page.grid.import_button, Qt.MouseButton.LeftButton)
    wizard = page.signup_import.wizard
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.event_id == seminar.event_id
    shoot(wizard, 1)

    to_mapping(qtbot, wizard, form_file(tmp_path))
    assert wizard.file_page.status.text() == "svar.csv: 6 answers, 9 columns."
    map_columns(qtbot, wizard, seminar.days)
    mapping = wizard.mapping_page
    assert mapping.preview_model.rowCount() == 6
    assert "→ Participant's name" in mapping.preview_model.headerData(1, Qt.Orientation.Horizontal)
    assert mapping.plan_line.text() == (
        "2 signed up, 1 not coming, 1 near match, 1 unknown, 1 replaced"
    )
    shoot(wizard, 2)

    to_review(qtbot, wizard)
    review = wizard.review_page
    assert [match_of(wizard, row) for row in range(2, 8)] == [
        "Replaced",
        "Near match",
        "Matched",
        "Unknown",
        "Matched",
        "Matched",
    ]
    assert review.summary.text() == mapping.plan_line.text()
    assert "Near matches are left out" in review.verdict.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    # Åsmund's allergy is proposed, not ticked; nothing is written yet.
    assert [p.person_id for p in review.plan.proposals] == [seminar.ids["asmund"]]
    assert review.proposals.accepted() == []
    assert signups(db, seminar.event_id) == {}

    # The near match: the misspelt name is offered as Ingrid, and chosen in the combo box.
    near = review.answers.index(answer_row(wizard, 3), COL_PERSON)
    combo = review.answers_view.indexWidget(near)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Choose the person…"
    assert combo.findData(seminar.ids["ingrid"]) > 0
    assert combo.findData(seminar.ids["ingrid"]) == 1  # the only candidate
    assert "Ingrid Aas, 12.04.2010" in combo.itemText(1)
    # With the keyboard: down the Person column into the combo box, and down to Ingrid.
    view = review.answers_view
    view.setFocus()
    view.setCurrentIndex(review.answers.index(near.row() - 1, COL_PERSON))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # planning again
    settle(qtbot, review)
    assert QApplication.focusWidget() is combo  # still there, to change the choice
    assert review.answers.choices() == {3: seminar.ids["ingrid"]}
    assert review.answers.index(answer_row(wizard, 3), COL_PERSON).data() == "Ingrid Aas"
    assert (
        review.summary.text() == "3 signed up, 1 not coming, 0 near matches, 1 unknown, 1 replaced"
    )
    # The combo box stays, with the choice, so it can still be changed.
    combo = review.answers_view.indexWidget(near)
    assert combo.currentData() == seminar.ids["ingrid"]

    shoot(wizard, 3)

    # Ingrid's diet is proposed now too; only Åsmund's allergy is accepted, with the keyboard.
    proposed = {p.person_id: p for p in review.plan.proposals}
    assert set(proposed) == {seminar.ids["asmund"], seminar.ids["ingrid"]}
    review.tabs.setCurrentIndex(1)
    view = review.proposals_view
    row = next(
        r
        for r in range(review.proposals.rowCount())
        if review.proposals.row_at(r).person_id == seminar.ids["asmund"]
    )
    view.setFocus()
    view.setCurrentIndex(review.proposals.index(row, COL_PROPOSAL_NAME))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert review.proposals.accepted() == [seminar.ids["asmund"]]
    shoot(wizard, 6)

    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is wizard.result_page
    settle(qtbot, wizard.result_page)
    assert wizard.result_page.heading.text() == "The sign-ups are saved."
    assert wizard.result_page.status.text().splitlines() == [
        "Sign-ups saved: 4.",
        "Answers replaced by a later one: 1.",
        "Answers not saved (unknown, or no person chosen): 1.",
        "Health changes saved: 1.",
    ]
    shoot(wizard, 4)

    saturday, sunday = seminar.days
    assert signups(db, seminar.event_id) == {
        seminar.ids["zoe"]: ("yes", False, "Bare søndag", {saturday}),
        seminar.ids["ingrid"]: ("yes", False, None, set()),
        seminar.ids["asmund"]: ("yes", True, "Kommer bare lørdag", {sunday}),
        seminar.ids["lukasz"]: ("no", False, "Syk", set()),
    }
    with db.sessions() as session:
        allergies = session.scalars(
            select(Allergy).where(Allergy.person_id == seminar.ids["asmund"])
        ).all()
        assert [(a.allergen.lower(), a.severity) for a in allergies] == [("nøtter", "severe")]
        # Ingrid's diet was proposed but not ticked: the register keeps what it had.
        assert not session.scalars(
            select(PersonDiet).where(PersonDiet.person_id == seminar.ids["ingrid"])
        ).all()
    # The grid behind the wizard shows the saved answers.
    assert page.grid.signup_counts.text().startswith("3 yes · 1 no")
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    # The whole import is one step: undone, the sign-ups and Åsmund's allergy are gone.
    assert page.undo.undo_action.text() == "&Undo import of sign-ups for 'Vårseminar'"
    page.undo.undo_action.trigger()
    assert signups(db, seminar.event_id) == {}
    with db.sessions() as session:
        assert not session.scalars(
            select(Allergy).where(Allergy.person_id == seminar.ids["asmund"])
        ).all()
    page.undo.redo_action.trigger()
    assert signups(db, seminar.event_id)[seminar.ids["asmund"]] == (
        "yes",
        True,
        "Kommer bare lørdag",
        {sunday},
    )


def test_a_file_with_an_unreadable_cell_changes_nothing(
    qtbot, db: Database, seminar: Seminar, page: EventsPage, tmp_path: Path
) -> None:
    answers = ANSWERS.replace("12.04.2010", "31.02.2010")
    wizard = open_wizard(qtbot, page)
    # A file that cannot be read at all: one line that says why, and no way on.
    old_excel = tmp_path / "svar.xls"
    old_excel.write_bytes(b"not a workbook")
    choose_file(qtbot, wizard, old_excel)
    assert "svar.xls: this kind of spreadsheet cannot be read" in wizard.file_page.status.text()
    assert "\n" not in wizard.file_page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    to_mapping(qtbot, wizard, form_file(tmp_path, answers))
    map_columns(qtbot, wizard, seminar.days)
    refusal = wizard.mapping_page.plan_line.text().splitlines()[-1]
    assert refusal.startswith("The file cannot be imported: 1 error.")
    assert refusal.endswith("Row 3, Fødselsdato: '31.02.2010' is not a real date")
    to_review(qtbot, wizard)
    review = wizard.review_page
    assert review.verdict.text().startswith(
        "The file cannot be imported: 1 error. Nothing has been changed."
    )
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert review.tabs.currentIndex() == 2
    problems = review.problems_view.model()
    assert problems.rowCount() == 1
    assert [problems.index(0, c).data() for c in range(3)] == ["3", "Fødselsdato", "Error"]
    assert "31.02.2010" in problems.index(0, 3).data()
    shoot(wizard, 5)
    # Enter does not import either: the default button is off.
    qtbot.keyClick(review.answers_view, Qt.Key.Key_Return)
    assert wizard.currentPage() is review
    wizard.reject()
    assert signups(db, seminar.event_id) == {}


def test_the_mapping_is_remembered_for_the_same_form(
    qtbot, db: Database, seminar: Seminar, page: EventsPage, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, page)
    to_mapping(qtbot, wizard, form_file(tmp_path))
    map_columns(qtbot, wizard, seminar.days)
    # The user takes the message column for the allergies and leaves the message out.
    wizard.mapping_page.choose(FormField.HEALTH, "Melding")
    wizard.mapping_page.choose(FormField.MESSAGE, None)
    settle(qtbot, wizard.mapping_page)
    to_review(qtbot, wizard)
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    settle(qtbot, wizard.result_page)
    assert wizard.result_page.heading.text() == "The sign-ups are saved."
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    # The next download of the same form: other answers, the same headers.
    later = form_file(tmp_path, ANSWERS.splitlines()[3] + "\n", name="svar-2.csv")
    wizard = open_wizard(qtbot, page)
    to_mapping(qtbot, wizard, later)
    combos = wizard.mapping_page.field_combos
    assert combos[FormField.HEALTH].currentData() == "Melding"
    assert combos[FormField.MESSAGE].currentData() == ""
    assert combos[FormField.NAME].currentData() == "Navn på deltaker"
    day_combos = wizard.mapping_page.day_combos
    assert [day_combos[day].currentData() for day in seminar.days] == [
        "Lørdag 06.03.",
        "Søndag 07.03.",
    ]
    assert wizard.mapping_page.known.text() == "Known form: the mapping from last time is used."
    wizard.reject()


def test_only_who_plans_the_season_imports_sign_ups(
    qtbot, db: Database, seminar: Seminar, page: EventsPage
) -> None:
    assert page.import_signups_button.isVisible()
    assert page.import_signups_button.isEnabled()
    page.show_season(TODAY.year)  # a season without events: nothing to import for
    assert not page.import_signups_button.isEnabled()
    instructor = EventsPage(db, RegisterChanges(), title="Events", edit_events=False)
    qtbot.addWidget(instructor)
    instructor.show()
    instructor.show_season(SATURDAY.year)
    instructor.select_event(seminar.event_id)
    assert not instructor.import_signups_button.isVisible()
    instructor.open_grid()
    assert not instructor.grid.import_button.isVisible()
    instructor.import_signups()  # as if asked some other way: no wizard
    assert instructor.signup_import is None
