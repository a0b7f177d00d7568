"""Errors that carry a message meant for the user (one clear line, no traceback)."""


class VrusError(Exception):
    """A failure the user can understand and act on; ``str(error)`` is the message."""


class DatabaseError(VrusError):
    """The database cannot be opened or upgraded."""
