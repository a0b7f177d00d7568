"""The course report's choice of seminars: the season's weekend seminars, each with a tick box;
the ticked ones are reported together as one course (``vrus.reports.course``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from vrus.seasons import EventSummary
from vrus.ui.common.colours import QUIET, text_style
from vrus.ui.common.dates import days_text
from vrus.ui.common.plain_text import plain_label


class CourseSeminars(QWidget):
    changed = Signal()  # a tick was set or taken away

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courseBox")
        heading = plain_label(self.tr("Seminars in the &course"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("courseEvents")
        heading.setBuddy(self.list)
        hint = plain_label(
            self.tr(
                "Tick the seminars that are reported together as one course. The course hours are "
                "the days' times; the rules are in the report."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(text_style(QUIET))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def count(self) -> int:
        return self.list.count()

    def checked(self) -> tuple[int, ...]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def fill(self, seminars: Sequence[EventSummary]) -> None:
        """List ``seminars``, keeping the ticks of those still listed; says nothing."""
        ticked = set(self.checked())
        self.list.blockSignals(True)
        self.list.clear()
        for summary in seminars:
            item = QListWidgetItem(
                f"{summary.title} – {days_text([day.date for day in summary.days])}"
            )
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if summary.id in ticked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)

    def set_checked(self, event_ids: Iterable[int]) -> None:
        """Tick exactly ``event_ids``; one ``changed`` for the lot."""
        wanted = set(event_ids)
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            on = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.changed.emit()
