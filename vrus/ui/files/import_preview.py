"""What an import found: the counts, the core's summary and the problems, row by row.

The wizard shows it after the check (nothing saved yet) and, should the file have changed in
between, after a refused import. The report's summary and problems are the core's
``vrus.texts.Text`` messages; ``ui_text`` shows them in the window's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QTableView, QVBoxLayout, QWidget

from vrus.ui.common.list_model import ListTableModel
from vrus.ui.common.messages import ui_text
from vrus.ui.common.plain_text import plain_label, plain_tooltip
from vrus.ui.common.widgets import fit_columns, read_only_table, wrapped_label

COL_ROW, COL_COLUMN, COL_SEVERITY, COL_MESSAGE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("ProblemsModel", "Row"),
    QT_TRANSLATE_NOOP("ProblemsModel", "Column"),
    QT_TRANSLATE_NOOP("ProblemsModel", "Severity"),
    QT_TRANSLATE_NOOP("ProblemsModel", "Problem"),
)
SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("ProblemsModel", "Error"),
    "warning": QT_TRANSLATE_NOOP("ProblemsModel", "Warning"),
}

Index = QModelIndex | QPersistentModelIndex


class ProblemsModel(ListTableModel):
    """The problems of one import report: a short, fixed list, so it is held whole."""

    CONTEXT = "ProblemsModel"
    HEADERS = HEADERS

    def __init__(self, problems: list[Any], parent=None) -> None:
        super().__init__(parent)
        self._rows = list(problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        problem = self.row_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole finding in one line, "rad 7, Fødselsdato: …", as the CLI prints it.
            return plain_tooltip(ui_text(problem.text()))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_ROW:
            return "" if problem.row is None else str(problem.row)
        if column == COL_COLUMN:
            # The header as written in the file, or the field's name when there is no column.
            return ui_text(problem.column or "")
        if column == COL_SEVERITY:
            label = SEVERITIES.get(problem.severity, problem.severity)
            return QCoreApplication.translate("ProblemsModel", label)
        if column == COL_MESSAGE:
            return ui_text(problem.message)
        return None


def bold_label(text: str = "") -> QLabel:
    label = wrapped_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ImportPreview(QWidget):
    """The counts, the summary, the problems and a sentence saying whether the file can go in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = bold_label()
        self.verdict.setObjectName("importVerdict")
        self._created, self._updated = plain_label(), plain_label()
        self._errors, self._warnings = plain_label(), plain_label()
        counts = QFormLayout()
        counts.setContentsMargins(0, 0, 0, 0)
        counts.addRow(self.tr("New persons:"), self._created)
        counts.addRow(self.tr("Persons already in the register, to be updated:"), self._updated)
        counts.addRow(self.tr("Errors:"), self._errors)
        counts.addRow(self.tr("Warnings:"), self._warnings)
        # The core's own one-line summary names the file's encoding or sheet as it was read.
        self.summary = wrapped_label("")
        self.summary.setObjectName("importSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.problems = QTableView()
        self.problems.setObjectName("importProblems")
        read_only_table(self.problems)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addLayout(counts)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)

    def show_report(self, report: Any) -> None:
        errors = len(report.errors)
        self._created.setText(str(report.created))
        self._updated.setText(str(report.updated))
        self._errors.setText(str(errors))
        self._warnings.setText(str(len(report.warnings)))
        self.summary.setText(ui_text(report.summary_text()))
        self.problems.setModel(ProblemsModel(report.problems, self))
        fit_columns(self.problems, range(COL_MESSAGE))
        self.problems.setVisible(bool(report.problems))
        self.verdict.setText(self._verdict(report, errors))

    def _verdict(self, report: Any, errors: int) -> str:
        if errors:
            # One sentence that says why the button is off and what to do about it.
            return self.tr(
                "Nothing can be imported while the file has errors ({count}). Correct them in "
                "the spreadsheet and choose it again, or go back and change what the columns "
                "are imported as."
            ).format(count=errors)
        if report.warnings:
            return self.tr(
                "The file can be imported. The warnings below do not stop the import; read "
                "them first."
            )
        return self.tr("The file can be imported: no problems were found.")
