"""Importing members from a spreadsheet: opens the import wizard and tells the views.

The wizard (``vrus.ui.files.import_wizard``) does the work, in the thread pool; this object starts
it from the File menu and the welcome panel, remembers the folder the user chose from, and
announces a finished import to the views through ``RegisterChanges``. The import, recorded by
the core in the pool (its report's ``step``), is offered to the Members page's undo here, on
the window's thread (``stepRecorded``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from vrus.db.engine import Database
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.core_actions import ImportMembers
from vrus.ui.common.options import LAST_IMPORT_FOLDER, Settings

if TYPE_CHECKING:
    from vrus.ui.files.import_wizard import ImportWizard

log = logging.getLogger(__name__)


class ImportFlow(QObject):
    stepRecorded = Signal(object, str)  # a vrus.undo.Step, its name for the Edit menu

    def __init__(
        self,
        db: Database,
        settings: Settings,
        import_members: ImportMembers,
        changes: RegisterChanges,
        window: QWidget,
        choose_file: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__(window)
        self._db = db
        self._settings = settings
        self._import_members = import_members
        self._changes = changes
        self._window = window
        self._choose_file = choose_file or self._ask_for_file
        # The wizard that is open now, or was last; tests reach its pages through it.
        self.wizard: ImportWizard | None = None

    @property
    def running(self) -> bool:
        return self.wizard is not None and self.wizard.isVisible()

    def start(self) -> None:
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        # Imported on the first import, not with the window (it brings the file readers).
        from vrus.ui.files.import_wizard import ImportWizard

        if self.wizard is not None:
            self.wizard.deleteLater()
        self.wizard = ImportWizard(self._db, self._import_members, self._choose_file, self._window)
        self.wizard.imported.connect(self._imported)
        self.wizard.open()

    def _ask_for_file(self) -> Path | None:
        folder = self._settings.get(LAST_IMPORT_FOLDER) or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self.wizard or self._window,
            self.tr("Import members"),
            folder,
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        self._settings.set(LAST_IMPORT_FOLDER, str(path.parent))
        return path

    def _imported(self, report: Any) -> None:
        log.info("import finished: %s created, %s updated", report.created, report.updated)
        step = getattr(report, "step", None)  # None: an importer that does not record
        if step is not None:
            self.stepRecorded.emit(
                step, self.tr("import of members from {file}").format(file=report.file)
            )
        self._changes.changed.emit()
