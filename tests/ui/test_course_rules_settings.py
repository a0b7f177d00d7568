"""Settings > Course grants: the rules are changed in the window, saved at once in the
register, and the course report on a demo seminar follows them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.driving import click, key, shown_settings_page
from tests.ui.lunch_support import DEMO_TODAY, load_demo_season
from vrus.db.models import Setting
from vrus.reports import build_report
from vrus.seasons import list_events
from vrus.ui.settings.settings_page import SettingsPage


@pytest.fixture
def seminar(db) -> int:
    """A 2026 weekend seminar of the demo register, which qualifies by today's rules."""
    load_demo_season(db)
    with db.sessions() as session:
        return next(e.id for e in list_events(session, 2026, DEMO_TODAY) if e.kind == "seminar")


@pytest.fixture
def page(qtbot, db, settings, seminar) -> SettingsPage:
    return shown_settings_page(qtbot, db, settings, DEMO_TODAY, "course_rules")


def qualifies(db, seminar: int) -> bool:
    with db.sessions() as session:
        return build_report(session, "course", event_ids=[seminar], today=DEMO_TODAY).data[
            "qualifies"
        ]


def stored(db) -> dict[str, str]:
    with db.sessions() as session:
        return dict(
            session.execute(
                select(Setting.key, Setting.value).where(Setting.key.startswith("course_grant."))
            ).all()
        )


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    key(qtbot, spin, Qt.Key.Key_Return)


def test_today_s_defaults_are_shown(page) -> None:
    editor = page.course_rules
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Course grants"
    values = {name: spin.value() for name, spin in editor.spins.items()}
    assert values == {
        "min_age": 14,
        "min_attendance_percent": 75,
        "min_hours": 4,
        "min_participants": 4,
    }
    assert not any(button.isEnabled() for button in editor.resets.values())
    # 2014's 8 hours are built in, listed but not removable.
    assert editor.years.item(0, 0).text() == "2014" and not editor.remove_buttons


def test_minimum_hours_change_the_report_and_reset_restores_the_default(
    qtbot, page, db, seminar
) -> None:
    editor = page.course_rules
    assert qualifies(db, seminar)
    type_into(qtbot, editor.spins["min_hours"], "100")
    assert stored(db) == {"course_grant.min_hours": "100"}
    assert editor.message.text() == "Saved."
    assert editor.resets["min_hours"].isEnabled()
    assert "today's default is 4" in editor.states["min_hours"].text()
    assert not qualifies(db, seminar)

    click(qtbot, editor.resets["min_hours"])
    assert stored(db) == {}
    assert editor.spins["min_hours"].value() == 4
    assert not editor.resets["min_hours"].isEnabled()
    assert qualifies(db, seminar)


def test_a_bad_value_is_refused_and_nothing_saved(qtbot, page, db, seminar) -> None:
    editor = page.course_rules
    type_into(qtbot, editor.spins["min_participants"], "0")
    assert editor.message.isVisible()
    assert editor.message.text() == (
        "Minimum participants who count: Must be between 1 and 1000. Nothing was saved."
    )
    assert stored(db) == {}
    assert editor.spins["min_participants"].value() == 4  # the saved value again
    type_into(qtbot, editor.spins["min_attendance_percent"], "150")
    assert "Must be between 0 and 100." in editor.message.text()
    assert stored(db) == {} and qualifies(db, seminar)


def test_a_rule_for_one_year_applies_only_to_that_year(qtbot, page, db, seminar) -> None:
    editor = page.course_rules
    editor.rule.setCurrentIndex(editor.rule.findData("min_hours"))
    editor.year.setValue(2025)
    type_into(qtbot, editor.year_value, "100")
    click(qtbot, editor.set_for_year)
    assert stored(db) == {"course_grant.min_hours.2025": "100"}
    assert qualifies(db, seminar)  # a 2026 course

    editor.year.setValue(2026)
    assert editor.year_value.value() == 4  # what applies to 2026 now
    type_into(qtbot, editor.year_value, "100")
    click(qtbot, editor.set_for_year)
    assert not qualifies(db, seminar)
    assert editor.spins["min_hours"].value() == 4  # all other years keep today's rule
    texts = [
        [editor.years.item(row, column).text() for column in range(3)]
        for row in range(editor.years.rowCount())
    ]
    assert texts == [
        ["2014", "Minimum course hours", "8"],
        ["2025", "Minimum course hours", "100"],
        ["2026", "Minimum course hours", "100"],
    ]

    click(qtbot, editor.remove_buttons[2026, "min_hours"])
    assert stored(db) == {"course_grant.min_hours.2025": "100"}
    assert qualifies(db, seminar)
    assert set(editor.remove_buttons) == {(2025, "min_hours")}


def test_the_tab_renders(qtbot, page, db) -> None:
    editor = page.course_rules
    editor.rule.setCurrentIndex(editor.rule.findData("min_hours"))
    editor.year.setValue(2015)
    editor.year_value.setValue(6)
    click(qtbot, editor.set_for_year)
    type_into(qtbot, editor.spins["min_attendance_percent"], "80")
    qtbot.wait(50)
    assert page.grab().save("/tmp/course-rules.png")
