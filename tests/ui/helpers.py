"""Register rows for the window tests, made directly with the models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from vrus.db.engine import Database
from vrus.db.models import Ensemble, Instrument, Membership, Municipality, Person


def add_person(
    db: Database,
    first: str,
    last: str,
    *,
    born: dt.date | None = None,
    municipality: str | None = None,
    ensemble: str | None = None,
    since: dt.date = dt.date(2014, 1, 1),
    until: dt.date | None = None,
) -> int:
    """One person, with the municipality and ensemble created on first use."""
    with db.transaction() as session:
        person = Person(first_name=first, last_name=last, birth_date=born)
        if municipality is not None:
            # The reference data has every municipality of the region; take today's one.
            person.municipality = session.scalars(
                select(Municipality)
                .where(Municipality.name == municipality)
                .order_by(Municipality.valid_to.is_(None).desc())
            ).first()
            assert person.municipality is not None, municipality
        session.add(person)
        if ensemble is not None:
            group = session.scalars(select(Ensemble).where(Ensemble.name == ensemble)).one()
            session.add(Membership(person=person, ensemble=group, start_date=since, end_date=until))
        session.flush()
        return person.id


# --- A small register for the Members view tests -------------------------------------------

TODAY = dt.date(2026, 11, 26)  # the 2026 season


@dataclass
class Register:
    ids: dict[str, int]
    memberships: dict[str, int]
    instruments: dict[str, int]  # English name -> id
    ensembles: dict[str, int]  # short name -> id


def build_register(db: Database) -> Register:
    """Seven persons whose names need Norwegian rules, in three ensembles, with guardians.

    In 2026: Åse (junior, 13) may move up and ages out of the juniors; Zoë (18) ages out of
    the orchestra; Eldar (20) is above its limit; Øystein's membership has ended.
    """
    from vrus.memberships import end_membership, start_membership
    from vrus.persons import add_guardian, create_person, link_guardian

    with db.sessions() as session:
        instruments = {i.name_en: i.id for i in session.scalars(select(Instrument))}
        ensembles = {e.short_name: e.id for e in session.scalars(select(Ensemble))}
        asker = session.scalars(select(Municipality.id).where(Municipality.number == "3203")).one()
    people = {
        "aase": ("Åse", "Ødegård", dt.date(2013, 3, 3), "junior", "Violin"),
        "thi": ("Thi", "Nguyễn", dt.date(2010, 6, 1), "ungdom", "Cello"),
        "zoe": ("Zoë", "Aas", dt.date(2008, 2, 2), "ungdom", "Viola"),
        "lukasz": ("Łukasz", "Ærlig", dt.date(2016, 9, 9), "junior", "Oboe"),
        "asmund": ("Åsmund", "Berg", dt.date(2018, 1, 1), "aspirant", "Violin"),
        "eldar": ("Eldar", "Zahl", dt.date(2006, 5, 5), "ungdom", "Trumpet"),
    }
    ids, memberships = {}, {}
    for key, (first, last, born, ensemble, instrument) in people.items():
        ids[key] = create_person(
            db,
            {"first_name": first, "last_name": last, "birth_date": born, "municipality_id": asker},
        )
        memberships[key] = start_membership(
            db, ids[key], ensembles[ensemble], instruments[instrument], dt.date(2024, 8, 15)
        )
    ids["oystein"] = create_person(
        db, {"first_name": "Øystein", "last_name": "Østby", "birth_date": dt.date(2007, 4, 4)}
    )
    old = start_membership(
        db, ids["oystein"], ensembles["ungdom"], instruments["Flute"], dt.date(2020, 8, 15)
    )
    end_membership(db, old, dt.date(2025, 6, 30), "aged_out")
    kari = add_guardian(
        db,
        ids["aase"],
        {"first_name": "Kari", "last_name": "Ødegård", "email": "kari@example.no"},
        relation="mother",
    )
    add_guardian(
        db,
        ids["aase"],
        {"first_name": "Ola", "last_name": "Ødegård", "email": "ola@example.no"},
        relation="father",
    )
    link_guardian(db, ids["asmund"], kari, relation="mother")
    add_guardian(
        db, ids["thi"], {"first_name": "Lan", "last_name": "Nguyễn", "email": "lan@example.no"}
    )
    add_guardian(db, ids["zoe"], {"first_name": "Per", "last_name": "Aas", "phone": "91234567"})
    return Register(ids, memberships, instruments, ensembles)
