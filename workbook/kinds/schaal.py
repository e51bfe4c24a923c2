"""The kind 'schaal': one or more statements, each rated on labelled points."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from workbook.kinds import texts
from workbook.kinds.base import (
    COMMON,
    Comparison,
    Exercise,
    Fields,
    Kind,
    Room,
    RoomView,
    as_dict,
    as_int,
    as_list,
    bars,
    dutch_number,
    fill,
)
from workbook.words import Words

VERSION = 1


class SchaalAnswer(TypedDict):
    scores: list[int | None]  # per statement the chosen point (1-based), None when left open


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"points", "statements", "concern_max", "summary_title"})
    points = f.texts("points", minimum=2)
    if len(points) > 10:
        raise f.fail(
            "points", "heeft meer dan 10 punten", "Gebruik een schaal van 2 tot 10 punten."
        )
    statements = f.texts("statements", required=False)
    concern_max = f.data.get("concern_max")
    if concern_max is not None:
        concern_max = f.integer("concern_max", default=1, low=1, high=len(points) - 1)
    return {
        "points": points,
        "statements": statements,
        "concern_max": concern_max,
        "summary_title": f.text("summary_title", required=False, default="Samenvatting"),
    }


def statements(ex: Exercise) -> list[str]:
    """The rows of the scale: its statements, or the title when it rates one thing."""
    return list(ex.spec["statements"]) or [ex.title]


def read(value: Any) -> SchaalAnswer:
    return SchaalAnswer(scores=[as_int(s) for s in as_list(as_dict(value).get("scores"))])


def rated(ex: Exercise, answer: SchaalAnswer) -> list[tuple[int, str, int]]:
    """(row, statement, score) for every statement with a valid score."""
    rows, points = statements(ex), ex.spec["points"]
    return [
        (r, rows[r], s)
        for r, s in enumerate(answer["scores"][: len(rows)])
        if s is not None and 1 <= s <= len(points)
    ]


def lines(ex: Exercise, answer: SchaalAnswer, words: Words) -> list[str]:
    points = ex.spec["points"]
    return [
        f"{fill(text, words)} — {score} {fill(points[score - 1], words)}"
        for _r, text, score in rated(ex, answer)
    ]


def reasons(ex: Exercise, answer: SchaalAnswer, words: Words) -> list[str]:
    """A scan's concerns (scores up to concern_max), to offer as the 'why' of an action point."""
    limit = ex.spec["concern_max"]
    if limit is None:
        return []
    return [
        texts.REASON_CONCERN.format(statement=fill(text, words), title=fill(ex.title, words))
        for _r, text, score in rated(ex, answer)
        if score <= limit
    ]


def summarize(ex: Exercise, answers: Mapping[str, SchaalAnswer], room: Room) -> RoomView:
    points = [fill(p, room.words) for p in ex.spec["points"]]
    counts: dict[int, Counter[int]] = {r: Counter() for r in range(len(statements(ex)))}
    for answer in answers.values():
        for r, _text, score in rated(ex, answer):
            counts[r][score - 1] += 1
    return {
        "type": "bars",
        "rows": [
            {"label": fill(text, room.words), "bars": bars(points, counts[r])}
            for r, text in enumerate(statements(ex))
        ],
    }


def _mean(ex: Exercise, answers: Sequence[SchaalAnswer], row: int) -> float | None:
    scores = [s for a in answers for r, _t, s in rated(ex, a) if r == row]
    return sum(scores) / len(scores) if scores else None


def compare(
    ex: Exercise, rounds: Sequence[tuple[str, Sequence[SchaalAnswer]]], words: Words
) -> Comparison:
    """Per statement the score of each round (the mean when a round holds several answers, such
    as a school's), and the change from the first round to the last: higher is better."""
    rows, changes = [], []
    for r, text in enumerate(statements(ex)):
        means = [_mean(ex, answers, r) for _label, answers in rounds]
        cells = [texts.NOT_MEASURED if m is None else dutch_number(m) for m in means]
        known = [m for m in means if m is not None]
        change = texts.CHANGE_UNKNOWN
        if len(known) >= 2:
            diff = known[-1] - known[0]
            word = (
                texts.CHANGE_BETTER
                if diff > 0
                else texts.CHANGE_WORSE
                if diff < 0
                else texts.CHANGE_SAME
            )
            change = f"{'+' if diff > 0 else ''}{dutch_number(diff)} ({word})"
            if abs(diff) >= 1:
                changes.append(
                    texts.SCALE_CHANGED.format(
                        statement=fill(text, words),
                        before=dutch_number(known[0]),
                        after=dutch_number(known[-1]),
                        change=word,
                    )
                )
        rows.append((fill(text, words), cells, change))
    several = any(len(answers) > 1 for _label, answers in rounds)
    labels = [
        f"{label} {texts.SCALE_ROUND_SIZE.format(n=len(answers))}" if several else label
        for label, answers in rounds
    ]
    if len(rounds) >= 2 and not changes:
        changes = [texts.SCALE_NO_CHANGE]
    return Comparison(labels, rows, changes)


KIND: Kind[SchaalAnswer] = Kind(
    "schaal",
    validate,
    SchaalAnswer,
    VERSION,
    read,
    lines,
    summarize,
    reasons=reasons,
    compare=compare,
)
