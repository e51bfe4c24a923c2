"""Changing ?deelnemer= in the address bar never shows another participant's answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import join, open_workbook_page
from widgets import labels

pytestmark = pytest.mark.browser
NOTEBOOK = "10-prestatiedruk.ipynb"
SECRET = "Alleen voor Anouk: mijn klas van vorig jaar"


def open_answer(pg):
    box = pg.locator(".wb-kind-open").filter(has=pg.locator("#oefening-prestatiedruk-eigen-rol"))
    return box, box.get_by_label(labels.YOUR_ANSWER)


def wait_until_rendered(pg) -> None:
    """Wait until the kernel has run the notebook to its end: the last exercise is on the page."""
    pg.locator("#oefening-prestatiedruk-actiepunten").wait_for(timeout=60_000)


def test_another_code_in_the_url_shows_nothing_of_someone_else(served, browser):
    anouk = browser.new_context().new_page()
    open_workbook_page(anouk, served.url(NOTEBOOK))
    anouk_code = join(anouk, "Anouk Privacy", "Testlinde Havo")
    box, field = open_answer(anouk)
    field.fill(SECRET)
    expect(box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=60_000)
    anouk.context.close()

    bram = browser.new_context().new_page()
    open_workbook_page(bram, served.url(NOTEBOOK))
    bram_code = join(bram, "Bram Privacy", "Testlinde Havo")
    assert bram_code != anouk_code
    near = anouk_code[:-1] + ("a" if anouk_code[-1] != "a" else "b")  # one letter off
    tries = [  # (query, whose page it must show: Bram's code, or None for the join form)
        (f"?deelnemer={near}", None),
        ("?deelnemer=' OR '1'='1", None),
        ("?deelnemer=%25", None),
        ("?deelnemer=*", None),
        (f"?deelnemer={bram_code}&deelnemer={anouk_code}", bram_code),  # only the first one counts
        ("?deelnemer=Anouk%20Privacy", None),  # a name is not a code
    ]
    for query, owner in tries:
        open_workbook_page(bram, f"{served.base}/voila/render/{NOTEBOOK}{query}")
        box, field = open_answer(bram)
        status = box.locator(".wb-status")
        # Settled: the whole notebook has run, the page says who is working (or shows the join form),
        # and the exercise's status, set by the kernel when it bound (or did not bind) the answers, is shown.
        wait_until_rendered(bram)
        if owner is None:
            expect(bram.get_by_label("Naam of code", exact=True)).to_be_visible()
            expect(status).to_contain_text(labels.NOT_JOINED)
            if query.endswith(near):
                expect(bram.locator(".wb-page .wb-error")).to_contain_text(near)
        else:
            expect(bram.locator(".wb-bar")).to_contain_text(owner)
            expect(status).to_contain_text(labels.UNCHANGED)  # bound to Bram, who wrote nothing yet
        assert SECRET not in bram.content(), query
        assert field.input_value() == "", query
        assert anouk_code not in " ".join(bram.locator(".wb-bar").all_inner_texts()), query

    # typing Anouk's name in the join form makes a new participant, not a way into her answers
    open_workbook_page(bram, served.url(NOTEBOOK))
    wait_until_rendered(bram)
    other = join(bram, "Anouk Privacy", "Testlinde Havo")
    assert other != anouk_code
    box, field = open_answer(bram)
    # Settled: after the join the kernel has bound the exercise (its status no longer asks to join).
    expect(box.locator(".wb-status")).not_to_contain_text(labels.NOT_JOINED, timeout=60_000)
    expect(field).to_be_enabled()
    expect(box.locator(".wb-status")).to_contain_text(labels.UNCHANGED)
    assert field.input_value() == "" and SECRET not in bram.content()
    bram.context.close()
