"""The Settings page: the window's language, and where VRUS keeps its files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from vrus import __version__
from vrus.ui.i18n import LANGUAGE_NAMES
from vrus.ui.settings import LANGUAGE, LANGUAGES, Settings
from vrus.ui.widgets import page_layout, wrapped_label


class SettingsPage(QWidget):
    def __init__(self, settings: Settings, *, title: str, database: str, log_file: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        # The language the window was built in; the translator is installed only at start.
        self._running_language = settings.get(LANGUAGE)

        self.language = QComboBox()
        self.language.setObjectName("languageSelector")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(self._running_language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.restart_note = wrapped_label(
            self.tr("The new language is used from the next time VRUS starts."))
        self.restart_note.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Database:"), _path_label(database, "databaseLocation"))
        form.addRow(self.tr("Log file:"), _path_label(log_file, "logLocation"))
        form.addRow(self.tr("Version:"), QLabel(f"VRUS {__version__}"))

        layout = page_layout(self, title)
        layout.addLayout(form)
        layout.addStretch(1)

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        self._settings.set(LANGUAGE, code)
        self._settings.sync()
        self.restart_note.setVisible(code != self._running_language)


def _path_label(text: str, name: str) -> QLabel:
    # Selectable, so the path can be copied into a file manager or an e-mail to support.
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
