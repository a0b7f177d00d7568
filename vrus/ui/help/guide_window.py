"""The user guide's window: the guide's HTML in a ``QTextBrowser``, with a search field.

The guide is a local file (``resources/help/guide_<language>.html``), so the window works
without a network; the links inside it jump between its sections, with Back to return.
Typing in the search field marks every place the words occur and shows the first; Enter (or
F3) goes to the next, Shift+Enter (Shift+F3) to the one before. Ctrl+F goes to the search
field, Esc closes the window. The page takes the system's colours (a dark palette too): the
guide's HTML sets none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from vrus.ui.common.plain_text import plain_label

FOUND_BACKGROUND = "#ffe08a"  # readable under dark text on a light or a dark palette
FOUND_TEXT = "#000000"


class GuideWindow(QWidget):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("VRUS user guide"))
        self.path = path
        self._found: list[QTextCursor] = []
        self._current = -1

        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setObjectName("guideBack")
        self.back_button.setToolTip(self.tr("Back to where you were (Alt+Left)"))
        self.back_button.setEnabled(False)
        self.contents_button = QPushButton(self.tr("Contents"))
        self.contents_button.setObjectName("guideContents")
        self.contents_button.setToolTip(self.tr("The list of sections at the top (Alt+Home)"))
        self.search_field = QLineEdit()
        self.search_field.setObjectName("guideSearch")
        self.search_field.setPlaceholderText(self.tr("Search the guide (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search the guide"))
        self.search_status = plain_label()
        self.search_status.setObjectName("guideSearchStatus")
        self.search_status.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 14))

        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setAccessibleName(self.tr("User guide"))
        # Only the guide's own links are followed; it has no others (it works offline).
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))

        tools = QHBoxLayout()
        tools.addWidget(self.back_button)
        tools.addWidget(self.contents_button)
        tools.addSpacing(12)
        tools.addWidget(self.search_field, 1)
        tools.addWidget(self.search_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(tools)
        layout.addWidget(self.browser, 1)
        self.setTabOrder(self.search_field, self.browser)

        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.contents_button.clicked.connect(self.show_contents)
        self.search_field.textChanged.connect(self.search)
        self.search_field.installEventFilter(self)
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(QKeySequence(Qt.Key.Key_F3), self.find_next)
        self._shortcut(QKeySequence("Shift+F3"), self.find_previous)
        self._shortcut(QKeySequence("Alt+Left"), self.browser.backward)
        self._shortcut(QKeySequence("Alt+Home"), self.show_contents)
        self._shortcut(QKeySequence(Qt.Key.Key_Escape), self.close)

        width = self.fontMetrics().averageCharWidth() * 96
        self.resize(width, max(560, self.fontMetrics().height() * 40))
        self.search_field.setFocus()

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, slot) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # --- Moving in the guide ------------------------------------------------------------------

    def show_section(self, anchor: str) -> None:
        """Scroll to the section ``anchor`` (the ``id`` of its heading), as its link does."""
        url = QUrl.fromLocalFile(str(self.path))
        url.setFragment(anchor)
        self.browser.setSource(url)

    def show_contents(self) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        self.browser.verticalScrollBar().setValue(0)

    # --- Searching ----------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def search(self, text: str) -> None:
        """Mark every place ``text`` occurs (any case) and show the first."""
        self._found = []
        words = text.strip()
        document = self.browser.document()
        if words:
            cursor = document.find(words)
            while not cursor.isNull():
                self._found.append(cursor)
                cursor = document.find(words, cursor)
        self._mark_found()
        self._current = -1
        if not words:
            self.search_status.clear()
        elif not self._found:
            self.search_status.setText(self.tr("Not found"))
        else:
            self._go_to(0)

    def find_next(self) -> None:
        if self._found:
            self._go_to((self._current + 1) % len(self._found))

    def find_previous(self) -> None:
        if self._found:
            self._go_to((self._current - 1) % len(self._found))

    @property
    def found(self) -> int:
        return len(self._found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Enter in the search field goes to the next place, Shift+Enter to the one before
        # (QLineEdit would say returnPressed for both).
        if (
            watched is self.search_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
            return True
        return super().eventFilter(watched, event)

    def _go_to(self, number: int) -> None:
        self._current = number
        self.browser.setTextCursor(self._found[number])
        # In the middle of the page, with the words around it, rather than at its edge.
        bar = self.browser.verticalScrollBar()
        middle = self.browser.viewport().height() // 2
        bar.setValue(bar.value() + self.browser.cursorRect().center().y() - middle)
        self.search_status.setText(
            self.tr("{number} of {count}").format(number=number + 1, count=len(self._found))
        )

    def _mark_found(self) -> None:
        marked = QTextCharFormat()
        marked.setBackground(QColor(FOUND_BACKGROUND))
        marked.setForeground(QColor(FOUND_TEXT))
        selections = []
        for cursor in self._found:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = marked
            selections.append(selection)
        self.browser.setExtraSelections(selections)
