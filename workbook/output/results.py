"""The group's results: who is where, and every exercise's room view (anonymous by default)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from workbook.config import Config
from workbook.content.catalog import Exercise, get_module, list_exercises, module_progress
from workbook.kinds import RoomView, summarize
from workbook.store import AnswerStore, Participant
from workbook.words import DEFAULT_WORDS, Words

NO_SCHOOL = "(geen school)"


@dataclass
class Snapshot:
    """Everything the trainer sees, read in two queries: participants and all their answers."""

    participants: list[Participant]
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # exercise -> code -> value

    def by_participant(self, code: str) -> dict[str, Any]:
        return {ex: per[code] for ex, per in self.answers.items() if code in per}

    @property
    def total(self) -> int:
        return sum(len(per) for per in self.answers.values())


def take_snapshot(store: AnswerStore, scholengroep: str) -> Snapshot:
    """Read the scholengroep's participants and answers (answers of deleted participants are left out)."""
    participants = store.list_participants(scholengroep)
    known = {p.code for p in participants}
    answers: dict[str, dict[str, Any]] = {}
    for code, exercise, value, _stamp in store.all_answers(scholengroep):
        if code in known:
            answers.setdefault(exercise, {})[code] = value
    return Snapshot(participants, answers)


def display_names(participants: list[Participant], with_names: bool = False) -> dict[str, str]:
    """code -> what the trainer sees: 'Deelnemer 1..n' in order of joining, or the names."""
    if with_names:
        return {p.code: p.name or f"Deelnemer {n}" for n, p in enumerate(participants, start=1)}
    return {p.code: f"Deelnemer {n}" for n, p in enumerate(participants, start=1)}


# -- who is where -------------------------------------------------------------------------------


def participant_progress(
    snap: Snapshot, modules: list[str], sector: str | None = None
) -> list[dict[str, Any]]:
    """Per participant: code, name, school and (done, total) per module (as the sector's pages show it)."""
    rows = []
    for p in snap.participants:
        mine = snap.by_participant(p.code)
        rows.append(
            {
                "code": p.code,
                "name": p.name,
                "school": p.school or NO_SCHOOL,
                "modules": {m: module_progress(mine, m, sector) for m in modules},
            }
        )
    return rows


def school_progress(
    snap: Snapshot, modules: list[str], sector: str | None = None
) -> dict[str, dict[str, Any]]:
    """Per school: number of participants and the share of exercises done per module (0..1)."""
    out: dict[str, dict[str, Any]] = {}
    for row in participant_progress(snap, modules, sector):
        school = out.setdefault(
            row["school"], {"participants": 0, "done": Counter(), "total": Counter()}
        )
        school["participants"] += 1
        for m, (done, total) in row["modules"].items():
            school["done"][m] += done
            school["total"][m] += total
    return {
        name: {
            "participants": s["participants"],
            "modules": {
                m: (s["done"][m] / s["total"][m] if s["total"][m] else 0.0) for m in modules
            },
        }
        for name, s in sorted(out.items())
    }


# -- results per exercise ---------------------------------------------------------------------


def summarize_exercise(
    snap: Snapshot, ex: Exercise, *, with_names: bool = False, words: Words = DEFAULT_WORDS
) -> RoomView:
    """The room view of one exercise: anonymous, unless with_names."""
    who = display_names(snap.participants, True) if with_names else {}
    schools = {p.code: p.school or NO_SCHOOL for p in snap.participants}
    return summarize(ex, snap.answers.get(ex.id, {}), who=who, schools=schools, words=words)


def summarize_module(
    snap: Snapshot, module_id: str, *, with_names: bool = False, words: Words = DEFAULT_WORDS
) -> list[RoomView]:
    """Room views of every exercise of one module, in the catalog's order."""
    return [
        summarize_exercise(snap, ex, with_names=with_names, words=words)
        for ex in list_exercises(module_id)
    ]


def offered_titles(config: Config) -> dict[str, str]:
    """module id -> title for the modules this scholengroep offers."""
    return {m: get_module(m).title for m in config.offered_modules()}
