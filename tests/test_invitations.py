"""Invitations: the Bokmål letter with the right weekdays, who gets it, the mailto: links
split to fit a mail program, the contact line, and ``vrus invitation``."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.cli import main
from vrus.cli.invitations import cmd_invitation
from vrus.dates import long_date_nb, weekday_name
from vrus.db.engine import Database
from vrus.db.models import Ensemble, Guardian, Person, PersonGuardian
from vrus.errors import VrusError
from vrus.events import create_event, set_cancelled, set_event_days, update_event
from vrus.invitations import (
    Invitation,
    contact_email,
    contact_line,
    dates_nb,
    invitation_recipients,
    invitation_text,
    mailto_links,
    norwegian_list,
    set_contact_line,
)
from vrus.memberships import start_membership

D = dt.date
T = dt.time
SATURDAY = D(2027, 3, 6)
SUNDAY = D(2027, 3, 7)
DEADLINE = D(2027, 2, 26)
JOINED = D(2025, 8, 15)
CONTACT = "Kari Nordmann, 900 00 000, post@vus.no"


def _ensemble(db: Database, short: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def _seminar(db: Database, *, kind: str = "seminar", ensembles=("ungdom", "junior")) -> int:
    """A weekend seminar on Saturday 06.03.2027 (10-16) and Sunday 07.03.2027 (10-15)."""
    event_id = create_event(
        db,
        kind=kind,
        title="Helgeseminar mars",
        start=SATURDAY,
        venue="Sandvika videregående skole",
        description="Ta med noter, blyant og notestativ.",
        ensemble_ids=[_ensemble(db, short) for short in ensembles],
    )
    set_event_days(db, event_id, [(SATURDAY, T(10), T(16)), (SUNDAY, T(10), T(15))])
    update_event(db, event_id, signup_deadline=DEADLINE)
    return event_id


def _text(db: Database, event_id: int, contact: str | None = CONTACT) -> Invitation:
    with db.sessions() as session:
        return invitation_text(session, event_id, contact)


# --- the text ------------------------------------------------------------------------------------


def test_the_letter_names_the_weekdays_of_its_dates(db) -> None:
    invitation = _text(db, _seminar(db))
    # The weekdays come from the dates (a printed "Søndag 06.03" on a Thursday is the old
    # report's mistake): check them against the calendar, not against a literal.
    assert [weekday_name(day) for day in (SATURDAY, SUNDAY, DEADLINE)] == [
        "lørdag",
        "søndag",
        "fredag",
    ]
    assert invitation.subject == "Invitasjon: Helgeseminar mars, 6.–7. mars 2027"
    lines = invitation.body.splitlines()
    assert "– lørdag 6. mars 2027 kl. 10.00–16.00" in lines
    assert "– søndag 7. mars 2027 kl. 10.00–15.00" in lines
    assert "Svar innen fredag 26. februar 2027:" in lines
    assert "Sted: Sandvika videregående skole" in lines
    assert "Ta med noter, blyant og notestativ." in lines
    assert (
        "Medlemmene av Ungdomssymfonikerne og Juniorsymfonikerne inviteres til Helgeseminar mars."
        in lines
    )
    # A seminar serves lunch: both questions; two days: which days.
    assert "– Ønsker deltakeren lunsj?" in lines
    assert "– Har deltakeren allergier eller spesielle kosthold vi må vite om?" in lines
    assert "– Kommer deltakeren alle dagene? Hvis ikke: hvilke dager?" in lines
    assert f"Spørsmål? Kontakt {CONTACT}." in lines
    assert invitation.contact_email == "post@vus.no"
    assert not invitation.cancelled


def test_a_day_without_times_and_an_event_without_lunch_or_deadline(db) -> None:
    event_id = _seminar(db, kind="concert", ensembles=("ungdom",))
    set_event_days(db, event_id, [(D(2027, 4, 25), None, None)])
    update_event(db, event_id, signup_deadline=None)
    invitation = _text(db, event_id, contact=None)
    lines = invitation.body.splitlines()
    assert (
        f"Tid: {weekday_name(D(2027, 4, 25))} 25. april 2027 (klokkeslett kommer senere)" in lines
    )
    assert "Medlemmene av Ungdomssymfonikerne inviteres til Helgeseminar mars." in lines
    assert "Svar så snart som mulig:" in lines and "– Kommer deltakeren?" in lines
    assert "lunsj" not in invitation.body and "allergier" not in invitation.body
    assert "Kontakt" not in invitation.body and invitation.contact_email is None
    assert invitation.subject == "Invitasjon: Helgeseminar mars, 25. april 2027"


def test_only_a_start_or_an_end_time(db) -> None:
    event_id = _seminar(db)
    set_event_days(db, event_id, [(SATURDAY, T(9, 30), None), (SUNDAY, None, T(14, 5))])
    lines = _text(db, event_id).body.splitlines()
    assert "– lørdag 6. mars 2027 fra kl. 09.30" in lines
    assert "– søndag 7. mars 2027 til kl. 14.05" in lines


def test_a_cancelled_event_gives_a_cancellation_notice(db) -> None:
    event_id = _seminar(db)
    set_cancelled(db, event_id, True)
    notice = _text(db, event_id)
    assert notice.cancelled
    assert notice.subject == "Avlyst: Helgeseminar mars, 6.–7. mars 2027"
    assert (
        "Helgeseminar mars (lørdag 6. mars 2027 og søndag 7. mars 2027) er dessverre avlyst."
        in notice.body.splitlines()
    )
    assert "Svar innen" not in notice.body and "lunsj" not in notice.body
    assert f"Spørsmål? Kontakt {CONTACT}." in notice.body


def test_an_unknown_event_is_refused(db) -> None:
    with db.sessions() as session, pytest.raises(VrusError, match="event 999 is not in"):
        invitation_text(session, 999, None)


@pytest.mark.parametrize(
    ("dates", "text"),
    [
        ([SATURDAY], "6. mars 2027"),
        ([SUNDAY, SATURDAY], "6.–7. mars 2027"),
        ([D(2027, 2, 27), D(2027, 2, 28), D(2027, 3, 1)], "27. februar–1. mars 2027"),
        ([D(2026, 12, 31), D(2027, 1, 1)], "31. desember 2026–1. januar 2027"),
        ([D(2027, 3, 6), D(2027, 3, 13), D(2027, 3, 20)], "6., 13. og 20. mars 2027"),
        ([D(2027, 2, 27), D(2027, 3, 6)], "27. februar og 6. mars 2027"),
        ([D(2026, 12, 5), D(2027, 1, 9)], "5. desember 2026 og 9. januar 2027"),
    ],
)
def test_dates_in_the_subject(dates, text) -> None:
    assert dates_nb(dates) == text


def test_long_dates_and_lists() -> None:
    assert long_date_nb(D(2027, 1, 1)) == f"{weekday_name(D(2027, 1, 1))} 1. januar 2027"
    assert long_date_nb(D(2027, 12, 24), weekday=False) == "24. desember 2027"
    assert norwegian_list(["A"]) == "A"
    assert norwegian_list(["A", "B", "C"]) == "A, B og C"


# --- the contact line ----------------------------------------------------------------------------


def test_the_contact_line_is_a_register_setting(db) -> None:
    with db.sessions() as session:
        assert contact_line(session) is None
    assert set_contact_line(db, f"  {CONTACT} ") == CONTACT
    with db.sessions() as session:
        assert contact_line(session) == CONTACT
    set_contact_line(db, "Per, 911 11 111", original=CONTACT)
    with db.sessions() as session:
        assert contact_line(session) == "Per, 911 11 111"
    set_contact_line(db, "")
    with db.sessions() as session:
        assert contact_line(session) is None


@pytest.mark.parametrize(
    ("line", "address"),
    [
        (CONTACT, "post@vus.no"),
        ("Kari <Kari@VUS.no>.", "Kari@vus.no"),
        ("ring 900 00 000 (e-post: kari@ example.no)", None),
        ("Kari Nordmann", None),
        (None, None),
    ],
)
def test_the_address_in_the_contact_line(line, address) -> None:
    assert contact_email(line) == address


# --- the recipients ------------------------------------------------------------------------------


def _member(db: Database, first: str, born: D, short: str, email: str | None = None) -> int:
    person = add_person(db, first, "Lie", born)
    with db.transaction() as session:
        session.get_one(Person, person).email = email
    start_membership(db, person, _ensemble(db, short), None, JOINED)
    return person


def _guardians(db: Database, person: int, *emails: str | None) -> None:
    with db.transaction() as session:
        for order, email in enumerate(emails):
            guardian = Guardian(first_name=f"Forelder {order}", last_name="Lie", email=email)
            session.add(PersonGuardian(person_id=person, guardian=guardian, sort_order=order))


def _share_guardian(db: Database, person: int, of: int) -> None:
    with db.transaction() as session:
        link = session.scalars(select(PersonGuardian).where(PersonGuardian.person_id == of)).first()
        session.add(PersonGuardian(person_id=person, guardian_id=link.guardian_id))


def test_guardians_and_adult_members_each_address_once(db) -> None:
    event_id = _seminar(db)
    ola = _member(db, "Ola", D(2013, 4, 2), "junior", email="ola.barn@example.no")
    _guardians(db, ola, "kari@example.no", "per@example.no")
    aase = _member(db, "Åse", D(2015, 9, 1), "junior")
    _share_guardian(db, aase, of=ola)  # Kari is the mother of both
    _guardians(db, aase, "KARI@Example.no")  # and was typed again, in other letters
    ingrid = _member(db, "Ingrid", D(2008, 1, 10), "ungdom", email="ingrid@example.no")
    # 18 on the seminar's first day exactly: an adult; a day younger: a minor.
    turid = _member(db, "Turid", SATURDAY.replace(year=2009), "ungdom", email="turid@example.no")
    zoe = _member(db, "Zoë", SATURDAY.replace(year=2009) + dt.timedelta(days=1), "ungdom", "z@e.no")
    _member(db, "Eldar", D(2008, 2, 2), "ungdom")  # an adult without any address
    mari = _member(db, "Mari", D(2018, 1, 1), "aspirant")  # not invited
    _guardians(db, mari, "aspirant.forelder@example.no")

    with db.sessions() as session:
        found = invitation_recipients(session, event_id)
        again = invitation_recipients(session, event_id)
    assert found == again  # a stable order
    assert len({a.casefold() for a in found.addresses}) == len(found.addresses)
    assert {a.casefold() for a in found.addresses} == {
        "kari@example.no",
        "per@example.no",
        "ingrid@example.no",
        "turid@example.no",
    }
    # The guardians' first, then the adults' own.
    assert {a.casefold() for a in found.addresses[:2]} == {"kari@example.no", "per@example.no"}
    assert found.invited == 6
    assert set(found.unreached) == {zoe, _id_of(db, "Eldar")}
    assert ingrid not in found.unreached and turid not in found.unreached


def _id_of(db: Database, first: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Person.id).where(Person.first_name == first)).one()


# --- the mailto: links ---------------------------------------------------------------------------


def _fields(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True)


def _invitation(
    body: str = "Hei!\n\nSøndag 7. mars kl. 10.00–15.00 & mer: 100 % sikkert?",
) -> Invitation:
    return Invitation("Invitasjon: Helgeseminar, 6.–7. mars 2027", body, "post@vus.no")


ADDRESSES = [f"forelder.nummer{n}+vrus@familie{n % 7}.example.no" for n in range(150)]


def test_links_split_under_the_limit_with_every_address_once() -> None:
    invitation = _invitation()
    links = mailto_links(invitation, [*ADDRESSES, ADDRESSES[3].upper()], limit=2000)
    assert len(links.urls) > 1 and links.body_included
    seen: list[str] = []
    for url, size in zip(links.urls, links.sizes, strict=True):
        assert len(url) <= 2000
        to, fields = _fields(url)
        assert to == "post@vus.no"
        assert fields["subject"] == [invitation.subject]
        assert fields["body"] == [invitation.body.replace("\n", "\r\n")]
        bcc = fields["bcc"][0].split(",")
        assert len(bcc) == size
        seen += bcc
    assert sorted(seen) == sorted(ADDRESSES)  # "+" survives: encoded, not read as a space


def test_the_addresses_are_spread_evenly_over_the_messages() -> None:
    addresses = [f"familie{n:03d}@example.no" for n in range(100)]  # all of one length
    links = mailto_links(_invitation(), addresses, limit=1000)
    bcc = "bcc=" + ",".join(addresses[: links.sizes[0]]) + "&"
    room = 1000 - (len(links.urls[0]) - len(bcc)) - len("bcc=&")  # for the addresses
    per_message = (room + 1) // (len(addresses[0]) + 1)  # a comma between each two
    assert len(links.urls) == -(-len(addresses) // per_message) > 1  # as few as fit
    assert max(links.sizes) - min(links.sizes) <= 1 and sum(links.sizes) == 100
    assert all(len(url) <= 1000 for url in links.urls)


def test_a_text_too_long_for_a_link_is_left_out_and_said_so() -> None:
    invitation = _invitation("Lang tekst med æøå. " * 150)
    links = mailto_links(invitation, ADDRESSES, limit=2000)
    assert not links.body_included
    seen: list[str] = []
    for url in links.urls:
        assert len(url) <= 2000
        _to, fields = _fields(url)
        assert "body" not in fields and fields["subject"] == [invitation.subject]
        seen += fields["bcc"][0].split(",")
    assert sorted(seen) == sorted(ADDRESSES)
    short = mailto_links(_invitation(), ADDRESSES[:3])
    assert short.body_included and len(short.urls) == 1 and short.sizes == (3,)


def test_no_addresses_one_link_and_no_contact_address_an_empty_to() -> None:
    invitation = Invitation("Emne", "Tekst", None)
    links = mailto_links(invitation, [])
    assert links.sizes == (0,)
    to, fields = _fields(links.urls[0])
    assert to == "" and "bcc" not in fields and fields["body"] == ["Tekst"]
    assert links.urls[0].startswith("mailto:?")


def test_a_limit_that_holds_no_address_is_refused() -> None:
    with pytest.raises(VrusError, match="cannot hold even one address"):
        mailto_links(_invitation(), ADDRESSES, limit=80)


# --- vrus invitation -----------------------------------------------------------------------------


def test_the_command_prints_the_letter_and_stores_the_contact(db) -> None:
    event_id = _seminar(db)
    out = io.StringIO()
    assert cmd_invitation(db, event_id=event_id, contact=CONTACT, out=out) == 0
    subject, body = out.getvalue().split("\n\n", 1)
    assert subject == "Invitasjon: Helgeseminar mars, 6.–7. mars 2027"
    assert "– lørdag 6. mars 2027 kl. 10.00–16.00" in body
    assert f"Spørsmål? Kontakt {CONTACT}." in body
    with db.sessions() as session:
        assert contact_line(session) == CONTACT
    out = io.StringIO()
    assert cmd_invitation(db, event_id=event_id, out=out) == 0  # the stored line again
    assert f"Spørsmål? Kontakt {CONTACT}." in out.getvalue()


def test_the_command_prints_links_and_who_no_address_reaches(db) -> None:
    event_id = _seminar(db)
    ola = _member(db, "Ola", D(2013, 4, 2), "junior")
    _guardians(db, ola, "kari@example.no")
    _member(db, "Eldar", D(2008, 2, 2), "ungdom")
    out, err = io.StringIO(), io.StringIO()
    assert cmd_invitation(db, event_id=event_id, mailto=True, out=out, err=err) == 0
    urls = out.getvalue().splitlines()
    assert len(urls) == 1
    assert _fields(urls[0])[1]["bcc"] == ["kari@example.no"]
    assert err.getvalue() == (
        "1 address(es) in 1 message(s); 1 of 2 invited person(s) have no address: phone them\n"
    )


def test_the_vrus_command_refuses_an_unknown_event_in_one_line(db, capsys) -> None:
    event_id = _seminar(db)
    assert main(["--db", db.url, "invitation", str(event_id)]) == 0
    assert capsys.readouterr().out.startswith("Invitasjon: Helgeseminar mars")
    assert main(["--db", db.url, "invitation", "--contact", "Per", "999"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "vrus: error: event 999 is not in the register\n"
    with db.sessions() as session:
        assert contact_line(session) is None  # nothing stored for an unknown event
