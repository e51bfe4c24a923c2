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


def row_lines(ex: Exercise, answer: TabelAnswer, words: Words) -> list[str]:
    """One line per filled-in row: its label, then 'column: text' for every filled cell."""
    labels = ex.spec["row_labels"] or [texts.ROW.format(n=n) for n in range(1, ex.spec["rows"] + 1)]
    out = []
    for label, row in zip(labels, answer["rows"], strict=False):
        cells = [f"{fill(c, words)}: {row[c]}" for c in ex.spec["columns"] if row.get(c)]
        if cells:
            out.append(f"{fill(label, words)} — " + "; ".join(cells))
    return out


def lines(ex: Exercise, answer: TabelAnswer, words: Words) -> list[str]:
    return row_lines(ex, answer, words)


def summarize(ex: Exercise, answers: Mapping[str, TabelAnswer], room: Room) -> RoomView:
    return wall(
        [(code, line) for code, a in answers.items() for line in row_lines(ex, a, room.words)], room
    )


KIND: Kind[TabelAnswer] = Kind("tabel", validate, TabelAnswer, VERSION, read, lines, summarize)
