"""What a participant notices in the content of the modules: facts, exercises and the page order."""

from __future__ import annotations

import re

import nbformat

from workbook.catalog import fill_placeholders, get_exercise, get_module, list_exercises
from workbook.paths import notebooks_dir


def _page_calls(module_id: str) -> list[str]:
    """The explain/show/discuss calls of a module's notebook, in page order."""
    nb = nbformat.read(notebooks_dir() / get_module(module_id).notebook, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(r"page\.(?:explain|show)\(\"[^\"]+\"\)|page\.discuss\(\)", code)


def _module_text(module_id: str) -> str:
    """Everything a participant reads on a module page: summary, explanations and exercises."""
    module = get_module(module_id)
    parts = [module.title, module.summary, *module.discussion]
    parts += [f"{s.title}\n{s.text}" for s in module.sections]
    for ex in list_exercises(module_id):
        parts += [ex.title, ex.prompt, ex.help, str(ex.spec)]
    return "\n".join(parts)


def _assert_well_shaped(module_id: str) -> None:
    """4-6 explanations, 5-7 exercises of 3+ kinds, 3-4 discussion questions, actiepunten last."""
    module = get_module(module_id)
    exercises = list_exercises(module_id)
    assert 4 <= len(module.sections) <= 6
    assert 5 <= len(exercises) <= 7
    assert len({e.kind for e in exercises} - {"actiepunten"}) >= 3
    assert 3 <= len(module.discussion) <= 4
    calls = _page_calls(module_id)
    assert calls[-1] == f'page.show("{module_id}/actiepunten")'
    assert calls[-2] == "page.discuss()"
    assert get_exercise(f"{module_id}/actiepunten").title == "Mijn actiepunten"


def test_ouders_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("ouders")


def test_ouders_covers_why_barriers_good_examples_and_a_plan():
    text = _module_text("ouders")
    for needed in ("leren", "plezier", "Cultuur", "tienminutengesprekken", "plan van aanpak", "kanaal"):
        assert needed.lower() in text.lower(), needed


def test_ouders_self_scan_sums_up_where_the_school_can_improve():
    scan = get_exercise("ouders/zelfscan")
    assert scan.kind == "schaal"
    assert len(scan.spec["statements"]) >= 6
    assert scan.spec["concern_max"] is not None
    assert scan.spec["summary_title"] != "Samenvatting"


def test_ouders_communication_plan_asks_for_goal_and_channel_per_row():
    plan = get_exercise("ouders/communicatieplan")
    assert plan.kind == "tabel"
    columns = " ".join(plan.spec["columns"]).lower()
    assert "doel" in columns and "kanaal" in columns
    assert plan.spec["rows"] >= 3


def test_ouders_texts_say_studenten_in_mbo():
    module = get_module("ouders")
    shown = fill_placeholders(module.sections[0].text, "student", "studenten")
    assert "studenten" in shown and "{leerling" not in shown


def test_stage_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("stage")


def test_stage_names_the_monitor_figure_of_4_4_percent():
    text = _module_text("stage")
    assert "4,4%" in text
    assert "Monitor Sociale Veiligheid" in text
    answer = [o for o in get_exercise("stage/cijfer").spec["options"] if o["correct"]]
    assert [o["text"] for o in answer] == ["4,4%"]


def test_stage_explains_the_double_role_of_learner_and_employee():
    text = _module_text("stage").lower()
    assert "lerende" in text and "werknemer" in text
    assert "praktijkopleider" in text and "collega" in text


def test_stage_measures_are_asked_per_gezonde_school_pillar():
    pillars = ["Educatie", "Omgeving", "Signalering", "Beleid"]
    assert get_exercise("stage/maatregelen").spec["row_labels"] == pillars
    sorting = get_exercise("stage/pijlers").spec
    assert sorting["categories"] == pillars and sorting["checkable"]
    assert get_exercise("stage/risicokaart").kind in ("tabel", "checklist")
    assert get_exercise("stage/gespreksvragen").kind in ("checklist", "open")


def test_stage_is_offered_in_mbo_and_elsewhere_only_when_listed():
    from workbook.config import load_config, parse_config
    from workbook.paths import examples_dir

    assert "stage" in load_config(examples_dir() / "mbo-vakcollege.toml").offered_modules()
    assert "stage" not in load_config(examples_dir() / "po-kindwijs.toml").offered_modules()
    assert "stage" not in load_config(examples_dir() / "vo-lindecollege.toml").offered_modules()
    listed = parse_config({"naam": "Vmbo met stages", "sector": "vo", "modules": ["prestatiedruk", "stage"]})
    assert "stage" in listed.offered_modules()
