"""Settings → Privacy → Encryption: whether the register file is encrypted and where its key
lives, with the banner's "Encrypt the register…" on a plain register and "Save recovery
sheet…" on an encrypted one (both ``EncryptionActions``, shared with the main window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from vrus.db.engine import Database
from vrus.db.keys import KEY_STORE
from vrus.ui.common.widgets import wrapped_label
from vrus.ui.files.encryption_actions import EncryptionActions


class EncryptionSettings(QGroupBox):
    def __init__(
        self, db: Database, actions: EncryptionActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Encryption"), parent)
        self.setObjectName("encryptionSettings")
        self._db = db
        self._actions = actions

        self.state = wrapped_label(self._state_text())
        self.state.setObjectName("encryptionState")
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = wrapped_label(self._note_text())
        self.note.setObjectName("encryptionNote")

        self.encrypt_button = QPushButton(self.tr("Encrypt the register…"))
        self.encrypt_button.setObjectName("encryptRegister")
        self.encrypt_button.clicked.connect(actions.ask_to_encrypt)
        self.sheet_button = QPushButton(self.tr("Save recovery sheet…"))
        self.sheet_button.setObjectName("showRecoverySheet")
        self.sheet_button.clicked.connect(lambda: actions.show_recovery_sheet())

        buttons = QHBoxLayout()
        buttons.addWidget(self.encrypt_button)
        buttons.addWidget(self.sheet_button)
        buttons.addStretch(1)

        # One column: a form's wrapped labels get one line's height and are cut off.
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.state)
        layout.addWidget(self.note)
        if actions.can_encrypt or actions.has_recovery_sheet:
            layout.addLayout(buttons)
        # Shown or hidden once in their layouts: a widget shown before it has a parent flashes
        # up as a window of its own (the page is built while the window is on screen).
        self.note.setVisible(bool(self.note.text()))
        self.encrypt_button.setVisible(actions.can_encrypt)
        self.sheet_button.setVisible(actions.has_recovery_sheet)

    def _state_text(self) -> str:
        key = self._db.key
        if self._db.path is None:
            return self.tr("Encrypted: not by VRUS. The database server protects its own data.")
        if key is None:
            return self.tr(
                "Encrypted: no. Anyone who gets hold of this computer or a backup can read the "
                "children's data."
            )
        if key.source == KEY_STORE:
            return self.tr("Encrypted: yes. The key is kept in the key store ({name}).").format(
                name=key.location
            )
        return self.tr("Encrypted: yes. The key is kept in the key file {path}.").format(
            path=key.location
        )

    def _note_text(self) -> str:
        key = self._db.key
        if key is None:
            return ""
        if not key.raw:
            return self.tr(
                "The key is a passphrase of your own, so there is no recovery sheet: keep a "
                "copy of the key file locked away."
            )
        return self.tr(
            "The register and its backups open only with this key. Keep the recovery sheet "
            "printed and locked away: with it, the register opens on a new computer too."
        )
