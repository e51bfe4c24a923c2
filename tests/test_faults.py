"""Faults while a participant works: a locked or full database is shown on the page and nothing is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from widgets.kinds.open import OpenWidget
from workbook.content.catalog import get_exercise
from workbook.store import AnswerStore, ParticipantAnswers


def bound_widget(url: str) -> tuple[OpenWidget, AnswerStore, ParticipantAnswers]:
    store = AnswerStore(url, busy_timeout=0.2)
    participant = store.create_participant("groep", "Sanne")
    answers = ParticipantAnswers(store, "groep", participant)
    widget = OpenWidget(get_exercise("prestatiedruk/eigen-rol"))
    widget.bind(answers)
    return widget, store, answers


def test_locked_database_shows_a_message_keeps_the_text_and_saves_on_retry(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    widget, store, answers = bound_widget(f"sqlite:///{path}")
    widget.text.value = "eerste zin"
    assert "Opgeslagen" in widget.status.value

    locker = sqlite3.connect(path, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    widget.text.value = "eerste zin, tweede zin"
    assert "Niet opgeslagen" in widget.status.value
    assert "bezet" in widget.status.value
    assert widget.retry.layout.display != "none"
    assert widget.text.value == "eerste zin, tweede zin"  # still on screen

    locker.rollback()
    locker.close()
    widget.retry.click()
    assert "Opgeslagen" in widget.status.value
    assert widget.retry.layout.display == "none"
    assert (
        store.load_answer("groep", answers.participant.code, "prestatiedruk/eigen-rol")
        == "eerste zin, tweede zin"
    )


def test_full_database_says_so_and_keeps_what_was_saved(tmp_path: Path) -> None:
    widget, store, answers = bound_widget(f"sqlite:///{tmp_path / 'a.sqlite'}")
    widget.text.value = "wat al bewaard is"
    with store.connection() as conn:  # the store's own connection may now grow by one page only
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages + 1}")

    widget.text.value = "x" * 200_000
    assert "Niet opgeslagen" in widget.status.value
    assert "vol" in widget.status.value
    assert widget.text.value == "x" * 200_000
    fresh = AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}")
    assert (
        fresh.load_answer("groep", answers.participant.code, "prestatiedruk/eigen-rol")
        == "wat al bewaard is"
    )


def test_markup_typed_into_a_field_is_stored_as_text_and_shown_escaped(tmp_path: Path) -> None:
    widget, store, answers = bound_widget(f"sqlite:///{tmp_path / 'a.sqlite'}")
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    widget.text.value = evil
    assert store.load_answer("groep", answers.participant.code, "prestatiedruk/eigen-rol") == evil
    again = OpenWidget(get_exercise("prestatiedruk/eigen-rol"))
    again.bind(answers)
    assert again.text.value == evil  # a text box shows it as plain text

    # Where the answer is shown as HTML ("Mijn werkboek"), the markup arrives as visible text, not as tags.
    from workbook.config import load_config
    from workbook.output.report import report_html

    cfg_path = tmp_path / "groep.toml"
    cfg_path.write_text(
        f'naam = "groep"\nsector = "vo"\nmodules = ["prestatiedruk"]\n'
        f'opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    cfg = load_config(cfg_path)
    assert cfg.slug == "groep"
    page = report_html(
        cfg, answers.participant, store.load_answers(cfg.slug, answers.participant.code)
    )
    assert (
        "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    )  # the answer is there
    assert "<script" not in page.lower() and "<img" not in page.lower()  # but not as live markup
