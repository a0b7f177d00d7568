"""Dialogs for recording a consent and for withdrawing one, and the words for consents.

Who may give which consent is the core's rule (``vrus.consents``): the dialog offers every
guardian and the member, and a refusal (a member under 15, health data before 18) is shown
under "Given by" in the core's words.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from vrus.consents import CURRENT_TEXT_VERSION, IMPORT_TEXT_VERSION, LEGACY_TEXT_VERSION
from vrus.db.enums import ConsentKind
from vrus.persons import GuardianInfo
from vrus.ui.common.form_dialog import FormDialog
from vrus.ui.common.labels import relation_label
from vrus.ui.common.plain_text import plain_label
from vrus.ui.members.membership_dialogs import date_edit, read_date

CONTEXT = "Consents"
KIND_LABELS = {
    ConsentKind.PHOTO: QT_TRANSLATE_NOOP("Consents", "Photos"),
    ConsentKind.NAME_PUBLICATION: QT_TRANSLATE_NOOP("Consents", "Name in print"),
    ConsentKind.HEALTH_DATA: QT_TRANSLATE_NOOP("Consents", "Health data"),
}
KIND_HINTS = {
    ConsentKind.PHOTO: QT_TRANSLATE_NOOP(
        "Consents", "Photos and film of the person may be published"
    ),
    ConsentKind.NAME_PUBLICATION: QT_TRANSLATE_NOOP(
        "Consents", "The name may be printed in concert programmes and published"
    ),
    ConsentKind.HEALTH_DATA: QT_TRANSLATE_NOOP(
        "Consents", "Allergies and diets may be stored and given to the lunch team"
    ),
}
# The markers stored where the register never saw the consent text.
TEXT_VERSION_LABELS = {
    LEGACY_TEXT_VERSION: QT_TRANSLATE_NOOP("Consents", "Old yes/no field"),
    IMPORT_TEXT_VERSION: QT_TRANSLATE_NOOP("Consents", "From a spreadsheet import"),
}
SELF = "self"  # the giver's data in the list when the member consents themselves


def kind_label(kind: ConsentKind) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_LABELS[kind])


def kind_hint(kind: ConsentKind) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_HINTS[kind])


def text_version_label(version: str | None) -> str:
    if version in TEXT_VERSION_LABELS:
        return QCoreApplication.translate(CONTEXT, TEXT_VERSION_LABELS[version])
    return version or ""


class AddConsentDialog(FormDialog):
    def __init__(
        self,
        name: str,
        guardians: tuple[GuardianInfo, ...],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Record a consent for {name}").format(name=name), self.tr("Record"), parent
        )
        self.setObjectName("addConsentDialog")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in ConsentKind:
            self.kind.addItem(kind_label(kind), kind.value)
            self.kind.setItemData(
                self.kind.count() - 1, kind_hint(kind), Qt.ItemDataRole.ToolTipRole
            )
        self.given_by = QComboBox()
        self.given_by.setObjectName("givenBy")
        for guardian in guardians:
            relation = relation_label(guardian.relation)
            shown = f"{guardian.full_name} ({relation})" if relation else guardian.full_name
            self.given_by.addItem(shown, guardian.id)
        self.given_by.addItem(self.tr("{name} (the member)").format(name=name), SELF)
        self.given_on = date_edit(today, "givenOn")
        self.text_version = QLineEdit(CURRENT_TEXT_VERSION)
        self.text_version.setObjectName("textVersion")
        self.text_version.setToolTip(
            self.tr("The version of the consent form that was signed, as printed on it")
        )
        rule = plain_label(
            self.tr(
                "A member of 15 or more may consent to photos and to their name in print "
                "themselves; consent to health data needs a guardian until the member is 18."
            )
        )
        rule.setWordWrap(True)
        rule.setObjectName("consentRule")
        self.add_field(self.tr("Consent to:"), self.kind, "kind")
        self.add_field(self.tr("Given by:"), self.given_by, "given_by")
        self.add_field(self.tr("Given on:"), self.given_on, "given_on", "date")
        self.add_field(self.tr("Text version:"), self.text_version, "text_version")
        self.form.addRow(rule)

    def chosen_kind(self) -> ConsentKind:
        return ConsentKind(self.kind.currentData())

    def guardian_id(self) -> int | None:
        data = self.given_by.currentData()
        return None if data == SELF else data

    def by_member(self) -> bool:
        return self.given_by.currentData() == SELF

    def given_on_date(self) -> dt.date:
        return read_date(self.given_on, "given_on")


class WithdrawConsentDialog(FormDialog):
    def __init__(self, what: str, name: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Withdraw the consent to {what} for {name}").format(what=what, name=name),
            self.tr("Withdraw"),
            parent,
        )
        self.setObjectName("withdrawConsentDialog")
        self.withdrawn_on = date_edit(today, "withdrawnOn")
        note = plain_label(
            self.tr(
                "From this day the consent no longer holds. The record stays, so the register "
                "can still show what was agreed before."
            )
        )
        note.setWordWrap(True)
        self.add_field(self.tr("Withdrawn on:"), self.withdrawn_on, "withdrawn_on", "date")
        self.form.addRow(note)

    def withdrawn_on_date(self) -> dt.date:
        return read_date(self.withdrawn_on, "withdrawn_on")
