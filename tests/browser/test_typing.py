"""Typed text is safe without waiting: leaving the field or closing the tab right after typing saves it.

The kernels of this test wait 60 s before a save while typing (WELBEVINDEN_SAVE_SECONDS), so what is
saved here was saved by the page itself: by leaving the field, or by being hidden or closed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_kernel_killed import EXERCISE, NOTEBOOK, KernelFrames

from conftest import VO_CONFIG, Served, join, open_workbook_page, serve_config
from widgets import labels
from workbook.config import load_config
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser

PARAGRAPH = (
    "Ik merk dat mijn leerlingen veel toetsen kort na elkaar hebben. Ik wil met mijn sectie "
    "afspreken dat we de toetsen spreiden, en dat we vaker vragen hoe het met ze gaat."
)


@pytest.fixture(scope="module")
def slow_saving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WELBEVINDEN_SAVE_SECONDS", "60")
        served = serve_config(Path(tmp_path_factory.mktemp("traag-opslaan")), VO_CONFIG)
    yield served
    served.proc.terminate()
    served.proc.wait(timeout=20)


def stored_soon(served: Served, code: str, expected: str, seconds: float = 20) -> object:
    slug = load_config(served.config_path).slug
    deadline = time.monotonic() + seconds
    with AnswerStore(served.store_url) as store:
        while (
            found := store.load_answer(slug, code, EXERCISE)
        ) != expected and time.monotonic() < deadline:
            time.sleep(0.2)
    return found


def open_field(served: Served, page) -> tuple[str, object, object]:
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Snelle Typer", "Testlinde Havo")
    box = page.locator(".wb-kind-open").filter(
        has=page.locator("#oefening-prestatiedruk-eigen-rol")
    )
    field = box.get_by_label(labels.YOUR_ANSWER)
    expect(field).to_be_enabled()
    return code, box, field


def test_leaving_the_field_saves_at_once(slow_saving, page):
    code, box, field = open_field(slow_saving, page)
    field.press_sequentially("Eerst dit.", delay=5)
    expect(box.locator(".wb-status")).to_contain_text(labels.SAVING)
    field.press("Tab")
    expect(box.locator(".wb-status")).to_contain_text("Opgeslagen om", timeout=20_000)
    assert stored_soon(slow_saving, code, "Eerst dit.") == "Eerst dit."


def test_a_paragraph_typed_fast_and_a_closed_tab_lose_nothing(slow_saving, page):
    frames = KernelFrames(page)
    code, _box, field = open_field(slow_saving, page)
    field.press_sequentially(PARAGRAPH, delay=5)
    # The last letter has left the browser; the tab closes long before the kernel's own save is due.
    frames.wait_until(
        lambda: PARAGRAPH in frames.values.values(), "the page sent the whole paragraph"
    )
    page.context.close()
    assert stored_soon(slow_saving, code, PARAGRAPH) == PARAGRAPH
