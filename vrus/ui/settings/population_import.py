"""Settings -> Municipalities: the table, and importing population figures from SSB.

"Import population figures…" asks for a download of SSB's table 07459 (Statbank, CSV or
JSON-stat), reads it and shows what would change (a dry run, in the thread pool), and
stores it only when the user confirms, all figures or none (``vrus.population``). A file
that cannot be used is explained above the table, as the other Settings tables explain a
refused value; the table shows the newest stored figures afterwards. The import is one
undoable step: the figures of every municipality the file names, before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrus import undo
from vrus.db.engine import Database
from vrus.population import ImportResult, import_population
from vrus.population.summary import outcome_line, preview_lines
from vrus.reference import municipalities
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.messages import failure_text, ui_text
from vrus.ui.common.options import LAST_IMPORT_FOLDER, Settings
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.settings.reference_editors import ReferenceEditor
from vrus.ui.settings.reference_models import ReferenceModel


class PopulationPreview(QDialog):
    """What the file would change, with a button that stores it."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("populationPreview")
        self.setWindowTitle(self.tr("Import population figures"))
        self.setMinimumSize(560, 360)
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("populationChanges")
        self.lines.setReadOnly(True)
        self.lines.setPlainText("\n".join(ui_text(line) for line in preview_lines(result)))
        question = plain_label(
            self.tr("Store these figures in the register? All of them are stored, or none.")
            if result.plan.changes
            else ui_text(outcome_line(result))
        )
        question.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.store_button = self.buttons.addButton(
            self.tr("Store figures"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.store_button.setObjectName("storePopulation")
        self.store_button.setEnabled(bool(result.plan.changes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines, 1)
        layout.addWidget(question)
        layout.addWidget(self.buttons)


class MunicipalityEditor(ReferenceEditor):
    """The municipalities, with a button that imports population figures from SSB."""

    def __init__(
        self,
        model: ReferenceModel,
        changes: RegisterChanges,
        db: Database,
        settings: Settings,
        note: str,
        parent: QWidget | None = None,
        choose_file: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__(model, changes, note, "municipalityTable", parent)
        self._db = db
        self._settings = settings
        self._choose_file = choose_file or self._ask_for_file
        self._path: Path | None = None
        self._numbers: frozenset[str] = frozenset()  # the municipalities the file names
        self._task: BackgroundTask | None = None
        self.preview: PopulationPreview | None = None  # the one open now, or last; for tests
        self.import_button = QPushButton(self.tr("Import population figures…"))
        self.import_button.setObjectName("importPopulation")
        self.import_button.setToolTip(
            self.tr(
                "Residents per municipality, year and age from SSB's Statbank: download table "
                "07459 as CSV or JSON-stat."
            )
        )
        self.import_button.clicked.connect(self.import_figures)
        self.tools.addWidget(self.import_button)

    @property
    def busy(self) -> bool:
        return not self.import_button.isEnabled()

    def import_figures(self) -> None:
        path = self._choose_file()
        if path is None:
            return
        self._path = path
        self._note(self.tr("Reading the file…"))
        self._run(
            lambda: import_population(self._db, path, dry_run=True),
            "population dry run",
            self._preview,
        )

    def _ask_for_file(self) -> Path | None:
        folder = self._settings.get(LAST_IMPORT_FOLDER) or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import population figures"),
            folder,
            self.tr("Statbank downloads (*.csv *.json *.txt);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        self._settings.set(LAST_IMPORT_FOLDER, str(path.parent))
        return path

    def _run(self, work: Callable[[], Any], name: str, then: Callable[[Any], None]) -> None:
        """The core call in the thread pool, the button off meanwhile."""
        self.import_button.setEnabled(False)
        task = BackgroundTask(lambda _progress: work(), name)
        task.succeeded.connect(lambda result: self._finish(then, result))
        task.failed.connect(lambda error: self._finish(self._failed, error))
        # Kept until it reports: a queued "done" may come after the task was let go.
        self._task = task
        task.start()

    def _finish(self, then: Callable[[Any], None], value: object) -> None:
        self._task = None
        self.import_button.setEnabled(True)
        then(value)

    def _preview(self, result: ImportResult) -> None:
        self.message.setVisible(False)
        self._numbers = frozenset(number for number, _year, _age in result.plan.counts.figures)
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = PopulationPreview(result, self)
        self.preview.accepted.connect(self._store)
        self.preview.open()

    def _store(self) -> None:
        path = self._path
        if path is None:
            return
        self._note(self.tr("Storing the figures…"))
        numbers = self._numbers
        self._run(lambda: self._recorded(path, numbers), "population import", self._stored)

    def _recorded(self, path: Path, numbers: frozenset[str]) -> tuple[ImportResult, undo.Step]:
        """The import as one step (in the thread pool): the figures of every municipality,
        of any period, with a number the file has (the rows it may add to or change)."""
        with self._db.sessions() as session:
            ids = [row.id for row in municipalities(session) if row.number in numbers]
        return undo.record(
            self._db, lambda: import_population(self._db, path), undo.Scope(populations=ids)
        )

    def _stored(self, recorded: tuple[ImportResult, undo.Step]) -> None:
        result, step = recorded
        self.reload()
        self._note(ui_text(outcome_line(result)))
        self._changes.changed.emit()
        self.recorded.emit(step, self.tr("import of population figures"))

    def _failed(self, error: BaseException) -> None:
        self._refused(failure_text(self.tr("The population figures were not imported."), error))

    def _note(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.message.setVisible(True)
