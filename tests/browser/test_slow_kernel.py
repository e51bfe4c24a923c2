"""A busy kernel must not lose letters: what was typed before a press is what the press uses.

ipywidgets holds back a field's later keystrokes until the kernel answers the first one, but sends a
button press at once. Here the test holds back the kernel's answers (as a busy kernel under a full room
would) while the participant types fast and presses, then lets them through.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import open_workbook_page

pytestmark = pytest.mark.browser
NOTEBOOK = "30-groepsdynamiek.ipynb"


class HeldReplies:
    """Forwards the kernel's websocket messages to the page, except while held."""

    def __init__(self, pg: object) -> None:
        self.held: list = []
        self.holding = False
        self.routes: list = []
        pg.route_web_socket("**/api/kernels/*/channels*", self._route)

    def _route(self, ws: object) -> None:
        server = ws.connect_to_server()
        self.routes.append(ws)

        def to_page(message: object) -> None:
            if self.holding:
                self.held.append((ws, message))
            else:
                ws.send(message)

        server.on_message(to_page)

    def hold(self) -> None:
        self.holding = True

    def release(self) -> None:
        self.holding = False
        held, self.held = self.held, []
        for ws, message in held:
            ws.send(message)


def test_fast_typing_on_a_busy_kernel_keeps_every_letter(served, page):
    replies = HeldReplies(page)
    open_workbook_page(page, served.url(NOTEBOOK))

    replies.hold()
    page.get_by_label("Naam of code", exact=True).press_sequentially("Marieke")
    page.get_by_label("School", exact=True).select_option("Testlinde Havo")
    page.get_by_role("button", name="Start").click()
    page.wait_for_timeout(1500)  # the press and the first letter reach the kernel; answers stay held
    replies.release()
    expect(page.locator(".wb-page .wb-bar").first).to_contain_text("Marieke", timeout=60_000)

    exercise = page.locator(".wb-kind-sociogram")
    field = exercise.get_by_label("Schuilnaam", exact=True)
    field.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)  # let the page settle after joining
    replies.hold()
    field.press_sequentially("Vos")
    field.press("Enter")
    page.wait_for_timeout(1500)
    replies.release()
    page.locator('.wb-sociogram g.wb-pupil[data-id="Vos"]').wait_for(timeout=60_000)
    assert page.locator('.wb-sociogram g.wb-pupil[data-id="V"]').count() == 0
    expect(field).to_have_value("")
    assert page.outside == []
