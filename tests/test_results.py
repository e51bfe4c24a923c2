"""The trainer's aggregation: progress per participant and school, and each kind's group summary."""

from __future__ import annotations

from widgets.trainer.views import summary_html
from workbook.content.catalog import get_exercise, list_exercises
from workbook.output.results import (
    participant_progress,
    school_progress,
    summarize,
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


def test_ranking_shows_the_rooms_average_order_beside_the_model_order():
    ex = get_exercise("prestatiedruk/stappen")
    items = ex.spec["items"]
    wrong = [items[1], items[0], *items[2:]]
    s = summarize(ex, {"a": {"order": wrong}, "b": {"order": wrong}, "c": {"order": items}})
    # The room put the second item first on average; the right place stays beside it.
    first, second = s["items"][0], s["items"][1]
    assert (first["model"], first["average"]) == (2, round((1 + 1 + 2) / 3, 1))
    assert (second["model"], second["average"]) == (1, round((2 + 2 + 1) / 3, 1))
    assert [i["model"] for i in s["items"][2:]] == list(range(3, len(items) + 1))
    html = summary_html(s)
    assert "Goede plek" in html and "Gemiddelde plek" in html and "1 van de 3 goed (33%)" in html
    assert "1,3" in html  # a Dutch decimal comma


def test_table_counts_answers_per_row():
    ex = get_exercise("stage/risicokaart")
    col = ex.spec["columns"][0]
    rows = [{col: "Geen begeleider"}, {}, {col: "Te zwaar werk"}]
    s = summarize(ex, {"a": {"rows": rows}, "b": {"rows": [{col: "Onveilig"}]}})
    counts = {r["label"]: r["n"] for r in s["rows"]}
    assert counts["Het leerbedrijf"] == 2 and counts["Het werk"] == 0
    assert counts["Collega's en begeleiding"] == 1
    html = summary_html(s)
    assert "Het leerbedrijf <span class='wb-tr-rowcount'>· 2 antwoorden</span>" in html
    assert "Collega&#x27;s en begeleiding <span class='wb-tr-rowcount'>· 1 antwoord</span>" in html
    assert "Geen begeleider" in html and "Onveilig" in html


def test_bars_show_counts_and_shares():
    ex = get_exercise("prestatiedruk/compliment")
    right = next(i for i, o in enumerate(ex.spec["options"]) if o["correct"])
    s = summarize(ex, {c: {"chosen": [right]} for c in "abc"} | {"d": {"chosen": [right + 1]}})
    checklist = get_exercise(next(e.id for e in list_exercises() if e.kind == "checklist"))
    first = checklist.spec["items"][0]
    c = summarize(
        checklist, {"a": {"checked": [first]}, "b": {"checked": [first]}, "c": {"checked": []}}
    )
    html = summary_html(c)
    # 2 of the 3 who answered ticked the first item; the quiz: 3 of 4 chose the right option.
    assert c["count"] == 3
    assert "<span class='wb-tr-count'>2</span><span class='wb-tr-share'>67%</span>" in html
    assert "<span class='wb-tr-share'>0%</span>" in html
    quiz = summary_html(s)
    assert "<span class='wb-tr-count'>3</span><span class='wb-tr-share'>75%</span>" in quiz
