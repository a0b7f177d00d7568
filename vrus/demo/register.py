"""Refusing to overwrite a register, and emptying it for ``--reset``.

Reset removes the register's own data and keeps the reference data the migrations loaded
(municipalities, populations, instruments, ensembles, organisations, projects, settings).
Portable Core DELETEs in foreign-key order: children before parents, so RESTRICT never fires
and no database-specific cascade or PRAGMA is needed.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from vrus.db.models import (
    Allergy,
    Attendance,
    AuditEntry,
    Event,
    EventDay,
    EventEnsemble,
    EventPartner,
    EventStaff,
    Guardian,
    Membership,
    Organisation,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
    Season,
    SignUp,
    StaffMember,
    VolunteerDuty,
)
from vrus.demo.reference import DEMO_ORGANISATIONS
from vrus.errors import VrusError
from vrus.texts import translate

DELETE_ORDER = (
    # The trail names persons by id, and the demo's persons take the same ids again: entries
    # about the persons removed would show in the history of the demo's.
    AuditEntry,
    VolunteerDuty,
    Attendance,
    SignUp,
    EventStaff,
    EventPartner,
    EventEnsemble,
    EventDay,
    Event,
    Season,
    StaffMember,
    Membership,
    Allergy,
    PersonDiet,
    PersonInstrument,
    PersonGuardian,
    Guardian,
    Person,
)
# What makes a register "not empty", checked in this order for the message.
# Bokmål and English share the plural rule (one, other), so the core chooses the form.
OCCUPANTS = (
    (Person, translate("Core", "{count} person"), translate("Core", "{count} persons")),
    (Guardian, translate("Core", "{count} guardian"), translate("Core", "{count} guardians")),
    (Season, translate("Core", "{count} season"), translate("Core", "{count} seasons")),
    (
        StaffMember,
        translate("Core", "{count} staff member"),
        translate("Core", "{count} staff members"),
    ),
)


def refuse_unless_empty(session: Session) -> None:
    for model, one, many in OCCUPANTS:
        count = session.scalar(select(func.count()).select_from(model)) or 0
        if count:
            held = (one if count == 1 else many).format(count=count)
            raise VrusError(
                translate(
                    "Core",
                    "the register already holds {held}; run 'vrus demo --reset' to replace "
                    "them with the demo",
                ).format(held=held)
            )


def clear_register(session: Session) -> None:
    for model in DELETE_ORDER:
        session.execute(delete(model.__table__))
    session.execute(
        delete(Organisation.__table__).where(
            Organisation.__table__.c.name.in_(list(DEMO_ORGANISATIONS))
        )
    )
