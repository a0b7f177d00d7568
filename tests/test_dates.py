"""Weekday names: one list, the command line's Bokmål agreeing with the window's."""

from __future__ import annotations

import datetime as dt

from vrus.dates import WEEKDAY_TEXTS, WEEKDAYS, day_text, format_with_weekday
from vrus.reports.language import Translator


def test_the_bokmal_names_are_the_translations_of_the_messages() -> None:
    nb = Translator("nb")
    assert tuple(nb(text) for text in WEEKDAY_TEXTS) == WEEKDAYS["nb"]
    assert WEEKDAYS["en"] == tuple(str(text) for text in WEEKDAY_TEXTS)


def test_a_date_with_its_weekday_in_both_languages() -> None:
    thursday = dt.date(2014, 3, 6)  # printed as "Søndag 06.03" in the 2014 report
    assert format_with_weekday(thursday) == "torsdag 06.03.2014"
    assert format_with_weekday(thursday, "en") == "Thursday 06.03.2014"
    assert str(day_text(thursday)) == "Thursday 06.03.2014"
    assert Translator("nb")(day_text(thursday)) == "torsdag 06.03.2014"
