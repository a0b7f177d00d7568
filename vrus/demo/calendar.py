"""A season's events, laid out in the rhythm of the 2014 season.

Nine weekend seminars (Saturday and Sunday, none in July or August), the seven IRIS
activities on the weekdays the 2014 report gives them (superhelg on a Saturday in February
with the inspiration concert the Sunday after, samspilltreff in March, samspilltreff and the
joint concert in April, group rehearsal and samspilltreff on an October weekend, a master
class on the last Friday of October) and one public concert in a church with a school string
orchestra. IRIS weekends never fall on a seminar weekend, and Easter is avoided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vrus.db.enums import EventKind, IrisType
from vrus.demo.reference import SCHOOL_ORCHESTRA

SATURDAY, SUNDAY, FRIDAY = 5, 6, 4
DEXTRA = "Dextra Musica"
# (month, which Saturday of it): spread over the season, clear of the IRIS weekends.
SEMINAR_WEEKENDS = ((1, 3), (2, 4), (3, 1), (4, 4), (6, 1), (9, 2), (10, 4), (11, 2), (12, 1))
# The seminars before the spring concert and the Christmas one have the juniors and aspirants
# along, as the 2014 juniors rehearsed with the orchestra.
WITH_JUNIORS = {3, 4, 12}
VENUES = (
    "Kulturhuset i Sandvika",
    "Asker kulturskole, Kunnskapssenteret",
    "Lier kulturskole",
    "Drammen kulturskole",
)
CHURCH = "Jar kirke"


@dataclass(frozen=True)
class DayPlan:
    date: dt.date
    start: dt.time
    end: dt.time


@dataclass
class EventPlan:
    kind: str
    title: str
    venue: str
    days: list[DayPlan]
    invited: tuple[str, ...]
    staff: tuple[str, ...]  # staff groups, see vrus.demo.staff
    iris_type: str | None = None
    description: str | None = None
    partners: list[tuple[str, str]] = field(default_factory=list)  # organisation, role
    lunch: bool = False  # a whole day: the friends' association serves lunch

    @property
    def first_day(self) -> dt.date:
        return self.days[0].date


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday 0) of the month; ``n`` = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def _clear_of_easter(day: dt.date) -> dt.date:
    easter = easter_sunday(day.year)
    # Palm Sunday to Easter Monday: families travel, schools are closed.
    if easter - dt.timedelta(days=8) <= day <= easter + dt.timedelta(days=1):
        return day + dt.timedelta(days=7)
    return day


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def season_calendar(year: int) -> list[EventPlan]:
    events = _seminars(year) + _iris(year) + [_concert(year)]
    events.sort(key=lambda e: (e.first_day, e.days[0].start))
    return events


def _seminars(year: int) -> list[EventPlan]:
    events = []
    for number, (month, nth) in enumerate(SEMINAR_WEEKENDS, start=1):
        saturday = _clear_of_easter(nth_weekday(year, month, SATURDAY, nth))
        invited = ("ungdom", "junior", "aspirant") if month in WITH_JUNIORS else ("ungdom",)
        events.append(
            EventPlan(
                kind=EventKind.SEMINAR.value,
                title=f"Helgeseminar {number}",
                venue=VENUES[number % len(VENUES)],
                days=[
                    DayPlan(saturday, _t("10:00"), _t("16:00")),
                    DayPlan(saturday + dt.timedelta(days=1), _t("10:00"), _t("15:00")),
                ],
                invited=invited,
                lunch=True,
                staff=("conductor", "instructors")
                + (("junior_conductor",) if month in WITH_JUNIORS else ()),
                description="Seksjonsøvelser med instruktørene og tuttiøvelse med dirigenten.",
            )
        )
    return events


def _iris(year: int) -> list[EventPlan]:
    superhelg = nth_weekday(year, 2, SATURDAY, 2)
    samspill_march = nth_weekday(year, 3, SATURDAY, 3)
    concert_day = _clear_of_easter(nth_weekday(year, 4, SUNDAY, 2))
    october = nth_weekday(year, 10, SATURDAY, 2)
    masterclass = nth_weekday(year, 10, FRIDAY, -1)

    def iris(
        iris_type: IrisType,
        title: str,
        day: dt.date,
        start: str,
        end: str,
        invited: tuple[str, ...],
        staff: tuple[str, ...],
        description: str,
        lunch: bool = True,
    ) -> EventPlan:
        return EventPlan(
            kind=EventKind.IRIS.value,
            title=title,
            venue=VENUES[0],
            days=[DayPlan(day, _t(start), _t(end))],
            invited=invited,
            staff=staff,
            iris_type=iris_type.value,
            description=description,
            lunch=lunch,
            partners=[(DEXTRA, "IRIS: Dextra-musikere")],
        )

    events = [
        iris(
            IrisType.SUPERHELG,
            "Dextramusikernes superhelg",
            superhelg,
            "10:00",
            "16:00",
            ("ungdom",),
            ("conductor", "winds", "dextra_strings", "coordinator"),
            "Dextramusikerne er «spillende trenere» sammen med de faste instruktørene; "
            "blåserne har gruppeøvelse med sine instruktører.",
        ),
        iris(
            IrisType.INSPIRASJONSKONSERT,
            "Inspirasjonskonsert med Dextramusikere",
            superhelg + dt.timedelta(days=1),
            "13:00",
            "14:30",
            ("ungdom", "junior"),
            ("dextra_soloists",),
            "Konsert for juniorer og ungdomssymfonikere, med spørsmål til musikerne etterpå.",
            lunch=False,
        ),
        iris(
            IrisType.SAMSPILLTREFF,
            "Samspilltreff med Juniorsymfonikerne",
            samspill_march,
            "11:00",
            "15:00",
            ("ungdom", "junior"),
            ("conductor", "junior_conductor"),
            "Øvelse på programmet til vårkonserten.",
        ),
        iris(
            IrisType.SAMSPILLTREFF,
            "Samspilltreff og felles konsert",
            concert_day,
            "11:00",
            "15:00",
            ("ungdom", "junior"),
            ("conductor", "junior_conductor"),
            "Alle øver sammen på konsertdagen.",
        ),
        iris(
            IrisType.GRUPPEOVELSE,
            "Gruppeøvelse med Dextramusiker",
            october,
            "10:00",
            "15:00",
            ("ungdom",),
            ("dextra_group", "strings"),
            "Gruppeøvelse for alle strykerne; de faste instruktørene spiller med.",
        ),
        iris(
            IrisType.SAMSPILLTREFF,
            "Samspilltreff med Juniorsymfonikerne",
            october + dt.timedelta(days=1),
            "11:00",
            "15:00",
            ("junior", "aspirant"),
            ("junior_conductor",),
            "Juniorer og aspiranter øver på stykker til vårkonserten.",
        ),
        iris(
            IrisType.MESTERKLASSE,
            "Mesterklasse med Dextramusiker",
            masterclass,
            "17:30",
            "20:30",
            ("ungdom",),
            ("dextra_group", "coordinator"),
            "Mesterklasse for viderekomne elever; elever og lærere som tilhørere.",
            lunch=False,
        ),
    ]
    events[3].partners.append((SCHOOL_ORCHESTRA, "Medvirkende"))
    return events


def _concert(year: int) -> EventPlan:
    day = _clear_of_easter(nth_weekday(year, 4, SUNDAY, 2))
    return EventPlan(
        kind=EventKind.CONCERT.value,
        title=f"Vårkonsert i {CHURCH}",
        venue=CHURCH,
        days=[DayPlan(day, _t("17:00"), _t("18:30"))],
        invited=("ungdom", "junior"),
        staff=("conductor", "junior_conductor"),
        description="Publikumskonsert med Juniorsymfonikerne og Jar skoles strykeorkester.",
        partners=[(SCHOOL_ORCHESTRA, "Medvirkende")],
    )
