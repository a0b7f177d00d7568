"""A person's consents in the editor: the records (what, given by, given on, withdrawn on,
text version), whether photos are allowed today, and the actions record and withdraw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.clock import Today
from vrus.consents import ConsentRecord, person_consents, record_consent, withdraw_consent
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import ConsentKind
from vrus.persons import GuardianInfo
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import MUTED, WARNING, brush, text_style
from vrus.ui.common.form_dialog import FormDialog, open_dialog
from vrus.ui.common.list_model import ListTableModel
from vrus.ui.common.plain_text import plain_label, plain_tooltip
from vrus.ui.common.widgets import read_only_table
from vrus.ui.members.consent_dialog import (
    AddConsentDialog,
    WithdrawConsentDialog,
    kind_hint,
    kind_label,
    text_version_label,
)
from vrus.ui.members.member_actions import MemberActions
from vrus.undo import Scope

Index = QModelIndex | QPersistentModelIndex


class ConsentsModel(ListTableModel):
    """The records of one person, the latest given first; withdrawn ones greyed."""

    CONTEXT = "ConsentsModel"
    # Short headings: five columns share the editor's width with the giver's name.
    HEADERS = (
        QT_TRANSLATE_NOOP("ConsentsModel", "Consent"),
        QT_TRANSLATE_NOOP("ConsentsModel", "Given by"),
        QT_TRANSLATE_NOOP("ConsentsModel", "Given"),
        QT_TRANSLATE_NOOP("ConsentsModel", "Withdrawn"),
        QT_TRANSLATE_NOOP("ConsentsModel", "Version"),  # of the consent text
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record: ConsentRecord = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(record, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and record.withdrawn_on is not None:
            return brush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, index.column())
        return None

    def _tooltip(self, record: ConsentRecord, column: int) -> str | None:
        if column == 0:
            return kind_hint(record.kind)
        if column == 2 and record.given_on is None:
            return self.tr("Carried over without a date: counts as given")
        if column in (1, 4):  # may be elided
            return plain_tooltip(self._cell(record, column))
        return None

    def _cell(self, record: ConsentRecord, column: int) -> str:
        if column == 0:
            return kind_label(record.kind)
        if column == 1:
            if record.given_by_self:
                return self.tr("The member")
            return record.given_by_guardian or self.tr("Not known")
        if column == 2:
            return format_date(record.given_on) if record.given_on else "—"
        if column == 3:
            return format_date(record.withdrawn_on) if record.withdrawn_on else ""
        return text_version_label(record.text_version)


class ConsentsPanel(QWidget):
    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        today: Today,
        parent: QWidget | None = None,
        *,
        actions: MemberActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._today = today
        self._actions = actions  # the undo stack's; without them nothing is undoable
        self._person_id: int | None = None
        self._name = ""
        self._guardians: tuple[GuardianInfo, ...] = ()
        self.dialog: FormDialog | None = None  # the one open, for tests and focus

        self.summary = plain_label()
        self.summary.setObjectName("consentSummary")
        self.summary.setWordWrap(True)
        self.model = ConsentsModel(self)
        self.table = QTableView()
        self.table.setObjectName("consentTable")
        self.table.setModel(self.model)
        read_only_table(self.table)  # the look of every list in VRUS
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the giver's name
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add consent…"))
        self.add_button.setObjectName("addConsent")
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.setToolTip(self.tr("The chosen consent no longer holds"))
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_person(self, person_id: int, name: str, guardians: tuple[GuardianInfo, ...]) -> None:
        current = self.current()
        self._person_id, self._name, self._guardians = person_id, name, guardians
        with self._db.sessions() as session:
            records = person_consents(session, person_id)
        self.model.set_rows(records)
        if current is not None:
            for row, record in enumerate(records):
                if record.id == current.id:
                    self.table.selectRow(row)
        self._show_summary(records, self._today())
        rows = max(len(records), 2)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 4
        )
        self._update_buttons()

    def _show_summary(self, records: list[ConsentRecord], today: dt.date) -> None:
        held = [
            kind
            for kind in ConsentKind
            if any(r.kind is kind and r.in_force(today) for r in records)
        ]
        if ConsentKind.PHOTO not in held:
            self.summary.setText(
                self.tr("No photo consent in force: keep {name} out of published photos.").format(
                    name=self._name
                )
            )
            self.summary.setStyleSheet(text_style(WARNING, bold=True))
        else:
            self.summary.setText(
                self.tr("In force today: {consents}.").format(
                    consents=", ".join(kind_label(kind) for kind in held)
                )
            )
            self.summary.setStyleSheet("")

    def current(self) -> ConsentRecord | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _update_buttons(self, *_args: object) -> None:
        record = self.current()
        self.withdraw_button.setEnabled(record is not None and record.withdrawn_on is None)

    # --- Actions ----------------------------------------------------------------------------

    def _record(self, description: str, action: Callable[[], object], person_id: int) -> None:
        """One undoable step on the Members page's stack (just the action without one)."""
        if self._actions is None:
            action()
        else:
            self._actions.record(description, action, Scope([person_id]))

    def add(self) -> None:
        person_id = self._person_id
        if person_id is None:
            return
        today = self._today()
        dialog = AddConsentDialog(self._name, self._guardians, today, parent=self)

        def save() -> None:
            kind, guardian_id = dialog.chosen_kind(), dialog.guardian_id()
            by_member, given_on = dialog.by_member(), dialog.given_on_date()
            text_version = dialog.text_version.text()
            self._record(
                self.tr("new consent for {name}").format(name=self._name),
                lambda: record_consent(
                    self._db,
                    person_id,
                    kind,
                    given_by_guardian_id=guardian_id,
                    given_by_self=by_member,
                    given_on=given_on,
                    text_version=text_version,
                    today=today,
                ),
                person_id,
            )
            self._changes.personChanged.emit(person_id)

        self.dialog = open_dialog(dialog, save)

    def withdraw(self) -> None:
        record = self.current()
        person_id = self._person_id
        if record is None or person_id is None or record.withdrawn_on is not None:
            return
        today = self._today()
        dialog = WithdrawConsentDialog(
            kind_label(record.kind).lower(), self._name, today, parent=self
        )

        def save() -> None:
            day = dialog.withdrawn_on_date()
            self._record(
                self.tr("withdrawal of {name}'s consent").format(name=self._name),
                lambda: withdraw_consent(self._db, record.id, day, today=today),
                person_id,
            )
            self._changes.personChanged.emit(person_id)

        self.dialog = open_dialog(dialog, save)
