"""Start-up as a user sees it: process start to the window's first paint, to the members
listed, and the process's peak memory; the floor is a bare PySide6 window (bare_window.py)
started the same way in the same run, each VRUS start alternating with a bare one.

The start-up probe: the runner starts the process with ``VRUS_STARTUP_PROBE=FILE``; the
process appends ``first_paint <time.time()>``, ``members_filled <time.time()>`` and
``max_rss_kb <KiB>`` to FILE and quits with exit code 0. The runner reads ``time.time()``
just before it starts the process and subtracts.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.catalogue import BY_KEY
from benchmarks.environment import PYTHON, REPO, run_timed, vrus
from benchmarks.results import MEMORY, TIME, Row, Table

PROBE = "VRUS_STARTUP_PROBE"
BARE = Path(__file__).resolve().with_name("bare_window.py")
KEYS = ("first_paint", "members_filled", "max_rss_kb")
GRACE = 10.0  # seconds to quit after the last probe line


@dataclass(frozen=True)
class Register:
    label: str  # "demo", "10 000"
    persons: int | None  # None: the default demo register
    path: Path


@dataclass
class Start:
    """One start: seconds from process start, KiB of memory, or why something is missing."""

    first_paint: float | None = None
    members_filled: float | None = None
    max_rss_kb: float | None = None
    problem: str | None = None


def has_probe() -> bool:
    """Whether this VRUS speaks the probe at all (else every start would wait the timeout)."""
    return any(
        PROBE in path.read_text(encoding="utf-8", errors="replace")
        for path in (REPO / "vrus").rglob("*.py")
    )


def read_probe(path: Path) -> dict[str, float]:
    """The complete lines of the probe file (one being written is left for later)."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return {}
    found: dict[str, float] = {}
    for line in text.splitlines(keepends=True):
        name, _, value = line.strip().partition(" ")
        if line.endswith("\n") and name in KEYS and name not in found:
            try:
                found[name] = float(value)
            except ValueError:
                continue
    return found


def start_once(command: list[str], env: dict[str, str], probe: Path, timeout: float) -> Start:
    probe.unlink(missing_ok=True)
    output = probe.with_suffix(".out")
    with output.open("w") as log:
        started = time.time()
        process = subprocess.Popen(
            command,
            env={**env, PROBE: str(probe)},
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        timed_out = False
        while process.poll() is None:
            if all(key in read_probe(probe) for key in KEYS):
                try:
                    process.wait(timeout=GRACE)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                break
            if time.monotonic() > deadline:
                timed_out = True
                process.kill()
                process.wait()
                break
            time.sleep(0.01)
    lines = read_probe(probe)
    start = Start(
        first_paint=lines["first_paint"] - started if "first_paint" in lines else None,
        members_filled=lines["members_filled"] - started if "members_filled" in lines else None,
        max_rss_kb=lines.get("max_rss_kb"),
    )
    missing = [key for key in KEYS if key not in lines]
    if missing:
        if timed_out:
            start.problem = f"no {missing[0]} line within {timeout:g} s"
        else:
            last = (output.read_text(errors="replace").strip().splitlines() or [""])[-1]
            said = f" ({last[:120]})" if last else ""
            start.problem = f"exited {process.returncode} without a {missing[0]} line{said}"
    return start


def rows_for(register: Register, wanted: tuple[str, ...]) -> dict[str, Row]:
    rows = {}
    for key in wanted:
        kind = BY_KEY[key]
        rows[key] = Row(
            key,
            kind.title,
            register.label,
            kind=MEMORY if key == "startup-memory" else TIME,
            target=kind.target(register.persons),
        )
    return rows


def measure(
    registers: list[Register],
    wanted: tuple[str, ...],
    repeat: int,
    timeout: float,
    env: dict[str, str],
    folder: Path,
    table: Table,
) -> None:
    """The start-up rows in ``wanted`` on every register, into ``table``."""
    if not has_probe():
        for register in registers:
            for row in rows_for(register, wanted).values():
                row.missing = f"this VRUS has no start-up probe ({PROBE} is not in vrus/)"
                table.add(row)
        return
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / "probe.txt"
    bare = [PYTHON, str(BARE)]
    start_once(bare, env, probe, timeout)  # warm: Qt's libraries read from disk once
    for register in registers:
        # The day's first open makes the daily backup, and the first start compiles VRUS's
        # modules: neither is part of any start measured.
        run_timed(vrus(register.path, "check"), env)
        start_once(vrus(register.path, "gui"), env, probe, timeout)
        rows = rows_for(register, wanted)
        for _ in range(max(repeat, 1)):
            floor = start_once(bare, env, probe, timeout)
            start = start_once(vrus(register.path, "gui"), env, probe, timeout)
            problem = add(rows, start, floor)
            if problem:
                for row in rows.values():
                    if not row.samples:
                        row.missing = problem
                    else:
                        row.note = f"stopped: {problem}"
                break
        for row in rows.values():
            table.add(row)


def add(rows: dict[str, Row], start: Start, floor: Start) -> str | None:
    """Adds one start and its bare start to the rows; the first problem, if any."""
    if floor.problem:
        return f"the bare window: {floor.problem}"
    figures = {
        "startup-paint": (start.first_paint, floor.first_paint),
        "startup-listed": (start.members_filled, floor.first_paint),
        "startup-memory": (start.max_rss_kb, floor.max_rss_kb),
    }
    for key, row in rows.items():
        value, base = figures[key]
        if value is not None and base is not None:
            row.samples.append(value)
            row.floor.append(base)
    return start.problem
