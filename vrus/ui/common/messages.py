"""Texts for failures: one clear message for the user, the traceback only in the log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vrus.errors import VrusError
from vrus.logsetup import log_file
from vrus.texts import Text
from vrus.ui.common.texts import ui_text


def log_pointer() -> str:
    return QCoreApplication.translate(
        "Messages", "The details are written to the log file:\n{path}").format(path=log_file())


def core_message(error: VrusError) -> str:
    """The core's message in the window's language (``str(error)`` is the English)."""
    message = getattr(error, "message", None)
    return ui_text(message) if isinstance(message, Text) else str(error)


def failure_text(heading: str, error: BaseException) -> str:
    """``heading`` says what did not happen; then the core's own message for the failures it
    expects (``VrusError``), or where the details are for the ones it did not."""
    if isinstance(error, VrusError):
        return f"{heading}\n\n{core_message(error)}"
    return f"{heading}\n\n{log_pointer()}"


def unexpected_error_text() -> str:
    return "\n\n".join([
        QCoreApplication.translate("Messages", "VRUS ran into an unexpected error."),
        QCoreApplication.translate(
            "Messages",
            "What you were doing may not have been completed. What was saved before is safe: "
            "every change is saved whole or not at all."),
        log_pointer(),
    ])
