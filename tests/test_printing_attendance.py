"""The attendance list PDF, read back with pypdf: names in Norwegian order, a tick box per
day on every row, page numbers, the header on every page, names outside Latin-1, the
variants per section and for signing in, and a list of 200 people."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import insert, select

from tests.statements import counted_statements
from vrus.db.models import (
    Ensemble,
    Event,
    Instrument,
    Membership,
    Municipality,
    Person,
    SignUp,
)
from vrus.events import add_staff_member, assign_staff, create_event
from vrus.printing import attendance_list_pdf
from vrus.printing.layout import ORCHESTRA, TICK_BOX
from vrus.signups import set_signup

D = dt.date
PRINTED = D(2026, 1, 10)
START = D(2026, 1, 17)

# (first, last, ensemble, instrument) in the order the list must print them: by ensemble,
# section (strings, woodwind), then surname with Æ, Ø, Å after Z and accents as base letters.
MEMBERS = [
    ("Ingrid", "Aas", "ungdom", "Violin"),
    ("Minh", "Nguyễn", "ungdom", "Cello"),
    ("Łukasz", "Wiśniewski", "ungdom", "Viola"),
    ("Zoë", "Zahl", "ungdom", "Violin"),
    ("Åsmund", "Ærøy", "ungdom", "Violin"),
    ("Øystein", "Østby", "ungdom", "Cello"),
    ("Åse", "Åkre", "ungdom", "Double bass"),
    ("Aaron", "Berg", "ungdom", "Flute"),
    ("Ida", "Fossum", "junior", "Violin"),
]


def _ids(session, model, column, values) -> dict[str, int]:
    return dict(session.execute(select(column, model.id).where(column.in_(values))).all())


def add_members(db, members, *, event_id: int, answer: str = "yes") -> list[int]:
    """Persons with a membership from August 2025 and a sign-up, in one transaction (fast
    enough for hundreds)."""
    with db.transaction() as session:
        ensembles = _ids(session, Ensemble, Ensemble.short_name, {m[2] for m in members})
        instruments = _ids(session, Instrument, Instrument.name_en, {m[3] for m in members})
        asker = session.scalars(select(Municipality.id).where(Municipality.number == "3203")).one()
        ids = session.scalars(
            insert(Person).returning(Person.id),
            [
                {
                    "first_name": first,
                    "last_name": last,
                    "birth_date": D(2010, 5, 1),
                    "municipality_id": asker,
                }
                for first, last, _, _ in members
            ],
        ).all()
        session.execute(
            insert(Membership),
            [
                {
                    "person_id": pid,
                    "ensemble_id": ensembles[m[2]],
                    "instrument_id": instruments[m[3]],
                    "start_date": D(2025, 8, 1),
                }
                for pid, m in zip(ids, members, strict=True)
            ],
        )
        session.execute(
            insert(SignUp),
            [
                {"event_id": event_id, "person_id": pid, "attending": answer, "wants_lunch": True}
                for pid in ids
            ],
        )
        return list(ids)


def seminar(db, days: int = 2) -> int:
    with db.transaction() as session:
        ensembles = list(
            session.scalars(
                select(Ensemble.id).where(Ensemble.short_name.in_(["ungdom", "junior"]))
            )
        )
    return create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=START,
        days=days,
        venue="Asker kulturskole",
        ensemble_ids=ensembles,
    )


@pytest.fixture
def event_id(db) -> int:
    event_id = seminar(db)
    ids = add_members(db, MEMBERS, event_id=event_id)
    set_signup(db, event_id, ids[-1], attending="no")
    conductor = add_staff_member(db, "Sverre", "Kvamme-Lund", "conductor")
    cello = add_staff_member(db, "Tuva", "Engebretsen", "instructor", section="strings")
    assign_staff(db, event_id, conductor)
    with db.transaction() as session:
        day2 = max(session.get(Event, event_id).days, key=lambda d: d.date).id
    assign_staff(db, event_id, cello, event_day_id=day2)
    return event_id


def pages(data: bytes, mode: str = "plain") -> list[str]:
    return [page.extract_text(extraction_mode=mode) for page in PdfReader(io.BytesIO(data)).pages]


def print_list(db, event_id: int, **variant) -> bytes:
    with db.transaction() as session:
        return attendance_list_pdf(session, event_id, printed=PRINTED, **variant)


def line_of(text: str, name: str) -> str:
    (line,) = [line for line in text.splitlines() if name in line]
    return line


def test_every_name_in_norwegian_order_with_a_tick_box_per_day(db, event_id) -> None:
    text = "\n".join(pages(print_list(db, event_id), "layout"))
    names = [f"{last}, {first}" for first, last, _, _ in MEMBERS]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    for name in names:
        assert line_of(text, name).count(TICK_BOX) == 2


def test_groups_notes_blank_rows_and_staff_at_the_end(db, event_id) -> None:
    text = "\n".join(pages(print_list(db, event_id), "layout"))
    order = [
        "Ungdomssymfonikerne – Strykere (7)",
        "Ungdomssymfonikerne – Treblåsere (1)",
        "Juniorsymfonikerne – Strykere (1)",
        "Dirigent og instruktører (2)",
    ]
    assert [text.index(title) for title in order] == sorted(text.index(t) for t in order)
    assert "Meldt avbud" in line_of(text, "Fossum, Ida")
    assert text.index("Kvamme-Lund, Sverre") > text.index("Fossum, Ida")
    # The instructor is assigned on Sunday only: one box, and a dash for Saturday.
    assert line_of(text, "Engebretsen, Tuva").count(TICK_BOX) == 1
    rows = len(MEMBERS) + 3 * 3  # members and three blank rows per group
    staff_boxes = 2 + 1 + 2 * 2  # the conductor both days, the instructor one, two blank rows
    assert text.count(TICK_BOX) == rows * 2 + staff_boxes + 1  # + the one in the legend


def test_header_footer_and_page_numbers_on_every_page(db, event_id) -> None:
    texts = pages(print_list(db, event_id))
    for number, text in enumerate(texts, start=1):
        assert ORCHESTRA in text
        assert "Oppmøteliste – Helgeseminar 1" in text
        assert f"Side {number} av {len(texts)}" in text
        assert "Skrevet ut 10.01.2026" in text
    first = texts[0]
    assert "lørdag 17.01.2026" in first and "søndag 18.01.2026" in first
    assert "Asker kulturskole" in first
    assert "Ungdomssymfonikerne, Juniorsymfonikerne" in first


def test_names_outside_latin_1_survive(db, event_id) -> None:
    text = "\n".join(pages(print_list(db, event_id)))
    for name in ("Wiśniewski, Łukasz", "Nguyễn, Minh", "Zahl, Zoë", "Ærøy, Åsmund"):
        assert name in text


def test_dejavu_sans_is_embedded(db, event_id) -> None:
    reader = PdfReader(io.BytesIO(print_list(db, event_id)))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in font for font in fonts)


def test_by_section_puts_each_section_on_its_own_page(db, event_id) -> None:
    texts = pages(print_list(db, event_id, by_section=True))
    assert len(texts) == 4  # three sections and the staff
    assert "Ungdomssymfonikerne – Strykere" in texts[0]
    assert "Instruktør: Tuva Engebretsen" in texts[0]
    assert "Ungdomssymfonikerne – Treblåsere" in texts[1] and "Berg, Aaron" in texts[1]
    assert "Juniorsymfonikerne – Strykere" in texts[2] and "Helgeseminar 1 ·" in texts[2]
    assert "Dirigent og instruktører" in texts[3]


def test_sign_in_sheet_is_one_alphabetical_list(db, event_id) -> None:
    text = "\n".join(pages(print_list(db, event_id, sign_in=True), "layout"))
    assert "Innsjekkingsliste" in text and "Signatur" in text
    assert "Strykere" not in text
    alphabetical = [
        "Aas, Ingrid",
        "Berg, Aaron",
        "Fossum, Ida",
        "Nguyễn, Minh",
        "Wiśniewski, Łukasz",
        "Zahl, Zoë",
        "Ærøy, Åsmund",
        "Østby, Øystein",
        "Åkre, Åse",
        "Kvamme-Lund, Sverre",
    ]
    positions = [text.index(name) for name in alphabetical]
    assert positions == sorted(positions)
    assert TICK_BOX not in text


def test_many_days_turn_the_page(db) -> None:
    event_id = seminar(db, days=6)
    add_members(db, MEMBERS[:2], event_id=event_id)
    reader = PdfReader(io.BytesIO(print_list(db, event_id)))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height
    text = reader.pages[0].extract_text(extraction_mode="layout")
    assert line_of(text, "Aas, Ingrid").count(TICK_BOX) == 6


# --- a long list -----------------------------------------------------------------------------

FIRST = [
    "Åsmund",
    "Zoë",
    "Łukasz",
    "Ingrid",
    "Nora",
    "Emil",
    "Sofie",
    "Jakob",
    "Aurora",
    "Filip",
    "Maja",
    "Olav",
    "Thi",
    "Amir",
    "Sunniva",
    "Ola",
    "Kari",
    "Jonas",
    "Ida",
    "Sara",
]
LAST = [
    "Ødegård",
    "Nguyễn",
    "Berg",
    "Hansen",
    "Johansen",
    "Larsen",
    "Haugen",
    "Bakke",
    "Kowalski",
    "Aas",
]
INSTRUMENTS = [
    "Violin",
    "Viola",
    "Cello",
    "Flute",
    "Clarinet",
    "Trumpet",
    "French horn",
    "Percussion",
]


def crowd(count: int) -> list[tuple[str, str, str, str]]:
    return [
        (
            FIRST[i % len(FIRST)],
            f"{LAST[i // len(FIRST) % len(LAST)]}-{i:03d}",
            "ungdom",
            INSTRUMENTS[i % len(INSTRUMENTS)],
        )
        for i in range(count)
    ]


def test_a_list_of_200_repeats_its_header_on_every_page_and_never_splits_a_row(db) -> None:
    event_id = seminar(db)
    people = crowd(200)
    add_members(db, people[:20], event_id=event_id)
    with counted_statements() as short:
        print_list(db, event_id)
    add_members(db, people[20:], event_id=event_id)
    with counted_statements() as long:
        data = print_list(db, event_id)
    # No query per person (nor per page): ten times the list, the same statements.
    assert len(long) == len(short)
    texts = pages(data, "layout")
    assert len(texts) >= 6
    for number, text in enumerate(texts, start=1):
        assert f"Side {number} av {len(texts)}" in text
        assert re.search(r"Nr\s+Navn\s+Instrument\s+lør\.\s+søn\.\s+Merknad", text), number
        assert re.search(r"Ungdomssymfonikerne – \w+ \(\d+\)", text), number
    everything = "\n".join(texts)
    for first, last, _, _ in people:
        # The name and both boxes on one line: the row was not split across pages.
        assert line_of(everything, f"{last}, {first}").count(TICK_BOX) == 2
