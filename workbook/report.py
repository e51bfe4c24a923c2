"""The participant report "Mijn werkboek": answers per module, pictures, and one plan van aanpak (HTML and PDF)."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from workbook.answer_text import action_items, answer_lines, row_scores
from workbook.catalog import Exercise, fill_placeholders, get_module, list_exercises
from workbook.config import Config
from workbook.errors import WorkbookError
from workbook.store import AnswerStore, Participant

REPORT_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 2em; }
h1 { color: #102a43; } h2 { color: #102a43; border-bottom: 2px solid #486581; margin-top: 1.6em; }
h3 { margin: 1em 0 0.2em; font-size: 1.05em; } .meta { color: #334e68; }
.picture svg { max-width: 100%; height: auto; } .picture { page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #9aa5b1; padding: 0.3em; text-align: left; }
@page { size: A4; margin: 1.5cm; }
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _svg_for(ex: Exercise, value: Any) -> str:
    """A picture of a pyramid, wheel or sociogram answer when that module's drawing code is there."""
    try:
        if ex.kind == "piramide":
            from workbook.pyramid import pyramid_svg, validate_pyramid

            return pyramid_svg(validate_pyramid(value))
        if ex.kind == "schijf":
            from workbook.wheel import wheel_svg

            names = [s["name"] for s in ex.spec["segments"]]
            return wheel_svg(names, row_scores(ex, value), maximum=len(ex.spec["points"]))
        if ex.kind == "sociogram":
            import importlib

            for module in ("workbook.sociogram_svg", "workbook.sociogram"):
                try:
                    draw = getattr(importlib.import_module(module), "sociogram_svg", None)
                except ImportError:
                    continue
                if draw is not None:
                    return draw(value)
    except Exception:  # an unexpected answer shape: the text lines still show the answer
        return ""
    return ""


def _exercise_html(ex: Exercise, value: Any, words: tuple[str, str]) -> str:
    lines = answer_lines(ex, value)
    body = "".join(f"<li>{_e(line)}</li>" for line in lines)
    picture = _svg_for(ex, value)
    return (f"<section><h3>{_e(fill_placeholders(ex.title, *words))}</h3>"
            + (f"<ul>{body}</ul>" if body else "")
            + (f"<div class='picture'>{picture}</div>" if picture else "") + "</section>")


def plan_items(answers: dict[str, Any], modules: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Every actiepunt of every module, as (module title, {"text", "when"})."""
    out = []
    for m in modules:
        for ex in list_exercises(m):
            if ex.kind == "actiepunten":
                out += [(get_module(m).title, item) for item in action_items(answers.get(ex.id))]
    return out


def report_html(config: Config, participant: Participant, answers: dict[str, Any]) -> str:
    """The whole report as one self-contained HTML page (all user text escaped)."""
    words = (config.pupil, config.pupils)
    modules = [m for m in config.offered_modules()
               if any(answers.get(ex.id) not in (None, "", [], {}) for ex in list_exercises(m))]
    parts = [f"<h1>Mijn werkboek</h1><p class='meta'>{_e(participant.name)}"
             + (f" · {_e(participant.school)}" if participant.school else "")
             + f" · {_e(config.name)} · {date.today().strftime('%d-%m-%Y')}</p>"]
    plan = plan_items(answers, modules)
    parts.append("<h2>Plan van aanpak</h2>")
    if plan:
        rows = "".join(f"<tr><td>{_e(item['text'])}</td><td>{_e(item['when'])}</td><td>{_e(title)}</td></tr>"
                       for title, item in plan)
        parts.append(f"<table><tr><th>Wat ga ik doen?</th><th>Wanneer</th><th>Uit module</th></tr>{rows}</table>")
    else:
        parts.append("<p>Je hebt nog geen actiepunten genoteerd.</p>")
    for m in modules:
        parts.append(f"<h2>{_e(get_module(m).title)}</h2>")
        for ex in list_exercises(m):
            value = answers.get(ex.id)
            if value not in (None, "", [], {}) and ex.kind != "actiepunten":
                parts.append(_exercise_html(ex, value, words))
    if not modules:
        parts.append("<p>Je hebt nog niets ingevuld.</p>")
    return ("<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Mijn werkboek</title>"
            f"<style>{REPORT_CSS}</style></head><body>{''.join(parts)}</body></html>")


def report_pdf(page: str) -> bytes:
    """The report page rendered as PDF with WeasyPrint (needs Debian's pango)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise WorkbookError(f"Een pdf maken lukt hier niet ({exc}). Installeer weasyprint en pango; "
                            "de HTML-versie van je werkboek werkt wel.") from None
    return HTML(string=page).write_pdf()


def participant_report(store: AnswerStore, config: Config, code: str) -> str:
    """The report HTML of one participant by code, or a Dutch error naming the code."""
    participant = store.get_participant(config.slug, code)
    if participant is None:
        raise WorkbookError(f"Deelnemer '{code}' bestaat niet in {config.name}. Controleer de code.")
    return report_html(config, participant, store.load_answers(config.slug, participant.code))


def write_report(store: AnswerStore, config: Config, code: str, out_dir: str | Path) -> tuple[Path, Path]:
    """Write mijn-werkboek-<code>.html and .pdf into out_dir; returns both paths."""
    page = participant_report(store, config, code)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"mijn-werkboek-{code.strip().lower()}"
    html_path, pdf_path = out / f"{stem}.html", out / f"{stem}.pdf"
    html_path.write_text(page, encoding="utf-8")
    pdf_path.write_bytes(report_pdf(page))
    return html_path, pdf_path
