"""``vrus report coverage|instrumentation|ages|attendance|annual|course``.

Text, CSV and JSON go to the terminal unless ``-o FILE`` is given; PDF and XLSX always go to
a file, by default under a descriptive name in the current folder ("rekruttering-2026.pdf"),
and the command says where. Files are readable by their owner only: several reports list
children by name. The language (``--language``, Bokmål by default) decides the labels, the
prose and the number format; JSON keys stay English for scripts.

Like the other command groups, each command is a function taking the database, its
parameters and an output stream, returning the exit code (tests call it directly);
``register_report_commands`` adds them to ``vrus.cli``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from vrus.db.engine import Database
from vrus.printing.layout import write_pdf
from vrus.reports import build_report
from vrus.reports.language import DEFAULT_LANGUAGE, LANGUAGES, Translator
from vrus.reports.output import BINARY, FORMATS, default_filename, render
from vrus.texts import translate
from vrus.validation import ValidationError

SEASON_REPORTS = {
    "coverage": "members per municipality: is every municipality represented?",
    "instrumentation": "members per instrument against the target, gaps first",
    "ages": "age distribution per ensemble, who ages out, who may move up",
    "attendance": "attendance per member, per event and per day",
    "annual": "the season in prose and tables for the annual report",
}
# Where counting under today's municipalities means something.
TODAY_TERMS = ("coverage", "attendance")


def run_report(db: Database, kind: str, *, out: TextIO, season: int | None = None,
               today_terms: bool = False, event_ids: Sequence[int] = (), fmt: str = "text",
               output: str | Path | None = None, language: str = DEFAULT_LANGUAGE,
               today: dt.date | None = None, folder: Path | None = None) -> int:
    """Build the report and write it to ``output``, to ``out``, or (PDF, XLSX) to a file
    named after it in ``folder`` (default: the current folder)."""
    if fmt not in FORMATS:
        raise ValidationError("format", translate(
            "Core", "'{value}' is not a format: use {formats}").format(
                value=fmt, formats=", ".join(FORMATS)))
    tr = Translator(language)
    with db.sessions() as session:
        report = build_report(session, kind, season=season, today_terms=today_terms,
                              event_ids=event_ids, today=today)
    data = render(report, fmt, tr)
    if output is None and fmt not in BINARY:
        out.write(data.decode("utf-8"))
        return 0
    target = Path(output) if output else (folder or Path.cwd()) / default_filename(report, fmt)
    path = write_pdf(data, target).resolve()  # any bytes; owner-only like the printouts
    out.write(str(translate("Core", "Wrote {path}").format(path=path)) + "\n")
    return 0


# --- argparse ------------------------------------------------------------------------------


def _event_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not an event id (a whole number)")
    return int(text)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text, csv or json to the terminal (or -o); pdf and xlsx to a "
                             "file")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write (pdf/xlsx default: a descriptive name in this "
                             "folder)")
    parser.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help="nb (Norwegian Bokmål, the default) or en")


def _handler(kind: str):
    def handler(db: Database, args: argparse.Namespace) -> int:
        return run_report(db, kind, out=sys.stdout, season=getattr(args, "season", None),
                          today_terms=getattr(args, "today_municipalities", False),
                          event_ids=getattr(args, "events", ()), fmt=args.format,
                          output=args.output, language=args.language)
    return handler


def register_report_commands(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``vrus report KIND ...`` to the ``vrus`` command's subparsers."""
    report = subparsers.add_parser(
        "report", help="reports: coverage, instrumentation, ages, attendance, annual, course")
    kinds = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    for kind, help_text in SEASON_REPORTS.items():
        parser = kinds.add_parser(kind, help=help_text)
        parser.add_argument("--season", type=int, metavar="YEAR",
                            help="the season's year (default: the current season)")
        if kind in TODAY_TERMS:
            parser.add_argument("--today-municipalities", action="store_true",
                                help="count everyone under today's municipalities "
                                     "(for comparing seasons across the 2020 reform)")
        _common(parser)
        parser.set_defaults(handler=_handler(kind))
    course = kinds.add_parser("course", help="course grant report and participant list for "
                                             "one or more events treated as one course")
    course.add_argument("events", type=_event_id, nargs="+", metavar="EVENT",
                        help="the events' ids (see 'vrus events list')")
    _common(course)
    course.set_defaults(handler=_handler("course"))
    return report
