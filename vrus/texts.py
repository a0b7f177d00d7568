"""Translatable messages from the core, without Qt.

The core explains problems in English (the source language); the window shows them in
Bokmål. A message is written as::

    translate("Core", "'{value}' is not a real date").format(value=raw)

``pyside6-lupdate`` finds the ``translate("Core", "...")`` call by its name and collects the
source text into ``vrus_nb.ts`` like any widget string (it cannot see keyword arguments in
the same call, hence the separate ``.format``). ``str()`` of the result is the English text
for the command line and the log; the window calls ``vrus.ui.common.messages.ui_text`` to look the
source up in Qt's translator and fill in the values there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CORE_CONTEXT = "Core"


@dataclass(frozen=True)
class Text:
    """A message template (the translation key) with the values to fill in."""

    context: str
    source: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def format(self, **params: Any) -> Text:
        return Text(self.context, self.source, {**self.params, **params})

    def __str__(self) -> str:
        return self.source.format(**self.params) if self.params else self.source

    def __add__(self, other: str) -> str:  # keeps "message" + " more" working as text
        return str(self) + other


def translate(context: str, source: str) -> Text:
    """Mark ``source`` for translation (found by lupdate); fill values with ``.format``."""
    return Text(context, source)


def as_text(message: Text | str) -> Text:
    """Wrap plain strings (values from the database, file names) so callers need one path."""
    return message if isinstance(message, Text) else Text("", message)


@dataclass(frozen=True)
class Bilingual(Text):
    """A name the register keeps in Bokmål and in English (an instrument's): a report or the
    window shows it in its language. ``str()`` is the Bokmål, as the register stores it."""

    english: str = ""


def bilingual(bokmal: str, english: str | None) -> Text:
    """``bokmal`` shown as ``english`` where the language is English (when there is one)."""
    return Bilingual("", bokmal, english=english or "")
