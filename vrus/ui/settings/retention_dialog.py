"""Settings -> Privacy -> Review what is due…: the retention plan (``vrus.retention.due``) as a
table to look over, and Apply, which does exactly what was shown (``vrus.retention.apply``
with the plan: whoever is no longer due meanwhile is left alone).

Listing and applying run in the thread pool (an erasure ends with a checkpoint of the file);
the table is a model over the plan, held whole (a short list).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.clock import Today
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.retention import DuePerson, RetentionPlan, RetentionResult, Step, apply, due
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.confirm import ask
from vrus.ui.common.list_model import ListTableModel
from vrus.ui.common.messages import failure_text, ui_text
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import fit_columns, read_only_table, wrapped_label

CONTEXT = "RetentionModel"
COL_NAME, COL_STEP, COL_SINCE, COL_WHAT = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("RetentionModel", "Name"),
    QT_TRANSLATE_NOOP("RetentionModel", "Step"),
    QT_TRANSLATE_NOOP("RetentionModel", "Due since"),
    QT_TRANSLATE_NOOP("RetentionModel", "What happens"),
)
STEPS = {
    Step.CONTACT: QT_TRANSLATE_NOOP("RetentionModel", "1: contact and health data"),
    Step.ERASE: QT_TRANSLATE_NOOP("RetentionModel", "2: erase"),
}

Index = QModelIndex | QPersistentModelIndex


def step_text(step: Step) -> str:
    return QCoreApplication.translate(CONTEXT, STEPS[step])


def what_text(person: DuePerson) -> str:
    """Short, for the table; the tooltip has the whole sentence (``DuePerson.action``)."""
    if person.step is Step.ERASE:
        return QCoreApplication.translate(CONTEXT, "Erased; only coarse statistics stay")
    return QCoreApplication.translate(
        CONTEXT, "Contact and health data go; name and attendance kept until {date}"
    ).format(date=format_date(person.erase_from - dt.timedelta(days=1)))


class RetentionModel(ListTableModel):
    """The persons due, in the plan's order (by step, then name)."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def person(self, row: int) -> DuePerson:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        person = self.person(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_WHAT:
            return plain_tooltip(ui_text(person.action))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_NAME:
            return person.name
        if column == COL_STEP:
            return step_text(person.step)
        if column == COL_SINCE:
            return format_date(person.due_since)
        if column == COL_WHAT:
            return what_text(person)
        return None


class RetentionDialog(QDialog):
    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._today = today
        self.plan: RetentionPlan | None = None
        self.result: RetentionResult | None = None
        self.busy_with: str | None = None  # "list" or "apply" while a task runs
        self._list_again = False
        self.setWindowTitle(self.tr("Retention: what is due"))
        self.setObjectName("retentionDialog")

        self.model = RetentionModel(self)
        self.view = QTableView()
        self.view.setObjectName("retentionList")
        read_only_table(self.view)
        self.view.setModel(self.model)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.status = wrapped_label("")
        self.status.setObjectName("retentionStatus")
        self.outcome = wrapped_label("")
        self.outcome.setObjectName("retentionOutcome")
        self.outcome.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = QPushButton(self.tr("Apply…"))
        self.apply_button.setObjectName("applyRetention")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.confirm_and_apply)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "These persons are due under the retention rule in Settings. Nothing is "
                    "removed until you apply. Erasing cannot be undone; a backup restored "
                    "later is erased again."
                )
            )
        )
        layout.addWidget(self.outcome)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(960, 480)

    # --- listing -------------------------------------------------------------------------------

    def load(self) -> None:
        """List what is due today, in the pool; the table fills when it comes back."""
        if self.busy_with is not None:
            return
        db, day = self._db, self._today()

        def work(_progress: object) -> RetentionPlan:
            with db.sessions() as session:
                return due(session, day)

        self._start(BackgroundTask(work, "retention due"), "list", self._listed)
        self.status.setText(self.tr("Finding what is due…"))

    def _listed(self, plan: RetentionPlan) -> None:
        self.plan = plan
        self.model.set_rows(plan.persons)
        fit_columns(self.view, range(COL_WHAT))
        contact, erase = len(plan.of(Step.CONTACT)), len(plan.of(Step.ERASE))
        if plan.empty:
            self.status.setText(
                self.tr("Nothing is due on {date}.").format(date=format_date(plan.today))
            )
        else:
            self.status.setText(
                self.tr(
                    "Due on {date}: contact and health data of {contact} person(s) to remove, "
                    "{erase} person(s) to erase; audit entries past their keeping period: "
                    "{audit}."
                ).format(
                    date=format_date(plan.today),
                    contact=contact,
                    erase=erase,
                    audit=plan.audit_expired,
                )
            )

    # --- applying ------------------------------------------------------------------------------

    def confirm_and_apply(self) -> None:
        plan = self.plan
        if plan is None or plan.empty or self.busy_with is not None:
            return
        contact, erase = len(plan.of(Step.CONTACT)), len(plan.of(Step.ERASE))
        text = "\n\n".join(
            [
                self.tr(
                    "Remove the contact and health data of {contact} person(s) and erase "
                    "{erase} person(s)?"
                ).format(contact=contact, erase=erase),
                self.tr(
                    "Audit entries past their keeping period are deleted too ({audit}). "
                    "This cannot be undone."
                ).format(audit=plan.audit_expired),
            ]
        )
        if not ask(self, self.tr("Apply retention"), text, self.tr("Apply"), destructive=True):
            return
        db = self._db
        self._start(
            BackgroundTask(lambda _progress: apply(db, plan), "retention apply"),
            "apply",
            self._applied,
        )
        self.status.setText(self.tr("Applying…"))

    def _applied(self, result: RetentionResult) -> None:
        self.result = result
        self.outcome.setText(
            self.tr(
                "Done: the contact and health data of {contact} person(s) removed, {erased} "
                "person(s) erased, {audit} audit entries deleted."
            ).format(
                contact=len(result.contact_removed),
                erased=len(result.erased),
                audit=result.audit_deleted,
            )
        )
        self.outcome.setVisible(True)
        self.plan = None
        self.model.set_rows([])
        self._list_again = True  # when this task is done: what is left, usually nothing
        self._changes.changed.emit()

    # --- tasks ---------------------------------------------------------------------------------

    def _start(self, task: BackgroundTask, what: str, succeeded: object) -> None:
        self.busy_with = what
        self.busy.setVisible(True)
        self.apply_button.setEnabled(False)
        # The handlers first, in this order: the result, then ``_finished``, which frees the
        # dialog for the next task (and lists again after applying).
        task.succeeded.connect(succeeded)
        task.failed.connect(self._failed)
        task.done.connect(self._finished)
        task.start()

    def _failed(self, error: BaseException) -> None:
        heading = (
            self.tr("Retention could not be applied.")
            if self.busy_with == "apply"
            else self.tr("What is due could not be listed.")
        )
        self.status.setText(failure_text(heading, error))

    def _finished(self) -> None:
        self.busy_with = None
        self.busy.setVisible(False)
        self.apply_button.setEnabled(self.plan is not None and not self.plan.empty)
        if self._list_again:
            self._list_again = False
            self.load()
