"""Which municipality a postal code lay in before the 2020 reform.

A member registered under a municipality formed in 2020 (today's Asker = Asker + Røyken +
Hurum) cannot be placed in a season before it from the municipality alone; the postal code
of their address often can. The facts are Posten's postal code register of December 2018,
for the postal codes of the region's municipalities merged in 2020 and of old Holmestrand
(0715, with Hof since 2018), which became part of today's Holmestrand with Sande but was never
in the region (``resources/data/postal-codes-2019.csv``; source in the README there). They are
shipped facts, read from the file and never stored in a register, so no migration is needed.

Posten gives each postal code one municipality, also where its area crosses a border; a code
the table lists under two municipalities decides nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass

from vrus.paths import resource

TABLE = "postal-codes-2019.csv"
# The numbers are those of the last years before the reform: no season after it needs them.
VALID_UNTIL = dt.date(2019, 12, 31)


@dataclass(frozen=True)
class PostalEntry:
    code: str
    place: str
    number: str  # the municipality before the reform
    name: str
    number_2024: str  # the municipality the code lies in since 2024


@functools.cache
def _table() -> dict[str, tuple[PostalEntry, ...]]:
    found: dict[str, list[PostalEntry]] = {}
    with resource("data", TABLE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["postal_code"], []).append(
                PostalEntry(
                    row["postal_code"],
                    row["postal_place"],
                    row["number"],
                    row["name"],
                    row["number_2024"],
                )
            )
    return {code: tuple(entries) for code, entries in found.items()}


def before_reform(code: str | None) -> PostalEntry | None:
    """The one municipality ``code`` lay in before 2020; None if unknown or shared."""
    entries = _table().get((code or "").strip(), ())
    return entries[0] if len(entries) == 1 else None


def parts_of(number_2024: str) -> dict[str, str]:
    """{number: name} of the municipalities before 2020 with postal codes now in
    ``number_2024`` (the one with the same number of today)."""
    return {
        e.number: e.name
        for entries in _table().values()
        for e in entries
        if e.number_2024 == number_2024
    }


def representative(code: str | None) -> str | None:
    """A postal code that places a person exactly as ``code`` does (the same municipality
    before the reform and since 2024), and says no more than that: the lowest such code.
    None when ``code`` places nothing (outside the merged municipalities, unknown, shared).

    An erasure keeps this instead of the real code, so coverage of seasons before 2020 stays
    the same while the postal code no longer narrows down where the child lived."""
    entry = before_reform(code)
    if entry is None:
        return None
    same = (
        c
        for c, entries in _table().items()
        if len(entries) == 1
        and (entries[0].number, entries[0].number_2024) == (entry.number, entry.number_2024)
    )
    return min(same)
