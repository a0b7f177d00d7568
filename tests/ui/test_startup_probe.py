"""The start-up probe (``VRUS_STARTUP_PROBE``): the lines the benchmark runner reads, then an
ordinary close."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from tests.factories import add_person
from vrus.db.engine import Database
from vrus.ui.app import WindowHost, create_main_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.startup_probe import PROBE_VARIABLE, StartupProbe, probe_file

ROOT = Path(__file__).resolve().parent.parent.parent


def probe_lines(path: Path) -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, _, value in (line.partition(" ") for line in path.read_text().splitlines())
    ]


def test_the_probe_notes_paint_and_listing_then_closes_the_window(
    qtbot, db: Database, settings, tmp_path: Path
) -> None:
    add_person(db, "Kari", "Nordmann")
    probe = tmp_path / "probe.txt"
    window = create_main_window(db, settings, CoreActions())
    qtbot.addWidget(window)
    StartupProbe(window, probe)
    window.show()
    qtbot.waitUntil(lambda: probe.exists() and "max_rss_kb" in probe.read_text())
    qtbot.waitUntil(lambda: not window.isVisible())
    lines = probe_lines(probe)
    assert sorted(name for name, _ in lines) == ["first_paint", "max_rss_kb", "members_filled"]
    assert lines[-1][0] == "max_rss_kb" and int(lines[-1][1]) > 0
    times = dict(lines[:2])
    assert float(times["members_filled"]) >= float(times["first_paint"]) > 0
    assert window.members_page.model.rowCount() == 1  # listed when it said so
    assert "Nordmann" not in probe.read_text()


def test_without_the_variable_there_is_no_probe(qtbot, db: Database, settings, monkeypatch) -> None:
    monkeypatch.delenv(PROBE_VARIABLE, raising=False)
    assert probe_file() is None
    host = WindowHost(db, settings, CoreActions(), probe=probe_file())
    window = host.open()
    qtbot.addWidget(window)
    assert host.probe is None


def test_vrus_gui_with_the_probe_ends_as_after_quit(db: Database, tmp_path: Path) -> None:
    add_person(db, "Kari", "Nordmann")
    db.close()
    probe = tmp_path / "probe.txt"
    result = subprocess.run(
        [sys.executable, "-m", "vrus", "--db", str(db.path), "gui"],
        env={**os.environ, PROBE_VARIABLE: str(probe), "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [name for name, _ in probe_lines(probe)][-1] == "max_rss_kb"
    assert {name for name, _ in probe_lines(probe)} == {
        "first_paint",
        "members_filled",
        "max_rss_kb",
    }
    # The window closed as from its menu: it kept its size and place for the next start.
    stored = configparser.ConfigParser()
    stored.read(Path(os.environ["XDG_CONFIG_HOME"]) / "Vestregionen" / "VRUS.conf")
    assert stored.has_option("window", "geometry")
