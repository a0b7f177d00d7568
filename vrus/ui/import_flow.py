"""Importing a spreadsheet: choose a file, dry run, preview, then the real import.

Both runs call the core's ``import_members`` in the thread pool; the window only shows what
the reports say, in its own language (``ui_text`` of the core's messages). Nothing is saved
until the user has seen the preview and said "Import".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from vrus.db.engine import Database
from vrus.ui.changes import RegisterChanges
from vrus.ui.core_actions import ImportMembers
from vrus.ui.import_dialog import ImportPreviewDialog
from vrus.ui.messages import failure_text
from vrus.ui.settings import LAST_IMPORT_FOLDER, Settings
from vrus.ui.tasks import BackgroundTask
from vrus.ui.texts import ui_text

log = logging.getLogger(__name__)

# Errors listed in the message when the import itself finds some (the file changed after the
# preview); the rest are counted.
LISTED_ERRORS = 10


class ImportFlow(QObject):
    def __init__(self, db: Database, settings: Settings, import_members: ImportMembers,
                 changes: RegisterChanges, window: QWidget,
                 choose_file: Callable[[], Path | None] | None = None) -> None:
        super().__init__(window)
        self._db = db
        self._settings = settings
        self._import_members = import_members
        self._changes = changes
        self._window = window
        self._choose_file = choose_file or self._ask_for_file
        self._path: Path | None = None
        self._dry_run = True
        self.running = False
        # Kept so tests (and the next step) can reach the dialog that is open now.
        self.busy: QProgressDialog | None = None
        self.preview: ImportPreviewDialog | None = None
        self.message: QMessageBox | None = None

    def start(self) -> None:
        if self.running:
            return
        path = self._choose_file()
        if path is None:
            return
        self._path = path
        self._run(dry_run=True)

    def _ask_for_file(self) -> Path | None:
        folder = self._settings.get(LAST_IMPORT_FOLDER) or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Import a spreadsheet"), folder,
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if not name:
            return None
        path = Path(name)
        self._settings.set(LAST_IMPORT_FOLDER, str(path.parent))
        return path

    def _run(self, *, dry_run: bool) -> None:
        assert self._path is not None
        self.running = True
        self._dry_run = dry_run
        text = (self.tr("Checking {name}…") if dry_run else self.tr("Importing {name}…"))
        self._show_busy(text.format(name=self._path.name))
        db, path, import_members = self._db, self._path, self._import_members
        task = BackgroundTask(lambda _progress: import_members(db, path, dry_run=dry_run),
                              "import dry run" if dry_run else "import")
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.start()

    def _succeeded(self, report: Any) -> None:
        self._hide_busy()
        if self._dry_run:
            self._show_preview(report)
            return
        self.running = False
        log.info("import finished: %s created, %s updated", report.created, report.updated)
        self._changes.changed.emit()
        parts = [ui_text(report.summary_text())]
        if report.ok:
            heading = self.tr("The import is finished.")
            icon = QMessageBox.Icon.Information
        else:
            heading = self.tr("Nothing was imported.")
            icon = QMessageBox.Icon.Warning
            parts.append(self._error_lines(report))
        self._inform(icon, "\n\n".join([heading, *parts]))

    def _error_lines(self, report: Any) -> str:
        """The errors, one line each ("rad 7, Fødselsdato: …"), the first few of them."""
        errors = [p for p in report.problems if p.severity == "error"]
        lines = [ui_text(problem.text()) for problem in errors[:LISTED_ERRORS]]
        if len(errors) > LISTED_ERRORS:
            lines.append(self.tr("… and {count} more").format(
                count=len(errors) - LISTED_ERRORS))
        return "\n".join(lines)

    def _show_preview(self, report: Any) -> None:
        assert self._path is not None
        self.preview = ImportPreviewDialog(report, self._path, self._window)
        self.preview.accepted.connect(self._confirmed)
        self.preview.rejected.connect(self._cancelled)
        self.preview.open()

    def _confirmed(self) -> None:
        self.preview = None
        self._run(dry_run=False)

    def _cancelled(self) -> None:
        self.preview = None
        self.running = False

    def _failed(self, error: BaseException) -> None:
        self._hide_busy()
        self.running = False
        # The importer's own explanation in the window's language, or where the log is.
        text = failure_text(self.tr("The spreadsheet could not be imported."), error)
        self._inform(QMessageBox.Icon.Critical, text)

    def _show_busy(self, text: str) -> None:
        # The importer reports no progress, so the bar only says "working"; the core cannot be
        # interrupted safely, so there is no Cancel button.
        busy = QProgressDialog(text, "", 0, 0, self._window)
        busy.setCancelButton(None)
        busy.setWindowTitle(self.tr("Import a spreadsheet"))
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        self.busy = busy

    def _hide_busy(self) -> None:
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None

    def _inform(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = QMessageBox(icon, self.tr("Import a spreadsheet"), text,
                                   QMessageBox.StandardButton.Ok, self._window)
        self.message.open()
