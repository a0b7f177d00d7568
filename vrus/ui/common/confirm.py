"""A question before an action that cannot be undone, with the action named on its button."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from vrus.ui.common.plain_text import message_box


def ask(
    parent: QWidget | None, title: str, text: str, accept: str, *, destructive: bool = False
) -> bool:
    """True if the user chose ``accept``; Cancel is the default, so Enter does nothing rash.
    ``text`` is shown as written (plain text: it names persons and events)."""
    box = message_box(
        QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("confirmBox")
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is yes
