"""The Members table: a model over the persons in the register that keeps only their ids.

The ordered ids come from the core (``vrus.member_index.MemberIndex``: a snapshot of the
register in memory that follows its change journal, filtered, sorted and searched in Python
without a query); the rows are fetched in blocks when the view draws them (after Anki's
browser table), so a register of 100 000 persons opens, searches and sorts without loading
every row. There is no proxy model over the rows.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from sqlalchemy.orm import Session

from vrus import clock
from vrus.ages import AgeFlag
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.member_index import FullRead, Snapshot, read_everything
from vrus.member_list import (
    MemberFilter,
    MemberIndex,
    MemberRow,
    SortColumn,
    count_persons,
    rows_for,
)
from vrus.ui.common.colours import CAUTION, INFO, WARNING, Tone, brush, shade
from vrus.ui.common.labels import (
    flag_label,
    instrument_name,
    member_status_label,
    section_label,
)
from vrus.ui.common.messages import ui_text
from vrus.ui.common.tasks import BackgroundTask

# The flags stand next to the age they follow from, where they are seen without scrolling;
# "No photos" beside them, for the same reason.
(
    COL_LAST_NAME,
    COL_FIRST_NAME,
    COL_AGE,
    COL_FLAGS,
    COL_PHOTOS,
    COL_ENSEMBLE,
    COL_INSTRUMENT,
    COL_SECTION,
    COL_MUNICIPALITY,
    COL_CULTURE_SCHOOL,
    COL_STATUS,
) = range(11)
HEADERS = (
    QT_TRANSLATE_NOOP("MembersModel", "Last name"),
    QT_TRANSLATE_NOOP("MembersModel", "First name"),
    QT_TRANSLATE_NOOP("MembersModel", "Age"),
    QT_TRANSLATE_NOOP("MembersModel", "Flags"),
    QT_TRANSLATE_NOOP("MembersModel", "Photos"),
    QT_TRANSLATE_NOOP("MembersModel", "Ensemble"),
    QT_TRANSLATE_NOOP("MembersModel", "Instrument"),
    QT_TRANSLATE_NOOP("MembersModel", "Section"),
    QT_TRANSLATE_NOOP("MembersModel", "Municipality"),
    QT_TRANSLATE_NOOP("MembersModel", "Culture school"),
    QT_TRANSLATE_NOOP("MembersModel", "Status"),
)
SORT_COLUMNS = (
    SortColumn.NAME,
    SortColumn.FIRST_NAME,
    SortColumn.AGE,
    SortColumn.FLAGS,
    SortColumn.PHOTOS,
    SortColumn.ENSEMBLE,
    SortColumn.INSTRUMENT,
    SortColumn.SECTION,
    SortColumn.MUNICIPALITY,
    SortColumn.CULTURE_SCHOOL,
    SortColumn.STATUS,
)
BLOCK = 200
# Persons from which the register is read whole in another thread (about 0.2 s and more).
BACKGROUND_FROM = 20_000
CACHE_LIMIT = 5000
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole

# Most urgent first, in a cell and in the colour it gets.
FLAG_ORDER = (AgeFlag.ABOVE_MAXIMUM, AgeFlag.BELOW_MINIMUM, AgeFlag.AGES_OUT, AgeFlag.MAY_MOVE_UP)
# Light and dark shades (vrus.ui.common.colours): the flags stay clear on a dark palette.
FLAG_COLOURS = {
    AgeFlag.ABOVE_MAXIMUM: WARNING,
    AgeFlag.BELOW_MINIMUM: WARNING,
    AgeFlag.AGES_OUT: Tone("#b26a00", CAUTION.dark),  # a dot only: its text is not amber
    AgeFlag.MAY_MOVE_UP: INFO,
}
WARNINGS = {AgeFlag.ABOVE_MAXIMUM, AgeFlag.BELOW_MINIMUM}
NO_PHOTOS_COLOUR = WARNING
# What each flag means and why it is raised: its tooltip, wherever a flag is shown.
FLAG_EXPLANATIONS = {
    AgeFlag.ABOVE_MAXIMUM: QT_TRANSLATE_NOOP(
        "MembersModel",
        "Older this year than the ensemble's upper age limit. The ensemble is for younger "
        "players: end the membership, or move the person up to the next ensemble.",
    ),
    AgeFlag.BELOW_MINIMUM: QT_TRANSLATE_NOOP(
        "MembersModel",
        "Younger this year than the ensemble's lower age limit. Check the birth date, and "
        "whether the person should play in an ensemble for younger players.",
    ),
    AgeFlag.AGES_OUT: QT_TRANSLATE_NOOP(
        "MembersModel",
        "Turns the ensemble's upper age limit this year: this is the last season in the "
        "ensemble. Plan who takes over the place, and whether the person moves up.",
    ),
    AgeFlag.MAY_MOVE_UP: QT_TRANSLATE_NOOP(
        "MembersModel",
        "Old enough this year for the next ensemble up (the juniors' next one is the "
        "orchestra). Moving up is done in the person's Memberships: Move up.",
    ),
}

Index = QModelIndex | QPersistentModelIndex


def ordered_flags(flags: frozenset[AgeFlag]) -> list[AgeFlag]:
    return [flag for flag in FLAG_ORDER if flag in flags]


def flags_text(flags: frozenset[AgeFlag]) -> str:
    return ", ".join(flag_label(flag) for flag in ordered_flags(flags))


def flag_explanation(flag: AgeFlag) -> str:
    """What ``flag`` means and why it is raised, in the window's language."""
    return QCoreApplication.translate("MembersModel", FLAG_EXPLANATIONS[flag])


def flags_tooltip(flags: frozenset[AgeFlag]) -> str:
    """Each flag with its explanation; rich text, so that a long explanation wraps."""
    return "".join(
        f"<p><b>{html.escape(flag_label(flag), quote=False)}</b><br>"
        f"{html.escape(flag_explanation(flag), quote=False)}</p>"
        for flag in ordered_flags(flags)
    )


def flags_header_tooltip() -> str:
    return QCoreApplication.translate(
        "MembersModel",
        "Age flags, from the ensemble's age limits (Settings, Ensembles) and the age the "
        "person turns this year. Red: outside the limits. Amber: ages out after the season. "
        "Blue: may move up. Point at a flag to see what it means.",
    )


_dots: dict[str, QIcon] = {}


def flag_icon(flag: AgeFlag) -> QIcon:
    """A coloured dot, so a warning stands out before its text is read."""
    colour = shade(FLAG_COLOURS[flag])
    if colour not in _dots:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _dots[colour] = QIcon(pixmap)
    return _dots[colour]


class MembersModel(QAbstractTableModel):
    listed = Signal()  # the listing follows the register again
    reading = Signal()  # the register is being read whole in another thread
    failed = Signal(object)  # reading it failed: the exception

    def __init__(self, db: Database, parent=None, today: dt.date | Today | None = None) -> None:
        super().__init__(parent)
        self._db = db
        if isinstance(today, dt.date):
            fixed = today
            self._today: Today = lambda: fixed
        else:
            self._today = today or clock.today
        self._index = MemberIndex()
        self._filter = MemberFilter(status=None)
        self._order = SortColumn.NAME
        self._descending = False
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        # None marks a person deleted since the last refresh, so it is not fetched again.
        self._rows: dict[int, MemberRow | None] = {}
        self._generation = 0  # of the latest read in another thread
        self._started = False  # listed nothing yet: the window lists after its first paint

    # --- What is listed ---------------------------------------------------------------------

    def refresh(self) -> None:
        """The register changed: follow it. The rows of the persons changed are fetched
        again when drawn; when the listing is the same, the view is not reset (it keeps its
        selection and scroll position) and only the changed rows are redrawn. Reading a
        large register whole (the first time, or after a change to the ensembles) happens
        in another thread; ``listed`` says when the listing follows the register again."""
        self._started = True
        self._index.invalidate()
        on, erased = self._today(), self._filter.include_erased
        with self._db.sessions() as session:
            if not self._index.follow(session, on, erased, everything=self._small(session)):
                self._read_in_background(on, erased)
                return
        self._show_followed()
        self.listed.emit()

    def _small(self, session: Session) -> bool:
        """Small enough to read whole on the GUI thread without the window stalling."""
        snapshot = self._index.snapshot
        known = (
            len(snapshot.persons)
            if snapshot is not None
            else count_persons(session, include_archived=True)
        )
        return known < BACKGROUND_FROM

    def _show_followed(self) -> None:
        ids = self._ids_now()
        changed = self._index.changed
        if changed is None:
            self._rows.clear()
        else:
            for person_id in changed:
                self._rows.pop(person_id, None)
        if ids != self._ids:
            self._reset(ids)
            return
        if changed is None:  # everything was read: every row may look different
            if ids:
                last = self.index(len(ids) - 1, len(HEADERS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        for person_id in changed:
            row = self.row_of(person_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _read_in_background(self, on: dt.date, include_erased: bool) -> None:
        self._generation += 1
        generation = self._generation
        self._index.hold()  # searching and sorting go on over what is listed
        self.reading.emit()
        db = self._db

        def work(_progress: object) -> FullRead:
            with db.sessions() as session:
                return read_everything(session, on, include_erased)

        task = BackgroundTask(work, "member listing")
        task.succeeded.connect(lambda read: self._installed(generation, read))
        task.failed.connect(lambda error: self._failed(generation, error))
        task.start()

    def _installed(self, generation: int, read: FullRead) -> None:
        if generation != self._generation:
            return  # a later read is under way
        self._index.install(read)
        # Changes committed while it was read are in the journal after its place.
        self.refresh()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(error)

    @property
    def is_reading(self) -> bool:
        return self._index.holding

    def set_filter(self, flt: MemberFilter) -> None:
        """Show the persons matching ``flt``; fetched rows are kept, only the ids change."""
        self._filter = flt
        self._reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_COLUMNS):
            return
        self._order = SORT_COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._reload()

    def redraw_person(self, person_id: int) -> None:
        """One person's details changed: fetch their row again, keep the order."""
        self._index.invalidate()  # the next search or sort sees the change
        self._rows.pop(person_id, None)
        row = self.row_of(person_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _reload(self) -> None:
        if self._started:  # before the first refresh, a filter or an order is only kept
            self._reset(self._ids_now())

    def _ids_now(self) -> list[int]:
        return self._index.member_ids(
            self._db.sessions, self._filter, self._today(), self._order, self._descending
        )

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows_of = None
        self.endResetModel()

    @property
    def snapshot(self) -> Snapshot:
        """Everyone the listings choose from (after the first listing)."""
        snapshot = self._index.snapshot
        assert snapshot is not None, "list first"
        return snapshot

    @property
    def changed(self) -> set[int] | None:
        """Who the last refresh found changed; None when everything was read."""
        return self._index.changed

    # --- Looking up ---------------------------------------------------------------------------

    def person_id(self, row: int) -> int:
        return self._ids[row]

    def person_ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, person_id: int) -> int | None:
        if self._rows_of is None:
            self._rows_of = {pid: number for number, pid in enumerate(self._ids)}
        return self._rows_of.get(person_id)

    def member_row(self, row: int) -> MemberRow | None:
        return self._row(row)

    # --- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MembersModel", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_AGE:
            return QCoreApplication.translate(
                "MembersModel", "The age the person turns in {year}, as ensembles count"
            ).format(year=self._today().year)
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_FLAGS:
            return flags_header_tooltip()
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_PHOTOS:
            return QCoreApplication.translate(
                "MembersModel", "Persons without a photo consent in force today"
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == PERSON_ID_ROLE:
            return self._ids[index.row()]
        if role not in _ROLES:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, column)
        if column == COL_FLAGS and row.flags:
            return _flag_decoration(row, role)
        if column == COL_PHOTOS and row.no_photos:
            return _no_photos_decoration(role)
        if column == COL_STATUS and role == Qt.ItemDataRole.FontRole and row.status != "active":
            font = QFont()
            font.setItalic(True)
            return font
        return None

    # --- Fetching rows when drawn ------------------------------------------------------------

    def _row(self, number: int) -> MemberRow | None:
        person_id = self._ids[number]
        if person_id not in self._rows:
            self._fetch_block(number)
        return self._rows.get(person_id)

    def _fetch_block(self, number: int) -> None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = number - number % BLOCK
        block = [pid for pid in self._ids[start : start + BLOCK] if pid not in self._rows]
        try:
            with self._db.sessions() as session:
                found = rows_for(session, block, self._today())
        except Exception:
            # Mark the block as fetched, so a failing query is reported once and not again
            # on every repaint.
            self._rows.update(dict.fromkeys(block))
            raise
        self._rows.update({person_id: found.get(person_id) for person_id in block})


_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
}


def _flag_decoration(row: MemberRow, role: int) -> object:
    flags = ordered_flags(row.flags)
    if role == Qt.ItemDataRole.DecorationRole:
        return flag_icon(flags[0])
    if role == Qt.ItemDataRole.ForegroundRole and flags[0] in WARNINGS:
        return brush(FLAG_COLOURS[flags[0]])
    if role == Qt.ItemDataRole.ToolTipRole:
        return flags_tooltip(row.flags)
    return None


def no_photos_text() -> str:
    return QCoreApplication.translate("MembersModel", "No photos")


def _no_photos_decoration(role: int) -> object:
    if role == Qt.ItemDataRole.ForegroundRole:
        return brush(NO_PHOTOS_COLOUR)
    if role == Qt.ItemDataRole.ToolTipRole:
        return QCoreApplication.translate(
            "MembersModel",
            "No photo consent is in force: keep the person out of photos that are published",
        )
    return None


_CELLS: tuple[Callable[[MemberRow], str], ...] = (
    lambda row: row.last_name,
    lambda row: row.first_name,
    lambda row: "" if row.age is None else str(row.age),
    lambda row: flags_text(row.flags),
    lambda row: no_photos_text() if row.no_photos else "",
    lambda row: row.ensemble or "",
    lambda row: instrument_name(row.instrument),
    lambda row: section_label(row.section),
    # "Hurum (now Asker)": the register keeps the municipality that was given.
    lambda row: ui_text(row.municipality_label or ""),
    lambda row: row.culture_school or "",
    lambda row: member_status_label(row.status),
)


def _cell(row: MemberRow, column: int) -> str | None:
    return _CELLS[column](row) if 0 <= column < len(_CELLS) else None
