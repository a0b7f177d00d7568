"""The search field and filters above the Members table; they make a ``MemberFilter``.

Every keystroke in the search field changes the filter at once (the core answers within a
frame at 100 000 persons: ``python -m benchmarks --only search``), so there is no search
button and no delay.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QSizePolicy, QWidget

from vrus.ages import AgeFlag
from vrus.db.enums import Section
from vrus.member_list import MemberFilter, Status
from vrus.reference import EnsembleRow, InstrumentRow
from vrus.texts import Text
from vrus.ui.common.labels import (
    flag_label,
    instrument_name,
    member_status_label,
    section_label,
)
from vrus.ui.common.messages import ui_text
from vrus.ui.members.members_model import flag_explanation

WARNINGS = "warnings"
SHRINK_TO = 90  # px: a narrow window shows the lists narrower instead of growing


class FilterCombo(QComboBox):
    """As wide as its longest item when there is room, narrower when there is not."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), SHRINK_TO))
        return hint


class MemberFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Search by name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(self.changed)

        self.ensemble = self._combo("ensembleFilter", self.tr("All ensembles"))
        self.instrument = self._combo("instrumentFilter", self.tr("All instruments"))
        self.municipality = self._combo("municipalityFilter", self.tr("All municipalities"))
        self.status = self._combo("statusFilter", self.tr("Not archived"))
        for status in Status:
            self.status.addItem(member_status_label(status), status.value)
        self.flags = self._combo("flagFilter", self.tr("All flags"))
        self.flags.addItem(self.tr("Outside the age limits"), WARNINGS)
        for flag in (
            AgeFlag.AGES_OUT,
            AgeFlag.MAY_MOVE_UP,
            AgeFlag.BELOW_MINIMUM,
            AgeFlag.ABOVE_MAXIMUM,
        ):
            self.flags.addItem(flag_label(flag), flag.value)
            self.flags.setItemData(
                self.flags.count() - 1, flag_explanation(flag), Qt.ItemDataRole.ToolTipRole
            )

        self._combos = (self.ensemble, self.instrument, self.municipality, self.status, self.flags)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._arrange(len(self._combos))

    def _arrange(self, columns: int) -> None:
        """As many lists a row as fit at their full width, so none is clipped (the table is
        narrower while the person editor is open beside it)."""
        if columns == self._columns:
            return
        for combo in self._combos:
            self._grid.removeWidget(combo)
        for number, combo in enumerate(self._combos):
            self._grid.addWidget(combo, number // columns, number % columns)
        for column in range(len(self._combos) + 1):
            self._grid.setColumnStretch(column, 1 if column == columns else 0)
        self._columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._arrange(self._columns_that_fit(event.size().width()))
        super().resizeEvent(event)

    def _columns_that_fit(self, width: int) -> int:
        hints = [combo.sizeHint().width() for combo in self._combos]
        spacing = self._grid.horizontalSpacing()
        for columns in range(len(hints), 1, -1):
            widths = [max(hints[i] for i in range(c, len(hints), columns)) for c in range(columns)]
            if sum(widths) + spacing * (columns - 1) <= width:
                return columns
        return 1

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = FilterCombo()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def set_choices(
        self,
        ensembles: list[EnsembleRow],
        instruments: list[InstrumentRow],
        municipalities: list[tuple[tuple[int, ...], Text | str]],
    ) -> None:
        """Fill the lists from the register, keeping what is chosen where it still exists."""
        self._refill(self.ensemble, [(e.name, e.id) for e in ensembles])
        items: list[tuple[str, Any]] = []
        for section in Section:
            members = [i for i in instruments if i.section == section.value]
            if members:
                items.append((section_label(section), f"section:{section.value}"))
                items += [("    " + instrument_name(i), f"instrument:{i.id}") for i in members]
        self._refill(self.instrument, items)
        # The ids as text: the combo box finds the choice again by comparing its data.
        self._refill(
            self.municipality,
            [(ui_text(name), ",".join(map(str, ids))) for ids, name in municipalities],
        )

    def _refill(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)
        if combo.currentData() != chosen:
            self.changed.emit()

    def member_filter(self) -> MemberFilter:
        flt = MemberFilter(search=self.search.text(), status=None)
        if (status := self.status.currentData()) is not None:
            flt.status = Status(status)
        if (ensemble := self.ensemble.currentData()) is not None:
            flt.ensemble_ids = {ensemble}
        if (municipality := self.municipality.currentData()) is not None:
            flt.municipality_ids = {int(mid) for mid in municipality.split(",")}
        instrument = self.instrument.currentData()
        if instrument is not None:
            kind, _, value = instrument.partition(":")
            if kind == "section":
                flt.sections = {value}
            else:
                flt.instrument_ids = {int(value)}
        flag = self.flags.currentData()
        if flag == WARNINGS:
            flt.flags = {AgeFlag.BELOW_MINIMUM, AgeFlag.ABOVE_MAXIMUM}
        elif flag is not None:
            flt.flags = {AgeFlag(flag)}
        return flt

    def description(self) -> str:
        """What the list shows now, in words (for the e-mail dialog)."""
        parts = [
            combo.currentText().strip()
            for combo in (
                self.ensemble,
                self.instrument,
                self.municipality,
                self.status,
                self.flags,
            )
            if combo.currentIndex() > 0
        ]
        if self.search.text().strip():
            parts.append(self.tr('names matching "{text}"').format(text=self.search.text().strip()))
        return ", ".join(parts) if parts else self.tr("everyone not archived")
