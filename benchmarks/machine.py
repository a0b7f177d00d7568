"""What the figures were measured on: CPU, cores, memory, versions, the VRUS commit."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from pathlib import Path

from benchmarks.environment import REPO


def _first(path: str, field: str) -> str | None:
    try:
        for line in Path(path).read_text(errors="replace").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == field:
                return value.strip()
    except OSError:
        return None
    return None


def cpu() -> str:
    return _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"


def memory() -> str:
    total = _first("/proc/meminfo", "MemTotal")  # "16318772 kB"
    if not total:
        return "unknown"
    return f"{int(total.split()[0]) / 1024 / 1024:.1f} GiB"


def system() -> str:
    pretty = None
    try:
        for line in Path("/etc/os-release").read_text(errors="replace").splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return f"{pretty or platform.system()} ({platform.system()} {platform.release()})"


def commit() -> str:
    """The checkout's commit, and whether it has uncommitted changes (read-only git)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    if not head:
        return "unknown"
    return head + (" with uncommitted changes" if dirty else "")


def pyside_version() -> str:
    try:
        import PySide6
    except ImportError:
        return "not installed"
    return PySide6.__version__


def describe() -> list[tuple[str, str]]:
    return [
        ("CPU", cpu()),
        ("cores", str(os.cpu_count() or "unknown")),
        ("memory", memory()),
        ("OS", system()),
        ("Python", platform.python_version()),
        ("PySide6", pyside_version()),
        ("SQLite (Python's sqlite3)", sqlite3.sqlite_version),
        ("VRUS commit", commit()),
    ]
