"""Connect to a server (issue 17): the dialog tests and opens a connection against the test
run's PostgreSQL server, keeps the password in the key store only, remembers the address for
the next start, and is offered by the File menu and the first start."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit

from tests.keystore import FileKeyring
from tests.ui.driving import click
from tests.ui.test_key_dialogs import app_names, when_up  # noqa: F401 - a fixture
from vrus.cli import gui
from vrus.db.engine import Database
from vrus.server.connection import KEY_STORE_SERVICE, ServerAddress, save_password
from vrus.ui.app import APPLICATION, ORGANIZATION, WindowHost
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.options import LANGUAGE, SERVER_URL, Settings
from vrus.ui.files.new_register_dialog import NewRegisterDialog
from vrus.ui.files.server_dialog import ServerDialog, server_at_start
from vrus.ui.main_window import SECTION_KEYS


@pytest.fixture
def register_url(pg_databases) -> Iterator[str]:
    """A database on the test server, set up (migrated) as ``vrus server setup`` leaves it."""
    url = pg_databases.fresh()
    yield url
    pg_databases.drop(url)


def make_dialog(qtbot, settings: Settings, **options) -> ServerDialog:
    dialog = ServerDialog(settings, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog: ServerDialog, url: str, password: str = "") -> None:
    address = ServerAddress.from_url(url)
    for field, text in (
        (dialog.host, address.host),
        (dialog.database, address.database),
        (dialog.user, address.user),
        (dialog.password, password),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.port.setValue(address.port)


def wait_for_answer(qtbot, dialog: ServerDialog) -> str:
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15_000)
    assert dialog.status.isVisible()
    return dialog.status.text()


def test_a_wrong_database_name_gets_a_clear_message(qtbot, settings, pg_server) -> None:
    dialog = make_dialog(qtbot, settings)
    fill(qtbot, dialog, pg_server.url("vrsu"))  # mistyped
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password

    click(qtbot, dialog.test_button)
    assert not dialog.test_button.isEnabled()  # one check at a time
    text = wait_for_answer(qtbot, dialog)
    assert text == (
        f"{pg_server.superuser}@127.0.0.1:{pg_server.port}/vrsu: the server has no database "
        "vrsu; check the name (the owner of the server creates it)"
    )
    assert "b3261e" in dialog.status.styleSheet()  # in the error colour
    assert dialog.test_button.isEnabled() and dialog.ok_button.isEnabled()

    click(qtbot, dialog.ok_button)  # Connect checks again, and stays open
    wait_for_answer(qtbot, dialog)
    assert dialog.isVisible() and dialog.url is None
    assert settings.get(SERVER_URL) == ""

    qtbot.keyClicks(dialog.database, "x")  # the message was about what was typed before
    assert not dialog.status.isVisible()


def test_a_missing_field_is_named_before_anything_connects(qtbot, settings) -> None:
    dialog = make_dialog(qtbot, settings)
    qtbot.keyClicks(dialog.database, "vrus")
    qtbot.keyClicks(dialog.user, "anne")
    click(qtbot, dialog.test_button)
    assert dialog.task is None
    assert dialog.field_error.isVisible()
    assert dialog.field_error.text() == "The server's host name is required."


def test_connecting_keeps_the_password_in_the_key_store_only(
    qtbot, settings, settings_file, register_url: str, key_store: FileKeyring
) -> None:
    dialog = make_dialog(qtbot, settings)
    fill(qtbot, dialog, register_url, password="s3cret:pw")
    assert dialog.remember_password.isChecked() and dialog.open_at_start.isChecked()
    click(qtbot, dialog.test_button)
    address = ServerAddress.from_url(register_url)
    assert wait_for_answer(qtbot, dialog) == (
        f"{address}: connected; the register is there. Your role: coordinator."
    )
    assert key_store.entries() == {}  # testing keeps nothing

    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click(qtbot, dialog.ok_button)
    assert dialog.url == address.url("s3cret:pw")
    assert key_store.entries() == {f"{KEY_STORE_SERVICE}\n{address.entry}": "s3cret:pw"}
    assert settings.get(SERVER_URL) == address.url()
    assert "s3cret" not in settings_file.read_text(encoding="utf-8")


def test_a_remembered_server_fills_the_dialog_and_its_kept_password_is_used(
    qtbot, settings, register_url: str, key_store: FileKeyring
) -> None:
    address = ServerAddress.from_url(register_url)
    save_password(address, "kept")
    dialog = make_dialog(qtbot, settings, address=address)
    assert dialog.host.text() == "127.0.0.1" and dialog.port.value() == address.port
    assert dialog.password.text() == ""  # never shown, not even masked
    assert dialog.password.placeholderText() == "kept on this computer"
    # Asked not to remember it, nor to open the server at start: both are let go.
    dialog.remember_password.setChecked(False)
    dialog.open_at_start.setChecked(False)
    settings.set(SERVER_URL, address.url())
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click(qtbot, dialog.ok_button)
    assert dialog.url == address.url("kept")
    assert key_store.entries() == {}
    assert settings.get(SERVER_URL) == ""

    other = make_dialog(qtbot, settings, address=address)
    qtbot.keyClicks(other.user, "x")  # another login: the kept password is not its own
    assert other.password.placeholderText() == ""


# --- where it is opened from ------------------------------------------------------------------


def test_the_file_menu_opens_the_window_on_the_server(
    qtbot, db: Database, settings, register_url: str
) -> None:
    host = WindowHost(db, settings, CoreActions())
    old = host.open()  # closed and deleted by the host when it opens the new window
    file_menu = old.menuBar().actions()[0].menu()
    assert old.file_actions.connect_action in file_menu.actions()
    assert old.file_actions.connect_action.text() == "Co&nnect to a server…"

    old.file_actions.connect_action.trigger()
    dialog = old.file_actions.server_dialog
    assert dialog is not None and dialog.isVisible()
    fill(qtbot, dialog, register_url)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: host.window is not old, timeout=15_000)
    window = host.window
    qtbot.addWidget(window)
    try:
        assert host.db.url == register_url
        assert window.isVisible()
        assert window.database_label.text() == (
            f"Database: {ServerAddress.from_url(register_url).url()} (as coordinator)"
        )
        for key in SECTION_KEYS:  # every page works on the server's register
            window.show_section(key)
            assert window.current_section() == key
        # The server open now fills the dialog the next time.
        window.file_actions.connect_action.trigger()
        assert window.file_actions.server_dialog.database.text() == (
            ServerAddress.from_url(register_url).database
        )
        window.file_actions.server_dialog.reject()
    finally:
        window.close()
        host.close_own_database()


def test_the_first_start_can_connect_instead_of_making_a_file(
    qtbot, tmp_path, settings, register_url: str
) -> None:
    dialog = NewRegisterDialog(tmp_path / "vrus.sqlite3", None, None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.server_button is not None
    click(qtbot, dialog.server_button)
    server = dialog.server_dialog
    assert server is not None and server.isVisible()
    fill(qtbot, server, register_url)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click(qtbot, server.ok_button)
    assert dialog.server_url == register_url
    assert not (tmp_path / "vrus.sqlite3").exists()
    # Without the settings (a caller that cannot remember a server), no such button.
    plain = NewRegisterDialog(tmp_path / "vrus.sqlite3", None, None)
    qtbot.addWidget(plain)
    assert plain.server_button is None


# --- the next start ---------------------------------------------------------------------------


def test_the_next_start_opens_the_remembered_server(qtbot, settings, register_url: str) -> None:
    assert server_at_start(settings) is True  # nothing remembered: the file on this computer
    settings.set(SERVER_URL, register_url)
    assert server_at_start(settings) == register_url  # it answers: no dialog


def test_a_start_whose_server_is_gone_asks_and_can_go_local(
    qtbot,
    settings,
    pg_server,
    app_names,  # noqa: F811 - the fixture imported above
) -> None:
    gone = pg_server.url("vrus_gone")
    # The settings the window's start reads (``vrus.ui.app.window_language``).
    user_settings = Settings(QSettings(ORGANIZATION, APPLICATION))
    user_settings.set(SERVER_URL, gone)
    user_settings.set(LANGUAGE, "en")  # the texts below are the English ones
    user_settings.sync()
    seen: list[str] = []

    def use_local(dialog: ServerDialog) -> None:
        seen.append(dialog.status.text())
        assert dialog.database.text() == "vrus_gone"
        assert dialog.cancel_button.text() == "Quit"
        click(qtbot, dialog.local_button)

    when_up(ServerDialog, use_local)
    assert gui.server_at_start() is True
    assert seen == [
        f"{pg_server.superuser}@127.0.0.1:{pg_server.port}/vrus_gone: the server has no "
        "database vrus_gone; check the name (the owner of the server creates it)"
    ]
    user_settings = Settings(QSettings(ORGANIZATION, APPLICATION))
    assert user_settings.get(SERVER_URL) == ""  # the next start does not ask again

    settings.set(SERVER_URL, gone)
    when_up(ServerDialog, lambda dialog: click(qtbot, dialog.cancel_button))
    assert server_at_start(settings) is False  # quit
    assert settings.get(SERVER_URL) == gone
