"""Exchange in a group (kind uitwisseling): members see each other's part live, other groups do not,
the projector shows every group side by side, and each member's report has the group's outcome."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.kinds.uitwisseling import UitwisselingWidget
from widgets.trainer.views import summary_html
from workbook.config import load_config
from workbook.content.catalog import get_exercise, list_exercises, list_modules
from workbook.errors import ContentError
from workbook.kinds import answer_lines, summarize
from workbook.kinds.uitwisseling import read
from workbook.output.report import participant_report
from workbook.store import AnswerStore, ParticipantAnswers

EXERCISE = "prestatiedruk/bespreek-drukke-momenten"


@pytest.fixture
def room(tmp_path: Path):
    cfg_path = tmp_path / "groep.toml"
    cfg_path.write_text(
        'naam = "Groep Samen"\nsector = "vo"\nscholen = ["Lyceum A", "College B"]\n'
        f'opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    cfg = load_config(cfg_path)
    store = AnswerStore(cfg.store_url)
    yield cfg, store
    store.close()


def member(cfg, store, name: str, school: str) -> tuple[UitwisselingWidget, ParticipantAnswers]:
    p = store.create_participant(cfg.slug, name, school)
    answers = ParticipantAnswers(store, cfg.slug, p)
    widget = UitwisselingWidget(get_exercise(EXERCISE), *cfg.words)
    widget.bind(answers)
    return widget, answers


def test_members_of_one_table_see_each_others_part_and_other_tables_do_not(room) -> None:
    cfg, store = room
    anna, _ = member(cfg, store, "Anna", "Lyceum A")
    bram, _ = member(cfg, store, "Bram", "College B")
    cas, _ = member(cfg, store, "Cas", "Lyceum A")
    # The school is offered first; Anna and Bram choose table 3, Cas stays with his school.
    assert anna.group.value == "school:Lyceum A" and cas.group.value == "school:Lyceum A"
    anna.group.value = bram.group.value = "tafel:3"
    anna.text.value = "De toetsweek in maart"
    anna.changed()
    cas.text.value = "Geheim van Cas"
    cas.changed()
    bram.refresh_shared()  # what the page's heartbeat does
    assert "De toetsweek in maart" in bram.outcome.value
    assert "De uitkomst van jullie groep (Tafel 3)" in bram.outcome.value
    assert "Geheim van Cas" not in bram.outcome.value + anna.outcome.value
    bram.text.value = "En de week voor de kerst"
    bram.changed()
    anna.refresh_shared()
    assert "En de week voor de kerst" in anna.outcome.value and "(jij)" in anna.outcome.value
    # Cas, alone at his school so far, sees only his own part.
    cas.refresh_shared()
    assert "De toetsweek" not in cas.outcome.value and "Geheim van Cas" in cas.outcome.value


def test_typed_markup_stays_text_in_the_outcome(room) -> None:
    cfg, store = room
    anna, _ = member(cfg, store, "Anna", "Lyceum A")
    anna.text.value = "<script>alert(1)</script> =SOM(A1)"
    anna.changed()
    assert "<script>" not in anna.outcome.value and "&lt;script&gt;" in anna.outcome.value


def test_the_projector_shows_every_group_side_by_side(room) -> None:
    cfg, store = room
    for name, school, group, text in (
        ("Anna", "Lyceum A", "tafel:2", "Spreiden"),
        ("Bram", "College B", "tafel:2", "Minder toetsen"),
        ("Cas", "College B", "school:College B", "Een toetsrooster"),
        ("Dirk", "Lyceum A", "tafel:10", "Rust"),
    ):
        widget, _ = member(cfg, store, name, school)
        widget.group.value = group
        widget.text.value = text
        widget.changed()
    view = summarize(get_exercise(EXERCISE), store.answers_for_exercise(cfg.slug, EXERCISE))
    assert [g["label"] for g in view["groups"]] == ["School: College B", "Tafel 2", "Tafel 10"]
    html = summary_html(view)
    assert html.index("Spreiden") < html.index("Tafel 10") and "Anna" not in html
    assert "4 antwoorden" in html


def test_each_members_report_has_the_groups_outcome_and_deletion_sticks(room) -> None:
    cfg, store = room
    anna, anna_answers = member(cfg, store, "Anna", "Lyceum A")
    bram, bram_answers = member(cfg, store, "Bram", "Lyceum A")
    anna.text.value = "Toetsen spreiden over de periode"
    anna.changed()
    bram.text.value = "Ouders uitnodigen in november"
    bram.changed()
    report = participant_report(store, cfg, anna_answers.participant.code)
    assert "Uitkomst van de groep (School: Lyceum A):" in report
    assert (
        "Toetsen spreiden over de periode" in report and "Ouders uitnodigen in november" in report
    )
    bram_answers.forget()
    report = participant_report(store, cfg, anna_answers.participant.code)
    assert "Ouders uitnodigen in november" not in report
    assert "School: Lyceum A: Toetsen spreiden over de periode" in report


def test_a_saved_answer_reads_without_a_gathered_outcome() -> None:
    ex = get_exercise(EXERCISE)
    value = {"version": 1, "group": "tafel:4", "text": "Regel een\nRegel twee"}
    assert answer_lines(ex, value) == ["Tafel 4: Regel een Regel twee"]
    assert read({"group": 3, "text": None}) == {"version": 1, "group": "", "text": ""}


def test_every_module_has_its_exchanges_among_the_exercises() -> None:
    for module in list_modules():
        kinds = [e.kind for e in list_exercises(module.id)]
        assert 3 <= kinds.count("uitwisseling") <= 4, module.id


def test_a_module_with_the_old_discussion_field_gets_a_dutch_message(tmp_path: Path) -> None:
    from workbook.content.catalog import load_module

    folder = tmp_path / "proef"
    folder.mkdir()
    (folder / "module.yaml").write_text(
        "schema: 1\ntitle: Proef\nnotebook: 90-proef.ipynb\nsummary: Kort.\n"
        "sections: [{id: a, title: A, text: Tekst.}]\ndiscussion:\n  - Een vraag?\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="uitwisseling"):
        load_module(folder)
