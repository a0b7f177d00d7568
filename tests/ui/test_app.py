"""Start-up: the window without an event loop, run_window with one, the error hook."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from vrus.errors import VrusError
from vrus.logsetup import log_file
from vrus.ui import app as app_module
from vrus.ui.app import create_main_window, install_excepthook, run_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.main_window import MainWindow


def _raise(error: BaseException):
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - we want the traceback object
        return type(caught), caught, caught.__traceback__


def test_unexpected_error_is_logged_and_explained(caplog) -> None:
    shown: list[str] = []
    previous = install_excepthook(shown.append)
    try:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*_raise(KeyError("person 17")))
    finally:
        sys.excepthook = previous
    assert len(shown) == 1
    assert str(log_file()) in shown[0]
    assert "Traceback" not in shown[0] and "KeyError" not in shown[0]
    assert "Traceback" in caplog.text and "KeyError" in caplog.text


def test_vrus_error_shows_its_own_message(caplog) -> None:
    shown: list[str] = []
    previous = install_excepthook(shown.append)
    try:
        sys.excepthook(*_raise(VrusError("the database file is read-only")))
    finally:
        sys.excepthook = previous
    assert shown == ["the database file is read-only"]


def test_error_while_showing_is_not_shown_again(caplog) -> None:
    shown: list[str] = []

    def show(text: str) -> None:
        shown.append(text)
        sys.excepthook(*_raise(RuntimeError("while painting the box")))

    previous = install_excepthook(show)
    try:
        sys.excepthook(*_raise(RuntimeError("first")))
    finally:
        sys.excepthook = previous
    assert len(shown) == 1
    assert "while painting the box" in caplog.text


def test_create_main_window_finds_the_installed_core(qtbot, db, settings) -> None:
    window = create_main_window(db, settings)
    qtbot.addWidget(window)
    installed = CoreActions.installed()
    assert window.members_page.welcome.demo_button.isEnabled() == (installed.load_demo is not None)
    assert (window.import_flow is not None) == (installed.import_members is not None)


def test_run_window_shows_the_window_and_returns_on_quit(qapp, db, monkeypatch) -> None:
    shown: list[MainWindow] = []

    def quit_when_shown() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(10, quit_when_shown)
            return
        shown.extend(windows)
        windows[0].quit_action.trigger()

    hook = sys.excepthook
    names = qapp.organizationName(), qapp.applicationName()
    translators_before = _translated_members()
    QTimer.singleShot(0, quit_when_shown)
    try:
        assert run_window(db) == 0
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert shown and shown[0].windowTitle().endswith(str(db.path))
    # Norwegian is the default language, and run_window leaves no translator behind.
    assert shown[0].sidebar.item(0).text() == "Medlemmer"
    assert _translated_members() == translators_before
    assert sys.excepthook is hook
    assert app_module.APPLICATION == "VRUS"


def _translated_members() -> str:
    return QApplication.translate("MainWindow", "Members")
