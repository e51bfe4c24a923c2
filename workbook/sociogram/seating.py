"""Acting on a sociogram: a seating (desk pairs) proposal, its conflicts, a before/after comparison.

Follows the advice in the seeds: a pupil with externalising behaviour sits next to a prosocial,
socially strong classmate; socially weaker pupils get the central desks; pupils who chose each other
negatively do not share a desk. Desks are listed most central first; `desk_slots` places them.
"""

from __future__ import annotations

import math
from typing import Any

from workbook.sociogram.analysis import POSITIVE, ClassData
from workbook.sociogram.text import STATUS_NL

EXTERNALISING = "externaliserend"
PROSOCIAL = "prosociaal"
WEAKER = "sociaal zwakker"
MARKS = (EXTERNALISING, PROSOCIAL, WEAKER)


def _ties(data: ClassData) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Unordered pairs with a positive choice, and pairs with a negative choice (any direction)."""
    valence = data.valence()
    pos: set[frozenset[str]] = set()
    neg: set[frozenset[str]] = set()
    for n in data.nominations:
        (pos if valence.get(n.question) == POSITIVE else neg).add(frozenset((n.source, n.target)))
    return pos, neg


def _strength(analysis: dict[str, Any]) -> dict[str, int]:
    return {r["id"]: r["received_positive"] - r["received_negative"] for r in analysis["pupils"]}


def propose_seating(
    data: ClassData, analysis: dict[str, Any], marks: dict[str, list[str]]
) -> dict[str, Any]:
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
        helpers = sorted(
            (p for p in free if PROSOCIAL in marks.get(p, [])), key=lambda p: -strength[p]
        )
        others = sorted(
            (p for p in free if EXTERNALISING not in marks.get(p, [])), key=lambda p: -strength[p]
        )
        mate = take(pid, helpers) or take(pid, others)
        desks.append([pid] + ([mate] if mate else []))
        if mate:
            notes.append(f"{pid} zit naast {mate}: een sterke klasgenoot helpt bij druk gedrag.")
    for pid in sorted(free, key=lambda p: (WEAKER not in marks.get(p, []), strength[p])):
        if pid not in free:
            continue
        free.remove(pid)
        friends = [p for p in free if frozenset((pid, p)) in pos]
        mate = take(pid, friends) or take(pid, sorted(free, key=lambda p: -strength[p]))
        desks.append([pid] + ([mate] if mate else []))
    chosen = {r["id"]: r["received_positive"] for r in analysis["pupils"]}
    desks.sort(
        key=lambda d: min((WEAKER not in marks.get(p, []), strength[p], chosen[p]) for p in d)
    )
    if desks:
        notes.append(f"In het midden: {' en '.join(desks[0])}, omdat zij sociaal zwakker staan.")
    return {"desks": desks, "notes": notes}


def seating_conflicts(desks: list[list[str]], data: ClassData) -> list[list[str]]:
    """Pairs at the same desk who chose each other negatively."""
    _pos, neg = _ties(data)
    return [sorted(d) for d in desks if len(d) == 2 and frozenset(d) in neg]


def compare_measurements(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Per pupil in both measurements: choices received and status, before and after; totals."""
    old = {r["id"]: r for r in before["pupils"]}
    rows = []
    for r in after["pupils"]:
        if r["id"] in old:
            b = old[r["id"]]
            rows.append(
                {
                    "id": r["id"],
                    "received_positive": [b["received_positive"], r["received_positive"]],
                    "received_negative": [b["received_negative"], r["received_negative"]],
                    "status": [b["status"], r["status"]],
                    "isolated": [b["isolated"], r["isolated"]],
                }
            )
    totals = {
        key: [len(before["class"][key]), len(after["class"][key])]
        for key in ("mutual_pairs", "isolates", "gave_none")
    }
    return {"pupils": rows, "class": totals}


# -- the classroom grid and the teacher's adjustments ---------------------------------------------


def _slots_by_distance(n_desks: int, columns: int = 0) -> list[tuple[float, tuple[int, int]]]:
    columns = columns or (3 if n_desks <= 9 else 4)
    rows = math.ceil(n_desks / columns)
    mid_r, mid_c = (rows - 1) / 2, (columns - 1) / 2
    slots = [(r, c) for r in range(rows) for c in range(columns)]
    ranked = sorted((math.hypot(r - mid_r, (c - mid_c) * 1.2), (r, c)) for r, c in slots)
    return ranked[:n_desks]


def desk_slots(n_desks: int, columns: int = 0) -> list[tuple[int, int]]:
    """(row, column) per desk, the most central slot first; row 0 is at the board."""
    if n_desks <= 0:
        return []
    return [slot for _d, slot in _slots_by_distance(n_desks, columns)]


def central_count(n_desks: int, columns: int = 0) -> int:
    """How many desks (from the front of the list) stand in the middle of the room."""
    if n_desks <= 0:
        return 0
    ranked = _slots_by_distance(n_desks, columns)
    return sum(1 for d, _slot in ranked if d <= ranked[0][0] + 1e-9)


def fit_seating(desks: list[list[str]], ids: list[str]) -> list[list[str]]:
    """Keep an arrangement valid: drop pupils who left, seat new ones on free seats or new desks."""
    known = set(ids)
    seen: set[str] = set()
    fitted: list[list[str]] = []
    for desk in desks:
        kept = [p for p in desk if p in known and p not in seen][:2]
        seen.update(kept)
        if kept:
            fitted.append(kept)
    for pid in (p for p in ids if p not in seen):
        single = next((d for d in fitted if len(d) == 1), None)
        if single is not None:
            single.append(pid)
        else:
            fitted.append([pid])
    return fitted


def swap_pupils(desks: list[list[str]], a: str, b: str) -> list[list[str]]:
    """A copy of the arrangement with the seats of pupils a and b exchanged."""
    swap = {a: b, b: a}
    return [[swap.get(p, p) for p in desk] for desk in desks]


def _weaker(pid: str, row: dict[str, Any], marks: dict[str, list[str]], any_choices: bool) -> bool:
    if WEAKER in marks.get(pid, []):
        return True
    return any_choices and (row["isolated"] or row["received_negative"] > row["received_positive"])


def desk_reasons(
    desks: list[list[str]], data: ClassData, analysis: dict[str, Any], marks: dict[str, list[str]]
) -> list[str]:
    """Per desk, in plain Dutch: why these pupils sit together, or a warning if they should not."""
    pos, neg = _ties(data)
    valence = data.valence()
    given = {(n.source, n.target) for n in data.nominations if valence.get(n.question) == POSITIVE}
    rows = {r["id"]: r for r in analysis["pupils"]}
    strength = _strength(analysis)
    any_choices = bool(data.nominations)
    central = central_count(len(desks))
    reasons = []
    for k, desk in enumerate(desks):
        parts = _pair_reasons(desk, marks, pos, neg, given, strength)
        weak = [p for p in desk if p in rows and _weaker(p, rows[p], marks, any_choices)]
        if k < central and weak:
            who = " en ".join(weak)
            parts.append(
                f"Plek in het midden voor {who}: wie in het midden zit, hoort er vaak meer bij."
            )
        reasons.append(" ".join(parts))
    return reasons


def _pair_reasons(
    desk: list[str],
    marks: dict[str, list[str]],
    pos: set[frozenset[str]],
    neg: set[frozenset[str]],
    given: set[tuple[str, str]],
    strength: dict[str, int],
) -> list[str]:
    if len(desk) == 1:
        return [f"{desk[0]} zit alleen aan deze tafel."]
    a, b = desk
    pair = frozenset(desk)
    parts = []
    if pair in neg:
        parts.append(f"Let op: {a} en {b} kozen elkaar negatief. Zet ze liever niet samen.")
    ext = [p for p in desk if EXTERNALISING in marks.get(p, [])]
    if len(ext) == 2:
        parts.append(f"Let op: {a} en {b} laten allebei druk gedrag zien.")
    elif ext:
        x = ext[0]
        y = b if x == a else a
        helper = PROSOCIAL in marks.get(y, [])
        words = ["een prosociale klasgenoot"] if helper else []
        words += ["die sterk in de groep staat"] if strength.get(y, 0) > 0 else []
        buddy = f"{y}, {' '.join(words)}" if words else y
        parts.append(f"{x} laat druk gedrag zien en zit naast {buddy}.")
        if not helper:
            parts.append("Tip: markeer wie prosociaal is, dan zoekt het werkboek een betere buur.")
    if (a, b) in given and (b, a) in given:
        parts.append(f"{a} en {b} kozen elkaar.")
    elif pair in pos:
        src, dst = (a, b) if (a, b) in given else (b, a)
        parts.append(f"{src} koos {dst}.")
    if not parts:
        parts.append(f"Geen negatieve keuzes tussen {a} en {b}.")
    return parts


def comparison_lines(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The class before and after in plain Dutch: mutual pairs, isolates and status changes."""
    old, new = before["class"], after["class"]
    pairs_old = {tuple(p) for p in old["mutual_pairs"]}
    pairs_new = {tuple(p) for p in new["mutual_pairs"]}

    def names(items: Any) -> str:
        return (
            ", ".join(" & ".join(i) if isinstance(i, tuple) else i for i in sorted(items)) or "geen"
        )

    lines = [
        f"Wederzijdse keuzes: eerst {len(pairs_old)}, nu {len(pairs_new)}. "
        f"Nieuw: {names(pairs_new - pairs_old)}. Niet meer: {names(pairs_old - pairs_new)}."
    ]
    iso_old, iso_new = set(old["isolates"]), set(new["isolates"])
    lines.append(
        f"Door niemand gekozen: eerst {names(iso_old) if iso_old else 'niemand'}, "
        f"nu {names(iso_new) if iso_new else 'niemand'}."
    )
    if iso_old - iso_new:
        lines.append(f"Nu wel gekozen: {names(iso_old - iso_new)}.")
    if not (old.get("status_shown") and new.get("status_shown")):
        lines.append("Status: niet te vergelijken, omdat één van de metingen geen status heeft.")
        return lines
    diff = compare_measurements(before, after)
    changes = [
        f"{r['id']} ({STATUS_NL[r['status'][0]]} → {STATUS_NL[r['status'][1]]})"
        for r in diff["pupils"]
        if r["status"][0] != r["status"][1]
    ]
    lines.append(
        f"Status veranderd: {', '.join(changes)}."
        if changes
        else "Niemand kreeg een andere status."
    )
    return lines
