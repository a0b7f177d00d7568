"""The Settings page: the window's language and files, and the register's reference data
(municipalities, instruments, ensembles' age limits, culture schools and organisations).

Every change the page saves in the register (a reference row, a course rule, a period, the
backups to keep, a population import) is one step on the page's own undo stack, named in
the Edit menu while the page is in front (Ctrl+Z while the focus is on the page). The
window's language is the user's own setting, not the register's: not undone here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from vrus import __version__, clock, undo
from vrus.backup import (
    KEEP_SETTING,
    MAX_AGE_DAYS,
    MAX_AGE_SETTING,
    MAX_KEEP,
    backups_max_age,
    backups_to_keep,
    set_backups_max_age,
    set_backups_to_keep,
)
from vrus.backup_files import backup_dir
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.messages import core_message
from vrus.ui.common.options import LANGUAGE, LANGUAGES, Settings
from vrus.ui.common.page_shortcuts import PageShortcuts
from vrus.ui.common.page_undo import PageUndo
from vrus.ui.common.plain_text import plain_label, plain_tooltip
from vrus.ui.common.widgets import chain_focus, page_layout, wrapped_label
from vrus.ui.files.encryption_actions import EncryptionActions
from vrus.ui.i18n import LANGUAGE_NAMES
from vrus.ui.settings.course_rules_editor import CourseRulesEditor
from vrus.ui.settings.encryption_settings import EncryptionSettings
from vrus.ui.settings.population_import import MunicipalityEditor
from vrus.ui.settings.reference_editors import OrganisationEditor, ReferenceEditor
from vrus.ui.settings.reference_models import (
    EnsemblesModel,
    InstrumentsModel,
    MunicipalitiesModel,
    OrganisationsModel,
)
from vrus.ui.settings.retention_settings import RetentionSettings


class SettingsPage(PageShortcuts, QWidget):
    def __init__(
        self,
        settings: Settings,
        db: Database,
        changes: RegisterChanges,
        *,
        title: str,
        database: str,
        log_file: str,
        today: Today | None = None,
        encryption: EncryptionActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``encryption``: the window's, shared with its banner; the page on its own makes
        its own (its request to encrypt then reaches no one)."""
        super().__init__(parent)
        self._settings = settings
        self._db = db
        self.undo = PageUndo(db, changes, self, "settings")
        # The language the window was built in; the translator is installed only at start.
        self._running_language = settings.get(LANGUAGE)
        today = today or clock.today

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._general(database, log_file), self.tr("General"))
        self.municipalities = MunicipalityEditor(
            MunicipalitiesModel(db, self),
            changes,
            db,
            settings,
            self.tr(
                "Population and whether a municipality belongs to the region are used by the "
                "recruitment report. Double-click a number to change it."
            ),
        )
        self.instruments = ReferenceEditor(
            InstrumentsModel(db, self),
            changes,
            self.tr(
                "How many players the orchestra wants of each instrument, and which are hard "
                "to recruit (not taught in most culture schools)."
            ),
            "instrumentTable",
        )
        self.ensembles = ReferenceEditor(
            EnsemblesModel(db, self),
            changes,
            self.tr(
                "The age limits decide the flags in the Members view: who ages out, who may "
                "move up, who is outside the limits."
            ),
            "ensembleTable",
        )
        self.organisations = OrganisationEditor(
            OrganisationsModel(db, today, self),
            changes,
            db,
            today,
            self.tr("Culture schools, partners, funders and orchestras."),
        )
        self.editors = (self.municipalities, self.instruments, self.ensembles, self.organisations)
        self.tabs.addTab(self.municipalities, self.tr("Municipalities"))
        self.tabs.addTab(self.instruments, self.tr("Instruments"))
        self.tabs.addTab(self.ensembles, self.tr("Ensembles"))
        self.tabs.addTab(self.organisations, self.tr("Organisations"))
        self.course_rules = CourseRulesEditor(db, changes, today)
        self.tabs.addTab(self.course_rules, self.tr("Course grants"))
        self.privacy = RetentionSettings(db, changes, today)
        if encryption is None:
            encryption = EncryptionActions(db, self, language=self._running_language, today=today)
        # First on the Privacy tab: whether the register file itself can be read.
        self.encryption = EncryptionSettings(db, encryption)
        privacy_layout = self.privacy.layout()
        assert isinstance(privacy_layout, QBoxLayout)
        privacy_layout.insertWidget(0, self.encryption)
        privacy_layout.insertSpacing(1, 8)
        self.tabs.addTab(self.privacy, self.tr("Privacy"))
        self._tab_as_read()
        self.tabs.currentChanged.connect(self._tab_shown)
        for editor in (*self.editors, self.course_rules, self.privacy):
            editor.recorded.connect(self.undo.push)
        # After an undo or redo the tab in front shows the register as it is again.
        self.undo.stack.indexChanged.connect(self._tab_shown)

        layout = page_layout(self, title)
        layout.addWidget(self.tabs, 1)

    def _tab_as_read(self) -> None:
        """Tab as the eye reads where the widgets were made in another order: the tools above
        a table before the table, the encryption above the periods before them. Set once the
        tabs hold them: Qt leaves as it is an order that wraps round a lone widget."""
        municipalities, organisations = self.municipalities, self.organisations
        chain_focus(municipalities.import_button, municipalities.view)
        chain_focus(organisations.kind, organisations.add_button, organisations.view)
        chain_focus(
            self.encryption.encrypt_button,
            self.encryption.sheet_button,
            self.privacy.contact_months,
            self.privacy.course_years,
            self.privacy.audit_days,
            self.privacy.review_button,
        )

    def _general(self, database: str, log_file: str) -> QWidget:
        self.language = QComboBox()
        self.language.setObjectName("languageSelector")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(self._running_language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.restart_note = wrapped_label(
            self.tr("The new language is used from the next time VRUS starts.")
        )
        self.restart_note.setVisible(False)

        general = QWidget()
        form = QFormLayout(general)
        form.setContentsMargins(0, 12, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Database:"), _path_label(database, "databaseLocation"))
        form.addRow(self.tr("Log file:"), _path_label(log_file, "logLocation"))
        self._add_backup_rows(form)
        form.addRow(self.tr("Version:"), plain_label(f"VRUS {__version__}"))
        return general

    def _add_backup_rows(self, form: QFormLayout) -> None:
        self.backups_keep = QSpinBox()
        self.backups_keep.setObjectName("backupsToKeep")
        self.backups_keep.setRange(1, MAX_KEEP)
        self.backups_keep.setValue(backups_to_keep(self._db))
        # Typing "15" saves once, when the field is left, rather than "1" and then "15".
        self.backups_keep.setKeyboardTracking(False)
        self.backups_keep.valueChanged.connect(self._keep_chosen)
        # A backup still holds the persons erased after it was taken: they expire by age too.
        self.backups_max_age = QSpinBox()
        self.backups_max_age.setObjectName("backupsMaxAge")
        self.backups_max_age.setRange(1, MAX_AGE_DAYS)
        self.backups_max_age.setSuffix(self.tr(" days"))
        self.backups_max_age.setValue(backups_max_age(self._db))
        self.backups_max_age.setKeyboardTracking(False)
        self.backups_max_age.valueChanged.connect(self._max_age_chosen)
        self.backups_note = wrapped_label(
            self.tr(
                "Daily, closing and hand-made backups beyond this number are deleted, the oldest "
                "first, when the next backup is made; so is every backup older than the days "
                "to keep them, including the copies made before a restore or an upgrade. The "
                "newest good backup is always kept. The settings are saved in the register, "
                "for everyone who uses it."
            )
        )
        # Wide enough for a few lines rather than many short ones.
        self.backups_note.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        form.addRow(self.tr("Backups to keep:"), self.backups_keep)
        form.addRow(self.tr("Keep backups for:"), self.backups_max_age)
        form.addRow("", self.backups_note)
        if self._db.path is None:
            self.backups_keep.setEnabled(False)
            self.backups_max_age.setEnabled(False)
            self.backups_note.setText(self.tr("The server's own backups apply to this database."))
        else:
            form.addRow(
                self.tr("Backups:"), _path_label(str(backup_dir(self._db)), "backupLocation")
            )

    def _keep_chosen(self, count: int) -> None:
        try:
            _done, step = undo.record(
                self._db,
                lambda: set_backups_to_keep(self._db, count),
                undo.Scope(settings={KEEP_SETTING}),
            )
        except VrusError as error:
            self.backups_note.setText(core_message(error))
            return
        self.undo.push(step, self.tr("change of the number of backups to keep"))

    def _max_age_chosen(self, days: int) -> None:
        try:
            _done, step = undo.record(
                self._db,
                lambda: set_backups_max_age(self._db, days),
                undo.Scope(settings={MAX_AGE_SETTING}),
            )
        except VrusError as error:
            self.backups_note.setText(core_message(error))
            return
        self.undo.push(step, self.tr("change of how long backups are kept"))

    def _show_backup_settings(self) -> None:
        """The backup settings as the register holds them (another user's, an undo's)."""
        if self._db.path is None:
            return
        for spin, value in (
            (self.backups_keep, backups_to_keep(self._db)),
            (self.backups_max_age, backups_max_age(self._db)),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._tab_shown()

    def _tab_shown(self, *_args: object) -> None:
        # Read when shown: the register may have changed while another page was up.
        current = self.tabs.currentWidget()
        if isinstance(current, ReferenceEditor | CourseRulesEditor | RetentionSettings):
            current.reload()
        else:
            self._show_backup_settings()

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        self._settings.set(LANGUAGE, code)
        self._settings.sync()
        self.restart_note.setVisible(code != self._running_language)


def _path_label(text: str, name: str) -> QLabel:
    # Selectable, so the path can be copied into a file manager or an e-mail to support.
    label = plain_label(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # A long path may be cut rather than set the window's minimum width; the tooltip has it.
    label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 20)
    label.setToolTip(plain_tooltip(text))
    return label
