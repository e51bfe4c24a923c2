"""The group's results: who is where, and every exercise's answers aggregated per kind (anonymous by default)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from workbook.answer_text import (
    action_items,
    as_number,
    chosen_indices,
    option_texts,
    placements,
    row_scores,
    scale_rows,
)
from workbook.catalog import Exercise, get_module, list_exercises
from workbook.config import Config
from workbook.session import module_progress
from workbook.store import AnswerStore, Participant

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


def participant_progress(snap: Snapshot, modules: list[str]) -> list[dict[str, Any]]:
    """Per participant: code, name, school and (done, total) per module."""
    rows = []
    for p in snap.participants:
        mine = snap.by_participant(p.code)
        rows.append({"code": p.code, "name": p.name, "school": p.school or NO_SCHOOL,
                     "modules": {m: module_progress(mine, m) for m in modules}})
    return rows


def school_progress(snap: Snapshot, modules: list[str]) -> dict[str, dict[str, Any]]:
    """Per school: number of participants and the share of exercises done per module (0..1)."""
    out: dict[str, dict[str, Any]] = {}
    for row in participant_progress(snap, modules):
        school = out.setdefault(row["school"], {"participants": 0, "done": Counter(), "total": Counter()})
        school["participants"] += 1
        for m, (done, total) in row["modules"].items():
            school["done"][m] += done
            school["total"][m] += total
    return {
        name: {"participants": s["participants"],
               "modules": {m: (s["done"][m] / s["total"][m] if s["total"][m] else 0.0) for m in modules}}
        for name, s in sorted(out.items())
    }


# -- results per exercise ---------------------------------------------------------------------


def _bars(labels_: list[str], counts: Counter) -> list[tuple[str, int]]:
    return [(label, counts.get(i, 0)) for i, label in enumerate(labels_)]


def _summary_choice(ex: Exercise, answers: dict[str, Any]) -> dict[str, Any]:
    texts = option_texts(ex)
    counts: Counter = Counter(i for v in answers.values() for i in chosen_indices(v, texts))
    out: dict[str, Any] = {"type": "bars", "rows": [{"label": "", "bars": _bars(texts, counts)}]}
    if ex.kind == "meerkeuze":
        right = {i for i, o in enumerate(ex.spec["options"]) if o["correct"]}
        given = [set(chosen_indices(v, texts)) for v in answers.values()]
        given = [g for g in given if g]
        wrong = Counter(i for g in given for i in g - right)
        out.update(type="quiz", answered=len(given), correct=sum(g == right for g in given),
                   mistakes=[(texts[i], n) for i, n in wrong.most_common(3) if 0 <= i < len(texts)])
    return out


def _summary_scale(ex: Exercise, answers: dict[str, Any]) -> dict[str, Any]:
    points = ex.spec.get("points") or [str(n) for n in range(1, 11)]
    rows = []
    for r, label in enumerate(scale_rows(ex)):
        counts: Counter = Counter()
        for v in answers.values():
            score = row_scores(ex, v)[r]
            if score is not None:
                counts[score - 1] += 1
        rows.append({"label": label, "bars": _bars(points, counts)})
    return {"type": "bars", "rows": rows}


def _summary_thermometer(_ex: Exercise, answers: dict[str, Any]) -> dict[str, Any]:
    marks = [m for m in (as_number(v) for v in answers.values()) if m is not None]
    counts: Counter = Counter(int(round(m)) - 1 for m in marks)
    out: dict[str, Any] = {"type": "bars",
                           "rows": [{"label": "", "bars": _bars([str(n) for n in range(1, 11)], counts)}]}
    if marks:
        out["average"] = round(sum(marks) / len(marks), 1)
    return out


def _summary_checklist(ex: Exercise, answers: dict[str, Any]) -> dict[str, Any]:
    items = ex.spec["items"]
    counts: Counter = Counter()
    for v in answers.values():
        for item in v.get("checked", []) if isinstance(v, dict) else []:
            if item in items:
                counts[items.index(item)] += 1
    return {"type": "bars", "rows": [{"label": "", "bars": _bars(items, counts)}]}


def _summary_ranking(ex: Exercise, answers: dict[str, Any]) -> dict[str, Any]:
    items = ex.spec["items"]
    orders = [v.get("order", []) for v in answers.values() if isinstance(v, dict) and v.get("order")]
    if not ex.spec.get("ordered"):
        places = {item: [o.index(item) + 1 for o in orders if item in o] for item in items}
        ranked = sorted(items, key=lambda i: sum(places[i]) / len(places[i]) if places[i] else 99)
        return {"type": "ranking", "items": [(i, round(sum(places[i]) / len(places[i]), 1)
                                              if places[i] else None) for i in ranked]}
    misplaced: Counter = Counter(item for o in orders for pos, item in enumerate(o)
                                 if pos >= len(items) or items[pos] != item)
    return {"type": "quiz", "answered": len(orders), "correct": sum(o == items for o in orders),
            "mistakes": [(f"{item} (verkeerde plek)", n) for item, n in misplaced.most_common(3)]}


def _summary_indelen(ex: Exercise, answers: dict[str, Any]) -> dict[str, Any]:
    cats = ex.spec["categories"]
    given = [placements(ex, v) for v in answers.values()]
    given = [g for g in given if g]
    if not ex.spec.get("checkable"):
        rows = [{"label": item["text"], "bars": _bars(cats, Counter(
            cats.index(g[item["text"]]) for g in given if g.get(item["text"]) in cats))}
            for item in ex.spec["items"]]
        return {"type": "bars", "rows": rows}
    key = {i["text"]: i["category"] for i in ex.spec["items"]}
    wrong: Counter = Counter((item, cat) for g in given for item, cat in g.items()
                             if item in key and key[item] != cat)
    return {"type": "quiz", "answered": len(given),
            "correct": sum(all(g.get(i) == c for i, c in key.items()) for g in given),
            "mistakes": [(f"{item} → {cat}", n) for (item, cat), n in wrong.most_common(3)]}


def _summary_texts(ex: Exercise, answers: dict[str, Any], who: dict[str, str]) -> dict[str, Any]:
    from workbook.answer_text import answer_lines

    items = []
    for code, v in answers.items():
        lines = ([a["text"] + (f" ({a['when']})" if a["when"] else "") for a in action_items(v)]
                 if ex.kind == "actiepunten" else answer_lines(ex, v))
        for text in ([" ".join(lines)] if ex.kind == "open" else lines):
            if text.strip():
                items.append({"who": who.get(code), "text": text.strip()})
    return {"type": "wall", "items": items}


def _summary_pyramid(_ex: Exercise, answers: dict[str, Any], who: dict[str, str],
                     schools: dict[str, str]) -> dict[str, Any]:
    items = []
    for code, v in answers.items():
        label = (v.get("school") if isinstance(v, dict) else None) or schools.get(code, NO_SCHOOL)
        if who.get(code):
            label = f"{label} — {who[code]}"
        items.append({"who": label, "value": v})
    return {"type": "pyramids", "items": sorted(items, key=lambda i: i["who"])}


SIMPLE = {
    "meerkeuze": _summary_choice, "keuze": _summary_choice, "schaal": _summary_scale,
    "schijf": _summary_scale, "thermometer": _summary_thermometer, "checklist": _summary_checklist,
    "rangschikken": _summary_ranking, "indelen": _summary_indelen,
}


def summarize(ex: Exercise, answers: dict[str, Any], *, who: dict[str, str] | None = None,
              schools: dict[str, str] | None = None) -> dict[str, Any]:
    """The aggregated answers to one exercise. `who` maps code -> name to show; leave it out to stay anonymous."""
    who = who or {}
    answers = {c: v for c, v in answers.items() if v not in (None, "", [], {})}
    if ex.kind in SIMPLE:
        out = SIMPLE[ex.kind](ex, answers)
    elif ex.kind == "piramide":
        out = _summary_pyramid(ex, answers, who, schools or {})
    elif ex.kind in ("open", "actiepunten", "tabel"):
        out = _summary_texts(ex, answers, who)
    else:
        out = {"type": "count"}
    out.update(kind=ex.kind, exercise=ex.id, title=ex.title, count=len(answers))
    return out


def summarize_module(snap: Snapshot, module_id: str, *, with_names: bool = False) -> list[dict[str, Any]]:
    """Summaries of every exercise of one module, in page order of the catalog."""
    who = display_names(snap.participants, True) if with_names else {}
    schools = {p.code: p.school or NO_SCHOOL for p in snap.participants}
    return [summarize(ex, snap.answers.get(ex.id, {}), who=who, schools=schools)
            for ex in list_exercises(module_id)]


def offered_titles(config: Config) -> dict[str, str]:
    """module id -> title for the modules this scholengroep offers."""
    return {m: get_module(m).title for m in config.offered_modules()}
