"""A page for a section that is not built yet: it says what will be there, and nothing more.

Nothing on it can be clicked, so it cannot pretend to work.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from vrus.ui.widgets import page_layout, wrapped_label


class PlaceholderPage(QWidget):
    def __init__(self, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purpose = wrapped_label(purpose)
        self.purpose.setMaximumWidth(640)
        not_built = QLabel(self.tr("This part of VRUS is not built yet."))
        not_built.setObjectName("notBuilt")
        font = not_built.font()
        font.setItalic(True)
        not_built.setFont(font)

        layout = page_layout(self, title)
        layout.addWidget(self.purpose)
        layout.addWidget(not_built)
        layout.addStretch(1)
