"""The room's real participants: a few Chromiums that play the session on the real page, and a bare notebook.

Run by benchmarks/room.py in its own process:

    python benchmarks/room_browser.py BASE_URL PLAN.json RESULTS.json

Each participant has a fresh browser context (a new device, empty cache) and, in a thread of its own
(Playwright's sync API is per thread), opens the short root URL, joins on the overview, follows the link
to the session's module, answers every exercise with the browser tests' strategies
(tests/browser/answering.py) and waits for "Opgeslagen", reloads and sees every answer back, opens the
second module, and closes the tab (Voila's beacon ends the kernel). Beside them one more context opens
the bare one-button notebook once for every module page a participant opens. Recorded per page visit:
time to first widget (navigation start to the first visible `.jupyter-widgets`), and per participant
the bytes Chromium pulled (HTTP as sent, compressed and with headers; websocket frames by their payload).
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from page_start import BARE, CHROMIUM, CHROMIUM_ARGS, FIRST_WIDGET_JS  # noqa: E402

from tests.browser.answering import answer, box, exercises_on_page  # noqa: E402
from widgets import labels  # noqa: E402
from workbook.content.catalog import get_exercise  # noqa: E402

WAIT = 300_000
VIEWPORTS = [
    {"width": 390, "height": 844},
    {"width": 1280, "height": 900},
    {"width": 768, "height": 1024},
]


class Bytes:
    """Bytes a page pulls over the network, as Chromium counts them."""

    def __init__(self, pg: Any) -> None:
        self.total = 0
        cdp = pg.context.new_cdp_session(pg)
        cdp.send("Network.enable")
        cdp.on("Network.loadingFinished", lambda e: self._add(e["encodedDataLength"]))
        cdp.on(
            "Network.webSocketFrameReceived", lambda e: self._add(len(e["response"]["payloadData"]))
        )

    def _add(self, n: float) -> None:
        self.total += int(n)


def first_widget(pg: Any) -> float:
    pg.wait_for_function("window.__firstWidget !== undefined", timeout=WAIT, polling=100)
    return pg.evaluate("window.__firstWidget") / 1000


def kernel_of(pg: Any) -> str:
    return pg.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def wait_for_code(pg: Any, code: str) -> None:
    pg.locator(".wb-bar", has_text=code).first.wait_for(timeout=WAIT)


def wait_for_every_exercise(pg: Any, count: int) -> None:
    """Until the reloaded page shows all its exercises, each bound to the participant (Voila renders
    a page that no preheated kernel had ready cell by cell, so the last ones come later)."""
    pg.wait_for_function(
        """([count, notJoined]) => {
            const shown = [...document.querySelectorAll('.wb-exercise .wb-status')];
            return shown.length >= count && shown.every(s => !s.textContent.includes(notJoined));
        }""",
        arg=[count, labels.NOT_JOINED],
        timeout=WAIT,
        polling=250,
    )


def play(browser: Any, plan: dict, who: dict, viewport: dict, result: dict) -> None:
    base, module, tempo = plan["base"], plan["module"], plan["tempo"]
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    context.set_default_timeout(WAIT)
    context.add_init_script(FIRST_WIDGET_JS)
    pg = context.new_page()
    counted = Bytes(pg)
    log: list[
        str
    ] = []  # the page's console and websocket events, kept for a participant that fails
    began = time.monotonic()

    def note(text: str) -> None:
        log.append(
            f"{time.monotonic() - began:7.1f} s {pg.url.rsplit('/', 1)[-1][:40]}: {text[:300]}"
        )

    pg.on("console", lambda m: note(f"console.{m.type}: {m.text}"))
    pg.on("pageerror", lambda e: note(f"pageerror: {e}"))

    def websocket(ws: Any) -> None:
        note(f"websocket open {ws.url[-60:]}")
        ws.on("close", lambda _ws: note(f"websocket close {ws.url[-60:]}"))

    pg.on("websocket", websocket)
    pg.on("requestfailed", lambda r: note(f"request failed {r.url[-80:]}: {r.failure}"))

    def visit(action: Any) -> None:
        began = time.monotonic()
        action()
        result["first_widget"].append(first_widget(pg))
        result["kernels"].append(kernel_of(pg))
        result["visits"].append(time.monotonic() - began)

    try:
        visit(lambda: pg.goto(base + "/", wait_until="commit", timeout=WAIT))
        pg.wait_for_timeout(random.uniform(3000, 8000) * tempo)
        pg.get_by_label("Naam of code", exact=True).fill(who["name"])
        pg.get_by_label("School", exact=True).select_option(who["school"])
        pg.get_by_role("button", name="Start").click()
        bar = pg.locator(".wb-bar")
        bar.wait_for(timeout=WAIT)
        code = result["code"] = bar.locator("b").nth(-1).inner_text()
        link = pg.locator(f'li[data-module="{module}"] a')
        link.wait_for(timeout=WAIT)
        visit(link.click)  # leaving the overview: its beacon ends its kernel
        wait_for_code(pg, code)
        result["interactive"] = True
        checks = {}
        for exercise_id in exercises_on_page(pg, module):
            pg.wait_for_timeout(random.uniform(4000, 10000) * tempo)
            exercise = get_exercise(exercise_id)
            here = box(pg, exercise_id)
            checks[exercise_id] = answer(pg, here, exercise)
            here.locator(".wb-status", has_text="Opgeslagen").wait_for(timeout=WAIT)
            result["sent"].append(exercise_id)
        visit(lambda: pg.reload(wait_until="commit", timeout=WAIT))
        wait_for_code(pg, code)
        wait_for_every_exercise(pg, len(checks))
        for exercise_id, check in checks.items():
            try:
                check(box(pg, exercise_id))
            except AssertionError:
                result["not_restored"].append(exercise_id)
        pg.wait_for_timeout(random.uniform(2000, 5000) * tempo)
        second = f"{base}/voila/render/{plan['second_page']}?deelnemer={code}"
        visit(lambda: pg.goto(second, wait_until="commit", timeout=WAIT))
        wait_for_code(pg, code)
        pg.wait_for_timeout(random.uniform(2000, 5000) * tempo)
        pg.close(run_before_unload=True)  # closing the tab sends Voila's beacon
        time.sleep(1.0)  # the beacon leaves before the context closes
    except Exception as exc:  # a benchmark reports every participant, also the ones that failed
        result["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        result["trace"] = traceback.format_exc()
        result["log"] = log[-80:]
        try:  # what the page showed when it gave up: exercises, statuses, and a screenshot
            result["shown"] = pg.evaluate(
                """() => [...document.querySelectorAll('.wb-exercise')].map(e => {
                    const s = e.querySelector('.wb-status');
                    return (e.querySelector('h3')?.id || '?') + ': ' + (s ? s.textContent : '-');
                })"""
            )
            shots = plan.get("screenshots")
            if shots:
                pg.screenshot(path=f"{shots}/{who['name'].replace(' ', '-')}.png", full_page=True)
        except Exception as shot:  # noqa: BLE001 - the page may be gone
            result["shown"] = [f"{type(shot).__name__}"]
    finally:
        result["bytes"] = counted.total
        result["ended"] = time.time()
        context.close()


def bare(browser: Any, plan: dict, visits: int, result: dict, stop: threading.Event) -> None:
    """The bare one-button notebook, opened in a fresh context `visits` times during the room."""
    pause = 10.0  # seconds between visits, while the participants play
    for _ in range(visits):
        if stop.wait(random.uniform(0.5, 1.5) * pause):
            break
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(FIRST_WIDGET_JS)
        try:
            pg = context.new_page()
            pg.goto(f"{plan['base']}/voila/render/{BARE}", wait_until="commit", timeout=WAIT)
            result["first_widget"].append(first_widget(pg))
            result["kernels"].append(kernel_of(pg))
            pg.close(run_before_unload=True)
            time.sleep(0.5)
        except Exception as exc:  # noqa: BLE001
            result["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
        finally:
            context.close()


def in_thread(target: Any, *args: Any) -> threading.Thread:
    def run() -> None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                target(browser, *args)
            finally:
                browser.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def main() -> None:
    base, plan_path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    plan["base"] = base.rstrip("/")
    people = plan["participants"]
    results = [
        {
            "name": w["name"],
            "code": None,
            "first_widget": [],
            "visits": [],
            "kernels": [],
            "sent": [],
            "not_restored": [],
            "interactive": False,
            "error": "",
            "began": time.time(),
        }
        for w in people
    ]
    baseline: dict[str, Any] = {"first_widget": [], "kernels": [], "error": ""}
    threads = []
    step = plan["within"] / max(1, len(people))
    for i, (who, result) in enumerate(zip(people, results, strict=True)):
        time.sleep(step if i else 0)
        threads.append(in_thread(play, plan, who, VIEWPORTS[i % len(VIEWPORTS)], result))
    stop = threading.Event()
    baseline_thread = in_thread(bare, plan, 4 * len(people), baseline, stop)
    for thread in threads:
        thread.join()
    stop.set()
    baseline_thread.join()
    out.write_text(
        json.dumps({"participants": results, "bare": baseline}, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
