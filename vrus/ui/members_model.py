"""The Members table: a read-only model over the persons in the register.

The model keeps only the ordered person ids in memory and fetches the visible rows in blocks
when the view draws them (after Anki's browser table), so a register of thousands of persons
opens at once. The order comes from SQL: the name columns carry the ``norwegian`` collation.
Rows come from the core (``vrus.member_list.rows_for``).

``person_ids`` and ``count_persons`` below are plain SQLAlchemy over the models, without Qt.
They belong in the core: ``vrus.member_list.member_ids`` has no filter for "every person not
archived, with or without a current membership", which is what this page lists.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vrus.db.engine import Database
from vrus.db.models import Person
from vrus.member_list import MemberRow, rows_for

# --- Queries (to move to the core) ---------------------------------------------------------


def count_persons(session: Session, *, include_archived: bool = False) -> int:
    query = select(func.count(Person.id))
    if not include_archived:
        query = query.where(Person.archived_at.is_(None))
    return session.scalar(query) or 0


def person_ids(session: Session) -> list[int]:
    """Ids of the persons not archived, in Norwegian order of last name, then first name."""
    query = (select(Person.id)
             .where(Person.archived_at.is_(None))
             .order_by(Person.last_name, Person.first_name, Person.id))
    return list(session.scalars(query))


# --- The Qt model ---------------------------------------------------------------------------

(COL_LAST_NAME, COL_FIRST_NAME, COL_BIRTH_YEAR, COL_MUNICIPALITY, COL_ENSEMBLE,
 COL_INSTRUMENT) = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("MembersModel", "Last name"),
    QT_TRANSLATE_NOOP("MembersModel", "First name"),
    QT_TRANSLATE_NOOP("MembersModel", "Born"),
    QT_TRANSLATE_NOOP("MembersModel", "Municipality"),
    QT_TRANSLATE_NOOP("MembersModel", "Ensemble"),
    QT_TRANSLATE_NOOP("MembersModel", "Instrument"),
)
BLOCK = 200
CACHE_LIMIT = 5000

Index = QModelIndex | QPersistentModelIndex


class MembersModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._ids: list[int] = []
        # None marks a person deleted since the last refresh, so it is not fetched again.
        self._rows: dict[int, MemberRow | None] = {}

    def refresh(self) -> None:
        """Re-read the ids; rows are fetched again when drawn."""
        self.beginResetModel()
        with self._db.sessions() as session:
            self._ids = person_ids(session)
        self._rows.clear()
        self.endResetModel()

    def person_id(self, row: int) -> int:
        return self._ids[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate("MembersModel", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        # Years all have four digits, so they line up left-aligned under their header.
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        return _cell(row, index.column())

    def _row(self, number: int) -> MemberRow | None:
        person_id = self._ids[number]
        if person_id not in self._rows:
            self._fetch_block(number)
        return self._rows.get(person_id)

    def _fetch_block(self, number: int) -> None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = number - number % BLOCK
        block = self._ids[start:start + BLOCK]
        today = self._today or dt.date.today()
        try:
            with self._db.sessions() as session:
                found = rows_for(session, block, today)
        except Exception:
            # Mark the block as fetched, so a failing query is reported once and not again
            # on every repaint.
            self._rows.update(dict.fromkeys(block))
            raise
        self._rows.update({person_id: found.get(person_id) for person_id in block})


def _cell(row: MemberRow, column: int) -> str | None:
    if column == COL_LAST_NAME:
        return row.last_name
    if column == COL_FIRST_NAME:
        return row.first_name
    if column == COL_BIRTH_YEAR:
        return str(row.birth_date.year) if row.birth_date is not None else ""
    if column == COL_MUNICIPALITY:
        return row.municipality or ""
    if column == COL_ENSEMBLE:
        return row.ensemble or ""
    if column == COL_INSTRUMENT:
        return row.instrument or ""
    return None
