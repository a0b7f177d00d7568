"""Reports for the coordinator, the steering group, the annual report and the study
association: recruitment coverage per municipality, instrumentation, ages, attendance, the
annual summary and the course grant report.

Core code without Qt. Each report is computed into its own dataclasses (``coverage``,
``instrumentation``, ...), described as a ``Report`` of tables (``vrus.reports.tables``) and
written as text, CSV, JSON, XLSX or PDF (``vrus.reports.output``). ``build_report`` is the
one entry point the command line and the window share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from vrus.reports.tables import Report

if TYPE_CHECKING:  # not at run time: the command line's parser imports this package
    from sqlalchemy.orm import Session

KINDS = ("coverage", "instrumentation", "ages", "attendance", "annual", "course")


def build_report(
    session: Session,
    kind: str,
    *,
    season: int | None = None,
    today_terms: bool = False,
    event_ids: Sequence[int] = (),
    today: dt.date | None = None,
    names: bool = True,
) -> Report:
    """The report ``kind`` for ``season`` (default: the current one); ``course`` takes
    ``event_ids`` instead; ``today_terms`` counts under today's municipalities (coverage,
    attendance). ``names=False`` leaves out what lists members by name (the ages' lists,
    attendance per member): for a user who may read no names (``vrus.server.roles``)."""
    if kind == "coverage":
        from vrus.reports.coverage import coverage
        from vrus.reports.coverage_report import coverage_report

        return coverage_report(coverage(session, season, today_terms=today_terms, today=today))
    if kind == "instrumentation":
        from vrus.reports.instrumentation import instrumentation, instrumentation_report

        return instrumentation_report(instrumentation(session, season, today=today))
    if kind == "ages":
        from vrus.reports.ages import ages_report, season_ages

        return ages_report(season_ages(session, season, today=today, names=names))
    if kind == "attendance":
        from vrus.reports.attendance import attendance_report, season_attendance

        return attendance_report(
            season_attendance(session, season, today_terms=today_terms, today=today, names=names)
        )
    if kind == "annual":
        from vrus.reports.annual import annual_summary
        from vrus.reports.annual_report import annual_report

        return annual_report(annual_summary(session, season, today=today))
    if kind == "course":
        from vrus.reports.course import course_result
        from vrus.reports.course_report import course_report

        return course_report(course_result(session, list(event_ids), today=today))
    raise ValueError(f"'{kind}' is not a report: use {', '.join(KINDS)}")


__all__ = ["KINDS", "Report", "build_report"]
