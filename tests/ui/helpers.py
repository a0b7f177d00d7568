"""Register rows for the window tests, made directly with the models."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vrus.db.engine import Database
from vrus.db.models import Ensemble, Membership, Municipality, Person


def add_person(db: Database, first: str, last: str, *, born: dt.date | None = None,
               municipality: str | None = None, ensemble: str | None = None,
               since: dt.date = dt.date(2014, 1, 1), until: dt.date | None = None) -> int:
    """One person, with the municipality and ensemble created on first use."""
    with db.transaction() as session:
        person = Person(first_name=first, last_name=last, birth_date=born)
        if municipality is not None:
            # The reference data has every municipality of the region; take today's one.
            person.municipality = session.scalars(
                select(Municipality).where(Municipality.name == municipality)
                .order_by(Municipality.valid_to.is_(None).desc())).first()
            assert person.municipality is not None, municipality
        session.add(person)
        if ensemble is not None:
            group = session.scalars(select(Ensemble).where(Ensemble.name == ensemble)).one()
            session.add(Membership(person=person, ensemble=group, start_date=since,
                                   end_date=until))
        session.flush()
        return person.id
