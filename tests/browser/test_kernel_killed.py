"""Killing the kernel in the middle of an exercise: what the page showed as saved is still there,
and the page says that the connection is gone instead of pretending new typing is saved."""

from __future__ import annotations

import time

import psutil
import pytest
from playwright.sync_api import expect

from conftest import join, open_workbook_page
from widgets import labels
from workbook.config import load_config
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser
NOTEBOOK = "10-prestatiedruk.ipynb"
EXERCISE = "prestatiedruk/eigen-rol"


def kernel_of(served, pg) -> psutil.Process:
    kernel_id = pg.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )
    for proc in psutil.Process(served.proc.pid).children(recursive=True):
        if any(kernel_id in part for part in proc.cmdline()):
            return proc
    raise AssertionError(f"no kernel process for {kernel_id}")


def test_a_killed_kernel_loses_nothing_shown_as_saved(served, page):
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Kernel Test", "Testlinde Havo")
    box = page.locator(".wb-kind-open").filter(has=page.locator("#oefening-prestatiedruk-eigen-rol"))
    field = box.get_by_label(labels.YOUR_ANSWER)
    field.fill("Eerste zin, opgeslagen.")
    expect(box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=60_000)
    field.press_sequentially(" Nog een zin.")
    expect(box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=60_000)
    page.wait_for_timeout(500)
    shown = field.input_value()
    assert shown == "Eerste zin, opgeslagen. Nog een zin."

    kernel_of(served, page).kill()  # mid-exercise: the participant is still on the page
    field.press_sequentially(" Dit komt niet meer aan.")
    expect(page.locator(".wb-connection-lost")).to_contain_text("verbinding", timeout=30_000)
    assert page.locator(".wb-connection-lost").get_attribute("role") == "alert"

    with AnswerStore(served.store_url) as store:
        assert store.load_answer(load_config(served.config_path).slug, code, EXERCISE) == shown
    open_workbook_page(page, served.url(NOTEBOOK, code))
    again = page.locator(".wb-kind-open").filter(has=page.locator("#oefening-prestatiedruk-eigen-rol"))
    expect(again.get_by_label(labels.YOUR_ANSWER)).to_have_value(shown, timeout=60_000)
    expect(page.locator(".wb-connection-lost")).to_have_count(0)
    assert page.outside == []
