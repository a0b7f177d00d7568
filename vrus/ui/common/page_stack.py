"""The window's stack of pages, each built the first time it is shown or asked for.

A page that nobody opens costs nothing at start: neither the import of its modules nor its
first queries. The window adds each page but the first as a factory; the stack holds an
empty placeholder in its place until the page is needed, then builds it and puts it where
the placeholder was. Code that asks for a page (``page(i)``, or ``widget(i)`` as on any
``QStackedWidget``) gets the built page, so callers never see a placeholder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

PageFactory = Callable[[], QWidget]


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: dict[int, PageFactory] = {}
        self._names: dict[int, str] = {}
        # Whatever makes a placeholder current (Qt included) builds its page at once,
        # before anything is painted.
        self.currentChanged.connect(self.page)

    def add_page(self, name: str, page: QWidget | PageFactory) -> int:
        """Add a page named ``name`` (its object name becomes ``<name>Page``): a widget, or a
        factory that makes it when it is first needed. Returns its index."""
        if isinstance(page, QWidget):
            page.setObjectName(f"{name}Page")
            return self.addWidget(page)
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}Placeholder")
        index = self.addWidget(placeholder)
        self._factories[index] = page
        self._names[index] = name
        return index

    def is_built(self, index: int) -> bool:
        return 0 <= index < self.count() and index not in self._factories

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built now if it was not yet."""
        if index in self._factories:
            self._build(index)
        return super().widget(index)

    def widget(self, index: int) -> QWidget:
        """As ``page``: the built page, never its placeholder (Qt's own calls, which do not
        go through Python, still see the placeholder until the page is built)."""
        return self.page(index)

    def show_page(self, index: int) -> None:
        self.page(index)
        self.setCurrentIndex(index)

    def _build(self, index: int) -> None:
        factory = self._factories.pop(index)  # first: building may ask for the page again
        page = factory()
        page.setObjectName(f"{self._names.pop(index)}Page")
        placeholder = super().widget(index)
        current = self.currentIndex() == index
        self.insertWidget(index, page)  # the placeholder moves to index + 1
        if current:
            self.setCurrentIndex(index)
        self.removeWidget(placeholder)
        placeholder.deleteLater()
