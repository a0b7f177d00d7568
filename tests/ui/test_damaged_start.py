"""Starting the window on a register that fails its integrity check: the offer to restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.test_backup import corrupt_persons_table
from tests.ui.helpers import build_register
from vrus.backup import backup_now
from vrus.cli import main
from vrus.db.engine import Database, connect, sqlite_url
from vrus.erasure import erase_persons, is_erased
from vrus.texts import Text, translate
from vrus.ui.common.messages import ui_text
from vrus.ui.files.damaged_register import DamagedRegisterBox
from vrus.ui.main_window import MainWindow


@pytest.fixture
def damaged(db: Database, db_path: Path) -> Path:
    """A register of seven persons with a good backup, then damaged."""
    build_register(db)
    backup_now(db, kind="daily", now=dt.datetime(2026, 3, 1, 9, 30))
    db.close()
    corrupt_persons_table(db_path)
    return db_path


@pytest.fixture
def app_names(qapp):
    names = qapp.organizationName(), qapp.applicationName()
    yield
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def answer_damaged_box(restore: bool, seen: list[str]) -> None:
    """When the box is up (run by exec()), note what it says and choose."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, DamagedRegisterBox):
            QTimer.singleShot(10, answer)
            return
        seen.extend([box.text(), box.informativeText()])
        if restore:
            box.restore_button.click()
        else:
            box.reject()

    QTimer.singleShot(0, answer)


def close_window_when_shown(seen: list[str]) -> None:
    def close() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        # The window lists the register after its first paint.
        if not windows or not windows[0].members_page.is_filled:
            QTimer.singleShot(10, close)
            return
        window = windows[0]
        window.show_section("members")
        seen.append(str(window.members_page.model.rowCount()))
        seen.append(window.count_label.text())
        window.quit_action.trigger()

    QTimer.singleShot(0, close)


def test_accepting_restores_the_backup_and_opens_the_window(
    qtbot, damaged: Path, app_names, capsys
) -> None:
    asked: list[str] = []
    shown: list[str] = []
    answer_damaged_box(True, asked)
    close_window_when_shown(shown)
    assert main(["--db", str(damaged)]) == 0
    # In the window's language, Bokmål by default: what happened, and what restoring does.
    assert asked[0] == "Registeret er skadet og kan ikke åpnes slik det er."
    assert f"Integritetskontrollen av {damaged}" in asked[1]
    assert "Den nyeste gode sikkerhetskopien er fra 01.03.2026 09:30 (daglig)." in asked[1]
    assert shown[1].endswith(": 7")  # the restored register, with every person
    assert int(shown[0]) > 0
    assert capsys.readouterr().err == ""
    # The damaged file is kept as a safety copy beside the backups.
    kept = [p.name for p in (damaged.parent / "backups").iterdir()]
    assert any(".before-restore-" in name for name in kept)


def test_cancel_exits_with_one_line(qtbot, damaged: Path, app_names, capsys) -> None:
    before = damaged.read_bytes()
    asked: list[str] = []
    answer_damaged_box(False, asked)
    assert main(["--db", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("vrus: error: ")
    assert "is damaged" in err
    assert asked  # the box was shown
    assert damaged.read_bytes() == before  # left as it was


def test_commands_still_print_one_line(damaged: Path, capsys) -> None:
    assert main(["--db", str(damaged), "events", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is damaged" in err


def test_without_a_good_backup_the_box_only_explains(
    qtbot, db: Database, db_path: Path, app_names, capsys
) -> None:
    build_register(db)
    db.close()
    corrupt_persons_table(db_path)
    asked: list[str] = []
    answer_damaged_box(False, asked)
    assert main(["--db", str(db_path)]) == 1
    assert "Ingen god sikkerhetskopi ble funnet." in asked[1]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no good backup was found" in err


def test_a_register_that_cannot_be_opened_is_explained_in_a_box(
    qtbot, tmp_path: Path, app_names, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Started from the desktop, the line on stderr is seen by no one: the window says why."""
    import sqlite3

    from vrus.ui import app as app_module

    foreign = tmp_path / "photos.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    connection.close()
    before = foreign.read_bytes()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app_module, "show_error", lambda _parent, title, text: shown.append((title, text))
    )
    assert main(["--db", str(foreign)]) == 1
    assert capsys.readouterr().err.startswith("vrus: error: ")
    assert len(shown) == 1
    title, text = shown[0]
    assert "VRUS" in title and str(foreign) in text and "VRUS" in text
    assert foreign.read_bytes() == before


# --- Erasures made after the backup ----------------------------------------------------------


def note_box_and_close(seen: list[str], expected: list[str], message: Text) -> None:
    """When a plain message box (not the damaged-register box) is up, note its text and what
    ``message`` reads in the window's language, and close it."""

    def answer() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets() + [QApplication.activeModalWidget()]
            if isinstance(w, QMessageBox) and not isinstance(w, DamagedRegisterBox)
        ]
        boxes += [
            b
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow)
            for b in w.findChildren(QMessageBox)
        ]
        visible = [b for b in boxes if b is not None and b.isVisible()]
        if not visible:
            QTimer.singleShot(10, answer)
            return
        seen.append(visible[0].text())
        expected.append(ui_text(message))
        visible[0].done(0)

    QTimer.singleShot(0, answer)


@pytest.fixture
def erased_after_backup(db: Database, db_path: Path) -> tuple[Path, Path, int]:
    """A register of seven persons, a good backup, then one person erased."""
    register = build_register(db)
    backup = backup_now(db, kind="daily", now=dt.datetime(2026, 3, 1, 9, 30))
    erase_persons(db, [register.ids["zoe"]])
    db.close()
    return db_path, backup, register.ids["zoe"]


def test_restoring_after_damage_erases_again_and_says_so(
    qtbot, erased_after_backup, app_names, capsys
) -> None:
    db_path, _backup, zoe = erased_after_backup
    corrupt_persons_table(db_path)
    asked: list[str] = []
    said: list[str] = []
    expected: list[str] = []
    shown: list[str] = []
    answer_damaged_box(True, asked)
    note_box_and_close(
        said, expected, translate("Core", "1 erasure made after this backup was applied again")
    )
    close_window_when_shown(shown)
    assert main(["--db", str(db_path)]) == 0
    assert asked and said and said[0].endswith("\n\n" + expected[0])
    assert shown[1].endswith(": 6")  # the erased person is not counted: erased again
    assert is_erased_in(db_path, zoe)


def test_a_register_copied_over_by_hand_is_erased_again_at_start(
    qtbot, erased_after_backup, app_names, capsys
) -> None:
    db_path, backup, zoe = erased_after_backup
    db_path.write_bytes(backup.read_bytes())  # with a file manager, VRUS closed
    assert not is_erased_in(db_path, zoe)
    said: list[str] = []
    expected: list[str] = []
    shown: list[str] = []
    notice = translate(
        "Core",
        "1 person erased earlier was back in the register (an older copy of it was put "
        "in its place) and was erased again",
    )
    note_box_and_close(said, expected, notice)
    close_window_when_shown(shown)
    assert main(["--db", str(db_path)]) == 0
    assert said == expected  # over the window, in its language
    assert capsys.readouterr().err == f"vrus: warning: {notice}\n"  # and on the terminal
    assert shown[1].endswith(": 6")
    assert is_erased_in(db_path, zoe)


def is_erased_in(path: Path, person_id: int) -> bool:
    db = connect(sqlite_url(path))
    try:
        with db.sessions() as session:
            return is_erased(session, person_id)
    finally:
        db.close()
