"""A paragraph typed quickly, then the tab closed at once: the kernel still saves every word."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect
from test_kernel_killed import EXERCISE, NOTEBOOK, KernelFrames

from conftest import join, open_workbook_page
from widgets import labels
from workbook.config import load_config
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser

PARAGRAPH = (
    "Ik merk dat mijn leerlingen veel toetsen kort na elkaar hebben. Ik wil met mijn sectie "
    "afspreken dat we de toetsen spreiden, en dat we vaker vragen hoe het met ze gaat."
)


def test_a_paragraph_typed_fast_and_a_closed_tab_lose_nothing(served, page):
    frames = KernelFrames(page)
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Snelle Typer", "Testlinde Havo")
    box = page.locator(".wb-kind-open").filter(
        has=page.locator("#oefening-prestatiedruk-eigen-rol")
    )
    field = box.get_by_label(labels.YOUR_ANSWER)
    expect(field).to_be_enabled()
    field.press_sequentially(PARAGRAPH, delay=5)
    # The last letter has left the browser; the tab closes before the kernel's next save is due.
    frames.wait_until(
        lambda: PARAGRAPH in frames.values.values(), "the page sent the whole paragraph"
    )
    page.context.close()

    slug = load_config(served.config_path).slug
    deadline = time.monotonic() + 30
    with AnswerStore(served.store_url) as store:
        while store.load_answer(slug, code, EXERCISE) != PARAGRAPH and time.monotonic() < deadline:
            time.sleep(0.2)
        assert store.load_answer(slug, code, EXERCISE) == PARAGRAPH
