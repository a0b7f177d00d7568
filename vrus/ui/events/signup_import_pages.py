"""The pages of the sign-up import wizard: the file, its columns, the review, the import.

Every page that reads the file or the register runs the core in the thread pool (the import
wizard's ``TaskPage``: a busy bar, a status line, and only the newest run counts). Nothing is
written before the last page: the review is ``plan_signups``, planned again whenever the
columns or a near match's person change; the import is ``apply_signups`` of the plan shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from vrus import undo as steps
from vrus.db.engine import Database
from vrus.db.enums import Answer
from vrus.errors import VrusError
from vrus.importing import signup_form
from vrus.importing.signup_columns import recalled_mapping
from vrus.importing.signup_form import FormField, FormMapping, Match, SignupPlan, SignupResult
from vrus.importing.sources import Table
from vrus.seasons import EventSummary
from vrus.ui.common.colours import WARNING, text_style
from vrus.ui.common.dates import long_date
from vrus.ui.common.messages import core_message, failure_text, ui_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import fit_columns, read_only_table, wrapped_label
from vrus.ui.events.signup_import_models import (
    COL_MATCH,
    COL_NOTE,
    COL_PERSON,
    COL_PROPOSED,
    COL_REASON,
    AnswersModel,
    CandidateDelegate,
    PreviewModel,
    ProposalsModel,
)
from vrus.ui.files.import_preview import COL_MESSAGE, ProblemsModel, bold_label
from vrus.ui.files.import_wizard import TaskPage

if TYPE_CHECKING:
    from vrus.ui.events.signup_import_wizard import SignupImportWizard

ChooseFile = Callable[[], Path | None]

# lupdate finds ``translate(context, "...")`` by its name.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class LoadedForm:
    """A file as read, with the mapping the core suggests for it."""

    path: Path
    table: Table
    suggestion: FormMapping
    remembered: bool  # the suggestion is the mapping used for this form before


def load_form(db: Database, summary: EventSummary, path: Path) -> LoadedForm:
    """Runs in the pool: the file, and the mapping remembered for it or guessed."""
    table = signup_form.read_form(path)
    suggestion = signup_form.suggest_mapping(db, summary.id, table)
    # suggest_mapping does not say which of the two it gave; whether the register keeps a
    # mapping for this form (its headers) does.
    days = [(day.id, day.date) for day in summary.days]
    with db.sessions() as session:
        remembered = recalled_mapping(session, table.headers, days) is not None
    return LoadedForm(path, table, suggestion, remembered)


def one_line_failure(heading: str, error: BaseException) -> str:
    """The core's own message for a refusal it expects (it names the file and the reason);
    the heading and where the details are for anything else."""
    if isinstance(error, VrusError):
        return core_message(error)
    return failure_text(heading, error)


def _counted(count: int, one: str, many: str) -> str:
    return (one if count == 1 else many).format(count=count)


def plan_summary(plan: SignupPlan) -> str:
    """'23 signed up, 2 near matches, 1 unknown, 1 replaced' (and who said no, if any)."""
    written = plan.signups
    coming = sum(1 for row in written if str(row.attending) == Answer.YES.value)
    near = len(plan.of(Match.NEAR))
    parts = [translate("SignupImport", "{count} signed up").format(count=coming)]
    if len(written) - coming:
        parts.append(
            translate("SignupImport", "{count} not coming").format(count=len(written) - coming)
        )
    parts.append(
        _counted(
            near,
            translate("SignupImport", "{count} near match"),
            translate("SignupImport", "{count} near matches"),
        )
    )
    parts.append(
        translate("SignupImport", "{count} unknown").format(count=len(plan.of(Match.UNMATCHED)))
    )
    parts.append(
        translate("SignupImport", "{count} replaced").format(count=len(plan.of(Match.REPLACED)))
    )
    return ", ".join(parts)


def refusal_text(plan: SignupPlan) -> str:
    """Why the import button is off: 'The file cannot be imported: 2 errors. Nothing has
    been changed.'"""
    return _counted(
        len(plan.errors),
        translate(
            "SignupImport", "The file cannot be imported: {count} error. Nothing has been changed."
        ),
        translate(
            "SignupImport",
            "The file cannot be imported: {count} errors. Nothing has been changed.",
        ),
    )


# --- 1. The file ---------------------------------------------------------------------------


class SignupFilePage(TaskPage):
    def __init__(self, wizard: SignupImportWizard, choose_file: ChooseFile) -> None:
        super().__init__()
        self._wizard = wizard
        self._choose_file = choose_file
        self.loaded: LoadedForm | None = None
        self.setTitle(self.tr("1. Choose the form's answers"))
        self.setSubTitle(
            self.tr(
                "The answers downloaded from the web form (Nettskjema, Microsoft Forms, Google "
                "Forms) as CSV or Excel (XLSX). Nothing is saved before the last step."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("signupImportPath")
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("Choose a file…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self.browse)
        file_label = plain_label(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        row = QHBoxLayout()
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Each answer is matched to a person by the name and birth date given. A "
                    "name that is nearly right is offered, never taken without your choice. A "
                    "later answer for the same person replaces an earlier one. Changed "
                    "allergies or diets are proposed, and saved only if you tick them."
                )
            )
        )
        layout.addStretch(1)
        self.progress.setVisible(False)
        self.status.setVisible(False)

    def browse(self) -> None:
        path = self._choose_file()
        if path is None:
            return
        if self.path_edit.text() == str(path):
            self._path_changed()  # the same file again: it may have been saved anew
        else:
            self.path_edit.setText(str(path))

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def _path_changed(self) -> None:
        self.loaded = None
        path = self.path()
        if path is None or not path.is_file():
            self.forget()
            self.progress.setVisible(False)
            self.status.setVisible(path is not None)
            self.status.setText(self.tr("There is no such file.") if path is not None else "")
            self.completeChanged.emit()
            return
        db, summary = self._wizard.db, self._wizard.summary
        self.run(
            lambda _progress: load_form(db, summary, path),
            "signup import: read",
            self.tr("Reading {name}…").format(name=path.name),
        )

    def succeeded(self, result: Any) -> None:
        self.loaded = result
        table = result.table
        self.status.setText(
            self.tr("{name}: {rows} answers, {columns} columns.").format(
                name=result.path.name,
                rows=len(table.rows),
                columns=sum(1 for header in table.headers if header.strip()),
            )
        )

    def failed(self, error: BaseException) -> None:
        self.status.setText(one_line_failure(self.tr("The file could not be read."), error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.loaded is not None and self.loaded.path == self.path() and not self.running


# --- 2. The columns ------------------------------------------------------------------------


class SignupMappingPage(TaskPage):
    """One combo box per form field and per event day, each listing the file's headers; the
    first rows of the file below. Each change plans again, and the line at the bottom says
    what the import would do."""

    def __init__(self, wizard: SignupImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._shown: LoadedForm | None = None
        self.plan: SignupPlan | None = None
        self.setTitle(self.tr("2. What the form's columns hold"))
        self.setSubTitle(
            self.tr(
                "Choose the column for each question. A form that asks day by day has one "
                "column per day; leave what the form does not ask at “(not in the form)”."
            )
        )
        self.known = bold_label()
        self.known.setObjectName("mappingOrigin")
        self.field_combos: dict[FormField, QComboBox] = {}
        self.day_combos: dict[int, QComboBox] = {}
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for form_field in FormField:
            combo = self._combo(f"fieldColumn_{form_field.value}")
            self.field_combos[form_field] = combo
            label = plain_label(ui_text(signup_form.field_label(form_field)) + ":")
            label.setBuddy(combo)
            fields.addRow(label, combo)
        days = QFormLayout()
        days.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        days.addRow(bold_label(self.tr("One column per day (yes/no):")))
        for day in wizard.summary.days:
            combo = self._combo(f"dayColumn_{day.id}")
            self.day_combos[day.id] = combo
            label = plain_label(_capitalised(long_date(day.date)) + ":")
            label.setBuddy(combo)
            days.addRow(label, combo)
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(fields, 0, 0)
        columns.addLayout(days, 0, 1, Qt.AlignmentFlag.AlignTop)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("signupPreview")
        read_only_table(self.preview)
        self.preview.setModel(self.preview_model)
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a look at the file, no stop
        self.preview.horizontalHeader().setStretchLastSection(False)
        self.plan_line = bold_label()
        self.plan_line.setObjectName("mappingPlan")

        layout = QVBoxLayout(self)
        layout.addWidget(self.known)
        layout.addLayout(columns)
        layout.addWidget(plain_label(self.tr("The first answers in the file:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.plan_line)
        self.progress.setVisible(False)
        self.status.setVisible(False)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.currentIndexChanged.connect(self._mapping_changed)
        return combo

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        loaded = self._wizard.loaded()
        if loaded is not self._shown:
            self._show_form(loaded)
        self.replan()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.forget()  # back to the file: a plan still running is of no use

    def _show_form(self, loaded: LoadedForm) -> None:
        self._shown = loaded
        headers = [header for header in loaded.table.headers if header.strip()]
        suggestion = loaded.suggestion
        combos = [
            *((combo, suggestion.fields.get(f)) for f, combo in self.field_combos.items()),
            *((combo, suggestion.days.get(d)) for d, combo in self.day_combos.items()),
        ]
        for combo, chosen in combos:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the form)"), "")
            for header in headers:
                combo.addItem(header, header)
                combo.setItemData(combo.count() - 1, header, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(chosen or ""), 0))
            combo.blockSignals(False)
        self.known.setText(
            self.tr("Known form: the mapping from last time is used.")
            if loaded.remembered
            else self.tr("VRUS guessed the columns from their headings: check them.")
        )
        self.preview_model.set_table(loaded.table)
        self._show_used()
        self.preview.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            width = min(max(self.preview.columnWidth(column), 80), 260)
            self.preview.setColumnWidth(column, width)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def mapping(self) -> FormMapping:
        return FormMapping(
            fields={
                f: combo.currentData()
                for f, combo in self.field_combos.items()
                if combo.currentData()
            },
            days={
                d: combo.currentData()
                for d, combo in self.day_combos.items()
                if combo.currentData()
            },
        )

    def choose(self, target: FormField | int, header: str | None) -> None:
        """Map a field (or an event day, by id) to ``header``; None: not in the form."""
        combo = (
            self.field_combos[target] if isinstance(target, FormField) else self.day_combos[target]
        )
        position = combo.findData(header or "")
        assert position >= 0, header
        combo.setCurrentIndex(position)

    def _mapping_changed(self) -> None:
        self._show_used()
        if self._wizard.currentPage() is self:
            self.replan()

    def _show_used(self) -> None:
        used: dict[str, list[str]] = {}
        for form_field, combo in self.field_combos.items():
            if combo.currentData():
                used.setdefault(combo.currentData(), []).append(
                    ui_text(signup_form.field_label(form_field))
                )
        for day in self._wizard.summary.days:
            header = self.day_combos[day.id].currentData()
            if header:
                used.setdefault(header, []).append(long_date(day.date))
        self.preview_model.set_used(used)

    def replan(self) -> None:
        self.plan = None
        self.plan_line.clear()
        wizard = self._wizard
        work = wizard.planner(self.mapping(), wizard.review_page.answers.choices())
        self.run(work, "signup import: plan", self.tr("Checking the answers…"))

    def succeeded(self, result: Any) -> None:
        self.plan = result
        self.status.setVisible(False)
        lines = [plan_summary(result)]
        if result.errors:
            # The first error here already, so a column chosen twice is seen where it is fixed.
            first = ui_text(result.errors[0].text())
            lines.append(f"{refusal_text(result)} {_capitalised(first)}")
        self.plan_line.setText("\n".join(lines))

    def failed(self, error: BaseException) -> None:
        self.status.setText(one_line_failure(self.tr("The answers could not be checked."), error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        # The review plans again; a plan still running here need not hold the user up.
        return self._shown is not None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- 3. The review -------------------------------------------------------------------------


class SignupReviewPage(TaskPage):
    """Every answer and its person, the health changes to accept, and the problems; the
    Import button is off while the file has errors."""

    def __init__(self, wizard: SignupImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._planned_for: LoadedForm | None = None
        self.plan: SignupPlan | None = None
        self.setTitle(self.tr("3. Check the answers"))
        self.setSubTitle(
            self.tr(
                "Choose the person for each near match. Tick the health changes that are right. "
                "Nothing is saved yet."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import sign-ups"))
        self.verdict = bold_label()
        self.verdict.setObjectName("signupVerdict")
        self.summary = plain_label()
        self.summary.setObjectName("signupSummary")
        self.summary.setWordWrap(True)

        self.answers = AnswersModel(wizard.summary.days, self)
        self.answers.choiceChanged.connect(self.replan)
        self.answers_view = QTableView()
        self.answers_view.setObjectName("signupAnswers")
        read_only_table(self.answers_view)
        self.answers_view.setModel(self.answers)
        self.answers_view.setItemDelegateForColumn(COL_PERSON, CandidateDelegate(self.answers_view))
        self.answers_view.verticalHeader().setDefaultSectionSize(
            self.answers_view.fontMetrics().height() + 14  # room for the open combo boxes
        )

        self.proposals = ProposalsModel(self)
        self.proposals_view = QTableView()
        self.proposals_view.setObjectName("signupProposals")
        read_only_table(self.proposals_view)
        self.proposals_view.setModel(self.proposals)
        proposals_page = QWidget()
        proposals_layout = QVBoxLayout(proposals_page)
        proposals_layout.addWidget(
            wrapped_label(
                self.tr(
                    "The form gives other allergies or diets than the register has. A ticked "
                    "change replaces what the register has for that person; the others are "
                    "left as they are. (Space ticks the selected row.)"
                )
            )
        )
        proposals_layout.addWidget(self.proposals_view, 1)

        self.problems_view = QTableView()
        self.problems_view.setObjectName("signupProblems")
        read_only_table(self.problems_view)
        self.problems_view.setModel(ProblemsModel([], self))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("signupTabs")
        self.tabs.addTab(self.answers_view, "")
        self.tabs.addTab(proposals_page, "")
        self.tabs.addTab(self.problems_view, "")
        self._name_tabs()

        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.progress.setVisible(False)
        self.status.setVisible(False)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        loaded = self._wizard.loaded()
        if loaded is not self._planned_for:
            # Another file: its row numbers mean other answers, so no choice carries over.
            self._planned_for = loaded
            self.answers.clear()
            self.proposals.set_proposals([])
            self.tabs.setCurrentIndex(0)
        self.replan()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.forget()
        self.plan = None

    def replan(self) -> None:
        self.plan = None
        wizard = self._wizard
        work = wizard.planner(wizard.mapping_page.mapping(), self.answers.choices())
        self.run(work, "signup import: plan", self.tr("Checking the answers…"))

    def succeeded(self, result: Any) -> None:
        self.plan = result
        self.status.setVisible(False)
        view = self.answers_view
        had_focus = self._within(view, QApplication.focusWidget())
        current = view.currentIndex()
        self.answers.set_plan_rows(result.rows)
        for row in self.answers.choosable_rows():
            view.openPersistentEditor(self.answers.index(row, COL_PERSON))
        if current.isValid() and current.row() < self.answers.rowCount():
            view.setCurrentIndex(self.answers.index(current.row(), current.column()))
        # The same answers keep their combo boxes and the focus stays in the one just used;
        # other answers (a new mapping) close them, and the focus goes back to the table.
        if had_focus and not self._within(view, QApplication.focusWidget()):
            view.setFocus()
        self.proposals.set_proposals(result.proposals)
        self.problems_view.setModel(ProblemsModel(list(result.problems), self))
        self._fit()
        self._name_tabs()
        self.summary.setText(plan_summary(result))
        self._show_verdict(result)

    @staticmethod
    def _within(view: QWidget, widget: QWidget | None) -> bool:
        return widget is not None and (widget is view or view.isAncestorOf(widget))

    def _fit(self) -> None:
        view = self.answers_view
        fit_columns(view, range(COL_MATCH + 1), widest=200)
        # A long reason is cut; its tooltip has all of it.
        fit_columns(view, range(COL_REASON, COL_REASON + 1), widest=260)
        fit_columns(view, range(COL_PERSON, COL_NOTE), widest=200)
        if self.answers.choosable_rows():
            view.setColumnWidth(COL_PERSON, max(view.columnWidth(COL_PERSON), 260))
        fit_columns(self.proposals_view, range(COL_PROPOSED), widest=300)
        fit_columns(self.problems_view, range(COL_MESSAGE))

    def _name_tabs(self) -> None:
        plan = self.plan
        rows = len(plan.rows) if plan else 0
        proposals = len(plan.proposals) if plan else 0
        problems = len(plan.problems) if plan else 0
        self.tabs.setTabText(0, self.tr("&Answers ({count})").format(count=rows))
        self.tabs.setTabText(1, self.tr("&Health changes ({count})").format(count=proposals))
        self.tabs.setTabText(2, self.tr("&Problems ({count})").format(count=problems))

    def _show_verdict(self, plan: SignupPlan) -> None:
        if plan.errors:
            self.verdict.setStyleSheet(text_style(WARNING))
            self.verdict.setText(
                refusal_text(plan)
                + " "
                + self.tr(
                    "Correct the cells in the spreadsheet and choose it again, or go back and "
                    "change the columns."
                )
            )
            self.tabs.setCurrentIndex(2)
            return
        self.verdict.setStyleSheet("")
        near = len(plan.of(Match.NEAR))
        if near:
            self.verdict.setText(
                self.tr(
                    "The file can be imported. Near matches are left out until you choose the "
                    "person in the “Person” column."
                )
            )
        else:
            self.verdict.setText(self.tr("The file can be imported."))

    def failed(self, error: BaseException) -> None:
        self.verdict.setStyleSheet(text_style(WARNING))
        self.verdict.setText(one_line_failure(self.tr("The answers could not be checked."), error))
        self.status.setVisible(False)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.plan is not None and not self.plan.errors and not self.running


# --- 4. The import -------------------------------------------------------------------------


class SignupResultPage(TaskPage):
    """The import itself, one transaction, then what it did."""

    def __init__(self, wizard: SignupImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.result: SignupResult | None = None
        self.step: steps.Step | None = None  # the import as one undoable step
        self.setTitle(self.tr("4. Import"))
        self.setSubTitle(self.tr("All answers are saved together, or none of them."))
        self.heading = bold_label()
        self.heading.setObjectName("signupHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.result = None
        self.step = None
        review = self._wizard.review_page
        plan, accept = review.plan, review.proposals.accepted()
        assert plan is not None
        db = self._wizard.db
        # The event's sign-ups and the persons whose diets and allergies change: what an
        # undo of the whole import puts back.
        scope = steps.Scope(events={plan.event_id}, persons=set(accept))
        self.heading.setText(self.tr("Saving the sign-ups…"))
        self.run(
            lambda _progress: steps.record(
                db, lambda: signup_form.apply_signups(db, plan, accept=accept), scope
            ),
            "signup import: apply",
            "",
        )

    def succeeded(self, recorded: Any) -> None:
        result, self.step = recorded
        self.result = result
        self.heading.setText(self.tr("The sign-ups are saved."))
        lines = [
            self.tr("Sign-ups saved: {count}.").format(count=result.written),
            self.tr("Answers replaced by a later one: {count}.").format(count=result.replaced),
            self.tr("Answers not saved (unknown, or no person chosen): {count}.").format(
                count=result.unmatched
            ),
            self.tr("Health changes saved: {count}.").format(count=result.accepted),
        ]
        self.status.setText("\n".join(lines))
        self._wizard.imported.emit(result)

    def failed(self, error: BaseException) -> None:
        self.heading.setText(self.tr("Nothing was saved."))
        self.status.setText(one_line_failure(self.tr("The sign-ups could not be imported."), error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.running


def planner_work(
    db: Database,
    event_id: int,
    table: Table,
    mapping: FormMapping,
    choices: dict[int, int | None],
    today: dt.date | None,
) -> Callable[[Any], SignupPlan]:
    """The pool's work for one plan, with copies of what the window holds."""
    return lambda _progress: signup_form.plan_signups(
        db, event_id, table, mapping, choices=dict(choices), today=today
    )
