"""Dialogs for starting and ending a membership."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from vrus.dates import format_date
from vrus.db.enums import EndReason
from vrus.reference import EnsembleRow, InstrumentRow
from vrus.ui.common.form_dialog import FormDialog
from vrus.ui.common.labels import end_reason_label, instrument_name
from vrus.validation import ValidationError, parse_date


def date_edit(day: dt.date, name: str) -> QLineEdit:
    edit = QLineEdit(format_date(day))
    edit.setObjectName(name)
    return edit


def read_date(edit: QLineEdit, field: str) -> dt.date:
    """The date typed in ``edit``; a refusal names ``field`` so it shows under the edit."""
    try:
        return parse_date(edit.text())
    except ValidationError as error:
        raise ValidationError(field, error.message) from None


def instrument_combo(instruments: list[InstrumentRow], current: int | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", None)
    for instrument in instruments:
        combo.addItem(instrument_name(instrument), instrument.id)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class StartMembershipDialog(FormDialog):
    def __init__(
        self,
        name: str,
        ensembles: list[EnsembleRow],
        instruments: list[InstrumentRow],
        today: dt.date,
        instrument_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Start a membership for {name}").format(name=name), self.tr("Start"), parent
        )
        self.setObjectName("startMembershipDialog")
        self.ensemble = QComboBox()
        self.ensemble.setObjectName("ensemble")
        for ensemble in ensembles:
            self.ensemble.addItem(ensemble.name, ensemble.id)
        self.instrument = instrument_combo(instruments, instrument_id)
        self.instrument.setObjectName("instrument")
        self.start = date_edit(today, "startDate")
        self.add_field(self.tr("Ensemble:"), self.ensemble, "ensemble")
        self.add_field(self.tr("Instrument:"), self.instrument, "instrument")
        self.add_field(self.tr("From:"), self.start, "start_date", "date")

    def start_date(self) -> dt.date:
        return read_date(self.start, "start_date")


class EndMembershipDialog(FormDialog):
    def __init__(
        self, name: str, ensemble: str, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("End {name}'s membership of {ensemble}").format(name=name, ensemble=ensemble),
            self.tr("End membership"),
            parent,
        )
        self.setObjectName("endMembershipDialog")
        self.end = date_edit(today, "endDate")
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        # Moving up is its own action: it starts the next membership on the same day.
        for reason in EndReason:
            if reason is not EndReason.MOVED_UP:
                self.reason.addItem(end_reason_label(reason), reason.value)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.add_field(self.tr("Last day:"), self.end, "end_date", "date")
        self.add_field(self.tr("Reason:"), self.reason, "reason")
        self.add_field(self.tr("Note:"), self.note, "note")

    def end_date(self) -> dt.date:
        return read_date(self.end, "end_date")
