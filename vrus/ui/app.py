"""Starting the window: the application object, the language, error reporting, the loop.

``run_window`` is what ``vrus`` (the command) calls. Tests build the window with
``create_main_window`` instead, which needs no event loop and takes its settings and core
functions as arguments.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.ui.core_actions import CoreActions
from vrus.ui.i18n import install_translators
from vrus.ui.icons import icon
from vrus.ui.main_window import MainWindow
from vrus.ui.messages import core_message, unexpected_error_text
from vrus.ui.settings import LANGUAGE, Settings

log = logging.getLogger(__name__)

ORGANIZATION = "Vestregionen"
APPLICATION = "VRUS"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def create_main_window(db: Database, settings: Settings | None = None,
                       actions: CoreActions | None = None,
                       today: Callable[[], dt.date] | None = None) -> MainWindow:
    """``today`` fixes the day (and so the season) for tests; by default it is the clock's."""
    return MainWindow(db, settings if settings is not None else Settings(),
                      actions if actions is not None else CoreActions.installed(),
                      today=today)


def run_window(db: Database) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    # Set before the first QSettings(): they name the user's settings file.
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(icon("app"))
    settings = Settings()
    translators = install_translators(app, settings.get(LANGUAGE))
    previous_hook = install_excepthook()
    try:
        window = create_main_window(db, settings)
        window.show()
        return app.exec()
    finally:
        # Let a running import or demo load finish its transaction before the database is
        # closed under it; the core commits or rolls back as a whole either way.
        QThreadPool.globalInstance().waitForDone()
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)


def install_excepthook(show: Callable[[str], None] | None = None) -> ExceptHook:
    """Route exceptions that escape a Qt slot to the log and a short message; returns the
    hook it replaced. Without this, PySide prints them to a console the user never sees."""
    previous = sys.excepthook
    shower = show or _show_error_box

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        report_exception(kind, error, trace, shower)

    sys.excepthook = hook
    return previous


_reporting = False


def report_exception(kind: type[BaseException], error: BaseException,
                     trace: TracebackType | None, show: Callable[[str], None]) -> None:
    global _reporting
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("unexpected error in the window", exc_info=(kind, error, trace))
    # An error raised while the message box is up is logged but not shown again, so one
    # failing repaint cannot stack up boxes without end.
    if _reporting:
        return
    _reporting = True
    try:
        show(core_message(error) if isinstance(error, VrusError) else unexpected_error_text())
    finally:
        _reporting = False


def _show_error_box(text: str) -> None:
    if QApplication.instance() is None:
        return
    title = QCoreApplication.translate("App", "VRUS – error")
    QMessageBox.critical(QApplication.activeWindow(), title, text)
