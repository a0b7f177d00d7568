"""The season's duty roster in the Lunch view: every seminar day with who has which task, and
the fairness view, each family's number of duties with the families who have had none first.

Double-clicking a day opens that seminar above, where parents are added and removed.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QSplitter, QVBoxLayout, QWidget

from vrus.duties import SeasonRoster
from vrus.ui.common.colours import WARNING, text_style
from vrus.ui.common.dates import short_date
from vrus.ui.common.plain_text import plain_label
from vrus.ui.lunch.lunch_day import sorted_table
from vrus.ui.lunch.lunch_models import (
    F_CHILDREN,
    F_FAMILY,
    ID_ROLE,
    R_EVENT,
    R_TASK_COLUMNS,
    FamiliesModel,
    RosterDaysModel,
)


class RosterPanel(QWidget):
    eventActivated = Signal(int)  # noqa: N815 - the event id of a double-clicked day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = RosterDaysModel(self)
        self.families = FamiliesModel(self)
        self.summary = plain_label()
        self.summary.setObjectName("rosterSummary")
        self.summary.setWordWrap(True)
        self.warnings = plain_label()
        self.warnings.setObjectName("rosterWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(text_style(WARNING, bold=True))

        self.day_table = sorted_table(self.days, "rosterDays", self)
        header = self.day_table.horizontalHeader()
        header.setSectionResizeMode(R_EVENT, QHeaderView.ResizeMode.ResizeToContents)
        for column in R_TASK_COLUMNS.values():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.day_table.setToolTip(self.tr("Double-click a day to open its seminar above"))
        self.day_table.doubleClicked.connect(
            lambda index: self.eventActivated.emit(index.data(ID_ROLE))
        )
        self.family_table = sorted_table(self.families, "rosterFamilies", self)
        header = self.family_table.horizontalHeader()
        for column in (F_FAMILY, F_CHILDREN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._titled(self.tr("Duty days"), self.day_table))
        splitter.addWidget(
            self._titled(
                self.tr("Duties per family (fewest first; yellow: none yet)"), self.family_table
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)

    def _titled(self, title: str, table: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        label = plain_label(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        column.addWidget(label)
        column.addWidget(table, 1)
        return box

    def show_roster(self, roster: SeasonRoster) -> None:
        self.roster = roster
        self.days.set_rows(roster.days)
        self.families.set_rows(roster.families)
        self.summary.setText(self.summary_text(roster))
        missing = [f"{short_date(w.date)} ({w.event_title})" for w in roster.warnings]
        self.warnings.setText(
            "⚠ " + self.tr("Nobody on lunch duty yet: {days}").format(days=", ".join(missing))
            if missing
            else ""
        )
        self.warnings.setVisible(bool(missing))

    def summary_text(self, roster: SeasonRoster) -> str:
        if not roster.families:
            return self.tr("No families with children in the {year} season.").format(
                year=roster.year
            )
        share = QLocale().toString(roster.fair_share, "f", 1)
        return self.tr(
            "{families} families have children in the {year} season; {none} of them have had "
            "no duty yet. Spread evenly, each family would have {share} duties."
        ).format(
            families=len(roster.families),
            year=roster.year,
            none=len(roster.families_without_duty),
            share=share,
        )
