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
    tries = [
        f"?deelnemer={near}",
        "?deelnemer=' OR '1'='1",
        "?deelnemer=%25",
        "?deelnemer=*",
        f"?deelnemer={bram_code}&deelnemer={anouk_code}",  # only the first one counts
        "?deelnemer=Anouk%20Privacy",  # a name is not a code
    ]
    for query in tries:
        open_workbook_page(bram, f"{served.base}/voila/render/{NOTEBOOK}{query}")
        _box, field = open_answer(bram)
        field.wait_for(timeout=60_000)
        bram.wait_for_timeout(1000)  # give a wrong binding time to show itself
        assert SECRET not in bram.content(), query
        assert field.input_value() == "", query
        assert anouk_code not in bram.locator(".wb-bar").all_inner_texts().__str__(), query

    # typing Anouk's name in the join form makes a new participant, not a way into her answers
    open_workbook_page(bram, served.url(NOTEBOOK))
    other = join(bram, "Anouk Privacy", "Testlinde Havo")
    assert other != anouk_code
    _box, field = open_answer(bram)
    bram.wait_for_timeout(1000)
    assert field.input_value() == "" and SECRET not in bram.content()
    bram.context.close()
