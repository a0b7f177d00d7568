"""The access request as a readable PDF: the document of ``vrus.access_export`` laid out for
the person (or their guardians) to read, one section per kind of data, in the order the JSON
has them, each saying so when the register holds nothing of that kind.

Headings and labels are the core's translatable texts, printed in Bokmål by default (through
the committed catalogue, as the reports are); values are printed as stored, dates dd.mm.yyyy,
stored times as the local day and time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from vrus.consents import KIND_NAMES
from vrus.dates import format_date
from vrus.db.enums import Answer, AttendanceStatus, AuditAction, Gender
from vrus.duties import TASK_LABELS, format_phone
from vrus.lunch import DIET_LABELS, SEVERITY_LABELS
from vrus.printing.layout import (
    ORCHESTRA,
    build_pdf,
    document_heading,
    fit_width,
    frame_width,
    labelled,
    list_table,
    para,
)
from vrus.reports.labels import END_REASONS, EVENT_KINDS, NO, YES
from vrus.reports.language import DEFAULT_LANGUAGE, Translator
from vrus.texts import Text, translate

Document = Mapping[str, Any]

GENDERS: dict[str, Text] = {
    Gender.FEMALE.value: translate("Core", "female"),
    Gender.MALE.value: translate("Core", "male"),
    Gender.OTHER.value: translate("Core", "other"),
}
RELATIONS: dict[str, Text] = {
    "mother": translate("Core", "mother"),
    "father": translate("Core", "father"),
    "guardian": translate("Core", "guardian"),
    "other": translate("Core", "other"),
}
ANSWERS: dict[str, Text] = {
    Answer.YES.value: translate("Core", "coming"),
    Answer.NO.value: translate("Core", "not coming"),
    Answer.UNKNOWN.value: translate("Core", "not answered"),
}
STATUSES: dict[str, Text] = {
    AttendanceStatus.PRESENT.value: translate("Core", "present"),
    AttendanceStatus.ABSENT.value: translate("Core", "absent"),
    AttendanceStatus.EXCUSED.value: translate("Core", "excused absence"),
}
GIVERS: dict[str, Text] = {
    "guardian": translate("Core", "guardian"),
    "self": translate("Core", "the member"),
}
ACTIONS: dict[str, Text] = {
    AuditAction.CREATE.value: translate("Core", "added"),
    AuditAction.UPDATE.value: translate("Core", "changed"),
    AuditAction.DELETE.value: translate("Core", "deleted"),
    AuditAction.EXPORT.value: translate("Core", "exported"),
    AuditAction.PRINT.value: translate("Core", "printed"),
    AuditAction.ERASE.value: translate("Core", "erased"),
}
# The person's fields in the order they are printed, with their labels; a column the
# register gains later is printed after these under its own name.
PERSON_LABELS: dict[str, Text] = {
    "id": translate("Core", "Number in the register"),
    "first_name": translate("Core", "First name"),
    "last_name": translate("Core", "Last name"),
    "birth_date": translate("Core", "Birth date"),
    "gender": translate("Core", "Gender"),
    "municipality": translate("Core", "Municipality"),
    "culture_school": translate("Core", "Culture school"),
    "phone": translate("Core", "Phone"),
    "email": translate("Core", "E-mail"),
    "address": translate("Core", "Address"),
    "postal_code": translate("Core", "Postal code"),
    "postal_place": translate("Core", "Postal place"),
    "diet_note": translate("Core", "Note on diet"),
    "notes": translate("Core", "Notes"),
    "archived_at": translate("Core", "Archived"),
    "created_at": translate("Core", "Registered"),
    "updated_at": translate("Core", "Last changed"),
}
NOTHING = translate("Core", "Nothing registered.")
DATE_SAMPLE = "00.00.0000"
MOST = 55 * mm  # the widest a narrow column gets; longer texts wrap
LEAST_WIDE = 25 * mm
SECTION_ROOM = 30 * mm  # a heading, the table's head and a row or two


def _day(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso)) if iso else ""


def _moment(iso: str | None) -> str:
    """A stored UTC time as the local day and time: '02.12.2026 12:00'."""
    if not iso:
        return ""
    local = dt.datetime.fromisoformat(iso).astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


@dataclass(frozen=True)
class _Column:
    heading: Text
    wide: bool = False  # shares the width left over; a narrow column fits its longest text
    sample: str | None = None  # the text to fit the column to, instead of the longest value


class _Sheet:
    """The document's values as printable text in one language."""

    def __init__(self, language: str) -> None:
        self.tr = Translator(language)

    def label(self, labels: Mapping[Any, Text], code: str | None) -> str:
        if code is None:
            return ""
        return self.tr(labels[code]) if code in labels else code

    def yes_no(self, value: object) -> str:
        return self.tr(YES if value else NO)

    # -- sections ----------------------------------------------------------------------------

    def section(
        self, heading: Text, columns: Sequence[_Column], rows: list[list[str]]
    ) -> list[Flowable]:
        """A heading, then the rows as a table (or "Nothing registered.")."""
        # Never a heading alone at the foot of a page: a new page when little room is left
        # (keepWithNext would move a long table, heading and all, to a page of its own).
        title: list[Flowable] = [CondPageBreak(SECTION_ROOM), para(self.tr(heading), "h2")]
        if not rows:
            return [*title, para(self.tr(NOTHING), "small")]
        heads = [self.tr(column.heading) for column in columns]
        table = [[para(text, "head") for text in heads]]
        table += [[para(cell) for cell in row] for row in rows]
        return [*title, list_table(table, _widths(columns, heads, rows))]

    def person_value(self, name: str, value: Any) -> str:
        if value is None:
            return ""
        if name == "municipality":
            return f"{value['name']} ({value['number']})"
        if name == "birth_date":
            return _day(value)
        if name in ("archived_at", "created_at", "updated_at"):
            return _moment(value)
        if name == "gender":
            return self.label(GENDERS, value)
        if name == "phone":
            return format_phone(value)
        if isinstance(value, bool):
            return self.yes_no(value)
        return str(value)

    def person(self, person: Document) -> list[Flowable]:
        names = [n for n in PERSON_LABELS if n in person] + [
            n for n in person if n not in PERSON_LABELS
        ]
        rows = [
            [
                self.tr(PERSON_LABELS[n]) if n in PERSON_LABELS else n,
                self.person_value(n, person[n]),
            ]
            for n in names
        ]
        return self.section(
            translate("Core", "Personal details"),
            [_Column(translate("Core", "Field")), _Column(translate("Core", "Value"), wide=True)],
            rows,
        )

    def instruments(self, instruments: list[Document]) -> list[Flowable]:
        rows = [[i["name"], self.yes_no(i["main"])] for i in instruments]
        return self.section(
            translate("Core", "Instruments"),
            [
                _Column(translate("Core", "Instrument"), wide=True),
                _Column(translate("Core", "Main instrument")),
            ],
            rows,
        )

    def health(self, diets: list[str], allergies: list[Document]) -> list[Flowable]:
        rows = [[self.tr(translate("Core", "diet")), self.label(DIET_LABELS, d), ""] for d in diets]
        rows += [
            [a["allergen"], self.label(SEVERITY_LABELS, a["severity"]), a["note"] or ""]
            for a in allergies
        ]
        return self.section(
            translate("Core", "Diets and allergies"),
            [
                _Column(translate("Core", "Allergy or diet")),
                _Column(translate("Core", "Severity or kind")),
                _Column(translate("Core", "Note"), wide=True),
            ],
            rows,
        )

    def guardians(self, guardians: list[Document]) -> list[Flowable]:
        rows = [
            [
                f"{g['first_name']} {g['last_name']}",
                self.label(RELATIONS, g["relation"]),
                format_phone(g["phone"]),
                g["email"] or "",
            ]
            for g in guardians
        ]
        return self.section(
            translate("Core", "Guardians"),
            [
                _Column(translate("Core", "Name")),
                _Column(translate("Core", "Relation")),
                _Column(translate("Core", "Phone")),
                _Column(translate("Core", "E-mail"), wide=True),
            ],
            rows,
        )

    def memberships(self, memberships: list[Document]) -> list[Flowable]:
        rows = [
            [
                m["ensemble"],
                m["instrument"] or "",
                _day(m["start_date"]),
                _day(m["end_date"]),
                self.label(END_REASONS, m["end_reason"]),
                m["end_note"] or "",
            ]
            for m in memberships
        ]
        return self.section(
            translate("Core", "Memberships"),
            [
                _Column(translate("Core", "Ensemble")),
                _Column(translate("Core", "Instrument")),
                _Column(translate("Core", "From"), sample=DATE_SAMPLE),
                _Column(translate("Core", "To"), sample=DATE_SAMPLE),
                _Column(translate("Core", "Reason for leaving")),
                _Column(translate("Core", "Note"), wide=True),
            ],
            rows,
        )

    def signups(self, signups: list[Document]) -> list[Flowable]:
        rows = [
            [
                s["event"],
                self.label(EVENT_KINDS, s["event_kind"]),
                ", ".join(_day(day) for day in s["dates"]),
                self.label(ANSWERS, s["answer"]),
                self.yes_no(s["lunch"]),
                s["note"] or "",
            ]
            for s in signups
        ]
        return self.section(
            translate("Core", "Sign-ups"),
            [
                _Column(translate("Core", "Event"), wide=True),
                _Column(translate("Core", "Kind")),
                _Column(translate("Core", "Dates"), sample=DATE_SAMPLE + ","),
                _Column(translate("Core", "Answer")),
                _Column(translate("Core", "Lunch")),
                _Column(translate("Core", "Note"), wide=True),
            ],
            rows,
        )

    def attendance(self, attendance: list[Document]) -> list[Flowable]:
        rows = [
            [_day(a["date"]), a["event"], self.label(STATUSES, a["status"]), a["note"] or ""]
            for a in attendance
        ]
        return self.section(
            translate("Core", "Attendance"),
            [
                _Column(translate("Core", "Date"), sample=DATE_SAMPLE),
                _Column(translate("Core", "Event"), wide=True),
                _Column(translate("Core", "Status")),
                _Column(translate("Core", "Note"), wide=True),
            ],
            rows,
        )

    def duties(self, duties: list[Document]) -> list[Flowable]:
        rows = [
            [
                _day(d["date"]),
                d["event"],
                d["guardian"],
                self.label(TASK_LABELS, d["task"]),
                d["note"] or "",
            ]
            for d in duties
        ]
        return self.section(
            translate("Core", "Guardians' volunteer duties"),
            [
                _Column(translate("Core", "Date"), sample=DATE_SAMPLE),
                _Column(translate("Core", "Event"), wide=True),
                _Column(translate("Core", "Guardian")),
                _Column(translate("Core", "Task")),
                _Column(translate("Core", "Note"), wide=True),
            ],
            rows,
        )

    def consents(self, consents: list[Document]) -> list[Flowable]:
        rows = []
        for c in consents:
            given_by = self.label(GIVERS, c["given_by"])
            if c["guardian"]:
                given_by = f"{given_by}: {c['guardian']}"
            rows.append(
                [
                    self.label(KIND_NAMES, c["kind"]),
                    given_by,
                    _day(c["given_on"]),
                    _day(c["withdrawn_on"]),
                    c["text_version"] or "",
                ]
            )
        return self.section(
            translate("Core", "Consents"),
            [
                _Column(translate("Core", "Consent to")),
                _Column(translate("Core", "Given by"), wide=True),
                _Column(translate("Core", "Given on"), sample=DATE_SAMPLE),
                _Column(translate("Core", "Withdrawn on"), sample=DATE_SAMPLE),
                _Column(translate("Core", "Text version")),
            ],
            rows,
        )

    def audit(self, entries: list[Document]) -> list[Flowable]:
        rows = []
        for e in entries:
            what = self.label(ACTIONS, e["action"])
            details = [part for part in (e["table"], e["what"]) if part]
            if details:
                what = f"{what}: {' · '.join(details)}"
            rows.append([_moment(e["at"]), e["actor"], what, ", ".join(e["fields"])])
        return self.section(
            translate("Core", "History: who changed or exported what"),
            [
                _Column(translate("Core", "When"), sample=DATE_SAMPLE + " 00:00"),
                _Column(translate("Core", "Who")),
                _Column(translate("Core", "What"), wide=True),
                _Column(translate("Core", "Fields"), wide=True),
            ],
            rows,
        )


def _widths(columns: Sequence[_Column], heads: list[str], rows: list[list[str]]) -> list[float]:
    """Narrow columns as wide as their longest text (within ``MOST``), the wide ones sharing
    the rest of the page."""
    fixed: list[float | None] = []
    for at, column in enumerate(columns):
        if column.wide:
            fixed.append(None)
            continue
        texts = [column.sample] if column.sample else [row[at] for row in rows]
        fixed.append(max(fit_width(texts, most=MOST), fit_width([heads[at]], "head", most=MOST)))
    wide = fixed.count(None)
    rest = max(frame_width() - sum(w for w in fixed if w is not None), wide * LEAST_WIDE)
    return [rest / wide if w is None else w for w in fixed]


def access_request_pdf(document: Document, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The PDF of an access export (``vrus.access_export.access_document``)."""
    sheet = _Sheet(language)
    tr = sheet.tr
    person = document["person"]
    name = f"{person['first_name']} {person['last_name']}"
    made = dt.date.fromisoformat(document["made_on"])
    facts = [
        labelled(tr(translate("Core", "Made on")), format_date(made)),
        labelled(tr(translate("Core", "Controller")), document.get("controller") or ORCHESTRA),
        escape(
            tr(
                translate(
                    "Core",
                    "Everything the register holds about the person, as GDPR article 15 "
                    "gives the right to see it. It holds personal data and health data: "
                    "keep it safe.",
                )
            )
        ),
    ]
    title = translate("Core", "Access request: everything the register holds about {name}")
    story = document_heading(
        tr(translate("Core", "Access request (GDPR art. 15)")), tr(title.format(name=name)), facts
    )
    story += sheet.person(person)
    story += sheet.instruments(document["instruments"])
    story += sheet.health(document["diets"], document["allergies"])
    story += sheet.guardians(document["guardians"])
    story += sheet.memberships(document["memberships"])
    story += sheet.signups(document["signups"])
    story += sheet.attendance(document["attendance"])
    story += sheet.duties(document["volunteer_duties"])
    story += sheet.consents(document["consents"])
    story += sheet.audit(document["audit_entries"])
    story.append(Spacer(1, 4 * mm))
    running = tr(translate("Core", "Access request – {name}").format(name=name))
    return build_pdf(story, title=running, printed=made)
