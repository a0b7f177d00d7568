"""The facts of docs/privacy.md that come from the code: what each table holds and why, what
an erasure does to each column, the retention rule and the keeping periods, where files live.

The document's prose is written by hand (Norwegian and English); the blocks between
``<!-- generated:LANG -->`` and ``<!-- /generated:LANG -->`` are this module's output, and a
test fails when they differ (``python -m vrus.privacy_facts docs/privacy.md`` rewrites them).
A table added to the models without a line in ``PURPOSES`` fails that test too.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table

from vrus import audit, backup, consents, erasure, erasure_journal, retention
from vrus.db.models import Base
from vrus.paths import DATABASE_NAME

# Data categories, as a data protection officer sorts them.
HEALTH = "health"
PERSONAL = "personal"
HISTORY = "history"
REFERENCE = "reference"
SYSTEM = "system"

CATEGORY_NAMES = {
    "nb": {
        HEALTH: "helseopplysninger (særlig kategori, art. 9)",
        PERSONAL: "personopplysninger",
        HISTORY: "aktivitetshistorikk",
        REFERENCE: "referansedata (ikke personopplysninger)",
        SYSTEM: "system",
    },
    "en": {
        HEALTH: "health data (special category, art. 9)",
        PERSONAL: "personal data",
        HISTORY: "activity history",
        REFERENCE: "reference data (not personal)",
        SYSTEM: "system",
    },
}


@dataclass(frozen=True)
class Purpose:
    category: str
    nb: str
    en: str


PURPOSES: dict[str, Purpose] = {
    "persons": Purpose(
        PERSONAL,
        "Medlemmer, juniorer og aspiranter: navn, fødselsdato, kjønn, kommune og kulturskole "
        "(rapporter til kommunene), kontaktopplysninger, kostholdsmerknad, merknader.",
        "Members, juniors and aspirants: name, birth date, gender, municipality and culture "
        "school (reports to the municipalities), contact details, diet note, notes.",
    ),
    "person_instruments": Purpose(
        PERSONAL, "Hvilke instrumenter personen spiller.", "The instruments a person plays."
    ),
    "person_diets": Purpose(
        HEALTH, "Kosthold til seminarlunsjen.", "Diets, for the seminar lunches."
    ),
    "allergies": Purpose(
        HEALTH,
        "Allergier med alvorlighetsgrad, til lunsjlisten og instruktørene.",
        "Allergies with severity, for the lunch list and the instructors.",
    ),
    "guardians": Purpose(
        PERSONAL,
        "Foresatte: navn, telefon, e-post (kontakt, nødkontakt, dugnad).",
        "Guardians: name, phone, e-mail (contact, emergencies, volunteer duties).",
    ),
    "person_guardians": Purpose(
        PERSONAL, "Hvem som er foresatt for hvem.", "Who is whose guardian."
    ),
    "memberships": Purpose(
        HISTORY,
        "Medlemskap i orkester, juniororkester og aspirantgruppe, med datoer og årsak til slutt.",
        "Memberships of the orchestra, juniors and aspirants, with dates and reason for leaving.",
    ),
    "signups": Purpose(
        HISTORY,
        "Påmeldinger til seminarer og konserter, lunsj, merknad.",
        "Sign-ups for seminars and concerts, lunch, note.",
    ),
    "signup_absences": Purpose(
        HISTORY,
        "Dager en påmeldt ikke kommer (svar per dag i et nettskjema).",
        "Days a signed-up person will not come (a web form's answer per day).",
    ),
    "attendance": Purpose(
        HISTORY,
        "Oppmøte per dag (kurstilskudd krever timer og deltakere).",
        "Attendance per day (course grants require hours and participants).",
    ),
    "volunteer_duties": Purpose(
        HISTORY, "Foreldrenes dugnadsvakter.", "Parents' volunteer duties."
    ),
    "consents": Purpose(
        PERSONAL,
        "Samtykker (foto, navn i program, helseopplysninger): hvem ga dem, når, til hvilken "
        "tekst, når de ble trukket.",
        "Consents (photos, name in programmes, health data): given by whom, when, to which "
        "text, when withdrawn.",
    ),
    "register_changes": Purpose(
        SYSTEM,
        "Hvilke personer de siste endringene gjaldt (bare id-nummer), så listene leser inn "
        "bare dem; de siste 5 000 radene beholdes.",
        "Which persons the latest changes touched (ids only), so the lists read only those "
        "again; the last 5 000 rows are kept.",
    ),
    "audit_entries": Purpose(
        SYSTEM,
        "Logg over hvem som endret hva (bare feltnavn, aldri verdier) og hvem som skrev ut "
        "eller eksporterte helseopplysninger.",
        "Trail of who changed what (field names only, never values) and who printed or "
        "exported health data.",
    ),
    "staff_members": Purpose(
        PERSONAL,
        "Dirigent og instruktører (voksne, i arbeid for orkesteret): navn, telefon, e-post.",
        "Conductor and instructors (adults working for the orchestra): name, phone, e-mail.",
    ),
    "event_staff": Purpose(
        HISTORY, "Hvem som instruerte på hvilken aktivitet.", "Who taught at which event."
    ),
    "contact_persons": Purpose(
        PERSONAL,
        "Kontaktpersoner i kulturskoler og samarbeidspartnere (i jobbsammenheng).",
        "Contact persons at culture schools and partners (in their work role).",
    ),
    "municipalities": Purpose(
        REFERENCE, "Kommuner med nummer og folketall.", "Municipalities, numbers, population."
    ),
    "municipality_populations": Purpose(
        REFERENCE, "Folketall etter alder (SSB).", "Residents by age (Statistics Norway)."
    ),
    "organisations": Purpose(
        REFERENCE, "Kulturskoler, partnere, tilskuddsgivere.", "Culture schools, partners."
    ),
    "instruments": Purpose(REFERENCE, "Instrumenter og grupper.", "Instruments and sections."),
    "ensembles": Purpose(REFERENCE, "Ensemblene og aldersgrensene.", "Ensembles, age limits."),
    "seasons": Purpose(REFERENCE, "Sesonger.", "Seasons."),
    "projects": Purpose(REFERENCE, "Prosjekter (IRIS).", "Projects (IRIS)."),
    "events": Purpose(
        REFERENCE, "Seminarer, IRIS-aktiviteter, konserter.", "Seminars, IRIS, concerts."
    ),
    "event_days": Purpose(REFERENCE, "Dagene og tidene.", "Days and times."),
    "event_ensembles": Purpose(REFERENCE, "Hvem som er invitert.", "Who is invited."),
    "event_partners": Purpose(REFERENCE, "Partnere på en aktivitet.", "Partners at an event."),
    "settings": Purpose(SYSTEM, "Innstillinger, registerets id.", "Settings, the register's id."),
    "presence": Purpose(
        SYSTEM,
        "Hvem som har registeret åpent nå (brukernavn, maskinnavn, rolle, tidspunkter), så de "
        "andre ser det; raden slettes når vinduet lukkes, og etter et døgn for et vindu som "
        "krasjet.",
        "Who has the register open now (user name, computer name, role, times), so the others "
        "see it; the row is deleted when the window closes, and after a day for a window that "
        "crashed.",
    ),
}

# What an erasure does to the columns of the tables that hold something about a person.
KEPT = "kept"
YEAR = "year"
SEASON = "season"
SECTION = "section"
PLACEHOLDER = "placeholder"
CLEARED = "cleared"
ROWS_DELETED = "rows deleted"
OLD_MUNICIPALITY = "old municipality"

FATE_NAMES = {
    "nb": {
        KEPT: "beholdes (grov statistikk)",
        YEAR: "bare året beholdes",
        SEASON: "bare sesongen beholdes",
        SECTION: "bare instrumentgruppen beholdes",
        PLACEHOLDER: "erstattes med «Anonymisert #id»",
        CLEARED: "tømmes",
        ROWS_DELETED: "radene slettes",
        OLD_MUNICIPALITY: "bare kommunen før 2020 beholdes (et representativt postnummer)",
    },
    "en": {
        KEPT: "kept (coarse statistics)",
        YEAR: "only the year is kept",
        SEASON: "only the season is kept",
        SECTION: "only the section is kept",
        PLACEHOLDER: "replaced by “Anonymisert #id”",
        CLEARED: "cleared",
        ROWS_DELETED: "rows deleted",
        OLD_MUNICIPALITY: "only the municipality before 2020 is kept (a representative code)",
    },
}

_PERSON_FATES = {
    "first_name": PLACEHOLDER,
    "last_name": PLACEHOLDER,
    # Made from the names (the Norwegian sort keys): they follow the placeholder.
    "first_name_key": PLACEHOLDER,
    "last_name_key": PLACEHOLDER,
    "birth_date": YEAR,
    "gender": KEPT,
    "municipality_id": KEPT,
    "culture_school_id": KEPT,
    "postal_code": OLD_MUNICIPALITY,
    **dict.fromkeys(erasure.ERASED_COLUMNS, CLEARED),
}


def erasure_fates() -> dict[str, str]:
    """Table (or table.column) -> what an erasure does, for the document."""
    fates = {f"persons.{column}": fate for column, fate in _PERSON_FATES.items()}
    fates.update(
        {
            "person_instruments": ROWS_DELETED,
            "person_diets": ROWS_DELETED,
            "allergies": ROWS_DELETED,
            "consents": ROWS_DELETED,
            "person_guardians": ROWS_DELETED,
            "audit_entries": ROWS_DELETED,
            "guardians": ROWS_DELETED,  # or the names replaced where duties must stay
            "memberships.ensemble_id": KEPT,
            "memberships.instrument_id": SECTION,
            "memberships.start_date": SEASON,
            "memberships.end_date": SEASON,
            "memberships.end_note": CLEARED,
            "signups.note": CLEARED,
            "attendance.note": CLEARED,
            "volunteer_duties.note": CLEARED,
        }
    )
    return fates


def _columns(table: Table) -> str:
    return ", ".join(f"`{column.name}`" for column in table.columns if column.name != "id")


def tables_section(language: str) -> list[str]:
    heading = {
        "nb": "| Tabell | Kategori | Hvorfor | Kolonner |",
        "en": "| Table | Category | Why | Columns |",
    }[language]
    lines = [heading, "|---|---|---|---|"]
    for table in Base.metadata.sorted_tables:
        purpose = PURPOSES[table.name]
        why = purpose.nb if language == "nb" else purpose.en
        category = CATEGORY_NAMES[language][purpose.category]
        lines.append(f"| `{table.name}` | {category} | {why} | {_columns(table)} |")
    return lines


def erasure_section(language: str) -> list[str]:
    heading = {"nb": "| Hva | Ved sletting |", "en": "| What | On erasure |"}[language]
    lines = [heading, "|---|---|"]
    for what, fate in erasure_fates().items():
        lines.append(f"| `{what}` | {FATE_NAMES[language][fate]} |")
    return lines


def periods_section(language: str) -> list[str]:
    values = [
        (retention.CONTACT_MONTHS_SETTING, retention.DEFAULT_CONTACT_MONTHS),
        (retention.COURSE_YEARS_SETTING, retention.DEFAULT_COURSE_YEARS),
        (audit.KEEP_SETTING, audit.DEFAULT_KEEP_DAYS),
        (backup.KEEP_SETTING, backup.DEFAULT_KEEP),
        (backup.MAX_AGE_SETTING, backup.DEFAULT_MAX_AGE_DAYS),
    ]
    meaning = {
        "nb": {
            retention.CONTACT_MONTHS_SETTING: "måneder etter siste medlemskap før kontakt- og "
            "helseopplysninger slettes (trinn 1)",
            retention.COURSE_YEARS_SETTING: "år etter siste kursår før personen anonymiseres "
            "(trinn 2)",
            audit.KEEP_SETTING: "dager endringsloggen beholdes",
            backup.KEEP_SETTING: "antall automatiske sikkerhetskopier som beholdes",
            backup.MAX_AGE_SETTING: "dager før en sikkerhetskopi (også før-kopier) slettes",
        },
        "en": {
            retention.CONTACT_MONTHS_SETTING: "months after the last membership ended before "
            "contact and health data go (step 1)",
            retention.COURSE_YEARS_SETTING: "years after the last course year before the "
            "person is anonymised (step 2)",
            audit.KEEP_SETTING: "days the audit trail is kept",
            backup.KEEP_SETTING: "automatic backups kept",
            backup.MAX_AGE_SETTING: "days before a backup (safety copies too) is deleted",
        },
    }[language]
    heading = {"nb": "| Innstilling | Standard | Betyr |", "en": "| Setting | Default | Meaning |"}[
        language
    ]
    lines = [heading, "|---|---|---|"]
    lines += [f"| `{key}` | {value} | {meaning[key]} |" for key, value in values]
    ages = {
        "nb": f"Et medlem på {consents.SELF_CONSENT_AGE} år eller mer kan selv samtykke til "
        f"foto og navn i program; samtykke til helseopplysninger krever en foresatt til "
        f"{consents.ADULT_AGE} år. Gjeldende samtykketekst: versjon "
        f"`{consents.CURRENT_TEXT_VERSION}`.",
        "en": f"A member of {consents.SELF_CONSENT_AGE} or more may consent to photos and "
        f"name publication; consent to health data needs a guardian until "
        f"{consents.ADULT_AGE}. Current consent text: version "
        f"`{consents.CURRENT_TEXT_VERSION}`.",
    }[language]
    return [*lines, "", ages]


def files_section(language: str) -> list[str]:
    journal = erasure_journal.JOURNAL_SUFFIX
    rows = {
        "nb": [
            ("Registeret", f"`{DATABASE_NAME}` i brukerens datamappe (0600), eller `--db`"),
            ("Sikkerhetskopier", "mappen `backups` ved siden av registeret (0700, filer 0600)"),
            ("Slettejournal", f"`<register>{journal}` ved siden av registeret: bare id-er"),
            ("Logg", "`vrus.log` i brukerens loggmappe (0600, uten personopplysninger)"),
        ],
        "en": [
            ("The register", f"`{DATABASE_NAME}` in the user data folder (0600), or `--db`"),
            ("Backups", "the `backups` folder beside the register (0700, files 0600)"),
            ("Erasure journal", f"`<register>{journal}` beside the register: ids only"),
            ("Log", "`vrus.log` in the user log folder (0600, nothing personal)"),
        ],
    }[language]
    heading = {"nb": "| Fil | Hvor |", "en": "| File | Where |"}[language]
    return [heading, "|---|---|", *(f"| {what} | {where} |" for what, where in rows)]


def generated(language: str) -> str:
    titles = {
        "nb": ("Tabeller og kolonner", "Hva sletting gjør", "Frister", "Filer"),
        "en": ("Tables and columns", "What erasure does", "Periods", "Files"),
    }[language]
    sections = (tables_section, erasure_section, periods_section, files_section)
    parts = []
    for title, section in zip(titles, sections, strict=True):
        parts += [f"#### {title}", "", *section(language), ""]
    return "\n".join(parts).rstrip() + "\n"


def _block(language: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- generated:{language} -->\n)(.*?)(<!-- /generated:{language} -->)", re.DOTALL
    )


def fill(document: str) -> str:
    """``document`` with every generated block replaced by today's facts."""
    for language in ("nb", "en"):
        facts = generated(language)

        def replace(match: re.Match[str], facts: str = facts) -> str:
            return match[1] + facts + match[3]

        document = _block(language).sub(replace, document)
    return document


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m vrus.privacy_facts docs/privacy.md\n")
        return 2
    path = Path(args[0])
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
