"""The recovery sheet: the register's key on paper, for the day its key store is gone.

One A4 page: what the sheet is, the register's file name and the day the sheet was made,
the recovery key (``vrus.recovery_code``) in large type, where the key normally lives, and
what to do with the sheet. ``recovery_sheet_text`` is the same content as lines for the
terminal (``vrus key export``).

The key is set in Courier Bold, one of the fonts every PDF reader has: a fixed pitch lines the
characters up in columns and keeps the groups the same width, which the shipped DejaVu Sans
cannot (its W is half as wide again as its 1). The key is plain ASCII, all Courier needs to
cover. Each group is one table cell, so a group is never broken across lines.

The sheet holds the key itself, so its file is written owner-only and never over anything
that is there already, not even through a link.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from vrus.dates import format_date
from vrus.printing.fonts import REGULAR
from vrus.printing.layout import (
    GRID,
    HEADER_FILL,
    MUTED,
    build_pdf,
    document_heading,
    frame_width,
    labelled,
    para,
)
from vrus.private_files import (
    FileWriteError,
    cannot_write,
    check_target,
    create_private_file,
    sync_folder,
)
from vrus.recovery_code import GROUPS_PER_LINE, recovery_groups, recovery_lines
from vrus.reports.language import DEFAULT_LANGUAGE, Translator
from vrus.texts import translate

KEY_FONT = "Courier-Bold"
KEY_SIZE = 24  # points: 7 groups of 4 fill the line; a 14.4 pt pitch for each character
NUMBER_SIZE = 7.5


@dataclass(frozen=True)
class _Content:
    """The sheet's texts in one language, for the PDF and the plain text alike."""

    kicker: str
    register: str
    facts: list[tuple[str, str]]
    key_heading: str
    key_note: str
    purpose_heading: str
    purpose: list[str]
    safety_heading: str
    safety: list[str]


def _content(*, register: str, made: dt.date, key_store: str | None, language: str) -> _Content:
    tr = Translator(language)
    kept = key_store or tr(translate("Core", "a key file"))
    return _Content(
        kicker=tr(translate("Core", "VRUS recovery sheet")),
        register=register,
        facts=[
            (tr(translate("Core", "Made on")), format_date(made)),
            (tr(translate("Core", "The key is normally kept in")), kept),
        ],
        key_heading=tr(translate("Core", "Recovery key")),
        key_note=tr(
            translate(
                "Core",
                "14 groups of 4 characters; the last group checks the others. Digits and the "
                "letters A-Z except I, L, O and U: 0 is always zero, 1 always one.",
            )
        ),
        purpose_heading=tr(translate("Core", "What this sheet is for")),
        purpose=[
            tr(
                translate(
                    "Core",
                    "With this sheet the register can be opened on a new computer, or on this "
                    "one after the key store that holds its key is lost.",
                )
            ),
            tr(
                translate(
                    "Core",
                    "Type the key in with the command 'vrus key import', or in the window, "
                    "which asks for it when it cannot open the register.",
                )
            ),
        ],
        safety_heading=tr(translate("Core", "Keep it safe")),
        safety=[
            tr(translate("Core", "Keep the sheet locked away, like a house key.")),
            tr(translate("Core", "Never photograph it, scan it or send it by e-mail.")),
            tr(
                translate(
                    "Core",
                    "Anyone who has this sheet and a copy of the register file can read the "
                    "children's data.",
                )
            ),
            tr(
                translate(
                    "Core",
                    "If the register gets a new key, this sheet no longer opens it: print a "
                    "new sheet and shred this one.",
                )
            ),
        ],
    )


def _key_table(groups: list[str]) -> Table:
    """The groups in rows of seven, each under its number, the check group shaded."""
    rows: list[list[str]] = []
    for start in range(0, len(groups), GROUPS_PER_LINE):
        line = groups[start : start + GROUPS_PER_LINE]
        rows.append([str(start + at + 1) for at in range(len(line))])
        rows.append(line)
    width = frame_width() / GROUPS_PER_LINE
    table = Table(rows, colWidths=[width] * GROUPS_PER_LINE, hAlign="CENTER")
    last_row, last_column = len(rows) - 1, (len(groups) - 1) % GROUPS_PER_LINE
    commands: list[tuple] = [
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (last_column, last_row), (last_column, last_row), HEADER_FILL),
    ]
    for row in range(0, len(rows), 2):
        commands += [
            ("FONT", (0, row), (-1, row), REGULAR, NUMBER_SIZE),
            ("TEXTCOLOR", (0, row), (-1, row), MUTED),
            ("TOPPADDING", (0, row), (-1, row), 6),
            ("BOTTOMPADDING", (0, row), (-1, row), 1),
            ("FONT", (0, row + 1), (-1, row + 1), KEY_FONT, KEY_SIZE),
            ("TOPPADDING", (0, row + 1), (-1, row + 1), 7),
            ("BOTTOMPADDING", (0, row + 1), (-1, row + 1), 9),
            ("BOX", (0, row + 1), (-1, row + 1), 0.75, GRID),
            ("INNERGRID", (0, row + 1), (-1, row + 1), 0.75, GRID),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _lines(lines: list[str]) -> list[Flowable]:
    """Instructions a size larger than a list's cells, a little apart: read once, slowly."""
    story: list[Flowable] = []
    for line in lines:
        story += [para(line, "name"), Spacer(1, 1.5 * mm)]
    return story


def recovery_sheet_pdf(
    *,
    secret: str,
    register: str,
    made: dt.date,
    key_store: str | None,
    language: str = DEFAULT_LANGUAGE,
) -> bytes:
    """The recovery sheet as a PDF; ``VrusError`` when ``secret`` has no recovery key."""
    groups = recovery_groups(secret)
    content = _content(register=register, made=made, key_store=key_store, language=language)
    story: list[Flowable] = document_heading(
        content.kicker,
        content.register,
        [labelled(label, value) for label, value in content.facts],
    )
    story += [
        para(content.key_heading, "h2"),
        _key_table(groups),
        Spacer(1, 2 * mm),
        para(content.key_note, "small"),
        Spacer(1, 4 * mm),
        para(content.purpose_heading, "h2"),
    ]
    story += _lines(content.purpose)
    story.append(para(content.safety_heading, "h2"))
    story += _lines([f"• {line}" for line in content.safety])
    running = f"{content.kicker} – {register}"
    return build_pdf(story, title=running, printed=made)


def recovery_sheet_text(
    *,
    secret: str,
    register: str,
    made: dt.date,
    key_store: str | None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The recovery sheet as lines of text (the key as ``format_recovery`` prints it)."""
    lines = recovery_lines(secret)
    content = _content(register=register, made=made, key_store=key_store, language=language)
    text = [content.kicker, ""]
    text += [f"{label}: {value}" for label, value in content.facts]
    text += ["", f"{content.key_heading}:", "", *(f"    {line}" for line in lines), ""]
    text += [content.key_note, "", f"{content.purpose_heading}:", *content.purpose, ""]
    text += [f"{content.safety_heading}:", *(f"- {line}" for line in content.safety)]
    return "\n".join(text) + "\n"


def write_recovery_sheet(
    target: Path,
    *,
    secret: str,
    register: str,
    made: dt.date,
    key_store: str | None,
    language: str = DEFAULT_LANGUAGE,
) -> Path:
    """Write the recovery sheet's PDF to ``target``, a new file readable by its owner only;
    returns the absolute path. Refuses a target that exists (``FileWriteError``) and a
    ``secret`` that has no recovery key (``VrusError``), both before writing anything."""
    path = check_target(target)
    data = recovery_sheet_pdf(
        secret=secret, register=register, made=made, key_store=key_store, language=language
    )
    if create_private_file(path) is None:  # never over anything, not even through a link
        raise FileWriteError(
            translate("Core", "{path} already exists; choose another name").format(path=str(path))
        )
    try:
        # O_NOFOLLOW: the file just made, not a link put in its place meanwhile.
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        path.unlink(missing_ok=True)
        raise cannot_write(path, error) from None
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    return path
