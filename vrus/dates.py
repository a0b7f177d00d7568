"""Dates as Norwegian users read them: dd.mm.yyyy, weeks from Monday, weekday names.

Core code (PDFs, the command line) formats here; the window uses the same functions so a
date looks the same everywhere.
"""

from __future__ import annotations

import datetime as dt

from vrus.texts import Text, translate

# The weekday names, once: translatable messages for the window and the reports (lupdate
# finds them here), and the two languages the command line prints without Qt. English is the
# messages' source text; Bokmål is its translation in vrus_nb.ts, which
# tests/test_dates.py checks against the tuple below.
WEEKDAY_TEXTS = (
    translate("Core", "Monday"),
    translate("Core", "Tuesday"),
    translate("Core", "Wednesday"),
    translate("Core", "Thursday"),
    translate("Core", "Friday"),
    translate("Core", "Saturday"),
    translate("Core", "Sunday"),
)
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": tuple(text.source for text in WEEKDAY_TEXTS),
}


def format_date(day: dt.date) -> str:
    """dd.mm.yyyy (the year always with four digits, which strftime does not promise)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def weekday_name(day: dt.date, language: str = "nb") -> str:
    return WEEKDAYS.get(language, WEEKDAYS["nb"])[day.weekday()]


def format_with_weekday(day: dt.date, language: str = "nb") -> str:
    """'lørdag 08.02.2014': the weekday spelled out, so a wrong one stands out."""
    return f"{weekday_name(day, language)} {format_date(day)}"


# Month names for letters to the families (vrus.invitations), which are written in Bokmål
# whatever language the window or the command line speaks.
MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def long_date_nb(day: dt.date, *, weekday: bool = True) -> str:
    """'lørdag 6. mars 2027' (or '6. mars 2027'): the long Norwegian form of a letter."""
    date = f"{day.day}. {MONTHS_NB[day.month - 1]} {day.year}"
    return f"{weekday_name(day, 'nb')} {date}" if weekday else date


def day_text(day: dt.date) -> Text:
    """A date with its weekday for a message: ``str()`` is 'Thursday 06.03.2014' (as
    ``format_with_weekday(day, "en")``), the window shows 'torsdag 06.03.2014'."""
    return translate("Core", "{weekday} {date}").format(
        weekday=WEEKDAY_TEXTS[day.weekday()], date=format_date(day)
    )


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (Norwegian weeks start on Monday)."""
    return day - dt.timedelta(days=day.weekday())
