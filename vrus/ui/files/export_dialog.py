"""Exporting a table of the register to a spreadsheet: what, then where, then the result.

The dialog asks what to export; the save dialog asks where (the name's ending, .csv or
.xlsx, decides the format); ``export`` runs in the thread pool while a busy bar shows; the
message says how many rows were written and what the member sheet cannot carry exactly.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from vrus import clock
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.ui.common.messages import failure_text, ui_text
from vrus.ui.common.options import LAST_EXPORT_FOLDER, Settings
from vrus.ui.common.plain_text import message_box
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import wrapped_label

log = logging.getLogger(__name__)

# What each export is called, and the file name offered for it (without the ending).
LABELS = {
    "members": QT_TRANSLATE_NOOP("ExportDialog", "Members (imports back into VRUS)"),
    "guardians": QT_TRANSLATE_NOOP("ExportDialog", "Guardians"),
    "memberships": QT_TRANSLATE_NOOP("ExportDialog", "Memberships, also earlier ones"),
    "events": QT_TRANSLATE_NOOP("ExportDialog", "Events"),
    "signups": QT_TRANSLATE_NOOP("ExportDialog", "Sign-ups"),
    "attendance": QT_TRANSLATE_NOOP("ExportDialog", "Attendance"),
}
FILE_NAMES = {
    "members": QT_TRANSLATE_NOOP("ExportDialog", "members"),
    "guardians": QT_TRANSLATE_NOOP("ExportDialog", "guardians"),
    "memberships": QT_TRANSLATE_NOOP("ExportDialog", "memberships"),
    "events": QT_TRANSLATE_NOOP("ExportDialog", "events"),
    "signups": QT_TRANSLATE_NOOP("ExportDialog", "sign-ups"),
    "attendance": QT_TRANSLATE_NOOP("ExportDialog", "attendance"),
}
WARNINGS_LISTED = 10  # in the message; the rest are counted


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


class ExportDialog(QDialog):
    """What to export; accepting it goes on to the save dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # The exports are imported when the dialog opens, not with the window's File menu.
        from vrus.exporting import EXPORTS

        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.what = QComboBox()
        self.what.setObjectName("exportWhat")
        for name in EXPORTS:
            self.what.addItem(_tr(LABELS[name]), name)
        self.archived = QCheckBox(self.tr("Include archived persons"))
        self.what.currentIndexChanged.connect(self._what_changed)
        form = QFormLayout()
        form.addRow(self.tr("Export:"), self.what)
        form.addRow("", self.archived)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "The file name decides the format: .csv opens in Excel with a double click, "
                    ".xlsx is an Excel workbook. The file holds personal data: keep it where "
                    "others cannot read it, and delete it when it has done its job."
                )
            )
        )
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._what_changed()

    def chosen(self) -> str:
        return str(self.what.currentData())

    def _what_changed(self, *_args: object) -> None:
        # Only the member sheet leaves archived persons out; the other tables list all.
        self.archived.setEnabled(self.chosen() == "members")


class ExportFlow(QObject):
    """File → Export…: the dialog, the save dialog, the export in the pool, the message."""

    def __init__(
        self, db: Database, settings: Settings, window: QWidget, today: Today | None = None
    ) -> None:
        super().__init__(window)
        self._db = db
        self._settings = settings
        self._window = window
        self._today = today or clock.today
        self.running = False
        # Kept so tests can reach what is open now.
        self.dialog: ExportDialog | None = None
        self.busy: QProgressDialog | None = None
        self.message: QMessageBox | None = None

    def start(self) -> None:
        if self.running:
            return
        self.dialog = ExportDialog(self._window)
        self.dialog.accepted.connect(self._chosen)
        self.dialog.open()

    def _chosen(self) -> None:
        assert self.dialog is not None
        what, archived = self.dialog.chosen(), self.dialog.archived.isChecked()
        path = self._ask_for_file(what)
        if path is not None:
            self._run(what, path, archived and what == "members")

    def _ask_for_file(self, what: str) -> Path | None:
        folder = Path(self._settings.get(LAST_EXPORT_FOLDER) or Path.home())
        suggested = folder / f"{_tr(FILE_NAMES[what])}-{self._today().isoformat()}.csv"
        csv_filter = self.tr("CSV for Excel (*.csv)")
        name, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export"),
            str(suggested),
            ";;".join([csv_filter, self.tr("Excel workbook (*.xlsx)")]),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            # Some file dialogs do not add the ending of the chosen type.
            path = path.with_name(path.name + (".csv" if chosen_filter == csv_filter else ".xlsx"))
        self._settings.set(LAST_EXPORT_FOLDER, str(path.parent))
        return path

    def _run(self, what: str, path: Path, include_archived: bool) -> None:
        from vrus.exporting import export

        self.running = True
        db, today = self._db, self._today()
        busy = QProgressDialog(
            self.tr("Exporting to {name}…").format(name=path.name), "", 0, 0, self._window
        )
        busy.setCancelButton(None)  # the export is short and writes a new file whole
        busy.setWindowTitle(self.tr("Export"))
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        self.busy = busy
        task = BackgroundTask(
            lambda _progress: export(
                db, what, path, today=today, include_archived=include_archived
            ),
            f"export {what}",
        )
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.start()

    def _succeeded(self, result: Any) -> None:
        self._finish()
        log.info("exported %d rows (%d warnings)", result.rows, len(result.warnings))
        # Worded without a plural, so English needs no translation file.
        parts = [
            self.tr("Rows exported: {rows}\nFile: {path}").format(
                rows=result.rows, path=str(result.path)
            )
        ]
        icon = QMessageBox.Icon.Information
        if result.warnings:
            icon = QMessageBox.Icon.Warning
            parts.append(
                self.tr("These values will not import back exactly as they are in the register:")
            )
            parts.append(self._warning_lines(result.warnings))
        self._inform(icon, "\n\n".join(parts))

    def _warning_lines(self, warnings: list[Any]) -> str:
        lines = [ui_text(warning.message) for warning in warnings[:WARNINGS_LISTED]]
        if len(warnings) > WARNINGS_LISTED:
            lines.append(
                self.tr("… and {count} more").format(count=len(warnings) - WARNINGS_LISTED)
            )
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self._inform(
            QMessageBox.Icon.Critical, failure_text(self.tr("Nothing was exported."), error)
        )

    def _finish(self) -> None:
        self.running = False
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None

    def _inform(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = message_box(
            icon, self.tr("Export"), text, QMessageBox.StandardButton.Ok, self._window
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.open()
