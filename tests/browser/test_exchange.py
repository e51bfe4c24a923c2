"""Exchange in a group, as a table does it: two phones at table 2 write one outcome together and see
each other's part appear without reloading; a third at another table sees none of it; the projector
shows both tables side by side."""

from __future__ import annotations

import pytest
from answering import box
from playwright.sync_api import expect

from conftest import join, open_workbook_page, serious_axe_violations
from widgets import labels
from widgets.trainer.trainer import APPROVE_SETTING
from workbook.config import load_config
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser

KEY = "test-trainer-sleutel-123"  # the trainersleutel of conftest.VO_CONFIG
PAGE = "10-prestatiedruk.ipynb"
EXERCISE = "prestatiedruk/bespreek-drukke-momenten"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LIVE = 20_000  # a heartbeat is 3 s; a busy machine may take a few


def phone(browser, served, name: str, table: str):
    context = browser.new_context(locale="nl-NL", **PHONE)
    context.set_default_timeout(60_000)
    pg = context.new_page()
    open_workbook_page(pg, served.url(PAGE))
    join(pg, name, "Testlinde Havo")
    exchange = box(pg, EXERCISE)
    exchange.get_by_label(labels.EXCHANGE_GROUP).select_option(label=table)
    return pg, exchange


def add(exchange, text: str) -> None:
    field = exchange.get_by_label(labels.EXCHANGE_YOURS)
    field.fill(text)
    field.press("Tab")
    expect(exchange.locator(".wb-status")).to_contain_text("Opgeslagen")


def test_a_table_writes_one_outcome_and_sees_it_live(served, browser):
    pages = []
    try:
        a, a_box = phone(browser, served, "Tafelgenoot A", "Tafel 2")
        b, b_box = phone(browser, served, "Tafelgenoot B", "Tafel 2")
        c, c_box = phone(browser, served, "Buurtafel C", "Tafel 5")
        pages = [a, b, c]
        add(a_box, "De toetsweek vlak voor de kerst")
        # B sees it on the next heartbeat, without reloading, and adds to it.
        expect(b_box.locator(".wb-outcome")).to_contain_text(
            "De toetsweek vlak voor de kerst", timeout=LIVE
        )
        add(b_box, "En de inleverdata van de profielwerkstukken")
        expect(a_box.locator(".wb-outcome")).to_contain_text("profielwerkstukken", timeout=LIVE)
        expect(a_box.locator(".wb-outcome")).to_contain_text("Tafel 2")
        a_box.screenshot(path="/tmp/uitwisseling-telefoon.png")
        add(c_box, "Bij ons is het juni")
        # Another table sees nothing of table 2, and table 2 nothing of it.
        c.wait_for_timeout(4_000)
        seen_by_c = c.content()
        assert "De toetsweek vlak voor de kerst" not in seen_by_c
        assert "inleverdata van de profielwerkstukken" not in seen_by_c
        assert "juni" not in a_box.locator(".wb-outcome").inner_text()
        assert serious_axe_violations(a) == []

        # The projector: every table's outcome side by side, without names.
        trainer = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        pages.append(trainer)
        open_workbook_page(trainer, served.url("trainer.ipynb"))
        trainer.get_by_label(labels.TRAINER_KEY).fill(KEY)
        trainer.get_by_role("button", name=labels.TRAINER_OPEN).click()
        trainer.get_by_role("tab", name=labels.TRAINER_RESULTS_TAB).click()
        trainer.get_by_label(labels.TRAINER_SHOW, exact=True).select_option(
            label="Prestatiedruk en schoolstress · Samen: de drukste momenten van het jaar"
        )
        result = trainer.locator(f".wb-tr-result[data-exercise='{EXERCISE}']")
        groups = result.locator(".wb-tr-group")
        expect(groups).to_have_count(2)
        expect(groups.nth(0)).to_contain_text("Tafel 2")
        expect(groups.nth(0)).to_contain_text("profielwerkstukken")
        expect(groups.nth(1)).to_contain_text("Tafel 5")
        assert "Tafelgenoot" not in result.inner_text()
        assert serious_axe_violations(trainer) == []

        # With approval on, a new part waits until the trainer lets it onto the wall.
        trainer.get_by_role("tab", name=labels.TRAINER_APPROVE_TAB).click()
        trainer.get_by_label(labels.TRAINER_APPROVE_FIRST).check()
        queue = trainer.locator(".wb-tr-queue")
        expect(queue).to_contain_text("Bij ons is het juni")
        assert serious_axe_violations(trainer) == []
        trainer.get_by_role("tab", name=labels.TRAINER_RESULTS_TAB).click()
        expect(result).not_to_contain_text("Bij ons is het juni")
        expect(result).to_contain_text("wachten op goedkeuring")
        trainer.get_by_role("tab", name=labels.TRAINER_APPROVE_TAB).click()
        card = queue.locator(".wb-tr-card", has_text="Bij ons is het juni")
        card.get_by_role("button", name=labels.TRAINER_APPROVE, exact=True).click()
        trainer.get_by_role("tab", name=labels.TRAINER_RESULTS_TAB).click()
        expect(result.locator(".wb-tr-group", has_text="Tafel 5")).to_contain_text("juni")
    finally:
        for pg in pages:
            pg.context.close()
        # The room is shared with the other browser tests: their walls must not wait for approval.
        with AnswerStore(served.store_url) as store:
            store.set_setting(load_config(served.config_path).slug, APPROVE_SETTING, False)
