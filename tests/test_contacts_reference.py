"""Guardians' e-mail lists and the Settings edits of reference data."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.ages import AgeFlag
from vrus.contacts import guardian_emails, mail_list, persons_without_guardian_email
from vrus.db.models import Ensemble, Instrument, Municipality, Organisation
from vrus.member_list import MemberFilter, member_ids
from vrus.memberships import start_membership
from vrus.persons import add_guardian, link_guardian
from vrus.reference import (
    save_organisation,
    update_ensemble_limits,
    update_instrument,
    update_municipality,
)
from vrus.validation import ValidationError


def test_every_guardian_once(db) -> None:
    a = add_person(db, "Zoë", "Lie")
    b = add_person(db, "Åsmund", "Lie")
    c = add_person(db, "Łukasz", "Nowak")
    mother = add_guardian(
        db, a, {"first_name": "Kari", "last_name": "Lie", "email": "kari@example.no"}
    )
    add_guardian(db, a, {"first_name": "Ola", "last_name": "Lie", "email": "ola@example.no"})
    link_guardian(db, b, mother)
    add_guardian(db, b, {"first_name": "Per", "last_name": "Berg", "email": "KARI@example.no"})
    add_guardian(db, c, {"first_name": "Anna", "last_name": "Nowak", "phone": "91234567"})
    with db.transaction() as session:
        emails = guardian_emails(session, [a, b, c])
        assert emails == ["kari@example.no", "ola@example.no"]
        assert persons_without_guardian_email(session, [a, b, c]) == [c]
    assert mail_list(emails) == "kari@example.no; ola@example.no"


def test_changing_an_age_limit_changes_the_flags(db) -> None:
    pid = add_person(db, "Øystein", "Moe", dt.date(2009, 1, 1))  # 17 in 2026
    with db.transaction() as session:
        ungdom = session.scalars(select(Ensemble).where(Ensemble.short_name == "ungdom")).one()
    start_membership(db, pid, ungdom.id, None, dt.date(2023, 1, 1))
    flt = MemberFilter(flags={AgeFlag.AGES_OUT})
    with db.transaction() as session:
        assert member_ids(session, flt, dt.date(2026, 5, 1)) == []
    update_ensemble_limits(db, ungdom.id, 13, 17)
    with db.transaction() as session:
        assert member_ids(session, flt, dt.date(2026, 5, 1)) == [pid]
    with pytest.raises(ValidationError, match="above the upper"):
        update_ensemble_limits(db, ungdom.id, 19, 17)


def test_municipality_and_instrument_edits(db) -> None:
    with db.transaction() as session:
        hole = session.scalars(select(Municipality).where(Municipality.number == "0612")).one()
        oboe = session.scalars(select(Instrument).where(Instrument.name_en == "Oboe")).one()
    update_municipality(db, hole.id, population=6698, population_year=2015, in_region=False)
    update_instrument(db, oboe.id, target_count=3, hard_to_recruit=False)
    with pytest.raises(ValidationError, match="whole number"):
        update_municipality(db, hole.id, population="mange")
    with db.transaction() as session:
        hole = session.get(Municipality, hole.id)
        assert (hole.population, hole.population_year, hole.in_region) == (6698, 2015, False)
        oboe = session.get(Instrument, oboe.id)
        assert (oboe.target_count, oboe.hard_to_recruit) == (3, False)


def test_organisations(db) -> None:
    new = save_organisation(db, None, name="  Jar skoles  strykeorkester ", kind="orchestra")
    with pytest.raises(ValidationError, match="exists"):
        save_organisation(db, None, name="jar skoles strykeorkester", kind="orchestra")
    with pytest.raises(ValidationError, match="kind"):
        save_organisation(db, new, name="Jar", kind="club")
    save_organisation(
        db, new, name="Jar skoles strykeorkester", kind="orchestra", website="https://example.no"
    )
    with db.transaction() as session:
        assert session.get(Organisation, new).name == "Jar skoles strykeorkester"
