"""Packaging: the README's quick start matches .ci/run, and the built wheel is complete and runs.

The slow tests build the sdist and, from it, the wheel with ``python -m build`` (the first
build fetches hatchling from PyPI), then install the wheel into a folder of its own and run
it from outside the checkout, so a file missing from the wheel cannot hide behind the
checkout's copy.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import vrus
from vrus.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
CI_SCRIPT = REPO / ".ci" / "run"


# --- README quick start and .ci/run --------------------------------------------------------


def quick_start_commands() -> list[str]:
    """The shell blocks of the README's "Quick start" section, before its subsections."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Quick start\n(.*?)^##", text, re.MULTILINE | re.DOTALL)
    assert match, "README.md has no '## Quick start' section"
    blocks = re.findall(r"^```sh\n(.*?)^```", match.group(1), re.MULTILINE | re.DOTALL)
    return [block.strip() for block in blocks]


def ci_variables() -> dict[str, str]:
    """The ``NAME_CMD='...'`` assignments of .ci/run, unquoted as bash would."""
    found = {}
    for line in CI_SCRIPT.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Z_]+_CMD)=(['\"].*['\"])", line)
        if match:
            (value,) = shlex.split(match.group(2))
            found[match.group(1)] = value
    return found


def test_quick_start_is_two_one_line_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2, commands
    for command in commands:
        assert "\n" not in command, f"not a single line: {command!r}"


def test_ci_runs_the_readme_test_command() -> None:
    start, test = quick_start_commands()
    ci = ci_variables()
    assert test == " && ".join([ci["VENV_CMD"], ci["INSTALL_CMD"], ci["TEST_CMD"]])
    assert start.startswith(ci["VENV_CMD"] + " && ")
    assert "QT_QPA_PLATFORM=offscreen" in ci["TEST_CMD"]
    assert "-e" not in shlex.split(ci["INSTALL_CMD"]), "CI must test a non-editable install"


def test_readme_lists_the_packages_ci_installs() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("### System packages", 1)[1]
    readme = re.search(r"sudo apt-get install ([^\n]+)", section).group(1).split()
    match = re.search(
        r"^QT_PACKAGES=\((.*?)\)", CI_SCRIPT.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL
    )
    assert match, ".ci/run has no QT_PACKAGES=(...)"
    assert readme == match.group(1).split()


def test_readme_documents_every_command() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    (commands,) = [
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    ]
    missing = [name for name in commands.choices if f"vrus {name}" not in section]
    assert missing == [], f"README.md's 'Command line' section does not show: {missing}"


def test_ci_script_is_strict_and_executable() -> None:
    text = CI_SCRIPT.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in text
    assert os.access(CI_SCRIPT, os.X_OK), ".ci/run must be executable (git update-index --chmod=+x)"


# --- The built wheel ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it, in a temporary folder."""
    pytest.importorskip("build", reason="needs the test extra: pip install '.[test]'")
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout[-3000:]}\n{result.stderr}"
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (path,) = dist.glob("vrus-*.whl")
    return path


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _matching(names: set[str], pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return sorted(name for name in names if regex.fullmatch(name))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("fonts", r"vrus/resources/fonts/[^/]+\.ttf"),
        ("font licence", r"vrus/resources/fonts/LICEN[CS]E[^/]*"),
        ("reference data", r"vrus/resources/data/[^/]+\.csv"),
        ("compiled translations", r"vrus/resources/translations/[^/]+\.qm"),
        ("icons", r"vrus/resources/icons/[^/]+"),
        ("user guide in Bokmål", r"vrus/resources/help/guide_nb\.html"),
        ("user guide in English", r"vrus/resources/help/guide_en\.html"),
        ("Alembic env.py", r"vrus/db/migrations/env\.py"),
        ("Alembic script template", r"vrus/db/migrations/script\.py\.mako"),
        ("migration scripts", r"vrus/db/migrations/versions/[0-9][^/]*\.py"),
    ],
)
def test_wheel_contains(wheel_names: set[str], what: str, pattern: str) -> None:
    if not _matching(wheel_names, pattern):
        source = pattern.replace("vrus/resources/", "resources/", 1)
        pytest.fail(
            f"the wheel has no {what}: nothing matches {pattern} (from {source} in the checkout)",
            pytrace=False,
        )


@pytest.mark.slow
def test_wheel_mirrors_the_checkout(wheel_names: set[str]) -> None:
    """Every resource file and every module of the checkout is in the wheel, nothing else."""

    def files(folder: Path) -> list[Path]:
        return [
            path
            for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith(".")
        ]

    resources = {
        "vrus/resources/" + path.relative_to(REPO / "resources").as_posix()
        for path in files(REPO / "resources")
    }
    code = {
        path.relative_to(REPO).as_posix()
        for path in files(REPO / "vrus")
        if path.suffix in (".py", ".mako")
    }
    assert sorted(resources - wheel_names) == []
    assert sorted(code - wheel_names) == []
    unexpected = [
        name
        for name in wheel_names
        if not name.startswith(("vrus/", "vrus-"))
        or "__pycache__" in name
        or name.endswith((".pyc", ".sqlite3", ".bak"))
    ]
    assert unexpected == []


@pytest.mark.slow
def test_wheel_declares_the_vrus_command(wheel: Path, wheel_names: set[str]) -> None:
    (entry_points,) = _matching(wheel_names, r"vrus-[^/]+\.dist-info/entry_points\.txt")
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode()
    section = text.split("[console_scripts]", 1)[1].split("[", 1)[0]
    assert re.search(r"^vrus\s*=\s*vrus\.cli:main\s*$", section, re.MULTILINE), text


# --- The installed wheel, run from outside the checkout -------------------------------------


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked with pip into a folder of its own (the dependencies come from the
    running environment); its ``bin/vrus`` is the real console script."""
    target = tmp_path_factory.mktemp("installed")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return target


def _run_installed(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Only the unpacked wheel is added in front of the environment's own site-packages, and
    # the working folder is outside the checkout: the checkout's vrus cannot be picked up.
    env = dict(os.environ, PYTHONPATH=str(installed))
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_installed_wheel_uses_its_own_files(installed: Path, tmp_path: Path) -> None:
    probe = textwrap.dedent("""
        import json, sys
        import vrus
        from vrus.db.engine import sqlite_url
        from vrus.db.migrate import MIGRATIONS_DIR, head_revision
        from vrus.opening import open_database
        from vrus.paths import resource, resources_dir
        db = open_database(sqlite_url(sys.argv[1]))
        db.close()
        print(json.dumps({
            "vrus": vrus.__file__, "resources": str(resources_dir()),
            "migrations": str(MIGRATIONS_DIR), "head": head_revision(),
            "fonts": sorted(p.name for p in resource("fonts").glob("*.ttf")),
        }))
    """)
    result = _run_installed(
        installed, tmp_path, sys.executable, "-c", probe, str(tmp_path / "register.sqlite3")
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    package = installed / "vrus"
    assert Path(report["vrus"]).parent == package
    assert Path(report["resources"]) == package / "resources"
    assert Path(report["migrations"]) == package / "db" / "migrations"
    assert report["fonts"], "no fonts found through vrus.paths in the installed wheel"


@pytest.mark.slow
def test_installed_vrus_command_prints_version(installed: Path, tmp_path: Path) -> None:
    result = _run_installed(installed, tmp_path, str(installed / "bin" / "vrus"), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"VRUS {vrus.__version__}"


@pytest.mark.slow
def test_installed_vrus_demo_and_check(installed: Path, tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    vrus_command = str(installed / "bin" / "vrus")
    result = _run_installed(installed, tmp_path, vrus_command, "--db", str(database), "demo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (database.stat().st_mode & 0o777) == 0o600

    result = _run_installed(installed, tmp_path, vrus_command, "--db", str(database), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Result: OK" in result.stdout
