"""A table model over one table of a core report (``vrus.reports.tables.Table``).

The report is already computed when it reaches the window, so the model only shows it: each
cell formatted by the report's ``Translator`` exactly as the exported files write it (so the
screen, the spreadsheet and the PDF agree on "1 234,5", "80 %" and "lørdag 17.01.2026"),
numbers and times right-aligned, rows that need attention (``Table.marked``) shaded, the
total rows at the end bold. Rows keep the report's order: it means something (gaps first, the
score's order), and a sort would move the totals.

Cells are formatted when first drawn and then kept: the attendance report of a large register
has tens of thousands of them, and the view draws only what is on screen.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from vrus.reports.labels import MARKED_LABEL
from vrus.reports.language import Translator
from vrus.reports.tables import Column, Kind, Table
from vrus.ui.common.colours import MARK_EDGE, MARKED_BACKGROUND, TOTAL_BACKGROUND, brush
from vrus.ui.reports.column_tips import explanation, heading_tooltip

VALUE_ROLE = Qt.ItemDataRole.UserRole  # the cell as the core gave it (int, float, date, text)
MARKED_ROLE = Qt.ItemDataRole.UserRole + 1
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 2

# A marked row: nobody from a municipality, a gap, does not count (light shades; on a dark
# palette the dark ones of vrus.ui.common.colours).
MARK_BACKGROUND = MARKED_BACKGROUND.light
MARK_COLOUR = MARK_EDGE.light  # its swatch's edge, and the chart's marked labels
HEADER_WRAP = 16  # a heading wraps onto more lines at about this many characters

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex


def right_aligned(column: Column) -> bool:
    return column.numeric or column.kind is Kind.TIME


def wrapped_heading(text: str, width: int = HEADER_WRAP) -> str:
    """ "Ungdomssymfonikerne per 1 000 aged 13–18" over three lines, so a long heading does not
    make its column of small numbers as wide as the heading."""
    return (
        "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))
        or text
    )


class ReportTableModel(QAbstractTableModel):
    def __init__(self, table: Table, tr: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self._tr = tr
        self._headings = [tr(column.label) for column in table.columns]
        # The whole heading, and how a computed figure is computed (vrus.ui.reports.column_tips).
        self._heading_tips = [
            heading_tooltip(heading, explanation(table, column))
            for heading, column in zip(self._headings, table.columns, strict=True)
        ]
        self._texts: dict[tuple[int, int], str] = {}
        self._mark_tip = (
            tr(MARKED_LABEL.format(what=table.mark_note)) if table.mark_note is not None else ""
        )
        self._bold = QFont()
        self._bold.setBold(True)

    # --- Shape ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.table.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- Cells ----------------------------------------------------------------------------------

    def text(self, row: int, column: int) -> str:
        key = (row, column)
        text = self._texts.get(key)
        if text is None:
            text = self._tr.cell(self.table.rows[row][column], self.table.columns[column])
            self._texts[key] = text
        return text

    def is_marked(self, row: int) -> bool:
        return row in self.table.marked

    def is_total(self, row: int) -> bool:
        return self.table.total_rows > 0 and self.table.is_total(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if right_aligned(self.table.columns[column]) else LEFT)
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.is_marked(row):
                return brush(MARKED_BACKGROUND)
            if self.is_total(row):
                return brush(TOTAL_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            # What the shading says to the eye, in words for a screen reader.
            if self.is_marked(row):
                return self._mark_tip or None
            if self.is_total(row):
                return QCoreApplication.translate("ReportTableModel", "Total")
            return None
        if role == VALUE_ROLE:
            return self.table.rows[row][column]
        if role == MARKED_ROLE:
            return self.is_marked(row)
        if role == TOTAL_ROLE:
            return self.is_total(row)
        return None

    def _tooltip(self, row: int, column: int) -> str | None:
        if self.is_marked(row) and self._mark_tip:
            return self._mark_tip
        text = self.text(row, column)
        # Long texts (the reasons a participant does not count) may be cut off in the cell.
        return text if len(text) > 40 else None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headings):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return wrapped_heading(self._headings[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._heading_tips[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            column = self.table.columns[section]
            return int(
                (
                    Qt.AlignmentFlag.AlignRight
                    if right_aligned(column)
                    else Qt.AlignmentFlag.AlignLeft
                )
                | Qt.AlignmentFlag.AlignBottom
            )
        return None

    def heading(self, column: int) -> str:
        """The column's heading on one line (the view shows it wrapped)."""
        return self._headings[column]

    # --- Copying --------------------------------------------------------------------------------

    def rows_as_text(self, rows: list[int]) -> str:
        """Tab-separated with the headings, as a spreadsheet or a word processor pastes it."""
        lines = ["\t".join(self._headings)]
        lines += [
            "\t".join(self.text(row, column) for column in range(self.columnCount()))
            for row in rows
        ]
        return "\n".join(lines)
