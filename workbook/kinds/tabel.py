"""The kind 'tabel': a table to fill in, with fixed row labels (or numbered rows) and text columns."""

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
from workbook.words import Words

VERSION = 1


class TabelAnswer(TypedDict):
    rows: list[dict[str, str]]  # per row: column title (as in the exercise file) -> typed text


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"columns", "rows", "row_labels"})
    labels = f.texts("row_labels", required=False)
    return {
        "columns": f.texts("columns", minimum=1),
        "row_labels": labels,
        "rows": len(labels) or f.integer("rows", default=3, low=1, high=12),
    }


def read(value: Any) -> TabelAnswer:
    rows = [
        {str(k): as_str(v) for k, v in as_dict(r).items()}
        for r in as_list(as_dict(value).get("rows"))
    ]
    return TabelAnswer(rows=rows)


def row_labels(ex: Exercise, words: Words) -> list[str]:
    labels = ex.spec["row_labels"] or [texts.ROW.format(n=n) for n in range(1, ex.spec["rows"] + 1)]
    return [fill(label, words) for label in labels]


def cells(ex: Exercise, row: dict[str, str], words: Words) -> str:
    """'column: text' for every filled cell of one row, or '' when the row is empty."""
    return "; ".join(f"{fill(c, words)}: {row[c]}" for c in ex.spec["columns"] if row.get(c))


def lines(ex: Exercise, answer: TabelAnswer, words: Words) -> list[str]:
    """One line per filled-in row: its label, then 'column: text' for every filled cell."""
    out = []
    for label, row in zip(row_labels(ex, words), answer["rows"], strict=False):
        if text := cells(ex, row, words):
            out.append(f"{label} — {text}")
    return out


def summarize(ex: Exercise, answers: Mapping[str, TabelAnswer], room: Room) -> RoomView:
    """Per row of the table: how many filled it in, and what they wrote (an anonymous wall)."""
    rows = []
    for n, label in enumerate(row_labels(ex, room.words)):
        given = [
            (code, cells(ex, a["rows"][n], room.words))
            for code, a in answers.items()
            if n < len(a["rows"])
        ]
        items = wall(given, room)["items"]
        rows.append({"label": label, "n": len(items), "items": items})
    return {"type": "rows", "rows": rows}


KIND: Kind[TabelAnswer] = Kind(
    "tabel", validate, TabelAnswer, VERSION, read, lines, summarize, free_text=True
)
