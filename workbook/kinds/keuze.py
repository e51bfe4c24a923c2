"""The kind 'keuze': a choice without right or wrong (check-ins such as a weather report or an emoji)."""

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
    as_list,
    bars,
    fill,
)
from workbook.words import Words

VERSION = 1


class KeuzeAnswer(TypedDict):
    chosen: list[str]  # the chosen options, as their text in the exercise file


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"options", "multiple"})
    return {"options": f.texts("options", minimum=2), "multiple": f.flag("multiple", default=False)}


def read(value: Any) -> KeuzeAnswer:
    return KeuzeAnswer(
        chosen=[c for c in as_list(as_dict(value).get("chosen")) if isinstance(c, str)]
    )


def lines(ex: Exercise, answer: KeuzeAnswer, words: Words) -> list[str]:
    return [fill(o, words) for o in ex.spec["options"] if o in answer["chosen"]]


def summarize(ex: Exercise, answers: Mapping[str, KeuzeAnswer], room: Room) -> RoomView:
    options = ex.spec["options"]
    counts = Counter(
        options.index(c) for a in answers.values() for c in a["chosen"] if c in options
    )
    return {
        "type": "bars",
        "rows": [{"label": "", "bars": bars([fill(o, room.words) for o in options], counts)}],
    }


KIND: Kind[KeuzeAnswer] = Kind("keuze", validate, KeuzeAnswer, VERSION, read, lines, summarize)
