"""VRUS: the administration program of Vestregionens Ungdomssymfonikere.

The package root and everything outside ``vrus.ui`` is the core: it never imports Qt, so the
register, the database and the printing run and are tested without a screen.
"""

__version__ = "0.1.0"
