"""The kind 'indelen': sort items into categories; with a category per item, the answer is checked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, TypedDict

from workbook.kinds import texts
from workbook.kinds.base import COMMON, Exercise, Fields, Kind, Room, RoomView, as_dict, bars, fill
from workbook.words import Words

VERSION = 1


class IndelenAnswer(TypedDict):
    placed: dict[
        str, str
    ]  # item text -> category text, as in the exercise file; open items left out
    checked: bool  # the participant pressed "Controleer"


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"categories", "items"})
    categories = f.texts("categories", minimum=2)
    items = []
    for item in f.mappings("items", minimum=2):
        item.only({"text", "category", "feedback"})
        category = item.data.get("category")
        if category is not None and category not in categories:
            raise item.fail(
                "category", f"is {category!r}", "Kies een van: " + ", ".join(categories) + "."
            )
        items.append(
            {
                "text": item.text("text"),
                "category": category,
                "feedback": item.text("feedback", required=False),
            }
        )
    checked = [i["category"] is not None for i in items]
    if any(checked) and not all(checked):
        raise f.fail(
            "items",
            "heeft bij sommige onderdelen een category en bij andere niet",
            "Geef elk onderdeel een category, of geen enkel.",
        )
    if len({i["text"] for i in items}) != len(items):
        raise f.fail("items", "bevat een onderdeel twee keer", "Maak elk onderdeel uniek.")
    return {"categories": categories, "items": items, "checkable": all(checked)}


def read(value: Any) -> IndelenAnswer:
    raw = as_dict(value)
    placed = {str(k): v for k, v in as_dict(raw.get("placed")).items() if isinstance(v, str)}
    return IndelenAnswer(placed=placed, checked=raw.get("checked") is True)


def lines(ex: Exercise, answer: IndelenAnswer, words: Words) -> list[str]:
    known = set(ex.spec["categories"])
    out = []
    for item in ex.spec["items"]:
        category = answer["placed"].get(item["text"])
        if category is not None and category in known:
            mark = ""
            if ex.spec["checkable"] and answer["checked"]:
                mark = (
                    f" ({texts.RIGHT})"
                    if category == item["category"]
                    else f" ({texts.WRONG}: {fill(str(item['category']), words)})"
                )
            out.append(f"{fill(item['text'], words)} → {fill(category, words)}{mark}")
    if ex.spec["checkable"] and answer["checked"] and out:
        right = sum(answer["placed"].get(i["text"]) == i["category"] for i in ex.spec["items"])
        out.append(texts.SCORE.format(right=right, total=len(ex.spec["items"])).capitalize() + ".")
    return out


def summarize(ex: Exercise, answers: Mapping[str, IndelenAnswer], room: Room) -> RoomView:
    cats = ex.spec["categories"]
    given = [a["placed"] for a in answers.values() if a["placed"]]
    if not ex.spec["checkable"]:
        labels = [fill(c, room.words) for c in cats]
        return {
            "type": "bars",
            "rows": [
                {
                    "label": fill(item["text"], room.words),
                    "bars": bars(
                        labels,
                        Counter(
                            cats.index(g[item["text"]])
                            for g in given
                            if g.get(item["text"]) in cats
                        ),
                    ),
                }
                for item in ex.spec["items"]
            ],
        }
    key = {i["text"]: i["category"] for i in ex.spec["items"]}
    wrong = Counter(
        (item, cat) for g in given for item, cat in g.items() if item in key and key[item] != cat
    )
    return {
        "type": "quiz",
        "answered": len(given),
        "correct": sum(all(g.get(i) == c for i, c in key.items()) for g in given),
        "mistakes": [
            (f"{fill(item, room.words)} → {fill(cat, room.words)}", n)
            for (item, cat), n in wrong.most_common(3)
        ],
    }


KIND: Kind[IndelenAnswer] = Kind(
    "indelen", validate, IndelenAnswer, VERSION, read, lines, summarize
)
