"""The Print buttons: make a PDF in the core off the GUI thread, then open it in the system's
PDF viewer, send it to a printer, or save it where the user chooses.

A page describes what it can print as ``Document``s; ``PrintButton`` is the button (with a
menu) that does the rest. The PDF is made by the core's printing functions in a worker
(``BackgroundTask``), with its own database session; a busy bar shows meanwhile, and the
widgets are touched only when the result comes back on the main thread.

Opened and printed PDFs go to this program's private folder (readable by the user only)
under the system's temporary folder (``print_folder.py``): a printed one is deleted once it
is printed, the folder with the rest when VRUS quits. The lists hold children's names, phone
numbers and allergies, so nothing is left behind unless the user saves it somewhere.

Printing from VRUS itself renders the PDF's pages with Qt PDF (``QPdfDocument``, from the
PySide6-Pdf package, which PySide6-Essentials does not include). Without it, or without a
printer, the window says so and opens the PDF in the viewer instead, which can print it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from vrus.db.engine import Database
from vrus.events import get_event
from vrus.private_files import write_private_file
from vrus.ui.common.colours import QUIET, text_style
from vrus.ui.common.messages import failure_text
from vrus.ui.common.plain_text import message_box, plain_label, plain_tooltip
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.files import print_folder as print_files

try:  # Qt PDF comes in the PySide6-Pdf package, which VRUS does not require.
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None

log = logging.getLogger(__name__)

PdfMaker = Callable[[Session], tuple[bytes, str]]  # the PDF and a file name for it
RENDER_DPI = 300  # pages are rendered at most this fine: enough for text, not 500 MB a page


# --- what prints -----------------------------------------------------------------------------
# The core's PDF makers (and reportlab with them) are imported when a PDF is made, in the
# worker: a page with a Print button opens without them.


def attendance_maker(event_id: int, variant: str = "attendance") -> PdfMaker:
    """``variant``: 'attendance', 'attendance_by_section' or 'sign_in'."""

    def make(session: Session) -> tuple[bytes, str]:
        from vrus.printing import attendance_list_pdf, default_filename

        data = attendance_list_pdf(
            session,
            event_id,
            by_section=variant == "attendance_by_section",
            sign_in=variant == "sign_in",
        )
        return data, default_filename(variant, get_event(session, event_id))

    return make


def lunch_sheet_maker(event_id: int, today: dt.date | None = None) -> PdfMaker:
    def make(session: Session) -> tuple[bytes, str]:
        from vrus.printing import default_filename, lunch_sheet_pdf

        data = lunch_sheet_pdf(session, event_id, today=today)
        return data, default_filename("lunch", get_event(session, event_id))

    return make


def roster_maker(season_year: int) -> PdfMaker:
    def make(session: Session) -> tuple[bytes, str]:
        from vrus.printing import default_filename, duty_roster_pdf

        return (
            duty_roster_pdf(session, season_year),
            default_filename("roster", label=str(season_year)),
        )

    return make


def contact_list_maker(ensemble_id: int | None, ensemble_name: str | None, on: dt.date) -> PdfMaker:
    def make(session: Session) -> tuple[bytes, str]:
        from vrus.printing import contact_list_pdf, default_filename

        return (
            contact_list_pdf(session, ensemble_id=ensemble_id, on=on),
            default_filename("contacts", label=ensemble_name, day=on),
        )

    return make


@dataclass(frozen=True)
class Document:
    """One printout a page offers: ``make`` gives the maker for what is chosen now, or None
    when nothing is chosen."""

    key: str  # names the menu's actions: "open_lunch", "print_lunch", "save_lunch"
    label: str  # translated, as the menu shows it
    make: Callable[[], PdfMaker | None]


# --- files, the viewer and the printer ---------------------------------------------------------


def print_folder() -> Path:
    """Where PDFs to view and to print are written: this program's private folder."""
    return print_files.print_folder()


def open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def printers_available() -> bool:
    return bool(QPrinterInfo.availablePrinterNames())


def make_printer() -> QPrinter:
    """The printer the print dialog sets up (tests replace it with a PDF-file printer)."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def render_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw the document's pages (the range chosen in the dialog, else all) on ``printer``,
    each scaled to fit the printable area; returns the number of pages drawn."""
    count = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), count) if printer.toPage() else count
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        return 0
    try:
        for number, page in enumerate(range(first - 1, last)):
            if number:
                printer.newPage()
            _draw_page(document, page, printer, painter)
    finally:
        painter.end()
    return last - first + 1


def _draw_page(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    area = painter.viewport()
    points = document.pagePointSize(page)
    scale = min(area.width() / points.width(), area.height() / points.height())
    target = QSize(int(points.width() * scale), int(points.height() * scale))
    finest = RENDER_DPI / 72
    image = document.render(
        page,
        QSize(int(points.width() * min(scale, finest)), int(points.height() * min(scale, finest))),
    )
    painter.drawImage(QRect(area.x(), area.y(), target.width(), target.height()), image)


# --- the button --------------------------------------------------------------------------------


class PrintButton(QWidget):
    """A Print button with a menu per document: open as PDF (the button's click for a single
    document), send to a printer, save as PDF. A busy bar shows while the PDF is made."""

    opened = Signal(str)  # the path opened in the viewer
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)
    finished = Signal()  # the work started by a click is over, whatever came of it

    def __init__(
        self,
        db: Database,
        text: str,
        documents: list[Document],
        *,
        name: str,
        show_status: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._documents = {document.key: document for document in documents}
        self.task: BackgroundTask | None = None
        self._done: Callable[[Path], None] = self._open_made
        self.message_box: QMessageBox | None = None
        self.button = QToolButton()
        self.button.setObjectName(name)
        self.button.setText(text)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.menu = QMenu(self)
        self.button.setMenu(self.menu)
        self._fill_menu(documents)
        self._menu_from_keyboard()
        if len(documents) == 1:
            self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            self.button.clicked.connect(lambda: self.open_pdf(documents[0].key))
        else:
            self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.busy = QProgressBar()
        self.busy.setObjectName(f"{name}Busy")
        self.busy.setRange(0, 0)  # no steps to count: a moving bar says "working"
        self.busy.setMaximumWidth(80)
        self.busy.setMaximumHeight(self.button.sizeHint().height() // 2)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.status = plain_label()
        self.status.setObjectName(f"{name}Status")
        self.status.setStyleSheet(text_style(QUIET))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        # Once it has a parent: shown before, it would flash up as a window of its own (and
        # take the activation from the window when a page is built after the window shows).
        self.status.setVisible(show_status)

    def _menu_from_keyboard(self) -> None:
        """Alt+Down, F4 or the menu key open the menu, as they open a combo box's list: the
        arrow beside the button is only for the mouse, and Space opens the first document."""
        action = QAction(self.tr("Show the choices"), self.button)
        action.setObjectName(f"{self.button.objectName()}Menu")
        action.setShortcuts(
            [QKeySequence("Alt+Down"), QKeySequence(Qt.Key.Key_F4), QKeySequence(Qt.Key.Key_Menu)]
        )
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(self.button.showMenu)
        self.button.addAction(action)
        self.button.setAccessibleDescription(
            self.tr("Alt+Down shows the choices: open, send to a printer, save as PDF")
        )

    def _fill_menu(self, documents: list[Document]) -> None:
        for document in documents:
            action = self.menu.addAction(
                self.tr("Open {document} as PDF").format(document=document.label)
            )
            action.setObjectName(f"open_{document.key}")
            action.triggered.connect(lambda _c=False, k=document.key: self.open_pdf(k))
        for verb, slot, text in (
            ("print", self.print_pdf, self.tr("Send {document} to a printer…")),
            ("save", self.save_pdf, self.tr("Save {document} as PDF…")),
        ):
            self.menu.addSeparator()
            for document in documents:
                action = self.menu.addAction(text.format(document=document.label))
                action.setObjectName(f"{verb}_{document.key}")
                action.triggered.connect(lambda _c=False, k=document.key, s=slot: s(k))

    def action(self, name: str):
        """The menu action named ``open_KEY``, ``print_KEY`` or ``save_KEY``."""
        return next(a for a in self.menu.actions() if a.objectName() == name)

    @property
    def running(self) -> bool:
        return self.task is not None

    # --- The three ways ---------------------------------------------------------------------

    def open_pdf(self, key: str) -> None:
        self._make(key, None, self._open_made)

    def save_pdf(self, key: str) -> None:
        maker = self._documents[key].make()
        if maker is None or self.running:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), folder, self.tr("PDF documents (*.pdf)")
        )
        if path:
            target = Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")
            self._make(key, target, self._saved)

    def print_pdf(self, key: str) -> None:
        if QPdfDocument is None:
            self._explain(
                self.tr(
                    "Printing straight from VRUS needs Qt PDF (the PySide6-Pdf package), which is "
                    "not installed. The PDF opens in your PDF viewer instead: print it from "
                    "there."
                )
            )
            self.open_pdf(key)
        elif not printers_available():
            self._explain(
                self.tr(
                    "No printer is set up on this computer. The PDF opens in your PDF viewer "
                    "instead: save it there, or print it from a computer with a printer."
                )
            )
            self.open_pdf(key)
        else:
            self._make(key, None, self._print_made)

    # --- Making the PDF off the GUI thread ---------------------------------------------------

    def _make(self, key: str, target: Path | None, done: Callable[[Path], None]) -> None:
        maker = self._documents[key].make()
        if maker is None or self.running:
            return
        db = self._db

        def work(_progress) -> Path:
            # One unit of work: a printout of health data records itself in the audit
            # trail (vrus.audit), saved only when the file was written.
            with db.transaction() as session:
                data, name = maker(session)
                return write_private_file(target or print_folder() / name, data)

        self._done = done
        self.task = BackgroundTask(work, f"print {key}")
        # Bound methods, so Qt drops the connections if this button is closed meanwhile.
        self.task.succeeded.connect(self._finish)
        self.task.failed.connect(self._failed)
        self._set_busy(True)
        self.task.start()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Making the PDF…"))
            self.status.setToolTip("")

    def _finish(self, path: Path) -> None:
        self.task = None
        self._set_busy(False)
        try:
            self._done(path)
        finally:
            self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self.status.clear()
        self._explain(
            failure_text(self.tr("The PDF could not be made."), error), QMessageBox.Icon.Warning
        )
        self.finished.emit()

    # --- What to do with it ------------------------------------------------------------------

    def _open_made(self, path: Path) -> None:
        self._show_file(self.tr("Opened {file}"), path)
        if open_in_viewer(path):
            self.opened.emit(str(path))
        else:
            self._explain(
                self.tr(
                    "No PDF viewer could be started. Until VRUS closes, the PDF is in\n{path}\n"
                    "Use Save as PDF to keep it."
                ).format(path=path)
            )

    def _saved(self, path: Path) -> None:
        self._show_file(self.tr("Saved {file}"), path)
        self.saved.emit(str(path))

    def _print_made(self, path: Path) -> None:
        document = QPdfDocument(self)
        document.load(str(path))
        printer = make_printer()
        printer.setDocName(path.stem)
        if document.pageCount() and _is_wide(document):
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(document.pageCount(), 1))
        try:
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                self.status.clear()
                return
            pages = render_pdf(document, printer)
        finally:
            document.close()
            print_files.discard_printed(path)  # on the printer now: not needed any more
        self.status.setText(self.tr("Sent {count} pages to the printer").format(count=pages))
        self.status.setToolTip("")
        self.printed.emit(pages)

    def _show_file(self, template: str, path: Path) -> None:
        self.status.setText(template.format(file=path.name))
        self.status.setToolTip(plain_tooltip(str(path)))

    def _explain(self, text: str, kind: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        box = message_box(kind, self.tr("Print"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("printMessage")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: box.deleteLater())
        self.message_box = box
        box.open()


def _is_wide(document: QPdfDocument) -> bool:
    size = document.pagePointSize(0)
    return size.width() > size.height()
