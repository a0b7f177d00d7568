"""The private folder for the PDFs the window opens in the viewer or sends to a printer.

The lists hold children's names, phone numbers and allergies, so none of them may stay in
the temporary folder:

- Each running VRUS makes one folder of its own there on first use, readable by the user
  only (0700, ``tempfile.mkdtemp``), named ``vrus-utskrifter-…``; a lock file inside it
  (``QLockFile``) says that a running VRUS is using it.
- A PDF sent to a printer is deleted as soon as it has been drawn on the printer (or the
  print dialog was cancelled). One opened in the PDF viewer stays while VRUS runs, as the
  viewer reads it for as long as it shows it.
- The folder and everything in it is removed when VRUS quits (``remove_print_folder``).
- At the next start, ``remove_leftovers`` removes the folders that a VRUS which crashed (or
  whose files a viewer still held open when it quit, on Windows) left behind: only folders
  named as ours, owned by this user, and not in use (their lock is held by no running VRUS).
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from vrus.logsetup import error_kind

log = logging.getLogger(__name__)

PREFIX = "vrus-utskrifter-"
OLD_NAME = "vrus-utskrifter"  # the one shared folder older versions of VRUS used
LOCK_NAME = ".in-use.lock"


def temp_location() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation))


class PrintFolder:
    """This program's folder: made on first use, removed as a whole by ``remove``."""

    def __init__(self, temp: Path | None = None) -> None:
        self._temp = temp
        self._path: Path | None = None
        self._lock: QLockFile | None = None

    @property
    def made(self) -> Path | None:
        """The folder, if it has been made."""
        return self._path

    def path(self) -> Path:
        """The folder, made now if it is not there (also when something removed it)."""
        if self._path is None or not self._path.is_dir():
            self._release()
            folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=self._temp or temp_location()))
            lock = QLockFile(str(folder / LOCK_NAME))
            lock.setStaleLockTime(0)  # only a lock whose process has gone is stale
            lock.tryLock(0)
            self._path, self._lock = folder, lock
        return self._path

    def discard(self, file: Path) -> None:
        """Delete a PDF of this folder that is no longer needed."""
        if self._path is not None and file.parent == self._path:
            try:
                file.unlink(missing_ok=True)
            except OSError as error:  # removed with the folder at the latest
                log.warning("a printed PDF could not be deleted: %s", error_kind(error))

    def remove(self) -> None:
        folder = self._path
        self._release()
        self._path = None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


_folder = PrintFolder()


def print_folder() -> Path:
    """Where the PDFs to view and to print are written: this program's private folder."""
    return _folder.path()


def discard_printed(file: Path) -> None:
    _folder.discard(file)


def remove_print_folder() -> None:
    """At quitting: the folder and every PDF in it."""
    _folder.remove()


def remove_leftovers(temp: Path | None = None) -> list[Path]:
    """Remove the print folders earlier runs left in the temporary folder; returns them."""
    temp = temp or temp_location()
    removed = []
    try:
        entries = list(temp.iterdir())
    except OSError:
        return []
    for entry in entries:
        if _is_leftover(entry):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    if removed:
        log.info("removed %d print folder(s) left by an earlier run", len(removed))
    return removed


def _is_leftover(entry: Path) -> bool:
    if not (entry.name.startswith(PREFIX) or entry.name == OLD_NAME):
        return False
    if entry == _folder.made:
        return False
    try:
        info = entry.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):  # a file or a link of that name is not ours to touch
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    lock = QLockFile(str(entry / LOCK_NAME))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):  # a running VRUS uses it
        return False
    lock.unlock()
    return True
