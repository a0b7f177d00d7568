"""The first start: the window is about to make a new register; encrypted or not?

``vrus.cli`` asks before it opens (and so creates) the register file, when the window is
what was started. Encrypted is the default wherever there is somewhere to keep the key (the
computer's key store, or a key file named by ``VRUS_KEY_FILE``); where there is neither, the
choice is shown disabled with the reason, and the register is made plain.

Someone who joins a register shared on a server makes no file at all: "Connect to a
server…" opens the server dialog, and the start opens the server instead (``server_url``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vrus.db.keys import KEY_FILE_ENV
from vrus.ui.common.options import Settings
from vrus.ui.common.widgets import wrapped_label

if TYPE_CHECKING:
    from vrus.ui.files.server_dialog import ServerDialog

WIDTH = 540


class NewRegisterDialog(QDialog):
    """Encrypted or plain; accepted with ``encrypted()`` telling which, or with
    ``server_url`` set when the user connected to a server instead (``settings`` given)."""

    def __init__(
        self,
        path: Path,
        key_store: str | None,
        key_file: Path | None,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.server_url: str | None = None
        self.server_dialog: ServerDialog | None = None
        self.setObjectName("newRegisterDialog")
        self.setWindowTitle(self.tr("New register"))
        self.can_encrypt = key_store is not None or key_file is not None

        self.encrypted_button = QRadioButton(self.tr("Encrypted (recommended)"))
        self.encrypted_button.setObjectName("encryptedChoice")
        self.encrypted_note = self._note(self._key_text(key_store, key_file))
        self.encrypted_note.setObjectName("encryptedNote")
        self.plain_button = QRadioButton(self.tr("Not encrypted"))
        self.plain_button.setObjectName("plainChoice")
        self.plain_note = self._note(
            self.tr(
                "Anyone who gets hold of the file, or a copy of it, can read the children's "
                "data: names, addresses, allergies. The register can be encrypted later."
            )
        )
        # One group: the two buttons are the dialog's only radio buttons.
        self.encrypted_button.setChecked(self.can_encrypt)
        self.encrypted_button.setEnabled(self.can_encrypt)
        self.plain_button.setChecked(not self.can_encrypt)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.server_button: QPushButton | None = None
        if settings is not None:
            self.server_button = buttons.addButton(
                self.tr("Connect to a server…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.server_button.setObjectName("connectToServer")
            self.server_button.setToolTip(
                self.tr("Use a register that several people share on a server, instead.")
            )
            self.server_button.clicked.connect(self.choose_server)

        # The path on a line of its own: wrapped inside a sentence it breaks anywhere.
        where = wrapped_label(
            self.tr("There is no register yet. VRUS makes a new one here:\n{path}").format(
                path=str(path)
            )
        )
        where.setObjectName("registerPath")
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(where)
        layout.addLayout(_option(self.encrypted_button, self.encrypted_note))
        layout.addLayout(_option(self.plain_button, self.plain_note))
        layout.addStretch(1)  # height the wrapped lines do not need goes here, not between them
        layout.addWidget(buttons)
        self.setMinimumWidth(WIDTH)
        # Tall enough for the wrapped lines at this width (the size hint assumes narrower).
        self.resize(WIDTH, self.heightForWidth(WIDTH))

    def _key_text(self, key_store: str | None, key_file: Path | None) -> str:
        # The key file wins over the key store when both exist (vrus.db.keys.find_key).
        if key_file is not None:
            return self.tr(
                "The key is the one in the key file {path}. Next, VRUS offers a recovery sheet "
                "to print and keep safe."
            ).format(path=str(key_file))
        if key_store is not None:
            return self.tr(
                "The key is kept in this computer's key store ({name}). Next, VRUS offers a "
                "recovery sheet to print and keep safe: without it, the register cannot be "
                "opened if the key store is lost."
            ).format(name=key_store)
        return self.tr(
            "This computer has no key store; start VRUS with a key file ({variable}) to encrypt."
        ).format(variable=KEY_FILE_ENV)

    def _note(self, text: str) -> QLabel:
        """A line under a radio button, lined up with the button's text."""
        label = wrapped_label(text)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + (
            style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        )
        label.setContentsMargins(indent, 0, 0, 0)
        return label

    def encrypted(self) -> bool:
        return self.can_encrypt and self.encrypted_button.isChecked()

    def choose_server(self) -> None:
        """The server dialog over this one; connected, this one is done too."""
        assert self._settings is not None
        from vrus.ui.files.server_dialog import ServerDialog

        self.server_dialog = ServerDialog(self._settings, parent=self)
        self.server_dialog.accepted.connect(self._server_chosen)
        self.server_dialog.open()

    def _server_chosen(self) -> None:
        assert self.server_dialog is not None
        self.server_url = self.server_dialog.url
        self.accept()


def _option(button: QRadioButton, note: QLabel) -> QVBoxLayout:
    """A radio button with its note close under it."""
    layout = QVBoxLayout()
    layout.setSpacing(2)
    layout.addWidget(button)
    layout.addWidget(note)
    return layout


def choose_new_register(
    path: Path, key_store: str | None, key_file: Path | None, settings: Settings | None = None
) -> bool | str | None:
    """Ask; True for encrypted, False for plain, the URL of a server connected to instead
    (offered with ``settings``), None when the dialog was cancelled or closed.

    Needs a ``QApplication`` with the window's translators installed (see ``vrus.ui.app``).
    """
    dialog = NewRegisterDialog(path, key_store, key_file, settings=settings)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.server_url is not None:
        return dialog.server_url
    return dialog.encrypted()
