"""Settings: reference data edited in place, saved at once, bad values refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit
from sqlalchemy import select

from tests.ui.driving import click, key
from vrus.db.models import Ensemble, Instrument, Municipality, Organisation
from vrus.ui.members.members_model import COL_FLAGS
from vrus.ui.settings.reference_models import (
    ENS_MAX,
    INS_HARD,
    INS_TARGET,
    MUN_POPULATION,
    MUN_REGION,
    ORG_KIND,
    EnsemblesModel,
    InstrumentsModel,
    MunicipalitiesModel,
    OrganisationsModel,
)


@pytest.fixture
def settings_page(qtbot, members_window):
    members_window.show_section("settings")
    return members_window.settings_page


def show_tab(qtbot, page, editor):
    page.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(lambda: editor.model.rowCount() > 0)
    return editor


def cell(editor, column: int, text: str, text_column: int = 0):
    """The view's index in ``column`` of the row whose ``text_column`` shows ``text``."""
    proxy = editor.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, text_column).data() == text:
            return proxy.index(row, column)
    raise AssertionError(text)


def edit_cell(qtbot, editor, index, text: str) -> None:
    """Select the cell, press F2, type, press Enter: as a user edits a sheet."""
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(index)
    key(qtbot, view, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)
    key(qtbot, line, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_population_is_saved_and_a_bad_number_refused(qtbot, settings_page, db) -> None:
    editor = show_tab(qtbot, settings_page, settings_page.municipalities)
    index = cell(editor, MUN_POPULATION, "3310", text_column=0)  # Hole, today's number
    edit_cell(qtbot, editor, index, "6 9x")
    assert editor.message.isVisible()
    assert editor.message.text().startswith("Population: ")
    assert "Nothing was saved" in editor.message.text()
    with db.sessions() as session:
        hole = session.scalars(select(Municipality).where(Municipality.number == "3310")).one()
        assert hole.population is None
    edit_cell(qtbot, editor, cell(editor, MUN_POPULATION, "3310"), "6912")
    assert editor.message.text() == "Saved."
    with db.sessions() as session:
        assert session.get(Municipality, hole.id).population == 6912


def test_region_flag_toggles_with_space(qtbot, settings_page, db) -> None:
    editor = show_tab(qtbot, settings_page, settings_page.municipalities)
    index = cell(editor, MUN_REGION, "3203")
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    key(qtbot, editor.view, Qt.Key.Key_Space)
    with db.sessions() as session:
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        assert asker.in_region is False


def test_instrument_target_and_hard_to_recruit(qtbot, settings_page, db) -> None:
    editor = show_tab(qtbot, settings_page, settings_page.instruments)
    edit_cell(qtbot, editor, cell(editor, INS_TARGET, "Oboe"), "3")
    editor.view.setCurrentIndex(cell(editor, INS_HARD, "Oboe"))
    key(qtbot, editor.view, Qt.Key.Key_Space)
    with db.sessions() as session:
        oboe = session.scalars(select(Instrument).where(Instrument.name_en == "Oboe")).one()
        assert (oboe.target_count, oboe.hard_to_recruit) == (3, False)
    edit_cell(qtbot, editor, cell(editor, INS_TARGET, "Oboe"), "500")
    assert "between 0 and 200" in editor.message.text()


def test_age_limit_change_changes_the_flags_in_the_members_view(
    qtbot, settings_page, members_window, db, register
) -> None:
    page = members_window.members_page
    row = page.model.row_of(register.ids["eldar"])
    assert page.model.index(row, COL_FLAGS).data() == "Above the age limit"
    editor = show_tab(qtbot, settings_page, settings_page.ensembles)
    edit_cell(qtbot, editor, cell(editor, ENS_MAX, "Ungdomssymfonikerne"), "20")
    with db.sessions() as session:
        assert (
            session.scalars(select(Ensemble.max_age).where(Ensemble.short_name == "ungdom")).one()
            == 20
        )
    row = page.model.row_of(register.ids["eldar"])
    assert page.model.index(row, COL_FLAGS).data() == "Ages out after the season"
    edit_cell(qtbot, editor, cell(editor, ENS_MAX, "Ungdomssymfonikerne"), "9")
    assert "lower limit 13 is above the upper 9" in editor.message.text()


def test_add_and_edit_an_organisation(qtbot, settings_page, db) -> None:
    editor = show_tab(qtbot, settings_page, settings_page.organisations)
    click(qtbot, editor.add_button)
    dialog = editor.dialog
    qtbot.keyClicks(dialog.findChild(QLineEdit, "name"), "Asker kulturskole")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error_for("name").isVisible()  # the name exists
    name = dialog.findChild(QLineEdit, "name")
    name.clear()
    qtbot.keyClicks(name, "Ås kulturskole")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert editor.view.currentIndex().data() == "Ås kulturskole"
    # Change its kind with the drop-down list in the cell.
    index = cell(editor, ORG_KIND, "Ås kulturskole")
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    key(qtbot, editor.view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    qtbot.keyClicks(combo, "Part")  # Partner
    with db.sessions() as session:
        row = session.scalars(
            select(Organisation).where(Organisation.name == "Ås kulturskole")
        ).one()
        assert row.kind == "partner"


def test_kind_filter_shows_culture_schools(qtbot, settings_page) -> None:
    editor = show_tab(qtbot, settings_page, settings_page.organisations)
    everyone = editor.proxy.rowCount()
    editor.kind.setCurrentIndex(editor.kind.findData("culture_school"))
    kinds = {editor.proxy.index(r, ORG_KIND).data() for r in range(editor.proxy.rowCount())}
    assert kinds == {"Culture school"}
    assert 0 < editor.proxy.rowCount() < everyone


def test_header_click_sorts_names_in_norwegian_order(qtbot, settings_page) -> None:
    from tests.ui.driving import click_header

    editor = show_tab(qtbot, settings_page, settings_page.organisations)
    click_header(qtbot, editor.view.horizontalHeader(), 0)
    shown = [editor.proxy.index(r, 0).data() for r in range(editor.proxy.rowCount())]
    assert shown[-1] == "Øvre Eiker kulturskole"
    assert shown.index("Vestregionen") < shown.index("Øvre Eiker kulturskole")


@pytest.mark.parametrize(
    "model_class", [MunicipalitiesModel, InstrumentsModel, EnsemblesModel, OrganisationsModel]
)
def test_reference_models_pass_the_model_tester(qtmodeltester, db, model_class) -> None:
    import datetime as dt

    model = (
        model_class(db, lambda: dt.date(2026, 1, 1))
        if model_class is OrganisationsModel
        else model_class(db)
    )
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
