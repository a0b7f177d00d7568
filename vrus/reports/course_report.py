"""The course grant report as a document: the verdict in one line, the rules applied, the
course days with their hours, and the participant list the study associations ask for
(name, birth year, gender, postal code, hours attended, counts or not and why)."""

from __future__ import annotations

from typing import Any

from vrus.dates import format_date
from vrus.reports.course import CourseResult, hours
from vrus.reports.course_rules import Source
from vrus.reports.labels import GENDERS, NO, YES, commas, join
from vrus.reports.tables import Column, Kind, Report, Table
from vrus.texts import Text, translate

SIGNATURE = translate(
    "Core", "Signature of the course leader: ______________________________   Date: ______________"
)


RULE_LABELS = {
    "min_age": translate("Core", "the age"),
    "min_attendance_percent": translate("Core", "the attendance"),
    "min_hours": translate("Core", "the course hours"),
    "min_participants": translate("Core", "the participants"),
}
SOURCE_LABELS = {
    Source.ALL_YEARS: translate("Core", "set in the register"),
    Source.HISTORY: translate("Core", "as the rules were in {year}"),
    Source.YEAR: translate("Core", "set for {year}"),
}


def verdict(result: CourseResult) -> Text:
    minutes = result.minutes  # known when it qualifies: unknown hours are a problem
    if result.qualifies and minutes is not None:
        return translate(
            "Core", "The course qualifies for a grant: {hours} hours, {n} participants count."
        ).format(hours=hours(minutes), n=len(result.counting))
    return translate("Core", "The course does not qualify: {reasons}.").format(
        reasons=join(result.problems)
    )


def rules_line(result: CourseResult) -> Text:
    rules = result.applied.rules
    line = translate(
        "Core",
        "Rules for {year}: participants turn at least {age} in the "
        "course year and attend at least {percent} % of the hours; the "
        "course has at least {hours} hours and {n} participants who "
        "count.",
    ).format(
        year=str(result.year),
        age=rules.min_age,
        percent=rules.min_attendance_percent,
        hours=hours(rules.min_minutes),
        n=rules.min_participants,
    )
    changed = [
        translate("Core", "{rule} ({source})").format(
            rule=RULE_LABELS[name], source=SOURCE_LABELS[source].format(year=str(result.year))
        )
        for name, source in result.applied.sources.items()
        if source is not Source.DEFAULT
    ]
    if changed:
        line = translate("Core", "{line} Not today's defaults: {rules}.").format(
            line=line, rules=join(changed)
        )
    removed = result.applied.removed
    if removed:
        # Set aside in the Settings: said, so nobody takes the figures for that year's rules.
        line = translate(
            "Core",
            "{line} The built-in rule for {year} ({rules}) is removed in the register: "
            "the rule for all years applies.",
        ).format(line=line, year=str(result.year), rules=join([RULE_LABELS[n] for n in removed]))
    return line


def _day_table(result: CourseResult) -> Table:
    columns = [
        Column(translate("Core", "Day"), Kind.DAY),
        Column(translate("Core", "Event")),
        Column(translate("Core", "From"), Kind.TIME),
        Column(translate("Core", "To"), Kind.TIME),
        Column(translate("Core", "Hours"), Kind.NUMBER, 2),
    ]
    table = Table(
        translate("Core", "Course days"),
        columns,
        key="days",
        total_rows=1,
        mark_note=translate("Core", "no start or end time"),
    )
    for day in result.days:
        table.add(
            [
                day.date,
                day.title,
                day.start,
                day.end,
                day.minutes / 60 if day.minutes is not None else None,
            ],
            marked=day.minutes is None,
        )
    total = result.minutes
    table.add(
        [translate("Core", "Course hours"), "", "", "", total / 60 if total is not None else None]
    )
    return table


def _participant_table(result: CourseResult) -> Table:
    columns = [
        Column(translate("Core", "No."), Kind.INT),
        Column(translate("Core", "Name"), wrap=False),
        Column(translate("Core", "Born"), Kind.INT),
        Column(translate("Core", "Gender")),
        Column(translate("Core", "Postal code")),
        Column(translate("Core", "Hours attended"), Kind.NUMBER, 2),
        Column(translate("Core", "Share"), Kind.PERCENT, 1),
        Column(translate("Core", "Counts")),
        Column(translate("Core", "Why not")),
    ]
    first, last = result.days[0].date, result.days[-1].date
    # On a page of its own, with the course named: the list the study association asks for.
    table = Table(
        translate("Core", "Participants: {titles}, {first}–{last}").format(
            titles=join([title for _, title in result.events]),
            first=format_date(first),
            last=format_date(last),
        ),
        columns,
        key="participants",
        new_page=True,
        sheet=translate("Core", "Participants"),
        mark_note=translate("Core", "does not count for the grant"),
    )
    for number, p in enumerate(result.participants, start=1):
        table.add(
            [
                number,
                f"{p.last_name}, {p.first_name}",
                p.birth_year,
                GENDERS.get(p.gender or "", None),
                p.postal_code,
                p.minutes / 60,
                result.share(p),
                YES if p.counts else NO,
                commas(p.reasons),
            ],
            marked=not p.counts,
        )
    table.notes += [
        translate("Core", "{n} of {total} participants count.").format(
            n=len(result.counting), total=len(result.participants)
        ),
        SIGNATURE,
    ]
    return table


def course_json(result: CourseResult) -> dict[str, Any]:
    rules = result.applied.rules
    return {
        "events": [{"id": eid, "title": title} for eid, title in result.events],
        "year": result.year,
        "qualifies": result.qualifies,
        "problems": result.problems,
        "warnings": result.warnings,
        "hours": result.minutes / 60 if result.minutes is not None else None,
        "rules": {
            "min_age": rules.min_age,
            "min_attendance_percent": rules.min_attendance_percent,
            "min_hours": float(rules.min_hours),
            "min_participants": rules.min_participants,
            "sources": {k: v.value for k, v in result.applied.sources.items()},
            "built_in_removed": list(result.applied.removed),
        },
        "days": [
            {
                "date": d.date.isoformat(),
                "event_id": d.event_id,
                "start": d.start.isoformat(timespec="minutes") if d.start else None,
                "end": d.end.isoformat(timespec="minutes") if d.end else None,
                "hours": d.minutes / 60 if d.minutes is not None else None,
            }
            for d in result.days
        ],
        "participants": [
            {
                "person_id": p.person_id,
                "first_name": p.first_name,
                "last_name": p.last_name,
                "birth_year": p.birth_year,
                "gender": p.gender,
                "postal_code": p.postal_code,
                "hours": p.minutes / 60,
                "counts": p.counts,
                "why_not": p.reasons,
            }
            for p in result.participants
        ],
    }


def course_report(result: CourseResult) -> Report:
    titles = [title for _, title in result.events]
    lines: list[Text | str] = [rules_line(result)]
    lines += [translate("Core", "Check: {warning}.").format(warning=w) for w in result.warnings]
    return Report(
        kind="course",
        kicker=translate("Core", "Course grant report (adult education)"),
        title=translate("Core", "Course: {titles}").format(titles=join(titles)),
        headline=verdict(result),
        alert=not result.qualifies,
        lines=lines,
        tables=[_day_table(result), _participant_table(result)],
        data=course_json(result),
        file_label=f"{titles[0]} {result.days[0].date.isoformat()}",
    )
