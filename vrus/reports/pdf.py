"""A report as PDF on the printouts' page (``vrus.printing.layout``): the orchestra's name and
the report's title at the top of every page, "Side X av N" at the bottom, DejaVu Sans.

Tables use the lists' style (headings repeated on every page, rows never split); numbers are
right-aligned, rows that need attention are shaded red, sums are bold on grey. Columns get
the width their longest value needs, and text columns give way (wrapping) when the page is
too narrow, so a number is never broken. Charts are reportlab drawings in the same font.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from vrus.printing.fonts import BOLD, REGULAR
from vrus.printing.layout import (
    HEADER_FILL,
    SEVERE_FILL,
    build_pdf,
    frame_height,
    frame_width,
    list_table,
    para,
    styles,
)
from vrus.reports.charts import chart_drawing
from vrus.reports.language import Translator
from vrus.reports.tables import Kind, Report, Table
from vrus.texts import translate

PADDING = 8  # the cell's padding on both sides, and a little air
SOFT_HYPHEN = "\u00ad"
# Second halves of the long compounds in headings ("Ungdoms-symfonikerne"): a heading may
# break there, with a hyphen, instead of making a column of small numbers 100 points wide.
# reportlab has no Norwegian hyphenation of its own.
COMPOUND_ENDS = (
    "symfonikerne",
    "symfoniker",
    "orkesteret",
    "orkester",
    "kulturskole",
    "innbyggere",
    "instrumenter",
    "blåsere",
)
LONGEST_TEXT = 75 * mm  # a text column wider than this wraps
SHADED_LABEL = translate("Core", "Shaded rows: {what}")


def _style(name: str, **changes: Any) -> ParagraphStyle:
    return ParagraphStyle(f"report_{name}", styles()[name], **changes)


def _cell_styles() -> dict[str, ParagraphStyle]:
    return {
        "text": _style("cell", fontSize=9, leading=11),
        "text_bold": _style("cell", fontName=BOLD, fontSize=9, leading=11),
        "head": _style("head", fontSize=8.5, leading=10, embeddedHyphenation=1),
        "head_number": _style(
            "head", fontSize=8.5, leading=10, alignment=TA_RIGHT, embeddedHyphenation=1
        ),
    }


def breakable(text: str) -> str:
    """``text`` with soft hyphens where its long compounds may break."""
    words = []
    for word in text.split(" "):
        lower = word.casefold()
        for end in COMPOUND_ENDS:
            if len(word) > len(end) + 3 and lower.endswith(end):
                word = word[: -len(end)] + SOFT_HYPHEN + word[-len(end) :]
                break
        words.append(word)
    return " ".join(words)


def _pieces(label: str) -> list[str]:
    """The parts a heading can wrap into: words, and long compounds split as above."""
    return [
        piece + ("-" if i < len(parts) - 1 else "")
        for word in label.split()
        for parts in [word.split(SOFT_HYPHEN)]
        for i, piece in enumerate(parts)
    ]


def _widths(
    header: list[str], body: list[list[str]], rigid: list[bool], available: float, totals: int = 0
) -> list[float]:
    """Each column as wide as its longest value (text capped), headings wrapping at words;
    if the sum is too wide, the text columns give up width in proportion. ``rigid`` columns
    (numbers, dates, times) never wrap their values; the last ``totals`` rows are bold."""
    numeric = rigid
    fonts = [REGULAR] * (len(body) - totals) + [BOLD] * totals
    natural, least = [], []
    for index, label in enumerate(header):
        words = max((stringWidth(w, BOLD, 8.5) for w in _pieces(label)), default=0)
        cells = max(
            (stringWidth(row[index], font, 9) for row, font in zip(body, fonts, strict=True)),
            default=0,
        )
        width = max(words, cells) + PADDING
        if not numeric[index]:
            width = min(width, LONGEST_TEXT)
        natural.append(width)
        # A text column may shrink to its longest word, but not below 18 mm unless all its
        # values are shorter (a municipality number).
        least.append(
            words + PADDING if numeric[index] else min(width, max(words + PADDING, 18 * mm))
        )
    excess = sum(natural) - available
    if excess <= 0:
        return natural
    give = [
        n - m if not numeric[i] else 0 for i, (n, m) in enumerate(zip(natural, least, strict=True))
    ]
    spare = sum(give)
    if spare <= 0:
        return natural
    share = min(1.0, excess / spare)
    return [n - g * share for n, g in zip(natural, give, strict=True)]


def _table(table: Table, tr: Translator, wide: bool) -> tuple[list[Flowable], list[Flowable]]:
    """The title and the table; the notes under it."""
    look = _cell_styles()
    numeric = [c.numeric for c in table.columns]
    header = [breakable(tr(c.label)) for c in table.columns]
    body = [[tr.cell(v, c) for v, c in zip(row, table.columns, strict=True)] for row in table.rows]
    rigid = [
        c.numeric or not c.wrap or c.kind in (Kind.DATE, Kind.DAY, Kind.TIME) for c in table.columns
    ]
    widths = _widths(header, body, rigid, frame_width(wide), table.total_rows)
    rows: list[list] = [
        [
            Paragraph(escape(h), look["head_number" if n else "head"])
            for h, n in zip(header, numeric, strict=True)
        ]
    ]
    # Tighter than the seminar lists (nobody writes in these cells): more rows on a page.
    extra: list[tuple] = [
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("FONT", (0, 1), (-1, -1), REGULAR, 9, 11),
    ]
    extra += [("ALIGN", (col, 1), (col, -1), "RIGHT") for col, n in enumerate(numeric) if n]
    for index, cells in enumerate(body, start=1):
        total = table.is_total(index - 1)
        # Only cells that may wrap need a Paragraph; plain strings are many times faster
        # to lay out (a season's attendance of 8 000 members is a 100-page table).
        style = "text_bold" if total else "text"
        rows.append(
            [
                text if stiff else Paragraph(escape(text), look[style])
                for text, stiff in zip(cells, rigid, strict=True)
            ]
        )
        if total:
            extra += [
                ("BACKGROUND", (0, index), (-1, index), HEADER_FILL),
                ("FONT", (0, index), (-1, index), BOLD, 9, 11),
            ]
        elif index - 1 in table.marked:
            extra.append(("BACKGROUND", (0, index), (-1, index), SEVERE_FILL))
    if table.total_rows:
        first_total = len(rows) - table.total_rows
        extra.append(("LINEABOVE", (0, first_total), (-1, first_total), 1.2, colors.black))
    grid = list_table(rows, widths, zebra=not table.marked, extra=extra)
    notes = list(table.notes)
    if table.marked and table.mark_note is not None:
        notes.insert(0, SHADED_LABEL.format(what=table.mark_note))
    return [para(tr(table.title), "h2"), grid], [para(tr(note), "small") for note in notes]


def _keep(parts: list[Flowable], wide: bool, after: Sequence[Flowable] = ()) -> list[Flowable]:
    """A table with its title on one page when it fits on one (moved to the next page rather
    than split); a longer one flows, its title kept with its first rows. The notes
    (``after``) follow it."""
    height = sum(p.wrap(frame_width(wide), frame_height(wide))[1] for p in parts)
    block = (
        [KeepTogether(parts)] if height <= frame_height(wide) else [CondPageBreak(60 * mm), *parts]
    )
    return [*block, Spacer(1, 1.5 * mm), *after]


def _table_block(table: Table, tr: Translator, wide: bool) -> list[Flowable]:
    parts, notes = _table(table, tr, wide)
    return ([PageBreak()] if table.new_page else []) + _keep(parts, wide, notes)


def report_story(report: Report, tr: Translator) -> list[Flowable]:
    story: list[Flowable] = [para(tr(report.kicker), "kicker"), para(tr(report.title), "title")]
    if report.headline is not None:
        story.append(para(tr(report.headline), "alert" if report.alert else "h3"))
    story += [para(tr(line), "body") for line in report.lines]
    story.append(Spacer(1, 3 * mm))
    story += [
        Paragraph(escape(tr(p)), _style("body", fontSize=10.5, leading=14, spaceAfter=6))
        for p in report.paragraphs
    ]
    tables = [_table_block(t, tr, report.wide) for t in report.tables]
    charts = [
        _keep(
            [para(tr(c.title), "h2"), chart_drawing(c, tr, frame_width(report.wide))], report.wide
        )
        for c in report.charts
    ]
    # The chart follows the first table: the picture of what that table says.
    for block in [*tables[:1], *charts, *tables[1:]]:
        story += block
    return story


def render_pdf(report: Report, tr: Translator) -> bytes:
    return build_pdf(report_story(report, tr), title=tr(report.title), wide=report.wide)
