"""Diets and allergies for a realistic share of the children.

The friends' association plans lunch from these, so the demo has what a real season has:
vegetarians, a few halal and gluten-free, some lactose intolerance, and a couple of severe
nut allergies (anaphylaxis) that the lunch list must print first.
"""

from __future__ import annotations

import random

from vrus.db.enums import AllergySeverity, Diet

# (diet, share of the children); at most one of these per child.
MAIN_DIETS = (
    (Diet.VEGETARIAN, 0.10),
    (Diet.VEGAN, 0.02),
    (Diet.HALAL, 0.05),
    (Diet.NO_PORK, 0.02),
    (Diet.GLUTEN_FREE, 0.03),
)
LACTOSE_FREE_SHARE = 0.06
ALLERGY_SHARE = 0.12
AllergyPlan = tuple[str, AllergySeverity, str | None]  # (allergen, severity, note)
SEVERE_NUTS: AllergyPlan = (
    "Nøtter",
    AllergySeverity.SEVERE,
    "Anafylaksi – har adrenalinpenn (EpiPen)",
)
ALLERGIES: tuple[AllergyPlan, ...] = (
    SEVERE_NUTS,
    ("Peanøtter", AllergySeverity.SEVERE, "Anafylaksi – ingen spor av peanøtter"),
    ("Nøtter", AllergySeverity.MODERATE, None),
    ("Egg", AllergySeverity.MILD, None),
    ("Skalldyr", AllergySeverity.MODERATE, None),
    ("Fisk", AllergySeverity.MILD, None),
    ("Kiwi", AllergySeverity.MILD, "Kløe i munnen"),
    ("Melkeprotein", AllergySeverity.MODERATE, None),
    ("Sesam", AllergySeverity.MODERATE, None),
)
DIET_NOTES = (
    "Spiser ikke sopp",
    "Liker ikke fisk",
    "Ikke svinekjøtt i pålegg",
    "Tåler litt laktose i bakevarer",
)


def health_rows(
    rng: random.Random, person_ids: list[int], severe_nut_allergies: int
) -> tuple[list[dict], list[dict], dict[int, str]]:
    """Rows for person_diets and allergies, and diet notes by person id.

    ``severe_nut_allergies`` children are given one for certain, so every demo register has
    the case the lunch list must not miss.
    """
    diets: list[dict] = []
    allergies: list[dict] = []
    notes: dict[int, str] = {}
    certain = set(rng.sample(person_ids, min(severe_nut_allergies, len(person_ids))))
    for person_id in person_ids:
        roll, main = rng.random(), None
        for diet, share in MAIN_DIETS:
            if roll < share:
                main = diet
                break
            roll -= share
        if main is not None:
            diets.append({"person_id": person_id, "diet": main.value})
        if main is not Diet.VEGAN and rng.random() < LACTOSE_FREE_SHARE:
            diets.append({"person_id": person_id, "diet": Diet.LACTOSE_FREE.value})
        if rng.random() < 0.03:
            notes[person_id] = rng.choice(DIET_NOTES)
        chosen = [SEVERE_NUTS] if person_id in certain else []
        if rng.random() < ALLERGY_SHARE:
            chosen.append(rng.choice(ALLERGIES))
            if rng.random() < 0.2:
                chosen.append(rng.choice(ALLERGIES))
        seen: set[str] = set()
        for allergen, severity, note in chosen:
            if allergen not in seen:  # one row per allergen (unique in the schema)
                seen.add(allergen)
                allergies.append(
                    {
                        "person_id": person_id,
                        "allergen": allergen,
                        "severity": severity.value,
                        "note": note,
                    }
                )
    return diets, allergies, notes
