"""The register's refusals in the window's language.

When the core refuses an action (move up, age limits, deleting an event with history, a row
that is gone), ``str(error)`` stays the English the command line prints, and the window's
message helpers show the same refusal in Bokmål with its values filled in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from sqlalchemy import select

from tests.factories import add_event_with_attendance, add_person
from tests.ui.test_reference_settings import cell, edit_cell, show_tab
from vrus.db.engine import Database
from vrus.db.models import Ensemble, EventDay
from vrus.errors import VrusError
from vrus.events import delete_event, get_event, set_event_days
from vrus.memberships import end_membership, move_up, start_membership
from vrus.reference import update_ensemble_limits
from vrus.texts import Text
from vrus.ui import i18n
from vrus.ui.app import report_exception
from vrus.ui.common.messages import core_message, error_text, failure_text
from vrus.ui.settings.reference_models import ENS_MAX
from vrus.validation import ValidationError

HEADING = "Det gikk ikke."


@pytest.fixture
def bokmal(qapp) -> Iterator[None]:
    """The window's default language, as the application installs it."""
    locale = QLocale()
    installed = i18n.install_translators(qapp, "nb")
    assert installed, "vrus_nb.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def refusal(kind: type[VrusError], action, *args) -> VrusError:
    with pytest.raises(kind) as caught:
        action(*args)
    return caught.value


def ensemble_id(db: Database, short_name: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short_name)).one()


def test_move_up_without_a_lower_ensemble(bokmal, db: Database) -> None:
    pid = add_person(db, "Åse", "Lie")
    start_membership(db, pid, ensemble_id(db, "ungdom"), None, dt.date(2025, 1, 1))
    error = refusal(VrusError, move_up, db, pid, dt.date(2026, 1, 1))
    assert isinstance(error.message, Text)
    assert str(error) == "has no active membership in an ensemble one can move up from"
    bokmal_text = "har ikke noe aktivt medlemskap i et ensemble man kan flytte opp fra"
    assert core_message(error) == bokmal_text
    assert error_text(error) == bokmal_text
    assert failure_text(HEADING, error) == f"{HEADING}\n\n{bokmal_text}"


def test_age_limits_with_the_lower_above_the_upper(bokmal, db: Database) -> None:
    error = refusal(ValidationError, update_ensemble_limits, db, ensemble_id(db, "ungdom"), 19, 17)
    assert (error.field, str(error)) == ("min_age", "the lower limit 19 is above the upper 17")
    assert core_message(error) == "den nedre grensen 19 er over den øvre 17"
    # Under a field or in a table, the clause reads as a sentence.
    assert error_text(error) == "Den nedre grensen 19 er over den øvre 17."


def test_deleting_an_event_with_attendance(bokmal, db: Database) -> None:
    _person, day_id = add_event_with_attendance(db)
    with db.sessions() as session:
        event_id = session.get(EventDay, day_id).event_id
    error = refusal(VrusError, delete_event, db, event_id)
    assert str(error) == (
        "cannot delete 'Helgeseminar 1': attendance is recorded for 1 "
        "person(s) on that day (Saturday 07.02.2026)"
    )
    assert failure_text(HEADING, error) == (
        f"{HEADING}\n\nkan ikke slette 'Helgeseminar 1': oppmøte er registrert for 1 "
        "person(er) den dagen (lørdag 07.02.2026)"
    )


def test_removing_a_day_with_attendance(bokmal, db: Database) -> None:
    _person, day_id = add_event_with_attendance(db)
    with db.sessions() as session:
        event_id = session.get(EventDay, day_id).event_id
    error = refusal(VrusError, set_event_days, db, event_id, [(dt.date(2026, 2, 8), None, None)])
    assert str(error) == (
        "cannot remove Saturday 07.02.2026 from 'Helgeseminar 1': attendance "
        "is recorded for 1 person(s) on that day; clear it first"
    )
    assert core_message(error) == (
        "kan ikke fjerne lørdag 07.02.2026 fra 'Helgeseminar 1': oppmøte er registrert for 1 "
        "person(er) den dagen; fjern dette først"
    )


def test_ending_a_membership_before_it_started(bokmal, db: Database) -> None:
    pid = add_person(db, "Zoë", "Berg")
    mid = start_membership(db, pid, ensemble_id(db, "junior"), None, dt.date(2024, 8, 15))
    error = refusal(ValidationError, end_membership, db, mid, dt.date(2020, 1, 1), "quit")
    assert str(error) == "cannot end before it started (15.08.2024)"
    assert error_text(error) == "Kan ikke avsluttes før det startet (15.08.2024)."


def test_a_row_that_is_gone(bokmal, db: Database) -> None:
    with db.sessions() as session:
        error = refusal(VrusError, get_event, session, 999)
    assert str(error) == "event 999 is not in the register"
    assert core_message(error) == "arrangement 999 finnes ikke i registeret"


def test_a_plain_english_error_is_shown_as_it_is(bokmal) -> None:
    error = VrusError("something the core says")
    assert (error.message, str(error)) == ("something the core says", "something the core says")
    assert core_message(error) == error_text(error) == "something the core says"


def test_an_english_window_shows_the_english_refusal(qapp, db: Database) -> None:
    error = refusal(ValidationError, update_ensemble_limits, db, ensemble_id(db, "ungdom"), 19, 17)
    assert core_message(error) == str(error)


# --- In the window -------------------------------------------------------------------------


def test_a_refusal_that_escapes_a_slot_is_shown_in_bokmal(bokmal, db: Database) -> None:
    shown: list[str] = []
    with db.sessions() as session:
        error = refusal(VrusError, get_event, session, 999)
    report_exception(VrusError, error, None, shown.append)
    assert shown == ["arrangement 999 finnes ikke i registeret"]


def test_the_age_limit_table_refuses_in_bokmal(bokmal, qtbot, members_window) -> None:
    members_window.show_section("settings")
    editor = show_tab(qtbot, members_window.settings_page, members_window.settings_page.ensembles)
    edit_cell(qtbot, editor, cell(editor, ENS_MAX, "Ungdomssymfonikerne"), "9")
    assert editor.message.text() == (
        "Høyeste alder: Den nedre grensen 13 er over den øvre 9. Ingenting ble lagret."
    )
