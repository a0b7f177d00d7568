"""Dates as Norwegian users read them: dd.mm.yyyy, weeks from Monday, weekday names.

Core code (PDFs, the command line) formats here; the window uses the same functions so a
date looks the same everywhere.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def format_date(day: dt.date) -> str:
    """dd.mm.yyyy (the year always with four digits, which strftime does not promise)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def weekday_name(day: dt.date, language: str = "nb") -> str:
    return WEEKDAYS.get(language, WEEKDAYS["nb"])[day.weekday()]


def format_with_weekday(day: dt.date, language: str = "nb") -> str:
    """'lørdag 08.02.2014': the weekday spelled out, so a wrong one stands out."""
    return f"{weekday_name(day, language)} {format_date(day)}"


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (Norwegian weeks start on Monday)."""
    return day - dt.timedelta(days=day.weekday())
