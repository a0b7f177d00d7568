"""The person editor's "Export everything (access request)…" button (GDPR art. 15).

It asks where to save (a PDF to read, or JSON for machines, by the file's ending) and calls
the core's ``export_access``, the same function as ``vrus persons export``: owner-only
file, nothing about other children, the export recorded in the audit trail. The core
refuses an unknown ending, a missing folder or an erased person with a message, shown here
as it is. One person's export takes a fraction of a second, so it runs here, not in a task.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from vrus.access_export import export_access
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.messages import core_message
from vrus.ui.common.plain_text import message_box, show_error


class ShownPerson(Protocol):
    """The person the editor shows (``vrus.persons.PersonDetails``)."""

    @property
    def id(self) -> int: ...

    @property
    def full_name(self) -> str: ...


class AccessExportButton(QPushButton):
    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        person: Callable[[], ShownPerson | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accessExportButton")
        self.setText(self.tr("Export everything (access request)…"))
        self.setToolTip(
            self.tr(
                "Everything the register holds about this person, as a PDF to read or as "
                "JSON for machines (GDPR article 15)"
            )
        )
        self._db = db
        self._changes = changes
        self._person = person
        self.message: QMessageBox | None = None  # the last "written" message, for tests
        self.clicked.connect(self.export)

    def export(self) -> None:
        person = self._person()
        if person is None:
            return
        target = self._ask_file(person)
        if target is None:
            return
        try:
            written = export_access(self._db, person.id, target)
        except VrusError as error:
            show_error(self, self.tr("The export was not written"), core_message(error))
            return
        self._changes.personChanged.emit(person.id)  # its History holds the export now
        self.message = message_box(
            QMessageBox.Icon.Information,
            self.tr("Access request"),
            self.tr(
                "Everything the register holds about {name} is in\n{path}\n\n"
                "The file holds personal and health data: hand it over safely and delete "
                "your copy when it is no longer needed."
            ).format(name=person.full_name, path=str(written)),
            parent=self,
        )
        self.message.open()

    def _ask_file(self, person: ShownPerson) -> Path | None:
        # Here, not at the top: vrus.printing brings reportlab, which the window's start
        # does not need (0.2 s).
        from vrus.printing.layout import slug

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        pdf, json = self.tr("PDF to read (*.pdf)"), self.tr("JSON for machines (*.json)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export everything about {name}").format(name=person.full_name),
            str(Path(folder) / f"innsyn-{slug(person.full_name)}.pdf"),
            f"{pdf};;{json}",
        )
        if not path:
            return None
        target = Path(path)
        if not target.suffix:  # the chosen type's ending, as the file dialogs add it
            target = target.with_name(target.name + (".json" if chosen == json else ".pdf"))
        return target
