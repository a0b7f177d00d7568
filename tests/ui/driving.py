"""Driving the window like a user: keys, clicks, and answering a question box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)

from vrus.ui.members.members_model import COL_FIRST_NAME, COL_LAST_NAME


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_header(qtbot, header: QHeaderView, section: int) -> None:
    pos = QPoint(header.sectionViewportPosition(section) + 6, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def key(
    qtbot,
    widget: QWidget,
    name: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(widget, name, modifiers)


def names(table: QTableView) -> list[str]:
    model = table.model()
    return [
        f"{model.index(row, COL_FIRST_NAME).data()} {model.index(row, COL_LAST_NAME).data()}"
        for row in range(model.rowCount())
    ]


def answer_question(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the next question box (run by exec()), noting its text.

    Scheduled before the action that asks; polls until the box is up.
    """

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, answer)


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def select_row_of(qtbot, page, person_id: int) -> None:
    assert page.select_person(person_id)
    focus(qtbot, page.table)


def wait_for(qtbot, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=5000)


def shown_settings_page(qtbot, db, settings, today, tab: str):
    """The Settings page on its own, shown at a usual size with the tab ``tab`` (the page's
    attribute name, e.g. "privacy") open, and "today" pinned to ``today``."""
    from vrus.ui.common.changes import RegisterChanges
    from vrus.ui.settings.settings_page import SettingsPage

    changes = RegisterChanges()
    page = SettingsPage(
        settings,
        db,
        changes,
        title="Settings",
        database="vrus.sqlite",
        log_file="vrus.log",
        today=lambda: today,
    )
    changes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1000, 680)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(getattr(page, tab))
    return page
