"""Guessing which column of a web form's export is what, from the words of its headers, and
remembering what the coordinator chose, per form.

Form exports use the questions as headers: Nettskjema "Deltakerens navn", "Fødselsdato
(dd.mm.åååå)", "Kommer du lørdag 6. mars?"; Microsoft Forms starts with "ID",
"Starttidspunkt", "Fullføringstidspunkt", "E-post", "Navn" (the respondent's account, often a
parent's, not the participant); Google Forms with "Tidsmerke". A guess is only a start: the
wizard shows it and the coordinator corrects it once, after which the form's mapping is
remembered under its identity, the set of its headers (folded, so that a re-download with
other spacing or case is the same form), in the settings table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from vrus.db.models import Setting
from vrus.importing.folding import compact_fold
from vrus.importing.signup_cells import Day, day_hits

SETTING_PREFIX = "signup_form."

# Field values, as vrus.importing.signup_form.FormField names them.
NAME, FIRST_NAME, LAST_NAME, BIRTH_DATE = "name", "first_name", "last_name", "birth_date"
ATTENDING, DAYS, LUNCH, HEALTH = "attending", "days", "lunch", "health"
MESSAGE, SUBMITTED = "message", "submitted"

# Pieces of the compact-folded header (no spaces, æøå and their spellings one vowel).
_KEYS: dict[str, tuple[str, ...]] = {
    SUBMITTED: (
        "tidsmerke",
        "innsendt",
        "fullforingstidspunkt",
        "timestamp",
        "submitted",
        "completiontime",
        "svartidspunkt",
        "sendtinn",
    ),
    BIRTH_DATE: (
        "fodselsdato",
        "fodt",
        "fodselsdag",
        "birthdate",
        "dateofbirth",
        "birthday",
        "born",
        "dob",
    ),
    FIRST_NAME: ("fornavn", "firstname", "givenname"),
    LAST_NAME: ("etternavn", "lastname", "surname", "familyname"),
    LUNCH: ("lunsj", "lunch"),
    HEALTH: ("allerg", "kosthold", "diett", "diet", "intoleran", "matbehov"),
    MESSAGE: (
        "melding",
        "kommentar",
        "comment",
        "message",
        "beskjed",
        "merknad",
        "andreopplysninger",
        "annetvi",
    ),
    DAYS: ("hvilkedager", "whichdays", "dagerkommer", "dagerdeltar", "hvilkendag", "whichday"),
    ATTENDING: (
        "kommer",
        "deltar",
        "pamelding",
        "pameldt",
        "attend",
        "coming",
        "deltakelse",
        "participat",
        "blirdumed",
    ),
}
_NAME_KEYS = ("navn", "name")
# A name column about someone else than the participant, or no name at all.
_NOT_PARTICIPANT = (
    "foresatt",
    "forelder",
    "foreldre",
    "guardian",
    "parent",
    "kontaktperson",
    "brukernavn",
    "username",
    "epost",
    "email",
    "mail",
    "skole",
    "school",
    "instrument",
)
_PARTICIPANT = (
    "deltaker",
    "participant",
    "barn",
    "child",
    "musiker",
    "musikant",
    "elev",
    "medlem",
    "member",
    "ungdom",
    "spiller",
)
# Microsoft Forms' own columns: the respondent, not the participant.
_RESPONDENT = {"navn", "name", "id", "epost", "email", "starttidspunkt", "starttime"}


def _name_score(compact: str) -> int:
    """How surely a header is the participant's full name: 0 not, 1 a bare "Navn" (Microsoft
    Forms' respondent), 2 some name, 3 the participant's name."""
    if not any(key in compact for key in _NAME_KEYS) or any(
        word in compact for word in _NOT_PARTICIPANT
    ):
        return 0
    if any(key in compact for key in (*_KEYS[FIRST_NAME], *_KEYS[LAST_NAME])):
        return 0
    if compact in _RESPONDENT:
        return 1
    return 3 if any(word in compact for word in _PARTICIPANT) else 2


def _field_of(compact: str) -> str | None:
    """The one field a header's words name (lunch before allergies: "Lunsj? (allergier
    under)" is the lunch question)."""
    for name in (SUBMITTED, BIRTH_DATE, FIRST_NAME, LAST_NAME, LUNCH, HEALTH, MESSAGE, DAYS):
        # "Påmelding" (sign-up) is no "melding" (message).
        words = compact.replace("pamelding", "") if name == MESSAGE else compact
        if any(key in words for key in _KEYS[name]):
            return name
    return None


def guess_mapping(
    headers: Sequence[str], days: Sequence[Day]
) -> tuple[dict[str, str], dict[int, str]]:
    """(field -> header, event day id -> header) from the headers' words; each header is used
    once, the first header of a field wins."""
    fields: dict[str, str] = {}
    per_day: dict[int, str] = {}
    names: list[tuple[int, str]] = []
    for header in headers:
        compact = compact_fold(header)
        if not compact or header in fields.values():
            continue
        field = _field_of(compact)
        if field is not None:
            fields.setdefault(field, header)
            continue
        score = _name_score(compact)
        if score:
            names.append((score, header))
            continue
        hits, missing = day_hits(header, days)
        attending = any(key in compact for key in _KEYS[ATTENDING])
        if len(hits) == 1 and not missing:
            per_day.setdefault(next(iter(hits)), header)
        elif len(hits) > 1 and not missing:
            fields.setdefault(DAYS, header)  # "Hvilke dager kommer du? (lørdag/søndag)"
        elif attending and not hits and not missing:
            fields.setdefault(ATTENDING, header)
    if FIRST_NAME in fields and LAST_NAME in fields:
        return fields, per_day
    if names:
        # A bare "Navn" is Microsoft Forms' respondent (often a parent): taken only when no
        # header names the participant better.
        best = max(score for score, _ in names)
        fields[NAME] = next(header for score, header in names if score == best)
        fields.pop(FIRST_NAME, None)
        fields.pop(LAST_NAME, None)
    return fields, per_day


# --- remembered per form ---------------------------------------------------------------------


def form_key(headers: Sequence[str]) -> str:
    """The settings key of the form with these headers: their set, folded, hashed."""
    folded = sorted({compact_fold(header) for header in headers} - {""})
    digest = hashlib.sha256("\n".join(folded).encode("utf-8")).hexdigest()
    return SETTING_PREFIX + digest[:32]


def stored_mapping(
    fields: Mapping[str, str], days: Mapping[int, str], dates: Mapping[int, dt.date]
) -> str:
    """The JSON kept for a form: headers by field, and by day (date and weekday, since the
    next event that uses the form has days of other ids)."""
    kept: dict[str, Any] = {
        "fields": dict(fields),
        "days": [
            {"date": dates[day_id].isoformat(), "weekday": dates[day_id].weekday(), "header": h}
            for day_id, h in days.items()
            if day_id in dates
        ],
    }
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def recalled_mapping(
    session: Session, headers: Sequence[str], days: Sequence[Day]
) -> tuple[dict[str, str], dict[int, str]] | None:
    """The mapping remembered for this form, with its headers as this file spells them and
    its days those of this event (by date, else by a weekday the event has once); None when
    none is remembered or it cannot be read."""
    setting = session.get(Setting, form_key(headers))
    if setting is None:
        return None
    try:
        kept = json.loads(setting.value)
        spelt = {compact_fold(h): h for h in reversed(headers)}  # the first of a spelling
        fields = {
            str(field): spelt[compact_fold(header)]
            for field, header in dict(kept.get("fields", {})).items()
            if compact_fold(str(header)) in spelt
        }
        per_day: dict[int, str] = {}
        by_date = {day.isoformat(): day_id for day_id, day in days}
        weekdays = [day.weekday() for _, day in days]
        for entry in kept.get("days", []):
            header = spelt.get(compact_fold(str(entry["header"])))
            if header is None:
                continue
            day_id = by_date.get(str(entry["date"]))
            if day_id is None and weekdays.count(int(entry["weekday"])) == 1:
                day_id = days[weekdays.index(int(entry["weekday"]))][0]
            if day_id is not None:
                per_day.setdefault(day_id, header)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # written by another version; guessing again is no loss
    return fields, per_day


def remember(session: Session, headers: Sequence[str], text: str) -> None:
    key = form_key(headers)
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=text))
    elif setting.value != text:
        setting.value = text
