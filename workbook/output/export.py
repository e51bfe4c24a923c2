"""Export a scholengroep's results to Excel or CSV with pandas; participants anonymised unless asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbook.config import Config
from workbook.content.catalog import get_exercise
from workbook.errors import WorkbookError
from workbook.kinds import answer_text, title_of
from workbook.output.plan import plan_points
from workbook.output.results import (
    NO_SCHOOL,
    display_names,
    offered_titles,
    participant_progress,
    take_snapshot,
)
from workbook.pyramid import LAYER_NAMES
from workbook.store import AnswerStore

# OWASP (CSV injection): a cell starting with one of these is run as a formula by Excel and others.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ["deelnemer", "school", "module", "oefening", "titel", "soort", "antwoord", "bijgewerkt"]


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, prefixed with ' so it is shown as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every text cell (and column name) neutralised, for writing to a file."""
    return [{neutralise(k): neutralise(v) for k, v in row.items()} for row in rows]


def answer_rows(
    store: AnswerStore, config: Config, with_names: bool = False
) -> list[dict[str, Any]]:
    """One row per saved answer; 'deelnemer' is 'Deelnemer n' unless with_names (never the code)."""
    snap = take_snapshot(store, config.slug)
    who = display_names(snap.participants, with_names)
    schools = {p.code: p.school or NO_SCHOOL for p in snap.participants}
    words = config.words
    rows = []
    for code, exercise_id, value, stamp in store.all_answers(config.slug):
        if code not in who:
            continue
        try:
            ex = get_exercise(exercise_id)
        except WorkbookError:
            continue  # an exercise that no longer exists in the content
        rows.append(
            {
                "deelnemer": who[code],
                "school": schools[code],
                "module": ex.module,
                "oefening": ex.id,
                "titel": title_of(ex, words),
                "soort": ex.kind,
                "antwoord": answer_text(ex, value, words),
                "bijgewerkt": stamp,
            }
        )
    order = {name: n for n, name in enumerate(who.values())}
    return sorted(rows, key=lambda r: (order[r["deelnemer"]], r["oefening"]))


PLAN_COLUMNS = [
    "deelnemer",
    "school",
    "module",
    "wat",
    "waarom",
    "laag",
    "voor welke groep",
    "wie doet het, met wie",
    "wanneer klaar",
    "zo weet je dat het werkt",
    "voor onze school",
]


def plan_rows(store: AnswerStore, config: Config, with_names: bool = False) -> list[dict[str, Any]]:
    """One row per action point, every field in its own readable column (the layer in Dutch)."""
    snap = take_snapshot(store, config.slug)
    who = display_names(snap.participants, with_names)
    modules = config.offered_modules()
    rows = []
    for p in snap.participants:
        for point in plan_points(snap.by_participant(p.code), modules):
            item = point.item
            rows.append(
                dict(
                    zip(
                        PLAN_COLUMNS,
                        [
                            who[p.code],
                            p.school or NO_SCHOOL,
                            point.module,
                            item["text"],
                            item["why"],
                            LAYER_NAMES[item["layer"]] if item["layer"] else "",
                            item["group"],
                            item["who"],
                            item["when"],
                            item["measure"],
                            "ja" if item["for_school"] else "nee",
                        ],
                        strict=True,
                    )
                )
            )
    return rows


def progress_rows(
    store: AnswerStore, config: Config, with_names: bool = False
) -> list[dict[str, Any]]:
    """One row per participant with 'done of total' per offered module."""
    snap = take_snapshot(store, config.slug)
    who = display_names(snap.participants, with_names)
    titles = offered_titles(config)
    return [
        {
            "deelnemer": who[r["code"]],
            "school": r["school"],
            **{titles[m]: f"{d} van {t}" for m, (d, t) in r["modules"].items()},
        }
        for r in participant_progress(snap, list(titles), config.sector)
    ]


def csv_companions(out: Path) -> tuple[Path, Path]:
    """Where a CSV export puts its progress and its plan van aanpak: beside the answers file."""
    return (
        out.with_name(f"{out.stem}-voortgang.csv"),
        out.with_name(f"{out.stem}-plan-van-aanpak.csv"),
    )


def export_results(
    store: AnswerStore, config: Config, out: str | Path, with_names: bool = False
) -> Path:
    """Write the results to out and return it.

    .xlsx: the sheets Antwoorden, Voortgang and Plan van aanpak. .csv: the answers in out, and the
    progress and the plan van aanpak in two files beside it (see `csv_companions`), one column per
    field, as in Excel."""
    import pandas as pd

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise WorkbookError(
            f"Kan niet exporteren naar '{out.name}': kies een bestandsnaam die eindigt op "
            ".xlsx (Excel) of .csv."
        )
    # Every text cell is neutralised: answers, names, schools and titles can all be typed text.
    answers = pd.DataFrame(_safe(answer_rows(store, config, with_names)), columns=COLUMNS)
    progress = pd.DataFrame(_safe(progress_rows(store, config, with_names)))
    plan = pd.DataFrame(_safe(plan_rows(store, config, with_names)), columns=PLAN_COLUMNS)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        if suffix == ".csv":
            progress_file, plan_file = csv_companions(out)
            for frame, path in ((answers, out), (progress, progress_file), (plan, plan_file)):
                frame.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            with pd.ExcelWriter(out, engine="openpyxl") as writer:
                answers.to_excel(writer, sheet_name="Antwoorden", index=False)
                progress.to_excel(writer, sheet_name="Voortgang", index=False)
                plan.to_excel(writer, sheet_name="Plan van aanpak", index=False)
    except OSError as exc:
        raise WorkbookError(
            f"Kan {out} niet schrijven ({exc.strerror}). Kies een andere map."
        ) from None
    return out
