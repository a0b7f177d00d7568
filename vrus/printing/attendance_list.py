"""The attendance list instructors run a seminar from.

Members are grouped by ensemble, then section (strings, woodwind, brass, percussion), and
sorted by surname in Norwegian order within a group (the order of ``attendance_grid``). Each
group is one table whose dark title band and column headings repeat on every page it runs
over, with a tick box per day, a notes column, and a few empty rows for those who turn up
unannounced. The staff follow at the end.

Variants: ``by_section`` starts every group on a page of its own, headed by the event and the
section's instructors, to hand out for group rehearsals; ``sign_in`` is one alphabetical
sheet of everyone, with a column per day to sign in.

In every variant a red "⊘" follows the name of a member without a photo consent in force on
every day of the event (``vrus.consents``), and a line under the facts says what it means,
so whoever takes pictures at the seminar knows whom to leave out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer
from sqlalchemy.orm import Session

from vrus import clock
from vrus.attendance import AttendanceGrid, AttendanceRow, GridDay, attendance_grid
from vrus.collation import sort_key
from vrus.consents import consents_in_force
from vrus.db.enums import Answer, ConsentKind, StaffRole
from vrus.db.models import Event
from vrus.events import StaffRow, event_staff, get_event
from vrus.printing.layout import (
    ALERT,
    TICK_BOX,
    build_pdf,
    day_with_times,
    document_heading,
    fit_width,
    frame_width,
    keep_if_short,
    labelled,
    list_table,
    para,
    rich,
    short_day,
    tick_box,
)

BLANK_ROWS = 3  # per group, for those who turn up unannounced
SIGN_IN_BLANK_ROWS = 8
WIDE_FROM_DAYS = 5  # more day columns than fit beside the names in portrait
SECTIONS_NB = {
    "strings": "Strykere",
    "woodwind": "Treblåsere",
    "brass": "Messingblåsere",
    "percussion": "Slagverk",
    "other": "Andre instrumenter",
}
ROLES_NB = {
    "conductor": "Dirigent",
    "instructor": "Instruktør",
    "dextra_musician": "Dextra-musiker",
    "project_coordinator": "Prosjektkoordinator",
    "soloist": "Solist",
    "other": "Annet",
}
# Printed in the notes column, so the instructor does not wonder where someone is.
ANSWER_NOTES = {Answer.NO.value: "Meldt avbud", Answer.UNKNOWN.value: "Ikke svart"}
NO_ENSEMBLE = "Uten ensemble"
NO_SECTION = "Uten instrument"
NO_PHOTOS_MARK = "⊘"  # in DejaVu Sans; a character, so a test (or a search) can find it


@dataclass
class _Group:
    ensemble: str | None
    section: str | None
    rows: list[AttendanceRow]
    instructors: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        section = SECTIONS_NB.get(self.section or "", NO_SECTION)
        return f"{self.ensemble or NO_ENSEMBLE} – {section} ({len(self.rows)})"


def _groups(grid: AttendanceGrid, staff: list[StaffRow]) -> list[_Group]:
    """Consecutive rows of one ensemble and section (the grid is sorted that way)."""
    groups = [
        _Group(ensemble, section, list(rows))
        for (ensemble, section), rows in groupby(grid.rows, key=lambda r: (r.ensemble, r.section))
    ]
    for group in groups:
        group.instructors = [
            f"{s.first_name} {s.last_name}"
            for s in _people(staff)
            if s.section == group.section and s.role != StaffRole.CONDUCTOR
        ]
    return groups


# --- column layout ---------------------------------------------------------------------------


def _widths(days: int, wide: bool) -> list[float]:
    """Nr, name, instrument, a column per day, notes (gets what is left, at least 30 mm)."""
    day = max(10 * mm, min(16 * mm, (frame_width(wide) - 118 * mm) / max(days, 1)))
    fixed = [8 * mm, 52 * mm, 28 * mm] + [day] * days
    return fixed + [max(30 * mm, frame_width(wide) - sum(fixed))]


def _day_headings(days: list[GridDay]) -> list[Flowable]:
    return [rich(escape(short_day(d.date)).replace(" ", "<br/>"), "head_centre") for d in days]


def _header(days: list[GridDay], second: str) -> list[Flowable]:
    return [
        para("Nr", "head"),
        para("Navn", "head"),
        para(second, "head"),
        *_day_headings(days),
        para("Merknad", "head"),
    ]


def _name(last: str, first: str, no_photos: bool = False) -> Flowable:
    # A little larger than the name, so it is seen at arm's length.
    mark = f" {_no_photos_mark(11.5)}" if no_photos else ""
    return rich(f"<b>{escape(last)}</b>, {escape(first)}{mark}", "name")


def _no_photos_mark(size: float | None = None) -> str:
    sized = f' size="{size}"' if size else ""
    return f'<font color="{ALERT.hexval()}"{sized}><b>{NO_PHOTOS_MARK}</b></font>'


def _without_photo_consent(session: Session, grid: AttendanceGrid, printed: dt.date) -> set[int]:
    """Members without a photo consent in force on every day of the event."""
    first = grid.days[0].date if grid.days else printed
    last = grid.days[-1].date if grid.days else printed
    ids = [row.person_id for row in grid.rows]
    held = consents_in_force(session, ids, first, last)
    return {pid for pid in ids if ConsentKind.PHOTO not in held[pid]}


def _photo_legend(grid: AttendanceGrid, no_photos: set[int]) -> str:
    if not no_photos:
        return escape("Alle på listen har samtykket til foto.")
    count = sum(row.person_id in no_photos for row in grid.rows)
    persons = "person" if count == 1 else "personer"
    return f"{_no_photos_mark()} " + escape(
        f"ved navnet: ingen foto – samtykke til bilder mangler eller er trukket tilbake "
        f"({count} {persons}). Ikke ta med på bilder som publiseres."
    )


def _member_row(number: int, row: AttendanceRow, days: list[GridDay], no_photos: bool) -> list:
    return [
        str(number),
        _name(row.last_name, row.first_name, no_photos),
        para(row.instrument),
        *[tick_box() for _ in days],
        para(ANSWER_NOTES.get(row.answer)),
    ]


def _blank_rows(count: int, days: list[GridDay]) -> list[list]:
    return [["", "", "", *[tick_box() for _ in days], ""] for _ in range(count)]


def _group_table(group: _Group, days: list[GridDay], wide: bool, no_photos: set[int]) -> Flowable:
    rows: list[list] = [
        [para(group.title, "group")] + [""] * (len(days) + 3),
        _header(days, "Instrument"),
    ]
    rows += [
        _member_row(n, row, days, row.person_id in no_photos)
        for n, row in enumerate(group.rows, start=1)
    ]
    rows += _blank_rows(BLANK_ROWS, days)
    return list_table(rows, _widths(len(days), wide), header_rows=2, group_row=True)


# --- staff -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    first_name: str
    last_name: str
    role: str
    section: str | None
    what: str  # an instructor's instrument, else the role (with an instrument if any)
    instrument: str | None
    days: frozenset[dt.date] | None  # None: every day


def _people(staff: list[StaffRow]) -> list[_Person]:
    """One line per staff member, however many days they are assigned one by one."""
    merged: dict[int, list[StaffRow]] = {}
    for row in staff:
        merged.setdefault(row.staff_id, []).append(row)
    people = []
    for rows in merged.values():
        first = rows[0]
        known = [r.day for r in rows if r.day is not None]
        days = frozenset(known) if len(known) == len(rows) else None
        role = ROLES_NB.get(first.role, first.role)
        # An instructor is known by the instrument; others by their role.
        what = (
            first.instrument or role
            if first.role == StaffRole.INSTRUCTOR.value
            else ", ".join(x for x in (role, first.instrument) if x)
        )
        people.append(
            _Person(
                first.first_name,
                first.last_name,
                first.role,
                first.section,
                what,
                first.instrument,
                days,
            )
        )
    return people  # event_staff's order: conductor first, then by section and surname


def _staff_table(staff: list[StaffRow], days: list[GridDay], wide: bool) -> Flowable:
    rows: list[list] = [
        [para(f"Dirigent og instruktører ({len(_people(staff))})", "group")]
        + [""] * (len(days) + 3),
        _header(days, "Rolle"),
    ]
    for number, person in enumerate(_people(staff), start=1):
        marks = [
            tick_box() if person.days is None or d.date in person.days else para("–") for d in days
        ]
        rows.append(
            [str(number), _name(person.last_name, person.first_name), para(person.what), *marks, ""]
        )
    rows += _blank_rows(2, days)
    return list_table(rows, _widths(len(days), wide), header_rows=2, group_row=True)


# --- the document ----------------------------------------------------------------------------


def _facts(event: Event, grid: AttendanceGrid, no_photos: set[int]) -> list[str]:
    lines = [
        labelled(
            "Dager", ", ".join(day_with_times(d.date, d.start_time, d.end_time) for d in grid.days)
        )
    ]
    if event.venue:
        lines.append(labelled("Sted", event.venue))
    invited = sorted(
        event.invited, key=lambda link: (link.ensemble.sort_order, sort_key(link.ensemble.name))
    )
    if invited:
        lines.append(labelled("Ensembler", ", ".join(link.ensemble.name for link in invited)))
    answers = [row.answer for row in grid.rows]
    lines.append(
        labelled(
            "Påmeldt",
            f"{answers.count(Answer.YES.value)} ja, "
            f"{answers.count(Answer.NO.value)} avbud, "
            f"{answers.count(Answer.UNKNOWN.value)} ikke svart",
        )
    )
    lines.append(_photo_legend(grid, no_photos))
    lines.append(
        escape(
            f"Kryss av {TICK_BOX} for hver dag personen er til stede. Tomme "
            "linjer under hver gruppe er til dem som kommer uten påmelding."
        )
    )
    return lines


def _section_banner(event: Event, grid: AttendanceGrid, group: _Group) -> list[Flowable]:
    """The top of a section's own page: which event, which days, who teaches."""
    days = ", ".join(day_with_times(d.date, d.start_time, d.end_time) for d in grid.days)
    lines = [rich(f"<b>{escape(event.title)}</b> · {escape(days)}", "body")]
    if group.instructors:
        label = "Instruktør" if len(group.instructors) == 1 else "Instruktører"
        lines.append(rich(labelled(label, ", ".join(group.instructors)), "body"))
    return [*lines, Spacer(1, 3 * mm)]


def _grouped_story(
    event: Event,
    grid: AttendanceGrid,
    staff: list[StaffRow],
    by_section: bool,
    wide: bool,
    no_photos: set[int],
) -> list[Flowable]:
    kicker = "Oppmøteliste per gruppe" if by_section else "Oppmøteliste"
    story = document_heading(kicker, event.title, _facts(event, grid, no_photos))
    for number, group in enumerate(_groups(grid, staff)):
        if by_section:
            story += ([PageBreak()] if number else []) + _section_banner(event, grid, group)
        # A group that fits on a page is never split; a longer one runs over with its
        # title band and headings repeated.
        table = _group_table(group, grid.days, wide, no_photos)
        story += [keep_if_short(table, wide), Spacer(1, 5 * mm)]
    if staff:
        story += [PageBreak()] if by_section else []
        story.append(keep_if_short(_staff_table(staff, grid.days, wide), wide))
    return story


def _sign_in_header(days: list[GridDay]) -> list[Flowable]:
    return [
        para("Nr", "head"),
        para("Navn", "head"),
        para("Ensemble", "head"),
        para("Instrument", "head"),
        *[para(f"Signatur {short_day(d.date)}", "head_centre") for d in days],
    ]


def _sign_in_story(
    event: Event, grid: AttendanceGrid, staff: list[StaffRow], wide: bool, no_photos: set[int]
) -> list[Flowable]:
    """Everyone in one alphabetical list, with room to sign for each day; the staff and
    the empty rows follow as a block of their own, which stays whole on a page."""
    width, days = frame_width(wide), grid.days
    fixed = [8 * mm, 48 * mm, fit_width(r.ensemble for r in grid.rows), 24 * mm]
    widths = fixed + [(width - sum(fixed)) / max(len(days), 1)] * len(days)
    everyone = sorted(
        grid.rows, key=lambda r: (sort_key(r.last_name), sort_key(r.first_name), r.person_id)
    )
    members = [
        [
            str(n),
            _name(r.last_name, r.first_name, r.person_id in no_photos),
            para(r.ensemble),
            para(r.instrument),
        ]
        + [""] * len(days)
        for n, r in enumerate(everyone, 1)
    ]
    people = _people(staff)
    others = [
        [
            str(n),
            _name(p.last_name, p.first_name),
            para(ROLES_NB.get(p.role, p.role)),
            para(p.instrument),
        ]
        + [""] * len(days)
        for n, p in enumerate(people, start=len(members) + 1)
    ]
    others += [[""] * (4 + len(days)) for _ in range(SIGN_IN_BLANK_ROWS)]
    roomy = [("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]
    facts = _facts(event, grid, no_photos)[:-1] + [
        "Skriv navnet ditt i kolonnen for dagen når du kommer."
    ]
    return [
        *document_heading("Innsjekkingsliste", event.title, facts),
        list_table([_sign_in_header(days), *members], widths, extra=roomy),
        Spacer(1, 4 * mm),
        keep_if_short(list_table([_sign_in_header(days), *others], widths, extra=roomy), wide),
    ]


def attendance_list_pdf(
    session: Session,
    event_id: int,
    *,
    by_section: bool = False,
    sign_in: bool = False,
    printed: dt.date | None = None,
) -> bytes:
    """The attendance list of an event as a PDF (see the module for the variants)."""
    event = get_event(session, event_id)
    grid = attendance_grid(session, event_id)
    staff = event_staff(session, event_id)
    wide = len(grid.days) >= (3 if sign_in else WIDE_FROM_DAYS)
    no_photos = _without_photo_consent(session, grid, clock.or_today(printed))
    if sign_in:
        story = _sign_in_story(event, grid, staff, wide, no_photos)
        title = f"Innsjekking – {event.title}"
    else:
        story = _grouped_story(event, grid, staff, by_section, wide, no_photos)
        title = f"Oppmøteliste – {event.title}"
    return build_pdf(story, title=title, wide=wide, printed=printed)
