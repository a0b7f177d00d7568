"""Translated labels for the register's closed vocabularies (stored as ASCII codes).

The source texts are marked with ``QT_TRANSLATE_NOOP`` so lupdate collects them; ``label``
translates at the moment of showing, so the language in use is the one shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.ages import AgeFlag
from vrus.db.enums import EndReason, Gender, GuardianRelation, OrganisationKind, Section
from vrus.member_list import Status
from vrus.ui.common.messages import window_in_english

_CONTEXT = "Labels"

_TEXTS: dict[str, str] = {
    # Sections of the orchestra
    f"section:{Section.STRINGS}": QT_TRANSLATE_NOOP("Labels", "Strings"),
    f"section:{Section.WOODWIND}": QT_TRANSLATE_NOOP("Labels", "Woodwind"),
    f"section:{Section.BRASS}": QT_TRANSLATE_NOOP("Labels", "Brass"),
    f"section:{Section.PERCUSSION}": QT_TRANSLATE_NOOP("Labels", "Percussion"),
    f"section:{Section.OTHER}": QT_TRANSLATE_NOOP("Labels", "Other instruments"),
    # Membership status in the list
    f"status:{Status.ACTIVE}": QT_TRANSLATE_NOOP("Labels", "Active"),
    f"status:{Status.FORMER}": QT_TRANSLATE_NOOP("Labels", "Former"),
    f"status:{Status.ARCHIVED}": QT_TRANSLATE_NOOP("Labels", "Archived"),
    # Age flags, short enough for a table cell
    f"flag:{AgeFlag.AGES_OUT}": QT_TRANSLATE_NOOP("Labels", "Ages out after the season"),
    f"flag:{AgeFlag.MAY_MOVE_UP}": QT_TRANSLATE_NOOP("Labels", "May move up"),
    f"flag:{AgeFlag.BELOW_MINIMUM}": QT_TRANSLATE_NOOP("Labels", "Below the age limit"),
    f"flag:{AgeFlag.ABOVE_MAXIMUM}": QT_TRANSLATE_NOOP("Labels", "Above the age limit"),
    # Why a membership ended
    f"end:{EndReason.AGED_OUT}": QT_TRANSLATE_NOOP("Labels", "Reached the age limit"),
    f"end:{EndReason.TALENT_PROGRAMME}": QT_TRANSLATE_NOOP("Labels", "Talent programme"),
    f"end:{EndReason.MOVED}": QT_TRANSLATE_NOOP("Labels", "Moved away"),
    f"end:{EndReason.QUIT}": QT_TRANSLATE_NOOP("Labels", "Quit"),
    f"end:{EndReason.MOVED_UP}": QT_TRANSLATE_NOOP("Labels", "Moved up"),
    f"end:{EndReason.OTHER}": QT_TRANSLATE_NOOP("Labels", "Other reason"),
    f"gender:{Gender.FEMALE}": QT_TRANSLATE_NOOP("Labels", "Female"),
    f"gender:{Gender.MALE}": QT_TRANSLATE_NOOP("Labels", "Male"),
    f"gender:{Gender.OTHER}": QT_TRANSLATE_NOOP("Labels", "Other"),
    f"relation:{GuardianRelation.MOTHER}": QT_TRANSLATE_NOOP("Labels", "Mother"),
    f"relation:{GuardianRelation.FATHER}": QT_TRANSLATE_NOOP("Labels", "Father"),
    f"relation:{GuardianRelation.GUARDIAN}": QT_TRANSLATE_NOOP("Labels", "Guardian"),
    f"relation:{GuardianRelation.OTHER}": QT_TRANSLATE_NOOP("Labels", "Other"),
    f"kind:{OrganisationKind.CULTURE_SCHOOL}": QT_TRANSLATE_NOOP("Labels", "Culture school"),
    f"kind:{OrganisationKind.PARTNER}": QT_TRANSLATE_NOOP("Labels", "Partner"),
    f"kind:{OrganisationKind.FUNDER}": QT_TRANSLATE_NOOP("Labels", "Funder"),
    f"kind:{OrganisationKind.ORCHESTRA}": QT_TRANSLATE_NOOP("Labels", "Orchestra"),
    f"kind:{OrganisationKind.TALENT_PROGRAMME}": QT_TRANSLATE_NOOP("Labels", "Talent programme"),
    f"kind:{OrganisationKind.OTHER}": QT_TRANSLATE_NOOP("Labels", "Other"),
}


def label(group: str, code: str | None) -> str:
    """The translated label of ``code`` in ``group`` (section, status, flag, end, gender,
    relation, kind); an unknown code is shown as it is rather than hidden."""
    if code is None:
        return ""
    text = _TEXTS.get(f"{group}:{code}")
    return QCoreApplication.translate(_CONTEXT, text) if text else str(code)


class NamedInstrument(Protocol):
    """An instrument with both its names (``vrus.reference.InstrumentRow``)."""

    @property
    def name_nb(self) -> str: ...

    @property
    def name_en(self) -> str: ...


# The register's instruments: Bokmål name (what the core's rows carry) -> English name. The
# instruments are reference data the program never renames; the pages that show them note
# them when they read the register (``remember_instruments``).
_ENGLISH_NAMES: dict[str, str] = {}


def remember_instruments(rows: Iterable[NamedInstrument]) -> None:
    """Note the register's instrument names, for ``instrument_name`` of a Bokmål name."""
    _ENGLISH_NAMES.update((row.name_nb, row.name_en) for row in rows)


def instrument_name(instrument: str | NamedInstrument | None) -> str:
    """An instrument as the window shows it: in English in the English window, in Bokmål
    (as the register stores it) otherwise. Takes the Bokmål name the core's rows carry or an
    instrument with both names; a name the register does not know is shown as it is."""
    if instrument is None:
        return ""
    if isinstance(instrument, str):
        if not window_in_english():
            return instrument
        return _ENGLISH_NAMES.get(instrument, instrument)
    return instrument.name_en if window_in_english() else instrument.name_nb


def section_label(code: str | None) -> str:
    return label("section", code)


def member_status_label(status: Status) -> str:
    return label("status", status)


def flag_label(flag: AgeFlag) -> str:
    return label("flag", flag)


def end_reason_label(code: str | None) -> str:
    return label("end", code)


def relation_label(code: str | None) -> str:
    return label("relation", code)


def organisation_kind_label(code: str | None) -> str:
    return label("kind", code)


def gender_label(code: str | None) -> str:
    return label("gender", code)


def display_phone(stored: str | None) -> str:
    """+4791234567 as Norwegians write it: +47 912 34 567 (stored form kept otherwise)."""
    if not stored:
        return ""
    if len(stored) == 11 and stored.startswith("+47") and stored[3:].isdigit():
        digits = stored[3:]
        return f"+47 {digits[:3]} {digits[3:5]} {digits[5:]}"
    return stored
