"""Help where it is needed: the Help menu's user guide (F1, offline, in the window's language)
and About VRUS; the tooltips that say what an age flag means and how a report's computed
figure is computed."""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu

import vrus
from tests.ui.helpers import TODAY
from tests.ui.lunch_support import DEMO_TODAY, load_demo_season
from vrus.ages import AgeFlag
from vrus.backup_files import backup_dir
from vrus.logsetup import log_file
from vrus.reports import build_report
from vrus.reports.language import Translator
from vrus.reports.tables import Kind
from vrus.seasons import list_events
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.labels import flag_label
from vrus.ui.common.options import LANGUAGE, LANGUAGES
from vrus.ui.help.guide_window import GuideWindow
from vrus.ui.help.help_actions import GUIDE_SECTIONS, guide_path
from vrus.ui.main_window import MainWindow
from vrus.ui.members.age_panel import COL_FLAGS as AGE_COL_FLAGS
from vrus.ui.members.members_model import (
    COL_FLAGS,
    FLAG_EXPLANATIONS,
    MembersModel,
    flag_explanation,
)
from vrus.ui.reports.column_tips import EXPLANATIONS, explanation, explanation_key
from vrus.ui.reports.report_models import ReportTableModel
from vrus.ui.reports.reports_page import KINDS, ReportsPage

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
HORIZONTAL = Qt.Orientation.Horizontal
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def plain(tooltip: str) -> str:
    """A rich-text tooltip as the words it shows."""
    return html.unescape(re.sub(r"<[^>]+>", " ", tooltip))


def words(text: str) -> str:
    return " ".join(text.split())


# --- The guide's files -----------------------------------------------------------------------


@dataclass
class Guide:
    headings: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (tag, text)
    links: list[str] = field(default_factory=list)  # every href, in order
    index: list[str] = field(default_factory=list)  # the hrefs before the first section


class GuideParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.guide = Guide()
        self._heading: tuple[str, str] | None = None  # (tag, id)
        self._text: list[str] = []
        self._sections_begun = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("h1", "h2", "h3") and found.get("id"):
            self._heading, self._text = (tag, found["id"] or ""), []
            self._sections_begun = self._sections_begun or tag == "h2"
        if tag == "a" and found.get("href") is not None:
            href = found["href"] or ""
            self.guide.links.append(href)
            if not self._sections_begun:
                self.guide.index.append(href)

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == self._heading[0]:
            tag_name, anchor = self._heading
            self.guide.headings[anchor] = (tag_name, words("".join(self._text)))
            self._heading = None


def read_guide(language: str) -> Guide:
    parser = GuideParser()
    parser.feed(guide_path(language).read_text(encoding="utf-8"))
    return parser.guide


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_own_guide(language: str) -> None:
    path = guide_path(language)
    assert path.name == f"guide_{language}.html"
    assert path.is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_has_every_required_section_in_its_index(language: str) -> None:
    guide = read_guide(language)
    for anchor in GUIDE_SECTIONS:
        assert anchor in guide.headings, f"guide_{language}.html has no section {anchor!r}"
        assert guide.headings[anchor][0] == "h2"
        assert f"#{anchor}" in guide.index, f"the index does not link to {anchor!r}"
    # Every section and subsection is in the index at the top, in the order of the text.
    sections = [f"#{a}" for a, (tag, _) in guide.headings.items() if tag in ("h2", "h3")]
    assert guide.index == sections


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_stays_inside_the_guide_and_resolves(language: str) -> None:
    guide = read_guide(language)
    assert guide.links, "a guide without links has no index"
    for href in guide.links:
        # Offline: no link leaves the page (no scheme, no other file).
        assert href.startswith("#"), f"guide_{language}.html links out of itself: {href}"
        assert href[1:] in guide.headings, f"guide_{language}.html: {href} leads nowhere"


def test_both_guides_have_the_same_sections() -> None:
    shapes = {
        language: [(a, tag) for a, (tag, _) in read_guide(language).headings.items()]
        for language in LANGUAGES
    }
    assert shapes["nb"] == shapes["en"]


# --- The guide's window ----------------------------------------------------------------------


def help_menu(window: MainWindow) -> QMenu:
    (menu,) = [entry.menu() for entry in window.menuBar().actions() if entry.text() == "&Help"]
    return menu


def press_f1(qtbot, window: MainWindow) -> GuideWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_actions.guide_window
    assert guide is not None
    qtbot.waitExposed(guide)
    return guide


def heading_block(document: QTextDocument, text: str) -> QTextBlock:
    """The block of the heading that reads ``text`` (the index's link to it reads the same)."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and words(block.text()) == text:
            return block
        block = block.next()
    raise AssertionError(f"no heading {text!r}")


def heading_in_view(guide: GuideWindow, text: str) -> bool:
    block = heading_block(guide.browser.document(), text)
    rect = guide.browser.cursorRect(QTextCursor(block))
    return guide.browser.viewport().rect().contains(rect.center())


def test_f1_opens_the_bokmal_guide_from_the_shipped_file(qtbot, window) -> None:
    guide = press_f1(qtbot, window)
    assert guide.isVisible()
    assert guide.windowTitle() == "VRUS user guide"
    source: QUrl = guide.browser.source()
    # A local file, shipped with VRUS: nothing comes from a network.
    assert source.isLocalFile()
    assert Path(source.toLocalFile()) == guide_path("nb")  # the window's language setting
    text = guide.browser.toPlainText()
    assert text.startswith("Brukerveiledning for VRUS")
    for anchor in GUIDE_SECTIONS:
        assert read_guide("nb").headings[anchor][1] in text


def test_the_help_menu_opens_the_same_guide_window_again(qtbot, window) -> None:
    menu = help_menu(window)
    guide_action, about_action = menu.actions()
    assert guide_action.text() == "&User guide"
    assert guide_action.shortcut().toString() == "F1"
    assert about_action.text() == "&About VRUS"
    guide_action.trigger()
    first = window.help_actions.guide_window
    assert first is not None and first.isVisible()
    first.close()
    assert not first.isVisible()
    guide_action.trigger()
    assert window.help_actions.guide_window is first
    assert first.isVisible()


def test_the_english_window_shows_the_english_guide(qtbot, settings, make_window) -> None:
    settings.set(LANGUAGE, "en")
    window = make_window()
    guide = press_f1(qtbot, window)
    assert Path(guide.browser.source().toLocalFile()) == guide_path("en")
    text = guide.browser.toPlainText()
    assert text.startswith("VRUS user guide")
    assert "Brukerveiledning" not in text
    for anchor in GUIDE_SECTIONS:
        assert read_guide("en").headings[anchor][1] in text


def test_clicking_a_link_of_the_index_shows_its_section(qtbot, window) -> None:
    guide = press_f1(qtbot, window)
    guide.resize(700, 500)
    heading = read_guide("nb").headings["backups"][1]
    assert not heading_in_view(guide, heading)
    # The index's link: the first place its words occur, above the section itself.
    found = guide.browser.document().find(heading)
    assert found.charFormat().anchorHref() == "#backups"
    inside = QTextCursor(guide.browser.document())
    inside.setPosition(found.selectionStart() + 2)
    rect = guide.browser.cursorRect(inside)
    qtbot.mouseClick(
        guide.browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x(), rect.center().y())
    )
    qtbot.waitUntil(lambda: guide.browser.source().fragment() == "backups")
    assert heading_in_view(guide, heading)
    # Back returns to the index.
    assert guide.back_button.isEnabled()
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not heading_in_view(guide, heading))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_of_the_guide_can_be_shown(qtbot, language: str) -> None:
    guide = GuideWindow(guide_path(language))
    qtbot.addWidget(guide)
    guide.resize(700, 500)
    guide.show()
    qtbot.waitExposed(guide)
    for anchor, (_tag, text) in read_guide(language).headings.items():
        guide.show_section(anchor)
        assert heading_in_view(guide, text), anchor
    guide.show_contents()
    assert guide.browser.verticalScrollBar().value() == 0


def test_searching_the_guide_marks_and_moves_between_the_places(qtbot, window) -> None:
    guide = press_f1(qtbot, window)
    qtbot.keyClicks(guide.search_field, "sikkerhetskopi")
    plain_text = guide.browser.toPlainText().lower()
    count = plain_text.count("sikkerhetskopi")
    assert count > 2
    assert guide.found == count
    assert len(guide.browser.extraSelections()) == count
    assert guide.search_status.text() == f"1 of {count}"
    assert guide.browser.textCursor().selectedText().lower() == "sikkerhetskopi"
    first = guide.browser.textCursor().selectionStart()
    qtbot.keyClick(guide.search_field, Qt.Key.Key_Return)
    assert guide.search_status.text() == f"2 of {count}"
    assert guide.browser.textCursor().selectionStart() > first
    qtbot.keyClick(guide.search_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert guide.search_status.text() == f"1 of {count}"
    assert guide.browser.textCursor().selectionStart() == first
    guide.search_field.setText("xyzzy")
    assert guide.found == 0
    assert guide.search_status.text() == "Not found"
    assert guide.browser.extraSelections() == []


def test_escape_closes_the_guide(qtbot, window) -> None:
    guide = press_f1(qtbot, window)
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    qtbot.keyClick(guide.browser, Qt.Key.Key_Escape)
    assert not guide.isVisible()


# --- About VRUS ------------------------------------------------------------------------------


def test_about_names_the_version_licence_and_where_the_data_lives(
    qtbot, window, db, settings
) -> None:
    help_menu(window).actions()[1].trigger()
    about = window.help_actions.about_dialog
    assert about is not None
    qtbot.waitExposed(about)
    assert about.windowTitle() == "About VRUS"
    assert about.version.text() == vrus.__version__
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["license"]
    assert about.licence.text() == declared["text"]
    assert about.register.text() == db.display_name
    assert about.backups is not None and about.backups.text() == str(backup_dir(db))
    assert about.log.text() == str(log_file())
    assert about.settings.text() == settings.location


# --- Flags -----------------------------------------------------------------------------------


def test_every_age_flag_has_its_own_explanation(qapp) -> None:
    assert set(FLAG_EXPLANATIONS) == set(AgeFlag)
    texts = [flag_explanation(flag) for flag in AgeFlag]
    assert all(len(text) > 40 for text in texts)
    assert len(set(texts)) == len(texts)


def test_the_flags_of_a_member_explain_themselves(qapp, db, register) -> None:
    model = MembersModel(db, today=TODAY)
    model.refresh()
    rows = {model.person_id(row): row for row in range(model.rowCount())}
    # Åse (junior, 13 in 2026) ages out of the juniors and may move up; Eldar (20) is above.
    for key, flags in (
        ("aase", [AgeFlag.AGES_OUT, AgeFlag.MAY_MOVE_UP]),
        ("eldar", [AgeFlag.ABOVE_MAXIMUM]),
    ):
        tooltip = model.index(rows[register.ids[key]], COL_FLAGS).data(TOOLTIP)
        shown = words(plain(tooltip))
        for flag in flags:
            assert flag_label(flag) in shown
            assert words(flag_explanation(flag)) in shown
        for other in set(AgeFlag) - set(flags):
            assert words(flag_explanation(other)) not in shown
    unflagged = model.index(rows[register.ids["thi"]], COL_FLAGS)
    assert unflagged.data(TOOLTIP) is None
    header = model.headerData(COL_FLAGS, HORIZONTAL, TOOLTIP)
    assert "age limits" in header and "Red" in header


def test_the_age_panel_and_the_flag_filter_explain_the_flags(
    qtbot, members_window, register
) -> None:
    page = members_window.members_page
    page.tabs.setCurrentWidget(page.age_panel)
    panel = page.age_panel
    qtbot.waitUntil(lambda: not panel.loading)
    outside = panel.models["outside_limits"]
    tooltip = outside.index(0, AGE_COL_FLAGS).data(TOOLTIP)
    assert words(flag_explanation(AgeFlag.ABOVE_MAXIMUM)) in words(plain(tooltip))
    combo = page.filters.flags
    for flag in AgeFlag:
        item = combo.findData(flag.value)
        assert combo.itemData(item, TOOLTIP) == flag_explanation(flag)


# --- Computed report columns -----------------------------------------------------------------


@pytest.fixture
def demo(db) -> list[int]:
    """The demo register; the ids of the 2026 season's weekend seminars."""
    load_demo_season(db)
    with db.sessions() as session:
        return [e.id for e in list_events(session, 2026, DEMO_TODAY) if e.kind == "seminar"]


COMPUTED_KINDS = (Kind.NUMBER, Kind.PERCENT)  # a fraction or an average: computed by nature


def test_every_computed_report_column_says_how_it_is_computed(qapp, db, demo) -> None:
    tr = Translator("en")
    used: set[tuple[str, str]] = set()
    with db.sessions() as session:
        reports = [
            build_report(
                session, kind, today=DEMO_TODAY, event_ids=demo[:2] if kind == "course" else ()
            )
            for kind in KINDS
        ]
    for report in reports:
        for table in report.tables:
            model = ReportTableModel(table, tr)
            for number, column in enumerate(table.columns):
                heading = tr(column.label)
                tooltip = model.headerData(number, HORIZONTAL, TOOLTIP)
                explained = explanation(table, column)
                where = f"{report.kind}/{table.key}: {heading!r}"
                if column.kind in COMPUTED_KINDS:
                    assert explained is not None, f"{where} is computed but not explained"
                if explained is None:
                    assert tooltip == heading, where  # a plain column: its whole heading
                    continue
                used.add(explanation_key(table, column))
                shown = words(plain(tooltip))
                assert shown.startswith(words(heading)), where
                assert words(explained) in shown, where
                assert "{" not in shown, f"{where}: a value was not filled in"
    # Every explanation belongs to a column some report has: none is left over or misspelt.
    assert set(EXPLANATIONS) - used == set()


def test_the_age_band_explanation_names_the_ensemble_and_its_ages(qapp, db, demo) -> None:
    with db.sessions() as session:
        report = build_report(session, "coverage", today=DEMO_TODAY)
    table = report.table("municipalities")
    banded = [c for c in table.columns if "per 1 000 aged" in str(c.label)]
    assert banded
    for column in banded:
        label = column.label
        while label.params.get("label") is not None:  # "… (2026)": the year around it
            label = label.params["label"]
        explained = explanation(table, column)
        assert label.params["ensemble"] in explained
        assert f"{label.params['low']}–{label.params['high']}" in explained


def test_the_reports_page_shows_the_explanation_over_a_heading(qtbot, db, demo) -> None:
    changes = RegisterChanges()
    page = ReportsPage(db, changes, title="Reports", language="en", today=lambda: DEMO_TODAY)
    changes.setParent(page)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None and not page.building, timeout=20_000)
    model = page.table_model("municipalities")
    view = page.tabs.views[page.tabs.models.index(model)]
    column = next(
        number
        for number, spec in enumerate(model.table.columns)
        if str(spec.label) == "Per 10 000 inhabitants"
    )
    tooltip = view.model().headerData(column, HORIZONTAL, TOOLTIP)
    assert words(explanation(model.table, model.table.columns[column])) in words(plain(tooltip))
    assert "Total ÷ inhabitants × 10 000" in words(plain(tooltip))
