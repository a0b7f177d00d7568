"""Help → About VRUS: the version, the licence, and where this register's data lives.

The paths are the ones this window uses (the register, its backups folder, the log file and
the window's settings file), each selectable to copy. The licence is the one the installed
package declares (``pyproject.toml``), so the dialog cannot tell another story than the wheel.
"""

from __future__ import annotations

import importlib.metadata
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vrus import __version__
from vrus.backup_files import backup_dir
from vrus.db.engine import Database
from vrus.logsetup import log_file
from vrus.ui.common.plain_text import plain_label, plain_tooltip
from vrus.ui.common.widgets import heading_label, wrapped_label

NO_VALUE = "–"


def licence() -> str:
    """The licence the installed package declares; a dash when it declares none."""
    try:
        metadata = importlib.metadata.metadata("vrus")
    except importlib.metadata.PackageNotFoundError:
        return NO_VALUE
    return metadata.get("License-Expression") or metadata.get("License") or NO_VALUE


def _path_label(text: str, name: str) -> QLabel:
    # Whole and selectable, to copy into a file manager or an e-mail to support; a path does
    # not wrap (it has no spaces to wrap at), so the dialog is as wide as the longest.
    label = plain_label(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setToolTip(plain_tooltip(text))
    return label


class AboutDialog(QDialog):
    def __init__(
        self, db: Database, *, settings_file: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About VRUS"))
        title = heading_label(f"VRUS {__version__}")
        title.setObjectName("aboutTitle")
        summary = wrapped_label(
            self.tr(
                "The administration program of Vestregionens Ungdomssymfonikere: the register "
                "of members, juniors and aspirants, the season's events with sign-ups and "
                "attendance, lunch at the seminars, and the reports."
            )
        )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.version = plain_label(__version__)
        self.version.setObjectName("aboutVersion")
        self.licence = plain_label(licence())
        self.licence.setObjectName("aboutLicence")
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Licence:"), self.licence)
        form.addRow(
            self.tr("Running on:"),
            plain_label(
                f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
                f"Qt {qVersion()}"
            ),
        )
        self.register = _path_label(db.display_name, "aboutRegister")
        form.addRow(self.tr("Register:"), self.register)
        self.backups: QLabel | None = None
        if db.path is not None:
            self.backups = _path_label(str(backup_dir(db)), "aboutBackups")
            form.addRow(self.tr("Backups:"), self.backups)
        self.log = _path_label(str(log_file()), "aboutLog")
        form.addRow(self.tr("Log file:"), self.log)
        self.settings = _path_label(settings_file or NO_VALUE, "aboutSettings")
        form.addRow(self.tr("Window settings:"), self.settings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addLayout(form)
        if db.path is not None:  # on a server, the server keeps the data
            note = wrapped_label(
                self.tr(
                    "The register and its backups hold children's personal data and are "
                    "readable by your user only; the log names no personal data. The user "
                    "guide (F1) tells more under Backups."
                )
            )
            note.setObjectName("aboutNote")
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
