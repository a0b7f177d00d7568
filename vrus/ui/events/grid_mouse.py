"""The sign-up and attendance grid with the mouse: a click gives a cell its next value, a
right click (or the Menu key) offers the choices for the cell or the selected range, and a
note is edited in place by a double click (or F2).

A click is a press and a release on the same cell without a modifier and without dragging
in between: a drag or a shift-click only selects (Qt's own handling, left untouched), and
the cells of the range are then set at once from the menu, or by a key. A double click on a
status is two clicks: quick clicking steps on as slow clicking does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QActionGroup, QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vrus.db.enums import Answer, AttendanceStatus
from vrus.signups import NOTE_LIMIT
from vrus.ui.events.signup_grid_model import Cell

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from vrus.ui.events.signup_grid import SignupGridPanel

Index = QModelIndex | QPersistentModelIndex
# Shows the menu at a global position; tests replace it to choose without a blocking loop.
MenuRunner = Callable[[QMenu, QPoint], object]


_WATCHED = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonRelease,
    }
)


def _run_menu(menu: QMenu, at: QPoint) -> object:
    return menu.exec(at)


class GridMouse(QObject):
    """Watches the grid's viewport for clicks and the view for the context menu."""

    def __init__(self, panel: SignupGridPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self._view = panel.view
        self._pressed: QPersistentModelIndex | None = None
        self.run_menu: MenuRunner = _run_menu
        self.menu: QMenu | None = None  # the last menu shown (for tests and screenshots)
        self._viewport = self._view.viewport()
        self._viewport.installEventFilter(self)
        self._view.installEventFilter(self)  # the Menu key's event comes to the view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Only the few events below: anything else (a widget being destroyed) is not touched.
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            self._context_menu(event)
            return True
        if watched is not self._viewport or not isinstance(event, QMouseEvent):
            return False
        if event.button() == Qt.MouseButton.LeftButton and kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
        ):
            index = self._view.indexAt(event.position().toPoint())
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            clickable = plain and index.isValid() and self._panel.clickable(index)
            self._pressed = QPersistentModelIndex(index) if clickable else None
        elif kind == QEvent.Type.MouseMove and self._pressed is not None:
            if self._view.indexAt(event.position().toPoint()) != QModelIndex(self._pressed):
                self._pressed = None  # a drag: it selects a range, it sets nothing
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            pressed, self._pressed = self._pressed, None
            index = self._view.indexAt(event.position().toPoint())
            if pressed is not None and pressed.isValid() and index == QModelIndex(pressed):
                self._panel.cycle(index)  # Qt's own release follows: it settles the selection
        return False

    # --- The context menu --------------------------------------------------------------------

    def _context_menu(self, event: QContextMenuEvent) -> None:
        view = self._view
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            pos = view.viewport().mapFromGlobal(event.globalPos())
            index = view.indexAt(pos)
        else:  # the Menu key, Shift+F10: at the current cell
            index = view.currentIndex()
            pos = view.visualRect(index).center()
        if not index.isValid() or self._panel.model.is_heading(index.row()):
            return
        if not view.selectionModel().isSelected(index):
            view.setCurrentIndex(index)  # a right click outside the range: this cell alone
        self.open_menu(index, view.viewport().mapToGlobal(pos))

    def open_menu(self, index: QModelIndex, at: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()  # one menu kept at a time, not one per right click
        menu = self.build_menu(index)
        self.menu = menu
        self.run_menu(menu, at)

    def build_menu(self, index: QModelIndex) -> QMenu:
        """The choices for the cell ``index`` and the cells of its kind in the selection."""
        panel = self._panel
        cell = panel.model.cell(index.column())
        cells = panel.selected_cells(cell, index)
        menu = QMenu(self._view)
        menu.setObjectName("gridMenu")
        menu.addSection(panel.cells_title(cells))
        shown = {panel.cell_value(i) for i in cells}
        allowed = panel.may_change(cell)
        # Radio marks: one value per cell; none ticked when the range holds several.
        group = QActionGroup(menu)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for label, value in self._choices(cell):
            action = menu.addAction(label)
            group.addAction(action)
            action.setObjectName(f"gridChoice_{value}")
            action.setCheckable(True)
            action.setChecked(shown == {value})
            action.setEnabled(allowed)
            action.triggered.connect(
                lambda _checked=False, v=value: panel.set_cells(cells, cell, v, moving=False)
            )
        if cell in (Cell.ANSWER, Cell.LUNCH) and not allowed:
            note = menu.addAction(
                translate("SignupGridPanel", "The sign-ups are the coordinator's")
            )
            note.setEnabled(False)
        if panel.model.notes_editable and len(cells) == 1:
            menu.addSeparator()
            edit = menu.addAction(translate("SignupGridPanel", "Edit note…"))
            edit.setObjectName("gridEditNote")
            row = index.row()
            edit.triggered.connect(lambda _checked=False: panel.edit_note(row))
        menu.addSeparator()
        menu.addAction(panel.undo_action)
        menu.addAction(panel.redo_action)
        return menu

    def _choices(self, cell: Cell) -> list[tuple[str, object]]:
        # After the tab: the key that does the same, shown where a menu shows shortcuts.
        if cell is Cell.ANSWER:
            return [
                (translate("SignupGridPanel", "Yes\tJ"), Answer.YES.value),
                (translate("SignupGridPanel", "No\tN"), Answer.NO.value),
                (translate("SignupGridPanel", "Not answered\tDel"), Answer.UNKNOWN.value),
            ]
        if cell is Cell.LUNCH:
            return [
                (translate("SignupGridPanel", "Lunch\tL"), True),
                (translate("SignupGridPanel", "No lunch\tL"), False),
            ]
        if cell is Cell.DAY:
            return [
                (translate("SignupGridPanel", "Present\tM"), AttendanceStatus.PRESENT.value),
                (translate("SignupGridPanel", "Absent\tF"), AttendanceStatus.ABSENT.value),
                (translate("SignupGridPanel", "Excused\tG"), AttendanceStatus.EXCUSED.value),
                (translate("SignupGridPanel", "Not recorded\tDel"), None),
            ]
        return []


class NoteDelegate(QStyledItemDelegate):
    """Edits a sign-up's note in place; Enter hands the text to ``save`` (which saves it
    through the core as one undoable step), Escape drops it."""

    def __init__(self, save: Callable[[QModelIndex, str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._save = save

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("gridNoteEditor")
        editor.setMaxLength(NOTE_LIMIT)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        assert isinstance(editor, QLineEdit)
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(  # noqa: N802 - Qt's name
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QLineEdit)
        self._save(QModelIndex(index), editor.text())
