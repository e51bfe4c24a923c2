"""The kind 'meerkeuze': a quiz question with feedback per option, one or several right answers."""

from __future__ import annotations

from collections import Counter
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
    as_int,
    as_list,
    bars,
    fill,
)
from workbook.words import Words

VERSION = 1


class MeerkeuzeAnswer(TypedDict):
    chosen: list[int]  # option numbers (0-based, in file order)
    checked: bool  # the participant pressed "Controleer" after choosing


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"options"})
    options = []
    for opt in f.mappings("options", minimum=2):
        opt.only({"text", "correct", "feedback"})
        options.append(
            {
                "text": opt.text("text"),
                "correct": opt.flag("correct", default=False),
                "feedback": opt.text("feedback", required=False),
            }
        )
    if not any(o["correct"] for o in options):
        raise f.fail(
            "options", "heeft geen goed antwoord", "Zet bij minstens één antwoord correct: true."
        )
    if len({o["text"] for o in options}) != len(options):
        raise f.fail("options", "bevat een antwoord twee keer", "Maak elk antwoord uniek.")
    return {"options": options, "multiple": sum(bool(o["correct"]) for o in options) > 1}


def read(value: Any) -> MeerkeuzeAnswer:
    raw = as_dict(value)
    chosen = [i for i in (as_int(c) for c in as_list(raw.get("chosen"))) if i is not None]
    return MeerkeuzeAnswer(chosen=chosen, checked=raw.get("checked") is True)


def right_answers(ex: Exercise) -> set[int]:
    return {i for i, o in enumerate(ex.spec["options"]) if o["correct"]}


def lines(ex: Exercise, answer: MeerkeuzeAnswer, words: Words) -> list[str]:
    options = [fill(o["text"], words) for o in ex.spec["options"]]
    chosen = [i for i in answer["chosen"] if 0 <= i < len(options)]
    out = [texts.CHOSEN.format(choice=options[i]) for i in chosen]
    if chosen and answer["checked"]:
        right = right_answers(ex)
        if set(chosen) == right:
            out.append(texts.RIGHT.capitalize() + ".")
        else:
            verdict = texts.PARTLY if set(chosen) & right else texts.WRONG
            answer_text = texts.AND.join(options[i] for i in sorted(right))
            out.append(f"{verdict.capitalize()}. " + texts.RIGHT_ANSWER.format(answer=answer_text))
    return out


def summarize(ex: Exercise, answers: Mapping[str, MeerkeuzeAnswer], room: Room) -> RoomView:
    options = [fill(o["text"], room.words) for o in ex.spec["options"]]
    given = [set(a["chosen"]) for a in answers.values() if a["chosen"]]
    right = right_answers(ex)
    counts = Counter(i for g in given for i in g)
    wrong = Counter(i for g in given for i in g - right)
    return {
        "type": "quiz",
        "answered": len(given),
        "correct": sum(g == right for g in given),
        "mistakes": [(options[i], n) for i, n in wrong.most_common(3) if 0 <= i < len(options)],
        "rows": [{"label": "", "bars": bars(options, counts)}],
    }


KIND: Kind[MeerkeuzeAnswer] = Kind(
    "meerkeuze", validate, MeerkeuzeAnswer, VERSION, read, lines, summarize
)
