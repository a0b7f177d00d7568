"""The Settings tab for the course grant rules (``vrus.reports.course_rules``).

Each rule shows the value that applies to every year (today's default unless changed), saved
at once when it changes; Reset removes the change. Below, a rule can be set for one course
year (in 2014 a course needed 8 hours), and such settings are listed with a Remove button.
The built-in rules of earlier years are listed too: one can be removed (after a question;
that year then follows the rule for all years) and restored again.
The core checks every value: a refused one shows its reason and nothing is saved. Each
saved change is one undoable step (``recorded``: the Settings page's undo stack takes it).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrus import undo
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.reports.course_rules import (
    HISTORY,
    LIMITS,
    RULE_NAMES,
    CourseRules,
    Source,
    course_rules,
    remove_built_in_rule,
    removed_key,
    restore_built_in_rule,
    set_course_rule,
    setting_key,
    year_overrides,
)
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.confirm import ask
from vrus.ui.common.field_rows import error_style
from vrus.ui.common.messages import error_text
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import read_only_table, wrapped_label

HIGHEST = int(max(high for _low, high in LIMITS.values()))  # the core refuses what is above
FIRST_YEAR, LAST_YEAR = 1950, 2100
YEAR_COLUMNS = 4  # year, rule, value, Remove / built in
# What a row of the years' table is: set for the year, built in, built in but removed.
SET, BUILT_IN, REMOVED = "set", "built_in", "removed"


def _stored(name: str, value: float) -> str:
    """The spin box's value as the core takes it: whole numbers, hours to the quarter."""
    if name == "min_hours":
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(round(value))


class CourseRulesEditor(QWidget):
    recorded = Signal(object, str)  # a change saved: its undo.Step and its name

    def __init__(
        self, db: Database, changes: RegisterChanges, today: Today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._today = today
        self.labels = {
            "min_age": self.tr("Minimum age (turned in the course year)"),
            "min_attendance_percent": self.tr("Minimum attendance (share of the hours)"),
            "min_hours": self.tr("Minimum course hours"),
            "min_participants": self.tr("Minimum participants who count"),
        }
        self.message = plain_label()
        self.message.setObjectName("courseRulesMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "The study association's rules for adult-education course grants, used by the "
                    "course report. A change is saved at once, in the register, for everyone who "
                    "uses it."
                )
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self._bold(self.tr("For all years")))
        layout.addLayout(self._all_years())
        layout.addSpacing(8)
        layout.addWidget(self._bold(self.tr("For one course year")))
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "A rule set for one year applies to courses that end in that year, instead of "
                    "the rule for all years."
                )
            )
        )
        layout.addLayout(self._one_year())
        layout.addWidget(self.years, 1)
        self.reload()

    # --- Building ------------------------------------------------------------------------------

    def _bold(self, text: str) -> QLabel:
        label = plain_label(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(2 if name == "min_hours" else 0)
        spin.setSingleStep(0.25 if name == "min_hours" else 1)
        spin.setRange(0, HIGHEST)
        if name == "min_attendance_percent":
            spin.setSuffix(" %")
        # Typing "12" saves once, when the field is left, rather than "1" and then "12".
        spin.setKeyboardTracking(False)
        spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        return spin

    def _all_years(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(3, 1)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.states: dict[str, QLabel] = {}
        self.resets: dict[str, QPushButton] = {}
        for row, name in enumerate(RULE_NAMES):
            spin = self._spin(name)
            spin.setObjectName(f"rule_{name}")
            spin.valueChanged.connect(lambda value, name=name: self._all_years_chosen(name, value))
            reset = QPushButton(self.tr("Reset"))
            reset.setObjectName(f"reset_{name}")
            reset.setToolTip(self.tr("Use today's default again"))
            reset.clicked.connect(lambda _checked=False, name=name: self.reset(name))
            state = wrapped_label("")
            label = plain_label(self.tr("{rule}:").format(rule=self.labels[name]))
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(reset, row, 2)
            grid.addWidget(state, row, 3)
            self.spins[name], self.states[name], self.resets[name] = spin, state, reset
        return grid

    def _one_year(self) -> QHBoxLayout:
        self.year = QSpinBox()
        self.year.setObjectName("ruleYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(self._today().year)
        self.rule = QComboBox()
        self.rule.setObjectName("ruleForYear")
        # Narrower than the longest rule, so the tab does not widen the window.
        self.rule.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rule.setMinimumContentsLength(16)
        for name in RULE_NAMES:
            self.rule.addItem(self.labels[name], name)
        self.year_value = self._spin("min_age")
        self.year_value.setObjectName("ruleYearValue")
        self.year_value.setKeyboardTracking(True)
        self.rule.currentIndexChanged.connect(self._rule_for_year_chosen)
        self.year.valueChanged.connect(self._rule_for_year_chosen)
        self.set_for_year = QPushButton(self.tr("Set for the year"))
        self.set_for_year.setObjectName("setRuleForYear")
        self.set_for_year.clicked.connect(self.add_year_rule)
        row = QHBoxLayout()
        for text, widget in (
            (self.tr("Year:"), self.year),
            (self.tr("Rule:"), self.rule),
            (self.tr("Value:"), self.year_value),
        ):
            label = plain_label(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.set_for_year)
        row.addStretch(1)

        self.years = QTableWidget(0, YEAR_COLUMNS)
        self.years.setObjectName("yearRuleTable")
        read_only_table(self.years)
        self.years.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.years.setHorizontalHeaderLabels(
            [self.tr("Year"), self.tr("Rule"), self.tr("Value"), ""]
        )
        self.years.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self._rule_for_year_chosen()
        return row

    # --- Showing -------------------------------------------------------------------------------

    def _text(self, name: str, value: Decimal | int) -> str:
        text = QLocale().toString(float(value), "g", 6)
        return f"{text} %" if name == "min_attendance_percent" else text

    def reload(self) -> None:
        """Read the rules again: another user may have changed them."""
        defaults = CourseRules()
        with self._db.sessions() as session:
            set_for_year = year_overrides(session)
            # A year with no rule of its own gives the rules for all years.
            free = max([self._today().year, *HISTORY, *(y for y, _ in set_for_year)]) + 1
            general = course_rules(session, free)
            by_year = {
                year: course_rules(session, year)
                for year in {y for y, _ in set_for_year} | set(HISTORY)
            }
        for name in RULE_NAMES:
            value, default = getattr(general.rules, name), getattr(defaults, name)
            spin = self.spins[name]
            spin.blockSignals(True)
            spin.setValue(float(value))
            spin.blockSignals(False)
            changed = general.sources[name] is Source.ALL_YEARS
            self.resets[name].setEnabled(changed)
            self.states[name].setText(
                self.tr("Changed; today's default is {value}").format(
                    value=self._text(name, default)
                )
                if changed
                else self.tr("Today's default")
            )
        rows: list[tuple[int, str, str, str]] = []  # year, rule, value, SET/BUILT_IN/REMOVED
        for year, name in set_for_year:
            applied = by_year[year]
            value = (
                self._text(name, getattr(applied.rules, name))
                if applied.sources[name] is Source.YEAR
                else self.tr("not a valid value")
            )
            rows.append((year, name, value, SET))
        for year, rules in HISTORY.items():
            for name, value in rules.items():
                if (year, name) in set_for_year:
                    continue  # the year's own setting applies
                if name in by_year[year].removed:
                    text = self.tr("{value}: removed, the rule for all years applies").format(
                        value=self._text(name, value)
                    )
                    rows.append((year, name, text, REMOVED))
                else:
                    rows.append((year, name, self._text(name, value), BUILT_IN))
        rows.sort(key=lambda row: (row[0], RULE_NAMES.index(row[1])))
        self._fill_years(rows)

    def _fill_years(self, rows: list[tuple[int, str, str, str]]) -> None:
        self.remove_buttons: dict[tuple[int, str], QPushButton] = {}
        self.built_in_buttons: dict[tuple[int, str], QPushButton] = {}
        for row in range(self.years.rowCount()):
            old = self.years.cellWidget(row, 3)
            if old is not None:
                old.hide()  # deleted later: not seen meanwhile where the columns move
        self.years.setRowCount(len(rows))
        for row, (year, name, value, kind) in enumerate(rows):
            for column, text in enumerate((str(year), self.labels[name], value)):
                self.years.setItem(row, column, QTableWidgetItem(text))
            self.years.setItem(row, 3, QTableWidgetItem(""))
            if kind == SET:
                button = self._row_button(
                    self.tr("Remove"), f"remove_{name}_{year}", self.remove_year_rule, year, name
                )
                self.remove_buttons[year, name] = button
            elif kind == BUILT_IN:
                button = self._row_button(
                    self.tr("Remove built-in rule…"),
                    f"removeBuiltIn_{name}_{year}",
                    self.remove_built_in,
                    year,
                    name,
                )
                button.setToolTip(
                    self.tr("Built into VRUS from what the sources tell about {year}").format(
                        year=year
                    )
                )
                self.built_in_buttons[year, name] = button
            else:
                button = self._row_button(
                    self.tr("Restore the built-in rule"),
                    f"restoreBuiltIn_{name}_{year}",
                    self.restore_built_in,
                    year,
                    name,
                )
                self.built_in_buttons[year, name] = button
            # Button-sized at the left of the cell rather than stretched across it.
            cell = QWidget()
            box = QHBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(button)
            box.addStretch(1)
            self.years.setCellWidget(row, 3, cell)
        self.years.resizeColumnsToContents()
        for column in range(YEAR_COLUMNS - 1):
            self.years.setColumnWidth(column, self.years.columnWidth(column) + 24)

    def _row_button(
        self, text: str, name: str, slot: Callable[[int, str], None], year: int, rule: str
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot(year, rule))
        return button

    def _rule_for_year_chosen(self, *_args: object) -> None:
        name = self.rule.currentData()
        hours = name == "min_hours"
        self.year_value.setDecimals(2 if hours else 0)
        self.year_value.setSingleStep(0.25 if hours else 1)
        self.year_value.setSuffix(" %" if name == "min_attendance_percent" else "")
        # Start from the value that applies to that year now.
        with self._db.sessions() as session:
            applied = course_rules(session, self.year.value())
        self.year_value.setValue(float(getattr(applied.rules, name)))

    # --- Saving --------------------------------------------------------------------------------

    def _save(self, name: str, value: str | None, year: int | None, step_name: str) -> bool:
        return self._apply(
            name,
            lambda: set_course_rule(self._db, name, value, year),
            setting_key(name, year),
            step_name,
        )

    def _apply(self, name: str, change: Callable[[], None], key: str, step_name: str) -> bool:
        """Make ``change`` (of the setting ``key``) as one step named ``step_name``."""
        try:
            _done, step = undo.record(self._db, change, undo.Scope(settings={key}))
        except VrusError as error:
            self.message.setStyleSheet(error_style())
            self.message.setText(
                self.tr("{rule}: {reason} Nothing was saved.").format(
                    rule=self.labels[name], reason=error_text(error)
                )
            )
            self.message.setVisible(True)
            self.reload()  # the spin box shows the saved value again
            return False
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved."))
        self.message.setVisible(True)
        self.reload()
        self._changes.changed.emit()
        self.recorded.emit(step, step_name)
        return True

    def _rule(self, name: str) -> str:
        """The rule as a step's name has it, within a sentence."""
        return self.labels[name].lower()

    def _all_years_chosen(self, name: str, value: float) -> None:
        step_name = self.tr("change of {rule}").format(rule=self._rule(name))
        self._save(name, _stored(name, value), None, step_name)

    def reset(self, name: str) -> None:
        self._save(name, None, None, self.tr("reset of {rule}").format(rule=self._rule(name)))

    def add_year_rule(self) -> None:
        name, year = self.rule.currentData(), self.year.value()
        step_name = self.tr("setting of {rule} for {year}").format(rule=self._rule(name), year=year)
        self._save(name, _stored(name, self.year_value.value()), year, step_name)

    def remove_year_rule(self, year: int, name: str) -> None:
        step_name = self.tr("removal of {rule} for {year}").format(rule=self._rule(name), year=year)
        self._save(name, None, year, step_name)

    def remove_built_in(self, year: int, name: str) -> None:
        """Set a built-in rule aside, after a question (Cancel is the default)."""
        value = self._text(name, HISTORY[year][name])
        if not ask(
            self,
            self.tr("Remove the built-in rule"),
            self.tr(
                "Remove the built-in rule for {year}: {rule} {value}? Courses that end in "
                "{year} then follow the rule for all years. The built-in rule can be restored."
            ).format(year=year, rule=self.labels[name].lower(), value=value),
            self.tr("Remove the rule"),
        ):
            return
        self._apply(
            name,
            lambda: remove_built_in_rule(self._db, year, name),
            removed_key(name, year),
            self.tr("removal of the built-in rule for {year} ({rule})").format(
                year=year, rule=self._rule(name)
            ),
        )

    def restore_built_in(self, year: int, name: str) -> None:
        self._apply(
            name,
            lambda: restore_built_in_rule(self._db, year, name),
            removed_key(name, year),
            self.tr("restoring of the built-in rule for {year} ({rule})").format(
                year=year, rule=self._rule(name)
            ),
        )
