"""``vrus persons find|export|erase``: find persons by name, answer an access request,
erase a person.

``find`` lists current and former members, archived ones too (never erased ones), with the
ids the other actions take; ``--format json`` gives scripts a list of objects with the keys
``id``, ``first_name``, ``last_name``, ``birth_date`` (ISO or null) and ``ensembles`` (the
current memberships' ensembles, else the last one's), and ``[]`` when nothing matches.

``export ID -o FILE.json|FILE.pdf`` writes everything the register holds about one person
(GDPR art. 15; ``vrus.access_export`` describes the JSON), owner-only, and records the
export in the audit trail.

``erase ID [--yes]`` erases a person for good (``vrus.erasure``): on a terminal it asks
first, ``--yes`` skips the question, and without a terminal and without ``--yes`` it refuses
(a script must say it means it). An erased person is reported as such, not erased twice.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import LARGEST_ID, ExitCode, handler, question_on_terminal
from vrus.dates import format_date
from vrus.errors import VrusError
from vrus.texts import translate
from vrus.validation import ValidationError

if TYPE_CHECKING:
    from vrus.db.engine import Database
    from vrus.person_search import FoundPerson

FORMATS = ("text", "json")
LANGUAGES = ("nb", "en")  # as vrus.reports.language, without loading it for the parser
NAME_WIDTH = 40  # longer names run over the column rather than being cut


def parse_person_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a person id (a whole number)")
    if int(text) > LARGEST_ID:
        raise argparse.ArgumentTypeError(f"person {text} is not in the register")
    return int(text)


# --- find ----------------------------------------------------------------------------------


def _json_person(person: FoundPerson) -> dict[str, Any]:
    return {
        "id": person.id,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "ensembles": list(person.ensembles),
    }


def _ensembles_text(person: FoundPerson) -> str:
    names = ", ".join(person.ensembles)
    if names and not person.current:
        names = str(translate("Core", "{ensembles} (former)").format(ensembles=names))
    if person.archived:
        archived = translate("Core", "archived")
        names = f"{names} [{archived}]".lstrip()
    return names


def _write_text(found: list[FoundPerson], text: str, out: TextIO) -> None:
    if not found:
        out.write(
            str(translate("Core", "No one in the register matches '{text}'.").format(text=text))
        )
        out.write("\n")
        return
    id_width = max(len(str(p.id)) for p in found)
    name_width = min(NAME_WIDTH, max(len(f"{p.last_name}, {p.first_name}") for p in found))
    for person in found:
        name = f"{person.last_name}, {person.first_name}"
        born = format_date(person.birth_date) if person.birth_date else "-"
        line = (
            f"{person.id:>{id_width}}  {name:<{name_width}}  {born:<10}  {_ensembles_text(person)}"
        )
        out.write(line.rstrip() + "\n")


def cmd_persons_find(db: Database, *, text: str, fmt: str = "text", out: TextIO) -> ExitCode:
    """``vrus persons find TEXT [--format text|json]``."""
    from vrus.person_search import find_persons

    if fmt not in FORMATS:
        raise ValidationError("format", f"'{fmt}' is not a format: use {', '.join(FORMATS)}")
    with db.sessions() as session:
        found = find_persons(session, text)
    if fmt == "json":
        json.dump([_json_person(p) for p in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _write_text(found, text, out)
    return ExitCode.OK


# --- export --------------------------------------------------------------------------------


def cmd_persons_export(
    db: Database, *, person_id: int, output: str | Path, language: str = "nb", out: TextIO
) -> ExitCode:
    """``vrus persons export ID -o FILE.json|FILE.pdf``: prints where the file went."""
    from vrus.access_export import export_access

    path = export_access(db, person_id, output, language=language).resolve()
    out.write(str(translate("Core", "Wrote {path}").format(path=path)) + "\n")
    return ExitCode.OK


# --- erase ---------------------------------------------------------------------------------


def _erase_question(db: Database, person_id: int) -> str | None:
    """The question to ask before erasing; None when the person was erased before."""
    from vrus.db.models import Person
    from vrus.errors import not_in_register

    with db.sessions() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise not_in_register("person", person_id)
        if person.erased_at is not None:
            return None
        born = format_date(person.birth_date) if person.birth_date else "-"
        return str(
            translate(
                "Core",
                "Erase {name} (born {born}, id {id}) for good? Names, contact details, health "
                "data, notes and exact dates go; only coarse statistics stay. This cannot be "
                "undone. [y/N] ",
            ).format(name=person.full_name, born=born, id=person_id)
        )


def cmd_persons_erase(
    db: Database,
    *,
    person_id: int,
    yes: bool = False,
    ask: Callable[[str], bool] | None = None,
    out: TextIO,
) -> ExitCode:
    """``vrus persons erase ID [--yes]``; ``ask`` is None when there is no terminal."""
    from vrus.erasure import erase_persons

    question = _erase_question(db, person_id)
    if question is None:
        out.write(
            str(translate("Core", "Person {id} was erased before.").format(id=person_id)) + "\n"
        )
        return ExitCode.OK
    if not yes:
        if ask is None:
            raise VrusError(
                translate(
                    "Core",
                    "erasing cannot be undone: add --yes to erase without a question "
                    "(there is no terminal to ask on)",
                )
            )
        if not ask(question):
            out.write(str(translate("Core", "Nothing was erased.")) + "\n")
            return ExitCode.OK
    erase_persons(db, [person_id])
    out.write(
        str(
            translate(
                "Core",
                "Erased person {id}. Restoring an older backup erases the person again.",
            ).format(id=person_id)
        )
        + "\n"
    )
    return ExitCode.OK


def _handle_erase(db: Database, args: argparse.Namespace) -> int:
    return cmd_persons_erase(
        db, person_id=args.person, yes=args.yes, ask=question_on_terminal(), out=sys.stdout
    )


# --- argparse ------------------------------------------------------------------------------


def add_commands(subparsers: Any) -> None:
    """``vrus persons find|export|erase``."""
    persons = subparsers.add_parser(
        "persons", help="persons in the register: find by name, export for an access request"
    )
    actions = persons.add_subparsers(dest="persons_command", metavar="ACTION", required=True)

    find = actions.add_parser(
        "find", help="current and former members by first or last name, with their ids"
    )
    find.add_argument(
        "text", metavar="TEXT", help="the start of the names (any case, accents optional)"
    )
    find.add_argument("--format", choices=FORMATS, default="text")
    find.set_defaults(handler=handler(cmd_persons_find, text="text", fmt="format"))

    export = actions.add_parser(
        "export",
        help="everything the register holds about one person (access request, GDPR art. 15)",
    )
    export.add_argument("person", type=parse_person_id, metavar="ID", help="the person's id")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write: .json for machines, .pdf to read (owner-only)",
    )
    export.add_argument(
        "--language",
        choices=LANGUAGES,
        default="nb",
        help="the PDF's language: nb (Norwegian Bokmål, the default) or en",
    )
    export.set_defaults(
        handler=handler(
            cmd_persons_export, person_id="person", output="output", language="language"
        )
    )

    erase = actions.add_parser(
        "erase",
        help="erase a person for good (GDPR art. 17): asks first on a terminal",
    )
    erase.add_argument("person", type=parse_person_id, metavar="ID", help="the person's id")
    erase.add_argument(
        "--yes", action="store_true", help="erase without asking (needed without a terminal)"
    )
    erase.set_defaults(handler=_handle_erase)
