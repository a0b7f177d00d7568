"""The Events page: the season's events, the editor, and each event's sign-up and attendance
grid.

The list shows one season (the current year unless another is chosen) in date order. New
event is Ctrl+N while the page has the focus; Enter or a double-click edits, Delete deletes
after a question, Ctrl+Enter opens the grid. Dialogs are opened window-modal without a
nested event loop, so the page stays testable with real clicks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus import clock, events
from vrus import undo as steps
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.db.enums import EventKind
from vrus.errors import VrusError
from vrus.event_details import signups_count
from vrus.reference import instruments
from vrus.seasons import EventSummary, current_season_year
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import QUIET, WARNING, text_style
from vrus.ui.common.dates import days_text
from vrus.ui.common.labels import remember_instruments
from vrus.ui.common.messages import core_message
from vrus.ui.common.page_shortcuts import PageShortcuts, page_action
from vrus.ui.common.page_undo import PageUndo
from vrus.ui.common.plain_text import message_box, plain_label, show_error
from vrus.ui.common.season_picker import fill_season_combo
from vrus.ui.common.stale import RefreshWhenShown
from vrus.ui.common.widgets import fit_columns, heading_label, read_only_table
from vrus.ui.events.event_editor import EventEditor
from vrus.ui.events.event_labels import event_kind_label
from vrus.ui.events.events_model import (
    COL_DATES,
    COL_KIND,
    COL_TITLE,
    COL_TURNOUT,
    COL_VENUE,
    EVENT_ID_ROLE,
    EventsModel,
    EventsProxy,
    warnings_of,
)
from vrus.ui.events.signup_grid import SignupGridPanel
from vrus.ui.files.printing import Document, PrintButton, attendance_maker

if TYPE_CHECKING:
    from vrus.ui.events.calendar_dialog import CalendarExport
    from vrus.ui.events.signup_import_wizard import SignupImportFlow


class _ListPane(PageShortcuts, QWidget):
    """The list of events: its own keys (the list's Ctrl+Z) win while the focus is in it,
    and not in the grid, which has its own."""


class EventsPage(PageShortcuts, QWidget):
    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        *,
        title: str,
        today: Today | None = None,
        edit_events: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``edit_events=False``: the events are shown, not made, changed or deleted (an
        instructor on a server records attendance only; the database refuses the rest)."""
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self.edit_events = edit_events
        self._today = today or clock.today
        with db.sessions() as session:  # the grid names each member's instrument
            remember_instruments(instruments(session))
        self.editor: EventEditor | None = None
        self.question: QMessageBox | None = None
        self.model = EventsModel(db, self, today=self._today)
        self.proxy = EventsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list_page = self._build_list(title)
        # The list's own undo (an event saved in the editor, its staff included); the grid
        # has its own.
        self.undo = PageUndo(db, changes, self.list_page, "events") if edit_events else None
        # Whoever may not plan events (an instructor) records attendance, not sign-ups.
        self.grid = SignupGridPanel(db, sign_ups=edit_events)
        self.grid.backRequested.connect(self.show_list)
        self.grid.changed.connect(self._changes.changed)
        self.grid.importRequested.connect(lambda: self.import_signups(self.grid.summary))
        self.signup_import: SignupImportFlow | None = None  # made on first use
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._build_actions()
        # Read on a change while on screen; while another page is up, once when next shown.
        self.freshness = RefreshWhenShown(self, self.refresh, changes)
        self._fill_seasons(current_season_year(self._today()))
        self._season_chosen()

    # --- Building ---------------------------------------------------------------------------

    def _build_list(self, title: str) -> QWidget:
        page = _ListPane()
        self.season = QComboBox()
        self.season.setObjectName("seasonChoice")
        self.season.setMinimumContentsLength(6)
        season_label = plain_label(self.tr("&Season"))
        season_label.setBuddy(self.season)
        self.new_button = QPushButton(self.tr("New event…"))
        self.new_button.setObjectName("newEventButton")
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editEventButton")
        self.edit_button.setToolTip(self.tr("Enter or double-click"))
        self.grid_button = QPushButton(self.tr("Sign-ups and attendance"))
        self.grid_button.setObjectName("gridButton")
        self.grid_button.setToolTip(self.tr("Ctrl+Enter"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteEventButton")
        self.delete_button.setToolTip(self.tr("Delete key"))
        self.cancel_button = QPushButton(self.tr("Cancel event…"))
        self.cancel_button.setObjectName("cancelEventButton")
        self.cancel_button.setToolTip(
            self.tr("The event is called off: it stays, marked cancelled, with its sign-ups")
        )
        # The season beside the heading, so the buttons fit a narrow window.
        top = QHBoxLayout()
        top.addWidget(heading_label(title))
        top.addStretch(1)
        top.addWidget(season_label)
        top.addWidget(self.season)
        # The season's calendar beside the season: it is the season's, not the selected event's.
        self.calendar_button = QPushButton(self.tr("Calendar (.ics)…"))
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setToolTip(
            self.tr("The season's events as a file for the families' calendars")
        )
        top.addWidget(self.calendar_button)
        tools = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.grid_button,
            self.delete_button,
            self.cancel_button,
        ):
            tools.addWidget(button)
        self.print_button = self._print_button()
        tools.addWidget(self.print_button)
        self.invitation_button = QPushButton(self.tr("Invitation…"))
        self.invitation_button.setObjectName("invitationButton")
        self.invitation_button.setToolTip(
            self.tr("The selected event's invitation to the families, to copy or e-mail")
        )
        self.invitation_button.clicked.connect(self.open_invitation)
        tools.addWidget(self.invitation_button)
        self.import_signups_button = QPushButton(self.tr("Import sign-ups…"))
        self.import_signups_button.setObjectName("importSignupsButton")
        self.import_signups_button.setToolTip(
            self.tr("The answers of a web form (CSV or XLSX) as the selected event's sign-ups")
        )
        tools.addWidget(self.import_signups_button)
        tools.addStretch(1)

        self.table = QTableView()
        self.table.setObjectName("eventsTable")
        self.table.setModel(self.proxy)
        read_only_table(self.table)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The title takes the room that is left, so no column hides behind a scroll bar.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATES, Qt.SortOrder.AscendingOrder)
        self.empty = plain_label()
        self.empty.setObjectName("noEvents")
        self.empty.setWordWrap(True)
        self.warnings = plain_label()
        self.warnings.setObjectName("seasonWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(text_style(WARNING))
        self.totals = plain_label()
        self.totals.setObjectName("seasonTotals")
        self.totals.setStyleSheet(text_style(QUIET))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 18, 24, 12)  # as widgets.page_layout
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.totals)
        return page

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = page_action(
            self, self.tr("New event"), "newEventAction", self.new_event, [key("Ctrl+N")]
        )
        self.edit_action = self._table_action(
            self.tr("Edit event"),
            "editEventAction",
            self.edit_selected,
            [key(Qt.Key.Key_Return), key(Qt.Key.Key_Enter)],
        )
        self.grid_action = self._table_action(
            self.tr("Sign-ups and attendance"),
            "gridAction",
            self.open_grid,
            [key("Ctrl+Return"), key("Ctrl+Enter")],
        )
        self.delete_action = self._table_action(
            self.tr("Delete event"),
            "deleteEventAction",
            self.delete_selected,
            [key(Qt.Key.Key_Delete)],
        )
        self.cancel_action = self._table_action(
            self.tr("Cancel event"), "cancelEventAction", self.toggle_cancelled, []
        )
        self.cancel_button.clicked.connect(self.toggle_cancelled)
        self.calendar_button.clicked.connect(self.export_calendar)
        self.calendar_export: CalendarExport | None = None  # made on first use
        self.new_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.grid_button.clicked.connect(self.open_grid)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_signups_button.clicked.connect(lambda: self.import_signups())
        # Shown or hidden only once on the page: a button without a parent would be a window.
        self.import_signups_button.setVisible(self.edit_events)
        self.invitation_button.setVisible(self.edit_events)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.season.currentIndexChanged.connect(self._season_chosen)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for widget in (self.new_button, self.edit_button, self.delete_button, self.cancel_button):
            widget.setVisible(self.edit_events)
        self.new_action.setEnabled(self.edit_events)

    def _table_action(
        self, text: str, name: str, slot: Callable[[], None], keys: list[QKeySequence]
    ):
        action = page_action(self, text, name, slot, keys)
        # Only while the table has the focus: Enter in the season list must not edit.
        self.removeAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(action)
        return action

    # --- Seasons and the list ---------------------------------------------------------------

    def _fill_seasons(self, selected: int) -> None:
        fill_season_combo(self.season, self._db, selected, current_season_year(self._today()))

    @property
    def season_year(self) -> int:
        return int(self.season.currentData())

    def show_season(self, year: int) -> None:
        if self.season.findData(year) < 0:
            self._fill_seasons(year)
        self.season.setCurrentIndex(self.season.findData(year))
        self._season_chosen()

    def _season_chosen(self) -> None:
        self.model.set_season(self.season_year)
        self._after_reload()

    def refresh(self) -> None:
        """The register changed: read the seasons, the list and an open grid again."""
        selected = self.selected_event_id()
        self._fill_seasons(self.season_year)
        self.model.refresh()
        self._after_reload()
        if selected is not None:
            self.select_event(selected)
        if self.stack.currentWidget() is self.grid:
            self.grid.model.reload()

    def _after_reload(self) -> None:
        summaries = self.model.events()
        self.empty.setText(
            self.tr("No events in {year} yet. New event (Ctrl+N) adds the first seminar.").format(
                year=self.season_year
            )
        )
        self.empty.setVisible(not summaries)
        lines = [
            f"⚠ {text} ({summary.title})" for summary in summaries for text in warnings_of(summary)
        ]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        kinds = Counter(summary.kind for summary in summaries)
        self.totals.setText(
            " · ".join(
                f"{event_kind_label(kind.value)}: {kinds[kind.value]}"
                for kind in EventKind
                if kinds[kind.value]
            )
        )
        if summaries:
            for column in (COL_DATES, COL_KIND, COL_VENUE, COL_TURNOUT):
                fit_columns(self.table, range(column, column + 1), widest=300)
            if self.selected_event_id() is None:
                self.table.selectRow(0)
        self._selection_changed()

    def selected_event_id(self) -> int | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        return index.data(EVENT_ID_ROLE) if index.isValid() else None

    def selected_summary(self) -> EventSummary | None:
        event_id = self.selected_event_id()
        row = self.model.row_of(event_id) if event_id is not None else None
        return self.model.summary(row) if row is not None else None

    def select_event(self, event_id: int) -> None:
        row = self.model.row_of(event_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_TITLE))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected_event_id() is not None
        editable = chosen and self.edit_events
        for widget in (self.edit_button, self.grid_button, self.delete_button):
            widget.setEnabled(editable or (chosen and widget is self.grid_button))
        self.print_button.button.setEnabled(chosen and not self.print_button.running)
        self.invitation_button.setEnabled(editable)
        self.import_signups_button.setEnabled(editable)
        self.grid_action.setEnabled(chosen)
        for action in (self.edit_action, self.delete_action, self.cancel_action):
            action.setEnabled(editable)
        summary = self.selected_summary() if chosen else None
        cancelled = summary is not None and summary.cancelled
        self.cancel_button.setEnabled(editable)
        self.cancel_button.setText(
            self.tr("Reinstate event…") if cancelled else self.tr("Cancel event…")
        )
        self.cancel_action.setText(
            self.tr("Reinstate event") if cancelled else self.tr("Cancel event")
        )

    def _print_button(self) -> PrintButton:
        def maker(variant: str):
            event_id = self.selected_event_id()
            return attendance_maker(event_id, variant) if event_id is not None else None

        documents = [
            Document("attendance", self.tr("the attendance list"), lambda: maker("attendance")),
            Document(
                "attendance_by_section",
                self.tr("the attendance lists per section"),
                lambda: maker("attendance_by_section"),
            ),
            Document("sign_in", self.tr("the sign-in sheet"), lambda: maker("sign_in")),
        ]
        button = PrintButton(self._db, self.tr("Print lists"), documents, name="printEvent")
        button.button.setToolTip(
            self.tr("Attendance lists and the sign-in sheet of the selected event, as PDF")
        )
        return button

    # --- Editing ----------------------------------------------------------------------------

    def new_event(self) -> None:
        if self.edit_events:
            self._open_editor(None)

    def edit_selected(self) -> None:
        event_id = self.selected_event_id()
        if event_id is not None and self.edit_events:
            self._open_editor(event_id)

    def _open_editor(self, event_id: int | None) -> None:
        if self.editor is not None:
            self.editor.raise_()
            return
        self.editor = EventEditor(self._db, event_id, self)
        self.editor.setWindowModality(Qt.WindowModality.WindowModal)
        self.editor.finished.connect(self._editor_closed)
        self.editor.open()

    def _editor_closed(self, result: int) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        editor.deleteLater()
        if editor.step is not None and self.undo is not None:
            # Also a save that stopped half-way (a refusal after the first steps) is undone.
            self.undo.push(editor.step, editor.step_name())
        if result != QDialog.DialogCode.Accepted or editor.event_id is None:
            return
        first = editor.first_day()
        if first is not None and first.year != self.season_year:
            self.show_season(first.year)
        self._changes.changed.emit()
        self.select_event(editor.event_id)
        self.table.setFocus()

    # --- Deleting ---------------------------------------------------------------------------

    def delete_selected(self) -> None:
        summary = self.selected_summary()
        if summary is None or not self.edit_events:
            return
        if any(day.recorded for day in summary.days):
            self._refuse_delete(summary)
            return
        with self._db.sessions() as session:
            answers = signups_count(session, summary.id)
        text = self.tr("Delete {title} ({dates})?").format(
            title=summary.title, dates=days_text([day.date for day in summary.days])
        )
        info = self.tr("Its days, invitations and staff are deleted with it.")
        if answers:
            info += " " + self.tr("So are the {count} sign-ups given for it.").format(count=answers)
        box = message_box(
            QMessageBox.Icon.Warning,
            self.tr("Delete event"),
            text,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("deleteQuestion")
        box.setInformativeText(info)
        delete = box.addButton(self.tr("Delete the event"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda _result: self._delete_answered(box, box.clickedButton() is delete, summary)
        )
        self.question = box
        box.open()

    def _delete_answered(self, box: QMessageBox, confirmed: bool, summary: EventSummary) -> None:
        self.question = None
        box.deleteLater()
        if not confirmed:
            return
        try:
            _, step = steps.record(
                self._db,
                lambda: events.delete_event(self._db, summary.id),
                steps.Scope(events={summary.id}),
            )
        except VrusError:
            self._refuse_delete(summary)
            return
        if self.undo is not None:
            self.undo.push(step, self.tr("deletion of '{title}'").format(title=summary.title))
        self._changes.changed.emit()
        self.table.setFocus()

    def _refuse_delete(self, summary: EventSummary) -> None:
        box = message_box(
            QMessageBox.Icon.Information,
            self.tr("Event kept"),
            self.tr(
                "{title} cannot be deleted: attendance or parents' duties are recorded for it, "
                "and they are part of the season's history."
            ).format(title=summary.title),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("deleteRefused")
        box.setInformativeText(
            self.tr("If the event did not take place, clear its attendance in the grid first.")
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: box.deleteLater())
        self.question = box
        box.finished.connect(lambda _result: setattr(self, "question", None))
        box.open()

    # --- Cancelling ---------------------------------------------------------------------------

    def toggle_cancelled(self) -> None:
        """Cancel the selected event, or take its cancellation back, after a question."""
        summary = self.selected_summary()
        if summary is None or not self.edit_events:
            return
        dates = days_text([day.date for day in summary.days])
        if summary.cancelled:
            title = self.tr("Reinstate event")
            text = self.tr("Reinstate {title} ({dates})?").format(title=summary.title, dates=dates)
            info = self.tr(
                "It is planned again; the next season calendar shows it as planned. Tell the "
                "families."
            )
            action = self.tr("Reinstate the event")
        else:
            title = self.tr("Cancel event")
            text = self.tr("Cancel {title} ({dates})?").format(title=summary.title, dates=dates)
            info = self.tr(
                "It stays in the register with its sign-ups, marked cancelled. The season "
                "calendar marks it cancelled, so the families' calendars drop it once they "
                "get the new file; tell the families."
            )
            action = self.tr("Cancel the event")
        box = message_box(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self
        )
        box.setObjectName("cancelQuestion")
        box.setInformativeText(info)
        confirm = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Leave it as it is"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda _result: self._cancel_answered(box, box.clickedButton() is confirm, summary)
        )
        self.question = box
        box.open()

    def _cancel_answered(self, box: QMessageBox, confirmed: bool, summary: EventSummary) -> None:
        self.question = None
        box.deleteLater()
        if not confirmed:
            return
        try:
            _, step = steps.record(
                self._db,
                lambda: events.set_cancelled(self._db, summary.id, not summary.cancelled),
                steps.Scope(events={summary.id}),
            )
        except VrusError as error:
            show_error(self, self.tr("The event was not changed"), core_message(error))
            return
        if self.undo is not None:
            name = (
                self.tr("reinstatement of '{title}'")
                if summary.cancelled
                else self.tr("cancellation of '{title}'")
            )
            self.undo.push(step, name.format(title=summary.title))
        self._changes.changed.emit()
        self.table.setFocus()

    # --- The season calendar ----------------------------------------------------------------

    def export_calendar(self) -> None:
        """Ask for season and ensemble, then where to save the season's calendar."""
        if self.calendar_export is None:
            # Imported on first use, not with the page (it brings the iCalendar library).
            from vrus.ui.events.calendar_dialog import CalendarExport

            self.calendar_export = CalendarExport(self._db, self, self._today)
        self.calendar_export.start(self.season_year)

    # --- Sign-ups from a web form -----------------------------------------------------------

    def _signups_imported(self, step: steps.Step, title: str) -> None:
        if self.undo is not None:
            self.undo.push(step, self.tr("import of sign-ups for '{title}'").format(title=title))

    def import_signups(self, summary: EventSummary | None = None) -> None:
        """Open the sign-up import wizard for ``summary`` (by default the selected event)."""
        summary = summary or self.selected_summary()
        if summary is None or not self.edit_events:
            return
        if self.signup_import is None:
            # Imported on first use, not with the page (it brings the file readers).
            from vrus.ui.events.signup_import_wizard import SignupImportFlow

            self.signup_import = SignupImportFlow(self._db, self._changes, self, today=self._today)
            self.signup_import.step_done.connect(self._signups_imported)
        self.signup_import.start(summary)

    # --- The invitation ---------------------------------------------------------------------

    def open_invitation(self) -> None:
        event_id = self.selected_event_id()
        if event_id is not None and self.edit_events:
            # Imported on first use, not with the page.
            from vrus.ui.events.invitation_dialog import open_invitation

            self.invitation_dialog = open_invitation(self, self._db, event_id)
            if self.invitation_dialog is not None and self.undo is not None:
                self.invitation_dialog.recorded.connect(self.undo.push)

    # --- The grid ---------------------------------------------------------------------------

    def open_grid(self) -> None:
        summary = self.selected_summary()
        if summary is None:
            return
        self.stack.setCurrentWidget(self.grid)
        self.grid.open_event(summary)

    def show_list(self) -> None:
        event_id = self.grid.summary.id if self.grid.summary else None
        self.stack.setCurrentWidget(self.list_page)
        self.model.refresh()  # turnout follows the attendance just recorded
        self._after_reload()
        if event_id is not None:
            self.select_event(event_id)
        self.table.setFocus()
