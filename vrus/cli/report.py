"""``vrus report coverage|instrumentation|ages|attendance|annual|course``.

Text, CSV and JSON go to the terminal unless ``-o FILE`` is given; PDF and XLSX always go to
a file, by default under a descriptive name in the current folder ("rekruttering-2026.pdf"),
and the command says where. Files are written as every private file is
(``vrus.private_files``: readable by their owner only, as several reports list children by
name), and an ``-o`` that cannot be written is refused before the report is made. The
language (``--language``, Bokmål by default) decides the labels, the prose and the number
format; JSON keys stay English for scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, Handler, parse_event_id
from vrus.private_files import check_target, write_private_file
from vrus.reports import build_report
from vrus.reports.language import DEFAULT_LANGUAGE, LANGUAGES, Translator
from vrus.reports.output import BINARY, EXTENSIONS, FORMATS, default_filename, render
from vrus.texts import translate
from vrus.validation import ValidationError

if TYPE_CHECKING:
    from vrus.db.engine import Database

SEASON_REPORTS = {
    "coverage": "members per municipality: is every municipality represented?",
    "instrumentation": "members per instrument against the target, gaps first",
    "ages": "age distribution per ensemble, who ages out, who may move up",
    "attendance": "attendance per member, per event and per day",
    "annual": "the season in prose and tables for the annual report",
}
# Where counting under today's municipalities means something.
TODAY_TERMS = ("coverage", "attendance")


def cmd_report(
    db: Database,
    kind: str,
    *,
    out: TextIO,
    season: int | None = None,
    today_terms: bool = False,
    event_ids: Sequence[int] = (),
    fmt: str | None = None,
    output: str | Path | None = None,
    language: str = DEFAULT_LANGUAGE,
    today: dt.date | None = None,
    folder: Path | None = None,
) -> ExitCode:
    """``vrus report KIND``: build the report and write it to ``output``, to ``out``, or
    (PDF, XLSX) to a file named after it in ``folder`` (default: the current folder). The
    format is ``fmt``, else the one ``output``'s ending names, else text."""
    fmt = output_format(fmt, output)
    if output:
        check_target(output)
    from vrus.server.roles import Role, role_of

    tr = Translator(language)
    # The reader role (the steering group, on a server) gets the reports without names.
    names = role_of(db) is not Role.READER
    with db.sessions() as session:
        report = build_report(
            session,
            kind,
            season=season,
            today_terms=today_terms,
            event_ids=event_ids,
            today=today,
            names=names,
        )
    data = render(report, fmt, tr)
    if output is None and fmt not in BINARY:
        out.write(data.decode("utf-8"))
        return ExitCode.OK
    target = Path(output) if output else (folder or Path.cwd()) / default_filename(report, fmt)
    path = write_private_file(target, data).resolve()
    out.write(str(translate("Core", "Wrote {path}").format(path=path)) + "\n")
    return ExitCode.OK


def output_format(fmt: str | None, output: str | Path | None) -> str:
    """The format to write: the one asked for, which ``output`` must then end in (a PDF
    named ".txt" opens in nothing), or the one ``output``'s ending names."""
    if fmt is not None and fmt not in FORMATS:
        raise ValidationError(
            "format",
            translate("Core", "'{value}' is not a format: use {formats}").format(
                value=fmt, formats=", ".join(FORMATS)
            ),
        )
    if not output:
        return fmt or "text"
    suffix = Path(output).suffix.lower().lstrip(".")
    named = next((f for f, extension in EXTENSIONS.items() if extension == suffix), None)
    if fmt is None and named is None:
        raise ValidationError(
            "output",
            translate(
                "Core", "{file}: give the file a name ending in {suffixes}, or choose --format"
            ).format(
                file=Path(output).name,
                suffixes=", ".join("." + EXTENSIONS[f] for f in FORMATS),
            ),
        )
    if fmt is not None and named != fmt:
        raise ValidationError(
            "output",
            translate(
                "Core", "{file}: --format {fmt} writes a .{suffix} file; give it that ending"
            ).format(file=Path(output).name, fmt=fmt, suffix=EXTENSIONS[fmt]),
        )
    return fmt or named or "text"


# --- argparse ------------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="text, csv or json to the terminal (or -o); pdf and xlsx to a file "
        "(default: the one -o's ending names, else text)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write (pdf/xlsx default: a descriptive name in this folder)",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="nb (Norwegian Bokmål, the default) or en",
    )


def _handler(kind: str) -> Handler:
    """The options differ by kind: the season reports have no events, the course no
    season."""

    def handle(db: Database, args: argparse.Namespace) -> int:
        return cmd_report(
            db,
            kind,
            out=sys.stdout,
            season=getattr(args, "season", None),
            today_terms=getattr(args, "today_municipalities", False),
            event_ids=getattr(args, "events", ()),
            fmt=args.format,
            output=args.output,
            language=args.language,
        )

    return handle


def add_commands(subparsers: Any) -> None:
    """``vrus report KIND ...``."""
    report = subparsers.add_parser(
        "report", help="reports: coverage, instrumentation, ages, attendance, annual, course"
    )
    kinds = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    for kind, help_text in SEASON_REPORTS.items():
        parser = kinds.add_parser(kind, help=help_text)
        parser.add_argument(
            "--season",
            type=int,
            metavar="YEAR",
            help="the season's year (default: the current season)",
        )
        if kind in TODAY_TERMS:
            parser.add_argument(
                "--today-municipalities",
                action="store_true",
                help="count everyone under today's municipalities "
                "(for comparing seasons across the 2020 reform)",
            )
        _common(parser)
        parser.set_defaults(handler=_handler(kind))
    course = kinds.add_parser(
        "course",
        help="course grant report and participant list for "
        "one or more events treated as one course",
    )
    course.add_argument(
        "events",
        type=parse_event_id,
        nargs="+",
        metavar="EVENT",
        help="the events' ids (see 'vrus events list')",
    )
    _common(course)
    course.set_defaults(handler=_handler("course"))
