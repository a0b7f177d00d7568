"""The save that lost a race: both values side by side, and the user's choice.

When the core refuses an edit because someone else changed the same fields since the window
read them (``vrus.conflicts.ConflictError``), ``settle_conflict`` shows, per field, "Your
change" beside "Now in the register", with who changed it last and when if the audit trail
knows. "Keep mine" writes the user's values over the other user's (``vrus.conflicts.resolve``,
one transaction; if the row moved once more meanwhile, the dialog comes back with the newer
values); "Keep theirs", Escape or closing the dialog keep what is in the register, and the
window shows it again. Nothing is overwritten without the user seeing both.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vrus.conflicts import Choice, ConflictError, FieldConflict, resolve
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.ui.common.colours import INFO, text_style
from vrus.ui.common.labels import display_phone
from vrus.ui.common.messages import core_message, error_text, ui_text
from vrus.ui.common.plain_text import plain_label, show_error

log = logging.getLogger(__name__)


def value_text(conflict: FieldConflict, mine: bool) -> str:
    """One side of a field as the window shows it: the core's words for it (a date as
    dd.mm.yyyy, a municipality by its name, "coming" for a yes), translated; a phone number
    as the editor shows it."""
    value = conflict.mine if mine else conflict.theirs
    if conflict.name == "phone" and isinstance(value, str) and value:
        return display_phone(value)
    return ui_text(conflict.mine_shown if mine else conflict.theirs_shown)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(stored: dt.datetime) -> str:
    local = stored.replace(tzinfo=dt.UTC).astimezone()  # stored times are UTC
    return f"{format_date(local.date())} {local:%H:%M}"


class ConflictDialog(QDialog):
    """Per field: the field, "Your change" and "Now in the register"; Keep mine / theirs."""

    def __init__(self, conflict: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.conflict = conflict
        self.choice = Choice.THEIRS  # closing the dialog keeps what is in the register

        heading = plain_label(self.tr("Someone else saved the same while you were editing"))
        heading.setObjectName("conflictHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        message = plain_label(self._message(conflict))
        message.setObjectName("conflictMessage")
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(message)
        if conflict.changed_by:
            who = plain_label(self._who(conflict))
            who.setObjectName("conflictWho")
            who.setWordWrap(True)
            layout.addWidget(who)
        layout.addWidget(self._table(conflict))
        question = plain_label(
            self.tr(
                "Keep mine saves your values over theirs. Keep theirs leaves the register as "
                "it is and drops your change."
            )
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        self.buttons = QDialogButtonBox()
        self.keep_mine = self.buttons.addButton(
            self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_mine.setObjectName("keepMine")
        self.keep_theirs = self.buttons.addButton(
            self.tr("Keep theirs"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_theirs.setObjectName("keepTheirs")
        # Nothing is overwritten by pressing Enter without reading: "theirs" is the default.
        self.keep_mine.setAutoDefault(False)
        self.keep_theirs.setDefault(True)
        self.buttons.accepted.connect(self._mine)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.keep_theirs.setDefault(True)  # the button box chooses its own when shown
        self.keep_theirs.setFocus()

    def _message(self, conflict: ConflictError) -> str:
        if not conflict.what:
            return core_message(conflict)
        return self.tr("{what} was changed by someone else since you opened it.").format(
            what=_first_upper(ui_text(conflict.what))
        )

    def _who(self, conflict: ConflictError) -> str:
        if conflict.changed_at is None:
            return self.tr("Last changed by {user}.").format(user=conflict.changed_by)
        return self.tr("Last changed by {user} at {time}.").format(
            user=conflict.changed_by, time=_when(conflict.changed_at)
        )

    def _table(self, conflict: ConflictError) -> QFrame:
        frame = QFrame()
        frame.setObjectName("conflictFields")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        for column, text in enumerate(("", self.tr("Your change"), self.tr("Now in the register"))):
            header = plain_label(text)
            bold = QFont(header.font())
            bold.setBold(True)
            header.setFont(bold)
            grid.addWidget(header, 0, column)
        self.cells: list[tuple[QLabel, QLabel]] = []
        for row, field in enumerate(conflict.fields, start=1):
            name = plain_label(ui_text(field.label))
            mine = self._cell(value_text(field, mine=True), f"mine_{field.name}")
            mine.setStyleSheet(text_style(INFO))  # blue: mine
            theirs = self._cell(value_text(field, mine=False), f"theirs_{field.name}")
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mine, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(theirs, row, 2, Qt.AlignmentFlag.AlignTop)
            self.cells.append((mine, theirs))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return frame

    def _cell(self, text: str, name: str) -> QLabel:
        label = plain_label(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMinimumWidth(160)
        return label

    def _mine(self) -> None:
        self.choice = Choice.MINE
        self.accept()


def settle_conflict(
    parent: QWidget,
    db: Database,
    conflict: ConflictError,
    *,
    kept: Callable[[Any], None],
    dropped: Callable[[], None],
) -> ConflictDialog:
    """Ask about ``conflict`` (window-modal, without blocking); then ``kept(result)`` once
    the user's values are saved (``result`` is what the edit returns), or ``dropped()`` once
    the register's values stay. A save that loses the race again asks again; one the core
    refuses otherwise is shown and counts as dropped."""
    dialog = ConflictDialog(conflict, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if dialog.choice is not Choice.MINE:
            dropped()
            return
        try:
            result = resolve(db, conflict, Choice.MINE)
        except ConflictError as again:
            settle_conflict(parent, db, again, kept=kept, dropped=dropped)
            return
        except VrusError as error:
            log.info("keeping one's own values was refused: %s", error_kind(error))
            title = QCoreApplication.translate("ConflictDialog", "Not saved")
            show_error(parent, title, error_text(error))
            dropped()
            return
        kept(result)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
