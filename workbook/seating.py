"""Acting on a sociogram: a seating (desk pairs) proposal, its conflicts, and a before/after comparison.

Follows the advice in the seeds: a pupil with externalising behaviour sits next to a prosocial,
socially strong classmate; socially weaker pupils get the central desks; pupils who chose each other
negatively do not share a desk.
"""

from __future__ import annotations

from typing import Any

from workbook.sociogram import POSITIVE, ClassData

EXTERNALISING = "externaliserend"
PROSOCIAL = "prosociaal"


def _ties(data: ClassData) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Unordered pairs with a positive choice, and pairs with a negative choice (either direction)."""
    valence = data.valence()
    pos, neg = set(), set()
    for n in data.nominations:
        (pos if valence.get(n.question) == POSITIVE else neg).add(frozenset((n.source, n.target)))
    return pos, neg


def _strength(analysis: dict[str, Any]) -> dict[str, int]:
    return {r["id"]: r["received_positive"] - r["received_negative"] for r in analysis["pupils"]}


def propose_seating(data: ClassData, analysis: dict[str, Any],
                    marks: dict[str, list[str]]) -> dict[str, Any]:
    """Desks of two, most central first; `notes` explain each choice in Dutch."""
    strength = _strength(analysis)
    pos, neg = _ties(data)
    free = [p.id for p in data.pupils]
    desks: list[list[str]] = []
    notes: list[str] = []

    def take(pid: str, candidates: list[str]) -> str | None:
        for other in candidates:
            if other in free and other != pid and frozenset((pid, other)) not in neg:
                free.remove(other)
                return other
        return None

    externalising = [p for p in free if EXTERNALISING in marks.get(p, [])]
    for pid in externalising:
        if pid not in free:
            continue
        free.remove(pid)
        helpers = sorted((p for p in free if PROSOCIAL in marks.get(p, [])), key=lambda p: -strength[p])
        others = sorted((p for p in free if EXTERNALISING not in marks.get(p, [])), key=lambda p: -strength[p])
        mate = take(pid, helpers) or take(pid, others)
        desks.append([pid] + ([mate] if mate else []))
        if mate:
            notes.append(f"{pid} zit naast {mate}: een sterke klasgenoot helpt bij druk gedrag.")
    for pid in sorted(free, key=lambda p: strength[p]):
        if pid not in free:
            continue
        free.remove(pid)
        friends = [p for p in free if frozenset((pid, p)) in pos]
        mate = take(pid, friends) or take(pid, sorted(free, key=lambda p: -strength[p]))
        desks.append([pid] + ([mate] if mate else []))
    chosen = {r["id"]: r["received_positive"] for r in analysis["pupils"]}
    desks.sort(key=lambda d: min((strength[p], chosen[p]) for p in d))
    if desks:
        notes.append(f"In het midden: {' en '.join(desks[0])}, omdat zij sociaal zwakker staan.")
    return {"desks": desks, "notes": notes}


def seating_conflicts(desks: list[list[str]], data: ClassData) -> list[list[str]]:
    """Pairs at the same desk who chose each other negatively."""
    _pos, neg = _ties(data)
    return [sorted(d) for d in desks if len(d) == 2 and frozenset(d) in neg]


def compare_measurements(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Per pupil (in both measurements): choices received and status before and after; class totals."""
    old = {r["id"]: r for r in before["pupils"]}
    rows = []
    for r in after["pupils"]:
        if r["id"] in old:
            b = old[r["id"]]
            rows.append({"id": r["id"], "received_positive": [b["received_positive"], r["received_positive"]],
                         "received_negative": [b["received_negative"], r["received_negative"]],
                         "status": [b["status"], r["status"]], "isolated": [b["isolated"], r["isolated"]]})
    totals = {key: [len(before["class"][key]), len(after["class"][key])]
              for key in ("mutual_pairs", "isolates", "gave_none")}
    return {"pupils": rows, "class": totals}
