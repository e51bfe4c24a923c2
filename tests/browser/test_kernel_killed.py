"""Killing the kernel in the middle of an exercise: what the page showed as saved is still there,
and the page says that the connection is gone instead of pretending new typing is saved."""

from __future__ import annotations

import time

import psutil
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from conftest import join, kernel_message, open_workbook_page
from widgets import labels
from workbook.config import load_config
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser
NOTEBOOK = "10-prestatiedruk.ipynb"
EXERCISE = "prestatiedruk/eigen-rol"


class KernelFrames:
    """Watches the page's kernel websocket: which values the page sent, which requests the kernel has
    finished (its idle status reached the page), and the kernel's heartbeats (NowMarker's 'beat')."""

    def __init__(self, pg: object) -> None:
        self.socket = None
        pg.on("websocket", self._opened)

    def _opened(self, ws: object) -> None:
        if "/api/kernels/" not in ws.url or "/channels" not in ws.url:
            return
        self.socket, self.values, self.finished, self.beats = (
            ws,
            {},
            set(),
            0,
        )  # a new page, a new kernel
        ws.on("framesent", lambda payload: self._sent(ws, payload))
        ws.on("framereceived", lambda payload: self._received(ws, payload))

    def _sent(self, ws: object, payload: str | bytes) -> None:
        channel, header, _parent, content = kernel_message(payload)
        state = (content.get("data") or {}).get("state") or {} if channel == "shell" else {}
        if ws is self.socket and "value" in state:
            self.values[header["msg_id"]] = state["value"]

    def _received(self, ws: object, payload: str | bytes) -> None:
        _channel, header, parent, content = kernel_message(payload)
        if ws is not self.socket:
            return
        if header.get("msg_type") == "status" and content.get("execution_state") == "idle":
            self.finished.add(parent.get("msg_id"))
        if "beat" in ((content.get("data") or {}).get("state") or {}):
            self.beats += 1

    def kernel_handled(self, value: str) -> bool:
        """The page sent this value, and the kernel's answer to it (saved or not) has reached the page."""
        return any(v == value and msg_id in self.finished for msg_id, v in self.values.items())

    def wait_until(self, condition, what: str, timeout: float = 60) -> None:
        """Wait, frame by frame as the kernel's messages arrive, until the condition holds."""
        deadline = time.monotonic() + timeout
        while not (self.socket is not None and condition()):
            left = deadline - time.monotonic()
            assert left > 0, f"timed out waiting until {what}"
            try:
                self.socket.wait_for_event("framereceived", timeout=left * 1000)
            except PlaywrightTimeout:
                pass


def kernel_of(served, pg) -> psutil.Process:
    kernel_id = pg.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )
    for proc in psutil.Process(served.proc.pid).children(recursive=True):
        if any(kernel_id in part for part in proc.cmdline()):
            return proc
    raise AssertionError(f"no kernel process for {kernel_id}")


def test_a_killed_kernel_loses_nothing_shown_as_saved(served, page):
    frames = KernelFrames(page)
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Kernel Test", "Testlinde Havo")
    box = page.locator(".wb-kind-open").filter(
        has=page.locator("#oefening-prestatiedruk-eigen-rol")
    )
    field = box.get_by_label(labels.YOUR_ANSWER)
    field.fill("Eerste zin, opgeslagen.")
    expect(box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=60_000)
    field.press_sequentially(" Nog een zin.")
    shown = "Eerste zin, opgeslagen. Nog een zin."
    expect(field).to_have_value(shown)
    # settled: the kernel has handled the last letter, and its answer (the status) has reached the page
    frames.wait_until(
        lambda: frames.kernel_handled(shown), "the kernel has handled the whole sentence"
    )
    expect(box.locator(".wb-status")).to_contain_text(labels.SAVED.split("{")[0].strip())
    assert field.input_value() == shown

    kernel_of(served, page).kill()  # mid-exercise: the participant is still on the page
    field.press_sequentially(" Dit komt niet meer aan.")
    expect(page.locator(".wb-connection-lost")).to_contain_text("verbinding", timeout=30_000)
    assert page.locator(".wb-connection-lost").get_attribute("role") == "alert"

    with AnswerStore(served.store_url) as store:
        assert store.load_answer(load_config(served.config_path).slug, code, EXERCISE) == shown
    open_workbook_page(page, served.url(NOTEBOOK, code))
    again = page.locator(".wb-kind-open").filter(
        has=page.locator("#oefening-prestatiedruk-eigen-rol")
    )
    expect(again.get_by_label(labels.YOUR_ANSWER)).to_have_value(shown, timeout=60_000)
    # settled: the new kernel's heartbeat has reached the page, so it knows the connection is alive
    frames.wait_until(lambda: frames.beats > 0, "a heartbeat of the new kernel reached the page")
    expect(page.locator(".wb-connection-lost")).to_have_count(0)
    assert page.outside == []
