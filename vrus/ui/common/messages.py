"""What the window says: core messages in the window's language, refusals of a value, and
failures, with one clear message for the user and the traceback only in the log.

- ``ui_text``: a core ``Text`` (``vrus.texts``) translated by the installed Qt translator,
  with its values filled in (dates as dd.mm.yyyy).
- ``error_text``: the core refused a value. Its ``ValidationError`` names the field and says
  why; a refusal that carries only a plain string gets a translated hint for its field, so a
  Norwegian user reads Norwegian.
- ``core_message``, ``failure_text``, ``unexpected_error_text``: a failure, the core's own
  message for those it expects (``VrusError``), or where the details are for the others.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.dates import format_date
from vrus.errors import VrusError
from vrus.logsetup import log_file
from vrus.texts import Bilingual, Text, as_text
from vrus.validation import ValidationError

# --- core messages -------------------------------------------------------------------------


def window_in_english() -> bool:
    """True while the window speaks its source language, English: no translator gives this
    marker a text of its own (the Bokmål catalogue says "Norsk bokmål")."""
    translated = QCoreApplication.translate(
        "Labels", "English", "The name of this translation's language, written in it"
    )
    return translated == "English"


def _value(value: Any) -> Any:
    if isinstance(value, Text):
        return ui_text(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    return value


def ui_text(message: Text | str) -> str:
    """The message translated by the installed Qt translator, values filled in."""
    text = as_text(message)
    if isinstance(text, Bilingual):
        return text.english if text.english and window_in_english() else text.source
    if not text.context:
        return text.source
    template = QCoreApplication.translate(text.context, text.source)
    params = {name: _value(value) for name, value in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not hide the message.
        return str(text)


# --- failures ------------------------------------------------------------------------------


def log_pointer() -> str:
    return QCoreApplication.translate(
        "Messages", "The details are written to the log file:\n{path}"
    ).format(path=log_file())


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
    return "\n\n".join(
        [
            QCoreApplication.translate("Messages", "VRUS ran into an unexpected error."),
            QCoreApplication.translate(
                "Messages",
                "What you were doing may not have been completed. What was saved before is safe: "
                "every change is saved whole or not at all.",
            ),
            log_pointer(),
        ]
    )


# --- refused values ------------------------------------------------------------------------


_NAME = QT_TRANSLATE_NOOP("FieldErrors", "Write the name (at most 100 characters).")
_DATE = QT_TRANSLATE_NOOP("FieldErrors", "Write a real date as dd.mm.yyyy.")
_AGE = QT_TRANSLATE_NOOP(
    "FieldErrors", "Write an age from 0 to 99; the lower limit cannot be above the upper."
)

HINTS: dict[str, str] = {
    "first_name": _NAME,
    "last_name": _NAME,
    "birth_date": QT_TRANSLATE_NOOP(
        "FieldErrors",
        "Write a real date as dd.mm.yyyy, not in the future and not more than 100 years ago.",
    ),
    "phone": QT_TRANSLATE_NOOP(
        "FieldErrors",
        "Not a phone number: use 8 digits for a Norwegian one, or + and the country code.",
    ),
    "email": QT_TRANSLATE_NOOP(
        "FieldErrors", "Not an e-mail address: write it as name@example.no."
    ),
    "postal_code": QT_TRANSLATE_NOOP(
        "FieldErrors", "Use the 4 digits of the postal code, such as 1383 or 0150."
    ),
    "date": _DATE,
    "start_date": _DATE,
    "end_date": QT_TRANSLATE_NOOP(
        "FieldErrors",
        "The end cannot be before the start, and a membership that has ended "
        "cannot be ended again.",
    ),
    "ensemble": QT_TRANSLATE_NOOP(
        "FieldErrors", "The person is already a member of this ensemble."
    ),
    "population": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write the number of residents as a whole number, or leave it empty."
    ),
    "population_year": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write the year the population was counted, such as 2024."
    ),
    "target_count": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write how many players are wanted, a whole number from 0 to 200."
    ),
    "min_age": _AGE,
    "max_age": _AGE,
    "guardian": QT_TRANSLATE_NOOP("FieldErrors", "Choose a guardian in the list."),
    "name": QT_TRANSLATE_NOOP("FieldErrors", "Write a name that no other organisation has."),
}


def error_text(error: BaseException) -> str:
    """One translated sentence for a refused value; the core's message for other failures."""
    if isinstance(error, ValidationError):
        if isinstance(error.message, Text) and error.message.context:
            return _sentence(ui_text(error.message))
        if error.field in HINTS:
            return QCoreApplication.translate("FieldErrors", HINTS[error.field])
    if isinstance(error, VrusError):
        return core_message(error)
    return QCoreApplication.translate("FieldErrors", "The change could not be saved.")


def _sentence(text: str) -> str:
    """The core's messages are clauses ("is required"); under a field they read as a line."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
