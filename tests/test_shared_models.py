"""Controls share Layout and Style models (fewer models, faster page start) without side effects."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pytest

from widgets.registry import widget_class
from widgets.shared import SharedModelError, make
from workbook.content.catalog import list_exercises, list_modules
from workbook.errors import StoreError
from workbook.store import AnswerStore, ParticipantAnswers


def test_a_shared_layout_refuses_a_change_and_an_own_layout_takes_it() -> None:
    first = make(w.Button, description="Een")
    second = make(w.Button, description="Twee")
    assert first.layout is second.layout and first.style is second.style
    with pytest.raises(SharedModelError):
        first.layout.display = "none"
    assert second.layout.display is None  # the other button is still shown
    own = make(w.Button, description="Drie", layout=w.Layout(display="none"))
    own.layout.display = "inline-flex"
    assert first.layout.display is None


def test_shared_models_are_made_again_after_all_widgets_were_closed() -> None:
    before = make(w.HTML, "voor")
    w.Widget.close_all()
    after = make(w.HTML, "na")
    assert after.layout.comm is not None and after.layout is not before.layout


@pytest.mark.parametrize("module", [m.id for m in list_modules()])
def test_a_failed_save_shows_retry_on_that_exercise_only(module: str, tmp_path: Path) -> None:
    store = AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}")
    answers = ParticipantAnswers(store, "groep", store.create_participant("groep", "Sanne"))
    before = len(w.Widget.widgets)
    exercises = [widget_class(ex.kind)(ex) for ex in list_exercises(module)]
    for exercise in exercises:
        exercise.bind(answers)
    models = len(w.Widget.widgets) - before
    layouts = sum(isinstance(m, w.Layout) for m in list(w.Widget.widgets.values())[before:])
    # Most controls share a Layout: far fewer Layout models than widget models.
    assert layouts * 4 < models, (layouts, models)

    def broken(*_args: object, **_dated: object) -> str:
        raise StoreError("De database is bezet.")

    answers.save = broken  # type: ignore[method-assign]
    first, *others = exercises
    first.changed()
    assert "Niet opgeslagen" in first.status.value
    assert first.retry.layout.display == "inline-flex"
    assert all(other.retry.layout.display == "none" for other in others)
    store.close()
