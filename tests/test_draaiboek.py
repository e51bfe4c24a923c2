"""The draaiboek: each module's session script adds up, names what exists, and is shown and printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from workbook.content.catalog import list_exercises, list_modules, load_module
from workbook.content.checks import check_all
from workbook.content.draaiboek import WORK_FORMS, clock, schedule
from workbook.errors import ContentError

GOOD_BLOCKS = """\
draaiboek:
  - title: Opening
    minutes: 10
    form: plenair
    text: Je heet iedereen welkom.
  - title: Uitleg
    minutes: 30
    form: plenair
    text: Je legt uit wat het is.
    sections: [uitleg]
  - title: Oefenen
    minutes: 20
    form: in tweetallen
    text: Tweetallen doen de oefening.
    exercises: [vraag]
"""


def _module(root: Path, blocks: str = GOOD_BLOCKS, minutes: int = 60) -> Path:
    folder = root / "kort"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "module.yaml").write_text(
        f"schema: 1\ntitle: Kort\nnotebook: 99-kort.ipynb\nsummary: S\nminutes: {minutes}\n"
        "sections:\n  - id: uitleg\n    title: U\n    text: T\n" + blocks,
        encoding="utf-8",
    )
    (folder / "vraag.yaml").write_text(
        "schema: 1\nkind: open\ntitle: T\nprompt: P\n", encoding="utf-8"
    )
    return folder


def _draaiboek_problems(root: Path, tmp_path: Path) -> list[str]:
    nbs = tmp_path / "notebooks"
    nbs.mkdir(exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(), nbs / "99-kort.ipynb")
    marks = ("veld 'draaiboek", "draaiboek[", "veld 'minutes'")
    return [p for p in check_all(root, nbs) if any(m in p for m in marks)]


def test_a_draaiboek_that_adds_up_passes(tmp_path: Path) -> None:
    root = tmp_path / "exercises"
    folder = _module(root)
    assert _draaiboek_problems(root, tmp_path) == []
    blocks = load_module(folder).draaiboek
    assert [b.exercises for b in blocks] == [(), (), ("vraag",)]
    assert [t.span for t in schedule(blocks)] == ["0:00–0:10", "0:10–0:40", "0:40–1:00"]


def test_blocks_that_do_not_add_up_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "exercises"
    _module(root, minutes=75)
    [problem] = _draaiboek_problems(root, tmp_path)
    assert "kort/module.yaml: veld 'draaiboek' telt op tot 60 minuten" in problem
    assert "veld 'minutes' zegt 75. Maak de blokken samen 15 minuten langer" in problem


def test_a_session_shorter_than_an_hour_or_longer_than_90_minutes_is_refused(
    tmp_path: Path,
) -> None:
    root = tmp_path / "exercises"
    _module(root, GOOD_BLOCKS.replace("minutes: 30", "minutes: 10"), minutes=40)
    [problem] = _draaiboek_problems(root, tmp_path)
    assert (
        "kort/module.yaml: veld 'minutes' is 40, maar een sessie duurt 60 tot en met 90" in problem
    )
    assert "Kies een lengte daartussen" in problem
    _module(root, GOOD_BLOCKS.replace("minutes: 30", "minutes: 80"), minutes=110)
    assert "veld 'minutes' is 110" in _draaiboek_problems(root, tmp_path)[0]


def test_an_unknown_work_form_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    root = tmp_path / "exercises"
    folder = _module(root, GOOD_BLOCKS.replace("in tweetallen", "in groepjes"))
    with pytest.raises(ContentError) as info:
        load_module(folder)
    message = str(info.value)
    assert "kort/module.yaml: draaiboek[3]: veld 'form' is 'in groepjes'" in message
    assert "Kies uit: " + ", ".join(WORK_FORMS) in message
    assert any("'in groepjes'" in p for p in check_all(root, tmp_path))


def test_an_exercise_or_explanation_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "exercises"
    blocks = GOOD_BLOCKS.replace("[vraag]", "[vraag, quiz]").replace("[uitleg]", "[uitlegg]")
    _module(root, blocks)
    problems = "\n".join(_draaiboek_problems(root, tmp_path))
    assert "veld 'draaiboek[3].exercises' noemt 'quiz', en die oefening bestaat niet" in problems
    assert "Kies uit: vraag." in problems
    assert "veld 'draaiboek[2].sections' noemt 'uitlegg', en die uitleg bestaat niet" in problems
    assert "Kies een id uit 'sections': uitleg." in problems


def test_a_module_without_a_draaiboek_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "exercises"
    _module(root, blocks="")
    [problem] = _draaiboek_problems(root, tmp_path)
    assert "kort/module.yaml: veld 'draaiboek' ontbreekt" in problem
    assert "\n" not in problem  # the CLI shows it as one line


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("minutes: 10", "minutes: tien", "draaiboek[1]: veld 'minutes' is 'tien'"),
        ("    text: Je heet iedereen welkom.\n", "", "draaiboek[1]: veld 'text' ontbreekt"),
        (
            "    form: plenair\n    text: Je legt",
            "    form: plenair\n    wie: x\n    text: Je legt",
            "draaiboek[2]: veld 'wie' is onbekend",
        ),
    ],
)
def test_a_broken_block_names_the_block_and_the_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _module(tmp_path, GOOD_BLOCKS.replace(old, new, 1))
    with pytest.raises(ContentError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_module(folder)


def test_every_shipped_module_has_a_draaiboek_that_adds_up() -> None:
    for module in list_modules():
        assert 60 <= module.minutes <= 90, module.id
        assert sum(b.minutes for b in module.draaiboek) == module.minutes, module.id
        forms = {b.form for b in module.draaiboek}
        assert len(forms) >= 3, (module.id, forms)  # a session switches work forms
        used = {slug for b in module.draaiboek for slug in b.exercises}
        mine = {ex.id.split("/", 1)[1] for ex in list_exercises(module.id)}
        # Every exercise has its block, so 'nu' on any of them marks a block on the trainer page.
        assert used == mine, (module.id, sorted(mine - used))
        explained = {sid for b in module.draaiboek for sid in b.sections}
        assert explained == {s.id for s in module.sections}, module.id
        assert "actiepunten" in used, module.id  # every session ends with a plan
        kinds = {ex.id.split("/", 1)[1]: ex.kind for ex in list_exercises(module.id)}
        exchanges = [
            b for b in module.draaiboek if "uitwisseling" in {kinds[s] for s in b.exercises}
        ]
        assert exchanges and all(b.form == "per school" for b in exchanges), module.id


def test_clock_counts_hours_and_minutes() -> None:
    assert [clock(m) for m in (0, 5, 60, 75, 90)] == ["0:00", "0:05", "1:00", "1:15", "1:30"]


def _pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _config(tmp_path: Path, sector: str) -> Path:
    path = tmp_path / f"{sector}.toml"
    path.write_text(
        f'naam = "Groep Draaiboek {sector}"\nsector = "{sector}"\nscholen = ["School A"]\n'
        f'opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("sector", ["mbo", "po"])
def test_the_handout_lists_every_offered_module_with_times_in_the_sectors_words(
    tmp_path: Path, sector: str
) -> None:
    from click.testing import CliRunner

    from workbook.cli import main
    from workbook.config import load_config

    config = _config(tmp_path, sector)
    out = tmp_path / "uit"
    result = CliRunner().invoke(main, ["draaiboek", str(config), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html_path = out / f"draaiboek-groep-draaiboek-{sector}.html"
    pdf_path = html_path.with_suffix(".pdf")
    assert result.output.strip() == f"Klaar: {html_path} en {pdf_path}."
    text = _pdf_text(pdf_path)
    flat = " ".join(text.split())
    cfg = load_config(config)
    offered = [m for m in list_modules() if m.id in cfg.offered_modules()]
    assert ("stage" in cfg.offered_modules()) == (sector == "mbo")
    for module in offered:
        assert module.title in flat, module.id
        assert f"{module.minutes} minuten" in flat
        for timed in schedule(module.draaiboek):
            assert timed.span in flat, (module.id, timed.block.title)
            assert f"{timed.block.minutes} min · werkvorm: {timed.block.form}" in flat
    assert "Oefening: Mijn actiepunten" in flat
    assert "Vragen voor de uitwisseling:" in flat
    assert "{" not in text and "}" not in text
    if sector == "mbo":
        assert "leerling" not in text.lower()
        assert "studenten" in text
    else:
        assert "student" not in text.lower()
        assert "havo" not in text.lower()  # the vo case is not in a po script


def test_a_missing_config_is_one_dutch_line() -> None:
    from click.testing import CliRunner

    from workbook.cli import main

    result = CliRunner().invoke(main, ["draaiboek", "bestaat-niet.toml", "--out", "uit"])
    assert result.exit_code == 1
    assert result.output.startswith("Fout: ") and "Traceback" not in result.output
