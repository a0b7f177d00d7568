"""Core messages in the window's language (see ``vrus.texts``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from vrus.dates import format_date
from vrus.texts import Text, as_text


def _value(value: Any) -> Any:
    if isinstance(value, Text):
        return ui_text(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    return value


def ui_text(message: Text | str) -> str:
    """The message translated by the installed Qt translator, values filled in."""
    text = as_text(message)
    if not text.context:
        return text.source
    template = QCoreApplication.translate(text.context, text.source)
    params = {name: _value(value) for name, value in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not hide the message.
        return str(text)
