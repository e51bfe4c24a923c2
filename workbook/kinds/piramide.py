"""The kind 'piramide': a team's ondersteuningspiramide, its analysis and its picture."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NotRequired, TypedDict

from workbook.errors import WorkbookError
from workbook.kinds import texts
from workbook.kinds.base import (
    COMMON,
    Comparison,
    Exercise,
    Fields,
    Kind,
    Room,
    RoomView,
    dutch_number,
    fill,
)
from workbook.pyramid import (
    LAYER_NAMES,
    PYRAMID_LAYERS,
    analyse_pyramid,
    empty_pyramid,
    pyramid_svg,
    validate_pyramid,
)
from workbook.words import Words

VERSION = 1


class PyramidItem(TypedDict):
    name: str
    hours_per_week: float
    reach_pct: NotRequired[float]  # share of the pupils it reaches, 0-100


class PiramideAnswer(TypedDict):
    """The pyramid file format (README 'Het piramidebestand'): the widget saves exactly this."""

    school: str
    layers: dict[str, list[PyramidItem]]  # foundation, base, extra, intensive


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"layers"})
    layers = f.texts("layers", required=False) or list(PYRAMID_LAYERS)
    for layer in layers:
        if layer not in PYRAMID_LAYERS:
            raise f.fail(
                "layers", f"noemt {layer!r}", "Kies uit: " + ", ".join(PYRAMID_LAYERS) + "."
            )
    return {"layers": layers}


def read(value: Any) -> PiramideAnswer:
    try:
        return validate_pyramid(value)  # type: ignore[return-value]
    except WorkbookError:
        return empty_pyramid()  # type: ignore[return-value]


def _item(item: PyramidItem, words: Words) -> str:
    facts = []
    if item["hours_per_week"]:
        facts.append(texts.HOURS.format(hours=f"{item['hours_per_week']:g}".replace(".", ",")))
    if "reach_pct" in item:
        facts.append(
            texts.REACH.format(reach=f"{item['reach_pct']:g}".replace(".", ","), pupils=words[1])
        )
    return item["name"] + (f" ({', '.join(facts)})" if facts else "")


def verdict(ex: Exercise, answer: PiramideAnswer, words: Words) -> list[str]:
    """The analysis in Dutch: the verdict and the signals, for the exercise's own layers."""
    analysis = analyse_pyramid(dict(answer), words[1], ex.spec["layers"])
    return [s for s in [analysis.verdict, *analysis.signals] if s]


def reasons(ex: Exercise, answer: PiramideAnswer, words: Words) -> list[str]:
    """The pyramid's signals in a few words, to offer as the 'why' of an action point."""
    a = analyse_pyramid(dict(answer), words[1], ex.spec["layers"])
    if a.empty:
        return []
    layers = ex.spec["layers"]
    found = [
        (a.inverted, texts.REASON_INVERTED),
        (a.top_heavy and not a.inverted, texts.REASON_TOP_HEAVY),
        (a.empty_foundation, texts.REASON_NO_FOUNDATION),
        ("base" in layers and a.layers["base"].count == 0, texts.REASON_NO_BASE),
        ("base" in layers and a.layers["base"].compared == "onder", texts.REASON_BASE_REACH),
        ("extra" in layers and a.layers["extra"].compared == "boven", texts.REASON_EXTRA_REACH),
        (
            "intensive" in layers and a.layers["intensive"].compared == "boven",
            texts.REASON_INTENSIVE_REACH,
        ),
    ]
    out = [fill(text, words) for shown, text in found if shown]
    return out or ([texts.REASON_SOLID] if a.verdict.startswith("Stevige basis") else [])


def lines(ex: Exercise, answer: PiramideAnswer, words: Words) -> list[str]:
    out = [texts.SCHOOL.format(school=answer["school"])] if answer["school"] else []
    for layer in reversed(ex.spec["layers"]):  # top of the pyramid first, as it is drawn
        items = answer["layers"].get(layer, [])
        out.append(
            f"{LAYER_NAMES[layer]}: "
            + ("; ".join(_item(i, words) for i in items) or texts.LAYER_EMPTY)
        )
    if any(answer["layers"].get(layer) for layer in ex.spec["layers"]):
        out += verdict(ex, answer, words)
    return out


def picture(ex: Exercise, answer: PiramideAnswer, words: Words) -> str:
    return pyramid_svg(dict(answer), analyse_pyramid(dict(answer), words[1], ex.spec["layers"]))


def summarize(ex: Exercise, answers: Mapping[str, PiramideAnswer], room: Room) -> RoomView:
    """Each school's pyramid side by side, with its picture and verdict."""
    cards = []
    for code, answer in answers.items():
        label = answer["school"] or room.schools.get(code, texts.NO_SCHOOL)
        if room.who.get(code):
            label = f"{label} — {room.who[code]}"
        cards.append(
            {
                "who": label,
                "svg": picture(ex, answer, room.words),
                "lines": verdict(ex, answer, room.words),
            }
        )
    return {"type": "pictures", "items": sorted(cards, key=lambda c: c["who"])}


def compare(
    ex: Exercise, rounds: Sequence[tuple[str, Sequence[PiramideAnswer]]], words: Words
) -> Comparison:
    """Per layer (top first) its activities and hours in each round, then the verdict; a round
    with several pyramids shows its last one (a school's shared pyramid is one per round)."""
    shown = [(label, answers[-1]) for label, answers in rounds if answers]
    analyses = [analyse_pyramid(dict(a), words[1], ex.spec["layers"]) for _l, a in shown]
    rows, changes = [], []
    for layer in reversed(ex.spec["layers"]):
        cells = []
        for a in analyses:
            count = a.layers[layer].count
            one, more = texts.PYRAMID_ITEMS
            items = (one if count == 1 else more).format(n=count)
            cells.append(
                texts.PYRAMID_LAYER_CELL.format(
                    items=items, hours=dutch_number(a.layers[layer].hours)
                )
            )
        change = texts.CHANGE_UNKNOWN
        if len(analyses) >= 2:
            before, after = analyses[0].layers[layer].hours, analyses[-1].layers[layer].hours
            diff = after - before
            change = f"{'+' if diff > 0 else ''}{dutch_number(diff)} uur"
            if diff:
                changes.append(
                    texts.PYRAMID_HOURS_CHANGED.format(
                        layer=LAYER_NAMES[layer],
                        before=dutch_number(before),
                        after=dutch_number(after),
                    )
                )
        rows.append((LAYER_NAMES[layer], cells, change))
    verdicts = [a.verdict for a in analyses]
    rows.append((texts.PYRAMID_VERDICT_ROW, verdicts, texts.CHANGE_UNKNOWN))
    if len(verdicts) >= 2:
        head = (
            texts.PYRAMID_VERDICT_CHANGED.format(before=verdicts[0], after=verdicts[-1])
            if verdicts[0] != verdicts[-1]
            else texts.PYRAMID_VERDICT_SAME.format(verdict=verdicts[-1])
        )
        changes.insert(0, head)
    return Comparison([label for label, _a in shown], rows, changes)


KIND: Kind[PiramideAnswer] = Kind(
    "piramide",
    validate,
    PiramideAnswer,
    VERSION,
    read,
    lines,
    summarize,
    picture,
    reasons,
    compare=compare,
)
