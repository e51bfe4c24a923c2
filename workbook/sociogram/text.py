"""Dutch words for the sociogram analysis and the text the CLI prints."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

STATUS_NL = {
    "popular": "populair",
    "rejected": "afgewezen",
    "neglected": "genegeerd",
    "controversial": "omstreden",
    "average": "gemiddeld",
    "unclassified": "niet ingedeeld",
    None: "-",
}


def status_note(analysis: dict[str, Any], pupils: str = "leerlingen") -> str:
    """Why the status column is empty, or an empty string when statuses are shown."""
    info = analysis["class"]
    if info["status_shown"]:
        return ""
    if info["n_pupils"] < info["min_status_size"]:
        return (
            f"Geen status: de klas heeft minder dan {info['min_status_size']} {pupils}. "
            "In zo'n kleine groep zeggen de standaardscores weinig."
        )
    return (
        "Geen status: er is geen negatieve vraag gesteld. "
        "Zonder 'liever niet'-keuzes kun je de status niet berekenen."
    )


def summary_lines(analysis: dict[str, Any], pupils: str = "leerlingen") -> list[str]:
    """A short Dutch summary of the analysis, one fact per line."""
    info = analysis["class"]
    pairs = ", ".join(f"{a} & {b}" for a, b in info["mutual_pairs"]) or "geen"
    lines = [
        f"{pupils.capitalize()}: {info['n_pupils']} (aanwezig: {info['n_present']}); keuzes: {info['n_nominations']}.",
        f"Wederzijdse keuzes: {pairs}.",
        f"Door niemand gekozen: {', '.join(info['isolates']) or 'niemand'}.",
        f"Koos zelf niemand: {', '.join(info['gave_none']) or 'niemand'}.",
    ]
    for k, group in enumerate(info["subgroups"]["communities"], start=1):
        lines.append(f"Subgroep {k}: {', '.join(group)}.")
    note = status_note(analysis, pupils)
    if note:
        lines.append(note)
    else:
        for row in analysis["pupils"]:
            lines.append(
                f"- {row['id']}: {STATUS_NL[row['status']]} "
                f"(gekozen {row['received_positive']}, afgewezen {row['received_negative']})"
            )
    return lines


def run_analyse(
    nominations: Path,
    roster: Path | None,
    questions: Path | None,
    as_json: bool,
    warn: Callable[[str], None],
) -> str:
    """Load the CSV files, report skipped rows through `warn`, and return JSON or a Dutch summary."""
    from workbook.sociogram.analysis import analyse
    from workbook.sociogram.io import load_class

    data, problems = load_class(nominations, roster, questions)
    for problem in problems:
        warn(f"Let op: {problem}")
    analysis = analyse(data)
    if as_json:
        return json.dumps(analysis, ensure_ascii=False, indent=2)
    return "\n".join(summary_lines(analysis))
