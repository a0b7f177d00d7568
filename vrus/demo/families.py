"""Families: where the children live, their names, guardians and culture schools.

Siblings share one family (surname, address, municipality and the same guardian rows), as the
register models them. Where families live is chosen so the recruitment coverage report has
something to say: the orchestra's active members come from most, but deliberately not all,
of the region's municipalities, a couple of them from Oslo, and one municipality missing from
the orchestra is represented among the juniors.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from vrus.db.enums import GuardianRelation
from vrus.demo import names
from vrus.demo.cast import Child
from vrus.demo.reference import Place, Reference

# The orchestra is recruited from all but this many of the region's municipalities (the
# smallest), and this many of its families live in Oslo.
MISSING_FROM_ORCHESTRA = 2
OSLO_FAMILIES = 2
# (older, younger) ensembles of the sibling pairs, in turn.
SIBLING_KINDS = (
    ("ungdom", "junior"),
    ("junior", "aspirant"),
    ("ungdom", "junior"),
    ("ungdom", "aspirant"),
)


@dataclass
class GuardianPlan:
    first_name: str
    last_name: str
    relation: str
    phone: str
    email: str | None


@dataclass(eq=False)  # identity, not field-by-field comparison: families are many
class Family:
    children: list[Child]
    place: Place | None = None
    last_name: str = ""
    address: str | None = None
    postal_code: str | None = None
    postal_place: str | None = None
    guardians: list[GuardianPlan] = field(default_factory=list)
    schools: dict[int, int | None] = field(default_factory=dict)  # id(child) -> school


def build_families(
    rng: random.Random,
    children: list[Child],
    pairs: int,
    season: tuple[dt.date, dt.date],
    ref: Reference,
) -> list[Family]:
    current = {id(c): c.active_in(*season) for c in children}
    families = _pair_siblings(rng, children, pairs, current)
    _place_families(rng, families, current, ref)
    taken: set[tuple[str, str]] = set()
    for index, family in enumerate(families):
        _name_family(rng, family, index, taken)
        _add_guardians(rng, family)
        for child in family.children:
            family.schools[id(child)] = _culture_school(rng, family.place)
    return families


def _pair_siblings(
    rng: random.Random, children: list[Child], pairs: int, current: dict[int, str | None]
) -> list[Family]:
    members: dict[str, list[Child]] = {"ungdom": [], "junior": [], "aspirant": []}
    for child in children:
        ensemble = current[id(child)]
        if ensemble in members:
            members[ensemble].append(child)
    for pool in members.values():
        rng.shuffle(pool)
    pools = {ensemble: _Pool(pool) for ensemble, pool in members.items()}
    paired: dict[int, Family] = {}
    families: list[Family] = []
    for i in range(pairs):
        older_kind, younger_kind = SIBLING_KINDS[i % len(SIBLING_KINDS)]
        older_pool, younger_pool = pools[older_kind], pools[younger_kind]
        older_at = older_pool.last()
        if older_at is None:
            continue
        older = older_pool.children[older_at]
        # Different birth years: a pair of twins in different ensembles would look like a bug.
        younger_at = younger_pool.first_born_after(older.birth_date.year)
        if younger_at is None:
            continue  # the older one stays last in its pool for the next pair of its kind
        older_pool.take(older_at)
        younger = younger_pool.take(younger_at)
        family = Family(children=[older, younger])
        families.append(family)
        paired[id(older)] = paired[id(younger)] = family
    families += [Family(children=[c]) for c in children if id(c) not in paired]
    return families


class _Pool:
    """The children of one ensemble in a shuffled order, from which pairs are taken: the
    last one (the older sibling) and the first one born after a year (the younger), found
    without scanning the pool, so pairing stays linear with 100 000 persons."""

    def __init__(self, children: list[Child]) -> None:
        self.children = children
        self.taken = [False] * len(children)
        self.end = len(children)  # everything from here on is taken
        # Positions by birth year, in pool order; heads[year] skips those taken.
        self.by_year: dict[int, list[int]] = {}
        for at, child in enumerate(children):
            self.by_year.setdefault(child.birth_date.year, []).append(at)
        self.heads = dict.fromkeys(self.by_year, 0)

    def last(self) -> int | None:
        while self.end and self.taken[self.end - 1]:
            self.end -= 1
        return self.end - 1 if self.end else None

    def first_born_after(self, year: int) -> int | None:
        first = None
        for born, positions in self.by_year.items():
            if born <= year:
                continue
            head = self.heads[born]
            while head < len(positions) and self.taken[positions[head]]:
                head += 1
            self.heads[born] = head
            if head < len(positions) and (first is None or positions[head] < first):
                first = positions[head]
        return first

    def take(self, at: int) -> Child:
        self.taken[at] = True
        return self.children[at]


def _place_families(
    rng: random.Random, families: list[Family], current: dict[int, str | None], ref: Reference
) -> None:
    region = ref.region
    keep_out = min(MISSING_FROM_ORCHESTRA, max(0, len(region) - 1))
    allowed = region[: len(region) - keep_out]
    missing = region[len(region) - keep_out :]
    oslo = ref.outside[0] if ref.outside else None
    in_orchestra = [f for f in families if any(current[id(c)] == "ungdom" for c in f.children)]
    placed = {id(f) for f in in_orchestra}
    others = [f for f in families if id(f) not in placed]
    # Every allowed municipality first, so "most but not all" holds however few members.
    for family, place in zip(in_orchestra, allowed, strict=False):
        family.place = place
    rest = in_orchestra[len(allowed) :]
    for family in rest[: OSLO_FAMILIES if oslo else 0]:
        family.place = oslo
    for family in rest[OSLO_FAMILIES if oslo else 0 :]:
        family.place = _weighted(rng, allowed)
    juniors_only = [f for f in others if any(current[id(c)] for c in f.children)]
    for i, family in enumerate(juniors_only):
        # The largest municipality missing from the orchestra has a junior: a recruitment lead.
        family.place = missing[0] if i == 0 and missing else _weighted(rng, region)
    for family in others:
        if family.place is None:
            family.place = _weighted(rng, region + ([oslo] if oslo else []))


def _weighted(rng: random.Random, places: list[Place]) -> Place:
    return rng.choices(places, weights=[p.weight for p in places])[0]


def _name_family(
    rng: random.Random, family: Family, index: int, taken: set[tuple[str, str]]
) -> None:
    """Name the children; siblings never share a first name, and two children in the
    register share a full name only when the name pools run out (very large registers) —
    two "Łukasz Grønli" in a demo would look like a duplicate-detection bug."""
    used: set[str] = set()
    if index < len(names.FEATURED):
        first, last, gender = names.FEATURED[index]
        family.children[0].first_name, family.children[0].gender = first, gender
        used.add(first)
    else:
        last = rng.choice(names.SURNAMES)
    family.last_name = last
    for child in family.children:
        child.last_name = last
        if not child.first_name:
            # Once the pools run out every child draws all 50 times: the draws stay as they
            # were (the register is reproducible), done as cheaply as can be.
            pool, choice = names.first_names(child.gender), rng.choice
            name = choice(pool)
            for _ in range(50):
                if name not in used and (name, last) not in taken:
                    break
                name = choice(pool)
            while name in used:
                name = choice(pool)
            child.first_name = name
            used.add(name)
        taken.add((child.first_name, last))
    place = family.place.name if family.place else ""
    family.address, family.postal_code, family.postal_place = names.address(rng, place)


def _add_guardians(rng: random.Random, family: Family) -> None:
    last = family.last_name
    # A hyphenated surname usually joins the parents' two names.
    parts = last.split("-", 1) if "-" in last else [last, last]
    surnames = [parts[0], parts[1]]
    if rng.random() < 0.25:
        surnames[1] = rng.choice(names.SURNAMES)
    count = 2 if rng.random() < 0.8 else 1
    plans = [
        (GuardianRelation.MOTHER, names.MOTHERS, surnames[0]),
        (GuardianRelation.FATHER, names.FATHERS, surnames[1]),
    ]
    if count == 1:
        plans = [plans[0] if rng.random() < 0.7 else plans[1]]
    for relation, pool, surname in plans:
        if rng.random() < 0.04:
            relation = GuardianRelation.GUARDIAN
        first = rng.choice(pool)
        family.guardians.append(
            GuardianPlan(
                first_name=first,
                last_name=surname,
                relation=relation.value,
                phone=names.phone(rng),
                email=names.email(rng, first, surname) if rng.random() < 0.95 else None,
            )
        )


def _culture_school(rng: random.Random, place: Place | None) -> int | None:
    if place is None or not place.schools or rng.random() < 0.2:
        return None
    # Mostly the municipality's own school (listed first), else one of a merged municipality.
    return place.schools[0] if rng.random() < 0.75 else rng.choice(place.schools)
