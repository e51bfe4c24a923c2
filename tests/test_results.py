"""The trainer's aggregation: progress per participant and school, and each kind's group summary."""

from __future__ import annotations

from workbook.content.catalog import get_exercise
from workbook.output.results import (
    display_names,
    participant_progress,
    school_progress,
    summarize,
    summarize_module,
    take_snapshot,
)
from workbook.store import AnswerStore

GROUP = "testgroep"


def _store(tmp_path) -> AnswerStore:
    return AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}")


def test_progress_per_participant_and_school(tmp_path):
    store = _store(tmp_path)
    a = store.create_participant(GROUP, "Sanne", "Havo")
    b = store.create_participant(GROUP, "Ahmed", "Havo")
    store.create_participant(GROUP, "Lotte", "")
    store.save_answer(GROUP, a.code, "prestatiedruk/eigen-rol", "Minder toetsen")
    store.save_answer(GROUP, a.code, "prestatiedruk/compliment", {"chosen": [1], "checked": True})
    store.save_answer(GROUP, b.code, "prestatiedruk/eigen-rol", "Rust")
    snap = take_snapshot(store, GROUP)
    rows = participant_progress(snap, ["prestatiedruk"])
    assert sorted(r["name"] for r in rows) == ["Ahmed", "Lotte", "Sanne"]
    done, total = next(r for r in rows if r["name"] == "Sanne")["modules"]["prestatiedruk"]
    assert done == 2 and total >= 4
    schools = school_progress(snap, ["prestatiedruk"])
    assert schools["Havo"]["participants"] == 2
    assert schools["Havo"]["modules"]["prestatiedruk"] == 3 / (2 * total)
    assert "(geen school)" in schools


def test_quiz_share_correct_and_common_mistakes():
    ex = get_exercise("prestatiedruk/compliment")
    right = next(i for i, o in enumerate(ex.spec["options"]) if o["correct"])
    wrong = next(i for i, o in enumerate(ex.spec["options"]) if not o["correct"])
    s = summarize(
        ex, {"a": {"chosen": [right]}, "b": {"chosen": [wrong]}, "c": {"chosen": [wrong]}}
    )
    assert s["type"] == "quiz" and s["answered"] == 3 and s["correct"] == 1
    assert s["mistakes"][0] == (ex.spec["options"][wrong]["text"], 2)


def test_ordered_ranking_counts_correct_orders():
    ex = get_exercise("prestatiedruk/stappen")
    items = ex.spec["items"]
    s = summarize(ex, {"a": {"order": items}, "b": {"order": list(reversed(items))}})
    assert (s["answered"], s["correct"]) == (2, 1)
    assert s["mistakes"]


def test_scale_spread_per_statement():
    ex = get_exercise("prestatiedruk/druk-op-school")
    n = len(ex.spec["statements"])
    s = summarize(ex, {"a": {"scores": [1] * n}, "b": {"scores": [5] + [None] * (n - 1)}})
    first = s["rows"][0]["bars"]
    assert first[0][1] == 1 and first[4][1] == 1
    assert s["rows"][1]["bars"][0][1] == 1


def test_open_wall_is_anonymous_unless_names_asked(tmp_path):
    store = _store(tmp_path)
    a = store.create_participant(GROUP, "Sanne", "Havo")
    store.save_answer(GROUP, a.code, "prestatiedruk/eigen-rol", "<b>Minder</b> toetsen")
    snap = take_snapshot(store, GROUP)
    wall = next(s for s in summarize_module(snap, "prestatiedruk") if s["kind"] == "open")
    # The code stays in the kernel, for the trainer's hide button; views never print it.
    assert wall["items"] == [{"who": None, "text": "<b>Minder</b> toetsen", "code": a.code}]
    named = next(
        s for s in summarize_module(snap, "prestatiedruk", with_names=True) if s["kind"] == "open"
    )
    assert named["items"][0]["who"] == "Sanne"


def test_display_names_replace_codes_in_join_order(tmp_path):
    store = _store(tmp_path)
    ps = [store.create_participant(GROUP, n) for n in ("X", "Y")]
    assert list(display_names(ps).values()) == ["Deelnemer 1", "Deelnemer 2"]
    assert list(display_names(ps, True).values()) == ["X", "Y"]


def test_deleted_participant_answers_do_not_count(tmp_path):
    store = _store(tmp_path)
    a = store.create_participant(GROUP, "Weg")
    store.save_answer(GROUP, a.code, "prestatiedruk/eigen-rol", "tekst")
    store.delete_participant(GROUP, a.code)
    assert take_snapshot(store, GROUP).total == 0
