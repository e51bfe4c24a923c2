"""The exercise kinds: one module per kind (see base.py), and the functions every output calls.

The page, the projector, the report and the export never look at a saved value themselves: they
call `answer_lines`, `answer_html`, `answer_picture` or `summarize`, which hand it to its kind.
Adding a kind means: a module here, its widget in widgets/kinds/, and one line in KINDS.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from workbook.errors import ContentError
from workbook.kinds import (
    actiepunten,
    checklist,
    indelen,
    keuze,
    meerkeuze,
    piramide,
    rangschikken,
    schaal,
    schijf,
    sociogram,
    tabel,
    texts,
    thermometer,
    uitwisseling,
)
from workbook.kinds import (
    open as open_kind,
)
from workbook.kinds.base import (
    EMPTY_VALUES,
    SCHEMA_VERSION,
    Comparison,
    Exercise,
    Fields,
    Kind,
    Room,
    RoomView,
    fill,
)
from workbook.words import DEFAULT_WORDS, Words

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "Exercise",
    "Fields",
    "Kind",
    "Room",
    "RoomView",
    "answer_html",
    "answer_lines",
    "answer_picture",
    "answer_reasons",
    "answer_text",
    "compare_rounds",
    "comparison_html",
    "is_answered",
    "summarize",
    "validate_spec",
]

KINDS: dict[str, Kind[Any]] = {
    k.name: k
    for k in (
        meerkeuze.KIND,
        open_kind.KIND,
        schaal.KIND,
        rangschikken.KIND,
        checklist.KIND,
        actiepunten.KIND,
        keuze.KIND,
        indelen.KIND,
        tabel.KIND,
        thermometer.KIND,
        schijf.KIND,
        piramide.KIND,
        sociogram.KIND,
        uitwisseling.KIND,
    )
}
# A saved value that a kind cannot read must not break a report or the projector.
_SHAPE_ERRORS = (TypeError, ValueError, KeyError, AttributeError, IndexError)


def validate_spec(data: Any, where: str) -> tuple[str, str, str, str, dict[str, Any]]:
    """Check the common fields and the kind's own; return (kind, title, prompt, help, spec)."""
    if not isinstance(data, dict):
        raise ContentError(
            f"{where}: het bestand is geen lijst met velden. Begin met 'schema: {SCHEMA_VERSION}' en "
            "'kind: ...' op aparte regels."
        )
    f = Fields(data, where)
    version = data.get("schema")
    if version != SCHEMA_VERSION:
        raise f.fail(
            "schema",
            f"is {version!r}",
            f"Deze versie van het werkboek leest schema {SCHEMA_VERSION}.",
        )
    kind = data.get("kind")
    if kind not in KINDS:
        raise f.fail("kind", f"is {kind!r}", "Kies een van: " + ", ".join(sorted(KINDS)) + ".")
    title = f.text("title")
    prompt = f.text("prompt")
    help_text = f.text("help", required=False)
    return kind, title, prompt, help_text, KINDS[kind].validate(f)


def is_answered(value: Any) -> bool:
    """True when something was saved (progress counts these)."""
    return value not in EMPTY_VALUES


def answer_lines(ex: Exercise, value: Any, words: Words = DEFAULT_WORDS) -> list[str]:
    """The answer as readable Dutch lines, in the sector's words; never raises on an odd shape."""
    if not is_answered(value):
        return []
    kind = KINDS[ex.kind]
    try:
        return kind.lines(ex, kind.read(value), words)
    except _SHAPE_ERRORS:
        return [texts.UNREADABLE]


def answer_text(ex: Exercise, value: Any, words: Words = DEFAULT_WORDS) -> str:
    """The answer on one line (for a table cell or an export), or '(niet ingevuld)'."""
    return "; ".join(answer_lines(ex, value, words)) or texts.EMPTY


def answer_picture(ex: Exercise, value: Any, words: Words = DEFAULT_WORDS) -> Markup:
    """The kind's picture of the answer as SVG markup (built and escaped by the kind), or empty."""
    kind = KINDS[ex.kind]
    if kind.picture is None or not is_answered(value):
        return Markup("")
    try:
        return Markup(kind.picture(ex, kind.read(value), words))
    except _SHAPE_ERRORS:
        return Markup("")


def answer_reasons(ex: Exercise, value: Any, words: Words = DEFAULT_WORDS) -> list[str]:
    """The signals this answer gives for a plan van aanpak (a pyramid's verdict, a scan's concerns)."""
    kind = KINDS[ex.kind]
    if kind.reasons is None or not is_answered(value):
        return []
    try:
        return kind.reasons(ex, kind.read(value), words)
    except _SHAPE_ERRORS:
        return []


def answer_html(ex: Exercise, value: Any, words: Words = DEFAULT_WORDS) -> Markup:
    """The answer as an HTML fragment: its lines as a list, then its picture; typed text is escaped."""
    items = Markup("").join(
        Markup("<li>{}</li>").format(line) for line in answer_lines(ex, value, words)
    )
    picture = answer_picture(ex, value, words)
    return (Markup("<ul>{}</ul>").format(items) if items else Markup("")) + (
        Markup('<div class="picture">{}</div>').format(picture) if picture else Markup("")
    )


def compare_rounds(
    ex: Exercise, rounds: list[tuple[str, list[Any]]], words: Words = DEFAULT_WORDS
) -> Comparison | None:
    """The rounds of a measured exercise side by side (None for a kind that cannot compare, or
    with fewer than two rounds that hold an answer). Each round: (its label, its saved values)."""
    kind = KINDS[ex.kind]
    if kind.compare is None:
        return None
    read = [(label, [kind.read(v) for v in values if is_answered(v)]) for label, values in rounds]
    read = [(label, values) for label, values in read if values]
    if len(read) < 2:
        return None
    return kind.compare(ex, read, words)


def comparison_html(comparison: Comparison, caption: str) -> Markup:
    """A comparison as a table (a column per round, the change last) and its sentences."""
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(r) for r in comparison.rounds)
    body = Markup("").join(
        Markup('<tr><th scope="row">{}</th>{}<td>{}</td></tr>').format(
            label, Markup("").join(Markup("<td>{}</td>").format(c) for c in cells), change
        )
        for label, cells, change in comparison.rows
    )
    changes = Markup("").join(Markup("<li>{}</li>").format(c) for c in comparison.changes)
    return Markup(
        '<div class="wb-compare"><table><caption>{}</caption><thead><tr><td></td>{}'
        '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table><ul>{}</ul></div>'
    ).format(caption, head, texts.CHANGE_COLUMN, body, changes)


def summarize(
    ex: Exercise,
    answers: Mapping[str, Any],
    *,
    who: Mapping[str, str] | None = None,
    schools: Mapping[str, str] | None = None,
    words: Words = DEFAULT_WORDS,
) -> RoomView:
    """The room's answers to one exercise for the projector; `who` (code -> name) only to show names."""
    kind = KINDS[ex.kind]
    room = Room(who or {}, schools or {}, words)
    read: dict[str, Any] = {}
    for code, value in answers.items():
        if is_answered(value):
            try:
                read[code] = kind.read(value)
            except _SHAPE_ERRORS:
                continue
    view = kind.summarize(ex, read, room)
    view.update(kind=ex.kind, exercise=ex.id, title=fill(ex.title, words), count=len(read))
    return view


def title_of(ex: Exercise, words: Words = DEFAULT_WORDS) -> str:
    """The exercise's title in the sector's words."""
    return fill(ex.title, words)
