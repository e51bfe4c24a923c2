"""A busy kernel must not lose letters: what was typed before a press is what the press uses.

ipywidgets holds back a field's later keystrokes until the kernel answers the first one, but sends a
button press at once. Here the test holds back the kernel's answers (as a busy kernel under a full room
would) while the participant types fast and presses, then lets them through.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from conftest import kernel_message, open_workbook_page
from widgets import labels

pytestmark = pytest.mark.browser
NOTEBOOK = "30-groepsdynamiek.ipynb"


class HeldReplies:
    """Forwards the kernel's websocket messages to the page, except while held; also notes which of the
    page's requests the kernel has finished (its 'idle' status), even while that answer is still held."""

    def __init__(self, pg: object) -> None:
        self.pg = pg
        self.held: list = []
        self.holding = False
        self.routes: list = []
        self.submits: list[str] = []  # msg_ids of the page's EntryForm presses, in order
        self.finished: set[str] = set()  # msg_ids the kernel has answered with status idle
        self.delivered: set[str] = set()  # ... of which that idle has reached the page
        self.requests: list[str] = []  # msg_ids of every shell request the page sent
        pg.route_web_socket("**/api/kernels/*/channels*", self._route)

    def _route(self, ws: object) -> None:
        server = ws.connect_to_server()
        self.routes.append(ws)

        def to_kernel(message: object) -> None:
            server.send(message)
            channel, header, _parent, content = kernel_message(message)
            if channel == "shell":
                self.requests.append(header["msg_id"])
                data = content.get("data", {}) if isinstance(content, dict) else {}
                if (
                    data.get("method") == "custom"
                    and data.get("content", {}).get("type") == "submit"
                ):
                    self.submits.append(header["msg_id"])

        def to_page(message: object) -> None:
            _channel, header, parent, content = kernel_message(message)
            idle = header.get("msg_type") == "status" and content.get("execution_state") == "idle"
            if idle:
                self.finished.add(parent.get("msg_id"))
            if self.holding:
                self.held.append((ws, message, parent.get("msg_id") if idle else None))
            else:
                ws.send(message)
                if idle:
                    self.delivered.add(parent.get("msg_id"))

        ws.on_message(to_kernel)
        server.on_message(to_page)

    def hold(self) -> None:
        self.holding = True

    def release(self) -> None:
        self.holding = False
        held, self.held = self.held, []
        for ws, message, idle_for in held:
            ws.send(message)
            if idle_for:
                self.delivered.add(idle_for)

    def wait_until(self, condition, what: str, timeout: float = 60) -> None:
        """Wait for an event seen on the websocket. The short waits only hand control to Playwright,
        which delivers the websocket messages; the loop ends as soon as the condition holds."""
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, f"timed out waiting until {what}"
            self.pg.wait_for_timeout(50)

    def kernel_answered_press(self, count: int) -> None:
        """Wait until the kernel has sent its answer to the page's count-th press (an answer that may be held)."""
        self.wait_until(
            lambda: len(self.submits) >= count and self.submits[count - 1] in self.finished,
            f"the kernel has answered press {count}",
        )

    def quiet(self) -> None:
        """Wait until every request the page sent has been answered, and that answer reached the page."""
        self.wait_until(
            lambda: set(self.requests) <= self.delivered, "the page has no request pending"
        )


def test_fast_typing_on_a_busy_kernel_keeps_every_letter(served, page):
    replies = HeldReplies(page)
    open_workbook_page(page, served.url(NOTEBOOK))

    replies.hold()
    page.get_by_label("Naam of code", exact=True).press_sequentially("Marieke")
    page.get_by_label("School", exact=True).select_option("Testlinde Havo")
    page.get_by_role("button", name="Start").click()
    replies.kernel_answered_press(
        1
    )  # the press reached the kernel and was handled; its answers stay held
    assert (
        "Marieke" not in page.locator(".wb-page").first.inner_text()
    )  # the page has not heard back yet
    replies.release()
    expect(page.locator(".wb-page .wb-bar").first).to_contain_text("Marieke", timeout=60_000)

    exercise = page.locator(".wb-kind-sociogram")
    field = exercise.get_by_label("Schuilnaam", exact=True)
    field.wait_for(timeout=60_000)
    # settled after joining: the kernel has bound the exercise and nothing the page asked is still open
    expect(exercise.locator(".wb-status").first).not_to_contain_text(
        labels.NOT_JOINED, timeout=60_000
    )
    expect(field).to_be_enabled()
    replies.quiet()
    replies.hold()
    field.press_sequentially("Vos")
    field.press("Enter")
    replies.kernel_answered_press(
        2
    )  # the kernel has handled the Enter; the page has not seen the result
    replies.release()
    page.locator('.wb-sociogram g.wb-pupil[data-id="Vos"]').wait_for(timeout=60_000)
    replies.quiet()  # every answer of the kernel has reached the page, so a pupil "V" would be drawn by now
    assert page.locator('.wb-sociogram g.wb-pupil[data-id="V"]').count() == 0
    expect(field).to_have_value("")
    assert page.outside == []
