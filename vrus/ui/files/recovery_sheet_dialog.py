"""The recovery sheet: the encrypted register's key as groups to copy onto paper, and "Save as
PDF…" for the printable sheet (``vrus.printing.recovery_sheet``, as ``vrus key export -o``).

Shown after the register was encrypted, when the window opens on a register made encrypted
just now, and from Settings → Privacy. The key is shown in a field the user can select from
but not change; VRUS itself never puts it on the clipboard, in a log line or in the settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrus import clock
from vrus.clock import Today
from vrus.db.keys import KEY_STORE, RegisterKey
from vrus.errors import VrusError
from vrus.printing.recovery_sheet import write_recovery_sheet
from vrus.recovery_code import format_recovery
from vrus.ui.common.messages import failure_text
from vrus.ui.common.plain_text import message_box
from vrus.ui.common.widgets import wrapped_label
from vrus.ui.files.printing import open_in_viewer

# The name offered for the PDF: Norwegian like the sheet itself, as "innsyn-…" is.
DEFAULT_FILE_NAME = "VRUS-gjenopprettingsark.pdf"


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


class RecoverySheetDialog(QDialog):
    """The recovery key of ``key`` (64 hex characters: ``key.raw``) for the register file
    named ``register``; ``intro`` is what just happened (the register was encrypted)."""

    def __init__(
        self,
        key: RegisterKey,
        register: str,
        *,
        language: str,
        today: Today | None = None,
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoverySheetDialog")
        self.setWindowTitle(self.tr("Recovery sheet"))
        self._key = key
        self._register = register
        self._language = language
        self._today = today or clock.today
        self.saved: Path | None = None  # the PDF written last, for tests
        self.message: QMessageBox | None = None  # the last "saved" or "not saved" box

        self.key_field = QPlainTextEdit(format_recovery(key.secret))
        self.key_field.setObjectName("recoveryKey")
        self.key_field.setReadOnly(True)
        self.key_field.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_field.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.key_field.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_field.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._size_key_field()

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveRecoverySheet")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if intro:
            lead = wrapped_label(intro)
            lead.setObjectName("recoveryIntro")
            font = lead.font()
            font.setBold(True)
            lead.setFont(font)
            layout.addWidget(lead)
        self.explanation = wrapped_label(
            self.tr(
                "The recovery sheet holds the register's key. With it, the register and its "
                "backups can be opened on a new computer, or on this one if the key is lost. "
                "Save it as a PDF, print it and keep the paper locked away; then delete the PDF."
            )
        )
        layout.addWidget(self.explanation)
        layout.addWidget(wrapped_label(self.tr("Recovery key:")))
        layout.addWidget(self.key_field)
        self.kept = wrapped_label(self._where_kept())
        self.kept.setObjectName("recoveryKeyKept")
        layout.addWidget(self.kept)
        layout.addWidget(buttons)
        # Wide enough for the explanation in a few lines and the key on two.
        self.setMinimumWidth(max(self.fontMetrics().averageCharWidth() * 70, 520))

    def _size_key_field(self) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.3)
        self.key_field.setFont(font)
        metrics = self.key_field.fontMetrics()
        lines = self.key_field.toPlainText().splitlines()
        frame = 2 * (self.key_field.frameWidth() + int(self.key_field.document().documentMargin()))
        width = max(metrics.horizontalAdvance(line) for line in lines) + frame + 8
        self.key_field.setFixedHeight(metrics.lineSpacing() * len(lines) + frame + 6)
        self.key_field.setMinimumWidth(width)

    def _where_kept(self) -> str:
        if self._key.source == KEY_STORE:
            return self.tr(
                "On this computer the key is kept in the key store ({name}): VRUS opens the "
                "register without asking."
            ).format(name=self._key.location)
        return self.tr(
            "On this computer the key is kept in the key file {path}. Keep that file safe "
            "too, and never beside the register or its backups."
        ).format(path=self._key.location)

    # --- Save as PDF --------------------------------------------------------------------------

    def save_pdf(self) -> Path | None:
        """Ask where, write the sheet there (owner-only, never over another file) and say
        where it is; returns the file, or None when nothing was written."""
        target = self._ask_target()
        if target is None:
            return None
        try:
            written = write_recovery_sheet(
                target,
                secret=self._key.secret,
                register=self._register,
                made=self._today(),
                key_store=self._key.location if self._key.source == KEY_STORE else None,
                language=self._language,
            )
        except VrusError as error:
            self._inform(
                QMessageBox.Icon.Critical,
                failure_text(self.tr("The recovery sheet was not saved."), error),
            )
            return None
        self.saved = written
        self._inform(
            QMessageBox.Icon.Information,
            self.tr(
                "The recovery sheet is saved in\n{path}\n\nPrint it and keep the paper locked "
                "away, then delete the file: anyone who has it and a copy of the register can "
                "read the children's data."
            ).format(path=str(written)),
            open_button=True,
        )
        return written

    def _ask_target(self) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery sheet"),
            str(documents_folder() / DEFAULT_FILE_NAME),
            self.tr("PDF documents (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # it is never written over
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def _inform(self, icon: QMessageBox.Icon, text: str, *, open_button: bool = False) -> None:
        box = message_box(
            icon, self.tr("Recovery sheet"), text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if open_button:
            opener = box.addButton(self.tr("Open the PDF"), QMessageBox.ButtonRole.ActionRole)
            box.buttonClicked.connect(
                lambda button: self._open_saved() if button is opener else None
            )
        self.message = box
        box.open()

    def _open_saved(self) -> None:
        if self.saved is not None:
            open_in_viewer(self.saved)
