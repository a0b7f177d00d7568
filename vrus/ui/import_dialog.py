"""The import preview: what a dry run of the importer found, before anything is saved.

The report's summary and problems are the core's ``vrus.texts.Text`` messages; ``ui_text`` shows
them in the window's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.ui.texts import ui_text
from vrus.ui.widgets import fit_columns, read_only_table, wrapped_label

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


class ProblemsModel(QAbstractTableModel):
    """The problems of one import report: a short, fixed list, so it is held whole."""

    def __init__(self, problems: list[Any], parent=None) -> None:
        super().__init__(parent)
        self._problems = list(problems)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate("ProblemsModel", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole finding in one line, "rad 7, Fødselsdato: …", as the CLI prints it.
            return ui_text(problem.text())
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


class ImportPreviewDialog(QDialog):
    """Shows a dry-run report; accepting it means "import this file for real"."""

    def __init__(self, report: Any, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setModal(True)
        self.resize(760, 480 if report.problems else 260)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(self.tr("File: {name}").format(name=path.name)))
        layout.addWidget(wrapped_label(self.tr(
            "This was a trial run: nothing has been saved yet.")))
        layout.addLayout(self._counts(report))
        # The core's own one-line summary names the file's encoding or sheet as it was read.
        self.summary = wrapped_label(ui_text(report.summary_text()))
        self.summary.setObjectName("importSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.summary)

        self.problems = QTableView()
        self.problems.setModel(ProblemsModel(report.problems, self))
        read_only_table(self.problems)
        fit_columns(self.problems, range(COL_MESSAGE))
        self.problems.setVisible(bool(report.problems))
        layout.addWidget(self.problems, 1)

        buttons = QDialogButtonBox()
        if report.ok:
            self.import_button = buttons.addButton(self.tr("Import"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.import_button = None
            verdict = QLabel(self.tr(
                "The file has errors that must be corrected before it can be imported. "
                "Correct them in the spreadsheet and import it again."))
            verdict.setWordWrap(True)
            verdict.setObjectName("importBlocked")
            font = verdict.font()
            font.setBold(True)
            verdict.setFont(font)
            layout.addWidget(verdict)
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _counts(self, report: Any) -> QFormLayout:
        errors = sum(1 for p in report.problems if p.severity == "error")
        form = QFormLayout()
        form.addRow(self.tr("New persons:"), QLabel(str(report.created)))
        form.addRow(self.tr("Persons updated:"), QLabel(str(report.updated)))
        form.addRow(self.tr("Errors:"), QLabel(str(errors)))
        form.addRow(self.tr("Warnings:"), QLabel(str(len(report.problems) - errors)))
        return form
