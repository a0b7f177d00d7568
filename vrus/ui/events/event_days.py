"""The days of an event in the editor: date, start and end time per day, with the weekday
shown as it is typed, and the weekend warning for a seminar day on a weekday.

``plans()`` checks what was typed and returns the days for ``vrus.seasons.clean_days``; a
problem comes back as a translated sentence with the field to put the cursor in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vrus.dates import format_date
from vrus.event_details import DayDetails
from vrus.seasons import MAX_DAYS, DayPlan, day_warnings, parse_time
from vrus.ui.common.colours import QUIET, WARNING, text_style
from vrus.ui.common.dates import long_date, weekday
from vrus.ui.common.plain_text import plain_label
from vrus.validation import ValidationError, parse_date


class InputProblem(Exception):
    """A value that cannot be saved: ``message`` is translated, ``widget`` gets the focus."""

    def __init__(self, message: str, widget: QWidget) -> None:
        super().__init__(message)
        self.message = message
        self.widget = widget


@dataclass
class _DayRow:
    date: QLineEdit
    weekday: QLabel
    start: QLineEdit
    end: QLineEdit
    remove: QToolButton
    kept: bool  # has attendance or duties: cannot be removed or moved


def _time_text(value: dt.time | None) -> str:
    return "" if value is None else f"{value:%H:%M}"


class DaysEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = "seminar"
        self._rows: list[_DayRow] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setColumnStretch(5, 1)  # the room is left after the fields
        for column, text in enumerate(
            (self.tr("Date"), self.tr("Weekday"), self.tr("From"), self.tr("To"))
        ):
            header = plain_label(text)
            header.setStyleSheet(text_style(QUIET))
            self._grid.addWidget(header, 0, column)
        self.add_button = QPushButton(self.tr("&Add a day"))
        self.add_button.setObjectName("addDayButton")
        self.add_button.clicked.connect(lambda: self.add_day())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addLayout(buttons)

    # --- Filling ----------------------------------------------------------------------------

    def set_days(self, days: tuple[DayDetails, ...], kept: frozenset[dt.date]) -> None:
        for day in days:
            self.add_day(
                format_date(day.date),
                _time_text(day.start_time),
                _time_text(day.end_time),
                kept=day.date in kept,
                focus=False,
            )

    def set_kind(self, kind: str) -> None:
        self._kind = kind
        for row in self._rows:
            self._show_weekday(row)

    def add_day(
        self,
        date: str | None = None,
        start: str = "",
        end: str = "",
        *,
        kept: bool = False,
        focus: bool = True,
    ) -> QLineEdit:
        """A new row; without a date it follows the last day (a seminar's Sunday)."""
        if date is None:
            date = self._next_date()
            if self._rows:
                start, end = self._rows[-1].start.text(), self._rows[-1].end.text()
        row = _DayRow(
            QLineEdit(date), plain_label(), QLineEdit(start), QLineEdit(end), QToolButton(), kept
        )
        row.date.setPlaceholderText(self.tr("dd.mm.yyyy"))
        metrics = row.date.fontMetrics()
        row.date.setFixedWidth(metrics.horizontalAdvance("00.00.00000") + 20)
        for edit in (row.start, row.end):
            edit.setPlaceholderText(self.tr("hh:mm"))
            edit.setFixedWidth(metrics.horizontalAdvance("00:000") + 20)
        row.remove.setText("✕")
        row.remove.setToolTip(self.tr("Remove this day"))
        row.remove.setAccessibleName(self.tr("Remove this day"))
        row.remove.clicked.connect(lambda: self._remove(row))
        if kept:
            row.date.setReadOnly(True)
            row.remove.setEnabled(False)
            why = self.tr(
                "Attendance or parents' duties are recorded for this day, so it "
                "cannot be moved or removed."
            )
            row.date.setToolTip(why)
            row.remove.setToolTip(why)
        row.date.textChanged.connect(lambda _text: self._date_edited(row))
        number = len(self._rows) + 1
        for column, widget in enumerate((row.date, row.weekday, row.start, row.end, row.remove)):
            self._grid.addWidget(widget, number, column)
        self._rows.append(row)
        self._show_weekday(row)
        self.add_button.setEnabled(len(self._rows) < MAX_DAYS)
        if focus:
            row.date.show()  # the layout would show it only later, too late for the focus
            row.date.setFocus()
            row.date.selectAll()
        self.changed.emit()
        return row.date

    def date_edits(self) -> list[QLineEdit]:
        return [row.date for row in self._rows]

    def time_edits(self, number: int) -> tuple[QLineEdit, QLineEdit]:
        return self._rows[number].start, self._rows[number].end

    def weekday_labels(self) -> list[QLabel]:
        return [row.weekday for row in self._rows]

    def dates(self) -> list[dt.date]:
        """The dates typed so far that are dates, in order (for the staff's day lists)."""
        return sorted({date for row in self._rows if (date := _date(row.date.text()))})

    # --- Reading ----------------------------------------------------------------------------

    def plans(self) -> list[DayPlan]:
        """The days as typed, checked; raises ``InputProblem`` with a translated reason."""
        if not self._rows:
            raise InputProblem(self.tr("An event needs at least one day."), self.add_button)
        plans: list[DayPlan] = []
        for row in self._rows:
            date = _date(row.date.text())
            if date is None:
                raise InputProblem(self.tr("Write each day's date as dd.mm.yyyy."), row.date)
            start, end = self._time(row.start), self._time(row.end)
            if start and end and end <= start:
                raise InputProblem(
                    self.tr("{day} ends before it starts.").format(day=long_date(date)), row.end
                )
            if date in [plan[0] for plan in plans]:
                raise InputProblem(
                    self.tr("{day} is given twice.").format(day=long_date(date)), row.date
                )
            plans.append((date, start, end))
        return sorted(plans, key=lambda plan: plan[0])

    def _time(self, edit: QLineEdit) -> dt.time | None:
        try:
            return parse_time(edit.text(), "time")
        except ValidationError:
            raise InputProblem(self.tr("Write the time as hh:mm, such as 10:00."), edit) from None

    # --- Behaviour --------------------------------------------------------------------------

    def _next_date(self) -> str:
        if not self._rows:
            return ""
        last = _date(self._rows[-1].date.text())
        return format_date(last + dt.timedelta(days=1)) if last else ""

    def _remove(self, row: _DayRow) -> None:
        self._rows.remove(row)
        for widget in (row.date, row.weekday, row.start, row.end, row.remove):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        # Close the gap so the rows stay in the order they were added.
        for number, other in enumerate(self._rows, start=1):
            for column, widget in enumerate(
                (other.date, other.weekday, other.start, other.end, other.remove)
            ):
                self._grid.addWidget(widget, number, column)
        self.add_button.setEnabled(True)
        self.changed.emit()

    def _date_edited(self, row: _DayRow) -> None:
        self._show_weekday(row)
        self.changed.emit()

    def _show_weekday(self, row: _DayRow) -> None:
        text = row.date.text().strip()
        date = _date(text)
        if date is None:
            row.weekday.setText(self.tr("not a date") if text else "")
            row.weekday.setStyleSheet(text_style(QUIET))
            row.weekday.setToolTip("")
        elif day_warnings(self._kind, [date]):
            row.weekday.setText(
                "⚠ " + self.tr("{weekday}: not a weekend day").format(weekday=weekday(date))
            )
            row.weekday.setStyleSheet(text_style(WARNING, bold=True))
            row.weekday.setToolTip(
                self.tr("Weekend seminars are on Saturdays and Sundays: check the date.")
            )
        else:
            row.weekday.setText(weekday(date))
            row.weekday.setStyleSheet("")
            row.weekday.setToolTip("")


def _date(text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ValidationError:
        return None
