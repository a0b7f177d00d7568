"""Core messages: English as text, translatable by source."""

from __future__ import annotations

from vrus.texts import Text, as_text, translate


def test_text_formats_english_and_keeps_source() -> None:
    message = translate("Core", "'{value}' is not a real date").format(value="31.02.2010")
    assert str(message) == "'31.02.2010' is not a real date"
    assert message.source == "'{value}' is not a real date"
    assert message.params == {"value": "31.02.2010"}


def test_plain_strings_pass_through() -> None:
    assert as_text("Bærum") == Text("", "Bærum")
    assert str(as_text("Bærum")) == "Bærum"
