"""`workbook check`: validate all content and all notebooks, and that each module is complete."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from workbook.content.catalog import MODULE_FILE, SHOW_CALL, Module, load_exercise, load_module
from workbook.errors import WorkbookError
from workbook.paths import exercises_dir, notebooks_dir

MIN_EXERCISES = 4
MIN_KINDS = 3
EXPLAIN_CALL = re.compile(r"""page\.explain\(\s*["']([^"']+)["']\s*\)""")


def check_module(module: Module, exercise_ids: dict[str, str], nb_root: Path) -> list[str]:
    """Problems with one module: completeness, and whether its notebook shows all its content."""
    problems = []
    where = f"module '{module.id}'"
    kinds = set(exercise_ids.values())
    if len(exercise_ids) < MIN_EXERCISES:
        problems.append(
            f"{where}: heeft {len(exercise_ids)} oefeningen; maak er minstens {MIN_EXERCISES}."
        )
    if len(kinds - {"actiepunten"}) < MIN_KINDS:
        problems.append(
            f"{where}: gebruikt {len(kinds - {'actiepunten'})} soorten oefeningen; "
            f"gebruik er minstens {MIN_KINDS}."
        )
    if "actiepunten" not in kinds:
        problems.append(
            f"{where}: mist 'Mijn actiepunten'. Voeg een oefening toe met kind: actiepunten."
        )
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
        kinds: dict[str, str] = {}
        for path in sorted(folder.glob("*.yaml")):
            if path.name == MODULE_FILE:
                continue
            try:
                ex = load_exercise(path)
                kinds[ex.id] = ex.kind
            except WorkbookError as exc:
                problems.append(str(exc))
        problems += check_module(module, kinds, nb_root)
    if not (nb_root / "index.ipynb").is_file():
        problems.append(f"{nb_root}: de overzichtspagina index.ipynb ontbreekt.")
    return problems
