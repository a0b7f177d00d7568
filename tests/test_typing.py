"""The core type-checks: mypy, run as `mypy` with no arguments runs it (the files and flags
of [tool.mypy] in pyproject.toml), finds no error."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed; the test extra brings it: pip install '.[test]'",
)
def test_mypy_finds_no_error() -> None:
    # A process of its own: mypy sets environment variables and keeps its caches in memory.
    # The cache (.mypy_cache) makes a run with few changes take a second or two.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
