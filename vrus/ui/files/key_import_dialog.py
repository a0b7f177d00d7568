"""Enter recovery key: the key from the register's recovery sheet, put back in the key store.

On a new computer (or after the key store was lost) an encrypted register does not open:
``vrus.cli`` then calls ``offer_key_import`` before the window exists, which explains and
offers this dialog; after a successful import the register is opened again. A running
window opens the same dialog from its File menu (``open_key_import``).

The dialog checks the key through the core (``vrus.encryption.import_recovery_key``: a
typing error, a key of another register, no key store) and shows the refusal under the
field, keeping what was typed, until the key is right or the user cancels.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vrus import encryption
from vrus.db.keys import KEY_FILE_ENV, RegisterKey, key_store_name
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.opening import MissingKeyError
from vrus.recovery_code import GROUPS
from vrus.ui.common.field_rows import error_label
from vrus.ui.common.messages import core_message
from vrus.ui.common.plain_text import make_plain_box
from vrus.ui.common.widgets import wrapped_label

log = logging.getLogger(__name__)

WIDTH = 540


def _sentence(text: str) -> str:
    """The core's messages are clauses ("the recovery key has ..."); alone under the field
    they read as a sentence."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."


class KeyImportDialog(QDialog):
    """Type the recovery key; accepted (with ``key`` set) once the core has kept it."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyImportDialog")
        self.setWindowTitle(self.tr("Enter recovery key"))
        self._db_path = Path(db_path)
        self.key: RegisterKey | None = None

        explanation = wrapped_label(
            self.tr(
                "Type the recovery key from the register's recovery sheet: the {groups} groups "
                "of characters. Spaces, dashes, line breaks and small or capital letters do not "
                "matter. VRUS checks the key and keeps it in this computer's key store."
            ).format(groups=GROUPS)
        )
        register = wrapped_label(self.tr("Register: {path}").format(path=str(self._db_path)))
        register.setObjectName("keyImportRegister")
        register.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.field = QPlainTextEdit()
        self.field.setObjectName("recoveryKeyField")
        self.field.setTabChangesFocus(True)  # Tab moves on to the buttons, as in a form
        self.field.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.field.setFont(font)
        # Room for the sheet's two lines of seven groups and a line more.
        metrics = self.field.fontMetrics()
        line = "-".join(["XXXX"] * 7)
        frame = 2 * self.field.frameWidth() + 2 * int(self.field.document().documentMargin())
        self.field.setMinimumWidth(metrics.horizontalAdvance(line + "XX") + frame)
        self.field.setFixedHeight(metrics.lineSpacing() * 3 + frame + 4)
        self.field.textChanged.connect(self._typed)

        self.error = error_label()
        self.error.setObjectName("keyImportError")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(register)
        layout.addSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH)
        # Tall enough for the wrapped lines at this width (the size hint assumes narrower).
        self.resize(WIDTH, self.heightForWidth(WIDTH))
        self.field.setFocus()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped lines at the dialog's width (the size hint assumes a
        narrower dialog), also when a message appears."""
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def _typed(self) -> None:
        self.ok_button.setEnabled(bool(self.field.toPlainText().strip()))
        # A message about what was typed before no longer applies.
        self.error.setVisible(False)

    def submit(self) -> None:
        """Let the core check and keep the key; stay open with its refusal when it refuses."""
        text = self.field.toPlainText()
        if not text.strip():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.key = encryption.import_recovery_key(self._db_path, text)
        except VrusError as error:
            # The kind only: the message may name the file (never the key).
            log.info("a recovery key was refused: %s", error_kind(error))
            self.error.setText(_sentence(core_message(error)))
            self.error.setVisible(True)
            self._fit_height()
            self.field.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()


def open_key_import(parent: QWidget | None, db_path: Path) -> bool:
    """The dialog over ``parent`` until it closes; True when the key was kept."""
    dialog = KeyImportDialog(db_path, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class MissingKeyBox(QMessageBox):
    """The register is encrypted and this computer has no key for it: enter the recovery
    key, or Close. Only Close where there is no key store to keep a key in."""

    def __init__(self, error: MissingKeyError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingKeyBox")
        make_plain_box(self)  # the message names the file
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("VRUS – encrypted register"))
        self.setText(core_message(error))
        self.enter_button = None
        if key_store_name() is None:
            self.setInformativeText(
                self.tr(
                    "This computer has no key store to keep the recovery key in. Start VRUS "
                    "with the register's key in a key file ({variable} or --key-file)."
                ).format(variable=KEY_FILE_ENV)
            )
            self.setStandardButtons(QMessageBox.StandardButton.Close)
            return
        self.setInformativeText(
            self.tr(
                "With the register's recovery sheet at hand, choose Enter recovery key and type "
                "the key from it: VRUS keeps it on this computer and opens the register."
            )
        )
        self.enter_button = self.addButton(
            self.tr("Enter recovery key…"), QMessageBox.ButtonRole.AcceptRole
        )
        close = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.enter_button)
        self.setEscapeButton(close)


def offer_key_import(error: MissingKeyError) -> bool:
    """Explain, and offer the recovery key dialog until a key is kept (True) or the user
    closes the box (False). Cancelling the dialog goes back to the box.

    Needs a ``QApplication`` with the window's translators installed (see ``vrus.ui.app``).
    """
    while True:
        box = MissingKeyBox(error)
        box.exec()
        if box.enter_button is None or box.clickedButton() is not box.enter_button:
            return False
        if open_key_import(None, error.path):
            return True
