"""Every value parser answers any text with a value or a ``ValidationError`` naming it, never
with another exception (issue 13: no input reaches "an unexpected error occurred").

Hypothesis draws the text from everything Unicode has, plus the shapes that parsers trip on:
digits with separators, dates with odd parts, control characters and very long runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vrus.importing import values
from vrus.validation import (
    ValidationError,
    normalise_phone,
    parse_date,
    require_name,
    validate_birth_date,
    validate_email,
    validate_postal_code,
)

TODAY = dt.date(2026, 12, 2)

_shapes = st.one_of(
    st.text(),
    st.text(alphabet="0123456789 +-./()\t", max_size=40),
    st.from_regex(r"\d{1,6}[./-]\d{1,6}[./-]\d{1,8}( \d{1,3}:\d{1,3}(:\d{1,3})?)?", fullmatch=True),
    st.text(alphabet="()::,;/ -abcæøå\x00\x07\r\n", max_size=60),
    st.integers().map(str),
)

PARSERS: dict[str, Callable[[str], Any]] = {
    "phone": normalise_phone,
    "email": validate_email,
    "postal_code": validate_postal_code,
    "date": lambda text: parse_date(text, today=TODAY),
    "birth_date": lambda text: validate_birth_date(text, today=TODAY),
    "name": require_name,
    "diet": values.diet,
    "allergies": values.allergies,
    "yes_no": lambda text: values.yes_no(text, "photo_consent"),
    "gender": values.gender,
    "end_reason": lambda text: values.end_reason(text, lambda _warning: None),
    "guardian_names": values.guardian_names,
    "split_contacts": values.split_contacts,
}


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_any_text_is_a_value_or_a_refusal_that_names_it(name: str) -> None:
    parser = PARSERS[name]

    @settings(max_examples=200, deadline=None)
    @given(_shapes)
    def check(text: str) -> None:
        try:
            parser(text)
        except ValidationError as error:
            assert str(error).strip(), "a refusal says why"

    check()


@given(st.text(alphabet="0123456789 +-.()", min_size=1, max_size=30))
def test_a_phone_number_that_is_accepted_is_stored_in_one_form(text: str) -> None:
    try:
        stored = normalise_phone(text)
    except ValidationError:
        return
    assert stored.startswith("+") and stored[1:].isdigit()
    assert normalise_phone(stored) == stored
