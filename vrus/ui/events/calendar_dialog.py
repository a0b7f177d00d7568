"""The Events page's "Calendar (.ics)…": the season's events as a file for the families'
calendars.

A small dialog asks for the season (the one the page shows) and the ensemble (all, or one:
only the events it is invited to), a file dialog where to save it (``VRUS-2027.ics``), and
the core's ``write_season_calendar`` (the same as ``vrus calendar``) writes it. A season is
some twenty events, so it is written here, not in a task. Where it went is said in the
window's status bar; a refusal (a season the register does not have, a folder that is gone)
in one message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vrus.clock import Today
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.reference import ensembles
from vrus.season_calendar import SUFFIX, CalendarFile, file_name, write_season_calendar
from vrus.seasons import current_season_year
from vrus.ui.common.messages import core_message
from vrus.ui.common.plain_text import message_box
from vrus.ui.common.season_picker import fill_season_combo
from vrus.ui.common.widgets import wrapped_label

SHOWN_MS = 30_000  # how long the status bar says where the file went


class CalendarDialog(QDialog):
    """Season and ensemble of the calendar to save."""

    def __init__(
        self, db: Database, season: int, current: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDialog")
        self.setWindowTitle(self.tr("Season calendar"))
        self.season = QComboBox()
        self.season.setObjectName("calendarSeason")
        fill_season_combo(self.season, db, season, current)
        self.ensemble = QComboBox()
        self.ensemble.setObjectName("calendarEnsemble")
        self.ensemble.addItem(self.tr("All ensembles"), None)
        with db.sessions() as session:
            for row in ensembles(session):
                self.ensemble.addItem(row.name, (row.id, row.short_name))
        form = QFormLayout()
        form.addRow(self.tr("&Season:"), self.season)
        form.addRow(self.tr("&Ensemble:"), self.ensemble)
        self.buttons = buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        note = wrapped_label(
            self.tr(
                "One file with the season's events for the families' calendars (Google, Apple, "
                "Outlook): times, venue, what to bring and lunch, in Norwegian. Importing an "
                "updated file updates the events instead of adding them twice; a cancelled "
                "event is marked cancelled. The file holds no personal data, so it can be "
                "sent to everyone or put on the web."
            )
        )
        note.setMinimumWidth(380)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @property
    def year(self) -> int:
        return int(self.season.currentData())

    @property
    def ensemble_id(self) -> int | None:
        chosen = self.ensemble.currentData()
        return chosen[0] if chosen else None

    @property
    def ensemble_short_name(self) -> str | None:
        chosen = self.ensemble.currentData()
        return chosen[1] if chosen else None


class CalendarExport(QObject):
    """The dialog, the file dialog and the writing, for one page."""

    def __init__(self, db: Database, page: QWidget, today: Today) -> None:
        super().__init__(page)
        self._db = db
        self._page = page
        self._today = today
        # Kept so tests can reach what is open now, and what was written last.
        self.dialog: CalendarDialog | None = None
        self.message: QMessageBox | None = None
        self.written: CalendarFile | None = None

    def start(self, season: int) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        dialog = CalendarDialog(self._db, season, current_season_year(self._today()), self._page)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda result: self._chosen(dialog, result))
        self.dialog = dialog
        dialog.open()

    def _chosen(self, dialog: CalendarDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        path = self._ask_file(dialog.year, dialog.ensemble_short_name)
        if path is not None:
            self._write(path, dialog.year, dialog.ensemble_id)

    def _ask_file(self, year: int, ensemble: str | None) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self._page,
            self.tr("Save the season calendar"),
            str(Path(folder or Path.home()) / file_name(year, ensemble)),
            self.tr("iCalendar (*.ics)"),
        )
        if not path:
            return None
        target = Path(path)
        # Some file dialogs do not add the ending of the chosen type.
        return target if target.suffix else target.with_name(target.name + SUFFIX)

    def _write(self, path: Path, year: int, ensemble_id: int | None) -> None:
        try:
            written = write_season_calendar(
                self._db, path, year, ensemble_id=ensemble_id, today=self._today()
            )
        except VrusError as error:
            self._refused(core_message(error))
            return
        self.written = written
        self._say(
            self.tr("Season calendar with {events} event(s) saved to {path}").format(
                events=written.events, path=str(written.path)
            )
        )

    def _say(self, text: str) -> None:
        window = self._page.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, SHOWN_MS)

    def _refused(self, text: str) -> None:
        box = message_box(
            QMessageBox.Icon.Warning,
            self.tr("The calendar was not saved"),
            text,
            QMessageBox.StandardButton.Ok,
            self._page,
        )
        box.setObjectName("calendarRefused")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: box.deleteLater())
        self.message = box
        box.open()
