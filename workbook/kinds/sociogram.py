"""The kind 'sociogram': one class (pseudonyms), its choices per question, analysis, picture and seating."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from workbook.kinds import texts
from workbook.kinds.base import COMMON, Exercise, Fields, Kind, Room, RoomView, as_dict, as_list
from workbook.sociogram.text import STATUS_NL
from workbook.words import Words

VERSION = 1


class SociogramPupil(TypedDict):
    id: str  # the pseudonym the teacher typed
    label: str
    present: bool
    marks: NotRequired[list[str]]  # the teacher's marks: externaliserend, prosociaal, zwakker
    x: NotRequired[float]  # position in the drawing, 0-1
    y: NotRequired[float]


class SociogramQuestion(TypedDict):
    id: str
    text: str
    valence: str  # "positive" or "negative"


Nomination = TypedDict("Nomination", {"from": str, "to": str, "question": str})


class Measurement(TypedDict):
    pupils: list[SociogramPupil]
    questions: list[SociogramQuestion]
    nominations: list[Nomination]
    datum: str


class SociogramAnswer(TypedDict):
    pupils: list[SociogramPupil]
    questions: list[SociogramQuestion]
    nominations: list[Nomination]
    seating: NotRequired[list[list[str]]]  # desks of two, most central first
    earlier: NotRequired[list[Measurement]]  # earlier measurements, oldest first


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"questions"})
    return {"questions": f.texts("questions", required=False)}


def clean_extras(value: dict[str, Any]) -> dict[str, Any]:
    """The saved seating and earlier measurements, with anything malformed left out."""
    from workbook.sociogram.io import class_from_dict, class_to_dict

    seating = [
        [p for p in desk if isinstance(p, str)][:2]
        for desk in as_list(value.get("seating"))
        if isinstance(desk, list)
    ]
    earlier = []
    for old in as_list(value.get("earlier")):
        if isinstance(old, dict) and isinstance(old.get("pupils"), list):
            kept = class_to_dict(class_from_dict(old))
            kept["datum"] = str(old.get("datum", ""))[:10]
            earlier.append(kept)
    return {"seating": [d for d in seating if d], "earlier": earlier}


def read(value: Any) -> SociogramAnswer:
    """The class as saved, rebuilt so that anything malformed is left out (positions and marks kept)."""
    from workbook.sociogram.io import class_from_dict, class_to_dict

    raw = as_dict(value)
    data = class_to_dict(class_from_dict(raw))
    old = {p["id"]: p for p in as_list(raw.get("pupils")) if isinstance(p, dict) and "id" in p}
    for p in data["pupils"]:
        before = old.get(p["id"], {})
        for key in ("x", "y"):
            if isinstance(before.get(key), (int, float)) and not isinstance(before.get(key), bool):
                p[key] = float(before[key])
        p["marks"] = [m for m in as_list(before.get("marks")) if isinstance(m, str)]
    return {**data, **clean_extras(raw)}  # type: ignore[typeddict-item]


def _names(ids: list[str]) -> str:
    return ", ".join(ids) or texts.NOBODY


def lines(_ex: Exercise, answer: SociogramAnswer, words: Words) -> list[str]:
    """The class in a few Dutch sentences: size, pairs, who is left out, status and a seating tip."""
    from workbook.sociogram.analysis import MIN_STATUS_SIZE, analyse
    from workbook.sociogram.io import class_from_dict
    from workbook.sociogram.seating import propose_seating

    data = class_from_dict(dict(answer))
    if not data.pupils:
        return []
    result = analyse(data)
    info = result["class"]
    pairs = "; ".join(texts.AND.join(p) for p in info["mutual_pairs"]) or texts.NONE
    rejected = [
        r["id"] for r in result["pupils"] if r["received_negative"] > r["received_positive"]
    ]
    out = [
        texts.SOCIO_CLASS.format(
            n=info["n_pupils"],
            pupils=words[0] if info["n_pupils"] == 1 else words[1],
            present=info["n_present"],
            choices=info["n_nominations"],
        ),
        texts.SOCIO_MUTUAL.format(pairs=pairs),
        texts.SOCIO_ISOLATED.format(names=", ".join(info["isolates"]))
        if info["isolates"]
        else texts.SOCIO_NOBODY_ISOLATED,
        texts.SOCIO_REJECTED.format(names=_names(rejected)),
    ]
    if info["status_shown"]:
        groups = Counter(STATUS_NL[r["status"]] for r in result["pupils"] if r["status"])
        out.append(
            texts.SOCIO_STATUS.format(
                groups=", ".join(f"{n} {name}" for name, n in groups.most_common())
            )
        )
    elif info["n_pupils"] < MIN_STATUS_SIZE:
        out.append(
            texts.SOCIO_NO_STATUS.format(
                reason=f"de klas heeft minder dan {MIN_STATUS_SIZE} {words[1]}."
            )
        )
    else:
        out.append(texts.SOCIO_NO_STATUS.format(reason="er is geen negatieve vraag gesteld."))
    marks = {p["id"]: p.get("marks", []) for p in answer["pupils"]}
    notes = propose_seating(data, result, marks)["notes"]
    if notes:
        out.append(texts.SOCIO_SEATING.format(tip=notes[0]))
    if answer.get("earlier"):
        out.append(texts.SOCIO_EARLIER.format(n=len(answer["earlier"])))
    return out


def picture(_ex: Exercise, answer: SociogramAnswer, words: Words) -> str:
    from workbook.sociogram.svg import sociogram_svg

    return sociogram_svg(dict(answer), pupils=words[1])


def summarize(ex: Exercise, answers: Mapping[str, SociogramAnswer], room: Room) -> RoomView:
    """Each class's verdict side by side; pupils appear only by their pseudonyms."""
    cards = []
    for code, answer in answers.items():
        label = room.schools.get(code, texts.NO_SCHOOL)
        if room.who.get(code):
            label = f"{label} — {room.who[code]}"
        cards.append({"who": label, "svg": "", "lines": lines(ex, answer, room.words)})
    return {
        "type": "pictures",
        "items": sorted((c for c in cards if c["lines"]), key=lambda c: c["who"]),
    }


KIND: Kind[SociogramAnswer] = Kind(
    "sociogram", validate, SociogramAnswer, VERSION, read, lines, summarize, picture
)
