"""The season's events as a table: dates with weekdays, kind, title, venue, turnout.

A small table (a season has some twenty events), so the model holds the summaries from
``vrus.seasons.list_events`` and a proxy sorts them by ``SORT_ROLE``; the core's order (by
date) is the default. A seminar day that is not a Saturday or Sunday is marked in the dates
cell with an icon, a warning colour and a tooltip saying which day, in the window's language.
A cancelled event stays in the list, greyed, its title struck through and marked cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QPalette

from vrus import clock
from vrus.clock import Today
from vrus.collation import sort_key
from vrus.db.engine import Database
from vrus.db.enums import EventKind
from vrus.seasons import EventSummary, list_events
from vrus.ui.common.colours import ALERT_BACKGROUND, WARNING, brush, warning_icon
from vrus.ui.common.dates import days_text, not_weekend_text
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.events.event_labels import event_kind_text

COL_DATES, COL_KIND, COL_TITLE, COL_VENUE, COL_TURNOUT = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("EventsModel", "Dates"),
    QT_TRANSLATE_NOOP("EventsModel", "Kind"),
    QT_TRANSLATE_NOOP("EventsModel", "Title"),
    QT_TRANSLATE_NOOP("EventsModel", "Venue"),
    QT_TRANSLATE_NOOP("EventsModel", "Turnout"),
)
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The translated warnings of a row (a list of str, empty when there are none).
WARNING_ROLE = Qt.ItemDataRole.UserRole + 2

KIND_ORDER = {kind.value: n for n, kind in enumerate(EventKind)}

Index = QModelIndex | QPersistentModelIndex

# lupdate finds ``translate(context, "...")`` by its name; ``_tr`` is for marked constants.
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("EventsModel", text)


class EventsModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None, today: Today | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or clock.today
        self._year: int | None = None
        self._events: list[EventSummary] = []

    # --- What is listed ---------------------------------------------------------------------

    @property
    def season_year(self) -> int | None:
        return self._year

    def set_season(self, year: int) -> None:
        self._year = year
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        if self._year is None:
            self._events = []
        else:
            with self._db.sessions() as session:
                self._events = list_events(session, self._year, self._today())
        self.endResetModel()

    def summary(self, row: int) -> EventSummary:
        return self._events[row]

    def events(self) -> list[EventSummary]:
        return list(self._events)

    def row_of(self, event_id: int) -> int | None:
        for row, summary in enumerate(self._events):
            if summary.id == event_id:
                return row
        return None

    # --- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_TURNOUT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_TURNOUT:
            return translate(
                "EventsModel", "Members present on the last day with attendance recorded"
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = index.column()
        if role == EVENT_ID_ROLE:
            return event.id
        if role == WARNING_ROLE:
            return warnings_of(event)
        if role == SORT_ROLE:
            return _sort_value(event, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tooltip = _tooltip(event, column)
            return plain_tooltip(tooltip) if tooltip else None
        if event.cancelled and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return _cancelled_look(role, column)
        if column == COL_DATES and event.day_warnings:
            return _warning_decoration(role)
        if column == COL_TURNOUT and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def warnings_of(event: EventSummary) -> list[str]:
    return [not_weekend_text(warning.day) for warning in event.day_warnings]


def _warning_decoration(role: int) -> object:
    if role == Qt.ItemDataRole.DecorationRole:
        return warning_icon()
    if role == Qt.ItemDataRole.ForegroundRole:
        return brush(WARNING)
    if role == Qt.ItemDataRole.BackgroundRole:
        return brush(ALERT_BACKGROUND)
    return None


def _cancelled_look(role: int, column: int) -> object:
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
    if column != COL_TITLE:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _title_text(event: EventSummary) -> str:
    if event.cancelled:
        return translate("EventsModel", "{title} (cancelled)").format(title=event.title)
    return event.title


def _turnout_text(event: EventSummary) -> str:
    return "" if event.turnout is None else str(event.turnout)


_CELLS: tuple[Callable[[EventSummary], str], ...] = (
    lambda e: days_text([day.date for day in e.days]),
    lambda e: event_kind_text(e.kind, e.iris_type),
    _title_text,
    lambda e: e.venue or "",
    _turnout_text,
)


def _cell(event: EventSummary, column: int) -> str | None:
    return _CELLS[column](event) if 0 <= column < len(_CELLS) else None


def _tooltip(event: EventSummary, column: int) -> str | None:
    if column == COL_DATES:
        lines = warnings_of(event)
        for day in event.days:
            if day.start_time and day.end_time:
                lines.append(
                    translate("EventsModel", "{day}: {start}–{end}").format(
                        day=days_text([day.date]),
                        start=f"{day.start_time:%H:%M}",
                        end=f"{day.end_time:%H:%M}",
                    )
                )
        return "\n".join(lines) or None
    if column == COL_TITLE:
        lines = []
        if event.cancelled:
            lines.append(
                translate(
                    "EventsModel",
                    "Cancelled: the event stays in the register with its sign-ups, and the "
                    "season calendar marks it cancelled.",
                )
            )
        if event.invited:
            lines.append(
                translate("EventsModel", "Invited: {ensembles}").format(
                    ensembles=", ".join(event.invited)
                )
            )
        if event.partners:
            lines.append(
                translate("EventsModel", "With {partners}").format(
                    partners=", ".join(event.partners)
                )
            )
        return "\n".join(lines) or None
    if column == COL_TURNOUT and event.audience_count is not None:
        return translate("EventsModel", "Audience: {count}").format(count=event.audience_count)
    return None


def _sort_value(event: EventSummary, column: int) -> object:
    start = (event.first_day, event.days[0].start_time or dt.time.min)
    if column == COL_DATES:
        return f"{start[0].isoformat()} {start[1].isoformat()}"
    if column == COL_KIND:
        return f"{KIND_ORDER.get(event.kind, 99):02d} {event.iris_type or ''}"
    if column == COL_TURNOUT:
        return -1 if event.turnout is None else event.turnout
    return "\x00".join(sort_key(_cell(event, column) or ""))


class EventsProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; ties keep date order, so a sorted column still reads by date."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt's name
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:
            return left.row() < right.row()
        return a < b
