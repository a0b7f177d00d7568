"""Report text in English or Bokmål without Qt.

The window translates ``Text`` through Qt's translator
(``vrus.ui.common.messages.ui_text``); a report
written from the command line has no Qt, yet goes to Norwegian readers (the steering group,
the annual report, the study association). So the same committed catalogue,
``resources/translations/vrus_nb.ts``, is read here as XML: one source of Bokmål for the
window and the files. A message without a finished translation prints in English rather than
not at all.

Numbers and dates follow the language as well: "1 234,5" and "lørdag 08.02.2014" in Bokmål,
"1,234.5" and "Saturday 08.02.2014" in English.
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from decimal import Decimal
from functools import lru_cache

from vrus.dates import format_date, format_with_weekday
from vrus.paths import resource
from vrus.reports.tables import Cell, Column, Kind
from vrus.texts import CORE_CONTEXT, Bilingual, Text, as_text

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
NO_VALUE = "–"  # shown for "no figure" in text and PDF; empty in CSV and XLSX
NBSP = "\u00a0"  # between thousands, so "118 588" never breaks across lines


@lru_cache(maxsize=4)
def catalogue(language: str) -> dict[str, str]:
    """Finished translations of the core's messages (context "Core") for ``language``."""
    if language == "en":
        return {}
    path = resource("translations", f"vrus_{language}.ts")
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CORE_CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if (
                source
                and translation is not None
                and translation.text
                and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            ):
                found[source] = translation.text
    return found


class Translator:
    """Turns labels and cells into the text of one language."""

    def __init__(
        self, language: str = DEFAULT_LANGUAGE, messages: dict[str, str] | None = None
    ) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"'{language}' is not a report language: use nb or en")
        self.language = language
        self.messages = catalogue(language) if messages is None else messages

    # -- words -------------------------------------------------------------------------------

    def __call__(self, value: Text | str | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):  # a name or a value from the register, shown as it is
            return value
        if isinstance(value, Bilingual):
            return value.english if self.language == "en" and value.english else value.source
        text = as_text(value)
        if not text.context:
            return text.source
        template = self.messages.get(text.source, text.source)
        params = {name: self._param(v) for name, v in text.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder must not hide the message.
            return text.source.format(**params)

    def _param(self, value: object) -> object:
        if isinstance(value, Text):
            return self(value)
        if isinstance(value, dt.date):
            return self.day(value)
        if isinstance(value, float | Decimal):
            value = float(value)
            return self.number(value, 0 if value.is_integer() else 1)
        if isinstance(value, int) and not isinstance(value, bool):
            return self.integer(value)
        return value

    # -- numbers and dates ---------------------------------------------------------------------

    @property
    def decimal_comma(self) -> bool:
        return self.language == "nb"

    def integer(self, value: int, grouping: bool = True) -> str:
        if not grouping or abs(value) < 10_000:  # "2014" and "4500" read better ungrouped
            return str(value)
        return f"{value:,}".replace(",", NBSP if self.decimal_comma else ",")

    def number(self, value: float, digits: int, grouping: bool = True) -> str:
        text = f"{value:,.{digits}f}" if grouping else f"{value:.{digits}f}"
        if self.decimal_comma:
            text = text.replace(",", NBSP).replace(".", ",")
        return text

    def percent(self, share: float, digits: int = 0, plain: bool = False) -> str:
        # Cut, not rounded: 74.96 % must not show as "75 %" beside "does not count" when
        # the rule is "at least 75 %". The epsilon keeps 0.29 * 100 from becoming 28.
        scale = 10**digits
        text = self.number(math.floor(share * 100 * scale + 1e-9) / scale, digits, False)
        if plain:
            return text
        return f"{text}{NBSP}%" if self.decimal_comma else f"{text}%"

    def day(self, value: dt.date) -> str:
        return format_with_weekday(value, self.language)

    def time(self, value: dt.time) -> str:
        return value.strftime("%H.%M" if self.decimal_comma else "%H:%M")

    def cell(self, value: Cell, column: Column, *, plain: bool = False) -> str:
        """A cell as text; ``plain`` for CSV: no grouping, no dash for a missing figure."""
        if value is None:
            return "" if plain else NO_VALUE
        # The two commonest cells first: a report can have 50 000 of them.
        if type(value) is str:
            return value
        if type(value) is int and column.kind is Kind.INT:
            return self.integer(value, grouping=not plain)
        if isinstance(value, Text | str):
            return self(value)
        if isinstance(value, dt.time):
            return self.time(value)
        if isinstance(value, dt.date):
            return self.day(value) if column.kind is Kind.DAY else format_date(value)
        if isinstance(value, bool):
            return str(value)
        if column.kind is Kind.PERCENT:
            return self.percent(value, column.digits, plain)
        if column.kind is Kind.NUMBER or isinstance(value, float):
            return self.number(value, column.digits, grouping=not plain)
        return self.integer(value, grouping=not plain)
