"""Sending a printout to a printer: the print dialog (its ``exec`` replaced) and the PDF's
pages drawn on the printer with Qt PDF; a "printer" that writes a PDF file stands in for a
real one. Without Qt PDF (the PySide6-Pdf package) or without a printer, the window says so
and opens the PDF in the viewer instead."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from tests.ui.lunch_support import build_lunch_page, fake_viewer, load_demo_season, pdf_text
from vrus.ui.files import printing

HAVE_QTPDF = printing.QPdfDocument is not None


@pytest.fixture
def viewer(monkeypatch, tmp_path):
    return fake_viewer(monkeypatch, tmp_path)


@pytest.fixture
def page(qtbot, db):
    load_demo_season(db)
    return build_lunch_page(qtbot, db)


def test_without_qt_pdf_the_pdf_opens_in_the_viewer(qtbot, page, viewer, monkeypatch) -> None:
    monkeypatch.setattr(printing, "QPdfDocument", None)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: pytest.fail("no dialog expected"))
    page.print_sheet.action("print_lunch").trigger()
    box = page.print_sheet.message_box
    assert box is not None and box.isVisible()
    assert "needs Qt PDF" in box.text() and "PySide6-Pdf" in box.text()
    qtbot.waitUntil(lambda: len(viewer.urls) == 1, timeout=10_000)
    assert pdf_text(viewer.paths[0])[0] == "Lunsjliste – Helgeseminar 9"
    box.accept()


def test_without_a_printer_it_says_so_and_opens_the_pdf(qtbot, page, viewer, monkeypatch) -> None:
    monkeypatch.setattr(printing, "QPdfDocument", object())  # as if Qt PDF were there
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: pytest.fail("no dialog expected"))
    page.print_roster.action("print_roster").trigger()
    box = page.print_roster.message_box
    assert box.text().startswith("No printer is set up on this computer.")
    qtbot.waitUntil(lambda: len(viewer.urls) == 1, timeout=10_000)
    assert viewer.paths[0].name == "vaktliste-2026.pdf"
    box.accept()


@pytest.fixture
def file_printer(monkeypatch, tmp_path):
    """A printer that writes what it is sent to a PDF file, and a dialog that says OK."""
    if not HAVE_QTPDF:
        pytest.skip(
            "Qt PDF (PySide6.QtPdf, from the PySide6-Pdf package) is not installed: "
            "printing from VRUS falls back to the PDF viewer, tested above"
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    dialogs: list[QPrintDialog] = []

    def accept(dialog: QPrintDialog) -> int:
        dialogs.append(dialog)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "printers_available", lambda: True)
    monkeypatch.setattr(printing, "make_printer", lambda: printer)
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return tmp_path / "printed.pdf", dialogs


def test_print_dialog_sends_every_page_to_the_printer(qtbot, page, viewer, file_printer) -> None:
    output, dialogs = file_printer
    with qtbot.waitSignal(page.print_sheet.printed, timeout=20_000) as printed:
        page.print_sheet.action("print_lunch").trigger()
    assert len(dialogs) == 1
    assert printed.args == [len(page.day_panels)]
    _title, _text, pages = pdf_text(output)
    assert pages == len(page.day_panels)
    assert viewer.urls == []  # printed, not opened
    assert page.print_sheet.status.text() == f"Sent {pages} pages to the printer"


def test_a_cancelled_print_dialog_prints_nothing(
    qtbot, page, viewer, file_printer, monkeypatch
) -> None:
    output, _dialogs = file_printer
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Rejected)
    with qtbot.waitSignal(page.print_sheet.finished, timeout=20_000):
        page.print_sheet.action("print_lunch").trigger()
    assert not output.exists()
    assert viewer.urls == []
