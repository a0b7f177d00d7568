"""The encrypted register in the window: the banner over a plain register and its one action,
Settings → Privacy → Encryption, and the recovery sheet dialog."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from shiboken6 import isValid

from tests.ui.driving import answer_question, click
from tests.ui.helpers import TODAY, add_person
from vrus.backup import backup_now
from vrus.backup_files import list_backups
from vrus.db.engine import Database, sqlite_url
from vrus.db.keys import KEY_FILE, KEY_STORE, RegisterKey
from vrus.errors import VrusError
from vrus.member_list import count_persons
from vrus.opening import open_database
from vrus.recovery_code import format_recovery, parse_recovery
from vrus.ui import app as app_module
from vrus.ui.app import WindowHost, create_main_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.files import encryption_actions, recovery_sheet_dialog
from vrus.ui.files.recovery_sheet_dialog import DEFAULT_FILE_NAME, RecoverySheetDialog
from vrus.ui.main_window import MainWindow

PLAIN_HEADER = b"SQLite format 3\x00"
BANNER_TEXT = (
    "The register is not encrypted: anyone who gets hold of this computer or a backup can "
    "read the children's data."
)


def header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(16)


def shown_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def persons(db: Database) -> int:
    with db.sessions() as session:
        return count_persons(session)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "register.key"
    path.parent.mkdir()
    path.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def encrypted_db(tmp_path: Path, key_file: Path) -> Iterator[Database]:
    """A new register encrypted with the key in ``key_file`` (as ``--key-file`` makes one)."""
    database = open_database(sqlite_url(tmp_path / "encrypted.sqlite3"), key_file=key_file)
    assert database.encrypted and header(database.path) != PLAIN_HEADER
    yield database
    database.close()


def shown_window(qtbot, db: Database, settings) -> MainWindow:
    window = create_main_window(db, settings, CoreActions(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def host(qtbot, db: Database, settings) -> Iterator[WindowHost]:
    host = WindowHost(db, settings, CoreActions(), today=lambda: TODAY)
    yield host
    for dialog in (host.sheet, host.notice):
        if dialog is not None and isValid(dialog):
            dialog.close()
    if host.window is not None:
        host.window.close()
    host.close_own_database()


def save_in_file_dialog(monkeypatch, module, path: Path) -> list[str]:
    """Make ``module``'s save dialog answer ``path``; returns the names it suggested."""
    suggested: list[str] = []

    class FakeFileDialog:
        Option = recovery_sheet_dialog.QFileDialog.Option

        @staticmethod
        def getSaveFileName(parent, caption, name, filters, **options):  # noqa: N802 - Qt's
            suggested.append(name)
            return str(path), filters.split(";;")[0]

    monkeypatch.setattr(module, "QFileDialog", FakeFileDialog)
    return suggested


def encrypt_from_banner(qtbot, host: WindowHost, answer: str = "Encrypt") -> list[str]:
    """Click the banner's button and answer its question; returns what was asked."""
    old = host.window
    asked: list[str] = []
    answer_question(answer, asked)
    click(qtbot, old.encrypt_button)
    qtbot.waitUntil(lambda: host.window is not old, timeout=20_000)
    qtbot.addWidget(host.window)
    return asked


# --- The banner ------------------------------------------------------------------------------


def test_a_plain_register_shows_the_banner_with_one_button(window: MainWindow) -> None:
    assert window.banner is not None and window.banner.isVisible()
    assert window.banner_text.text() == BANNER_TEXT
    assert window.encrypt_button.text() == "Encrypt the register…"
    assert window.encrypt_button.isVisible() and window.encrypt_button.isEnabled()
    # Over the whole width, above the sidebar and the pages.
    assert window.banner.geometry().bottom() < window.sidebar.geometry().top() + 1
    assert window.banner.width() == window.centralWidget().width()


def test_an_encrypted_register_shows_no_banner(qtbot, encrypted_db, settings) -> None:
    window = shown_window(qtbot, encrypted_db, settings)
    assert window.banner is None
    assert window.findChild(type(window.centralWidget()), "encryptionBanner") is None


def test_encrypting_from_the_banner_reopens_the_window_on_the_encrypted_register(
    qtbot, host: WindowHost, db: Database, key_store, caplog
) -> None:
    add_person(db, "Åse", "Ødegård")
    backup = backup_now(db)
    name = "Ødegård".encode()  # long enough never to turn up by chance in random bytes
    assert header(backup) == PLAIN_HEADER and name in backup.read_bytes()
    path = db.path
    old = host.open()
    caplog.set_level(logging.DEBUG)

    asked = encrypt_from_banner(qtbot, host)

    assert len(asked) == 1
    assert asked[0].startswith("Encrypt the register and all its backups?")
    assert "kept in the key store (Test key store) on this computer" in asked[0]
    assert asked[0].endswith("The window closes and opens the encrypted register.")
    window = host.window
    assert window is not old and shown_main_windows() == [window]
    assert header(path) != PLAIN_HEADER
    assert header(backup) != PLAIN_HEADER
    assert name not in path.read_bytes() and name not in backup.read_bytes()
    assert host.db is not db and host.db.encrypted and host.db.key.source == KEY_STORE
    assert list(key_store.entries().values()) == [host.db.key.secret]
    assert persons(host.db) == 1 and window.count_label.text() == "Persons in the register: 1"
    assert window.banner is None
    # The recovery sheet is offered over the new window, with what was done.
    sheet = host.sheet
    assert sheet is not None and sheet.isVisible() and sheet.parent() is window
    intro = sheet.findChild(QLabel, "recoveryIntro")
    assert intro.text().startswith("The register is encrypted. Backups encrypted too: 1.")
    assert parse_recovery(sheet.key_field.toPlainText()) == host.db.key.secret
    assert all(info.ok for info in list_backups(host.db))
    # The key reached no log line.
    assert host.db.key.secret not in caplog.text
    assert format_recovery(host.db.key.secret).splitlines()[0] not in caplog.text


def test_without_a_key_store_the_key_goes_to_a_key_file_chosen_by_the_user(
    qtbot, host: WindowHost, db: Database, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "safe" / "vrus"
    target.parent.mkdir()
    suggested = save_in_file_dialog(monkeypatch, encryption_actions, target)
    host.open()

    asked = encrypt_from_banner(qtbot, host, answer="Choose key file…")

    assert "This computer has no key store, so the key is saved in a new key file" in asked[0]
    assert "VRUS finds it again on this computer" in asked[0]
    assert suggested == [str(Path.home() / "VRUS-nøkkel.key")]
    written = target.with_name("vrus.key")  # the ending added
    assert written.stat().st_mode & 0o777 == 0o600
    assert host.db.encrypted and host.db.key.source == KEY_FILE
    assert host.db.key.location == str(written)
    assert written.read_text(encoding="utf-8").strip() == host.db.key.secret
    assert header(db.path) != PLAIN_HEADER and host.window.banner is None
    # Found again on this computer: the register opens without being told the key file.
    host.sheet.close()
    host.window.close()
    host.close_own_database()
    again = open_database(sqlite_url(db.path))
    try:
        assert again.encrypted and again.key.location == str(written)
    finally:
        again.close()
    host.window = None


def test_with_vrus_key_file_set_the_register_takes_that_key(
    qtbot, host: WindowHost, db: Database, key_file: Path, key_store, monkeypatch
) -> None:
    # VRUS_KEY_FILE wins over the key store when the register is opened: any other key
    # would lock the register out at the next start.
    monkeypatch.setenv("VRUS_KEY_FILE", str(key_file))
    host.open()
    asked = encrypt_from_banner(qtbot, host)
    assert f"Its key is the one in the key file {key_file} (VRUS_KEY_FILE)." in asked[0]
    assert host.db.key.source == KEY_FILE and host.db.key.location == str(key_file)
    assert host.db.key.secret == key_file.read_text(encoding="utf-8").strip()
    assert key_store.entries() == {} and header(db.path) != PLAIN_HEADER
    assert host.sheet is not None and host.sheet.isVisible()


def test_cancelling_the_question_changes_nothing(qtbot, host: WindowHost, db, key_store) -> None:
    window = host.open()
    asked: list[str] = []
    answer_question("Cancel", asked)
    click(qtbot, window.encrypt_button)
    assert len(asked) == 1
    assert host.window is window and window.banner is not None
    assert header(db.path) == PLAIN_HEADER and key_store.entries() == {}
    assert persons(db) == 0  # the register is still open and readable


def test_a_failed_encryption_says_why_and_leaves_the_register_as_it_was(
    qtbot, host: WindowHost, db: Database, key_store, monkeypatch
) -> None:
    add_person(db, "Ola", "Berg")

    def refuse(path, key=None, *, key_file_target=None, progress=None):
        raise VrusError("the disk is full")

    monkeypatch.setattr(app_module, "encrypt_register", refuse)
    host.open()
    encrypt_from_banner(qtbot, host)
    assert host.notice is not None and host.notice.isVisible()
    assert host.notice.icon() == QMessageBox.Icon.Critical
    assert host.notice.text() == (
        "The register was not encrypted; it is as it was.\n\nthe disk is full"
    )
    assert host.sheet is None
    assert not host.db.encrypted and persons(host.db) == 1
    assert host.window.banner is not None and header(db.path) == PLAIN_HEADER


# --- Settings → Privacy ---------------------------------------------------------------------


def test_settings_show_a_plain_register_with_the_encrypt_action(
    qtbot, window: MainWindow, key_store
) -> None:
    window.show_section("settings")
    page = window.settings_page
    page.tabs.setCurrentWidget(page.privacy)
    section = page.encryption
    assert section.isVisible()
    assert section.state.text() == (
        "Encrypted: no. Anyone who gets hold of this computer or a backup can read the "
        "children's data."
    )
    assert section.encrypt_button.isVisible() and not section.sheet_button.isVisible()
    # The same action as the banner's: one request, to the same owner.
    requested: list[object] = []
    window.encryption_actions.encryptRequested.connect(requested.append)
    answer_question("Encrypt", [])
    click(qtbot, section.encrypt_button)
    assert requested == [encryption_actions.EncryptionPlan()]


def test_settings_show_where_the_key_is_and_open_the_recovery_sheet(
    qtbot, encrypted_db: Database, settings, key_file: Path
) -> None:
    window = shown_window(qtbot, encrypted_db, settings)
    window.show_section("settings")
    page = window.settings_page
    page.tabs.setCurrentWidget(page.privacy)
    section = page.encryption
    assert section.state.text() == f"Encrypted: yes. The key is kept in the key file {key_file}."
    assert not section.encrypt_button.isVisible()
    assert section.sheet_button.text() == "Save recovery sheet…"
    click(qtbot, section.sheet_button)
    sheet = window.encryption_actions.sheet
    assert sheet is not None and sheet.isVisible()
    assert sheet.key_field.toPlainText() == format_recovery(encrypted_db.key.secret)
    assert sheet.findChild(QLabel, "recoveryIntro") is None
    assert sheet.kept.text().startswith(
        f"On this computer the key is kept in the key file {key_file}"
    )
    sheet.close()
    assert window.encryption_actions.sheet is None


def test_a_passphrase_key_has_no_recovery_sheet(qtbot, tmp_path: Path, settings) -> None:
    passphrase = tmp_path / "phrase.key"
    passphrase.write_text("correct horse battery staple\n", encoding="utf-8")
    database = open_database(sqlite_url(tmp_path / "phrase.sqlite3"), key_file=passphrase)
    try:
        assert database.encrypted and not database.key.raw
        window = shown_window(qtbot, database, settings)
        section = window.settings_page.encryption
        assert not section.sheet_button.isVisibleTo(window)
        assert "there is no recovery sheet" in section.note.text()
        assert window.encryption_actions.show_recovery_sheet() is None
        window.close()
    finally:
        database.close()


def test_a_server_database_is_the_servers_to_protect(qtbot) -> None:
    from vrus.ui.settings.encryption_settings import EncryptionSettings

    class ServerDatabase:
        path = None
        key = None
        encrypted = False

    actions = encryption_actions.EncryptionActions(ServerDatabase(), None, language="en")
    section = EncryptionSettings(ServerDatabase(), actions)
    qtbot.addWidget(section)
    assert section.state.text() == (
        "Encrypted: not by VRUS. The database server protects its own data."
    )
    assert not actions.can_encrypt and not section.encrypt_button.isVisibleTo(section)
    assert not section.sheet_button.isVisibleTo(section)


# --- The recovery sheet -------------------------------------------------------------------------


@pytest.fixture
def sheet(qtbot) -> RecoverySheetDialog:
    key = RegisterKey(secrets.token_hex(32), KEY_STORE, "Test key store")
    dialog = RecoverySheetDialog(key, "register.sqlite3", language="nb", today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_sheet_shows_the_key_in_groups_that_cannot_be_edited(qtbot, sheet) -> None:
    field = sheet.key_field
    secret = sheet._key.secret
    assert field.toPlainText() == format_recovery(secret)
    assert len(field.toPlainText().splitlines()) == 2
    assert field.isReadOnly() and QFontInfo(field.font()).fixedPitch()
    qtbot.keyClicks(field, "X")
    assert field.toPlainText() == format_recovery(secret)
    assert sheet.kept.text().startswith("On this computer the key is kept in the key store (Test")
    # Both lines fit without scrolling.
    assert field.viewport().height() >= 2 * field.fontMetrics().lineSpacing()
    widest = max(
        field.fontMetrics().horizontalAdvance(line) for line in format_recovery(secret).splitlines()
    )
    assert field.viewport().width() >= widest


def test_save_as_pdf_writes_an_owner_only_sheet_and_says_where(
    qtbot, sheet, tmp_path: Path, monkeypatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(recovery_sheet_dialog, "open_in_viewer", opened.append)
    suggested = save_in_file_dialog(monkeypatch, recovery_sheet_dialog, tmp_path / "ark")
    click(qtbot, sheet.save_button)
    written = tmp_path / "ark.pdf"
    documents = recovery_sheet_dialog.documents_folder()
    assert suggested == [str(documents / DEFAULT_FILE_NAME)]
    assert DEFAULT_FILE_NAME == "VRUS-gjenopprettingsark.pdf"
    assert sheet.saved == written
    assert written.read_bytes().startswith(b"%PDF")
    assert written.stat().st_mode & 0o777 == 0o600
    message = sheet.message
    assert message is not None and message.isVisible()
    assert message.icon() == QMessageBox.Icon.Information
    assert message.text().startswith(f"The recovery sheet is saved in\n{written}\n\nPrint it")
    [open_button] = [b for b in message.buttons() if b.text() == "Open the PDF"]
    click(qtbot, open_button)
    assert opened == [written]


def test_a_sheet_is_never_written_over_a_file(qtbot, sheet, tmp_path: Path, monkeypatch) -> None:
    taken = tmp_path / "ark.pdf"
    taken.write_bytes(b"something else")
    save_in_file_dialog(monkeypatch, recovery_sheet_dialog, taken)
    assert sheet.save_pdf() is None
    assert taken.read_bytes() == b"something else"
    assert sheet.message.icon() == QMessageBox.Icon.Critical
    assert sheet.message.text() == (
        f"The recovery sheet was not saved.\n\n{taken} already exists; choose another name"
    )


def test_a_new_encrypted_register_offers_its_sheet_once(
    qtbot, encrypted_db: Database, settings
) -> None:
    host = WindowHost(
        encrypted_db, settings, CoreActions(), today=lambda: TODAY, offer_recovery_sheet=True
    )
    try:
        window = host.open()
        qtbot.addWidget(window)
        assert host.sheet is not None and host.sheet.isVisible()
        intro = host.sheet.findChild(QLabel, "recoveryIntro")
        assert intro.text() == "The new register is encrypted."
        host.sheet.close()
        backup = backup_now(encrypted_db)  # a restore builds the window again: no sheet then
        assert header(backup) != PLAIN_HEADER
        host.sheet = None
        host.restore(backup)
        qtbot.waitUntil(lambda: host.window is not window)
        qtbot.addWidget(host.window)
        assert host.sheet is None and host.db.encrypted
        assert host.notice.text().startswith("The backup is restored:")
        host.notice.close()
    finally:
        host.window.close()
        host.close_own_database()


def test_a_plain_register_offers_no_sheet(qtbot, host: WindowHost) -> None:
    host._offer_sheet = True
    host.open()
    assert host.sheet is None


# --- In Bokmål -------------------------------------------------------------------------------


def test_screenshots_in_bokmal(qapp, qtbot, db, settings, key_store, tmp_path: Path) -> None:
    """The banner, Settings and the sheet in Bokmål, saved for a person to look at."""
    from vrus.ui import i18n

    locale = QLocale()
    translators = i18n.install_translators(qapp, "nb")
    try:
        window = shown_window(qtbot, db, settings)
        window.resize(1100, 720)
        window.show_section("members")
        qtbot.wait(50)
        assert window.banner_text.text().startswith("Registeret er ikke kryptert: alle som")
        assert window.encrypt_button.text() == "Krypter registeret\u00a0…"
        assert window.grab().save(str(tmp_path / "encryption-banner.png"))
        window.show_section("settings")
        window.settings_page.tabs.setCurrentWidget(window.settings_page.privacy)
        qtbot.wait(50)
        assert window.grab().save(str(tmp_path / "encryption-settings-plain.png"))
        state = window.settings_page.encryption.state
        assert state.height() >= 2 * state.fontMetrics().lineSpacing() or state.width() >= (
            state.fontMetrics().horizontalAdvance(state.text())
        )
        key = RegisterKey(secrets.token_hex(32), KEY_STORE, "SecretService Keyring")
        dialog = RecoverySheetDialog(
            key,
            "register.sqlite3",
            language="nb",
            intro=app_module.encrypted_text(app_module.Encrypted(key, 3, 0)),
            parent=window,
        )
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.grab().save(str(tmp_path / "recovery-sheet-dialog.png"))
        dialog.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_a_backup_from_another_computer_restores_with_its_recovery_key(
    qtbot, encrypted_db: Database, settings, tmp_path: Path, monkeypatch
) -> None:
    """This computer's register has a key of its own; the backup brought on a USB stick was
    made on the old computer with another key: its recovery sheet opens it."""
    from vrus.ui.files import restore_dialog

    old_key = tmp_path / "old.key"
    old_key.write_text(secrets.token_hex(32), encoding="utf-8")
    old = open_database(sqlite_url(tmp_path / "old" / "vrus.sqlite3"), key_file=old_key)
    with old.transaction() as session:
        from vrus.db.models import Person

        session.add(
            Person(
                first_name="Fra",
                last_name="Gammel-PC",
                gender="female",
                birth_date=dt.date(2012, 5, 1),
            )
        )
    usb = backup_now(old, tmp_path / "usb.sqlite3")
    old.close()
    assert header(usb) != PLAIN_HEADER

    class FakeOpen:
        @staticmethod
        def getOpenFileName(*_args, **_kwargs):  # noqa: N802 - Qt's name
            return str(usb), ""

    typed: list[str] = []

    class FakeInput:
        @staticmethod
        def getMultiLineText(parent, title, label, *args):  # noqa: N802 - Qt's name
            typed.append(label)
            return format_recovery(old_key.read_text().strip()).lower(), True

    monkeypatch.setattr(restore_dialog, "QFileDialog", FakeOpen)
    monkeypatch.setattr(restore_dialog, "QInputDialog", FakeInput)
    host = WindowHost(encrypted_db, settings, CoreActions(), today=lambda: TODAY)
    try:
        window = host.open()  # deleted by the restore: not handed to qtbot
        assert persons(host.db) == 0
        window.file_actions.restore_action.trigger()
        dialog = window.file_actions.restore_dialog
        qtbot.waitUntil(lambda: dialog.isVisible() and dialog.loaded)
        asked: list[str] = []
        answer_question("Restore", asked)
        dialog.other_button.click()
        qtbot.waitUntil(lambda: host.window is not window, timeout=10000)
        qtbot.addWidget(host.window)
        assert typed and "encrypted with another key" in typed[0]
        assert asked and asked[0].startswith("Restore the backup from")
        # The register keeps its own key, and holds the old computer's person.
        assert host.db.key is not None and host.db.key.secret == encrypted_db.key.secret
        assert persons(host.db) == 1
        assert header(host.db.path) != PLAIN_HEADER
        host.notice.close()
    finally:
        host.window.close()
        host.close_own_database()
