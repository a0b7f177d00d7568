"""The person editor's "Export everything (access request)…": the chosen file is written by
the core (owner-only, the person's data in it), and a refusal is shown as the core says it."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.ui.driving import click, key, select_row_of
from vrus.db.models import AuditEntry
from vrus.ui.members import access_export_button


def _open_editor(qtbot, window, person_id: int):
    page = window.members_page
    select_row_of(qtbot, page, person_id)
    key(qtbot, page.table, Qt.Key.Key_Return)
    assert page.editor.person_id == person_id
    return page.editor


def _save_as(monkeypatch, path: Path | None, chosen: str = "") -> list[tuple[str, str]]:
    """Make the save dialog answer ``path`` (None: cancelled); returns the (caption, name)
    it was asked with."""
    asked: list[tuple[str, str]] = []

    class FakeFileDialog:
        @staticmethod
        def getSaveFileName(parent, caption, name, filters):  # noqa: N802 - Qt's name
            asked.append((caption, name))
            return (str(path), chosen) if path is not None else ("", "")

    monkeypatch.setattr(access_export_button, "QFileDialog", FakeFileDialog)
    return asked


def test_the_button_writes_the_chosen_json(
    qtbot, members_window, register, db, tmp_path: Path, monkeypatch
) -> None:
    editor = _open_editor(qtbot, members_window, register.ids["aase"])
    button = editor.access_export
    assert button.text() == "Export everything (access request)…"
    # No ending typed: the chosen type's ending is added.
    asked = _save_as(monkeypatch, tmp_path / "innsyn", "JSON for machines (*.json)")
    click(qtbot, button)
    target = tmp_path / "innsyn.json"
    assert asked and asked[0][0] == "Export everything about Åse Ødegård"
    assert asked[0][1].endswith("innsyn-ase-odegard.pdf")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert (doc["person"]["first_name"], doc["person"]["last_name"]) == ("Åse", "Ødegård")
    assert button.message is not None and button.message.isVisible()
    assert button.message.icon() == QMessageBox.Icon.Information
    assert str(target) in button.message.text()
    with db.sessions() as session:
        recorded = session.scalars(
            select(AuditEntry.person_id).where(AuditEntry.action == "export")
        ).all()
    assert recorded == [register.ids["aase"]]


def test_the_button_writes_a_pdf(
    qtbot, members_window, register, tmp_path: Path, monkeypatch
) -> None:
    editor = _open_editor(qtbot, members_window, register.ids["thi"])
    _save_as(monkeypatch, tmp_path / "innsyn.pdf", "PDF to read (*.pdf)")
    click(qtbot, editor.access_export)
    assert (tmp_path / "innsyn.pdf").read_bytes().startswith(b"%PDF")


def test_a_refusal_is_shown_as_the_core_says_it(
    qtbot, members_window, register, tmp_path: Path, monkeypatch
) -> None:
    editor = _open_editor(qtbot, members_window, register.ids["aase"])
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        access_export_button, "show_error", lambda _parent, title, text: shown.append((title, text))
    )
    _save_as(monkeypatch, tmp_path / "innsyn.docx")
    click(qtbot, editor.access_export)
    assert shown == [
        (
            "The export was not written",
            "innsyn.docx: give the file a name ending in .json, .pdf",
        )
    ]
    assert not (tmp_path / "innsyn.docx").exists()
    assert editor.access_export.message is None


def test_cancelling_the_dialog_writes_nothing(
    qtbot, members_window, register, db, monkeypatch
) -> None:
    editor = _open_editor(qtbot, members_window, register.ids["aase"])
    asked = _save_as(monkeypatch, None)
    click(qtbot, editor.access_export)
    assert len(asked) == 1 and editor.access_export.message is None
    with db.sessions() as session:
        assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
