"""The lunch sheet for the friends' association: one page per seminar day, to hang on the
kitchen wall.

Each page: how many eat and on what basis (forecast, from the sign-ups, or actual
attendance), the breakdown by group, the diets to cook for, the allergies with severe ones
first on a red band, and who of the parents is on duty with their phone numbers. It prints
the data-minimised view of ``vrus.lunch``: children by first name and ensemble only.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from vrus import audit
from vrus.dates import format_date, format_with_weekday
from vrus.db.enums import AuditAction, DutyTask
from vrus.lunch import Basis, LunchDay, LunchPlan, lunch_plan
from vrus.printing.fonts import BOLD
from vrus.printing.layout import (
    ALERT,
    HEADER_FILL,
    SEVERE_FILL,
    WARNING_SIGN,
    build_pdf,
    document_heading,
    fit_width,
    frame_width,
    labelled,
    list_table,
    para,
    rich,
)

DIETS_NB = {
    "vegetarian": "Vegetar",
    "vegan": "Vegan",
    "halal": "Halal",
    "no_pork": "Uten svinekjøtt",
    "lactose_free": "Laktosefri",
    "gluten_free": "Glutenfri",
    "other": "Annen diett",
}
SEVERITY_NB = {"severe": "ALVORLIG", "moderate": "Moderat", "mild": "Mild"}
TASKS_NB = {
    DutyTask.LUNCH.value: "Lunsj",
    DutyTask.COFFEE_FRUIT.value: "Kaffe og frukt",
    DutyTask.SETUP_CLEARING.value: "Rigging og rydding",
}
BASIS_NB = {
    Basis.FORECAST: "Prognose – påmeldingen er fortsatt åpen",
    Basis.SIGNED_UP: "Etter påmeldingen – påmeldingen er stengt",
    Basis.ACTUAL: "Faktisk – oppmøtet er registrert",
}


def _count_block(day: LunchDay) -> list[Flowable]:
    """The number, large, with the basis beside it, then the breakdown."""
    basis = BASIS_NB[day.basis]
    if day.unanswered:
        basis += f"; {day.unanswered} invitert har ikke svart"
    head = Table(
        [[para(f"{day.count.total} lunsjer", "big"), para(basis, "body")]],
        colWidths=[60 * mm, frame_width() - 60 * mm],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    count = day.count
    rows: list[list] = [[para("Gruppe", "head"), para("Antall", "head")]]
    rows += [[para(ensemble or "Uten ensemble"), str(n)] for ensemble, n in count.members]
    if count.unannounced:
        rows.append([para("Kom uten påmelding"), str(count.unannounced)])
    rows += [
        [para("Dirigent og instruktører"), str(count.staff)],
        [para("Foreldre på vakt"), str(count.volunteers)],
        [para("Totalt", "head"), str(count.total)],
    ]
    table = list_table(
        rows,
        [70 * mm, 22 * mm],
        zebra=False,
        extra=[
            ("ALIGN", (1, 1), (1, -1), "RIGHT"),
            ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
            ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL),
            ("FONT", (1, -1), (1, -1), BOLD, 10.5),
        ],
    )
    return [head, Spacer(1, 2 * mm), table]


def _diet_block(day: LunchDay) -> list[Flowable]:
    story: list[Flowable] = [para("Kosthold", "h3")]
    diets = [(DIETS_NB.get(diet, diet), n) for diet, n in day.diets if n]
    if diets:
        rows: list[list] = [[para("Diett", "head"), para("Antall", "head")]]
        rows += [[para(label), str(n)] for label, n in diets]
        story.append(
            list_table(
                rows, [70 * mm, 22 * mm], zebra=False, extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")]
            )
        )
    else:
        story.append(para("Ingen spesielle dietter blant dem som spiser.", "body"))
    if day.diet_notes:
        story.append(Spacer(1, 2 * mm))
        story += [
            rich(f"<b>{escape(n.name)}</b> ({escape(n.ensemble or '–')}): {escape(n.note)}", "body")
            for n in day.diet_notes
        ]
    return story


def _allergy_block(day: LunchDay) -> list[Flowable]:
    story: list[Flowable] = [para("Allergier", "h3")]
    if not day.allergies:
        return [*story, para("Ingen registrerte allergier blant dem som kommer.", "body")]
    rows: list[list] = [
        [para(h, "head") for h in ("Grad", "Navn", "Ensemble", "Allergi", "Merknad", "Lunsj")]
    ]
    extra: list[tuple] = [("ALIGN", (5, 1), (5, -1), "CENTER")]
    for number, allergy in enumerate(day.allergies, start=1):
        severity = SEVERITY_NB.get(allergy.severity, allergy.severity)
        if allergy.severe:
            severity = f"{WARNING_SIGN} {severity}"
            extra += [
                ("BACKGROUND", (0, number), (-1, number), SEVERE_FILL),
                ("TEXTCOLOR", (0, number), (0, number), ALERT),
            ]
        style = "head" if allergy.severe else "cell"
        rows.append(
            [
                para(severity, "alert_cell" if allergy.severe else "cell"),
                para(allergy.name, style),
                para(allergy.ensemble),
                para(allergy.allergen, style),
                para(allergy.note),
                "ja" if allergy.eats_lunch else "nei",
            ]
        )
    widths = [27 * mm, 28 * mm, fit_width(a.ensemble for a in day.allergies), 25 * mm]
    widths += [frame_width() - sum(widths) - 12 * mm, 12 * mm]
    return [*story, list_table(rows, widths, zebra=False, extra=extra)]


def _duty_block(day: LunchDay) -> list[Flowable]:
    story: list[Flowable] = [para("Foreldrevakter", "h3")]
    if not any(duty.task == DutyTask.LUNCH.value for duty in day.duties):
        story.append(para(f"{WARNING_SIGN} Ingen er satt opp på lunsjvakt denne dagen.", "alert"))
    if not day.duties:
        return story
    rows: list[list] = [[para(h, "head") for h in ("Oppgave", "Navn", "Telefon", "Barn")]]
    rows += [
        [
            para(TASKS_NB.get(d.task, d.task)),
            para(d.name),
            para(d.phone),
            para(", ".join(d.children)),
        ]
        for d in day.duties
    ]
    widths = [38 * mm, 55 * mm, 30 * mm]
    story.append(list_table(rows, widths + [frame_width() - sum(widths)], zebra=False))
    return story


def _day_story(day: LunchDay) -> list[Flowable]:
    title = para(format_with_weekday(day.date, "nb").capitalize(), "h2")
    return [
        KeepTogether([title, *_count_block(day)]),
        *_diet_block(day),
        *_allergy_block(day),
        *_duty_block(day),
    ]


def _facts(plan: LunchPlan) -> list[str]:
    lines = []
    if plan.venue:
        lines.append(labelled("Sted", plan.venue))
    if plan.ensembles:
        lines.append(labelled("Ensembler", ", ".join(plan.ensembles)))
    if plan.signup_deadline:
        lines.append(labelled("Påmeldingsfrist", format_date(plan.signup_deadline)))
    lines.append(
        escape(
            "Barn vises med fornavn og ensemble. Listen inneholder helseopplysninger "
            "(allergier): ikke heng den der andre enn kjøkkenet ser den, og kast "
            "den etter seminaret."
        )
    )
    return lines


def lunch_sheet_pdf(
    session: Session, event_id: int, *, today: dt.date | None = None, printed: dt.date | None = None
) -> bytes:
    """The lunch sheet of an event: a page per day.

    It holds health data, so the print is recorded in the audit trail in ``session``, with
    the persons whose allergies or diet notes it shows: make it in ``db.transaction()``, so
    the entry is saved with the work that wrote the file."""
    plan = lunch_plan(session, event_id, today)
    audit.record(
        session,
        AuditAction.PRINT,
        what=f"lunch sheet PDF, event {event_id}",
        person_ids=sorted(plan.health_person_ids),
    )
    story = document_heading("Lunsjliste for Venneforeningen", plan.title, _facts(plan))
    for number, day in enumerate(plan.days):
        story += ([PageBreak()] if number else []) + _day_story(day)
    if not plan.days:
        story.append(para("Arrangementet har ingen dager.", "body"))
    return build_pdf(story, title=f"Lunsjliste – {plan.title}", printed=printed)
