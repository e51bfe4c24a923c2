"""The sociogram page: add pupils, draw arrows by clicking, reload, and see the drawing restored."""

from __future__ import annotations

import os

import pytest

from conftest import join, open_workbook_page

pytestmark = pytest.mark.browser
NOTEBOOK = "30-groepsdynamiek.ipynb"


def edges(pg: object) -> set[tuple[str, str, bool]]:
    return {
        (
            g.get_attribute("data-from"),
            g.get_attribute("data-to"),
            "wb-edge-mutual" in (g.locator("line.wb-edge").get_attribute("class") or ""),
        )
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
    page.wait_for_function(
        "document.querySelectorAll('.wb-sociogram g.wb-edge-group').length === 3"
    )
    assert edges(page) == {("Aap", "Beer", True), ("Beer", "Aap", True), ("Cavia", "Aap", False)}
    assert "Opgeslagen" in exercise.locator(".wb-status").inner_text()
    # clicking an arrow removes it
    page.locator('.wb-sociogram g.wb-edge-group[data-from="Cavia"]').click()
    page.wait_for_function(
        "document.querySelectorAll('.wb-sociogram g.wb-edge-group').length === 2"
    )
    if os.environ.get("SOCIOGRAM_SCREENSHOT"):
        exercise.screenshot(path=os.environ["SOCIOGRAM_SCREENSHOT"])

    open_workbook_page(page, served.url(NOTEBOOK, code))
    page.locator('.wb-sociogram g.wb-pupil[data-id="Cavia"]').wait_for(timeout=30_000)
    page.wait_for_function(
        "document.querySelectorAll('.wb-sociogram g.wb-edge-group').length === 2"
    )
    assert edges(page) == {("Aap", "Beer", True), ("Beer", "Aap", True)}
    assert "Wederzijdse keuzes: Aap & Beer" in page.locator(".wb-kind-sociogram").inner_text()
    assert page.outside == []


def test_mark_pupils_seat_swap_remeasure_and_reload(served, page):
    """Import the example class, mark pupils (one with the keyboard), propose, swap into a conflict,
    measure again, and see the plan and the comparison after a reload."""
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "sociogram"
    page.set_default_navigation_timeout(120_000)
    open_workbook_page(page, served.url(NOTEBOOK))
    code = join(page, "Mentor Zitplan", "Testlinde Havo")
    ex = page.locator(".wb-kind-sociogram")

    def paste(nominations: str) -> None:
        ex.get_by_label("Keuzes (from,to,question)").fill((example / nominations).read_text())
        ex.get_by_label("Leerlingen (id,label,present), mag leeg").fill(
            (example / "leerlingen.csv").read_text()
        )
        ex.get_by_role("button", name="Importeren").click()
        ex.get_by_text("Ingelezen: 8 leerlingen").wait_for()

    paste("nominaties.csv")
    seating = ex.locator(".wb-seating")
    seating.get_by_label("Leerling", exact=True).select_option("Beer")
    seating.get_by_label("Druk of uitdagend gedrag (externaliserend)").check()
    seating.get_by_text("Gemarkeerd: Beer: externaliserend").wait_for()
    seating.get_by_label("Leerling", exact=True).select_option("Fret")
    seating.get_by_label("Prosociaal: helpt anderen en staat sterk in de groep").focus()
    page.keyboard.press("Space")
    seating.get_by_text("Fret: prosociaal").wait_for()
    seating.get_by_role("button", name="Stel een zitplan voor").click()
    seating.locator(".wb-desk-list li").nth(3).wait_for()
    assert seating.locator(".wb-desk").count() == 4
    plan = seating.locator(".wb-desk-list").inner_text()
    assert "Beer laat druk gedrag zien en zit naast Fret" in plan
    seating.get_by_label("Wissel", exact=True).select_option("Aap")
    seating.get_by_label("met", exact=True).select_option("Das")
    seating.get_by_role("button", name="Wissel", exact=True).click()
    seating.locator(".wb-desk-conflict").wait_for()
    warning = seating.locator("[role=alert]").first.inner_text()
    assert "Cavia en Das kozen elkaar negatief" in warning
    seating.get_by_role("button", name="Nieuwe meting").click()
    seating.get_by_role("button", name="Ja, start een nieuwe meting").click()
    paste("nameting-nominaties.csv")
    seating.get_by_text("Door niemand gekozen: eerst Haas, nu niemand.").wait_for()
    if os.environ.get("SEATING_SCREENSHOT"):
        page.set_viewport_size({"width": 1280, "height": 3200})  # JupyterLab skips off-screen cells
        seating.scroll_into_view_if_needed()
        seating.screenshot(path=os.environ["SEATING_SCREENSHOT"])

    open_workbook_page(page, served.url(NOTEBOOK, code))
    again = page.locator(".wb-kind-sociogram .wb-seating")
    again.locator(".wb-desk-conflict").wait_for(timeout=30_000)
    assert "Tafel 3:" in again.locator(".wb-desk-list").inner_text()
    assert "Haas (genegeerd → gemiddeld)" in again.inner_text()
    assert page.outside == []
