"""Other users' changes reach an open window, and its status bar names who else is working
(``vrus.ui.common.remote_changes``).

"Another user" is a second ``Database`` on the same register file, as another window or a
command in a terminal would have it; the window learns of its saves from the file's change
counter, within a second.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete, func, select

from tests.ui.driving import names
from vrus import clock
from vrus.db.engine import Database
from vrus.db.models import Presence
from vrus.opening import open_database
from vrus.persons import update_person
from vrus.presence import announce, leave

WITHIN = 5000  # ms: "a second or two", with room for a slow machine


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    second = open_database(db.url, key=db.key)
    yield second
    second.close()


def rows(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Presence)) or 0


def present(db: Database, user: str, role: str) -> int:
    """A row as another user's window writes it (the test runs as one OS user)."""
    now = clock.utc_now()
    with db.transaction() as session:
        row = Presence(
            user_name=user, host="laptop", program="window", role=role, started_at=now, seen_at=now
        )
        session.add(row)
        session.flush()
        return row.id


def test_a_name_another_user_changes_appears_in_the_members_table(
    qtbot, members_window, register, other: Database
) -> None:
    table = members_window.members_page.table
    assert "Thi Nguyễn" in names(table)
    update_person(other, register.ids["thi"], {"first_name": "Tina"})
    qtbot.waitUntil(lambda: "Tina Nguyễn" in names(table), timeout=WITHIN)
    assert "Thi Nguyễn" not in names(table)


def test_every_page_hears_of_another_users_change(qtbot, window, other: Database) -> None:
    from tests.factories import add_person

    with qtbot.waitSignal(window.changes.changed, timeout=WITHIN):
        add_person(other, "Kari", "Nordmann")


def test_the_status_bar_names_the_others(qtbot, window, db: Database, other: Database) -> None:
    label = window.remote_changes.label
    qtbot.waitUntil(lambda: rows(db) == 1, timeout=WITHIN)  # the window's own row
    assert label.isHidden()  # alone: nothing to say

    kari = present(other, "kari", "lunch")
    present(other, "per", "coordinator")
    # Two saves: the label may show kari alone first, then both.
    both = "Also in the register: kari (lunch), per"
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == both, timeout=WITHIN)
    assert "kari (lunch) on laptop" in label.toolTip()

    with other.transaction() as session:
        session.execute(delete(Presence).where(Presence.id == kari))
    qtbot.waitUntil(lambda: label.text() == "Also in the register: per", timeout=WITHIN)


def test_another_window_is_named_and_gone_when_it_closes(qtbot, window, other: Database) -> None:
    label = window.remote_changes.label
    them = announce(other, "window")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=WITHIN)
    assert label.text() == f"Also in the register: {them.present.user_name}"
    leave(other, them)
    qtbot.waitUntil(lambda: label.isHidden(), timeout=WITHIN)


def test_closing_the_window_removes_its_row(qtbot, make_window, db: Database) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: rows(db) == 1, timeout=WITHIN)
    window.close()
    assert not window.remote_changes.running
    assert rows(db) == 0


def test_closing_the_register_ends_the_watching(qtbot, window, db: Database) -> None:
    """A restore closes the database before it replaces the file: nothing may hold it."""
    qtbot.waitUntil(lambda: rows(db) == 1, timeout=WITHIN)
    db.close()
    assert not window.remote_changes.running
    assert rows(db) == 0
