"""Importing the coordinator's spreadsheets into the register (CSV or XLSX), all or nothing.

``import_members`` is the entry point; ``FIELDS`` lists what a column can be assigned to.
"""

from vrus.importing.headers import FIELDS, IGNORE
from vrus.importing.members import ImportFailedError, import_members
from vrus.importing.report import ImportReport, Problem
from vrus.importing.sources import ImportFileError

__all__ = [
    "FIELDS",
    "IGNORE",
    "ImportFailedError",
    "ImportFileError",
    "ImportReport",
    "Problem",
    "import_members",
]
