"""The kind 'rangschikken': put items in order; with `ordered`, checked against the right order."""

from __future__ import annotations

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
    as_list,
    fill,
)
from workbook.words import Words

VERSION = 1


class RangschikkenAnswer(TypedDict):
    order: list[str]  # every item, as its text in the exercise file, in the participant's order
    checked: bool  # the participant pressed "Controleer de volgorde"


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"items", "ordered", "feedback_correct", "feedback_wrong"})
    ordered = f.flag("ordered", default=False)
    spec: dict[str, Any] = {"items": f.texts("items", minimum=2), "ordered": ordered}
    if ordered:
        spec["feedback_correct"] = f.text("feedback_correct")
        spec["feedback_wrong"] = f.text("feedback_wrong")
    return spec


def read(value: Any) -> RangschikkenAnswer:
    raw = as_dict(value)
    return RangschikkenAnswer(
        order=[i for i in as_list(raw.get("order")) if isinstance(i, str)],
        checked=raw.get("checked") is True,
    )


def numbered(items: list[str], words: Words) -> str:
    return " → ".join(fill(item, words) for item in items)


def lines(ex: Exercise, answer: RangschikkenAnswer, words: Words) -> list[str]:
    items = ex.spec["items"]
    order = [i for i in answer["order"] if i in items]
    out = [f"{n}. {fill(item, words)}" for n, item in enumerate(order, start=1)]
    if ex.spec["ordered"] and order:
        out.append(
            texts.YOUR_ORDER_RIGHT
            if order == items
            else texts.RIGHT_ORDER.format(order=numbered(items, words))
        )
    return out


def summarize(ex: Exercise, answers: Mapping[str, RangschikkenAnswer], room: Room) -> RoomView:
    """The room's average order; with `ordered`, each item's right place beside it and the share right.

    Items come in the room's order (lowest average place first); an item nobody placed comes last."""
    items = ex.spec["items"]
    orders = [[i for i in a["order"] if i in items] for a in answers.values()]
    orders = [o for o in orders if o]
    places = {item: [o.index(item) + 1 for o in orders if item in o] for item in items}

    def average(item: str) -> float | None:
        return round(sum(places[item]) / len(places[item]), 1) if places[item] else None

    ranked = sorted(items, key=lambda i: (average(i) or len(items) + 1, items.index(i)))
    view: RoomView = {
        "type": "ranking",
        "ordered": ex.spec["ordered"],
        "items": [
            {
                "text": fill(i, room.words),
                "average": average(i),
                "model": items.index(i) + 1 if ex.spec["ordered"] else None,
            }
            for i in ranked
        ],
    }
    if ex.spec["ordered"]:
        view["answered"] = len(orders)
        view["correct"] = sum(o == items for o in orders)
    return view


KIND: Kind[RangschikkenAnswer] = Kind(
    "rangschikken", validate, RangschikkenAnswer, VERSION, read, lines, summarize
)
