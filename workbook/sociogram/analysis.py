"""Sociogram analysis: choices per pupil, mutual pairs, subgroups and sociometric status (Coie et al., 1982).

Pure functions over plain data; networkx is imported inside the functions that need it.

Choices made (also documented in the README and on the page):
- z-scores use the population standard deviation (the class is the whole group, not a sample);
  when every pupil has the same score the SD is 0 and every z-score is 0.
- Absent pupils (roster `present` false) gave no choices, but classmates could choose them: they keep
  their received counts and take part in the standardisation; they are not listed under `gave_none`.
- Without a negative question no status is computed: `status`, `z_ll`, `z_sp` and `z_si` are null.
- Below MIN_STATUS_SIZE pupils no status is shown (null): z-scores mean little in a tiny group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

POSITIVE = "positive"
NEGATIVE = "negative"
MIN_STATUS_SIZE = 8
STATUSES = ("popular", "rejected", "neglected", "controversial", "average", "unclassified")

STANDARD_QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("speel_graag", "Met wie speel je graag?", POSITIVE),
    ("speel_niet", "Met wie speel je liever niet?", NEGATIVE),
    ("zit_graag", "Naast wie zou je graag zitten?", POSITIVE),
    ("zit_niet", "Naast wie zou je liever niet zitten?", NEGATIVE),
    ("werk_graag", "Met wie werk je graag samen?", POSITIVE),
    ("werk_niet", "Met wie werk je liever niet samen?", NEGATIVE),
)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    valence: str  # POSITIVE or NEGATIVE


@dataclass(frozen=True)
class Pupil:
    id: str
    label: str = ""
    present: bool = True


@dataclass(frozen=True)
class Nomination:
    source: str
    target: str
    question: str


@dataclass
class ClassData:
    """One measurement of a class: who is in it, which questions, and who chose whom."""

    pupils: list[Pupil]
    questions: list[Question]
    nominations: list[Nomination] = field(default_factory=list)

    def valence(self) -> dict[str, str]:
        return {q.id: q.valence for q in self.questions}


# Pupils in vo and mbo do not "play": their first pair of questions is about the break instead.
OLDER_TEXTS = {
    "speel_graag": "Met wie trek je in de pauze graag op?",
    "speel_niet": "Met wie trek je in de pauze liever niet op?",
}
OLDER_SECTORS = ("vo", "mbo")
# mbo students sit in lessons and work together on assignments and in practical lessons.
MBO_TEXTS = OLDER_TEXTS | {
    "zit_graag": "Naast wie zit je graag in de les?",
    "zit_niet": "Naast wie zit je liever niet in de les?",
    "werk_graag": "Met wie werk je graag samen aan een opdracht of in de praktijkles?",
    "werk_niet": "Met wie werk je liever niet samen aan een opdracht of in de praktijkles?",
}


def standard_questions(sector: str = "") -> list[Question]:
    """The six standard questions (play, sit, work together; positive and negative).

    For vo and mbo the 'play' pair asks about the break; mbo also asks about assignments and
    practical lessons. The ids stay the same."""
    texts = MBO_TEXTS if sector == "mbo" else OLDER_TEXTS if sector in OLDER_SECTORS else {}
    return [
        Question(qid, texts.get(qid, text), valence) for qid, text, valence in STANDARD_QUESTIONS
    ]


def zscores(values: list[float]) -> list[float]:
    """Standardise with the population SD; an SD of 0 (or an empty list) gives all zeros."""
    if not values:
        return []
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    if sd < 1e-12:
        return [0.0 for _ in values]
    return [(v - mean) / sd for v in values]


def classify(z_lm: float, z_ll: float, z_sp: float, z_si: float, lm: int) -> str:
    """The Coie, Dodge & Coppotelli (1982) status for one pupil."""
    if z_sp > 1 and z_lm > 0 and z_ll < 0:
        return "popular"
    if z_sp < -1 and z_ll > 0 and z_lm < 0:
        return "rejected"
    if z_si < -1 and lm == 0:
        return "neglected"
    if z_si > 1 and z_lm > 0 and z_ll > 0:
        return "controversial"
    if -0.5 < z_sp < 0.5:
        return "average"
    return "unclassified"


def _counts(data: ClassData) -> dict[str, dict[str, int]]:
    valence = data.valence()
    keys = ("received_positive", "received_negative", "given_positive", "given_negative")
    counts = {p.id: dict.fromkeys(keys, 0) for p in data.pupils}
    for n in data.nominations:
        kind = "positive" if valence.get(n.question) == POSITIVE else "negative"
        if n.source in counts:
            counts[n.source][f"given_{kind}"] += 1
        if n.target in counts:
            counts[n.target][f"received_{kind}"] += 1
    return counts


def positive_graph(data: ClassData) -> Any:
    """Directed graph of positive choices (an edge a->b if a chose b on any positive question)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(p.id for p in data.pupils)
    valence = data.valence()
    for n in data.nominations:
        if valence.get(n.question) == POSITIVE and n.source in graph and n.target in graph:
            graph.add_edge(n.source, n.target)
    return graph


def mutual_pairs(data: ClassData) -> list[list[str]]:
    """Pairs who chose each other positively (on any positive question), each pair once, sorted."""
    graph = positive_graph(data)
    order = {p.id: i for i, p in enumerate(data.pupils)}
    pairs = {
        tuple(sorted((a, b), key=order.__getitem__)) for a, b in graph.edges if graph.has_edge(b, a)
    }
    return [list(p) for p in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]]))]


def subgroups(data: ClassData, pairs: list[list[str]]) -> dict[str, list[list[str]]]:
    """Cliques of three or more in the mutual graph, and communities (two or more) in the positive graph."""
    import networkx as nx
    from networkx.algorithms.community import greedy_modularity_communities

    order = {p.id: i for i, p in enumerate(data.pupils)}

    def ordered(group: Any) -> list[str]:
        return sorted(group, key=order.__getitem__)

    mutual = nx.Graph(pairs)
    cliques = [ordered(c) for c in nx.find_cliques(mutual) if len(c) >= 3] if pairs else []
    undirected = positive_graph(data).to_undirected()
    communities: list[list[str]] = []
    if undirected.number_of_edges():
        found = greedy_modularity_communities(undirected)
        communities = [ordered(c) for c in found if len(c) >= 2]
    key = lambda g: (-len(g), order[g[0]])  # noqa: E731
    return {"cliques": sorted(cliques, key=key), "communities": sorted(communities, key=key)}


def _statuses(data: ClassData, counts: dict[str, dict[str, int]]) -> dict[str, dict[str, Any]]:
    ids = [p.id for p in data.pupils]
    lm = [counts[i]["received_positive"] for i in ids]
    z_lm = zscores([float(v) for v in lm])
    has_negative = any(q.valence == NEGATIVE for q in data.questions)
    if not has_negative:
        return {
            i: {"status": None, "z_lm": z, "z_ll": None, "z_sp": None, "z_si": None}
            for i, z in zip(ids, z_lm, strict=True)
        }
    z_ll = zscores([float(counts[i]["received_negative"]) for i in ids])
    z_sp = zscores([a - b for a, b in zip(z_lm, z_ll, strict=True)])
    z_si = zscores([a + b for a, b in zip(z_lm, z_ll, strict=True)])
    show = len(ids) >= MIN_STATUS_SIZE
    out = {}
    for k, i in enumerate(ids):
        status = classify(z_lm[k], z_ll[k], z_sp[k], z_si[k], lm[k]) if show else None
        out[i] = {
            "status": status,
            "z_lm": z_lm[k],
            "z_ll": z_ll[k],
            "z_sp": z_sp[k],
            "z_si": z_si[k],
        }
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def analyse(data: ClassData) -> dict[str, Any]:
    """The full analysis as JSON-able data (`pupils` and `class`), following the documented contract."""
    counts = _counts(data)
    pairs = mutual_pairs(data)
    mutual_count = {p.id: 0 for p in data.pupils}
    for a, b in pairs:
        mutual_count[a] += 1
        mutual_count[b] += 1
    status = _statuses(data, counts)
    pupils = []
    for p in data.pupils:
        c, s = counts[p.id], status[p.id]
        pupils.append(
            {
                "id": p.id,
                **c,
                "mutual_positive": mutual_count[p.id],
                "isolated": c["received_positive"] == 0,
                "present": p.present,
                "status": s["status"],
                **{k: _round(s[k]) for k in ("z_lm", "z_ll", "z_sp", "z_si")},
            }
        )
    return {
        "pupils": pupils,
        "class": {
            "n_pupils": len(data.pupils),
            "n_present": sum(p.present for p in data.pupils),
            "n_nominations": len(data.nominations),
            "mutual_pairs": pairs,
            "isolates": [r["id"] for r in pupils if r["isolated"]],
            "gave_none": [
                r["id"]
                for r in pupils
                if r["present"] and r["given_positive"] + r["given_negative"] == 0
            ],
            "subgroups": subgroups(data, pairs),
            "status_shown": len(data.pupils) >= MIN_STATUS_SIZE
            and any(q.valence == NEGATIVE for q in data.questions),
            "min_status_size": MIN_STATUS_SIZE,
        },
    }


def layout(data: ClassData, analysis: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Target-sociogram positions in [0, 1]: most chosen in the centre, each community in its own sector."""
    received = {r["id"]: r["received_positive"] for r in analysis["pupils"]}
    groups = [list(g) for g in analysis["class"]["subgroups"]["communities"]]
    grouped = {i for g in groups for i in g}
    rest = [p.id for p in data.pupils if p.id not in grouped]
    if rest:
        groups.append(rest)
    most = max(received.values(), default=0) or 1
    total = sum(len(g) for g in groups) or 1
    positions: dict[str, tuple[float, float]] = {}
    start = -math.pi / 2
    for group in groups:
        width = 2 * math.pi * len(group) / total
        members = sorted(group, key=lambda i: -received[i])
        for k, pid in enumerate(members):
            angle = start + width * (k + 0.5) / len(members)
            radius = 0.08 + 0.36 * (1 - received[pid] / most)
            positions[pid] = (
                round(0.5 + radius * math.cos(angle), 4),
                round(0.5 + radius * math.sin(angle), 4),
            )
        start += width
    return positions
