"""The keuze, indelen, tabel, thermometer and schijf widgets: answer, save, restore again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from widgets.kinds.indelen import IndelenWidget
from widgets.kinds.keuze import KeuzeWidget
from widgets.kinds.schijf import SchijfWidget
from widgets.kinds.tabel import TabelWidget
from widgets.kinds.thermometer import ThermometerWidget
from workbook.content.catalog import Exercise, load_exercise
from workbook.store import AnswerStore, ParticipantAnswers

GROUP = "testgroep"


def make_exercise(tmp_path: Path, kind: str, **fields: Any) -> Exercise:
    """Write one exercise YAML into a temp exercises tree and load it like the catalog does."""
    folder = tmp_path / "exercises" / "proef"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-oefening.yaml"
    data = {
        "schema": 1,
        "kind": kind,
        "title": f"Oefening {kind}",
        "prompt": "Doe mee, {leerling}.",
    }
    path.write_text(yaml.safe_dump({**data, **fields}, allow_unicode=True), encoding="utf-8")
    return load_exercise(path)


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    with AnswerStore(f"sqlite:///{tmp_path / 'antwoorden.sqlite'}") as s:
        yield s


def answers_of(store: AnswerStore, name: str = "Sanne") -> ParticipantAnswers:
    return ParticipantAnswers(store, GROUP, store.create_participant(GROUP, name, "Testschool"))


def reopened(widget_class: type, exercise: Exercise, answers: ParticipantAnswers) -> Any:
    """A new widget for the same participant, as after a page reload."""
    fresh = widget_class(exercise)
    fresh.bind(ParticipantAnswers(answers._store, GROUP, answers.participant))
    return fresh


def saved(store: AnswerStore, answers: ParticipantAnswers, exercise: Exercise) -> Any:
    return store.load_answer(GROUP, answers.participant.code, exercise.id)


def test_keuze_single_saves_the_option_text_and_restores(
    tmp_path: Path, store: AnswerStore
) -> None:
    ex = make_exercise(tmp_path, "keuze", options=["☀️ Zonnig", "🌧️ Regen", "⛈️"])
    widget = KeuzeWidget(ex)
    assert widget.radio.disabled  # nobody joined yet
    answers = answers_of(store)
    widget.bind(answers)
    assert not widget.radio.disabled
    widget.radio.index = 1
    assert saved(store, answers, ex) == {"chosen": ["🌧️ Regen"]}
    assert "Opgeslagen" in widget.status.value
    assert reopened(KeuzeWidget, ex, answers).radio.index == 1


def test_keuze_emoji_alone_gets_a_readable_word(tmp_path: Path) -> None:
    ex = make_exercise(tmp_path, "keuze", options=["😊", "😐", "🦄"])
    widget = KeuzeWidget(ex)
    assert widget.radio.options == ("😊 tevreden", "😐 gewoon", "🦄 keuze 3")


def test_keuze_multiple_uses_checkboxes(tmp_path: Path, store: AnswerStore) -> None:
    ex = make_exercise(tmp_path, "keuze", options=["moe", "blij", "druk"], multiple=True)
    widget = KeuzeWidget(ex)
    answers = answers_of(store)
    widget.bind(answers)
    widget.boxes[0].value = True
    widget.boxes[2].value = True
    assert saved(store, answers, ex) == {"chosen": ["moe", "druk"]}
    assert [b.value for b in reopened(KeuzeWidget, ex, answers).boxes] == [True, False, True]


SORT_ITEMS = [
    {"text": "Je eigen gevoel herkennen", "category": "ik", "feedback": "Dat gaat over jezelf."},
    {"text": "Je inleven in een ander", "category": "jij"},
    {"text": "Samen een klasafspraak maken", "category": "wij"},
]


def test_indelen_check_gives_score_and_item_feedback(tmp_path: Path, store: AnswerStore) -> None:
    ex = make_exercise(tmp_path, "indelen", categories=["ik", "jij", "wij"], items=SORT_ITEMS)
    widget = IndelenWidget(ex)
    assert [p.description for p in widget.pickers] == [i["text"] for i in SORT_ITEMS]
    answers = answers_of(store)
    widget.bind(answers)
    widget.pickers[0].value = "ik"
    widget.pickers[1].value = "wij"
    widget.check.click()
    html = widget.feedback.value
    assert "1 van de 3 goed" in html
    assert "Dat gaat over jezelf." in html
    assert "Dit hoort bij: jij." in html
    assert "Nog niet ingedeeld" in html
    value = saved(store, answers, ex)
    assert value == {
        "placed": {"Je eigen gevoel herkennen": "ik", "Je inleven in een ander": "wij"},
        "checked": True,
    }
    again = reopened(IndelenWidget, ex, answers)
    assert [p.value for p in again.pickers] == ["ik", "wij", ""]
    assert "1 van de 3 goed" in again.feedback.value
    again.pickers[1].value = "jij"  # changing an answer hides the old verdict
    assert again.feedback.value == ""


def test_indelen_without_categories_has_no_check(tmp_path: Path) -> None:
    items = [{"text": "Mail"}, {"text": "Ouderavond"}]
    ex = make_exercise(tmp_path, "indelen", categories=["snel", "persoonlijk"], items=items)
    widget = IndelenWidget(ex)
    assert not hasattr(widget, "check")
    assert len(widget.controls()) == 2


def test_tabel_cells_have_names_and_rows_are_saved(tmp_path: Path, store: AnswerStore) -> None:
    ex = make_exercise(tmp_path, "tabel", columns=["Doel", "Kanaal"], row_labels=["Start", "Einde"])
    widget = TabelWidget(ex)
    assert widget.cells[1][0].description == "Einde – Doel"
    answers = answers_of(store)
    widget.bind(answers)
    widget.cells[0][1].value = "nieuwsbrief <b>"
    widget.cells[1][0].value = "terugblik"
    assert saved(store, answers, ex) == {
        "rows": [{"Doel": "", "Kanaal": "nieuwsbrief <b>"}, {"Doel": "terugblik", "Kanaal": ""}]
    }
    again = reopened(TabelWidget, ex, answers)
    assert again.cells[0][1].value == "nieuwsbrief <b>"


def test_tabel_numbered_rows(tmp_path: Path) -> None:
    ex = make_exercise(tmp_path, "tabel", columns=["Risico"], rows=2)
    assert [line[0].description for line in TabelWidget(ex).cells] == [
        "Rij 1 – Risico",
        "Rij 2 – Risico",
    ]


def thermometer(tmp_path: Path) -> Exercise:
    return make_exercise(
        tmp_path, "thermometer", low_label="Slecht", high_label="Super", group_minimum=3
    )


def test_thermometer_saves_mark_and_shows_group_only_from_minimum(
    tmp_path: Path, store: AnswerStore
) -> None:
    ex = thermometer(tmp_path)
    first = answers_of(store, "Anna")
    widget = ThermometerWidget(ex)
    assert widget.radio.options[0] == "1" and "1 = Slecht" in widget.children[2].value
    widget.bind(first)
    widget.radio.value = "7"
    assert saved(store, first, ex) == {"mark": 7}
    assert "1 van de 3" in widget.group.value
    for name, mark in [("Bas", 7), ("Cem", 4)]:
        other = ThermometerWidget(ex)
        other.bind(answers_of(store, name))
        other.radio.value = str(mark)
    assert "1 van de 3" in widget.group.value  # not refreshed yet
    widget.refresh.click()
    html = widget.group.value
    assert "cijfer 7: 2 keer" in html and "cijfer 4: 1 keer" in html
    assert "gemiddeld een 6,0" in html
    for name in ("Anna", "Bas", "Cem"):
        assert name not in html
    assert reopened(ThermometerWidget, ex, first).radio.value == "7"


def test_schijf_rates_segments_and_redraws_the_wheel(tmp_path: Path, store: AnswerStore) -> None:
    segments = [
        {"name": n, "description": f"Tijd voor {n.lower()}."}
        for n in ("Focus", "Spel", "Verbinding")
    ]
    ex = make_exercise(tmp_path, "schijf", segments=segments, points=["weinig", "genoeg", "veel"])
    widget = SchijfWidget(ex)
    assert [r.description for r in widget.rows] == ["Focus", "Spel", "Verbinding"]
    answers = answers_of(store)
    widget.bind(answers)
    widget.rows[1].index = 2
    assert saved(store, answers, ex) == {"scores": {"Spel": 3}}
    assert "Spel: 3 van 3" in widget.wheel.value
    assert 'data-segment="Spel"' in widget.wheel.value
    again = reopened(SchijfWidget, ex, answers)
    assert [r.index for r in again.rows] == [None, 2, None]
    assert "Focus: nog niet ingevuld" in again.wheel.value


def test_restore_ignores_damaged_values(tmp_path: Path) -> None:
    ex = thermometer(tmp_path)
    widget = ThermometerWidget(ex)
    for bad in (None, "7", {"mark": 11}, {"mark": True}):
        widget.restore(bad)
        assert widget.radio.index is None
    tabel = TabelWidget(make_exercise(tmp_path, "tabel", columns=["A"], rows=1))
    tabel.restore({"rows": ["kapot", 3]})
    assert tabel.cells[0][0].value == ""
