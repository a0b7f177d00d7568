"""``vrus invitation EVENT``: the letter inviting the families to an event, or its links.

The letter (in Bokmål, always: it goes to the families) is printed as its subject, a blank
line and the text, ready to paste into a mail. ``--mailto`` prints the ``mailto:`` links
instead, one per line (several when the addresses do not fit one), with how many invited
persons no address reaches on stderr.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, parse_event_id, print_warning

if TYPE_CHECKING:
    from vrus.db.engine import Database


def cmd_invitation(
    db: Database,
    *,
    event_id: int,
    contact: str | None = None,
    mailto: bool = False,
    out: TextIO,
    err: TextIO | None = None,
) -> ExitCode:
    """``vrus invitation EVENT [--contact TEXT] [--mailto]``."""
    from vrus.events import get_event
    from vrus.invitations import (
        contact_line,
        invitation_recipients,
        invitation_text,
        mailto_links,
        set_contact_line,
    )

    err = err or sys.stderr
    with db.sessions() as session:
        get_event(session, event_id)  # an unknown event is refused before anything is stored
    if contact is not None:
        set_contact_line(db, contact)
    with db.sessions() as session:
        invitation = invitation_text(session, event_id, contact_line(session))
        recipients = invitation_recipients(session, event_id) if mailto else None
    if recipients is None:
        out.write(f"{invitation.subject}\n\n{invitation.body}\n")
        return ExitCode.OK
    links = mailto_links(invitation, recipients.addresses)
    for url in links.urls:
        out.write(f"{url}\n")
    err.write(
        f"{len(recipients.addresses)} address(es) in {len(links.urls)} message(s); "
        f"{len(recipients.unreached)} of {recipients.invited} invited person(s) "
        "have no address: phone them\n"
    )
    if not links.body_included:
        print_warning(
            "the text is too long for a mail link: the links carry the subject and addresses "
            "only; paste the text (vrus invitation without --mailto) into each message",
            err,
        )
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    """``vrus invitation EVENT [--contact TEXT] [--mailto]``."""
    invitation = subparsers.add_parser(
        "invitation",
        help="the invitation to an event for the families, in Norwegian (or its mailto: links)",
    )
    invitation.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    invitation.add_argument(
        "--contact",
        metavar="TEXT",
        help='the contact line, stored for later invitations ("Kari Nordmann, 900 00 000, '
        'post@example.no"; "" removes it)',
    )
    invitation.add_argument(
        "--mailto",
        action="store_true",
        help="print mailto: links (guardians and adult members in Bcc) instead of the text",
    )
    invitation.set_defaults(
        handler=handler(cmd_invitation, event_id="event", contact="contact", mailto="mailto")
    )
