"""The PDFs the window makes to view or to print do not stay in the temporary folder: one
private folder per running VRUS, a printed PDF deleted once printed, the folder removed when
VRUS quits, and what an earlier run left behind removed at the next start (only folders that
are ours by name and owner, and that no running VRUS uses)."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from reportlab.pdfgen import canvas

from vrus.ui.app import run_window
from vrus.ui.files import print_folder, printing
from vrus.ui.files.print_folder import LOCK_NAME, PREFIX, PrintFolder
from vrus.ui.files.printing import Document, PrintButton
from vrus.ui.main_window import MainWindow


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def small_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Deltakerliste")
    page.save()
    return buffer.getvalue()


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test: its own, with a fresh PrintFolder."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(print_folder, "temp_location", lambda: folder)
    monkeypatch.setattr(print_folder, "_folder", PrintFolder())
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The PDF viewer: records what VRUS asked to open."""
    paths: list[Path] = []

    def open_url(url: QUrl) -> bool:
        paths.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return paths


def button(qtbot, db) -> PrintButton:
    documents = [
        Document(key, label, lambda name=name: lambda _session: (small_pdf(), name))
        for key, label, name in (
            ("list", "the list", "deltakerliste.pdf"),
            ("sheet", "the sheet", "lunsjliste.pdf"),
        )
    ]
    widget = PrintButton(db, "Print", documents, name="testPrint")
    qtbot.addWidget(widget)
    return widget


def ours(temp: Path) -> list[Path]:
    return sorted(p for p in temp.iterdir() if p.name.startswith(PREFIX))


def test_opened_pdfs_go_to_one_private_folder_removed_at_quitting(
    qtbot, db, temp: Path, opened: list[Path]
) -> None:
    widget = button(qtbot, db)
    for key in ("list", "sheet"):
        with qtbot.waitSignal(widget.opened, timeout=10_000):
            widget.open_pdf(key)
    folder = opened[0].parent
    assert [p.parent for p in opened] == [folder, folder]  # one folder for the whole run
    assert ours(temp) == [folder]
    assert mode(folder) == 0o700
    assert all(mode(p) == 0o600 and p.read_bytes().startswith(b"%PDF") for p in opened)
    # The viewer still shows them: they stay while VRUS runs.
    assert {p.name for p in folder.iterdir() if p.suffix == ".pdf"} == {
        "deltakerliste.pdf",
        "lunsjliste.pdf",
    }
    print_folder.remove_print_folder()
    assert ours(temp) == []
    # A PDF opened after that gets a new folder.
    with qtbot.waitSignal(widget.opened, timeout=10_000):
        widget.open_pdf("list")
    assert opened[-1].parent != folder and opened[-1].exists()


@pytest.mark.skipif(printing.QPdfDocument is None, reason="Qt PDF (PySide6-Pdf) not installed")
@pytest.mark.parametrize("accepted", [True, False], ids=["printed", "cancelled"])
def test_a_pdf_sent_to_the_printer_is_deleted_once_printed(
    qtbot, db, temp: Path, opened: list[Path], tmp_path: Path, monkeypatch, accepted: bool
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    monkeypatch.setattr(printing, "printers_available", lambda: True)
    monkeypatch.setattr(printing, "make_printer", lambda: printer)
    code = QPrintDialog.DialogCode.Accepted if accepted else QPrintDialog.DialogCode.Rejected
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: code)
    widget = button(qtbot, db)
    with qtbot.waitSignal(widget.finished, timeout=10_000):
        widget.print_pdf("list")
    assert opened == []
    assert (tmp_path / "printed.pdf").exists() == accepted
    [folder] = ours(temp)
    assert [p.name for p in folder.iterdir() if p.suffix == ".pdf"] == []


def test_leftovers_of_earlier_runs_are_removed_and_nothing_else(temp: Path, tmp_path: Path) -> None:
    crashed = temp / f"{PREFIX}k3j2h1"  # its VRUS is gone: no lock, or a stale one
    crashed.mkdir(mode=0o700)
    (crashed / "lunsjliste.pdf").write_bytes(b"%PDF")
    old = temp / "vrus-utskrifter"  # the one shared folder of older versions
    old.mkdir()
    (old / "kontaktliste.pdf").write_bytes(b"%PDF")
    in_use = temp / f"{PREFIX}inuse1"  # another VRUS running now holds its lock
    in_use.mkdir(mode=0o700)
    (in_use / "deltakerliste.pdf").write_bytes(b"%PDF")
    lock = QLockFile(str(in_use / LOCK_NAME))
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    elsewhere = tmp_path / "elsewhere"  # a link with our name: not followed, not removed
    elsewhere.mkdir()
    (elsewhere / "keep.pdf").write_bytes(b"%PDF")
    link = temp / f"{PREFIX}link"
    link.symlink_to(elsewhere, target_is_directory=True)
    not_ours = temp / "other-program"
    not_ours.mkdir()
    a_file = temp / f"{PREFIX}file"
    a_file.write_bytes(b"x")
    current = print_folder.print_folder()  # this run's own
    try:
        removed = print_folder.remove_leftovers()
    finally:
        lock.unlock()
    assert sorted(removed) == sorted([crashed, old])
    assert not crashed.exists() and not old.exists()
    assert (in_use / "deltakerliste.pdf").exists()
    assert link.is_symlink() and (elsewhere / "keep.pdf").exists()
    assert not_ours.is_dir() and a_file.is_file() and current.is_dir()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a folder of another owner needs root")
def test_a_folder_of_another_user_is_left_alone(temp: Path) -> None:
    theirs = temp / f"{PREFIX}theirs"
    theirs.mkdir()
    os.chown(theirs, 65534, 65534)
    assert print_folder.remove_leftovers() == []
    assert theirs.is_dir()


def test_run_window_cleans_up_at_start_and_at_quitting(
    qapp, db, temp: Path, opened: list[Path], monkeypatch
) -> None:
    crashed = temp / f"{PREFIX}crashed"
    crashed.mkdir()
    (crashed / "lunsjliste.pdf").write_bytes(b"%PDF")
    seen: dict[str, object] = {}

    # Windows of earlier tests may linger (closed, not yet deleted): only a shown one is ours.
    def open_a_pdf_then_quit() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(10, open_a_pdf_then_quit)
            return
        seen["leftover gone"] = not crashed.exists()
        made = print_folder.print_folder() / "kontaktliste.pdf"
        made.write_bytes(b"%PDF")
        seen["made"] = made
        windows[0].quit_action.trigger()

    names = qapp.organizationName(), qapp.applicationName()
    QTimer.singleShot(0, open_a_pdf_then_quit)
    try:
        assert run_window(db) == 0
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert seen["leftover gone"] is True
    made = seen["made"]
    assert isinstance(made, Path) and not made.exists() and not made.parent.exists()
    assert ours(temp) == []


# --- Save as: where the user chose, over what was there -----------------------------------------


@pytest.mark.parametrize("there", ["file", "link"])
def test_save_as_replaces_a_file_or_a_link_with_a_private_file(
    qtbot, db, temp: Path, tmp_path: Path, monkeypatch, there: str
) -> None:
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"keep me")
    os.chmod(elsewhere, 0o644)
    target = tmp_path / "liste.pdf"
    if there == "file":
        target.write_bytes(b"old")
        os.chmod(target, 0o644)
    else:
        target.symlink_to(elsewhere)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    widget = button(qtbot, db)
    with qtbot.waitSignal(widget.saved, timeout=10_000):
        widget.save_pdf("list")
    assert not target.is_symlink() and mode(target) == 0o600
    assert target.read_bytes().startswith(b"%PDF")
    assert elsewhere.read_bytes() == b"keep me" and mode(elsewhere) == 0o644
    assert ours(temp) == []  # saved where the user chose: nothing in the temporary folder
