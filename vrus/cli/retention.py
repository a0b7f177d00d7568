"""``vrus retention [--format text|json] [--apply] [--yes]``: what the retention rule says is
due, and doing it (``vrus.retention``).

Without ``--apply`` it lists and changes nothing. With ``--apply`` it lists, then asks
"Apply? [y/N]" on a terminal (``--yes`` skips the question; the answer is read from standard
input, the question goes to standard error so that JSON on standard output stays clean) and
applies; with no terminal it applies without asking, so it can run from a scheduled job.
Answering no changes nothing and exits 0.

The JSON (``--format json``), one object, keys stable for scripts::

    {
      "today": "2026-12-02",                      # the day the rule was applied to (ISO)
      "rule": {"contact_months": 3, "course_years": 5},
      "due": [                                    # by step (contact first), then name
        {
          "id": 51,                               # the person's id
          "name": "Solveig Aas",
          "step": "contact",                      # "contact" (step 1) or "erase" (step 2)
          "due_since": "2023-09-30",              # ISO date the step became due
          "left_on": "2023-06-30",                # the last membership end or attendance
          "last_course_year": 2023,
          "erase_from": "2029-01-01"              # when step 2 is (or will be) due
        }
      ],
      "audit_entries_expired": 4,                 # audit entries past their keeping period
      "applied": null                             # without --apply, or when declined; else
                                                  # {"contact_removed": [ids], "erased": [ids],
                                                  #  "audit_entries_deleted": 4}
    }
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, question_on_terminal
from vrus.dates import format_date
from vrus.errors import VrusError
from vrus.texts import translate

if TYPE_CHECKING:
    from vrus.db.engine import Database
    from vrus.retention import DuePerson, RetentionPlan, RetentionResult

FORMATS = ("text", "json")
# A question put to the user on the terminal; None when there is no terminal.
Ask = Callable[[str], bool]


def _write(out: TextIO, line: object = "") -> None:
    out.write(f"{line}\n")


# --- text ----------------------------------------------------------------------------------


def _rule_line(plan: RetentionPlan) -> str:
    return str(
        translate(
            "Core",
            "Rule: contact and health data go {months} months after a member left; the rest "
            "after 31.12 of the last course year + {years} years.",
        ).format(months=plan.rule.contact_months, years=plan.rule.course_years)
    )


def _table(persons: list[DuePerson], with_erase_from: bool) -> list[str]:
    headers = [
        str(translate("Core", "Id")),
        str(translate("Core", "Name")),
        str(translate("Core", "Left")),
        str(translate("Core", "Due since")),
    ]
    if with_erase_from:
        headers.append(str(translate("Core", "Erase from")))
    rows = []
    for person in persons:
        row = [
            str(person.person_id),
            person.name,
            format_date(person.left_on),
            format_date(person.due_since),
        ]
        if with_erase_from:
            row.append(format_date(person.erase_from))
        rows.append(row)
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        first = cells[0].rjust(widths[0])
        rest = [cell.ljust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  " + "  ".join([first, *rest]).rstrip()

    return [line(headers), *(line(r) for r in rows)]


def plan_lines(plan: RetentionPlan) -> list[str]:
    from vrus.retention import Step

    lines = [_rule_line(plan)]
    audit = translate("Core", "Audit entries past their keeping period: {count}").format(
        count=plan.audit_expired
    )
    if not plan.persons:
        lines.append(
            str(translate("Core", "Nothing is due on {date}.").format(date=format_date(plan.today)))
        )
        return [*lines, str(audit)]
    lines.append(str(translate("Core", "Due on {date}:").format(date=format_date(plan.today))))
    contact, erase = plan.of(Step.CONTACT), plan.of(Step.ERASE)
    if contact:
        lines += [
            "",
            str(
                translate(
                    "Core",
                    "Step 1, remove contact and health data and guardians ({count}); "
                    "name, birth date and attendance stay for course grant reports:",
                ).format(count=len(contact))
            ),
            *_table(contact, with_erase_from=True),
        ]
    if erase:
        lines += [
            "",
            str(
                translate(
                    "Core",
                    "Step 2, erase ({count}); gender, birth year, municipality, ensemble, "
                    "section and seasons stay for statistics:",
                ).format(count=len(erase))
            ),
            *_table(erase, with_erase_from=False),
        ]
    return [*lines, "", str(audit)]


NOTHING_CHANGED = translate("Core", "Nothing was changed.")


def result_line(result: RetentionResult) -> str:
    if result.nothing:
        return str(NOTHING_CHANGED)
    return str(
        translate(
            "Core",
            "Removed the contact and health data of {contact} person(s); erased {erased} "
            "person(s); deleted {audit} audit entries.",
        ).format(
            contact=len(result.contact_removed),
            erased=len(result.erased),
            audit=result.audit_deleted,
        )
    )


# --- JSON ----------------------------------------------------------------------------------


def _person_json(person: DuePerson) -> dict[str, Any]:
    return {
        "id": person.person_id,
        "name": person.name,
        "step": person.step.value,
        "due_since": person.due_since.isoformat(),
        "left_on": person.left_on.isoformat(),
        "last_course_year": person.last_year,
        "erase_from": person.erase_from.isoformat(),
    }


def plan_json(plan: RetentionPlan, result: RetentionResult | None = None) -> dict[str, Any]:
    return {
        "today": plan.today.isoformat(),
        "rule": {
            "contact_months": plan.rule.contact_months,
            "course_years": plan.rule.course_years,
        },
        "due": [_person_json(p) for p in plan.persons],
        "audit_entries_expired": plan.audit_expired,
        "applied": None
        if result is None
        else {
            "contact_removed": result.contact_removed,
            "erased": result.erased,
            "audit_entries_deleted": result.audit_deleted,
        },
    }


# --- the command ---------------------------------------------------------------------------


def cmd_retention(
    db: Database,
    *,
    fmt: str = "text",
    apply: bool = False,
    yes: bool = False,
    ask: Ask | None = None,
    out: TextIO,
    today: dt.date | None = None,
) -> ExitCode:
    """List what is due; with ``apply``, do it, after ``ask`` says yes (``ask`` is None
    when there is no terminal: then, as with ``yes``, nothing is asked)."""
    from vrus.retention import apply as apply_plan
    from vrus.retention import due

    if yes and not apply:
        raise VrusError(translate("Core", "--yes goes with --apply"))
    with db.sessions() as session:
        plan = due(session, today)
    if fmt == "text":
        for line in plan_lines(plan):
            _write(out, line)
    result = None
    if apply and not plan.empty:
        question = str(translate("Core", "Apply? [y/N] "))
        if yes or ask is None or ask(question):
            result = apply_plan(db, plan)
        if fmt == "text":
            _write(out, result_line(result) if result is not None else NOTHING_CHANGED)
    if fmt == "json":
        json.dump(plan_json(plan, result), out, ensure_ascii=False, indent=2)
        _write(out)
    return ExitCode.OK


def _handle(db: Database, args: argparse.Namespace) -> int:
    return cmd_retention(
        db,
        fmt=args.format,
        apply=args.apply,
        yes=args.yes,
        ask=question_on_terminal(),
        out=sys.stdout,
    )


def add_commands(subparsers: Any) -> None:
    """``vrus retention [--format text|json] [--apply] [--yes]``."""
    retention = subparsers.add_parser(
        "retention",
        help="list whose personal data the retention rule says is due to go; --apply does it",
        description="Contact and health data of a member who left go some months after the "
        "membership ended (step 1); the rest, except coarse statistics, some years after the "
        "last course year (step 2); audit entries past their keeping period go too. The rule "
        "is set in the window's Settings. A member whose membership has no end date is never "
        "due.",
    )
    retention.add_argument(
        "--format", choices=FORMATS, default="text", help="text (default) or json"
    )
    retention.add_argument(
        "--apply",
        action="store_true",
        help="do what is due (asks first on a terminal; without a terminal it does not ask)",
    )
    retention.add_argument(
        "--yes", action="store_true", help="with --apply: do not ask on a terminal either"
    )
    retention.set_defaults(handler=_handle)
