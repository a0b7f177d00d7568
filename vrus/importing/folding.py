"""Folding text for look-ups, so "Baerum", "Bærum", "BÆRUM" and "Barum" find the same row.

People without a Norwegian keyboard write æ, ø and å in two ways: as "ae", "oe", "aa"
("Oevre Eiker", "Roeyken") or as the bare vowel ("Krodsherad"). Folding both the reference
names and the typed text to one skeleton, where each of those letters is a single vowel,
makes every spelling meet. The skeleton is only for finding reference rows (municipalities,
instruments, headers); names of persons are compared with ``vrus.collation.search_fold``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NORWEGIAN = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe"})
# Letters Unicode does not split into a base letter and an accent ("Łukasz" typed "Lukasz").
_UNSPLIT = str.maketrans({"ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "ı": "i", "œ": "oe"})
_DIGRAPHS = re.compile(r"ae|oe|aa")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=4096)
def loose_fold(text: str) -> str:
    """Lower case ASCII with æ/ø/å and their spellings reduced to one vowel, single spaces."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_NORWEGIAN).translate(_UNSPLIT)
    folded = "".join(
        ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch)
    )
    folded = _DIGRAPHS.sub(lambda match: match.group(0)[0], folded)
    return " ".join(_NOT_ALNUM.sub(" ", folded).split())


def compact_fold(text: str) -> str:
    """``loose_fold`` without spaces: "E-post", "e post" and "Epost" are one header."""
    return loose_fold(text).replace(" ", "")
