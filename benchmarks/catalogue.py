"""Every row the runner knows: its name for ``--only``, what it measures, its floor and the
issue's target (issue 16). ``docs/benchmarks.md`` explains the rows from this list."""

from __future__ import annotations

from dataclasses import dataclass, field

from benchmarks.results import Target


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    measures: str
    floor: str
    # persons -> target; a size between two listed ones gets the larger one's target, a size
    # below the smallest the smallest one's. None: every size.
    targets: dict[int | None, Target] = field(default_factory=dict)

    def target(self, persons: int | None) -> Target | None:
        if None in self.targets:
            return self.targets[None]
        if persons is None or not self.targets:
            return None
        larger = [size for size in self.targets if size is not None and size >= persons]
        return self.targets[min(larger)] if larger else None


KINDS: tuple[Kind, ...] = (
    Kind(
        "demo",
        "vrus demo --members N",
        "wall time of the command `python -m vrus --db NEW demo --members N` (a new register)",
        "`python -m vrus --db NEW events list`: a process that makes an empty, migrated register",
        {100_000: Target(60)},
    ),
    Kind(
        "startup-paint",
        "start-up: first paint",
        "`python -m vrus --db FILE gui` offscreen, from just before the process is started to "
        "the first paint of the window (the app's VRUS_STARTUP_PROBE line `first_paint`)",
        "the bare PySide6 window (benchmarks/bare_window.py) started the same way, to its first "
        "paint",
        {None: Target(2, "ratio")},
    ),
    Kind(
        "startup-listed",
        "start-up: members listed",
        "as above, to the members table filled (probe line `members_filled`)",
        "the bare window's first paint (its table is filled before it shows)",
        {None: Target(4, "ratio")},
    ),
    Kind(
        "startup-memory",
        "start-up: peak memory",
        "peak resident memory of the window's process (probe line `max_rss_kb`, ru_maxrss)",
        "the bare window's peak resident memory",
    ),
    Kind(
        "min-size",
        "window minimum size",
        "the main window's minimumSizeHint() and minimumSize() once the members are listed "
        "(offscreen, in-process); must be the same at every size",
        "none",
    ),
    Kind(
        "search",
        "search keystroke -> model updated",
        "one key typed (or erased) in the member search, until the members model announces "
        "its new rows (modelReset, layoutChanged, rowsInserted or rowsRemoved); real widgets "
        "offscreen, 34 keys per run",
        "plain sqlite3 `SELECT id FROM persons ORDER BY id` on the same file",
        {10_000: Target(0.008, "p95"), 100_000: Target(0.016, "p95")},
    ),
    Kind(
        "sort",
        "sort by a column",
        "the header's sort indicator set to a column (what a header click does), until the "
        "model announces the new order; ascending and descending in turn",
        "plain sqlite3 `SELECT id FROM persons ORDER BY id` on the same file",
        {10_000: Target(0.050), 100_000: Target(0.300)},
    ),
    Kind(
        "refresh",
        "refresh after a change",
        "a person renamed through vrus.persons.update_person (not timed), then "
        "`members_page.refresh()` until the page says the listing is in the table (its "
        "`filled` signal)",
        "plain sqlite3 `SELECT id FROM persons ORDER BY id` on the same file",
        {10_000: Target(0.030), 100_000: Target(0.150)},
    ),
    Kind(
        "import",
        "import of 5 000 rows (CSV)",
        "vrus.importing.import_members of a generated 5 000-row CSV "
        "(benchmarks/import_members.py) into an empty register, in-process",
        "plain sqlite3 executemany of the same rows into a new table of a new file",
    ),
    Kind(
        "attendance-pdf",
        "attendance list PDF, 100 persons",
        "vrus.printing.attendance_list_pdf of a seminar with 100 signed-up members, from the "
        "query to the PDF bytes, in-process",
        "reportlab writing a plain 100-row table to a PDF",
    ),
    # A report as the Reports page shows it: built (the page's tables are models over the
    # built rows and draw the cells in view only). Printing it is a row of its own: a PDF of
    # every person (190 pages at 10 000) is reportlab's work.
    Kind(
        "coverage-report",
        "coverage report (build)",
        "build_report('coverage') for the current season, in-process",
        "plain sqlite3: persons per municipality among the season's members",
    ),
    Kind(
        "attendance-report",
        "attendance report (build)",
        "build_report('attendance') for the current season, in-process",
        "plain sqlite3: attendance records per person and status in the season",
        {10_000: Target(0.5)},
    ),
    Kind(
        "annual-report",
        "annual report (build)",
        "build_report('annual') for the current season, in-process",
        "plain sqlite3: persons per ensemble among the season's members",
        {10_000: Target(0.5)},
    ),
    Kind(
        "attendance-report-pdf",
        "attendance report printed (build + PDF)",
        "build_report('attendance') for the current season and render(..., 'pdf'): what "
        "Print on the Reports page writes",
        "reportlab writing a plain table with as many rows to a PDF",
    ),
)

BY_KEY = {kind.key: kind for kind in KINDS}
STARTUP = ("startup-paint", "startup-listed", "startup-memory")
WINDOW = ("min-size", "search", "sort", "refresh")
REPORTS = ("coverage-report", "attendance-report", "annual-report", "attendance-report-pdf")
