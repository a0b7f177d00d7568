"""Text from the register shown as text, never as markup.

Qt shows the text of a ``QLabel``, a ``QMessageBox`` and a tooltip as rich text (HTML) when it
looks like some (``Qt.TextFormat.AutoText``). A name, a title or a note is what the user
typed, not markup: a person named "<b>Ola</b>" must read exactly that, and a stored
``<img src="...">`` must not make the window fetch anything. So every label and every message
box of the window is plain text, made here:

- ``plain_label`` for a label, ``make_plain`` for one made otherwise;
- ``message_box`` for a message box (``show_error`` for the modal error box), which ``ask``
  (``confirm.py``) uses too;
- ``plain_tooltip`` for a tooltip that may hold the register's text (a tooltip has no format
  of its own: text that looks like markup is escaped instead).

A label that needs markup (a link) sets ``Qt.TextFormat.RichText`` itself and escapes what it
shows from the register with ``html.escape``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def make_plain(label: QLabel) -> QLabel:
    label.setTextFormat(PLAIN)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return make_plain(QLabel(text, parent))


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box whose text (and informative text) is shown as written."""
    box = QMessageBox(icon, title, "", buttons, parent)
    make_plain_box(box)
    box.setText(text)
    return box


def make_plain_box(box: QMessageBox) -> QMessageBox:
    """Plain text for a box made otherwise (a subclass); before its text is set, so that
    the box lays the text out as plain text."""
    box.setTextFormat(PLAIN)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """The modal error box (what ``QMessageBox.critical`` shows), in plain text."""
    message_box(QMessageBox.Icon.Critical, title, text, parent=parent).exec()


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it: escaped (and so rich text) only when Qt would take it
    for markup, otherwise as it is."""
    return GuiQt.convertFromPlainText(text) if GuiQt.mightBeRichText(text) else text
