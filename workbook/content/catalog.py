"""The content catalog: modules and exercises read from exercises/<module>/*.yaml and validated."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbook.content.draaiboek import Block, read_draaiboek
from workbook.errors import ContentError
from workbook.kinds import KINDS, SCHEMA_VERSION, Exercise, Fields, is_answered, validate_spec
from workbook.paths import exercises_dir, notebooks_dir
from workbook.words import SECTORS
from workbook.yamltext import parse_yaml

MODULE_FILE = "module.yaml"
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class Section:
    """A short explanation on a module page, in Markdown with sector placeholders."""

    id: str
    title: str
    text: str
    source: str = ""  # a short source line, shown in small print under the text
    sectors: tuple[str, ...] = ()  # the sectors whose page shows it; empty: every sector

    def shown_to(self, sector: str | None) -> bool:
        """True when a page for this sector shows the explanation (no sector: always)."""
        return not self.sectors or sector is None or sector in self.sectors


@dataclass(frozen=True)
class Module:
    """One module: its page, its explanations and the sectors that get it by default."""

    id: str
    title: str
    order: int
    notebook: str
    sectors: tuple[str, ...]
    summary: str
    minutes: int
    sections: tuple[Section, ...]
    path: Path
    draaiboek: tuple[Block, ...] = ()  # the trainer's session script; checked by `workbook check`


def read_yaml(path: Path) -> Any:
    """A YAML file as data, with a Dutch message naming the file (and line) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(
            f"{path}: het bestand is geen UTF-8-tekst. Sla het op als UTF-8."
        ) from None
    return parse_yaml(text, str(path))


def read_sectors(f: Fields, field: str = "sectors") -> tuple[str, ...]:
    """An optional list of sector codes (po, vo, go, mbo); empty when the field is absent."""
    sectors = f.texts(field, required=False)
    for s in sectors:
        if s not in SECTORS:
            raise f.fail(field, f"noemt {s!r}", "Kies uit: " + ", ".join(SECTORS) + ".")
    return tuple(sectors)


def load_exercise(path: Path) -> Exercise:
    """Read and validate one exercise file; its id comes from its folder and file name."""
    module, slug = path.parent.name, path.stem
    if not SLUG.fullmatch(slug):
        raise ContentError(
            f"{path}: de bestandsnaam '{slug}' is geen geldige id. Gebruik kleine letters, cijfers, "
            "'-' en '_'."
        )
    data = read_yaml(path)
    kind, title, prompt, help_text, spec = validate_spec(data, str(path))
    f = Fields(data, str(path))
    measured = f.flag("meting", default=False)
    if measured and KINDS[kind].compare is None:
        can = ", ".join(sorted(k for k, v in KINDS.items() if v.compare is not None))
        raise f.fail(
            "meting",
            f"kan niet bij een oefening van de soort '{kind}'",
            f"Alleen deze soorten kun je opnieuw meten: {can}. Haal 'meting: true' weg.",
        )
    return Exercise(
        f"{module}/{slug}",
        module,
        kind,
        title,
        prompt,
        help_text,
        spec,
        path,
        source=f.text("source", required=False),
        sectors=read_sectors(f),
        measured=measured,
    )


def load_module(folder: Path) -> Module:
    """Read and validate a module's module.yaml."""
    path = folder / MODULE_FILE
    data = read_yaml(path)
    where = str(path)
    if not isinstance(data, dict):
        raise ContentError(f"{where}: het bestand is geen lijst met velden. Begin met 'schema: 1'.")
    f = Fields(data, where)
    if "discussion" in data:
        raise f.fail(
            "discussion",
            "bestaat niet meer",
            "Maak van elke vraag een oefening met 'kind: uitwisseling' en zet die in het notebook "
            "op de plek waar de vraag hoort (page.show(...)).",
        )
    f.only(
        {
            "schema",
            "title",
            "order",
            "notebook",
            "sectors",
            "summary",
            "minutes",
            "sections",
            "draaiboek",
        }
    )
    if data.get("schema") != SCHEMA_VERSION:
        raise f.fail("schema", f"is {data.get('schema')!r}", f"Gebruik schema: {SCHEMA_VERSION}.")
    sectors = read_sectors(f) or tuple(SECTORS)
    sections = []
    for sf in f.mappings("sections"):
        sf.only({"id", "title", "text", "source", "sectors"})
        sid = sf.text("id")
        if not SLUG.fullmatch(sid):
            raise sf.fail("id", f"is {sid!r}", "Gebruik kleine letters, cijfers, '-' en '_'.")
        only = read_sectors(sf)
        if set(only) - set(sectors):
            raise sf.fail(
                "sectors",
                f"noemt {sorted(set(only) - set(sectors))[0]!r}, maar de module is niet voor die sector",
                "Kies uit de sectoren van de module: " + ", ".join(sectors) + ".",
            )
        sections.append(
            Section(
                sid,
                sf.text("title"),
                sf.text("text"),
                source=sf.text("source", required=False),
                sectors=only,
            )
        )
    if len({s.id for s in sections}) != len(sections):
        raise f.fail("sections", "heeft twee keer dezelfde id", "Geef elke uitleg een eigen id.")
    notebook = f.text("notebook")
    if not notebook.endswith(".ipynb"):
        raise f.fail(
            "notebook",
            f"is {notebook!r}",
            "Noem het notebook, bijvoorbeeld 10-prestatiedruk.ipynb.",
        )
    return Module(
        id=folder.name,
        title=f.text("title"),
        order=f.integer("order", default=50, low=0, high=99),
        notebook=notebook,
        sectors=tuple(sectors),
        summary=f.text("summary"),
        minutes=f.integer("minutes", default=75, low=10, high=240),
        sections=tuple(sections),
        path=path,
        draaiboek=read_draaiboek(f),
    )


@lru_cache(maxsize=4)
def _catalog(root: Path) -> tuple[tuple[Module, ...], dict[str, Exercise]]:
    modules = []
    exercises: dict[str, Exercise] = {}
    for folder in sorted(p for p in root.iterdir() if (p / MODULE_FILE).is_file()):
        modules.append(load_module(folder))
        for path in sorted(folder.glob("*.yaml")):
            if path.name != MODULE_FILE:
                ex = load_exercise(path)
                exercises[ex.id] = ex
    modules.sort(key=lambda m: (m.order, m.id))
    return tuple(modules), exercises


def list_modules(root: Path | None = None) -> list[Module]:
    """All modules in course order."""
    return list(_catalog(root or exercises_dir())[0])


def get_module(module_id: str, root: Path | None = None) -> Module:
    """One module by id, or a ContentError naming the known ones."""
    for m in list_modules(root):
        if m.id == module_id:
            return m
    known = ", ".join(m.id for m in list_modules(root))
    raise ContentError(f"Module '{module_id}' bestaat niet. Beschikbare modules: {known}.")


def list_exercises(
    module_id: str | None = None, root: Path | None = None, *, sector: str | None = None
) -> list[Exercise]:
    """All exercises sorted by id; or those of one module in the order its page shows them.

    With a sector, only the exercises a page for that sector shows."""
    exercises = [e for e in _catalog(root or exercises_dir())[1].values() if e.shown_to(sector)]
    if module_id is None:
        return sorted(exercises, key=lambda e: e.id)
    order = {ex_id: n for n, ex_id in enumerate(page_order(module_id, root))}
    mine = [e for e in exercises if e.module == module_id]
    return sorted(mine, key=lambda e: (order.get(e.id, len(order)), e.id))


# page.show("module/slug") in a module's notebook: the notebook is the one source of the page order.
SHOW_CALL = re.compile(r"""page\.show\(\s*["']([^"']+)["']\s*\)""")


def page_order(module_id: str, root: Path | None = None) -> tuple[str, ...]:
    """The exercise ids in the order the module's page shows them (empty without a notebook)."""
    modules = {m.id: m for m in list_modules(root)}
    if module_id not in modules:
        return ()
    return _shown_in(notebooks_dir() / modules[module_id].notebook)


@lru_cache(maxsize=32)
def _shown_in(path: Path) -> tuple[str, ...]:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return ()
    code = "\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "code")
    return tuple(dict.fromkeys(SHOW_CALL.findall(code)))


def get_exercise(exercise_id: str, root: Path | None = None) -> Exercise:
    """One exercise by its id 'module/slug'."""
    found = _catalog(root or exercises_dir())[1].get(exercise_id)
    if found is None:
        raise ContentError(
            f"Oefening '{exercise_id}' bestaat niet. Controleer de id: map/bestandsnaam zonder .yaml."
        )
    return found


def module_progress(
    answers: dict[str, object], module_id: str, sector: str | None = None
) -> tuple[int, int]:
    """(answered, total) exercises of a module (those a sector's page shows), for progress."""
    ids = [e.id for e in list_exercises(module_id, sector=sector)]
    done = sum(1 for i in ids if is_answered(answers.get(i)))
    return done, len(ids)
