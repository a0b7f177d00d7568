"""Turning cell values into register values: look-ups of reference data and small
vocabularies (diet, allergies, yes/no, gender, reason for leaving, guardians).

Every function takes the cleaned cell (text, number, date or bool) and either returns the
value to store or raises ``ValidationError`` with a message about the value as written.
Functions that may also want to warn take a ``warn`` callback.

The cells that hold several values, as the member export writes them (and as a
coordinator may type them):

- Guardians: one cell, guardians separated by " / " (also ";", "&", "+", " og ", " and ").
  Each guardian is "First Last" (the last word, with particles such as "van der", is the
  surname) or "Last, First" when the surname has several words ("Nguyễn Thi, Lan"): the
  comma says where the surname ends. A known relation may follow in parentheses:
  "Kari Nordmann (mor)", "Nguyễn Thi, Lan (far)" (mor, far, foresatt, annen; mother,
  father, guardian, other). "Kari og Ola Nordmann" gives Kari the surname Nordmann.
- Guardians' phones and e-mails: one cell each, in the order of the names, separated like
  the names (or by commas); "-" holds the place of a guardian who has none, so
  "- / ola@example.no" is the second guardian's e-mail.
- Diets: the known words ("vegetar, ikke svin"); "annet" is the diet other. Any other text
  becomes the diet note, with the diet other (as in older files). The member export writes
  the diet note in its own column, "Kostholdsmerknad", which does not add the diet other.
- Allergies: separated by "," or ";". "Egg", "Sesam (moderat)", "Peanøtter (alvorlig)"; a
  note goes after the severity and a colon inside the brackets, "Kiwi (mild: kløe i
  munnen)", "Nøtter (alvorlig: har EpiPen (i sekken))". In that form the severity is the
  word before the colon and the note is everything after it up to the last bracket, so
  the note may hold commas, colons and (balanced) parentheses. Older forms ("Nøtter -
  anafylaksi", "Kiwi (kløe i munnen)", "alvorlig nøtteallergi") are read as before: the
  severity is guessed from the words.
- Municipality: a name of any era ("Hurum"), a number ("0628") or both ("Asker (3203)"),
  stored as named; a name used in several eras means the one valid on the row's join date.
- Consents: the consents in force, "foto, navn, helse" (photos, the name in programmes,
  health data; English words too), "ingen" for none. The older "Fotosamtykke" column is a
  yes/no for photos alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import postal_codes
from vrus.db.enums import (
    AllergySeverity,
    ConsentKind,
    Diet,
    EndReason,
    Gender,
    GuardianRelation,
    OrganisationKind,
)
from vrus.db.models import Ensemble, Instrument, Municipality, Organisation
from vrus.importing.folding import loose_fold
from vrus.importing.sources import Cell
from vrus.reference import is_renumbering
from vrus.texts import Text, translate
from vrus.validation import (
    KEPT_IN_TEXT,
    ValidationError,
    format_date,
    refuse_control_characters,
    require_name,
)

Warn = Callable[[Text], None]

# At most this many characters fit the register's columns.
ALLERGEN_MAX = 100
NOTE_MAX = 200


def as_text(value: Cell) -> str:
    """A cell as the user would read it: whole numbers without ".0", dates as dd.mm.yyyy."""
    if isinstance(value, dt.date):
        return format_date(value if not isinstance(value, dt.datetime) else value.date())
    return str(value).strip()


def limited(value: Cell, field: str, limit: int) -> str:
    text = as_text(value)
    refuse_control_characters(text, field, allowed=KEPT_IN_TEXT)
    if len(text) > limit:
        raise ValidationError(
            field,
            translate("Core", "is longer than the {limit} characters the register keeps").format(
                limit=limit
            ),
        )
    return text


def not_an_instrument(text: str) -> Text:
    return translate("Core", "'{value}' is not an instrument in the register").format(value=text)


def _vocabulary(groups: dict[str, Iterable[str]]) -> dict[str, str]:
    """{value: spellings} -> {folded spelling: value}."""
    return {
        loose_fold(spelling): value for value, spellings in groups.items() for spelling in spellings
    }


# --- Reference data ------------------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityRef:
    id: int
    number: str
    name: str
    in_region: bool
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_id: int | None

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"


@dataclass(frozen=True)
class EnsembleRef:
    id: int
    name: str
    short_name: str
    min_age: int | None
    max_age: int | None


# English and colloquial names of the ensembles, by short name.
_ENSEMBLE_ALIASES = {
    "youth": "ungdom",
    "youth orchestra": "ungdom",
    "ungdomsorkester": "ungdom",
    "usk": "ungdom",
    "juniors": "junior",
    "junior orchestra": "junior",
}
# Other spellings of instruments, by Norwegian name; used only when that instrument exists.
_INSTRUMENT_ALIASES = {
    "bass": "Kontrabass",
    "basun": "Trombone",
    "trekkbasun": "Trombone",
    "valthorn": "Horn",
    "klaver": "Piano",
    "pauke": "Pauker",
    "slagverk og pauker": "Slagverk",
    "violoncello": "Cello",
}
# "Fiolin 1", "1. fiolin", "Violin II": the part does not matter for the instrument.
_PART_NUMBER = re.compile(r"^(?:\d+\.?|i{1,3}\.)\s+|\s+(?:\d+|i{1,3})\.?$", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*[,;/+&]\s*|\s+og\s+|\s+and\s+")
# "Asker (3203)": the form the member export writes where the name alone means another era.
_NAME_AND_NUMBER = re.compile(r"(?P<name>\S.*?)\s*\(\s*(?P<number>\d{3,4})\s*\)")


def _days_apart(row: MunicipalityRef, day: dt.date) -> int:
    """How far ``day`` lies outside the row's period (0 inside it)."""
    if row.valid_from is not None and day < row.valid_from:
        return (row.valid_from - day).days
    if row.valid_to is not None and day > row.valid_to:
        return (day - row.valid_to).days
    return 0


class Reference:
    """Municipalities, instruments, ensembles and culture schools, read once per import."""

    def __init__(
        self,
        municipalities: list[MunicipalityRef],
        instruments: list[tuple[int, str, str]],
        ensembles: list[EnsembleRef],
        schools: list[tuple[int, str, str | None]],
        today: dt.date,
    ) -> None:
        self.today = today
        self.municipalities = {m.id: m for m in municipalities}
        self._by_number: dict[str, list[MunicipalityRef]] = {}
        self._by_name: dict[str, list[MunicipalityRef]] = {}
        for m in municipalities:
            self._by_number.setdefault(m.number, []).append(m)
            self._by_name.setdefault(loose_fold(m.name), []).append(m)
        self._predecessor_count = Counter(
            m.successor_id for m in municipalities if m.successor_id is not None
        )
        self._instruments: dict[str, set[int]] = {}
        names_nb = {loose_fold(nb): iid for iid, nb, _en in instruments}
        for iid, nb, en in instruments:
            for key in (nb, en):
                self._instruments.setdefault(loose_fold(key), set()).add(iid)
        for alias, nb in _INSTRUMENT_ALIASES.items():
            if loose_fold(nb) in names_nb:
                self._instruments.setdefault(loose_fold(alias), {names_nb[loose_fold(nb)]})
        self.ensembles = {e.id: e for e in ensembles}
        self._ensemble_keys: dict[str, EnsembleRef] = {}
        for e in ensembles:
            self._ensemble_keys[loose_fold(e.name)] = e
            self._ensemble_keys[loose_fold(e.short_name)] = e
        for alias, short in _ENSEMBLE_ALIASES.items():
            target = self._ensemble_keys.get(short)
            if target is not None:
                self._ensemble_keys.setdefault(alias, target)
        self._schools: dict[str, int] = {}
        for sid, name, municipality_name in schools:
            self._schools[loose_fold(name)] = sid
            if municipality_name:
                self._schools.setdefault(loose_fold(municipality_name), sid)

    @classmethod
    def load(cls, session: Session, today: dt.date) -> Reference:
        municipalities = [
            MunicipalityRef(
                m.id, m.number, m.name, bool(m.in_region), m.valid_from, m.valid_to, m.successor_id
            )
            for m in session.scalars(select(Municipality))
        ]
        instruments = [
            tuple(row)
            for row in session.execute(
                select(Instrument.id, Instrument.name_nb, Instrument.name_en)
            )
        ]
        ensembles = [
            EnsembleRef(e.id, e.name, e.short_name, e.min_age, e.max_age)
            for e in session.scalars(select(Ensemble).order_by(Ensemble.sort_order))
        ]
        schools = [
            tuple(row)
            for row in session.execute(
                select(Organisation.id, Organisation.name, Municipality.name)
                .outerjoin(Municipality, Organisation.municipality_id == Municipality.id)
                .where(
                    Organisation.kind == OrganisationKind.CULTURE_SCHOOL.value,
                    Organisation.archived.is_(False),
                )
            )
        ]
        return cls(municipalities, instruments, ensembles, schools, today)  # type: ignore[arg-type]

    # --- municipalities --------------------------------------------------------------------

    def _current(self, row: MunicipalityRef) -> MunicipalityRef:
        """Follow successors from an older row to the one valid today."""
        seen = {row.id}
        while not row.valid_on(self.today) and row.successor_id is not None:
            row = self.municipalities[row.successor_id]
            if row.id in seen:
                break
            seen.add(row.id)
        return row

    def _last(self, row: MunicipalityRef) -> MunicipalityRef:
        """The end of the row's chain of successors: one municipality through the reforms."""
        seen = {row.id}
        while row.successor_id is not None and row.successor_id not in seen:
            row = self.municipalities[row.successor_id]
            seen.add(row.id)
        return row

    def municipality(
        self, value: Cell, warn: Warn, day: dt.date | None = None, postal_code: str | None = None
    ) -> MunicipalityRef:
        """By name in any spelling, by number of any era, or both ("Hurum (0628)").

        The municipality named is what is stored, of whatever era: a 2014 list's "Hurum"
        stays Hurum (a warning says what it is part of now), so a report on 2014 can still
        tell it from Asker. A name of several eras ("Asker": 0220, 3025, 3203) means the one
        valid on ``day`` (the row's join date; default the import's today), unless the
        ``postal_code`` lay outside that one (see ``_fits_postal_code``).
        """
        text = as_text(value)
        day = day or self.today
        both = _NAME_AND_NUMBER.fullmatch(text)
        if both is not None:
            found = self._of_day(text, self._numbered(both["number"]), day)
            if loose_fold(found.name) != loose_fold(both["name"]):
                raise ValidationError(
                    "municipality",
                    translate("Core", "'{value}' does not add up: {number} is {name}").format(
                        value=text, number=found.number, name=found.name
                    ),
                )
        elif re.fullmatch(r"\d{3,4}", text):
            found = self._of_day(text, self._numbered(text), day)
        else:
            candidates = self._named(text)
            found = self._renumbered(
                self._of_day(
                    text,
                    [c for c in candidates if self._fits_postal_code(c, postal_code)] or candidates,
                    day,
                )
            )
        self._warn_if_merged(found, warn)
        return found

    def _renumbered(self, row: MunicipalityRef) -> MunicipalityRef:
        """Forward through renumberings only: a successor of the same name whose one
        predecessor is this row has the same borders (Bærum 0219 -> 3024 -> 3201), so a name
        means the newest number of it and a member of today does not read "until 2023". A
        merger (Asker 0220 -> 3025, with Røyken and Hurum) or a new name (Sande ->
        Holmestrand) stops it: there the name of the time says more than today's row."""
        seen = {row.id}
        while row.successor_id is not None and row.successor_id not in seen:
            successor = self.municipalities[row.successor_id]
            if not is_renumbering(row, successor, self._predecessor_count.get(successor.id, 0)):
                break
            row = successor
            seen.add(row.id)
        return row

    def _fits_postal_code(self, row: MunicipalityRef, postal_code: str | None) -> bool:
        """False when the row is of before the reform and the postal code lay in another of
        the municipalities merged into the same one: "Asker" in a 2026 list, for a member who
        joined in 2019 and lives in Røyken's old postal code 3440, is today's Asker, not the
        Asker of 2019."""
        entry = postal_codes.before_reform(postal_code)
        before = row.valid_to is not None and row.valid_to <= postal_codes.VALID_UNTIL
        if entry is None or not before:
            return True
        if entry.number_2024 != self._last(row).number:
            return True  # a code elsewhere says nothing about this municipality
        return entry.number == row.number

    def same_municipality(self, found: MunicipalityRef) -> frozenset[int]:
        """The rows of ``found``'s name in its own line through the reforms (Asker 0220, 3025
        and 3203; not Røyken): a person stored under any of them is where a name says."""
        last = self._last(found)
        return frozenset(
            c.id for c in self._by_name.get(loose_fold(found.name), []) if self._last(c) == last
        )

    def _numbered(self, text: str) -> list[MunicipalityRef]:
        candidates = self._by_number.get(text.zfill(4), [])
        if not candidates:
            raise ValidationError(
                "municipality",
                translate("Core", "'{value}' is not a municipality number in the register").format(
                    value=text
                ),
            )
        return candidates

    def _named(self, text: str) -> list[MunicipalityRef]:
        candidates = self._by_name.get(loose_fold(text), [])
        if not candidates:
            raise ValidationError(
                "municipality",
                translate("Core", "'{value}' is not a municipality in the register").format(
                    value=text
                ),
            )
        return candidates

    def _of_day(
        self, text: str, candidates: list[MunicipalityRef], day: dt.date
    ) -> MunicipalityRef:
        """The candidate valid on ``day``; when none is, the nearest in time of one line
        through the reforms (Hurum in 2026 is still Hurum). Different municipalities of the
        same name are an error: the number tells them apart."""
        valid = [c for c in candidates if c.valid_on(day)]
        if len(valid) == 1:
            return valid[0]
        pool = valid or candidates
        if len({self._last(c).id for c in pool}) > 1:
            names = ", ".join(sorted(str(c) for c in pool))
            raise ValidationError(
                "municipality",
                translate(
                    "Core",
                    "'{value}' could be several municipalities ({names}): use the "
                    "municipality number",
                ).format(value=text, names=names),
            )
        return min(pool, key=lambda c: _days_apart(c, day))

    def _warn_if_merged(self, found: MunicipalityRef, warn: Warn) -> None:
        current = self._current(found)
        if current.id != found.id and loose_fold(current.name) != loose_fold(found.name):
            warn(
                translate("Core", "{old} is now part of {new}; stored as {old}").format(
                    old=str(found), new=str(current)
                )
            )

    # --- instruments, ensembles, culture schools -------------------------------------------

    def _instrument(self, text: str) -> int:
        key = loose_fold(_PART_NUMBER.sub("", text.strip()))
        found = self._instruments.get(key) or self._instruments.get(loose_fold(text))
        if not found or len(found) > 1:
            raise ValidationError("instrument", not_an_instrument(text))
        return next(iter(found))

    def instruments(self, value: Cell) -> list[int]:
        """One instrument or a list ("Fiolin, bratsj"); the first is the main instrument."""
        text = as_text(value)
        whole = self._instruments.get(loose_fold(text))
        if whole and len(whole) == 1:
            return [next(iter(whole))]
        ids: list[int] = []
        for part in filter(None, _LIST_SPLIT.split(text)):
            iid = self._instrument(part)
            if iid not in ids:
                ids.append(iid)
        if not ids:
            raise ValidationError("instrument", not_an_instrument(text))
        return ids

    def ensemble(self, value: Cell) -> EnsembleRef:
        """By name or short name; a clear beginning ("asp", "juniorer") is enough."""
        text = as_text(value)
        key = loose_fold(text)
        found = self._ensemble_keys.get(key)
        if found is None and len(key) >= 3:
            matches = {
                e.id: e
                for k, e in self._ensemble_keys.items()
                if k.startswith(key) or key.startswith(k)
            }
            if len(matches) == 1:
                found = next(iter(matches.values()))
        if found is None:
            known = ", ".join(f"{e.name} ({e.short_name})" for e in self.ensembles.values())
            raise ValidationError(
                "ensemble",
                translate("Core", "'{value}' is not an ensemble; use one of {known}").format(
                    value=text, known=known
                ),
            )
        return found

    def culture_school(self, value: Cell) -> int | None:
        """By the school's name or its municipality's name ("Asker" = "Asker kulturskole")."""
        text = as_text(value)
        key = loose_fold(text)
        # Longest first: "musikk- og kulturskole" must go whole, not leave "musikk og".
        stripped = re.sub(r"\b(musikk og kulturskolen?|kulturskolen?|musikkskolen?|i)\b", " ", key)
        return self._schools.get(key) or self._schools.get(" ".join(stripped.split()))


# --- Small vocabularies --------------------------------------------------------------------

_NOTHING = {
    loose_fold(word)
    for word in ("ingen", "nei", "no", "none", "-", "normal", "vanlig", "n/a", "nil", "ikke noe")
}

_DIETS = _vocabulary(
    {
        Diet.VEGETARIAN.value: ("vegetar", "vegetarianer", "vegetarisk", "vegetarian", "veggie"),
        Diet.VEGAN.value: ("vegan", "veganer", "vegansk"),
        Diet.HALAL.value: ("halal", "halal kjøtt"),
        Diet.NO_PORK.value: (
            "ikke svin",
            "ikke svinekjøtt",
            "uten svin",
            "uten svinekjøtt",
            "svinefri",
            "no pork",
            "pork free",
            "no pork meat",
        ),
        Diet.LACTOSE_FREE.value: (
            "laktosefri",
            "laktosefritt",
            "laktoseintolerant",
            "laktoseintoleranse",
            "lactose free",
            "lactose intolerant",
            "lactose intolerance",
        ),
        Diet.GLUTEN_FREE.value: (
            "glutenfri",
            "glutenfritt",
            "cøliaki",
            "gluten free",
            "coeliac",
            "celiac",
        ),
        Diet.OTHER.value: ("annet", "annen", "other"),
    }
)
_DIET_SPLIT = re.compile(r"\s*[,;/+]\s*|\s+og\s+|\s+and\s+")


def diet(value: Cell) -> tuple[list[str], str | None]:
    """Known diets, and the rest of the text as a note (with the diet "other")."""
    text = as_text(value)
    if loose_fold(text) in _NOTHING:
        return [], None
    diets: list[str] = []
    rest: list[str] = []
    for part in filter(None, _DIET_SPLIT.split(text)):
        code = _DIETS.get(loose_fold(part))
        if code is None:
            rest.append(part)
        elif code not in diets:
            diets.append(code)
    note = ", ".join(rest) or None
    if note and Diet.OTHER.value not in diets:
        diets.append(Diet.OTHER.value)
    if note and len(note) > NOTE_MAX:
        raise ValidationError(
            "diet",
            translate(
                "Core", "the text beyond the known diets is longer than {limit} characters"
            ).format(limit=NOTE_MAX),
        )
    return diets, note


def diet_note(value: Cell) -> str:
    """The "Kostholdsmerknad" column: the note as written; it does not add the diet other."""
    return limited(value, "diet_note", NOTE_MAX)


_SEVERE = tuple(
    loose_fold(word)
    for word in (
        "alvorlig",
        "anafylaksi",
        "anafylaktisk",
        "anaphylaxis",
        "anaphylactic",
        "severe",
        "livstruende",
        "life threatening",
        "epipen",
    )
)
_MODERATE = tuple(loose_fold(word) for word in ("moderat", "moderate", "middels"))
_PARENTHESES = re.compile(r"\(([^)]*)\)")
_QUALIFIER = re.compile(r"\s+-\s+|\s*:\s*")


@dataclass(frozen=True)
class AllergyValue:
    allergen: str
    severity: str
    note: str | None


_SEVERITY_ORDER = [
    AllergySeverity.MILD.value,
    AllergySeverity.MODERATE.value,
    AllergySeverity.SEVERE.value,
]


def _severity(text: str) -> str:
    folded = loose_fold(text)
    if any(word in folded for word in _SEVERE):
        return AllergySeverity.SEVERE.value
    if any(word in folded for word in _MODERATE):
        return AllergySeverity.MODERATE.value
    return AllergySeverity.MILD.value


# "Kiwi (mild: kløe i munnen)": the severity named, the note after the colon.
SEVERITY_NAMES = {
    AllergySeverity.SEVERE.value: "alvorlig",
    AllergySeverity.MODERATE.value: "moderat",
    AllergySeverity.MILD.value: "mild",
}
_SEVERITY_BY_NAME = {
    loose_fold(word): code
    for code, words in {
        AllergySeverity.SEVERE.value: ("alvorlig", "severe"),
        AllergySeverity.MODERATE.value: ("moderat", "moderate"),
        AllergySeverity.MILD.value: ("mild",),
    }.items()
    for word in words
}
_EXPLICIT = re.compile(
    r"(?P<allergen>[^()]*?)\s*\(\s*(?P<severity>[^():]+?)\s*:(?P<note>.*)\)", re.DOTALL
)


def _explicit_allergy(item: str) -> AllergyValue | None:
    match = _EXPLICIT.fullmatch(item)
    if match is None:
        return None
    severity = _SEVERITY_BY_NAME.get(loose_fold(match["severity"]))
    allergen = " ".join(match["allergen"].split())
    if severity is None or not allergen:
        return None
    note = match["note"].strip() or None
    _check_allergy_lengths(allergen, note)
    return AllergyValue(allergen, severity, note)


def _check_allergy_lengths(allergen: str, note: str | None) -> None:
    if len(allergen) > ALLERGEN_MAX:
        raise ValidationError(
            "allergies",
            translate("Core", "'{value}…' is longer than {limit} characters").format(
                value=allergen[:40], limit=ALLERGEN_MAX
            ),
        )
    if note and len(note) > NOTE_MAX:
        raise ValidationError(
            "allergies",
            translate("Core", "the note on {allergen} is longer than {limit} characters").format(
                allergen=allergen, limit=NOTE_MAX
            ),
        )


def _allergy(item: str) -> AllergyValue:
    """ "Kiwi (mild: kløe)", "Peanøtter (alvorlig)", "Nøtter - anafylaksi", "Alvorlig
    nøtteallergi", "Pollen"."""
    explicit = _explicit_allergy(item)
    if explicit is not None:
        return explicit
    qualifiers = _PARENTHESES.findall(item)
    allergen = _PARENTHESES.sub(" ", item)
    parts = _QUALIFIER.split(allergen, maxsplit=1)
    allergen = " ".join(parts[0].split())
    qualifiers += parts[1:]
    qualifier = ", ".join(q.strip() for q in qualifiers if q.strip())
    if not allergen:
        raise ValidationError(
            "allergies",
            translate("Core", "'{value}' does not name what the allergy is to").format(value=item),
        )
    # A qualifier that only says how severe it is becomes the severity, not a note.
    note = qualifier if loose_fold(qualifier) not in (*_SEVERE, *_MODERATE, "") else None
    _check_allergy_lengths(allergen, note)
    return AllergyValue(allergen, _severity(item), note)


def _split_outside_parentheses(text: str) -> list[str]:
    """Split at commas and semicolons, except inside "(livstruende, har EpiPen)"."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if ch in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def allergies(value: Cell) -> list[AllergyValue]:
    """A comma or semicolon list; the most severe wins when an allergen is named twice."""
    text = as_text(value)
    if loose_fold(text) in _NOTHING:
        return []
    found: dict[str, AllergyValue] = {}
    for item in filter(None, (part.strip() for part in _split_outside_parentheses(text))):
        allergy = _allergy(item)
        key = loose_fold(allergy.allergen)
        known = found.get(key)
        if known is None or (
            _SEVERITY_ORDER.index(allergy.severity) > _SEVERITY_ORDER.index(known.severity)
        ):
            found[key] = allergy
    return list(found.values())


# The words the member export writes for the consents in force, in this order.
CONSENT_NAMES = {
    ConsentKind.PHOTO: "foto",
    ConsentKind.NAME_PUBLICATION: "navn",
    ConsentKind.HEALTH_DATA: "helse",
}
_CONSENTS = _vocabulary(
    {
        ConsentKind.PHOTO.value: ("foto", "bilder", "bilde", "fotografering", "photo", "photos"),
        ConsentKind.NAME_PUBLICATION.value: (
            "navn",
            "navn i program",
            "navnepublisering",
            "name",
            "name publication",
        ),
        ConsentKind.HEALTH_DATA.value: (
            "helse",
            "helsedata",
            "helseopplysninger",
            "health",
            "health data",
        ),
    }
)


def consents(value: Cell) -> dict[ConsentKind, bool]:
    """The consents column: every kind, True for those the cell names ("ingen": none)."""
    text = as_text(value)
    named: set[ConsentKind] = set()
    if loose_fold(text) not in _NOTHING:
        for part in filter(None, (p.strip() for p in re.split(r"[,;/+]", text))):
            kind = _CONSENTS.get(loose_fold(part))
            if kind is None:
                raise ValidationError(
                    "consents",
                    translate(
                        "Core", "'{value}' is not a consent: use foto, navn, helse or ingen"
                    ).format(value=part),
                )
            named.add(ConsentKind(kind))
    return {kind: kind in named for kind in ConsentKind}


_YES = {"ja", "j", "yes", "y", "x", "1", "true", "sann", "ok"}
_NO = {"nei", "n", "no", "0", "false", "usann"}


def yes_no(value: Cell, field: str) -> bool:
    if isinstance(value, bool):
        return value
    folded = loose_fold(as_text(value)) or as_text(value).lower()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValidationError(
        field,
        translate("Core", "'{value}' is not yes or no: use ja or nei").format(value=as_text(value)),
    )


_GENDERS = _vocabulary(
    {
        Gender.FEMALE.value: (
            "jente",
            "kvinne",
            "k",
            "j",
            "f",
            "female",
            "girl",
            "woman",
            "kvinnelig",
        ),
        Gender.MALE.value: ("gutt", "mann", "m", "g", "male", "boy", "man", "mannlig"),
        Gender.OTHER.value: (
            "annet",
            "annen",
            "other",
            "ikke-binær",
            "non-binary",
            "nonbinary",
            "x",
        ),
    }
)


def gender(value: Cell) -> str:
    found = _GENDERS.get(loose_fold(as_text(value)))
    if found is None:
        raise ValidationError(
            "gender",
            translate("Core", "'{value}' is not a gender: use jente, gutt or annet").format(
                value=as_text(value)
            ),
        )
    return found


_REASONS = _vocabulary(
    {
        EndReason.AGED_OUT.value: (
            "aldersgrense",
            "alder",
            "aged out",
            "age limit",
            "for gammel",
            "over aldersgrensen",
        ),
        EndReason.TALENT_PROGRAMME.value: (
            "talentprogram",
            "talentprogrammet",
            "talent programme",
            "talent program",
            "barratt due",
            "nmh",
            "norges musikkhøgskole",
        ),
        EndReason.MOVED.value: ("flyttet", "flytting", "flyttet bort", "moved", "moved away"),
        EndReason.QUIT.value: ("sluttet", "slutt", "sluttet selv", "quit", "left"),
        EndReason.MOVED_UP.value: ("rykket opp", "flyttet opp", "moved up"),
        EndReason.OTHER.value: ("annet", "annen", "other"),
    }
)


def end_reason(value: Cell, warn: Warn) -> tuple[str, str | None]:
    """The reason and a note: "annet: flytter til Bergen" keeps the text after the colon."""
    text = limited(value, "end_reason", NOTE_MAX)
    head, _, tail = text.partition(":")
    code = _REASONS.get(loose_fold(head))
    if code is not None:
        return code, tail.strip() or None
    warn(
        translate(
            "Core",
            "'{value}' is not a known reason (aldersgrense, talentprogram, "
            "flyttet, sluttet, annet); stored as 'other' with the text as a note",
        ).format(value=text)
    )
    return EndReason.OTHER.value, text


# --- Guardians -----------------------------------------------------------------------------

_GUARDIAN_SPLIT = re.compile(r"\s+og\s+|\s+and\s+|\s*[/;&+]\s*")
_CONTACT_SPLIT = re.compile(r"\s+og\s+|\s+and\s+|\s*[/;,&]\s*")
# Lower-case words that belong to the surname: "Anna van der Berg", "Luis de la Cruz".
_SURNAME_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "bin",
    "binti",
    "al",
    "el",
    "ter",
    "ten",
}


_RELATIONS = _vocabulary(
    {
        GuardianRelation.MOTHER.value: ("mor", "mamma", "mother", "mum", "mom"),
        GuardianRelation.FATHER.value: ("far", "pappa", "father", "dad"),
        GuardianRelation.GUARDIAN.value: ("foresatt", "verge", "guardian"),
        GuardianRelation.OTHER.value: ("annen", "annet", "other"),
    }
)
_RELATION_SUFFIX = re.compile(r"(?P<name>.*?)\s*\((?P<relation>[^()]*)\)")
# A cell that holds no value for one guardian in a list of phones or e-mails.
PLACEHOLDER = "-"


@dataclass(frozen=True)
class GuardianName:
    first_name: str
    last_name: str
    relation: str | None = None


def guardian_names(value: Cell) -> list[str]:
    return [
        " ".join(part.split()) for part in _GUARDIAN_SPLIT.split(as_text(value)) if part.strip()
    ]


def split_contacts(value: Cell) -> list[str | None]:
    """The phones or e-mails of a cell in order; "-" (no contact) gives None."""
    return [
        None if part.strip() == PLACEHOLDER else part.strip()
        for part in _CONTACT_SPLIT.split(as_text(value))
        if part.strip()
    ]


def split_name(full: str) -> tuple[str, str]:
    """First names and surname; a one-word name has no surname (the caller fills it in).
    "Last, First" says where the surname ends."""
    if "," in full:
        last, _, first = full.partition(",")
        return " ".join(first.split()), " ".join(last.split())
    words = full.split()
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _SURNAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _relation(name: str) -> tuple[str, str | None]:
    """ "Kari Nordmann (mor)" -> ("Kari Nordmann", "mother"); other brackets stay."""
    match = _RELATION_SUFFIX.fullmatch(name)
    if match is not None:
        relation = _RELATIONS.get(loose_fold(match["relation"]))
        if relation is not None and match["name"].strip():
            return match["name"].strip(), relation
    return name, None


def guardian_persons(names: list[str], child_last_name: str) -> list[GuardianName]:
    """Each guardian's names and relation; "Kari og Ola Nordmann" gives Kari the surname
    Nordmann, and a guardian named by first name only gets the surname of the child."""
    split: list[tuple[str, str, str | None]] = []
    for written in names:
        name, relation = _relation(written)
        first, last = split_name(name) if len(name.split()) > 1 or "," in name else (name, "")
        split.append((first, last, relation))
    result: list[GuardianName] = []
    for index, (first, last, relation) in enumerate(split):
        if not last:
            later = [s for _f, s, _r in split[index + 1 :] if s]
            last = later[0] if later else child_last_name
        if not last:
            raise ValidationError(
                "guardian", translate("Core", "'{name}' needs a surname").format(name=first)
            )
        result.append(
            GuardianName(require_name(first, "guardian"), require_name(last, "guardian"), relation)
        )
    return result
