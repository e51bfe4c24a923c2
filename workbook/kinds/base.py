"""What every exercise kind is made of: its spec reader, its Answer, and its renderings.

A kind is one module in this package that ends with ``KIND = Kind(...)``. It holds everything that
knows that kind: the spec validation, the saved value (a TypedDict, with a version), the plain-text
and HTML rendering of one answer, the summary of a room's answers (drawn by widgets/trainer), the
picture where the kind has one, and the signals for a plan van aanpak where it gives them. Every
output (page, projector, report, export) goes through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, get_type_hints

from workbook.errors import ContentError
from workbook.words import DEFAULT_WORDS, Words, fill_words

SCHEMA_VERSION = 1
COMMON = {"schema", "kind", "title", "prompt", "help", "source", "sectors", "meting"}
EMPTY_VALUES: tuple[Any, ...] = (None, "", [], {})

A = TypeVar("A")
RoomView = dict[
    str, Any
]  # {"type": "bars" | "quiz" | "wall" | ..., ...}: drawn by widgets/trainer/views.py


@dataclass(frozen=True)
class Exercise:
    """One exercise: an id 'module/slug' that is also its file name and its store key."""

    id: str
    module: str
    kind: str
    title: str
    prompt: str
    help: str
    spec: dict[str, Any]
    path: Path
    source: str = (
        ""  # a short source line ("Bron: ..."), shown under the exercise and in the report
    )
    sectors: tuple[str, ...] = ()  # the sectors that see this exercise; empty: every sector
    measured: bool = False  # 'meting: true': filled in again at later meetings, each day's kept

    def shown_to(self, sector: str | None) -> bool:
        """True when a page for this sector shows the exercise (no sector: always)."""
        return not self.sectors or sector is None or sector in self.sectors


@dataclass(frozen=True)
class Comparison:
    """Rounds of a measurement side by side: a row per statement or layer, a column per round, the
    change from the first round to the last, and what changed in a few sentences."""

    rounds: list[str]
    rows: list[tuple[str, list[str], str]]  # (label, a cell per round, the change)
    changes: list[str]


def dutch_number(value: float) -> str:
    """1.5 -> '1,5'; 2.0 -> '2'."""
    return f"{round(value, 1):g}".replace(".", ",").replace("-", "−")


@dataclass(frozen=True)
class Room:
    """Who is in the room, as the trainer may see them: `who` maps code -> name (empty: anonymous)."""

    who: Mapping[str, str] = field(default_factory=dict)
    schools: Mapping[str, str] = field(default_factory=dict)
    words: Words = DEFAULT_WORDS


class Fields:
    """Reads fields of one YAML mapping and explains in Dutch what is wrong, naming file and field."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, field: str, problem: str, fix: str) -> ContentError:
        return ContentError(f"{self.where}: veld '{field}' {problem}. {fix}")

    def text(self, field: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(field)
        if value is None:
            if required:
                raise self.fail(field, "ontbreekt", f'Voeg een tekst toe: {field}: "...".')
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "moet een niet-lege tekst zijn", f'Schrijf: {field}: "...".')
        return value.strip()

    def integer(self, field: str, *, default: int, low: int, high: int) -> int:
        value = self.data.get(field, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(
                field, f"is {value!r}", f"Gebruik een heel getal van {low} tot en met {high}."
            )
        return value

    def flag(self, field: str, *, default: bool) -> bool:
        value = self.data.get(field, default)
        if not isinstance(value, bool):
            raise self.fail(field, f"is {value!r}", "Gebruik true of false.")
        return value

    def texts(self, field: str, *, minimum: int = 1, required: bool = True) -> list[str]:
        value = self.data.get(field)
        if value is None and not required:
            return []
        if not isinstance(value, list) or len(value) < minimum:
            raise self.fail(
                field,
                "ontbreekt of is te kort"
                if value is None or isinstance(value, list)
                else "is geen lijst",
                f"Geef een lijst met minstens {minimum} teksten, elk op een regel met '- '.",
            )
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(
                    f"{field}[{i}]", "is geen tekst", "Schrijf elk onderdeel als tekst na '- '."
                )
        if len({v.strip() for v in value}) != len(value):
            raise self.fail(
                field, "bevat een onderdeel twee keer", "Haal het dubbele onderdeel weg."
            )
        return [v.strip() for v in value]

    def mappings(self, field: str, *, minimum: int = 1) -> list[Fields]:
        value = self.data.get(field)
        if not isinstance(value, list) or len(value) < minimum:
            raise self.fail(
                field,
                "ontbreekt of is te kort",
                f"Geef een lijst met minstens {minimum} onderdelen, elk met '- text: ...'.",
            )
        out = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                raise self.fail(
                    f"{field}[{i}]", "is geen onderdeel met velden", "Schrijf '- text: ...'."
                )
            out.append(Fields(item, f"{self.where}: {field}[{i}]"))
        return out

    def only(self, allowed: set[str]) -> None:
        extra = sorted(set(self.data) - allowed)
        if extra:
            raise self.fail(
                extra[0],
                "is onbekend",
                "Toegestane velden zijn: " + ", ".join(sorted(allowed)) + ".",
            )


@dataclass(frozen=True)
class Kind(Generic[A]):
    """One exercise kind. `read` turns any saved value into the Answer (tolerating older shapes)."""

    name: str
    validate: Callable[[Fields], dict[str, Any]]
    answer: type  # the TypedDict (or type) the widget saves
    version: int
    read: Callable[[Any], A]
    lines: Callable[[Exercise, A, Words], list[str]]
    summarize: Callable[[Exercise, Mapping[str, A], Room], RoomView]
    picture: Callable[[Exercise, A, Words], str] | None = None
    # The signals an answer gives for a plan van aanpak ("Omgekeerde piramide: zak in de piramide"),
    # offered as the 'why' of an action point; only kinds that measure something have them.
    reasons: Callable[[Exercise, A, Words], list[str]] | None = None
    # A group exercise shows what the whole group wrote: gather(own value, the answers of the
    # group's members, by code) gives the value to render, for the page's report and the CLI's.
    gather: Callable[[Any, Mapping[str, Any]], A] | None = None
    # Participants type free text that the room sees (a wall): the trainer may hold it for approval.
    free_text: bool = False
    # A kind that can be measured again ('meting: true') compares its rounds: compare(exercise,
    # [(round's label, the answers of that round)], words) gives the table shown side by side on
    # the page, on the trainer's page and in the school's report, with what changed.
    compare: Callable[[Exercise, Sequence[tuple[str, Sequence[A]]], Words], Comparison] | None = (
        None
    )

    def conforms(self, value: Any) -> bool:
        """True when a saved value has exactly the declared shape: only known keys, all required ones."""
        if not isinstance(self.answer, type) or not hasattr(self.answer, "__required_keys__"):
            return isinstance(value, self.answer)
        if not isinstance(value, dict):
            return False
        known = set(get_type_hints(self.answer))
        return set(value) <= known and set(self.answer.__required_keys__) <= set(value)


def fill(ex_text: str, words: Words) -> str:
    """An author's text with the sector's words for {leerling}, {leerlingen}, {leraar} and {leraren}."""
    return fill_words(ex_text, words)


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def as_str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def bars(labels: list[str], counts: Mapping[int, int]) -> list[tuple[str, int]]:
    """(label, count) per option, in option order."""
    return [(label, counts.get(i, 0)) for i, label in enumerate(labels)]


def wall(items: list[tuple[str, str]], room: Room) -> RoomView:
    """An anonymous wall of texts: (code, text) pairs; names only when the room shows them.

    Each item keeps its code so that the trainer can hide that one answer; views never show it."""
    return {
        "type": "wall",
        "items": [
            {"who": room.who.get(code), "text": text, "code": code}
            for code, text in items
            if text.strip()
        ],
    }
