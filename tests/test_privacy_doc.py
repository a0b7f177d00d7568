"""docs/privacy.md: its generated facts are the code's, and every table is accounted for."""

from __future__ import annotations

from pathlib import Path

from vrus.db.models import Base
from vrus.privacy_facts import PURPOSES, erasure_fates, fill

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "privacy.md"


def test_every_table_has_a_purpose() -> None:
    assert set(PURPOSES) == set(Base.metadata.tables)


def test_every_erasure_fate_names_a_real_table_or_column() -> None:
    for what in erasure_fates():
        table, _dot, column = what.partition(".")
        assert table in Base.metadata.tables
        assert not column or column in Base.metadata.tables[table].c


def test_the_document_holds_todays_facts() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    assert "<!-- generated:nb -->" in text and "<!-- generated:en -->" in text
    assert fill(text) == text, "run: python -m vrus.privacy_facts docs/privacy.md"


def test_fill_replaces_stale_facts() -> None:
    stale = "a\n<!-- generated:en -->\nSTALE\n<!-- /generated:en -->\nb\n"
    filled = fill(stale)
    assert "STALE" not in filled and "| `retention.contact_months` | 3 |" in filled
