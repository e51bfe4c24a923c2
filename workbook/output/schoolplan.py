"""The school's plan (`workbook rapport --school`): its pyramid verdict and the points marked for it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import Markup

from workbook.config import Config, slugify
from workbook.output.plan import SchoolPlan, find_school, plan_html, school_plans
from workbook.output.report import page_html, report_pdf
from workbook.output.results import display_names, take_snapshot
from workbook.store import AnswerStore
from workbook.words import Words

TITLE = "Plan van {school}"
PYRAMID_TITLE = "De ondersteuningspiramide"
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
}


def _count(what: str, n: int) -> str:
    one, more = COUNTS[what]
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


def school_plan_html(config: Config, plan: SchoolPlan) -> str:
    """The school's plan as one self-contained HTML page (all typed text escaped)."""
    words: Words = config.words
    title = TITLE.format(school=plan.school)
    body = Markup(
        "<h1>{}</h1><p class='meta'>{} · {}</p><h2>{}</h2>{}<h2>{}</h2><p>{}</p>{}"
    ).format(
        title,
        config.name,
        date.today().strftime("%d-%m-%Y"),
        PYRAMID_TITLE,
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
    page = school_plan_html(config, plan)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"plan-{slugify(plan.school)}"
    html_path, pdf_path = out / f"{stem}.html", out / f"{stem}.pdf"
    html_path.write_text(page, encoding="utf-8")
    pdf_path.write_bytes(report_pdf(page))
    return html_path, pdf_path
