"""The kind 'schaal': one or more statements, each rated on labelled points."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, TypedDict

from workbook.kinds import texts
from workbook.kinds.base import (
    COMMON,
    Exercise,
    Fields,
    Kind,
    Room,
    RoomView,
    as_dict,
    as_int,
    as_list,
    bars,
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


KIND: Kind[SchaalAnswer] = Kind(
    "schaal", validate, SchaalAnswer, VERSION, read, lines, summarize, reasons=reasons
)
