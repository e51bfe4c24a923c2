"""The kind 'thermometer': a mark from 1 to 10; participants see the group's spread only as counts."""

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
    bars,
    fill,
)
from workbook.words import Words

VERSION = 1
MARKS = range(1, 11)


class ThermometerAnswer(TypedDict):
    mark: int | None  # 1-10, None when the participant has not chosen


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"low_label", "high_label", "group_minimum"})
    return {
        "low_label": f.text("low_label"),
        "high_label": f.text("high_label"),
        "group_minimum": f.integer("group_minimum", default=3, low=2, high=50),
    }


def mark_of(value: Any) -> int | None:
    """The mark (1-10) in a saved answer like {"mark": 7}, or None."""
    mark = as_int(as_dict(value).get("mark"))
    return mark if mark in MARKS else None


def read(value: Any) -> ThermometerAnswer:
    return ThermometerAnswer(mark=mark_of(value))


def lines(ex: Exercise, answer: ThermometerAnswer, words: Words) -> list[str]:
    if answer["mark"] is None:
        return []
    return [
        texts.MARK.format(
            mark=answer["mark"],
            low=fill(ex.spec["low_label"], words),
            high=fill(ex.spec["high_label"], words),
        )
    ]


def summarize(_ex: Exercise, answers: Mapping[str, ThermometerAnswer], _room: Room) -> RoomView:
    marks = [a["mark"] for a in answers.values() if a["mark"] is not None]
    view: RoomView = {
        "type": "bars",
        "rows": [
            {"label": "", "bars": bars([str(m) for m in MARKS], Counter(m - 1 for m in marks))}
        ],
    }
    if marks:
        view["average"] = f"{sum(marks) / len(marks):.1f}".replace(".", ",")
    return view


KIND: Kind[ThermometerAnswer] = Kind(
    "thermometer", validate, ThermometerAnswer, VERSION, read, lines, summarize
)
