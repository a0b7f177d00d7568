"""The File menu's register actions: Export…, Back up now, Restore from backup….

Export and backup run in the thread pool and end with a message. Restoring needs the window
and the database closed, which only its owner can do: the dialog's choice goes out as
``restoreRequested`` to ``vrus.ui.app.WindowHost``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from vrus.backup import backup_now
from vrus.backup_files import backup_dir
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.ui.common.messages import failure_text
from vrus.ui.common.options import Settings
from vrus.ui.common.plain_text import message_box
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.files.export_dialog import ExportFlow
from vrus.ui.files.restore_dialog import RestoreDialog

log = logging.getLogger(__name__)


class FileActions(QObject):
    # The backup file's Path, and the key it opens with when it is encrypted with another key
    # than the register's (a backup from another computer; else None).
    restoreRequested = Signal(object, object)  # noqa: N815 - Qt's naming

    def __init__(
        self,
        db: Database,
        settings: Settings,
        window: QWidget,
        status_bar: QStatusBar,
        today: Today | None = None,
    ) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self._status_bar = status_bar
        self.export_flow = ExportFlow(db, settings, window, today)
        self.backing_up = False
        # Kept so tests can reach what is open now.
        self.restore_dialog: RestoreDialog | None = None
        self.message: QMessageBox | None = None

        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.triggered.connect(self.export_flow.start)
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.triggered.connect(self.choose_backup)
        if db.path is None:
            # A server database is backed up by the server.
            for action in (self.backup_action, self.restore_action):
                action.setEnabled(False)
                action.setStatusTip(self.tr("The server's own backups apply to this database."))

    def actions(self) -> list[QAction | None]:
        """For the File menu; None is a separator."""
        return [self.export_action, None, self.backup_action, self.restore_action]

    # --- Back up now ------------------------------------------------------------------------

    def back_up(self) -> None:
        if self.backing_up:
            return
        self.backing_up = True
        self._status_bar.showMessage(self.tr("Backing up the register…"))
        db = self._db
        task = BackgroundTask(lambda _progress: backup_now(db), "back up now")
        task.succeeded.connect(self._backed_up)
        task.failed.connect(self._backup_failed)
        task.start()

    def _backed_up(self, path: Path) -> None:
        self.backing_up = False
        self._status_bar.showMessage(self.tr("The register is backed up."), 10_000)
        self._inform(
            QMessageBox.Icon.Information,
            self.tr("The register is backed up. The copy is in\n{path}").format(path=str(path)),
        )

    def _backup_failed(self, error: BaseException) -> None:
        self.backing_up = False
        self._status_bar.clearMessage()
        self._inform(
            QMessageBox.Icon.Critical,
            failure_text(self.tr("The register was not backed up."), error),
        )

    # --- Restore ----------------------------------------------------------------------------

    def choose_backup(self) -> None:
        assert self._db.path is not None
        self.restore_dialog = RestoreDialog(
            self._db.path, backup_dir(self._db), self._window, key=self._db.key
        )
        self.restore_dialog.accepted.connect(self._backup_chosen)
        self.restore_dialog.open()
        self.restore_dialog.load()

    def _backup_chosen(self) -> None:
        assert self.restore_dialog is not None and self.restore_dialog.chosen is not None
        path = self.restore_dialog.chosen.path
        log.info("restore of a backup requested")
        self.restoreRequested.emit(path, self.restore_dialog.chosen_key)

    def _inform(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = message_box(
            icon, self.tr("Backup"), text, QMessageBox.StandardButton.Ok, self._window
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.open()
