"""Which column holds which field: headers in Norwegian or English, any case and spacing.

``FIELDS`` is also what a mapping wizard offers for a column the import did not recognise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vrus.importing.folding import compact_fold
from vrus.importing.report import Problem
from vrus.texts import Text, translate

IGNORE = "ignore"

# Field -> (label for messages, header spellings). Spellings are folded before use, so
# "E-post", "e-post" and "EPOST" are one entry, and "Fodt" finds "Født". The label is English
# as text and translated in the window (``vrus.texts``).
FIELDS: dict[str, tuple[Text, tuple[str, ...]]] = {
    "first_name": (
        translate("Core", "first name"),
        ("Fornavn", "First name", "Given name", "Firstname"),
    ),
    "last_name": (
        translate("Core", "last name"),
        ("Etternavn", "Last name", "Surname", "Family name"),
    ),
    "birth_date": (
        translate("Core", "birth date"),
        ("Fødselsdato", "Født", "Fødd", "Birth date", "Date of birth", "Birthdate", "Born", "DOB"),
    ),
    "gender": (translate("Core", "gender"), ("Kjønn", "Gender", "Sex")),
    "municipality": (
        translate("Core", "municipality"),
        (
            "Kommune",
            "Municipality",
            "Bostedskommune",
            "Kommunenr",
            "Kommunenummer",
            "Municipality number",
        ),
    ),
    "instrument": (
        translate("Core", "instrument"),
        ("Instrument", "Instrumenter", "Hovedinstrument", "Instruments", "Main instrument"),
    ),
    "ensemble": (
        translate("Core", "ensemble"),
        ("Gruppe", "Ensemble", "Orkester", "Group", "Orchestra"),
    ),
    "joined": (
        translate("Core", "join date"),
        (
            "Innmeldt",
            "Joined",
            "Innmeldt dato",
            "Medlem fra",
            "Startdato",
            "Start date",
            "Member since",
            "Date joined",
        ),
    ),
    "left": (
        translate("Core", "leaving date"),
        ("Utmeldt", "Left", "Utmeldt dato", "Sluttdato", "End date", "Date left"),
    ),
    "end_reason": (
        translate("Core", "reason for leaving"),
        ("Årsak", "Reason", "Utmeldingsårsak", "Sluttårsak", "Reason for leaving"),
    ),
    "phone": (
        translate("Core", "phone"),
        (
            "Telefon",
            "Phone",
            "Tlf",
            "Mobil",
            "Mobile",
            "Telephone",
            "Mobilnummer",
            "Telefonnummer",
            "Phone number",
        ),
    ),
    "email": (
        translate("Core", "e-mail"),
        ("E-post", "Email", "E-mail", "Epostadresse", "Email address"),
    ),
    "address": (
        translate("Core", "address"),
        ("Adresse", "Address", "Gateadresse", "Street address"),
    ),
    "postal_code": (
        translate("Core", "postal code"),
        ("Postnr", "Postnummer", "Postal code", "Post code", "Postcode", "Zip", "Zip code"),
    ),
    "postal_place": (
        translate("Core", "postal place"),
        ("Poststed", "Postal place", "Post town", "Town", "City"),
    ),
    "guardian": (
        translate("Core", "guardian"),
        (
            "Foresatt",
            "Foresatte",
            "Guardian",
            "Guardians",
            "Foreldre",
            "Parent",
            "Parents",
            "Foresatt navn",
            "Guardian name",
        ),
    ),
    "guardian_phone": (
        translate("Core", "guardian's phone"),
        (
            "Foresatt telefon",
            "Foresatte telefon",
            "Foresatt tlf",
            "Foresatt mobil",
            "Telefon foresatt",
            "Tlf foresatt",
            "Guardian phone",
            "Parent phone",
            "Guardian's phone",
        ),
    ),
    "guardian_email": (
        translate("Core", "guardian's e-mail"),
        (
            "Foresatt e-post",
            "Foresatte e-post",
            "E-post foresatt",
            "Guardian email",
            "Guardian e-mail",
            "Parent email",
            "Guardian's email",
        ),
    ),
    "diet": (
        translate("Core", "diet"),
        ("Kosthold", "Diet", "Spesialkost", "Dietary requirements"),
    ),
    "diet_note": (
        translate("Core", "diet note"),
        ("Kostholdsmerknad", "Diet note", "Merknad kosthold", "Dietary note"),
    ),
    "allergies": (translate("Core", "allergies"), ("Allergier", "Allergi", "Allergies", "Allergy")),
    "consents": (
        translate("Core", "consents"),
        ("Samtykker", "Consents", "Samtykke", "Consent"),
    ),
    # A yes/no for photos alone, as older sheets have it (the export writes "consents").
    "photo_consent": (
        translate("Core", "photo consent"),
        ("Fotosamtykke", "Photo consent", "Foto", "Bildesamtykke", "Photo"),
    ),
    "culture_school": (
        translate("Core", "culture school"),
        ("Kulturskole", "Culture school", "Musikkskole", "Music school"),
    ),
    "notes": (
        translate("Core", "notes"),
        ("Merknad", "Merknader", "Notes", "Note", "Kommentar", "Comments"),
    ),
}
REQUIRED = ("first_name", "last_name", "birth_date")

_ALIASES: dict[str, str] = {
    compact_fold(spelling): name
    for name, (_label, spellings) in FIELDS.items()
    for spelling in spellings
}


def label(name: str) -> Text:
    return FIELDS[name][0]


@dataclass
class Columns:
    """Field -> (column index, header as written)."""

    positions: dict[str, tuple[int, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def header(self, name: str) -> Text | str:
        return self.positions[name][1] if name in self.positions else label(name)


def _assigned(header: str, mapping: Mapping[str, str]) -> str | None:
    """The caller's choice for ``header`` (matched as written, or folded), else a known alias."""
    folded = {compact_fold(key): value for key, value in mapping.items()}
    choice = mapping.get(header, folded.get(compact_fold(header)))
    if choice is None:
        return _ALIASES.get(compact_fold(header))
    if choice != IGNORE and choice not in FIELDS:
        raise ValueError(f"mapping for {header!r}: {choice!r} is not a field (see FIELDS)")
    return choice


def match_headers(
    headers: list[str], header_row: int, mapping: Mapping[str, str] | None = None
) -> Columns:
    columns = Columns()
    for index, header in enumerate(headers):
        if not header.strip():
            continue  # Excel's trailing empty columns
        name = _assigned(header, mapping or {})
        if name == IGNORE:
            continue
        if name is None:
            columns.problems.append(
                Problem(
                    header_row,
                    header,
                    translate("Core", "unknown column; its values are not imported"),
                    "warning",
                )
            )
        elif name in columns.positions:
            first = columns.positions[name][1]
            columns.problems.append(
                Problem(
                    header_row,
                    header,
                    translate(
                        "Core",
                        "a second column for {field} (the first is '{first}'); "
                        "rename one or choose which to ignore",
                    ).format(field=label(name), first=first),
                    "error",
                )
            )
        else:
            columns.positions[name] = (index, header)
    for name in REQUIRED:
        if name not in columns.positions:
            columns.problems.append(
                Problem(
                    header_row,
                    "",
                    translate(
                        "Core",
                        "no column for {field}: a column headed '{header}' or "
                        "'{other}' is required",
                    ).format(
                        field=label(name), header=FIELDS[name][1][0], other=FIELDS[name][1][1]
                    ),
                    "error",
                )
            )
    return columns
