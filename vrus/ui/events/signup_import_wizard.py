"""Sign-ups from a web form, in the window: a wizard for one event, and what opens it.

The wizard reads the form's answers (CSV or XLSX), lets the user say which column is which
question, shows every answer with the person it goes to, and saves all of them or none,
with the core's ``vrus.importing.signup_form`` doing every step in the thread pool (the pages
are in ``signup_import_pages``). ``SignupImportFlow`` opens it from the Events page and the
sign-up grid and tells the views when sign-ups were saved.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from vrus.db.engine import Database
from vrus.importing.signup_form import FormMapping, SignupPlan
from vrus.seasons import EventSummary
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.events.signup_import_pages import (
    ChooseFile,
    LoadedForm,
    SignupFilePage,
    SignupMappingPage,
    SignupResultPage,
    SignupReviewPage,
    planner_work,
)

log = logging.getLogger(__name__)


class SignupImportWizard(QWizard):
    imported = Signal(object)  # the SignupResult of an import that was saved

    def __init__(
        self,
        db: Database,
        summary: EventSummary,
        choose_file: ChooseFile,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.summary = summary
        self.event_id = summary.id
        self.today = today
        self.setObjectName("signupImportWizard")
        self.setWindowTitle(self.tr("Import sign-ups: {title}").format(title=summary.title))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        # Titles and subtitles may name the file: shown as written, never as markup.
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page = SignupFilePage(self, choose_file)
        self.mapping_page = SignupMappingPage(self)
        self.review_page = SignupReviewPage(self)
        self.result_page = SignupResultPage(self)
        for page in (self.file_page, self.mapping_page, self.review_page, self.result_page):
            self.addPage(page)
        self.resize(1180, 740)

    def loaded(self) -> LoadedForm:
        loaded = self.file_page.loaded
        assert loaded is not None
        return loaded

    def planner(
        self, mapping: FormMapping, choices: dict[int, int | None]
    ) -> Callable[[Any], SignupPlan]:
        return planner_work(
            self.db, self.event_id, self.loaded().table, mapping, choices, self.today
        )

    @property
    def importing(self) -> bool:
        return self.result_page.running

    def reject(self) -> None:
        # The import cannot be stopped half-way (it is all or nothing); it ends by itself.
        if self.importing:
            return
        for page in (self.file_page, self.mapping_page, self.review_page):
            page.forget()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.importing:
            event.ignore()
            return
        super().closeEvent(event)


class SignupImportFlow(QObject):
    """Opens the wizard for an event (one at a time) and announces a saved import."""

    # A saved import as one undoable step, and the event's title (for the step's name).
    step_done = Signal(object, str)

    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        window: QWidget,
        *,
        today: Callable[[], dt.date] | None = None,
        choose_file: ChooseFile | None = None,
    ) -> None:
        super().__init__(window)
        self._db = db
        self._changes = changes
        self._window = window
        self._today = today
        self._choose_file = choose_file or self._ask_for_file
        self._folder = str(Path.home())  # where the last form came from, while VRUS runs
        # The wizard that is open now, or was last; tests reach its pages through it.
        self.wizard: SignupImportWizard | None = None

    @property
    def running(self) -> bool:
        return self.wizard is not None and self.wizard.isVisible()

    def start(self, summary: EventSummary) -> None:
        if self.running:
            assert self.wizard is not None
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        if self.wizard is not None:
            self.wizard.deleteLater()
        today = self._today() if self._today is not None else None
        self.wizard = SignupImportWizard(
            self._db, summary, self._choose_file, today=today, parent=self._window
        )
        self.wizard.setWindowModality(Qt.WindowModality.WindowModal)
        self.wizard.imported.connect(self._imported)
        self.wizard.open()

    def _ask_for_file(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.wizard or self._window,
            self.tr("Import sign-ups"),
            self._folder,
            self.tr("Form answers (*.csv *.xlsx);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        self._folder = str(path.parent)
        return path

    def _imported(self, result: Any) -> None:
        # Counts only: the log never names a person or a file.
        log.info(
            "sign-ups imported: %s written, %s replaced, %s not matched, %s health changes",
            result.written,
            result.replaced,
            result.unmatched,
            result.accepted,
        )
        step = self.wizard.result_page.step if self.wizard is not None else None
        if step is not None:
            self.step_done.emit(step, self.wizard.summary.title)
        self._changes.changed.emit()
