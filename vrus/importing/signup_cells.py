"""Reading a web form's cells: yes/no answers as families give them, days named by weekday or
date, birth dates, the time an answer was sent, and allergies and diets in one free text.

Every reader takes a cleaned cell (``vrus.importing.sources.clean_cell``: None when empty)
and returns the value (None for an empty cell) or raises ``ValidationError`` saying what is
wrong with the value as written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vrus.dates import WEEKDAYS
from vrus.db.enums import AllergySeverity, Diet
from vrus.exporting.members import DIET_WORDS
from vrus.importing import values
from vrus.importing.folding import loose_fold
from vrus.importing.sources import Cell
from vrus.importing.values import NOTE_MAX, SEVERITY_NAMES, AllergyValue, as_text
from vrus.texts import Text, translate
from vrus.validation import ValidationError, validate_birth_date

# An event day: its id and date.
Day = tuple[int, dt.date]

# --- yes and no ------------------------------------------------------------------------------

_CHECKED = {"✓", "✔", "☑", "☒", "✅", "[x]"}
_UNCHECKED = {"☐", "[ ]"}
_UNSURE = {"kanskje", "maybe", "usikker", "unsure", "perhaps", "muligens", "uvisst", "tbd"}
_UNSURE_PHRASES = ("vet ikke", "not sure", "dont know", "ikke sikker", "ikke bestemt")
_NO = {"nei", "no", "nope", "ikke", "not", "ingen", "none", "never", "aldri", "cannot"}
_NO_PHRASES = ("cant", "wont", "dont")
_YES = {"ja", "yes", "jepp", "jada", "yep", "yeah", "gjerne", "sure", "ok", "absolutt"}
# Words that say yes unless a "not" goes with them: "Kommer", "Kommer ikke".
_YES_VERBS = {
    "kommer",
    "deltar",
    "pameldt",
    "onsker",
    "coming",
    "attending",
    "attend",
    "come",
    "will",
    "want",
    "wants",
    "please",
}


def yes_no_answer(value: Cell, field: str) -> bool | None:
    """ "Ja", "Nei", "Ja, kommer", "Kommer ikke", "Yes", "No thanks", a ticked box; None
    when empty. An answer that is not clear ("ja kanskje", "vet ikke") is refused: guessing
    would sign a child up, or off, on a maybe."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = as_text(value)
    if text in _CHECKED:
        return True
    if text in _UNCHECKED:
        return False
    try:
        return values.yes_no(value, field)
    except ValidationError:
        pass
    folded = loose_fold(text.replace("'", "").replace("’", ""))
    words = set(folded.split())
    padded = f" {folded} "
    if words & _UNSURE or any(f" {phrase} " in padded for phrase in _UNSURE_PHRASES):
        raise ValidationError(field, _unclear(text))
    negative = bool(words & _NO) or any(phrase in words for phrase in _NO_PHRASES)
    if negative and words & _YES:
        raise ValidationError(field, _unclear(text))
    if negative:
        return False
    if words & (_YES | _YES_VERBS):
        return True
    raise ValidationError(field, _unclear(text))


def _unclear(text: str) -> Text:
    return translate("Core", "'{value}' is not a clear yes or no").format(value=text)


# --- days ------------------------------------------------------------------------------------

_WEEKDAY_WORDS = {
    loose_fold(name): number for names in WEEKDAYS.values() for number, name in enumerate(names)
}
_MONTHS = {
    loose_fold(word): number
    for number, words in enumerate(
        (
            ("januar", "january", "jan"),
            ("februar", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("mai", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("desember", "december", "des", "dec"),
        ),
        1,
    )
    for word in words
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# On the text as written: "06.03", "6.3.", "6/3", "06.03.2027"; a time such as "10.00" is no
# date (no month 0) and "18.30" neither (no month 30).
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# On the folded text: "6. mars 2027" (folded "6 mars 2027"), "march 6", "6th of march".
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b(?:\s+(\d{{4}}))?")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s+(\d{{4}}))?")
_ALL_DAYS = {"alle", "begge", "all", "both", "hele"}


@dataclass(frozen=True)
class _DateMention:
    day: int
    month: int
    year: int | None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _date_mentions(text: str) -> list[_DateMention]:
    raw = unicodedata.normalize("NFC", text).casefold()
    found = [_DateMention(int(d), int(m), _year(y)) for d, m, y in _NUMERIC_DATE.findall(raw)]
    found += [_DateMention(int(d), int(m), int(y)) for y, m, d in _ISO_DATE.findall(raw)]
    folded = loose_fold(text)
    found += [_DateMention(int(d), _MONTHS[m], _year(y)) for d, m, y in _DAY_MONTH.findall(folded)]
    found += [_DateMention(int(d), _MONTHS[m], _year(y)) for m, d, y in _MONTH_DAY.findall(folded)]
    return [m for m in found if 1 <= m.month <= 12 and 1 <= m.day <= 31]


def _weekday_mentions(text: str) -> list[int]:
    found = []
    for word in loose_fold(text).split():
        for name, number in _WEEKDAY_WORDS.items():
            if word.startswith(name):  # "lørdag", "lørdagen", "saturdays"
                found.append(number)
    return found


def day_hits(text: str, days: Sequence[Day]) -> tuple[set[int], list[str]]:
    """The event days ``text`` names, by date or else by weekday, and what it names that is
    no day of the event (or a weekday of several of its days)."""
    hits: set[int] = set()
    missing: list[str] = []
    dates = _date_mentions(text)
    for mention in dates:
        found = {
            day_id
            for day_id, day in days
            if (day.day, day.month) == (mention.day, mention.month)
            and mention.year in (None, day.year)
        }
        hits |= found
        if not found:
            missing.append(f"{mention.day:02d}.{mention.month:02d}")
    if dates:
        return hits, missing  # a weekday beside a date only repeats it
    for number in _weekday_mentions(text):
        found = {day_id for day_id, day in days if day.weekday() == number}
        if len(found) == 1:
            hits |= found
        else:
            missing.append(WEEKDAYS["nb"][number])
    return hits, missing


def days_answer(value: Cell, days: Sequence[Day]) -> set[int] | None:
    """The days a "which days" answer names: "Lørdag, Søndag" (Google Forms),
    "Lørdag 6. mars;Søndag 7. mars;" (Microsoft Forms), "06.03", "begge dager", "ingen";
    None when empty."""
    if value is None:
        return None
    text = as_text(value)
    hits, missing = day_hits(text, days)
    if missing:
        raise ValidationError(
            "days",
            translate("Core", "'{value}' names a day that is not a day of the event").format(
                value=text
            ),
        )
    if hits:
        return hits
    if set(loose_fold(text).split()) & _ALL_DAYS:
        return {day_id for day_id, _ in days}
    try:
        coming = yes_no_answer(value, "days")
    except ValidationError:
        raise ValidationError(
            "days",
            translate(
                "Core", "'{value}' names no day of the event: give the weekday or the date"
            ).format(value=text),
        ) from None
    return {day_id for day_id, _ in days} if coming else set()


# --- dates and times -------------------------------------------------------------------------

_SPELT_DATE = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})")


def birth_date(value: Cell, today: dt.date) -> dt.date | None:
    """dd.mm.yyyy, d.m.yy, yyyy-mm-dd, "15. mars 2012" or a date cell; None when empty."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValidationError(
            "birth_date",
            translate("Core", "'{value}' is not a date: use dd.mm.yyyy").format(value=value),
        )
    if isinstance(value, str) and (spelt := _SPELT_DATE.fullmatch(loose_fold(value))):
        day, month, year = int(spelt[1]), _MONTHS[spelt[2]], int(spelt[3])
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise ValidationError(
                "birth_date",
                translate("Core", "'{value}' is not a real date").format(value=value),
            ) from None
    return validate_birth_date(value, today=today)


_ISO_TIME = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
)
_DOTTED_TIME = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})"
    r"(?:[ ,]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
)
_SLASHED_TIME = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?",
    re.IGNORECASE,
)


def slashes_day_first(cells: Iterable[Cell]) -> bool:
    """Whether a column's "a/b/yyyy" times put the day first: a first number above 12 says
    so; otherwise the month comes first, as Google and Microsoft write them in English."""
    for cell in cells:
        if isinstance(cell, str) and (match := _SLASHED_TIME.match(cell.strip())):
            if int(match[1]) > 12:
                return True
            if int(match[2]) > 12:
                return False
    return False


def submitted_at(value: Cell, *, day_first: bool) -> dt.datetime | None:
    """When the answer was sent: a date-time cell or the forms' text forms
    ("2026-11-28 14:03:22", "28.11.2026 14:03:22", "11/28/2026 2:03:22 PM"); None when
    empty."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = as_text(value)
    try:
        if match := _ISO_TIME.match(text):
            year, month, day = int(match[1]), int(match[2]), int(match[3])
            return _datetime(year, month, day, match[4], match[5], match[6])
        if match := _DOTTED_TIME.match(text):
            year = _year(match[3]) or 0
            return _datetime(year, int(match[2]), int(match[1]), match[4], match[5], match[6])
        if match := _SLASHED_TIME.match(text):
            first, second = int(match[1]), int(match[2])
            day, month = (first, second) if day_first else (second, first)
            hour = match[4]
            if hour is not None and match[7]:
                afternoon = match[7].lower().startswith("p")
                hour = str(int(hour) % 12 + (12 if afternoon else 0))
            return _datetime(_year(match[3]) or 0, month, day, hour, match[5], match[6])
    except ValueError:
        pass
    raise ValidationError(
        "submitted",
        translate("Core", "'{value}' is not a date and time").format(value=text),
    )


def _datetime(
    year: int, month: int, day: int, hour: str | None, minute: str | None, second: str | None
) -> dt.datetime:
    return dt.datetime(year, month, day, int(hour or 0), int(minute or 0), int(second or 0))


# --- allergies and diets in one text ---------------------------------------------------------


@dataclass(frozen=True)
class Health:
    """What a form's free text says about diets and allergies."""

    diets: tuple[str, ...]  # Diet values, in Diet order
    diet_note: str | None
    allergies: tuple[AllergyValue, ...]
    # Folded allergens for which the text itself says how severe or adds a note; for the
    # others the severity is the parser's guess ("mild"), which must not overwrite the
    # register's "alvorlig: har EpiPen".
    explicit: frozenset[str] = frozenset()


_RANK = {
    AllergySeverity.MILD.value: 0,
    AllergySeverity.MODERATE.value: 1,
    AllergySeverity.SEVERE.value: 2,
}
_LIST_SPLIT = re.compile(r"\s+og\s+|\s+and\s+|\s*/\s*|\s*\+\s*|\s*&\s*")
_ALLERGY_PREFIX = re.compile(
    r"^(?:(?:er\s+|is\s+)?(?:allergisk|allergi|allergic|allergy|intolerant|reagerer)\s+"
    r"(?:mot|for|på|pa|to|against)\s+)",
    re.IGNORECASE,
)
_DIET_NOTE_STARTS = (
    "spiser ikke",
    "ikke ",
    "uten ",
    "no ",
    "does not eat",
    "doesnt eat",
    "dont eat",
    "kun ",
    "bare ",
    "only ",
)
_NOTHING_WORDS = {"ingen", "nei", "no", "none", "nothing", "nil", "vanlig", "normal", "nope"}
_NOTHING_FILL = {
    "ikke",
    "noe",
    "har",
    "kjente",
    "spesielle",
    "allergi",
    "allergier",
    "allergies",
    "hensyn",
    "kosthold",
    "diett",
    "diet",
    "special",
    "known",
    "takk",
    "n",
    "a",
    "na",
}


def _says_nothing(text: str) -> bool:
    """ "Nei", "Ingen", "-", "Ingen allergier", "Nei, ingen spesielle hensyn"."""
    words = set(loose_fold(text).split())
    return not words or (bool(words & _NOTHING_WORDS) and words <= _NOTHING_WORDS | _NOTHING_FILL)


def _split_outside_parentheses(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if ch in ",;\n" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _items(text: str) -> list[str]:
    items: list[str] = []
    for part in _split_outside_parentheses(text):
        split = [part] if "(" in part else _LIST_SPLIT.split(part)
        items += [item.strip(" .") for item in split if item.strip(" .")]
    return items


def health(value: Cell) -> Health | None:
    """ "Nøtter (alvorlig), vegetar", "Allergisk mot egg og melk", "Laktoseintolerant",
    "spiser ikke fisk", "Nei"; None when empty. Known diets become diets, text that says
    what the child does not eat becomes the diet note (with the diet other), the rest are
    allergies as the member import reads them."""
    if value is None:
        return None
    text = as_text(value)
    if _says_nothing(text):
        return Health((), None, ())
    diets: set[str] = set()
    notes: list[str] = []
    allergies: dict[str, AllergyValue] = {}
    explicit: set[str] = set()
    for item in _items(text):
        if _says_nothing(item):
            continue
        known, rest = values.diet(item)
        if known and rest is None:
            diets.update(known)
            continue
        if loose_fold(item).startswith(_DIET_NOTE_STARTS):
            notes.append(item)
            continue
        for allergy in values.allergies(_ALLERGY_PREFIX.sub("", item)):
            key = loose_fold(allergy.allergen)
            if "(" in item or allergy.severity != AllergySeverity.MILD.value or allergy.note:
                explicit.add(key)
            known_allergy = allergies.get(key)
            if known_allergy is None or _RANK[allergy.severity] > _RANK[known_allergy.severity]:
                allergies[key] = allergy
    note = ", ".join(notes) or None
    if note is not None:
        diets.add(Diet.OTHER.value)
        if len(note) > NOTE_MAX:
            raise ValidationError(
                "health",
                translate("Core", "the diet note is longer than {limit} characters").format(
                    limit=NOTE_MAX
                ),
            )
    return Health(
        tuple(d.value for d in Diet if d.value in diets),
        note,
        tuple(allergies.values()),
        frozenset(explicit),
    )


def allergy_words(allergy: AllergyValue) -> str:
    """As the member sheet writes it: "Egg", "Nøtter (alvorlig)", "Kiwi (mild: kløe)"."""
    word = SEVERITY_NAMES.get(allergy.severity, allergy.severity)
    if allergy.note:
        return f"{allergy.allergen} ({word}: {allergy.note})"
    if allergy.severity == AllergySeverity.MILD.value:
        return allergy.allergen
    return f"{allergy.allergen} ({word})"


def health_text(
    diets: Iterable[str], diet_note: str | None, allergies: Iterable[AllergyValue]
) -> str:
    """Diets, the diet note and allergies in one readable line, "" for nothing."""
    words = [DIET_WORDS.get(d.value, d.value) for d in Diet if d.value in set(diets)]
    parts = [", ".join(words)] if words else []
    if diet_note:
        parts.append(f"«{diet_note}»")
    listed = [allergy_words(a) for a in allergies]
    if listed:
        parts.append(", ".join(listed))
    return "; ".join(parts)
