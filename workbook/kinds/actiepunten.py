"""The kind 'actiepunten': the participant's own next steps, gathered into the plan van aanpak.

An action point says what you will do (the only field that must be filled in), why (a signal or a
scan result), for whom (a layer of the ondersteuningspiramide and/or a group), who does it with whom,
by when, how you will know it worked, and whether it goes into the school's plan. Version 1 saved
only what and when; `read` and `upgrade` turn such answers into version 2 without losing anything.
"""

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
    fill,
    wall,
)
from workbook.pyramid.model import LAYER_NAMES, PYRAMID_LAYERS
from workbook.words import Words

VERSION = 2
TEXT_FIELDS = ("text", "why", "group", "who", "when", "measure")


class ActionItem(TypedDict):
    text: str  # what the participant will do (required: a point without it is a draft)
    why: str  # the signal or scan result behind it ("Omgekeerde piramide: zak in de piramide")
    layer: str  # for whom, as a pyramid layer: one of PYRAMID_LAYERS, or "" when not chosen
    group: str  # for whom, in their own words ("klas 2b", "de mentoren")
    who: str  # who does it, with whom
    when: str  # by when, in their own words ("na de herfstvakantie")
    measure: str  # how they will know it worked
    for_school: bool  # marked "voor onze school": it goes into the school's plan


class ActiepuntenAnswer(TypedDict):
    version: int
    items: list[ActionItem]


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"max_items"})
    return {"max_items": f.integer("max_items", default=5, low=1, high=10)}


def new_item(**given: Any) -> ActionItem:
    """An action point with every field, empty unless given."""
    item = ActionItem(
        text="", why="", layer="", group="", who="", when="", measure="", for_school=False
    )
    item.update(given)  # type: ignore[typeddict-item]
    return item


def _item(raw: dict[str, Any]) -> ActionItem:
    layer = as_str(raw.get("layer"))
    return new_item(
        # version 1 saved "text" and "when"; "what" is accepted too (hand-written files)
        text=as_str(raw.get("text")) or as_str(raw.get("what")),
        **{f: as_str(raw.get(f)) for f in TEXT_FIELDS if f != "text"},
        layer=layer if layer in PYRAMID_LAYERS else "",
        for_school=raw.get("for_school") is True,
    )


def is_empty(item: ActionItem) -> bool:
    """True when nothing at all was filled in (such a row is not saved)."""
    return not any(dict(item).values())


def upgrade(value: Any) -> ActiepuntenAnswer:
    """Any saved value (version 1 or 2) as version 2, keeping drafts (points without a 'what')."""
    items = [_item(i) for i in as_list(as_dict(value).get("items")) if isinstance(i, dict)]
    return ActiepuntenAnswer(version=VERSION, items=[i for i in items if not is_empty(i)])


def read(value: Any) -> ActiepuntenAnswer:
    """The plan's action points: only those that say what the participant will do."""
    answer = upgrade(value)
    return ActiepuntenAnswer(version=VERSION, items=[i for i in answer["items"] if i["text"]])


def layer_label(layer: str, words: Words) -> str:
    """'Sterke basis (alle leerlingen)': a layer and whom it is for."""
    return f"{LAYER_NAMES[layer]} ({fill(texts.LAYER_FOR[layer], words)})"


def for_whom(item: ActionItem, words: Words, with_layer: bool = True) -> str:
    """'Sterke basis (alle leerlingen), klas 2b': the layer and/or the group, or empty."""
    layer = layer_label(item["layer"], words) if item["layer"] and with_layer else ""
    return ", ".join(part for part in (layer, item["group"]) if part)


def facts(item: ActionItem, words: Words, with_layer: bool = True) -> list[tuple[str, str]]:
    """(label, text) for every filled-in field after the 'what', in the order of the form.

    Without the layer when the plan already groups the points by layer."""
    pairs = [
        (texts.PLAN_WHY, item["why"]),
        (texts.PLAN_FOR_WHOM, for_whom(item, words, with_layer)),
        (texts.PLAN_WHO, item["who"]),
        (texts.PLAN_WHEN, item["when"]),
        (texts.PLAN_MEASURE, item["measure"]),
    ]
    return [(label, text) for label, text in pairs if text]


def line(item: ActionItem, words: Words) -> str:
    details = [f"{label.lower()}: {text}" for label, text in facts(item, words)]
    if item["for_school"]:
        details.append(texts.PLAN_FOR_SCHOOL.lower())
    return item["text"] + (f" ({'; '.join(details)})" if details else "")


def lines(_ex: Exercise, answer: ActiepuntenAnswer, words: Words) -> list[str]:
    return [line(i, words) for i in answer["items"]]


def summarize(_ex: Exercise, answers: Mapping[str, ActiepuntenAnswer], room: Room) -> RoomView:
    """A wall of the room's action points: what, and for which layer (short enough for a beamer)."""
    return wall(
        [
            (code, i["text"] + (f" ({LAYER_NAMES[i['layer']]})" if i["layer"] else ""))
            for code, a in answers.items()
            for i in a["items"]
        ],
        room,
    )


KIND: Kind[ActiepuntenAnswer] = Kind(
    "actiepunten", validate, ActiepuntenAnswer, VERSION, read, lines, summarize, free_text=True
)
