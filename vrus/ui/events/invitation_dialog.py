"""The invitation to an event: the letter to the families, to copy or open in the mail program.

The letter is Norwegian whatever the window's language (``vrus.invitations``); the coordinator
may edit its subject and text here, and what the mail program gets is the text as edited.
The contact line is a register setting, saved when the field is left, so the next
invitation has it too; each save is one undoable step (``recorded``: the Events page's
undo stack takes it). The recipients (guardians of the invited members, adult members
themselves) go in Bcc; where they do not fit one ``mailto:`` link, the dialog lists one
message per part, opened one after another.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrus import undo
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.errors import VrusError
from vrus.invitations import (
    CONTACT_LIMIT,
    CONTACT_SETTING,
    Invitation,
    MailLinks,
    Recipients,
    contact_email,
    contact_line,
    contact_sentence,
    invitation_recipients,
    invitation_text,
    mailto_links,
    set_contact_line,
)
from vrus.ui.common.colours import WARNING, text_style
from vrus.ui.common.conflict_dialog import settle_conflict
from vrus.ui.common.messages import error_text
from vrus.ui.common.plain_text import plain_label, show_error
from vrus.ui.common.undo_conflicts import recorded_conflict
from vrus.ui.common.widgets import wrapped_label

OPENED = "  ✓"  # after a message part already opened


class InvitationDialog(QDialog):
    recorded = Signal(object, str)  # the contact line saved: its undo.Step and its name

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        """Reads the event's letter and recipients; a ``VrusError`` (an event without days)
        is raised before anything is shown (``open_invitation`` shows it)."""
        super().__init__(parent)
        self.setObjectName("invitationDialog")
        self._db = db
        self._event_id = event_id
        self.conflict_dialog: QDialog | None = None
        self._opened: set[int] = set()
        with db.sessions() as session:
            self._saved_contact = contact_line(session) or ""
            self._generated: Invitation = invitation_text(
                session, event_id, self._saved_contact or None
            )
            self.recipients: Recipients = invitation_recipients(session, event_id)
        self.links: MailLinks = mailto_links(self._generated, self.recipients.addresses)
        self.setWindowTitle(
            self.tr("Cancellation notice") if self._generated.cancelled else self.tr("Invitation")
        )
        self.setMinimumSize(640, 560)
        self._build()
        self._update_links()

    # --- Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        intro = wrapped_label(
            self.tr(
                "The event is cancelled: this notice tells the families invited. It is in "
                "Norwegian; edit it as you like before sending."
            )
            if self._generated.cancelled
            else self.tr(
                "The invitation to the families, in Norwegian. Edit it as you like: the mail "
                "program gets the text as it is here."
            )
        )
        self.subject = QLineEdit(self._generated.subject)
        self.subject.setObjectName("invitationSubject")
        self.contact = QLineEdit(self._saved_contact)
        self.contact.setObjectName("invitationContact")
        self.contact.setMaxLength(CONTACT_LIMIT)
        self.contact.setPlaceholderText(self.tr("Name, phone, e-mail"))
        self.contact.setToolTip(
            self.tr("Saved for later invitations; its e-mail address gets a copy (To).")
        )
        self.contact.editingFinished.connect(self.save_contact)
        form = QFormLayout()
        for text, field in (
            (self.tr("&Subject"), self.subject),
            (self.tr("&Contact line"), self.contact),
        ):
            label = plain_label(text)
            label.setBuddy(field)
            form.addRow(label, field)

        self.text = QPlainTextEdit(self._generated.body)
        self.text.setObjectName("invitationText")
        self.text.setMinimumHeight(300)
        self.subject.textChanged.connect(self._update_links)
        self.text.textChanged.connect(self._update_links)

        self.reach = wrapped_label(self._reach_text())
        self.reach.setObjectName("invitationReach")
        self.paste_note = wrapped_label(
            self.tr(
                "The text is too long for a mail link: the messages open without it. Copy the "
                "text and paste it into each message."
            )
        )
        self.paste_note.setObjectName("pasteNote")
        self.paste_note.setStyleSheet(text_style(WARNING))
        self.parts = QListWidget()
        self.parts.setObjectName("mailParts")
        self.parts.setMaximumHeight(110)
        self.parts.itemActivated.connect(lambda item: self.open_part(self.parts.row(item)))
        self.status = plain_label()
        self.status.setObjectName("invitationStatus")

        self.copy_button = QPushButton(self.tr("Copy the text"))
        self.copy_button.setObjectName("copyInvitation")
        self.copy_button.clicked.connect(self.copy_text)
        self.mail_button = QPushButton(self.tr("Open in the mail program"))
        self.mail_button.setObjectName("openMail")
        self.mail_button.setDefault(True)
        self.mail_button.clicked.connect(self.open_mail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.mail_button)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reach)
        layout.addWidget(self.paste_note)
        layout.addWidget(self.parts)
        layout.addWidget(self.status)
        layout.addLayout(row)

    def _reach_text(self) -> str:
        found = self.recipients
        text = self.tr(
            "{count} e-mail address(es) in Bcc: the guardians of the invited members and the "
            "adult members themselves."
        ).format(count=len(found.addresses))
        if found.unreached:
            text += " " + self.tr(
                "{count} of the {invited} invited have no address: phone them."
            ).format(count=len(found.unreached), invited=found.invited)
        elif found.invited:
            text += " " + self.tr("Every one of the {invited} invited is reached.").format(
                invited=found.invited
            )
        return text

    # --- The letter as edited ---------------------------------------------------------------

    def current_invitation(self) -> Invitation:
        return replace(
            self._generated,
            subject=self.subject.text().strip(),
            body=self.text.toPlainText(),
            contact_email=contact_email(self.contact.text()),
        )

    def _update_links(self) -> None:
        links = mailto_links(self.current_invitation(), self.recipients.addresses)
        if len(links.urls) != len(self.links.urls):
            self._opened.clear()  # other parts now: none of them was opened
        self.links = links
        split = len(links.urls) > 1
        self.paste_note.setVisible(not links.body_included)
        self.parts.setVisible(split)
        self.mail_button.setText(
            self.tr("Open the next message") if split else self.tr("Open in the mail program")
        )
        current = max(self.parts.currentRow(), 0)
        self.parts.clear()
        if split:
            for index, size in enumerate(links.sizes):
                item = QListWidgetItem(self._part_text(index))
                item.setToolTip(self.tr("{count} addresses").format(count=size))
                self.parts.addItem(item)
            self.parts.setCurrentRow(min(current, len(links.urls) - 1))

    def _part_text(self, index: int) -> str:
        text = self.tr("Message {number} of {total} ({count} addresses)").format(
            number=index + 1, total=len(self.links.urls), count=self.links.sizes[index]
        )
        return text + OPENED if index in self._opened else text

    # --- Actions ----------------------------------------------------------------------------

    def copy_text(self) -> None:
        # The letter holds no one's personal data but the coordinator's own contact line, so
        # it goes on the clipboard for good (not vrus.ui.common.clipboard, which clears it).
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(self.tr("The text is on the clipboard."))

    def open_mail(self) -> None:
        """One message: open it. Several: open the chosen one and choose the next."""
        if len(self.links.urls) == 1:
            self.open_part(0)
            return
        row = max(self.parts.currentRow(), 0)
        self.open_part(row)
        following = [i for i in range(len(self.links.urls)) if i not in self._opened]
        if following:
            after = [i for i in following if i > row]
            self.parts.setCurrentRow((after or following)[0])

    def open_part(self, index: int) -> None:
        if not 0 <= index < len(self.links.urls):
            return
        if not QDesktopServices.openUrl(QUrl(self.links.urls[index], QUrl.ParsingMode.StrictMode)):
            self.status.setText(
                self.tr("No mail program opened the message. Copy the text instead.")
            )
            return
        self._opened.add(index)
        item = self.parts.item(index)
        if item is not None:
            item.setText(self._part_text(index))
        total = len(self.links.urls)
        self.status.setText(
            self.tr("Opened in the mail program.")
            if total == 1
            else self.tr("Opened message {number} of {total}.").format(
                number=index + 1, total=total
            )
        )

    # --- The contact line -------------------------------------------------------------------

    def save_contact(self) -> None:
        typed = " ".join(self.contact.text().split())
        if typed == self._saved_contact or self.conflict_dialog is not None:
            return
        scope = undo.Scope(settings={CONTACT_SETTING})
        try:
            _done, step = undo.record(
                self._db,
                lambda: set_contact_line(self._db, typed, original=self._saved_contact),
                scope,
            )
        except ConflictError as conflict:
            self.conflict_dialog = settle_conflict(
                self,
                self._db,
                recorded_conflict(conflict, scope, self._contact_recorded),
                kept=lambda _result: self._contact_saved(typed),
                dropped=self._contact_kept,
            )
            return
        except VrusError as error:
            self.status.setText(error_text(error))
            return
        self._contact_saved(typed)
        self._contact_recorded(step)

    def _contact_recorded(self, step: undo.Step) -> None:
        self.recorded.emit(step, self.tr("change of the contact line of invitations"))

    def _contact_saved(self, contact: str) -> None:
        self.conflict_dialog = None
        old, self._saved_contact = self._saved_contact, contact
        self._letter_with_contact(old, contact)
        self.status.setText(self.tr("The contact line is saved for later invitations."))

    def _contact_kept(self) -> None:
        """Another user's contact line stays: show it, and put it in the letter."""
        self.conflict_dialog = None
        with self._db.sessions() as session:
            theirs = contact_line(session) or ""
        old, self._saved_contact = self._saved_contact, theirs
        self.contact.setText(theirs)
        self._letter_with_contact(old, theirs)

    def _letter_with_contact(self, old: str, new: str) -> None:
        """The letter with the new contact line: written again if the user has not edited it,
        otherwise only the contact sentence is exchanged (where it is still there)."""
        unedited = self.text.toPlainText() == self._generated.body
        subject_unedited = self.subject.text() == self._generated.subject
        with self._db.sessions() as session:
            fresh = invitation_text(session, self._event_id, new or None)
        if unedited:
            self.text.setPlainText(fresh.body)
        else:
            before, after = contact_sentence(old), contact_sentence(new)
            text = self.text.toPlainText()
            if before and after and before in text:
                self.text.setPlainText(text.replace(before, after))
        if subject_unedited:
            self.subject.setText(fresh.subject)
        self._generated = fresh
        self._update_links()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in a field finishes the field (the contact line is saved); it does not open
        the mail program, as the dialog's default button would."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() in (self.subject, self.contact):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Close, saving a contact line typed and not yet saved (Escape leaves no field)."""
        self.save_contact()
        if self.conflict_dialog is None:
            super().reject()


def open_invitation(parent: QWidget, db: Database, event_id: int) -> InvitationDialog | None:
    """Open the invitation dialog window-modal (no nested event loop); an event the letter
    cannot be written for is explained instead."""
    try:
        dialog = InvitationDialog(db, event_id, parent)
    except VrusError as error:
        show_error(
            parent,
            QCoreApplication.translate("InvitationDialog", "No invitation"),
            error_text(error),
        )
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
