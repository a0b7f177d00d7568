"""A name is shown as it was written, never read as markup: a person called "<b>Ola</b>"
reads "<b>Ola</b>" in every label and message box of the window (``plain_text.py``)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.factories import add_person
from tests.ui.driving import select_row_of
from vrus.db.models import Event, EventDay, Season
from vrus.ui.common.confirm import ask
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.main_window import SECTION_KEYS

FIRST, LAST = "<b>Ola</b>", "<i>Nordmann</i>"
FULL = f"{FIRST} {LAST}"
PLAIN = Qt.TextFormat.PlainText
# The one label that shows markup on purpose: links to possible duplicates, names escaped.
RICH_ON_PURPOSE = {"duplicateWarning"}


def answer_recording(seen: list[dict[str, object]], button_text: str = "Cancel") -> None:
    """Note what the next modal message box shows and how, then press ``button_text``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append({"text": label.text(), "format": label.textFormat(), "box": box.textFormat()})
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return

    QTimer.singleShot(0, answer)


def test_ask_shows_the_text_as_written(qtbot) -> None:
    seen: list[dict[str, object]] = []
    answer_recording(seen)
    assert ask(None, "Remove", f"Remove {FULL}?", "Remove", destructive=True) is False
    assert seen == [{"text": f"Remove {FULL}?", "format": PLAIN, "box": PLAIN}]


def test_the_confirm_box_of_a_person_named_in_markup(qtbot, db, members_window) -> None:
    person = add_person(db, FIRST, LAST, dt.date(2012, 4, 4))
    page = members_window.members_page
    page.refresh()
    select_row_of(qtbot, page, person)
    seen: list[dict[str, object]] = []
    answer_recording(seen)
    page.anonymise_current()
    assert len(seen) == 1
    assert FULL in str(seen[0]["text"])  # the tags themselves, not bold and italic text
    assert seen[0]["format"] == PLAIN and seen[0]["box"] == PLAIN
    assert page.current_person() == person  # cancelled: still there


@pytest.fixture
def marked_up(db, register) -> int:
    """The register of the window tests, plus a person and an event named in markup."""
    person = add_person(db, FIRST, LAST, dt.date(2012, 4, 4))
    with db.transaction() as session:
        season = Season(name="2026", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31))
        event = Event(season=season, kind="seminar", title="<u>Helgeseminar</u>")
        session.add_all([season, event, EventDay(event=event, date=dt.date(2026, 12, 5))])
    return person


def test_every_label_in_the_window_is_plain_text(qtbot, make_window, marked_up: int) -> None:
    from tests.ui.helpers import TODAY

    window = make_window(today=TODAY)
    window.resize(1280, 800)
    for key in SECTION_KEYS:
        window.show_section(key)
        qtbot.wait(20)
    window.show_section("members")
    page = window.members_page
    page.refresh()
    page.open_person(marked_up)  # the editor, with its title, banner and panels
    qtbot.waitUntil(page.editor.isVisible)
    # The window's own labels only: QApplication.allWidgets() also hands back widgets of
    # earlier tests that are being deleted, and touching one of those crashed a CI run.
    labels = window.findChildren(QLabel)
    # The labels that show something looking like markup: text from the register.
    showing = [label for label in labels if "<" in label.text()]
    assert any(FULL in label.text() for label in showing)  # the editor's title, at least
    markup = [
        (label.objectName(), label.text())
        for label in showing
        if label.textFormat() != PLAIN and label.objectName() not in RICH_ON_PURPOSE
    ]
    assert markup == [], "\n".join(map(repr, markup))


def test_the_editor_title_reads_the_name_as_written(qtbot, db, members_window) -> None:
    person = add_person(db, FIRST, LAST, dt.date(2012, 4, 4))
    page = members_window.members_page
    page.refresh()
    select_row_of(qtbot, page, person)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editor.person_id == person
    assert page.editor.title.text() == FULL
    assert page.editor.title.textFormat() == PLAIN


def test_the_duplicate_warning_escapes_the_names_it_links(qtbot, db, members_window) -> None:
    add_person(db, FIRST, LAST, dt.date(2012, 4, 4))
    page = members_window.members_page
    page.new_person()
    dialog = page.dialog
    dialog.first_name.setText(FIRST)
    dialog.last_name.setText(LAST)
    dialog.birth_date.setText("04.04.2012")
    dialog.ok_button.click()
    label = dialog.duplicates
    assert label.isVisible() and label.textFormat() == Qt.TextFormat.RichText
    assert html.escape(FULL) in label.text() and FULL not in label.text()
    # The link still leads to the person: only the name is escaped.
    assert re.search(r'<a href="\d+">', label.text())


def test_a_tooltip_is_escaped_only_when_it_looks_like_markup() -> None:
    assert plain_tooltip("Kari Nordmann") == "Kari Nordmann"
    escaped = plain_tooltip(FULL)
    assert "&lt;b&gt;Ola&lt;/b&gt;" in escaped and "<b>" not in escaped


def test_no_label_or_message_box_is_made_without_the_helpers() -> None:
    """A new label or box made directly would show the register's text as markup."""
    root = Path(__file__).resolve().parents[2] / "vrus" / "ui"
    made = re.compile(
        r"(?<![\w.])QLabel\(|(?<![\w.])QMessageBox\("
        r"|QMessageBox\.(critical|warning|information|question|about)\("
    )
    allowed = {
        ("common/plain_text.py", "QLabel("),
        ("common/plain_text.py", "QMessageBox("),
        ("members/new_person_dialog.py", "QLabel("),  # rich text, names escaped (tested above)
    }
    found = sorted(
        (str(path.relative_to(root)), match.group(0))
        for path in root.rglob("*.py")
        for match in made.finditer(path.read_text(encoding="utf-8"))
        if (str(path.relative_to(root)), match.group(0)) not in allowed
    )
    assert found == []
