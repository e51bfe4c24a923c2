"""A kernel whose tab is gone is ended by the culler; a kernel whose page is open is kept.

Before, the kernel's own heartbeat kept every kernel busy, so none was ever culled: a room left dozens
of 80 MB kernels behind. Now only an open page pings its kernel.
"""

from __future__ import annotations

import time

import psutil
import pytest
from playwright.sync_api import expect
from test_kernel_killed import NOTEBOOK

from conftest import free_port, join, open_workbook_page
from widgets import labels
from workbook.runtime.serve import start_voila

pytestmark = pytest.mark.browser


def kernel_ids(proc) -> set[str]:
    ids = set()
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            parts = child.cmdline()
        except psutil.NoSuchProcess:
            continue
        for part in parts:
            if "kernel-" in part and part.endswith(".json"):  # the kernel's connection file
                ids.add(part.rsplit("kernel-", 1)[1][: -len(".json")])
    return ids


def kernel_id(pg) -> str:
    return pg.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def test_a_closed_tab_is_culled_and_an_open_one_kept(served, browser, tmp_path):
    port = free_port()
    proc = start_voila(served.build_dir, port, cull_minutes=1, log=tmp_path / "voila.log")
    base = f"http://127.0.0.1:{port}/voila/render/{NOTEBOOK}"
    try:
        staying = browser.new_context(locale="nl-NL")
        leaving = browser.new_context(locale="nl-NL")
        kept, gone = staying.new_page(), leaving.new_page()
        for pg in (kept, gone):
            pg.set_default_timeout(60_000)
            open_workbook_page(pg, base)
        join(kept, "Blijft", "Testlinde Havo")
        kept_id, gone_id = kernel_id(kept), kernel_id(gone)
        assert {kept_id, gone_id} <= kernel_ids(proc)

        leaving.close()  # the tab is gone, as when a phone closes it or its battery dies
        deadline = time.monotonic() + 240  # idle 60 s, and the culler looks every 60 s
        while gone_id in kernel_ids(proc) and time.monotonic() < deadline:
            kept.wait_for_timeout(2000)  # the open page goes on pinging meanwhile
        ids = kernel_ids(proc)
        assert gone_id not in ids, "the kernel of the closed tab was not culled"
        assert kept_id in ids, "the kernel of the open page was culled"

        box = kept.locator(".wb-kind-open").filter(
            has=kept.locator("#oefening-prestatiedruk-eigen-rol")
        )
        box.get_by_label(labels.YOUR_ANSWER).fill("Nog steeds verbonden.")
        expect(box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=30_000)
        expect(kept.locator(".wb-connection-lost")).to_have_count(0)
        staying.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
