"""HTML of the seating panel: the classroom grid with a text list, the before/after comparison."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from widgets import labels
from widgets.base import escape
from workbook.sociogram.analysis import ClassData
from workbook.sociogram.seating import (
    central_count,
    compare_measurements,
    comparison_lines,
    desk_slots,
)
from workbook.sociogram.text import STATUS_NL
from workbook.words import DEFAULT_WORDS, fill_words

SEAT_CONFLICT = labels.SEAT_CONFLICT


def default_words(text: str) -> str:
    """A label in the general words (po), for callers that do not know the sector."""
    return fill_words(text, DEFAULT_WORDS)


MARK_LETTERS = {"externaliserend": "E", "prosociaal": "P", "sociaal zwakker": "Z"}


def _seat(pid: str, marks: dict[str, list[str]]) -> str:
    tags = "".join(
        f'<span class="wb-mark wb-mark-{MARK_LETTERS[m]}">{MARK_LETTERS[m]}</span>'
        for m in marks.get(pid, [])
        if m in MARK_LETTERS
    )
    return f'<span class="wb-seat">{escape(pid)}{tags}</span>'


def classroom_html(
    desks: list[list[str]],
    reasons: list[str],
    conflicts: list[list[str]],
    marks: dict[str, list[str]],
    words: Callable[[str], str] = default_words,
) -> str:
    """A floor plan (board at the top, desks on a grid) and the same desks as a numbered list."""
    if not desks:
        return f'<p class="wb-hint">{escape(labels.SEAT_NONE)}</p>'
    slots = desk_slots(len(desks))
    columns = max(c for _r, c in slots) + 1
    central = central_count(len(desks))
    clash = {frozenset(c) for c in conflicts}
    cells, items = [], []
    for k, (desk, (row, col)) in enumerate(zip(desks, slots, strict=True)):
        css = "wb-desk" + (" wb-desk-central" if k < central else "")
        css += " wb-desk-conflict" if frozenset(desk) in clash else ""
        title = labels.SEAT_DESK.format(n=k + 1)
        cells.append(
            f'<div class="{css}" style="grid-row:{row + 1};grid-column:{col + 1}">'
            f'<span class="wb-desk-nr">{k + 1}</span>{"".join(_seat(p, marks) for p in desk)}</div>'
        )
        where = labels.SEAT_CENTRAL if k < central else ""
        items.append(
            f"<li><strong>{escape(title + where)}:</strong> {escape(' en '.join(desk))}. "
            f"{escape(reasons[k])}</li>"
        )
    warnings = (
        "".join(
            f'<p class="wb-warning" role="alert">{escape(SEAT_CONFLICT.format(a=a, b=b))}</p>'
            for a, b in conflicts
        )
        or f'<p class="wb-hint">{escape(words(labels.SEAT_NO_CONFLICT))}</p>'
    )
    return (
        '<div class="wb-classroom" aria-hidden="true">'
        f'<div class="wb-board">{escape(labels.SEAT_BOARD)}</div>'
        f'<div class="wb-desks" style="grid-template-columns:repeat({columns},1fr)">'
        f"{''.join(cells)}</div>"
        f'<p class="wb-legend">{escape(labels.SEAT_LEGEND)}</p></div>'
        f"{warnings}<h5>{escape(labels.SEAT_LIST_TITLE)}</h5>"
        f'<ol class="wb-desk-list">{"".join(items)}</ol>'
    )


def comparison_html(
    earlier: list[dict[str, Any]],
    data: ClassData,
    analysis: dict[str, Any],
    words: Callable[[str], str] = default_words,
) -> str:
    """The last earlier measurement next to the current one, per pupil and for the class."""
    if not earlier:
        return ""
    if not data.nominations:
        return f'<p class="wb-hint">{escape(labels.MEASURE_EMPTY)}</p>'
    from workbook.sociogram.analysis import analyse
    from workbook.sociogram.io import class_from_dict

    before = analyse(class_from_dict(earlier[-1]))
    diff = compare_measurements(before, analysis)
    head = "".join(f"<th scope='col'>{escape(words(h))}</th>" for h in labels.MEASURE_HEAD)
    rows = []
    for r in diff["pupils"]:
        cells = [
            f"{r['received_positive'][0]} → {r['received_positive'][1]}",
            f"{r['received_negative'][0]} → {r['received_negative'][1]}",
            f"{STATUS_NL[r['status'][0]]} → {STATUS_NL[r['status'][1]]}",
        ]
        rows.append(
            f"<tr><th scope='row'>{escape(r['id'])}</th>"
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + "</tr>"
        )
    lines = "".join(f"<li>{escape(line)}</li>" for line in comparison_lines(before, analysis))
    stamp = str(earlier[-1].get("datum", ""))
    date = "-".join(reversed(stamp.split("-"))) if stamp.count("-") == 2 else "?"
    title = labels.MEASURE_COMPARE.format(date=date)
    return (
        f"<h5>{escape(title)}</h5><ul class='wb-summary'>{lines}</ul>"
        f'<table class="wb-sociogram-table wb-compare"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
