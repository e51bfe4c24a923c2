"""Benchmark (not a test): a full room. N participants open the same module page within S seconds.

Builds a scholengroep with the module, registers N participants, serves it with Voila as
`workbook serve --sessie MODULE --deelnemers N` does (N preheated kernels for the page; the trainer
starts the session once they are ready), and opens the page in Debian's Chromium
for each participant, one every S/N seconds, each in its own browser context (a fresh browser, as on
a participant's own laptop). For each participant it records:

- time to first widget: from navigation start to the first visible `.jupyter-widgets` element;
- time to interactive: until the page greets them by their code (the kernel knows who they are), and
  an answer they type into the open question shows "Opgeslagen" (the kernel saved it).

It prints p50, p95 and the maximum of both, and how many participants got an interactive page.

    python benchmarks/full_room.py [--deelnemers 30] [--binnen 30] [--pagina 10-prestatiedruk.ipynb]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

from workbook.config import load_config
from workbook.content.catalog import list_exercises, list_modules
from workbook.runtime.build import build_workbook
from workbook.runtime.serve import start_voila
from workbook.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from page_start import CHROMIUM, CHROMIUM_ARGS, FIRST_WIDGET_JS, free_port, wait_until_quiet  # noqa: E402

CONFIG = """naam = "Scholengroep Volle Zaal"
sector = "vo"
scholen = ["Zaal Havo"]
trainersleutel = "zaal-sleutel-123456"
modules = ["{module}"]
opslag = "sqlite:///{store}"
"""
LIMIT_MS = 240_000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def participant(browser, url: str, code: str, start_after: float, t0: float) -> dict:
    """One participant: wait for their moment, open the page, type an answer, see it saved."""
    await asyncio.sleep(max(0.0, t0 + start_after - time.monotonic()))
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(FIRST_WIDGET_JS)
    result: dict[str, Any] = {"code": code, "first": None, "interactive": None, "error": ""}
    try:
        page = await context.new_page()
        began = time.monotonic()
        await page.goto(url, wait_until="commit", timeout=LIMIT_MS)
        await page.wait_for_function(
            "window.__firstWidget !== undefined", timeout=LIMIT_MS, polling=100
        )
        result["first"] = await page.evaluate("window.__firstWidget") / 1000
        await page.locator(".wb-bar", has_text=code).first.wait_for(timeout=LIMIT_MS)
        box = page.locator(".wb-kind-open").first
        await box.get_by_label("Jouw antwoord").fill(f"Antwoord van {code}")
        await box.locator(".wb-status", has_text="Opgeslagen").wait_for(timeout=LIMIT_MS)
        result["interactive"] = time.monotonic() - began
    except Exception as exc:  # a benchmark reports every participant, also the ones that failed
        result["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        await context.close()
    return result


async def room(url: str, codes: list[str], within: float) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        step = within / max(1, len(codes) - 1) if len(codes) > 1 else 0.0
        t0 = time.monotonic()
        results = await asyncio.gather(
            *(
                participant(browser, f"{url}?deelnemer={c}", c, i * step, t0)
                for i, c in enumerate(codes)
            )
        )
        await browser.close()
    return list(results)


def busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all processes)."""
    t = psutil.cpu_times()
    return t.user + t.system + getattr(t, "nice", 0.0)


def server_seconds(pid: int) -> float:
    """CPU seconds used so far by Voila and its kernels (kernels are not stopped during the run)."""
    total = 0.0
    root = psutil.Process(pid)
    for proc in (root, *root.children(recursive=True)):
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Meet een volle zaal: veel deelnemers openen tegelijk een module."
    )
    parser.add_argument(
        "--deelnemers", type=int, default=30, help="aantal deelnemers (standaard: %(default)s)"
    )
    parser.add_argument(
        "--binnen",
        type=float,
        default=30.0,
        help="seconden waarin ze allemaal de pagina openen (standaard: %(default)s)",
    )
    parser.add_argument(
        "--pagina",
        default="10-prestatiedruk.ipynb",
        help="notebook van de module (standaard: %(default)s)",
    )
    parser.add_argument(
        "--zonder-sessie",
        action="store_true",
        help="zonder 'workbook serve --sessie': alleen 1 voorverwarmde kernel per pagina",
    )
    args = parser.parse_args(argv)
    if args.deelnemers < 1 or args.binnen < 0:
        parser.error("--deelnemers moet minstens 1 zijn en --binnen mag niet negatief zijn.")
    module = next((m for m in list_modules() if m.notebook == args.pagina), None)
    if module is None:
        parser.error(f"Pagina {args.pagina} hoort bij geen module.")

    with tempfile.TemporaryDirectory(prefix="werkboek-zaal-") as tmp:
        tmp_path = Path(tmp)
        config = tmp_path / "scholengroep.toml"
        config.write_text(
            CONFIG.format(module=module.id, store=tmp_path / "antwoorden.sqlite"), encoding="utf-8"
        )
        out = tmp_path / "gebouwd"
        print(f"Bouwen van module '{module.id}' ...", flush=True)
        build_workbook(config, out, progress=False)
        store = open_store(load_config(config).store_url)
        slug = load_config(config).slug
        codes = [
            store.create_participant(slug, f"Deelnemer {i + 1}", "Zaal Havo").code
            for i in range(args.deelnemers)
        ]
        port = free_port()
        session = None if args.zonder_sessie else (module.id, args.deelnemers)
        proc = start_voila(out, port, preheat=1, session=session, log=tmp_path / "voila.log")
        try:
            wait_until_quiet(
                psutil.Process(proc.pid), timeout=600
            )  # the trainer waits for the pools
            print(
                f"{args.deelnemers} deelnemers openen {args.pagina} binnen {args.binnen:.0f} s ...",
                flush=True,
            )
            started = time.monotonic()
            machine_before = busy_seconds()
            server_before = server_seconds(proc.pid)
            results = asyncio.run(
                room(f"http://127.0.0.1:{port}/voila/render/{args.pagina}", codes, args.binnen)
            )
            took = time.monotonic() - started
            server_cpu = server_seconds(proc.pid) - server_before
            browser_cpu = busy_seconds() - machine_before - server_cpu
            kernels = [
                c
                for c in psutil.Process(proc.pid).children(recursive=True)
                if any("kernel-" in part and part.endswith(".json") for part in c.cmdline())
            ]
            open_id = next(e.id for e in list_exercises(module.id) if e.kind == "open")
            saved = {c for c in codes if store.load_answer(slug, c, open_id) == f"Antwoord van {c}"}
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            store.close()

    ok = [r for r in results if r["interactive"] is not None]
    first = [r["first"] for r in results if r["first"] is not None]
    ready = [r["interactive"] for r in ok]
    pool = (
        "1 voorverwarmde kernel per pagina"
        if args.zonder_sessie
        else f"--sessie {module.id} --deelnemers {args.deelnemers}"
    )
    print(
        f"\nMachine: {psutil.cpu_count()} cores, server en alle browsers op dezelfde machine; Voila met {pool}; "
        f"alles klaar na {took:.0f} s; {len(kernels)} kernels draaiden."
    )
    print(
        f"Processortijd tijdens de zaal: server (Voila en kernels) {server_cpu:.0f} s, "
        f"browsers en de rest {browser_cpu:.0f} s, van {took * psutil.cpu_count():.0f} s beschikbaar."
    )
    print(
        f"Interactieve pagina: {len(ok)} van {len(results)} deelnemers"
        + f"; hun antwoord staat in de database bij {len(saved)}"
    )
    for label, values in (
        ("tijd tot eerste widget (s)", first),
        ("tijd tot interactief, antwoord opgeslagen (s)", ready),
    ):
        if values:
            print(
                f"  {label:46} p50 {statistics.median(values):6.2f}  p95 {percentile(values, 0.95):6.2f}  "
                f"max {max(values):6.2f}"
            )
    for r in results:
        if r["error"]:
            print(f"  deelnemer {r['code']}: {r['error']}")
    if len(ok) < len(results) or len(saved) < len(results):
        sys.exit(1)


if __name__ == "__main__":
    main()
