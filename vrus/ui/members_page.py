"""The Members page: the register as a read-only table, or the welcome panel while empty.

Editing members comes in a later issue; until then the table shows and selects, nothing more.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QStackedWidget,
    QTableView,
    QWidget,
)

from vrus.db.engine import Database
from vrus.ui.changes import RegisterChanges
from vrus.ui.core_actions import LoadDemo
from vrus.ui.demo_loader import DemoLoader
from vrus.ui.members_model import COL_INSTRUMENT, MembersModel, count_persons
from vrus.ui.welcome import WelcomePanel
from vrus.ui.widgets import fit_columns, page_layout, read_only_table


class MembersPage(QWidget):
    importRequested = Signal()  # noqa: N815 - Qt's naming for signals

    def __init__(self, db: Database, changes: RegisterChanges, *, title: str,
                 load_demo: LoadDemo | None, can_import: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.model = MembersModel(db, self)
        self.table = QTableView()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.model)
        read_only_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

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
        self._stack.addWidget(self.table)

        layout = page_layout(self, title)
        layout.addWidget(self._stack, 1)

        changes.changed.connect(self.refresh)
        self.refresh()

    @property
    def showing_welcome(self) -> bool:
        return self._stack.currentWidget() is self.welcome

    def refresh(self) -> None:
        self.model.refresh()
        with self._db.sessions() as session:
            # Archived persons still count: a register with only archived persons is not new.
            empty = count_persons(session, include_archived=True) == 0
        self._stack.setCurrentWidget(self.welcome if empty else self.table)
        if not empty:
            self._fit_columns()

    def _fit_columns(self) -> None:
        # Fitted to the rows drawn first; the rest are fetched only when scrolled to.
        fit_columns(self.table, range(COL_INSTRUMENT))

    def _demo_loaded(self) -> None:
        # The table replaces the panel (refresh ran on the change signal); reset the panel
        # in case the register is emptied again later.
        self.welcome.show_idle()

    def _load_demo(self) -> None:
        assert self.demo_loader is not None
        self.welcome.show_busy(self.tr("Loading the demo season…"))
        self.demo_loader.start()
