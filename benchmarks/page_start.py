"""Benchmark (not a test): first-widget time and kernel memory of every module page vs. a bare notebook.

Builds an mbo scholengroep with every module into a temp folder, adds a bare notebook with one
ipywidgets.Button to the same built folder, serves them all with one Voila with preheated kernels
(as `workbook serve` does), and opens each page --herhalingen times in Debian's Chromium, alternating
with the bare notebook, after one warm-up visit each. Module pages are opened as a returning
participant (?deelnemer=CODE); before each visit the benchmark waits until Voila has refilled its
kernel pools and the machine is quiet.

Time-to-first-widget: from navigation start (performance.timeOrigin) to the first visible
`.jupyter-widgets` element. Kernel memory: RSS and USS of the kernel process that served that visit,
read once the page has finished running.

    python benchmarks/page_start.py [--pagina alle|10-prestatiedruk.ipynb] [--herhalingen 3]
                                    [--koud]   # without preheated kernels, for comparison
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
import psutil

from workbook.config import load_config
from workbook.content.catalog import list_modules
from workbook.runtime.build import build_workbook
from workbook.runtime.serve import REFILL_SECONDS, start_voila
from workbook.store import open_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BARE = "00-kale-knop.ipynb"
CONFIG = """naam = "Scholengroep Meetlinde"
sector = "mbo"
scholen = ["Meetlinde Vakschool"]
trainersleutel = "meet-sleutel-123456"
modules = [{modules}]
opslag = "sqlite:///{store}"
"""
# Records, in the page, when the first widget becomes visible (checked every animation frame).
FIRST_WIDGET_JS = """(() => {
  const tick = () => {
    const hit = [...document.querySelectorAll('.jupyter-widgets')].some(e => e.checkVisibility());
    if (hit) { window.__firstWidget = performance.now(); } else { requestAnimationFrame(tick); }
  };
  requestAnimationFrame(tick);
})();"""
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_bare_notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('import ipywidgets\n\nipywidgets.Button(description="Klik")')
    ]
    nbformat.write(nb, path)


def build(tmp: Path) -> tuple[Path, str]:
    """Build a scholengroep with every module, put the bare notebook beside it; returns (folder, code)."""
    modules = ", ".join(f'"{m.id}"' for m in list_modules())
    config = tmp / "scholengroep.toml"
    store_url = f"sqlite:///{tmp / 'antwoorden.sqlite'}"
    config.write_text(
        CONFIG.format(modules=modules, store=tmp / "antwoorden.sqlite"), encoding="utf-8"
    )
    out = tmp / "gebouwd"
    print(f"Bouwen van alle modules in {out} ...", flush=True)
    build_workbook(config, out, progress=False)
    write_bare_notebook(out / BARE)
    store = open_store(store_url)
    code = store.create_participant(
        load_config(config).slug, "Meetdeelnemer", "Meetlinde Vakschool"
    ).code
    store.close()
    return out, code


def wait_until_quiet(voila: psutil.Process, timeout: float = 120.0) -> None:
    """Wait until Voila and its kernels use under 5% CPU for a whole second (pools refilled)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        procs = [voila, *voila.children(recursive=True)]
        for proc in procs:
            try:
                proc.cpu_percent(None)
            except psutil.NoSuchProcess:
                pass
        time.sleep(1.0)
        busy = 0.0
        for proc in procs:
            try:
                busy += proc.cpu_percent(None)
            except psutil.NoSuchProcess:
                pass
        if busy < 5.0:
            return


def kernel_process(voila: psutil.Process, kernel_id: str) -> psutil.Process:
    """The kernel process Voila started for kernel_id (its connection file carries the id)."""
    for proc in voila.children(recursive=True):
        if any(kernel_id in part for part in proc.cmdline()):
            return proc
    raise RuntimeError(f"Geen kernelproces gevonden voor kernel {kernel_id}.")


def visit(browser, voila: psutil.Process, url: str) -> tuple[float, float, float]:
    """One fresh visit: (seconds to first widget, kernel RSS MB, kernel USS MB)."""
    time.sleep(REFILL_SECONDS + 1)  # Voila refills the pool only this long after the last visit
    wait_until_quiet(voila)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.add_init_script(FIRST_WIDGET_JS)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=180_000)
        page.wait_for_function("window.__firstWidget !== undefined", timeout=180_000, polling=100)
        seconds = page.evaluate("window.__firstWidget") / 1000
        kernel_id = page.evaluate(
            "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
        )
        kernel = kernel_process(voila, kernel_id)
        page.wait_for_load_state("load", timeout=180_000)  # every cell has run
        wait_until_quiet(voila, timeout=30)
        info = kernel.memory_full_info()
        return seconds, info.rss / MB, info.uss / MB
    finally:
        # The kernel stays until Voila stops (killing it would only make Voila restart it).
        context.close()


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):8.2f} {min(values):8.2f} {max(values):8.2f}"


def report(results: dict[str, list[tuple[float, float, float]]]) -> None:
    bare = results[BARE]
    base = [statistics.median(r[col] for r in bare) for col in range(3)]
    print(
        f"\n{'pagina':32} {'eerste widget (s)':>18} {'x kaal':>7} {'RSS (MB)':>9} {'+kaal':>7} "
        f"{'USS (MB)':>9} {'+kaal':>7}"
    )
    for name, rows in results.items():
        med = [statistics.median(r[col] for r in rows) for col in range(3)]
        spread = f"{min(r[0] for r in rows):.2f}-{max(r[0] for r in rows):.2f}"
        print(
            f"{name:32} {med[0]:6.2f} ({spread:>10}) {med[0] / base[0]:6.2f}x {med[1]:9.1f} "
            f"{med[1] - base[1]:+7.1f} {med[2]:9.1f} {med[2] - base[2]:+7.1f}"
        )
    print(
        "\n(mediaan over de bezoeken; 'x kaal' en '+kaal' zijn tegen de kale knop in dezelfde run)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Meet de starttijd en het kernelgeheugen van de werkboekpagina's."
    )
    parser.add_argument(
        "--pagina",
        default="alle",
        help="notebook van een module, of 'alle' (standaard: %(default)s)",
    )
    parser.add_argument(
        "--herhalingen", type=int, default=3, help="bezoeken per pagina (standaard: %(default)s)"
    )
    parser.add_argument("--koud", action="store_true", help="zonder voorverwarmde kernels")
    parser.add_argument(
        "--poort", type=int, default=0, help="poort voor Voila (standaard: een vrije poort)"
    )
    args = parser.parse_args(argv)
    if args.herhalingen < 1:
        parser.error("--herhalingen moet minstens 1 zijn.")
    pages = [m.notebook for m in list_modules()]
    if args.pagina != "alle":
        if args.pagina not in pages:
            parser.error(
                f"Pagina {args.pagina} hoort bij geen module. Kies uit: {', '.join(pages)}."
            )
        pages = [args.pagina]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="werkboek-meting-") as tmp:
        out, code = build(Path(tmp))
        port = args.poort or free_port()
        proc = start_voila(out, port, preheat=0 if args.koud else 1, log=Path(tmp) / "voila.log")
        voila = psutil.Process(proc.pid)
        base = f"http://127.0.0.1:{port}/voila/render/"
        results: dict[str, list[tuple[float, float, float]]] = {BARE: [], **{p: [] for p in pages}}
        urls = {BARE: base + BARE, **{p: f"{base}{p}?deelnemer={code}" for p in pages}}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for name in results:  # warm-up: fill the OS file cache and Python's bytecode cache
                    visit(browser, voila, urls[name])
                for i in range(args.herhalingen):
                    for page in pages:
                        for name in (BARE, page):
                            results[name].append(visit(browser, voila, urls[name]))
                    print(f"ronde {i + 1}/{args.herhalingen} klaar", flush=True)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        mode = "zonder voorverwarmde kernels" if args.koud else "met voorverwarmde kernels (pool 1)"
        print(
            f"\nMachine: {psutil.cpu_count()} cores, belasting (1 min) {psutil.getloadavg()[0]:.1f}; "
            f"Voila {mode}; Chromium headless, elk bezoek een nieuwe browsercontext (lege cache)."
        )
        report(results)


if __name__ == "__main__":
    start = time.monotonic()
    main()
    print(f"\nKlaar in {time.monotonic() - start:.0f} s.")
