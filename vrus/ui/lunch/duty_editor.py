"""Putting a parent on duty at a seminar: which day, which task, which parent, and whether
they eat lunch.

The parents offered are the guardians of the children active in the season
(``guardian_choices``), listed by surname with their children's first names (which family)
and how many duties their family has had this season, so the coordinator can ask the
families who have done least. Typing part of a name or a child's name filters the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLineEdit, QWidget

from vrus import undo
from vrus.db.engine import Database
from vrus.duties import NOTE_LIMIT, GuardianChoice, assign_duty
from vrus.ui.common.dates import long_date, short_date
from vrus.ui.common.form_dialog import FormDialog
from vrus.ui.lunch.lunch_models import TASKS, task_label


@dataclass(frozen=True)
class DutyDay:
    day_id: int
    date: dt.date
    taken: frozenset[tuple[int, str]]  # (guardian id, task) already on the roster that day


class DutyEditor(FormDialog):
    added = Signal(int)  # the new duty's id
    recorded = Signal(object, str)  # the vrus.undo.Step of the new duty, and its name

    def __init__(
        self,
        db: Database,
        days: Sequence[DutyDay],
        choices: Sequence[GuardianChoice],
        family_duties: dict[int, int],
        *,
        day_id: int | None = None,
        task: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Put a parent on duty"), self.tr("Add to the roster"), parent)
        self.setObjectName("dutyEditor")
        self._db = db
        self._days = {day.day_id: day for day in days}
        self._choices = {choice.id: choice for choice in choices}

        self.day = QComboBox()
        self.day.setObjectName("dutyDay")
        for day in days:
            self.day.addItem(long_date(day.date), day.day_id)
        if day_id is not None and self.day.findData(day_id) >= 0:
            self.day.setCurrentIndex(self.day.findData(day_id))
        self.task = QComboBox()
        self.task.setObjectName("dutyTask")
        for value in TASKS:
            self.task.addItem(task_label(value), value)
        if task is not None:
            self.task.setCurrentIndex(max(self.task.findData(task), 0))
        self.guardian = self._guardian_combo(choices, family_duties)
        self.eats = QCheckBox(self.tr("Eats lunch (counted in the day's lunches)"))
        self.eats.setObjectName("dutyEatsLunch")
        self.eats.setChecked(True)
        self.note = QLineEdit()
        self.note.setObjectName("dutyNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("For instance: brings the soup"))

        self.add_field(self.tr("Day"), self.day, "event_day")
        self.add_field(self.tr("Task"), self.task, "task")
        self.add_field(self.tr("Parent"), self.guardian, "guardian")
        self.add_field("", self.eats)
        self.add_field(self.tr("Note"), self.note, "note")
        self.clear_errors()
        self.save = self._save
        self.guardian.setFocus()

    def _guardian_combo(
        self, choices: Sequence[GuardianChoice], family_duties: dict[int, int]
    ) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("dutyGuardian")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setPlaceholderText(self.tr("Type a parent's or a child's name"))
        for choice in choices:
            combo.addItem(self.choice_text(choice, family_duties.get(choice.id, 0)), choice.id)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.setCurrentIndex(-1)
        combo.setMinimumContentsLength(40)
        return combo

    def choice_text(self, choice: GuardianChoice, duties: int) -> str:
        """'Kari Ødegård (Åse, Åsmund) · 912 34 567 · family's duties this season: 1'."""
        parts = [
            f"{choice.name} ({', '.join(choice.children)})" if choice.children else choice.name
        ]
        if choice.phone:
            parts.append(choice.phone)
        parts.append(self.tr("family's duties this season: {count}").format(count=duties))
        return " · ".join(parts)

    def choose_guardian(self, guardian_id: int) -> None:
        self.guardian.setCurrentIndex(self.guardian.findData(guardian_id))

    def guardian_id(self) -> int | None:
        index = self.guardian.findText(self.guardian.currentText(), Qt.MatchFlag.MatchExactly)
        return self.guardian.itemData(index) if index >= 0 else None

    def _save(self) -> bool:
        guardian_id = self.guardian_id()
        if guardian_id is None:
            self.show_error("guardian", self.tr("Choose a parent in the list."))
            return False
        day = self._days[self.day.currentData()]
        task = self.task.currentData()
        if (guardian_id, task) in day.taken:
            self.show_error(
                "guardian",
                self.tr("{name} already has this task on {day}.").format(
                    name=self._choices[guardian_id].name, day=long_date(day.date)
                ),
            )
            return False
        duty_id, step = undo.record(
            self._db,
            lambda: assign_duty(
                self._db,
                day.day_id,
                guardian_id,
                task,
                wants_lunch=self.eats.isChecked(),
                note=self.note.text(),
            ),
            # A duty is the parent's row: the guardian's scope holds it.
            undo.Scope(guardians=[guardian_id]),
        )
        self.recorded.emit(
            step,
            self.tr("{name} on the roster ({task}, {day})").format(
                name=self._choices[guardian_id].name,
                task=task_label(task),
                day=short_date(day.date),
            ),
        )
        self.added.emit(duty_id)
        return True
