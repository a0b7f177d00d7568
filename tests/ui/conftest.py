"""Fixtures for the window: injected settings, fake core actions, a few persons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from vrus.db.engine import Database
from vrus.ui.app import create_main_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.options import Settings
from vrus.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _user_settings_in_tmp(tmp_path: Path) -> Iterator[Path]:
    """Point the default QSettings() of this test at its own folder.

    The root conftest moves XDG_CONFIG_HOME, but Qt reads it once per process; this makes the
    redirection explicit and per test, whatever ran before.
    """
    folder = tmp_path / "qsettings"
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _no_task_left_running() -> Iterator[None]:
    """A worker still running when the test ends would use a closed database."""
    yield
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "vrus.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings.from_file(settings_file)


@pytest.fixture
def make_window(qtbot, db: Database, settings: Settings):
    """Build a shown main window; ``actions`` defaults to none (buttons disabled)."""

    def make(
        actions: CoreActions | None = None,
        settings_: Settings | None = None,
        today: dt.date | None = None,
    ) -> MainWindow:
        window = create_main_window(
            db,
            settings_ or settings,
            actions or CoreActions(),
            today=(lambda: today) if today is not None else None,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # The window lists the register after its first paint; tests look at once.
        window.members_page.fill()
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def register(db: Database):
    from tests.ui.helpers import build_register

    return build_register(db)


@pytest.fixture
def members_window(qtbot, make_window, register) -> MainWindow:
    """The window on the Members page over ``register``, in the 2026 season, focused."""
    from tests.ui.helpers import TODAY

    window = make_window(today=TODAY)
    window.resize(1280, 800)
    window.show_section("members")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
