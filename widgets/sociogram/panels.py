"""HTML pieces of the sociogram exercise: the analysis table, import problems, and the arrows to draw."""

from __future__ import annotations

from typing import Any

from widgets import labels
from widgets.base import escape
from workbook.sociogram.analysis import POSITIVE, ClassData
from workbook.sociogram.text import STATUS_NL, status_note, summary_lines
from workbook.words import DEFAULT_WORDS, Words, fill_words

CHOICES_NOTE = (
    "Zo rekent het werkboek: de standaardscores gebruiken de standaarddeviatie van de hele klas "
    "(de klas is de hele groep, geen steekproef). Een afwezige {leerling} kiest zelf niet. De keuzes "
    "die de {leerling} krijgt, tellen wel mee. Zonder 'liever niet'-vraag of met minder dan {n} {leerlingen} "
    "toont het werkboek geen status."
)


def edges_for(data: ClassData) -> list[dict[str, Any]]:
    """One arrow per (from, to, positive/negative); a positive arrow both ways is mutual."""
    valence = data.valence()
    seen: dict[tuple[str, str, bool], None] = {}
    for n in data.nominations:
        seen[(n.source, n.target, valence.get(n.question) != POSITIVE)] = None
    return [
        {"from": a, "to": b, "negative": neg, "mutual": not neg and (b, a, False) in seen}
        for a, b, neg in seen
    ]


def analysis_html(result: dict[str, Any], words: Words = DEFAULT_WORDS) -> str:
    """The analysis below the drawing: a table per pupil and a short summary of the class."""
    if not result["pupils"]:
        return ""
    head = "".join(
        f"<th scope='col'>{escape(fill_words(h, words))}</th>" for h in labels.SOCIO_TABLE_HEAD
    )
    rows = []
    for r in result["pupils"]:
        name = escape(r["id"]) + (labels.SOCIO_ISOLATED if r["isolated"] else "")
        name += "" if r["present"] else labels.SOCIO_ABSENT
        cells = [
            r["received_positive"],
            r["received_negative"],
            r["given_positive"],
            r["given_negative"],
            r["mutual_positive"],
            STATUS_NL[r["status"]],
        ]
        rows.append(
            f"<tr><th scope='row'>{name}</th>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        )
    lines = [line for line in summary_lines(result, words.pupils) if not line.startswith("- ")]
    note = status_note(result, words.pupils)
    summary = "".join(f"<li>{escape(line)}</li>" for line in lines if line != note)
    info = result["class"]
    return (
        f'<table class="wb-sociogram-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<ul class="wb-summary">{summary}</ul>'
        + (f'<p class="wb-hint">{escape(note)}</p>' if note else "")
        + f'<p class="wb-hint">{escape(fill_words(CHOICES_NOTE, words).format(n=info["min_status_size"]))}</p>'
    )


def problems_html(headline: str, problems: list[str]) -> str:
    """The result of an import: one line, then each skipped row with its line number."""
    items = "".join(f"<li>{escape(p)}</li>" for p in problems)
    return (
        f'<div role="status"><p>{escape(headline)}</p>'
        + (f'<ul class="wb-warning">{items}</ul>' if items else "")
        + "</div>"
    )
