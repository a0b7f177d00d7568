"""Time the reports: ``python benchmarks/reports.py [N ...]``.

For each N (default: the demo, then 10 000 persons) loads the demo register (``--members N``)
into a temporary database as it stands on 26.11.2026, then times building each report for
the 2026 season (the course report: the season's first seminar) and writing it as text, CSV,
JSON, XLSX and PDF. Not a test: prints the figures for the record.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from vrus.db.engine import sqlite_url
from vrus.db.models import Event, Season
from vrus.demo import load_demo
from vrus.opening import open_database
from vrus.reports import KINDS, build_report
from vrus.reports.language import Translator
from vrus.reports.output import render

TODAY = dt.date(2026, 11, 26)
FORMATS = ("text", "csv", "json", "xlsx", "pdf")


def run(members: int | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        load_demo(db, members=members, today=TODAY)
        with db.transaction() as session:
            seminar = session.scalars(
                select(Event.id)
                .join(Season)
                .where(Season.name == str(TODAY.year), Event.kind == "seminar")
                .order_by(Event.id)
            ).first()
        tr = Translator("nb")
        print(f"{members or 'demo'} persons")
        for kind in KINDS:
            start = time.perf_counter()
            with db.transaction() as session:
                report = build_report(session, kind, event_ids=[seminar], today=TODAY)
            built = time.perf_counter() - start
            timings = []
            for fmt in FORMATS:
                start = time.perf_counter()
                render(report, fmt, tr)
                timings.append(f"{fmt} {time.perf_counter() - start:5.2f}s")
            rows = sum(len(t.rows) for t in report.tables)
            print(f"  {kind:16} build {built:5.2f}s  {'  '.join(timings)}  ({rows} rows)")
        db.close()


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["demo", "10000"]:
        run(None if arg == "demo" else int(arg))
