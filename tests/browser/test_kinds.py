"""The keuze, schijf, thermometer, indelen and tabel widgets in the real SEL and team pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import Served, join, open_workbook_page, serve_config

SEL, TEAM = "20-sel.ipynb", "80-schoolteam.ipynb"
KINDS = ".wb-kind-keuze, .wb-kind-schijf, .wb-kind-thermometer, .wb-kind-indelen, .wb-kind-tabel"


@pytest.fixture(scope="module")
def two_modules(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A vo scholengroep offering only the SEL and schoolteam modules (quick to build)."""
    config = 'naam = "Soortentest"\nsector = "vo"\nmodules = ["sel", "schoolteam"]\n'
    s = serve_config(Path(tmp_path_factory.mktemp("soorten")), config)
    yield s
    s.proc.terminate()
    s.proc.wait(timeout=20)


def serious_violations(pg: object) -> list[str]:
    """axe-core (bundled, offline) on our widgets only: critical and serious problems."""
    import axe_playwright_python

    pg.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    result = pg.evaluate(
        "async (sel) => (await axe.run(Array.from(document.querySelectorAll(sel)))).violations"
        ".filter(v => ['critical', 'serious'].includes(v.impact)).map(v => v.id + ': ' + v.help)",
        KINDS,
    )
    return list(result)


@pytest.mark.browser
def test_checkin_and_wheel_by_mouse_and_keyboard_survive_reload(
    two_modules: Served, page: object
) -> None:
    pg = page
    pg.set_default_timeout(60_000)
    open_workbook_page(pg, two_modules.url(TEAM))
    code = join(pg, "Teamlid")
    weather = pg.locator(".wb-kind-keuze").first
    weather.get_by_label("Bewolkt", exact=False).first.check()  # mouse
    emoji = pg.locator(".wb-kind-keuze").nth(1)
    expect(emoji.get_by_role("radio").first).to_be_enabled()  # bound: focus() does not wait for it
    emoji.get_by_role("radio").first.focus()  # keyboard: arrow keys move the choice
    pg.keyboard.press("ArrowDown")
    assert emoji.get_by_role("radio").nth(1).is_checked()

    wheel = pg.locator(".wb-kind-schijf")
    rows = wheel.locator(".wb-segment")
    rows.nth(0).get_by_role("radio").nth(2).check()  # mouse
    expect(rows.nth(1).get_by_role("radio").first).to_be_enabled()
    rows.nth(1).get_by_role("radio").first.focus()
    pg.keyboard.press("ArrowRight")  # keyboard
    wheel.locator("svg[role=img] .wb-wheel-slice").nth(1).wait_for()
    assert "Opgeslagen" in wheel.locator(".wb-status").inner_text()
    assert serious_violations(pg) == []

    open_workbook_page(pg, two_modules.url(TEAM, code))
    wheel = pg.locator(".wb-kind-schijf")
    wheel.locator(".wb-wheel-slice").nth(1).wait_for()
    assert wheel.locator(".wb-segment").nth(0).get_by_role("radio").nth(2).is_checked()
    assert pg.locator(".wb-kind-keuze").nth(1).get_by_role("radio").nth(1).is_checked()
    assert pg.outside == []


@pytest.mark.browser
def test_thermometer_sorting_and_table_survive_reload(two_modules: Served, page: object) -> None:
    pg = page
    pg.set_default_timeout(60_000)
    open_workbook_page(pg, two_modules.url(SEL))
    code = join(pg, "Mentor")
    thermo = pg.locator(".wb-kind-thermometer")
    six = thermo.get_by_role("radio", name="6", exact=True)
    expect(six).to_be_enabled()  # the bar shows before every exercise is bound: wait for this one
    six.focus()
    pg.keyboard.press("ArrowRight")  # keyboard: 7
    thermo.locator(".wb-group", has_text="1 van de").wait_for()

    sort = pg.locator(".wb-kind-indelen").first
    pickers = sort.locator("select")
    pickers.nth(0).select_option(label="Ik")  # mouse
    pickers.nth(1).focus()
    pg.keyboard.press("ArrowDown")  # keyboard: the first group
    sort.get_by_role("button", name="Controleer").click()
    sort.locator(".wb-feedback", has_text="goed ingedeeld").wait_for()

    table = pg.locator(".wb-kind-tabel").first
    cell = table.get_by_label("Hoeveel minuten? – Mijn plan")
    cell.fill("tien minuten")
    table.locator(".wb-status", has_text="Opgeslagen").wait_for()
    assert serious_violations(pg) == []

    open_workbook_page(pg, two_modules.url(SEL, code))
    seven = pg.locator(".wb-kind-thermometer").get_by_role("radio", name="7", exact=True)
    seven.wait_for()
    assert seven.is_checked()
    assert pg.locator(".wb-kind-indelen").first.locator("select").nth(1).input_value() != ""
    assert "goed ingedeeld" in pg.locator(".wb-kind-indelen").first.inner_text()
    cell = pg.locator(".wb-kind-tabel").first.get_by_label("Hoeveel minuten? – Mijn plan")
    assert cell.input_value() == "tien minuten"
    assert pg.outside == []
