"""The Members view driven like a user: search as you type, filters, header sorting, keys."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from sqlalchemy import select

from tests.ui.driving import click_header, focus, key, names, select_row_of
from vrus.db.models import Municipality
from vrus.persons import update_person
from vrus.ui.members.members_model import COL_AGE, COL_FLAGS, COL_INSTRUMENT, COL_LAST_NAME

ALL = [
    "Zoë Aas",
    "Åsmund Berg",
    "Thi Nguyễn",
    "Eldar Zahl",
    "Łukasz Ærlig",
    "Åse Ødegård",
    "Øystein Østby",
]


def test_list_is_in_norwegian_order_with_former_members(members_window) -> None:
    page = members_window.members_page
    assert not page.showing_welcome
    assert names(page.table) == ALL
    assert page.count_label.text() == "7 shown"


def test_typing_in_search_filters_the_rows(qtbot, members_window) -> None:
    page = members_window.members_page
    search = page.filters.search
    qtbot.keyClicks(search, "nguyen")  # no accents typed, Nguyễn found
    assert names(page.table) == ["Thi Nguyễn"]
    search.clear()
    qtbot.keyClicks(search, "ø")
    assert names(page.table) == ["Åse Ødegård", "Øystein Østby"]  # Ø is not O
    qtbot.keyClicks(search, "d")
    assert names(page.table) == ["Åse Ødegård"]
    search.clear()
    qtbot.keyClicks(search, "ÅS")
    assert names(page.table) == ["Åsmund Berg", "Åse Ødegård"]
    search.clear()
    qtbot.keyClicks(search, "lukasz aer")  # Ł as L; every word starts a name
    assert names(page.table) == []  # Æ is its own letter, not "ae"
    search.clear()
    qtbot.keyClicks(search, "lukasz æ")
    assert names(page.table) == ["Łukasz Ærlig"]
    assert page.count_label.text() == "1 shown"
    search.clear()
    assert names(page.table) == ALL


def test_ctrl_f_focuses_the_search_from_anywhere(qtbot, members_window) -> None:
    page = members_window.members_page
    members_window.show_section("settings")
    key(qtbot, members_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert members_window.current_section() == "members"
    qtbot.waitUntil(page.filters.search.hasFocus)
    qtbot.keyClicks(page.filters.search, "zahl")
    assert names(page.table) == ["Eldar Zahl"]


def test_header_click_sorts_in_sql_norwegian_order(qtbot, members_window) -> None:
    page = members_window.members_page
    header = page.table.horizontalHeader()
    click_header(qtbot, header, COL_LAST_NAME)  # already ascending: now descending
    assert names(page.table) == list(reversed(ALL))
    click_header(qtbot, header, COL_LAST_NAME)
    assert names(page.table) == ALL
    assert [n.split()[-1] for n in names(page.table)][-3:] == ["Ærlig", "Ødegård", "Østby"]
    click_header(qtbot, header, COL_AGE)
    ages = [page.model.index(r, COL_AGE).data() for r in range(page.model.rowCount())]
    assert ages == ["8", "10", "13", "16", "18", "19", "20"]
    click_header(qtbot, header, COL_INSTRUMENT)  # score order: strings first
    instruments = [page.model.index(r, COL_INSTRUMENT).data() for r in range(page.model.rowCount())]
    assert instruments[:4] == ["Violin", "Violin", "Viola", "Cello"]  # English window
    click_header(qtbot, header, COL_FLAGS)
    assert names(page.table)[0] == "Eldar Zahl"  # above the limit comes first


def test_filters_for_ensemble_section_status_and_flags(qtbot, members_window) -> None:
    page = members_window.members_page
    bar = page.filters

    def choose(combo, text: str) -> None:
        index = combo.findText(text, Qt.MatchFlag.MatchContains)
        assert index > 0, text
        combo.setCurrentIndex(index)

    choose(bar.ensemble, "Juniorsymfonikerne")
    assert names(page.table) == ["Łukasz Ærlig", "Åse Ødegård"]
    choose(bar.instrument, "Strings")
    assert names(page.table) == ["Åse Ødegård"]
    bar.ensemble.setCurrentIndex(0)
    assert names(page.table) == ["Zoë Aas", "Åsmund Berg", "Thi Nguyễn", "Åse Ødegård"]
    bar.instrument.setCurrentIndex(0)
    choose(bar.status, "Former")
    assert names(page.table) == ["Øystein Østby"]
    bar.status.setCurrentIndex(0)
    choose(bar.flags, "Ages out after the season")
    assert names(page.table) == ["Zoë Aas", "Åse Ødegård"]
    choose(bar.flags, "Outside the age limits")
    assert names(page.table) == ["Eldar Zahl"]
    assert page.model.index(0, COL_FLAGS).data() == "Above the age limit"


def test_enter_opens_the_selected_person_and_escape_closes(qtbot, members_window, register) -> None:
    page = members_window.members_page
    select_row_of(qtbot, page, register.ids["thi"])
    key(qtbot, page.table, Qt.Key.Key_Return)
    assert page.editor.isVisible()
    assert page.editor.person_id == register.ids["thi"]
    assert page.editor.title.text() == "Thi Nguyễn"
    assert page.editor.fields["first_name"].editor.hasFocus()
    key(qtbot, page.editor.fields["first_name"].editor, Qt.Key.Key_Escape)
    assert not page.editor.isVisible()
    assert page.table.hasFocus()


def test_search_keeps_the_open_person_selected(qtbot, members_window, register) -> None:
    page = members_window.members_page
    page.open_person(register.ids["aase"])
    focus(qtbot, page.filters.search)
    qtbot.keyClicks(page.filters.search, "å")
    assert names(page.table) == ["Åsmund Berg", "Åse Ødegård"]
    assert page.selected_ids() == [register.ids["aase"]]


def test_members_view_in_bokmal(qapp, make_window, register) -> None:
    from tests.ui.helpers import TODAY
    from vrus.ui import i18n

    locale = QLocale()
    translators = i18n.install_translators(qapp, "nb")
    try:
        window = make_window(today=TODAY)
        page = window.members_page
        headers = [
            page.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(page.model.columnCount())
        ]
        assert headers[:4] == ["Etternavn", "Fornavn", "Alder", "Merknader"]
        flags = {page.model.index(r, COL_FLAGS).data() for r in range(page.model.rowCount())}
        assert flags == {
            "",
            "Går ut etter sesongen",
            "Over aldersgrensen",
            "Går ut etter sesongen, Kan flytte opp",
            "Kan flytte opp",
        }
        assert page.filters.search.placeholderText() == "Søk etter navn (Ctrl+F)"
        assert page.count_label.text() == "7 vises"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_the_municipality_filter_finds_everyone_in_asker_of_any_era(
    qtbot, db, register, members_window
) -> None:
    """Thi is registered under Hurum (a 2014 list said so): "Asker" still finds her, and
    "Hurum (now Asker)" finds only her."""
    with db.transaction() as session:
        hurum = session.scalars(select(Municipality.id).where(Municipality.number == "0628")).one()
    update_person(db, register.ids["thi"], {"municipality_id": hurum})
    page = members_window.members_page
    page.refresh()
    combo = page.filters.municipality
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert choices == ["All municipalities", "Asker", "Hurum (now Asker)"]
    combo.setCurrentIndex(choices.index("Asker"))
    qtbot.waitUntil(lambda: names(page.table) == ALL[:-1])  # Øystein has no municipality
    combo.setCurrentIndex(choices.index("Hurum (now Asker)"))
    qtbot.waitUntil(lambda: names(page.table) == ["Thi Nguyễn"])
