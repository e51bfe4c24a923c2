"""The pyramid exercise in the real page: fill it by mouse and by keyboard, reload, see it restored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Served, join, open_workbook_page, serve_config

PAGE = "00-ondersteuningspiramide.ipynb"


@pytest.fixture(scope="module")
def opening(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A po scholengroep that offers only the opening module (fast to build and serve)."""
    config = 'naam = "Piramidetest"\nsector = "po"\nmodules = ["ondersteuningspiramide"]\n'
    s = serve_config(Path(tmp_path_factory.mktemp("piramide")), config)
    yield s
    s.proc.terminate()
    s.proc.wait(timeout=20)


def add_item(pg: object, name: str, hours: str, reach: str = "") -> None:
    """Fill in the add form by keyboard only and press Enter."""
    box = pg.locator(".wb-kind-piramide")
    box.get_by_label("Naam van de activiteit").fill(name)
    box.get_by_label("Uren per week").fill(hours)
    box.get_by_label("Bereik (% van de leerlingen)").fill(reach)
    box.get_by_label("Naam van de activiteit").press("Enter")
    box.locator(".wbp-item", has_text=name).wait_for()


def layer_names(pg: object, layer: str) -> list[str]:
    return pg.locator(f".wbp-{layer} .wbp-item-name").all_inner_texts()


@pytest.mark.browser
def test_pyramid_filled_by_mouse_and_keyboard_is_restored_after_reload(
    opening: Served, page: object
) -> None:
    pg = page
    pg.set_default_timeout(60_000)
    open_workbook_page(pg, opening.url(PAGE))
    code = join(pg, "Piramidetester")
    box = pg.locator(".wb-kind-piramide")
    box.locator(".wbp-layer").first.wait_for()

    add_item(pg, "Kanjertraining", "3", "100")
    add_item(pg, "Huiswerkklas", "4", "20")
    add_item(pg, "Traject met jeugdhulp", "8", "2")
    assert layer_names(pg, "base") == ["Kanjertraining", "Huiswerkklas", "Traject met jeugdhulp"]

    # By mouse: drag the homework class from the base to the extra layer.
    box.locator(".wbp-item", has_text="Huiswerkklas").drag_to(box.locator(".wbp-extra"))
    box.locator(".wbp-extra .wbp-item", has_text="Huiswerkklas").wait_for()

    # By keyboard: focus the item and press arrow up twice; the focus follows the item.
    box.locator(".wbp-item", has_text="Traject met jeugdhulp").focus()
    pg.keyboard.press("ArrowUp")
    box.locator(".wbp-extra .wbp-item", has_text="Traject").wait_for()
    pg.keyboard.press("ArrowUp")
    box.locator(".wbp-intensive .wbp-item", has_text="Traject").wait_for()
    assert "Traject met jeugdhulp" in pg.evaluate(
        "document.activeElement.getAttribute('aria-label')"
    )

    # The analysis below follows live, and says the pyramid is upside down.
    box.locator(".wb-pyramid-analysis", has_text="Omgekeerde piramide").wait_for()
    assert box.locator(".wb-pyramid-analysis svg[role=img]").count() == 1
    assert "Opgeslagen" in box.locator(".wb-status").inner_text()

    open_workbook_page(pg, opening.url(PAGE, code))
    box = pg.locator(".wb-kind-piramide")
    box.locator(".wbp-intensive .wbp-item", has_text="Traject met jeugdhulp").wait_for()
    assert layer_names(pg, "base") == ["Kanjertraining"]
    assert layer_names(pg, "extra") == ["Huiswerkklas"]
    assert layer_names(pg, "intensive") == ["Traject met jeugdhulp"]
    assert "Omgekeerde piramide" in box.locator(".wb-pyramid-analysis").inner_text()
    assert pg.outside == []
