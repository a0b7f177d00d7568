"""Move the register to a server: the window's face of ``vrus transfer``.

Three steps in one dialog: where to (the server's host, port, database, user and password,
checked as the Connect dialog checks them), the move itself (``vrus.server.transfer``, in
the thread pool, with a progress bar), and the result: every table with its rows, checked on
both sides. After a move the dialog leads only on to the register on the server
(``openServer``, also when it is closed): the file on this computer is read-only from then
on, and the window must not stay on it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.server.connection import server_address
from vrus.server.register_copy import TableCopy
from vrus.server.transfer import TransferReport, transfer
from vrus.ui.common.field_rows import error_label
from vrus.ui.common.messages import core_message, unexpected_error_text
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import read_only_table, wrapped_label
from vrus.ui.files.server_fields import address_fields

log = logging.getLogger(__name__)

WIDTH = 560
_ModelIndex = QModelIndex | QPersistentModelIndex


class CopiedTables(QAbstractTableModel):
    """The result: each table and its rows."""

    def __init__(self, tables: tuple[TableCopy, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tables = tables

    def set_tables(self, tables: tuple[TableCopy, ...]) -> None:
        self.beginResetModel()
        self._tables = tables
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._tables)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        table = self._tables[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return table.name if index.column() == 0 else f"{table.rows:,}".replace(",", " ")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt's naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Table"), self.tr("Rows"))[section]
        return None


class TransferDialog(QDialog):
    """Where to, moving, moved (see the module)."""

    # The server's URL (its password in it, for connecting only): open the register there.
    openServer = Signal(str)  # noqa: N815 - Qt's naming

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Move the register to a server"))
        self._db = db
        self.task: BackgroundTask | None = None
        self.report: TransferReport | None = None
        self.url: str | None = None

        self.pages = QStackedWidget()
        self.pages.addWidget(self._where_page())
        self.pages.addWidget(self._moving_page())
        self.pages.addWidget(self._moved_page())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH)
        self.host.setFocus()

    # --- the pages ----------------------------------------------------------------------------

    def _where_page(self) -> QWidget:
        page = QWidget()
        fields = address_fields("transfer")
        self.host, self.port, self.database = fields.host, fields.port, fields.database
        self.user, self.password = fields.user, fields.password
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        self.error = error_label()
        self.error.setObjectName("transferError")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "The whole register is copied into an empty database on a PostgreSQL "
                    "server, as its owner (who set the server up): every row with its number. "
                    "Each table is checked on both sides before anything is kept. Then the "
                    "register lives on the server, and this file stays read-only as it is now, "
                    "with a note beside it saying where the register went."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for field in (self.host, self.database, self.user, self.password):
            field.textEdited.connect(lambda _text: self.error.setVisible(False))
        return page

    def _moving_page(self) -> QWidget:
        page = QWidget()
        self.moving = wrapped_label("")
        self.progress = QProgressBar()
        self.progress.setObjectName("transferProgress")
        self.progress.setRange(0, 0)  # busy until the first rows are counted
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.moving)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _moved_page(self) -> QWidget:
        page = QWidget()
        self.summary = wrapped_label("")
        self.summary.setObjectName("transferSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tables = CopiedTables(parent=self)
        self.table_view = read_only_table(QTableView())
        self.table_view.setObjectName("transferTables")
        self.table_view.setModel(self.tables)
        header = self.table_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table_view, 1)
        return page

    # --- moving -------------------------------------------------------------------------------

    def _ok(self) -> None:
        if self.url is not None:  # moved
            self._open_server()
            return
        self.start()

    def _open_server(self) -> None:
        """The only way on from a move: the window must not stay on the read-only file."""
        assert self.url is not None
        url, self.url = self.url, None
        self.openServer.emit(url)
        self.accept()

    def start(self) -> None:
        """Check the fields, then move in the thread pool."""
        if self.task is not None:
            return
        try:
            address = server_address(
                self.host.text(), self.port.value(), self.database.text(), self.user.text()
            )
        except VrusError as error:
            self._show_error(core_message(error))
            return
        url = address.url(self.password.text() or None)
        self.moving.setText(
            self.tr("Copying the register to {server} and checking it…").format(
                server=f"{address.host}/{address.database}"
            )
        )
        self.progress.setRange(0, 0)
        self.pages.setCurrentIndex(1)
        self.ok_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # one transaction: it ends by itself
        db = self._db
        self.task = BackgroundTask(lambda progress: transfer(db, url, progress), "transfer")
        self.task.progress.connect(self._progressed)
        self.task.succeeded.connect(lambda report: self._moved(url, report))
        self.task.failed.connect(self._failed)
        self.task.start()

    def _progressed(self, done: int, total: int) -> None:
        # A bar counts in int: scaled to thousandths, whatever the number of rows.
        self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // max(total, 1)))

    def _moved(self, url: str, report: TransferReport) -> None:
        self.task = None
        self.report = report
        self.url = url
        self.summary.setText(
            self.tr(
                "Moved and checked: {tables} tables, {rows} rows, equal on both sides. The "
                "register now lives in {server}. This file is read-only from now on; the "
                "note {note} beside it says where the register went."
            ).format(
                tables=len(report.tables),
                rows=f"{report.rows:,}".replace(",", " "),
                server=report.server,
                note=report.note.name,
            )
        )
        self.tables.set_tables(report.tables)
        self.pages.setCurrentIndex(2)
        self.ok_button.setText(self.tr("Open the register on the server"))
        self.ok_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        log.info("the register was moved to a server (%d rows)", report.rows)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        log.info("moving the register to a server failed: %s", error_kind(error))
        self.pages.setCurrentIndex(0)
        self.ok_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self._show_error(
            core_message(error) if isinstance(error, VrusError) else unexpected_error_text()
        )

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    # --- no closing halfway -------------------------------------------------------------------

    def reject(self) -> None:
        if self.task is not None:
            return
        if self.url is not None:  # moved: closing opens the server too
            self._open_server()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's naming
        if self.task is not None:
            event.ignore()
            return
        if self.url is not None:
            event.ignore()
            self._open_server()
            return
        super().closeEvent(event)
