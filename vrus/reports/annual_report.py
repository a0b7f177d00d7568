"""The annual summary as a document: a paragraph per topic, then the tables behind them.

The prose is written in English source sentences and printed in the report's language
(Bokmål by default); every sentence is whole, so a translator never has to glue fragments.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from vrus.reports.annual import AnnualSummary, EnsembleYear
from vrus.reports.labels import END_REASONS, IRIS_TYPES, NO_REASON, commas, join, plural
from vrus.reports.tables import Column, Kind, Report, Table
from vrus.seasons import EventSummary
from vrus.texts import Text, translate

# --- prose ----------------------------------------------------------------------------------


def _ensemble_part(year: EnsembleYear) -> Text:
    ages = year.age_range
    if ages is None:
        return translate("Core", "{n} in {ensemble}").format(
            n=year.members, ensemble=year.ensemble.name
        )
    if ages[0] == ages[1]:
        return translate("Core", "{n} in {ensemble} (aged {age})").format(
            n=year.members, ensemble=year.ensemble.name, age=ages[0]
        )
    return translate("Core", "{n} in {ensemble} (aged {low}–{high})").format(
        n=year.members, ensemble=year.ensemble.name, low=ages[0], high=ages[1]
    )


def members_paragraph(summary: AnnualSummary) -> Text:
    parts = [_ensemble_part(y) for y in summary.ensembles if y.members]
    return translate(
        "Core", "In {season} Vestregionens Ungdomssymfonikere had {n} members: {parts}."
    ).format(season=str(summary.period.year), n=summary.members, parts=join(parts))


def _seminar_count(n: int) -> Text:
    return plural(
        n, translate("Core", "one weekend seminar"), translate("Core", "{n} weekend seminars")
    )


def seminars_paragraph(summary: AnnualSummary) -> Text:
    held, planned = summary.seminars, summary.planned("seminar")
    days = sum(len(e.days) for e in held)
    if held:
        text = translate("Core", "The orchestra held {seminars} ({days}).").format(
            seminars=_seminar_count(len(held)),
            days=plural(
                days,
                translate("Core", "one rehearsal day"),
                translate("Core", "{n} rehearsal days"),
            ),
        )
    else:
        text = translate("Core", "No weekend seminars have been held yet.")
    if planned:
        text = translate("Core", "{text} Planned for the rest of the season: {seminars}.").format(
            text=text, seminars=_seminar_count(len(planned))
        )
    return text


def _concert(event: EventSummary) -> Text:
    details: list[Text | str | dt.date] = [event.first_day]
    if event.venue:
        details.append(event.venue)
    if event.audience_count is not None:
        details.append(translate("Core", "an audience of {n}").format(n=event.audience_count))
    return translate("Core", "{title} ({details})").format(
        title=event.title, details=commas(details)
    )


def concerts_paragraph(summary: AnnualSummary) -> Text:
    concerts = summary.concerts
    if not concerts:
        return translate("Core", "No concerts have been held yet.")
    return translate("Core", "Concerts: {concerts}.").format(
        concerts=join([_concert(e) for e in concerts])
    )


def iris_paragraph(summary: AnnualSummary) -> Text | None:
    activities = summary.iris
    if not activities:
        return None
    items = [
        translate("Core", "{title} ({details})").format(
            title=e.title, details=commas([d.date for d in e.days])
        )
        for e in activities
    ]
    return translate("Core", "The IRIS project had {activities}: {items}.").format(
        activities=plural(
            len(activities), translate("Core", "one activity"), translate("Core", "{n} activities")
        ),
        items=join(items),
    )


def attendance_paragraph(summary: AnnualSummary) -> Text | None:
    turnout, rate = summary.attendance.average_turnout, summary.attendance.average_rate
    if turnout is None or rate is None:
        return None
    return translate(
        "Core",
        "On average {turnout} % of the invited members came on each "
        "day; each member came on {rate} % of the days they were invited "
        "to, on average.",
    ).format(turnout=round(turnout * 100), rate=round(rate * 100))


def _reason(reason: str | None) -> Text:
    return END_REASONS.get(reason, NO_REASON) if reason else NO_REASON


def departures_paragraph(summary: AnnualSummary) -> Text:
    left = summary.departures
    moved = sum(y.moved_up for y in summary.ensembles)
    if left:
        reasons = [
            translate("Core", "{reason}: {n}").format(reason=_reason(r), n=n)
            # Most first; equal counts by the reason's code, whatever order rows came in.
            for r, n in sorted(left.items(), key=lambda i: (-i[1], i[0] or ""))
        ]
        text = translate("Core", "{members} left during the season ({reasons}).").format(
            members=plural(
                sum(left.values()),
                translate("Core", "One member"),
                translate("Core", "{n} members"),
            ),
            reasons=commas(reasons),
        )
    else:
        text = translate("Core", "Nobody left during the season.")
    if moved:
        text = translate("Core", "{text} {members} moved up to the next ensemble.").format(
            text=text,
            members=plural(
                moved, translate("Core", "One member"), translate("Core", "{n} members")
            ),
        )
    return text


def paragraphs(summary: AnnualSummary) -> list[Text]:
    found = [
        members_paragraph(summary),
        seminars_paragraph(summary),
        concerts_paragraph(summary),
        iris_paragraph(summary),
        attendance_paragraph(summary),
        departures_paragraph(summary),
    ]
    return [p for p in found if p is not None]


# --- tables ---------------------------------------------------------------------------------


def _ensemble_table(summary: AnnualSummary) -> Table:
    columns = [
        Column(translate("Core", "Ensemble")),
        Column(translate("Core", "Members"), Kind.INT),
        Column(translate("Core", "Ages")),
        Column(translate("Core", "New this season"), Kind.INT),
        Column(translate("Core", "Left"), Kind.INT),
        Column(translate("Core", "Moved up"), Kind.INT),
    ]
    table = Table(
        translate("Core", "Members and ages per ensemble"),
        columns,
        key="ensembles",
        total_rows=1,
        sheet=translate("Core", "Ensembles"),
    )
    for year in summary.ensembles:
        ages = year.age_range
        table.add(
            [
                year.ensemble.name,
                year.members,
                f"{ages[0]}–{ages[1]}" if ages else None,
                year.joined,
                sum(year.left.values()),
                year.moved_up,
            ]
        )
    table.add(
        [
            translate("Core", "All ensembles"),
            summary.members,
            "",
            sum(y.joined for y in summary.ensembles),
            sum(sum(y.left.values()) for y in summary.ensembles),
            sum(y.moved_up for y in summary.ensembles),
        ]
    )
    table.notes.append(
        translate("Core", "A member who moved up counts in both ensembles and once among all.")
    )
    return table


def _turnout_by_event(summary: AnnualSummary) -> dict[int, tuple[float, float | None]]:
    """Event id -> (present per day on average, share of the invited who came)."""
    days = defaultdict(list)
    for day in summary.attendance.days:
        days[day.event_id].append(day)
    result = {}
    for event_id, found in days.items():
        invited = sum(d.invited for d in found)
        result[event_id] = (
            sum(d.present for d in found) / len(found),
            sum(d.present_invited for d in found) / invited if invited else None,
        )
    return result


def _seminar_table(summary: AnnualSummary) -> Table:
    columns = [
        Column(translate("Core", "Seminar")),
        Column(translate("Core", "Dates")),
        Column(translate("Core", "Venue")),
        Column(translate("Core", "Present (average per day)"), Kind.NUMBER, 1),
        Column(translate("Core", "Turnout of the invited"), Kind.PERCENT, 0),
    ]
    table = Table(
        translate("Core", "Weekend seminars held"),
        columns,
        key="seminars",
        sheet=translate("Core", "Seminars"),
    )
    turnout = _turnout_by_event(summary)
    for event in summary.seminars:
        present, share = turnout.get(event.id, (None, None))
        table.add([event.title, join([d.date for d in event.days]), event.venue, present, share])
    return table


def _concert_table(summary: AnnualSummary) -> Table:
    columns = [
        Column(translate("Core", "Concert")),
        Column(translate("Core", "Day"), Kind.DAY),
        Column(translate("Core", "Venue")),
        Column(translate("Core", "Audience"), Kind.INT),
    ]
    table = Table(translate("Core", "Concerts"), columns, key="concerts")
    for event in summary.concerts:
        table.add([event.title, event.first_day, event.venue, event.audience_count])
    return table


def _iris_table(summary: AnnualSummary) -> Table:
    columns = [
        Column(translate("Core", "Day"), Kind.DAY),
        Column(translate("Core", "Activity")),
        Column(translate("Core", "Kind")),
        Column(translate("Core", "Venue")),
    ]
    table = Table(
        translate("Core", "IRIS activities"), columns, key="iris", sheet=translate("Core", "IRIS")
    )
    for event in summary.iris:
        for day in event.days:
            table.add(
                [day.date, event.title, IRIS_TYPES.get(event.iris_type or "", None), event.venue]
            )
    return table


def _departure_table(summary: AnnualSummary) -> Table:
    columns = [
        Column(translate("Core", "Ensemble")),
        Column(translate("Core", "Reason")),
        Column(translate("Core", "Members"), Kind.INT),
    ]
    table = Table(
        translate("Core", "Members who left, and why"),
        columns,
        key="departures",
        sheet=translate("Core", "Left"),
    )
    for year in summary.ensembles:
        for reason, n in sorted(year.left.items(), key=lambda i: (-i[1], i[0] or "")):
            table.add([year.ensemble.name, _reason(reason), n])
        if year.moved_up:
            table.add([year.ensemble.name, END_REASONS["moved_up"], year.moved_up])
    return table


def annual_json(summary: AnnualSummary) -> dict[str, Any]:
    def event(e: EventSummary) -> dict[str, Any]:
        return {
            "id": e.id,
            "title": e.title,
            "kind": e.kind,
            "iris_type": e.iris_type,
            "venue": e.venue,
            "audience": e.audience_count,
            "days": [d.date.isoformat() for d in e.days],
        }

    return {
        "season": str(summary.period.year),
        "until": summary.until.isoformat(),
        "members": summary.members,
        "ensembles": [
            {
                "name": y.ensemble.name,
                "members": y.members,
                "ages": list(y.age_range) if y.age_range else None,
                "joined": y.joined,
                "left": {r or "unknown": n for r, n in y.left.items()},
                "moved_up": y.moved_up,
            }
            for y in summary.ensembles
        ],
        "seminars": [event(e) for e in summary.seminars],
        "seminars_planned": len(summary.planned("seminar")),
        "concerts": [event(e) for e in summary.concerts],
        "iris": [event(e) for e in summary.iris],
        "attendance": {
            "average_turnout": summary.attendance.average_turnout,
            "average_rate": summary.attendance.average_rate,
        },
        "paragraphs": paragraphs(summary),
    }  # Text: written in the report's language


def annual_report(summary: AnnualSummary) -> Report:
    return Report(
        kind="annual",
        kicker=translate("Core", "For the annual report"),
        title=translate("Core", "Vestregionens Ungdomssymfonikere in {season}").format(
            season=str(summary.period.year)
        ),
        lines=[translate("Core", "Up to {day}.").format(day=summary.until)],
        paragraphs=[*paragraphs(summary)],  # a list of Label: a list of Text is not one
        tables=[
            _ensemble_table(summary),
            _seminar_table(summary),
            _concert_table(summary),
            _iris_table(summary),
            _departure_table(summary),
        ],
        data=annual_json(summary),
        file_label=str(summary.period.year),
    )
