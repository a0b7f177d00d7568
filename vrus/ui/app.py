"""Starting the window: the application object, the language, error reporting, the loop.

``run_window`` is what ``vrus`` (the command) calls. Tests build the window with
``create_main_window`` instead, which needs no event loop and takes its settings and core
functions as arguments. ``WindowHost`` owns the open register and its window: restoring a
backup or encrypting the register replaces both. ``offer_restore`` is what ``vrus`` calls
when the register is damaged, ``show_start_failure`` when it cannot be opened at all.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from vrus.backup import on_close, on_open
from vrus.backup import restore as restore_backup
from vrus.backup_files import BackupError
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.db.integrity import DamagedDatabaseError
from vrus.db.keys import RegisterKey
from vrus.encryption import Encrypted, encrypt_register
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.opening import MissingKeyError, open_database
from vrus.server.refusals import watch as watch_refusals
from vrus.texts import Text
from vrus.ui.common.clipboard import clear_personal_clipboard
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.icons import icon
from vrus.ui.common.messages import core_message, failure_text, ui_text, unexpected_error_text
from vrus.ui.common.options import LANGUAGE, SERVER_URL, Settings
from vrus.ui.common.plain_text import message_box, show_error
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.files import print_folder
from vrus.ui.i18n import install_translators
from vrus.ui.main_window import MainWindow
from vrus.ui.startup_probe import StartupProbe, probe_file

if TYPE_CHECKING:
    from vrus.ui.files.encryption_actions import EncryptionPlan
    from vrus.ui.files.recovery_sheet_dialog import RecoverySheetDialog

log = logging.getLogger(__name__)

ORGANIZATION = "Vestregionen"
APPLICATION = "VRUS"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def create_main_window(
    db: Database,
    settings: Settings | None = None,
    actions: CoreActions | None = None,
    today: Today | None = None,
) -> MainWindow:
    """``today`` fixes the day (and so the season) for tests; by default it is the clock's."""
    return MainWindow(
        db,
        settings if settings is not None else Settings(),
        actions if actions is not None else CoreActions.installed(),
        today=today,
    )


class WindowHost(QObject):
    """The open register and its window; a restore or encrypting the register replaces both.

    Every page keeps the ``Database`` it was built with. Rather than re-pointing each one,
    the host closes the window's database, restores (or encrypts) the file, opens it again
    and builds a new window on it, so no page is ever left with a closed engine.
    """

    reopened = Signal(object)  # the new MainWindow

    def __init__(
        self,
        db: Database,
        settings: Settings,
        actions: CoreActions | None = None,
        today: Today | None = None,
        *,
        offer_recovery_sheet: bool = False,
        probe: Path | None = None,
    ) -> None:
        """``offer_recovery_sheet``: the register was made encrypted just now; its recovery
        sheet is shown once, over the first window. ``probe``: the start-up probe's file
        (``VRUS_STARTUP_PROBE``), for the first window."""
        super().__init__()
        self.db = db
        self._given = db  # closed by whoever opened it; the host closes only its own
        self._settings = settings
        self._actions = actions
        self._today = today
        self._offer_sheet = offer_recovery_sheet
        self._probe_file = probe
        self.probe: StartupProbe | None = None
        self.window: MainWindow | None = None
        self.notice: QMessageBox | None = None  # what the restore did, over the new window
        self.sheet: RecoverySheetDialog | None = None  # the recovery sheet the host offered
        self.progress: QProgressDialog | None = None  # while the register is encrypted
        self._encrypting_from: MainWindow | None = None

    def open(self) -> MainWindow:
        window = create_main_window(self.db, self._settings, self._actions, self._today)
        window.file_actions.restoreRequested.connect(self.restore)
        window.file_actions.serverRequested.connect(self.open_server)
        window.encryption_actions.encryptRequested.connect(self.encrypt)
        if self._probe_file is not None:  # before it is shown: it watches the first paint
            self.probe = StartupProbe(window, self._probe_file)
            self._probe_file = None
        window.show()
        self.window = window
        if self._offer_sheet:
            self._offer_sheet = False
            self.sheet = window.encryption_actions.show_recovery_sheet(
                QCoreApplication.translate("App", "The new register is encrypted.")
            )
        return window

    def restore(self, backup: Path, backup_key: RegisterKey | None = None) -> None:
        """Replace the register with ``backup`` (opened with ``backup_key`` when it is a
        backup from another computer, encrypted with another key) and open a new window."""
        old = self.window
        assert old is not None
        old.save_layout()  # the new window opens where this one was
        key = self.db.key  # the restored register keeps it
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Done here on the GUI thread on purpose: while the file is replaced, no event
            # may reach a page that would read the register. A local copy takes a moment.
            kind, text = self._replace(Path(backup), backup_key)
            reopened = self._reopen(key)
        finally:
            QApplication.restoreOverrideCursor()
        if reopened is not None:
            self._give_up(old, reopened)
            return
        window = self._new_window(old)
        self.notice = message_box(
            kind,
            QCoreApplication.translate("App", "Restore"),
            text,
            QMessageBox.StandardButton.Ok,
            window,
        )
        self.notice.open()
        self.reopened.emit(window)

    def open_server(self, url: str) -> None:
        """Open the register on the server at ``url`` (the server dialog has connected to it)
        in a new window; the window open now stays, with a message, when it does not open."""
        old = self.window
        assert old is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = open_database(url)
            watch_refusals(db.engine)  # a right the server refuses: a message naming it
        except VrusError as error:
            log.error("the server's register could not be opened: %s", error_kind(error))
            show_error(
                old,
                QCoreApplication.translate("App", "Connect to a server"),
                failure_text(
                    QCoreApplication.translate("App", "The register on the server did not open."),
                    error,
                ),
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        old.save_layout()  # the new window opens where this one was
        # Nothing may still read the register this window had open.
        QThreadPool.globalInstance().waitForDone()
        self.close_own_database()
        self.db = db
        window = self._new_window(old)
        self.reopened.emit(window)

    def _new_window(self, old: MainWindow) -> MainWindow:
        window = self.open()
        old.close()  # after the new one is shown: closing the last window would quit
        old.deleteLater()
        return window

    def _give_up(self, old: MainWindow, reason: str) -> None:
        """The register did not open again: say why and end (there is nothing to show)."""
        old.close()
        old.deleteLater()
        show_error(None, QCoreApplication.translate("App", "VRUS – error"), reason)
        QCoreApplication.exit(1)

    def _replace(
        self, backup: Path, backup_key: RegisterKey | None = None
    ) -> tuple[QMessageBox.Icon, str]:
        translate = QCoreApplication.translate
        database = self.db.path
        assert database is not None
        key = self.db.key
        # Nothing may hold the register open: no task in the pool, no pooled connection.
        QThreadPool.globalInstance().waitForDone()
        self.db.close()
        try:
            restored = restore_backup(database, backup, key, backup_key=backup_key)
        except BackupError as error:  # nothing was changed
            return QMessageBox.Icon.Critical, failure_text(
                translate("App", "The backup was not restored."), error
            )
        except VrusError as error:  # copied, but the upgrade of an older backup failed
            return QMessageBox.Icon.Critical, failure_text(
                translate("App", "The backup was restored but could not be upgraded."), error
            )
        parts = [translate("App", "The backup is restored:\n{path}").format(path=str(backup))]
        if restored.safety is not None:
            parts.append(
                translate("App", "The register as it was before is kept in\n{path}").format(
                    path=str(restored.safety)
                )
            )
        # The persons erased after the backup was taken: erased again, and said so.
        if restored.notice is not None:
            parts.append(ui_text(restored.notice))
        if restored.warning is not None:
            parts.append(ui_text(restored.warning))
            return QMessageBox.Icon.Warning, "\n\n".join(parts)
        return QMessageBox.Icon.Information, "\n\n".join(parts)

    def _reopen(self, key: RegisterKey | None = None) -> str | None:
        """Open the register again (with ``key``, the key it is known to open with; None: as
        at start); None when it opened, else why it did not."""
        url = self.db.url
        try:
            self.db = open_database(url, key=key)
        except VrusError as error:
            log.error("the register could not be opened again: %s", error_kind(error))
            return failure_text(
                QCoreApplication.translate("App", "The register could not be opened again."), error
            )
        # Notes writes for the backup on closing, on this engine too.
        # A failed daily backup is logged by on_open (its message names the file: not here).
        on_open(self.db)
        return None

    # --- Encrypting the register ---------------------------------------------------------------

    def encrypt(self, plan: EncryptionPlan) -> None:
        """Encrypt the plain register and its backups (``vrus.encryption``), then open it
        again in a new window and offer its recovery sheet there.

        As for a restore, the window's database is closed first. The conversion runs in the
        pool (it reports its progress, one step per file); meanwhile an application-modal
        progress box keeps every page from reading the register.
        """
        old = self.window
        database = self.db.path
        if old is None or database is None or self.db.encrypted or self.progress is not None:
            return
        old.save_layout()
        QThreadPool.globalInstance().waitForDone()
        self.db.close()
        self._encrypting_from = old
        translate = QCoreApplication.translate
        progress = QProgressDialog(
            translate("App", "Encrypting the register and its backups…"), "", 0, 0, old
        )
        progress.setCancelButton(None)  # type: ignore[arg-type]  # Qt takes None: no button
        progress.setWindowTitle(translate("App", "Encrypt the register"))
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.show()
        self.progress = progress
        target = plan.key_file_target
        task = BackgroundTask(
            lambda report: encrypt_register(database, key_file_target=target, progress=report),
            "encrypt the register",
        )
        task.progress.connect(self._encrypt_progress)
        task.succeeded.connect(self._encrypted)
        task.failed.connect(self._encrypt_failed)
        task.start()

    def _encrypt_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _end_encrypting(self) -> MainWindow:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        old = self._encrypting_from
        assert old is not None
        self._encrypting_from = None
        return old

    def _encrypted(self, result: Encrypted) -> None:
        old = self._end_encrypting()
        failure = self._reopen(result.key)
        if failure is not None:
            self._give_up(old, failure)
            return
        window = self._new_window(old)
        text = encrypted_text(result)
        self.sheet = window.encryption_actions.show_recovery_sheet(text)
        if self.sheet is None:  # a key file's passphrase: there is no sheet to offer
            self.notice = message_box(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("App", "Encrypt the register"),
                text,
                QMessageBox.StandardButton.Ok,
                window,
            )
            self.notice.open()
        self.reopened.emit(window)

    def _encrypt_failed(self, error: BaseException) -> None:
        old = self._end_encrypting()
        failure = self._reopen()  # as it was: plain
        if failure is not None:
            self._give_up(old, failure)
            return
        window = self._new_window(old)
        translate = QCoreApplication.translate
        self.notice = message_box(
            QMessageBox.Icon.Critical,
            translate("App", "Encrypt the register"),
            failure_text(
                translate("App", "The register was not encrypted; it is as it was."), error
            ),
            QMessageBox.StandardButton.Ok,
            window,
        )
        self.notice.open()
        self.reopened.emit(window)

    def show_messages(self, messages: Sequence[Text]) -> None:
        """What opening the register had to say (``vrus.backup.on_open``: a failed daily
        backup, persons erased again), in a box over the window."""
        if not messages or self.window is None:
            return
        self.notice = message_box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("App", "VRUS"),
            "\n\n".join(ui_text(message) for message in messages),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self.notice.open()

    def close_own_database(self) -> None:
        """Back up and close a database the host opened itself (after a restore)."""
        if self.db is self._given:
            return
        on_close(self.db)  # a failure is logged there, without the file's name
        self.db.close()


def encrypted_text(result: Encrypted) -> str:
    """What encrypting did, over the recovery sheet."""
    translate = QCoreApplication.translate
    parts = [translate("App", "The register is encrypted.")]
    if result.backups_converted:
        parts.append(
            translate("App", "Backups encrypted too: {count}.").format(
                count=result.backups_converted
            )
        )
    if result.backups_deleted:
        parts.append(
            translate(
                "App", "Damaged backups that could not be read and were deleted: {count}."
            ).format(count=result.backups_deleted)
        )
    parts.append(
        translate(
            "App",
            "Copies saved elsewhere, on a USB stick for instance, are still not encrypted: "
            "delete them, or make new ones.",
        )
    )
    return " ".join(parts)


@contextmanager
def window_language() -> Iterator[tuple[QApplication, Settings]]:
    """The application object, named, with the user's settings and language installed."""
    app = QApplication.instance() or QApplication(sys.argv)
    # Set before the first QSettings(): they name the user's settings file.
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(icon("app"))
    settings = Settings()
    translators = install_translators(app, settings.get(LANGUAGE))
    try:
        yield app, settings
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def run_window(
    db: Database, messages: Sequence[Text] = (), *, offer_recovery_sheet: bool = False
) -> int:
    """The window on ``db`` until it closes; ``messages`` (what opening the register had to
    say) are shown over it, and with ``offer_recovery_sheet`` (a register made encrypted just
    now) its recovery sheet."""
    with window_language() as (app, settings):
        previous_hook = install_excepthook()
        host = WindowHost(
            db, settings, offer_recovery_sheet=offer_recovery_sheet, probe=probe_file()
        )
        print_folder.remove_leftovers()  # PDFs of an earlier run that could not clean up
        try:
            host.open()
            host.show_messages(messages)
            return app.exec()
        finally:
            # Let a running import or demo load finish its transaction before the database
            # is closed under it; the core commits or rolls back as a whole either way.
            QThreadPool.globalInstance().waitForDone()
            host.close_own_database()
            # Nothing personal is left behind: the PDFs made to view or print, and the
            # guardians' addresses on the clipboard if it still holds them.
            print_folder.remove_print_folder()
            clear_personal_clipboard()
            sys.excepthook = previous_hook


def offer_restore(error: DamagedDatabaseError) -> bool:
    """The register did not pass its integrity check: explain, and offer the newest good
    backup. True when it was restored (the caller then opens the register and the window)."""
    from vrus.ui.files import damaged_register

    with window_language():
        return damaged_register.offer_restore(error)


def show_start_failure(error: BaseException) -> None:
    """The register could not be opened: say why in a box, where someone who started VRUS
    from the desktop sees it (the one line on stderr reaches no one there)."""
    with window_language():
        text = core_message(error) if isinstance(error, VrusError) else unexpected_error_text()
        title = QCoreApplication.translate("App", "VRUS cannot open the register")
        show_error(None, title, text)


def install_excepthook(show: Callable[[str], None] | None = None) -> ExceptHook:
    """Route exceptions that escape a Qt slot to the log and a short message; returns the
    hook it replaced. Without this, PySide prints them to a console the user never sees."""
    previous = sys.excepthook
    shower = show or _show_error_box

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        report_exception(kind, error, trace, shower)

    sys.excepthook = hook
    return previous


_reporting = False


def report_exception(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    show: Callable[[str], None],
) -> None:
    global _reporting
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("unexpected error in the window", exc_info=(kind, error, trace))
    # An error raised while the message box is up is logged but not shown again, so one
    # failing repaint cannot stack up boxes without end.
    if _reporting:
        return
    _reporting = True
    try:
        show(core_message(error) if isinstance(error, VrusError) else unexpected_error_text())
    finally:
        _reporting = False


def _show_error_box(text: str) -> None:
    if QApplication.instance() is None:
        return
    title = QCoreApplication.translate("App", "VRUS – error")
    show_error(QApplication.activeWindow(), title, text)


# --- before a register is open: the first start's choice, a missing key ----------------------
# Imported in the functions: they run once, before the window, and the window needs neither.


def choose_new_register(
    path: Path, key_store: str | None, key_file: Path | None
) -> bool | str | None:
    """The window is about to make a new register at ``path``: encrypted (True) or plain
    (False), or a server's URL to open instead; None when the user cancelled. ``key_store``
    is the key store's name, ``key_file`` the key file's path (None: there is none)."""
    from vrus.ui.files.new_register_dialog import choose_new_register as choose

    with window_language() as (_app, settings):
        return choose(path, key_store, key_file, settings)


def server_at_start() -> str | bool:
    """The window starts: the URL of the server it opened last time (asking for what is
    missing or wrong); True for the register file on this computer, False when the user
    quit."""
    with window_language() as (_app, settings):
        if not settings.get(SERVER_URL):  # the usual start: nothing more to import
            return True
        from vrus.ui.files.server_dialog import server_at_start as ask

        return ask(settings)


def offer_key_import(error: MissingKeyError) -> bool:
    """The register is encrypted and this computer has no key for it: explain, and offer to
    enter the recovery key. True when a key was kept (the caller then opens the register)."""
    from vrus.ui.files.key_import_dialog import offer_key_import as offer

    with window_language():
        return offer(error)
