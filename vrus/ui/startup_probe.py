"""The start-up probe: when the window was first painted and its members listed, for the
benchmark runner (``benchmarks/startup.py``).

With the environment variable ``VRUS_STARTUP_PROBE=FILE`` set, the window start
(``vrus gui``, ``run_window``) appends to FILE, in the order they happen::

    first_paint <seconds>       the main window's first Paint event
    members_filled <seconds>    the Members page's first ``filled`` (its listing is shown)
    max_rss_kb <ru_maxrss>      the process's peak resident memory so far, once both came

and then closes the window as File > Quit does, so VRUS ends the normal way (exit code 0,
the closing backup and the clean-up included). The seconds count from 1970
(``clock.epoch_seconds``), as the runner's clock does when it starts the process. Only times
and a memory figure are written, nothing of the register. Without the variable nothing here
runs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from vrus import clock

if TYPE_CHECKING:
    from vrus.ui.main_window import MainWindow

PROBE_VARIABLE = "VRUS_STARTUP_PROBE"


def peak_memory_kb() -> int | None:
    """The process's peak resident set in KiB (Linux; macOS counts bytes); None where
    ``resource`` is missing (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class StartupProbe(QObject):
    """Writes the probe's lines for ``window`` to ``path``, then closes the window."""

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self.painted = False
        self.filled = False
        window.installEventFilter(self)
        window.members_page.filled.connect(self._members_filled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self._write("first_paint", clock.epoch_seconds())
            self._end_when_done()
        return False

    def _members_filled(self) -> None:
        if self.filled:
            return
        self.filled = True
        self._write("members_filled", clock.epoch_seconds())
        self._end_when_done()

    def _end_when_done(self) -> None:
        if not (self.painted and self.filled):
            return
        memory = peak_memory_kb()
        if memory is not None:
            self._write("max_rss_kb", memory)
        # After the event being handled, the window closes as File > Quit closes it; the
        # application quits with its last window (a box over it does not count).
        QTimer.singleShot(0, self._window.close)

    def _write(self, name: str, value: float) -> None:
        with self._path.open("a", encoding="ascii") as probe:
            probe.write(f"{name} {value!r}\n")


def probe_file() -> Path | None:
    """The file ``VRUS_STARTUP_PROBE`` names; None when it is not set (the usual start)."""
    path = os.environ.get(PROBE_VARIABLE, "").strip()
    return Path(path) if path else None
