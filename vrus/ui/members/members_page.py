"""The Members page: the register as a searchable table with the person editor beside it,
the age-limit panel, and the welcome panel while the register is empty.

Keys: Ctrl+N new person, Ctrl+F search, Enter opens the selected person, Delete archives
the selected persons (Ctrl+Z brings them back), Esc closes the editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vrus import clock
from vrus.ages import AgeFlag
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.member_list import municipalities_in_register
from vrus.persons import person_details
from vrus.reference import ensembles, instruments, municipalities
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.confirm import ask
from vrus.ui.common.core_actions import LoadDemo
from vrus.ui.common.labels import flag_label, remember_instruments
from vrus.ui.common.messages import error_text, failure_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import chain_focus, fit_columns, page_layout, read_only_table
from vrus.ui.files.printing import Document, PrintButton, contact_list_maker
from vrus.ui.members.age_panel import AgeLimitPanel
from vrus.ui.members.demo_loader import DemoLoader
from vrus.ui.members.guardian_email_dialog import GuardianEmailDialog
from vrus.ui.members.member_actions import MemberActions
from vrus.ui.members.member_filters import MemberFilterBar
from vrus.ui.members.members_model import (
    COL_AGE,
    COL_FLAGS,
    COL_LAST_NAME,
    COL_STATUS,
    MembersModel,
)
from vrus.ui.members.new_person_dialog import NewPersonDialog
from vrus.ui.members.person_editor import PersonEditor
from vrus.ui.members.welcome import WelcomePanel

EDITOR_WIDTH = 400  # px, when the window has room; never below what the form needs


class MembersPage(QWidget):
    importRequested = Signal()  # noqa: N815 - Qt's naming for signals
    showRequested = Signal()  # noqa: N815 - a key for this page was pressed elsewhere
    message = Signal(str)  # for the status bar
    filled = Signal()  # the listing is in the table

    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        *,
        title: str,
        load_demo: LoadDemo | None,
        can_import: bool,
        today: Today | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._today: Today = today or clock.today
        self._fitted = False
        self.dialog: QWidget | None = None  # the dialog open now, for tests and focus
        self.actions = MemberActions(db, changes, self)
        self.actions.message.connect(self.message)
        self.model = MembersModel(db, self, today=self._today)
        self.filters = MemberFilterBar()
        self.table = self._build_table()
        self.count_label = plain_label()
        self.count_label.setObjectName("shownCount")
        self.editor = PersonEditor(db, self.actions, changes, self._today)
        self.editor.setVisible(False)
        self.editor.closed.connect(self.close_editor)
        self.age_panel = AgeLimitPanel(db, changes, self._today)
        self.age_panel.personActivated.connect(self.open_person)
        self._build_actions()

        self.welcome = WelcomePanel(can_load_demo=load_demo is not None, can_import=can_import)
        self.welcome.importRequested.connect(self.importRequested)
        self.demo_loader: DemoLoader | None = None
        if load_demo is not None:
            self.demo_loader = DemoLoader(db, load_demo, changes, self)
            self.welcome.demoRequested.connect(self._load_demo)
            self.demo_loader.progress.connect(self.welcome.show_progress)
            self.demo_loader.failed.connect(self.welcome.show_idle)
            self.demo_loader.succeeded.connect(self._demo_loaded)

        self._stack = QStackedWidget()
        self._stack.addWidget(self.welcome)
        self._stack.addWidget(self._build_register())
        layout = page_layout(self, title)
        layout.addWidget(self._stack, 1)

        self.filters.changed.connect(self._filter_changed)
        self.model.listed.connect(self._listed)
        self.model.reading.connect(self._reading)
        self.model.failed.connect(self._read_failed)
        changes.changed.connect(self._changed)
        changes.personChanged.connect(self.model.redraw_person)
        # Filled after the window's first paint (paintEvent), so the window shows at once.
        self._filled_once = False
        self._places: frozenset[int] | None = None

    # --- Building ---------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("membersTable")
        table.setModel(self.model)
        read_only_table(table)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setSortIndicator(COL_LAST_NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # a header click calls MembersModel.sort: SQL order
        table.doubleClicked.connect(lambda _index: self.open_selected())
        return table

    def _build_register(self) -> QWidget:
        self.new_button = QPushButton(self.tr("New person…"))
        self.new_button.setObjectName("newPerson")
        self.new_button.setToolTip(self.tr("Add a person to the register (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_person)
        self.copy_button = QPushButton(self.tr("Copy guardians' e-mail…"))
        self.copy_button.setObjectName("copyGuardianEmails")
        self.copy_button.clicked.connect(self.copy_guardian_emails)
        top = QHBoxLayout()
        top.addWidget(self.filters.search, 1)
        top.addWidget(self.count_label)
        # Beside the search, not among the tab's corner buttons: those must fit beside the
        # tabs when the person editor narrows the list.
        self.print_contacts = self._print_button()
        top.addWidget(self.print_contacts)
        buttons = QWidget()
        corner = QHBoxLayout(buttons)
        corner.setContentsMargins(0, 0, 0, 4)
        corner.addWidget(self.new_button)
        corner.addWidget(self.copy_button)

        register = QWidget()
        inner = QVBoxLayout(register)
        inner.setContentsMargins(0, 6, 0, 0)
        inner.addLayout(top)
        inner.addWidget(self.filters)
        inner.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(register, self.tr("Register"))
        self.tabs.addTab(self.age_panel, self.tr("Age limits"))
        # The page's actions beside the tabs: they serve both tabs and leave the search
        # row room when the editor narrows the table.
        self.tabs.setCornerWidget(buttons, Qt.Corner.TopRightCorner)
        self.tabs.tabBar().setUsesScrollButtons(False)
        # Tab as the eye reads: from the tabs to the buttons beside them, then the search.
        chain_focus(self.tabs.tabBar(), self.new_button, self.copy_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        return self.splitter

    def _action(
        self,
        text: str,
        name: str,
        slot: Callable[[], None],
        keys: list[QKeySequence] | None = None,
        *,
        on_table: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        if on_table:
            # Only while the table has the focus: Delete in a text field deletes text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action(
            self.tr("&New person…"), "newPersonAction", self.new_person, [key("Ctrl+N")]
        )
        self.find_action = self._action(
            self.tr("&Find a person"), "findAction", self.focus_search, [key("Ctrl+F")]
        )
        self.open_action = self._action(
            self.tr("&Open person"),
            "openAction",
            self.open_selected,
            [key(Qt.Key.Key_Return), key(Qt.Key.Key_Enter)],
            on_table=True,
        )
        self.archive_action = self._action(
            self.tr("&Archive"),
            "archiveAction",
            self.archive_selected,
            [key(Qt.Key.Key_Delete)],
            on_table=True,
        )
        self.anonymise_action = self._action(
            self.tr("&Remove permanently…"), "anonymiseAction", self.anonymise_current
        )
        self.copy_emails_action = self._action(
            self.tr("&Copy guardians' e-mail…"), "copyEmailsAction", self.copy_guardian_emails
        )
        self.undo_action = self._action(
            self.tr("&Undo"), "undoAction", self.actions.undo_stack.undo, [key("Ctrl+Z")]
        )
        self.redo_action = self._action(
            self.tr("&Redo"),
            "redoAction",
            self.actions.undo_stack.redo,
            [key("Ctrl+Shift+Z"), key("Ctrl+Y")],
        )
        stack = self.actions.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(
                self.tr("&Undo {action}").format(action=text) if text else self.tr("&Undo")
            )
        )
        stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(
                self.tr("&Redo {action}").format(action=text) if text else self.tr("&Redo")
            )
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def page_actions(self) -> list[QAction]:
        """For the window's Members menu, in menu order (None: a separator)."""
        return [
            self.new_action,
            self.find_action,
            self.open_action,
            None,
            self.copy_emails_action,
            None,
            self.archive_action,
            self.anonymise_action,
        ]

    def _print_button(self) -> PrintButton:
        def maker():
            ensemble_id = self.filters.ensemble.currentData()
            name = self.filters.ensemble.currentText() if ensemble_id is not None else None
            return contact_list_maker(ensemble_id, name, self._today())

        button = PrintButton(
            self._db,
            self.tr("Print contact list"),
            [Document("contacts", self.tr("the contact and emergency list"), maker)],
            name="printContacts",
            show_status=False,
        )
        button.button.setToolTip(
            self.tr(
                "The active members with their guardians' names and phone numbers, for the "
                "seminar bag: the ensemble chosen in the filter, or all ensembles"
            )
        )
        button.opened.connect(
            lambda path: self.message.emit(self.tr("Opened {path}").format(path=path))
        )
        button.saved.connect(
            lambda path: self.message.emit(self.tr("Saved {path}").format(path=path))
        )
        return button

    # --- Showing ----------------------------------------------------------------------------

    @property
    def showing_welcome(self) -> bool:
        return self._stack.currentWidget() is self.welcome

    def refresh(self) -> None:
        """The register changed: follow it (only the persons changed are read again). A
        large register read whole is read in another thread: the rest happens when the
        model says it is ``listed``."""
        self._filled_once = True
        self.model.refresh()

    def _listed(self) -> None:
        """The listing follows the register: read the filter's choices again when what they
        list may have changed, and show the welcome panel for an empty register."""
        snapshot = self.model.snapshot
        # Archived persons still count: a register with only archived persons is not new.
        empty = not snapshot.persons
        places = frozenset(p.municipality_id for p in snapshot.persons.values())
        if self.model.changed is None or places != self._places:
            self._places = places
            with self._db.sessions() as session:
                played = instruments(session)
                remember_instruments(played)
                self.filters.set_choices(
                    ensembles(session),
                    played,
                    municipalities_in_register(session, self._today(), present=places),
                )
        self._after_reload()
        self._stack.setCurrentWidget(self.welcome if empty else self.splitter)
        self._fit_columns()
        self.filled.emit()

    def _reading(self) -> None:
        self.count_label.setText(self.tr("Reading the register…"))
        if self.model.rowCount() == 0:
            self._stack.setCurrentWidget(self.splitter)

    def _read_failed(self, error: BaseException) -> None:
        self.count_label.setText("")
        text = failure_text(self.tr("The register could not be listed."), error)
        self.message.emit(" ".join(text.split()))

    def _changed(self) -> None:
        if self._filled_once:
            self.refresh()

    def fill(self) -> None:
        """List the register if that has not been done yet (the first show does it)."""
        if not self._filled_once:
            self.refresh()

    def _filter_changed(self) -> None:
        self.model.set_filter(self.filters.member_filter())
        self._after_reload()

    def _after_reload(self) -> None:
        self.count_label.setText(self.tr("{count} shown").format(count=self.model.rowCount()))
        # A reset drops the selection; keep the open person selected where listed.
        if self.editor.isVisible() and self.editor.person_id is not None:
            self.select_person(self.editor.person_id)

    def _fit_columns(self) -> None:
        """Once, to the rows in view (the rest are fetched only when scrolled to); Qt measures
        only the rows it can see, so this waits until the table is on screen."""
        if self._fitted or not self.table.isVisible() or not self.model.rowCount():
            return
        fit_columns(self.table, range(COL_STATUS), air=16, widest=240)
        self.table.resizeColumnToContents(COL_AGE)  # a number: no air beyond the header's
        # Room for one flag; a second is elided, and both are in the cell's tooltip.
        one_flag = (
            max(self.table.fontMetrics().horizontalAdvance(flag_label(f)) for f in AgeFlag) + 40
        )
        self.table.setColumnWidth(COL_FLAGS, min(self.table.columnWidth(COL_FLAGS), one_flag))
        self._fitted = True

    @property
    def is_filled(self) -> bool:
        """Listing has begun (a large register may still be read: ``model.is_reading``)."""
        return self._filled_once

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._filled_once:
            QTimer.singleShot(0, self.fill)  # the window is on screen: now list

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_columns)  # after the layout has sized the table

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.model.index(row, COL_LAST_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    # --- Actions ----------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.person_id(row) for row in rows]

    def current_person(self) -> int | None:
        if self.editor.isVisible() and self.editor.person_id is not None:
            return self.editor.person_id
        selected = self.selected_ids()
        return selected[0] if selected else None

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_person(self.model.person_id(index.row()))

    def open_person(self, person_id: int) -> None:
        self.editor.setVisible(True)
        sizes = self.splitter.sizes()
        wanted = max(EDITOR_WIDTH, self.editor.minimumWidth())
        if sizes[1] < wanted:
            self.splitter.setSizes([max(sum(sizes) - wanted, 200), wanted])
        self.editor.open_person(person_id)
        self.select_person(person_id)

    def close_editor(self) -> None:
        self.editor.setVisible(False)
        self.table.setFocus()

    def focus_search(self) -> None:
        self.showRequested.emit()
        self.tabs.setCurrentIndex(0)
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def new_person(self) -> None:
        self.showRequested.emit()
        with self._db.sessions() as session:
            places = municipalities(session, on=self._today())
        dialog = NewPersonDialog(self._db, places, self._today, parent=self, actions=self.actions)
        dialog.created.connect(self._created)
        dialog.openExisting.connect(self.open_person)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _created(self, person_id: int) -> None:
        self._changes.changed.emit()
        self.tabs.setCurrentIndex(0)
        self.open_person(person_id)

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first = self.model.member_row(self.model.row_of(ids[0]))
        name = f"{first.first_name} {first.last_name}" if first else ""
        description = (
            self.tr("archive {name}").format(name=name)
            if len(ids) == 1
            else self.tr("archive {count} persons").format(count=len(ids))
        )
        next_row = min(self.model.row_of(ids[0]), self.model.rowCount() - len(ids) - 1)
        self.actions.archive(ids, description)
        self.message.emit(
            self.tr("Archived: {what}. Ctrl+Z brings it back.").format(
                what=name if len(ids) == 1 else len(ids)
            )
        )
        if 0 <= next_row < self.model.rowCount() and not self.editor.isVisible():
            self.table.selectRow(next_row)

    def anonymise_current(self) -> None:
        person_id = self.current_person()
        if person_id is None:
            return
        with self._db.sessions() as session:
            name = person_details(session, person_id).full_name
        if not ask(
            self,
            self.tr("Remove permanently"),
            self.tr(
                "Remove {name} from the register for good?\n\nErased: the name, the exact "
                "birth date, contact details, allergies, diets, consents, notes (also those on "
                "sign-ups, attendance and memberships), the change history, and guardians "
                "with no other child in the register. Kept for statistics: gender, birth "
                "year, municipality, ensembles and sections, and the seasons of membership."
                "\n\nThis cannot be undone, and restoring an older backup erases the person "
                "again."
            ).format(name=name),
            self.tr("Remove {name} permanently").format(name=name),
            destructive=True,
        ):
            return
        try:
            self.actions.erase(person_id)
        except VrusError as error:
            self.message.emit(error_text(error))
            return
        self.close_editor()
        self.message.emit(self.tr("{name} was removed from the register.").format(name=name))

    def copy_guardian_emails(self) -> None:
        self.showRequested.emit()
        dialog = GuardianEmailDialog(
            self._db,
            self._today(),
            selected=self.selected_ids(),
            listed=self.model.person_ids(),
            listed_description=self.filters.description(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    # --- Demo -------------------------------------------------------------------------------

    def _demo_loaded(self) -> None:
        # The table replaces the panel (refresh ran on the change signal); reset the panel
        # in case the register is emptied again later.
        self.welcome.show_idle()

    def _load_demo(self) -> None:
        assert self.demo_loader is not None
        self.welcome.show_busy(self.tr("Loading the demo season…"))
        self.demo_loader.start()
