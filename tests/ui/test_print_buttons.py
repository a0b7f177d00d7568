"""The Print buttons of the Lunch, Events and Members views: each makes a real PDF off the
GUI thread (a busy bar meanwhile), writes it to a private file and asks the system to open
it. The viewer is a fake (``QDesktopServices.openUrl`` replaced): nothing opens for real."""

from __future__ import annotations

import stat
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.events_support import build_page
from tests.ui.lunch_support import (
    DEMO_TODAY,
    build_lunch_page,
    fake_viewer,
    load_demo_season,
    pdf_text,
)
from vrus.seasons import list_events
from vrus.ui.files import printing
from vrus.ui.files.printing import Document, PrintButton


@pytest.fixture
def viewer(monkeypatch, tmp_path):
    return fake_viewer(monkeypatch, tmp_path)


@pytest.fixture
def demo(db):
    load_demo_season(db)
    with db.sessions() as session:
        return {e.title: e.id for e in list_events(session, 2026, DEMO_TODAY)}


def wait_opened(qtbot, viewer, count: int = 1):
    qtbot.waitUntil(lambda: len(viewer.urls) >= count, timeout=10_000)
    return viewer.paths[count - 1]


def test_lunch_sheet_opens_as_pdf(qtbot, db, demo, viewer) -> None:
    page = build_lunch_page(qtbot, db)
    assert page.print_sheet.button.isEnabled()
    qtbot.mouseClick(page.print_sheet.button, Qt.MouseButton.LeftButton)
    path = wait_opened(qtbot, viewer)
    assert path.parent == viewer.folder
    assert path.name == "lunsj-helgeseminar-9-2026-12-05.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it lists children's allergies
    title, text, pages = pdf_text(path)
    assert title == "Lunsjliste – Helgeseminar 9"
    allergic = page.day_panels[0].day.allergies[0]
    assert allergic.name in text
    assert f"{page.day_panels[0].day.count.total} lunsjer" in text
    assert pages == len(page.day_panels)  # a page per day
    qtbot.waitUntil(lambda: not page.print_sheet.busy.isVisible())
    assert page.print_sheet.button.isEnabled()
    assert page.print_sheet.status.text() == f"Opened {path.name}"


def test_season_roster_opens_as_pdf(qtbot, db, demo, viewer) -> None:
    page = build_lunch_page(qtbot, db)
    page.print_roster.action("open_roster").trigger()
    path = wait_opened(qtbot, viewer)
    assert path.name == "vaktliste-2026.pdf"
    title, text, _pages = pdf_text(path)
    assert title == "Vaktliste 2026"
    duty = page.day_panels[0].day.duties[0]
    assert duty.name in text and duty.phone in text


@pytest.mark.parametrize(
    ("variant", "title", "prefix"),
    [
        ("attendance", "Oppmøteliste – Helgeseminar 9", "oppmote-"),
        ("attendance_by_section", "Oppmøteliste – Helgeseminar 9", "oppmote-per-gruppe-"),
        ("sign_in", "Innsjekking – Helgeseminar 9", "innsjekk-"),
    ],
)
def test_event_lists_open_as_pdf(qtbot, db, demo, viewer, variant, title, prefix) -> None:
    page = build_page(qtbot, db, DEMO_TODAY)
    page.select_event(demo["Helgeseminar 9"])
    assert page.print_button.button.isEnabled()
    page.print_button.action(f"open_{variant}").trigger()
    path = wait_opened(qtbot, viewer)
    assert path.name == f"{prefix}helgeseminar-9-2026-12-05.pdf"
    pdf_title, text, _pages = pdf_text(path)
    assert pdf_title == title
    assert "Aas, Henrik" in text  # a junior, invited to the seminar


def test_event_print_menu_names_the_three_lists(qtbot, db, demo) -> None:
    page = build_page(qtbot, db, DEMO_TODAY)
    texts = [a.text() for a in page.print_button.menu.actions() if a.text()]
    assert texts[:3] == [
        "Open the attendance list as PDF",
        "Open the attendance lists per section as PDF",
        "Open the sign-in sheet as PDF",
    ]
    assert "Send the sign-in sheet to a printer…" in texts
    assert "Save the attendance list as PDF…" in texts


def test_contact_list_for_the_ensemble_in_the_filter(qtbot, db, demo, viewer, make_window) -> None:
    window = make_window(today=DEMO_TODAY)
    members = window.members_page
    combo = members.filters.ensemble
    combo.setCurrentIndex(combo.findText("Juniorsymfonikerne"))
    members.print_contacts.action("open_contacts").trigger()
    path = wait_opened(qtbot, viewer)
    assert path.name == "kontaktliste-juniorsymfonikerne-2026-11-26.pdf"
    title, text, _pages = pdf_text(path)
    assert title == "Kontakt- og nødliste – Juniorsymfonikerne"
    assert "Aas, Henrik" in text
    assert "Ungdomssymfonikerne (" not in text  # only the ensemble chosen
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Opened {path}")

    combo.setCurrentIndex(0)  # all ensembles
    qtbot.mouseClick(members.print_contacts.button, Qt.MouseButton.LeftButton)
    path = wait_opened(qtbot, viewer, 2)
    assert pdf_text(path)[0] == "Kontakt- og nødliste – Alle ensembler"


def test_save_as_writes_where_the_user_chose(
    qtbot, db, demo, viewer, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "chosen" / "lunsj"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    page = build_lunch_page(qtbot, db)
    with qtbot.waitSignal(page.print_sheet.saved, timeout=10_000) as saved:
        page.print_sheet.action("save_lunch").trigger()
    assert saved.args == [str(target.with_suffix(".pdf"))]
    assert pdf_text(target.with_suffix(".pdf"))[0] == "Lunsjliste – Helgeseminar 9"
    assert viewer.urls == []  # saved, not opened


def test_cancelled_save_makes_nothing(qtbot, db, demo, viewer, monkeypatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: ("", ""))
    )
    page = build_lunch_page(qtbot, db)
    page.print_sheet.action("save_lunch").trigger()
    assert not page.print_sheet.running
    assert list(viewer.folder.iterdir()) == []


def test_busy_while_the_pdf_is_made_then_opened(qtbot, db, viewer) -> None:
    release, started = threading.Event(), threading.Event()

    def slow(_session):
        started.set()
        release.wait(10)
        return b"%PDF-1.4\n%%EOF\n", "slow.pdf"

    button = PrintButton(
        db, "Print", [Document("slow", "the slow list", lambda: slow)], name="slowPrint"
    )
    qtbot.addWidget(button)
    button.show()
    qtbot.mouseClick(button.button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    assert button.busy.isVisible() and not button.button.isEnabled()
    assert button.status.text() == "Making the PDF…"
    button.open_pdf("slow")  # a second click while busy starts nothing
    release.set()
    path = wait_opened(qtbot, viewer)
    assert path.name == "slow.pdf"
    qtbot.waitUntil(lambda: not button.running)
    assert not button.busy.isVisible() and button.button.isEnabled()
    assert len(viewer.urls) == 1


def test_a_failure_is_said_and_nothing_opens(qtbot, db, viewer) -> None:
    def broken(_session):
        raise RuntimeError("disk on fire")

    button = PrintButton(
        db, "Print", [Document("bad", "the list", lambda: broken)], name="badPrint"
    )
    qtbot.addWidget(button)
    with qtbot.waitSignal(button.finished, timeout=10_000):
        button.open_pdf("bad")
    box = button.message_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("The PDF could not be made.")
    assert "disk on fire" not in box.text()  # the details go to the log
    assert viewer.urls == [] and button.button.isEnabled()
    box.accept()


def test_no_viewer_says_where_the_file_is(qtbot, db, demo, viewer, monkeypatch) -> None:
    monkeypatch.setattr(printing, "open_in_viewer", lambda path: False)
    page = build_lunch_page(qtbot, db)
    with qtbot.waitSignal(page.print_sheet.finished, timeout=10_000):
        qtbot.mouseClick(page.print_sheet.button, Qt.MouseButton.LeftButton)
    box = page.print_sheet.message_box
    assert "No PDF viewer could be started" in box.text()
    assert str(viewer.folder / "lunsj-helgeseminar-9-2026-12-05.pdf") in box.text()
    box.accept()


def test_nothing_to_print_without_a_chosen_event(qtbot, db, viewer) -> None:
    page = build_page(qtbot, db, DEMO_TODAY)  # no events at all
    assert not page.print_button.button.isEnabled()
    page.print_button.action("open_attendance").trigger()
    assert not page.print_button.running and viewer.urls == []
