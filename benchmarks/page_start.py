"""Benchmark (not a test): first-widget time and kernel memory, page vs. a bare one-button notebook.

Builds a scholengroep into a temp folder, adds a bare notebook with one ipywidgets.Button to the
same built folder, serves both with the same Voila, and opens each page --herhalingen times in
Debian's Chromium
(alternating, after one warm-up visit each).

Time-to-first-widget: from navigation start (performance.timeOrigin) to the first visible
`.jupyter-widgets` element (Voila shows the cells once the notebook has run). Kernel memory: RSS and
USS of the kernel process that Voila started for that visit (a new child of the Voila process).

    python benchmarks/page_start.py [--pagina 10-prestatiedruk.ipynb] [--herhalingen 5]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil

from workbook.build import build_workbook
from workbook.catalog import list_modules
from workbook.serve import start_voila

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
sector = "vo"
scholen = ["Meetlinde Havo"]
trainersleutel = "meet-sleutel-123456"
modules = ["{module}"]
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


def build(tmp: Path, page: str) -> Path:
    """Build a scholengroep offering the module of `page`; put the bare notebook beside it."""
    module = next((m.id for m in list_modules() if m.notebook == page), None)
    if module is None:
        sys.exit(
            f"Pagina {page} hoort bij geen enkele module. Kies bijvoorbeeld 10-prestatiedruk.ipynb."
        )
    config = tmp / "scholengroep.toml"
    config.write_text(
        CONFIG.format(module=module, store=tmp / "antwoorden.sqlite"), encoding="utf-8"
    )
    out = tmp / "gebouwd"
    print(f"Bouwen van module '{module}' in {out} ...", flush=True)
    build_workbook(config, out, progress=False)
    write_bare_notebook(out / BARE)
    return out


def kernel_process(voila: psutil.Process, kernel_id: str) -> psutil.Process:
    """The kernel process Voila started for kernel_id (its connection file carries the id)."""
    for proc in voila.children(recursive=True):
        if any(kernel_id in part for part in proc.cmdline()):
            return proc
    raise RuntimeError(f"Geen kernelproces gevonden voor kernel {kernel_id}.")


def visit(browser, voila: psutil.Process, url: str) -> tuple[float, float, float]:
    """One fresh visit: (seconds to first widget, kernel RSS MB, kernel USS MB)."""
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
        info = kernel_process(voila, kernel_id).memory_full_info()
        return seconds, info.rss / MB, info.uss / MB
    finally:
        # The kernel stays until Voila stops (killing it would only make Voila restart it).
        context.close()


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):8.2f} {min(values):8.2f} {max(values):8.2f}"


def report(results: dict[str, list[tuple[float, float, float]]], page: str) -> None:
    header = f"{'':34} {'mediaan':>8} {'min':>8} {'max':>8}"
    for name, rows in results.items():
        print(f"\n{name}  ({len(rows)} bezoeken)\n{header}")
        for label, col in (
            ("tijd tot eerste widget (s)", 0),
            ("kernelgeheugen RSS (MB)", 1),
            ("kernelgeheugen USS (MB)", 2),
        ):
            print(f"  {label:32} {summary([r[col] for r in rows])}")
    print(f"\nVerhouding {page} / kale knop (medianen, zelfde Voila, zelfde run):")
    for label, col in (
        ("tijd tot eerste widget", 0),
        ("kernelgeheugen RSS", 1),
        ("kernelgeheugen USS", 2),
    ):
        ratio = statistics.median(r[col] for r in results[page]) / statistics.median(
            r[col] for r in results[BARE]
        )
        print(f"  {label:32} {ratio:6.2f} x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Meet de starttijd en het kernelgeheugen van een werkboekpagina."
    )
    parser.add_argument(
        "--pagina",
        default="10-prestatiedruk.ipynb",
        help="notebook van de module (standaard: %(default)s)",
    )
    parser.add_argument(
        "--herhalingen", type=int, default=5, help="bezoeken per pagina (standaard: %(default)s)"
    )
    parser.add_argument(
        "--poort", type=int, default=0, help="poort voor Voila (standaard: een vrije poort)"
    )
    args = parser.parse_args(argv)
    if args.herhalingen < 1:
        parser.error("--herhalingen moet minstens 1 zijn.")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="werkboek-meting-") as tmp:
        out = build(Path(tmp), args.pagina)
        port = args.poort or free_port()
        proc = start_voila(out, port, log=Path(tmp) / "voila.log")
        voila = psutil.Process(proc.pid)
        base = f"http://127.0.0.1:{port}/voila/render/"
        results: dict[str, list[tuple[float, float, float]]] = {args.pagina: [], BARE: []}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for name in results:  # warm-up: fill the OS file cache and Python's bytecode cache
                    visit(browser, voila, base + name)
                for i in range(args.herhalingen):
                    for name in results:
                        results[name].append(visit(browser, voila, base + name))
                    print(f"bezoek {i + 1}/{args.herhalingen} klaar", flush=True)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        print(
            f"\nMachine: {psutil.cpu_count()} cores, "
            f"belasting (1 min) {psutil.getloadavg()[0]:.1f}; "
            f"Chromium headless, elk bezoek een nieuwe browsercontext (lege cache)."
        )
        report(results, args.pagina)


if __name__ == "__main__":
    start = time.monotonic()
    main()
    print(f"\nKlaar in {time.monotonic() - start:.0f} s.")
