"""Group aggregates stay anonymous: counts only, and nothing below the minimum."""

from __future__ import annotations

from pathlib import Path

from workbook.store import AnswerStore, ParticipantAnswers
from workbook.store.group import group_spread, visible_spread

EXERCISE = "sel/thermometer"


def fill(store: AnswerStore, group: str, marks: list[object]) -> list[ParticipantAnswers]:
    out = []
    for i, mark in enumerate(marks):
        p = store.create_participant(group, f"Deelnemer {i}", "Geheime School")
        answers = ParticipantAnswers(store, group, p)
        answers.save(EXERCISE, {"mark": mark})
        out.append(answers)
    return out


def test_spread_counts_marks_of_own_scholengroep_only(tmp_path: Path) -> None:
    with AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        fill(store, "noord", [7, 7, 3, None, "tien", 12])
        fill(store, "zuid", [1, 1, 1])
        counts = group_spread(store, "noord", EXERCISE)
    assert counts == {1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 2, 8: 0, 9: 0, 10: 0}
    assert all(isinstance(k, int) and isinstance(v, int) for k, v in counts.items())


def test_visible_spread_hides_counts_below_minimum(tmp_path: Path) -> None:
    with AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        people = fill(store, "noord", [5, 6])
        spread = visible_spread(people[0], EXERCISE, minimum=3)
        assert spread.counts is None and spread.total == 2 and not spread.visible
        fill(store, "noord", [6])
        spread = visible_spread(people[0], EXERCISE, minimum=3)
    assert spread.visible and spread.counts is not None
    assert spread.counts[6] == 2 and spread.total == 3
    text = repr(spread)
    assert "Deelnemer" not in text and "Geheime" not in text and "-" not in text.replace("->", "")


def test_minimum_is_never_below_two(tmp_path: Path) -> None:
    with AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        alone = fill(store, "noord", [9])
        assert visible_spread(alone[0], EXERCISE, minimum=1).counts is None
