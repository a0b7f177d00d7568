"""File > Move the register to a server (issue 17): the dialog moves the window's register into
a database on the test run's PostgreSQL server, shows each table with its rows, and opens the
register on the server; a database in use is refused on the first page, nothing moved."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.factories import add_person
from tests.ui.driving import click
from vrus.db.engine import Database
from vrus.db.models import Base
from vrus.server.connection import ServerAddress
from vrus.server.register_copy import SESSION_TABLES
from vrus.server.transfer import transfer
from vrus.ui.app import WindowHost
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.files.transfer_dialog import TransferDialog

SCREENSHOT = Path("/tmp/vrus-transfer-dialog.png")


@pytest.fixture
def bare_url(pg_databases) -> Iterator[str]:
    """An empty database on the test server: the dialog sets it up."""
    url = pg_databases.fresh(migrated=False)
    yield url
    pg_databases.drop(url)


def fill(qtbot, dialog: TransferDialog, url: str) -> None:
    address = ServerAddress.from_url(url)
    for field, text in (
        (dialog.host, address.host),
        (dialog.database, address.database),
        (dialog.user, address.user),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.port.setValue(address.port)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
            if table.name not in SESSION_TABLES  # who has it open: not copied
        }


def test_the_file_menu_moves_the_register_and_opens_it_on_the_server(
    qtbot, db: Database, register, settings, bare_url: str
) -> None:
    expected = counts(db)
    path = db.path
    assert path is not None
    host = WindowHost(db, settings, CoreActions())
    old = host.open()
    file_menu = old.menuBar().actions()[0].menu()
    assert old.file_actions.transfer_action in file_menu.actions()

    old.file_actions.transfer_action.trigger()
    dialog = old.file_actions.transfer_dialog
    assert isinstance(dialog, TransferDialog) and dialog.isVisible()
    fill(qtbot, dialog, bare_url)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=60_000)

    shown = {
        dialog.tables.index(row, 0).data(): int(dialog.tables.index(row, 1).data().replace(" ", ""))
        for row in range(dialog.tables.rowCount())
    }
    assert shown == expected
    assert f"{len(expected)} tables" in dialog.summary.text()
    assert "read-only" in dialog.summary.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert not path.stat().st_mode & stat.S_IWUSR
    assert not dialog.cancel_button.isVisible()  # the way on is the server only
    dialog.resize(620, 560)
    qtbot.wait(50)
    dialog.grab().save(str(SCREENSHOT))

    dialog.reject()  # closing it, too, opens the register on the server
    qtbot.waitUntil(lambda: host.window is not old, timeout=15_000)
    window = host.window
    qtbot.addWidget(window)
    try:
        assert host.db.url == bare_url
        assert counts(host.db) == expected
        assert not window.file_actions.transfer_action.isEnabled()  # it has moved
        assert window.file_actions.backup_action.isEnabled()  # a register file of it
    finally:
        window.close()
        host.close_own_database()


def test_a_database_in_use_is_refused_on_the_first_page(
    qtbot, db: Database, window, tmp_path: Path, bare_url: str
) -> None:
    from vrus.opening import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}", encrypt=False)
    try:
        add_person(other, "Kari", "Nordmann")
        transfer(other, bare_url)
    finally:
        other.close()
    window.file_actions.transfer_action.trigger()
    dialog = window.file_actions.transfer_dialog
    assert isinstance(dialog, TransferDialog)
    fill(qtbot, dialog, bare_url)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.error.isVisible(), timeout=60_000)

    assert dialog.pages.currentIndex() == 0
    assert "already holds a register" in dialog.error.text()
    assert db.path is not None and db.path.stat().st_mode & stat.S_IWUSR
    dialog.reject()


def test_a_missing_field_is_named_before_anything_moves(qtbot, db: Database, window) -> None:
    window.file_actions.transfer_action.trigger()
    dialog = window.file_actions.transfer_dialog
    assert isinstance(dialog, TransferDialog)
    click(qtbot, dialog.ok_button)
    assert dialog.task is None and dialog.pages.currentIndex() == 0
    assert "host name is required" in dialog.error.text()
    dialog.reject()
