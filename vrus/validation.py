"""Checks and normal forms for what users type or import: names, phones, e-mail, postal
codes and dates.

Shared by the register editor and the spreadsheet import, so a value is accepted or refused
the same way wherever it comes from. Every refusal is a ``ValidationError`` naming the field
and saying, in one line, what is wrong and what would be right: English for the command line,
translatable for the window (``vrus.texts``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from vrus import clock
from vrus.dates import format_date
from vrus.errors import VrusError
from vrus.texts import Text, translate

NAME_MAX_LENGTH = 100  # the width of the name columns in the register
EMAIL_MAX_LENGTH = 200
OLDEST_AGE_YEARS = 100


class ValidationError(VrusError):
    """A value that cannot be stored; ``field`` says which, ``str(error)`` says why in English.

    ``message`` keeps the ``Text`` (or a plain string) so the window can show it in its own
    language with ``vrus.ui.common.messages.ui_text``.
    """

    def __init__(self, field: str, message: Text | str) -> None:
        super().__init__(str(message))
        self.field = field
        self.message = message


def too_long(limit: int) -> Text:
    return translate("Core", "is longer than {limit} characters").format(limit=limit)


# --- Phone numbers -------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]+")
_PHONE_FORMS = (
    re.compile(r"\+47(\d{8})"),
    re.compile(r"0047(\d{8})"),
    # Excel turns "+47 912 34 567" typed into a number cell into 4791234567.
    re.compile(r"47(\d{8})"),
    re.compile(r"(\d{8})"),
)
# A foreign number keeps its country code: "+" or "00", a code other than 47, and 7 to 15
# digits in all (E.164 allows at most 15), e.g. +46701234567 or 0044 20 7946 0958.
_FOREIGN_PHONE = re.compile(r"(?:\+|00)((?!47)[1-9]\d{6,14})")


def normalise_phone(text: str | int) -> str:
    """A phone number in its stored form: ``+47XXXXXXXX`` for a Norwegian one.

    Accepts 8 digits with an optional +47 or 0047 prefix; spaces, dashes, dots and brackets
    between the digits are ignored, so "+47 912 34 567" and "0047-91.23.45.67" are the same.
    A foreign number, written with its country code after "+" or "00", is stored as "+" and
    its digits ("+46 70 123 45 67" as "+46701234567"), so it keeps its country code.
    """
    raw = str(text).strip()
    compact = _PHONE_SEPARATORS.sub("", raw)
    for form in _PHONE_FORMS:
        match = form.fullmatch(compact)
        if match:
            return "+47" + match.group(1)
    foreign = _FOREIGN_PHONE.fullmatch(compact)
    if foreign:
        return "+" + foreign.group(1)
    raise ValidationError(
        "phone",
        translate(
            "Core", "'{value}' is not a phone number: use 8 digits, or + and the country code"
        ).format(value=raw),
    )


# --- E-mail --------------------------------------------------------------------------------

# Deliberately loose: the only sure test of an address is a message that arrives; this catches
# the typing mistakes that are visible (no @, spaces, no dot in the domain, a trailing dot).
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def validate_email(text: str) -> str:
    """The address as typed (surrounding spaces and a "mailto:" removed, domain in lower case)."""
    raw = str(text).strip()
    address = raw[len("mailto:") :] if raw.lower().startswith("mailto:") else raw
    if not _EMAIL.fullmatch(address):
        raise ValidationError(
            "email", translate("Core", "'{value}' is not an e-mail address").format(value=raw)
        )
    if len(address) > EMAIL_MAX_LENGTH:
        raise ValidationError("email", too_long(EMAIL_MAX_LENGTH))
    local, domain = address.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


# --- Postal codes --------------------------------------------------------------------------


def validate_postal_code(text: str | int) -> str:
    """Four digits as text, leading zero kept ("0150" is Oslo, not 150).

    A whole number (from a spreadsheet cell formatted as a number) had its leading zeros
    dropped by the spreadsheet, so it is padded back; typed text must have all four digits.
    """
    if isinstance(text, int) and not isinstance(text, bool) and 0 < text <= 9999:
        return f"{text:04d}"
    raw = str(text).strip()
    if re.fullmatch(r"\d{4}", raw):
        return raw
    if re.fullmatch(r"\d{3}", raw):
        message = translate(
            "Core",
            "'{value}' is not a postal code: use 4 digits "
            "(a leading zero may have been lost: write 0150, not 150)",
        )
    else:
        message = translate("Core", "'{value}' is not a postal code: use 4 digits")
    raise ValidationError("postal_code", message.format(value=raw))


# --- Dates ---------------------------------------------------------------------------------

_TIME_SUFFIX = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})" + _TIME_SUFFIX)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME_SUFFIX)


def expand_two_digit_year(yy: int, today: dt.date | None = None) -> int:
    """20yy up to this year's yy, else 19yy: a birth or join date is never in the future, and
    "95" is a parent's or an old register's year, not 2095."""
    this_year = clock.or_today(today).year
    century = this_year - this_year % 100
    year = century + yy
    return year if year <= this_year else year - 100


def parse_date(value: object, *, today: dt.date | None = None) -> dt.date:
    """A date from text (dd.mm.yyyy, d.m.yyyy, dd.mm.yy, yyyy-mm-dd, also with "/" between
    day, month and year) or from a spreadsheet cell that already holds a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    if match := _DAY_FIRST.fullmatch(raw):
        day, month, year_text = (int(match.group(1)), int(match.group(2)), match.group(3))
        year = int(year_text)
        if len(year_text) == 2:
            year = expand_two_digit_year(year, today)
    elif match := _ISO.fullmatch(raw):
        year, month, day = (int(group) for group in match.groups())
    else:
        raise ValidationError(
            "date", translate("Core", "'{value}' is not a date: use dd.mm.yyyy").format(value=raw)
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(
            "date", translate("Core", "'{value}' is not a real date").format(value=raw)
        ) from None


def validate_birth_date(value: object, *, today: dt.date | None = None) -> dt.date:
    """A real date, not in the future and not more than 100 years ago."""
    today = clock.or_today(today)
    try:
        born = parse_date(value, today=today)
    except ValidationError as error:
        raise ValidationError("birth_date", error.message) from None
    if born > today:
        raise ValidationError(
            "birth_date",
            translate("Core", "{date} is in the future").format(date=format_date(born)),
        )
    if born.year < today.year - OLDEST_AGE_YEARS:
        raise ValidationError(
            "birth_date",
            translate("Core", "{date} is more than {years} years ago; check the year").format(
                date=format_date(born), years=OLDEST_AGE_YEARS
            ),
        )
    return born


# --- Names ---------------------------------------------------------------------------------


def require_name(text: str | None, field: str = "name") -> str:
    """A name with surrounding and repeated spaces removed, in composed Unicode (NFC).

    NFC matters: a name typed on a Mac may arrive as "e" + combining marks; stored composed,
    "Nguyễn" sorts, searches and prints as one letter ễ whatever keyboard typed it.
    """
    name = one_line(text, field, NAME_MAX_LENGTH)
    if name is None:
        raise ValidationError(field, translate("Core", "is required"))
    return name


# --- Free text -----------------------------------------------------------------------------
# A control character (NUL, BEL, ESC, ...) is never typed on purpose: it arrives pasted from
# another program or from a damaged file, prints as nothing or as a box, cannot be written to a
# workbook and would not import back. Refused, naming the field, rather than stored unseen.

KEPT_IN_TEXT = frozenset("\n\t")


def one_line(value: object, field: str, limit: int) -> str | None:
    """A title, a place, a short note: one line, spaces collapsed, NFC; None when empty."""
    text = " ".join(unicodedata.normalize("NFC", str(value or "")).split())
    refuse_control_characters(text, field)
    if len(text) > limit:
        raise ValidationError(field, too_long(limit))
    return text or None


def free_text(value: object, field: str, limit: int) -> str | None:
    """A note that may have several lines (CRLF and CR become LF), stripped, NFC; None when
    empty."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    refuse_control_characters(text, field, allowed=KEPT_IN_TEXT)
    if len(text) > limit:
        raise ValidationError(field, too_long(limit))
    return text or None


def refuse_control_characters(text: str, field: str, allowed: frozenset[str] = frozenset()) -> None:
    control = next((c for c in text if unicodedata.category(c) == "Cc" and c not in allowed), None)
    if control is not None:
        raise ValidationError(
            field,
            translate("Core", "contains a control character (U+{code}); retype it").format(
                code=f"{ord(control):04X}"
            ),
        )
