"""The one kind of failure an import of population figures has: the file cannot be used.

Either the whole file is wrong (not table 07459, no years, an Excel workbook) or some of its
cells are; then the message names the first few by row (or value) and field, and
``problems`` holds every one. Nothing has been stored in either case.
"""

from __future__ import annotations

from vrus.errors import VrusError
from vrus.texts import Text, translate

SHOWN_PROBLEMS = 3  # more than this in one line is not read; the rest are counted


class PopulationFileError(VrusError):
    def __init__(self, message: Text, problems: tuple[Text, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class CellError(Exception):
    """One cell's value cannot be read; ``message`` says why, without where."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


def file_error(file: str, message: Text) -> PopulationFileError:
    return PopulationFileError(
        translate("Core", "{file}: {problem}").format(file=file, problem=message)
    )


def problems_error(file: str, problems: list[Text]) -> PopulationFileError:
    """The first few problems in one line, with how many more there are."""
    shown = problems[0]
    for problem in problems[1:SHOWN_PROBLEMS]:
        # Nested, not joined into a string: the window translates every part.
        shown = translate("Core", "{first}; {next}").format(first=shown, next=problem)
    message = (
        translate("Core", "{file}: {problem}").format(file=file, problem=shown)
        if len(problems) <= SHOWN_PROBLEMS
        else translate("Core", "{file}: {problem} (and {count} more problems)").format(
            file=file, problem=shown, count=len(problems) - SHOWN_PROBLEMS
        )
    )
    return PopulationFileError(message, tuple(problems))


def not_statbank() -> Text:
    return translate("Core", "not a download of table 07459 from SSB's Statbank (CSV or JSON-stat)")


def located(where: Text, field: str, message: Text) -> Text:
    """ "row 12, alder: '6 yrs' is not one year of age"."""
    return translate("Core", "{where}, {field}: {message}").format(
        where=where, field=field, message=message
    )
