"""The prestatiedruk page end to end: join, answer every exercise, reload, find every answer."""

from __future__ import annotations

import time

import pytest
from answering import BASE, answer, exercises_on_page
from answering import box as pbox
from playwright.sync_api import expect

from conftest import join, open_workbook_page, serious_axe_violations
from widgets import labels
from workbook.config import load_config
from workbook.content.catalog import Exercise, get_exercise, load_exercise
from workbook.kinds.actiepunten import new_item
from workbook.paths import exercises_dir
from workbook.pyramid import LAYER_NAMES
from workbook.store import AnswerStore
from workbook.words import fill_placeholders

pytestmark = pytest.mark.browser

NOTEBOOK = "10-prestatiedruk.ipynb"
WAIT = 60_000
OPEN_TEXT = "Ik plan drie toetsen in één week & zeg dan <b>niets</b>.\nVoortaan spreid ik ze."
ACTIONS = [
    ("Toetsen spreiden met mijn sectie", "voor de herfstvakantie"),
    ("Complimenten geven voor inzet", "elke les"),
]


def exercise(slug: str) -> Exercise:
    return load_exercise(exercises_dir() / "prestatiedruk" / f"{slug}.yaml")


def words(text: str) -> str:
    return fill_placeholders(text, "leerling", "leerlingen")  # the vo test scholengroep


def box(pg, slug: str):
    """The exercise on the page, found by its heading's anchor."""
    return pg.locator(".wb-exercise", has=pg.locator(f"#oefening-prestatiedruk-{slug}"))


def option_texts(slug: str) -> tuple[list[str], list[str]]:
    """(right, wrong) option texts of a meerkeuze exercise."""
    options = exercise(slug).spec["options"]
    return (
        [words(o["text"]) for o in options if o["correct"]],
        [words(o["text"]) for o in options if not o["correct"]],
    )


def ranked(ex) -> list[str]:
    return [t.split(". ", 1)[1] for t in ex.locator(".wb-rank-item").all_inner_texts()]


def expect_saved(ex) -> None:
    expect(ex.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=WAIT)


def wait_stored(served, code: str, exercise_id: str, value: object, timeout: float = 60) -> None:
    """Wait until the store holds value (messages are handled in order: all before it are saved)."""
    group = load_config(served.config_path).slug
    deadline = time.monotonic() + timeout
    with AnswerStore(served.store_url) as store:
        while store.load_answer(group, code, exercise_id) != value:
            assert time.monotonic() < deadline, f"{exercise_id} was not saved in time"
            time.sleep(0.25)


# -- answering --------------------------------------------------------------------------------
def answer_checklist(pg) -> list[str]:
    ex = box(pg, "signalen")
    chosen = [words(t) for t in exercise("signalen").spec["items"][::3]]
    for text in chosen:
        ex.get_by_label(text, exact=True).check()
    expect_saved(ex)
    return chosen


def answer_scale(pg) -> list[str]:
    ex = box(pg, "druk-op-school")
    points = exercise("druk-op-school").spec["points"]
    rows = ex.locator(".wb-scale-row")
    picks = []
    for i in range(rows.count()):
        option = f"{i % len(points) + 1} – {words(points[i % len(points)])}"
        rows.nth(i).get_by_label(option, exact=True).check()
        picks.append(option)
    expect_saved(ex)
    return picks


def answer_single(pg, slug: str) -> None:
    ex = box(pg, slug)
    right, wrong = option_texts(slug)
    ex.get_by_label(wrong[0], exact=True).check()
    ex.get_by_role("button", name=labels.CHECK).click()
    expect(ex.locator(".wb-feedback")).to_contain_text("Nog niet goed", timeout=WAIT)
    ex.get_by_label(right[0], exact=True).check()
    expect(ex.locator(".wb-feedback")).to_have_count(0, timeout=WAIT)
    ex.get_by_role("button", name=labels.CHECK).click()
    expect(ex.locator(".wb-feedback")).to_contain_text(labels.CORRECT, timeout=WAIT)
    expect_saved(ex)


def answer_multiple(pg) -> None:
    ex = box(pg, "wat-helpt")
    right, _wrong = option_texts("wat-helpt")
    for text in right[:-1]:
        ex.get_by_label(text, exact=True).check()
    ex.get_by_role("button", name=labels.CHECK).click()
    expect(ex.locator(".wb-feedback")).to_contain_text(
        f"{len(right) - 1} van de {len(right)}", timeout=WAIT
    )
    ex.get_by_label(right[-1], exact=True).check()
    ex.get_by_role("button", name=labels.CHECK).click()
    expect(ex.locator(".wb-feedback")).to_contain_text(labels.CORRECT, timeout=WAIT)
    expect_saved(ex)


def answer_ranking(pg) -> list[str]:
    ex = box(pg, "stappen")
    spec = exercise("stappen").spec
    right = [words(i) for i in spec["items"]]
    ex.get_by_role("button", name=labels.CHECK_ORDER).click()
    expect(ex.locator(".wb-feedback")).to_contain_text(
        words(spec["feedback_wrong"])[:40], timeout=WAIT
    )
    current = ranked(ex)
    for target, item in enumerate(right):
        while (pos := current.index(item)) > target:
            ex.get_by_title(labels.UP_TIP.format(item=item)).click()
            current[pos - 1], current[pos] = current[pos], current[pos - 1]
            # Rows update one by one: wait for the whole new order, not just the moved row.
            expect(ex.locator(".wb-rank-item")).to_have_text(
                [f"{n}. {text}" for n, text in enumerate(current, start=1)], timeout=WAIT
            )
    ex.get_by_role("button", name=labels.CHECK_ORDER).click()
    expect(ex.locator(".wb-feedback")).to_contain_text(
        words(spec["feedback_correct"])[:40], timeout=WAIT
    )
    expect_saved(ex)
    return right


def answer_open(pg) -> None:
    ex = box(pg, "eigen-rol")
    ex.get_by_label(labels.YOUR_ANSWER).fill(OPEN_TEXT)
    expect_saved(ex)


def answer_actions(pg) -> None:
    ex = box(pg, "actiepunten")
    ex.get_by_label(labels.ACTION_TEXT.format(n=1), exact=True).fill(ACTIONS[0][0])
    ex.get_by_label(labels.ACTION_WHEN, exact=True).fill(ACTIONS[0][1])
    ex.get_by_label(labels.ACTION_LAYER, exact=True).select_option(index=BASE)
    ex.get_by_label(labels.ACTION_SCHOOL, exact=True).check()
    ex.get_by_role("button", name=labels.ADD_ACTION).click()
    ex.get_by_label(labels.ACTION_TEXT.format(n=2), exact=True).fill(ACTIONS[1][0])
    ex.get_by_label(labels.ACTION_WHEN, exact=True).nth(1).fill(ACTIONS[1][1])
    expect_saved(ex)


# -- checking --------------------------------------------------------------------------------
def expect_restored(pg, checked: list[str], scale: list[str], order: list[str]) -> None:
    ex = box(pg, "signalen")
    for text in (words(t) for t in exercise("signalen").spec["items"]):
        state = expect(ex.get_by_label(text, exact=True))
        state.to_be_checked(timeout=WAIT) if text in checked else state.not_to_be_checked()
    rows = box(pg, "druk-op-school").locator(".wb-scale-row")
    for i, option in enumerate(scale):
        expect(rows.nth(i).get_by_label(option, exact=True)).to_be_checked()
    for slug in ("compliment", "havo-4", "wat-helpt"):
        ex = box(pg, slug)
        right, wrong = option_texts(slug)
        for text in right:
            expect(ex.get_by_label(text, exact=True)).to_be_checked()
        for text in wrong:
            expect(ex.get_by_label(text, exact=True)).not_to_be_checked()
        expect(ex.locator(".wb-feedback")).to_contain_text(labels.CORRECT)
    ex = box(pg, "stappen")
    assert ranked(ex) == order
    expect(ex.locator(".wb-feedback")).to_contain_text(
        words(exercise("stappen").spec["feedback_correct"])[:40]
    )
    expect(box(pg, "eigen-rol").get_by_label(labels.YOUR_ANSWER)).to_have_value(OPEN_TEXT)
    ex = box(pg, "actiepunten")
    for n, (what, when) in enumerate(ACTIONS, start=1):
        expect(ex.get_by_label(labels.ACTION_TEXT.format(n=n), exact=True)).to_have_value(what)
        expect(ex.get_by_label(labels.ACTION_WHEN, exact=True).nth(n - 1)).to_have_value(when)
    expect(
        ex.get_by_label(labels.ACTION_LAYER, exact=True).first.locator("option:checked")
    ).to_contain_text(LAYER_NAMES["base"])
    expect(ex.get_by_label(labels.ACTION_SCHOOL, exact=True).first).to_be_checked()
    for status in pg.locator(".wb-exercise .wb-status").all():
        expect(status).to_contain_text("Opgeslagen")


def test_every_answer_is_back_after_a_reload(served, page):
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Sanne de Vries", "Testlinde Havo")
    expect(page.locator(".wb-exercise .wb-status").first).not_to_contain_text(
        labels.NOT_JOINED, timeout=WAIT
    )

    answer_open(page)
    checked = answer_checklist(page)
    scale = answer_scale(page)
    answer_multiple(page)
    answer_single(page, "compliment")
    order = answer_ranking(page)
    answer_single(page, "havo-4")
    # The others (the exchanges in a group and more), as every module's page answers them
    # (tests/browser/answering.py).
    handled = {"signalen", "druk-op-school", "wat-helpt", "compliment", "stappen", "havo-4"}
    handled |= {"eigen-rol", "actiepunten"}
    exchanges = [
        e for e in exercises_on_page(page, "prestatiedruk") if e.split("/")[1] not in handled
    ]
    assert sum("bespreek-" in e for e in exchanges) == 3
    restored = [answer(page, pbox(page, e), get_exercise(e)) for e in exchanges]
    answer_actions(page)
    wait_stored(
        served,
        code,
        "prestatiedruk/actiepunten",
        {
            "version": 2,
            "items": [
                dict(
                    new_item(text=ACTIONS[0][0], when=ACTIONS[0][1], layer="base", for_school=True)
                ),
                dict(new_item(text=ACTIONS[1][0], when=ACTIONS[1][1])),
            ],
        },
    )
    page.screenshot(path="/tmp/prestatiedruk-beantwoord.png")
    assert serious_axe_violations(page) == []

    assert f"deelnemer={code}" in page.url
    page.reload(wait_until="commit")
    page.locator(".wb-bar").wait_for(timeout=90_000)
    expect(page.locator(".wb-bar")).to_contain_text(code)
    for e, check in zip(exchanges, restored, strict=True):
        check(pbox(page, e))
    expect_restored(page, checked, scale, order)
    box(page, "stappen").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/prestatiedruk-hersteld.png")
    assert page.outside == []


def test_an_exercise_can_be_answered_with_the_keyboard_only(served, page):
    open_workbook_page(page, served.url(NOTEBOOK))
    join(page, "Kees Toetsenbord", "Testlinde Vmbo")
    right, _wrong = option_texts("compliment")
    ex = box(page, "compliment")
    expect(ex.get_by_label(right[0], exact=True)).to_be_enabled(timeout=WAIT)
    # Start on the previous exercise's last control, as someone tabbing down the page would.
    box(page, "wat-helpt").get_by_role("button", name=labels.CHECK).focus()
    page.keyboard.press("Tab")
    expect(ex.get_by_role("radio").first).to_be_focused()
    index = [words(o["text"]) for o in exercise("compliment").spec["options"]].index(right[0])
    for key in ["ArrowDown"] * index or ["Space"]:  # arrows move to and select the next option
        page.keyboard.press(key)
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name=labels.CHECK)).to_be_focused()
    page.keyboard.press("Space")
    expect(ex.locator(".wb-feedback")).to_contain_text(labels.CORRECT, timeout=WAIT)
    expect(ex.get_by_label(right[0], exact=True)).to_be_checked()
    expect_saved(ex)
    assert page.outside == []
