"""The contract every exercise kind keeps: each exercise, answered through its own widget, reads as Dutch.

For every exercise in exercises/ the test answers it the way a participant does (through the widget's
controls), reads the saved value back from the store, and renders it in every output: the text of the
report and the export, the report's HTML, the trainer's room view, and the signals it offers a
plan van aanpak. None of them may show an unreplaced {placeholder}, JSON or a Python repr, an
English key of the saved value, or nothing at all.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.kind_fill import answer_like_a_participant, widget_for
from widgets.trainer.views import summary_html
from workbook.content.catalog import Exercise, list_exercises
from workbook.kinds import KINDS, answer_lines, answer_reasons, summarize
from workbook.output.report import _exercise_html
from workbook.store import AnswerStore, ParticipantAnswers

GROUP = "contract"
WORDS = ("student", "studenten")  # mbo: every {leerling} must become 'student'
ROOT = Path(__file__).resolve().parents[1]

# Keys of saved values that are also ordinary Dutch words, so they may appear in Dutch text.
DUTCH_WORDS = {"school", "extra"}
LAYER_KEYS = ("foundation", "base", "extra", "intensive")
REPR = re.compile(r"""\{|\}|\[['"]|['"]\]|['"]\s*:|\bNone\b|\bTrue\b|\bFalse\b|\[\]""")


# -- the outputs under test -------------------------------------------------------------------


def render_text(ex: Exercise, value: Any) -> str:
    return "\n".join(answer_lines(ex, value, WORDS))


def render_html(ex: Exercise, value: Any) -> str:
    return _exercise_html(ex, value, WORDS)


def render_room(ex: Exercise, answers: dict[str, Any]) -> str:
    return summary_html(summarize(ex, answers, words=WORDS))


# -- helpers ----------------------------------------------------------------------------------


def visible_text(markup: str) -> str:
    """What a reader sees of an HTML fragment: tags, scripts and styles removed, entities decoded."""
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r"<[^>]+>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(markup)).strip()


def keys_of(value: Any) -> Iterator[str]:
    """Every mapping key inside a saved value."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield str(key)
            yield from keys_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_of(inner)


def strings_of(value: Any) -> Iterator[str]:
    """Every string a participant or an author put into the value (not the keys)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from strings_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from strings_of(inner)


def problems_in(text: str, ex: Exercise, value: Any) -> list[str]:
    """What a Dutch reader would stumble over in one rendering."""
    found = []
    if not text.strip():
        found.append("de weergave is leeg")
    bad = REPR.search(text)
    if bad:
        found.append(
            f"JSON, Python of een {{plaatshouder}} bij {text[max(0, bad.start() - 30) : bad.end() + 30]!r}"
        )
    allowed = " ".join([ex.title, ex.prompt, ex.help, *strings_of(ex.spec), *strings_of(value)])
    for key in set(keys_of(value)) | set(LAYER_KEYS if ex.kind == "piramide" else ()):
        if len(key) < 2 or not re.fullmatch(r"[a-z_]+", key) or key in DUTCH_WORDS:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
        if pattern.search(text) and not pattern.search(allowed):
            found.append(f"Engelse sleutel {key!r}")
    if ex.kind == "piramide" and re.search(r"(?<![\w-])extra\s*:", text):
        found.append("Engelse laagnaam 'extra:'")
    return found


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnswerStore]:
    with AnswerStore(f"sqlite:///{tmp_path / 'contract.sqlite'}") as s:
        yield s


EXERCISES = list_exercises()


def test_every_kind_in_the_content_is_covered() -> None:
    kinds = {ex.kind for ex in EXERCISES}
    assert kinds == set(KINDS), f"kinds without an exercise to test them: {set(KINDS) - kinds}"


@pytest.mark.parametrize("ex", EXERCISES, ids=[e.id for e in EXERCISES])
def test_an_answered_exercise_reads_as_dutch_everywhere(ex: Exercise, store: AnswerStore) -> None:
    participant = store.create_participant(GROUP, "Sanne", "ROC De Brug")
    answers = ParticipantAnswers(store, GROUP, participant)
    widget = widget_for(ex, WORDS)
    widget.bind(answers)
    answer_like_a_participant(widget, ROOT)
    value = store.load_answer(GROUP, participant.code, ex.id)
    assert value not in (None, "", [], {}), f"{ex.id}: the widget saved nothing"
    assert KINDS[ex.kind].conforms(value), (
        f"{ex.id}: the widget saved {value!r}, not the kind's Answer"
    )

    outputs = {
        "tekst": render_text(ex, value),
        "html": visible_text(render_html(ex, value)),
        "zaal": visible_text(render_room(ex, {participant.code: value})),
    }
    reasons = answer_reasons(ex, value, WORDS)  # the 'why' a plan van aanpak offers, if any
    if reasons:
        outputs["waarom"] = "\n".join(reasons)
    failures = [
        f"{where}: {p}" for where, text in outputs.items() for p in problems_in(text, ex, value)
    ]
    assert not failures, f"{ex.id} ({ex.kind}):\n" + "\n".join(failures) + f"\n{outputs}"
    assert "1 antwoord" in outputs["zaal"] and "1 antwoorden" not in outputs["zaal"]
    # The room view holds more than its heading: the answer itself is counted or shown.
    title_only = visible_text(render_room(ex, {}))
    assert outputs["zaal"] != title_only, f"{ex.id}: the room view shows nothing of the answer"
