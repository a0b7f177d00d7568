"""Finding the person a web form's answer is about, by name and birth date.

Families type names as they like: "Aase" for Åse, "Bjorn" for Bjørn, "Helene" for Hélène,
"ODEGAARD" for Ødegård, the surname first. Names are compared in ``loose_fold`` form, where
æ/ø/å and their spellings (ae, oe, aa, the bare vowel) meet and accents, case and
punctuation are gone. (``vrus.collation.search_fold`` keeps Ø apart from O, right for
searching the register but not for a name typed on an English keyboard.)

A match is taken only when it is certain: the same folded name and the same birth date, or
the same folded name, no birth date given and one such person. Anything less certain is a
near match: offered with the reason, never taken unless the coordinator chooses it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.collation import sort_key
from vrus.db.models import Person
from vrus.importing.folding import loose_fold
from vrus.texts import Text, translate

Kind = Literal["matched", "near", "unmatched"]

# Names longer than this are no names; comparing them letter by letter would only cost time.
_LONGEST_NAME = 200


@dataclass(frozen=True)
class PersonRef:
    id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    invited: bool
    archived: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        return tuple(fold_name(self.first_name).split() + fold_name(self.last_name).split())


@dataclass(frozen=True)
class Found:
    kind: Kind
    person: PersonRef | None
    candidates: tuple[tuple[PersonRef, Text], ...]
    reason: Text | None


def fold_name(text: str) -> str:
    """The form of a name that spellings share: "Åse Ødegård", "Aase Oedegaard" and
    "aase odegard" all give "ase odegard". "Last, First" is turned round first."""
    text = text[:_LONGEST_NAME]
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        if first.strip() and last.strip():
            text = f"{first} {last}"
    return loose_fold(text)


def load_persons(session: Session, invited: Iterable[int]) -> list[PersonRef]:
    """Every person in the register who is not erased, archived ones included (they are
    named in a reason but never matched)."""
    invited = set(invited)
    rows = session.execute(
        select(
            Person.id, Person.first_name, Person.last_name, Person.birth_date, Person.archived_at
        ).where(Person.erased_at.is_(None))
    )
    return [
        PersonRef(pid, first, last, born, pid in invited, archived is not None)
        for pid, first, last, born, archived in rows
    ]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must be larger than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed_distance(a: str, b: str) -> int:
    """How many letters may differ: one in a short name, two or three in longer ones."""
    longest = max(len(a), len(b))
    return 1 if longest <= 8 else 2 if longest <= 16 else 3


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    position = iter(long)
    return all(any(word == other for other in position) for word in short)


def name_closeness(given: tuple[str, ...], person: PersonRef, *, loose: bool) -> Text | None:
    """Why ``given`` (folded words) may be ``person``'s name, or None. ``loose`` also
    accepts one name of the two alone (only where the birth date is equal)."""
    mine = person.tokens
    if not given or not mine:
        return None
    first = tuple(fold_name(person.first_name).split())
    last = tuple(fold_name(person.last_name).split())
    if given == last + first:
        return translate("Core", "first and last name swapped")
    if len(given) != len(mine) and min(len(given), len(mine)) >= 2:
        if len(given) < len(mine) and _is_subsequence(given, mine):
            return translate("Core", "a name missing in the answer")
        if len(mine) < len(given) and _is_subsequence(mine, given):
            return translate("Core", "a name more in the answer than in the register")
    a, b = " ".join(given), " ".join(mine)
    if edit_distance(a, b, _allowed_distance(a, b)) <= _allowed_distance(a, b):
        return translate("Core", "name spelt differently")
    if loose:
        if given[: len(first)] == first or (len(given) == 1 and given == first[:1]):
            return translate("Core", "same first name, another last name")
        if given[-len(last) :] == last:
            return translate("Core", "same last name, another first name")
    return None


def birth_closeness(given: dt.date, known: dt.date | None) -> Text | None:
    """Why ``given`` may be a typo of ``known``: day and month swapped, or one digit."""
    if known is None or given == known:
        return None
    if (given.day, given.month, given.year) == (known.month, known.day, known.year):
        return translate("Core", "birth date with day and month swapped")
    a, b = f"{given:%d%m%Y}", f"{known:%d%m%Y}"
    if sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return translate("Core", "birth date with one digit different")
    return None


def _ordered(found: Iterable[tuple[PersonRef, Text]]) -> tuple[tuple[PersonRef, Text], ...]:
    """Invited persons first, then by name; each person once (the first reason)."""
    seen: dict[int, tuple[PersonRef, Text]] = {}
    for person, reason in found:
        seen.setdefault(person.id, (person, reason))
    return tuple(
        sorted(
            seen.values(),
            key=lambda pair: (
                not pair[0].invited,
                sort_key(pair[0].last_name),
                sort_key(pair[0].first_name),
                pair[0].id,
            ),
        )
    )


class PersonIndex:
    """The register's persons by folded name, by name word and by birth date."""

    def __init__(self, persons: Iterable[PersonRef]) -> None:
        self.persons = {p.id: p for p in persons}
        self._by_name: dict[str, list[PersonRef]] = defaultdict(list)
        self._by_word: dict[str, list[PersonRef]] = defaultdict(list)
        self._by_birth: dict[dt.date, list[PersonRef]] = defaultdict(list)
        for person in self.persons.values():
            self._by_name[" ".join(person.tokens)].append(person)
            for word in set(person.tokens):
                self._by_word[word].append(person)
            if person.birth_date is not None:
                self._by_birth[person.birth_date].append(person)

    def get(self, person_id: int) -> PersonRef | None:
        return self.persons.get(person_id)

    def match(self, name: str, born: dt.date | None) -> Found:
        """The person of the answer, a near match, or why there is none."""
        given = tuple(fold_name(name).split())
        if not given:
            return Found("unmatched", None, (), translate("Core", "the answer gives no name"))
        same = self._by_name.get(" ".join(given), [])
        active = [p for p in same if not p.archived]
        if born is not None:
            return self._with_birth_date(given, born, same, active)
        return self._by_name_alone(given, same, active)

    def _with_birth_date(
        self,
        given: tuple[str, ...],
        born: dt.date,
        same: list[PersonRef],
        active: list[PersonRef],
    ) -> Found:
        exact = [p for p in active if p.birth_date == born]
        if len(exact) == 1:
            return Found("matched", exact[0], (), None)
        if exact:
            return Found(
                "near",
                None,
                _ordered((p, translate("Core", "same name and birth date")) for p in exact),
                translate("Core", "several persons have this name and birth date"),
            )
        near = [
            (p, reason)
            for p in self._by_birth.get(born, [])
            if not p.archived and (reason := name_closeness(given, p, loose=True)) is not None
        ]
        near += [
            (p, reason)
            for p in active
            if (reason := birth_closeness(born, p.birth_date)) is not None
        ]
        unknown = translate("Core", "same name; the register has no birth date for this person")
        near += [(p, unknown) for p in active if p.birth_date is None]
        if near:
            return Found(
                "near",
                None,
                _ordered(near),
                translate("Core", "no person with exactly this name and birth date"),
            )
        archived = [p for p in same if p.archived and p.birth_date == born]
        if archived:
            return Found("unmatched", None, (), _archived(archived[0]))
        if active:
            other = translate("Core", "same name, another birth date")
            return Found(
                "unmatched",
                None,
                _ordered((p, other) for p in active),
                translate(
                    "Core", "a person of this name is in the register with another birth date"
                ),
            )
        return Found(
            "unmatched",
            None,
            (),
            translate("Core", "no person in the register with this name and birth date"),
        )

    def _by_name_alone(
        self, given: tuple[str, ...], same: list[PersonRef], active: list[PersonRef]
    ) -> Found:
        if len(active) == 1:
            return Found(
                "matched",
                active[0],
                (),
                translate("Core", "matched by name alone: the answer gives no birth date"),
            )
        if active:
            invited = [p for p in active if p.invited]
            if len(invited) == 1:
                return Found(
                    "matched",
                    invited[0],
                    (),
                    translate(
                        "Core",
                        "matched by name alone: the only one of {count} persons of this name "
                        "invited to the event",
                    ).format(count=len(active)),
                )
            same_name = translate("Core", "same name")
            return Found(
                "unmatched",
                None,
                _ordered((p, same_name) for p in active),
                translate(
                    "Core",
                    "{count} persons in the register have this name and the answer "
                    "gives no birth date",
                ).format(count=len(active)),
            )
        # Near by name alone: only among persons who share a name word with the answer, and
        # without the looser "one name equal" that only a birth date makes likely.
        pool = {p.id: p for word in set(given) for p in self._by_word.get(word, [])}
        near = [
            (p, reason)
            for p in pool.values()
            if not p.archived and (reason := name_closeness(given, p, loose=False)) is not None
        ]
        if near:
            return Found(
                "near",
                None,
                _ordered(near),
                translate(
                    "Core", "no person with exactly this name; the answer gives no birth date"
                ),
            )
        if same:
            return Found("unmatched", None, (), _archived(same[0]))
        return Found(
            "unmatched", None, (), translate("Core", "no person in the register with this name")
        )


def _archived(person: PersonRef) -> Text:
    return translate(
        "Core", "{name} is archived (a former member); restore the person first to sign them up"
    ).format(name=person.name)
