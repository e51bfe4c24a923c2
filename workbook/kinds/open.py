"""The kind 'open': a free-text reflection; the room sees the answers as an anonymous wall.

A one-line question (`lines: 1`, such as the check-in "in één woord") shows as a word cloud instead."""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Mapping
from typing import Any

from workbook.kinds.base import COMMON, Exercise, Fields, Kind, Room, RoomView, wall
from workbook.words import Words

VERSION = 1
OpenAnswer = str  # the typed text, as it is


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"placeholder", "lines"})
    return {
        "placeholder": f.text("placeholder", required=False, default="Typ hier je antwoord"),
        "lines": f.integer("lines", default=4, low=1, high=20),
    }


def read(value: Any) -> OpenAnswer:
    return value if isinstance(value, str) else ""


def lines(_ex: Exercise, answer: OpenAnswer, _words: Words) -> list[str]:
    return [line.strip() for line in answer.splitlines() if line.strip()]


def summarize(ex: Exercise, answers: Mapping[str, OpenAnswer], room: Room) -> RoomView:
    texts = [(code, " ".join(lines(ex, a, room.words))) for code, a in answers.items()]
    if ex.spec.get("lines") == 1:
        return cloud(texts)
    return wall(texts, room)


_EDGES = string.punctuation.replace("<", "").replace(">", "") + "…“”‘’"


def _word_key(text: str) -> str:
    """'Moe!' and ' moe' are one word in the cloud."""
    return text.strip().strip(_EDGES).casefold()


def cloud(texts: list[tuple[str, str]]) -> RoomView:
    """A word cloud: each distinct answer once, with how often it was given and who gave it (codes,
    kept for hiding; never shown). Most given first; shown as the spelling most people used."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, text in texts:
        key = _word_key(text)
        if key:
            groups.setdefault(key, []).append((code, text.strip().strip(_EDGES)))
    ranked = sorted(
        groups.values(),
        key=lambda given: (
            -len(given),
            Counter(t for _, t in given).most_common(1)[0][0].casefold(),
        ),
    )
    items = [
        {
            "word": Counter(t for _, t in given).most_common(1)[0][0],
            "n": len(given),
            "codes": [c for c, _ in given],
        }
        for given in ranked
    ]
    return {"type": "cloud", "items": items}


KIND: Kind[OpenAnswer] = Kind(
    "open", validate, str, VERSION, read, lines, summarize, free_text=True
)
