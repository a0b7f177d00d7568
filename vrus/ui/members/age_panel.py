"""The age-limit panel for the current season: who ages out after it, who may move up, who
is outside the limits now. Double-click (or Enter) opens the person.

At 10 000 persons the overview takes a few hundred milliseconds, so it is computed in the
thread pool and the lists are filled when it comes back; a result made before the latest
change to the register is thrown away. Nothing is computed until the panel is first shown,
and a change while it is hidden (another tab in front) is read when it is shown again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.clock import Today
from vrus.db.engine import Database
from vrus.member_list import AgeLimitOverview, age_limit_overview
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.labels import instrument_name
from vrus.ui.common.list_model import ListTableModel
from vrus.ui.common.messages import failure_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.stale import RefreshWhenShown
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import read_only_table, wrapped_label
from vrus.ui.members.members_model import PERSON_ID_ROLE, flags_text, flags_tooltip

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_AGE, COL_ENSEMBLE, COL_INSTRUMENT, COL_FLAGS = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("PersonRowsModel", "Name"),
    QT_TRANSLATE_NOOP("PersonRowsModel", "Age"),
    QT_TRANSLATE_NOOP("PersonRowsModel", "Ensemble"),
    QT_TRANSLATE_NOOP("PersonRowsModel", "Instrument"),
    QT_TRANSLATE_NOOP("PersonRowsModel", "Flags"),
)


class PersonRowsModel(ListTableModel):
    """A short list of member rows, already ordered by the core."""

    CONTEXT = "PersonRowsModel"
    HEADERS = HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == PERSON_ID_ROLE:
            return row.person_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_FLAGS and row.flags:
            return flags_tooltip(row.flags)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            row.name,
            "" if row.age is None else str(row.age),
            row.ensemble or "",
            instrument_name(row.instrument),
            flags_text(row.flags),
        )[index.column()]


class AgeLimitPanel(QWidget):
    personActivated = Signal(int)  # noqa: N815 - Qt's naming for signals

    def __init__(
        self, db: Database, changes: RegisterChanges, today: Today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._generation = 0
        self.loading = False
        self.freshness = RefreshWhenShown(self, self.reload, changes, stale=True)
        self.heading = plain_label()
        self.heading.setObjectName("ageHeading")
        self.note = wrapped_label(
            self.tr(
                "Ages are the ages the persons turn this year, as the ensembles count them; the "
                "limits are the ensembles' limits in Settings."
            )
        )
        self.status = plain_label()
        self.status.setObjectName("ageStatus")
        self.models = {
            key: PersonRowsModel(self) for key in ("ages_out", "may_move_up", "outside_limits")
        }
        self.titles = {key: plain_label() for key in self.models}
        self.views: dict[str, QTableView] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, (key, model) in enumerate(self.models.items()):
            view = QTableView()
            view.setObjectName(f"ageList_{key}")
            view.setModel(model)
            read_only_table(view)
            # The ensemble's long name gives way (elided) so no list needs a scroll bar.
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(COL_ENSEMBLE, QHeaderView.ResizeMode.Stretch)
            # Only the third list mixes below and above the limits; it says which.
            view.setColumnHidden(COL_FLAGS, key != "outside_limits")
            # Emitted on double-click and on Enter.
            view.activated.connect(self._activated)
            self.views[key] = view
            title = self.titles[key]
            title.setObjectName(f"ageTitle_{key}")
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            title.setWordWrap(True)  # three lists side by side must fit beside the editor
            grid.addWidget(title, 0, column)
            grid.addWidget(view, 1, column)
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addLayout(grid, 1)
        self._show_titles(None)

    def reload(self) -> None:
        """Compute the overview again, in the thread pool."""
        self._generation += 1
        generation = self._generation
        db, on = self._db, self._today()
        self.loading = True
        self.status.setText(self.tr("Reading the register…"))
        self.status.setVisible(True)

        def work(_progress: Callable[[int, int], None]) -> AgeLimitOverview:
            with db.sessions() as session:
                return age_limit_overview(session, on)

        task = BackgroundTask(work, "age-limit overview")
        task.succeeded.connect(lambda result: self._show(generation, on, result))
        task.failed.connect(lambda error: self._failed(generation, error))
        task.start()

    def _show(self, generation: int, on: dt.date, overview: AgeLimitOverview) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.status.setVisible(False)
        for key, model in self.models.items():
            model.set_rows(getattr(overview, key))
        self._show_titles(on)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.status.setText(failure_text(self.tr("The age limits could not be read."), error))

    def _show_titles(self, on: dt.date | None) -> None:
        year = (on or self._today()).year
        self.heading.setText(self.tr("The {year} season").format(year=year))
        texts = {
            "ages_out": self.tr("Ages out after the season ({count})"),
            "may_move_up": self.tr("May move up ({count})"),
            "outside_limits": self.tr("Outside the age limits now ({count})"),
        }
        for key, text in texts.items():
            self.titles[key].setText(text.format(count=self.models[key].rowCount()))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.personActivated.emit(index.data(PERSON_ID_ROLE))
