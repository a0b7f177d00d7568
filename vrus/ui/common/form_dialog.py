"""A small form dialog that saves through the core and shows a refusal next to its field.

``submit`` calls ``save()`` (which may return False to keep the dialog open); a
``ValidationError`` leaves the dialog open with the message
under the field it names (or at the bottom), anything else the core refuses is shown at
the bottom too. Dialogs are opened with ``open()``, never ``exec()``: the window stays alive
and tests can drive the dialog like a user.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vrus.errors import VrusError
from vrus.ui.common.field_rows import error_label
from vrus.ui.common.messages import error_text
from vrus.validation import ValidationError


class FormDialog(QDialog):
    def __init__(self, title: str, accept_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self.general_error = error_label()
        self.general_error.setObjectName("dialogError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setObjectName("dialogOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.save: Callable[[], bool | None] = lambda: None

    def add_field(self, label: str, widget: QWidget, *names: str) -> None:
        """A row with an error line under ``widget`` for the core's field ``names``."""
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        error = error_label()
        inner.addWidget(error)
        if names:
            error.setObjectName(f"error_{names[0]}")
        for name in names:
            self._errors[name] = error
        self.form.addRow(label, box)

    def submit(self) -> None:
        self.clear_errors()
        try:
            if self.save() is False:
                return
        except ValidationError as error:
            self.show_error(error.field, error_text(error))
            return
        except VrusError as error:
            self.show_error("", error_text(error))
            return
        self.accept()

    def error_for(self, field: str) -> QLabel:
        return self._errors.get(field, self.general_error)

    def show_error(self, field: str, text: str) -> None:
        label = self._errors.get(field, self.general_error)
        label.setText(text)
        label.setVisible(True)
        self.adjustSize()  # room for the wrapped message; a dialog does not grow by itself

    def clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.clear()
            label.setVisible(False)


def open_dialog(dialog: FormDialog, save: Callable[[], bool | None]) -> FormDialog:
    """Show ``dialog`` window-modal without blocking; ``save`` runs when it is accepted."""
    dialog.save = save
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
