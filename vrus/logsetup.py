"""Logging to a private file in the user log folder.

Log lines name ids and counts, never personal data (names, birth dates, allergies) and
never a path or a file name (which can hold a name): the log is for finding bugs and may be
sent to a developer. A failure is logged by its kind (``error_kind``: the exception's class
and its code), not by its message: an ``OSError``'s message names the file, a
``ValidationError``'s the value refused, and any other exception may carry whatever it was
given. Tracebacks are written the same way (``PrivateFormatter``): every frame, every
exception's class, no message.
"""

from __future__ import annotations

import io
import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from vrus.paths import private_dir, user_log_dir

_configured: Path | None = None


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Every log file it opens, the first and each new one after a rollover, is readable by
    the owner only (the standard handler creates the new file with the umask's 0644)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file left by an older VRUS
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def error_kind(error: BaseException) -> str:
    """What failed, for a log line: the exception's class and, where it has one, its code
    (an errno, SQLite's error name); for a database error wrapped by SQLAlchemy, the driver's
    too. Never the message, which may hold a path or a value from the register."""
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    codes = []
    if isinstance(error, OSError) and error.errno is not None:
        codes.append(f"errno {error.errno}")
    # Either SQLite driver's errors (sqlite3, sqlcipher3) carry the name of SQLite's code.
    sqlite_code = getattr(error, "sqlite_errorname", None)
    if sqlite_code:
        codes.append(str(sqlite_code))
    text = f"{name} ({', '.join(codes)})" if codes else name
    original = getattr(error, "orig", None)  # SQLAlchemy's DBAPIError: the driver's error
    if isinstance(original, BaseException) and original is not error:
        text += f" from {error_kind(original)}"
    return text


def private_traceback(error: BaseException) -> str:
    """The traceback of ``error`` and of the exceptions that led to it, each frame as Python
    prints it, each exception by its ``error_kind`` only."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    parts = []
    for item in reversed(chain):
        frames = "".join(traceback.format_tb(item.__traceback__))
        parts.append(
            f"Traceback (most recent call last):\n{frames}{error_kind(item)} (message not logged)"
        )
    return "\n\nwhich led to:\n\n".join(parts)


class PrivateFormatter(logging.Formatter):
    """Writes a log record's traceback without the exceptions' messages (``private_traceback``)."""

    def format(self, record: logging.LogRecord) -> str:
        # logging keeps the first handler's traceback text on the record (exc_text) for the
        # next; another handler's (a console's, a test's) may hold the messages.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        error = ei[1]
        if error is None:
            return "" if ei[0] is None else f"{ei[0].__qualname__} (message not logged)"
        return private_traceback(error)


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
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path
