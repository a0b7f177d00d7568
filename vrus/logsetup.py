"""Logging to a private file in the user log folder.

Log lines name ids and counts, never personal data (names, birth dates, allergies): the log
is for finding bugs and may be sent to a developer.
"""

from __future__ import annotations

import io
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from vrus.paths import private_dir, user_log_dir

_configured: Path | None = None


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Every log file it opens, the first and each new one after a rollover, is readable by
    the owner only (the standard handler creates the new file with the umask's 0644)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file left by an older VRUS
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def log_file() -> Path:
    override = os.environ.get("VRUS_LOG_DIR")
    folder = Path(override) if override else user_log_dir()
    return private_dir(folder) / "vrus.log"


def configure_logging(level: int = logging.INFO) -> Path:
    """Send VRUS's log to its file (once per process) and return the file's path."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_file()
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path
