"""Invitations to an event: the letter to the families, who gets it, and ``mailto:`` links.

The letter is always in Norwegian Bokmål, whatever language the window or the command line
speaks: it goes to the families, not to the coordinator, and they read Norwegian. So its
sentences are written here as Norwegian literals, deliberately not through ``translate``
(which would give the English source on the command line and leave the text to the
translator's choice of words). The coordinator's own messages (refusals) are translated as
usual.

A cancelled event gives a cancellation notice instead of an invitation, to the same
recipients: the families who were invited are the ones who must hear that it is off.

Recipients are the guardians of the invited members, and the invited members who are adults
(18 on the event's first day: the law's age, as consents count it) with their own address.
A minor's own address is never used: the letter asks for lunch and allergies, which the
guardians answer for a child. Invited persons no address reaches are counted, so the
coordinator can phone them.

A ``mailto:`` link (RFC 6068) carries the recipients in Bcc, so that families do not see each
other's addresses. Mail programs on Windows cut a link at about 2 000 characters, so the
addresses are split over several links (messages) where they do not fit in one; where even
the text alone is too long, the links carry the subject and addresses only and the caller
must have the text pasted from the clipboard.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.conflicts import store_setting
from vrus.consents import ADULT_AGE, age_on
from vrus.contacts import guardian_emails, persons_without_guardian_email
from vrus.dates import MONTHS_NB, long_date_nb
from vrus.db.engine import Database
from vrus.db.enums import EventKind
from vrus.db.models import Event, EventDay, Person, Setting
from vrus.errors import VrusError
from vrus.events import get_event
from vrus.signups import first_day, invited_members
from vrus.texts import translate
from vrus.validation import ValidationError, one_line, validate_email

CONTACT_SETTING = "invitation.contact"
CONTACT_LIMIT = 300
MAILTO_LIMIT = 2000  # characters: what mail programs on Windows take of a link
SENDER = "Vestregionens Ungdomssymfonikere"


@dataclass(frozen=True)
class Invitation:
    subject: str
    body: str  # lines separated by "\n"
    # The address in the contact line, if it has one: the links' To (see ``mailto_links``).
    contact_email: str | None = None
    cancelled: bool = False  # a cancellation notice rather than an invitation


@dataclass(frozen=True)
class Recipients:
    addresses: tuple[str, ...]  # each address once (case-insensitive), in a stable order
    invited: int  # invited persons (erased ones left out: nobody can reach them)
    unreached: tuple[int, ...]  # ids of invited persons no address reaches: phone them


@dataclass(frozen=True)
class MailLinks:
    urls: tuple[str, ...]  # one message each
    sizes: tuple[int, ...]  # how many addresses each carries
    body_included: bool  # False: the links have no text; paste it from the clipboard


# --- the contact line (a register setting) --------------------------------------------------


def _stored_contact(stored: str | None) -> str:
    return stored or ""  # no setting and an empty one read alike


def contact_line(session: Session) -> str | None:
    """The register's contact line for invitations ("Kari Nordmann, 900 00 000, ...")."""
    setting = session.get(Setting, CONTACT_SETTING)
    return setting.value if setting is not None and setting.value else None


def set_contact_line(db: Database, text: str | None, original: str | None = None) -> str | None:
    """Store the contact line (empty: none); returns it as stored. ``original`` is the line
    the user saw: another user's other line saved meanwhile is a ``ConflictError``."""
    value = one_line(text, "contact", CONTACT_LIMIT)
    store_setting(
        db,
        CONTACT_SETTING,
        value,
        label=translate("Core", "Contact line of invitations"),
        original=None if original is None else _stored_contact(original.strip()),
        read=_stored_contact,
    )
    return value


_ADDRESS_IN_TEXT = re.compile(r"[^@\s,;:<>()\[\]\"]+@[^@\s,;:<>()\[\]\"]+")


def contact_email(contact: str | None) -> str | None:
    """The first e-mail address in a contact line, or None."""
    for found in _ADDRESS_IN_TEXT.findall(contact or ""):
        try:
            return validate_email(found.rstrip("."))
        except ValidationError:
            continue
    return None


# --- the text --------------------------------------------------------------------------------


def norwegian_list(items: Sequence[str]) -> str:
    """'A', 'A og B', 'A, B og C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


def _month_year(day: dt.date) -> str:
    return f"{MONTHS_NB[day.month - 1]} {day.year}"


def dates_nb(dates: Iterable[dt.date]) -> str:
    """The event's dates, short: '6. mars 2027', '6.–7. mars 2027', '27. februar–1. mars
    2027', '6. og 13. mars 2027' (days not in a row are listed)."""
    days = sorted(set(dates))
    if not days:
        return ""
    first, last = days[0], days[-1]
    if (last - first).days == len(days) - 1 and len(days) > 1:  # a run of days in a row
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}.–{last.day}. {_month_year(last)}"
        if first.year == last.year:
            return f"{first.day}. {MONTHS_NB[first.month - 1]}–{last.day}. {_month_year(last)}"
        return f"{long_date_nb(first, weekday=False)}–{long_date_nb(last, weekday=False)}"
    parts = []
    for day, following in zip(days, [*days[1:], None], strict=True):
        if following is None or following.year != day.year:
            parts.append(long_date_nb(day, weekday=False))
        elif following.month != day.month:
            parts.append(f"{day.day}. {MONTHS_NB[day.month - 1]}")
        else:
            parts.append(f"{day.day}.")
    return norwegian_list(parts)


def _clock(time: dt.time) -> str:
    return f"{time.hour:02d}.{time.minute:02d}"  # Norwegian style: kl. 10.00


def day_line(day: EventDay) -> str:
    """'lørdag 6. mars 2027 kl. 10.00–16.00'."""
    date = long_date_nb(day.date)
    start, end = day.start_time, day.end_time
    if start is not None and end is not None:
        return f"{date} kl. {_clock(start)}–{_clock(end)}"
    if start is not None:
        return f"{date} fra kl. {_clock(start)}"
    if end is not None:
        return f"{date} til kl. {_clock(end)}"
    return f"{date} (klokkeslett kommer senere)"


def serves_lunch(event: Event) -> bool:
    """Lunch is served at the weekend seminars (by the friends' association, vrus.lunch),
    as the sign-up grid and the Lunch page count it."""
    return event.kind == EventKind.SEMINAR.value


def _invited_ensembles(event: Event) -> list[str]:
    ensembles = sorted((link.ensemble for link in event.invited), key=lambda e: e.sort_order)
    return [e.name for e in ensembles]


def _when_lines(days: list[EventDay]) -> list[str]:
    if len(days) == 1:
        return [f"Tid: {day_line(days[0])}"]
    return ["Tid:", *(f"– {day_line(day)}" for day in days)]


def contact_sentence(contact: str | None) -> str | None:
    """The letter's line with the contact line in it (None without one)."""
    return f"Spørsmål? Kontakt {contact.strip()}." if contact and contact.strip() else None


def _closing(contact: str | None) -> list[str]:
    sentence = contact_sentence(contact)
    return [*([sentence, ""] if sentence else []), "Vennlig hilsen", SENDER]


def _questions(event: Event, days: list[EventDay]) -> list[str]:
    deadline = event.signup_deadline
    lines = [
        f"Svar innen {long_date_nb(deadline)}:" if deadline else "Svar så snart som mulig:",
        "– Kommer deltakeren?"
        if len(days) == 1
        else "– Kommer deltakeren alle dagene? Hvis ikke: hvilke dager?",
    ]
    if serves_lunch(event):
        lines += [
            "– Ønsker deltakeren lunsj?",
            "– Har deltakeren allergier eller spesielle kosthold vi må vite om?",
        ]
    return lines


def _invitation_body(event: Event, days: list[EventDay], contact: str | None) -> list[str]:
    ensembles = _invited_ensembles(event)
    who = (
        f"Medlemmene av {norwegian_list(ensembles)} inviteres til {event.title}."
        if ensembles
        else f"Velkommen til {event.title}."
    )
    lines = ["Hei!", "", who, "", *_when_lines(days)]
    if event.venue:
        lines.append(f"Sted: {event.venue}")
    if event.description and event.description.strip():
        lines += ["", event.description.strip()]
    return [*lines, "", *_questions(event, days), "", *_closing(contact)]


def _cancellation_body(event: Event, days: list[EventDay], contact: str | None) -> list[str]:
    when = norwegian_list([long_date_nb(day.date) for day in days])
    return [
        "Hei!",
        "",
        f"{event.title} ({when}) er dessverre avlyst.",
        "Vi beklager ulempen.",
        "",
        *_closing(contact),
    ]


def invitation_text(session: Session, event_id: int, contact: str | None) -> Invitation:
    """The letter for an event: an invitation, or for a cancelled event a cancellation
    notice. ``contact`` is the contact line (None: the letter has none)."""
    event = get_event(session, event_id)
    first_day(event)  # an event without days has nothing to invite to: refused here
    days = sorted(event.days, key=lambda d: d.date)
    dates = dates_nb(day.date for day in days)
    if event.cancelled:
        subject = f"Avlyst: {event.title}, {dates}"
        body = _cancellation_body(event, days, contact)
    else:
        subject = f"Invitasjon: {event.title}, {dates}"
        body = _invitation_body(event, days, contact)
    return Invitation(subject, "\n".join(body), contact_email(contact), bool(event.cancelled))


# --- who gets it -----------------------------------------------------------------------------


def _unique(addresses: Iterable[str]) -> list[str]:
    """Each address once, the first spelling kept (addresses are case-insensitive)."""
    unique: dict[str, str] = {}
    for address in addresses:
        address = address.strip()
        if address:
            unique.setdefault(address.casefold(), address)
    return list(unique.values())


def invitation_recipients(session: Session, event_id: int) -> Recipients:
    """The guardians of the invited members and the adult members themselves; guardians'
    addresses first (in the members' name order), then the adults' own."""
    event = get_event(session, event_id)
    day = first_day(event)
    invited = invited_members(session, event)
    persons = {
        pid: (born, email)
        for pid, born, email in session.execute(
            select(Person.id, Person.birth_date, Person.email).where(
                Person.id.in_(invited), Person.erased_at.is_(None)
            )
        )
    }
    invited = [pid for pid in invited if pid in persons]
    own = {
        pid: email.strip()
        for pid, (born, email) in persons.items()
        if email and email.strip() and born is not None and age_on(born, day) >= ADULT_AGE
    }
    addresses = _unique(
        [*guardian_emails(session, invited), *(own[p] for p in invited if p in own)]
    )
    missing = set(persons_without_guardian_email(session, invited)) - set(own)
    return Recipients(
        addresses=tuple(addresses),
        invited=len(invited),
        unreached=tuple(pid for pid in invited if pid in missing),
    )


# --- mailto: links ---------------------------------------------------------------------------


def _encoded(text: str) -> str:
    """Percent-encoded UTF-8 for a header value (RFC 6068): spaces as %20, never '+'."""
    return quote(text, safe="")


def _encoded_address(address: str) -> str:
    return quote(address, safe="@")


def _groups(head: str, addresses: list[str], limit: int, count: int) -> list[list[str]] | None:
    """The addresses in order, in groups whose link ``head`` + '&bcc=' + group fits in
    ``limit`` characters, each taking no more than its share of what is left for ``count``
    groups; None if one address alone does not fit."""
    room = limit - len(head) - len("&bcc=")
    groups: list[list[str]] = []
    used = share = 0
    for index, address in enumerate(addresses):
        if len(address) > room:
            return None
        if not groups or len(groups[-1]) == share or used + 1 + len(address) > room:
            left = max(count - len(groups), 1)
            share = -(-(len(addresses) - index) // left)  # rounded up
            groups.append([address])
            used = len(address)
        else:
            groups[-1].append(address)
            used += 1 + len(address)  # with the comma
    return groups


def _pack(head: str, addresses: list[str], limit: int) -> list[list[str]] | None:
    """As few links as fit, with the addresses spread evenly over them (four messages of
    23 rather than three of 27 and one of 9: a short last one looks like a mistake)."""
    if not addresses:
        return [[]] if len(head) <= limit else None
    fewest = _groups(head, addresses, limit, 1)
    if fewest is None or len(fewest) == 1:
        return fewest
    even = _groups(head, addresses, limit, len(fewest))
    return even if even is not None and len(even) == len(fewest) else fewest


def mailto_links(
    invitation: Invitation, addresses: Iterable[str], limit: int = MAILTO_LIMIT
) -> MailLinks:
    """``mailto:`` links for the invitation, every address in exactly one of them (Bcc).

    The To is the contact line's e-mail address, if it has one: a message with nobody in To
    is marked as spam by some mail servers, the organisation's inbox keeps a copy of what
    went out, and a family's "reply" reaches it. Without one the To is empty and the mail
    program asks. Bcc comes first in each link, so a program that cuts a link anyway cuts
    the text (which shows) rather than addresses (which would not)."""
    to = _encoded_address(invitation.contact_email) if invitation.contact_email else ""
    subject = f"subject={_encoded(invitation.subject)}"
    text = invitation.body.replace("\r\n", "\n").replace("\n", "\r\n")  # RFC 6068: CRLF
    body = f"body={_encoded(text)}"
    encoded = [_encoded_address(address) for address in _unique(addresses)]
    for fields, with_body in (((subject, body), True), ((subject,), False)):
        head = f"mailto:{to}?" + "&".join(fields)
        groups = _pack(head, encoded, limit)
        if groups is not None:
            urls = tuple(
                f"mailto:{to}?" + "&".join([f"bcc={','.join(group)}", *fields]) if group else head
                for group in groups
            )
            return MailLinks(urls, tuple(len(group) for group in groups), with_body)
    raise VrusError(
        translate("Core", "a mail link of {limit} characters cannot hold even one address").format(
            limit=limit
        )
    )
