"""The register key written for people: groups of characters to print on the recovery sheet
and type back in on a new computer.

A key VRUS makes is 32 random bytes, kept as 64 hexadecimal characters. On paper that is too
long and too easy to mistype, so the recovery key writes the same 32 bytes as:

- **13 groups of 4** characters in Crockford's base 32 (the digits and the letters A-Z
  without I, L, O and U, so no character can be read as another): the 256 bits of the key,
  five bits a character, padded with four zero bits to 52 characters;
- **one check group** of 4 characters (20 bits): three characters are the first 15 bits of
  the key's SHA-256, which catch almost any mistake (all but one in 32 768), and the fourth
  is a weighted sum of the 52 characters in GF(32), which catches *every* single mistyped
  character and every swap of two neighbours for certain, where a hash alone would miss one
  in a million.

On the sheet and in the terminal the 14 groups are two lines of seven, the groups joined by
dashes (``format_recovery``)::

    0K5V-8R2M-...-QX4T
    7HNW-...-C3PA

Reading it back (``parse_recovery``) forgives what people do when they type from paper:
spaces, dashes and line breaks anywhere, small letters, O for zero and I or L for one. It
also takes the key as its 64 hexadecimal characters. Anything else is refused with one line
that says what is wrong and where, never with the key itself: an error message ends up in
logs and screenshots.
"""

from __future__ import annotations

import hashlib
import string
import unicodedata

from vrus.errors import VrusError
from vrus.texts import translate

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
# What people type for what they see: Crockford's readings of the letters left out.
ALIASES = {"O": "0", "I": "1", "L": "1"}
KEY_BYTES = 32
HEX_LENGTH = 2 * KEY_BYTES
GROUP_SIZE = 4
KEY_GROUPS = 13  # the key: 52 characters of 5 bits, 256 bits and 4 zero bits of padding
GROUPS = KEY_GROUPS + 1  # and the check group
CHARACTERS = GROUPS * GROUP_SIZE  # 56
GROUPS_PER_LINE = 7
_KEY_CHARACTERS = KEY_GROUPS * GROUP_SIZE  # 52
_PADDING_BITS = _KEY_CHARACTERS * 5 - KEY_BYTES * 8  # 4
_HASH_CHARACTERS = 3  # the check group's first three characters come from SHA-256
_VALUES = {character: value for value, character in enumerate(ALPHABET)}
_HEX_DIGITS = frozenset(string.hexdigits)
# Dashes a PDF viewer or a word processor may put where the sheet has "-".
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


# GF(32) from the primitive polynomial x^5 + x^2 + 1: a weight for each position that is
# never zero (so changing one character always changes the sum) and differs from its
# neighbour's (so swapping two different neighbours does too).
def _powers() -> list[int]:
    """x^0 ... x^30 in GF(32): the field's 31 elements that are not zero."""
    powers, element = [], 1
    for _ in range(31):
        powers.append(element)
        element <<= 1
        if element & 0b100000:
            element ^= 0b100101
    return powers


_EXP = _powers()
_LOG = {element: power for power, element in enumerate(_EXP)}


def _times(a: int, b: int) -> int:
    """a * b in GF(32)."""
    if a == 0 or b == 0:
        return 0
    return _EXP[(_LOG[a] + _LOG[b]) % 31]


def _key_bytes(secret: str) -> bytes:
    if len(secret) != HEX_LENGTH or not _HEX_DIGITS.issuperset(secret):
        raise VrusError(
            translate(
                "Core",
                "this key cannot be written as a recovery key: only a key of 64 hexadecimal "
                "characters can; keep a copy of the key file instead",
            )
        )
    return bytes.fromhex(secret)


def _key_values(key: bytes) -> list[int]:
    """The 52 five-bit values of the key, padding last."""
    number = int.from_bytes(key, "big") << _PADDING_BITS
    return [(number >> (5 * at)) & 31 for at in reversed(range(_KEY_CHARACTERS))]


def _check_values(key: bytes, values: list[int]) -> list[int]:
    """The check group's four values for the key and its 52 values."""
    digest = hashlib.sha256(key).digest()
    hashed = int.from_bytes(digest[:2], "big") >> (16 - 5 * _HASH_CHARACTERS)
    weighted = 0
    for at, value in enumerate(values):
        weighted ^= _times(_EXP[at % 31], value)
    return [(hashed >> (5 * at)) & 31 for at in reversed(range(_HASH_CHARACTERS))] + [weighted]


def recovery_groups(secret: str) -> list[str]:
    """The 14 groups of 4 characters for a key of 64 hexadecimal characters (either case):
    13 groups of the key, then the check group."""
    key = _key_bytes(secret)
    values = _key_values(key)
    text = "".join(ALPHABET[value] for value in values + _check_values(key, values))
    return [text[at : at + GROUP_SIZE] for at in range(0, CHARACTERS, GROUP_SIZE)]


def recovery_lines(secret: str) -> list[str]:
    """The groups as two lines of seven joined by dashes: 'ABCD-EFGH-...'."""
    groups = recovery_groups(secret)
    return ["-".join(groups[at : at + GROUPS_PER_LINE]) for at in range(0, GROUPS, GROUPS_PER_LINE)]


def format_recovery(secret: str) -> str:
    """The recovery key as printed: two lines of seven groups (``recovery_lines``)."""
    return "\n".join(recovery_lines(secret))


def _typed_characters(text: str) -> list[str]:
    """What was typed without separators, capitals for small letters; full-width and other
    compatibility forms as their plain characters."""
    characters = []
    for character in unicodedata.normalize("NFKC", text):
        if character.isspace() or character in _DASHES:
            continue
        characters.append(character.upper() if character.isascii() else character)
    return characters


def _shown(character: str) -> str:
    """A character for a message: itself, or its code when it would not show."""
    return character if character.isprintable() else f"U+{ord(character):04X}"


def parse_recovery(text: str) -> str:
    """The key (64 lowercase hexadecimal characters) from a typed recovery key or the key's
    own 64 hexadecimal characters; ``VrusError`` when it is neither, or has a typing error."""
    characters = _typed_characters(text)
    if len(characters) == HEX_LENGTH:
        for character in characters:
            if character not in _HEX_DIGITS:
                raise VrusError(
                    translate(
                        "Core",
                        "the key has 64 characters, as a key written in hexadecimal has, "
                        "but '{character}' is not a hexadecimal digit (0-9, a-f)",
                    ).format(character=_shown(character))
                )
        return "".join(characters).lower()
    if len(characters) != CHARACTERS:
        raise VrusError(
            translate(
                "Core",
                "the recovery key has {count} characters; it should have 56 (14 groups of 4)",
            ).format(count=len(characters))
        )
    values = []
    for at, character in enumerate(characters):
        value = _VALUES.get(ALIASES.get(character, character))
        if value is None:
            raise VrusError(
                translate(
                    "Core",
                    "the recovery key has '{character}' in group {group}, which is not a "
                    "character of recovery keys (digits and the letters A-Z except I, L, O and U)",
                ).format(character=_shown(character), group=at // GROUP_SIZE + 1)
            )
        values.append(value)
    key_values, check = values[:_KEY_CHARACTERS], values[_KEY_CHARACTERS:]
    number = 0
    for value in key_values:
        number = number << 5 | value
    # Padding bits that are not zero are a typing error in group 13 like any other.
    padding = number & ((1 << _PADDING_BITS) - 1)
    key = (number >> _PADDING_BITS).to_bytes(KEY_BYTES, "big")
    if padding or _check_values(key, key_values) != check:
        raise VrusError(
            translate(
                "Core",
                "the recovery key has a typing error: the last group does not match the "
                "others; check each group against the sheet",
            )
        )
    return key.hex()
