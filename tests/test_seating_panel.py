"""The seating part of the sociogram exercise: mark pupils, propose, swap, re-measure, reload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from widgets.sociogram.widget import SociogramWidget
from workbook.content.catalog import get_exercise
from workbook.store import AnswerStore, ParticipantAnswers

GROUP = "testgroep"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociogram"


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with AnswerStore(f"sqlite:///{tmp_path / 'antwoorden.sqlite'}") as s:
        yield s


def opened(store: AnswerStore, code: str | None = None) -> tuple[SociogramWidget, str]:
    """The real exercise bound to a participant (a new one, or the same one as after a reload)."""
    if code is None:
        code = store.create_participant(GROUP, "Mentor", "Testschool").code
    widget = SociogramWidget(get_exercise("groepsdynamiek/sociogram"))
    widget.bind(ParticipantAnswers(store, GROUP, store.get_participant(GROUP, code)))
    return widget, code


def import_example(widget: SociogramWidget, nominations: str = "nominaties.csv") -> None:
    widget.import_noms.value = (EXAMPLE / nominations).read_text(encoding="utf-8")
    widget.import_roster.value = (EXAMPLE / "leerlingen.csv").read_text(encoding="utf-8")
    widget.import_button.click()


def mark(widget: SociogramWidget, pupil: str, what: str) -> None:
    widget.seating.mark_pupil.value = pupil
    widget.seating.mark_boxes[what].value = True


def saved(store: AnswerStore, code: str) -> Any:
    return store.load_answer(GROUP, code, "groepsdynamiek/sociogram")


def test_mark_propose_swap_is_saved_and_restored_after_a_reload(store: AnswerStore) -> None:
    widget, code = opened(store)
    import_example(widget)
    mark(widget, "Beer", "externaliserend")
    mark(widget, "Fret", "prosociaal")
    mark(widget, "Eend", "prosociaal")
    assert "Beer: externaliserend" in widget.seating.marked.value
    widget.seating.propose.click()
    desks = saved(store, code)["seating"]
    assert sorted(p for d in desks for p in d) == [
        "Aap",
        "Beer",
        "Cavia",
        "Das",
        "Eend",
        "Fret",
        "Geit",
        "Haas",
    ]
    beer = next(d for d in desks if "Beer" in d)
    assert set(beer) & {"Fret", "Eend"}  # next to a prosocial classmate
    plan = widget.seating.plan.value
    assert "Tafel 1 (midden):" in plan and "laat druk gedrag zien en zit naast" in plan
    assert "Geen tafel met twee leerlingen die elkaar negatief kozen." in plan

    assert desks == [["Beer", "Fret"], ["Haas", "Geit"], ["Cavia", "Aap"], ["Das", "Eend"]]
    assert "Plek in het midden voor Haas" in plan  # desk 2 is also in the middle column

    # Cavia chose Das negatively: swapping them onto one desk gives a Dutch warning.
    widget.seating.swap_a.value, widget.seating.swap_b.value = "Aap", "Das"
    widget.seating.swap.click()
    assert "Aap en Das zijn van plaats gewisseld." in widget.seating.message.value
    assert "kozen elkaar negatief en zitten aan dezelfde tafel" in widget.seating.plan.value
    after_swap = saved(store, code)["seating"]
    assert after_swap == [["Beer", "Fret"], ["Haas", "Geit"], ["Cavia", "Das"], ["Aap", "Eend"]]

    again, _ = opened(store, code)
    assert again.value()["seating"] == after_swap
    assert again.seating.desks() == after_swap
    assert "Let op: Cavia en Das kozen elkaar negatief" in again.seating.plan.value
    again.seating.mark_pupil.value = "Beer"
    assert again.seating.mark_boxes["externaliserend"].value is True
    assert again.seating.mark_boxes["prosociaal"].value is False


def test_swapping_a_pupil_with_itself_is_refused_in_dutch(store: AnswerStore) -> None:
    widget, code = opened(store)
    import_example(widget)
    widget.seating.propose.click()
    before = saved(store, code)["seating"]
    widget.seating.swap_a.value = widget.seating.swap_b.value = "Aap"
    widget.seating.swap.click()
    assert "Kies twee verschillende leerlingen" in widget.seating.message.value
    assert saved(store, code)["seating"] == before


def test_a_new_pupil_gets_a_seat_and_the_proposal_without_pupils_says_so(
    store: AnswerStore,
) -> None:
    widget, code = opened(store)
    widget.seating.propose.click()
    assert "Voeg eerst leerlingen toe." in widget.seating.message.value
    for name in ("Aap", "Beer", "Cavia"):
        widget._add_pupil(name)
    widget.seating.propose.click()
    widget._add_pupil("Das")
    seated = [p for d in widget.value()["seating"] for p in d]
    assert sorted(seated) == ["Aap", "Beer", "Cavia", "Das"]


def test_new_measurement_keeps_pupils_marks_and_shows_the_comparison(store: AnswerStore) -> None:
    widget, code = opened(store)
    import_example(widget)
    mark(widget, "Haas", "sociaal zwakker")
    widget.seating.propose.click()
    assert "Plek in het midden voor Haas" in widget.seating.plan.value
    widget.seating.new_measure.click()
    assert "Weet je het zeker?" in widget.seating.measure_msg.value
    widget.seating.measure_yes.click()
    value = saved(store, code)
    assert value["nominations"] == [] and len(value["earlier"]) == 1
    assert len(value["earlier"][0]["nominations"]) == 24  # every row of nominaties.csv
    assert [p["id"] for p in value["pupils"]][:2] == ["Aap", "Beer"]
    assert "Er zijn nog geen keuzes in de nieuwe meting" in widget.seating.compare.value

    import_example(widget, "nameting-nominaties.csv")  # the second measurement, pasted as CSV
    text = widget.seating.compare.value
    assert "Door niemand gekozen: eerst Haas, nu niemand." in text
    assert "Haas (genegeerd → gemiddeld)" in text
    assert "<th scope='row'>Haas</th><td>0 → 2</td>" in text
    value = saved(store, code)
    assert len(value["earlier"]) == 1 and value["seating"]
    assert next(p for p in value["pupils"] if p["id"] == "Haas")["marks"] == ["sociaal zwakker"]

    again, _ = opened(store, code)
    assert "Haas (genegeerd → gemiddeld)" in again.seating.compare.value


def test_deleting_the_class_also_deletes_the_earlier_measurement_and_seating(
    store: AnswerStore,
) -> None:
    widget, code = opened(store)
    import_example(widget)
    widget.seating.propose.click()
    widget.seating.new_measure.click()
    widget.seating.measure_yes.click()
    widget.delete.click()
    widget.delete_yes.click()
    value = saved(store, code)
    assert value["pupils"] == [] and "earlier" not in value and "seating" not in value
    assert widget.seating.compare.value == ""


def test_controls_are_off_until_a_participant_joined() -> None:
    widget = SociogramWidget(get_exercise("groepsdynamiek/sociogram"))
    assert widget.seating.propose.disabled and widget.seating.swap.disabled
    assert all(box.disabled for box in widget.seating.mark_boxes.values())
    assert all(c.description for c in widget.seating.controls())
