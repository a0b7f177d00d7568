"""What a screen reader says, on every page of the window over the demo season:

- a button that shows only an icon or a sign ("×", "✕") has a name in words and a tooltip;
- a table cell whose colour means something (a severe allergy's red row, a family with no
  duty yet in yellow, a report's shaded row) says so in words too: an accessible
  description, or a tooltip that is more than the cell's own text. The sign-up grid speaks
  for itself (tests/ui/test_events_grid.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QListView,
    QWidget,
)

from tests.ui.demo_support import VIEWS, demo_template, demo_window, show_view
from vrus.ui.events.event_editor import EventEditor
from vrus.ui.events.signup_grid import GridView
from vrus.ui.main_window import MainWindow

ROWS_LOOKED_AT = 300  # a long list repeats itself; the first rows show each kind
WORD = re.compile(r"\w")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def window(qtbot, template: Path, tmp_path: Path):
    with demo_window(qtbot, template, tmp_path) as window:
        yield window


def wordless_buttons(root: QWidget) -> list[QAbstractButton]:
    """Visible buttons whose text has no letter or digit: an icon, or a sign like "×"."""
    return [
        button
        for button in root.findChildren(QAbstractButton)
        if button.isVisible() and not WORD.search(button.text().replace("&", ""))
    ]


def assert_named(buttons: list[QAbstractButton]) -> None:
    unnamed = [
        button.objectName() or repr(button.text())
        for button in buttons
        if not WORD.search(button.accessibleName()) or not button.toolTip()
    ]
    assert not unnamed, f"buttons without a name in words or a tooltip: {unnamed}"


@pytest.mark.parametrize("view", list(VIEWS))
def test_buttons_without_words_have_a_name(qtbot, window: MainWindow, view: str) -> None:
    show_view(qtbot, window, view)
    buttons = wordless_buttons(window.pages.currentWidget())
    assert_named(buttons)
    if view == "members-editor":  # the editor's ×: the test finds what it is about
        close = [b for b in buttons if b.objectName() == "closeEditor"]
        assert [b.accessibleName() for b in close] == ["Close the person"]


def test_the_event_editor_names_its_remove_buttons(qtbot, window: MainWindow) -> None:
    show_view(qtbot, window, "events")
    window.events_page.select_event(window.events_page.model.events()[0].id)
    window.events_page.edit_selected()
    editor = window.events_page.editor
    assert isinstance(editor, EventEditor)
    qtbot.waitExposed(editor)
    buttons = wordless_buttons(editor)
    assert len(buttons) == 2  # a seminar's Saturday and Sunday, each with its ✕
    assert_named(buttons)
    assert {b.accessibleName() for b in buttons} == {"Remove this day"}
    editor.reject()


def coloured_without_words(view: QAbstractItemView) -> list[str]:
    """Cells with a background of their own whose meaning is not also in words."""
    model = view.model()
    columns = 1 if isinstance(view, QListView) else model.columnCount(QModelIndex())
    found = []
    for row in range(min(model.rowCount(QModelIndex()), ROWS_LOOKED_AT)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            if model.data(index, Qt.ItemDataRole.BackgroundRole) is None:
                continue
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            said = [
                model.data(index, Qt.ItemDataRole.AccessibleDescriptionRole),
                model.data(index, Qt.ItemDataRole.ToolTipRole),
            ]
            if not any(words and str(words) != str(text) for words in said):
                found.append(f"{view.objectName()} row {row} column {column}: {text!r}")
    return found


@pytest.mark.parametrize("view", list(VIEWS))
def test_coloured_cells_say_what_the_colour_means(qtbot, window: MainWindow, view: str) -> None:
    show_view(qtbot, window, view)
    page = window.pages.currentWidget()
    tables = [
        table
        for table in page.findChildren(QAbstractItemView)
        if table.isVisible() and not isinstance(table, (GridView, QHeaderView))
    ]
    found = [cell for table in tables for cell in coloured_without_words(table)]
    assert not found, found[:10]


@pytest.mark.parametrize(
    ("view", "table", "meaning"),
    [
        ("lunch-day", "allergyTable", "Severe allergy"),
        ("lunch-roster", "rosterFamilies", "No duty this season yet"),
    ],
)
def test_the_lunch_colours_are_said(
    qtbot, window: MainWindow, view: str, table: str, meaning: str
) -> None:
    """The red and the yellow rows of the demo's lunch page, cell by cell."""
    show_view(qtbot, window, view)
    found = window.pages.currentWidget().findChild(QAbstractItemView, table)
    model = found.model()
    coloured = [
        model.index(row, column)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if model.index(row, column).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert coloured  # the demo has severe allergies and families without a duty
    assert {i.data(Qt.ItemDataRole.AccessibleDescriptionRole) for i in coloured} == {meaning}
