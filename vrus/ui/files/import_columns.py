"""The import wizard's column step: which column of the file is imported as which field.

``read_columns`` runs in the thread pool: it reads the file with the importer's own reader and
asks the importer which headers it knows, one header at a time, so two columns that both mean
"phone" both show as phone (the check then says to leave one out). ``ColumnsModel`` holds one
row per column; the user's choices become the ``mapping`` that ``import_members`` takes: only
the columns where the choice differs from what the importer would do by itself. A column the
importer does not know and the user leaves out is not in the mapping, so the check still lists
it as a warning ("unknown column").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vrus.importing import FIELDS, IGNORE
from vrus.importing.headers import REQUIRED, match_headers
from vrus.importing.sources import read_table
from vrus.ui.common.messages import ui_text
from vrus.ui.common.plain_text import plain_tooltip

EXAMPLES = 3  # values shown per column, so the user can tell what an unknown column holds
_EXAMPLE_WIDTH = 24  # characters per value before it is cut

COL_HEADER, COL_EXAMPLES, COL_FIELD, COL_NOTE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("ColumnsModel", "Column in the file"),
    QT_TRANSLATE_NOOP("ColumnsModel", "Examples"),
    QT_TRANSLATE_NOOP("ColumnsModel", "Imported as"),
    QT_TRANSLATE_NOOP("ColumnsModel", "Note"),
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FileColumn:
    header: str  # as written in the file
    automatic: str  # the field the importer takes it for, or IGNORE when it does not know it
    examples: tuple[str, ...]


@dataclass(frozen=True)
class FileColumns:
    columns: tuple[FileColumn, ...]
    rows: int  # data rows, the header not counted


def read_columns(path: Path) -> FileColumns:
    """The file's columns with a few values each; raises the importer's ``ImportFileError``."""
    table = read_table(path)
    columns = []
    for index, header in enumerate(table.headers):
        if not header.strip():
            continue  # the importer skips Excel's empty trailing columns too
        known = match_headers([header], table.header_row).positions
        automatic = next(iter(known), IGNORE)
        values = [
            str(row[index]) for row in table.rows if index < len(row) and row[index] is not None
        ]
        examples = tuple(_shortened(value) for value in values[:EXAMPLES])
        columns.append(FileColumn(header, automatic, examples))
    return FileColumns(tuple(columns), len(table.rows))


def _shortened(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _EXAMPLE_WIDTH else value[: _EXAMPLE_WIDTH - 1] + "…"


def field_label(name: str) -> str:
    """What a choice is called in the window: "Not imported", "Birth date", ..."""
    if name == IGNORE:
        return QCoreApplication.translate("ColumnsModel", "Not imported")
    label = ui_text(FIELDS[name][0])
    return label[:1].upper() + label[1:]


def choices() -> list[str]:
    return [IGNORE, *FIELDS]


class ColumnsModel(QAbstractTableModel):
    """The file's columns and the field each is imported as; the field column is editable."""

    mappingChanged = Signal()  # noqa: N815 - Qt's naming for signals

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns: list[FileColumn] = []
        self._chosen: list[str] = []

    # --- Contents ---------------------------------------------------------------------------

    def set_columns(self, columns: FileColumns) -> None:
        self.beginResetModel()
        self._columns = list(columns.columns)
        self._chosen = [column.automatic for column in self._columns]
        self.endResetModel()
        self.mappingChanged.emit()

    def choose(self, header: str, name: str) -> None:
        """Import the column ``header`` as ``name`` (a field, or IGNORE)."""
        row = next(i for i, column in enumerate(self._columns) if column.header == header)
        self.setData(self.index(row, COL_FIELD), name, Qt.ItemDataRole.EditRole)

    def chosen(self, header: str) -> str:
        return next(
            choice
            for column, choice in zip(self._columns, self._chosen, strict=True)
            if column.header == header
        )

    def mapping(self) -> dict[str, str]:
        """The choices ``import_members(mapping=...)`` needs: where they differ from its own."""
        return {
            column.header: choice
            for column, choice in zip(self._columns, self._chosen, strict=True)
            if choice != column.automatic
        }

    def known(self) -> int:
        """Columns the importer recognised by their header."""
        return sum(1 for column in self._columns if column.automatic != IGNORE)

    def missing(self) -> list[str]:
        """The required fields no column is imported as."""
        return [name for name in REQUIRED if name not in self._chosen]

    def doubled(self) -> list[str]:
        """Fields more than one column is imported as (the import refuses that)."""
        return [name for name in FIELDS if self._chosen.count(name) > 1]

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("ColumnsModel", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column, choice = self._columns[index.row()], self._chosen[index.row()]
        which = index.column()
        if role == Qt.ItemDataRole.EditRole and which == COL_FIELD:
            return choice
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, choice, which)
        if role == Qt.ItemDataRole.ToolTipRole and which == COL_EXAMPLES:
            return plain_tooltip("\n".join(column.examples)) or None
        if role == Qt.ItemDataRole.FontRole and which == COL_HEADER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and which == COL_NOTE and choice == IGNORE:
            return QPalette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def _display(self, column: FileColumn, choice: str, which: int) -> str | None:
        if which == COL_HEADER:
            return column.header
        if which == COL_EXAMPLES:
            return ", ".join(column.examples)
        if which == COL_FIELD:
            return field_label(choice)
        if which == COL_NOTE:
            return self._note(column, choice)
        return None

    def _note(self, column: FileColumn, choice: str) -> str:
        if choice != IGNORE and self._chosen.count(choice) > 1:
            return QCoreApplication.translate("ColumnsModel", "Chosen twice: leave one out")
        if column.automatic == IGNORE and choice == IGNORE:
            return QCoreApplication.translate("ColumnsModel", "Unknown heading")
        if choice != column.automatic:
            return QCoreApplication.translate("ColumnsModel", "Your choice")
        return ""

    def setData(
        self,
        index: Index,
        value: object,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != COL_FIELD
            or role != Qt.ItemDataRole.EditRole
            or value not in choices()
        ):
            return False
        if self._chosen[index.row()] == value:
            return True
        self._chosen[index.row()] = str(value)
        # A choice can make another row's note ("imported as this too") right or wrong.
        self.dataChanged.emit(self.index(0, COL_FIELD), self.index(self.rowCount() - 1, COL_NOTE))
        self.mappingChanged.emit()
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the fields, kept open in every row, that saves as soon as it changes."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: Index,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("fieldChoice")
        for name in choices():
            combo.addItem(field_label(name), name)
        # After the first choice is set: setEditorData fills in the current one.
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        if position != editor.currentIndex():
            editor.blockSignals(True)
            editor.setCurrentIndex(position)
            editor.blockSignals(False)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,  # noqa: N802
        index: Index,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
