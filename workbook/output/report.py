"""The participant report "Mijn werkboek": contents, the plan van aanpak, then the answers per module (HTML, PDF)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from workbook.config import Config
from workbook.content.catalog import Exercise, get_exercise, get_module, list_exercises
from workbook.errors import WorkbookError
from workbook.kinds import KINDS, answer_html, is_answered, title_of
from workbook.output.plan import plan_html, plan_points
from workbook.store import AnswerStore, Participant, ParticipantAnswers
from workbook.words import Words, fill_words

REPORT_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.3; color: #111; margin: 2em; }
h1 { color: #102a43; margin: 0 0 0.2em; }
h2 { color: #102a43; border-bottom: 2px solid #486581; margin: 0.9em 0 0.35em; font-size: 1.35em; }
h3 { margin: 0.5em 0 0.1em; font-size: 1.05em; color: #102a43; } .meta { color: #334e68; }
ul { margin: 0.1em 0 0.3em; padding-left: 1.3em; } li { margin: 0.05em 0; }
.picture svg { max-width: 100%; max-height: 6.5cm; height: auto; } .picture { page-break-inside: avoid; }
.source { color: #486581; font-size: 0.85em; margin: 0 0 0.3em; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #9aa5b1; padding: 0.3em; text-align: left; }
nav.toc ol { padding-left: 1.3em; margin: 0.2em 0; } nav.toc li { margin: 0.1em 0; }
nav.toc a { color: #0b4f9c; text-decoration: none; }
.wb-plan { list-style: none; padding-left: 0; } .wb-plan-point { margin: 0.15em 0 0.45em;
  padding-left: 0.6em; border-left: 3px solid #9fb3c8; page-break-inside: avoid; }
.wb-plan-what { font-weight: bold; } .wb-plan-facts { color: #334e68; }
.wb-plan-school { font-size: 0.85em; font-weight: bold; background: #e6f0fb; padding: 0 0.3em; }
.wb-plan-pyramid { page-break-inside: avoid; }
.cols { column-count: 2; column-gap: 1.6em; } .cols section { break-inside: avoid; }
.cols section:first-child h3 { margin-top: 0.3em; }
@page { size: A4; margin: 1.5cm 1.5cm 1.7cm;
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #52606d;
    font-family: 'DejaVu Sans', sans-serif; } }
@media print { body { margin: 0; } nav.toc a::after { content: leader('.') " " target-counter(attr(href), page); } }
"""
TOC_TITLE = "Inhoud"
PLAN_TITLE = "Plan van aanpak"
PLAN_INTRO = (
    "Alle actiepunten uit de modules samen, per laag van de ondersteuningspiramide. "
    "'Voor onze school' betekent: dit komt ook in het plan van je school."
)
NOTHING_YET = "Je hebt nog niets ingevuld."


def _e(text: Any) -> str:
    return str(escape(str(text)))


def _exercise_html(ex: Exercise, value: Any, words: Words) -> str:
    """One answered exercise: its title in the sector's words, its source, its lines and picture."""
    source = (
        Markup("<p class='source'>Bron: {}</p>").format(fill_words(ex.source, words))
        if ex.source
        else Markup("")
    )
    return str(
        Markup("<section><h3>{}</h3>{}{}</section>").format(
            title_of(ex, words), source, answer_html(ex, value, words)
        )
    )


def _in_columns(sections: list[str]) -> str:
    """Answers without a picture side by side in two columns; a picture keeps the full width."""
    out: list[str] = []
    narrow: list[str] = []
    for html in sections:
        if 'class="picture"' in html:
            if narrow:
                out.append("<div class='cols'>" + "".join(narrow) + "</div>")
                narrow = []
            out.append(html)
        else:
            narrow.append(html)
    if narrow:
        out.append("<div class='cols'>" + "".join(narrow) + "</div>")
    return "".join(out)


def toc_html(entries: list[tuple[str, str]]) -> str:
    """The table of contents: links to each part (in the PDF with their page numbers)."""
    items = "".join(
        f'<li><a href="#{_e(anchor)}">{_e(title)}</a></li>' for anchor, title in entries
    )
    return f'<nav class="toc"><h2>{_e(TOC_TITLE)}</h2><ol>{items}</ol></nav>'


def page_html(title: str, body: str) -> str:
    """A whole, self-contained HTML page in the report's style."""
    return (
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>{_e(title)}</title>"
        f"<style>{REPORT_CSS}</style></head><body>{body}</body></html>"
    )


def report_html(config: Config, participant: Participant, answers: dict[str, Any]) -> str:
    """The whole report as one self-contained HTML page (all user text escaped).

    It opens with a table of contents and the plan van aanpak (every action point, grouped by
    pyramid layer); then come the answers per module, each drawn by its kind."""
    words: Words = config.words
    modules = [
        m
        for m in config.offered_modules()
        if any(is_answered(answers.get(ex.id)) for ex in list_exercises(m, sector=config.sector))
    ]
    head = (
        f"<h1>Mijn werkboek</h1><p class='meta'>{_e(participant.name)}"
        + (f" · {_e(participant.school)}" if participant.school else "")
        + f" · {_e(config.name)} · {date.today().strftime('%d-%m-%Y')}</p>"
    )
    parts = [
        f"<h2 id='plan'>{_e(PLAN_TITLE)}</h2><p>{_e(PLAN_INTRO)}</p>"
        + str(plan_html(plan_points(answers, modules), words))
    ]
    toc = [("plan", PLAN_TITLE)]
    for m in modules:
        title = get_module(m).title
        toc.append((f"module-{m}", title))
        parts.append(f"<h2 id='module-{_e(m)}'>{_e(title)}</h2>")
        shown = [
            _exercise_html(ex, answers.get(ex.id), words)
            for ex in list_exercises(m, sector=config.sector)
            if is_answered(answers.get(ex.id)) and ex.kind != "actiepunten"
        ]
        parts.append(_in_columns(shown))
    if not modules:
        parts.append(f"<p>{_e(NOTHING_YET)}</p>")
    return page_html("Mijn werkboek", head + toc_html(toc) + "".join(parts))


def report_pdf(page: str) -> bytes:
    """The report page rendered as PDF with WeasyPrint (needs Debian's pango)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise WorkbookError(
            f"Een pdf maken lukt hier niet ({exc}). Installeer weasyprint en pango; "
            "de HTML-versie van je werkboek werkt wel."
        ) from None
    return HTML(string=page).write_pdf()


def gathered(
    answers: Mapping[str, Any], group_answers: Callable[[str, str], Mapping[str, Any]]
) -> dict[str, Any]:
    """One participant's answers (by exercise id), where a group exercise's answer carries what its
    whole group wrote; group_answers(exercise, group) gives the answers of that group's members."""
    out = dict(answers)
    for exercise_id, value in answers.items():
        try:
            kind = KINDS[get_exercise(exercise_id).kind]
        except WorkbookError:
            continue  # an exercise that no longer exists in the content
        group = value.get("group") if isinstance(value, dict) else None
        if kind.gather is not None and isinstance(group, str) and group:
            out[exercise_id] = kind.gather(value, group_answers(exercise_id, group))
    return out


def participant_report(store: AnswerStore, config: Config, code: str) -> str:
    """The report HTML of one participant by code, or a Dutch error naming the code."""
    participant = store.get_participant(config.slug, code)
    if participant is None:
        raise WorkbookError(
            f"Deelnemer '{code}' bestaat niet in {config.name}. Controleer de code."
        )
    answers = ParticipantAnswers(store, config.slug, participant)
    return report_html(config, participant, gathered(answers.all(), answers.group_answers))


def write_report(
    store: AnswerStore, config: Config, code: str, out_dir: str | Path
) -> tuple[Path, Path]:
    """Write mijn-werkboek-<code>.html and .pdf into out_dir; returns both paths."""
    page = participant_report(store, config, code)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"mijn-werkboek-{code.strip().lower()}"
    html_path, pdf_path = out / f"{stem}.html", out / f"{stem}.pdf"
    html_path.write_text(page, encoding="utf-8")
    pdf_path.write_bytes(report_pdf(page))
    return html_path, pdf_path
