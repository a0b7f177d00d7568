"""The floors of the in-process rows: the least the same work can cost, measured in the same
run - plain sqlite3 queries giving the same counts, sqlite3 inserting the same rows, reportlab
writing a plain table."""

from __future__ import annotations

import io
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

# Dates are stored as ISO text: comparing text compares days.
OVERLAPPING = "m.start_date <= :end AND (m.end_date IS NULL OR m.end_date >= :start)"
QUERIES = {
    "coverage-report": (
        "SELECT p.municipality_id, COUNT(DISTINCT m.person_id) FROM memberships m "
        f"JOIN persons p ON p.id = m.person_id WHERE {OVERLAPPING} GROUP BY p.municipality_id"
    ),
    "attendance-report": (
        "SELECT a.person_id, a.status, COUNT(*) FROM attendance a "
        "JOIN event_days d ON d.id = a.event_day_id WHERE d.date BETWEEN :start AND :end "
        "GROUP BY a.person_id, a.status"
    ),
    "annual-report": (
        "SELECT m.ensemble_id, COUNT(DISTINCT m.person_id) FROM memberships m "
        f"WHERE {OVERLAPPING} GROUP BY m.ensemble_id"
    ),
}


def counts(path: Path, report: str, year: int) -> float:
    """Seconds for the plain query of ``report`` over the season ``year`` (its dates looked
    up as the report does, the calendar year if the register has no such season)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        started = time.perf_counter()
        season = connection.execute(
            "SELECT start_date, end_date FROM seasons WHERE name = ?", (str(year),)
        ).fetchone()
        start, end = season or (f"{year}-01-01", f"{year}-12-31")
        connection.execute(QUERIES[report], {"start": start, "end": end}).fetchall()
        return time.perf_counter() - started
    finally:
        connection.close()


def insert_rows(path: Path, rows: Sequence[Sequence[str]]) -> float:
    """Seconds for sqlite3 to put ``rows`` into a new table of a new file, committed."""
    connection = sqlite3.connect(path)
    try:
        width = len(rows[0])
        columns = ", ".join(f"c{i} TEXT" for i in range(width))
        marks = ", ".join("?" * width)
        started = time.perf_counter()
        connection.execute(f"CREATE TABLE imported (id INTEGER PRIMARY KEY, {columns})")
        connection.executemany(
            f"INSERT INTO imported ({', '.join(f'c{i}' for i in range(width))}) VALUES ({marks})",
            rows,
        )
        connection.commit()
        return time.perf_counter() - started
    finally:
        connection.close()


def plain_table_pdf(rows: int = 100) -> float:
    """Seconds for reportlab to write a plain ``rows``-row table (name, instrument, section,
    a signature box) to PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    started = time.perf_counter()
    data = [["Name", "Instrument", "Section", "Signature"]]
    data += [[f"Person {i}", "Violin", "Strings", ""] for i in range(rows)]
    document = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    document.build([Table(data, repeatRows=1)])
    return time.perf_counter() - started
