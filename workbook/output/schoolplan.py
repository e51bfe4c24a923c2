"""The school's plan (`workbook rapport --school`): its pyramid verdict and the points marked for it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import Markup

from workbook.config import Config, slugify
from workbook.content.catalog import get_exercise
from workbook.kernteam import (
    ACCEPTED,
    DROPPED,
    PROPOSED,
    PYRAMID_EXERCISE,
    Proposal,
    SchoolState,
    school_state,
)
from workbook.kinds import comparison_html, piramide
from workbook.output.plan import PlanPoint, SchoolPlan, find_school, plan_html, school_plans
from workbook.output.report import page_html, report_pdf
from workbook.output.results import display_names, take_snapshot
from workbook.store import AnswerStore
from workbook.traject import dutch_date
from workbook.words import Words

TITLE = "Plan van {school}"
PYRAMID_TITLE = "De ondersteuningspiramide"
PYRAMIDS_TITLE = "De piramides van de deelnemers"
PYRAMID_OF = "Piramide van {who}"
VERDICT = "Oordeel: {verdict}"
NO_PYRAMID = "Nog niemand van deze school heeft een ondersteuningspiramide ingevuld."
POINTS_TITLE = "Actiepunten voor onze school"
POINTS_INTRO = (
    "Dit zijn {points} uit de modules, voorgesteld door {people}. Ze zijn gemarkeerd met "
    "'Voor onze school'. Bespreek ze samen en kies wat jullie als eerste doen."
)
NO_POINTS = "Nog niemand heeft een actiepunt gemarkeerd met 'Voor onze school'."
COUNTS = {
    "points": ("{n} actiepunt", "{n} actiepunten"),
    "people": ("{n} deelnemer", "{n} deelnemers"),
    "dropped": ("{n} voorstel is geschrapt.", "{n} voorstellen zijn geschrapt."),
}
KERNTEAM_TITLE = "Het kernteam"
KERNTEAM_MEMBERS = "In het kernteam: {names}."
KERNTEAM_COUNT = ("{n} lid", "{n} leden")
KERNTEAM_NOBODY = (
    "Nog niemand van deze school zit in het kernteam. Wie erin zit, zegt dat op de pagina "
    "'Het kernteam van onze school'."
)
STEP_LINE = "Stap van het stappenplan: {step}."
STEP_NONE = "Het kernteam heeft nog niet gekozen waar de school staat in het stappenplan."
SHARED_PYRAMID_TITLE = "De schoolpiramide van het kernteam"
NO_SHARED_PYRAMID = "Het kernteam heeft nog geen schoolpiramide ingevuld."
ROUNDS_CAPTION = "De schoolpiramide per bijeenkomst"
TEAM_PLAN_TITLE = "Ons plan van aanpak"
TEAM_PLAN_EMPTY = "Het kernteam heeft nog geen actiepunt in het plan gezet."
OPEN_TITLE = "Nog te bespreken"
OPEN_INTRO = "Deze actiepunten zijn voorgesteld met 'Voor onze school'. Het kernteam heeft hierover nog niets besloten."
MEASURED_TITLE = "Voor en na: {title}"
MEASURED_CAPTION = "Gemiddelde van de school per bijeenkomst"


def _count(what: str, n: int) -> str:
    one, more = COUNTS[what]
    return (one if n == 1 else more).format(n=n)


def _plan_point(p: Proposal) -> PlanPoint:
    """A proposal as the kernteam decided it: their wording, owner and date."""
    when = p.item["when"]
    if p.when:
        try:
            when = dutch_date(date.fromisoformat(p.when))
        except ValueError:
            when = p.when
    item = {**p.item, "text": p.shown_text, "who": p.owner or p.item["who"], "when": when}
    return PlanPoint(item, p.module, p.proposer)  # type: ignore[arg-type]


def kernteam_html(
    state: SchoolState, words: Words, heading: str = "h2", pictures: bool = True
) -> Markup:
    """What one school's kernteam made together: who is in it, the step, the school pyramid (with
    its versions per meeting side by side), the plan, and the measured exercises before and after."""
    h = Markup(heading)
    sub = Markup(f"h{int(heading[1]) + 1}")
    names = [n for n in state.members if n]
    if names:
        members = KERNTEAM_MEMBERS.format(names=", ".join(names))
    elif state.members:
        members = KERNTEAM_MEMBERS.format(names=_count_members(len(state.members)))
    else:
        members = KERNTEAM_NOBODY
    step = STEP_LINE.format(step=state.step_name) if state.step_name else STEP_NONE
    parts = [
        Markup("<{h}>{}</{h}><p>{}</p><p>{}</p>").format(KERNTEAM_TITLE, members, step, h=h),
        Markup("<{h}>{}</{h}>").format(SHARED_PYRAMID_TITLE, h=h),
    ]
    if state.has_pyramid:
        ex = get_exercise(PYRAMID_EXERCISE)
        verdict, *signals = piramide.verdict(ex, state.pyramid, words)
        parts.append(
            Markup('<div class="wb-plan-pyramid"><p><b>{}</b></p><ul>{}</ul>{}</div>').format(
                VERDICT.format(verdict=verdict),
                Markup("").join(Markup("<li>{}</li>").format(s) for s in signals),
                Markup('<div class="picture">{}</div>').format(
                    Markup(piramide.picture(ex, state.pyramid, words))
                )
                if pictures
                else Markup(""),
            )
        )
    else:
        parts.append(Markup("<p>{}</p>").format(NO_SHARED_PYRAMID))
    if state.pyramid_rounds is not None:
        parts.append(comparison_html(state.pyramid_rounds, ROUNDS_CAPTION))
    accepted = [_plan_point(p) for p in state.proposals if p.status == ACCEPTED]
    open_ = [_plan_point(p) for p in state.proposals if p.status == PROPOSED]
    dropped = sum(p.status == DROPPED for p in state.proposals)
    parts.append(Markup("<{h}>{}</{h}>").format(TEAM_PLAN_TITLE, h=h))
    parts.append(
        plan_html(accepted, words, heading=str(sub))
        if accepted
        else Markup("<p>{}</p>").format(TEAM_PLAN_EMPTY)
    )
    if open_:
        parts.append(
            Markup("<{h}>{}</{h}><p>{}</p>{}").format(
                OPEN_TITLE, OPEN_INTRO, plan_html(open_, words, heading=str(sub)), h=h
            )
        )
    if dropped:
        parts.append(Markup("<p>{}</p>").format(_count("dropped", dropped)))
    for ex, comparison in state.measured:
        parts.append(
            Markup("<{h}>{}</{h}>{}").format(
                MEASURED_TITLE.format(title=ex.title),
                comparison_html(comparison, MEASURED_CAPTION),
                h=h,
            )
        )
    return Markup('<section class="wb-kernteam">{}</section>').format(Markup("").join(parts))


def _count_members(n: int) -> str:
    one, more = KERNTEAM_COUNT
    return (one if n == 1 else more).format(n=n)


def pyramids_html(plan: SchoolPlan, heading: str = "h3", pictures: bool = True) -> Markup:
    """Every pyramid of the school: who made it, its verdict, its signals and (optionally) its picture."""
    if not plan.pyramids:
        return Markup("<p>{}</p>").format(NO_PYRAMID)
    parts = []
    for pyramid in plan.pyramids:
        title = PYRAMID_OF.format(who=pyramid.who) if pyramid.who else PYRAMID_TITLE
        signals = Markup("").join(Markup("<li>{}</li>").format(s) for s in pyramid.lines[1:])
        parts.append(
            Markup(
                '<div class="wb-plan-pyramid"><{h}>{}</{h}><p><b>{}</b></p><ul>{}</ul>{}</div>'
            ).format(
                title,
                VERDICT.format(verdict=pyramid.verdict),
                signals,
                Markup('<div class="picture">{}</div>').format(Markup(pyramid.svg))
                if pictures
                else Markup(""),
                h=Markup(heading),
            )
        )
    return Markup("").join(parts)


def points_intro(plan: SchoolPlan) -> str:
    if not plan.points:
        return NO_POINTS
    people = len({p.who for p in plan.points})
    return POINTS_INTRO.format(
        points=_count("points", len(plan.points)), people=_count("people", people)
    )


def school_plan_html(config: Config, plan: SchoolPlan, state: SchoolState | None = None) -> str:
    """The school's plan as one self-contained HTML page (all typed text escaped): the kernteam's
    shared work first, then every participant's pyramid and every point marked for the school."""
    words: Words = config.words
    title = TITLE.format(school=plan.school)
    body = Markup(
        "<h1>{}</h1><p class='meta'>{} · {}</p>{}<h2>{}</h2>{}<h2>{}</h2><p>{}</p>{}"
    ).format(
        title,
        config.name,
        date.today().strftime("%d-%m-%Y"),
        kernteam_html(state, words) if state is not None else Markup(""),
        PYRAMIDS_TITLE,
        pyramids_html(plan),
        POINTS_TITLE,
        points_intro(plan),
        plan_html(plan.points, words),
    )
    return page_html(title, str(body))


def school_plan(store: AnswerStore, config: Config, school: str) -> SchoolPlan:
    """The gathered plan of one school, by name (with the names of who proposed each point)."""
    snap = take_snapshot(store, config.slug)
    name = find_school(config, snap.participants, school)
    who = display_names(snap.participants, with_names=True)
    plans = school_plans(config, snap.participants, snap.answers, who)
    return next(p for p in plans if p.school == name)


def write_school_plan(
    store: AnswerStore, config: Config, school: str, out_dir: str | Path
) -> tuple[Path, Path]:
    """Write plan-<school>.html and .pdf into out_dir; returns both paths."""
    plan = school_plan(store, config, school)
    state = school_state(store, config, plan.school, with_names=True)
    page = school_plan_html(config, plan, state)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"plan-{slugify(plan.school)}"
    html_path, pdf_path = out / f"{stem}.html", out / f"{stem}.pdf"
    html_path.write_text(page, encoding="utf-8")
    pdf_path.write_bytes(report_pdf(page))
    return html_path, pdf_path
