"""The kind 'uitwisseling': a small group (a table, or the participants of one school) answers a
discussion question together.

Each member saves only their own contribution and the group they work in. The group's outcome is
every member's contribution to that exercise, gathered when it is shown: live on each member's page,
side by side per group on the projector, and in each member's report. Because nothing of another
member is copied into an answer, deleting a participant removes their part everywhere.
"""

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
    as_str,
    fill,
    wall,
)
from workbook.words import Words

VERSION = 1
SCHOOL_GROUP = "school:"  # + the school's name
TABLE_GROUP = "tafel:"  # + the table's number


class _Gathered(TypedDict, total=False):
    # Filled in when shown, never saved: every member's contribution, own one included.
    outcome: list[str]


class UitwisselingAnswer(_Gathered):
    version: int
    group: str  # "school:<name>" or "tafel:<n>": who this participant works with
    text: str  # this participant's own contribution to the group's outcome


def validate(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"questions", "tables"})
    return {
        "questions": f.texts("questions", required=False),
        "tables": f.integer("tables", default=10, low=1, high=20),
    }


def read(value: Any) -> UitwisselingAnswer:
    raw = as_dict(value)
    answer = UitwisselingAnswer(
        version=VERSION, group=as_str(raw.get("group")), text=as_str(raw.get("text"))
    )
    if isinstance(raw.get("outcome"), list):
        answer["outcome"] = [t for t in (as_str(x) for x in raw["outcome"]) if t]
    return answer


def school_group(school: str) -> str:
    return SCHOOL_GROUP + school


def table_group(n: int) -> str:
    return f"{TABLE_GROUP}{n}"


def group_label(group: str) -> str:
    """'School: Lyceum Test' or 'Tafel 3', for the page, the projector and the report."""
    if group.startswith(SCHOOL_GROUP):
        return texts.GROUP_SCHOOL.format(school=group[len(SCHOOL_GROUP) :])
    if group.startswith(TABLE_GROUP):
        return texts.GROUP_TABLE.format(n=group[len(TABLE_GROUP) :])
    return texts.GROUP_NONE


def members(group: str, answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(code, contribution) of everyone who saved a contribution in this group, in the given order."""
    if not group:
        return []
    found = []
    for code, value in answers.items():
        answer = read(value)
        if answer["group"] == group and answer["text"]:
            found.append((code, answer["text"]))
    return found


def with_outcome(value: Any, answers: Mapping[str, Any]) -> UitwisselingAnswer:
    """One member's answer with their group's outcome gathered from every answer to the exercise."""
    answer = read(value)
    answer["outcome"] = [text for _code, text in members(answer["group"], answers)]
    return answer


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def lines(ex: Exercise, answer: UitwisselingAnswer, words: Words) -> list[str]:
    """The group and its outcome: every member's contribution, one line each (on the group's line
    when there is one); where the outcome was not gathered, the participant's own contribution."""
    group = group_label(answer["group"])
    outcome = answer.get("outcome")
    if outcome and len(outcome) > 1:
        return [texts.GROUP_OUTCOME.format(group=group), *(_one_line(t) for t in outcome)]
    if outcome or answer["text"]:
        text = outcome[0] if outcome else answer["text"]
        return [texts.GROUP_ONE.format(group=group, text=_one_line(text))]
    return [texts.GROUP_WORKED_IN.format(group=group)]


def summarize(ex: Exercise, answers: Mapping[str, UitwisselingAnswer], room: Room) -> RoomView:
    """Every group's outcome side by side: per group its label and each member's contribution."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, answer in answers.items():
        if answer["text"]:
            groups.setdefault(answer["group"], []).append((code, answer["text"]))
    return {
        "type": "groups",
        "groups": [
            {"label": group_label(group), "items": wall(given, room)["items"]}
            for group, given in sorted(groups.items(), key=lambda g: _group_order(g[0]))
        ],
    }


def _group_order(group: str) -> tuple[int, int, str]:
    """Schools first (by name), then tables by number."""
    if group.startswith(TABLE_GROUP) and group[len(TABLE_GROUP) :].isdigit():
        return (1, int(group[len(TABLE_GROUP) :]), "")
    return (0, 0, group)


def questions(ex: Exercise, words: Words) -> list[str]:
    return [fill(q, words) for q in ex.spec["questions"]]


KIND: Kind[UitwisselingAnswer] = Kind(
    "uitwisseling",
    validate,
    UitwisselingAnswer,
    VERSION,
    read,
    lines,
    summarize,
    gather=with_outcome,
    free_text=True,
)
