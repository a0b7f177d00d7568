"""Encrypting a plain register from the window, and showing an encrypted one's recovery sheet.

One ``EncryptionActions`` per window serves both the banner over a plain register and
Settings → Privacy. "Encrypt the register…" first says what happens and where the key will
live: the key file named by ``VRUS_KEY_FILE``, else a new key in the key store, else a new key
file the user chooses here (``vrus.encryption.encrypt_register`` picks in the same order).
The conversion itself needs the window and the database closed, which only their owner can
do: the choice goes out as ``encryptRequested`` to ``vrus.ui.app.WindowHost``, as a
restore's does, and the host opens the recovery sheet over the new window when it is done.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from vrus.clock import Today
from vrus.db.engine import Database
from vrus.db.keys import KEY_FILE_ENV, key_file_path, key_store_name
from vrus.ui.common.confirm import ask

if TYPE_CHECKING:
    # Imported when a sheet is shown: it prints with reportlab, which the start does not need.
    from vrus.ui.files.recovery_sheet_dialog import RecoverySheetDialog

log = logging.getLogger(__name__)

# The name offered for a new key file (in the home folder: Documents is often synced to a cloud).
KEY_FILE_NAME = "VRUS-nøkkel.key"


@dataclass(frozen=True)
class EncryptionPlan:
    """What the user chose: ``key_file_target`` is the new key file where this computer has
    no key store (None: the key store's, or ``VRUS_KEY_FILE``'s key)."""

    key_file_target: Path | None = None


class EncryptionActions(QObject):
    encryptRequested = Signal(object)  # noqa: N815 - Qt's naming; an EncryptionPlan

    def __init__(
        self,
        db: Database,
        window: QWidget,
        *,
        language: str,
        today: Today | None = None,
    ) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self._language = language
        self._today = today
        self.sheet: RecoverySheetDialog | None = None  # the one open, for tests

    # --- What applies --------------------------------------------------------------------------

    @property
    def can_encrypt(self) -> bool:
        """A plain SQLite register (a server database is the server's to protect)."""
        return self._db.path is not None and not self._db.encrypted

    @property
    def has_recovery_sheet(self) -> bool:
        """Encrypted with a key VRUS can write as groups (a key file's passphrase cannot)."""
        return self._db.key is not None and self._db.key.raw

    # --- Encrypt the register… ---------------------------------------------------------------

    def ask_to_encrypt(self) -> EncryptionPlan | None:
        """Explain and ask, choose the key file where there is no key store, then request the
        conversion; returns what was requested (None: the user cancelled)."""
        if not self.can_encrypt:
            return None
        named = key_file_path(None)
        store = key_store_name()
        if named is not None:
            where = self.tr(
                "Its key is the one in the key file {path} ({variable}). Keep that file safe: "
                "without it the register cannot be opened."
            ).format(path=str(named), variable=KEY_FILE_ENV)
        elif store is not None:
            where = self.tr(
                "Its key is kept in the key store ({name}) on this computer, so VRUS opens the "
                "register as before."
            ).format(name=store)
        else:
            where = self.tr(
                "This computer has no key store, so the key is saved in a new key file: you "
                "choose where next. Keep the key file safe and never beside the register or "
                "its backups; VRUS finds it again on this computer."
            )
        text = "\n\n".join(
            [
                self.tr(
                    "Encrypt the register and all its backups? Then no one who gets hold of "
                    "this computer, its disk or a backup can read the children's data."
                ),
                where,
                self.tr(
                    "Afterwards, save and print the recovery sheet: without it the register "
                    "cannot be opened if this computer or its key is lost."
                ),
                self.tr("The window closes and opens the encrypted register."),
            ]
        )
        needs_file = named is None and store is None
        accept = self.tr("Choose key file…") if needs_file else self.tr("Encrypt")
        if not ask(self._window, self.tr("Encrypt the register"), text, accept):
            return None
        plan = EncryptionPlan()
        if needs_file:
            target = self._ask_key_file()
            if target is None:
                return None
            plan = EncryptionPlan(key_file_target=target)
        log.info("encryption of the register requested")
        self.encryptRequested.emit(plan)
        return plan

    def _ask_key_file(self) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save the new key file"),
            str(Path.home() / KEY_FILE_NAME),
            self.tr("Key files (*.key)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # a new file only, never over one
        )
        if not path:
            return None
        target = Path(path)
        return target if target.suffix else target.with_name(target.name + ".key")

    # --- The recovery sheet ----------------------------------------------------------------------

    def show_recovery_sheet(self, intro: str = "") -> RecoverySheetDialog | None:
        """Open the recovery sheet over the window (one at a time); None where the register
        has none (plain, or a key file's passphrase)."""
        key = self._db.key
        if key is None or not key.raw or self._db.path is None:
            return None
        from vrus.ui.files.recovery_sheet_dialog import RecoverySheetDialog

        if self.sheet is not None:
            self.sheet.close()
        self.sheet = RecoverySheetDialog(
            key,
            self._db.path.name,
            language=self._language,
            today=self._today,
            intro=intro,
            parent=self._window,
        )
        self.sheet.finished.connect(self._sheet_closed)
        self.sheet.open()
        return self.sheet

    def _sheet_closed(self, _result: int) -> None:
        if self.sheet is not None:
            self.sheet.deleteLater()
            self.sheet = None
