"""Anonymous group aggregates for a participant's page: counts only, and only above a minimum.

This is the one place where a participant's page reads other people's answers. Everything it
returns is a count per value: never a code, a name, a school or a typed text.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.kinds.thermometer import MARKS, mark_of
from workbook.store.answers import AnswerStore, ParticipantAnswers


def group_spread(store: AnswerStore, scholengroep: str, exercise_id: str) -> dict[int, int]:
    """How many participants of the scholengroep gave each mark 1-10 on one exercise."""
    counts = dict.fromkeys(MARKS, 0)
    for value in store.answers_for_exercise(scholengroep, exercise_id).values():
        mark = mark_of(value)
        if mark is not None:
            counts[mark] += 1
    return counts


@dataclass(frozen=True)
class Spread:
    """What a participant may see: counts per mark, or only how many answered so far."""

    counts: dict[int, int] | None
    total: int
    minimum: int

    @property
    def visible(self) -> bool:
        return self.counts is not None


def visible_spread(answers: ParticipantAnswers, exercise_id: str, minimum: int) -> Spread:
    """The group's spread for a participant's page; counts stay hidden below `minimum`."""
    counts = group_spread(answers._store, answers.scholengroep, exercise_id)
    total = sum(counts.values())
    minimum = max(minimum, 2)
    return Spread(counts if total >= minimum else None, total, minimum)
