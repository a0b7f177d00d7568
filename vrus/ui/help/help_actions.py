"""The Help menu's actions: User guide (F1) and About VRUS.

The guide is a page of HTML shipped in ``resources/help`` (``guide_nb.html``,
``guide_en.html``), chosen by the language the window runs in, and shown in a window of VRUS
itself: it needs no browser and no network. Both windows are made the first time they are
asked for (their modules are imported then, not with the main window) and shown again, raised,
after that.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from vrus.db.engine import Database
from vrus.paths import resource

GUIDE_FOLDER = "help"
FALLBACK_LANGUAGE = "nb"  # the users' language, and the guide every copy of VRUS has
# The sections every language's guide has, by the id of its heading: how a season is planned,
# sign-ups, attendance, lunch, reports and backups (tests/ui/test_help.py checks each guide).
GUIDE_SECTIONS = ("planning", "signups", "attendance", "lunch", "reports", "backups")


def guide_path(language: str) -> Path:
    """The user guide in ``language``; Bokmål where there is none in it."""
    path = resource(GUIDE_FOLDER, f"guide_{language}.html")
    return path if path.is_file() else resource(GUIDE_FOLDER, f"guide_{FALLBACK_LANGUAGE}.html")


class HelpActions(QObject):
    def __init__(
        self,
        window: QWidget,
        db: Database,
        *,
        language: str,
        settings_file: str = "",
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._settings_file = settings_file
        self.language = language
        self.guide_window: QWidget | None = None
        self.about_dialog: QDialog | None = None

        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setObjectName("userGuideAction")
        # Spelled out: F1 is the help key in Windows and Linux programs alike.
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.setStatusTip(self.tr("How to work with VRUS, section by section"))
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction(self.tr("&About VRUS"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def actions(self) -> list[QAction]:
        return [self.guide_action, self.about_action]

    def show_guide(self) -> None:
        if self.guide_window is None:
            from vrus.ui.help.guide_window import GuideWindow  # when first asked for

            self.guide_window = GuideWindow(guide_path(self.language), self._window)
        self._bring_up(self.guide_window)

    def show_about(self) -> None:
        if self.about_dialog is None:
            from vrus.ui.help.about_dialog import AboutDialog  # when first asked for

            self.about_dialog = AboutDialog(
                self._db, settings_file=self._settings_file, parent=self._window
            )
        self._bring_up(self.about_dialog)

    @staticmethod
    def _bring_up(widget: QWidget) -> None:
        widget.show()
        widget.raise_()
        widget.activateWindow()
