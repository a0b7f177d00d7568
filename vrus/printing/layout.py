"""The page every VRUS printout shares: A4, the orchestra's name and the document's title at
the top, the print date and "Side 1 av 3" at the bottom; and the table style of the lists.

The total page count is only known once the story has been laid out, so the canvas keeps
each page's drawing and adds header and footer to all of them when the document is saved
(one layout pass, not two).

Tables repeat their header rows on every page and never split a row across pages
(``splitInRow=0``: reportlab breaks a table only between rows). Cell text that can be long
(names, notes) goes in Paragraphs, so it wraps inside its column instead of running over.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from vrus import clock
from vrus.dates import format_date, format_with_weekday, weekday_name
from vrus.printing.fonts import BOLD, REGULAR, register_fonts

ORCHESTRA = "Vestregionens Ungdomssymfonikere"
MARGIN = 15 * mm
TOP_MARGIN = 22 * mm  # room for the running header
BOTTOM_MARGIN = 18 * mm  # room for the footer
TICK_BOX = "☐"  # a character, so the form's boxes are text a test (or a search) can count
WARNING_SIGN = "⚠"

GRID = colors.HexColor("#9A9A9A")
HEADER_FILL = colors.HexColor("#DCE3EA")
GROUP_FILL = colors.HexColor("#3E5568")
ZEBRA_FILL = colors.HexColor("#F3F3F3")
SEVERE_FILL = colors.HexColor("#FBDADA")
ALERT = colors.HexColor("#B00020")
MUTED = colors.HexColor("#555555")


# --- text styles ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=11.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=9.5, leading=11.5),
        "name": ParagraphStyle("name", base, fontSize=10.5, leading=12.5),
        "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=9, leading=11),
        "head_centre": ParagraphStyle(
            "head_centre", base, fontName=BOLD, fontSize=9, leading=11, alignment=TA_CENTER
        ),
        "group": ParagraphStyle(
            "group", base, fontName=BOLD, fontSize=11, leading=13.5, textColor=colors.white
        ),
        "kicker": ParagraphStyle("kicker", base, fontSize=10, leading=12, textColor=MUTED),
        "title": ParagraphStyle(
            "title", base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=3
        ),
        "h2": ParagraphStyle(
            "h2", base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3
        ),
        "alert_cell": ParagraphStyle("alert_cell", base, fontName=BOLD, textColor=ALERT),
        "alert": ParagraphStyle(
            "alert", base, fontName=BOLD, fontSize=10.5, leading=13, textColor=ALERT
        ),
        "tick": ParagraphStyle("tick", base, fontSize=13, leading=14, alignment=TA_CENTER),
        "big": ParagraphStyle("big", base, fontName=BOLD, fontSize=26, leading=30),
    }


def para(text: str | None, style: str = "cell") -> Paragraph:
    """Plain text (escaped, so "<" or "&" in a name print as typed) in a wrapping cell."""
    return Paragraph(escape(text or ""), styles()[style])


def rich(markup: str, style: str = "cell") -> Paragraph:
    """Text with reportlab markup (<b>, <br/>); the caller escapes the values in it."""
    return Paragraph(markup, styles()[style])


def fit_width(
    texts: Iterable[str | None],
    style: str = "cell",
    *,
    least: float = 15 * mm,
    most: float = 60 * mm,
) -> float:
    """A column width that holds the longest of ``texts`` on one line (within limits), so
    "Ungdomssymfonikerne" is not broken in the middle of the word."""
    chosen = styles()[style]
    longest = max(
        (stringWidth(t or "", chosen.fontName, chosen.fontSize) for t in texts), default=0
    )
    return max(least, min(most, longest + 8))  # 8 pt: the cell's padding and a margin


def tick_box() -> Paragraph:
    return Paragraph(TICK_BOX, styles()["tick"])


# --- tables ----------------------------------------------------------------------------------


class _MeasuredOnce(Table):
    """reportlab's Table, measuring its rows once.

    reportlab measures every row again each time a table is wrapped or split, which is once
    per page of a long table, and in its "long table" mode it sums all the rows above for
    each row it measures (stopping early only for tables with spanned cells): the season's
    attendance of 8 000 members, a 190-page table, spent most of its seconds there. The
    columns have fixed widths, so the heights cannot change: the first complete measurement
    becomes the table's given row heights, which reportlab passes on to the parts it splits
    off. The same heights, so the same pages."""

    def _calc_height(  # reportlab's private method and names
        self,
        availHeight: float,  # noqa: N803
        availWidth: float,  # noqa: N803
        H: Any = None,  # noqa: N803
        W: Any = None,  # noqa: N803
    ) -> None:
        super()._calc_height(availHeight, availWidth, H, W)  # type: ignore[misc]
        measured = getattr(self, "_rowHeights", None)
        if measured is not None and None not in measured:
            self._argH = measured


def list_table(
    rows: Sequence[list[Any] | tuple[Any, ...]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    group_row: bool = False,
    zebra: bool = True,
    extra: Sequence[tuple] = (),
) -> Table:
    """A bordered list: header rows repeated on every page, light stripes for following a
    row across the page, rows never split. ``group_row``: the first row is a dark band
    spanning the table (the group's name), repeated with the header."""
    spans = group_row or any(command[0] == "SPAN" for command in extra)
    table = _MeasuredOnce(
        list(rows),
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=0,
        hAlign="LEFT",
        # Without spans the long-table mode only adds its quadratic sums (see above).
        longTableOptimize=int(spans),
    )
    first_head = 1 if group_row else 0
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9.5),
        ("GRID", (0, first_head), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, first_head), (-1, header_rows - 1), HEADER_FILL),
    ]
    if group_row:
        commands += [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), GROUP_FILL),
            ("TOPPADDING", (0, 0), (-1, 0), 4),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ]
    if zebra:
        commands += [
            ("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL)
            for row in range(header_rows + 1, len(rows), 2)
        ]
    table.setStyle(TableStyle(commands + list(extra)))
    return table


def keep_if_short(flowable: Flowable, wide: bool = False) -> Flowable:
    """Keep a group on one page when it fits on one (moving it to the next page rather than
    splitting it); a longer one flows, so a long group does not leave a page half empty."""
    _, height = flowable.wrap(frame_width(wide), frame_height(wide))
    return KeepTogether(flowable) if height <= frame_height(wide) else flowable


# --- the page ------------------------------------------------------------------------------


def _canvas_class(title: str, printed: dt.date) -> type[Canvas]:
    """A canvas that draws header and footer on every page once it knows how many there are."""

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private: not in reportlab's stubs

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._frame(number, len(self._pages))
                super().showPage()
            super().save()

        def _frame(self, number: int, total: int) -> None:
            width, height = self._pagesize  # type: ignore[attr-defined]  # as _startPage
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            top = height - 12 * mm
            self.setFont(BOLD, 9)
            self.drawString(MARGIN, top, ORCHESTRA)
            self.setFont(REGULAR, 9)
            self.drawRightString(width - MARGIN, top, title)
            self.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
            bottom = 10 * mm
            self.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
            self.drawString(MARGIN, bottom, f"Skrevet ut {format_date(printed)}")
            self.drawRightString(width - MARGIN, bottom, f"Side {number} av {total}")
            self.restoreState()

    return PagedCanvas


def page_size(wide: bool = False) -> tuple[float, float]:
    return landscape(A4) if wide else A4


def frame_width(wide: bool = False) -> float:
    """The width tables can use on the page (the frame's 6 pt padding taken off)."""
    return page_size(wide)[0] - 2 * MARGIN - 12


def frame_height(wide: bool = False) -> float:
    """The height the story can use on a page (the frame's 6 pt padding taken off)."""
    return page_size(wide)[1] - TOP_MARGIN - BOTTOM_MARGIN - 12


def build_pdf(
    story: list[Flowable], *, title: str, wide: bool = False, printed: dt.date | None = None
) -> bytes:
    """Lay out ``story`` on A4 (landscape if ``wide``) and return the PDF."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=page_size(wide),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        author=ORCHESTRA,
        creator="VRUS",
        # Not reportlab's default Helvetica, which every page would otherwise reference.
        initialFontName=REGULAR,
        initialFontSize=9.5,
        initialLeading=11.5,
    )
    document.build(story, canvasmaker=_canvas_class(title, clock.or_today(printed)))
    return buffer.getvalue()


# --- file names ----------------------------------------------------------------------------


KIND_PREFIXES = {
    "attendance": "oppmote",
    "attendance_by_section": "oppmote-per-gruppe",
    "sign_in": "innsjekk",
    "lunch": "lunsj",
    "contacts": "kontaktliste",
    "roster": "vaktliste",
}
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ł": "l", "đ": "d", "ß": "ss"})


def slug(text: str) -> str:
    """'Helgeseminar 1 – Ås' as 'helgeseminar-1-as': safe in any file system and mail."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def default_filename(
    kind: str, event: Any = None, *, label: str | None = None, day: dt.date | None = None
) -> str:
    """A descriptive file name: 'oppmote-helgeseminar-1-2026-01-17.pdf'. ``event`` is
    anything with ``title`` and ``days`` (dates or rows with ``date``); without one, the
    name is made from ``label`` and ``day``."""
    parts = [KIND_PREFIXES.get(kind, slug(kind))]
    if event is not None:
        dates = [getattr(d, "date", d) for d in event.days]
        parts.append(slug(event.title))
        day = day or (min(dates) if dates else None)
    if label:
        parts.append(slug(label))
    if day is not None:
        parts.append(day.isoformat())
    return "-".join(part for part in parts if part) + ".pdf"


# --- the top of a document -------------------------------------------------------------------


def short_day(day: dt.date) -> str:
    """'lør. 05.12': a column heading that still shows the weekday."""
    return f"{weekday_name(day, 'nb')[:3]}. {day.day:02d}.{day.month:02d}"


def day_with_times(day: dt.date, start: dt.time | None, end: dt.time | None) -> str:
    """'lørdag 05.12.2026 kl. 10.00–16.00' (Norwegian writes times with a full stop)."""
    text = format_with_weekday(day, "nb")
    if start and end:
        return f"{text} kl. {start:%H.%M}–{end:%H.%M}"
    if start:
        return f"{text} kl. {start:%H.%M}"
    return text


def document_heading(kicker: str, title: str, lines: Sequence[str]) -> list[Flowable]:
    """What the document is (small), its title (large), then facts, one per line; ``lines``
    are markup, the caller escapes the values in them."""
    story: list[Flowable] = [para(kicker, "kicker"), para(title, "title")]
    story += [rich(line, "body") for line in lines]
    story.append(Spacer(1, 4 * mm))
    return story


def labelled(label: str, value: str) -> str:
    """'<b>Sted:</b> value' with the value escaped."""
    return f"<b>{escape(label)}:</b> {escape(value)}"
