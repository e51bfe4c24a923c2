"""The trainer page: with the key it shows both participants' answers live; without it, nothing at all."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from conftest import LOCAL_PREFIXES, join, open_workbook_page, serious_axe_violations
from workbook.content.catalog import get_module

pytestmark = pytest.mark.browser

KEY = "test-trainer-sleutel-123"  # the trainersleutel of conftest.VO_CONFIG
MODULE_PAGE = "10-prestatiedruk.ipynb"
TEXTS = ("Ik geef drie toetsen in één week", "Ik praat vaak over cijfers")


def _new_page(browser, height: int):
    context = browser.new_context(viewport={"width": 1280, "height": height}, locale="nl-NL")
    context.set_default_navigation_timeout(120_000)  # Voila renders a page while its kernel runs
    pg = context.new_page()
    pg.outside = []
    pg.on(
        "request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else pg.outside.append(r.url)
    )
    return pg


def _answer(browser, served, name: str, text: str):
    pg = _new_page(browser, 900)
    open_workbook_page(pg, served.url(MODULE_PAGE))
    join(pg, name, "Testlinde Havo")
    box = pg.locator(".wb-kind-open")
    box.get_by_label("Jouw antwoord").fill(text)
    box.get_by_label("Jouw antwoord").press("Tab")
    box.locator(".wb-status-ok").wait_for(timeout=20_000)
    return pg


def _open_trainer(browser, served):
    pg = _new_page(browser, 800)
    open_workbook_page(pg, served.url("trainer.ipynb"))
    return pg


def test_trainer_sees_both_answers_only_with_the_key(served, browser):
    participants = [_answer(browser, served, f"Trainertest {n}", t) for n, t in enumerate(TEXTS, 1)]

    # Without the (right) key: nothing about the participants reaches the page.
    blind = _open_trainer(browser, served)
    blind.get_by_label("Trainersleutel").fill("verkeerde-sleutel")
    blind.get_by_role("button", name="Open de trainerspagina").click()
    blind.get_by_text("Deze sleutel klopt niet").wait_for(timeout=20_000)
    content = blind.content()
    for text in (*TEXTS, "Trainertest 1", "Trainertest 2", KEY):
        assert text not in content

    # With the key: both answers, anonymous, refreshed by themselves.
    pg = _open_trainer(browser, served)
    pg.get_by_label("Trainersleutel").fill(KEY)
    pg.get_by_role("button", name="Open de trainerspagina").click()
    pg.locator(".wb-join").wait_for()  # the join screen comes first, for the projector
    pg.get_by_role("tab", name="Resultaten").click()
    pg.get_by_label("Toon").select_option(label="Prestatiedruk en schoolstress: alle oefeningen")
    wall = pg.locator(".wb-tr-result[data-exercise='prestatiedruk/eigen-rol']")
    for text in TEXTS:
        wall.get_by_text(text).wait_for(timeout=20_000)
    assert "Trainertest 1" not in wall.inner_text()  # anonymous by default
    assert KEY not in pg.content()
    assert serious_axe_violations(pg) == []  # the projector page, after the key, with its tabs

    # A new answer shows up without touching the trainer page.
    box = participants[0].locator(".wb-kind-open").get_by_label("Jouw antwoord")
    box.fill("Nieuw: minder toetsen per week")
    box.press("Tab")
    wall.get_by_text("Nieuw: minder toetsen per week").wait_for(timeout=15_000)

    # Mark the exercise "nu": the participant's page highlights it.
    options = pg.get_by_label("Toon", exact=True).locator("option").all_text_contents()
    mine = [n for n, o in enumerate(options) if "Jouw eigen rol" in o.replace("\xa0", " ")]
    assert mine, options
    pg.get_by_label("Toon", exact=True).select_option(index=mine[0])
    pg.get_by_role("button", name="Zet op 'nu'").click()
    participants[1].locator(".wb-kind-open.wb-now").wait_for(timeout=15_000)

    # The draaiboek beside it: the block with the exercise on 'nu' is the current step, visibly.
    pg.get_by_role("tab", name="Draaiboek").click()
    current = pg.locator(".wb-tr-script li[aria-current='step']")
    block = next(b for b in get_module("prestatiedruk").draaiboek if "eigen-rol" in b.exercises)
    expect(current).to_contain_text(block.title, timeout=15_000)
    expect(current.locator(".wb-script-badge")).to_be_visible()
    expect(pg.locator(".wb-tr-script li[aria-current='step']")).to_have_count(1)
    assert serious_axe_violations(pg) == []  # the draaiboek tab, with its marked block
    if os.environ.get("WB_SCREENSHOTS"):
        pg.screenshot(path=os.path.join(os.environ["WB_SCREENSHOTS"], "trainer-draaiboek.png"))
    pg.get_by_role("button", name="Wis 'nu'").click()
    expect(pg.locator(".wb-tr-script li[aria-current='step']")).to_have_count(0, timeout=15_000)
    pg.get_by_role("tab", name="Resultaten").click()

    pg.get_by_label("Toon").select_option(label="Prestatiedruk en schoolstress: alle oefeningen")
    pg.locator(".wb-tr-result").nth(3).wait_for(timeout=15_000)

    # Moderation: one click hides an answer from the wall, and it stays hidden after a reload.
    card = wall.locator(".wb-tr-card", has_text=TEXTS[1])
    card.get_by_role("button", name="Verberg dit antwoord voor de rest van de sessie").click()
    expect(wall.get_by_text(TEXTS[1])).to_have_count(0, timeout=15_000)
    expect(wall.locator(".wb-tr-meta")).to_contain_text("1 antwoord verborgen")
    pg.reload(wait_until="commit")
    pg.get_by_label("Trainersleutel").fill(KEY)
    pg.get_by_role("button", name="Open de trainerspagina").click()
    pg.get_by_role("tab", name="Resultaten").click()
    pg.get_by_label("Toon").select_option(label="Prestatiedruk en schoolstress: alle oefeningen")
    wall.get_by_text("Nieuw: minder toetsen per week").wait_for(timeout=20_000)
    expect(wall.get_by_text(TEXTS[1])).to_have_count(0)
    assert serious_axe_violations(pg) == []  # with the moderation buttons
    if os.environ.get("WB_SCREENSHOTS"):
        pg.screenshot(path=os.path.join(os.environ["WB_SCREENSHOTS"], "trainer-1280x800.png"))
    for p in (blind, pg, *participants):
        assert p.outside == []
        p.context.close()


def test_key_is_in_no_participant_page_or_built_notebook(served, page):
    page.context.set_default_navigation_timeout(120_000)
    for notebook in served.build_dir.glob("*.ipynb"):
        assert KEY not in notebook.read_text(encoding="utf-8"), notebook.name
    for notebook in ("index.ipynb", MODULE_PAGE):
        open_workbook_page(page, served.url(notebook))
        assert KEY not in page.content()
    assert page.outside == []
