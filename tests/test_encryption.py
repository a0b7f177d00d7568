"""The encrypted register (SQLCipher): keys, refusals, backups, conversions both ways, and a
backup restored on a new computer with the recovery key.

"A computer" here is a home folder and a key store (``tests/keystore.py``): a new computer
has an empty key store, as after a lost laptop.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from vrus.backup import backup_now, restore
from vrus.backup_files import backup_dir, list_backups
from vrus.cli import main
from vrus.db import driver
from vrus.db.engine import Database, sqlite_url
from vrus.db.keys import KEY_FILE, KEY_STORE, RegisterKey, new_secret, read_key_file
from vrus.db.migrate import downgrade
from vrus.db.models import Allergy, Person
from vrus.demo import load_demo
from vrus.encryption import decrypt_copy, encrypt_register, import_recovery_key, table_digests
from vrus.errors import DatabaseError, VrusError
from vrus.exporting import export
from vrus.opening import MissingKeyError, open_database
from vrus.recovery_code import format_recovery

HEADER = b"SQLite format 3\x00"
TODAY = dt.date(2026, 12, 2)


def write_key(path: Path, secret: str | None = None) -> Path:
    path.write_text((secret or new_secret()) + "\n", encoding="utf-8")
    return path


def rows(path: Path) -> dict[str, tuple[int, str]]:
    connection = driver.connect_file(path, read_only=True)
    try:
        return table_digests(connection)
    finally:
        connection.close()


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A plain demo register and a key file, made once: (register, key file)."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        load_demo(db, today=TODAY)
    finally:
        db.close()
    return path, write_key(folder / "demo.key")


@pytest.fixture
def plain(tmp_path: Path, demo_register: tuple[Path, Path]) -> Path:
    path = tmp_path / "register.sqlite3"
    shutil.copy2(demo_register[0], path)
    return path


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return write_key(tmp_path / "register.key")


def secrets_of(path: Path, key: RegisterKey | None) -> list[bytes]:
    """Words that must never be readable in an encrypted file: names and allergies."""
    db = open_database(sqlite_url(path), key=key, migrate=False, verify=False)
    try:
        with db.sessions() as session:
            names = session.scalars(select(Person.last_name).limit(40)).all()
            allergens = session.scalars(select(Allergy.allergen).distinct()).all()
    finally:
        db.close()
    # Six bytes or more: a shorter word turns up by chance in a megabyte of random bytes.
    words = [w.encode("utf-8") for w in {*names, *allergens} if w and len(w.encode()) >= 6]
    assert len(words) >= 5
    return words


def readable(path: Path, words: list[bytes]) -> list[str]:
    """Which files beside and under ``path``'s folder hold any of ``words`` as plain bytes."""
    found = []
    for file in sorted(path.parent.rglob("*")):
        if file.is_file() and file.suffix not in (".key", ".csv", ".pdf", ".txt"):
            data = file.read_bytes()
            if any(word in data for word in words):
                found.append(file.name)
    return found


def export_members(db: Database, path: Path) -> bytes:
    export(db, "members", path, include_archived=True)
    return path.read_bytes()


# --- a new register ------------------------------------------------------------------------


def test_a_new_register_with_a_key_file_is_encrypted_with_its_backups(
    tmp_path: Path, key_file: Path
) -> None:
    path = tmp_path / "register.sqlite3"
    db = open_database(sqlite_url(path), key_file=key_file)
    try:
        assert db.encrypted and db.key is not None and db.key.source == KEY_FILE
        load_demo(db, today=TODAY)
        # The -wal of a register in use is encrypted as well.
        assert path.with_name(path.name + "-wal").exists()
        words = secrets_of(path, db.key)
        assert readable(path, words) == []
        backup_now(db)
        backup_now(db, tmp_path / "usb-copy.sqlite3")
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.close()
    assert path.read_bytes()[:16] != HEADER
    copies = [*backup_dir(path).iterdir(), tmp_path / "usb-copy.sqlite3"]
    assert copies and all(copy.read_bytes()[:16] != HEADER for copy in copies)
    assert readable(path, words) == []
    assert all(info.ok for info in list_backups(path, key=db.key))


def test_the_norwegian_collation_sorts_in_an_encrypted_register(
    tmp_path: Path, key_file: Path
) -> None:
    db = open_database(sqlite_url(tmp_path / "r.sqlite3"), key_file=key_file)
    try:
        with db.transaction() as session:
            for name in ("Åse", "Zara", "Øystein", "Ærlig", "Anna"):
                session.add(
                    Person(
                        first_name=name,
                        last_name="Test",
                        gender="female",
                        birth_date=dt.date(2010, 1, 1),
                    )
                )
        with db.sessions() as session:
            names = session.scalars(select(Person.first_name).order_by(Person.first_name)).all()
    finally:
        db.close()
    assert names == ["Anna", "Zara", "Ærlig", "Øystein", "Åse"]


def test_without_a_key_store_or_key_file_a_new_register_is_plain_and_check_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.sqlite3"
    assert main(["--db", str(path), "events", "list"]) == 0
    assert "is NOT encrypted" in capsys.readouterr().err
    assert path.read_bytes()[:16] == HEADER
    assert main(["--db", str(path), "check"]) == 0  # plain is no failure of the check
    lines = capsys.readouterr().out.splitlines()
    assert "Encrypted: no" in lines
    assert "Result: OK" in lines


def test_with_a_key_store_a_new_register_gets_a_key_of_its_own_there(
    tmp_path: Path, key_store, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (first, second):
        assert main(["--db", str(path), "events", "list"]) == 0
        assert path.read_bytes()[:16] != HEADER
    assert "NOT encrypted" not in capsys.readouterr().err
    stored = key_store.entries()
    assert len(stored) == 2 and len(set(stored.values())) == 2  # one key per register
    assert main(["--db", str(first), "check"]) == 0
    out = capsys.readouterr().out
    assert "Encrypted: yes" in out and "Test key store" in out


def test_check_prints_encrypted_yes_with_a_key_file_through_a_sqlite_url(
    tmp_path: Path,
    key_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "r.sqlite3"
    monkeypatch.setenv("VRUS_DATABASE_URL", sqlite_url(path))
    monkeypatch.setenv("VRUS_KEY_FILE", str(key_file))
    before = (key_file.read_bytes(), key_file.stat().st_mtime_ns)
    assert main(["events", "list"]) == 0
    assert main(["check"]) == 0
    assert "Encrypted: yes" in capsys.readouterr().out.splitlines()
    assert path.read_bytes()[:16] != HEADER
    assert (key_file.read_bytes(), key_file.stat().st_mtime_ns) == before  # never rewritten


# --- refusals ----------------------------------------------------------------------------------


def encrypted_copy(plain: Path, key_file: Path) -> Path:
    assert main(["--db", str(plain), "--key-file", str(key_file), "encrypt"]) == 0
    return plain


def test_without_the_key_it_refuses_in_one_line_and_writes_nothing(
    plain: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = encrypted_copy(plain, key_file)
    capsys.readouterr()
    before = sorted(p.name for p in path.parent.iterdir()), fingerprint(path)
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "the register is encrypted and this computer does not hold its key" in err
    assert "recovery sheet" in err
    with pytest.raises(MissingKeyError) as refused:
        open_database(sqlite_url(path))
    assert refused.value.path == path
    assert (sorted(p.name for p in path.parent.iterdir()), fingerprint(path)) == before


def test_a_wrong_key_is_refused_naming_the_key_file_and_writes_nothing(
    plain: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = encrypted_copy(plain, key_file)
    wrong = write_key(tmp_path / "wrong.key")
    before = fingerprint(path)
    capsys.readouterr()
    assert main(["--db", str(path), "--key-file", str(wrong), "events", "list"]) == 1
    err = capsys.readouterr().err
    assert f"the key in {wrong.absolute()} does not open this register" in err
    assert fingerprint(path) == before
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [("", "the file is empty"), ("x" * 5000, "too big to be a key")],
)
def test_an_unusable_key_file_is_refused(tmp_path: Path, content: str, reason: str) -> None:
    named = tmp_path / "k.txt"
    named.write_text(content)
    with pytest.raises(VrusError, match=reason):
        read_key_file(named)
    with pytest.raises(VrusError, match="no such file"):
        read_key_file(tmp_path / "missing.txt")


def test_a_key_file_may_hold_the_recovery_groups_or_a_passphrase(tmp_path: Path) -> None:
    secret = new_secret()
    groups = tmp_path / "groups.txt"
    groups.write_text(format_recovery(secret))
    assert read_key_file(groups).secret == secret
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("correct horse battery staple\n")
    key = read_key_file(phrase)
    assert not key.raw and key.secret == "correct horse battery staple"
    db = open_database(sqlite_url(tmp_path / "r.sqlite3"), key_file=phrase)
    db.close()
    assert (tmp_path / "r.sqlite3").read_bytes()[:16] != HEADER
    assert "horse" not in repr(key)


def test_a_text_file_is_still_refused_as_not_a_register(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    other.write_text("not a database\n")
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_database(sqlite_url(other))


# --- converting -------------------------------------------------------------------------------


def test_encrypt_then_decrypt_keeps_every_row_and_leaves_no_plain_copy(
    plain: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(sqlite_url(plain))
    before = export_members(db, tmp_path / "before.csv")
    backup_now(db)
    db.close()
    (backup_dir(plain) / "register.sqlite3.before-0005-20261101-120000.bak").write_bytes(
        plain.read_bytes()
    )  # a plain copy made before an upgrade, beside the backups
    words = secrets_of(plain, None)
    assert readable(plain, words)

    assert main(["--db", str(plain), "--key-file", str(key_file), "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "Backups encrypted: 2" in out
    assert readable(plain, words) == []
    assert not list(plain.parent.glob("*.part"))

    key = read_key_file(key_file)
    db = open_database(sqlite_url(plain), key_file=key_file)
    try:
        assert db.encrypted
        assert export_members(db, tmp_path / "after.csv") == before
        (tmp_path / "out").mkdir()
        copy = decrypt_copy(db, tmp_path / "out" / "plain.sqlite3")
    finally:
        db.close()
    assert copy.read_bytes()[:16] == HEADER
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    db = open_database(sqlite_url(copy))
    try:
        assert not db.encrypted
        assert export_members(db, tmp_path / "decrypted.csv") == before
    finally:
        db.close()
    assert all(info.ok for info in list_backups(plain, key=key))


def test_decrypt_on_the_command_line_warns_and_refuses_a_plain_register(
    plain: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(plain), "decrypt", "-o", str(tmp_path / "x.sqlite3")]) == 1
    assert "is not encrypted" in capsys.readouterr().err
    encrypted_copy(plain, key_file)
    target = tmp_path / "copy.sqlite3"
    assert (
        main(["--db", str(plain), "--key-file", str(key_file), "decrypt", "-o", str(target)]) == 0
    )
    captured = capsys.readouterr()
    assert "is NOT encrypted" in captured.err
    assert target.read_bytes()[:16] == HEADER
    # Never over another file.
    assert (
        main(["--db", str(plain), "--key-file", str(key_file), "decrypt", "-o", str(target)]) == 1
    )
    assert "already exists" in capsys.readouterr().err


def test_encrypt_refuses_an_encrypted_register_and_one_without_a_key(
    plain: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(plain)
    assert main(["--db", str(plain), "encrypt"]) == 1  # no key store, no key file
    assert "no key store" in capsys.readouterr().err
    assert fingerprint(plain) == before
    encrypted_copy(plain, key_file)
    assert main(["--db", str(plain), "--key-file", str(key_file), "encrypt"]) == 1
    assert "encrypted already" in capsys.readouterr().err


def test_encrypt_refuses_a_register_in_use(plain: Path, key_file: Path) -> None:
    # Another process (another VRUS window) has the register open.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM persons').fetchall(); print('open', flush=True); "
            "sys.stdin.readline()",
            str(plain),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = fingerprint(plain)
        with pytest.raises(VrusError, match="in use"):
            encrypt_register(plain, read_key_file(key_file))
        assert fingerprint(plain) == before
    finally:
        holder.communicate("\n", timeout=30)


def test_encrypting_into_the_key_store_stores_the_key_only_when_it_worked(
    plain: Path, key_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrus import encryption

    def broken(*_args, **_kwargs):
        raise encryption.ConversionError("the converted copy differs")

    monkeypatch.setattr(encryption, "check_copy", broken)
    before = rows(plain)
    with pytest.raises(encryption.ConversionError):
        encrypt_register(plain)
    # The register is as it was (SQLite's change counter in the header aside).
    assert plain.read_bytes()[:16] == HEADER and rows(plain) == before
    assert key_store.entries() == {}
    assert not list(plain.parent.glob(".*.part"))
    monkeypatch.undo()
    result = encrypt_register(plain)
    assert result.key.source == KEY_STORE
    assert list(key_store.entries().values()) == [result.key.secret]
    db = open_database(sqlite_url(plain))  # found in the key store
    assert db.encrypted
    db.close()


# --- backups, upgrades and restores ---------------------------------------------------------


def test_the_copy_made_before_an_upgrade_is_encrypted(plain: Path, key_file: Path) -> None:
    encrypted_copy(plain, key_file)
    db = open_database(sqlite_url(plain), key_file=key_file)
    downgrade(db, "0004")
    db.close()
    db = open_database(sqlite_url(plain), key_file=key_file)  # upgrades, copying first
    db.close()
    before = [p for p in plain.parent.iterdir() if ".before-" in p.name]
    assert len(before) == 1 and before[0].read_bytes()[:16] != HEADER


def test_a_plain_backup_restores_into_an_encrypted_register(
    plain: Path, key_file: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old-plain.sqlite3"
    shutil.copy2(plain, old)
    encrypted_copy(plain, key_file)
    key = read_key_file(key_file)
    restored = restore(plain, old, key)
    assert restored.safety is not None and restored.safety.read_bytes()[:16] != HEADER
    assert plain.read_bytes()[:16] != HEADER
    db = open_database(sqlite_url(plain), key_file=key_file)
    db.close()
    assert not list(backup_dir(plain).glob("*converting*"))


def test_a_backup_restores_on_a_new_computer_with_the_recovery_key(
    plain: Path,
    tmp_path: Path,
    key_store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The first computer: the register encrypted with a key in its key store; a backup on a
    # USB stick, and the recovery sheet printed.
    assert main(["--db", str(plain), "encrypt"]) == 0
    db = open_database(sqlite_url(plain))
    before = export_members(db, tmp_path / "before.csv")
    db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--db", str(plain), "backup", "-o", str(usb / "vrus.sqlite3")]) == 0
    capsys.readouterr()
    assert main(["--db", str(plain), "key", "export"]) == 0
    sheet = capsys.readouterr().out
    sheet_file = tmp_path / "typed.txt"
    groups = [line.strip() for line in sheet.splitlines() if line.count("-") == 6]
    sheet_file.write_text("\n".join(groups).lower())  # typed back, in lower case

    # The new computer: a new home, an empty key store, the register at its default place.
    key_store.memory.clear()
    home = tmp_path / "new-home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    assert main(["restore", str(usb / "vrus.sqlite3")]) == 1  # no key yet: refused
    assert "vrus key import" in capsys.readouterr().err
    assert key_store.entries() == {}  # the refused restore made no key of its own
    assert main(["key", "import", "--from-file", str(sheet_file)]) == 0
    assert main(["restore", str(usb / "vrus.sqlite3")]) == 0
    from vrus.paths import default_database_path

    db = open_database(sqlite_url(default_database_path()))
    try:
        assert db.encrypted
        assert export_members(db, tmp_path / "after.csv") == before
    finally:
        db.close()


def test_a_backup_from_another_computer_restores_with_its_key_file(
    plain: Path, tmp_path: Path, key_store, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new computer that already made a register of its own (with its own key): the
    backup's recovery key opens the backup, and it takes this register's key."""
    old_key = write_key(tmp_path / "old.key")
    encrypted_copy(plain, old_key)
    here = tmp_path / "here" / "vrus.sqlite3"
    assert main(["--db", str(here), "events", "list"]) == 0  # a new register, its own key
    capsys.readouterr()
    assert main(["--db", str(here), "restore", str(plain)]) == 1
    assert "another key" in capsys.readouterr().err
    sheet = tmp_path / "sheet.txt"
    sheet.write_text(format_recovery(read_key_file(old_key).secret))
    assert main(["--db", str(here), "restore", str(plain), "--backup-key-file", str(sheet)]) == 0
    db = open_database(sqlite_url(here))  # with this computer's key from the key store
    try:
        assert db.encrypted and db.key is not None and db.key.source == KEY_STORE
        with db.sessions() as session:
            assert session.scalar(select(Person.id).limit(1)) is not None
    finally:
        db.close()


def test_key_import_refuses_a_key_that_does_not_open_the_register(
    plain: Path, key_file: Path, key_store
) -> None:
    encrypted_copy(plain, key_file)
    with pytest.raises(VrusError, match="does not open"):
        import_recovery_key(plain, format_recovery(new_secret()))
    with pytest.raises(VrusError, match="typing error|characters"):
        import_recovery_key(plain, format_recovery(new_secret())[:-2] + "ZZ")
    key = import_recovery_key(plain, format_recovery(read_key_file(key_file).secret))
    assert key.source == KEY_STORE
    db = open_database(sqlite_url(plain))
    assert db.encrypted
    db.close()


def test_key_export_refuses_a_plain_register_and_writes_the_sheet_as_pdf(
    plain: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(plain), "key", "export"]) == 1
    assert "not encrypted" in capsys.readouterr().err
    encrypted_copy(plain, key_file)
    sheet = tmp_path / "sheet.pdf"
    assert (
        main(["--db", str(plain), "--key-file", str(key_file), "key", "export", "-o", str(sheet)])
        == 0
    )
    assert sheet.read_bytes()[:5] == b"%PDF-"
    assert oct(sheet.stat().st_mode & 0o777) == "0o600"


def test_sqlcipher_prints_nothing_of_its_own_for_a_wrong_key(
    plain: Path, key_file: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    encrypted_copy(plain, key_file)
    capfd.readouterr()
    assert not driver.key_opens(plain, RegisterKey(new_secret(), KEY_FILE, "x"))
    assert "hmac" not in capfd.readouterr().err
    assert os.path.exists(plain)


# --- the window's start (the dialogs themselves: tests/ui/test_key_dialogs.py) --------------


@pytest.fixture
def window_start(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """``vrus`` without a command, with the window's start dialogs and the window replaced:
    what they were asked and what the window got."""
    from vrus.cli import gui

    seen: dict[str, object] = {}

    def window(db: Database, args) -> int:
        seen["encrypted"] = db.encrypted
        seen["offer_sheet"] = getattr(args, "offer_recovery_sheet", False)
        return 0

    monkeypatch.setattr(gui, "has_display", lambda: True)
    monkeypatch.setattr(gui, "cmd_gui", window)
    return seen


@pytest.mark.parametrize(("choice", "encrypted"), [(True, True), (False, False)])
def test_the_window_asks_before_making_a_register_and_offers_the_sheet(
    tmp_path: Path, key_store, window_start, monkeypatch: pytest.MonkeyPatch, choice, encrypted
) -> None:
    from vrus.cli import gui

    asked = []
    monkeypatch.setattr(gui, "choose_new_register", lambda *args: asked.append(args) or choice)
    path = tmp_path / "new.sqlite3"
    assert main(["--db", str(path)]) == 0
    assert asked == [(path.absolute(), "Test key store", None)]
    assert window_start == {"encrypted": encrypted, "offer_sheet": encrypted}
    assert (path.read_bytes()[:16] != HEADER) is encrypted
    assert main(["--db", str(path)]) == 0  # the second start asks nothing
    assert len(asked) == 1 and window_start["offer_sheet"] is False


def test_cancelling_the_first_start_makes_no_register(
    tmp_path: Path, key_store, window_start, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrus.cli import gui

    monkeypatch.setattr(gui, "choose_new_register", lambda *args: None)
    path = tmp_path / "new.sqlite3"
    assert main(["--db", str(path)]) == 0
    assert not path.exists() and window_start == {} and key_store.entries() == {}


def test_the_window_offers_the_recovery_key_and_opens_the_register_after(
    plain: Path, key_file: Path, key_store, window_start, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrus.cli import gui

    encrypted_copy(plain, key_file)
    offered = []

    def enter_key(error: MissingKeyError) -> bool:
        offered.append(error.path)
        import_recovery_key(error.path, format_recovery(read_key_file(key_file).secret))
        return True

    monkeypatch.setattr(gui, "offer_key_import", enter_key)
    assert main(["--db", str(plain)]) == 0
    assert offered == [plain.absolute()]
    assert window_start == {"encrypted": True, "offer_sheet": False}


def test_without_a_key_store_a_new_key_file_is_made_and_remembered(
    plain: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrus import encryption

    target = tmp_path / "usb" / "vrus.key"
    target.parent.mkdir()
    monkeypatch.setattr(
        encryption, "check_copy", lambda *a: (_ for _ in ()).throw(VrusError("differs"))
    )
    with pytest.raises(VrusError, match="differs"):
        encrypt_register(plain, key_file_target=target)
    assert not target.exists()  # a key that opens nothing is not left behind
    assert plain.read_bytes()[:16] == HEADER
    monkeypatch.undo()
    result = encrypt_register(plain, key_file_target=target)
    assert result.key.source == KEY_FILE and target.read_text().strip() == result.key.secret
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    db = open_database(sqlite_url(plain))  # found again through the remembered key file
    try:
        assert db.encrypted and db.key is not None and db.key.location == str(target)
    finally:
        db.close()


def test_a_damaged_encrypted_register_names_its_encrypted_backup_and_restores_it(
    plain: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vrus.db.integrity import DamagedDatabaseError

    encrypted_copy(plain, key_file)
    key = read_key_file(key_file)
    db = open_database(sqlite_url(plain), key=key)
    good = backup_now(db)
    with db.engine.connect() as connection:
        root = connection.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = 'persons'")
        ).scalar()
        page_size = int(connection.execute(text("PRAGMA page_size")).scalar())
    db.close()
    with plain.open("r+b") as handle:  # a few bytes of the persons table's page go bad
        handle.seek((root - 1) * page_size + page_size // 2)
        handle.write(b"\xff" * 64)
    with pytest.raises(DamagedDatabaseError) as damaged:
        open_database(sqlite_url(plain), key=key)
    assert damaged.value.backup == good and damaged.value.key == key
    capsys.readouterr()
    assert main(["--db", str(plain), "--key-file", str(key_file), "check"]) == 1
    assert f"Newest good backup: {good}" in capsys.readouterr().out
    restore(plain, good, key)
    db = open_database(sqlite_url(plain), key=key)
    try:
        with db.sessions() as session:
            assert session.scalar(select(Person.id).limit(1)) is not None
    finally:
        db.close()


@pytest.mark.slow
def test_keyrings_own_configuration_chooses_the_key_store(tmp_path: Path) -> None:
    """``PYTHON_KEYRING_BACKEND`` is keyring's own switch: VRUS uses whatever it names, and
    a null backend means no key store (a plain register, said so)."""
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "VRUS_LOG_DIR": str(tmp_path / "logs"),
        "VRUS_TEST_KEY_STORE": str(tmp_path / "store.json"),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),  # tests.keystore
    }
    runs = {}
    for name, backend in (
        ("null", "keyring.backends.null.Keyring"),
        ("store", "tests.keystore.FileKeyring"),
    ):
        path = tmp_path / f"{name}.sqlite3"
        result = subprocess.run(
            [sys.executable, "-m", "vrus", "--db", str(path), "check"],
            env={**env, "PYTHON_KEYRING_BACKEND": backend},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1  # check never makes a register: nothing there yet
        result = subprocess.run(
            [sys.executable, "-m", "vrus", "--db", str(path), "events", "list"],
            env={**env, "PYTHON_KEYRING_BACKEND": backend},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        runs[name] = (path.read_bytes()[:16] == HEADER, result.stderr)
    assert runs["null"][0] and "is NOT encrypted" in runs["null"][1]
    assert not runs["store"][0] and runs["store"][1] == ""
    assert len(json.loads((tmp_path / "store.json").read_text())) == 1


class Terminal:
    """Standard input as a person types it: line by line, and a terminal."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.lines.pop(0) if self.lines else ""


@pytest.mark.parametrize("layout", ["two lines", "one line"])
def test_key_import_reads_the_sheet_typed_on_a_terminal(
    plain: Path, key_file: Path, key_store, layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from vrus.cli.keys import cmd_key_import

    encrypted_copy(plain, key_file)
    lines = format_recovery(read_key_file(key_file).secret).splitlines()
    typed = [f"{line}\n" for line in lines] if layout == "two lines" else [" ".join(lines) + "\n"]
    stdin = Terminal(*typed, "not read\n")
    assert cmd_key_import(plain, out=sys.stdout, stdin=stdin) == 0
    assert stdin.lines == ["not read\n"]  # it waited for exactly what the sheet holds
    assert "Type the recovery key" in capsys.readouterr().err
    assert list(key_store.entries().values()) == [read_key_file(key_file).secret]
