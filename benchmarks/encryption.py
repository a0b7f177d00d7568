"""What encryption costs: a plain register against an encrypted one, in one run.

    python benchmarks/encryption.py            # default repetitions
    python benchmarks/encryption.py 3          # fewer (or more) of each

Both registers hold the demo season (``load_demo``), the encrypted one with a random key in a
key file (64 hex characters, as VRUS makes them: a raw key, no passphrase stretching). The
plain register is the floor, measured in the same run; plain and encrypted runs alternate,
so that a busy machine slows both alike. Measured:

- start-up: a fresh process ``python -m vrus --db R check`` (Python, imports, opening with
  the integrity check, the backups' look at the register), and in-process ``open_database``
  with its first query, on the demo register and on a register of 5 000 imported members;
- a save: one person's phone number changed in one ``db.transaction()`` (with its audit
  entry);
- the import of 5 000 rows (``vrus.importing.import_members``, the CSV of
  ``benchmarks/import_members.py``) into an empty register;
- a backup (``vrus.backup.backup_now`` into the backups folder, checked), of the demo
  register and of the 5 000-member one.

Not a test: prints median, min and max of each, and the ratio encrypted/plain of the medians.
Keyring is switched off and logs go to the temporary folder: nothing outside it is touched.
"""

from __future__ import annotations

import os

# Before VRUS loads keyring: never the key store of the machine this runs on.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
os.environ.pop("VRUS_KEY_FILE", None)
os.environ.pop("VRUS_DATABASE_URL", None)

import secrets  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

# The member rows of the import benchmark, beside this file (run as a script, its folder is
# on the path).
from import_members import rows, write_csv  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from vrus.backup import backup_now  # noqa: E402
from vrus.db import driver  # noqa: E402
from vrus.db.engine import Database, sqlite_url  # noqa: E402
from vrus.db.models import Person  # noqa: E402
from vrus.demo import load_demo  # noqa: E402
from vrus.importing import import_members  # noqa: E402
from vrus.opening import open_database  # noqa: E402

IMPORT_ROWS = 5000
REPEAT = 7  # of each measurement, on each register; the imports (seconds each) 2 fewer
SAVES = 20


@dataclass(frozen=True)
class Register:
    """One register file, plain (``key_file`` None) or encrypted."""

    label: str
    path: Path
    key_file: Path | None

    def open(self) -> Database:
        return open_database(sqlite_url(self.path), key_file=self.key_file)

    def cli(self) -> list[str]:
        key = ["--key-file", str(self.key_file)] if self.key_file else []
        return [sys.executable, "-m", "vrus", "--db", str(self.path), *key]


@dataclass
class Figures:
    what: str
    plain: list[float]
    encrypted: list[float]

    def line(self) -> str:
        # One unit per line, by the floor: milliseconds below a second, else seconds.
        scale, unit, digits = (1000, "ms", 1) if statistics.median(self.plain) < 1 else (1, "s", 2)

        def cell(times: list[float]) -> str:
            low, middle, high = (
                t * scale for t in (min(times), statistics.median(times), max(times))
            )
            return f"{middle:8.{digits}f} ({low:.{digits}f}-{high:.{digits}f})"

        ratio = statistics.median(self.encrypted) / statistics.median(self.plain)
        return (
            f"{self.what:<48} {len(self.plain):>4} {unit:>4} {cell(self.plain):<24} "
            f"{cell(self.encrypted):<24} {ratio:5.2f}"
        )


HEADER = (
    f"{'':<48} {'runs':>4} {'unit':>4} {'plain: median (min-max)':<24} "
    f"{'encrypted: median (min-max)':<24} {'ratio':>5}"
)


def compare(
    what: str, pair: tuple[Register, Register], action: Callable[[Register], float], runs: int
) -> Figures:
    """``action`` timed ``runs`` times on each register, plain and encrypted in turn; it
    returns the seconds of the part it measures (set-up left out)."""
    plain, encrypted = [], []
    for _ in range(runs):
        plain.append(action(pair[0]))
        encrypted.append(action(pair[1]))
    figures = Figures(what, plain, encrypted)
    print(figures.line(), flush=True)
    return figures


def timer(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# --- what is measured --------------------------------------------------------------------------


def start_process(register: Register) -> float:
    def run() -> None:
        subprocess.run([*register.cli(), "check"], check=True, capture_output=True)

    return timer(run)


def open_and_query(register: Register) -> float:
    def run() -> None:
        db = register.open()
        try:
            with db.transaction() as session:
                session.scalar(select(func.count()).select_from(Person))
        finally:
            db.close()

    return timer(run)


def save(db: Database, person_id: int, number: int) -> float:
    def run() -> None:
        with db.transaction() as session:
            session.get_one(Person, person_id).phone = f"9{number:07d}"

    return timer(run)


def backup(register: Register) -> float:
    db = register.open()
    made: list[Path] = []
    try:
        seconds = timer(lambda: made.append(backup_now(db)))
    finally:
        db.close()
    # Every run finds the same backups folder (the day's daily backup): pruning, after the
    # copy, looks at each backup there.
    made[0].unlink()
    return seconds


def import_into_empty(template: Register, source: Path, folder: Path) -> float:
    """A copy of an empty, migrated register, then the import alone is timed."""
    copy = Register(template.label, folder / f"import-{template.label}.sqlite3", template.key_file)
    shutil.copyfile(template.path, copy.path)
    db = copy.open()
    try:
        seconds = timer(lambda: import_members(db, source))
    finally:
        db.close()
    for path in folder.glob(f"{copy.path.name}*"):
        path.unlink()
    return seconds


# --- the registers -----------------------------------------------------------------------------


def make_pair(folder: Path, name: str, key_file: Path) -> tuple[Register, Register]:
    pair = (
        Register("plain", folder / "plain" / f"{name}.sqlite3", None),
        Register("encrypted", folder / "encrypted" / f"{name}.sqlite3", key_file),
    )
    for register in pair:
        register.path.parent.mkdir(exist_ok=True)
        db = register.open()  # a new, migrated register (encrypted with the key file's key)
        if db.encrypted != (register.key_file is not None):
            raise SystemExit(f"{register.label} register came out wrong: encrypted={db.encrypted}")
        db.close()
    return pair


def fill(pair: tuple[Register, Register], load: Callable[[Database], object]) -> None:
    for register in pair:
        db = register.open()
        try:
            load(db)
        finally:
            db.close()
        if driver.has_plain_header(register.path) != (register.key_file is None):
            raise SystemExit(f"{register.path} is not what it should be ({register.label})")


def sizes(pair: tuple[Register, Register]) -> str:
    return ", ".join(f"{r.label} {r.path.stat().st_size / 1e6:.1f} MB" for r in pair)


def cipher_version() -> str:
    connection = driver.sqlcipher.connect(":memory:")
    try:
        return str(connection.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        connection.close()


def main(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # The started processes log here (and inherit keyring switched off).
        os.environ["VRUS_LOG_DIR"] = str(folder / "logs")
        key_file = folder / "register.key"
        key_file.write_text(secrets.token_hex(32) + "\n", encoding="ascii")

        empty = make_pair(folder, "empty", key_file)
        demo = make_pair(folder, "demo", key_file)
        fill(demo, load_demo)
        source = write_csv(folder / "members.csv", rows(IMPORT_ROWS))
        large = make_pair(folder, "large", key_file)
        fill(large, lambda db: import_members(db, source))
        for register in (*demo, *large):
            start_process(register)  # the day's first start makes a daily backup, not timed

        print(
            f"VRUS, encrypted register against plain: Python {sys.version.split()[0]}, "
            f"SQLite {driver.sqlcipher.sqlite_version} in SQLCipher {cipher_version()}, "
            f"Python's sqlite3 {sqlite3.sqlite_version}"
        )
        print(f"demo register: {sizes(demo)}; {IMPORT_ROWS} members: {sizes(large)}")
        print()
        print(HEADER)
        compare("start-up: python -m vrus check, demo", demo, start_process, repeat)
        compare(
            f"start-up: python -m vrus check, {IMPORT_ROWS} members", large, start_process, repeat
        )
        compare("start-up: open_database + query, demo", demo, open_and_query, repeat)
        compare(
            f"start-up: open_database + query, {IMPORT_ROWS} members", large, open_and_query, repeat
        )

        databases = [r.open() for r in demo]
        try:
            with databases[0].transaction() as session:
                person = session.scalars(select(func.min(Person.id))).one()
            counter = iter(range(10**6))
            by_label = {r.label: db for r, db in zip(demo, databases, strict=True)}
            compare(
                "save: one person's phone (1 transaction), demo",
                demo,
                lambda r: save(by_label[r.label], person, next(counter)),
                SAVES,
            )
        finally:
            for db in databases:
                db.close()

        compare(
            f"import of {IMPORT_ROWS} rows (CSV), empty register",
            empty,
            lambda r: import_into_empty(r, source, folder),
            max(3, repeat - 2),
        )
        compare("backup (backup_now, checked), demo", demo, backup, repeat)
        compare(f"backup (backup_now, checked), {IMPORT_ROWS} members", large, backup, repeat)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else REPEAT)
