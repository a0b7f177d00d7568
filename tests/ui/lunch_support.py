"""The demo season, a shown Lunch page, and a fake PDF viewer for the Lunch and Print tests."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from vrus.db.engine import Database
from vrus.demo import load_demo
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.files import printing
from vrus.ui.lunch.lunch_page import LunchPage

DEMO_TODAY = dt.date(2026, 11, 26)  # the demo's 2026 season; Helgeseminar 9 is next


def load_demo_season(db: Database) -> None:
    load_demo(db, today=DEMO_TODAY)


def build_lunch_page(qtbot, db: Database, today: dt.date = DEMO_TODAY) -> LunchPage:
    changes = RegisterChanges()
    page = LunchPage(db, changes, title="Lunch", today=lambda: today)
    changes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


@dataclass
class FakeViewer:
    """Stands in for the system's PDF viewer: records what VRUS asked to open."""

    folder: Path
    urls: list[QUrl] = field(default_factory=list)

    def open(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True

    @property
    def paths(self) -> list[Path]:
        return [Path(url.toLocalFile()) for url in self.urls]


def fake_viewer(monkeypatch, tmp_path: Path) -> FakeViewer:
    """No real viewer opens in a test: QDesktopServices.openUrl is replaced, and the PDFs go
    to the test's own folder."""
    viewer = FakeViewer(tmp_path / "prints")
    viewer.folder.mkdir()
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(viewer.open))
    monkeypatch.setattr(printing, "print_folder", lambda: viewer.folder)
    return viewer


def pdf_text(path: Path) -> tuple[str, str, int]:
    """The PDF's title, all its text, and its page count."""
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader.metadata.title, text, len(reader.pages)
