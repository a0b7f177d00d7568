"""What one figure of table 07459 says, from the codes or texts SSB writes.

Statbank writes a value as a code ("3203", "K-3203", "006"), a text ("Asker", "6 år",
"6 years") or both ("K-3203 Asker", "006 6 år"), depending on the download's settings and
language. Every reader turns its rows into ``Cell``s; the functions here read their parts and
raise ``CellError`` with the reason when they cannot.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from vrus.population.errors import CellError, file_error
from vrus.texts import Text, translate

TABLE = "07459"
TABLE_ID = re.compile(r"^\s*(\d{5})\s*:")  # "07459: Befolkning, etter region, alder, ..."
OLDEST = 105  # SSB's last age is "105 years or older"
FIRST_YEAR, LAST_YEAR = 1900, 2200
# Regions, ages and years repeat in every row: each distinct text is read once.
_CACHED = 4096


@dataclass(frozen=True)
class Cell:
    """One figure as the file gives it; ``age`` or ``sex`` is None when the file has no such
    dimension (all ages, both sexes together)."""

    where: Text  # "row 12" or "value 37 (3203, 006, 2024)", for messages
    region: str
    year: str
    persons: object  # text from a CSV, a number (or None) from JSON
    age: str | None = None
    sex: str | None = None
    contents: str | None = None
    # The file's names of the fields, for messages ("alder" / "Alder").
    fields: tuple[tuple[str, str], ...] = ()

    def field(self, key: str) -> str:
        return dict(self.fields).get(key, key)


def check_table(title: str, file: str) -> None:
    """A title or label that names another table ("03031: ...") is another table's file."""
    match = TABLE_ID.match(title)
    if match and match.group(1) != TABLE:
        raise file_error(
            file,
            translate(
                "Core",
                "the figures are from SSB table {table}, not table 07459 (population by "
                "region, age and year)",
            ).format(table=match.group(1)),
        )


# --- regions ---------------------------------------------------------------------------------

# "3203", "K-3203", "3203 Asker", "K-3203 Asker", "3203 - Asker", "3203: Asker".
_MUNICIPALITY = re.compile(r"(?:K-)?(\d{4})(?:$|[\s:–-])", re.IGNORECASE)
# The whole country ("0 Hele landet") and counties ("32 Akershus", "F-32 Akershus").
_LARGER = re.compile(r"(?:F-)?\d{1,2}(?:$|[\s:–-])", re.IGNORECASE)
_LARGER_NAMES = {"hele landet", "the whole country", "i alt", "total"}


@lru_cache(maxsize=_CACHED)
def municipality_number(text: str) -> str | None:
    """The municipality number, or None for the whole country or a county (skipped)."""
    value = _clean(text)
    match = _MUNICIPALITY.match(value)
    if match:
        return match.group(1)
    if _LARGER.match(value) or value.lower() in _LARGER_NAMES:
        return None
    if value and not any(ch.isdigit() for ch in value):
        raise CellError(
            translate(
                "Core",
                "'{value}' has no municipality number: download the table from Statbank "
                "with codes (code and text)",
            ).format(value=value)
        )
    raise CellError(translate("Core", "'{value}' is not a municipality number").format(value=value))


# --- ages -----------------------------------------------------------------------------------

# "006", "6", "6 år", "6 years", "1 year", "006 6 år", "105+", "105 år eller eldre".
_AGE = re.compile(
    r"(\d{1,3})\+?(?:\s+(?:år|years?)(?:\s+(?:eller eldre|or older))?)?", re.IGNORECASE
)
# "F000-999", "000-105+", "0-4 år", "F006-009": a range of ages.
_AGE_RANGE = re.compile(
    r"[A-Za-z]?(\d{1,3})\s*[-–]\s*(\d{1,3})\+?(?:\s+(?:år|years))?", re.IGNORECASE
)
_ALL_AGES = {
    "999",
    "999d",
    "alle aldre",
    "all ages",
    "i alt",
    "total",
    "totalt",
    "alder i alt",
    "age, total",
    "alle aldre i alt",
}


@lru_cache(maxsize=_CACHED)
def age_of(text: str) -> int | None:
    """One year of age (105: "105 or older"), or None for all ages together."""
    value = _clean(text)
    code, dash, label = value.partition(" - ")
    if dash and re.fullmatch(r"\d{3}\+?", code):  # "006 - 6 år": SSB's code and text
        value = label.strip()
    lowered = value.lower()
    if lowered in _ALL_AGES:
        return None
    code, _space, label = value.partition(" ")
    if code.rstrip("+").isdigit() and label and _AGE.fullmatch(label):
        value = label  # "006 6 år": the code and the text
    match = _AGE.fullmatch(value)
    if match:
        return _one_age(int(match.group(1)), value)
    group = _AGE_RANGE.fullmatch(value)
    if group:
        low, high = int(group.group(1)), int(group.group(2))
        if low == 0 and high >= OLDEST:
            return None
        if low == high:
            return _one_age(low, value)
        raise CellError(
            translate(
                "Core",
                "'{value}' is an age group: download single years of age (or all ages "
                "together) from Statbank",
            ).format(value=value)
        )
    raise CellError(translate("Core", "'{value}' is not one year of age").format(value=value))


def _one_age(age: int, value: str) -> int:
    if age > OLDEST:
        raise CellError(translate("Core", "'{value}' is not one year of age").format(value=value))
    return age


# --- years, sexes, contents, persons -------------------------------------------------------------


@lru_cache(maxsize=_CACHED)
def year_of(text: str) -> int:
    value = _clean(text)
    if re.fullmatch(r"\d{4}", value) and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    raise CellError(translate("Core", "'{value}' is not a year").format(value=value))


BOTH_SEXES = "both"
_SEXES = {
    "0": BOTH_SEXES,
    "begge kjønn": BOTH_SEXES,
    "both sexes": BOTH_SEXES,
    "i alt": BOTH_SEXES,
    "total": BOTH_SEXES,
    "kjønn i alt": BOTH_SEXES,
    "1": "1",
    "menn": "1",
    "mann": "1",
    "males": "1",
    "male": "1",
    "men": "1",
    "2": "2",
    "kvinner": "2",
    "kvinne": "2",
    "females": "2",
    "female": "2",
    "women": "2",
}


@lru_cache(maxsize=_CACHED)
def sex_of(text: str) -> str:
    """ "1" (men), "2" (women) or ``BOTH_SEXES``."""
    value = _clean(text)
    lowered = value.lower().replace(" - ", " ")  # "2 - Kvinner"
    code, _space, label = lowered.partition(" ")
    found = _SEXES.get(lowered) or (_SEXES.get(label) if code in _SEXES else None)
    if found is None:
        raise CellError(
            translate("Core", "'{value}' is not a sex (men, women or both)").format(value=value)
        )
    return found


@lru_cache(maxsize=_CACHED)
def check_contents(text: str) -> None:
    """Table 07459 counts persons ("Personer1", "Personer", "Persons"); anything else is
    another table's figures."""
    value = _clean(text)
    if not value.lower().startswith(("person", "folkemengde", "befolkning", "population")):
        raise CellError(
            translate("Core", "'{value}' is not a count of persons").format(value=value)
        )


# SSB's symbols for a cell without a figure: cannot occur, missing, not yet available,
# confidential. "-" is SSB's zero.
_NO_FIGURE = {".", "..", "...", ":", ""}


def persons_of(value: object) -> int | None:
    """A count of persons; None where SSB has no figure."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(_not_persons(value))
    if isinstance(value, int):
        return _count(value, value)
    if isinstance(value, float):
        if value.is_integer():
            return _count(int(value), value)
        raise CellError(_not_persons(value))
    if isinstance(value, str) and value.isascii() and value.isdigit():  # most figures
        return int(value)
    text = _clean(str(value))
    if text in _NO_FIGURE:
        return None
    if text == "-":
        return 0
    digits = re.sub(r"[\s\u00a0\u202f]", "", text)  # "101 509": thousands apart
    if re.fullmatch(r"\d+", digits):
        return _count(int(digits), text)
    raise CellError(_not_persons(text))


def _count(number: int, shown: object) -> int:
    if number < 0:
        raise CellError(_not_persons(shown))
    return number


def _not_persons(value: object) -> Text:
    return translate("Core", "'{value}' is not a number of persons").format(value=str(value))


def _clean(text: str) -> str:
    """Stripped of spaces and quotes a spreadsheet may have left, composed (NFC)."""
    return unicodedata.normalize("NFC", str(text)).strip().strip('"').strip()
