"""The participant report "Mijn werkboek": answers per module, pictures, and one plan van aanpak (HTML and PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from workbook.config import Config
from workbook.content.catalog import Exercise, get_module, list_exercises
from workbook.errors import WorkbookError
from workbook.kinds import actiepunten, answer_html, is_answered, title_of
from workbook.kinds.actiepunten import ActionItem
from workbook.store import AnswerStore, Participant
from workbook.words import Words, fill_words

REPORT_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 2em; }
h1 { color: #102a43; } h2 { color: #102a43; border-bottom: 2px solid #486581; margin-top: 1.6em; }
h3 { margin: 1em 0 0.2em; font-size: 1.05em; } .meta { color: #334e68; }
.source { color: #486581; font-size: 0.85em; margin: 0 0 0.3em; }
.picture svg { max-width: 100%; height: auto; } .picture { page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #9aa5b1; padding: 0.3em; text-align: left; }
@page { size: A4; margin: 1.5cm; }
"""


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


def plan_items(answers: dict[str, Any], modules: list[str]) -> list[tuple[str, ActionItem]]:
    """Every actiepunt of every module, as (module title, {"text", "when"})."""
    out = []
    for m in modules:
        for ex in list_exercises(m):
            if ex.kind == "actiepunten" and is_answered(answers.get(ex.id)):
                out += [
                    (get_module(m).title, item)
                    for item in actiepunten.read(answers[ex.id])["items"]
                ]
    return out


def report_html(config: Config, participant: Participant, answers: dict[str, Any]) -> str:
    """The whole report as one self-contained HTML page (all user text escaped)."""
    words: Words = config.words
    modules = [
        m
        for m in config.offered_modules()
        if any(is_answered(answers.get(ex.id)) for ex in list_exercises(m, sector=config.sector))
    ]
    parts = [
        f"<h1>Mijn werkboek</h1><p class='meta'>{_e(participant.name)}"
        + (f" · {_e(participant.school)}" if participant.school else "")
        + f" · {_e(config.name)} · {date.today().strftime('%d-%m-%Y')}</p>"
    ]
    plan = plan_items(answers, modules)
    parts.append("<h2>Plan van aanpak</h2>")
    if plan:
        rows = "".join(
            f"<tr><td>{_e(item['text'])}</td><td>{_e(item['when'])}</td><td>{_e(title)}</td></tr>"
            for title, item in plan
        )
        parts.append(
            f"<table><tr><th>Wat ga ik doen?</th><th>Wanneer</th><th>Uit module</th></tr>{rows}</table>"
        )
    else:
        parts.append("<p>Je hebt nog geen actiepunten genoteerd.</p>")
    for m in modules:
        parts.append(f"<h2>{_e(get_module(m).title)}</h2>")
        for ex in list_exercises(m, sector=config.sector):
            value = answers.get(ex.id)
            if is_answered(value) and ex.kind != "actiepunten":
                parts.append(_exercise_html(ex, value, words))
    if not modules:
        parts.append("<p>Je hebt nog niets ingevuld.</p>")
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Mijn werkboek</title>"
        f"<style>{REPORT_CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


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


def participant_report(store: AnswerStore, config: Config, code: str) -> str:
    """The report HTML of one participant by code, or a Dutch error naming the code."""
    participant = store.get_participant(config.slug, code)
    if participant is None:
        raise WorkbookError(
            f"Deelnemer '{code}' bestaat niet in {config.name}. Controleer de code."
        )
    return report_html(config, participant, store.load_answers(config.slug, participant.code))


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
