"""Running core functions off the GUI thread (after Anki's operations).

A ``BackgroundTask`` runs one core call in Qt's thread pool. The call gets a ``progress``
callback it may call from its thread; results, failures and progress come back as signals,
which Qt delivers on the main thread, so only the main thread ever touches widgets. The work
function must only call the core: the core opens its own sessions from the ``Database``
(SQLAlchemy gives each thread its own connection).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], object]

# Tasks have no Qt parent, so closing the widget that started one cannot delete it while its
# thread still emits; this set keeps them alive until they finish.
_running: set[BackgroundTask] = set()


class BackgroundTask(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Work, name: str) -> None:
        super().__init__()
        self._work = work
        self.name = name

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run in the pool. Connect the handlers first: ``done`` reaches the main thread as
        one queued call per handler, in the order they were connected, and the task lets go
        of itself in the last of them. Connected earlier, that would delete the task before
        the later handlers ran, and they would never be called."""
        self.done.connect(self._forget)
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def run_here(self) -> None:
        """Run in the calling thread; for code that is already off the GUI thread."""
        try:
            result = self._work(self.progress.emit)
        except Exception as error:
            # The traceback goes to the log; the user sees a message from the failed handler.
            log.exception("background task %s failed", self.name)
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()

    def _forget(self) -> None:
        _running.discard(self)


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run_here()


def running_tasks() -> int:
    return len(_running)
