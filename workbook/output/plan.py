"""The plan van aanpak: action points gathered from every module, grouped by pyramid layer.

One participant's plan opens "Mijn werkboek" (report.py and the overview page); the points they
marked "voor onze school" are gathered per school, with the school's pyramid verdict, into the
school's plan (`workbook rapport --school`, and a tab on the trainer page). The 'why' of an action
point can be one of the signals the participant's own pyramid and scans give (`why_suggestions`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from workbook.config import Config
from workbook.content.catalog import get_module, list_exercises
from workbook.errors import WorkbookError
from workbook.kinds import actiepunten, answer_reasons, is_answered, piramide, texts
from workbook.kinds.actiepunten import ActionItem
from workbook.kinds.base import fill
from workbook.pyramid import LAYER_NAMES, PYRAMID_LAYERS
from workbook.store import Participant
from workbook.words import Words

NO_LAYER = "Nog geen laag gekozen"
LAYER_HEADING = "{layer}: voor {whom}"
FROM_MODULE = "Uit"
PROPOSED_BY = "Voorgesteld door"
EMPTY_PLAN = "Nog geen actiepunten."
MAX_SUGGESTIONS = 15


@dataclass(frozen=True)
class PlanPoint:
    """One action point in a plan: the point, the module it came from, and who proposed it."""

    item: ActionItem
    module: str  # the module's title
    who: str = ""  # who proposed it (only in a school's plan)


@dataclass(frozen=True)
class SchoolPyramid:
    """One pyramid that belongs to a school: who made it, its verdict lines and its picture."""

    who: str
    lines: list[str]
    svg: str

    @property
    def verdict(self) -> str:
        return self.lines[0] if self.lines else ""


@dataclass
class SchoolPlan:
    """A school's gathered plan: its pyramids (with verdicts) and every point marked for it."""

    school: str
    pyramids: list[SchoolPyramid] = field(default_factory=list)
    points: list[PlanPoint] = field(default_factory=list)


# -- one participant's plan ------------------------------------------------------------------


def plan_points(
    answers: Mapping[str, Any], modules: Iterable[str], who: str = ""
) -> list[PlanPoint]:
    """Every action point of the given modules (drafts without a 'what' are left out)."""
    out = []
    for m in modules:
        for ex in list_exercises(m):
            if ex.kind == "actiepunten" and is_answered(answers.get(ex.id)):
                out += [
                    PlanPoint(item, get_module(m).title, who)
                    for item in actiepunten.read(answers[ex.id])["items"]
                ]
    return out


def by_layer(points: list[PlanPoint]) -> list[tuple[str, list[PlanPoint]]]:
    """(layer key or '', points) for every layer that has points: fundament first, no layer last."""
    groups = [(layer, [p for p in points if p.item["layer"] == layer]) for layer in PYRAMID_LAYERS]
    groups.append(("", [p for p in points if not p.item["layer"]]))
    return [(layer, found) for layer, found in groups if found]


def why_suggestions(
    answers: Mapping[str, Any], modules: Iterable[str] | None, words: Words
) -> list[str]:
    """The signals of the participant's own pyramids, then their scans (None: of all modules),
    to offer as the 'why' of an action point."""
    exercises = (
        list_exercises() if modules is None else [e for m in modules for e in list_exercises(m)]
    )
    out: list[str] = []
    for ex in sorted(exercises, key=lambda e: e.kind != "piramide"):  # stable: course order
        for reason in answer_reasons(ex, answers.get(ex.id), words):
            if reason not in out:
                out.append(reason)
    return out[:MAX_SUGGESTIONS]


# -- HTML (escaped by construction) ----------------------------------------------------------


def layer_heading(layer: str, words: Words) -> str:
    if not layer:
        return NO_LAYER
    whom = fill(texts.LAYER_FOR[layer], words)
    return LAYER_HEADING.format(layer=LAYER_NAMES[layer], whom=whom)


def _point_html(point: PlanPoint, words: Words) -> Markup:
    item = point.item
    badge = (
        Markup(' <span class="wb-plan-school">{}</span>').format(texts.PLAN_FOR_SCHOOL)
        if item["for_school"]
        else Markup("")
    )
    details = actiepunten.facts(item, words, with_layer=False)  # the heading names the layer
    details.append((FROM_MODULE, point.module))
    if point.who:
        details.append((PROPOSED_BY, point.who))
    facts = Markup(" · ").join(
        Markup("<span><b>{}:</b> {}</span>").format(label, text) for label, text in details
    )
    return Markup(
        '<li class="wb-plan-point"><span class="wb-plan-what">{}</span>{}'
        '<br><span class="wb-plan-facts">{}</span></li>'
    ).format(item["text"], badge, facts)


def plan_html(points: list[PlanPoint], words: Words, heading: str = "h3") -> Markup:
    """The points grouped by layer: a heading per layer, then each point with its facts."""
    if not points:
        return Markup('<p class="wb-plan-empty">{}</p>').format(EMPTY_PLAN)
    parts = [
        Markup('<{h} class="wb-plan-layer">{}</{h}><ul class="wb-plan">{}</ul>').format(
            layer_heading(layer, words),
            Markup("").join(_point_html(p, words) for p in found),
            h=Markup(heading),
        )
        for layer, found in by_layer(points)
    ]
    return Markup('<div class="wb-plan-groups">{}</div>').format(Markup("").join(parts))


# -- the school's plan -----------------------------------------------------------------------


def known_schools(config: Config, participants: Iterable[Participant]) -> list[str]:
    """The schools of the config, then any other school a participant gave, in that order."""
    out = list(config.schools)
    for p in participants:
        if p.school and p.school not in out:
            out.append(p.school)
    return out


def find_school(config: Config, participants: Iterable[Participant], name: str) -> str:
    """The known school called `name` (case and spaces do not matter), or a Dutch error naming them."""
    schools = known_schools(config, participants)
    wanted = " ".join(name.split()).casefold()
    for school in schools:
        if " ".join(school.split()).casefold() == wanted:
            return school
    known = ", ".join(f"'{s}'" for s in schools) if schools else "geen"
    raise WorkbookError(
        f"De school '{name}' kennen we niet in {config.name}. Bekende scholen: {known}. "
        "Schrijf de naam zoals in het veld 'scholen' van de configuratie."
    )


def school_plans(
    config: Config,
    participants: list[Participant],
    answers: Mapping[str, Mapping[str, Any]],
    who: Mapping[str, str],
) -> list[SchoolPlan]:
    """Per known school: its pyramids and the points marked "voor onze school" by its participants.

    `answers` is exercise -> code -> value (a Snapshot's); `who` is code -> the name to show.
    A pyramid belongs to the school of the participant who made it, and to the school it names.
    """
    words: Words = config.words
    plans = {s: SchoolPlan(s) for s in known_schools(config, participants)}
    school_of = {p.code: p.school for p in participants}
    key = {" ".join(s.split()).casefold(): s for s in plans}
    modules = config.offered_modules()
    for m in modules:
        for ex in list_exercises(m):
            for code, value in answers.get(ex.id, {}).items():
                if code not in school_of or not is_answered(value):
                    continue
                if ex.kind == "piramide":
                    answer = piramide.read(value)
                    if not any(answer["layers"].values()):
                        continue  # an empty pyramid has no verdict yet
                    named = key.get(" ".join(answer["school"].split()).casefold())
                    for school in {school_of[code], named} - {None, ""}:
                        plans[str(school)].pyramids.append(
                            SchoolPyramid(
                                who.get(code, ""),
                                piramide.verdict(ex, answer, words),
                                piramide.picture(ex, answer, words),
                            )
                        )
                elif ex.kind == "actiepunten" and school_of[code] in plans:
                    plans[school_of[code]].points += [
                        PlanPoint(item, get_module(m).title, who.get(code, ""))
                        for item in actiepunten.read(value)["items"]
                        if item["for_school"]
                    ]
    return list(plans.values())
