"""What a member listing asks for: which persons (``MemberFilter``) and in which order."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from vrus.ages import AgeFlag


class Status(StrEnum):
    ACTIVE = "active"
    FORMER = "former"  # no current membership
    ARCHIVED = "archived"


class SortColumn(StrEnum):
    NAME = "name"
    FIRST_NAME = "first_name"
    AGE = "age"
    ENSEMBLE = "ensemble"
    INSTRUMENT = "instrument"
    SECTION = "section"
    MUNICIPALITY = "municipality"
    CULTURE_SCHOOL = "culture_school"
    STATUS = "status"
    FLAGS = "flags"
    PHOTOS = "photos"  # without a photo consent in force first


@dataclass
class MemberFilter:
    search: str = ""
    ensemble_ids: set[int] = field(default_factory=set)
    instrument_ids: set[int] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    municipality_ids: set[int] = field(default_factory=set)
    status: Status | None = Status.ACTIVE
    flags: set[AgeFlag] = field(default_factory=set)
    # An erased person is a row for statistics only: counted by reports on past seasons and
    # past events (True), never listed, found or invited (the default).
    include_erased: bool = False

    def narrowing(self) -> tuple:
        """Everything but the search, hashable: the listings one kept list can answer."""
        return (
            self.status,
            self.include_erased,
            frozenset(self.ensemble_ids),
            frozenset(self.instrument_ids),
            frozenset(self.sections),
            frozenset(self.municipality_ids),
            frozenset(self.flags),
        )
