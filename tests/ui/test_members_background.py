"""A large register is read whole in another thread: the window lists it when it comes back,
and searching goes on over what is listed meanwhile. (Below ``BACKGROUND_FROM`` persons the
read is on the GUI thread, as every other test sees it; here the limit is lowered to 0.)"""

from __future__ import annotations

import pytest
from sqlalchemy import update

from vrus.db.models import Ensemble
from vrus.ui.members import members_model


@pytest.fixture
def in_background(monkeypatch) -> None:
    monkeypatch.setattr(members_model, "BACKGROUND_FROM", 0)


def shown(page) -> set[str]:
    model = page.model
    return {model.index(row, 1).data() for row in range(model.rowCount())}


def test_the_first_listing_comes_from_another_thread(
    qtbot, make_window, register, db, in_background
) -> None:
    from tests.ui.helpers import TODAY
    from vrus.ui.app import create_main_window
    from vrus.ui.common.core_actions import CoreActions

    del make_window
    window = create_main_window(db, _settings(db), CoreActions(), today=lambda: TODAY)
    qtbot.addWidget(window)
    page = window.members_page
    with qtbot.waitSignal(page.model.reading, timeout=5000):
        window.show()
        qtbot.waitExposed(window)
    assert page.model.is_reading
    assert page.count_label.text() == "Reading the register…"
    with qtbot.waitSignal(page.filled, timeout=10000):
        pass
    assert not page.model.is_reading
    assert "Åse" in shown(page) and page.count_label.text() == "7 shown"


def _settings(db):
    from vrus.ui.common.options import Settings

    assert db.path is not None
    return Settings.from_file(db.path.parent / "background.ini")


def test_search_works_over_the_listing_while_the_register_is_read(
    qtbot, make_window, register, db, in_background
) -> None:
    window = make_window()
    page = window.members_page
    qtbot.waitUntil(lambda: page.is_filled and not page.model.is_reading, timeout=10000)
    assert page.model.rowCount() == 7
    with db.transaction() as session:  # a change every listing depends on: read whole
        session.execute(update(Ensemble).values(max_age=Ensemble.max_age + 1))
    with qtbot.waitSignal(page.model.reading, timeout=5000):
        window.changes.changed.emit()
    qtbot.keyClicks(page.filters.search, "Å")
    assert shown(page) == {"Åse", "Åsmund"}  # answered from the listing at hand
    with qtbot.waitSignal(page.filled, timeout=10000):
        pass
    assert shown(page) == {"Åse", "Åsmund"}  # the search still applies to the new listing


def test_a_failed_read_is_said_in_the_status_bar(
    qtbot, make_window, register, db, in_background, monkeypatch
) -> None:
    window = make_window()
    page = window.members_page
    qtbot.waitUntil(lambda: page.is_filled and not page.model.is_reading, timeout=10000)
    with db.transaction() as session:
        session.execute(update(Ensemble).values(max_age=Ensemble.max_age + 1))

    def broken(*_args, **_kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(members_model, "read_everything", broken)
    messages: list[str] = []
    page.message.connect(messages.append)
    with qtbot.waitSignal(page.model.failed, timeout=10000):
        window.changes.changed.emit()
    assert messages and messages[0].startswith("The register could not be listed.")
    assert page.model.rowCount() == 7  # what was listed stays listed
