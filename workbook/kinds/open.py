"""The kind 'open': a free-text reflection; the room sees the answers as an anonymous wall."""

from __future__ import annotations

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


def summarize(_ex: Exercise, answers: Mapping[str, OpenAnswer], room: Room) -> RoomView:
    return wall([(code, " ".join(lines(_ex, a, room.words))) for code, a in answers.items()], room)


KIND: Kind[OpenAnswer] = Kind("open", validate, str, VERSION, read, lines, summarize)
