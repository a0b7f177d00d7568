"""Where the runner works and what its processes see: a temporary folder for everything,
keyring switched off, no key file, no user settings, logs and backups in the folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Variables of the user's VRUS that would reach into their key store, register or settings;
# and one that would make every start compile VRUS again (an installed VRUS has its .pyc).
UNSET = ("VRUS_KEY_FILE", "VRUS_DATABASE_URL", "VRUS_STARTUP_PROBE", "PYTHONDONTWRITEBYTECODE")


def isolate(folder: Path) -> dict[str, str]:
    """The environment of every process the runner starts, also set for the runner itself
    (its in-process rows use VRUS too): nothing outside ``folder`` is read or written."""
    env = dict(os.environ)
    for name in UNSET:
        env.pop(name, None)
    home = folder / "home"
    env.update(
        {
            # Never the key store of the machine this runs on: the registers are plain.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "VRUS_LOG_DIR": str(folder / "logs"),
            # Qt's settings and platformdirs' folders (Linux): the window's settings.
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "QT_QPA_PLATFORM": "offscreen",
            # Compiled modules kept in the run's folder, not beside the sources.
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
            # The checkout's vrus and benchmarks, whatever the current folder.
            "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p),
        }
    )
    for name in UNSET:
        os.environ.pop(name, None)
    os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})
    return env


def vrus(path: Path, *command: str) -> list[str]:
    return [PYTHON, "-m", "vrus", "--db", str(path), *command]


class CommandFailed(RuntimeError):
    pass


def run_timed(command: list[str], env: dict[str, str], timeout: float | None = None) -> float:
    """Wall seconds of ``command``, from just before its process starts to its end."""
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(nothing on stderr)"])[-1]
        raise CommandFailed(f"{' '.join(command[1:4])}... exited {done.returncode}: {last}")
    return seconds


# The line on which a measuring child process hands its figures (JSON) to the runner.
RESULT_MARKER = "BENCHMARK-RESULT "
