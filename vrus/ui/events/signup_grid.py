"""The sign-up and attendance grid of one event, for the keyboard and the mouse alike.

Arrow keys move; one key sets a cell and moves down: J / N / Delete for the answer, L for
lunch, M / F / G / Delete for a day (present, absent, excused, not recorded). A click or
Space gives a cell its next value, a right click offers the choices, a drag or a shift-click
selects a range that a choice or a key then sets at once, and a double click edits the note
(``grid_mouse``). Each change is saved at once through the core and is one step to undo with
Ctrl+Z, a range or a bulk action too. The counts per day under the grid follow every change.
Bulk buttons: everyone invited says yes, copy the answers from the previous seminar, and
"all signed up present" per day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
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
from vrus.attendance import NOT_RECORDED, AttendanceWrite, write_grid
from vrus.conflicts import NO_ROW, ConflictError
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus, EventKind
from vrus.errors import VrusError
from vrus.seasons import EventSummary
from vrus.signups import NOTE_LIMIT, SignupState, SignupWrite
from vrus.ui.common.colours import GRID_LINE, QUIET, WARNING, shade, text_style
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
    next_answer,
    next_status,
)
from vrus.ui.events.grid_mouse import GridMouse, NoteDelegate
from vrus.ui.events.signup_grid_model import (
    COL_ATTENDING,
    COL_INSTRUMENT,
    COL_LUNCH,
    COL_NAME,
    FIRST_DAY_COLUMN,
    Cell,
    Line,
    SignupGridModel,
)
from vrus.validation import ValidationError, one_line

KeyHandler = Callable[[QModelIndex, int], bool]
_NO_KEY = object()  # the key means nothing in this column
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


def _key_value(cell: Cell, key: int, line: Line) -> object:
    """What ``key`` sets in a cell of the kind ``cell`` (``_NO_KEY``: nothing)."""
    if cell is Cell.ANSWER and key in ANSWER_KEYS:
        return ANSWER_KEYS[key]
    if cell is Cell.LUNCH and key in LUNCH_KEYS:
        wanted = LUNCH_KEYS[key]
        return (not line.wants_lunch) if wanted == TOGGLE else bool(wanted)
    if cell is Cell.DAY and key in ATTENDANCE_KEYS:
        return ATTENDANCE_KEYS[key]
    return _NO_KEY


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
        self.model.notes_editable = sign_ups
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
                "A click or Space gives a cell its next value, a right click the choices; drag "
                "or shift-click for a range. Keys: J yes, N no, L lunch on/off; on a day M "
                "present, F absent, G excused; Delete clears. Everything saves at once; Ctrl+Z "
                "undoes."
            )
        )
        if not self.sign_ups:
            self.all_yes_button.setVisible(False)
            self.copy_button.setVisible(False)
            self.import_button.setVisible(False)
            self.legend.setText(
                self.tr(
                    "A click or Space gives a day its next status, a right click the choices; "
                    "drag or shift-click for a range. Keys on a day: M present, F absent, "
                    "G excused; Delete clears. Everything saves at once; Ctrl+Z undoes. The "
                    "sign-ups are the coordinator's."
                )
            )
        self.legend.setObjectName("gridLegend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(text_style(QUIET))
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
        # A drag or a shift-click selects a range; the menu or a key then sets all of it.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # Only the note is edited in place (the model lets no other cell be edited).
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if self.sign_ups
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.view.setItemDelegate(NoteDelegate(self.save_note, self.view))
        self.view.setWordWrap(False)
        self.view.setShowGrid(True)
        self.view.setStyleSheet(f"QTableView#signupGrid {{ gridline-color: {shade(GRID_LINE)}; }}")
        # The arrows move from cell to cell; Tab leaves the grid for the buttons under it
        # (through every cell it would take hundreds of presses: a trap for the keyboard).
        self.view.setTabKeyNavigation(False)
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
            self, self.tr("&Undo"), "gridUndoAction", self.undo_stack.undo, [QKeySequence("Ctrl+Z")]
        )
        self.redo_action = page_action(
            self,
            self.tr("&Redo"),
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
        # The step's name, as in the Members page: "Undo attendance of Ingrid Aas on …" (the
        # actions fit the window's Edit menu as they are).
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(
                self.tr("&Undo {action}").format(action=text) if text else self.tr("&Undo")
            )
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(
                self.tr("&Redo {action}").format(action=text) if text else self.tr("&Redo")
            )
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.mouse = GridMouse(self)

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

    # --- Keys, clicks and the menu ---------------------------------------------------------

    def handle_key(self, index: QModelIndex, key: int) -> bool:
        line = self.model.line(index.row())
        if line.person is None or self.summary is None:
            return False
        cell = self.model.cell(index.column())
        if key == Qt.Key.Key_Space and self.clickable(index):
            # Space is a click from the keyboard: the next value (for a range, the current
            # cell's next value for all of it); the cursor stays.
            value = self.next_value(index)
        else:
            value = _key_value(cell, key, line)
        if value is _NO_KEY:
            return False
        cells = self.selected_cells(cell, index)
        if key == Qt.Key.Key_Space:
            self.set_cells(cells, cell, value, moving=False)
            return True
        if len(cells) > 1:  # a range selected: the key sets all of it, the cursor stays
            self.set_cells(cells, cell, value, moving=False)
            return True
        self.set_cells([index], cell, value, moving=True)
        return True

    def clickable(self, index: QModelIndex) -> bool:
        """Whether a click on ``index`` changes it (a status, an answer, lunch)."""
        if self.model.is_heading(index.row()):
            return False
        return self.model.cell(index.column()) in (Cell.ANSWER, Cell.LUNCH, Cell.DAY)

    def cycle(self, index: QModelIndex) -> None:
        """A click: the cell's next value (an answer, lunch on or off, the next status)."""
        if not self.clickable(index):
            return
        self.set_cells(
            [index], self.model.cell(index.column()), self.next_value(index), moving=False
        )

    def next_value(self, index: QModelIndex) -> object:
        """What a click (or Space) gives the cell: the next answer, lunch on or off, the next
        status."""
        cell = self.model.cell(index.column())
        value = self.cell_value(index)
        if cell is Cell.ANSWER:
            return next_answer(str(value))
        if cell is Cell.LUNCH:
            return not value
        return next_status(value if isinstance(value, str) else None)

    def cell_value(self, index: QModelIndex) -> object:
        """What the cell holds: an answer, lunch (bool), a status (None: not recorded)."""
        line = self.model.line(index.row())
        assert line.person is not None
        cell = self.model.cell(index.column())
        if cell is Cell.ANSWER:
            return line.person.answer
        if cell is Cell.LUNCH:
            return line.wants_lunch
        if cell is Cell.NOTE:
            return line.note
        day = self.model.day_of_column(index.column())
        return line.person.statuses.get(day.id) if day is not None else None

    def selected_cells(self, cell: Cell, index: QModelIndex) -> list[QModelIndex]:
        """The selected cells of the kind ``cell`` (a range), or ``index`` alone when it is
        not in the selection."""
        selection = self.view.selectionModel()
        if not selection.isSelected(index):
            return [index]
        cells = [
            i
            for i in selection.selectedIndexes()
            if not self.model.is_heading(i.row()) and self.model.cell(i.column()) is cell
        ]
        return sorted(cells, key=lambda i: (i.column(), i.row())) or [index]

    def may_change(self, cell: Cell) -> bool:
        return self.sign_ups or cell is Cell.DAY

    def cells_title(self, cells: list[QModelIndex]) -> str:
        """The menu's heading: the cell ('Aas, Ingrid – Sat 08.02.2014'), or how many."""
        if len(cells) > 1:
            return self.tr("{count} cells selected").format(count=len(cells))
        index = cells[0]
        name = self.model.line(index.row()).full_name
        header = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
        return f"{name} – {header}"

    def set_cells(
        self, cells: list[QModelIndex], cell: Cell, value: object, *, moving: bool = False
    ) -> bool:
        """Give ``cells`` (of the kind ``cell``) ``value``: saved at once, in one
        transaction, and one step to undo. ``moving``: the cursor goes down after (a key on
        one cell). False when nothing was saved because of an error."""
        if self.summary is None:
            return False
        if not self.may_change(cell):
            self.message.setText(
                self.tr("The sign-ups are the coordinator's: here you record attendance.")
            )
            return False
        lines = [self.model.line(index.row()) for index in cells]
        edits = [
            edit
            for index, line in zip(cells, lines, strict=True)
            if line.person is not None
            and (edit := self._edit(line, cell, value, index.column())) is not None
        ]
        if edits:
            try:
                write_grid(self._db, [write for _change, write in edits])
            except ConflictError as conflict:
                if len(edits) == 1:  # one cell: both values, and a choice
                    self.conflict_dialog = settle_conflict(
                        self,
                        self._db,
                        conflict,
                        kept=self._conflict_settled,
                        dropped=self.model.reload,
                    )
                else:  # a range: nothing saved, the grid shows the register as it is
                    self.model.reload()
                    self._show_error(conflict)
                return False
            except (ValidationError, VrusError) as error:
                self._show_error(error)
                return False
            changes = [change for change, _write in edits]
            self.undo_stack.push(
                GridCommand(
                    self._db,
                    changes,
                    self._step_text(cell, lines, cells),
                    self._show_changes,
                    self._undo_failed,
                )
            )
            self.model.reload()
        self.message.setStyleSheet("")
        if len(edits) > 1:
            self.message.setText(
                self.tr("{count} cells saved. Ctrl+Z undoes them together.").format(
                    count=len(edits)
                )
            )
        else:
            self.message.clear()
        if moving and cells:
            self._move_down(cells[0])
        return True

    def _edit(
        self, line: Line, cell: Cell, value: object, column: int
    ) -> tuple[Change, SignupWrite | AttendanceWrite] | None:
        """The change ``value`` makes to one cell as the grid shows it, and the write that
        saves it over what is shown (another user's change since is a conflict)."""
        assert line.person is not None and self.summary is not None
        person_id = line.person.person_id
        if cell is Cell.DAY:
            day = self.model.day_of_column(column)
            assert day is not None
            shown = line.person.statuses.get(day.id)
            status = value if isinstance(value, str) else None
            if status == shown:
                return None
            version = line.person.versions.get(day.id, NO_ROW)
            return (
                AttendanceChange(day.id, person_id, shown, status),
                AttendanceWrite(day.id, person_id, shown, status, version),
            )
        before = line.signup_state()
        now = before or SignupState()
        if cell is Cell.ANSWER:
            answer = str(value)
            days = now.absent_days if answer == Answer.YES.value else frozenset()
            after = replace(now, attending=answer, absent_days=days)
        elif cell is Cell.LUNCH:
            after = replace(now, wants_lunch=bool(value))
        elif cell is Cell.NOTE:
            after = replace(now, note=one_line(value, "note", NOTE_LIMIT))
        else:
            return None
        if after == now:
            return None
        event_id = self.summary.id
        return (
            SignupChange(event_id, person_id, before, after),
            SignupWrite(event_id, person_id, before, after, line.signup_version),
        )

    def _step_text(self, cell: Cell, lines: list[Line], cells: list[QModelIndex]) -> str:
        """The undo step's name, as the Edit menu says it: 'Undo attendance of Ingrid Aas
        on Sat 08.02.2014'."""
        if len(cells) > 1:
            count = len(cells)
            if cell is Cell.ANSWER:
                return self.tr("answers of {count} persons").format(count=count)
            if cell is Cell.LUNCH:
                return self.tr("lunch of {count} persons").format(count=count)
            return self.tr("attendance in {count} cells").format(count=count)
        name = lines[0].full_name
        if cell is Cell.ANSWER:
            return self.tr("answer of {name}").format(name=name)
        if cell is Cell.LUNCH:
            return self.tr("lunch of {name}").format(name=name)
        if cell is Cell.NOTE:
            return self.tr("note of {name}").format(name=name)
        header = self.model.headerData(cells[0].column(), Qt.Orientation.Horizontal)
        return self.tr("attendance of {name} on {day}").format(name=name, day=header)

    # --- Notes ------------------------------------------------------------------------------

    def edit_note(self, row: int) -> None:
        """Open the note of ``row`` for editing in place (the menu's "Edit note…")."""
        if not self.model.notes_editable or self.model.is_heading(row):
            return
        index = self.model.index(row, self.model.note_column)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def save_note(self, index: QModelIndex, text: str) -> None:
        """The note editor's Enter: saved at once, one step to undo."""
        try:
            one_line(text, "note", NOTE_LIMIT)
        except ValidationError as error:
            self._show_error(error)
            return
        self.set_cells([index], Cell.NOTE, text)

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
            self.tr("copy from the previous event"),
            lambda: signups.copy_signups_from(self._db, self.summary.id, source),
            self.tr("{count} answers copied from the previous event."),
        )

    def mark_present(self, day_id: int) -> None:
        column = self.model.column_of_day(day_id)
        day = self.model.headerData(column, Qt.Orientation.Horizontal) if column else ""
        self._bulk(
            self.tr("all signed up present on {day}").format(day=day),
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
                GridCommand(self._db, changes, text, self._show_first, self._undo_failed)
            )
            self.changed.emit()
        self.message.setStyleSheet("")
        self.message.setText(done.format(count=count))

    # --- Undo -------------------------------------------------------------------------------

    def _show_first(self, changes: Sequence[Change]) -> None:
        """After a bulk action's undo or redo: the cursor on the first cell it changed (not
        all of them selected: a key would then set them all)."""
        self._show_changes(changes[:1])

    def _show_changes(self, changes: Sequence[Change]) -> None:
        """After an undo or redo: the cursor on the first cell it changed, the others of a
        range selected with it."""
        self.model.reload()
        self.message.clear()
        indexes = [index for change in changes if (index := self._index_of(change)).isValid()]
        if not indexes:
            return
        self.view.setCurrentIndex(indexes[0])
        selection = self.view.selectionModel()
        for index in indexes[1:]:
            selection.select(index, QItemSelectionModel.SelectionFlag.Select)

    def _index_of(self, change: Change) -> QModelIndex:
        row = self.model.row_of(change.person_id)
        if isinstance(change, AttendanceChange):
            column = self.model.column_of_day(change.day_id)
        else:
            old, new = change.before or SignupState(), change.after or SignupState()
            column = COL_ATTENDING
            if old.attending == new.attending and old.wants_lunch != new.wants_lunch:
                column = COL_LUNCH
            elif old.attending == new.attending and old.note != new.note:
                column = self.model.note_column
        if row is None or column is None:
            return QModelIndex()
        return self.model.index(row, column)

    def _undo_failed(self, error: BaseException) -> None:
        self.model.reload()
        self._show_error(error)
        self.undo_stack.clear()

    def _show_error(self, error: BaseException) -> None:
        reason = core_message(error) if isinstance(error, VrusError) else str(error)
        self.message.setStyleSheet(text_style(WARNING, bold=True))
        self.message.setText(self.tr("Not saved: {reason}").format(reason=reason))
