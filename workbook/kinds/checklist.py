"""The kind 'checklist': tick what applies; the room sees how many ticked each item."""

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


class ChecklistAnswer(TypedDict):
    checked: list[str]  # the ticked items, as their text in the exercise file


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"items", "reflection"})
    return {"items": f.texts("items"), "reflection": f.text("reflection", required=False)}


def read(value: Any) -> ChecklistAnswer:
    return ChecklistAnswer(
        checked=[i for i in as_list(as_dict(value).get("checked")) if isinstance(i, str)]
    )


def lines(ex: Exercise, answer: ChecklistAnswer, words: Words) -> list[str]:
    return [fill(item, words) for item in ex.spec["items"] if item in answer["checked"]]


def summarize(ex: Exercise, answers: Mapping[str, ChecklistAnswer], room: Room) -> RoomView:
    items = ex.spec["items"]
    counts = Counter(items.index(i) for a in answers.values() for i in a["checked"] if i in items)
    return {
        "type": "bars",
        "rows": [{"label": "", "bars": bars([fill(i, room.words) for i in items], counts)}],
    }


KIND: Kind[ChecklistAnswer] = Kind(
    "checklist", validate, ChecklistAnswer, VERSION, read, lines, summarize
)
