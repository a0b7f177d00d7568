"""The member index against the SQL it replaced, and following the register's change journal.

``tests/member_oracle.py`` is the member list as it was ordered and filtered in SQL (with the
Norwegian collation called back per comparison); the in-memory index must give the same ids
in the same order for every filter and order, on the demo season and on a register made to
tie (equal names, equal birth dates, no ensemble). After each kind of change the index must
give what a freshly read one gives, having re-read only the persons changed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from sqlalchemy import delete, select, text, update

from tests.factories import add_person
from tests.member_oracle import oracle_member_ids
from vrus.ages import AgeFlag
from vrus.db.enums import Section
from vrus.db.models import (
    Consent,
    Ensemble,
    Instrument,
    Membership,
    Municipality,
    Person,
    RegisterChange,
)
from vrus.demo import load_demo
from vrus.erasure import erase_persons
from vrus.member_index import MemberIndex, Snapshot
from vrus.member_list import MemberFilter, SortColumn, Status
from vrus.memberships import end_membership, start_membership
from vrus.persons import archive_person, update_person

TODAY = dt.date(2026, 11, 26)


def photo_consent(db, person_id: int, given_on: dt.date) -> None:
    with db.transaction() as session:
        session.add(
            Consent(person_id=person_id, kind="photo", given_by_self=True, given_on=given_on)
        )


def filters(db) -> list[MemberFilter]:
    with db.sessions() as session:
        ensembles = list(session.scalars(select(Ensemble.id).order_by(Ensemble.id)))
        instruments = list(session.scalars(select(Instrument.id).order_by(Instrument.id)))
        places = list(session.scalars(select(Person.municipality_id).distinct()))
    return [
        MemberFilter(),
        MemberFilter(status=None),
        MemberFilter(status=Status.FORMER),
        MemberFilter(status=Status.ARCHIVED),
        MemberFilter(status=None, include_erased=True),
        MemberFilter(status=None, search="a"),
        MemberFilter(status=None, search="ø h"),
        MemberFilter(ensemble_ids={ensembles[0]}),
        MemberFilter(instrument_ids=set(instruments[:5]), status=None),
        MemberFilter(sections={Section.STRINGS.value, Section.BRASS.value}),
        MemberFilter(municipality_ids={p for p in places[:3] if p is not None}),
        MemberFilter(flags={AgeFlag.AGES_OUT, AgeFlag.BELOW_MINIMUM}),
        MemberFilter(status=None, flags={AgeFlag.MAY_MOVE_UP}, search="e"),
    ]


def assert_same_as_oracle(db, index: MemberIndex | None = None) -> None:
    index = index or MemberIndex()
    with db.sessions() as session:
        for flt in filters(db):
            for order, descending in itertools.product(SortColumn, (False, True)):
                expected = oracle_member_ids(session, flt, TODAY, order, descending)
                found = index.member_ids(db.sessions, flt, TODAY, order, descending)
                assert found == expected, (flt, order, descending)


def test_the_demo_season_lists_as_the_sql_did(db) -> None:
    load_demo(db, today=TODAY)
    assert_same_as_oracle(db)


def test_a_register_full_of_ties_lists_as_the_sql_did(db) -> None:
    """Equal names, equal birth dates, no birth date, accents, Aa/Å, archived persons."""
    rng = random.Random(16)
    with db.sessions() as session:
        ensembles = list(session.scalars(select(Ensemble.id)))
        instruments = list(session.scalars(select(Instrument.id)))
        places = list(session.scalars(select(Municipality.id)))[:6]
    firsts = ["Åse", "Aase", "Ole", "Øyvind", "Zoë", "Zoe", "Émile", "Emile", "Ida"]
    lasts = ["Aasen", "Åsen", "Berg", "Nguyễn", "Nguyen", "Østby", "Ødegård", "de Vries"]
    for number in range(160):
        born = None if number % 17 == 0 else dt.date(2008 + number % 9, 1 + number % 3, 5)
        person_id = add_person(db, rng.choice(firsts), rng.choice(lasts), born)
        update_person(db, person_id, {"municipality_id": rng.choice(places)})
        if number % 5:
            start_membership(
                db,
                person_id,
                rng.choice(ensembles),
                rng.choice(instruments) if number % 7 else None,
                dt.date(2024, 8, 1),
            )
        if number % 11 == 0:
            archive_person(db, person_id)
        if number % 3 == 0:
            photo_consent(db, person_id, dt.date(2025, 1, 1))
    assert_same_as_oracle(db)


@pytest.fixture
def demo(db):
    load_demo(db, today=TODAY)
    return db


def follow(index: MemberIndex, db) -> None:
    index.invalidate()
    index.member_ids(db.sessions, MemberFilter(status=None), TODAY)


def assert_follows(index: MemberIndex, db) -> None:
    """The followed index lists as a freshly read one for every filter and order."""
    fresh = MemberIndex()
    for flt in filters(db):
        for order, descending in itertools.product(SortColumn, (False, True)):
            assert index.member_ids(db.sessions, flt, TODAY, order, descending) == (
                fresh.member_ids(db.sessions, flt, TODAY, order, descending)
            ), (flt, order, descending)


@pytest.fixture
def reads(monkeypatch) -> dict[str, list]:
    """What the index read: everything, or which persons again."""
    seen: dict[str, list] = {"all": [], "again": []}
    read_all, reread = Snapshot.read.__func__, Snapshot.reread

    def counting_read(cls, session, on, include_erased=False):
        seen["all"].append(on)
        return read_all(cls, session, on, include_erased)

    def counting_reread(self, session, ids):
        seen["again"].append(set(ids))
        return reread(self, session, ids)

    monkeypatch.setattr(Snapshot, "read", classmethod(counting_read))
    monkeypatch.setattr(Snapshot, "reread", counting_reread)
    return seen


def test_each_change_re_reads_only_the_person_changed(demo, reads) -> None:
    db = demo
    index = MemberIndex()
    for order in (SortColumn.NAME, SortColumn.MUNICIPALITY):  # keep two orders
        index.member_ids(db.sessions, MemberFilter(status=None), TODAY, order)
    assert len(reads["all"]) == 1
    with db.sessions() as session:
        anyone = session.scalars(select(Person.id).order_by(Person.id)).all()
        membership = session.scalars(
            select(Membership).where(Membership.end_date.is_(None)).order_by(Membership.id)
        ).first()
        assert membership is not None
        ensemble = session.scalars(select(Ensemble.id)).first()

    renamed, moved, archived, erased, photo = anyone[1], anyone[2], anyone[3], anyone[4], anyone[5]
    changes = [
        (renamed, lambda: update_person(db, renamed, {"last_name": "Ødegård"})),
        (moved, lambda: update_person(db, moved, {"first_name": "Aaron"})),
        (archived, lambda: archive_person(db, archived)),
        (erased, lambda: erase_persons(db, [erased])),
        (photo, lambda: photo_consent(db, photo, TODAY)),
        (
            membership.person_id,
            lambda: end_membership(db, membership.id, dt.date(2026, 1, 1), "quit"),
        ),
    ]
    for person_id, change in changes:
        change()
        reads["again"].clear()
        reads["all"].clear()
        follow(index, db)
        assert reads == {"all": [], "again": [{person_id}]}
        assert_follows(index, db)

    new = add_person(db, "Ærlig", "Ny", dt.date(2012, 2, 2))
    start_membership(db, new, ensemble, None, dt.date(2026, 8, 1))
    reads["again"].clear()
    reads["all"].clear()
    follow(index, db)
    assert reads == {"all": [], "again": [{new}]}
    assert_follows(index, db)

    reads["again"].clear()
    reads["all"].clear()
    follow(index, db)  # nothing changed: nothing read
    assert reads == {"all": [], "again": []}


def test_a_changed_ensemble_limit_reads_everything(demo, reads) -> None:
    db = demo
    index = MemberIndex()
    flt = MemberFilter(flags={AgeFlag.ABOVE_MAXIMUM})
    before = index.member_ids(db.sessions, flt, TODAY)
    with db.transaction() as session:
        session.execute(update(Ensemble).values(max_age=Ensemble.max_age - 2))
    follow(index, db)
    assert len(reads["all"]) == 2 and reads["again"] == []
    after = index.member_ids(db.sessions, flt, TODAY)
    assert len(after) > len(before)
    assert_follows(index, db)


def test_a_pruned_journal_reads_everything(demo, reads) -> None:
    """The journal keeps the last rows only; an index that slept past them reads anew."""
    db = demo
    index = MemberIndex()
    index.member_ids(db.sessions, MemberFilter(status=None), TODAY)
    with db.sessions() as session:
        person_id = session.scalars(select(Person.id).order_by(Person.id)).first()
    with db.transaction() as session:  # 6 000 rows: the first thousands are pruned
        session.execute(
            text("INSERT INTO register_changes (person_id) VALUES (:p)"),
            [{"p": person_id}] * 6000,
        )
    with db.sessions() as session:
        oldest = session.scalar(select(RegisterChange.seq).order_by(RegisterChange.seq))
    assert oldest > 1000
    update_person(db, person_id, {"first_name": "Prunella"})
    follow(index, db)
    assert len(reads["all"]) == 2
    assert index.member_ids(db.sessions, MemberFilter(status=None, search="prunella"), TODAY) == [
        person_id
    ]


def test_another_day_reads_everything(demo, reads) -> None:
    db = demo
    index = MemberIndex()
    index.member_ids(db.sessions, MemberFilter(), TODAY)
    index.member_ids(db.sessions, MemberFilter(), TODAY + dt.timedelta(days=1))
    assert len(reads["all"]) == 2


def test_a_person_deleted_by_another_program_leaves_the_listing(demo) -> None:
    """Triggers see every writer, not only VRUS's ORM."""
    db = demo
    index = MemberIndex()
    everyone = index.member_ids(db.sessions, MemberFilter(status=None), TODAY)
    added = add_person(db, "Utenfra", "Skrevet")
    with db.transaction() as session:
        session.execute(delete(Person).where(Person.id == added))
    follow(index, db)
    assert index.member_ids(db.sessions, MemberFilter(status=None), TODAY) == everyone
