"""One seminar day as the friends' association reads it: how many eat (big), whether that is a
forecast, the breakdown by group, the diets, the allergies (severe first, marked) and the
parents on duty, with a warning when nobody is on lunch duty.

What a child is here is what ``vrus.lunch`` gives: a first name and an ensemble.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.lunch import Basis, LunchDay
from vrus.ui.common.colours import ALERT_BACKGROUND, WARNING, shade
from vrus.ui.common.messages import ui_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import read_only_table
from vrus.ui.lunch.lunch_models import (
    A_NOTE,
    D_CHILDREN,
    D_NOTE,
    D_PARENT,
    ID_ROLE,
    SORT_ROLE,
    AllergyModel,
    DutyModel,
    diet_label,
)

# Text, background: amber "may change", blue "final", green "counted". A badge brings its own
# text colour and background, so it reads the same on a light and on a dark palette.
BASIS_COLOURS = {
    Basis.FORECAST: ("#7a4b00", "#ffe7b3"),
    Basis.SIGNED_UP: ("#0f2a44", "#d6e4f0"),
    Basis.ACTUAL: ("#1b5e20", "#d7f0d8"),
}


def sorted_table(model, name: str, parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setObjectName(name)
    table.setModel(proxy)
    read_only_table(table)
    table.setSortingEnabled(True)
    # The core's order (severe allergies first, lunch duty first, by date) until a header
    # is clicked: no column is sorted on, so the proxy keeps the source's order.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class DayPanel(QWidget):
    addRequested = Signal(int)  # noqa: N815 - the day id
    removeRequested = Signal(int)  # noqa: N815 - the duty id
    lunchToggled = Signal(int, bool)  # noqa: N815 - duty id, eats lunch

    def __init__(self, day: LunchDay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.allergies = AllergyModel(self)
        self.allergies.set_rows(day.allergies)
        self.duties = DutyModel(self)
        self.duties.set_rows(day.duties)
        self.duties.lunchToggled.connect(self.lunchToggled)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(24)
        layout.addWidget(self._scrolled(self._numbers()), 0)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self._warning())
        right.addLayout(self._allergy_part(), 1)
        right.addLayout(self._duty_part(), 1)
        layout.addLayout(right, 1)

    # --- The numbers --------------------------------------------------------------------------

    def _numbers(self) -> QWidget:
        box = QWidget()
        box.setMinimumWidth(250)
        box.setMaximumWidth(340)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.total = plain_label(str(self.day.count.total))
        self.total.setObjectName("lunchTotal")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        self.total.setFont(font)
        caption = plain_label(self.tr("lunches"))
        caption.setAlignment(Qt.AlignmentFlag.AlignBottom)
        top = QHBoxLayout()
        top.addWidget(self.total)
        top.addWidget(caption)
        top.addStretch(1)
        column.addLayout(top)
        column.addWidget(self._basis_badge())
        self.basis_text = plain_label(self._basis_text())
        self.basis_text.setObjectName("lunchBasisText")
        self.basis_text.setWordWrap(True)
        column.addWidget(self.basis_text)
        column.addWidget(self._section_title(self.tr("Who eats")))
        self.breakdown = self._counts(self.breakdown_rows())
        column.addLayout(self.breakdown)
        column.addWidget(self._section_title(self.tr("Special diets")))
        self.diets = self._counts(self.diet_rows())
        column.addLayout(self.diets)
        self.diet_notes = plain_label(self._diet_text())
        self.diet_notes.setObjectName("lunchDietNotes")
        self.diet_notes.setWordWrap(True)
        column.addWidget(self.diet_notes)
        column.addStretch(1)
        return box

    @staticmethod
    def _scrolled(box: QWidget) -> QScrollArea:
        """The numbers scroll when there are many diet notes: the notes grow with the
        register, and the window's size must never depend on the data."""
        area = QScrollArea()
        area.setObjectName("lunchNumbers")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(box)
        bar = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(box.minimumWidth() + bar)
        area.setMaximumWidth(box.maximumWidth() + bar)
        return area

    @staticmethod
    def _counts(rows: list[tuple[str, int]]) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(2)
        for label, count in rows:
            number = plain_label(str(count))
            number.setAlignment(Qt.AlignmentFlag.AlignRight)
            form.addRow(label, number)
        return form

    @staticmethod
    def shown_counts(form: QFormLayout) -> list[tuple[str, int]]:
        """What a form of counts shows, read back (for tests and for checking by eye)."""
        return [
            (
                form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text(),
                int(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().text()),
            )
            for row in range(form.rowCount())
        ]

    def _basis_badge(self) -> QLabel:
        text = {
            Basis.FORECAST: self.tr("Forecast"),
            Basis.SIGNED_UP: self.tr("From the sign-ups"),
            Basis.ACTUAL: self.tr("Actual: attendance taken"),
        }[self.day.basis]
        colour, background = BASIS_COLOURS[self.day.basis]
        badge = plain_label(text)
        badge.setObjectName("lunchBasis")
        badge.setToolTip(ui_text(self.day.basis_label))
        badge.setStyleSheet(
            f"color: {colour}; background: {background}; font-weight: bold;"
            " border-radius: 4px; padding: 2px 8px;"
        )
        badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return badge

    def _basis_text(self) -> str:
        day = self.day
        if day.basis is Basis.ACTUAL:
            return self.tr(
                "Counted from the attendance taken that day: those present who "
                "asked for lunch, and those who came without signing up."
            )
        if day.basis is Basis.FORECAST:
            text = self.tr("Sign-up is still open, so the number may change.")
            if day.unanswered:
                text += " " + self.tr("{count} invited have not answered yet.").format(
                    count=day.unanswered
                )
            return text
        text = self.tr("Sign-up has closed: counted from the sign-ups.")
        if day.unanswered:
            text += " " + self.tr("{count} invited did not answer and are not counted.").format(
                count=day.unanswered
            )
        return text

    def breakdown_rows(self) -> list[tuple[str, int]]:
        """The groups behind the total, as shown: ensembles, then the others."""
        count = self.day.count
        rows = [(ensemble or self.tr("No ensemble"), n) for ensemble, n in count.members]
        if count.unannounced:
            rows.append((self.tr("Came without signing up"), count.unannounced))
        rows.append((self.tr("Staff and instructors"), count.staff))
        rows.append((self.tr("Parents on duty"), count.volunteers))
        return rows

    def diet_rows(self) -> list[tuple[str, int]]:
        """The diets someone eating has, with how many; the others are left out."""
        return [(diet_label(diet), n) for diet, n in self.day.diets if n]

    def _diet_text(self) -> str:
        lines = [] if self.diet_rows() else [self.tr("No special diets.")]
        lines += [
            f"{note.name} ({note.ensemble or '–'}): {note.note}" for note in self.day.diet_notes
        ]
        return "\n".join(lines)

    def _section_title(self, text: str) -> QLabel:
        label = plain_label(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    # --- Allergies and duties --------------------------------------------------------------------

    def _warning(self) -> QLabel:
        lines = [f"⚠ {self._sentence(ui_text(text))}" for text in self.day.warnings]
        if lines:
            lines.append(self.tr("Add a parent on lunch duty below."))
        self.warning = plain_label("\n".join(lines))
        self.warning.setObjectName("lunchWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            f"color: {shade(WARNING)}; background: {shade(ALERT_BACKGROUND)};"
            " font-weight: bold; padding: 6px; border-radius: 4px;"
        )
        self.warning.setVisible(bool(self.day.warnings))
        return self.warning

    @staticmethod
    def _sentence(text: str) -> str:
        return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")

    def _allergy_part(self) -> QVBoxLayout:
        part = QVBoxLayout()
        severe = sum(1 for a in self.day.allergies if a.severe)
        title = self.tr("Allergies ({count})").format(count=len(self.day.allergies))
        if severe:
            title += " – " + self.tr("{count} severe, marked in red").format(count=severe)
        part.addWidget(self._section_title(title))
        self.allergy_table = sorted_table(self.allergies, "allergyTable", self)
        self.allergy_table.horizontalHeader().setSectionResizeMode(
            A_NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.allergy_table.setVisible(bool(self.day.allergies))
        part.addWidget(self.allergy_table, 1)
        if not self.day.allergies:
            part.addWidget(plain_label(self.tr("No allergies among those attending.")))
        return part

    def _duty_part(self) -> QVBoxLayout:
        part = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self._section_title(self.tr("Parents on duty")))
        head.addStretch(1)
        self.add_button = QPushButton(self.tr("Add a parent…"))
        self.add_button.setObjectName("addDuty")
        self.add_button.clicked.connect(lambda: self.addRequested.emit(self.day.day_id))
        self.remove_button = QPushButton(self.tr("Remove from the roster"))
        self.remove_button.setObjectName("removeDuty")
        self.remove_button.clicked.connect(self._remove_selected)
        head.addWidget(self.add_button)
        head.addWidget(self.remove_button)
        part.addLayout(head)
        self.duty_table = sorted_table(self.duties, "dutyTable", self)
        header = self.duty_table.horizontalHeader()
        for column in (D_PARENT, D_CHILDREN, D_NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.duty_table.selectionModel().selectionChanged.connect(self._selection_changed)
        part.addWidget(self.duty_table, 1)
        self._selection_changed()
        return part

    def selected_duty(self) -> int | None:
        rows = self.duty_table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_duty(self, duty_id: int) -> None:
        model = self.duty_table.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ID_ROLE) == duty_id:
                self.duty_table.selectRow(row)
                return

    def _selection_changed(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected_duty() is not None)

    def _remove_selected(self) -> None:
        duty_id = self.selected_duty()
        if duty_id is not None:
            self.removeRequested.emit(duty_id)
