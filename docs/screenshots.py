"""Make the README's pictures: the projector with two schools' pyramids, and a report's first page.

    .venv/bin/python docs/screenshots.py

It builds the example scholengroep (examples/vo-lindecollege.toml) in a temporary folder, fills in
two schools' pyramids and one participant's plan van aanpak, serves the build with Voila, opens the
trainer page in Chromium (/usr/bin/chromium), and writes docs/img/projector-piramides.png and
docs/img/rapport-blad-1.png (the report's first page, through pdftoppm from poppler-utils).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from widgets import labels  # noqa: E402
from workbook.config import load_config  # noqa: E402
from workbook.kinds.actiepunten import VERSION, new_item  # noqa: E402
from workbook.output.report import write_report  # noqa: E402
from workbook.runtime.build import build_workbook  # noqa: E402
from workbook.runtime.serve import start_voila  # noqa: E402
from workbook.store import AnswerStore  # noqa: E402

OUT = ROOT / "docs" / "img"
EXAMPLE = ROOT / "examples" / "vo-lindecollege.toml"
PYRAMID = "ondersteuningspiramide/piramide"

PLAN = {
    "ondersteuningspiramide/actiepunten": [
        new_item(
            text="Elke mentor geeft in de eerste zes weken wekelijks een les over de groep",
            why="Omgekeerde piramide: zak in de piramide",
            layer="base",
            who="Mentoren, met de zorgcoördinator",
            when="Voor de herfstvakantie",
            measure="In de groepsscan van november voelen meer leerlingen zich veilig",
            for_school=True,
        ),
        new_item(
            text="Intervisie voor het team, eens per maand",
            layer="foundation",
            who="Teamleider",
            when="Vanaf januari",
            for_school=True,
        ),
    ],
    "prestatiedruk/actiepunten": [
        new_item(
            text="Toetsen per week spreiden in de toetsplanner",
            why="Veel toetsen kort na elkaar",
            layer="base",
            group="Leerjaar 4 havo",
            who="Sectieleiders",
            when="Volgende periode",
        ),
    ],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill_room(tmp: Path) -> tuple[Path, str]:
    """A copy of the example config with its store in tmp, two schools' pyramids and one plan."""
    cfg_path = tmp / "scholengroep.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'opslag = "sqlite:///data/lindecollege.sqlite"', f'opslag = "sqlite:///{tmp}/a.sqlite"'
    )
    cfg_path.write_text(text, encoding="utf-8")
    cfg = load_config(cfg_path)
    havo, vmbo = tomllib.loads(text)["scholen"]
    strong = yaml.safe_load((ROOT / "examples" / "piramide-regenboog.yaml").read_text("utf-8"))
    inverted = json.loads((ROOT / "examples" / "piramide-omgekeerd.json").read_text("utf-8"))
    with AnswerStore(cfg.store_url) as store:
        anna = store.create_participant(cfg.slug, "Anna", havo)
        bram = store.create_participant(cfg.slug, "Bram", vmbo)
        store.save_answer(cfg.slug, anna.code, PYRAMID, strong | {"school": havo})
        store.save_answer(cfg.slug, bram.code, PYRAMID, inverted | {"school": vmbo})
        for exercise, items in PLAN.items():
            store.save_answer(
                cfg.slug,
                bram.code,
                exercise,
                {"version": VERSION, "items": [dict(i) for i in items]},
            )
    return cfg_path, bram.code


def projector(base: str, key: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        pg.goto(f"{base}/voila/render/trainer.ipynb", wait_until="commit", timeout=120_000)
        pg.wait_for_selector(".wb-page", timeout=120_000)
        pg.get_by_label(labels.TRAINER_KEY).fill(key)
        pg.get_by_role("button", name=labels.TRAINER_OPEN).click()
        pg.get_by_role("tab", name=labels.TRAINER_RESULTS_TAB).click()
        show = pg.get_by_label(labels.TRAINER_SHOW, exact=True)
        option = next(o for o in show.locator("option").all_text_contents() if "piramide" in o)
        show.select_option(label=option)
        result = pg.locator(f".wb-tr-result[data-exercise='{PYRAMID}']")
        result.locator(".wb-tr-pyramid").nth(1).wait_for(timeout=60_000)
        result.screenshot(path=str(out))
        browser.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        cfg_path, code = fill_room(tmp)
        cfg = load_config(cfg_path)
        with AnswerStore(cfg.store_url) as store:
            _html, pdf = write_report(store, cfg, code, tmp / "rapport")
        first = OUT / "rapport-blad-1"
        subprocess.run(
            ["pdftoppm", "-f", "1", "-l", "1", "-r", "70", "-png", "-singlefile", pdf, first],
            check=True,
        )
        build_workbook(cfg_path, tmp / "gebouwd", progress=False)
        port = free_port()
        proc = start_voila(tmp / "gebouwd", port, preheat=0)
        try:
            projector(
                f"http://127.0.0.1:{port}", str(cfg.trainer_key), OUT / "projector-piramides.png"
            )
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(f"Klaar: {first}.png en {OUT / 'projector-piramides.png'}")


if __name__ == "__main__":
    main()
