"""The small tables of the Lunch view: one day's allergies and parents on duty, and the
season's duty roster by day and by family.

Each holds the core's rows (``vrus.lunch``, ``vrus.duties``) as they are; a day has a few
allergies and duties and a season some twenty days and sixty families, so nothing is fetched
lazily. Column constants and a ``SORT_ROLE`` for the proxies; severe allergies, days without
anyone on lunch duty and families without a duty are coloured and say why in a tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from vrus.collation import sort_key
from vrus.db.enums import AllergySeverity, Diet, DutyTask
from vrus.duties import TASK_ORDER, DutyEntry, FamilyDuties, RosterDay
from vrus.lunch import SEVERITY_ORDER, AllergyEntry
from vrus.ui.common.colours import (
    ALERT_BACKGROUND,
    PENDING_BACKGROUND,
    SEVERE_BACKGROUND,
    WARNING,
    brush,
    warning_icon,
)
from vrus.ui.common.dates import short_date
from vrus.ui.common.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole  # duty id, event id
TASKS = tuple(task.value for task in DutyTask)

translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("LunchModels", text)


# The closed vocabularies, as labels for a list or a cell (the core's are lower case, for
# inside its sentences); translated where shown, like ``vrus.ui.common.labels``.
_LABELS: dict[str, str] = {
    f"task:{DutyTask.LUNCH}": QT_TRANSLATE_NOOP("LunchModels", "Lunch"),
    f"task:{DutyTask.COFFEE_FRUIT}": QT_TRANSLATE_NOOP("LunchModels", "Coffee and fruit"),
    f"task:{DutyTask.SETUP_CLEARING}": QT_TRANSLATE_NOOP("LunchModels", "Set-up and clearing"),
    f"diet:{Diet.VEGETARIAN}": QT_TRANSLATE_NOOP("LunchModels", "Vegetarian"),
    f"diet:{Diet.VEGAN}": QT_TRANSLATE_NOOP("LunchModels", "Vegan"),
    f"diet:{Diet.HALAL}": QT_TRANSLATE_NOOP("LunchModels", "Halal"),
    f"diet:{Diet.NO_PORK}": QT_TRANSLATE_NOOP("LunchModels", "No pork"),
    f"diet:{Diet.LACTOSE_FREE}": QT_TRANSLATE_NOOP("LunchModels", "Lactose-free"),
    f"diet:{Diet.GLUTEN_FREE}": QT_TRANSLATE_NOOP("LunchModels", "Gluten-free"),
    f"diet:{Diet.OTHER}": QT_TRANSLATE_NOOP("LunchModels", "Other diet"),
    f"severity:{AllergySeverity.SEVERE}": QT_TRANSLATE_NOOP("LunchModels", "SEVERE"),
    f"severity:{AllergySeverity.MODERATE}": QT_TRANSLATE_NOOP("LunchModels", "Moderate"),
    f"severity:{AllergySeverity.MILD}": QT_TRANSLATE_NOOP("LunchModels", "Mild"),
}


def _label(group: str, code: str) -> str:
    """The translated label; an unknown code is shown as it is rather than hidden."""
    text = _LABELS.get(f"{group}:{code}")
    return _tr(text) if text else code


def task_label(task: str) -> str:
    return _label("task", task)


def diet_label(diet: str) -> str:
    return _label("diet", diet)


def severity_label(severity: str) -> str:
    return _label("severity", severity)


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


# --- one day -----------------------------------------------------------------------------------

A_SEVERITY, A_ALLERGEN, A_NAME, A_ENSEMBLE, A_NOTE = range(5)


class AllergyModel(_Table):
    """The allergies of the children attending one day, severe first (the core's order)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LunchModels", "Severity"),
        QT_TRANSLATE_NOOP("LunchModels", "Allergy"),
        QT_TRANSLATE_NOOP("LunchModels", "Name"),
        QT_TRANSLATE_NOOP("LunchModels", "Ensemble"),
        QT_TRANSLATE_NOOP("LunchModels", "Note for the kitchen"),
    )

    def cell(self, row: AllergyEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(row, column))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.severe:
            # The red row says it to the eye; a screen reader says it in words.
            return translate("LunchModels", "Severe allergy")
        if role == SORT_ROLE:
            return (
                SEVERITY_ORDER.get(row.severity, 9)
                if column == A_SEVERITY
                else sort_key(self._text(row, column))
            )
        if row.severe and role == Qt.ItemDataRole.BackgroundRole:
            return brush(SEVERE_BACKGROUND)  # red, as on the printed lunch sheet
        if row.severe and role == Qt.ItemDataRole.DecorationRole and column == A_SEVERITY:
            return warning_icon()
        if row.severe and role == Qt.ItemDataRole.FontRole and column == A_SEVERITY:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: AllergyEntry, column: int) -> str:
        if column == A_SEVERITY:
            return severity_label(row.severity)
        if column == A_ALLERGEN:
            return row.allergen
        if column == A_NAME:
            return row.name
        if column == A_ENSEMBLE:
            return row.ensemble or ""
        note = row.note or ""
        if not row.eats_lunch:
            brings = translate(
                "LunchModels", "brings own lunch (fruit and coffee are for everyone)"
            )
            note = f"{note} · {brings}" if note else brings
        return note


D_TASK, D_PARENT, D_PHONE, D_CHILDREN, D_LUNCH, D_NOTE = range(6)


class DutyModel(_Table):
    """The parents on duty one day. The "eats lunch" box is the one thing edited here:
    ``lunchToggled`` asks the page to save it."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LunchModels", "Task"),
        QT_TRANSLATE_NOOP("LunchModels", "Parent"),
        QT_TRANSLATE_NOOP("LunchModels", "Phone"),
        QT_TRANSLATE_NOOP("LunchModels", "Parent of"),
        QT_TRANSLATE_NOOP("LunchModels", "Eats lunch"),
        QT_TRANSLATE_NOOP("LunchModels", "Note"),
    )
    lunchToggled = Signal(int, bool)  # noqa: N815 - duty id, eats lunch

    def cell(self, row: DutyEntry, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.duty_id
        if column == D_LUNCH:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.wants_lunch else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate(
                    "LunchModels", "Ticked: the parent is counted among the day's lunches"
                )
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(row, column))
        if role == SORT_ROLE:
            return (
                TASK_ORDER.get(row.task, 99)
                if column == D_TASK
                else sort_key(self._text(row, column))
            )
        return None

    def _text(self, row: DutyEntry, column: int) -> str:
        return (
            task_label(row.task),
            row.name,
            row.phone,
            ", ".join(row.children),
            "",
            row.note or "",
        )[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == D_LUNCH:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != D_LUNCH
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.lunchToggled.emit(self._rows[index.row()].duty_id, checked)
        return True


# --- the season ----------------------------------------------------------------------------------

R_DATE, R_EVENT = 0, 1
R_TASK_COLUMNS = {task: 2 + n for n, task in enumerate(TASKS)}


class RosterDaysModel(_Table):
    """The season's duty days: who has which task; a seminar day with nobody on lunch duty
    says so in its lunch cell."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LunchModels", "Day"),
        QT_TRANSLATE_NOOP("LunchModels", "Event"),
        QT_TRANSLATE_NOOP("LunchModels", "Lunch"),
        QT_TRANSLATE_NOOP("LunchModels", "Coffee and fruit"),
        QT_TRANSLATE_NOOP("LunchModels", "Set-up and clearing"),
    )

    def cell(self, row: RosterDay, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.event_id
        missing = column == R_TASK_COLUMNS[DutyTask.LUNCH.value] and self._missing(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if missing:
                return translate("LunchModels", "Nobody is on lunch duty this day")
            return plain_tooltip(self._text(row, column))
        if role == SORT_ROLE:
            return (row.date, row.day_id) if column == R_DATE else sort_key(self._text(row, column))
        if missing and role == Qt.ItemDataRole.ForegroundRole:
            return brush(WARNING)
        if missing and role == Qt.ItemDataRole.BackgroundRole:
            return brush(ALERT_BACKGROUND)
        if missing and role == Qt.ItemDataRole.DecorationRole:
            return warning_icon()
        return None

    @staticmethod
    def _missing(row: RosterDay) -> bool:
        return row.is_seminar and not row.has_lunch_duty

    def _text(self, row: RosterDay, column: int) -> str:
        if column == R_DATE:
            return short_date(row.date)
        if column == R_EVENT:
            return row.event_title
        task = TASKS[column - 2]
        names = ", ".join(duty.name for duty in row.on(task))
        if not names and task == DutyTask.LUNCH.value and self._missing(row):
            return translate("LunchModels", "nobody yet")
        return names


F_FAMILY, F_CHILDREN, F_PHONE, F_DUTIES = range(4)
F_TASK_COLUMNS = {task: 4 + n for n, task in enumerate(TASKS)}


class FamiliesModel(_Table):
    """Each family's share of the season's duties, fewest first (the core's order)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LunchModels", "Parents"),
        QT_TRANSLATE_NOOP("LunchModels", "Children"),
        QT_TRANSLATE_NOOP("LunchModels", "Phone"),
        QT_TRANSLATE_NOOP("LunchModels", "Duties"),
        QT_TRANSLATE_NOOP("LunchModels", "Lunch"),
        QT_TRANSLATE_NOOP("LunchModels", "Coffee and fruit"),
        QT_TRANSLATE_NOOP("LunchModels", "Set-up and clearing"),
    )

    def cell(self, row: FamilyDuties, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.duties == 0:
                return translate("LunchModels", "No duty this season yet")
            return plain_tooltip(str(self._value(row, column)))
        if role == SORT_ROLE:
            value = self._value(row, column)
            return value if isinstance(value, int) else sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= F_DUTIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.duties == 0 and role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return translate("LunchModels", "No duty this season yet")
        if row.duties == 0 and role == Qt.ItemDataRole.BackgroundRole:
            return brush(PENDING_BACKGROUND)  # yellow, as on the printed roster: not yet
        return None

    def _value(self, row: FamilyDuties, column: int) -> str | int:
        if column == F_FAMILY:
            return row.label
        if column == F_CHILDREN:
            return ", ".join(row.children)
        if column == F_PHONE:
            return " / ".join(g.phone for g in row.guardians if g.phone)
        if column == F_DUTIES:
            return row.duties
        return row.by_task.get(TASKS[column - F_TASK_COLUMNS[TASKS[0]]], 0)
