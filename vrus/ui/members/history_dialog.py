"""The person editor's History: what the audit trail holds about one person, newest first.

When (local time), who (the user name), and what: the action, the part of the register and the
names of the fields changed, or what was printed or exported. Never a value: the trail does
not keep any (``vrus.audit``). A person's history is a few hundred rows at most, so it is
read whole when the dialog opens.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableView, QVBoxLayout, QWidget

from vrus import audit
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import AuditAction
from vrus.ui.common.list_model import Index, ListTableModel
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.common.widgets import read_only_table, wrapped_label

CONTEXT = "HistoryDialog"
WHEN, WHO, WHAT = range(3)

_ACTIONS = {
    AuditAction.CREATE.value: QT_TRANSLATE_NOOP("HistoryDialog", "Added"),
    AuditAction.UPDATE.value: QT_TRANSLATE_NOOP("HistoryDialog", "Changed"),
    AuditAction.DELETE.value: QT_TRANSLATE_NOOP("HistoryDialog", "Removed"),
    AuditAction.EXPORT.value: QT_TRANSLATE_NOOP("HistoryDialog", "Exported"),
    AuditAction.PRINT.value: QT_TRANSLATE_NOOP("HistoryDialog", "Printed"),
    AuditAction.ERASE.value: QT_TRANSLATE_NOOP("HistoryDialog", "Erased"),
}
_TABLES = {
    "persons": QT_TRANSLATE_NOOP("HistoryDialog", "details"),
    "guardians": QT_TRANSLATE_NOOP("HistoryDialog", "guardian"),
    "person_guardians": QT_TRANSLATE_NOOP("HistoryDialog", "guardian link"),
    "allergies": QT_TRANSLATE_NOOP("HistoryDialog", "allergy"),
    "person_diets": QT_TRANSLATE_NOOP("HistoryDialog", "diet"),
    "person_instruments": QT_TRANSLATE_NOOP("HistoryDialog", "instrument"),
    "memberships": QT_TRANSLATE_NOOP("HistoryDialog", "membership"),
    "signups": QT_TRANSLATE_NOOP("HistoryDialog", "sign-up"),
    "attendance": QT_TRANSLATE_NOOP("HistoryDialog", "attendance"),
    "volunteer_duties": QT_TRANSLATE_NOOP("HistoryDialog", "volunteer duty"),
    "consents": QT_TRANSLATE_NOOP("HistoryDialog", "consent"),
}
# The columns of the tables above, as the user knows them; an unknown one is shown as it is.
_FIELDS = {
    "first_name": QT_TRANSLATE_NOOP("HistoryDialog", "first name"),
    "last_name": QT_TRANSLATE_NOOP("HistoryDialog", "last name"),
    "birth_date": QT_TRANSLATE_NOOP("HistoryDialog", "birth date"),
    "gender": QT_TRANSLATE_NOOP("HistoryDialog", "gender"),
    "municipality_id": QT_TRANSLATE_NOOP("HistoryDialog", "municipality"),
    "culture_school_id": QT_TRANSLATE_NOOP("HistoryDialog", "culture school"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "phone"),
    "email": QT_TRANSLATE_NOOP("HistoryDialog", "e-mail"),
    "address": QT_TRANSLATE_NOOP("HistoryDialog", "address"),
    "postal_code": QT_TRANSLATE_NOOP("HistoryDialog", "postal code"),
    "postal_place": QT_TRANSLATE_NOOP("HistoryDialog", "postal town"),
    "diet_note": QT_TRANSLATE_NOOP("HistoryDialog", "diet note"),
    "photo_consent": QT_TRANSLATE_NOOP("HistoryDialog", "photos"),
    "notes": QT_TRANSLATE_NOOP("HistoryDialog", "notes"),
    "archived_at": QT_TRANSLATE_NOOP("HistoryDialog", "archived"),
    "erased_at": QT_TRANSLATE_NOOP("HistoryDialog", "erased"),
    "guardian_id": QT_TRANSLATE_NOOP("HistoryDialog", "guardian"),
    "relation": QT_TRANSLATE_NOOP("HistoryDialog", "relation"),
    "sort_order": QT_TRANSLATE_NOOP("HistoryDialog", "order"),
    "allergen": QT_TRANSLATE_NOOP("HistoryDialog", "allergen"),
    "severity": QT_TRANSLATE_NOOP("HistoryDialog", "severity"),
    "note": QT_TRANSLATE_NOOP("HistoryDialog", "note"),
    "diet": QT_TRANSLATE_NOOP("HistoryDialog", "diet"),
    "instrument_id": QT_TRANSLATE_NOOP("HistoryDialog", "instrument"),
    "is_main": QT_TRANSLATE_NOOP("HistoryDialog", "main instrument"),
    "ensemble_id": QT_TRANSLATE_NOOP("HistoryDialog", "ensemble"),
    "start_date": QT_TRANSLATE_NOOP("HistoryDialog", "joined"),
    "end_date": QT_TRANSLATE_NOOP("HistoryDialog", "left"),
    "end_reason": QT_TRANSLATE_NOOP("HistoryDialog", "reason for leaving"),
    "end_note": QT_TRANSLATE_NOOP("HistoryDialog", "leaving note"),
    "section": QT_TRANSLATE_NOOP("HistoryDialog", "section"),
    "event_id": QT_TRANSLATE_NOOP("HistoryDialog", "event"),
    "attending": QT_TRANSLATE_NOOP("HistoryDialog", "answer"),
    "wants_lunch": QT_TRANSLATE_NOOP("HistoryDialog", "lunch"),
    "event_day_id": QT_TRANSLATE_NOOP("HistoryDialog", "day"),
    "status": QT_TRANSLATE_NOOP("HistoryDialog", "status"),
    "task": QT_TRANSLATE_NOOP("HistoryDialog", "task"),
    "kind": QT_TRANSLATE_NOOP("HistoryDialog", "kind"),
    "given_by_guardian_id": QT_TRANSLATE_NOOP("HistoryDialog", "given by guardian"),
    "given_by_self": QT_TRANSLATE_NOOP("HistoryDialog", "given by the member"),
    "given_on": QT_TRANSLATE_NOOP("HistoryDialog", "given on"),
    "withdrawn_on": QT_TRANSLATE_NOOP("HistoryDialog", "withdrawn on"),
    "text_version": QT_TRANSLATE_NOOP("HistoryDialog", "text version"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _known(labels: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    text = labels.get(code)
    return _tr(text) if text else code


def when_text(stored: dt.datetime) -> str:
    """A stored (UTC) time as the local 'dd.mm.yyyy HH:MM'."""
    local = stored.replace(tzinfo=dt.UTC).astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def what_text(entry: audit.HistoryEntry) -> str:
    """'Changed details: phone, notes'; 'Printed: lunch sheet PDF, event 12'."""
    action = _known(_ACTIONS, entry.action)
    table = _known(_TABLES, entry.table_name)
    head = f"{action} {table}" if table else action
    fields = ", ".join(_known(_FIELDS, name) for name in entry.fields)
    # ``what`` is the core's own short description of a print, an export or an import
    # (never personal); it is shown as written.
    parts = [part for part in (entry.what, fields) if part]
    return f"{head}: {'; '.join(parts)}" if parts else head


class HistoryModel(ListTableModel):
    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryDialog", "When"),
        QT_TRANSLATE_NOOP("HistoryDialog", "Who"),
        QT_TRANSLATE_NOOP("HistoryDialog", "What"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry: audit.HistoryEntry = self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, index.column())
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    @staticmethod
    def _text(entry: audit.HistoryEntry, column: int) -> str:
        if column == WHEN:
            return when_text(entry.at)
        if column == WHO:
            return entry.actor
        return what_text(entry)


class HistoryDialog(QDialog):
    """The audit trail of one person, newest first."""

    def __init__(
        self, db: Database, person_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of {name}").format(name=name))
        self.resize(720, 420)
        self._db = db
        self._person_id = person_id
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        read_only_table(self.table)
        self.note = wrapped_label("")
        self.note.setObjectName("historyNote")
        self.empty = wrapped_label(self.tr("Nothing is recorded about this person."))
        self.empty.setObjectName("historyEmpty")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self._db.sessions() as session:
            entries = audit.history(session, self._person_id)
            days = audit.keep_days(session)
        self.model.set_rows(entries)
        self.note.setText(
            self.tr(
                "Who changed this person's data, and who printed or exported their health "
                "data. Only the names of the fields are kept, never what was in them. Entries "
                "are kept for {days} days."
            ).format(days=days)
        )
        self.empty.setVisible(not entries)
        header = self.table.horizontalHeader()
        for column in (WHEN, WHO):
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, header.sectionSize(column) + 16)

    def entry_text(self, row: int) -> list[str]:
        """The row as shown (for tests and the clipboard)."""
        return [str(self.model.data(self.model.index(row, c))) for c in range(3)]
