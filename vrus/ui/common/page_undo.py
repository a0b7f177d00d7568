"""A page's own undo stack (the Events list, the Lunch page), like the Members page's.

Each user action the page makes is recorded by ``vrus.undo`` (snapshots of the rows it may
touch) and pushed as one ``StepCommand`` named after the action; undo and redo are one
transaction each. The page's Undo and Redo are page actions (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y
while the focus is on the page, which must mix in ``PageShortcuts``); the window's Edit menu
shows them while the page is in front. A step that cannot be undone any more (the same rows
were changed again meanwhile) is said in a message box, and the stack is cleared: what is
left on it may describe a register that no longer is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from vrus import undo
from vrus.db.engine import Database
from vrus.logsetup import error_kind
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.messages import error_text
from vrus.ui.common.page_shortcuts import page_action
from vrus.ui.common.plain_text import message_box
from vrus.ui.common.undo_commands import StepCommand

log = logging.getLogger(__name__)


class PageUndo(QObject):
    def __init__(self, db: Database, changes: RegisterChanges, page: QWidget, name: str) -> None:
        """``page`` holds the actions (its focus makes Ctrl+Z this stack's); ``name`` makes
        their object names, ``<name>UndoAction`` and ``<name>RedoAction``."""
        super().__init__(page)
        self._db = db
        self._changes = changes
        self._page = page
        self.notice: QMessageBox | None = None  # why an undo was refused
        self.stack = QUndoStack(self)
        self.undo_action = page_action(
            page, self.tr("&Undo"), f"{name}UndoAction", self.stack.undo, [QKeySequence("Ctrl+Z")]
        )
        self.redo_action = page_action(
            page,
            self.tr("&Redo"),
            f"{name}RedoAction",
            self.stack.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
        )
        self.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(
                self.tr("&Undo {action}").format(action=text) if text else self.tr("&Undo")
            )
        )
        self.stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(
                self.tr("&Redo {action}").format(action=text) if text else self.tr("&Redo")
            )
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def push(self, step: undo.Step, description: str) -> None:
        """A recorded action, already done: undoable as ``description``, unless it changed
        nothing."""
        if step.changed:
            self.stack.push(StepCommand(self._db, step, description, self._notify, self._failed))

    def _notify(self, _person_id: int, _relist: bool) -> None:
        self._changes.changed.emit()

    def _failed(self, error: BaseException) -> None:
        log.warning("undo or redo failed: %s", error_kind(error))
        # Not while the stack is still running the command that failed.
        QTimer.singleShot(0, self.stack.clear)
        box = message_box(
            QMessageBox.Icon.Warning,
            self.tr("Undo"),
            self.tr("That could not be undone: {reason}").format(reason=error_text(error)),
            QMessageBox.StandardButton.Ok,
            self._page,
        )
        box.setObjectName("undoRefused")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice = box
        box.open()
        self._changes.changed.emit()
