"""The File menu's register actions: Connect to a server…, Export…, Back up now, Restore from
backup….

Export and backup run in the thread pool and end with a message. Restoring needs the window
and the database closed, which only its owner can do: the dialog's choice goes out as
``restoreRequested`` to ``vrus.ui.app.WindowHost``; so does a server the user connected to
(``serverRequested``: the host opens a new window on it).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QStatusBar, QWidget

from vrus.backup import backup_now
from vrus.backup_files import backup_dir
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.server.connection import ServerAddress
from vrus.ui.common.messages import failure_text
from vrus.ui.common.options import Settings
from vrus.ui.common.plain_text import message_box
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.files.export_dialog import ExportFlow
from vrus.ui.files.restore_dialog import RestoreDialog
from vrus.ui.files.server_dialog import ServerDialog, remembered_address

log = logging.getLogger(__name__)


class FileActions(QObject):
    # The backup file's Path, and the key it opens with when it is encrypted with another key
    # than the register's (a backup from another computer; else None).
    restoreRequested = Signal(object, object)  # noqa: N815 - Qt's naming
    # The URL of a server the dialog connected to (its password in it, for connecting).
    serverRequested = Signal(str)  # noqa: N815 - Qt's naming

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
        self._settings = settings
        self._window = window
        self._status_bar = status_bar
        self.export_flow = ExportFlow(db, settings, window, today)
        self.backing_up = False
        # Kept so tests can reach what is open now.
        self.restore_dialog: RestoreDialog | None = None
        self.server_dialog: ServerDialog | None = None
        self.message: QMessageBox | None = None

        self.connect_action = QAction(self.tr("Co&nnect to a server…"), self)
        self.connect_action.triggered.connect(self.choose_server)
        self.transfer_dialog: QDialog | None = None
        self.transfer_action = QAction(self.tr("&Move the register to a server…"), self)
        self.transfer_action.triggered.connect(self.move_to_server)
        self.transfer_action.setEnabled(db.path is not None)  # a file moves; a server has moved
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.triggered.connect(self.export_flow.start)
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.triggered.connect(self.choose_backup)
        if db.path is None:
            # Back up now writes a register file of the server's register (vrus.server.portable);
            # restoring one onto the server replaces every user's data: 'vrus restore'.
            self.restore_action.setEnabled(False)
            self.restore_action.setStatusTip(
                self.tr("A backup is restored onto a server with 'vrus restore FILE'.")
            )

    def actions(self) -> list[QAction | None]:
        """For the File menu; None is a separator."""
        return [
            self.connect_action,
            self.transfer_action,
            None,
            self.export_action,
            None,
            self.backup_action,
            self.restore_action,
        ]

    # --- Connect to a server ------------------------------------------------------------------

    def choose_server(self) -> None:
        # The server open now, else the one remembered: the fields start filled.
        address = None
        if self._db.path is None:
            with contextlib.suppress(VrusError):
                address = ServerAddress.from_url(self._db.url)
        self.server_dialog = ServerDialog(
            self._settings, address or remembered_address(self._settings), self._window
        )
        self.server_dialog.accepted.connect(self._server_chosen)
        self.server_dialog.open()

    def _server_chosen(self) -> None:
        assert self.server_dialog is not None and self.server_dialog.url is not None
        log.info("a server was chosen to open")
        self.serverRequested.emit(self.server_dialog.url)

    # --- Move the register to a server ------------------------------------------------------

    def move_to_server(self) -> None:
        from vrus.ui.files.transfer_dialog import TransferDialog  # when used: not at start

        dialog = TransferDialog(self._db, self._window)
        # Moved: the host opens the register on the server in a new window.
        dialog.openServer.connect(self.serverRequested)
        self.transfer_dialog = dialog
        dialog.open()

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
