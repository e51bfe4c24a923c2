"""`workbook check`: validate all content and all notebooks, and that each module is complete."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from workbook.content.catalog import (
    MODULE_FILE,
    SHOW_CALL,
    Exercise,
    Module,
    load_exercise,
    load_module,
    read_yaml,
)
from workbook.content.draaiboek import draaiboek_problems
from workbook.content.language import file_problems
from workbook.errors import WorkbookError
from workbook.paths import exercises_dir, notebooks_dir
from workbook.words import SECTORS

MIN_EXERCISES = 4
MIN_KINDS = 3
EXPLAIN_CALL = re.compile(r"""page\.explain\(\s*["']([^"']+)["']\s*\)""")


def check_complete(where: str, kinds: list[str]) -> list[str]:
    """Problems with the exercises one page shows: enough of them, enough kinds, and actiepunten."""
    problems = []
    used = set(kinds)
    if len(kinds) < MIN_EXERCISES:
        problems.append(
            f"{where}: heeft {len(kinds)} oefeningen; maak er minstens {MIN_EXERCISES}."
        )
    if len(used - {"actiepunten"}) < MIN_KINDS:
        problems.append(
            f"{where}: gebruikt {len(used - {'actiepunten'})} soorten oefeningen; "
            f"gebruik er minstens {MIN_KINDS}."
        )
    if "actiepunten" not in used:
        problems.append(
            f"{where}: mist 'Mijn actiepunten'. Voeg een oefening toe met kind: actiepunten."
        )
    return problems


def check_sectors(module: Module, exercises: dict[str, Exercise]) -> list[str]:
    """Each sector of the module gets a complete page; no exercise is for a sector the module lacks."""
    problems = []
    for ex in exercises.values():
        extra = sorted(set(ex.sectors) - set(module.sectors))
        if extra:
            problems.append(
                f"{ex.path}: veld 'sectors' noemt '{extra[0]}', maar module '{module.id}' is niet "
                f"voor die sector. Kies uit: {', '.join(module.sectors)}."
            )
    if all(not ex.sectors for ex in exercises.values()):
        return problems
    for sector in module.sectors:
        shown = [ex.kind for ex in exercises.values() if ex.shown_to(sector)]
        where = f"module '{module.id}' voor {SECTORS[sector]} ({sector})"
        problems += check_complete(where, shown)
    return problems


def check_module(module: Module, exercise_ids: dict[str, str], nb_root: Path) -> list[str]:
    """Problems with one module: completeness, and whether its notebook shows all its content."""
    where = f"module '{module.id}'"
    problems = check_complete(where, list(exercise_ids.values()))
    path = nb_root / module.notebook
    if not path.is_file():
        return problems + [f"{where}: notebook {path} ontbreekt."]
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:
        return problems + [
            f"{path}: geen geldig notebook ({exc}). Open en bewaar het opnieuw in JupyterLab."
        ]
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    if not any("parameters" in c.get("metadata", {}).get("tags", []) for c in nb.cells):
        problems.append(
            f"{path}: geen cel met de tag 'parameters'. Zet config_pad = \"\" in zo'n cel."
        )
    shown, explained = set(SHOW_CALL.findall(code)), set(EXPLAIN_CALL.findall(code))
    for ex in sorted(set(exercise_ids) - shown):
        problems.append(
            f"{path}: oefening '{ex}' staat niet op de pagina. Voeg page.show(\"{ex}\") toe."
        )
    for ex in sorted(shown - set(exercise_ids)):
        problems.append(f'{path}: page.show("{ex}") verwijst naar een oefening die niet bestaat.')
    for sec in module.sections:
        if sec.id not in explained:
            problems.append(
                f"{path}: uitleg '{sec.id}' staat niet op de pagina. Voeg page.explain(\"{sec.id}\") toe."
            )
    for sec in sorted(explained - {s.id for s in module.sections}):
        problems.append(f'{path}: page.explain("{sec}") verwijst naar uitleg die niet bestaat.')
    if any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
        problems.append(f"{path}: bevat uitvoer. Wis de uitvoer voor je het notebook bewaart.")
    return problems


def check_all(root: Path | None = None, nb_root: Path | None = None) -> list[str]:
    """Every problem in the content and notebooks; an empty list means all is well."""
    root = root or exercises_dir()
    nb_root = nb_root or notebooks_dir()
    problems: list[str] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if not (folder / MODULE_FILE).is_file():
            problems.append(
                f"{folder}: {MODULE_FILE} ontbreekt. Elke modulemap heeft er één nodig."
            )
            continue
        try:
            module = load_module(folder)
        except WorkbookError as exc:
            problems.append(str(exc))
            continue
        problems += file_problems(str(module.path), read_yaml(module.path))
        exercises: dict[str, Exercise] = {}
        for path in sorted(folder.glob("*.yaml")):
            if path.name == MODULE_FILE:
                continue
            try:
                ex = load_exercise(path)
                exercises[ex.id] = ex
                problems += file_problems(str(path), read_yaml(path))
            except WorkbookError as exc:
                problems.append(str(exc))
        problems += check_module(module, {i: e.kind for i, e in exercises.items()}, nb_root)
        problems += check_sectors(module, exercises)
        problems += draaiboek_problems(
            str(module.path),
            module.minutes,
            module.draaiboek,
            (ex_id.split("/", 1)[1] for ex_id in exercises),
            (s.id for s in module.sections),
        )
    if not (nb_root / "index.ipynb").is_file():
        problems.append(f"{nb_root}: de overzichtspagina index.ipynb ontbreekt.")
    return problems
