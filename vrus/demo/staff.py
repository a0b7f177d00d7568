"""The demo's staff: a conductor, section instructors, Dextra musicians and the coordinator.

As in 2014, instructors come from the region's culture schools, the Oslo Philharmonic and the
Norwegian Radio Orchestra (KORK); the Dextra musicians come with IRIS, and the project
coordinator is employed by the culture school council. All names are made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from vrus.db.enums import Section, StaffRole
from vrus.demo import names

OSLO_PHIL = "Oslo-Filharmonien"
KORK = "Kringkastingsorkesteret (KORK)"


@dataclass(frozen=True)
class StaffPlan:
    first_name: str
    last_name: str
    role: StaffRole
    instrument: str | None  # English name
    organisation: str | None
    groups: tuple[str, ...]  # which events they work at, see vrus.demo.calendar
    section: Section | None = None


STAFF = (
    StaffPlan("Sverre", "Kvamme-Lund", StaffRole.CONDUCTOR, None, None, ("conductor",)),
    StaffPlan(
        "Marte",
        "Haugland",
        StaffRole.INSTRUCTOR,
        "Violin",
        "Bærum kulturskole",
        ("junior_conductor",),
    ),
    StaffPlan(
        "Ragnhild",
        "Sæbø",
        StaffRole.INSTRUCTOR,
        "Violin",
        "Asker kulturskole",
        ("instructors", "strings"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Jon Erik",
        "Fossum",
        StaffRole.INSTRUCTOR,
        "Violin",
        "Drammen kulturskole",
        ("instructors", "strings"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Olga",
        "Rustad",
        StaffRole.INSTRUCTOR,
        "Viola",
        OSLO_PHIL,
        ("instructors", "strings"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Tuva",
        "Engebretsen",
        StaffRole.INSTRUCTOR,
        "Cello",
        "Lier kulturskole",
        ("instructors", "strings"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Pål",
        "Østerud",
        StaffRole.INSTRUCTOR,
        "Double bass",
        KORK,
        ("instructors", "strings"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Hege",
        "Brattli",
        StaffRole.INSTRUCTOR,
        "Flute",
        OSLO_PHIL,
        ("instructors", "winds"),
        Section.WOODWIND,
    ),
    StaffPlan(
        "Daniel",
        "Ferreira",
        StaffRole.INSTRUCTOR,
        "Clarinet",
        KORK,
        ("instructors", "winds"),
        Section.WOODWIND,
    ),
    StaffPlan(
        "Kåre",
        "Lunde",
        StaffRole.INSTRUCTOR,
        "French horn",
        KORK,
        ("instructors", "winds"),
        Section.BRASS,
    ),
    StaffPlan(
        "Sindre",
        "Ødemark",
        StaffRole.INSTRUCTOR,
        "Trumpet",
        OSLO_PHIL,
        ("instructors", "winds"),
        Section.BRASS,
    ),
    StaffPlan(
        "Mads",
        "Kirkerud",
        StaffRole.INSTRUCTOR,
        "Percussion",
        KORK,
        ("instructors",),
        Section.PERCUSSION,
    ),
    StaffPlan(
        "Johanne",
        "Refsdal",
        StaffRole.DEXTRA_MUSICIAN,
        "Violin",
        "Dextra Musica",
        ("dextra_strings", "dextra_soloists"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Ulrik",
        "Bjørnstad",
        StaffRole.DEXTRA_MUSICIAN,
        "Violin",
        "Dextra Musica",
        ("dextra_strings",),
        Section.STRINGS,
    ),
    StaffPlan(
        "Anh",
        "Phạm",
        StaffRole.DEXTRA_MUSICIAN,
        "Viola",
        "Dextra Musica",
        ("dextra_strings", "dextra_soloists", "dextra_group"),
        Section.STRINGS,
    ),
    StaffPlan(
        "Elisabeth",
        "Moe",
        StaffRole.PROJECT_COORDINATOR,
        None,
        "Norsk kulturskoleråd",
        ("coordinator",),
    ),
)

# At the inspiration concert the Dextra musicians perform: they are soloists there.
GROUP_ROLES = {"dextra_soloists": StaffRole.SOLOIST}


def staff_rows(
    rng: random.Random,
    instruments: dict[str, int],
    sections: dict[int, str],
    organisations: dict[str, int],
) -> list[dict]:
    rows = []
    for plan in STAFF:
        instrument_id = instruments.get(plan.instrument) if plan.instrument else None
        section = (
            plan.section.value
            if plan.section
            else sections.get(instrument_id)
            if instrument_id is not None
            else None
        )
        rows.append(
            {
                "first_name": plan.first_name,
                "last_name": plan.last_name,
                "role": plan.role.value,
                "section": section,
                "instrument_id": instrument_id,
                "organisation_id": organisations.get(plan.organisation)
                if plan.organisation
                else None,
                "phone": names.phone(rng),
                "email": names.email(rng, plan.first_name, plan.last_name),
                "archived": False,
            }
        )
    return rows


def event_staff(groups: tuple[str, ...], staff_ids: list[int]) -> list[tuple[int, str, str | None]]:
    """(staff id, role at the event, section) for everyone in ``groups``, each once."""
    chosen: dict[int, tuple[int, str, str | None]] = {}
    for group in groups:
        for plan, staff_id in zip(STAFF, staff_ids, strict=True):
            if group in plan.groups and staff_id not in chosen:
                role = GROUP_ROLES.get(group, plan.role)
                section = plan.section.value if plan.section else None
                chosen[staff_id] = (staff_id, role.value, section)
    return list(chosen.values())
