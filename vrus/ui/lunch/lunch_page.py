"""The Lunch page, for the friends' association (Venneforeningen): pick a seminar and see, day
by day, how many eat, their diets and allergies, and which parents are on duty; put parents on
duty and take them off; see the season's roster and each family's share; print the lunch
sheet and the season's roster. Putting a parent on duty, taking them off and their lunch are
each one step on the page's undo stack (Ctrl+Z; the window's Edit menu names it).

Opens on the next seminar (the first whose last day is today or later) of the current season.
The numbers, diets, allergies and duties are the core's (``vrus.lunch.lunch_plan``,
``vrus.duties.season_roster``), shown as they are: children by first name and ensemble, no
birth dates, addresses or notes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vrus import clock, undo
from vrus.clock import Today
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.db.enums import EventKind
from vrus.duties import (
    DutyEntry,
    SeasonRoster,
    guardian_choices,
    season_roster,
    set_duty_lunch,
    unassign_duty,
)
from vrus.errors import VrusError
from vrus.lunch import LunchPlan, lunch_plan
from vrus.seasons import EventSummary, current_season_year, list_events
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import QUIET, WARNING, text_style, warning_icon
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.dates import days_text, short_date
from vrus.ui.common.messages import error_text
from vrus.ui.common.page_shortcuts import PageShortcuts
from vrus.ui.common.page_undo import PageUndo
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.season_picker import fill_season_combo
from vrus.ui.common.stale import RefreshWhenShown
from vrus.ui.common.widgets import heading_label
from vrus.ui.files.printing import Document, PrintButton, lunch_sheet_maker, roster_maker
from vrus.ui.lunch.duty_editor import DutyDay, DutyEditor
from vrus.ui.lunch.lunch_day import DayPanel
from vrus.ui.lunch.lunch_models import task_label
from vrus.ui.lunch.roster_panel import RosterPanel


class LunchPage(PageShortcuts, QWidget):
    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        *,
        title: str,
        today: Today | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._today: Today = today or clock.today
        self.plan: LunchPlan | None = None
        self.roster: SeasonRoster | None = None
        self.editor: DutyEditor | None = None
        self.day_panels: list[DayPanel] = []
        self._build(title)
        # Putting parents on duty, taking them off, their lunch: each one step to undo.
        self.undo = PageUndo(db, changes, self, "lunch")
        # Every attendance click in the Events grid announces a change; while hidden this
        # page only notes it and reads again when shown, so the grid stays quick.
        self.freshness = RefreshWhenShown(self, self.refresh, changes)
        self._fill_seasons(current_season_year(self._today()))
        self._season_chosen()

    # --- Building ---------------------------------------------------------------------------

    def _build(self, title: str) -> None:
        self.season = QComboBox()
        self.season.setObjectName("lunchSeason")
        self.season.setMinimumContentsLength(6)
        season_label = plain_label(self.tr("&Season"))
        season_label.setBuddy(self.season)
        self.seminar = QComboBox()
        self.seminar.setObjectName("lunchSeminar")
        self.seminar.setMinimumContentsLength(34)
        seminar_label = plain_label(self.tr("Se&minar"))
        seminar_label.setBuddy(self.seminar)
        top = QHBoxLayout()
        top.addWidget(heading_label(title))
        top.addStretch(1)
        for widget in (season_label, self.season, seminar_label, self.seminar):
            top.addWidget(widget)

        self.print_sheet = PrintButton(
            self._db,
            self.tr("Print lunch sheet"),
            [Document("lunch", self.tr("the lunch sheet"), self._lunch_maker)],
            name="printLunchSheet",
        )
        self.print_sheet.button.setToolTip(
            self.tr("The seminar's numbers, diets, allergies and parents on duty, a page per day")
        )
        self.print_roster = PrintButton(
            self._db,
            self.tr("Print season roster"),
            [Document("roster", self.tr("the season's duty roster"), self._roster_maker)],
            name="printRoster",
        )
        self.print_roster.button.setToolTip(
            self.tr("Every seminar day's parents on duty, and each family's share of the duties")
        )
        tools = QHBoxLayout()
        tools.addWidget(self.print_sheet)
        tools.addWidget(self.print_roster)
        tools.addStretch(1)

        self.facts = plain_label()
        self.facts.setObjectName("lunchFacts")
        self.facts.setWordWrap(True)
        self.privacy = plain_label(
            self.tr(
                "Children are shown by first name and ensemble only. Allergies are health data: "
                "keep printed lists where only the kitchen sees them, and throw them away after "
                "the seminar."
            )
        )
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet(text_style(QUIET))
        self.empty = plain_label()
        self.empty.setObjectName("noSeminars")
        self.empty.setWordWrap(True)
        self.error = plain_label()
        self.error.setObjectName("lunchError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style(WARNING))
        self.error.setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lunchTabs")
        self.tabs.setDocumentMode(True)
        self.roster_panel = RosterPanel()
        self.roster_panel.eventActivated.connect(self.show_event)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)  # as widgets.page_layout
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.facts)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.privacy)
        self.season.currentIndexChanged.connect(self._season_chosen)
        self.seminar.currentIndexChanged.connect(self._seminar_chosen)

    # --- Seasons and seminars ------------------------------------------------------------------

    @property
    def season_year(self) -> int:
        return int(self.season.currentData())

    @property
    def event_id(self) -> int | None:
        return self.seminar.currentData()

    def _fill_seasons(self, selected: int) -> None:
        fill_season_combo(self.season, self._db, selected, current_season_year(self._today()))

    def _fill_seminars(self, selected: int | None) -> None:
        with self._db.sessions() as session:
            seminars = [
                e
                for e in list_events(session, self.season_year, self._today())
                if e.kind == EventKind.SEMINAR.value
            ]
        self.seminar.blockSignals(True)
        self.seminar.clear()
        for summary in seminars:
            self.seminar.addItem(self._seminar_text(summary), summary.id)
        index = self.seminar.findData(selected) if selected is not None else -1
        self.seminar.setCurrentIndex(index if index >= 0 else self._next_seminar(seminars))
        self.seminar.blockSignals(False)
        self.empty.setText(
            self.tr("No weekend seminars in {year}. Seminars are added in Events.").format(
                year=self.season_year
            )
        )
        self.empty.setVisible(not seminars)

    def _seminar_text(self, summary: EventSummary) -> str:
        return f"{summary.title} – {days_text([day.date for day in summary.days])}"

    def _next_seminar(self, seminars: list[EventSummary]) -> int:
        """The first seminar not over yet; the season's last one if all are."""
        today = self._today()
        for row, summary in enumerate(seminars):
            if summary.days[-1].date >= today:
                return row
        return len(seminars) - 1

    def _season_chosen(self) -> None:
        self._fill_seminars(None)
        self._load()

    def _seminar_chosen(self) -> None:
        self._load()

    def show_event(self, event_id: int) -> None:
        """Open a seminar of the season shown (a day double-clicked in the roster)."""
        index = self.seminar.findData(event_id)
        if index >= 0:
            self.seminar.setCurrentIndex(index)
            self.tabs.setCurrentIndex(0)

    def refresh(self) -> None:
        """The register changed: read the seasons, seminars, plan and roster again."""
        self.error.setVisible(False)
        event_id, tab = self.event_id, self.tabs.currentIndex()
        self._fill_seasons(self.season_year)
        self._fill_seminars(event_id)
        self._load()
        if event_id == self.event_id and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    # --- Showing --------------------------------------------------------------------------------

    def _load(self) -> None:
        with self._db.sessions() as session:
            self.roster = season_roster(session, self.season_year)
            event_id = self.event_id
            self.plan = (
                lunch_plan(session, event_id, self._today()) if event_id is not None else None
            )
        self.roster_panel.show_roster(self.roster)
        self._show_plan()
        enabled = self.plan is not None
        self.print_sheet.button.setEnabled(enabled and not self.print_sheet.running)

    def _show_plan(self) -> None:
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.clear()
        for panel in self.day_panels:
            panel.deleteLater()
        self.day_panels = []
        for day in self.plan.days if self.plan else ():
            panel = DayPanel(day)
            panel.addRequested.connect(self.add_duty)
            panel.removeRequested.connect(self.remove_duty)
            panel.lunchToggled.connect(self.set_lunch)
            self.day_panels.append(panel)
            text = self.tr("{day}: {count} lunches").format(
                day=short_date(day.date), count=day.count.total
            )
            index = self.tabs.addTab(panel, text)
            if day.warnings:
                self.tabs.setTabIcon(index, warning_icon())
                self.tabs.setTabToolTip(index, self.tr("Nobody is on lunch duty this day"))
        self.tabs.addTab(
            self.roster_panel, self.tr("Season duty roster {year}").format(year=self.season_year)
        )
        self.tabs.setCurrentIndex(min(max(current, 0), self.tabs.count() - 1))
        self.tabs.blockSignals(False)
        self.facts.setText(self._facts_text())
        self.facts.setVisible(self.plan is not None)

    def _facts_text(self) -> str:
        if self.plan is None:
            return ""
        parts = [self.plan.title]
        if self.plan.venue:
            parts.append(self.plan.venue)
        if self.plan.ensembles:
            parts.append(", ".join(self.plan.ensembles))
        if self.plan.signup_deadline:
            parts.append(
                self.tr("sign-up deadline {date}").format(
                    date=short_date(self.plan.signup_deadline)
                )
            )
        return " · ".join(parts)

    def panel_for(self, day_id: int) -> DayPanel | None:
        return next((panel for panel in self.day_panels if panel.day.day_id == day_id), None)

    # --- Duties --------------------------------------------------------------------------------

    def add_duty(self, day_id: int | None = None) -> None:
        if self.plan is None or not self.plan.days or self.editor is not None:
            return
        with self._db.sessions() as session:
            choices = guardian_choices(session, self.season_year)
        days = [
            DutyDay(day.day_id, day.date, frozenset((d.guardian_id, d.task) for d in day.duties))
            for day in self.plan.days
        ]
        editor = DutyEditor(
            self._db,
            days,
            choices,
            self._family_duties(),
            day_id=day_id,
            task=self._first_missing_task(day_id),
            parent=self,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.recorded.connect(self.undo.push)
        editor.added.connect(self._changes.changed)
        editor.finished.connect(self._editor_closed)
        self.editor = editor
        editor.open()

    def _editor_closed(self, _result: int) -> None:
        self.editor = None

    def _first_missing_task(self, day_id: int | None) -> str | None:
        """Lunch when nobody has it that day: the task the warning asks for."""
        panel = self.panel_for(day_id) if day_id is not None else None
        return "lunch" if panel is not None and panel.day.warnings else None

    def _family_duties(self) -> dict[int, int]:
        """Each guardian's family's duties this season, for the editor's parent list."""
        counts = {}
        for family in self.roster.families if self.roster else ():
            for guardian in family.guardians:
                counts[guardian.id] = family.duties
        return counts

    def remove_duty(self, duty_id: int) -> None:
        duty = self._duty(duty_id)
        self._change(
            lambda: unassign_duty(self._db, duty_id),
            duty,
            self.tr("{name} off the roster ({task}, {day})"),
        )

    def set_lunch(self, duty_id: int, wants_lunch: bool) -> None:
        """Save the lunch of a duty with its version as shown: another user's answer given
        meanwhile is a conflict with both values, not overwritten."""
        duty = self._duty(duty_id)
        version = duty.version if duty is not None else None
        self._change(
            lambda: set_duty_lunch(self._db, duty_id, wants_lunch, version),
            duty,
            self.tr("lunch of {name} on duty ({task}, {day})"),
        )

    def _duty(self, duty_id: int) -> DutyEntry | None:
        for day in self.plan.days if self.plan else ():
            for duty in day.duties:
                if duty.duty_id == duty_id:
                    return duty
        return None

    def _step_name(self, template: str, duty: DutyEntry) -> str:
        day = next((d.date for d in self.plan.days if d.day_id == duty.day_id), None)
        return template.format(
            name=duty.name,
            task=task_label(duty.task),
            day=short_date(day) if day is not None else "",
        )

    def _change(
        self, action: Callable[[], None], duty: DutyEntry | None = None, name: str = ""
    ) -> None:
        """Run ``action``; with the ``duty`` it changes, as one step to undo, named by the
        template ``name`` (also when a conflict's "keep mine" saves it)."""
        step: tuple[undo.Scope, str] | None = None  # what the action may touch, its name
        if duty is not None:
            step = (undo.Scope(guardians=[duty.guardian_id]), self._step_name(name, duty))
            action = self._recorded(action, *step)
        try:
            action()
        except ConflictError as conflict:
            if step is not None:
                self._record_kept(conflict, *step)
            self.conflict_dialog = settle_conflict(
                self,
                self._db,
                conflict,
                kept=lambda _: self._changes.changed.emit(),
                dropped=self._changes.changed.emit,
            )
            return
        except VrusError as error:
            self.error.setText(error_text(error))
            self.error.setVisible(True)
            return
        self._changes.changed.emit()

    def _recorded(
        self, action: Callable[[], Any], scope: undo.Scope, description: str
    ) -> Callable[[], None]:
        def run() -> None:
            _result, step = undo.record(self._db, action, scope)
            self.undo.push(step, description)

        return run

    def _record_kept(self, conflict: ConflictError, scope: undo.Scope, description: str) -> None:
        """The conflict's "keep mine" is recorded as the step instead."""
        save = conflict.save
        if save is None:
            return

        def keep_mine(db: Database, version: int) -> Any:
            result, step = undo.record(db, lambda: save(db, version), scope)
            self.undo.push(step, description)
            return result

        conflict.save = keep_mine

    # --- Printing --------------------------------------------------------------------------------

    def _lunch_maker(self):
        event_id = self.event_id
        return lunch_sheet_maker(event_id, self._today()) if event_id is not None else None

    def _roster_maker(self):
        return roster_maker(self.season_year)
