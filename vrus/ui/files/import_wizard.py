"""The import wizard: choose the file, say what its columns hold, check it, import it.

Every step that reads the file or the register runs the core in the thread pool
(``BackgroundTask``); the pages show its progress and its result. The check is the importer's
dry run with the user's column choices; the import is the same call for real, all rows or
none. A file with errors cannot get past the check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from vrus.db.engine import Database
from vrus.ui.common.core_actions import ImportMembers
from vrus.ui.common.messages import failure_text, ui_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.tasks import BackgroundTask, Work
from vrus.ui.common.widgets import fit_columns, read_only_table, wrapped_label
from vrus.ui.files.import_columns import (
    COL_FIELD,
    COL_NOTE,
    ColumnsModel,
    FieldDelegate,
    FileColumns,
    field_label,
    read_columns,
)
from vrus.ui.files.import_preview import ImportPreview, bold_label

log = logging.getLogger(__name__)

ChooseFile = Callable[[], Path | None]


class TaskPage(QWizardPage):
    """A page that runs one core call in the pool, with a progress bar and a status line.

    Only the newest run's signals count: after Back and Next, a run still finishing from
    before is ignored.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self._task: BackgroundTask | None = None
        self._scale = 1  # the dry run's progress covers only the first half of the total
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setFormat(self.tr("%p%"))
        self.status = wrapped_label("")
        self.status.setObjectName("importStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def run(self, work: Work, name: str, text: str, *, scale: int = 1) -> None:
        self.running = True
        self._scale = scale
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setVisible(True)
        self.status.setText(text)
        self.status.setVisible(True)
        task = BackgroundTask(work, name)
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        self._task = task
        self.completeChanged.emit()
        task.start()

    def forget(self) -> None:
        """Ignore whatever the current run still reports."""
        self._task = None
        self.running = False

    def _current(self) -> bool:
        return self._task is not None and self.sender() is self._task

    def _on_progress(self, done: int, total: int) -> None:
        if not self._current():
            return
        whole = max(total // self._scale, 1)
        self.progress.setRange(0, whole)
        self.progress.setValue(min(done, whole))

    def _on_succeeded(self, result: Any) -> None:
        if not self._current():
            return
        self._task = None
        self.running = False
        self.progress.setVisible(False)
        self.succeeded(result)
        self.completeChanged.emit()

    def _on_failed(self, error: BaseException) -> None:
        if not self._current():
            return
        self._task = None
        self.running = False
        self.progress.setVisible(False)
        self.failed(error)
        self.completeChanged.emit()

    def succeeded(self, result: Any) -> None:
        raise NotImplementedError

    def failed(self, error: BaseException) -> None:
        self.status.setText(failure_text(self.tr("The spreadsheet could not be read."), error))


class FilePage(QWizardPage):
    def __init__(self, choose_file: ChooseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_file = choose_file
        self.setTitle(self.tr("1. Choose the spreadsheet"))
        self.setSubTitle(
            self.tr(
                "A CSV or Excel (XLSX) file with one member per row and the headings in the first "
                "row. Nothing is saved before the last step."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.textChanged.connect(self.completeChanged)
        self.browse_button = QPushButton(self.tr("Choose a file…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("File:")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addLayout(row)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "VRUS recognises headings in Norwegian and English, such as Fornavn, "
                    "Etternavn, Fødselsdato, Kommune, Gruppe, Instrument, Foresatt and E-post. In "
                    "the next step you see what each column will be imported as, and choose for "
                    "the columns VRUS does not know."
                )
            )
        )
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Persons already in the register (same first name, last name and birth date) "
                    "are updated, not added twice. If any row has an error, nothing is imported."
                )
            )
        )
        layout.addStretch(1)

    def browse(self) -> None:
        path = self._choose_file()
        if path is not None:
            self.path_edit.setText(str(path))

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        path = self.path()
        return path is not None and path.is_file()


class ColumnsPage(TaskPage):
    def __init__(self, file_page: FilePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._file_page = file_page
        self._read: Path | None = None  # the file the table shows
        self._reading: Path | None = None
        self.setTitle(self.tr("2. What the columns hold"))
        self.setSubTitle(
            self.tr(
                "Check what each column will be imported as. For a column VRUS does not know, "
                "choose what it holds, or leave it out."
            )
        )
        self.model = ColumnsModel(self)
        self.model.mappingChanged.connect(self._update_hint)
        self.view = QTableView()
        self.view.setObjectName("importColumns")
        read_only_table(self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COL_FIELD, FieldDelegate(self.view))
        # Room for the combo boxes that stay open in the field column.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 16)
        self.hint = bold_label()
        self.hint.setObjectName("columnsHint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        path = self._file_page.path()
        if path is None or (path == self._read and not self.running):
            return  # back from the check: keep the choices
        self._read = None
        self._reading = path
        self.model.set_columns(FileColumns((), 0))
        self.run(
            lambda _progress: read_columns(path),
            "import: read columns",
            self.tr("Reading {name}…").format(name=path.name),
        )

    def succeeded(self, result: Any) -> None:
        assert self._reading is not None
        self._read = self._reading
        self.model.set_columns(result)
        for row in range(self.model.rowCount()):
            self.view.openPersistentEditor(self.model.index(row, COL_FIELD))
        fit_columns(self.view, range(COL_NOTE))
        self.view.setColumnWidth(COL_FIELD, max(self.view.columnWidth(COL_FIELD), 200))
        self.status.setText(
            self.tr(
                "{name}: {rows} rows. VRUS recognised {known} of {total} columns by their heading."
            ).format(
                name=self._reading.name,
                rows=result.rows,
                known=self.model.known(),
                total=self.model.rowCount(),
            )
        )

    def _update_hint(self) -> None:
        lines = []
        missing = self.model.missing()
        if missing:
            lines.append(
                self.tr("The import needs a column for: {fields}.").format(
                    fields=", ".join(field_label(name) for name in missing)
                )
            )
        for name in self.model.doubled():
            lines.append(
                self.tr(
                    "More than one column is imported as {field}: leave all but one out."
                ).format(field=field_label(name))
            )
        self.hint.setText("\n".join(lines))
        self.hint.setVisible(bool(lines))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        # Missing or doubled fields do not stop here: the check explains them row by row.
        return self._read is not None and not self.running

    def mapping(self) -> dict[str, str]:
        return self.model.mapping()


class CheckPage(TaskPage):
    """The dry run; its Import button (the commit button) stays off while there are errors."""

    def __init__(self, wizard: ImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.report: Any = None
        self.setTitle(self.tr("3. Check"))
        self.setSubTitle(
            self.tr(
                "VRUS reads every row and checks it against the register. Nothing is saved yet."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.preview = ImportPreview()
        self.preview.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        # The preview takes the room when shown; until then the stretch keeps the bar on top.
        layout.addWidget(self.preview, 100)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.report = None
        self.preview.setVisible(False)
        path, mapping = self._wizard.path(), self._wizard.mapping()
        db, import_members = self._wizard.db, self._wizard.import_members
        self.run(
            lambda progress: import_members(
                db, path, dry_run=True, mapping=mapping, progress=progress
            ),
            "import dry run",
            self.tr("Checking {name}…").format(name=path.name),
            scale=2,
        )

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.forget()
        self.report = None

    def succeeded(self, result: Any) -> None:
        self.report = result
        self.status.clear()
        self.status.setVisible(False)
        self.preview.show_report(result)
        self.preview.setVisible(True)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.report is not None and self.report.ok


class ResultPage(TaskPage):
    """The import itself, then what it did."""

    def __init__(self, wizard: ImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.report: Any = None
        self.setTitle(self.tr("4. Import"))
        self.setSubTitle(self.tr("All rows are saved together, or none of them."))
        self.heading = bold_label()
        self.heading.setObjectName("importHeading")
        self.preview = ImportPreview()
        self.preview.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 100)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.report = None
        path, mapping = self._wizard.path(), self._wizard.mapping()
        db, import_members = self._wizard.db, self._wizard.import_members
        self.heading.setText(self.tr("Importing {name}…").format(name=path.name))
        self.run(
            lambda progress: import_members(
                db, path, dry_run=False, mapping=mapping, progress=progress
            ),
            "import",
            "",
        )

    def succeeded(self, result: Any) -> None:
        self.report = result
        if result.ok:
            self.heading.setText(self.tr("The import is finished."))
            self.status.setText(ui_text(result.summary_text()))
            self._wizard.imported.emit(result)
            return
        # The file was changed between the check and the import: it is refused whole.
        self.heading.setText(self.tr("Nothing was imported."))
        self.status.clear()
        self.preview.show_report(result)
        self.preview.setVisible(True)

    def failed(self, error: BaseException) -> None:
        self.heading.setText(self.tr("Nothing was imported."))
        self.status.setText(failure_text(self.tr("The spreadsheet could not be imported."), error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.running


class ImportWizard(QWizard):
    imported = Signal(object)  # the report of an import that was saved

    def __init__(
        self,
        db: Database,
        import_members: ImportMembers,
        choose_file: ChooseFile,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.import_members = import_members
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        # The pages' subtitles name the file and its sheet: shown as written, never as markup.
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page = FilePage(choose_file)
        self.columns_page = ColumnsPage(self.file_page)
        self.check_page = CheckPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.columns_page, self.check_page, self.result_page):
            self.addPage(page)
        self.resize(860, 600)

    def path(self) -> Path:
        path = self.file_page.path()
        assert path is not None
        return path

    def mapping(self) -> dict[str, str]:
        return self.columns_page.mapping()

    @property
    def importing(self) -> bool:
        return self.result_page.running

    def reject(self) -> None:
        # The import cannot be stopped half-way (it is all or nothing); it ends by itself.
        if self.importing:
            return
        self.columns_page.forget()
        self.check_page.forget()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.importing:
            event.ignore()
            return
        super().closeEvent(event)
