"""The shipped DejaVu Sans, embedded in every PDF.

reportlab's built-in Helvetica covers Latin-1 only: "Łukasz" or "Nguyễn" would print with
black boxes. DejaVu Sans covers them, and the tick box "☐" and warning sign "⚠" too.
Registering is global in reportlab, so it happens once per process.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vrus.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    """Make DejaVu Sans known to reportlab (idempotent); <b> in a Paragraph gives the bold."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    # There is no italic in resources: italic maps to the upright faces.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
