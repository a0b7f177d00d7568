"""Errors that carry a message meant for the user (one clear line, no traceback).

The message is a ``vrus.texts.Text`` (or a plain string): ``str(error)`` is the English the
command line prints and the log keeps; ``error.message`` keeps the ``Text`` so the window can
show it in its own language (``vrus.ui.common.messages.core_message``).
"""

from __future__ import annotations

from vrus.texts import Text, translate


class VrusError(Exception):
    """A failure the user can understand and act on; ``str(error)`` is the message."""

    def __init__(self, message: Text | str = "") -> None:
        super().__init__(str(message))
        held = getattr(self, "message", None)
        # A subclass that set its Text before calling here with ``str(text)`` keeps the Text.
        if not (isinstance(held, Text) and str(held) == str(message)):
            self.message: Text | str = message


class DatabaseError(VrusError):
    """The database cannot be opened or upgraded."""


# What a row is called in "event 7 is not in the register" (the key is the English noun).
RECORD_NAMES: dict[str, Text] = {
    "person": translate("Core", "person"),
    "guardian": translate("Core", "guardian"),
    "membership": translate("Core", "membership"),
    "ensemble": translate("Core", "ensemble"),
    "instrument": translate("Core", "instrument"),
    "municipality": translate("Core", "municipality"),
    "organisation": translate("Core", "organisation"),
    "project": translate("Core", "project"),
    "event": translate("Core", "event"),
    "event day": translate("Core", "event day"),
    "staff member": translate("Core", "staff member"),
    "staff assignment": translate("Core", "staff assignment"),
    "duty": translate("Core", "duty"),
    "consent": translate("Core", "consent"),
}


def not_in_register(what: str, row_id: object) -> VrusError:
    """The refusal for a row that is gone (removed meanwhile, or a wrong id typed)."""
    return VrusError(
        translate("Core", "{what} {id} is not in the register").format(
            what=RECORD_NAMES.get(what, what), id=row_id
        )
    )
