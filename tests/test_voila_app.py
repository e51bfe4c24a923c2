"""Voila as the workbook serves it: a visitor never waits for a preheated kernel that is still to come."""

from __future__ import annotations

import asyncio
import socket
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from workbook.runtime.build import build_workbook
from workbook.runtime.serve import start_voila
from workbook.runtime.voila_app import hand_out_ready_kernels

CONFIG = """naam = "Scholengroep Poollinde"
sector = "vo"
scholen = ["Poollinde Havo"]
trainersleutel = "pool-sleutel-123456"
modules = ["prestatiedruk"]
opslag = "sqlite:///{store}"
"""


def run(coro):  # noqa: ANN001, ANN201 - any coroutine, its result
    """Run a coroutine in a thread of its own: earlier tests in the same process (widgets, kernels)
    may leave an event loop running in this one, where asyncio.run refuses to start."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


class FakePools:
    """The part of Voila's kernel manager that hands out preheated kernels."""

    def __init__(self, pool: list) -> None:
        self._pools = {"index.ipynb": pool}

    async def get_rendered_notebook(self, notebook_name: str, **_kwargs: object) -> object:
        return await self._pools[notebook_name].pop(0)


def test_only_a_ready_kernel_counts_and_is_handed_out():
    async def scene() -> tuple[int, object]:
        async def kernel(name: str, delay: float) -> str:
            await asyncio.sleep(delay)
            return name

        refill = asyncio.ensure_future(kernel("later", 600))  # Voila's refill, waiting fill_delay
        ready = asyncio.ensure_future(kernel("ready", 0))
        await asyncio.sleep(0.01)
        manager = FakePools([refill, ready])
        hand_out_ready_kernels(manager)
        size = manager.get_pool_size("index.ipynb")
        got = await asyncio.wait_for(manager.get_rendered_notebook("index.ipynb"), 5)
        refill.cancel()
        return size, got

    size, got = run(scene())
    assert (size, got) == (1, "ready")


def test_no_ready_kernel_means_an_empty_pool():
    async def scene() -> int:
        waiting = asyncio.ensure_future(asyncio.sleep(600))
        manager = FakePools([waiting])
        hand_out_ready_kernels(manager)
        size = manager.get_pool_size("index.ipynb")
        waiting.cancel()
        return size

    assert run(scene()) == 0


def wait_for_pools(voila: psutil.Process, kernels: int, timeout: float = 120) -> None:
    """Until Voila has its preheated kernels and they have rendered their page (a quiet second)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        procs = [voila, *voila.children(recursive=True)]
        for p in procs:
            p.cpu_percent(None)  # starts counting
        time.sleep(1.0)
        busy = 0.0
        for p in procs:
            try:
                busy += p.cpu_percent(None)
            except psutil.NoSuchProcess:
                pass
        if len(procs) - 1 >= kernels and busy < 5.0:
            return
    raise AssertionError("Voila's preheated kernels were not ready in time")


@pytest.mark.slow
def test_during_a_session_the_second_visitor_of_the_overview_does_not_wait(tmp_path: Path):
    """`workbook serve --sessie` refills used kernels only after 10 minutes; the second participant who
    opened the overview used to wait for that refill (an empty page), now gets a new kernel at once."""
    config = tmp_path / "scholengroep.toml"
    config.write_text(CONFIG.format(store=tmp_path / "antwoorden.sqlite"), encoding="utf-8")
    build_workbook(config, tmp_path / "gebouwd", progress=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = start_voila(
        tmp_path / "gebouwd", port, preheat=1, session=("prestatiedruk", 1), log=tmp_path / "v.log"
    )
    try:
        wait_for_pools(psutil.Process(proc.pid), kernels=3)  # index, prestatiedruk, trainer
        url = f"http://127.0.0.1:{port}/voila/render/index.ipynb"
        with urllib.request.urlopen(url, timeout=120) as r:  # takes the preheated kernel
            assert r.status == 200
        started = time.monotonic()
        with urllib.request.urlopen(url, timeout=120) as r:
            assert r.status == 200 and b"kernelId" in r.read()
        assert time.monotonic() - started < 60
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_page_renders_without_compiling_its_templates_again(monkeypatch: pytest.MonkeyPatch):
    """Voila makes a new exporter for every page it renders; the second one takes the compiled
    templates from the shared cache instead of compiling them again (a fifth of a render's CPU)."""
    import jinja2
    from voila.exporter import VoilaExporter

    from workbook.paths import voila_data_dir
    from workbook.runtime.voila_app import cache_compiled_templates

    cache_compiled_templates()
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # noqa: ANN002, ANN003, ANN202
        compiled.append(name or "")
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    paths = [str(voila_data_dir() / "voila" / "templates" / "welbevinden")]

    def load_page_template() -> None:
        exporter = VoilaExporter(template_paths=paths, template_file="index.html.j2")
        exporter.environment.get_template("index.html.j2")

    load_page_template()
    first = len(compiled)
    load_page_template()
    assert first > 0 and len(compiled) == first, compiled[first:]


def test_a_served_page_runs_in_the_kernel_without_debugger(tmp_path: Path):
    """Every page Voila serves starts its kernel from workbook.runtime.kernel (no debugpy, no input
    history), not from ipykernel_launcher: each of a room's ~120 kernel starts is cheaper and smaller."""
    config = tmp_path / "scholengroep.toml"
    config.write_text(CONFIG.format(store=tmp_path / "antwoorden.sqlite"), encoding="utf-8")
    build_workbook(config, tmp_path / "gebouwd", progress=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = start_voila(tmp_path / "gebouwd", port, preheat=0, log=tmp_path / "v.log")
    try:
        url = f"http://127.0.0.1:{port}/voila/render/index.ipynb"
        with urllib.request.urlopen(url, timeout=120) as r:
            assert r.status == 200 and b"kernelId" in r.read()
        started = [" ".join(p.cmdline()) for p in psutil.Process(proc.pid).children(recursive=True)]
        kernels = [c for c in started if "connection" in c or "kernel-" in c]
        assert kernels, started
        assert all("-m workbook.runtime.kernel" in c for c in kernels), kernels
        assert all("--HistoryManager.enabled=False" in c for c in kernels), kernels
    finally:
        proc.terminate()
        proc.wait(timeout=30)
