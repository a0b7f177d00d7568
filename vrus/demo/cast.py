"""Who is in the demo register: children with their membership history, before any names.

Ages follow the orchestra's rule (age in a season = season year minus birth year), so every
active member is within the ensemble's limits in the current season, and the history (moving
up, leaving) is consistent with the ages in the seasons it happened in. No date lies after
``today``: the demo is a register as it would stand today.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from vrus.db.enums import EndReason
from vrus.demo.reference import EnsembleRef

# Relative weights per instrument (English names): hard-to-recruit ones are rarer, as the
# annual report describes; juniors and aspirants are mostly strings from the culture schools.
INSTRUMENT_WEIGHTS = {
    "ungdom": {
        "Violin": 10,
        "Viola": 3,
        "Cello": 4,
        "Double bass": 1,
        "Flute": 2,
        "Oboe": 1,
        "Clarinet": 2,
        "Bassoon": 1,
        "French horn": 2,
        "Trumpet": 2,
        "Trombone": 1.5,
        "Tuba": 0.5,
        "Timpani": 0.6,
        "Percussion": 1,
        "Harp": 0.3,
    },
    "junior": {
        "Violin": 12,
        "Viola": 1,
        "Cello": 5,
        "Double bass": 0.5,
        "Flute": 2,
        "Clarinet": 2,
        "Trumpet": 1.5,
        "French horn": 0.5,
        "Trombone": 0.5,
        "Percussion": 1,
    },
    "aspirant": {"Violin": 6, "Cello": 2, "Flute": 1, "Clarinet": 0.5, "Trumpet": 0.5},
}
SECOND_INSTRUMENT = {
    "Violin": "Viola",
    "Percussion": "Timpani",
    "Timpani": "Percussion",
    "Viola": "Violin",
}
# Age distributions per ensemble (age: weight), shaped like a real intake.
AGE_WEIGHTS = {
    "ungdom": {13: 3, 14: 5, 15: 6, 16: 6, 17: 6, 18: 5},
    "junior": {8: 1, 9: 3, 10: 4, 11: 4, 12: 5, 13: 3},
    "aspirant": {8: 3, 9: 3, 10: 2, 11: 1},
}
LEAVE_NOTES = {
    EndReason.TALENT_PROGRAMME: (
        "Tatt opp ved Barratt Due musikkinstitutt, Unge talenter",
        "Tatt opp på talentprogrammet ved Norges musikkhøgskole",
    ),
    EndReason.MOVED: ("Familien flyttet til Trondheim", "Flyttet til Bergen"),
    EndReason.QUIT: ("Satser på fotball", "For mye med skole og lekser", None),
}
# Cycled through to spread departures over the earlier seasons (years before the current).
YEARS_AGO = (1, 2, 3)
# Years a member has been in the orchestra (weights): most stay several years, so the
# earlier seasons have an orchestra of about the same size for the trend reports.
TENURE = {0: 2, 1: 3, 2: 3, 3: 3, 4: 3, 5: 2}
JUNIOR_TENURE = {0: 2, 1: 3, 2: 3, 3: 2, 4: 1}


@dataclass
class Stint:
    """One membership: ensemble short name, period and why it ended."""

    ensemble: str
    start: dt.date
    end: dt.date | None = None
    reason: str | None = None
    note: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Child:
    birth_date: dt.date
    gender: str
    stints: list[Stint]
    instruments: list[str] = field(default_factory=list)  # English names, main first
    first_name: str = ""
    last_name: str = ""

    @property
    def latest(self) -> Stint:
        return self.stints[-1]

    def active_in(self, start: dt.date, end: dt.date) -> str | None:
        """The ensemble of the last membership overlapping the period, if any."""
        for stint in reversed(self.stints):
            if stint.start <= end and (stint.end is None or stint.end >= start):
                return stint.ensemble
        return None


@dataclass(frozen=True)
class CastSize:
    ungdom: int  # active in the current season
    moved_up: int  # of them, juniors who moved up in an earlier season
    leavers: dict[EndReason, int]  # orchestra members who left, by reason
    juniors: int
    from_aspirant: int  # of them, aspirants who moved up
    junior_leavers: int
    aspirants: int
    sibling_pairs: int


# Modelled on 2014: 30-odd members aged 13-18, about 20 juniors, a handful of aspirants.
DEFAULT_SIZE = CastSize(
    ungdom=31,
    moved_up=8,
    leavers={
        EndReason.AGED_OUT: 8,
        EndReason.TALENT_PROGRAMME: 2,
        EndReason.MOVED: 2,
        EndReason.QUIT: 4,
    },
    juniors=20,
    from_aspirant=2,
    junior_leavers=3,
    aspirants=8,
    sibling_pairs=4,
)


def scaled_size(persons: int) -> CastSize:
    """Exactly ``persons`` persons: about 50 % orchestra, 35 % juniors, 15 % aspirants."""
    ungdom_all = round(persons * 0.50)
    junior_all = round(persons * 0.35)
    aspirants = persons - ungdom_all - junior_all
    left = round(ungdom_all * 0.3)
    aged_out, talent, moved = round(left * 0.5), round(left * 0.15), round(left * 0.15)
    leavers = {
        EndReason.AGED_OUT: aged_out,
        EndReason.TALENT_PROGRAMME: talent,
        EndReason.MOVED: moved,
        EndReason.QUIT: left - aged_out - talent - moved,
    }
    junior_left = round(junior_all * 0.1)
    return CastSize(
        ungdom=ungdom_all - left,
        moved_up=round((ungdom_all - left) * 0.25),
        leavers=leavers,
        juniors=junior_all - junior_left,
        from_aspirant=round((junior_all - junior_left) * 0.1),
        junior_leavers=junior_left,
        aspirants=aspirants,
        sibling_pairs=round(persons * 0.04),
    )


def apportion(count: int, weights: dict[int, float]) -> list[int]:
    """``count`` values distributed by weight with exact totals (largest remainder)."""
    total = sum(weights.values())
    quotas = {key: count * w / total for key, w in weights.items()}
    counts = {key: int(q) for key, q in quotas.items()}
    rest = sorted(weights, key=lambda key: counts[key] - quotas[key])
    for key in rest[: count - sum(counts.values())]:
        counts[key] += 1
    return [key for key in weights for _ in range(counts[key])]


class CastBuilder:
    def __init__(
        self,
        rng: random.Random,
        today: dt.date,
        ensembles: dict[str, EnsembleRef],
        instruments: set[str],
    ) -> None:
        self.rng = rng
        self.today = today
        self.year = today.year
        self.limits = {key: (e.min_age, e.max_age) for key, e in ensembles.items()}
        self.available = instruments
        self.weights = {
            key: {name: w for name, w in pool.items() if name in instruments}
            for key, pool in INSTRUMENT_WEIGHTS.items()
        }

    def build(self, size: CastSize) -> list[Child]:
        rng = self.rng
        ung_min = self.limits["ungdom"][0]
        ages = apportion(size.ungdom, age_weights(self.limits, "ungdom"))
        rng.shuffle(ages)
        children: list[Child] = []
        movable = [i for i, age in enumerate(ages) if ung_min < age <= ung_min + 3]
        moved_up = set(movable[: size.moved_up])
        for i, age in enumerate(ages):
            children.append(self.moved_up(age) if i in moved_up else self.ungdom(age))
        for reason, count in size.leavers.items():
            for i in range(count):
                children.append(self.leaver(reason, i))
        ages = apportion(size.juniors, age_weights(self.limits, "junior"))
        rng.shuffle(ages)
        jun_min = self.limits["junior"][0]
        movable = [i for i, age in enumerate(ages) if age > jun_min]
        from_aspirant = set(movable[: size.from_aspirant])
        for i, age in enumerate(ages):
            children.append(self.from_aspirant(age) if i in from_aspirant else self.junior(age))
        children += [self.junior_leaver(i) for i in range(size.junior_leavers)]
        ages = apportion(size.aspirants, age_weights(self.limits, "aspirant"))
        rng.shuffle(ages)
        children += [self.aspirant(age) for age in ages]
        for child in children:
            child.instruments = self.instruments(child.latest.ensemble)
        return children

    # -- one child per kind of history --------------------------------------------------

    def ungdom(self, age: int) -> Child:
        low = self.limits["ungdom"][0]
        start_age = max(low, age - self.tenure())
        start = self.intake(self.year - (age - start_age))
        return self.child(age, [Stint("ungdom", start)])

    def moved_up(self, age: int) -> Child:
        """A junior who moved up at the orchestra's minimum age, in August of that year."""
        move_age = self.limits["ungdom"][0]
        year = self.year - (age - move_age)
        moved = dt.date(year, 8, 15)
        junior_age = max(self.limits["junior"][0], move_age - self.rng.randint(1, 3))
        junior_start = self.intake(year - max(1, move_age - junior_age), before=moved)
        return self.child(
            age,
            [
                Stint("junior", junior_start, moved, EndReason.MOVED_UP.value),
                Stint("ungdom", moved),
            ],
        )

    def leaver(self, reason: EndReason, index: int) -> Child:
        low, high = self.limits["ungdom"]
        years_ago = YEARS_AGO[index % len(YEARS_AGO)]
        if reason is EndReason.AGED_OUT:
            leave_age = high
        elif reason is EndReason.TALENT_PROGRAMME:
            leave_age = min(high, self.rng.choice((16, 17)))
        else:
            leave_age = min(high, self.rng.randint(low + 1, 17))
            # One who quit this season, once the spring term is over, when today allows.
            if reason is EndReason.QUIT and index == 0 and self.today > dt.date(self.year, 6, 30):
                years_ago = 0
        year = self.year - years_ago
        end = {
            EndReason.AGED_OUT: dt.date(year, 12, 31),
            EndReason.TALENT_PROGRAMME: dt.date(year, 6, 20),
            EndReason.MOVED: dt.date(year, 6, self.rng.randint(10, 28)),
            EndReason.QUIT: dt.date(year, 6, 30),
        }[reason]
        start_age = max(low, leave_age - max(1, self.tenure()))
        start = self.intake(year - max(1, leave_age - start_age), before=end)
        note = self.rng.choice(LEAVE_NOTES.get(reason, (None,)))
        return self.child(leave_age + years_ago, [Stint("ungdom", start, end, reason.value, note)])

    def junior(self, age: int) -> Child:
        low = self.limits["junior"][0]
        start_age = max(low, age - self.tenure(JUNIOR_TENURE))
        return self.child(age, [Stint("junior", self.intake(self.year - (age - start_age)))])

    def from_aspirant(self, age: int) -> Child:
        """An aspirant who moved up to the juniors last August."""
        moved = dt.date(self.year - 1, 8, 15)
        start = self.intake(self.year - self.rng.randint(1, 2), before=moved)
        return self.child(
            age, [Stint("aspirant", start, moved, EndReason.MOVED_UP.value), Stint("junior", moved)]
        )

    def junior_leaver(self, index: int) -> Child:
        low, high = self.limits["junior"]
        year = self.year - YEARS_AGO[index % len(YEARS_AGO)]
        leave_age = self.rng.randint(low + 1, max(low + 1, high - 1))
        end = dt.date(year, 6, 15)
        start = self.intake(year - min(self.rng.randint(1, 2), leave_age - low), before=end)
        note = self.rng.choice(LEAVE_NOTES[EndReason.QUIT])
        return self.child(
            leave_age + (self.year - year),
            [Stint("junior", start, end, EndReason.QUIT.value, note)],
        )

    def aspirant(self, age: int) -> Child:
        year = self.year - (1 if self.rng.random() < 0.4 else 0)
        return self.child(age, [Stint("aspirant", self.intake(year))])

    # -- helpers ------------------------------------------------------------------------

    def child(self, age: int, stints: list[Stint]) -> Child:
        roll = self.rng.random()
        gender = "female" if roll < 0.53 else "male" if roll < 0.99 else "other"
        born = dt.date(self.year - age, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return Child(birth_date=born, gender=gender, stints=stints)

    def tenure(self, weights: dict[int, int] = TENURE) -> int:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def intake(self, year: int, before: dt.date | None = None) -> dt.date:
        """A start date in ``year``: the January or the August intake, never after today."""
        latest = min(self.today, before) if before else self.today
        options = [
            dt.date(year, 1, self.rng.randint(2, 20)),
            dt.date(year, 8, self.rng.randint(10, 25)),
        ]
        options = [day for day in options if day <= latest]
        return self.rng.choice(options) if options else min(dt.date(year, 1, 1), latest)

    def instruments(self, ensemble: str) -> list[str]:
        pool = self.weights[ensemble] or self.weights["ungdom"]
        if not pool:
            return []
        main = self.rng.choices(list(pool), weights=list(pool.values()))[0]
        if self.rng.random() < 0.12:
            second = SECOND_INSTRUMENT.get(main, "Piano")
            if second != main and second in self.available:
                return [main, second]
        return [main]


def age_weights(limits: dict[str, tuple[int, int]], key: str) -> dict[int, float]:
    """The age weights clipped to the ensemble's limits as set in the register."""
    low, high = limits[key]
    weights: dict[int, float] = {
        age: w for age, w in AGE_WEIGHTS[key].items() if low <= age <= high
    }
    return weights or {age: 1 for age in range(low, high + 1)}
