"""The draaiboek as HTML: one module's script for the trainer page, and the printable handout (HTML, PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import Markup

from workbook.config import Config
from workbook.content.catalog import Module, get_module, list_exercises
from workbook.content.draaiboek import Block, block_index, schedule
from workbook.kinds import title_of
from workbook.output.report import page_html, report_pdf
from workbook.words import SECTORS, Words, fill_words

HANDOUT_TITLE = "Draaiboek voor de trainer"
HANDOUT_INTRO = (
    "Per module de blokken van de sessie: de tijd vanaf de start, de werkvorm, wat je doet en "
    "welke oefening of uitleg je gebruikt."
)
LENGTH = "{minutes} minuten"
FORM = "{minutes} min · werkvorm: {form}"
EXERCISES = ("Oefening: {titles}", "Oefeningen: {titles}")
SECTIONS = ("Uitleg: {titles}", "Uitleg: {titles}")
QUESTIONS = "Vragen voor de uitwisseling:"
EXCHANGE = "uitwisseling"  # the kind whose prompts the handout lists under the block
NOW = "Nu bezig"
CURRENT_ID = "wb-script-nu"  # the id of the current block, for a link that jumps to it
SCRIPT_CSS = """
.wb-script { list-style: none; padding-left: 0; margin: 0.4em 0; }
.wb-script-block { border-left: 4px solid #9fb3c8; padding: 0.2em 0 0.3em 0.7em; margin: 0 0 0.6em;
  page-break-inside: avoid; }
.wb-script-block p { margin: 0.15em 0; }
.wb-script-head { font-weight: bold; color: #102a43; }
.wb-script-time { font-family: 'DejaVu Sans Mono', monospace; margin-right: 0.5em; }
.wb-script-form, .wb-script-uses { color: #334e68; }
.wb-script-questions { margin: 0.1em 0 0.2em; }
.wb-script-module { page-break-before: always; } .wb-script-module:first-of-type { page-break-before: auto; }
"""


def _uses(titles: list[str], forms: tuple[str, str]) -> Markup:
    if not titles:
        return Markup("")
    text = forms[len(titles) > 1].format(titles=" · ".join(titles))
    return Markup('<p class="wb-script-uses">{}</p>').format(text)


def block_html(
    module: Module, block: Block, span: str, words: Words, sector: str | None, now: bool
) -> Markup:
    """One block: when, what it is called, the work form, what the trainer does and what it uses."""
    slugs = {ex.id.split("/", 1)[1]: ex for ex in list_exercises(module.id, sector=sector)}
    used = [slugs[s] for s in block.exercises if s in slugs]
    exercises = [title_of(ex, words) for ex in used]
    sections = [
        fill_words(s.title, words)
        for s in module.sections
        if s.id in block.sections and s.shown_to(sector)
    ]
    questions = Markup("")
    asked = [ex.prompt for ex in used if ex.kind == EXCHANGE]
    if asked:
        items = Markup("").join(Markup("<li>{}</li>").format(fill_words(q, words)) for q in asked)
        questions = Markup('<p>{}</p><ul class="wb-script-questions">{}</ul>').format(
            QUESTIONS, items
        )
    badge = Markup(' <span class="wb-script-badge">{}</span>').format(NOW) if now else Markup("")
    return Markup(
        '<li class="wb-script-block{cls}"{current}><p class="wb-script-head">'
        '<span class="wb-script-time">{span}</span> {title}{badge}</p>'
        '<p class="wb-script-form">{form}</p><p>{text}</p>{exercises}{sections}{questions}</li>'
    ).format(
        cls=" wb-script-now" if now else "",
        current=Markup(f' id="{CURRENT_ID}" aria-current="step"') if now else "",
        span=span,
        title=fill_words(block.title, words),
        badge=badge,
        form=FORM.format(minutes=block.minutes, form=block.form),
        text=fill_words(block.text, words),
        exercises=_uses(exercises, EXERCISES),
        sections=_uses(sections, SECTIONS),
        questions=questions,
    )


def current_block(module: Module, now: str | None) -> int | None:
    """The number of the block that uses exercise `now` (an id 'module/slug'), or None."""
    if not now or not now.startswith(module.id + "/"):
        return None
    return block_index(module.draaiboek, now.split("/", 1)[1])


def script_html(
    module: Module, words: Words, sector: str | None = None, now: str | None = None
) -> Markup:
    """A module's draaiboek as an ordered list; the block of exercise `now` (an id) is marked current."""
    current = current_block(module, now)
    items = Markup("").join(
        block_html(module, t.block, t.span, words, sector, n == current)
        for n, t in enumerate(schedule(module.draaiboek))
    )
    return Markup('<ol class="wb-script">{}</ol>').format(items)


def handout_html(config: Config) -> str:
    """The printable handout: the draaiboek of every module the scholengroep offers, in its words."""
    words = config.words
    parts = []
    for module_id in config.offered_modules():
        module = get_module(module_id)
        parts.append(
            Markup(
                '<section class="wb-script-module"><h2>{}</h2><p class="meta">{}</p>{}</section>'
            ).format(
                module.title,
                LENGTH.format(minutes=module.minutes),
                script_html(module, words, config.sector),
            )
        )
    body = Markup("<style>{}</style><h1>{}</h1><p class='meta'>{} · {} · {}</p><p>{}</p>{}").format(
        Markup(SCRIPT_CSS),
        HANDOUT_TITLE,
        config.name,
        SECTORS[config.sector],
        date.today().strftime("%d-%m-%Y"),
        HANDOUT_INTRO,
        Markup("").join(parts),
    )
    return page_html(HANDOUT_TITLE, str(body))


def write_handout(config: Config, out_dir: str | Path) -> tuple[Path, Path]:
    """Write draaiboek-<scholengroep>.html and .pdf into out_dir; returns both paths."""
    page = handout_html(config)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"draaiboek-{config.slug}"
    html_path, pdf_path = out / f"{stem}.html", out / f"{stem}.pdf"
    html_path.write_text(page, encoding="utf-8")
    pdf_path.write_bytes(report_pdf(page))
    return html_path, pdf_path
