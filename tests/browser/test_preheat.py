"""Preheated kernels: the code in the URL still reaches the page; each tab has its own answers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from conftest import VO_CONFIG, Served, join, open_workbook_page, serve_config
from widgets import labels

pytestmark = pytest.mark.browser

NOTEBOOK = "10-prestatiedruk.ipynb"
WAIT = 90_000


@pytest.fixture(scope="module")
def preheated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Only prestatiedruk, served with a pool of one preheated kernel per notebook."""
    config = VO_CONFIG + '\nmodules = ["prestatiedruk"]\n'
    s = serve_config(tmp_path_factory.mktemp("preheated"), config, preheat=1)
    yield s
    s.proc.terminate()
    s.proc.wait(timeout=20)


def answer_box(pg):
    ex = pg.locator(".wb-exercise", has=pg.locator("#oefening-prestatiedruk-eigen-rol"))
    return ex, ex.get_by_label(labels.YOUR_ANSWER)


def test_each_participant_gets_their_own_answers_from_a_preheated_kernel(preheated, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    context.set_default_timeout(WAIT)
    outside: list[str] = []
    context.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "blob:", "data:", "about:"))
            else outside.append(r.url)
        ),
    )
    try:
        codes = {}
        for name in ("Anna Voorverwarmd", "Bram Voorverwarmd"):
            tab = context.new_page()
            open_workbook_page(tab, preheated.url(NOTEBOOK), timeout=WAIT)
            codes[name] = join(tab, name, "Testlinde Havo")
            ex, text = answer_box(tab)
            text.fill(f"Antwoord van {name}")
            expect(ex.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=WAIT)
        assert codes["Anna Voorverwarmd"] != codes["Bram Voorverwarmd"]
        # Two new tabs, each opened with a participant's link, each show that participant's answer.
        tabs = {name: context.new_page() for name in codes}
        for name, tab in tabs.items():
            tab.goto(preheated.url(NOTEBOOK, codes[name]), wait_until="commit")
        for name, tab in tabs.items():
            tab.locator(".wb-bar").wait_for(timeout=WAIT)
            expect(tab.locator(".wb-bar")).to_contain_text(codes[name])
            expect(answer_box(tab)[1]).to_have_value(f"Antwoord van {name}", timeout=WAIT)
        assert outside == []
    finally:
        context.close()
