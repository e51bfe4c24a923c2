"""The kind 'actiepunten': the participant's own next steps, gathered into the plan van aanpak."""

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
    as_str,
    wall,
)
from workbook.words import Words

VERSION = 1


class ActionItem(TypedDict):
    text: str  # what the participant will do
    when: str  # when, in their own words ("na de herfstvakantie")


class ActiepuntenAnswer(TypedDict):
    items: list[ActionItem]


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"max_items"})
    return {"max_items": f.integer("max_items", default=5, low=1, high=10)}


def read(value: Any) -> ActiepuntenAnswer:
    items = [
        ActionItem(text=as_str(i.get("text")), when=as_str(i.get("when")))
        for i in as_list(as_dict(value).get("items"))
        if isinstance(i, dict)
    ]
    return ActiepuntenAnswer(items=[i for i in items if i["text"]])


def line(item: ActionItem) -> str:
    return item["text"] + (f" ({texts.WHEN.format(when=item['when'])})" if item["when"] else "")


def lines(_ex: Exercise, answer: ActiepuntenAnswer, _words: Words) -> list[str]:
    return [line(i) for i in answer["items"]]


def summarize(_ex: Exercise, answers: Mapping[str, ActiepuntenAnswer], room: Room) -> RoomView:
    return wall([(code, line(i)) for code, a in answers.items() for i in a["items"]], room)


KIND: Kind[ActiepuntenAnswer] = Kind(
    "actiepunten", validate, ActiepuntenAnswer, VERSION, read, lines, summarize
)
