"""File → Restore from backup…: the register's backups, each checked, and the choice of one.

Listing opens every backup to check it (``list_backups``), so it runs in the thread pool.
The dialog only chooses and confirms; replacing the register is done by the window's host
(``vrus.ui.app.WindowHost``), which closes the window and the database first and opens the
restored register in a new window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.backup_files import BEFORE_RESTORE, CLOSE, DAILY, MANUAL, BackupInfo, inspect_backup
from vrus.backup_files import list_backups as list_backup_files
from vrus.dates import format_date
from vrus.db import driver
from vrus.db.keys import KEY_FILE, RegisterKey
from vrus.errors import VrusError
from vrus.recovery_code import parse_recovery
from vrus.ui.common.confirm import ask
from vrus.ui.common.list_model import ListTableModel
from vrus.ui.common.messages import failure_text, ui_text
from vrus.ui.common.plain_text import plain_tooltip
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import fit_columns, read_only_table, wrapped_label

COL_TAKEN, COL_KIND, COL_SIZE, COL_STATE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("BackupsModel", "Taken"),
    QT_TRANSLATE_NOOP("BackupsModel", "Kind"),
    QT_TRANSLATE_NOOP("BackupsModel", "Size"),
    QT_TRANSLATE_NOOP("BackupsModel", "State"),
)
KINDS = {
    DAILY: QT_TRANSLATE_NOOP("BackupsModel", "Daily"),
    CLOSE: QT_TRANSLATE_NOOP("BackupsModel", "On closing"),
    MANUAL: QT_TRANSLATE_NOOP("BackupsModel", "By hand"),
    BEFORE_RESTORE: QT_TRANSLATE_NOOP("BackupsModel", "Before a restore"),
}
BEFORE_UPGRADE = QT_TRANSLATE_NOOP("BackupsModel", "Before an upgrade")

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupsModel", text)


def taken_text(info: BackupInfo) -> str:
    return f"{format_date(info.taken.date())} {info.taken:%H:%M}"


def kind_text(kind: str) -> str:
    if kind in KINDS:
        return _tr(KINDS[kind])
    return _tr(BEFORE_UPGRADE) if kind.startswith("before-") else kind


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class BackupsModel(ListTableModel):
    """The backups, newest first, as ``list_backups`` gives them: a short list, held whole."""

    CONTEXT = "BackupsModel"
    HEADERS = HEADERS

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.set_rows(backups)

    def backup(self, row: int) -> BackupInfo:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        info = self.row_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_STATE:
                return _state_text(info)
            return plain_tooltip(str(info.path))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_TAKEN:
            return taken_text(info)
        if column == COL_KIND:
            return kind_text(info.kind)
        if column == COL_SIZE:
            return size_text(info.size)
        if column == COL_STATE:
            return _state_text(info)
        return None


def _state_text(info: BackupInfo) -> str:
    if info.ok:
        return QCoreApplication.translate("BackupsModel", "Good")
    if info.problem is not None:
        return QCoreApplication.translate("BackupsModel", "Cannot be restored: {problem}").format(
            problem=ui_text(info.problem)
        )
    return QCoreApplication.translate("BackupsModel", "Not checked")


def needs_its_own_key(path: Path, key: RegisterKey | None) -> bool:
    """``path`` looks encrypted and the register's key does not open it."""
    try:
        if not path.is_file() or not driver.may_be_encrypted(path):
            return False
    except OSError:
        return False
    return key is None or not driver.key_opens(path, key)


class RestoreDialog(QDialog):
    """Choose a backup; accepted with ``chosen`` set once the user has confirmed."""

    def __init__(
        self,
        database: Path,
        backups_folder: Path,
        parent: QWidget | None = None,
        key: RegisterKey | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._key = key  # the register's: its backups are encrypted with it
        self._folder = backups_folder
        self.chosen: BackupInfo | None = None
        # The key of a backup encrypted with another key than the register's (typed from
        # its recovery sheet); None for the register's own backups.
        self.chosen_key: RegisterKey | None = None
        self.loaded = False  # the list has come back (or failed to)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setObjectName("restoreDialog")
        self.model = BackupsModel(self)
        self.view = QTableView()
        self.view.setObjectName("backupList")
        read_only_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(self._restore_selected)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.status = wrapped_label(self.tr("Checking the backups…"))
        self.status.setObjectName("restoreStatus")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button = QPushButton(self.tr("Another file…"))
        self.other_button.clicked.connect(self._choose_other)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Restoring replaces the register with the backup: everything saved after the "
                    "backup was taken is lost. The register as it is now is kept as a safety copy "
                    "first. The window then closes and opens the restored register."
                )
            )
        )
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        location = wrapped_label(
            self.tr("Backups are kept in {folder}").format(folder=str(backups_folder))
        )
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(location)
        layout.addWidget(buttons)
        self.resize(780, 420)

    def load(self) -> None:
        """List and check the backups in the pool; the table fills when they come back."""
        database, key = self._database, self._key
        task = BackgroundTask(
            lambda _progress: list_backup_files(database, key=key), "list backups"
        )
        task.succeeded.connect(self._listed)
        task.failed.connect(self._failed)
        task.start()

    def _listed(self, backups: list[BackupInfo]) -> None:
        self.loaded = True
        self.busy.setVisible(False)
        self.model.set_backups(backups)
        fit_columns(self.view, range(COL_STATE))
        good = sum(1 for info in backups if info.ok)
        if not backups:
            self.status.setText(self.tr("There are no backups of this register yet."))
        else:
            self.status.setText(
                self.tr(
                    "Backups: {count}, of which {good} can be restored. The newest is at the top."
                ).format(count=len(backups), good=good)
            )
        first_good = next((row for row, info in enumerate(backups) if info.ok), None)
        if first_good is not None:
            self.view.selectRow(first_good)

    def _failed(self, error: BaseException) -> None:
        self.loaded = True
        self.busy.setVisible(False)
        self.status.setText(failure_text(self.tr("The backups could not be listed."), error))

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.ok)

    def _restore_selected(self, *_args: object) -> None:
        info = self.selected()
        if info is not None and info.ok:
            self.chosen_key = None  # the register's own backup: its own key
            self._confirm(info)

    def _choose_other(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from backup"),
            str(self._folder),
            self.tr("VRUS backups (*.bak *.sqlite3);;All files (*)"),
        )
        if not name:
            return
        key, self.chosen_key = self._key, None
        task = BackgroundTask(lambda _progress: inspect_backup(Path(name), key), "check backup")
        task.succeeded.connect(self._other_checked)
        task.failed.connect(self._failed)
        task.start()

    def _other_checked(self, info: BackupInfo) -> None:
        if info.ok:
            self._confirm(info)
            return
        if self.chosen_key is None and needs_its_own_key(info.path, self._key):
            self._ask_backup_key(info.path)
            return
        self.chosen_key = None
        self.status.setText(
            self.tr("{file} cannot be restored: {problem}").format(
                file=info.path.name, problem=ui_text(info.problem or "")
            )
        )

    def _ask_backup_key(self, path: Path) -> None:
        """A backup from another computer: its recovery key opens it (the register keeps its
        own key; the backup is re-encrypted with it as it is copied in)."""
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Backup from another computer"),
            self.tr(
                "{file} is encrypted with another key than this register's: a backup made "
                "on another computer? Type the recovery key from that register's recovery "
                "sheet (14 groups; spaces and dashes do not matter)."
            ).format(file=path.name),
        )
        if not ok or not text.strip():
            return
        try:
            key = RegisterKey(parse_recovery(text), KEY_FILE, "")
        except VrusError as error:
            self.status.setText(ui_text(error.message))
            return
        self.chosen_key = key
        task = BackgroundTask(lambda _progress: inspect_backup(path, key), "check backup")
        task.succeeded.connect(self._other_checked)
        task.failed.connect(self._failed)
        task.start()

    def _confirm(self, info: BackupInfo) -> None:
        taken = taken_text(info)
        text = "\n\n".join(
            [
                self.tr("Restore the backup from {taken}?").format(taken=taken),
                self.tr(
                    "Everything saved after {taken} is lost. The register as it is now is "
                    "kept as a safety copy in the backups folder first."
                ).format(taken=taken),
                self.tr("The window closes and opens the restored register."),
            ]
        )
        if ask(self, self.tr("Restore from backup"), text, self.tr("Restore"), destructive=True):
            self.chosen = info
            self.accept()
