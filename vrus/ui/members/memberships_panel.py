"""A person's memberships in the editor: the current ones with their instrument, the history,
and the actions start, end and move up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrus.clock import Today
from vrus.conflicts import ConflictError
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.memberships import (
    MembershipInfo,
    end_membership,
    membership_history,
    move_up,
    move_up_target,
    start_membership,
)
from vrus.reference import EnsembleRow, InstrumentRow, ensembles, instruments
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.confirm import ask
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.field_rows import error_label
from vrus.ui.common.form_dialog import FormDialog, open_dialog
from vrus.ui.common.labels import end_reason_label, instrument_name, remember_instruments
from vrus.ui.common.messages import error_text
from vrus.ui.common.plain_text import plain_label, plain_tooltip
from vrus.ui.common.widgets import chain_focus, focus_before
from vrus.ui.members.member_actions import MemberActions
from vrus.ui.members.membership_dialogs import EndMembershipDialog, StartMembershipDialog
from vrus.undo import Scope


class MembershipsPanel(QWidget):
    def __init__(
        self,
        db: Database,
        actions: MemberActions,
        changes: RegisterChanges,
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actions = actions
        self._changes = changes
        self._today = today
        self._person_id: int | None = None
        self._name = ""
        self._history: list[MembershipInfo] = []
        self.dialog: FormDialog | None = None
        self.instrument_combos: dict[int, QComboBox] = {}  # membership id -> combo
        self._running: list[MembershipInfo] = []
        self._instruments: list[InstrumentRow] = []
        self._ensembles: list[EnsembleRow] = []

        self.current = QGridLayout()
        self.current.setColumnStretch(0, 1)
        self.start_button = QPushButton(self.tr("Start membership…"))
        self.start_button.setObjectName("startMembership")
        self.start_button.clicked.connect(self.start)
        self.move_up_button = QPushButton(self.tr("Move up…"))
        self.move_up_button.setObjectName("moveUp")
        self.move_up_button.clicked.connect(self.move_up)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.move_up_button)
        buttons.addStretch(1)
        self.error = error_label()

        self.history = QTableWidget(0, 5)
        self.history.setObjectName("membershipHistory")
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Ensemble"),
                self.tr("Instrument"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Reason"),
            ]
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setTabKeyNavigation(False)  # Tab goes on; nothing here is chosen or edited
        self.history.setShowGrid(False)
        self.history.setWordWrap(False)
        # The ensemble's name gives way (elided) so the dates and the reason stay in view.
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.history.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.current)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.history)

    def show_person(self, person_id: int, name: str) -> None:
        self._person_id, self._name = person_id, name
        today = self._today()
        with self._db.sessions() as session:
            self._history = membership_history(session, person_id, today)
            target = move_up_target(session, person_id, today)
            self._instruments = instruments(session)
            self._ensembles = ensembles(session)
        remember_instruments(self._instruments)
        self.error.setVisible(False)
        self._show_current()
        self._show_history()
        self.move_up_button.setEnabled(target is not None)
        self.move_up_button.setToolTip(
            self.tr("From {low} to {high}").format(low=target[0], high=target[1])
            if target
            else self.tr("Only a member of an ensemble with a next one up can move up")
        )

    def _show_current(self) -> None:
        running = [m for m in self._history if m.active and m.end_date is None]
        if [m.id for m in running] == list(self.instrument_combos) and running:
            # The same memberships: update in place, so the list the user just changed
            # keeps the focus (Ctrl+Z right after works on it).
            for membership in running:
                combo = self.instrument_combos[membership.id]
                combo.setCurrentIndex(max(combo.findData(membership.instrument_id), 0))
            self._running = running
            return
        leaving = []
        while self.current.count():
            item = self.current.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
                leaving.append(item.widget())
        self.instrument_combos.clear()
        self._running = running
        if not running:
            self.current.addWidget(plain_label(self.tr("No current membership.")), 0, 0)
        for row, membership in enumerate(running):
            label = plain_label(
                self.tr("{ensemble}, since {date}").format(
                    ensemble=membership.ensemble, date=format_date(membership.start_date)
                )
            )
            label.setWordWrap(True)
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            combo.setObjectName(f"instrument_{membership.id}")
            combo.setToolTip(
                self.tr("The instrument played in {ensemble}").format(ensemble=membership.ensemble)
            )
            combo.addItem("—", None)
            for instrument in self._instruments:
                combo.addItem(instrument_name(instrument), instrument.id)
            combo.setCurrentIndex(max(combo.findData(membership.instrument_id), 0))
            combo.activated.connect(
                lambda _i, mid=membership.id, c=combo: self._instrument_chosen(mid, c.currentData())
            )
            end = QPushButton(self.tr("End…"))
            end.setObjectName(f"end_{membership.id}")
            end.clicked.connect(lambda _checked=False, mid=membership.id: self.end(mid))
            self.current.addWidget(label, row, 0)
            self.current.addWidget(combo, row, 1)
            self.current.addWidget(end, row, 2)
            self.instrument_combos[membership.id] = combo
        # New widgets join the end of the window's Tab order; put them where they are seen,
        # between what comes before the memberships and the buttons under them.
        anchor = focus_before(self.start_button, leaving)
        rows = [w for row in range(len(running)) for w in self._row_widgets(row)]
        if anchor is not None and rows:
            chain_focus(anchor, *rows, self.start_button)

    def _row_widgets(self, row: int) -> list[QWidget]:
        return [self.current.itemAtPosition(row, column).widget() for column in (1, 2)]

    def _running_membership(self, membership_id: int) -> MembershipInfo | None:
        return next((m for m in self._running if m.id == membership_id), None)

    def _show_history(self) -> None:
        self.history.setRowCount(len(self._history))
        for row, m in enumerate(self._history):
            cells = [
                m.ensemble,
                instrument_name(m.instrument),
                format_date(m.start_date),
                format_date(m.end_date) if m.end_date else "",
                end_reason_label(m.end_reason),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4 and m.end_note:
                    item.setToolTip(plain_tooltip(m.end_note))
                self.history.setItem(row, column, item)
        height = self.history.horizontalHeader().sizeHint().height() + 4
        height += max(len(self._history), 1) * self.history.verticalHeader().defaultSectionSize()
        self.history.setFixedHeight(height)

    # --- Actions ----------------------------------------------------------------------------

    def _instrument_chosen(self, membership_id: int, instrument_id: int | None) -> None:
        membership = self._running_membership(membership_id)
        if (
            membership is None
            or instrument_id == membership.instrument_id
            or self._person_id is None
        ):
            return
        person_id = self._person_id
        description = self.tr("change the instrument of {name}").format(name=self._name)
        try:
            self._actions.change_instrument(
                person_id,
                membership.id,
                instrument_id,
                description,
                version=membership.version,
                shown=membership.instrument_id,
            )
        except ConflictError as conflict:

            def kept(previous: int | None) -> None:
                self._actions.instrument_saved(
                    person_id, membership.id, previous, instrument_id, description
                )

            self.conflict_dialog = settle_conflict(
                self, self._db, conflict, kept=kept, dropped=self._reread
            )
        except VrusError as error:
            self._show_error(error)

    def start(self) -> None:
        person_id = self._person_id
        current = next((m.instrument_id for m in self._history if m.instrument_id), None)
        dialog = StartMembershipDialog(
            self._name, self._ensembles, self._instruments, self._today(), current, parent=self
        )

        def save() -> None:
            ensemble_id = dialog.ensemble.currentData()
            instrument_id = dialog.instrument.currentData()
            start = dialog.start_date()
            self._actions.record(
                self.tr("start of {name}'s membership of {ensemble}").format(
                    name=self._name, ensemble=dialog.ensemble.currentText()
                ),
                lambda: start_membership(self._db, person_id, ensemble_id, instrument_id, start),
                Scope([person_id]),
            )
            self._changes.changed.emit()

        self.dialog = open_dialog(dialog, save)

    def end(self, membership_id: int) -> None:
        membership = self._running_membership(membership_id)
        if membership is None:
            return
        dialog = EndMembershipDialog(self._name, membership.ensemble, self._today(), parent=self)
        person_id = self._person_id
        description = self.tr("end of {name}'s membership of {ensemble}").format(
            name=self._name, ensemble=membership.ensemble
        )

        def save() -> None:
            end, reason, note = dialog.end_date(), dialog.reason.currentData(), dialog.note.text()
            try:
                self._actions.record(
                    description,
                    lambda: end_membership(
                        self._db,
                        membership.id,
                        end,
                        reason,
                        note,
                        expected_version=membership.version,
                    ),
                    Scope([person_id]),
                )
            except ConflictError as conflict:
                # The form closes; the question which end to keep takes over (and keeping
                # this end is the step to undo).
                self.conflict_dialog = settle_conflict(
                    self,
                    self._db,
                    self._actions.recorded(conflict, description, Scope([person_id])),
                    kept=lambda _: self._changes.changed.emit(),
                    dropped=self._changes.changed.emit,
                )
                return
            self._changes.changed.emit()

        self.dialog = open_dialog(dialog, save)

    def move_up(self) -> None:
        if self._person_id is None:
            return
        today = self._today()
        with self._db.sessions() as session:
            target = move_up_target(session, self._person_id, today)
        if target is None:
            return
        if not ask(
            self,
            self.tr("Move up"),
            self.tr(
                "Move {name} up from {low} to {high}? The membership of {low} ends on {date} "
                "and the one in {high} starts the same day."
            ).format(name=self._name, low=target[0], high=target[1], date=format_date(today)),
            self.tr("Move up"),
        ):
            return
        person_id = self._person_id
        try:
            self._actions.record(
                self.tr("move of {name} up").format(name=self._name),
                lambda: move_up(self._db, person_id, today),
                Scope([person_id]),
            )
        except VrusError as error:
            self._show_error(error)
            return
        self._changes.changed.emit()

    def _reread(self) -> None:
        """Show the register's values again (another user's, kept)."""
        if self._person_id is not None:
            self._changes.personChanged.emit(self._person_id)

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.error.setVisible(True)
