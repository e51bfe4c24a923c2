"""Exercise content as data: every shipped file is valid, and a broken file names file, field and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.content.catalog import list_exercises, list_modules, load_exercise
from workbook.content.checks import check_all
from workbook.errors import ContentError
from workbook.words import fill_placeholders


def write(tmp_path: Path, text: str, name: str = "vraag.yaml") -> Path:
    folder = tmp_path / "module"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_shipped_content_is_valid() -> None:
    assert list_modules()
    assert len(list_exercises("prestatiedruk")) >= 4
    assert check_all() == []


def test_placeholders_follow_the_sector() -> None:
    text = "{Leerlingen} helpen elkaar; een {leerling} vraagt."
    assert (
        fill_placeholders(text, "student", "studenten")
        == "Studenten helpen elkaar; een student vraagt."
    )


def test_id_is_folder_and_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "schema: 1\nkind: open\ntitle: T\nprompt: Vraag?\n")
    assert load_exercise(path).id == "module/vraag"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "kind: open\ntitle: T\nprompt: P\n",
            "veld 'schema' is None. Deze versie van het werkboek leest schema 1",
        ),
        ("schema: 1\nkind: quiz\ntitle: T\nprompt: P\n", "veld 'kind' is 'quiz'. Kies een van"),
        ("schema: 1\nkind: open\nprompt: P\n", "veld 'title' ontbreekt"),
        (
            "schema: 1\nkind: meerkeuze\ntitle: T\nprompt: P\noptions:\n  - text: a\n  - text: b\n",
            "veld 'options' heeft geen goed antwoord",
        ),
        (
            "schema: 1\nkind: meerkeuze\ntitle: T\nprompt: P\noptions:\n  - text: a\n    correct: ja\n  - text: b\n",
            "veld 'correct' is 'ja'. Gebruik true of false",
        ),
        (
            "schema: 1\nkind: schaal\ntitle: T\nprompt: P\npoints: [een]\n",
            "veld 'points' ontbreekt of is te kort",
        ),
        ("schema: 1\nkind: open\ntitle: T\nprompt: P\nkleur: rood\n", "veld 'kleur' is onbekend"),
        (
            "schema: 1\nkind: open\ntitle: T\nprompt: P: met dubbele punt: fout\n",
            "de YAML klopt niet op regel 4",
        ),
        ("- alleen\n- een lijst\n", "geen lijst met velden"),
    ],
)
def test_broken_exercise_names_file_field_and_fix(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as err:
        load_exercise(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_bad_file_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "schema: 1\nkind: open\ntitle: T\nprompt: P\n", name="Mijn Vraag.yaml")
    with pytest.raises(ContentError, match="geen geldige id"):
        load_exercise(path)


def test_check_reports_incomplete_module_and_missing_calls(tmp_path: Path) -> None:
    root, nbs = tmp_path / "exercises", tmp_path / "notebooks"
    (root / "kort").mkdir(parents=True)
    nbs.mkdir()
    (root / "kort" / "module.yaml").write_text(
        "schema: 1\ntitle: Kort\nnotebook: 99-kort.ipynb\nsummary: S\n"
        "sections:\n  - id: uitleg\n    title: U\n    text: T\n",
        encoding="utf-8",
    )
    (root / "kort" / "vraag.yaml").write_text(
        "schema: 1\nkind: open\ntitle: T\nprompt: P\n", encoding="utf-8"
    )
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('page.show("kort/vraag")')]
    nbformat.write(nb, nbs / "99-kort.ipynb")
    problems = "\n".join(check_all(root, nbs))
    assert "heeft 1 oefeningen; maak er minstens 4" in problems
    assert "mist 'Mijn actiepunten'" in problems
    assert "uitleg 'uitleg' staat niet op de pagina" in problems
    assert "geen cel met de tag 'parameters'" in problems
    assert "index.ipynb ontbreekt" in problems


def test_a_module_lists_its_exercises_in_the_order_of_its_page() -> None:
    """The projector's 'whole module' and the report follow the page, not the file names."""
    import json
    import re

    from workbook.paths import notebooks_dir

    for module in list_modules():
        cells = json.loads((notebooks_dir() / module.notebook).read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        on_page = re.findall(r'page\.show\("([^"]+)"\)', code)
        assert [e.id for e in list_exercises(module.id)] == on_page, module.id
