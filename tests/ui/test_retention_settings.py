"""Settings > Privacy: the retention rule saved at once, and the review of what is due with
Apply, which asks once and then does exactly what was listed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete

from tests.factories import add_member, phone_of
from tests.ui.driving import answer_question, click, shown_settings_page, wait_for
from vrus.db.models import AuditEntry, Person
from vrus.retention import RetentionRule, Step, retention_rule, set_course_years
from vrus.ui.settings.retention_dialog import COL_NAME, COL_SINCE, COL_STEP, COL_WHAT
from vrus.ui.settings.settings_page import SettingsPage
from vrus.validation import ValidationError

D = dt.date
TODAY = D(2026, 1, 1)


@pytest.fixture
def page(qtbot, db, settings) -> SettingsPage:
    return shown_settings_page(qtbot, db, settings, TODAY, "privacy")


def rule(db) -> RetentionRule:
    with db.sessions() as session:
        return retention_rule(session)


def test_the_privacy_tab_shows_the_rule_and_saves_a_change_at_once(page, db) -> None:
    privacy = page.privacy
    assert page.tabs.tabText(page.tabs.indexOf(privacy)) == "Privacy"
    assert (privacy.contact_months.value(), privacy.course_years.value()) == (3, 5)
    privacy.contact_months.setValue(6)
    privacy.course_years.setValue(7)
    assert rule(db) == RetentionRule(contact_months=6, course_years=7)
    assert privacy.message.text() == "Saved."


def test_the_change_history_period_is_saved_at_once(page, db) -> None:
    from vrus import audit

    privacy = page.privacy
    assert privacy.audit_days.value() == audit.DEFAULT_KEEP_DAYS
    privacy.audit_days.setValue(365)
    with db.sessions() as session:
        assert audit.keep_days(session) == 365
    assert privacy.message.text() == "Saved."


def test_the_tab_reads_the_rule_again_when_shown(page, db) -> None:
    set_course_years(db, 10)  # another user, another window
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(page.privacy)
    assert page.privacy.course_years.value() == 10


def test_a_refused_value_says_why_and_shows_the_saved_one(page, db, monkeypatch) -> None:
    def refuse(_db, _months, _original=None):
        raise ValidationError("contact_months", "must be between 0 and 120 months")

    monkeypatch.setattr("vrus.ui.settings.retention_settings.set_contact_months", refuse)
    page.privacy.contact_months.setValue(9)
    assert "must be between 0 and 120 months" in page.privacy.message.text()
    assert "Nothing was saved." in page.privacy.message.text()
    assert page.privacy.contact_months.value() == 3
    assert rule(db) == RetentionRule()


@pytest.fixture
def leavers(db) -> dict[str, int]:
    ids = {
        "contact": add_member(db, "Kari", (D(2020, 8, 15), D(2025, 6, 30)), last="Ødegård"),
        "erase": add_member(db, "Ola", (D(2014, 8, 15), D(2019, 6, 30)), last="Berg"),
        "member": add_member(db, "Siri", (D(2014, 8, 15), None)),
    }
    with db.transaction() as session:  # one entry past keeping, none from building
        session.execute(delete(AuditEntry))
        session.add(AuditEntry(at=dt.datetime(2020, 1, 1, 12), actor="x", action="update"))
    return ids


def open_review(qtbot, page):
    dialog = page.privacy.review()
    qtbot.addWidget(dialog)
    wait_for(qtbot, lambda: dialog.plan is not None and dialog.busy_with is None)
    return dialog


def cells(dialog, column: int) -> list[str]:
    model = dialog.view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_review_lists_what_is_due_by_step_with_dates(qtbot, page, leavers) -> None:
    click(qtbot, page.privacy.review_button)
    dialog = page.privacy.dialog
    wait_for(qtbot, lambda: dialog.plan is not None and dialog.busy_with is None)
    assert cells(dialog, COL_NAME) == ["Kari Ødegård", "Ola Berg"]
    assert cells(dialog, COL_STEP) == ["1: contact and health data", "2: erase"]
    assert cells(dialog, COL_SINCE) == ["30.09.2025", "01.01.2025"]
    assert cells(dialog, COL_WHAT)[0].endswith("kept until 31.12.2030")
    tooltip = dialog.view.model().index(1, COL_WHAT).data(Qt.ItemDataRole.ToolTipRole)
    assert "gender, birth year, municipality" in tooltip
    assert dialog.status.text().startswith("Due on 01.01.2026: contact and health data of 1")
    assert dialog.status.text().endswith("audit entries past their keeping period: 1.")
    assert dialog.apply_button.isEnabled()


def test_apply_asks_once_then_does_it_and_lists_again(qtbot, page, db, leavers) -> None:
    dialog = open_review(qtbot, page)
    announced: list[bool] = []
    page.privacy._changes.changed.connect(lambda: announced.append(True))
    seen: list[str] = []
    answer_question("Apply", seen)
    click(qtbot, dialog.apply_button)
    wait_for(qtbot, lambda: dialog.result is not None)
    wait_for(qtbot, lambda: dialog.busy_with is None and dialog.plan is not None)
    assert len(seen) == 1 and "of 1 person(s) and erase 1 person(s)?" in seen[0]
    assert "deleted too (1)" in seen[0]
    assert (dialog.result.contact_removed, dialog.result.erased) == (
        [leavers["contact"]],
        [leavers["erase"]],
    )
    assert dialog.result.audit_deleted == 1
    assert dialog.outcome.text() == (
        "Done: the contact and health data of 1 person(s) removed, 1 person(s) erased, "
        "1 audit entries deleted."
    )
    assert dialog.outcome.isVisible()
    assert dialog.model.rowCount() == 0 and not dialog.apply_button.isEnabled()
    assert "Nothing is due" in dialog.status.text()
    assert announced
    assert phone_of(db, leavers["contact"]) is None
    with db.sessions() as session:
        assert session.get(Person, leavers["erase"]).erased_at is not None
    assert phone_of(db, leavers["member"]) == "+4791234567"


def test_cancelling_the_question_changes_nothing(qtbot, page, db, leavers) -> None:
    dialog = open_review(qtbot, page)
    seen: list[str] = []
    answer_question("Cancel", seen)
    click(qtbot, dialog.apply_button)
    assert len(seen) == 1
    assert dialog.result is None and dialog.busy_with is None
    assert [p.step for p in dialog.plan.persons] == [Step.CONTACT, Step.ERASE]
    assert phone_of(db, leavers["contact"]) == "+4791234567"
