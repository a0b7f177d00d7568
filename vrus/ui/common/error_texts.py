"""What the window says when the core refuses a value.

The core's ``ValidationError`` names the field and explains why. The core marks its messages
for translation (``vrus.texts``), so they are shown in the window's language with their
values; a refusal that carries only a plain string gets a translated hint for its field
instead, so a Norwegian user reads Norwegian. Other core failures (``VrusError``) show the
core's own message, translated (``vrus.ui.common.messages.core_message``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.errors import VrusError
from vrus.texts import Text
from vrus.ui.common.messages import core_message
from vrus.ui.common.texts import ui_text
from vrus.validation import ValidationError

_NAME = QT_TRANSLATE_NOOP("FieldErrors", "Write the name (at most 100 characters).")
_DATE = QT_TRANSLATE_NOOP("FieldErrors", "Write a real date as dd.mm.yyyy.")
_AGE = QT_TRANSLATE_NOOP(
    "FieldErrors", "Write an age from 0 to 99; the lower limit cannot be above the upper.")

HINTS: dict[str, str] = {
    "first_name": _NAME,
    "last_name": _NAME,
    "birth_date": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write a real date as dd.mm.yyyy, not in the future and not more "
                       "than 100 years ago."),
    "phone": QT_TRANSLATE_NOOP(
        "FieldErrors", "Not a Norwegian phone number: use 8 digits, optionally after +47."),
    "email": QT_TRANSLATE_NOOP(
        "FieldErrors", "Not an e-mail address: write it as name@example.no."),
    "postal_code": QT_TRANSLATE_NOOP(
        "FieldErrors", "Use the 4 digits of the postal code, such as 1383 or 0150."),
    "date": _DATE,
    "start_date": _DATE,
    "end_date": QT_TRANSLATE_NOOP(
        "FieldErrors", "The end cannot be before the start, and a membership that has ended "
                       "cannot be ended again."),
    "ensemble": QT_TRANSLATE_NOOP(
        "FieldErrors", "The person is already a member of this ensemble."),
    "population": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write the number of residents as a whole number, or leave it empty."),
    "population_year": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write the year the population was counted, such as 2024."),
    "target_count": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write how many players are wanted, a whole number from 0 to 200."),
    "min_age": _AGE,
    "max_age": _AGE,
    "guardian": QT_TRANSLATE_NOOP("FieldErrors", "Choose a guardian in the list."),
    "name": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write a name that no other organisation has."),
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
