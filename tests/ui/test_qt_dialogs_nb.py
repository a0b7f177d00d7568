"""Qt's own dialogs speak Bokmål in the Bokmål window: the file dialog (Qt's own, as on a
desktop without a native one and as the tests run it), the message box's standard buttons
and the print dialog (Qt's own on Linux; Windows and macOS show the system's).

Their words come from Qt's ``qtbase_nb.qm``, or the one VRUS ships where Qt has none
(``vrus.ui.i18n.qt_catalog``). Each dialog is shown in English and then in Bokmål, and every
word it shows in English (a label, a button, a tooltip, a heading, a list's entries) must be
another in Bokmål, but for the few that are the same in both languages.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QTreeView,
    QWidget,
)

from vrus.ui import i18n

# Shown the same in Bokmål: no translation is missing there.
SAME_IN_BOKMAL = frozenset({"OK", "Type", "Type:", "...", "A4", "Ctrl"})


@pytest.fixture
def bokmal(qapp) -> Iterator[list[QTranslator]]:
    """The translators ``speak_bokmal`` installs, taken away again after the test."""
    installed: list[QTranslator] = []
    locale = QLocale()
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def speak_bokmal(qapp, installed: list[QTranslator]) -> None:
    installed += i18n.install_translators(qapp, "nb")
    assert i18n.qt_catalog("nb") is not None
    assert len(installed) == 2  # VRUS's own words and Qt's


def words(text: str) -> str:
    return text.replace("&", "").strip()


def shown(dialog: QWidget) -> dict[str, str]:
    """The words each visible part of ``dialog`` shows, by the part (kind and name, or its
    place among the dialog's children: the same in both languages)."""
    found = {}
    for number, widget in enumerate(dialog.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        key = f"{type(widget).__name__} {widget.objectName()} {number}"
        texts: list[str] = []
        if isinstance(widget, QAbstractButton):
            texts = [widget.text(), widget.toolTip()]
        elif isinstance(widget, QLabel):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(tab) for tab in range(widget.count())]
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            texts = [widget.itemText(item) for item in range(widget.count())]
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            orientation = widget.orientation()
            texts = [
                str(widget.model().headerData(section, orientation) or "")
                for section in range(widget.count())
            ]
        for part, text in enumerate(texts):
            # Paths and file filters are ours, the same in any language.
            if any(c.isalpha() for c in text) and "/" not in text and "(*" not in text:
                found[f"{key} {part}"] = words(text)
    return found


def shown_in_every_tab(dialog: QWidget) -> dict[str, str]:
    """``shown``, with each tab of the dialog's tab widgets in front in turn."""
    found = shown(dialog)
    for tabs in dialog.findChildren(QTabWidget):
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            found |= shown(dialog)
    return found


def untranslated(english: dict[str, str], bokmal: dict[str, str]) -> list[str]:
    assert english.keys() <= bokmal.keys() or not english
    return [
        f"{key}: {text!r}"
        for key, text in english.items()
        if bokmal.get(key) == text and text not in SAME_IN_BOKMAL
    ]


# --- The file dialog ------------------------------------------------------------------------


def file_dialog(qtbot, folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    """Qt's own file dialog on ``folder``, in the detail view, its entries read."""
    dialog = QFileDialog(None, "VRUS", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.setNameFilters(["CSV (*.csv)", "Excel (*.xlsx)"])
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: set(listed(dialog)) == {"Sesong 2026", "medlemmer.csv"})
    return dialog


def listed(dialog: QFileDialog) -> list[str]:
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    return [model.index(row, 0, root).data() for row in range(model.rowCount(root))]


def folder_type(dialog: QFileDialog) -> str:
    """What the detail view's Type column says of the folder in it."""
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    for row in range(model.rowCount(root)):
        if model.index(row, 0, root).data() == "Sesong 2026":
            return model.index(row, 2, root).data()
    raise AssertionError("the folder is not listed")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own (the test's QSettings go beside it)."""
    made = tmp_path / "files"
    (made / "Sesong 2026").mkdir(parents=True)
    (made / "medlemmer.csv").write_text("x\n", encoding="utf-8")
    return made


@pytest.mark.parametrize(
    ("mode", "accept"),
    [(QFileDialog.AcceptMode.AcceptOpen, "Åpne"), (QFileDialog.AcceptMode.AcceptSave, "Lagre")],
)
def test_the_file_dialog_in_bokmal(qapp, qtbot, bokmal, folder: Path, mode, accept) -> None:
    english = file_dialog(qtbot, folder, mode)
    english_words, english_type = shown(english), folder_type(english)
    english.close()
    speak_bokmal(qapp, bokmal)
    dialog = file_dialog(qtbot, folder, mode)

    buttons = dialog.findChild(QDialogButtonBox)
    assert [words(b.text()) for b in buttons.buttons()] == [accept, "Avbryt"]
    assert words(dialog.findChild(QLabel, "fileNameLabel").text()) == "Filnavn:"
    missing = untranslated(english_words, shown(dialog))
    assert not missing, f"English in the Bokmål file dialog: {missing}"
    assert english_type == "Folder"
    assert folder_type(dialog) == "Mappe"


# --- Message boxes --------------------------------------------------------------------------

Button = QMessageBox.StandardButton
BUTTONS_IN_BOKMAL = {
    Button.Ok: "OK",
    Button.Cancel: "Avbryt",
    Button.Yes: "Ja",
    Button.No: "Nei",
    Button.Save: "Lagre",
    Button.Discard: "Forkast",
    Button.Close: "Lukk",
    Button.Open: "Åpne",
}


def test_message_box_buttons_in_bokmal(qapp, bokmal) -> None:
    speak_bokmal(qapp, bokmal)
    buttons = Button.NoButton
    for button in BUTTONS_IN_BOKMAL:
        buttons |= button
    box = QMessageBox(QMessageBox.Icon.Question, "VRUS", "?", buttons)
    found = {box.standardButton(b): words(b.text()) for b in box.buttons()}
    assert found == BUTTONS_IN_BOKMAL


def test_english_stays_english(qapp) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "VRUS", "?", Button.Cancel)
    assert words(box.button(Button.Cancel).text()) == "Cancel"


# --- The print dialog -----------------------------------------------------------------------


def print_dialog(qtbot, printer: QPrinter) -> QDialog:
    """Qt's print dialog with its options shown (copies, pages, colour, both sides)."""
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    more = [b for b in dialog.findChildren(QAbstractButton) if b.text().endswith(">>")]
    assert len(more) == 1  # "Options >>"
    more[0].click()
    return dialog


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Windows and macOS show their own dialog"
)
def test_the_print_dialog_in_bokmal(qapp, qtbot, bokmal) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # outlives its dialogs
    english = print_dialog(qtbot, printer)
    english_words = shown_in_every_tab(english)
    english.close()
    speak_bokmal(qapp, bokmal)
    dialog = print_dialog(qtbot, printer)

    assert "Avbryt" in [words(b.text()) for b in dialog.findChildren(QAbstractButton)]
    missing = untranslated(english_words, shown_in_every_tab(dialog))
    assert not missing, f"English in the Bokmål print dialog: {missing}"
    dialog.close()


def test_the_texts_are_read_from_the_dialog(qapp, qtbot, folder: Path) -> None:
    """What ``shown`` reads: the words a user sees, not paths or our own file filters."""
    dialog = file_dialog(qtbot, folder, QFileDialog.AcceptMode.AcceptOpen)
    found = set(shown(dialog).values())
    assert {"Open", "Cancel", "File name:", "Back", "Detail View"} <= found
    assert {"Name", "Size", "Date Modified"} <= found  # the detail view's headings
    assert not any(str(folder) in text or "(*" in text for text in found)
