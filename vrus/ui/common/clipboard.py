"""Personal data on the clipboard (guardians' e-mail addresses), and taking it off again.

Any program can read the clipboard, and a clipboard manager may keep what it held for good.
So what VRUS copies there is cleared ``CLEAR_AFTER_MINUTES`` after copying and when VRUS
quits, each time only if the clipboard still holds exactly what VRUS put there: anything the
user copied since is theirs and stays. The window tells the user it will be cleared
(``clearing_note``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MINUTES = 10


class PrivateClipboard(QObject):
    """Remembers the text VRUS copied, and clears the clipboard of it when it is time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.copied: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear_if_unchanged)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied = text
        self.timer.start(round(CLEAR_AFTER_MINUTES * 60_000))  # read now: tests shorten it

    def clear_if_unchanged(self) -> bool:
        """Clear the clipboard if it still holds what VRUS copied; True when it did."""
        self.timer.stop()
        copied, self.copied = self.copied, None
        clipboard = QGuiApplication.clipboard()
        if copied is None or clipboard.text() != copied:
            return False
        clipboard.clear()
        return True


_clipboard: PrivateClipboard | None = None


def private_clipboard() -> PrivateClipboard:
    """The one for this program, made on first use; it lives as long as the application
    and clears the clipboard when the application quits."""
    global _clipboard
    if _clipboard is None:
        app = QCoreApplication.instance()
        _clipboard = PrivateClipboard(app)
        if app is not None:
            app.aboutToQuit.connect(_clipboard.clear_if_unchanged)
    return _clipboard


def copy_personal(text: str) -> None:
    """Put ``text`` (personal data) on the clipboard, to be cleared again."""
    private_clipboard().copy(text)


def clear_personal_clipboard() -> bool:
    """Clear what VRUS copied, if the clipboard still holds it (also called at quitting)."""
    return _clipboard.clear_if_unchanged() if _clipboard is not None else False


def clearing_note() -> str:
    """What the window says after copying personal data."""
    return QCoreApplication.translate(
        "Clipboard",
        "The clipboard is cleared in {minutes} minutes and when VRUS closes, unless you "
        "have copied something else meanwhile.",
    ).format(minutes=CLEAR_AFTER_MINUTES)
