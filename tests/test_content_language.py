"""workbook check keeps participant texts readable: short sentences, known placeholders, Dutch."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from workbook.content.catalog import load_exercise, load_module
from workbook.content.checks import check_all
from workbook.content.language import participant_texts, sentences, text_problems
from workbook.errors import ContentError

LONG = " ".join(["woord"] * 26) + "."
SHORT = " ".join(["woord"] * 25) + "."


def test_a_sentence_of_26_words_is_too_long_and_25_is_fine() -> None:
    assert text_problems("f.yaml", "prompt", SHORT) == []
    [problem] = text_problems("f.yaml", "prompt", LONG)
    assert problem.startswith("f.yaml: veld 'prompt' heeft een zin van 26 woorden (hoogstens 25)")
    assert "Maak er twee kortere zinnen van." in problem


def test_markdown_lists_and_wrapped_lines_split_into_sentences() -> None:
    text = "Eerste zin die\nover twee regels loopt. Tweede zin!\n\n- een punt\n- nog een punt;\n  verder\n"
    assert sentences(text) == [
        "Eerste zin die over twee regels loopt.",
        "Tweede zin!",
        "een punt",
        "nog een punt; verder",
    ]


def test_unknown_placeholder_and_english_words_are_named() -> None:
    problems = text_problems("f.yaml", "options[2].text", "De {leerkracht} en de {leraar}.")
    assert problems == [
        "f.yaml: veld 'options[2].text' gebruikt {leerkracht}, en dat kent het werkboek niet. "
        "Gebruik {leerling}, {leerlingen}, {leraar} of {leraren} (of met een hoofdletter)."
    ]
    [english] = text_problems("f.yaml", "categories[1]", "Connect before correct")
    assert "veld 'categories[1]' bevat het Engelse woord 'before'" in english
    assert text_problems("f.yaml", "title", "{Leraren} en {Leerlingen} doen mee.") == []


def test_only_participant_texts_are_read() -> None:
    data = {
        "schema": 1,
        "kind": "meerkeuze",
        "sectors": ["po"],
        "title": "T",
        "options": [{"text": "A", "correct": True, "feedback": "F"}],
        "layers": ["foundation"],
    }
    assert list(participant_texts(data)) == [
        ("title", "T"),
        ("options[1].text", "A"),
        ("options[1].feedback", "F"),
    ]


def _module(root: Path, body: str = "", sectors: str = "") -> Path:
    folder = root / "kort"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "module.yaml").write_text(
        f"schema: 1\ntitle: Kort\nnotebook: 99-kort.ipynb\nsummary: S\n{sectors}"
        "sections:\n  - id: uitleg\n    title: U\n    text: T\n" + body,
        encoding="utf-8",
    )
    return folder


def test_workbook_check_names_the_file_and_field_of_each_language_problem(tmp_path: Path) -> None:
    root, nbs = tmp_path / "exercises", tmp_path / "notebooks"
    folder = _module(root, f"    source: {LONG}\n")
    (folder / "vraag.yaml").write_text(
        "schema: 1\nkind: keuze\ntitle: T\nprompt: Kies een {groep}.\n"
        "options: [Connect before correct, Eerst contact]\n",
        encoding="utf-8",
    )
    nbs.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), nbs / "99-kort.ipynb")
    problems = check_all(root, nbs)
    module, exercise = folder / "module.yaml", folder / "vraag.yaml"
    assert f"{module}: veld 'sections[1].source' heeft een zin van 26 woorden" in "\n".join(
        problems
    )
    assert f"{exercise}: veld 'prompt' gebruikt {{groep}}" in "\n".join(problems)
    assert f"{exercise}: veld 'options[1]' bevat het Engelse woord 'before'" in "\n".join(problems)


def test_sectors_of_an_exercise_and_a_section_are_validated(tmp_path: Path) -> None:
    folder = _module(tmp_path, "    sectors: [mbo]\n", sectors="sectors: [po, vo]\n")
    with pytest.raises(ContentError, match="veld 'sectors' noemt 'mbo', maar de module is niet"):
        load_module(folder)
    path = folder / "x.yaml"
    path.write_text(
        "schema: 1\nkind: open\ntitle: T\nprompt: P\nsectors: [hbo]\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"x.yaml: veld 'sectors' noemt 'hbo'. Kies uit: po, vo"):
        load_exercise(path)
    path.write_text(
        "schema: 1\nkind: open\ntitle: T\nprompt: P\nsectors: [vo]\nsource: Een bron\n",
        encoding="utf-8",
    )
    ex = load_exercise(path)
    assert (ex.sectors, ex.source) == (("vo",), "Een bron")
    assert ex.shown_to("vo") and not ex.shown_to("po") and ex.shown_to(None)


def test_each_sector_of_a_module_needs_a_complete_page(tmp_path: Path) -> None:
    root, nbs = tmp_path / "exercises", tmp_path / "notebooks"
    folder = _module(root, sectors="sectors: [po, vo]\n")
    files = {
        "a": "kind: open\ntitle: T\nprompt: P\n",
        "b": "kind: open\ntitle: T\nprompt: P\nsectors: [vo]\n",
        "c": "kind: keuze\ntitle: T\nprompt: P\noptions: [x, y]\nsectors: [vo]\n",
        "d": "kind: checklist\ntitle: T\nprompt: P\nitems: [x, y]\n",
        "e": "kind: actiepunten\ntitle: T\nprompt: P\n",
        "f": "kind: open\ntitle: T\nprompt: P\nsectors: [mbo]\n",
    }
    for name, body in files.items():
        (folder / f"{name}.yaml").write_text("schema: 1\n" + body, encoding="utf-8")
    nbs.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), nbs / "99-kort.ipynb")
    problems = "\n".join(check_all(root, nbs))
    assert "f.yaml: veld 'sectors' noemt 'mbo'" in problems
    assert "module 'kort' voor primair onderwijs (po): heeft 3 oefeningen" in problems
    assert "module 'kort' voor voortgezet onderwijs (vo)" not in problems
