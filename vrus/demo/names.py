"""Fictional names, addresses, phone numbers and e-mail addresses for the demo register.

The pools are Norwegian-flavoured but mixed the way the orchestra's members are (El Sistema
participants among them), so sorting (Æ, Ø, Å after Z; Ł with L), searching and printing meet
Łukasz, Nguyễn, Zoë and hyphenated or multi-part surnames in every demo register.
"""

from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

GIRLS = (
    "Ingrid",
    "Sofie",
    "Nora",
    "Emma",
    "Thea",
    "Ida",
    "Maja",
    "Sara",
    "Åse",
    "Solveig",
    "Hedda",
    "Tiril",
    "Marthe",
    "Live",
    "Astrid",
    "Sigrid",
    "Frida",
    "Amalie",
    "Mari",
    "Hanna",
    "Linnea",
    "Aurora",
    "Ylva",
    "Oda",
    "Eline",
    "Mathilde",
    "Selma",
    "Aisha",
    "Mariam",
    "Amira",
    "Linh",
    "Mai",
    "Zofia",
    "Natalia",
    "Fatima",
    "Leah",
    "Chloé",
    "Inés",
    "Élise",
    "Yasmin",
    "Åshild",
    "Synnøve",
    "Ragnhild",
    "Zoë",
    "Iben",
    "Vilde",
    "Kaja",
)
BOYS = (
    "Øystein",
    "Åsmund",
    "Łukasz",
    "Jakob",
    "Emil",
    "Lukas",
    "Filip",
    "Henrik",
    "Magnus",
    "Sander",
    "Tobias",
    "Sindre",
    "Eirik",
    "Håkon",
    "Torbjørn",
    "Olav",
    "Sigurd",
    "Even",
    "Vetle",
    "Aksel",
    "Ole",
    "Mathias",
    "Jonas",
    "Mikkel",
    "Ibrahim",
    "Yusuf",
    "Omar",
    "Minh",
    "Đức",
    "Kacper",
    "Mateusz",
    "Jørgen",
    "Ådne",
    "Kristian",
    "Benjamin",
    "Aaron",
    "Tiago",
    "Theo",
    "Ludvig",
    "Ivar",
    "Erlend",
    "Hassan",
    "Noé",
)
# For the few children registered with gender "other".
UNISEX = ("Kim", "Robin", "Alex", "Eli", "Mika", "Sasha")

MOTHERS = (
    "Kari",
    "Anne",
    "Hilde",
    "Trine",
    "Marianne",
    "Agnieszka",
    "Thu",
    "Hanne",
    "Silje",
    "Camilla",
    "Ingunn",
    "Lene",
    "Fatima",
    "Elin",
    "Tone",
    "Guro",
    "Maria",
    "Nadia",
    "Sølvi",
    "Åsa",
    "Heidi",
    "Ewa",
    "Ngọc",
    "Randi",
    "Kristin",
    "Merete",
    "Zainab",
    "Birgitte",
)
FATHERS = (
    "Per",
    "Lars",
    "Geir",
    "Knut",
    "Trond",
    "Morten",
    "Marek",
    "Tuấn",
    "Espen",
    "Rune",
    "Stian",
    "Anders",
    "Kjetil",
    "Tariq",
    "Bjørn",
    "Øyvind",
    "Jan Erik",
    "Piotr",
    "Hans Petter",
    "Ståle",
    "Frode",
    "Ahmed",
    "Thomas",
    "Pål",
    "Jens",
    "Dag",
    "Arild",
    "Willem",
)

SURNAMES = (
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Haugen",
    "Bakke",
    "Berg",
    "Dahl",
    "Lie",
    "Strand",
    "Solberg",
    "Ærøy",
    "Østby",
    "Åsheim",
    "Ødegård",
    "Økland",
    "Aas",
    "Berg-Hansen",
    "de Vries",
    "Nguyễn",
    "Nguyễn Thi",
    "Trần",
    "Wiśniewski",
    "Nowak",
    "Ahmed",
    "Hussain",
    "Ali",
    "van der Berg",
    "Sæther",
    "Bråten",
    "Grønli",
    "Lønne",
    "Fjeld",
    "Moen",
    "Rønning",
    "Tveit",
    "Haaland",
    "Lund-Østerud",
    "Kowalczyk",
    "Mæhlum",
    "Holm",
    "Engebretsen",
    "Sørensen",
    "Fossum",
    "Kvåle",
    "Yılmaz",
    "Rodríguez",
    "Halvorsen",
    "Myhre",
    "Skaug",
)

# Given to the first families of every demo register so the awkward cases are always there.
FEATURED = (
    ("Łukasz", "Wiśniewski", "male"),
    ("Zoë", "de Vries", "female"),
    ("Åsmund", "Ærøy", "male"),
    ("Øystein", "Berg-Hansen", "male"),
    ("Åse", "Nguyễn Thi", "female"),
    ("Minh", "Nguyễn", "male"),
    ("Aaron", "Østby", "male"),
    ("Ingrid", "Aas", "female"),
)

STREETS = (
    "Granveien",
    "Skogveien",
    "Kirkeveien",
    "Bjørkelia",
    "Løkkeåsen",
    "Tårnveien",
    "Fjordveien",
    "Elveveien",
    "Solbakken",
    "Hagebyveien",
    "Lyngstien",
    "Østre vei",
    "Åsveien",
    "Furulia",
    "Kløverveien",
    "Møllebakken",
    "Sjøbakken",
    "Ringveien",
)

# Postal codes and places per municipality name (as valid today), roughly where people live.
POSTAL: dict[str, tuple[tuple[str, str], ...]] = {
    "Bærum": (
        ("1337", "Sandvika"),
        ("1344", "Haslum"),
        ("1356", "Bekkestua"),
        ("1360", "Fornebu"),
        ("1349", "Rykkinn"),
    ),
    "Asker": (
        ("1383", "Asker"),
        ("1386", "Asker"),
        ("1390", "Vollen"),
        ("3440", "Røyken"),
        ("3480", "Filtvet"),
        ("3470", "Slemmestad"),
    ),
    "Jevnaker": (("3520", "Jevnaker"),),
    "Drammen": (
        ("3015", "Drammen"),
        ("3040", "Drammen"),
        ("3050", "Mjøndalen"),
        ("3060", "Svelvik"),
    ),
    "Ringerike": (("3511", "Hønefoss"), ("3515", "Hønefoss"), ("3517", "Hønefoss")),
    "Hole": (("3530", "Røyse"), ("3531", "Krokkleiva")),
    "Lier": (("3400", "Lier"), ("3410", "Sylling"), ("3420", "Lierskogen")),
    "Øvre Eiker": (("3300", "Hokksund"), ("3320", "Vestfossen")),
    "Modum": (("3370", "Vikersund"), ("3360", "Geithus"), ("3340", "Åmot")),
    "Krødsherad": (("3535", "Krøderen"), ("3536", "Noresund")),
    "Sigdal": (("3350", "Prestfoss"), ("3355", "Solumsmoen")),
    "Holmestrand": (("3070", "Sande i Vestfold"), ("3080", "Holmestrand")),
    # Municipalities merged in 2020, for a demo dated before the reform.
    "Røyken": (("3440", "Røyken"), ("3430", "Spikkestad")),
    "Hurum": (("3480", "Filtvet"), ("3490", "Klokkarstua")),
    "Nedre Eiker": (("3050", "Mjøndalen"), ("3055", "Krokstadelva")),
    "Svelvik": (("3060", "Svelvik"),),
    "Sande": (("3070", "Sande i Vestfold"),),
    "Oslo": (("0350", "Oslo"), ("0278", "Oslo"), ("0187", "Oslo"), ("0575", "Oslo")),
}

_ASCII = {"æ": "ae", "ø": "o", "å": "a", "ł": "l", "đ": "d", "ß": "ss", "ı": "i"}


def first_names(gender: str) -> tuple[str, ...]:
    return GIRLS if gender == "female" else BOYS if gender == "male" else UNISEX


def address(rng: random.Random, municipality: str) -> tuple[str, str | None, str | None]:
    """Street address, postal code and place; no code where the municipality is unknown."""
    street = f"{rng.choice(STREETS)} {rng.randint(1, 60)}{rng.choice(('', '', '', 'B'))}"
    codes = POSTAL.get(municipality)
    if not codes:
        return street, None, None
    code, place = rng.choice(codes)
    return street, code, place


def phone(rng: random.Random) -> str:
    """A Norwegian mobile number in the register's normal form (+47 and 8 digits)."""
    return f"+47{rng.choice('49')}{rng.randrange(10_000_000):07d}"


def email(rng: random.Random, first: str, last: str) -> str:
    """An address at the example domains reserved for documentation (RFC 2606)."""
    local = f"{_ascii(first)}.{_ascii(last)}"
    if rng.random() < 0.3:
        local += str(rng.randint(1, 99))
    return f"{local}@{rng.choice(('example.no', 'example.com'))}"


@lru_cache(maxsize=4096)  # the same few hundred names, for 300 000 addresses at most
def _ascii(text: str) -> str:
    out = []
    for ch in text.casefold():
        ch = _ASCII.get(ch, ch)
        ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii() and c.isalnum())
        out.append(ch)
    return "".join(out) or "x"
