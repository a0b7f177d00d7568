"""The note a moved register leaves beside its old file, and the refusal to open that file.

After ``vrus transfer`` the SQLite file stays as it was at the move, without its write
permission, and ``<file>.moved.txt`` beside it says where the register now lives: the
server's address without user name or password, and the day. Opening the old file then
names the server instead of letting anyone work on in a copy nobody else sees. Whoever
means to use the file as a register of its own again gives it its write permission back.
"""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from vrus.dates import format_date
from vrus.errors import DatabaseError
from vrus.private_files import write_private_file
from vrus.texts import translate

NOTE_SUFFIX = ".moved.txt"
# The note's lines a program reads back (the rest is for people).
_SERVER = "server: "
_MOVED_ON = "moved: "


@dataclass(frozen=True)
class MovedNote:
    server: str
    moved_on: dt.date | None


def note_path(path: Path) -> Path:
    return path.with_name(path.name + NOTE_SUFFIX)


def server_address(url: str) -> str:
    """The URL without user name and password: where, not who (a login is often a name)."""
    # URL.set leaves a field given as None as it was; the URL is a named tuple.
    parsed = make_url(url)
    return parsed._replace(username=None, password=None).render_as_string(hide_password=True)


def write_note(path: Path, url: str, day: dt.date) -> Path:
    """``<file>.moved.txt`` beside the moved register (owner-only, like every VRUS file)."""
    lines = [
        str(
            translate(
                "Core",
                "This VRUS register was moved to a database server on {date}. It lives there "
                "now; this file is kept read-only as it was at the move.",
            ).format(date=format_date(day))
        ),
        str(
            translate(
                "Core",
                "Connect to the server in the window (File menu) or with VRUS_DATABASE_URL.",
            )
        ),
        "",
        f"{_SERVER}{server_address(url)}",
        f"{_MOVED_ON}{day.isoformat()}",
        "",
    ]
    return write_private_file(note_path(path), "\n".join(lines).encode("utf-8"))


def read_note(path: Path) -> MovedNote | None:
    """The note beside ``path``; None when there is none (or it is not one of VRUS's)."""
    try:
        text = note_path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    server, moved_on = None, None
    for line in text.splitlines():
        if line.startswith(_SERVER):
            server = line[len(_SERVER) :].strip()
        elif line.startswith(_MOVED_ON):
            try:
                moved_on = dt.date.fromisoformat(line[len(_MOVED_ON) :].strip())
            except ValueError:
                moved_on = None
    return MovedNote(server, moved_on) if server else None


def is_read_only(path: Path) -> bool:
    """Nobody has write permission on the file (the bits: root may write anyway)."""
    return path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0


def make_read_only(path: Path) -> None:
    """Take the write permission bits off the file, keeping who may read it."""
    mode = stat.S_IMODE(path.stat().st_mode)
    path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def refuse_moved(path: Path) -> None:
    """Refuse to open a register file that was moved to a server (read-only, with its note)."""
    if not path.is_file() or not is_read_only(path):
        return
    note = read_note(path)
    if note is None:
        return
    if note.moved_on is None:
        where = translate("Core", "{path} was moved to the server {server}").format(
            path=str(path), server=note.server
        )
    else:
        where = translate("Core", "{path} was moved to the server {server} on {date}").format(
            path=str(path), server=note.server, date=format_date(note.moved_on)
        )
    raise DatabaseError(
        translate(
            "Core",
            "{where} and is kept read-only: connect to the server instead (File menu, or "
            "VRUS_DATABASE_URL); to use this file as a register of its own again, give it "
            "back its write permission",
        ).format(where=str(where))
    )
