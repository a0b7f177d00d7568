"""The recovery sheet: a one-page PDF (and the same as text) holding the recovery key, written
owner-only and never over another file."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from vrus.errors import VrusError
from vrus.printing.recovery_sheet import (
    recovery_sheet_pdf,
    recovery_sheet_text,
    write_recovery_sheet,
)
from vrus.private_files import FileWriteError
from vrus.recovery_code import format_recovery, parse_recovery, recovery_groups
from vrus.reports.language import Translator
from vrus.texts import translate

SECRET = hashlib.sha256(b"the register's key").hexdigest()
MADE = dt.date(2025, 3, 7)  # not the frozen clock's day: the sheet prints the day it is given
REGISTER = "vrus-2025.sqlite3"
GROUP = re.compile(r"[0-9A-Z]{4}")
KEY_LINE = re.compile(r"(?:[0-9A-Z]{4}-){6}[0-9A-Z]{4}")


def write(path: Path, **changes: object) -> Path:
    arguments: dict = {
        "secret": SECRET,
        "register": REGISTER,
        "made": MADE,
        "key_store": "Windows Credential Locker",
    }
    return write_recovery_sheet(path, **{**arguments, **changes})


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces (the PDF wraps lines)."""
    return " ".join(text.split())


def test_the_groups_read_back_from_the_pdf_give_the_key(tmp_path: Path) -> None:
    path = write(tmp_path / "sheet.pdf")
    lines = pdf_text(path).splitlines()
    # Each group is one piece of text: never split, never run into its neighbour.
    groups = [line for line in lines if GROUP.fullmatch(line.strip())]
    assert groups == recovery_groups(SECRET)
    assert parse_recovery(" ".join(groups)) == SECRET


def test_the_sheet_names_the_register_the_day_and_where_the_key_lives(tmp_path: Path) -> None:
    text = flat(pdf_text(write(tmp_path / "sheet.pdf", language="en")))
    assert "VRUS recovery sheet" in text
    assert REGISTER in text
    assert "Made on: 07.03.2025" in text
    assert "The key is normally kept in: Windows Credential Locker" in text
    assert "vrus key import" in text
    assert "which asks for it when it cannot open the register" in text
    assert "like a house key" in text
    assert "Never photograph it" in text
    assert "a copy of the register file can read the children's data" in text
    assert "If the register gets a new key" in text


def test_without_a_key_store_the_key_lives_in_a_key_file(tmp_path: Path) -> None:
    text = flat(pdf_text(write(tmp_path / "sheet.pdf", key_store=None, language="en")))
    assert "The key is normally kept in: a key file" in text


def test_the_sheet_is_in_bokmal_by_default(tmp_path: Path) -> None:
    text = flat(pdf_text(write(tmp_path / "sheet.pdf")))
    nb = Translator("nb")
    assert f"{nb(translate('Core', 'Made on'))}: 07.03.2025" in text
    assert nb(translate("Core", "Made on")) != "Made on"  # the catalogue has this one


def test_the_key_is_large_and_monospaced(tmp_path: Path) -> None:
    reader = PdfReader(write(tmp_path / "sheet.pdf"))
    seen: dict[str, tuple[str, float]] = {}

    def visit(text, cm, tm, font, size) -> None:
        if GROUP.fullmatch(text.strip()):
            scale = abs(tm[3] * cm[3])  # the text and the page's vertical scale, usually 1
            seen[text.strip()] = (str(font["/BaseFont"]), size * scale)

    reader.pages[0].extract_text(visitor_text=visit)
    assert set(seen) == set(recovery_groups(SECRET))
    assert {font for font, _ in seen.values()} == {"/Courier-Bold"}
    assert min(size for _, size in seen.values()) >= 20  # the text around it is 9.5 to 18


def test_the_rest_of_the_sheet_is_in_the_embedded_dejavu_sans(tmp_path: Path) -> None:
    reader = PdfReader(write(tmp_path / "sheet.pdf"))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    }
    # Courier is one of the 14 fonts every PDF reader has; the key is plain ASCII.
    assert fonts - {"/Courier-Bold"}
    assert all(
        name.endswith(("+DejaVuSans", "+DejaVuSans-Bold")) for name in fonts - {"/Courier-Bold"}
    )


def test_the_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = write(tmp_path / "sheet.pdf")
    assert path == (tmp_path / "sheet.pdf").absolute()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]  # no temporary file left


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(b"the old sheet")
    with pytest.raises(FileWriteError, match="already exists"):
        write(path)
    assert path.read_bytes() == b"the old sheet"


def test_a_link_at_the_target_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.pdf"
    link = tmp_path / "sheet.pdf"
    link.symlink_to(elsewhere)  # pointing at nothing yet
    with pytest.raises(FileWriteError, match="already exists"):
        write(link)
    assert not elsewhere.exists()


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="does not exist"):
        write(tmp_path / "no such folder" / "sheet.pdf")


def test_a_key_without_a_recovery_key_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(VrusError, match="64 hexadecimal"):
        write(tmp_path / "sheet.pdf", secret="a passphrase from a key file")
    assert not list(tmp_path.iterdir())


def test_a_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(FileWriteError, match="No space left on device"):
        write(tmp_path / "sheet.pdf")
    assert not list(tmp_path.iterdir())


def test_the_text_sheet_has_the_same_content(tmp_path: Path) -> None:
    options = {"secret": SECRET, "register": REGISTER, "made": MADE, "key_store": None}
    text = recovery_sheet_text(**options, language="en")
    pdf = flat(
        PdfReader(io.BytesIO(recovery_sheet_pdf(**options, language="en"))).pages[0].extract_text()
    )
    assert format_recovery(SECRET) in "\n".join(line.strip() for line in text.splitlines())
    assert "Made on: 07.03.2025" in text
    assert "a key file" in text
    assert parse_recovery(text.split("Recovery key:")[1].split("14 groups")[0]) == SECRET
    # Every sentence of the text is on the PDF as well (the key is there as groups).
    for line in text.splitlines():
        sentence = line.strip().removeprefix("- ").removesuffix(":")
        if sentence and not KEY_LINE.fullmatch(sentence):
            assert flat(sentence) in pdf, sentence
