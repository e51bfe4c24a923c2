"""The plan van aanpak on a phone: the 'why' offers the participant's own pyramid verdict, every
field is labelled (axe), and the overview opens Mijn werkboek with the plan grouped by layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import open_workbook_page, serious_axe_violations
from widgets import labels
from workbook.config import load_config
from workbook.content.catalog import list_modules
from workbook.pyramid import LAYER_NAMES, PYRAMID_LAYERS
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ROOT = Path(__file__).resolve().parents[2]
VERDICT = "Omgekeerde piramide: zak in de piramide"
WAIT = 60_000


def test_an_action_point_on_a_phone_takes_the_pyramid_verdict_as_its_why(served, browser):
    group = load_config(served.config_path).slug
    inverted = json.loads((ROOT / "examples" / "piramide-omgekeerd.json").read_text("utf-8"))
    with AnswerStore(served.store_url) as store:
        me = store.create_participant(group, "Sanne", "Testlinde Havo")
        store.save_answer(group, me.code, "ondersteuningspiramide/piramide", inverted)
    module = next(m for m in list_modules() if m.id == "ondersteuningspiramide")
    context = browser.new_context(**PHONE, locale="nl-NL")
    pg = context.new_page()
    try:
        open_workbook_page(pg, served.url(module.notebook, me.code))
        ex = pg.locator(
            ".wb-exercise", has=pg.locator("#oefening-ondersteuningspiramide-actiepunten")
        )
        what = ex.get_by_label(labels.ACTION_TEXT.format(n=1), exact=True)
        expect(what).to_be_enabled(timeout=WAIT)
        why = ex.get_by_label(labels.ACTION_WHY, exact=True)
        # the suggestions are the field's datalist: the participant's own verdict is one of them
        expect(
            pg.locator(f"datalist[id='{why.get_attribute('list')}'] option").first
        ).to_have_attribute("value", VERDICT, timeout=WAIT)
        what.fill("Mentorles over de groep voor elke klas")
        why.fill(VERDICT)
        ex.get_by_label(labels.ACTION_LAYER, exact=True).select_option(
            index=1 + PYRAMID_LAYERS.index("base")
        )
        ex.get_by_label(labels.ACTION_WHO, exact=True).fill("de mentoren, met de zorgcoördinator")
        ex.get_by_label(labels.ACTION_WHEN, exact=True).fill("na de kerstvakantie")
        ex.get_by_label(labels.ACTION_MEASURE, exact=True).fill(
            "minder aanmeldingen voor extra hulp"
        )
        ex.get_by_label(labels.ACTION_SCHOOL, exact=True).check()
        expect(ex.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=WAIT)
        card = ex.locator(".wb-action").first
        assert card.bounding_box()["width"] <= 390
        wider = pg.evaluate("document.documentElement.scrollWidth")
        assert wider <= 390, f"the page scrolls sideways on a phone ({wider}px)"
        ex.screenshot(path="/tmp/plan-actiepunten-telefoon.png")
        assert serious_axe_violations(pg) == []

        open_workbook_page(pg, served.url("index.ipynb", me.code))
        plan = pg.locator(".wb-plan-groups")
        expect(plan).to_contain_text(LAYER_NAMES["base"], timeout=WAIT)
        expect(plan).to_contain_text("Mentorles over de groep voor elke klas")
        expect(plan).to_contain_text(f"Waarom: {VERDICT}")
        expect(plan).to_contain_text("Voor onze school")
        plan.screenshot(path="/tmp/plan-mijn-werkboek-telefoon.png")
        assert serious_axe_violations(pg) == []
    finally:
        context.close()
