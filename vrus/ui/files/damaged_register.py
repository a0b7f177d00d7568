"""A register that fails SQLite's integrity check at start: say so, offer the newest good backup.

``vrus.cli`` opens the register before the window exists; when the check fails for the
window, it calls ``offer_restore`` instead of only printing the error. The box explains what
happened in the window's language; restoring keeps the damaged file as a safety copy.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from vrus.backup import Restored, restore
from vrus.backup_files import inspect_backup
from vrus.db.integrity import DamagedDatabaseError, first_problem
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.ui.common.messages import failure_text, ui_text
from vrus.ui.common.plain_text import make_plain_box, message_box, show_error
from vrus.ui.files.restore_dialog import kind_text, taken_text

log = logging.getLogger(__name__)


class DamagedRegisterBox(QMessageBox):
    """Restore the newest good backup, or Cancel; only Close when there is no good backup."""

    def __init__(self, error: DamagedDatabaseError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedRegisterBox")
        make_plain_box(self)  # the informative text names the file
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("VRUS – damaged register"))
        self.setText(self.tr("The register is damaged and cannot be opened as it is."))
        found = self.tr("SQLite's integrity check of {path} found: {problem}").format(
            path=str(error.path), problem=first_problem(error.problems)
        )
        self.restore_button = None
        if error.backup is None:
            self.setInformativeText(
                "\n\n".join(
                    [
                        found,
                        self.tr(
                            "No good backup was found. Keep the file as it is and ask for help: "
                            "the log file says more."
                        ),
                    ]
                )
            )
            self.setStandardButtons(QMessageBox.StandardButton.Close)
            return
        info = inspect_backup(error.backup, error.key)
        taken = taken_text(info)
        self.setInformativeText(
            "\n\n".join(
                [
                    found,
                    self.tr(
                        "The newest good backup is from {taken} ({kind}). Restoring it replaces "
                        "the damaged register: what was saved after {taken} is lost. The damaged "
                        "file is kept as a safety copy in the backups folder."
                    ).format(taken=taken, kind=kind_text(info.kind).lower()),
                ]
            )
        )
        self.restore_button = self.addButton(
            self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.restore_button)
        self.setEscapeButton(cancel)


def offer_restore(error: DamagedDatabaseError) -> bool:
    """Show the box; True when the user chose the backup and it was restored.

    Needs a ``QApplication`` with the window's translators installed (see ``vrus.ui.app``).
    """
    box = DamagedRegisterBox(error)
    box.exec()
    if box.restore_button is None or box.clickedButton() is not box.restore_button:
        return False
    assert error.backup is not None
    try:
        restored = restore(error.path, error.backup, error.key)
    except VrusError as failure:
        log.error("restoring a backup after damage failed: %s", error_kind(failure))
        show_error(
            None,
            box.windowTitle(),
            failure_text(
                QCoreApplication.translate(
                    "DamagedRegisterBox", "The backup could not be restored."
                ),
                failure,
            ),
        )
        return False
    log.info(
        "restored a backup into the damaged register; the damaged file %s",
        "is kept in the backups folder" if restored.safety is not None else "was not there",
    )
    _tell_erasures(restored, box.windowTitle())
    return True


def _tell_erasures(restored: Restored, title: str) -> None:
    """The persons erased after the backup was taken are erased again: say so, before the
    window opens on the restored register."""
    messages = [m for m in (restored.notice, restored.warning) if m is not None]
    if not messages:
        return
    icon = QMessageBox.Icon.Warning if restored.warning else QMessageBox.Icon.Information
    text = "\n\n".join(
        [
            QCoreApplication.translate("DamagedRegisterBox", "The backup is restored."),
            *(ui_text(message) for message in messages),
        ]
    )
    message_box(icon, title, text).exec()
