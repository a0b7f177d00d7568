"""The event editor: kind, title, IRIS type, venue, description, days, invited ensembles,
partner organisations, staff and, for concerts, the audience.

Everything typed is checked before the first core call, so a refused value is shown in the
dialog and nothing is saved. Then the changes go to the core one action at a time (each its
own transaction), the one that may still be refused first: the days, which cannot lose a
day with history. A new event that fails after it was created is deleted again, so a failed
save never leaves half an event behind.

A seminar day that is not a Saturday or Sunday (the warning beside the date) is asked about
before anything is saved: "torsdag 06.03.2014 er ikke en helgedag. Lagre likevel?", No by
default. What the saves change (the event, its days, staff...) is recorded by ``vrus.undo``
as one step, which the Events page puts on its undo stack when the editor closes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vrus import events, undo
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.db.enums import EventKind, IrisType
from vrus.errors import VrusError
from vrus.event_details import EventDetails, event_details, planning_choices
from vrus.seasons import DayPlan, clean_days, day_warnings
from vrus.ui.common.colours import WARNING, text_style
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.dates import not_weekend_text, short_date
from vrus.ui.common.messages import core_message, ui_text
from vrus.ui.common.plain_text import message_box, plain_label
from vrus.ui.events.event_days import DaysEditor, InputProblem
from vrus.ui.events.event_labels import event_kind_label, iris_type_label
from vrus.ui.events.event_staff_panel import StaffChoice, StaffPanel
from vrus.validation import ValidationError, parse_date

log = logging.getLogger(__name__)

TITLE_LIMIT = events.TEXT_LIMITS["title"]
VENUE_LIMIT = events.TEXT_LIMITS["venue"]
NO_AUDIENCE = -1  # the spin box's "not counted"
CONCERT_TYPES = {IrisType.KONSERT.value, IrisType.INSPIRASJONSKONSERT.value}


class EventEditor(QDialog):
    def __init__(
        self, db: Database, event_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.event_id = event_id
        with db.sessions() as session:
            self._choices = planning_choices(session)
            staff = [
                StaffChoice(
                    s.id,
                    f"{s.first_name} {s.last_name}",
                    s.role,
                    s.section,
                    s.organisation.name if s.organisation else None,
                )
                for s in events.list_staff(session)
            ]
            self._details = event_details(session, event_id) if event_id else None
            assigned = events.event_staff(session, event_id) if event_id else []
        self.setObjectName("eventEditor")
        self.question: QMessageBox | None = None  # "… is not a weekend day. Save anyway?"
        # What the saves change, recorded from before the first one: one undoable step.
        self._recorder: undo.Recorder | None = None
        self.step: undo.Step | None = None  # once the editor is closed, if anything was saved
        self.setWindowTitle(self.tr("New event") if event_id is None else self.tr("Edit event"))
        self._build(staff)
        self.staff.set_assignments(assigned)
        self._fill(self._details)
        self.resize(980, 700)

    # --- Building ---------------------------------------------------------------------------

    def _build(self, staff: list[StaffChoice]) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("kindChoice")
        for kind in EventKind:
            self.kind.addItem(event_kind_label(kind.value), kind.value)
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.title.setMaxLength(TITLE_LIMIT)
        self.iris_type = QComboBox()
        self.iris_type.setObjectName("irisTypeChoice")
        self.iris_type.addItem(self.tr("Not given"), None)
        for iris_type in IrisType:
            self.iris_type.addItem(iris_type_label(iris_type.value), iris_type.value)
        self.venue = QLineEdit()
        self.venue.setObjectName("venueEdit")
        self.venue.setMaxLength(VENUE_LIMIT)
        self.audience = QSpinBox()
        self.audience.setObjectName("audienceEdit")
        self.audience.setRange(NO_AUDIENCE, 100_000)
        self.audience.setSpecialValueText(self.tr("not counted"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("descriptionEdit")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 4 + 12)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("&IRIS type"), self.iris_type)
        self.form.addRow(self.tr("&Venue"), self.venue)
        self.form.addRow(self.tr("&Audience"), self.audience)
        self.form.addRow(self.tr("&Description"), self.description)
        self.days = DaysEditor()
        days_box = QGroupBox(self.tr("Days"))
        QVBoxLayout(days_box).addWidget(self.days)

        self.ensembles: dict[int, QCheckBox] = {}
        invited_box = QGroupBox(self.tr("Invited ensembles"))
        invited = QVBoxLayout(invited_box)
        for choice in self._choices.ensembles:
            box = QCheckBox(choice.name)
            self.ensembles[choice.id] = box
            invited.addWidget(box)
        self.partners = QListWidget()
        self.partners.setObjectName("partnerList")
        partners_box = QGroupBox(self.tr("Partner organisations"))
        QVBoxLayout(partners_box).addWidget(self.partners)
        self.staff = StaffPanel(staff)
        # The staff's day lists follow the days as they are typed.
        self.days.changed.connect(lambda: self.staff.set_days(self.days.dates()))
        staff_box = QGroupBox(self.tr("Staff"))
        QVBoxLayout(staff_box).addWidget(self.staff)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(days_box)
        left.addWidget(staff_box, 1)
        right = QVBoxLayout()
        right.addWidget(invited_box)
        right.addWidget(partners_box, 1)

        left_side = QWidget()
        left_side.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        left_side.setMinimumWidth(520)
        columns = QHBoxLayout()
        columns.addWidget(left_side, 3)
        columns.addSpacing(12)
        columns.addLayout(right, 2)
        self.error = plain_label()
        self.error.setObjectName("editorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style(WARNING, bold=True))
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.iris_type.currentIndexChanged.connect(self._kind_changed)

    def _fill(self, details: EventDetails | None) -> None:
        partners = dict(details.partners) if details else {}
        # Chosen partners first, then the partner organisations, then the rest.
        ordered = sorted(
            self._choices.organisations,
            key=lambda c: (c.id not in partners, c.kind not in ("partner", "orchestra")),
        )
        for choice in ordered:
            item = QListWidgetItem(choice.name)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if choice.id in partners else Qt.CheckState.Unchecked
            )
            self.partners.addItem(item)
        self._partner_roles = partners
        if details is None:
            if self._choices.ensembles:  # the orchestra itself is invited to most events
                self.ensembles[self._choices.ensembles[0].id].setChecked(True)
            self.days.add_day(focus=False)
            self.audience.setValue(NO_AUDIENCE)
            self._kind_changed()
            return
        self.kind.setCurrentIndex(self.kind.findData(details.kind))
        self.title.setText(details.title)
        self.iris_type.setCurrentIndex(max(self.iris_type.findData(details.iris_type), 0))
        self.venue.setText(details.venue or "")
        self.description.setPlainText(details.description or "")
        self.audience.setValue(
            NO_AUDIENCE if details.audience_count is None else details.audience_count
        )
        for ensemble_id, box in self.ensembles.items():
            box.setChecked(ensemble_id in details.ensemble_ids)
        self.days.set_days(details.days, details.kept_days)
        self._kind_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # The title is what is typed first; the kind is right for most events (a seminar).
        self.title.setFocus()

    # --- Behaviour --------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.iris_type, kind == EventKind.IRIS.value)
        concert = kind == EventKind.CONCERT.value or (
            kind == EventKind.IRIS.value and self.iris_type.currentData() in CONCERT_TYPES
        )
        self.form.setRowVisible(self.audience, concert or self.audience.value() != NO_AUDIENCE)
        self.days.set_kind(kind)

    def show_error(self, message: str, widget: QWidget | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        if widget is not None:
            widget.setFocus()

    def invited_ids(self) -> list[int]:
        return [ensemble_id for ensemble_id, box in self.ensembles.items() if box.isChecked()]

    def partner_ids(self) -> list[tuple[int, str | None]]:
        chosen = []
        for row in range(self.partners.count()):
            item = self.partners.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                org = item.data(Qt.ItemDataRole.UserRole)
                chosen.append((org, self._partner_roles.get(org)))
        return chosen

    def _fields(self) -> dict[str, object]:
        kind = self.kind.currentData()
        title = " ".join(self.title.text().split())
        if not title:
            raise InputProblem(self.tr("Write a title for the event."), self.title)
        audience = self.audience.value()
        return {
            "kind": kind,
            "title": title,
            "iris_type": self.iris_type.currentData() if kind == EventKind.IRIS.value else None,
            "venue": self.venue.text().strip() or None,
            "description": self.description.toPlainText().strip() or None,
            "audience_count": None if audience == NO_AUDIENCE else audience,
        }

    def _checked_days(self) -> list[DayPlan]:
        plans = clean_days(self.days.plans())
        kept = self._details.kept_days if self._details else frozenset()
        missing = sorted(kept - {date for date, _, _ in plans})
        if missing:  # read-only dates make this rare; the core would refuse it anyway
            raise InputProblem(
                self.tr("A day with attendance recorded cannot be removed."), self.days
            )
        return plans

    def _checked_staff(self, plans: list[DayPlan]) -> None:
        off = self.staff.off_days([date for date, _, _ in plans])
        if off:
            raise InputProblem(
                self.tr(
                    "{name} is on the staff on {day}, which is not a day of the event: "
                    "choose another day."
                ).format(name=off[0].name, day=short_date(off[0].day)),
                self.staff.table,
            )

    def _unconfirmed_weekdays(self, kind: str, plans: list[DayPlan]) -> list[dt.date]:
        """The seminar's days that are not weekend days, except those saved so before (the
        user was asked then)."""
        days = [warning.day for warning in day_warnings(kind, [date for date, _, _ in plans])]
        if self._details is not None and self._details.kind == kind:
            saved = {day.date for day in self._details.days}
            days = [day for day in days if day not in saved]
        return days

    def save(self) -> None:
        try:
            fields = self._fields()
            plans = self._checked_days()
            self._checked_staff(plans)
        except InputProblem as problem:
            self.show_error(problem.message, problem.widget)
            return
        except ValidationError as error:
            self.show_error(ui_text(error.message))
            return
        self.error.hide()
        weekdays = self._unconfirmed_weekdays(str(fields["kind"]), plans)
        if weekdays:
            self._ask_about_weekdays(weekdays, fields, plans)
            return
        self._save_checked(fields, plans)

    def _ask_about_weekdays(
        self, days: list[dt.date], fields: dict[str, object], plans: list[DayPlan]
    ) -> None:
        """A seminar on a weekday is most likely a mistyped date: "torsdag 06.03.2014 er ikke
        en helgedag. Lagre likevel?" No (the default) keeps the editor open, nothing saved."""
        text = " ".join([*(f"{not_weekend_text(day)}." for day in days), self.tr("Save anyway?")])
        box = message_box(
            QMessageBox.Icon.Question,
            self.tr("Not a weekend day"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("weekdayQuestion")
        box.setInformativeText(self.tr("Weekend seminars are on Saturdays and Sundays."))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda _result: self._weekdays_answered(
                box, box.clickedButton() is yes, days, fields, plans
            )
        )
        self.question = box
        box.open()

    def _weekdays_answered(
        self,
        box: QMessageBox,
        confirmed: bool,
        days: list[dt.date],
        fields: dict[str, object],
        plans: list[DayPlan],
    ) -> None:
        self.question = None
        box.deleteLater()
        if confirmed:
            self._save_checked(fields, plans)
            return
        # Back to the first day in question, to correct the date (once the question is
        # gone: closing it gives the focus back to where it was).
        for edit in self.days.date_edits():
            if _typed_date(edit.text()) == days[0]:
                QTimer.singleShot(0, edit, lambda edit=edit: (edit.setFocus(), edit.selectAll()))
                return

    def _save_checked(self, fields: dict[str, object], plans: list[DayPlan]) -> None:
        if self._recorder is None:
            existing = [self.event_id] if self.event_id is not None else []
            self._recorder = undo.Recorder(self._db, undo.Scope(events=existing))
        try:
            if self.event_id is None:
                self.event_id = self._create(fields, plans)
            else:
                self._update(self.event_id, fields, plans)
                return  # accepted by _run, once every step is saved
        except ValidationError as error:
            self.show_error(ui_text(error.message))
            return
        except VrusError as error:
            self._refused(error)
            return
        self.accept()

    def _refused(self, error: VrusError) -> None:
        self.show_error(
            self.tr("The event could not be saved: {reason}").format(reason=core_message(error))
        )

    def _create(self, fields: dict[str, object], plans: list[DayPlan]) -> int:
        first, start, end = plans[0]
        event_id = events.create_event(
            self._db,
            start=first,
            days=1,
            start_time=start,
            end_time=end,
            ensemble_ids=self.invited_ids(),
            partner_ids=self.partner_ids(),
            **fields,
        )  # type: ignore[arg-type]
        if self._recorder is not None:
            self._recorder.grow(undo.Scope(events=[event_id]))
        try:
            if len(plans) > 1:
                events.set_event_days(self._db, event_id, plans)
            self._save_staff(event_id)
        except Exception:
            log.exception("saving the new event %s failed; removing it again", event_id)
            events.delete_event(self._db, event_id)
            raise
        return event_id

    def _update(self, event_id: int, fields: dict[str, object], plans: list[DayPlan]) -> None:
        """Save the event step by step, each with what the editor read: another user's
        change of the same days or fields meanwhile is a conflict to settle (both values
        side by side) before the remaining steps go on."""
        details = self._details
        assert details is not None
        steps: list[Callable[[], object]] = [
            lambda: events.set_event_days(
                self._db,
                event_id,
                plans,
                original=[(d.date, d.start_time, d.end_time) for d in details.days],
            ),
            lambda: events.update_event(
                self._db,
                event_id,
                expected_version=details.version,
                original=_loaded_fields(details),
                **fields,
            ),
            lambda: events.set_invited(self._db, event_id, self.invited_ids()),
            lambda: events.set_partners(self._db, event_id, self.partner_ids()),
            lambda: self._save_staff(event_id),
        ]
        self._run(steps)

    def _run(self, steps: list[Callable[[], object]]) -> None:
        """Run ``steps`` in order and close the editor; a conflict asks the user first and
        goes on with the rest after the answer; another refusal stops with its reason."""
        for number, step in enumerate(steps):
            try:
                step()
            except ConflictError as conflict:
                self._ask(conflict, steps[number + 1 :])
                return
            except ValidationError as error:
                self.show_error(ui_text(error.message))
                return
            except VrusError as error:
                self._refused(error)
                return
        self.accept()

    def _ask(self, conflict: ConflictError, rest: list[Callable[[], object]]) -> None:
        self.conflict_dialog = settle_conflict(
            self,
            self._db,
            conflict,
            kept=lambda _: self._run(rest),
            dropped=lambda: self._run(rest),
        )

    def _save_staff(self, event_id: int) -> None:
        with self._db.sessions() as session:
            saved = event_details(session, event_id)
            existing = {row.assignment_id for row in events.event_staff(session, event_id)}
        day_ids = {day.date: day.id for day in saved.days}
        for assignment_id in self.staff.removed():
            # A removed day took its assignments with it.
            if assignment_id in existing:
                events.unassign_staff(self._db, assignment_id)
        for row in self.staff.added():
            events.assign_staff(
                self._db,
                event_id,
                row.staff_id,
                role=row.role,
                section=row.section,
                event_day_id=day_ids[row.day] if row.day is not None else None,
                wants_lunch=row.wants_lunch,
            )

    def done(self, result: int) -> None:
        """Closing (saved or cancelled): what was saved is one step to undo."""
        if self._recorder is not None and self.step is None:
            self.step = self._recorder.finish()
        super().done(result)

    def step_name(self) -> str:
        """The step's name in the Edit menu: "Undo staff of 'Helgeseminar 1'"."""
        title = " ".join(self.title.text().split())
        if self._details is None:
            return self.tr("new event '{title}'").format(title=title)
        step = self.step
        if step is not None:
            before, after = step.before.rows, step.after.rows
            changed = {t for t in before.keys() | after.keys() if before.get(t) != after.get(t)}
            if changed == {"event_staff"}:
                return self.tr("staff of '{title}'").format(title=title)
        return self.tr("changes to '{title}'").format(title=title)

    def first_day(self) -> dt.date | None:
        try:
            return self.days.plans()[0][0]
        except InputProblem:
            return None


def _typed_date(text: str) -> dt.date | None:
    try:
        return parse_date(text) if text.strip() else None
    except ValidationError:
        return None


def _loaded_fields(details: EventDetails) -> dict[str, object]:
    """The fields of ``_fields`` as the editor read them (for the conflict check)."""
    return {
        "kind": details.kind,
        "title": details.title,
        "iris_type": details.iris_type,
        "venue": details.venue,
        "description": details.description,
        "audience_count": details.audience_count,
    }
