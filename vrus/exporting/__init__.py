"""Exporting the register to spreadsheets: CSV (for Norwegian Excel) or XLSX, by file name.

``export(db, what, path)`` writes one of ``EXPORTS``. The member sheet imports back without
loss (``vrus.exporting.members`` says exactly what that covers); the other tables are for
reading and filtering. Every file holds personal data and is created readable by its owner
only.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from vrus import audit
from vrus.db.engine import Database
from vrus.db.enums import AuditAction
from vrus.exporting.files import FORMATS, ExportError, Sheet, check_target, write_sheet
from vrus.exporting.members import ExportWarning, health_data_person_ids, member_sheet
from vrus.exporting.tables import (
    attendance_sheet,
    event_sheet,
    guardian_sheet,
    membership_sheet,
    signup_sheet,
)

__all__ = [
    "EXPORTS",
    "FORMATS",
    "ExportError",
    "ExportResult",
    "ExportWarning",
    "Sheet",
    "export",
    "member_sheet",
]

_TABLES: dict[str, Callable[[Session], Sheet]] = {
    "guardians": guardian_sheet,
    "memberships": membership_sheet,
    "events": event_sheet,
    "signups": signup_sheet,
    "attendance": attendance_sheet,
}
EXPORTS = ("members", *_TABLES)


@dataclass
class ExportResult:
    path: Path
    rows: int  # data rows, the header not counted
    warnings: list[ExportWarning] = field(default_factory=list)


def export(
    db: Database,
    what: str,
    path: str | os.PathLike[str],
    *,
    today: dt.date | None = None,
    include_archived: bool = False,
) -> ExportResult:
    """Write ``what`` (one of ``EXPORTS``) to ``path`` (.csv or .xlsx).

    ``today`` and ``include_archived`` apply to the member sheet: which membership is the
    current one, and whether archived persons are included (they are not by default).
    """
    if what not in EXPORTS:
        raise ValueError(f"unknown export {what!r}; one of {', '.join(EXPORTS)}")
    target = check_target(path)  # before reading the register: a wrong name fails at once
    warnings: list[ExportWarning] = []
    health: list[int] = []
    with db.sessions() as session:
        if what == "members":
            sheet, warnings = member_sheet(session, today=today, include_archived=include_archived)
            health = health_data_person_ids(session, include_archived=include_archived)
        else:
            sheet = _TABLES[what](session)
    written = write_sheet(sheet, target)
    # Recorded once the file exists, in a short transaction of its own: reading a large
    # register must not hold the write lock. The file's name is left out (it can hold a name).
    with db.transaction() as session:
        audit.record(
            session,
            AuditAction.EXPORT,
            what=f"{what} export ({written.suffix.lower().lstrip('.')})",
            person_ids=health,
        )
    return ExportResult(written, len(sheet.rows), warnings)
