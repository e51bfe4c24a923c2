"""The kind 'schijf': the Schijf van Zeven, each segment rated, drawn as a wheel."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, TypedDict

from workbook.kinds.base import (
    COMMON,
    Exercise,
    Fields,
    Kind,
    Room,
    RoomView,
    as_dict,
    as_int,
    bars,
    fill,
)
from workbook.kinds.wheel import wheel_svg
from workbook.words import Words

VERSION = 1


class SchijfAnswer(TypedDict):
    scores: dict[str, int]  # segment name -> chosen point (1-based); open segments are left out


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"segments", "points"})
    segments = []
    for seg in f.mappings("segments", minimum=3):
        seg.only({"name", "description"})
        segments.append({"name": seg.text("name"), "description": seg.text("description")})
    return {"segments": segments, "points": f.texts("points", minimum=2)}


def read(value: Any) -> SchijfAnswer:
    scores = {str(k): as_int(v) for k, v in as_dict(as_dict(value).get("scores")).items()}
    return SchijfAnswer(scores={k: v for k, v in scores.items() if v is not None})


def segment_scores(ex: Exercise, answer: SchijfAnswer) -> list[int | None]:
    """One valid score (or None) per segment, in segment order."""
    top = len(ex.spec["points"])
    out = [answer["scores"].get(s["name"]) for s in ex.spec["segments"]]
    return [s if s is not None and 1 <= s <= top else None for s in out]


def lines(ex: Exercise, answer: SchijfAnswer, words: Words) -> list[str]:
    points = ex.spec["points"]
    return [
        f"{fill(seg['name'], words)} — {score} {fill(points[score - 1], words)}"
        for seg, score in zip(ex.spec["segments"], segment_scores(ex, answer), strict=True)
        if score is not None
    ]


def picture(ex: Exercise, answer: SchijfAnswer, words: Words) -> str:
    names = [fill(s["name"], words) for s in ex.spec["segments"]]
    return wheel_svg(
        names, segment_scores(ex, answer), len(ex.spec["points"]), fill(ex.title, words)
    )


def summarize(ex: Exercise, answers: Mapping[str, SchijfAnswer], room: Room) -> RoomView:
    points = [fill(p, room.words) for p in ex.spec["points"]]
    rows = []
    for r, seg in enumerate(ex.spec["segments"]):
        counts: Counter[int] = Counter()
        for answer in answers.values():
            score = segment_scores(ex, answer)[r]
            if score is not None:
                counts[score - 1] += 1
        rows.append({"label": fill(seg["name"], room.words), "bars": bars(points, counts)})
    return {"type": "bars", "rows": rows}


KIND: Kind[SchijfAnswer] = Kind(
    "schijf", validate, SchijfAnswer, VERSION, read, lines, summarize, picture
)
