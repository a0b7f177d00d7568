"""Other users' changes reach the window, and the window shows who else is working.

A worker thread (a plain Python thread: it waits for the whole session, so it stays out of
the thread pool that the tasks and a restore wait on) holds a ``vrus.changes.ChangeWatcher``
and, through the watcher's own connection, this window's row in ``presence``
(``vrus.presence``). When the register changed, it emits ``RegisterChanges.changed`` on the
GUI thread, as if this window had changed it: the Members page follows the change journal
(only the persons changed are read again), the other pages refresh when shown
(``RefreshWhenShown``). Every ``HEARTBEAT`` seconds, and whenever someone arrives or leaves,
it reads who else is here for the status bar.

Nothing here may stop the window from working: a register the user may not write (a
read-only file, a role without the presence table) works without presence, a lost server
connection is tried again every few seconds (and the pages refresh then: changes may have
come meanwhile). The thread ends when the window closes or its ``Database`` is closed (a
restore closes it first, and a connection left open would hold the old file).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from time import monotonic

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QLabel
from sqlalchemy import Engine, event

from vrus import presence
from vrus.changes import ChangeWatcher, watch
from vrus.db.engine import Database
from vrus.logsetup import error_kind
from vrus.presence import HEARTBEAT, Announced, Present
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.plain_text import plain_label, plain_tooltip

log = logging.getLogger(__name__)

PROGRAM = "window"
WAIT = 1.0  # seconds; a longest wait, so a heartbeat is never late by more
RETRY = 5.0  # seconds before a lost connection is tried again
JOIN = 5.0  # seconds the window waits for the thread to say goodbye


class RemoteChanges(QObject):
    """Watches ``db`` for other users' changes and presence, off the GUI thread."""

    othersChanged = Signal(object)  # noqa: N815 - Qt's naming; list[Present]
    _changed = Signal()
    _others = Signal(object)

    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        parent: QObject | None = None,
        *,
        role: str | None = None,
    ) -> None:
        """``role``: the user's VRUS role (``vrus.server.roles.Role``), shown to the others."""
        super().__init__(parent)
        self._db = db
        self._changes = changes
        self._role = role
        self.others: list[Present] = []
        self.label: QLabel = plain_label()
        self.label.setObjectName("othersInRegister")
        self.label.setContentsMargins(0, 0, 16, 0)  # apart from what follows it
        self.label.hide()
        # Emitted by the worker thread, received here on the GUI thread (queued).
        self._changed.connect(self._remote_change)
        self._others.connect(self._show_others)
        self._stopping = threading.Event()
        self._watcher: ChangeWatcher | None = None
        self._lock = threading.Lock()  # guards _watcher between the two threads
        self._thread: threading.Thread | None = None
        self._engine: Engine = db.engine
        event.listen(self._engine, "engine_disposed", self._disposed)

    # --- GUI thread -------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None and not self._stopping.is_set():
            self._thread = threading.Thread(
                target=self._run, name="vrus-remote-changes", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """End the thread (it says goodbye in ``presence`` first); waits a few seconds."""
        self._halt()
        if event.contains(self._engine, "engine_disposed", self._disposed):
            event.remove(self._engine, "engine_disposed", self._disposed)

    def _halt(self) -> None:
        self._stopping.set()
        with self._lock:
            if self._watcher is not None:
                self._watcher.stop()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(JOIN)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _disposed(self, _engine: Engine) -> None:
        # The register is being closed (a restore, encrypting it, the end): let go of it now.
        # (The listener goes in ``stop``: not while the engine is calling its listeners.)
        self._halt()

    def _remote_change(self) -> None:
        if not self._stopping.is_set():
            self._changes.changed.emit()

    def _show_others(self, others: list[Present]) -> None:
        self.others = others
        self.label.setText(self._others_text(others))
        self.label.setToolTip(plain_tooltip("\n".join(self._detail(p) for p in others)))
        self.label.setVisible(bool(others))
        self.othersChanged.emit(others)

    def _others_text(self, others: list[Present]) -> str:
        names: list[str] = []
        for present in others:
            name = self._who(present)
            if name not in names:  # one user in two windows is named once
                names.append(name)
        return self.tr("Also in the register: {names}").format(names=", ".join(names))

    def _who(self, present: Present) -> str:
        role = self._role_name(present.role)
        if role is None:
            return present.user_name
        return self.tr("{user} ({role})").format(user=present.user_name, role=role)

    def _role_name(self, role: str | None) -> str | None:
        """The role where it says something: everyone who is not the coordinator."""
        names = {
            "lunch": self.tr("lunch"),
            "instructor": self.tr("instructor"),
            "reader": self.tr("reader"),
        }
        return names.get(role or "")

    def _detail(self, present: Present) -> str:
        since = present.started_at.replace(tzinfo=dt.UTC).astimezone()
        return self.tr("{user} on {host}, since {time}").format(
            user=self._who(present), host=present.host, time=since.strftime("%H:%M")
        )

    # --- the worker thread ------------------------------------------------------------------

    def _run(self) -> None:
        watcher: ChangeWatcher | None = None
        me: Announced | None = None
        reported: set[str] = set()  # what failed, logged once each
        lost = False
        next_beat = 0.0
        try:
            while not self._stopping.is_set():
                try:
                    if watcher is None:
                        watcher = self._connect(lost=lost)
                        if watcher is None:
                            return
                        lost = False
                        me = self._present(watcher, None, reported)
                        next_beat = monotonic() + HEARTBEAT
                    changed = watcher.wait(timeout=min(WAIT, max(0.0, next_beat - monotonic())))
                    if changed:
                        self._tell(self._changed)
                    if changed or watcher.presence_news:
                        watcher.presence_news = False
                        self._publish(watcher, me, reported)
                    if monotonic() >= next_beat:
                        me = self._present(watcher, me, reported)
                        next_beat = monotonic() + HEARTBEAT
                except Exception as error:  # noqa: BLE001 - the window works on without it
                    self._report("watching the register", error, reported)
                    self._drop(watcher)
                    watcher, me, lost = None, None, True
                    self._stopping.wait(RETRY)
        finally:
            if watcher is not None:
                self._leave(watcher, me)
                self._drop(watcher)

    def _connect(self, *, lost: bool) -> ChangeWatcher | None:
        watcher = watch(self._db)
        with self._lock:
            if self._stopping.is_set():
                watcher.close()
                return None
            self._watcher = watcher
        if lost:  # changes may have come while the connection was gone
            self._tell(self._changed)
        return watcher

    def _drop(self, watcher: ChangeWatcher | None) -> None:
        with self._lock:
            self._watcher = None
        if watcher is not None:
            try:
                watcher.close()
            except Exception as error:  # noqa: BLE001 - a broken connection closes as it can
                log.debug("closing the change watcher failed: %s", error_kind(error))

    def _present(
        self, watcher: ChangeWatcher, me: Announced | None, reported: set[str]
    ) -> Announced | None:
        """Announce this window (again), or beat its heart; then read who else is here."""
        try:
            if me is None:
                me = presence.announce(watcher.connection, PROGRAM, role=self._role)
            else:
                me = presence.heartbeat(watcher.connection, me)
        except Exception as error:  # noqa: BLE001 - a read-only file, a role without rights
            self._report("saying who is here", error, reported)
        self._publish(watcher, me, reported)
        return me

    def _publish(self, watcher: ChangeWatcher, me: Announced | None, reported: set[str]) -> None:
        try:
            others = presence.others(watcher.connection, me)
        except Exception as error:  # noqa: BLE001
            self._report("reading who is here", error, reported)
            return
        self._tell(self._others, others)

    def _tell(self, signal: SignalInstance, *values: object) -> None:
        """Emit to the GUI thread; a window deleted without closing ends the thread."""
        try:
            signal.emit(*values)
        except RuntimeError:  # the Qt object is gone
            self._stopping.set()

    def _leave(self, watcher: ChangeWatcher, me: Announced | None) -> None:
        if me is None:
            return
        try:
            presence.leave(watcher.connection, me)
        except Exception as error:  # noqa: BLE001 - the row goes stale by itself
            log.info("leaving the presence list failed: %s", error_kind(error))

    @staticmethod
    def _report(doing: str, error: Exception, reported: set[str]) -> None:
        kind = f"{doing}: {error_kind(error)}"
        if kind not in reported:
            reported.add(kind)
            log.warning("%s failed: %s", doing, error_kind(error))
