"""Form fields that save themselves: one widget, its saved value and an inline message.

Each field says when the user has finished changing it (``committed``); the form then calls
the core. The field remembers the value last loaded from the register, so a field left
unchanged saves nothing, and shows the core's refusal right under itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vrus.dates import format_date
from vrus.ui.common.colours import WARNING, text_style
from vrus.ui.common.plain_text import plain_label


def error_style() -> str:
    """A message's style sheet when it tells of an error: red, light or dark as the palette."""
    return text_style(WARNING)


def error_label() -> QLabel:
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet(error_style())
    label.setVisible(False)
    return label


class Field(QWidget):
    """Base: a value widget over an error label."""

    committed = Signal(str)  # the field's name

    def __init__(self, name: str, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.editor = editor
        editor.setObjectName(f"field_{name}")
        self.error = error_label()
        self.error.setObjectName(f"error_{name}")
        self.loaded: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)

    def load(self, value: Any) -> None:
        self.loaded = value
        self.show_value(value)
        self.clear_error()

    def changed(self) -> bool:
        return self.value() != self.loaded

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)

    # Overridden per kind of widget.
    def value(self) -> Any:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _commit(self, *_args: object) -> None:
        self.committed.emit(self.name)


class TextField(Field):
    """A line of text; empty means "not known" (None)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, QLineEdit(), parent)
        self.line: QLineEdit = self.editor
        self.line.editingFinished.connect(self._commit)

    def value(self) -> Any:
        return self.line.text().strip() or None

    def show_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))

    def changed(self) -> bool:
        loaded = None if self.loaded is None else str(self.loaded).strip() or None
        return self.value() != loaded


class DateField(TextField):
    """A date typed as dd.mm.yyyy; the core parses it (and 2-digit years, ISO dates)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.line.setPlaceholderText(self.tr("dd.mm.yyyy"))

    def show_value(self, value: Any) -> None:
        self.line.setText(format_date(value) if isinstance(value, dt.date) else "")

    def changed(self) -> bool:
        shown = format_date(self.loaded) if isinstance(self.loaded, dt.date) else None
        return self.value() != shown


class ChoiceField(Field):
    """A choice from a list; the items carry the stored values as data (None: not chosen)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, QComboBox(), parent)
        self.combo: QComboBox = self.editor
        self.combo.activated.connect(self._commit)

    def set_choices(self, choices: list[tuple[str, Any]], empty: str = "—") -> None:
        self.combo.clear()
        self.combo.addItem(empty, None)
        for text, data in choices:
            self.combo.addItem(text, data)

    def value(self) -> Any:
        return self.combo.currentData()

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


class CheckField(Field):
    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(name, QCheckBox(text), parent)
        self.check: QCheckBox = self.editor
        self.check.clicked.connect(self._commit)

    def value(self) -> Any:
        return self.check.isChecked()

    def show_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))


class NotesField(Field):
    """Several lines of text, saved when the focus moves on to another widget.

    Watched through the application's focusChanged signal rather than an override of
    focusOutEvent: Qt sends focus events while a window is being torn down, and a Python
    override called then crashes PySide.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, QPlainTextEdit(), parent)
        self.text_edit: QPlainTextEdit = self.editor
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().height() * 4 + 12)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if now is not None and old is self.text_edit and self.isVisible():
            self._commit()

    def value(self) -> Any:
        return self.text_edit.toPlainText().strip() or None

    def show_value(self, value: Any) -> None:
        self.text_edit.setPlainText("" if value is None else str(value))

    def changed(self) -> bool:
        loaded = None if self.loaded is None else str(self.loaded).strip() or None
        return self.value() != loaded
