"""The friends' association's duty roster for a season, in landscape.

First the days: a row per seminar day with the parents on lunch, on coffee and fruit, and on
set-up and clearing, each with a phone number; a seminar day with nobody on lunch says so in
red. Then the fairness table: duties per family over the season, fewest first, so the next
ones to ask stand at the top.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak
from sqlalchemy.orm import Session

from vrus.dates import format_with_weekday
from vrus.db.enums import DutyTask
from vrus.duties import DutyEntry, FamilyDuties, RosterDay, SeasonRoster, season_roster
from vrus.printing.layout import (
    WARNING_SIGN,
    build_pdf,
    document_heading,
    frame_width,
    list_table,
    para,
    rich,
)

TASKS = (DutyTask.LUNCH.value, DutyTask.COFFEE_FRUIT.value, DutyTask.SETUP_CLEARING.value)
TASK_HEADINGS = ("Lunsj", "Kaffe og frukt", "Rigging og rydding")
NONE_YET = colors.HexColor("#FFF4CC")  # families without a duty


def _people(duties: list[DutyEntry]) -> Flowable:
    lines = [
        f"{escape(d.name)}  <b>{escape(d.phone)}</b>" if d.phone else escape(d.name) for d in duties
    ]
    return rich("<br/>".join(lines))


def _day_row(day: RosterDay) -> list:
    cells: list = [para(format_with_weekday(day.date, "nb")), para(day.event_title)]
    for task in TASKS:
        duties = day.on(task)
        if not duties and task == DutyTask.LUNCH.value and day.is_seminar:
            cells.append(para(f"{WARNING_SIGN} Ingen på lunsjvakt", "alert_cell"))
        else:
            cells.append(_people(duties))
    return cells


def _days_table(roster: SeasonRoster) -> Flowable:
    head = [para(h, "head") for h in ("Dato", "Seminar", *TASK_HEADINGS)]
    fixed = [40 * mm, 38 * mm]
    task = (frame_width(True) - sum(fixed)) / len(TASKS)
    return list_table([head] + [_day_row(day) for day in roster.days], fixed + [task] * len(TASKS))


def _family_row(family: FamilyDuties) -> list:
    guardians = "<br/>".join(
        f"{escape(g.name)}  <b>{escape(g.phone)}</b>" if g.phone else escape(g.name)
        for g in family.guardians
    )
    counts = [str(family.by_task.get(task, 0) or "") for task in TASKS]
    return [rich(guardians), para(", ".join(family.children)), *counts, str(family.duties)]


def _family_table(roster: SeasonRoster) -> Flowable:
    head = [para(h, "head") for h in ("Foresatte", "Barn", *TASK_HEADINGS, "Totalt")]
    rows = [head] + [_family_row(f) for f in roster.families]
    counts = 24 * mm
    widths = [95 * mm, frame_width(True) - 95 * mm - 4 * counts] + [counts] * 4
    none = [
        ("BACKGROUND", (0, n), (-1, n), NONE_YET)
        for n, family in enumerate(roster.families, start=1)
        if family.duties == 0
    ]
    return list_table(
        rows, widths, zebra=False, extra=[("ALIGN", (2, 1), (-1, -1), "CENTER"), *none]
    )


def _summary(roster: SeasonRoster) -> list[str]:
    duties = sum(f.duties for f in roster.families)
    share = f"{roster.fair_share:.1f}".replace(".", ",")
    lines = [
        escape(
            f"{len(roster.days)} dager, {duties} vakter, {len(roster.families)} "
            f"familier: i snitt {share} vakter per familie. "
            f"{len(roster.families_without_duty)} familier har ingen vakt ennå."
        )
    ]
    if roster.warnings:
        days = ", ".join(
            f"{format_with_weekday(w.date, 'nb')} ({w.event_title})" for w in roster.warnings
        )
        lines.append(
            f'<font color="#B00020"><b>{WARNING_SIGN} Ingen på lunsjvakt:</b> {escape(days)}</font>'
        )
    return lines


def duty_roster_pdf(session: Session, season_year: int, *, printed: dt.date | None = None) -> bytes:
    """The season's duty roster and each family's share of it."""
    roster = season_roster(session, season_year)
    story = document_heading(
        "Vaktliste for Venneforeningen", f"Sesongen {season_year}", _summary(roster)
    )
    if roster.days:
        story.append(_days_table(roster))
    else:
        story.append(para("Ingen seminardager i sesongen.", "body"))
    if roster.families:
        story += [
            PageBreak(),
            para("Vakter per familie", "h2"),
            para("Familiene med færrest vakter står øverst; gult: ingen vakt ennå.", "small"),
            _family_table(roster),
        ]
    return build_pdf(story, title=f"Vaktliste {season_year}", wide=True, printed=printed)
