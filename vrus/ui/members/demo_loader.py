"""Loading the demo season from the welcome panel, off the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from vrus.db.engine import Database
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.core_actions import LoadDemo
from vrus.ui.common.messages import failure_text
from vrus.ui.common.tasks import BackgroundTask

log = logging.getLogger(__name__)


class DemoLoader(QObject):
    """Runs ``load_demo(db)`` in the thread pool and reports back on the main thread."""

    progress = Signal(int, int)
    succeeded = Signal()
    loaded = Signal(object)  # the DemoSummary, after succeeded: for a message in the window
    failed = Signal(str)  # a message for the user

    def __init__(
        self,
        db: Database,
        load_demo: LoadDemo,
        changes: RegisterChanges,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._load_demo = load_demo
        self._changes = changes
        self.running = False

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        db, load_demo = self._db, self._load_demo
        # reset=False: the panel is only offered on an empty register, and must never be a
        # way to wipe one.
        task = BackgroundTask(
            lambda progress: load_demo(db, reset=False, members=None, progress=progress),
            "load demo season",
        )
        task.progress.connect(self.progress)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        task.start()

    def _on_succeeded(self, summary: object) -> None:
        self.running = False
        # The description holds counts only (the demo is fictional anyway); it is English, so
        # it goes to the log, and the window builds its own sentence from the summary's counts
        # (``WelcomePanel.demo_loaded_text``).
        describe = getattr(summary, "describe", None)
        log.info("demo season loaded: %s", describe() if callable(describe) else summary)
        self._changes.changed.emit()
        self.succeeded.emit()
        self.loaded.emit(summary)

    def _on_failed(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(failure_text(self.tr("The demo season could not be loaded."), error))
