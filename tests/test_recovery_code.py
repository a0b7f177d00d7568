"""The recovery key: the register key as 14 groups of 4 characters to print and type back."""

from __future__ import annotations

import base64
import hashlib
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrus.errors import VrusError
from vrus.recovery_code import (
    ALPHABET,
    format_recovery,
    parse_recovery,
    recovery_groups,
    recovery_lines,
)
from vrus.texts import Text

keys = st.binary(min_size=32, max_size=32)
# Python's base 32 (RFC 4648) packs the bits the same way, in another alphabet: an
# independent reading of what the groups must be.
RFC_TO_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ALPHABET)
# A typed character that stands for another (Crockford); every other change is a real one.
SAME_AS = {"O": "0", "I": "1", "L": "1"}


def crockford(data: bytes) -> str:
    return base64.b32encode(data).decode().rstrip("=").translate(RFC_TO_CROCKFORD)


def typed(key: bytes) -> list[str]:
    """The recovery key as the 56 characters a person types."""
    return list("".join(recovery_groups(key.hex())))


def refusal(text: str) -> str:
    with pytest.raises(VrusError) as caught:
        parse_recovery(text)
    assert isinstance(caught.value.message, Text)
    assert caught.value.message.context == "Core"  # translated in the window
    return str(caught.value)


# --- writing -------------------------------------------------------------------------------


@given(keys)
def test_the_groups_are_the_key_in_crockford_base32_then_a_check_group(key: bytes) -> None:
    groups = recovery_groups(key.hex())
    assert len(groups) == 14
    assert all(len(group) == 4 and set(group) <= set(ALPHABET) for group in groups)
    assert "".join(groups[:13]) == crockford(key)
    # The check group starts with the first 15 bits of the key's SHA-256.
    assert groups[13][:3] == crockford(hashlib.sha256(key).digest())[:3]


def test_the_alphabet_leaves_out_the_letters_read_as_others() -> None:
    assert len(ALPHABET) == len(set(ALPHABET)) == 32
    assert not set(ALPHABET) & set("ILOU")
    groups = recovery_groups("ff" * 32)
    # 256 one bits and 4 zero bits: 51 times 11111, then 1 0000.
    assert "".join(groups[:13]) == "Z" * 51 + "G"
    assert recovery_groups("00" * 32)[:13] == ["0000"] * 13


@given(keys)
def test_printed_as_two_lines_of_seven_groups_joined_by_dashes(key: bytes) -> None:
    groups = recovery_groups(key.hex())
    lines = recovery_lines(key.hex())
    assert lines == ["-".join(groups[:7]), "-".join(groups[7:])]
    assert format_recovery(key.hex()) == "\n".join(lines)


def test_a_key_in_capital_hex_gives_the_same_groups() -> None:
    secret = bytes(range(32)).hex()
    assert recovery_groups(secret.upper()) == recovery_groups(secret)


@pytest.mark.parametrize(
    "secret", ["", "ab" * 31, "ab" * 33, "zz" * 32, "a correct horse battery staple"]
)
def test_only_a_64_hex_key_has_a_recovery_key(secret: str) -> None:
    with pytest.raises(VrusError) as caught:
        recovery_groups(secret)
    message = str(caught.value)
    assert "64 hexadecimal" in message
    assert not secret or secret not in message


# --- reading back ----------------------------------------------------------------------------


@given(keys)
def test_round_trip(key: bytes) -> None:
    assert parse_recovery(format_recovery(key.hex())) == key.hex()


@given(keys, st.data())
def test_small_letters_spaces_dashes_and_line_breaks_are_forgiven(
    key: bytes, data: st.DataObject
) -> None:
    separators = st.text(st.sampled_from(" -\n\t\u00a0\u2013\r"), max_size=3)
    text = "".join(
        data.draw(separators) + data.draw(st.sampled_from([c, c.lower()])) for c in typed(key)
    )
    assert parse_recovery(text + data.draw(separators)) == key.hex()


@given(keys, st.data())
def test_o_is_read_as_zero_and_i_or_l_as_one(key: bytes, data: st.DataObject) -> None:
    readings = {"0": ["O", "o"], "1": ["I", "i", "L", "l"]}
    text = "".join(
        data.draw(st.sampled_from(readings[c])) if c in readings else c for c in typed(key)
    )
    assert parse_recovery(text) == key.hex()


def test_full_width_characters_are_read_as_plain_ones() -> None:
    key = bytes(range(100, 132))
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in typed(key))  # "ＡＢ１" from an IME
    assert parse_recovery(full_width) == key.hex()


@given(keys, st.sampled_from(["", " ", "  ", "-", "\n"]), st.booleans())
def test_the_key_in_hex_is_taken_as_it_is(key: bytes, between: str, capitals: bool) -> None:
    secret = key.hex().upper() if capitals else key.hex()
    text = between.join(secret[at : at + 8] for at in range(0, 64, 8))
    assert parse_recovery(f" {text}\n") == key.hex()


# --- typing errors are caught, never read as another key --------------------------------------


def assert_caught_or_same(text: list[str], original: str, changed: str, key: bytes) -> None:
    try:
        read = parse_recovery("".join(text))
    except VrusError:
        return
    # Read without an error only when the new character stands for the old one ("o" for
    # "0", a full-width "Ａ" for "A"), and then as the same key.
    reading = unicodedata.normalize("NFKC", changed).upper()
    assert SAME_AS.get(reading, reading) == original
    assert read == key.hex()


@given(
    keys,
    st.integers(min_value=0, max_value=51),
    st.one_of(st.sampled_from(ALPHABET + ALPHABET.lower() + "OILUoilu"), st.characters()),
)
def test_any_one_changed_character_in_groups_1_to_13_is_caught(
    key: bytes, at: int, changed: str
) -> None:
    text = typed(key)
    original = text[at]
    text[at] = changed
    assert_caught_or_same(text, original, changed, key)


@pytest.mark.parametrize("key", [bytes(32), bytes([255] * 32), hashlib.sha256(b"vrus").digest()])
def test_every_character_changed_to_every_other_is_caught(key: bytes) -> None:
    original = typed(key)
    for at in range(56):  # the check group too
        for changed in ALPHABET:
            if changed == original[at]:
                continue
            text = list(original)
            text[at] = changed
            with pytest.raises(VrusError, match="typing error"):
                parse_recovery("".join(text))


@given(keys, st.integers(min_value=0, max_value=50))
def test_two_neighbours_swapped_are_caught(key: bytes, at: int) -> None:
    text = typed(key)
    if text[at] == text[at + 1]:
        return  # the same key
    text[at], text[at + 1] = text[at + 1], text[at]
    with pytest.raises(VrusError, match="typing error"):
        parse_recovery("".join(text))


def _hash_part_agrees(text: list[str], key: bytes) -> bool:
    """Whether the changed key text gives the original check group's three SHA-256
    characters: a change the hash alone would let through."""
    number = 0
    for character in text[:52]:
        number = number << 5 | ALPHABET.index(character)
    assert number & 15 == 0  # the padding bits are untouched: a change of the key itself
    other = (number >> 4).to_bytes(32, "big")
    return recovery_groups(other.hex())[13][:3] == recovery_groups(key.hex())[13][:3]


def test_a_changed_character_the_hash_misses_is_caught_by_the_weighted_sum() -> None:
    # Found by search: changing character 33 to "7" keeps the 15 bits of SHA-256.
    key = hashlib.sha256(b"100").digest()
    text = typed(key)
    text[32] = "7"
    assert _hash_part_agrees(text, key)
    assert "typing error" in refusal("".join(text))


def test_a_swap_the_hash_misses_is_caught_by_the_weighted_sum() -> None:
    # Found by search: swapping characters 3 and 4 keeps the 15 bits of SHA-256.
    key = hashlib.sha256(b"2195").digest()
    text = typed(key)
    text[2], text[3] = text[3], text[2]
    assert text[2] != text[3]
    assert _hash_part_agrees(text, key)
    assert "typing error" in refusal("".join(text))


def test_padding_bits_that_are_not_zero_are_a_typing_error() -> None:
    key = bytes(32)
    text = typed(key)
    assert text[51] == "0"
    text[51] = "1"  # only the four padding bits change: the same 32 bytes
    assert "typing error" in refusal("".join(text))


# --- the refusals' messages ---------------------------------------------------------------------


@pytest.mark.parametrize("drop", [1, 4, 20])
def test_a_wrong_number_of_characters_is_named(drop: int) -> None:
    text = "".join(typed(hashlib.sha256(b"count").digest()))
    short = text[:-drop]
    count = 56 - drop
    assert refusal(short) == (
        f"the recovery key has {count} characters; it should have 56 (14 groups of 4)"
    )
    assert f"has {56 + drop} characters" in refusal(text + "Z" * drop)


def test_nothing_typed_is_refused() -> None:
    assert "has 0 characters" in refusal(" \n - ")


@pytest.mark.parametrize(("at", "changed"), [(0, "U"), (17, "*"), (33, "Ø"), (55, "u")])
def test_an_invalid_character_is_named_with_its_group(at: int, changed: str) -> None:
    text = typed(hashlib.sha256(b"invalid").digest())
    text[at] = changed
    message = refusal("-".join("".join(text[i : i + 4]) for i in range(0, 56, 4)))
    assert f"'{changed.upper() if changed.isascii() else changed}'" in message
    assert f"in group {at // 4 + 1}," in message


def test_an_invisible_character_is_named_by_its_code() -> None:
    text = typed(hashlib.sha256(b"invisible").digest())
    text[5] = "\u200b"  # a zero-width space, pasted from somewhere
    message = refusal("".join(text))
    assert "'U+200B' in group 2" in message


def test_a_check_group_that_does_not_match_is_a_typing_error() -> None:
    key = hashlib.sha256(b"check").digest()
    text = typed(key)
    text[0] = ALPHABET[(ALPHABET.index(text[0]) + 1) % 32]
    assert refusal("".join(text)) == (
        "the recovery key has a typing error: the last group does not match the others; "
        "check each group against the sheet"
    )


def test_64_characters_that_are_not_all_hex_are_refused() -> None:
    secret = list(hashlib.sha256(b"hex").hexdigest())
    secret[10] = "g"
    message = refusal("".join(secret))
    assert "'G' is not a hexadecimal digit" in message


@given(keys, st.integers(min_value=0, max_value=55))
def test_no_message_holds_the_key(key: bytes, at: int) -> None:
    groups = recovery_groups(key.hex())
    text = typed(key)
    for changed in ("U", ALPHABET[(ALPHABET.index(text[at]) + 1) % 32]):
        wrong = list(text)
        wrong[at] = changed
        message = refusal("".join(wrong))
        assert key.hex() not in message
        assert not [group for group in groups if group in message]
    message = refusal(key.hex()[:-1])
    assert key.hex()[:-1] not in message
