"""Closed vocabularies of the register.

Stored as short ASCII codes (portable, stable across translations); the database checks them
with named CHECK constraints, and the user interface shows translated labels.
"""

from __future__ import annotations

from enum import StrEnum


class Section(StrEnum):
    STRINGS = "strings"
    WOODWIND = "woodwind"
    BRASS = "brass"
    PERCUSSION = "percussion"
    OTHER = "other"


class OrganisationKind(StrEnum):
    CULTURE_SCHOOL = "culture_school"
    PARTNER = "partner"
    FUNDER = "funder"
    ORCHESTRA = "orchestra"
    TALENT_PROGRAMME = "talent_programme"
    OTHER = "other"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Diet(StrEnum):
    VEGETARIAN = "vegetarian"
    VEGAN = "vegan"
    HALAL = "halal"
    NO_PORK = "no_pork"
    LACTOSE_FREE = "lactose_free"
    GLUTEN_FREE = "gluten_free"
    OTHER = "other"


class AllergySeverity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"  # anaphylaxis risk: printed first and marked


class EndReason(StrEnum):
    AGED_OUT = "aged_out"
    TALENT_PROGRAMME = "talent_programme"
    MOVED = "moved"
    QUIT = "quit"
    MOVED_UP = "moved_up"  # junior -> orchestra: the membership ended because a new one began
    OTHER = "other"


class EventKind(StrEnum):
    SEMINAR = "seminar"
    IRIS = "iris"
    CONCERT = "concert"
    REHEARSAL = "rehearsal"
    MASTERCLASS = "masterclass"


class IrisType(StrEnum):
    SUPERHELG = "superhelg"
    INSPIRASJONSKONSERT = "inspirasjonskonsert"
    SAMSPILLTREFF = "samspilltreff"
    GRUPPEOVELSE = "gruppeovelse"
    MESTERKLASSE = "mesterklasse"
    KONSERT = "konsert"


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class StaffRole(StrEnum):
    CONDUCTOR = "conductor"
    INSTRUCTOR = "instructor"
    DEXTRA_MUSICIAN = "dextra_musician"
    PROJECT_COORDINATOR = "project_coordinator"
    SOLOIST = "soloist"
    OTHER = "other"


class DutyTask(StrEnum):
    LUNCH = "lunch"
    COFFEE_FRUIT = "coffee_fruit"
    SETUP_CLEARING = "setup_clearing"


class GuardianRelation(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    GUARDIAN = "guardian"
    OTHER = "other"


def check_in(column: str, enum: type[StrEnum]) -> str:
    """SQL for a CHECK constraint that keeps ``column`` within ``enum``."""
    values = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({values})"


class ConsentKind(StrEnum):
    PHOTO = "photo"  # photos and film of the person may be published
    NAME_PUBLICATION = "name_publication"  # the name may be printed in concert programmes
    HEALTH_DATA = "health_data"  # allergies and diets may be stored and given to the lunch team


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"  # a file with personal or health data was written
    PRINT = "print"  # a printout with health data was made
    ERASE = "erase"
