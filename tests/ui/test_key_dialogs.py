"""Before a register is open: the first start's choice (encrypted or not) and the recovery
key, entered when this computer holds no key for an encrypted register.

The dialogs are real and run by ``exec()`` as at the start, so they are driven from a timer
that waits for them to come up (as ``tests/ui/test_damaged_start.py`` drives its box).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import null
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton, QWidget

from tests.keystore import FileKeyring
from tests.ui.driving import click
from vrus.cli import gui
from vrus.db import keys
from vrus.db.engine import sqlite_url
from vrus.opening import MissingKeyError, open_database
from vrus.recovery_code import ALPHABET, format_recovery, recovery_lines
from vrus.ui.files.key_import_dialog import KeyImportDialog, MissingKeyBox, open_key_import
from vrus.ui.files.new_register_dialog import NewRegisterDialog


@pytest.fixture
def app_names(qapp) -> Iterator[None]:
    """``vrus.ui.app.window_language`` names the application: put the test names back."""
    names = qapp.organizationName(), qapp.applicationName()
    yield
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def when_up(kind: type[QWidget], act: Callable[[Any], None]) -> None:
    """Run ``act`` on the next modal ``kind`` once ``exec()`` has shown it; a dialog that
    never comes up is given up on (and whatever is up rejected) so the test fails, not hangs."""
    tries = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            try:
                act(widget)
            except BaseException:
                close_modal_widgets()  # exec() returns; pytest-qt reports the failure
                raise
            return
        tries[0] += 1
        if tries[0] > 500:
            close_modal_widgets()
            raise AssertionError(f"no {kind.__name__} came up")
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def close_modal_widgets() -> None:
    while isinstance(widget := QApplication.activeModalWidget(), QDialog):
        widget.reject()


def choose(qtbot, button: QRadioButton) -> None:
    """Click a radio button on its text: one as wide as its dialog takes clicks only there."""
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


# --- the first start: encrypted or not -------------------------------------------------------


def test_encrypted_is_the_default_where_a_key_store_exists(
    qtbot, tmp_path: Path, key_store: FileKeyring, app_names
) -> None:
    store = keys.key_store_name()
    assert store is not None
    seen: list[NewRegisterDialog] = []

    def look_and_accept(dialog: NewRegisterDialog) -> None:
        seen.append(dialog)
        assert dialog.encrypted_button.isEnabled() and dialog.encrypted_button.isChecked()
        assert not dialog.plain_button.isChecked()
        assert store in dialog.encrypted_note.text()
        assert str(tmp_path / "vrus.sqlite3") in dialog.findChild(QWidget, "registerPath").text()
        click(qtbot, dialog.ok_button)

    when_up(NewRegisterDialog, look_and_accept)
    assert gui.choose_new_register(tmp_path / "vrus.sqlite3", store, None) is True
    assert seen


def test_plain_can_be_chosen_where_a_key_store_exists(qtbot, tmp_path: Path, app_names) -> None:
    def choose_plain(dialog: NewRegisterDialog) -> None:
        choose(qtbot, dialog.plain_button)
        assert not dialog.encrypted_button.isChecked()
        click(qtbot, dialog.ok_button)

    when_up(NewRegisterDialog, choose_plain)
    assert gui.choose_new_register(tmp_path / "vrus.sqlite3", "Some key store", None) is False


def test_a_key_file_is_named_as_where_the_key_is(qtbot, tmp_path: Path) -> None:
    key_file = tmp_path / "register.key"
    dialog = NewRegisterDialog(tmp_path / "vrus.sqlite3", None, key_file)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.encrypted_button.isEnabled() and dialog.encrypted_button.isChecked()
    assert str(key_file) in dialog.encrypted_note.text()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.encrypted()


def test_without_a_key_store_or_key_file_only_plain_can_be_chosen(
    qtbot, tmp_path: Path, app_names
) -> None:
    assert keys.key_store_name() is None  # the tests' key store is off

    def look_and_accept(dialog: NewRegisterDialog) -> None:
        assert not dialog.encrypted_button.isEnabled()
        assert dialog.plain_button.isChecked()
        # The reason, with the one way to encrypt here.
        assert keys.KEY_FILE_ENV in dialog.encrypted_note.text()
        pos = QPoint(8, dialog.encrypted_button.height() // 2)
        qtbot.mouseClick(dialog.encrypted_button, Qt.MouseButton.LeftButton, pos=pos)
        assert dialog.plain_button.isChecked()  # a disabled choice cannot be made
        click(qtbot, dialog.ok_button)

    when_up(NewRegisterDialog, look_and_accept)
    assert gui.choose_new_register(tmp_path / "vrus.sqlite3", keys.key_store_name(), None) is False


@pytest.mark.parametrize("how", ["cancel", "escape"])
def test_cancelling_or_closing_the_choice_is_none(
    qtbot, tmp_path: Path, app_names, how: str
) -> None:
    def leave(dialog: NewRegisterDialog) -> None:
        if how == "cancel":
            click(qtbot, dialog.cancel_button)
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_up(NewRegisterDialog, leave)
    assert gui.choose_new_register(tmp_path / "vrus.sqlite3", "Some key store", None) is None


def test_without_a_display_nothing_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui, "has_display", lambda: False)
    assert gui.choose_new_register(tmp_path / "vrus.sqlite3", "Some key store", None) is None
    error = MissingKeyError("no key", tmp_path / "vrus.sqlite3")
    assert gui.offer_key_import(error) is False


# --- the recovery key -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An encrypted register made once, and its key (the secret the recovery sheet shows)."""
    path = tmp_path_factory.mktemp("encrypted") / "register.sqlite3"
    store = FileKeyring()
    keyring.set_keyring(store)
    try:
        db = open_database(sqlite_url(path))
        assert db.encrypted
        db.close()
    finally:
        keyring.set_keyring(null.Keyring())
    (secret,) = store.entries().values()
    return path, secret


@pytest.fixture
def on_new_computer(
    tmp_path: Path, encrypted_template: tuple[Path, str], key_store: FileKeyring
) -> tuple[Path, str]:
    """The encrypted register copied to a computer whose key store holds no key for it."""
    template, secret = encrypted_template
    path = tmp_path / "register.sqlite3"
    shutil.copy2(template, path)
    assert key_store.entries() == {}
    return path, secret


def with_typo(recovery: str) -> str:
    """The recovery key with one character of its third group mistyped."""
    at = recovery.index("-", recovery.index("-") + 1) + 2
    wrong = next(c for c in ALPHABET if c != recovery[at])
    return recovery[:at] + wrong + recovery[at + 1 :]


def type_key(qtbot, dialog: KeyImportDialog, recovery: str) -> None:
    """Type the sheet's lines as a user does, Return between them."""
    dialog.field.clear()
    for number, line in enumerate(recovery.splitlines()):
        if number:
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.field, line)


def opens(path: Path) -> bool:
    try:
        open_database(sqlite_url(path)).close()
    except MissingKeyError:
        return False
    return True


def test_a_typo_is_shown_in_the_dialog_which_stays_open(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring
) -> None:
    path, secret = on_new_computer
    dialog = KeyImportDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert str(path) in dialog.findChild(QWidget, "keyImportRegister").text()
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    typo = with_typo(format_recovery(secret))
    type_key(qtbot, dialog, typo)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "typing error" in dialog.error.text()
    assert secret not in dialog.error.text()
    assert dialog.field.toPlainText() == typo  # kept, to correct
    assert key_store.entries() == {}
    # Typing again takes the old message away.
    qtbot.keyClicks(dialog.field, " ")
    assert not dialog.error.isVisible()


def test_the_right_key_is_kept_and_the_register_opens(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring
) -> None:
    path, secret = on_new_computer
    assert not opens(path)
    dialog = KeyImportDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    # Small letters and spaces instead of dashes: as typed from paper.
    type_key(qtbot, dialog, format_recovery(secret).lower().replace("-", " "))
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.key is not None and dialog.key.source == keys.KEY_STORE
    assert list(key_store.entries().values()) == [secret]
    assert opens(path)


def test_another_registers_key_is_refused(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring
) -> None:
    path, _secret = on_new_computer
    dialog = KeyImportDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    type_key(qtbot, dialog, format_recovery(keys.new_secret()))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "does not open" in dialog.error.text()
    assert key_store.entries() == {}


def test_the_dialog_from_a_running_window(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring
) -> None:
    path, secret = on_new_computer
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def cancel(dialog: KeyImportDialog) -> None:
        assert dialog.parent() is parent
        click(qtbot, dialog.cancel_button)

    when_up(KeyImportDialog, cancel)
    assert open_key_import(parent, path) is False

    def enter(dialog: KeyImportDialog) -> None:
        type_key(qtbot, dialog, format_recovery(secret))
        click(qtbot, dialog.ok_button)

    when_up(KeyImportDialog, enter)
    assert open_key_import(parent, path) is True
    assert list(key_store.entries().values()) == [secret]


def missing_key(path: Path) -> MissingKeyError:
    """What opening the register on this computer raises."""
    with pytest.raises(MissingKeyError) as raised:
        open_database(sqlite_url(path))
    return raised.value


def test_the_start_offers_the_recovery_key_and_then_the_register_opens(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring, app_names
) -> None:
    path, secret = on_new_computer
    error = missing_key(path)
    said: list[str] = []

    def enter(dialog: KeyImportDialog) -> None:
        type_key(qtbot, dialog, with_typo(format_recovery(secret)))
        click(qtbot, dialog.ok_button)
        said.append(dialog.error.text())  # still open: correct it
        type_key(qtbot, dialog, format_recovery(secret))
        click(qtbot, dialog.ok_button)

    def choose_enter(box: MissingKeyBox) -> None:
        said.append(box.text())
        assert box.enter_button is not None
        when_up(KeyImportDialog, enter)
        box.enter_button.click()

    when_up(MissingKeyBox, choose_enter)
    assert gui.offer_key_import(error) is True
    assert str(path) in said[0]  # the error's own message
    assert said[1]  # the typo was explained inline
    assert list(key_store.entries().values()) == [secret]
    assert opens(path)


def test_cancelling_the_dialog_goes_back_to_the_box_and_close_gives_up(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring, app_names
) -> None:
    path, _secret = on_new_computer
    error = missing_key(path)
    boxes: list[MissingKeyBox] = []

    def close(box: MissingKeyBox) -> None:
        boxes.append(box)
        click(qtbot, box.button(box.StandardButton.Close))

    def cancel(dialog: KeyImportDialog) -> None:
        when_up(MissingKeyBox, close)
        click(qtbot, dialog.cancel_button)

    def choose_enter(box: MissingKeyBox) -> None:
        boxes.append(box)
        assert box.enter_button is not None
        when_up(KeyImportDialog, cancel)
        box.enter_button.click()

    when_up(MissingKeyBox, choose_enter)
    assert gui.offer_key_import(error) is False
    assert len(boxes) == 2  # asked again after the cancel
    assert key_store.entries() == {}


def test_without_a_key_store_the_box_only_explains(
    qtbot, tmp_path: Path, encrypted_template: tuple[Path, str], app_names
) -> None:
    path = tmp_path / "register.sqlite3"
    shutil.copy2(encrypted_template[0], path)
    error = missing_key(path)
    seen: list[MissingKeyBox] = []

    def look_and_close(box: MissingKeyBox) -> None:
        seen.append(box)
        assert box.enter_button is None
        assert [b.text() for b in box.buttons()] == [box.button(box.StandardButton.Close).text()]
        assert keys.KEY_FILE_ENV in box.informativeText()
        box.button(box.StandardButton.Close).click()

    when_up(MissingKeyBox, look_and_close)
    assert gui.offer_key_import(error) is False
    assert seen


def test_a_recovery_key_typed_on_one_line_is_the_same(
    qtbot, on_new_computer: tuple[Path, str], key_store: FileKeyring
) -> None:
    path, secret = on_new_computer
    dialog = KeyImportDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "".join(recovery_lines(secret)).replace("-", ""))
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert list(key_store.entries().values()) == [secret]
