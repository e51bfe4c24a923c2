"""Every module page in the real browser: answer every exercise by mouse (a few by keyboard),
reload, find every answer back, no serious axe-core violation, no request leaving the machine."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from answering import answer, box, exercises_on_page, stored_actions
from playwright.sync_api import expect

from conftest import Served, join, open_workbook_page, serious_axe_violations, serve_config
from widgets import labels
from workbook.config import load_config
from workbook.content.catalog import get_exercise, list_modules
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser

# One mbo scholengroep offers every module, stage included: one build, one Voila for all pages.
CONFIG = 'naam = "Alle modules mbo"\nsector = "mbo"\nscholen = ["Vakcollege Test"]\n'
MODULES = [
    "ondersteuningspiramide",
    "prestatiedruk",
    "sel",
    "groepsdynamiek",
    "aces",
    "ouders",
    "stage",
    "signaleren",
    "schoolteam",
]
# Answered by keyboard; across the pages every kind is answered by keyboard at least once.
KEYBOARD = {
    "ondersteuningspiramide": {"stappenplan", "domeinen"},
    "prestatiedruk": {"compliment", "signalen"},
    "sel": {"gevoelsthermometer", "ik-jij-wij", "sel-moment"},
    "groepsdynamiek": {"behoeften", "fases", "sociogram"},
    "aces": {"principes", "boodschap", "eigen-leerling"},
    "ouders": {"drempels", "zelfscan"},
    "stage": {"gespreksvragen", "twee-rollen"},
    "signaleren": {"triage", "actiepunten"},
    "schoolteam": {"schijf-van-zeven", "emoji", "fundament"},
}
SCREENSHOT = {"schoolteam": "schoolteam/schijf-van-zeven", "sel": "sel/ik-jij-wij"}
WAIT = 60_000


@pytest.fixture(scope="module")
def all_modules(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    s = serve_config(Path(tmp_path_factory.mktemp("alle-modules")), CONFIG)
    yield s
    s.proc.terminate()
    s.proc.wait(timeout=20)


def notebook(module: str) -> str:
    return next(m.notebook for m in list_modules() if m.id == module)


def wait_stored(served: Served, code: str, ids: list[str], last: str, value: object) -> None:
    """Wait until the store holds an answer for every exercise and the last one's final value.
    The kernel handles messages in order, so everything sent before it is saved too."""
    group = load_config(served.config_path).slug
    deadline = time.monotonic() + 90
    with AnswerStore(served.store_url) as store:
        while store.load_answer(group, code, last) != value or any(
            store.load_answer(group, code, i) is None for i in ids
        ):
            assert time.monotonic() < deadline, f"not every answer was saved in time (last: {last})"
            time.sleep(0.5)


def test_the_scholengroep_offers_every_module(all_modules: Served) -> None:
    assert load_config(all_modules.config_path).offered_modules() == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_every_exercise_is_answered_saved_and_restored(
    all_modules: Served, page, module: str
) -> None:
    started = time.monotonic()
    open_workbook_page(page, all_modules.url(notebook(module)))
    code = join(page, f"Tester {module}", "Vakcollege Test")
    ids = exercises_on_page(page, module)
    kinds = {get_exercise(i).kind for i in ids}
    assert len(ids) >= 4 and len(kinds) >= 3 and ids[-1] == f"{module}/actiepunten", ids
    expect(page.locator(".wb-exercise .wb-status").first).not_to_contain_text(
        labels.NOT_JOINED, timeout=WAIT
    )

    checks = {}
    for exercise_id in ids:
        exercise = get_exercise(exercise_id)
        keyboard = exercise_id.split("/")[1] in KEYBOARD[module]
        try:
            checks[exercise_id] = answer(page, box(page, exercise_id), exercise, keyboard)
        except Exception:  # keep a picture of the exercise that failed
            box(page, exercise_id).screenshot(path=f"/tmp/alle-modules-fout-{module}.png")
            raise
    for exercise_id in ids:
        expect(box(page, exercise_id).locator(".wb-status")).to_contain_text(
            "Opgeslagen", timeout=WAIT
        )
    wait_stored(all_modules, code, ids, ids[-1], stored_actions())
    answered = time.monotonic()

    open_workbook_page(page, all_modules.url(notebook(module), code))
    expect(page.locator(".wb-bar")).to_contain_text(code, timeout=WAIT)
    for exercise_id in ids:
        ex = box(page, exercise_id)
        expect(ex.locator(".wb-status")).to_contain_text(labels.SAVED_EARLIER, timeout=WAIT)
        checks[exercise_id](ex)
    if module in SCREENSHOT:
        box(page, SCREENSHOT[module]).screenshot(path=f"/tmp/alle-modules-{module}.png")
    assert serious_axe_violations(page) == []
    assert page.outside == []
    print(
        f"\n{module}: {len(ids)} exercises answered in {answered - started:.0f}s, "
        f"restored and checked in {time.monotonic() - answered:.0f}s"
    )
