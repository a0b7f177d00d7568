"""Settings -> Municipalities: importing population figures from a Statbank download."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from sqlalchemy import func, select

import vrus.ui.settings.population_import as population_import
from tests.ui.driving import click
from vrus.db.models import Municipality, MunicipalityPopulation
from vrus.ui.common.options import LAST_IMPORT_FOLDER
from vrus.ui.settings.reference_models import MUN_NEWEST

DATA = Path(__file__).parent.parent / "data" / "population"


@pytest.fixture
def editor(qtbot, window):
    window.show_section("settings")
    page = window.settings_page
    page.tabs.setCurrentWidget(page.municipalities)
    qtbot.waitUntil(lambda: page.municipalities.model.rowCount() > 0)
    return page.municipalities


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the file dialog with ``path`` (None: cancelled); returns the titles asked."""
    asked: list[str] = []

    def get_open_file_name(parent, title, folder, filters):  # noqa: ANN001, ANN202
        asked.append(title)
        return (str(path) if path else "", "")

    monkeypatch.setattr(
        population_import.QFileDialog, "getOpenFileName", staticmethod(get_open_file_name)
    )
    return asked


def newest_shown(editor, number: str) -> str:
    proxy = editor.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == number:
            return proxy.index(row, MUN_NEWEST).data()
    raise AssertionError(number)


def figures_of(db, year: int) -> int:
    with db.sessions() as session:
        return session.scalar(
            select(func.count())
            .select_from(MunicipalityPopulation)
            .where(MunicipalityPopulation.year == year)
        )


def test_import_shows_what_changes_then_stores_it(qtbot, editor, db, monkeypatch, settings) -> None:
    assert "(2026)" in newest_shown(editor, "3203")
    asked = choose(monkeypatch, DATA / "07459-en-totals.csv")
    click(qtbot, editor.import_button)
    qtbot.waitUntil(lambda: editor.preview is not None and editor.preview.isVisible())
    assert asked == ["Import population figures"]
    assert settings.get(LAST_IMPORT_FOLDER) == str(DATA)
    preview = editor.preview
    text = preview.lines.toPlainText().replace("\u00a0", " ")  # Qt gives no-break as space
    assert "07459-en-totals.csv: new figures 4, changed 0, unchanged 2." in text
    assert "Asker (3203) 2027: inhabitants 102 300" in text
    assert "Not in the register, skipped: 1103 (2026)." in text
    assert figures_of(db, 2027) == 0  # only a dry run so far
    click(qtbot, preview.store_button)
    qtbot.waitUntil(lambda: editor.message.text() == "Stored in the register: 4 figures.")
    assert figures_of(db, 2027) == 3  # Asker, Holmestrand and Oslo (and Oslo's 2026)
    assert "(2027)" in newest_shown(editor, "3203")
    qtbot.waitUntil(editor.import_button.isEnabled)


def test_cancel_stores_nothing(qtbot, editor, db, monkeypatch) -> None:
    choose(monkeypatch, DATA / "07459-nb-semicolon-latin1.csv")
    click(qtbot, editor.import_button)
    qtbot.waitUntil(lambda: editor.preview is not None and editor.preview.isVisible())
    assert "Holmestrand (3903) 2027: new ages 6–19" in editor.preview.lines.toPlainText()
    click(qtbot, editor.preview.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not editor.preview.isVisible()
    assert figures_of(db, 2027) == 0


def test_nothing_new_cannot_be_stored(qtbot, editor, db, monkeypatch, tmp_path) -> None:
    path = tmp_path / "07459.csv"
    path.write_text('"region";"Personer 2026"\n"K-3310 Hole";7205\n', encoding="utf-8")
    choose(monkeypatch, path)
    click(qtbot, editor.import_button)
    qtbot.waitUntil(lambda: editor.preview is not None and editor.preview.isVisible())
    assert not editor.preview.store_button.isEnabled()
    editor.preview.reject()


def test_a_wrong_file_is_explained_above_the_table(qtbot, editor, db, monkeypatch) -> None:
    choose(monkeypatch, DATA / "03031-other-table.csv")
    click(qtbot, editor.import_button)
    qtbot.waitUntil(lambda: "not imported" in editor.message.text())
    assert editor.message.isVisible()
    assert "the figures are from SSB table 03031, not table 07459" in editor.message.text()
    assert editor.preview is None
    qtbot.waitUntil(editor.import_button.isEnabled)


def test_no_file_chosen_does_nothing(qtbot, editor, monkeypatch) -> None:
    choose(monkeypatch, None)
    click(qtbot, editor.import_button)
    assert editor.preview is None and not editor.message.isVisible()


def test_the_dialog_offers_statbank_downloads(monkeypatch, editor) -> None:
    filters: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args: (filters.append(args[3]), ("", ""))[1]),
    )
    assert editor._choose_file() is None
    assert filters and "*.csv" in filters[0] and "*.json" in filters[0]


def test_municipality_rows_stay_editable(editor, db) -> None:
    with db.sessions() as session:
        assert (
            session.scalar(select(func.count()).select_from(Municipality))
            == editor.model.rowCount()
        )
