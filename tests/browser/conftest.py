"""Browser fixtures: build a scholengroep, serve it with the real Voila, drive it in Debian's Chromium."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from workbook.runtime.build import build_workbook
from workbook.runtime.serve import start_voila

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "blob:", "data:", "about:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    """A built and served scholengroep."""

    base: str
    build_dir: Path
    config_path: Path
    store_url: str
    proc: subprocess.Popen = field(repr=False)

    def url(self, notebook: str, code: str | None = None) -> str:
        query = f"?deelnemer={code}" if code else ""
        return f"{self.base}/voila/render/{notebook}{query}"


def serve_config(tmp: Path, config_text: str, *, preheat: int = 0) -> Served:
    """Write a config into tmp, build it, and serve it on a free port."""
    tmp.mkdir(parents=True, exist_ok=True)
    store = tmp / "data" / "antwoorden.sqlite"
    cfg = tmp / "scholengroep.toml"
    cfg.write_text(
        f'opslag = "sqlite:///{store}"\n' + config_text, encoding="utf-8"
    )  # before any [[table]]
    build_dir = tmp / "gebouwd"
    build_workbook(cfg, build_dir, progress=False)
    port = free_port()
    proc = start_voila(build_dir, port, preheat=preheat, log=tmp / "voila.log")
    return Served(f"http://127.0.0.1:{port}", build_dir, cfg, f"sqlite:///{store}", proc)


VO_CONFIG = """
naam = "Scholengroep Testlinde"
sector = "vo"
scholen = ["Testlinde Havo", "Testlinde Vmbo"]
trainersleutel = "test-trainer-sleutel-123"
"""


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The vo test scholengroep with every module it offers, served by Voila."""
    s = serve_config(tmp_path_factory.mktemp("served"), VO_CONFIG)
    yield s
    s.proc.terminate()
    s.proc.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser page; page.outside lists every request that left 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    context.set_default_timeout(
        60_000
    )  # a loaded 2-core machine: every kernel round trip can be slow
    pg = context.new_page()
    pg.outside = []
    pg.on(
        "request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else pg.outside.append(r.url)
    )
    yield pg
    context.close()


def open_workbook_page(pg: object, url: str, timeout: float = 90_000) -> None:
    """Go to a page and wait until Voila has rendered our widgets."""
    pg.goto(url, wait_until="commit", timeout=timeout)  # Voila streams; "load" comes late
    pg.wait_for_selector(".wb-page", timeout=timeout)


def join(pg: object, name: str, school: str | None = None) -> str:
    """Fill in the join form; returns the participant code the page then shows."""
    pg.get_by_label("Naam of code", exact=True).fill(name)
    if school:
        pg.get_by_label("School", exact=True).select_option(school)
    pg.get_by_role("button", name="Start").click()
    bar = pg.locator(".wb-bar")
    bar.wait_for(timeout=30_000)
    return bar.locator("b").nth(-1).inner_text()


def serious_axe_violations(pg: object) -> list[str]:
    """Run axe-core (bundled by the axe-playwright-python wheel, so offline) and list every
    critical or serious violation as 'rule: selector'."""
    import axe_playwright_python

    script = (
        Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
    )
    pg.evaluate(script)
    result = pg.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {n['target']}"
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
        for n in v["nodes"]
    ]


def kernel_message(payload: str | bytes) -> tuple[str, dict, dict, dict]:
    """(channel, header, parent_header, content) of one kernel websocket frame, in either protocol
    (JSON text, or jupyter_server's binary v1.kernel.websocket.jupyter.org framing)."""
    if isinstance(payload, str):
        msg = json.loads(payload)
        return msg.get("channel", ""), msg["header"], msg["parent_header"], msg["content"]
    count = int.from_bytes(payload[:8], "little")
    offsets = [int.from_bytes(payload[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
    parts = [payload[a:b] for a, b in zip(offsets, [*offsets[1:], len(payload)], strict=True)]
    header, parent, _metadata, content = (json.loads(part) for part in parts[1:5])
    return parts[0].decode(), header, parent, content


# Every control a finger can hit on the rendered page: tag, label text and size of its target
# (a radio or checkbox counts with its label, as a tap on the label picks it).
_SMALL_TARGETS = """() => {
  const found = [];
  const controls = "button, input, select, textarea, a[href], [role=button], [tabindex='0']";
  for (const el of document.querySelectorAll("#rendered_cells :is(" + controls + ")")) {
    if (el.matches(".wb-edge-group")) continue;  // a sociogram arrow: its target is a wide stroke
    const own = el.getBoundingClientRect();
    if (own.width === 0 || own.height === 0) continue;
    const label = el.closest("label");
    const r = label ? label.getBoundingClientRect() : own;
    if (r.height < 44 || r.width < 44) {
      const name = (el.getAttribute("aria-label") || el.textContent || el.name || "").trim();
      const where = el.closest(".wb-exercise")?.querySelector("h3")?.id || "";
      const kind = el.type ? `[${el.type}]` : "";
      const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
      found.push(`${el.tagName.toLowerCase()}${kind} '${name.slice(0, 30)}' ${size} in ${where}`);
    }
  }
  return found;
}"""


def small_touch_targets(pg: object) -> list[str]:
    """Controls smaller than 44 x 44 px (WCAG 2.5.5), as 'tag 'name' WxH'."""
    return pg.evaluate(_SMALL_TARGETS)


def scrolls_sideways(pg: object) -> bool:
    return pg.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")


class Transfer:
    """Bytes a page pulls over the network, as Chromium counts them (compressed, with headers)."""

    def __init__(self, pg: object) -> None:
        self.http = 0
        self.websocket = 0
        self.encodings: dict[str, str] = {}
        cdp = pg.context.new_cdp_session(pg)
        cdp.send("Network.enable")
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _finished(self, event: dict) -> None:
        self.http += event["encodedDataLength"]

    def _response(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
        self.encodings[event["response"]["url"]] = headers.get("content-encoding", "")

    def _frame(self, event: dict) -> None:
        self.websocket += len(event["response"]["payloadData"])  # uncompressed: an upper bound

    @property
    def total(self) -> int:
        return self.http + self.websocket
