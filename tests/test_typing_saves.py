"""Typing saves at most once a second, says 'Bezig met opslaan…' in between, and loses nothing on hide or exit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import widgets.base as base
from widgets.kinds.actiepunten import ActiepuntenWidget
from widgets.kinds.open import OpenWidget
from widgets.kinds.tabel import TabelWidget
from widgets.page.nowmark import NowMarker
from workbook.content.catalog import get_exercise, list_exercises
from workbook.store import AnswerStore, ParticipantAnswers

PARAGRAPH = (
    "Ik merk dat mijn leerlingen veel toetsen kort na elkaar hebben. Ik wil met mijn sectie "
    "afspreken dat we de toetsen spreiden, en dat we vaker vragen hoe het met ze gaat."
)


class FakeLoop:
    """Stands in for the kernel's IOLoop: call_later keeps the callbacks until the test runs them."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], None]] = []

    def call_later(self, _delay: float, callback: Callable[[], None]) -> object:
        self.waiting.append(callback)
        return callback

    def add_callback(self, callback: Callable[..., None], *args: Any) -> None:
        callback(*args)  # the kernel's loop runs it on its next turn; here at once

    def remove_timeout(self, handle: Any) -> None:
        if handle in self.waiting:
            self.waiting.remove(handle)

    def run_due(self) -> None:
        due, self.waiting = self.waiting, []
        for callback in due:
            callback()


@pytest.fixture
def loop(monkeypatch: pytest.MonkeyPatch) -> FakeLoop:
    fake = FakeLoop()
    monkeypatch.setattr(base, "kernel_loop", lambda: fake)
    monkeypatch.setattr(base, "_FLUSHED_AT", [float("-inf")])  # no flush happened yet
    return fake


class CountingAnswers(ParticipantAnswers):
    saves = 0

    def save(self, exercise: str, value: Any) -> str:
        self.saves += 1
        return super().save(exercise, value)


@pytest.fixture
def answers(tmp_path: Path) -> Iterator[CountingAnswers]:
    with AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        yield CountingAnswers(store, "groep", store.create_participant("groep", "Sanne"))


def stored(answers: ParticipantAnswers, exercise: str) -> Any:
    return answers._store.load_answer("groep", answers.participant.code, exercise)


def test_a_paragraph_typed_key_by_key_is_one_write(
    loop: FakeLoop, answers: CountingAnswers
) -> None:
    widget = OpenWidget(get_exercise("prestatiedruk/eigen-rol"))
    widget.bind(answers)
    for end in range(1, len(PARAGRAPH) + 1):  # every key arrives in the kernel as a new value
        widget.text.value = PARAGRAPH[:end]
    assert answers.saves == 0
    assert "Bezig met opslaan" in widget.status.value and "Opgeslagen om" not in widget.status.value
    loop.run_due()  # one second later
    assert answers.saves == 1
    assert "Opgeslagen om" in widget.status.value
    assert stored(answers, "prestatiedruk/eigen-rol") == PARAGRAPH


def test_hiding_the_page_saves_at_once(loop: FakeLoop, answers: CountingAnswers) -> None:
    widget = OpenWidget(get_exercise("prestatiedruk/eigen-rol"))
    widget.bind(answers)
    widget.text.value = PARAGRAPH
    marker = NowMarker(answers._store, "groep", poll_seconds=60)
    try:
        marker._handle_custom_msg({"type": "flush"}, [])  # what nowmark.js sends on pagehide
    finally:
        marker.stop()
    assert stored(answers, "prestatiedruk/eigen-rol") == PARAGRAPH
    assert "Opgeslagen om" in widget.status.value
    loop.run_due()  # the timer that was waiting was cancelled: no second write
    assert answers.saves == 1


def test_kernel_exit_saves_what_waits(loop: FakeLoop, answers: CountingAnswers) -> None:
    table = TabelWidget(next(e for e in list_exercises() if e.kind == "tabel"))
    table.bind(answers)
    table.cells[0][0].value = "Afspraak met het team"
    actions = ActiepuntenWidget(next(e for e in list_exercises() if e.kind == "actiepunten"))
    actions.bind(answers)
    actions.rows[0].what.value = "Elke maandag een check-in"
    assert answers.saves == 0
    base.flush_all()  # registered with atexit: runs when the kernel is shut down
    assert answers.saves == 2
    assert (
        stored(answers, table.exercise.id)["rows"][0][table.columns[0]] == "Afspraak met het team"
    )
    assert stored(answers, actions.exercise.id)["items"][0]["text"] == "Elke maandag een check-in"


def test_letters_that_arrive_just_after_a_flush_are_saved_at_once(
    loop: FakeLoop, answers: CountingAnswers
) -> None:
    """Tab out of a field: the browser's 'flush' can overtake the last letters it still holds back."""
    widget = OpenWidget(get_exercise("prestatiedruk/eigen-rol"))
    widget.bind(answers)
    widget.text.value = "Eerst d"
    base.flush_all()  # the flush arrives first...
    widget.text.value = "Eerst dit."  # ...then the letters that were held back
    assert stored(answers, "prestatiedruk/eigen-rol") == "Eerst dit."
    assert "Opgeslagen om" in widget.status.value and loop.waiting == []
