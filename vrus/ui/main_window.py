"""The main window: a sidebar of sections over a stack of pages, a menu and a status bar.

The window builds the pages and wires their signals; it holds no register logic. Views learn
about changes from ``RegisterChanges``, not from each other.

Only the Members page is built with the window. Every other page is built the first time
its section is shown or the page is asked for (``window.events_page``), so starting VRUS
neither imports nor queries for the pages nobody opens (``PageStack``).

On a server, the window shows only what the user's role may use (``ROLE_SECTIONS``,
``vrus.server.roles.role_of``): the database refuses the rest anyway, and a page that could
only fail is better not offered. The coordinator (and everyone on a register file) sees all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrus.clock import Today
from vrus.db.engine import Database
from vrus.logsetup import log_file
from vrus.member_list import count_persons
from vrus.server.roles import Role, role_of
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import (
    ALERT_BACKGROUND,
    HOVER_BACKGROUND,
    SELECTED_BACKGROUND,
    SELECTED_TEXT,
    WARNING,
    shade,
)
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.icons import icon
from vrus.ui.common.options import LANGUAGE, LAST_PAGE, WINDOW_GEOMETRY, WINDOW_STATE, Settings
from vrus.ui.common.page_stack import PageStack
from vrus.ui.common.plain_text import plain_label, plain_tooltip
from vrus.ui.common.remote_changes import RemoteChanges
from vrus.ui.files.encryption_actions import EncryptionActions
from vrus.ui.files.file_actions import FileActions
from vrus.ui.files.import_flow import ImportFlow
from vrus.ui.files.server_dialog import role_name
from vrus.ui.help.help_actions import HelpActions
from vrus.ui.members.members_page import MembersPage

if TYPE_CHECKING:
    from vrus.ui.events.events_page import EventsPage
    from vrus.ui.lunch.lunch_page import LunchPage
    from vrus.ui.reports.reports_page import ReportsPage
    from vrus.ui.settings.settings_page import SettingsPage


@dataclass(frozen=True)
class SectionSpec:
    key: str
    label: str  # English source text; translated where shown
    icon: str


SECTIONS = (
    SectionSpec("members", QT_TRANSLATE_NOOP("MainWindow", "Members"), "members"),
    SectionSpec("events", QT_TRANSLATE_NOOP("MainWindow", "Events"), "events"),
    SectionSpec("lunch", QT_TRANSLATE_NOOP("MainWindow", "Lunch"), "lunch"),
    SectionSpec("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), "reports"),
    SectionSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), "settings"),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)
# The sections each role sees: the friends' association plans lunch and the duty roster,
# instructors take attendance at events, the steering group reads the reports. The person
# register, its import and export and the settings are the coordinator's.
ROLE_SECTIONS: dict[str, tuple[str, ...]] = {
    Role.COORDINATOR: SECTION_KEYS,
    Role.LUNCH: ("lunch",),
    Role.INSTRUCTOR: ("events",),
    Role.READER: ("reports",),
}
DEFAULT_SIZE = QSize(1100, 720)


@dataclass(frozen=True)
class PageUndoActions:
    """A page's Undo and Redo in the Edit menu, and when they are the ones in front."""

    key: str  # the section
    undo: QAction
    redo: QAction
    in_front: Callable[[], bool]  # within the section (the Events list or its grid)


def section_label(section: SectionSpec) -> str:
    return QCoreApplication.translate("MainWindow", section.label)


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        settings: Settings,
        actions: CoreActions,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._today = today
        self.role = role_of(db)
        self.sections = ROLE_SECTIONS[self.role]
        self.changes = RegisterChanges(self)
        self.setWindowTitle(f"VRUS – {db.display_name}")
        self.setWindowIcon(icon("app"))

        self.import_flow: ImportFlow | None = None
        if actions.import_members is not None and self.role == Role.COORDINATOR:
            self.import_flow = ImportFlow(db, settings, actions.import_members, self.changes, self)
        self.file_actions = FileActions(db, settings, self, self.statusBar(), today)
        self.encryption_actions = EncryptionActions(
            db, self, language=settings.get(LANGUAGE), today=today
        )
        self.pages = PageStack()
        self.members_page: MembersPage | None = None
        if "members" in self.sections:
            self.members_page = MembersPage(
                db,
                self.changes,
                title=section_label(SECTIONS[0]),
                load_demo=actions.load_demo,
                can_import=self.import_flow is not None,
                today=today,
            )
        self._add_pages()
        self.sidebar = self._build_sidebar()
        self._build_menus()
        # Other users' changes and who else is working (a thread of its own, from the end
        # of this constructor to closing); named in the status bar before the count.
        self.remote_changes = RemoteChanges(db, self.changes, self, role=self.role.value)
        self.statusBar().addPermanentWidget(self.remote_changes.label)
        self._build_status_bar()
        self._wire()

        self.banner = self._build_banner() if self.encryption_actions.can_encrypt else None
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if self.banner is not None:
            column.addWidget(self.banner)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)

        self._restore()
        self.remote_changes.start()

    # --- Building ---------------------------------------------------------------------------

    def _add_pages(self) -> None:
        # A role without the register gets an empty place: the sections keep their rows.
        self.pages.add_page("members", self.members_page or QWidget)
        self.pages.add_page("events", self._build_events_page)
        self.pages.add_page("lunch", self._build_lunch_page)
        self.pages.add_page("reports", self._build_reports_page)
        self.pages.add_page("settings", self._build_settings_page)

    # Each page's module is imported when the page is first built, not with the window.

    def _build_events_page(self) -> QWidget:
        from vrus.ui.events.events_page import EventsPage

        page = EventsPage(
            self._db,
            self.changes,
            title=section_label(SECTIONS[1]),
            today=self._today,
            # Only the coordinator plans the season; instructors take attendance.
            edit_events=self.role == Role.COORDINATOR,
        )
        if page.undo is not None:
            self._add_page_undo(
                "events",
                page.undo.undo_action,
                page.undo.redo_action,
                lambda: page.stack.currentWidget() is not page.grid,
            )
        # The sign-up grid keeps its own steps: its Undo shows while the grid is in front.
        self._add_page_undo(
            "events",
            page.grid.undo_action,
            page.grid.redo_action,
            lambda: page.stack.currentWidget() is page.grid,
        )
        page.stack.currentChanged.connect(lambda _index: self._show_page_undo())
        return page

    def _build_lunch_page(self) -> QWidget:
        from vrus.ui.lunch.lunch_page import LunchPage

        page = LunchPage(
            self._db, self.changes, title=section_label(SECTIONS[2]), today=self._today
        )
        self._add_page_undo("lunch", page.undo.undo_action, page.undo.redo_action)
        return page

    def _add_page_undo(
        self,
        key: str,
        undo: QAction,
        redo: QAction,
        in_front: Callable[[], bool] = lambda: True,
    ) -> None:
        """A page's own Undo and Redo in the Edit menu (made now for a role without the
        Members page), shown while that page (and ``in_front`` of it) is in front: one
        Undo at a time, the one Ctrl+Z would take. A hidden action's keys do nothing."""
        if self.edit_menu is None:
            self.edit_menu = QMenu(self.tr("&Edit"), self)
            self.menuBar().insertMenu(self.view_menu.menuAction(), self.edit_menu)
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.page_undo.append(PageUndoActions(key, undo, redo, in_front))
        self._show_page_undo()

    def _show_page_undo(self) -> None:
        current = SECTION_KEYS[self.pages.currentIndex()]
        any_shown = False
        for entry in self.page_undo:
            shown = entry.key == current and entry.in_front()
            entry.undo.setVisible(shown)
            entry.redo.setVisible(shown)
            any_shown = any_shown or shown
        if self.edit_menu is not None:
            # Greyed out where nothing on the page can be undone (Reports): the menu bar
            # keeps its shape from page to page.
            self.edit_menu.menuAction().setEnabled(any_shown)

    def _build_reports_page(self) -> QWidget:
        from vrus.ui.reports.reports_page import ReportsPage

        return ReportsPage(
            self._db,
            self.changes,
            title=section_label(SECTIONS[3]),
            language=self._settings.get(LANGUAGE),
            today=self._today,
        )

    def _build_settings_page(self) -> QWidget:
        from vrus.ui.settings.settings_page import SettingsPage

        page = SettingsPage(
            self._settings,
            self._db,
            self.changes,
            title=section_label(SECTIONS[4]),
            database=self._db.display_name,
            log_file=str(log_file()),
            today=self._today,
            encryption=self.encryption_actions,
        )
        self._add_page_undo("settings", page.undo.undo_action, page.undo.redo_action)
        return page

    # The pages by name, built when first asked for (a hidden page then reads as it is built).

    @property
    def events_page(self) -> EventsPage:
        return cast("EventsPage", self.pages.page(SECTION_KEYS.index("events")))

    @property
    def lunch_page(self) -> LunchPage:
        return cast("LunchPage", self.pages.page(SECTION_KEYS.index("lunch")))

    @property
    def reports_page(self) -> ReportsPage:
        return cast("ReportsPage", self.pages.page(SECTION_KEYS.index("reports")))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.pages.page(SECTION_KEYS.index("settings")))

    def _build_sidebar(self) -> QListWidget:
        sidebar = QListWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setIconSize(QSize(28, 28))
        sidebar.setSpacing(2)
        sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for section in SECTIONS:
            item = QListWidgetItem(icon(section.icon), section_label(section))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            sidebar.addItem(item)
            item.setHidden(section.key not in self.sections)
        # Wide enough for the longest label in the language in use, so nothing is clipped.
        widest = max(sidebar.fontMetrics().horizontalAdvance(section_label(s)) for s in SECTIONS)
        sidebar.setFixedWidth(widest + 28 + 56)
        # A light selection keeps the dark icons readable on the selected item (on a dark
        # palette: a deep one under light icons, vrus.ui.common.icons).
        sidebar.setStyleSheet(
            "QListWidget#sidebar { background: palette(base); outline: 0;"
            " border-right: 1px solid palette(mid); padding-top: 8px; }"
            "QListWidget#sidebar::item { padding: 8px 6px; border-radius: 4px; margin: 0 6px;"
            " color: palette(text); }"
            f"QListWidget#sidebar::item:hover {{ background: {shade(HOVER_BACKGROUND)}; }}"
            f"QListWidget#sidebar::item:selected {{ background: {shade(SELECTED_BACKGROUND)};"
            f" color: {shade(SELECTED_TEXT)}; }}"
        )
        return sidebar

    def _build_banner(self) -> QFrame:
        """Over a plain register file: what that means, and the one button that fixes it."""
        banner = QFrame()
        banner.setObjectName("encryptionBanner")
        banner.setStyleSheet(
            f"QFrame#encryptionBanner {{ background: {shade(ALERT_BACKGROUND)};"
            f" border-bottom: 1px solid {shade(WARNING)}; }}"
            f"QFrame#encryptionBanner QLabel {{ color: {shade(WARNING)}; }}"
        )
        self.banner_text = plain_label(
            self.tr(
                "The register is not encrypted: anyone who gets hold of this computer or a "
                "backup can read the children's data."
            )
        )
        self.banner_text.setObjectName("encryptionBannerText")
        self.banner_text.setWordWrap(True)
        self.encrypt_button = QPushButton(self.tr("Encrypt the register…"))
        self.encrypt_button.setObjectName("encryptFromBanner")
        self.encrypt_button.clicked.connect(self.encryption_actions.ask_to_encrypt)
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(12)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.encrypt_button)
        return banner

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import members…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setEnabled(self.import_flow is not None)
        coordinator = self.role == Role.COORDINATOR
        if coordinator:
            file_menu.addAction(self.import_action)
        # The register's files (export, backups) are the coordinator's; anyone may connect.
        file_actions = (
            self.file_actions.actions() if coordinator else [self.file_actions.connect_action]
        )
        for action in file_actions:
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        # Spelled out: the platform's standard Quit key is empty on Windows.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        # The pages' own undo joins the Edit menu when the page is built (_add_page_undo).
        self.edit_menu: QMenu | None = None
        self.page_undo: list[PageUndoActions] = []
        if self.members_page is not None:
            self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
            self._add_page_undo(
                "members", self.members_page.undo_action, self.members_page.redo_action
            )

            members_menu = self.menuBar().addMenu(self.tr("&Members"))
            for action in self.members_page.page_actions():
                if action is None:
                    members_menu.addSeparator()
                else:
                    members_menu.addAction(action)

        view_menu = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        group = QActionGroup(self)
        self.section_actions: list[QAction] = []
        for number, section in enumerate(SECTIONS, start=1):
            action = QAction(icon(section.icon), section_label(section), self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=section.key: self.show_section(key))
            action.setVisible(section.key in self.sections)
            group.addAction(action)
            view_menu.addAction(action)
            self.section_actions.append(action)

        # The guide in the language the window runs in (a new choice applies at the next start).
        self.help_actions = HelpActions(
            self,
            self._db,
            language=self._settings.get(LANGUAGE),
            settings_file=self._settings.location,
        )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        for action in self.help_actions.actions():
            help_menu.addAction(action)

    def _build_status_bar(self) -> None:
        name = self._db.path.name if self._db.path is not None else self._db.display_name
        text = self.tr("Database: {name}").format(name=name)
        if self._db.path is None:  # on a server: who the user is there
            text = self.tr("Database: {name} (as {role})").format(
                name=name, role=role_name(self.role)
            )
        self.database_label = plain_label(text)
        self.database_label.setToolTip(plain_tooltip(self._db.display_name))
        self.count_label = plain_label()
        self.count_label.setObjectName("personCount")
        self.statusBar().addWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.count_label)
        # Counting persons reads the register, which only the coordinator may.
        self.count_label.setVisible(self.members_page is not None)
        self._update_count()

    def _wire(self) -> None:
        self.changes.changed.connect(self._update_count)
        if self.import_flow is not None:
            self.import_action.triggered.connect(self.import_flow.start)
        page = self.members_page
        if page is None:
            return
        page.importRequested.connect(self.import_action.trigger)
        if self.import_flow is not None:
            self.import_flow.stepRecorded.connect(page.actions.step_done)
        page.showRequested.connect(lambda: self.show_section("members"))
        page.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        if page.demo_loader is not None:
            page.demo_loader.succeeded.connect(self._demo_loaded)

    # --- Behaviour --------------------------------------------------------------------------

    def current_section(self) -> str:
        return SECTION_KEYS[self.pages.currentIndex()]

    def show_section(self, key: str) -> None:
        """Show the section ``key``; one the role does not see is not shown."""
        if key in self.sections:
            self.sidebar.setCurrentRow(SECTION_KEYS.index(key))

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages.show_page(row)
        self._show_page_undo()
        self.section_actions[row].setChecked(True)
        self._settings.set(LAST_PAGE, SECTION_KEYS[row])

    def _update_count(self) -> None:
        if self.members_page is None:
            return
        with self._db.sessions() as session:
            persons = count_persons(session)
        # Worded without a plural, so English needs no translation file.
        self.count_label.setText(self.tr("Persons in the register: {count}").format(count=persons))

    def _demo_loaded(self) -> None:
        self.statusBar().showMessage(self.tr("The demo season is loaded."), 10_000)

    def _restore(self) -> None:
        self.sidebar.currentRowChanged.connect(self._section_changed)
        geometry = self._settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        state = self._settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        last = self._settings.get(LAST_PAGE)
        self.show_section(last if last in self.sections else self.sections[0])

    def save_layout(self) -> None:
        """Remember the size, place and bars, for the next window (also after a restore)."""
        self._settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(WINDOW_STATE, self.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_layout()
        self.remote_changes.stop()  # the others see this window go at once
        super().closeEvent(event)
