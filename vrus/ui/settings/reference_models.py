"""Small table models for the reference data edited in Settings (after Vorta's partials).

Each model is a list of rows read from the core, with column constants, a sort role for the
proxy in front of it (the tables hold a few dozen rows) and an edit per editable column that
calls ``vrus.reference`` at once. A refused value is announced with ``refused`` and nothing
is saved; a saved one with ``saved``, and as an undoable step with ``recorded`` (the row's
snapshots, ``vrus.undo``, and the step's name for the Edit menu).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from vrus import undo
from vrus.clock import Today
from vrus.collation import sort_key
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import OrganisationKind
from vrus.errors import VrusError
from vrus.population.storing import newest_inhabitants
from vrus.reference import (
    EnsembleRow,
    InstrumentRow,
    MunicipalityRow,
    OrganisationRow,
    ensembles,
    instruments,
    municipalities,
    organisations,
    save_organisation,
    update_ensemble_limits,
    update_instrument,
    update_municipality,
)
from vrus.ui.common.labels import instrument_name, organisation_kind_label, section_label
from vrus.ui.common.messages import error_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
CONTEXT = "ReferenceModels"  # spelled out in each call below: lupdate reads literals

TEXT, NUMBER, CHECK, CHOICE, LINE = "text", "number", "check", "choice", "line"


@dataclass(frozen=True)
class Column:
    header: str  # source text, translated where shown
    value: Callable[[Any], Any]
    kind: str = TEXT  # TEXT is read-only; the others are edited in place
    save: Callable[[Database, Any, Any], None] | None = None
    shown: Callable[[Any], str] | None = None  # the display text, when not str(value)


def _text_key(text: str | None) -> str:
    return "\x01".join(sort_key(text or ""))


class ReferenceModel(QAbstractTableModel):
    refused = Signal(str)
    saved = Signal()
    recorded = Signal(object, str)  # an undo.Step, its name ("change of Asker")
    COLUMNS: Sequence[Column] = ()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[Any] = []

    def read(self, session) -> list[Any]:  # noqa: ANN001 - a SQLAlchemy session
        raise NotImplementedError

    def choices(self, index: Index) -> list[tuple[str, Any]]:
        """The values a CHOICE cell can take, as (text, stored value)."""
        return []

    def scope(self, row: Any) -> undo.Scope:
        """The rows an edit of ``row`` may change."""
        raise NotImplementedError

    def step_name(self, row: Any) -> str:
        """An edit of ``row`` as the Edit menu names it."""
        raise NotImplementedError

    def reload(self) -> None:
        with self._db.sessions() as session:
            rows = self.read(session)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows  # same rows: redraw them, keep the view's place
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # --- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, self.COLUMNS[section].header)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.COLUMNS[index.column()].kind
        if kind == CHECK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif kind != TEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        row = self._rows[index.row()]
        value = column.value(row)
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            if column.kind in (NUMBER, CHECK):
                return -1 if value is None else int(value)
            return _text_key(self._shown(column, row, value))
        if column.kind == CHECK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(column, row, value)
        if role == Qt.ItemDataRole.EditRole:
            return value if column.kind == CHOICE else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _shown(column: Column, row: Any, value: Any) -> str:
        if column.shown is not None:
            return column.shown(row)
        return "" if value is None else str(value)

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        column = self.COLUMNS[index.column()]
        row = self._rows[index.row()]
        if column.save is None:
            return False
        if column.kind == CHECK:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind in (NUMBER, LINE) and str(value).strip() == self.data(
            index, Qt.ItemDataRole.EditRole
        ):
            return False  # unchanged: nothing to save
        if column.kind in (CHOICE, CHECK) and value == column.value(row):
            return False
        try:
            _done, step = undo.record(
                self._db, lambda: column.save(self._db, row, value), self.scope(row)
            )
        except VrusError as error:
            header = QCoreApplication.translate(CONTEXT, column.header)
            self.refused.emit(
                QCoreApplication.translate(
                    "ReferenceModels", "{column}: {reason} Nothing was saved."
                ).format(column=header, reason=error_text(error))
            )
            return False
        self.reload()
        self.saved.emit()
        self.recorded.emit(step, self.step_name(row))
        return True


# --- Municipalities ----------------------------------------------------------------------------

(MUN_NUMBER, MUN_NAME, MUN_COUNTY, MUN_VALID, MUN_REGION, MUN_POPULATION, MUN_POPULATION_YEAR) = (
    range(7)
)
MUN_NEWEST = 7  # the newest whole-population figure stored from SSB, with its year


def _validity(row: MunicipalityRow) -> str:
    start = format_date(row.valid_from) if row.valid_from else ""
    end = format_date(row.valid_to) if row.valid_to else ""
    if not start and not end:
        return ""
    return f"{start}–{end}"


def _number(value: int | None) -> str:
    # 118 588 in Bokmål, 118,588 in English: the window's locale decides.
    return "" if value is None else QLocale().toString(value)


class MunicipalitiesModel(ReferenceModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ReferenceModels", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("ReferenceModels", "Municipality"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("ReferenceModels", "County"), lambda r: r.county),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Valid"), lambda r: r.valid_from, shown=_validity
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "In the region"),
            lambda r: r.in_region,
            CHECK,
            lambda db, r, v: update_municipality(db, r.id, in_region=v),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Population"),
            lambda r: r.population,
            NUMBER,
            lambda db, r, v: update_municipality(db, r.id, population=v),
            shown=lambda r: _number(r.population),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Counted in"),
            lambda r: r.population_year,
            NUMBER,
            lambda db, r, v: update_municipality(db, r.id, population_year=v),
        ),
        # Filled in by ``data``: the figures are not part of the row.
        Column(QT_TRANSLATE_NOOP("ReferenceModels", "Inhabitants (SSB)"), lambda r: None),
    )

    def __init__(self, db: Database, parent=None) -> None:  # noqa: ANN001 - a QObject
        super().__init__(db, parent)
        self._newest: dict[int, tuple[int, int]] = {}

    def read(self, session) -> list[MunicipalityRow]:  # noqa: ANN001
        # The newest figure from SSB (loaded or imported), so an import shows here at once.
        self._newest = newest_inhabitants(session)
        return municipalities(session)

    def scope(self, row: MunicipalityRow) -> undo.Scope:
        return undo.Scope(municipalities=[row.id])

    def step_name(self, row: MunicipalityRow) -> str:
        return QCoreApplication.translate("ReferenceModels", "change of {municipality}").format(
            municipality=row.name
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() != MUN_NEWEST:
            return super().data(index, role)
        newest = self._newest.get(self._rows[index.row()].id)
        if role == SORT_ROLE:
            return -1 if newest is None else newest[1]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                ""
                if newest is None
                else QCoreApplication.translate("ReferenceModels", "{persons} ({year})").format(
                    persons=_number(newest[1]), year=newest[0]
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


# --- Instruments -------------------------------------------------------------------------------

INS_NAME, INS_SECTION, INS_HARD, INS_TARGET = range(4)


class InstrumentsModel(ReferenceModel):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Instrument"),
            lambda r: r.name_nb,
            shown=instrument_name,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Section"),
            lambda r: r.section,
            shown=lambda r: section_label(r.section),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Hard to recruit"),
            lambda r: r.hard_to_recruit,
            CHECK,
            lambda db, r, v: update_instrument(db, r.id, hard_to_recruit=v),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Wanted players"),
            lambda r: r.target_count,
            NUMBER,
            lambda db, r, v: update_instrument(db, r.id, target_count=v),
        ),
    )

    def read(self, session) -> list[InstrumentRow]:  # noqa: ANN001
        return instruments(session)

    def scope(self, row: InstrumentRow) -> undo.Scope:
        return undo.Scope(instruments=[row.id])

    def step_name(self, row: InstrumentRow) -> str:
        return QCoreApplication.translate("ReferenceModels", "change of {instrument}").format(
            instrument=instrument_name(row)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Score order (strings first), not alphabetical, when sorted by name or section.
        if role == SORT_ROLE and index.isValid() and index.column() in (INS_NAME, INS_SECTION):
            return self._rows[index.row()].sort_order
        return super().data(index, role)


# --- Ensembles -------------------------------------------------------------------------------

ENS_NAME, ENS_MIN, ENS_MAX, ENS_NEXT = range(4)


class EnsemblesModel(ReferenceModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ReferenceModels", "Ensemble"), lambda r: r.name),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Lowest age"),
            lambda r: r.min_age,
            NUMBER,
            lambda db, r, v: update_ensemble_limits(db, r.id, v, r.max_age),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Highest age"),
            lambda r: r.max_age,
            NUMBER,
            lambda db, r, v: update_ensemble_limits(db, r.id, r.min_age, v),
        ),
        Column(QT_TRANSLATE_NOOP("ReferenceModels", "Moves up to"), lambda r: r.next_ensemble),
    )

    def read(self, session) -> list[EnsembleRow]:  # noqa: ANN001
        return ensembles(session)

    def scope(self, row: EnsembleRow) -> undo.Scope:
        return undo.Scope(ensembles=[row.id])

    def step_name(self, row: EnsembleRow) -> str:
        return QCoreApplication.translate(
            "ReferenceModels", "change of the age limits of {ensemble}"
        ).format(ensemble=row.name)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == SORT_ROLE and index.isValid() and index.column() == ENS_NAME:
            return self._rows[index.row()].sort_order
        return super().data(index, role)


# --- Organisations ---------------------------------------------------------------------------

ORG_NAME, ORG_KIND, ORG_MUNICIPALITY, ORG_WEBSITE = range(4)


def _save_organisation(db: Database, row: OrganisationRow, **changes: Any) -> None:
    values = {
        "name": row.name,
        "kind": row.kind,
        "municipality_id": row.municipality_id,
        "website": row.website,
        "notes": row.notes,
    }
    values.update(changes)
    save_organisation(db, row.id, **values)


class OrganisationsModel(ReferenceModel):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Name"),
            lambda r: r.name,
            LINE,
            lambda db, r, v: _save_organisation(db, r, name=v),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Kind"),
            lambda r: r.kind,
            CHOICE,
            lambda db, r, v: _save_organisation(db, r, kind=v),
            shown=lambda r: organisation_kind_label(r.kind),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Municipality"),
            lambda r: r.municipality_id,
            CHOICE,
            lambda db, r, v: _save_organisation(db, r, municipality_id=v),
            shown=lambda r: r.municipality or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("ReferenceModels", "Website"),
            lambda r: r.website,
            LINE,
            lambda db, r, v: _save_organisation(db, r, website=v),
        ),
    )

    def __init__(self, db: Database, today: Today, parent=None) -> None:
        super().__init__(db, parent)
        self._today = today

    def read(self, session) -> list[OrganisationRow]:  # noqa: ANN001
        return organisations(session)

    def scope(self, row: OrganisationRow) -> undo.Scope:
        return undo.Scope(organisations=[row.id])

    def step_name(self, row: OrganisationRow) -> str:
        return QCoreApplication.translate("ReferenceModels", "change of {organisation}").format(
            organisation=row.name
        )

    def choices(self, index: Index) -> list[tuple[str, Any]]:
        if index.column() == ORG_KIND:
            return [(organisation_kind_label(kind), kind.value) for kind in OrganisationKind]
        if index.column() == ORG_MUNICIPALITY:
            row = self._rows[index.row()]
            with self._db.sessions() as session:
                places = municipalities(session, on=self._today())
            found = [("—", None)] + [(m.name, m.id) for m in places]
            if row.municipality_id is not None and row.municipality_id not in {
                m.id for m in places
            }:
                # A municipality since merged: kept as it is unless another is chosen.
                found.append((row.municipality or "", row.municipality_id))
            return found
        return []
