"""Finding persons by name, for ``vrus persons find``: current and former members, archived
ones too; erased persons never.

Every word typed must begin a part of the first or last name ("mar nor" finds "Anne-Marie
Nordmann"), in any order. Case and accents do not matter (``vrus.collation.search_fold``:
"zoe" finds "Zoë", "nguyen" finds "Nguyễn"). Æ, Ø and Å are letters of their own, yet many
type them without a Norwegian keyboard, so the plain spellings find them too:

- "a" finds a or å, "o" finds o or ø, "ae" finds æ ("Asmund", "Odegard" find "Åsmund Ødegård");
- "aa" is the old spelling of å, in names to this day: "Aasmund" and "Åsmund" find each
  other, and "Haakon" finds "Håkon";
- a typed æ, ø or å means that letter: "Å" finds "Åse" and "Aasen", not "Anders".

Foreign letters with dots (ä, ö, ü) count as their base letters here: "Muller" finds
"Müller", though the Norwegian order files ü with y.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.collation import search_fold, sort_key
from vrus.db.models import Ensemble, Membership, Person
from vrus.texts import translate
from vrus.validation import ValidationError

# The folded forms of æ, ø and å: letters of their own after z (see vrus.collation).
_AE, _OE, _AA = search_fold("æ"), search_fold("ø"), search_fold("å")
_FOREIGN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ő": "o", "ű": "u"})
# A plain vowel typed stands for itself or the Norwegian letter it is written for.
_LOOSE = {
    "ae": f"(?:{re.escape(_AE)}|[a{re.escape(_AA)}]e)",
    "oe": f"(?:{re.escape(_OE)}|[o{re.escape(_OE)}]e)",
    "a": f"[a{re.escape(_AA)}]",
    "o": f"[o{re.escape(_OE)}]",
}


@dataclass(frozen=True)
class FoundPerson:
    id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    ensembles: tuple[str, ...]  # the current memberships', else the last one's
    current: bool  # ``ensembles`` are current memberships (False: former member)
    archived: bool


@lru_cache(maxsize=65536)
def name_fold(text: str) -> str:
    """A name as it is searched: ``search_fold`` with dotted foreign vowels plain and "aa"
    read as å."""
    plain = unicodedata.normalize("NFC", text).casefold().translate(_FOREIGN)
    return search_fold(plain).replace("aa", _AA)


def _word_pattern(word: str) -> re.Pattern[str]:
    """What one typed word must begin a name part with."""
    parts: list[str] = []
    at = 0
    while at < len(word):
        pair = word[at : at + 2]
        if pair in _LOOSE:
            parts.append(_LOOSE[pair])
            at += 2
        elif word[at] in _LOOSE:
            parts.append(_LOOSE[word[at]])
            at += 1
        else:
            parts.append(re.escape(word[at]))
            at += 1
    return re.compile("".join(parts))


def search_patterns(text: str) -> list[re.Pattern[str]]:
    """One pattern per word of ``text``; refused when there is nothing to search for."""
    words = name_fold(text).split()
    if not words:
        raise ValidationError(
            "text", translate("Core", "give a name, or the start of one, to search for")
        )
    return [_word_pattern(word) for word in words]


def name_matches(first_name: str, last_name: str, patterns: Iterable[re.Pattern[str]]) -> bool:
    """Every pattern begins some part of the name (the same part may serve two)."""
    parts = name_fold(f"{first_name} {last_name}").split()
    return all(any(pattern.match(part) for part in parts) for pattern in patterns)


def _ensembles(
    session: Session, person_ids: list[int], on: dt.date
) -> dict[int, tuple[tuple[str, ...], bool]]:
    """Per person: the ensembles of the memberships current on ``on`` (True), or else of
    the one that began last (False); nothing for a person who never had a membership."""
    rows = session.execute(
        select(Membership.person_id, Membership.start_date, Membership.end_date, Ensemble.name)
        .join(Ensemble, Ensemble.id == Membership.ensemble_id)
        .where(Membership.person_id.in_(person_ids))
        .order_by(Ensemble.sort_order, Ensemble.id, Membership.start_date)
    )
    current: dict[int, list[str]] = {}
    latest: dict[int, tuple[dt.date, str]] = {}
    for person_id, start, end, name in rows:
        if start <= on and (end is None or end >= on):
            names = current.setdefault(person_id, [])
            if name not in names:
                names.append(name)
        if person_id not in latest or start > latest[person_id][0]:
            latest[person_id] = (start, name)
    found: dict[int, tuple[tuple[str, ...], bool]] = {
        person_id: ((name,), False) for person_id, (_, name) in latest.items()
    }
    found.update({person_id: (tuple(names), True) for person_id, names in current.items()})
    return found


def find_persons(session: Session, text: str, today: dt.date | None = None) -> list[FoundPerson]:
    """The persons whose names match ``text`` (see the module), in Norwegian order by last
    name, then first name."""
    patterns = search_patterns(text)
    on = clock.or_today(today)
    rows = session.execute(
        select(
            Person.id, Person.first_name, Person.last_name, Person.birth_date, Person.archived_at
        ).where(Person.erased_at.is_(None))
    ).all()
    matching = [row for row in rows if name_matches(row.first_name, row.last_name, patterns)]
    matching.sort(key=lambda row: (sort_key(row.last_name), sort_key(row.first_name), row.id))
    ensembles: dict[int, tuple[tuple[str, ...], bool]] = {}
    # In slices: SQLite allows only so many parameters in one IN (...).
    for at in range(0, len(matching), 500):
        ensembles.update(_ensembles(session, [row.id for row in matching[at : at + 500]], on))
    return [
        FoundPerson(
            id=row.id,
            first_name=row.first_name,
            last_name=row.last_name,
            birth_date=row.birth_date,
            ensembles=ensembles.get(row.id, ((), False))[0],
            current=ensembles.get(row.id, ((), False))[1],
            archived=row.archived_at is not None,
        )
        for row in matching
    ]
