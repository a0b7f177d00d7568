"""Checks and normal forms shared by the register editor and the import."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrus.errors import VrusError
from vrus.texts import CORE_CONTEXT, Text
from vrus.validation import (
    ValidationError,
    expand_two_digit_year,
    format_date,
    normalise_phone,
    parse_date,
    require_name,
    validate_birth_date,
    validate_email,
    validate_postal_code,
)

TODAY = dt.date(2026, 3, 1)


# --- Phones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "91234567",
        "912 34 567",
        "91 23 45 67",
        "+4791234567",
        "+47 912 34 567",
        "0047 91234567",
        "0047-912-34-567",
        "912.34.567",
        " 91234567 ",
        "4791234567",
        "(+47) 912 34 567",
    ],
)
def test_phone_forms_normalise_to_one_value(text: str) -> None:
    assert normalise_phone(text) == "+4791234567"


def test_phone_from_a_number_cell() -> None:
    assert normalise_phone(91234567) == "+4791234567"


@pytest.mark.parametrize(
    "text",
    [
        "123",
        "912345678",
        "9123456",
        "+46 12",  # a foreign number is kept with its country code, but not 2 digits
        "+47 912 34 56 78",
        "abc",
        "912 34 56a",
        "",
        "+47",
        "0047 9123 456",
    ],
)
def test_bad_phones_are_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(text)
    assert caught.value.field == "phone"
    assert f"'{text.strip()}' is not a phone number" in str(caught.value)
    assert "8 digits" in str(caught.value)


def test_validation_error_is_a_vrus_error() -> None:
    error = ValidationError("phone", "message")
    assert isinstance(error, VrusError)
    assert (error.field, error.message, str(error)) == ("phone", "message", "message")


_digits = st.text(alphabet="0123456789", min_size=8, max_size=8)
_prefix = st.sampled_from(["", "+47", "0047", "+47 ", "0047 ", "+47-", " +47  "])
_separator = st.sampled_from(["", " ", "-", ".", "  ", " - "])


@given(_digits, _prefix, st.lists(_separator, min_size=7, max_size=7))
def test_any_spacing_and_prefix_gives_the_same_number(
    digits: str, prefix: str, separators: list[str]
) -> None:
    spaced = digits[0] + "".join(
        sep + digit for sep, digit in zip(separators, digits[1:], strict=True)
    )
    normal = normalise_phone(prefix + spaced)
    assert normal == "+47" + digits
    assert normalise_phone(normal) == normal  # the stored form reads back as itself


# --- E-mail and postal codes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kari@example.no", "kari@example.no"),
        ("  Kari.Nordmann@Example.NO ", "Kari.Nordmann@example.no"),
        ("mailto:ola@firma.com", "ola@firma.com"),
        ("a+b@sub.domain.no", "a+b@sub.domain.no"),
    ],
)
def test_good_email(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "kari",
        "kari@",
        "@example.no",
        "kari@example",
        "kari@@x.no",
        "kari nordmann@example.no",
        "kari@example.no.",
        "",
    ],
)
def test_bad_email(text: str) -> None:
    with pytest.raises(ValidationError, match="is not an e-mail address") as caught:
        validate_email(text)
    assert caught.value.field == "email"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1358", "1358"),
        ("0150", "0150"),
        (" 3050 ", "3050"),
        (150, "0150"),
        (3050, "3050"),
    ],
)
def test_postal_codes_keep_the_leading_zero(value: str | int, expected: str) -> None:
    assert validate_postal_code(value) == expected


@pytest.mark.parametrize("value", ["150", "13580", "13 58", "abcd", "", 0, 12345])
def test_bad_postal_codes(value: str | int) -> None:
    with pytest.raises(ValidationError, match="is not a postal code: use 4 digits"):
        validate_postal_code(value)


def test_a_three_digit_postal_code_hints_at_the_lost_zero() -> None:
    with pytest.raises(ValidationError, match="leading zero"):
        validate_postal_code("150")


# --- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.05.2010", dt.date(2010, 5, 3)),
        ("3.5.2010", dt.date(2010, 5, 3)),
        ("03.05.10", dt.date(2010, 5, 3)),
        ("3.5.10", dt.date(2010, 5, 3)),
        ("2010-05-03", dt.date(2010, 5, 3)),
        ("03/05/2010", dt.date(2010, 5, 3)),
        ("03.05.2010 00:00", dt.date(2010, 5, 3)),
        ("2010-05-03 00:00:00", dt.date(2010, 5, 3)),
        ("01.01.26", dt.date(2026, 1, 1)),
        ("01.01.27", dt.date(1927, 1, 1)),
        ("15.08.95", dt.date(1995, 8, 15)),
        (dt.date(2010, 5, 3), dt.date(2010, 5, 3)),
        (dt.datetime(2010, 5, 3, 0, 0), dt.date(2010, 5, 3)),
    ],
)
def test_dates(text: object, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text", ["31.02.2010", "29.02.2011", "00.05.2010", "03.13.2010", "2010-02-30"]
)
def test_impossible_dates(text: str) -> None:
    with pytest.raises(ValidationError, match=f"^'{text}' is not a real date$"):
        parse_date(text)


@pytest.mark.parametrize("text", ["mai 2010", "2010", "03.05", "03-05-2010", "3.5.201", "", "x"])
def test_unreadable_dates(text: str) -> None:
    with pytest.raises(ValidationError, match="is not a date: use dd.mm.yyyy"):
        parse_date(text)


def test_two_digit_years_pivot_on_this_year() -> None:
    assert expand_two_digit_year(26, TODAY) == 2026
    assert expand_two_digit_year(27, TODAY) == 1927
    assert expand_two_digit_year(0, TODAY) == 2000
    assert expand_two_digit_year(99, TODAY) == 1999


_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@given(
    _dates,
    st.sampled_from(
        [
            "{d:02d}.{m:02d}.{y:04d}",
            "{d}.{m}.{y}",
            "{y:04d}-{m:02d}-{d:02d}",
            "{d:02d}/{m:02d}/{y:04d}",
        ]
    ),
)
def test_format_then_parse_is_identity(day: dt.date, form: str) -> None:
    text = form.format(d=day.day, m=day.month, y=day.year)
    assert parse_date(text) == day
    assert parse_date(format_date(day)) == day


@given(st.dates(min_value=dt.date(TODAY.year - 99, 1, 1), max_value=dt.date(TODAY.year, 12, 31)))
def test_two_digit_year_round_trip_within_the_century_window(day: dt.date) -> None:
    text = f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}"
    assert parse_date(text, today=TODAY) == day


# --- Birth dates and names -----------------------------------------------------------------


def test_birth_date_accepts_text_and_dates() -> None:
    assert validate_birth_date("03.05.2010", today=TODAY) == dt.date(2010, 5, 3)
    assert validate_birth_date(dt.date(2010, 5, 3), today=TODAY) == dt.date(2010, 5, 3)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("02.03.2026", "is in the future"),
        ("01.01.1920", "more than 100 years ago"),
        ("31.02.2010", "is not a real date"),
        ("soon", "is not a date"),
    ],
)
def test_bad_birth_dates(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        validate_birth_date(value, today=TODAY)
    assert caught.value.field == "birth_date"


def test_birth_date_today_is_allowed() -> None:
    assert validate_birth_date(TODAY, today=TODAY) == TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Åsmund ", "Åsmund"),
        ("Anne  Marie", "Anne Marie"),
        ("Łukasz", "Łukasz"),
        ("Nguye\u0302\u0303n", "Nguyễn"),
        ("Dahl-Hagen", "Dahl-Hagen"),
        ("Zoë", "Zoë"),
    ],
)
def test_names_are_trimmed_and_composed(text: str, expected: str) -> None:
    assert require_name(text, "first_name") == expected


@pytest.mark.parametrize("text", ["", "   ", None])
def test_a_name_is_required(text: str | None) -> None:
    with pytest.raises(ValidationError, match="is required") as caught:
        require_name(text, "last_name")
    assert caught.value.field == "last_name"


def test_a_name_has_a_length_limit() -> None:
    with pytest.raises(ValidationError, match="longer than 100"):
        require_name("x" * 101)


# --- Messages: English as text, translatable in the window ---------------------------------


def test_a_refusal_keeps_its_translatable_message() -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone("123")
    message = caught.value.message
    assert isinstance(message, Text)
    assert (message.context, message.source, dict(message.params)) == (
        CORE_CONTEXT,
        "'{value}' is not a phone number: use 8 digits, or + and the country code",
        {"value": "123"},
    )
    assert str(caught.value) == (
        "'123' is not a phone number: use 8 digits, or + and the country code"
    )


@pytest.mark.parametrize(
    ("check", "value", "english"),
    [
        (
            normalise_phone,
            "12",
            "'12' is not a phone number: use 8 digits, or + and the country code",
        ),
        (validate_email, "ola.example.no", "'ola.example.no' is not an e-mail address"),
        (validate_email, "a@" + "b" * 200 + ".no", "is longer than 200 characters"),
        (
            validate_postal_code,
            "150",
            "'150' is not a postal code: use 4 digits (a leading zero "
            "may have been lost: write 0150, not 150)",
        ),
        (validate_postal_code, "15a0", "'15a0' is not a postal code: use 4 digits"),
        (parse_date, "soon", "'soon' is not a date: use dd.mm.yyyy"),
        (parse_date, "31.02.2010", "'31.02.2010' is not a real date"),
        (
            lambda v: validate_birth_date(v, today=TODAY),
            "02.03.2026",
            "02.03.2026 is in the future",
        ),
        (
            lambda v: validate_birth_date(v, today=TODAY),
            "01.01.1920",
            "01.01.1920 is more than 100 years ago; check the year",
        ),
        (
            lambda v: validate_birth_date(v, today=TODAY),
            "31.02.2010",
            "'31.02.2010' is not a real date",
        ),
        (require_name, " ", "is required"),
        (require_name, "x" * 101, "is longer than 100 characters"),
    ],
)
def test_every_refusal_is_a_core_text_with_unchanged_english(
    check, value: str, english: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check(value)
    assert isinstance(caught.value.message, Text)
    assert caught.value.message.context == CORE_CONTEXT
    assert str(caught.value) == str(caught.value.message) == english
