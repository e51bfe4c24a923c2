"""Every module page in the real browser, for a vo and an mbo scholengroep: one participant answers
every exercise by mouse (a few by keyboard), reloads and finds every answer back, with no serious
axe-core violation and no request leaving the machine. Then what that participant takes home (the
report's PDF, read back with pdftotext, and the school's plan) and what the projector shows (every
exercise on the trainer page) must read as Dutch in the sector's words."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from answering import ACTION, answer, box, exercises_on_page, stored_actions
from playwright.sync_api import expect

from conftest import Served, join, open_workbook_page, serious_axe_violations, serve_config
from tests.test_kind_contract import LAYER_KEYS, REPR
from tests.test_sector_words import OTHER_SECTORS
from widgets import labels
from workbook.config import load_config
from workbook.content.catalog import get_exercise, get_module, list_modules
from workbook.kinds import KINDS
from workbook.store import AnswerStore
from workbook.words import fill_words, words_for

pytestmark = pytest.mark.browser

KEY = "alle-modules-sleutel-42"
SCHOOL = {"vo": "Lyceum Test", "mbo": "Vakcollege Test"}
# Each scholengroep offers every module of its sector (stage only in mbo): one build, one Voila.
CONFIGS = {
    sector: f'naam = "Alle modules {sector}"\nsector = "{sector}"\nscholen = ["{school}", "Tweede school"]\n'
    f'trainersleutel = "{KEY}"\n'
    for sector, school in SCHOOL.items()
}
MODULES = [
    "inspiratiesessie",
    "ondersteuningspiramide",
    "stappenplan",
    "prestatiedruk",
    "sel",
    "groepsdynamiek",
    "aces",
    "gelijke-kansen",
    "ouders",
    "stage",
    "signaleren",
    "schoolteam",
    "gezondheidsthemas",
]
OFFERED = {"vo": [m for m in MODULES if m != "stage"], "mbo": MODULES}
# Answered by keyboard; across the pages every kind is answered by keyboard at least once.
KEYBOARD = {
    "inspiratiesessie": {"domeinen", "afscheid"},
    "stappenplan": {"kernteam", "doelen"},
    "ondersteuningspiramide": {"stappenplan", "domeinen"},
    "prestatiedruk": {"compliment", "signalen"},
    "sel": {"gevoelsthermometer", "ik-jij-wij", "sel-moment"},
    "groepsdynamiek": {"behoeften", "fases", "sociogram"},
    "aces": {"principes", "boodschap", "eigen-leerling"},
    "gelijke-kansen": {"matheus", "partners"},
    "ouders": {"drempels", "zelfscan"},
    "stage": {"gespreksvragen", "twee-rollen"},
    "signaleren": {"triage", "actiepunten"},
    "schoolteam": {"schijf-van-zeven", "emoji", "fundament"},
    "gezondheidsthemas": {"pijlers", "verbinding"},
}
SCREENSHOT = {"schoolteam": "schoolteam/schijf-van-zeven", "sel": "sel/ik-jij-wij"}
WAIT = 60_000
# The keys of every kind's saved value: none of them may show in what a reader gets.
ANSWER_KEYS = sorted(
    (
        {k for kind in KINDS.values() for k in getattr(kind.answer, "__annotations__", {})}
        | set(LAYER_KEYS)
    )
    - {"school", "extra", "text", "version"}
)


@dataclass
class Room:
    """One sector's served scholengroep and the participant who answers every module in it."""

    sector: str
    served: Served
    code: str = ""
    answered: dict[str, list[str]] = field(default_factory=dict)  # module -> exercise ids


class Rooms:
    """Each sector's room, built and served the first time a test asks for it."""

    def __init__(self, tmp: pytest.TempPathFactory) -> None:
        self.tmp = tmp
        self.rooms: dict[str, Room] = {}

    def __getitem__(self, sector: str) -> Room:
        if sector not in self.rooms:
            served = serve_config(Path(self.tmp.mktemp(f"alle-modules-{sector}")), CONFIGS[sector])
            self.rooms[sector] = Room(sector, served)
        return self.rooms[sector]


@pytest.fixture(scope="module")
def rooms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rooms]:
    made = Rooms(tmp_path_factory)
    yield made
    for room in made.rooms.values():
        room.served.proc.terminate()
        room.served.proc.wait(timeout=20)


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


CASES = [pytest.param(sector, m, id=f"{sector}-{m}") for sector in OFFERED for m in OFFERED[sector]]


@pytest.mark.parametrize("sector", list(OFFERED))
def test_the_scholengroep_offers_every_module_of_its_sector(rooms: Rooms, sector: str) -> None:
    room = rooms[sector]
    assert load_config(room.served.config_path).offered_modules() == OFFERED[room.sector]


@pytest.mark.parametrize(("sector", "module"), CASES)
def test_every_exercise_is_answered_saved_and_restored(
    rooms: Rooms, page, sector: str, module: str
) -> None:
    room = rooms[sector]
    served = room.served
    started = time.monotonic()
    if room.code:  # the same participant goes on with the next module, by the personal link
        open_workbook_page(page, served.url(notebook(module), room.code))
        expect(page.locator(".wb-bar")).to_contain_text(room.code, timeout=WAIT)
    else:
        open_workbook_page(page, served.url(notebook(module)))
        room.code = join(page, f"Tester {room.sector}", SCHOOL[room.sector])
    code = room.code
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
    wait_stored(served, code, ids, ids[-1], stored_actions())
    answered = time.monotonic()

    open_workbook_page(page, served.url(notebook(module), code))
    expect(page.locator(".wb-bar")).to_contain_text(code, timeout=WAIT)
    for exercise_id in ids:
        ex = box(page, exercise_id)
        expect(ex.locator(".wb-status")).to_contain_text(labels.SAVED_EARLIER, timeout=WAIT)
        checks[exercise_id](ex)
    if module in SCREENSHOT:
        box(page, SCREENSHOT[module]).screenshot(path=f"/tmp/alle-modules-{module}.png")
    assert serious_axe_violations(page) == []
    assert page.outside == []
    room.answered[module] = ids
    print(
        f"\n{room.sector} {module}: {len(ids)} exercises answered in {answered - started:.0f}s, "
        f"restored and checked in {time.monotonic() - answered:.0f}s"
    )


# -- what the participant takes home and what the projector shows ---------------------------------
def stumbles(text: str, sector: str) -> list[str]:
    """What a Dutch reader of this sector would stumble over: {placeholders}, JSON or Python,
    English keys of a saved value, '1 antwoorden', and another sector's words."""
    text = re.sub(r"\s+", " ", text)

    def around(m: re.Match) -> str:
        return repr(text[max(0, m.start() - 40) : m.end() + 40])

    found = [f"JSON/plaatshouder: {around(m)}" for m in REPR.finditer(text)]
    found += [f"'1 antwoorden': {around(m)}" for m in re.finditer(r"\b1 antwoorden\b", text)]
    for key in ANSWER_KEYS:
        found += [f"Engelse sleutel {key!r}: {around(m)}" for m in re.finditer(rf"\b{key}\b", text)]
    for pattern in OTHER_SECTORS[sector]:
        found += [
            f"woord van een andere sector: {around(m)}" for m in re.finditer(pattern, text, re.I)
        ]
    return found


def workbook_cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "workbook.cli", *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def pdf_text(pdf: Path) -> tuple[str, int]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return text, pages


@pytest.mark.parametrize("sector", list(OFFERED))
def test_the_report_and_the_projector_read_as_dutch_in_the_sectors_words(
    rooms: Rooms, sector: str, browser, tmp_path: Path
) -> None:
    room = rooms[sector]
    missing = [m for m in OFFERED[room.sector] if m not in room.answered]
    assert not missing, f"these modules were not answered in the browser first: {missing}"
    words = words_for(room.sector)
    config = str(room.served.config_path)

    # Mijn werkboek, as the participant takes it home.
    workbook_cli("rapport", config, room.code, "--out", str(tmp_path / "rapport"))
    text, pages = pdf_text(next((tmp_path / "rapport").glob("*.pdf")))
    flat = re.sub(r"\s+", " ", text)
    # A page per module, plus the contents and the plan at the top.
    assert pages <= len(OFFERED[room.sector]) + 3 and "Inhoud" in flat, pages
    assert stumbles(text, room.sector) == []
    assert ACTION[0] in flat  # every module's action point is gathered in the plan at the top
    for ids in room.answered.values():
        for exercise_id in ids:
            if get_exercise(exercise_id).kind == "actiepunten":
                continue
            title = fill_words(get_exercise(exercise_id).title, words)
            assert re.sub(r"\s+", " ", title) in flat, f"{exercise_id} is missing from the report"

    # The school's plan, as the kernteam takes it home.
    workbook_cli(
        "rapport", config, "--school", SCHOOL[room.sector], "--out", str(tmp_path / "school")
    )
    plan, _pages = pdf_text(next((tmp_path / "school").glob("*.pdf")))
    assert stumbles(plan, room.sector) == [] and "Tester" in plan

    # The projector: every exercise of every module on the trainer page, none of them empty.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(WAIT)
    pg = context.new_page()
    try:
        open_workbook_page(pg, room.served.url("trainer.ipynb"))
        pg.get_by_label(labels.TRAINER_KEY).fill(KEY)
        pg.get_by_role("button", name=labels.TRAINER_OPEN).click()
        pg.get_by_role("tab", name=labels.TRAINER_RESULTS_TAB).click()
        for module, ids in room.answered.items():
            title = fill_words(get_module(module).title, words)
            whole = labels.TRAINER_WHOLE_MODULE.format(title=title)
            pg.get_by_label(labels.TRAINER_SHOW, exact=True).select_option(label=whole)
            results = pg.locator(".wb-tr-results")
            results.locator(f".wb-tr-result[data-exercise='{ids[0]}']").wait_for()
            shown = results.locator(".wb-tr-result").evaluate_all(
                "rs => rs.map(r => r.dataset.exercise)"
            )
            assert shown == ids, f"{module}: the projector does not follow the page order"
            for exercise_id in ids:
                section = results.locator(f".wb-tr-result[data-exercise='{exercise_id}']")
                expect(section.locator(".wb-tr-meta").first).to_contain_text("1 antwoord")
                body = section.evaluate(
                    "s => [...s.children].filter(c => !c.matches('h3, .wb-tr-meta'))"
                    ".map(c => c.innerText).join(' ').trim()"
                )
                assert body and labels.TRAINER_NO_ANSWERS not in body, f"{exercise_id}: empty view"
            problems = stumbles(results.inner_text(), room.sector)
            assert problems == [], f"{module}: {problems}"
        if room.sector == "mbo":
            pg.screenshot(path="/tmp/alle-modules-trainer.png", full_page=True)
        assert serious_axe_violations(pg) == []
    finally:
        context.close()
