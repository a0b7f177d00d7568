"""``vrus lunch EVENT``: each day's lunch count with its breakdown, the diets, the allergies
and the parents on duty, as text or JSON.

What it prints is the friends' association's data-minimised view (``vrus.lunch``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, parse_event_id
from vrus.dates import format_date, format_with_weekday, weekday_name
from vrus.texts import translate
from vrus.validation import ValidationError

if TYPE_CHECKING:
    from vrus.db.engine import Database
    from vrus.duties import DutyEntry
    from vrus.lunch import LunchDay, LunchPlan

FORMATS = ("text", "json")
# Labels of the text report; lupdate reads them here (it cannot look inside f-strings).
LABELS = {
    "no_ensemble": translate("Core", "without ensemble"),
    "unannounced": translate("Core", "came without signing up"),
    "staff": translate("Core", "staff and instructors"),
    "volunteers": translate("Core", "parents on duty"),
    "diets": translate("Core", "diets"),
    "allergies": translate("Core", "allergies"),
    "no_lunch": translate("Core", "no lunch"),
    "on_duty": translate("Core", "on duty"),
    "warning": translate("Core", "warning"),
    "invited": translate("Core", "invited"),
    "deadline": translate("Core", "sign-up deadline"),
    "no_days": translate("Core", "The event has no days."),
}


# --- text ----------------------------------------------------------------------------------


def _breakdown(day: LunchDay) -> list[str]:
    count = day.count
    rows = [(ensemble or str(LABELS["no_ensemble"]), n) for ensemble, n in count.members]
    if count.unannounced:
        rows.append((str(LABELS["unannounced"]), count.unannounced))
    rows += [(str(LABELS["staff"]), count.staff), (str(LABELS["volunteers"]), count.volunteers)]
    return [f"    {label:<32} {n:>4}" for label, n in rows]


def _diet_lines(day: LunchDay) -> list[str]:
    from vrus.lunch import DIET_LABELS

    diets = [f"{DIET_LABELS[diet]} {n}" for diet, n in day.diets if n]
    lines = [f"  {LABELS['diets']}: {', '.join(diets) or '-'}"]
    lines += [f"    {note.name} ({note.ensemble or '-'}): {note.note}" for note in day.diet_notes]
    return lines


def _allergy_lines(day: LunchDay) -> list[str]:
    from vrus.lunch import SEVERITY_LABELS

    if not day.allergies:
        return [f"  {LABELS['allergies']}: -"]
    lines = [f"  {LABELS['allergies']}:"]
    for allergy in day.allergies:
        label = SEVERITY_LABELS.get(allergy.severity, allergy.severity)
        mark = f"!! {label}" if allergy.severe else str(label)
        note = f" - {allergy.note}" if allergy.note else ""
        lunch = "" if allergy.eats_lunch else f" ({LABELS['no_lunch']})"
        lines.append(
            f"    {mark:<9} {allergy.allergen}: {allergy.name} "
            f"({allergy.ensemble or '-'}){lunch}{note}"
        )
    return lines


def _duty_line(duty: DutyEntry) -> str:
    phone = f", {duty.phone}" if duty.phone else ""
    return f"    {str(duty.task_label):<20} {duty.name}{phone}"


def _day_block(day: LunchDay) -> list[str]:
    head = translate("Core", "{day}: {total} lunches ({basis})").format(
        day=format_with_weekday(day.date, "nb"), total=day.count.total, basis=day.basis_label
    )
    lines = [str(head), *_breakdown(day)]
    if day.unanswered:
        lines.append(
            "  " + str(translate("Core", "{n} invited have not answered").format(n=day.unanswered))
        )
    lines += _diet_lines(day) + _allergy_lines(day)
    lines.append(f"  {LABELS['on_duty']}:" + ("" if day.duties else " -"))
    lines += [_duty_line(duty) for duty in day.duties]
    lines += [f"  {LABELS['warning']}: {warning}" for warning in day.warnings]
    return lines


def _write_text(plan: LunchPlan, out: TextIO) -> None:
    venue = f", {plan.venue}" if plan.venue else ""
    out.write(f"#{plan.event_id} {plan.title}{venue}\n")
    if plan.ensembles:
        out.write(f"{LABELS['invited']}: {', '.join(plan.ensembles)}\n")
    if plan.signup_deadline:
        out.write(f"{LABELS['deadline']}: {format_date(plan.signup_deadline)}\n")
    if not plan.days:
        out.write(f"{LABELS['no_days']}\n")
    for day in plan.days:
        out.write("\n" + "\n".join(_day_block(day)) + "\n")


# --- json ----------------------------------------------------------------------------------


def _json_day(day: LunchDay) -> dict[str, Any]:
    count = day.count
    return {
        "day_id": day.day_id,
        "date": day.date.isoformat(),
        "weekday": weekday_name(day.date, "en"),
        "weekday_nb": weekday_name(day.date, "nb"),
        "basis": day.basis.value,
        "total": count.total,
        "members": [{"ensemble": e, "count": n} for e, n in count.members],
        "unannounced": count.unannounced,
        "staff": count.staff,
        "volunteers": count.volunteers,
        "unanswered": day.unanswered,
        "diets": dict(day.diets),
        "diet_notes": [
            {"name": n.name, "ensemble": n.ensemble, "note": n.note} for n in day.diet_notes
        ],
        "allergies": [
            {
                "name": a.name,
                "ensemble": a.ensemble,
                "allergen": a.allergen,
                "severity": a.severity,
                "severe": a.severe,
                "note": a.note,
                "eats_lunch": a.eats_lunch,
            }
            for a in day.allergies
        ],
        "duties": [
            {
                "task": d.task,
                "name": d.name,
                "phone": d.phone,
                "wants_lunch": d.wants_lunch,
                "children": list(d.children),
            }
            for d in day.duties
        ],
        "warnings": [str(w) for w in day.warnings],
    }


def plan_as_dict(plan: LunchPlan) -> dict[str, Any]:
    return {
        "event_id": plan.event_id,
        "title": plan.title,
        "venue": plan.venue,
        "ensembles": list(plan.ensembles),
        "signup_deadline": plan.signup_deadline.isoformat() if plan.signup_deadline else None,
        "days": [_json_day(day) for day in plan.days],
    }


# --- the command ---------------------------------------------------------------------------


def cmd_lunch(
    db: Database, *, event_id: int, fmt: str = "text", out: TextIO, today: dt.date | None = None
) -> ExitCode:
    """``vrus lunch EVENT``: the friends' association's view of one event."""
    from vrus import audit
    from vrus.db.enums import AuditAction
    from vrus.lunch import lunch_plan

    if fmt not in FORMATS:
        raise ValidationError("format", f"'{fmt}' is not a format: use {', '.join(FORMATS)}")
    with db.transaction() as session:
        plan = lunch_plan(session, event_id, today)
        # Allergies and diet notes leave the register: recorded like a printout of them.
        audit.record(
            session,
            AuditAction.EXPORT,
            what=f"lunch list ({fmt}), event {event_id}",
            person_ids=sorted(plan.health_person_ids),
        )
    if fmt == "json":
        json.dump(plan_as_dict(plan), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _write_text(plan, out)
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    """``vrus lunch EVENT [--format text|json]``."""
    lunch = subparsers.add_parser(
        "lunch", help="an event's lunch count per day, diets, allergies and parents on duty"
    )
    lunch.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    lunch.add_argument("--format", choices=FORMATS, default="text")
    lunch.set_defaults(handler=handler(cmd_lunch, event_id="event", fmt="format"))
