"""Connect to a server: the register shared by several users, on a PostgreSQL server.

The dialog asks for the server's host, port, database, user and password, checks the
connection the way VRUS will open it (``vrus.server.connection.check_server``, off the GUI
thread) and says in one line what is wrong. Accepted, it has connected: ``url`` is what to
open (the password in it only for connecting). The password is kept in the computer's key
store when asked to, never in the settings; the address (without password) is remembered in
the window's settings, so that the next start opens the server again (``server_at_start``).

Where it is opened from: the File menu ("Connect to a server…", ``FileActions``), the first
start instead of a new register (``NewRegisterDialog``), and a start whose remembered server
does not answer or wants a password.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrus.db.engine import connect
from vrus.db.keys import key_store_name
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.server.connection import (
    ServerAddress,
    check_server,
    forget,
    password_for,
    save_password,
    server_address,
    without_password,
)
from vrus.server.roles import Role, role_of
from vrus.texts import Text
from vrus.ui.common.colours import GOOD, text_style
from vrus.ui.common.field_rows import error_label, error_style
from vrus.ui.common.messages import core_message, error_text, ui_text
from vrus.ui.common.options import SERVER_URL, Settings
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import wrapped_label
from vrus.ui.files.server_fields import address_fields

log = logging.getLogger(__name__)

WIDTH = 520

# What each role is called where the window says who the user is (vrus.server.roles).
ROLE_NAMES = {
    Role.COORDINATOR: QT_TRANSLATE_NOOP("ServerDialog", "coordinator"),
    Role.LUNCH: QT_TRANSLATE_NOOP("ServerDialog", "lunch and duties"),
    Role.INSTRUCTOR: QT_TRANSLATE_NOOP("ServerDialog", "instructor"),
    Role.READER: QT_TRANSLATE_NOOP("ServerDialog", "reports only"),
}


def role_name(role: Role) -> str:
    return QCoreApplication.translate("ServerDialog", ROLE_NAMES[role])


def check_login(url: str) -> tuple[Text, Role]:
    """Connect to ``url`` as VRUS will (``check_server``) and find the user's role there; a
    ``VrusError`` says what is wrong (a login without a VRUS role too). Off the GUI thread."""
    found = check_server(url)
    db = connect(url)
    try:
        return found, role_of(db)
    finally:
        db.close()


def remembered_address(settings: Settings) -> ServerAddress | None:
    """The server the window opens at start, or None (the register file on this computer)."""
    url = settings.get(SERVER_URL)
    if not url:
        return None
    try:
        return ServerAddress.from_url(url)
    except VrusError:  # a hand-edited setting: as if there were none
        return None


class ServerDialog(QDialog):
    """Host, port, database, user and password; accepted once the connection works.

    ``at_start``: VRUS is starting and its remembered server did not open; the dialog then
    also offers the register on this computer (``use_local`` tells it was chosen) and says
    what went wrong (``problem``).
    """

    def __init__(
        self,
        settings: Settings,
        address: ServerAddress | None = None,
        parent: QWidget | None = None,
        *,
        at_start: bool = False,
        problem: VrusError | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self._settings = settings
        self.url: str | None = None  # with the password: for connecting, never to keep
        self.address: ServerAddress | None = None
        self.use_local = False
        self.task: BackgroundTask | None = None
        self._connect_after_check = False
        self._stored: ServerAddress | None = None  # whose password the key store keeps

        explanation = wrapped_label(
            self.tr(
                "A register that several people use lives on a PostgreSQL server. Whoever set "
                "the server up gives you these details; each person has a user of their own."
            )
        )
        fields = address_fields("server")
        self.host, self.port, self.database = fields.host, fields.port, fields.database
        self.user, self.password = fields.user, fields.password

        store = key_store_name()
        self.remember_password = QCheckBox(
            self.tr("Remember the password on this computer")
            if store is not None
            else self.tr("Remember the password (this computer has no key store)")
        )
        self.remember_password.setObjectName("rememberPassword")
        self.remember_password.setChecked(store is not None)
        self.remember_password.setEnabled(store is not None)
        self.remember_password.setToolTip(
            self.tr("Kept in the computer's key store ({name}), not in a file.").format(name=store)
            if store is not None
            else self.tr("This computer has no key store: the password is asked at each start.")
        )
        self.open_at_start = QCheckBox(self.tr("Open this server when VRUS starts"))
        self.open_at_start.setObjectName("openAtStart")
        self.open_at_start.setChecked(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)

        self.status = plain_label()
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setVisible(False)
        self.field_error = error_label()
        self.field_error.setObjectName("serverFieldError")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Connect"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.connect_server)
        self.buttons.rejected.connect(self.reject)
        self.local_button: QPushButton | None = None
        if at_start:
            self.cancel_button.setText(self.tr("Quit"))
            self.local_button = self.buttons.addButton(
                self.tr("Use the register on this computer"),
                QDialogButtonBox.ButtonRole.ResetRole,
            )
            self.local_button.setObjectName("useLocalRegister")
            self.local_button.clicked.connect(self._choose_local)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.remember_password)
        layout.addWidget(self.open_at_start)
        layout.addWidget(self.field_error)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for field in (self.host, self.database, self.user, self.password):
            field.textEdited.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self.load(address)
        if problem is not None:
            self._show_status(core_message(problem), ok=False)
        self.setMinimumWidth(WIDTH)
        self.resize(WIDTH, self.heightForWidth(WIDTH))

    # --- the fields ---------------------------------------------------------------------------

    def load(self, address: ServerAddress | None) -> None:
        """Fill the fields with ``address`` (the remembered server, or the one open now); a
        password the key store keeps is used, not shown."""
        if address is None:
            self.host.setFocus()
            return
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self._stored = address if self._kept_password(address) else None
        self._show_kept_password()
        self.password.setFocus()

    def _kept_password(self, address: ServerAddress) -> str | None:
        try:
            return password_for(address)
        except VrusError as error:  # a locked key store: the password is typed instead
            log.info("the key store did not give a server password: %s", error_kind(error))
            return None

    def _show_kept_password(self) -> None:
        kept = self._stored is not None and self._stored == self._typed_address()
        self.password.setPlaceholderText(self.tr("kept on this computer") if kept else "")

    def _typed_address(self) -> ServerAddress | None:
        try:
            return self._address()
        except VrusError:
            return None

    def _address(self) -> ServerAddress:
        return server_address(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )

    def _password(self, address: ServerAddress) -> str | None:
        """What was typed; else the key store's password for this very address."""
        typed = self.password.text()
        if typed:
            return typed
        if self._stored is not None and self._stored == address:
            return self._kept_password(address)
        return None

    def _edited(self) -> None:
        # What was said about the fields before no longer applies.
        self.field_error.setVisible(False)
        self.status.setVisible(False)
        self._show_kept_password()

    # --- checking and connecting --------------------------------------------------------------

    def test_connection(self) -> None:
        self._check(connect=False)

    def connect_server(self) -> None:
        """OK: check the connection; accepted when it works (see ``_checked``)."""
        self._check(connect=True)

    def _check(self, *, connect: bool) -> None:
        if self.task is not None:
            return
        try:
            address = self._address()
        except VrusError as error:
            self.field_error.setText(error_text(error))
            self.field_error.setVisible(True)
            self._fit_height()
            return
        url = address.url(self._password(address))
        self.address = address
        self._connect_after_check = connect
        self._show_status(self.tr("Connecting to {server}…").format(server=address.host), ok=None)
        self._busy(True)
        self.task = BackgroundTask(lambda _progress: check_login(url), "check a server")
        self.task.succeeded.connect(lambda found: self._checked(url, found))
        self.task.failed.connect(self._failed)
        self.task.start()

    def _checked(self, url: str, found: tuple[Text, Role]) -> None:
        self.task = None
        self._busy(False)
        text, role = found
        self._show_status(
            self.tr("{found} Your role: {role}.").format(found=ui_text(text), role=role_name(role)),
            ok=True,
        )
        if self._connect_after_check:
            self._keep(url)
            self.url = url
            self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._busy(False)
        log.info("a server connection failed: %s", error_kind(error))
        if isinstance(error, VrusError):
            self._show_status(core_message(error), ok=False)
        else:
            self._show_status(
                self.tr("The connection failed for a reason VRUS does not know; see the log."),
                ok=False,
            )

    def _keep(self, url: str) -> None:
        """What the user asked to keep: the password in the key store (or none there), the
        address in the settings (or none)."""
        address = self.address
        assert address is not None
        password = self._password(address)
        try:
            if self.remember_password.isChecked() and password:
                save_password(address, password)
            elif not self.remember_password.isChecked():
                forget(address)
        except VrusError as error:  # connecting works without it; the user is told
            log.info("the server password was not kept: %s", error_kind(error))
        if self.open_at_start.isChecked():
            self._settings.set(SERVER_URL, without_password(url))
        else:
            self._settings.reset(SERVER_URL)
        self._settings.sync()

    def _choose_local(self) -> None:
        """At start: the register file on this computer, and no server at the next start."""
        self._settings.reset(SERVER_URL)
        self._settings.sync()
        self.use_local = True
        self.reject()

    def _busy(self, busy: bool) -> None:
        for button in (self.ok_button, self.test_button):
            button.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _show_status(self, text: str, *, ok: bool | None) -> None:
        style = {True: text_style(GOOD), False: error_style(), None: ""}[ok]
        self.status.setStyleSheet(style)
        self.status.setText(text)
        self.status.setVisible(True)
        self._fit_height()

    def _fit_height(self) -> None:
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def done(self, result: int) -> None:
        if self.task is not None:  # closed while checking: the answer then goes nowhere
            self.task.succeeded.disconnect()
            self.task.failed.disconnect()
            self.task = None
            QApplication.restoreOverrideCursor()
        super().done(result)


def server_at_start(settings: Settings) -> str | bool:
    """VRUS starts: the remembered server's URL to open (its password from the key store),
    once it answers. True: no server, or the user chose the register on this computer;
    False: the user quit. A server that does not answer, or wants a password, is shown in the
    dialog with what is wrong.

    Needs a ``QApplication`` with the window's translators installed (see ``vrus.ui.app``).
    """
    address = remembered_address(settings)
    if address is None:
        return True
    problem: VrusError | None = None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        url = address.url(password_for(address))
        check_login(url)
        return url
    except VrusError as error:
        log.info("the remembered server did not open: %s", error_kind(error))
        problem = error
    finally:
        QApplication.restoreOverrideCursor()
    dialog = ServerDialog(settings, address, at_start=True, problem=problem)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.url is not None:
            return dialog.url
        return dialog.use_local
    finally:
        dialog.deleteLater()
