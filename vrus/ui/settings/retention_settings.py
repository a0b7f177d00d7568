"""Settings -> Privacy: the retention rule (``vrus.retention``), how long the change history
is kept (``vrus.audit``), and the review of what is due.

The three periods are register settings, saved at once when changed (the core checks them; a
refused value shows its reason and the saved one comes back); each change is one undoable
step (``recorded``). "Review what is due…" opens ``RetentionDialog``, where the list can be
looked over before anything is removed; what it removes is removed for good, not undoable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vrus import audit, undo
from vrus.clock import Today
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.retention import (
    CONTACT_MONTHS_LIMITS,
    CONTACT_MONTHS_SETTING,
    COURSE_YEARS_LIMITS,
    COURSE_YEARS_SETTING,
    DEFAULT_CONTACT_MONTHS,
    DEFAULT_COURSE_YEARS,
    retention_rule,
    set_contact_months,
    set_course_years,
)
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.field_rows import error_style
from vrus.ui.common.messages import error_text
from vrus.ui.common.undo_conflicts import recorded_conflict
from vrus.ui.common.widgets import wrapped_label
from vrus.ui.settings.retention_dialog import RetentionDialog


def _add_period(form: QFormLayout, label: str, spin: QSpinBox, explanation: str) -> None:
    """A period's row: the label and spin box, with what it means below the spin box."""
    form.addRow(label, spin)
    form.addRow("", wrapped_label(explanation))


class RetentionSettings(QWidget):
    recorded = Signal(object, str)  # a period saved: its undo.Step and its name

    def __init__(
        self, db: Database, changes: RegisterChanges, today: Today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._today = today
        self.dialog: RetentionDialog | None = None
        self._shown: dict[QSpinBox, int] = {}  # each period as last read or saved

        self.contact_months = self._spin("contactMonths", CONTACT_MONTHS_LIMITS)
        self.contact_months.setSuffix(self.tr(" months"))
        self.contact_months.valueChanged.connect(self._contact_chosen)
        self.course_years = self._spin("courseYears", COURSE_YEARS_LIMITS)
        self.course_years.setSuffix(self.tr(" years"))
        self.course_years.valueChanged.connect(self._course_chosen)
        self.audit_days = self._spin("auditKeepDays", (audit.MIN_KEEP_DAYS, audit.MAX_KEEP_DAYS))
        self.audit_days.setSuffix(self.tr(" days"))
        self.audit_days.valueChanged.connect(self._audit_chosen)
        self.message = wrapped_label("")
        self.message.setObjectName("retentionMessage")
        self.message.setVisible(False)
        self.review_button = QPushButton(self.tr("Review what is due…"))
        self.review_button.setObjectName("reviewRetention")
        self.review_button.clicked.connect(self.review)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        _add_period(
            form,
            self.tr("Remove contact and health data:"),
            self.contact_months,
            self.tr(
                "after a member's last membership ended (Datatilsynet's advice to "
                "associations: {months} months). Phone, e-mail, address, notes, diets, "
                "allergies, health consents and guardians go; the name, birth date, "
                "memberships and attendance stay for the course grant reports."
            ).format(months=DEFAULT_CONTACT_MONTHS),
        )
        _add_period(
            form,
            self.tr("Erase the person:"),
            self.course_years,
            self.tr(
                "after the last course year (the last year with a membership or attendance). "
                "Course grant reports must document name, birth year and hours for "
                "{years} years. Only gender, birth year, municipality (with culture "
                "school), ensemble, section and seasons stay, so the statistics of past "
                "seasons do not change."
            ).format(years=DEFAULT_COURSE_YEARS),
        )
        _add_period(
            form,
            self.tr("Keep the change history:"),
            self.audit_days,
            self.tr(
                "Who changed what, and who printed or exported health data (field names "
                "only, never values). Older entries are removed when the rule is applied; "
                "a person's history goes with the person when erased."
            ),
        )

        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "How long the register keeps personal data about members who have left. "
                    "A member whose membership has no end date is never affected. Nothing is "
                    "removed until you review the list and apply it. The rule is saved in the "
                    "register, for everyone who uses it."
                )
            )
        )
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.reload()

    def _spin(self, name: str, limits: tuple[int, int]) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(*limits)
        # Typing "12" saves once, when the field is left, rather than "1" and then "12".
        spin.setKeyboardTracking(False)
        spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        return spin

    def reload(self) -> None:
        """Read the rule again: another user may have changed it."""
        with self._db.sessions() as session:
            rule = retention_rule(session)
            audit_days = audit.keep_days(session)
        for spin, value in (
            (self.contact_months, rule.contact_months),
            (self.course_years, rule.course_years),
            (self.audit_days, audit_days),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
            self._shown[spin] = value

    def _save(
        self, spin: QSpinBox, save: Callable[[int | None], object], key: str, step_name: str
    ) -> None:
        """Save the period of ``spin`` (the setting ``key``) with the one it showed before, so
        another user's change made meanwhile is a conflict to settle, not overwritten. The
        save, or the one that settles the conflict, is one step named ``step_name``."""
        scope = undo.Scope(settings={key})
        try:
            _done, step = undo.record(self._db, lambda: save(self._shown.get(spin)), scope)
        except ConflictError as conflict:
            self.message.setVisible(False)
            conflict = recorded_conflict(
                conflict, scope, lambda step: self.recorded.emit(step, step_name)
            )
            self.conflict_dialog = settle_conflict(
                self, self._db, conflict, kept=self._kept, dropped=self.reload
            )
            return
        except VrusError as error:
            self.message.setStyleSheet(error_style())
            self.message.setText(
                self.tr("{reason} Nothing was saved.").format(reason=error_text(error))
            )
            self.message.setVisible(True)
            self.reload()
            return
        self._shown[spin] = spin.value()
        self._saved()
        self.recorded.emit(step, step_name)

    def _kept(self, _result: object) -> None:
        self.reload()  # the spin boxes show what is saved now
        self._saved()

    def _saved(self) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved."))
        self.message.setVisible(True)
        self._changes.changed.emit()

    def _contact_chosen(self, months: int) -> None:
        self._save(
            self.contact_months,
            lambda shown: set_contact_months(self._db, months, shown),
            CONTACT_MONTHS_SETTING,
            self.tr("change of when contact and health data are removed"),
        )

    def _course_chosen(self, years: int) -> None:
        self._save(
            self.course_years,
            lambda shown: set_course_years(self._db, years, shown),
            COURSE_YEARS_SETTING,
            self.tr("change of when persons are erased"),
        )

    def _audit_chosen(self, days: int) -> None:
        self._save(
            self.audit_days,
            lambda shown: audit.set_keep_days(self._db, days, shown),
            audit.KEEP_SETTING,
            self.tr("change of how long the change history is kept"),
        )

    def review(self) -> RetentionDialog:
        """Open the list of what is due (one dialog at a time); returns it, for tests."""
        if self.dialog is None:
            self.dialog = RetentionDialog(self._db, self._changes, self._today, self)
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.load()
        return self.dialog

    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
