"""The sign-up and attendance grid of one event, made for the keyboard.

Arrow keys move; one key sets a cell and moves down: J / N / Space for the answer, L for
lunch, M / F / G / Space for a day (present, absent, excused, not recorded). Each key is
saved at once through the core and can be undone with Ctrl+Z. The counts per day under the
grid follow every change. Bulk buttons: everyone invited says yes, copy the answers from the
previous seminar, and "all signed up present" per day.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus import attendance, signups
from vrus.attendance import NOT_RECORDED
from vrus.conflicts import NO_ROW, ConflictError
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus, EventKind
from vrus.errors import VrusError
from vrus.seasons import EventSummary
from vrus.ui.common.colours import WARNING_COLOUR
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.dates import days_text, long_date, short_date
from vrus.ui.common.messages import core_message
from vrus.ui.common.page_shortcuts import PageShortcuts, page_action
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import heading_label
from vrus.ui.events.grid_commands import (
    ANSWER_KEYS,
    ATTENDANCE_KEYS,
    LUNCH_KEYS,
    TOGGLE,
    AttendanceChange,
    Change,
    GridCommand,
    SignupChange,
    changes_between,
)
from vrus.ui.events.signup_grid_model import (
    COL_ATTENDING,
    COL_INSTRUMENT,
    COL_LUNCH,
    COL_NAME,
    FIRST_DAY_COLUMN,
    Line,
    SignupGridModel,
)
from vrus.validation import ValidationError

KeyHandler = Callable[[QModelIndex, int], bool]
_PLAIN = (
    Qt.KeyboardModifier.NoModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.KeypadModifier,
)


class GridView(QTableView):
    """A table that gives single keys to ``key_handler`` before its own handling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_handler: KeyHandler | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        index = self.currentIndex()
        if (
            self.key_handler is not None
            and index.isValid()
            and event.modifiers() in _PLAIN
            and self.key_handler(index, event.key())
        ):
            event.accept()
            return
        super().keyPressEvent(event)


class SignupGridPanel(PageShortcuts, QWidget):
    backRequested = Signal()  # noqa: N815 - Qt's naming for signals
    changed = Signal()  # a bulk action changed the register
    importRequested = Signal()  # noqa: N815 - the user asks to import a web form's answers

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, sign_ups: bool = True
    ) -> None:
        """``sign_ups=False``: attendance is recorded here, the sign-ups only shown (an
        instructor on a server: the database lets that role write attendance only)."""
        super().__init__(parent)
        self._db = db
        self.sign_ups = sign_ups
        self.summary: EventSummary | None = None
        self.model = SignupGridModel(db, self)
        self.undo_stack = QUndoStack(self)
        self._build()
        self.model.modelReset.connect(self._model_reset)
        self.model.dataChanged.connect(self._show_counts)

    # --- Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← All events"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.backRequested)
        self.title = heading_label("")
        self.subtitle = plain_label()
        self.subtitle.setObjectName("gridSubtitle")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.subtitle, 1)

        self.all_yes_button = QPushButton(self.tr("All yes"))
        self.all_yes_button.setObjectName("allYesButton")
        self.all_yes_button.setToolTip(
            self.tr(
                "Every invited member answers yes (with lunch at a seminar); a no already given "
                "stays"
            )
        )
        self.all_yes_button.clicked.connect(self.sign_up_all)
        self.copy_button = QPushButton(self.tr("Copy from the previous seminar"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(self.copy_previous)
        self.import_button = QPushButton(self.tr("Import sign-ups…"))
        self.import_button.setObjectName("gridImportSignupsButton")
        self.import_button.setToolTip(self.tr("The answers of a web form (CSV or XLSX)"))
        self.import_button.clicked.connect(self.importRequested)
        self.legend = plain_label(
            self.tr(
                "Keys: J yes, N no, L lunch on/off; on a day M present, F absent, G excused; "
                "Space clears. Each key saves and moves down. Ctrl+Z undoes."
            )
        )
        if not self.sign_ups:
            self.all_yes_button.setVisible(False)
            self.copy_button.setVisible(False)
            self.import_button.setVisible(False)
            self.legend.setText(
                self.tr(
                    "Keys on a day: M present, F absent, G excused; Space clears. Each key "
                    "saves and moves down. Ctrl+Z undoes. The sign-ups are the coordinator's."
                )
            )
        self.legend.setObjectName("gridLegend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(dark);")
        tools = QHBoxLayout()
        tools.addWidget(self.all_yes_button)
        tools.addWidget(self.copy_button)
        tools.addWidget(self.import_button)
        tools.addSpacing(16)
        tools.addWidget(self.legend, 1)

        self.view = GridView()
        self.view.setObjectName("signupGrid")
        self.view.setModel(self.model)
        self.view.key_handler = self.handle_key
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(True)
        self.view.setStyleSheet("QTableView#signupGrid { gridline-color: #e3e6ea; }")
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)  # the note takes the room that is left

        self.footer = QFrame()
        self.footer.setObjectName("gridFooter")
        self.footer.setFrameShape(QFrame.Shape.StyledPanel)
        self.footer_layout = QGridLayout(self.footer)
        self.footer_layout.setColumnStretch(1, 1)
        self.signup_counts = plain_label()
        self.signup_counts.setObjectName("signupCounts")
        self.day_counts: list[QLabel] = []
        self.present_buttons: list[QPushButton] = []
        self.message = plain_label()
        self.message.setObjectName("gridMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        layout.addWidget(self.message)

        self.undo_action = page_action(
            self, self.tr("Undo"), "gridUndoAction", self.undo_stack.undo, [QKeySequence("Ctrl+Z")]
        )
        self.redo_action = page_action(
            self,
            self.tr("Redo"),
            "gridRedoAction",
            self.undo_stack.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
        )
        self.back_action = page_action(
            self,
            self.tr("Back to the events"),
            "gridBackAction",
            self.backRequested.emit,
            [QKeySequence(Qt.Key.Key_Escape)],
        )
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    # --- Showing an event -------------------------------------------------------------------

    def open_event(self, summary: EventSummary) -> None:
        self.summary = summary
        self.undo_stack.clear()
        self.message.clear()
        self.title.setText(summary.title)
        details = [days_text([day.date for day in summary.days])]
        if summary.venue:
            details.append(summary.venue)
        self.subtitle.setText(" · ".join(details))
        seminar = summary.kind == EventKind.SEMINAR.value
        self.copy_button.setText(
            self.tr("Copy from the previous seminar")
            if seminar
            else self.tr("Copy from the previous event of this kind")
        )
        self.model.load(summary.id)
        self._fit_columns()
        self._show_counts()
        first = self._next_person_row(-1)
        if first is not None:
            # Where this user writes: the answers, or (attendance only) the first day.
            start = COL_ATTENDING if self.sign_ups or not self.model.days else FIRST_DAY_COLUMN
            self.view.setCurrentIndex(self.model.index(first, start))
        self.view.setFocus()

    def _model_reset(self) -> None:
        self._build_footer()  # another event, or its days were changed meanwhile
        self.view.clearSpans()
        for row in self.model.heading_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())
        self._show_counts()

    def _fit_columns(self) -> None:
        for column in (COL_NAME, COL_INSTRUMENT):
            self.view.resizeColumnToContents(column)
            width = self.view.columnWidth(column) + 24
            self.view.setColumnWidth(column, min(width, 320))
        # The span of the headings must not widen the name column: measured without them.
        metrics = self.view.fontMetrics()
        for column in (COL_ATTENDING, COL_LUNCH):
            self.view.setColumnWidth(
                column,
                max(
                    metrics.horizontalAdvance(
                        self.model.headerData(column, Qt.Orientation.Horizontal) or ""
                    )
                    + 28,
                    72,
                ),
            )
        day_width = metrics.horizontalAdvance("Wed 00.00.00000") + 40
        for number in range(len(self.model.days)):
            self.view.setColumnWidth(FIRST_DAY_COLUMN + number, day_width)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _build_footer(self) -> None:
        while self.footer_layout.count():
            item = self.footer_layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.signup_counts:
                item.widget().deleteLater()
        self.day_counts, self.present_buttons = [], []
        self.footer_layout.addWidget(plain_label(self.tr("Sign-ups")), 0, 0)
        self.footer_layout.addWidget(self.signup_counts, 0, 1)
        for number, day in enumerate(self.model.days, start=1):
            label = plain_label(short_date(day.date))
            counts = plain_label()
            counts.setObjectName(f"dayCounts{number}")
            button = QPushButton(self.tr("All signed up present"))
            button.setObjectName(f"allPresentButton{number}")
            button.setToolTip(
                self.tr(
                    "Everyone who answered yes and has nothing recorded on {day} is marked present"
                ).format(day=long_date(day.date))
            )
            button.clicked.connect(lambda _checked=False, d=day.id: self.mark_present(d))
            self.footer_layout.addWidget(label, number, 0)
            self.footer_layout.addWidget(counts, number, 1)
            self.footer_layout.addWidget(button, number, 2)
            self.day_counts.append(counts)
            self.present_buttons.append(button)

    def _show_counts(self) -> None:
        answers = self.model.signup_counts()
        self.signup_counts.setText(
            self.tr("{yes} yes · {no} no · {unknown} not answered · {lunch} with lunch").format(
                yes=answers[Answer.YES.value],
                no=answers[Answer.NO.value],
                unknown=answers[Answer.UNKNOWN.value],
                lunch=answers["lunch"],
            )
        )
        for label, day in zip(self.day_counts, self.model.days, strict=False):
            counts = self.model.counts(day.id)
            label.setText(
                self.tr(
                    "{present} present · {absent} absent · {excused} excused · "
                    "{missing} not recorded"
                ).format(
                    present=counts[AttendanceStatus.PRESENT.value],
                    absent=counts[AttendanceStatus.ABSENT.value],
                    excused=counts[AttendanceStatus.EXCUSED.value],
                    missing=counts[NOT_RECORDED],
                )
            )

    # --- Keys -------------------------------------------------------------------------------

    def handle_key(self, index: QModelIndex, key: int) -> bool:
        line = self.model.line(index.row())
        if line.person is None or self.summary is None:
            return False
        column = index.column()
        change: Change | None = None
        if not self.sign_ups and column in (COL_ATTENDING, COL_LUNCH):
            if key in ANSWER_KEYS or key in LUNCH_KEYS:
                self.message.setText(
                    self.tr("The sign-ups are the coordinator's: here you record attendance.")
                )
                return True
            return False
        try:
            if column == COL_ATTENDING and key in ANSWER_KEYS:
                change = self._answer(line, ANSWER_KEYS[key], None)
            elif column == COL_LUNCH and key in LUNCH_KEYS:
                wanted = LUNCH_KEYS[key]
                lunch = (not line.wants_lunch) if wanted == TOGGLE else bool(wanted)
                change = self._answer(line, None, lunch)
            elif (day := self.model.day_of_column(column)) and key in ATTENDANCE_KEYS:
                change = self._status(line, day.id, ATTENDANCE_KEYS[key])
            else:
                return False
        except ConflictError as conflict:
            # Another user changed this cell since the grid showed it: both values, a choice.
            self.conflict_dialog = settle_conflict(
                self, self._db, conflict, kept=self._conflict_settled, dropped=self.model.reload
            )
            return True
        except (ValidationError, VrusError) as error:
            self._show_error(error)
            return True
        if change is not None:
            self.undo_stack.push(
                GridCommand(
                    self._db, [change], self.tr("grid change"), self._show_change, self._undo_failed
                )
            )
            self.model.reload()
        self.message.clear()
        self._move_down(index)
        return True

    def _answer(self, line: Line, answer: str | None, lunch: bool | None) -> Change | None:
        """Save the answer or the lunch of ``line``'s person, with the sign-up as the grid
        shows it (its version and values): another user's change since is a conflict."""
        assert line.person is not None and self.summary is not None
        person_id = line.person.person_id
        before = (line.person.answer, line.wants_lunch)
        after = (
            answer if answer is not None else before[0],
            lunch if lunch is not None else before[1],
        )
        if after == before:
            return None
        signups.set_signup(
            self._db,
            self.summary.id,
            person_id,
            attending=after[0],
            wants_lunch=after[1],
            expected_version=line.signup_version,
            original={"attending": before[0], "wants_lunch": before[1]},
        )
        return SignupChange(self.summary.id, person_id, before, after)

    def _status(self, line: Line, day_id: int, status: str | None) -> Change | None:
        """Record a status as the grid shows the cell (its version and status)."""
        assert line.person is not None
        person_id = line.person.person_id
        shown = line.person.statuses.get(day_id)
        before = attendance.record_attendance(
            self._db,
            day_id,
            person_id,
            status,
            expected_version=line.person.versions.get(day_id, NO_ROW),
            original={"status": shown},
        )
        if before == status:
            return None
        return AttendanceChange(day_id, person_id, before, status)

    def _conflict_settled(self, _result: object) -> None:
        """The user's value was kept over another user's: the grid shows it. (Not on the
        undo stack: undoing it would put back the other user's value unasked.)"""
        self.model.reload()

    def _move_down(self, index: QModelIndex) -> None:
        below = self._next_person_row(index.row())
        row = below if below is not None else index.row()
        self.view.setCurrentIndex(self.model.index(row, index.column()))

    def _next_person_row(self, row: int) -> int | None:
        for candidate in range(row + 1, self.model.rowCount()):
            if not self.model.is_heading(candidate):
                return candidate
        return None

    # --- Bulk actions -----------------------------------------------------------------------

    def sign_up_all(self) -> None:
        assert self.summary is not None
        lunch = self.summary.kind == EventKind.SEMINAR.value
        self._bulk(
            self.tr("all yes"),
            lambda: signups.sign_up_all_invited(self._db, self.summary.id, lunch=lunch),
            self.tr("{count} answers set to yes."),
        )

    def copy_previous(self) -> None:
        assert self.summary is not None
        with self._db.sessions() as session:
            source = signups.previous_seminar(session, self.summary.id)
        if source is None:
            self.message.setText(self.tr("There is no earlier event of this kind to copy from."))
            return
        self._bulk(
            self.tr("copy answers"),
            lambda: signups.copy_signups_from(self._db, self.summary.id, source),
            self.tr("{count} answers copied from the previous event."),
        )

    def mark_present(self, day_id: int) -> None:
        self._bulk(
            self.tr("all signed up present"),
            lambda: attendance.mark_signed_up_present(self._db, day_id),
            self.tr("{count} marked present."),
        )

    def _bulk(self, text: str, action: Callable[[], int], done: str) -> None:
        assert self.summary is not None
        before = self.model.snapshot()
        try:
            count = action()
        except (ValidationError, VrusError) as error:
            self._show_error(error)
            return
        self.model.reload()
        changes = changes_between(self.summary.id, before, self.model.snapshot())
        if changes:
            self.undo_stack.push(
                GridCommand(self._db, changes, text, self._show_change, self._undo_failed)
            )
            self.changed.emit()
        self.message.setStyleSheet("")
        self.message.setText(done.format(count=count))

    # --- Undo -------------------------------------------------------------------------------

    def _show_change(self, change: Change) -> None:
        self.model.reload()
        self.message.clear()
        row = self.model.row_of(change.person_id)
        column = (
            self.model.column_of_day(change.day_id)
            if isinstance(change, AttendanceChange)
            else COL_ATTENDING
        )
        if row is not None and column is not None:
            self.view.setCurrentIndex(self.model.index(row, column))

    def _undo_failed(self, error: BaseException) -> None:
        self.model.reload()
        self._show_error(error)
        self.undo_stack.clear()

    def _show_error(self, error: BaseException) -> None:
        reason = core_message(error) if isinstance(error, VrusError) else str(error)
        self.message.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.message.setText(self.tr("Not saved: {reason}").format(reason=reason))
