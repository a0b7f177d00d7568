"""The person editor: a side panel beside the Members table.

Every field saves itself when the user leaves it (or picks a choice), in its own core call
with the version and the value the editor loaded: if another user saved the same field in
between, the core refuses and the conflict dialog shows both values to choose from (a field
they left alone is saved over their other changes). A refused value stays in its field with
the reason under it, and nothing is saved. There is no Save button.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vrus import clock
from vrus.ages import season_age
from vrus.clock import Today
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import Gender
from vrus.errors import VrusError
from vrus.persons import Change, ConflictError, PersonDetails, person_details
from vrus.reference import municipalities, municipality_shown, organisations
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import note_box_style
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.field_rows import (
    ChoiceField,
    DateField,
    Field,
    NotesField,
    TextField,
)
from vrus.ui.common.labels import gender_label
from vrus.ui.common.messages import error_text, ui_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.members.access_export_button import AccessExportButton
from vrus.ui.members.consents_panel import ConsentsPanel
from vrus.ui.members.guardians_panel import GuardiansPanel
from vrus.ui.members.history_dialog import HistoryDialog
from vrus.ui.members.member_actions import MemberActions
from vrus.ui.members.memberships_panel import MembershipsPanel
from vrus.validation import ValidationError

LABELS = {
    "first_name": QT_TRANSLATE_NOOP("PersonEditor", "First name"),
    "last_name": QT_TRANSLATE_NOOP("PersonEditor", "Last name"),
    "birth_date": QT_TRANSLATE_NOOP("PersonEditor", "Born"),
    "gender": QT_TRANSLATE_NOOP("PersonEditor", "Gender"),
    "municipality_id": QT_TRANSLATE_NOOP("PersonEditor", "Municipality"),
    "culture_school_id": QT_TRANSLATE_NOOP("PersonEditor", "Culture school"),
    "phone": QT_TRANSLATE_NOOP("PersonEditor", "Phone"),
    "email": QT_TRANSLATE_NOOP("PersonEditor", "E-mail"),
    "address": QT_TRANSLATE_NOOP("PersonEditor", "Address"),
    "postal_code": QT_TRANSLATE_NOOP("PersonEditor", "Postal code"),
    "postal_place": QT_TRANSLATE_NOOP("PersonEditor", "Postal town"),
    "diet_note": QT_TRANSLATE_NOOP("PersonEditor", "Diet"),
    "notes": QT_TRANSLATE_NOOP("PersonEditor", "Notes"),
}
CHOICE_FIELDS = ("gender", "municipality_id", "culture_school_id")
# Rows of the form; a pair shares a row (the second with its label beside the first field).
ROWS = (
    ("first_name",),
    ("last_name",),
    ("birth_date", "gender"),
    ("municipality_id",),
    ("culture_school_id",),
    ("phone",),
    ("email",),
    ("address",),
    ("postal_code", "postal_place"),
    ("diet_note",),
    ("notes",),
)
NARROW = {"birth_date": 11, "postal_code": 6}  # width in characters


def field_label(name: str) -> str:
    return QCoreApplication.translate("PersonEditor", LABELS[name])


class PersonEditor(QWidget):
    closed = Signal()

    def __init__(
        self,
        db: Database,
        actions: MemberActions,
        changes: RegisterChanges,
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personEditor")
        self._db = db
        self._actions = actions
        self._today = today
        self.details: PersonDetails | None = None

        self.title = plain_label()
        self.title.setObjectName("editorTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = plain_label()
        self.subtitle.setObjectName("editorSubtitle")
        self.subtitle.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setObjectName("closeEditor")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close the person"))  # not "multiplication sign"
        close.setAutoRaise(True)
        close.clicked.connect(self.closed)
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archiveButton")
        self.archive_button.clicked.connect(self._archive_or_restore)
        self.banner = plain_label()
        self.banner.setObjectName("editorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(note_box_style())
        self.banner.setVisible(False)

        self.fields: dict[str, Field] = {}
        self.guardians = GuardiansPanel(db, changes, actions=actions)
        self.memberships = MembershipsPanel(db, actions, changes, today)
        self.consents = ConsentsPanel(db, changes, today, actions=actions)
        self.access_export = AccessExportButton(db, changes, lambda: self.details)
        self._build(close)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        changes.changed.connect(self.reload)
        changes.personChanged.connect(self._person_changed)

    # --- Building ---------------------------------------------------------------------------

    def _build(self, close: QToolButton) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for names in ROWS:
            for name in names:
                field = self._make_field(name)
                field.committed.connect(self._save)
                self.fields[name] = field
                if name in NARROW:
                    field.editor.setFixedWidth(
                        field.fontMetrics().horizontalAdvance("0") * NARROW[name] + 16
                    )
            first = self.fields[names[0]]
            if len(names) == 1:
                form.addRow(field_label(names[0]), first)
                continue
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(first, 0, Qt.AlignmentFlag.AlignTop)
            second = plain_label(field_label(names[1]))
            row.addWidget(second, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(self.fields[names[1]], 1, Qt.AlignmentFlag.AlignTop)
            second.setFixedHeight(first.editor.sizeHint().height())
            form.addRow(field_label(names[0]), row)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

        details = _group(self.tr("Details"), form)
        guardians = _group(self.tr("Guardians"), self.guardians)
        memberships = _group(self.tr("Memberships"), self.memberships)
        consents = _group(self.tr("Consents"), self.consents)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(12, 8, 12, 12)
        inner.addLayout(header)
        inner.addWidget(self.banner)
        inner.addWidget(details)
        inner.addWidget(guardians)
        inner.addWidget(memberships)
        inner.addWidget(consents)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setObjectName("historyButton")
        self.history_button.setToolTip(
            self.tr("Who changed this person's data, and who printed or exported it")
        )
        self.history_button.clicked.connect(self.show_history)
        # What the register holds and has done about the person: side by side, in one row.
        about = QHBoxLayout()
        about.addWidget(self.history_button)
        about.addWidget(self.access_export)
        about.addStretch(1)
        inner.addLayout(about)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self._scroll = scroll
        self._fit_width()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _make_field(self, name: str) -> Field:
        if name == "birth_date":
            return DateField(name)
        if name in CHOICE_FIELDS:
            return ChoiceField(name)
        if name == "notes":
            return NotesField(name)
        return TextField(name)

    # --- Showing a person -------------------------------------------------------------------

    @property
    def person_id(self) -> int | None:
        return self.details.id if self.details is not None else None

    def open_person(self, person_id: int) -> None:
        self.banner.setVisible(False)
        self.details = None
        self._load(person_id)
        self.fields["first_name"].setFocus()

    def reload(self) -> None:
        if self.details is not None:
            self._load(self.details.id)

    def _person_changed(self, person_id: int) -> None:
        if person_id == self.person_id:
            self.reload()

    def _load(self, person_id: int) -> None:
        today = self._today()
        try:
            with self._db.sessions() as session:
                details = person_details(session, person_id)
                places = municipalities(session, on=today)
                schools = organisations(session, "culture_school")
        except VrusError:
            self.details = None
            self.closed.emit()  # removed meanwhile
            return
        self.details = details
        values = details.values
        choices = {
            "gender": [(gender_label(g), g.value) for g in Gender],
            "municipality_id": [(m.name, m.id) for m in places],
            "culture_school_id": [(s.name, s.id) for s in schools],
        }
        if values["municipality_id"] not in {m.id for m in places}:
            # Today's municipalities for a new choice; a stored older one stays as it is.
            choices["municipality_id"] += self._former_municipality(
                values["municipality_id"], today, {m.name for m in places}
            )
        for name, items in choices.items():
            field = self.fields[name]
            assert isinstance(field, ChoiceField)
            field.set_choices(items)
        for name, field in self.fields.items():
            # Where the user is typing, their text stays, and what they started from: another
            # user's value saved meanwhile is then a conflict when they leave, not overwritten.
            if not (field.editor.hasFocus() and field.changed()):
                field.load(values[name])
        self._show_header(details, today)
        self.guardians.show_person(details.id, details.full_name, details.guardians)
        self.memberships.show_person(details.id, details.full_name)
        self.consents.show_person(details.id, details.full_name, details.guardians)
        self._fit_width()

    def _fit_width(self) -> None:
        # Never narrower than the form needs: the scroll area scrolls only vertically.
        content = self._scroll.widget()
        content.adjustSize()
        self.setMinimumWidth(
            content.minimumSizeHint().width()
            + self._scroll.verticalScrollBar().sizeHint().width()
            + 4
        )

    def _former_municipality(
        self, municipality_id: int | None, today: dt.date, current: set[str]
    ) -> list[tuple[str, int]]:
        """The stored municipality of another time: "Hurum (now Asker)"; one renumbered
        since (Asker 0220) is told from today's of the same name by its last day."""
        if municipality_id is None:
            return []
        with self._db.sessions() as session:
            found = [m for m in municipalities(session) if m.id == municipality_id]
            label = municipality_shown(session, municipality_id, today)
        shown = ui_text(label) if label is not None else ""
        return [
            (
                shown
                if shown not in current
                else self.tr("{name} (until {date})").format(
                    name=m.name, date=format_date(m.valid_to) if m.valid_to else ""
                ),
                m.id,
            )
            for m in found
        ]

    def _show_header(self, details: PersonDetails, today: dt.date) -> None:
        self.title.setText(details.full_name)
        parts = []
        born = details.values["birth_date"]
        if born is not None:
            parts.append(
                self.tr("{age} years in {year}").format(
                    age=season_age(born, today.year), year=today.year
                )
            )
        if details.archived_at is not None:
            parts.append(
                self.tr("Archived {date}").format(
                    date=format_date(clock.local_date(details.archived_at))
                )
            )
            self.archive_button.setText(self.tr("Restore"))
            self.archive_button.setToolTip(self.tr("Bring the person back into the register"))
        else:
            self.archive_button.setText(self.tr("Archive"))
            self.archive_button.setToolTip(
                self.tr("Move the person out of the register; the history is kept (Ctrl+Z undoes)")
            )
        self.subtitle.setText(" · ".join(parts))
        self.subtitle.setVisible(bool(parts))

    # --- Saving -----------------------------------------------------------------------------

    def _save(self, name: str) -> None:
        field = self.fields[name]
        details = self.details
        if details is None:
            return
        if not field.changed():
            field.clear_error()
            return
        description = self.tr("change {field} of {name}").format(
            field=field_label(name).lower(), name=details.full_name
        )
        try:
            self._actions.edit_person(
                details.id,
                {name: field.value()},
                details.version,
                description,
                original={name: field.loaded},
            )
        except ValidationError as error:
            self.fields.get(error.field, field).show_error(error_text(error))
            return
        except ConflictError as conflict:
            self._settle(conflict, field, description)
            return
        except VrusError as error:
            self.show_banner(error_text(error))
            return
        field.clear_error()
        self.banner.setVisible(False)

    def _settle(self, conflict: ConflictError, field: Field, description: str) -> None:
        """Another user saved the same field meanwhile: both values side by side, and the
        user chooses. Keeping theirs shows the person as saved, with a line that says so."""
        name = self.details.full_name if self.details is not None else ""

        def kept(change: Change) -> None:
            field.clear_error()
            self.banner.setVisible(False)
            self._actions.saved(change, description)

        def dropped() -> None:
            self.show_banner(
                self.tr(
                    "{name} was changed by someone else while you were editing; their values "
                    "were kept and are shown."
                ).format(name=name)
            )
            self.reload()

        self.conflict_dialog = settle_conflict(self, self._db, conflict, kept=kept, dropped=dropped)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    def _archive_or_restore(self) -> None:
        details = self.details
        if details is None:
            return
        if details.archived_at is None:
            self._actions.archive(
                [details.id], self.tr("archive {name}").format(name=details.full_name)
            )
        else:
            self._actions.restore(
                details.id, self.tr("restore {name}").format(name=details.full_name)
            )

    def show_history(self) -> None:
        """The audit trail of the person shown (vrus.audit), newest first."""
        details = self.details
        if details is None:
            return
        self.history_dialog = HistoryDialog(self._db, details.id, details.full_name, self)
        self.history_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog.open()


def _group(title: str, content: QWidget | QFormLayout) -> QGroupBox:
    box = QGroupBox(title)
    if isinstance(content, QWidget):
        layout = QVBoxLayout(box)
        layout.addWidget(content)
    else:
        box.setLayout(content)
    return box
