"""Shortcuts that belong to one page (Ctrl+N for a new event, Ctrl+Z in the grid).

A page's actions use ``Qt.WidgetWithChildrenShortcut``, so they fire only while the focus is
on that page. Another page's action with the same keys that lives in the window's menu bar
is window-wide, and Qt would call the pair ambiguous and run neither. ``PageShortcuts`` lets
the page claim its own keys first: a ``ShortcutOverride`` that no child took (a text field
keeps Ctrl+Z for its own undo) is accepted by the page, and the key press that follows
triggers the page's action.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

PAGE_CONTEXT = Qt.ShortcutContext.WidgetWithChildrenShortcut


def page_action(
    page: QWidget, text: str, name: str, slot: Callable[[], object], keys: list[QKeySequence]
) -> QAction:
    """An action of ``page`` whose shortcut works while the focus is on the page."""
    action = QAction(text, page)
    action.setObjectName(name)
    action.setShortcuts(keys)
    action.setShortcutContext(PAGE_CONTEXT)
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    return action


class PageShortcuts:
    """Mix into a page ``QWidget`` (before it in the bases) to make its own keys win."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._page_action(event):
            event.accept()
            return True
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        action = self._page_action(event)
        if action is not None:
            event.accept()
            action.trigger()
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def _page_action(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions():  # type: ignore[attr-defined]
            if not action.isEnabled() or action.shortcutContext() != PAGE_CONTEXT:
                continue
            for key in action.shortcuts():
                if key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                    return action
        return None
