"""The registers the rows run on, made with the real command, ``vrus demo``; making the
scale registers is itself a row (``demo``), against a process that makes an empty register.

Each register has a folder of its own, as VRUS keeps its backups beside the register: a
throwaway register goes with its backups.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.catalogue import BY_KEY
from benchmarks.environment import run_timed, vrus
from benchmarks.results import Row, size_text

DEMO_RUNS = 3  # at most: at 100 000 persons one run is a minute or more
REGISTER = "register.sqlite3"


def new_register_path(folder: Path, name: str) -> Path:
    place = folder / name
    place.mkdir(parents=True)
    return place / REGISTER


def demo_register(folder: Path, env: dict[str, str]) -> Path:
    """The default demo register (``vrus demo``: 78 persons)."""
    path = new_register_path(folder, "demo")
    run_timed(vrus(path, "demo"), env)
    return path


def scale_register(
    folder: Path, persons: int, env: dict[str, str], repeat: int, timed: bool
) -> tuple[Path, Row | None]:
    """A register of ``persons`` made by ``vrus demo --members N``; with ``timed``, the
    command is run ``repeat`` times (at most DEMO_RUNS), each into a new register,
    alternating with its floor, and the row comes back with the first register."""
    path = new_register_path(folder, f"members-{persons}")
    command = ("demo", "--members", str(persons))
    if not timed:
        run_timed(vrus(path, *command), env)
        return path, None
    kind = BY_KEY["demo"]
    row = Row(kind.key, kind.title, size_text(persons), target=kind.target(persons))
    for run in range(max(repeat, 1)):
        if run < DEMO_RUNS:
            again = path if run == 0 else new_register_path(folder, f"again-{persons}-{run}")
            row.samples.append(run_timed(vrus(again, *command), env))
            if again != path:
                shutil.rmtree(again.parent)
        empty = new_register_path(folder, f"empty-{persons}-{run}")
        row.floor.append(run_timed(vrus(empty, "events", "list"), env))
        shutil.rmtree(empty.parent)
    return path, row
