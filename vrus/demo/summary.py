"""What the demo loaded, for the terminal and the window."""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_LABELS = {
    "seminar": ("seminar", "seminars"),
    "iris": ("IRIS activity", "IRIS activities"),
    "concert": ("concert", "concerts"),
    "rehearsal": ("rehearsal", "rehearsals"),
    "masterclass": ("master class", "master classes"),
}


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@dataclass(frozen=True)
class DemoSummary:
    season: str  # the current season's name
    seasons: list[str]  # all seasons created, oldest first
    active: dict[str, int]  # ensemble name -> persons active in the current season
    persons: int
    former: int  # persons with no membership in the current season
    guardians: int
    staff: int
    events: dict[str, int] = field(default_factory=dict)  # kind -> events in all seasons
    signups: int = 0
    attendance: int = 0
    duties: int = 0

    def describe(self) -> str:
        ensembles = ", ".join(f"{count} in {name}" for name, count in self.active.items())
        kinds = ", ".join(
            _count(n, *KIND_LABELS.get(kind, (kind, kind))) for kind, n in self.events.items()
        )
        span = f"{self.seasons[0]}-{self.seasons[-1]}" if len(self.seasons) > 1 else self.season
        return "\n".join(
            [
                f"Demo register loaded: {ensembles} in the {self.season} season.",
                f"  {_count(self.persons, 'person', 'persons')} in all, "
                f"{self.former} of them former members; "
                f"{_count(self.guardians, 'guardian', 'guardians')}, "
                f"{_count(self.staff, 'staff member', 'staff members')}.",
                f"  {_count(len(self.seasons), 'season', 'seasons')} ({span}): {kinds}.",
                f"  {_count(self.signups, 'sign-up', 'sign-ups')}, "
                f"{_count(self.attendance, 'attendance record', 'attendance records')}, "
                f"{_count(self.duties, 'volunteer duty', 'volunteer duties')}.",
                "  Everyone in it is fictional.",
            ]
        )
