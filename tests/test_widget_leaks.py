"""Long sessions do not pile up widget models: what a widget replaces, it closes (or reuses)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from widgets.registry import widget_class
from workbook.content.catalog import get_exercise, list_exercises
from workbook.store import AnswerStore, ParticipantAnswers

GROUP = "testgroep"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociogram"
WARM_UP = 5  # the first changes may make shared Layout/Style models once
CHANGES = 50
SLACK = 2


def live_models() -> int:
    """Widget models the kernel still holds (each one also lives in the browser)."""
    registry = getattr(w.widgets.widget, "_instances", None)
    return len(registry if registry is not None else w.Widget.widgets)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnswerStore]:
    with AnswerStore(f"sqlite:///{tmp_path / 'antwoorden.sqlite'}") as s:
        yield s


def bound(store: AnswerStore, exercise_id: str) -> Any:
    ex = get_exercise(exercise_id)
    widget = widget_class(ex.kind)(ex, "leerling", "leerlingen")
    code = store.create_participant(GROUP, "Mentor", "Testschool").code
    widget.bind(ParticipantAnswers(store, GROUP, store.get_participant(GROUP, code)))
    return widget


def counts(change: Callable[[int], None]) -> tuple[int, int]:
    """Live models after the warm-up changes and after all changes."""
    after_warm_up = 0
    for i in range(CHANGES):
        change(i)
        if i == WARM_UP - 1:
            after_warm_up = live_models()
    return after_warm_up, live_models()


def test_sociogram_changes_do_not_leave_widget_models_behind(store: AnswerStore) -> None:
    widget = bound(store, "groepsdynamiek/sociogram")
    for name in ("Aap", "Beer", "Cavia"):
        widget._add_pupil(name)
    widget.import_noms.value = (EXAMPLE / "nominaties.csv").read_text(encoding="utf-8")
    widget.import_roster.value = (EXAMPLE / "leerlingen.csv").read_text(encoding="utf-8")
    widget.import_button.click()
    if widget.confirm_box.layout.display != "none":
        widget.confirm.click()
    pupils = list(widget.chooser.options)
    questions = [value for _text, value in widget.question.options]
    assert len(pupils) == 8 and len(questions) >= 2 and len(widget.ticks.children) == 7

    def change(i: int) -> None:
        step = i % 5
        if step in (0, 1):  # tick a classmate on, then off again
            box = widget.ticks.children[i % len(widget.ticks.children)]
            box.value = not box.value
        elif step == 2:
            widget.chooser.value = pupils[(i // 5) % len(pupils)]
        elif step == 3:
            widget.question.value = questions[(i // 5) % len(questions)]
        else:  # a seating mark, which also redraws the panel
            widget.seating.mark_pupil.value = pupils[(i // 5) % len(pupils)]
            mark = widget.seating.mark_boxes["prosociaal"]
            mark.value = not mark.value

    after_warm_up, after_all = counts(change)
    assert after_all - after_warm_up <= SLACK, (after_warm_up, after_all)
    # still working: the ticks follow the chosen pupil and question, and a tick is saved
    src, q = widget.chooser.value, widget.question.value
    assert [b.description for b in widget.ticks.children] == [p for p in pupils if p != src]
    box = widget.ticks.children[0]
    box.value = not box.value
    chosen = {"from": src, "to": box.description, "question": q}
    assert (chosen in widget.value()["nominations"]) is box.value
    assert all(not b.disabled for b in widget.ticks.children)


@pytest.mark.parametrize(
    "exercise_id", [e.id for e in list_exercises() if e.kind == "actiepunten"][:2]
)
def test_actiepunten_changes_do_not_leave_widget_models_behind(
    store: AnswerStore, exercise_id: str
) -> None:
    widget = bound(store, exercise_id)
    saved = {
        "items": [
            {"text": "Elke maandag een check-in", "when": "na de herfstvakantie"},
            {"text": "Piramide bespreken", "when": "in het teamoverleg"},
        ]
    }

    def change(i: int) -> None:
        step = i % 4
        if step == 0:
            widget.add.click()
        elif step == 1:
            widget.rows[-1].what.value = f"Actiepunt {i}"
            widget.rows[-1].layer.value = "extra"
        elif step == 2:
            widget.rows[0].remove.click()  # remove the first row
        else:
            widget.restore(saved)

    after_warm_up, after_all = counts(change)
    assert after_all - after_warm_up <= SLACK, (after_warm_up, after_all)
    # still working: labels are renumbered, typing saves, restore shows the saved rows
    widget.restore(saved)
    assert [(r.what.value, r.when.value) for r in widget.rows] == [
        ("Elke maandag een check-in", "na de herfstvakantie"),
        ("Piramide bespreken", "in het teamoverleg"),
    ]
    widget.add.click()
    widget.rows[2].what.value = "Ouders uitnodigen"
    widget.rows[0].remove.click()
    assert [(r.what.description, r.remove.tooltip) for r in widget.rows] == [
        ("Actiepunt 1: wat ga je doen?", "Verwijder actiepunt 1"),
        ("Actiepunt 2: wat ga je doen?", "Verwijder actiepunt 2"),
    ]
    assert list(widget.rows_box.children) == [r.box for r in widget.rows]
    assert [(i["text"], i["when"]) for i in widget.value()["items"]] == [
        ("Piramide bespreken", "in het teamoverleg"),
        ("Ouders uitnodigen", ""),
    ]
