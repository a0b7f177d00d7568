"""Consent records for the demo children, as a season's paper forms would give them.

Most families say yes to photos and to the name in concert programmes; a few say no, so the
lists have "no photos" marks to show. The forms are renewed when the season begins (or when
a child joins later): a member of 15 or more signs the photo and name consents themselves
about half the time, the guardians sign for the younger ones, and health data (only asked
for where the register holds diets or allergies) is signed by a guardian until the member
is 18. A couple of photo consents have been withdrawn since. Every record keeps the age
rule of ``vrus.consents``, so the demo shows nothing the editor would refuse.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from vrus.consents import ADULT_AGE, SELF_CONSENT_AGE, age_on
from vrus.db.enums import ConsentKind

NAME_SHARE_WITH_PHOTO = 0.9
NAME_SHARE_WITHOUT_PHOTO = 0.3
HEALTH_SHARE = 0.9  # of those with diets or allergies
SELF_SHARE = 0.5  # of those old enough to sign themselves
WITHDRAWN_PHOTO_CONSENTS = 2
SELF = 0  # the giver when the member signs (guardian ids start at 1)


@dataclass(frozen=True)
class DemoPerson:
    person_id: int
    birth_date: dt.date
    joined: dt.date  # the start of the latest membership
    guardian_ids: tuple[int, ...]
    photo: bool  # the family said yes to photos
    health: bool  # the register holds diets or allergies


def consent_rows(rng: random.Random, people: list[DemoPerson], today: dt.date) -> list[dict]:
    """Rows for the consents table."""
    season_start = min(dt.date(today.year, 1, 10), today)
    rows: list[dict] = []
    for person in people:
        given_on = min(max(person.joined, season_start), today)
        given_on = max(given_on, person.birth_date)
        kinds = []
        if person.photo:
            kinds.append(ConsentKind.PHOTO)
        if rng.random() < (NAME_SHARE_WITH_PHOTO if person.photo else NAME_SHARE_WITHOUT_PHOTO):
            kinds.append(ConsentKind.NAME_PUBLICATION)
        if person.health and rng.random() < HEALTH_SHARE:
            kinds.append(ConsentKind.HEALTH_DATA)
        signs_self = rng.random() < SELF_SHARE
        for kind in kinds:
            giver = _giver(person, kind, given_on, signs_self)
            if giver is None:
                continue
            rows.append(
                {
                    "person_id": person.person_id,
                    "kind": kind.value,
                    "given_by_guardian_id": None if giver == SELF else giver,
                    "given_by_self": giver == SELF,
                    "given_on": given_on,
                    "withdrawn_on": None,
                    "text_version": f"{given_on.year}-1",
                }
            )
    _withdraw_some(rng, rows, today)
    return rows


def _giver(person: DemoPerson, kind: ConsentKind, day: dt.date, signs_self: bool) -> int | None:
    """``SELF``, a guardian's id, or None when nobody may sign (no guardian)."""
    age = age_on(person.birth_date, day)
    if age >= ADULT_AGE:
        return SELF
    old_enough = kind is not ConsentKind.HEALTH_DATA and age >= SELF_CONSENT_AGE
    if old_enough and (signs_self or not person.guardian_ids):
        return SELF
    return person.guardian_ids[0] if person.guardian_ids else None


def _withdraw_some(rng: random.Random, rows: list[dict], today: dt.date) -> None:
    photos = [
        row for row in rows if row["kind"] == ConsentKind.PHOTO.value and row["given_on"] < today
    ]
    for row in rng.sample(photos, min(WITHDRAWN_PHOTO_CONSENTS, len(photos))):
        days = (today - row["given_on"]).days
        row["withdrawn_on"] = row["given_on"] + dt.timedelta(days=rng.randint(1, days))
