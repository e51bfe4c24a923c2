"""The sociogram page: add pupils, draw arrows by clicking, reload, and see the drawing restored."""

from __future__ import annotations

import os

import pytest

from conftest import join, open_workbook_page

pytestmark = pytest.mark.browser
NOTEBOOK = "30-groepsdynamiek.ipynb"


def edges(pg: object) -> set[tuple[str, str, bool]]:
    return {
        (g.get_attribute("data-from"), g.get_attribute("data-to"),
         "wb-edge-mutual" in (g.locator("line.wb-edge").get_attribute("class") or ""))
        for g in pg.locator(".wb-sociogram g.wb-edge-group").all()
    }


def test_draw_a_small_class_by_clicking_and_reload(served, page):
    page.set_default_navigation_timeout(120_000)
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Mentor Test", "Testlinde Havo")
    exercise = page.locator(".wb-kind-sociogram")
    for name in ("Aap", "Beer", "Cavia"):
        exercise.get_by_label("Schuilnaam").fill(name)
        exercise.get_by_role("button", name="Leerling toevoegen").click()
        page.locator(f'.wb-sociogram g.wb-pupil[data-id="{name}"]').wait_for()
    pupil = lambda n: page.locator(f'.wb-sociogram g.wb-pupil[data-id="{n}"]')  # noqa: E731
    for a, b in (("Aap", "Beer"), ("Beer", "Aap"), ("Cavia", "Aap")):
        pupil(a).click()
        pupil(b).click()
    page.wait_for_function("document.querySelectorAll('.wb-sociogram g.wb-edge-group').length === 3")
    assert edges(page) == {("Aap", "Beer", True), ("Beer", "Aap", True), ("Cavia", "Aap", False)}
    assert "Opgeslagen" in exercise.locator(".wb-status").inner_text()
    # clicking an arrow removes it
    page.locator('.wb-sociogram g.wb-edge-group[data-from="Cavia"]').click()
    page.wait_for_function("document.querySelectorAll('.wb-sociogram g.wb-edge-group').length === 2")
    if os.environ.get("SOCIOGRAM_SCREENSHOT"):
        exercise.screenshot(path=os.environ["SOCIOGRAM_SCREENSHOT"])

    open_workbook_page(page, served.url(NOTEBOOK, code))
    page.locator('.wb-sociogram g.wb-pupil[data-id="Cavia"]').wait_for(timeout=30_000)
    page.wait_for_function("document.querySelectorAll('.wb-sociogram g.wb-edge-group').length === 2")
    assert edges(page) == {("Aap", "Beer", True), ("Beer", "Aap", True)}
    assert "Wederzijdse keuzes: Aap & Beer" in page.locator(".wb-kind-sociogram").inner_text()
    assert page.outside == []
