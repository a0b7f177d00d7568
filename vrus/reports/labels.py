"""Translatable names of the register's codes as the reports show them.

Written out one call per label: lupdate finds only literal ``translate("Core", "...")`` calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from vrus.db.enums import EndReason, EventKind, Gender, IrisType, Section
from vrus.texts import Text, translate

SECTIONS: dict[str, Text] = {
    Section.STRINGS.value: translate("Core", "Strings"),
    Section.WOODWIND.value: translate("Core", "Woodwind"),
    Section.BRASS.value: translate("Core", "Brass"),
    Section.PERCUSSION.value: translate("Core", "Percussion"),
    Section.OTHER.value: translate("Core", "Other instruments"),
}
NO_INSTRUMENT = translate("Core", "No instrument")
# Under a table whose marked (shaded) rows mean something: "Marked: nobody from ...".
MARKED_LABEL = translate("Core", "Marked: {what}")

END_REASONS: dict[str, Text] = {
    EndReason.AGED_OUT.value: translate("Core", "reached the age limit"),
    EndReason.TALENT_PROGRAMME.value: translate("Core", "talent programme"),
    EndReason.MOVED.value: translate("Core", "moved away"),
    EndReason.QUIT.value: translate("Core", "quit"),
    EndReason.MOVED_UP.value: translate("Core", "moved up"),
    EndReason.OTHER.value: translate("Core", "other reason"),
}
NO_REASON = translate("Core", "no reason recorded")

EVENT_KINDS: dict[str, Text] = {
    EventKind.SEMINAR.value: translate("Core", "Weekend seminar"),
    EventKind.IRIS.value: translate("Core", "IRIS activity"),
    EventKind.CONCERT.value: translate("Core", "Concert"),
    EventKind.REHEARSAL.value: translate("Core", "Rehearsal"),
    EventKind.MASTERCLASS.value: translate("Core", "Master class"),
}

IRIS_TYPES: dict[str, Text] = {
    IrisType.SUPERHELG.value: translate("Core", "super weekend"),
    IrisType.INSPIRASJONSKONSERT.value: translate("Core", "inspiration concert"),
    IrisType.SAMSPILLTREFF.value: translate("Core", "ensemble meeting"),
    IrisType.GRUPPEOVELSE.value: translate("Core", "group rehearsal"),
    IrisType.MESTERKLASSE.value: translate("Core", "master class"),
    IrisType.KONSERT.value: translate("Core", "concert"),
}

# The study associations' forms say K (kvinne) and M (mann).
GENDERS: dict[str, Text] = {
    Gender.FEMALE.value: translate("Core", "F"),
    Gender.MALE.value: translate("Core", "M"),
    Gender.OTHER.value: translate("Core", "other"),
}

# A part of a sentence: a text, a name, or a date (printed with its weekday).
Item = Text | str | dt.date

YES = translate("Core", "yes")
NO = translate("Core", "no")


def join(items: Sequence[Item]) -> Item:
    """ "a, b and c" in the reader's language, as nested texts (the window's translator and
    the reports' both fill nested texts in)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return translate("Core", "{first} and {last}").format(first=commas(items[:-1]), last=items[-1])


def commas(items: Sequence[Item]) -> Item:
    """ "a, b, c": details of one thing (a date, a venue, an audience)."""
    if not items:
        return ""
    head: Item = items[0]
    for item in items[1:]:
        head = translate("Core", "{first}, {second}").format(first=head, second=item)
    return head


def plural(n: int, one: Text, many: Text) -> Text:
    """``one`` for 1, else ``many`` with ``{n}`` filled in (both are whole phrases, so each
    language can say them its own way)."""
    return one if n == 1 else many.format(n=n)
