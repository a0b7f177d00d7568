"""The Settings tabs that edit reference data: a sortable table per kind, edited in place.

Each edit is saved at once through ``vrus.reference``; a refused value shows its reason
above the table and nothing is saved. Saved edits are announced on ``RegisterChanges``, so
the Members view shows new age flags after an ensemble's limits change, and each is one
undoable step (``recorded``: the Settings page's undo stack takes it).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus import undo
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.db.enums import OrganisationKind
from vrus.reference import municipalities, save_organisation
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.field_rows import error_style
from vrus.ui.common.form_dialog import FormDialog, open_dialog
from vrus.ui.common.labels import organisation_kind_label
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import fit_columns, read_only_table, wrapped_label
from vrus.ui.settings.reference_models import (
    CHOICE,
    ID_ROLE,
    ORG_KIND,
    SORT_ROLE,
    ReferenceModel,
)

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down list for the CHOICE columns, with the choices the model offers."""

    def __init__(
        self, model: ReferenceModel, proxy: QSortFilterProxyModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._proxy = proxy

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: Index,
    ) -> QWidget:
        source = self._proxy.mapToSource(index)
        if self._model.COLUMNS[source.column()].kind != CHOICE:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for text, value in self._model.choices(source):
            combo.addItem(text, value)
        # Saved as soon as a choice is made, not only when the cell loses focus.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,  # noqa: N802
        index: Index,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ReferenceEditor(QWidget):
    recorded = Signal(object, str)  # an edit saved: its undo.Step and its name

    def __init__(
        self,
        model: ReferenceModel,
        changes: RegisterChanges,
        note: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._changes = changes
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName(name)
        self.view.setModel(self.proxy)
        read_only_table(self.view)
        # Numbers stay next to their header instead of at the far right of a stretched column.
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setItemDelegate(ChoiceDelegate(model, self.proxy, self.view))
        # The core's order at first (score order, Norwegian order); a header click sorts.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.message = plain_label()
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        model.refused.connect(self._refused)
        model.saved.connect(self._saved)
        model.recorded.connect(self.recorded)

        self.tools = QHBoxLayout()
        self.tools.addWidget(wrapped_label(note), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.tools)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._fitted = False

    def reload(self) -> None:
        self.model.reload()
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view, range(self.model.columnCount()), widest=320)
            self._fitted = True

    def _refused(self, text: str) -> None:
        self.message.setStyleSheet(error_style())
        self.message.setText(text)
        self.message.setVisible(True)

    def _saved(self) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved."))
        self.message.setVisible(True)
        self._changes.changed.emit()


class OrganisationEditor(ReferenceEditor):
    """Organisations, with a filter by kind (culture schools first) and an Add button."""

    def __init__(
        self,
        model: ReferenceModel,
        changes: RegisterChanges,
        db: Database,
        today: Today,
        note: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(model, changes, note, "organisationTable", parent)
        self._db = db
        self._today = today
        self.dialog: FormDialog | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("organisationKindFilter")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in OrganisationKind:
            self.kind.addItem(organisation_kind_label(kind), kind.value)
        self.kind.currentIndexChanged.connect(self._filter_kind)
        self.proxy.setFilterKeyColumn(ORG_KIND)
        self.proxy.setFilterRole(Qt.ItemDataRole.EditRole)
        self.add_button = QPushButton(self.tr("Add organisation…"))
        self.add_button.setObjectName("addOrganisation")
        self.add_button.clicked.connect(self.add)
        self.tools.addWidget(self.kind)
        self.tools.addWidget(self.add_button)

    def _filter_kind(self) -> None:
        kind = self.kind.currentData()
        self.proxy.setFilterFixedString(kind or "")

    def add(self) -> None:
        dialog = FormDialog(self.tr("Add an organisation"), self.tr("Add"), self)
        dialog.setObjectName("organisationDialog")
        name = QLineEdit()
        name.setObjectName("name")
        kind = QComboBox()
        kind.setObjectName("kind")
        for value in OrganisationKind:
            kind.addItem(organisation_kind_label(value), value.value)
        kind.setCurrentIndex(max(kind.findData(self.kind.currentData()), 0))
        place = QComboBox()
        place.setObjectName("municipality")
        place.addItem("—", None)
        with self._db.sessions() as session:
            for row in municipalities(session, on=self._today()):
                place.addItem(row.name, row.id)
        dialog.add_field(self.tr("Name:"), name, "name")
        dialog.add_field(self.tr("Kind:"), kind, "kind")
        dialog.add_field(self.tr("Municipality:"), place, "municipality_id")

        def save() -> None:
            new_id, step = undo.record(
                self._db,
                lambda: save_organisation(
                    self._db,
                    None,
                    name=name.text(),
                    kind=kind.currentData(),
                    municipality_id=place.currentData(),
                ),
                extra=lambda new_id: undo.Scope(organisations=[new_id]),
            )
            self.reload()
            self._saved()
            self._select(new_id)
            stored = " ".join(name.text().split())  # as the core stores it
            self.recorded.emit(step, self.tr("new organisation {name}").format(name=stored))

        self.dialog = open_dialog(dialog, save)

    def _select(self, organisation_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == organisation_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
