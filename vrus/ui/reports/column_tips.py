"""How each computed figure of a report is computed: the tooltip of its column heading.

The core names a column with a ``Text`` (its English source, translated where shown). The
columns whose values VRUS computes (a rate, a share, a figure per 1 000 residents, an average,
a count that follows a rule) are listed in ``EXPLANATIONS`` by that source, with one or two
sentences in the window's language on how the figure is made. A heading that the core
gives a year ("Inhabitants (2026)") is looked up by the label inside it. The same words may
mean different things in two tables ("Present" per member is days, per day persons), so an
entry may name its table's key; an entry without one applies wherever the words appear.

Every column of a fraction or an average (``Kind.NUMBER``, ``Kind.PERCENT``) is a computed
figure by nature: ``tests/ui/test_help.py`` builds every report and fails when such a column
has no explanation here, or when an entry here matches no report's column.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.reports.tables import Column, Table
from vrus.texts import Text

CONTEXT = "ReportColumns"
ANY_TABLE = ""
YEAR_SUFFIX = "{label} ({year})"  # vrus.reports.coverage_report._year_suffix

# (table key or ANY_TABLE, the core's source text of the heading) -> how it is computed.
EXPLANATIONS: dict[tuple[str, str], str] = {
    # Recruitment and coverage
    (ANY_TABLE, "Total"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Persons with a membership of any ensemble during the season, each counted once: a "
        "member who moved up counts in both ensembles' columns, but once here.",
    ),
    (ANY_TABLE, "Inhabitants"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Residents of the municipality on 1 January, from Statistics Norway (SSB): the "
        "season's year when there is a figure for it, otherwise the nearest year. The "
        "heading names the year when every row has the same one.",
    ),
    (ANY_TABLE, "Per 10 000 inhabitants"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Total ÷ inhabitants × 10 000: the municipality's members per 10 000 residents of "
        "all ages, so that large and small municipalities can be compared.",
    ),
    (ANY_TABLE, "{ensemble} per 1 000 aged {low}–{high}"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Members of {ensemble} from the municipality ÷ its residents aged {low}–{high} (the "
        "ensemble's age limits) × 1 000. Residents by age on 1 January, from Statistics "
        "Norway (Settings, Municipalities); empty where there are no such figures.",
    ),
    ("sections", "Persons"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Persons from the municipality in any ensemble during the season, each counted once; "
        "a member who plays in two sections counts in both section columns.",
    ),
    # Instrumentation
    (ANY_TABLE, "Missing"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Target − the orchestra's members who play the instrument on the report day (today, "
        "or the last day of a past season); 0 when the target is met. The targets are set "
        "in Settings, Instruments.",
    ),
    # Ages
    (ANY_TABLE, "Age in {season}"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The age the members turn in {season}, as the ensembles count it: the season's year "
        "minus the year of birth.",
    ),
    (ANY_TABLE, "Age"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The age the person turns in the season's year, as the ensembles count it.",
    ),
    (ANY_TABLE, "Youngest"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The lowest age among the ensemble's members on the report day; ages are those the "
        "members turn in the season's year.",
    ),
    (ANY_TABLE, "Oldest"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The highest age among the ensemble's members on the report day; ages are those the "
        "members turn in the season's year.",
    ),
    (ANY_TABLE, "Average age"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The sum of the members' ages ÷ the number of members, on the report day; ages are "
        "those the members turn in the season's year. Members without a birth date are "
        "left out.",
    ),
    # Attendance (and the annual report's seminars)
    (ANY_TABLE, "Invited days"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Counted days of the events the member was invited to. Invited: an active member of "
        "an invited ensemble on the event's first day. Counted: a day up to today on which "
        "anyone's attendance was recorded.",
    ),
    ("members", "Present"): QT_TRANSLATE_NOOP(
        "ReportColumns", "Invited days on which the member was recorded present."
    ),
    (ANY_TABLE, "Excused"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Invited days on which the member was recorded as excused; in the attendance they "
        "count as not present.",
    ),
    (ANY_TABLE, "Attendance"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Present days ÷ invited days. Absent, excused and nothing recorded all count as not "
        "present; extra days are not part of it.",
    ),
    (ANY_TABLE, "Extra days"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Days the member was present at an event they were not invited to; not part of the "
        "attendance.",
    ),
    (ANY_TABLE, "Days"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The event's counted days: its days up to today on which anyone's attendance was recorded.",
    ),
    (ANY_TABLE, "Invited"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Members invited to the event: the active members of its invited ensembles on its "
        "first day.",
    ),
    ("days", "Present"): QT_TRANSLATE_NOOP(
        "ReportColumns", "Everyone recorded present on the day, invited or not."
    ),
    (ANY_TABLE, "Of them invited"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Of those present, how many were invited; the others came to an event they were not "
        "invited to.",
    ),
    (ANY_TABLE, "Present (average per day)"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The persons present on each of the event's counted days, added up, ÷ the number of "
        "counted days (its days up to today with attendance recorded).",
    ),
    (ANY_TABLE, "Turnout of the invited"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Invited persons present ÷ persons invited, over the event's counted days together "
        "(per day: on that day). Those who came without being invited are left out.",
    ),
    (ANY_TABLE, "Persons present at least once"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Persons recorded present on at least one counted day of the season, each counted "
        "once, under their registered municipality (placed as in the coverage report).",
    ),
    # Annual report
    (ANY_TABLE, "New this season"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Memberships of the ensemble that began during the season; a member who moved up "
        "begins a new one in the next ensemble.",
    ),
    (ANY_TABLE, "Left"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Memberships of the ensemble that ended during the season, for any reason but moving up.",
    ),
    (ANY_TABLE, "Moved up"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Memberships of the ensemble that ended during the season because the member moved "
        "up to the next ensemble.",
    ),
    # Course grant
    (ANY_TABLE, "Hours"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "End time − start time of the day; the last row, the course hours, is the sum over "
        "its days. A day without both times leaves the course hours unknown.",
    ),
    (ANY_TABLE, "Hours attended"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "The hours of the course days on which the participant was recorded present.",
    ),
    (ANY_TABLE, "Share"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Hours attended ÷ the course hours. The course grant rules (Settings, Course "
        "grants) say how large a share a participant needs to count.",
    ),
    (ANY_TABLE, "Counts"): QT_TRANSLATE_NOOP(
        "ReportColumns",
        "Yes when the participant counts for the grant: old enough in the course year and "
        "present for a large enough share of the hours, by the rules named above the tables.",
    ),
}


def _heading_text(column: Column) -> Text | None:
    """The ``Text`` a column's heading is made from, inside a year added to it."""
    label = column.label
    while isinstance(label, Text) and label.source == YEAR_SUFFIX:
        label = label.params.get("label")
    return label if isinstance(label, Text) else None


def explanation_key(table: Table, column: Column) -> tuple[str, str] | None:
    """The entry of ``EXPLANATIONS`` that explains ``column``; None for a plain column."""
    text = _heading_text(column)
    if text is None:
        return None  # a name from the register (an ensemble, a season's year)
    for key in ((table.key, text.source), (ANY_TABLE, text.source)):
        if key in EXPLANATIONS:
            return key
    return None


def explanation(table: Table, column: Column) -> str | None:
    """How the figures of ``column`` are computed, in the window's language; None when the
    column is not a computed figure."""
    key = explanation_key(table, column)
    heading = _heading_text(column)
    if key is None or heading is None:
        return None
    return _filled(QCoreApplication.translate(CONTEXT, EXPLANATIONS[key]), heading.params)


def _filled(template: str, params: Mapping[str, Any]) -> str:
    """The heading's values ({ensemble}, {low}, {season}) in the explanation; a template
    whose translation lost a placeholder is shown as it is rather than not at all."""
    try:
        return template.format(**{name: str(value) for name, value in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def heading_tooltip(heading: str, explained: str | None) -> str:
    """The tooltip of a column heading: the whole heading, and under it how the figure is
    computed (rich text, so that the explanation wraps)."""
    if explained is None:
        return heading
    heading, explained = html.escape(heading, quote=False), html.escape(explained, quote=False)
    return f"<p><b>{heading}</b></p><p>{explained}</p>"
