"""The first-start panel: shown instead of the Members table while the register is empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrus.ui.common.widgets import heading_label, wrapped_label


class WelcomePanel(QWidget):
    demoRequested = Signal()  # noqa: N815 - Qt's naming for signals
    importRequested = Signal()  # noqa: N815

    def __init__(
        self, *, can_load_demo: bool, can_import: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._can_load_demo = can_load_demo
        self._can_import = can_import

        self.demo_button = QPushButton(self.tr("Load the demo season"))
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.clicked.connect(self.demoRequested)
        self.import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.importRequested)
        self.progress = QProgressBar()
        # Norwegian puts a space between the number and the per cent sign.
        self.progress.setFormat(self.tr("%p%"))
        self.progress.setVisible(False)
        self.status = wrapped_label("")
        self.status.setVisible(False)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        options = QGridLayout()
        options.setHorizontalSpacing(16)
        options.setVerticalSpacing(12)
        options.addWidget(self.demo_button, 0, 0, Qt.AlignmentFlag.AlignTop)
        options.addWidget(
            wrapped_label(
                self.tr(
                    "Fictional members, seminars and lunch lists, to get to know the program "
                    "before the real register is entered."
                )
            ),
            0,
            1,
        )
        options.addWidget(self.import_button, 1, 0, Qt.AlignmentFlag.AlignTop)
        options.addWidget(
            wrapped_label(
                self.tr(
                    "Bring in the members from a CSV or Excel (XLSX) file. You see what will be "
                    "imported, and any problems in the file, before anything is saved."
                )
            ),
            1,
            1,
        )
        options.setColumnStretch(1, 1)

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        # A fixed width lets the layout work out the height of the wrapped texts; with a
        # flexible one Qt sizes the card before wrapping and clips the descriptions.
        card.setFixedWidth(560)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        inner.addWidget(heading_label(self.tr("Welcome to VRUS")))
        inner.addWidget(
            wrapped_label(
                self.tr(
                    "The register is empty. Try the program with a demo season, or bring in the "
                    "members you already have in a spreadsheet."
                )
            )
        )
        inner.addLayout(options)
        inner.addWidget(self.progress)
        inner.addWidget(self.status)

        # Centred with stretches rather than an alignment flag: an aligned widget gets only
        # its size hint, which does not allow for the wrapped lines.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.show_idle()

    def show_busy(self, text: str) -> None:
        self.demo_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setVisible(True)
        self._show_status(text)

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def demo_loaded_text(self, summary: Any) -> str:
        """What the demo loaded, from a ``vrus.demo.DemoSummary``'s counts.

        ``DemoSummary.describe()`` is the terminal's English; the window says it itself.
        Worded without plurals: the numbers are whatever the demo made.
        """
        return self.tr(
            "The demo season {season} is loaded. Persons: {persons} (former members: "
            "{former}). Guardians: {guardians}. Events: {events}. Everyone in it is "
            "fictional."
        ).format(
            season=summary.season,
            persons=summary.persons,
            former=summary.former,
            guardians=summary.guardians,
            events=sum(summary.events.values()),
        )

    def show_demo_loaded(self, summary: Any) -> None:
        self.show_idle(self.demo_loaded_text(summary))

    def show_idle(self, message: str = "") -> None:
        self.demo_button.setEnabled(self._can_load_demo)
        self.import_button.setEnabled(self._can_import)
        if not self._can_load_demo:
            self.demo_button.setToolTip(self.tr("The demo season is not part of this version."))
        if not self._can_import:
            self.import_button.setToolTip(self.tr("Importing is not part of this version."))
        self.progress.setVisible(False)
        self._show_status(message)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
