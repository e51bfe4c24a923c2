"""A participant's phone on the school network: a second device in a network namespace joins the room.

The test makes a network namespace with a veth pair (as root, as CI runs), serves the workbook on the
host side with `--adres`, and runs Chromium inside the namespace on a phone viewport.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from answering import SLOW, SOCIO_ADD, answer, box, exercises_on_page
from playwright.sync_api import expect

from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Transfer,
    free_port,
    join,
    open_workbook_page,
    scrolls_sideways,
    serious_axe_violations,
    small_touch_targets,
)
from widgets import labels
from workbook.content.catalog import get_exercise, get_module
from workbook.runtime.serve import start_voila

pytestmark = pytest.mark.browser

NS = "wbtoestel"
HOST, DEVICE = "10.77.0.1", "10.77.0.2"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TABLET = {"viewport": {"width": 768, "height": 1024}, "is_mobile": True, "has_touch": True}
SCHOOL = "Testlinde Havo"
TRAINER_KEY = "test-trainer-sleutel-123"  # the trainersleutel of conftest.VO_CONFIG
FIRST_VISIT_BYTES = 1_600_000  # issue 12: forty phones pull at most 1.6 MB each


def ip(*args: str, ns: bool = False) -> None:
    cmd = ["ip", "netns", "exec", NS, "ip", *args] if ns else ["ip", *args]
    subprocess.run(cmd, check=True, capture_output=True)


def remove_namespace() -> None:
    subprocess.run(["ip", "link", "del", "wb-host"], capture_output=True)
    subprocess.run(["ip", "netns", "del", NS], capture_output=True)


@pytest.fixture(scope="module")
def second_device(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A network namespace 'wbtoestel' at 10.77.0.2, linked to this machine at 10.77.0.1; yields a
    Chromium wrapper that runs inside it. Removed again even when the test fails."""
    if os.geteuid() != 0 or shutil.which("ip") is None:
        pytest.fail("This test makes a network namespace: run it as root with iproute2 (CI does).")
    remove_namespace()
    try:
        ip("netns", "add", NS)
        ip("link", "add", "wb-host", "type", "veth", "peer", "name", "wb-device")
        ip("link", "set", "wb-device", "netns", NS)
        ip("addr", "add", f"{HOST}/24", "dev", "wb-host")
        ip("link", "set", "wb-host", "up")
        ip("addr", "add", f"{DEVICE}/24", "dev", "wb-device", ns=True)
        ip("link", "set", "wb-device", "up", ns=True)
        ip("link", "set", "lo", "up", ns=True)
        wrapper = tmp_path_factory.mktemp("toestel") / "chromium-in-namespace"
        wrapper.write_text(
            f'#!/bin/sh\nexec ip netns exec {NS} {CHROMIUM} "$@"\n', encoding="utf-8"
        )
        wrapper.chmod(0o755)
        yield wrapper
    finally:
        remove_namespace()


@dataclass
class Room:
    """The served workbook on the host side of the pair: its address and its Voila process."""

    base: str  # what the join screen shows, http://10.77.0.1:PORT
    proc: subprocess.Popen

    @property
    def render(self) -> str:
        return f"{self.base}/voila/render"

    def kernel_alive(self, kernel_id: str) -> bool:
        """True while the kernel process of this id runs under this Voila."""
        return any(
            f"kernel-{kernel_id}.json" in " ".join(child.cmdline())
            for child in psutil.Process(self.proc.pid).children(recursive=True)
        )


@pytest.fixture(scope="module")
def room(served, second_device, tmp_path_factory) -> Iterator[Room]:
    """The served workbook, listening on the host side of the pair, with a preheated kernel per page."""
    port = free_port()
    log = tmp_path_factory.mktemp("zaal") / "voila.log"
    proc = start_voila(served.build_dir, port, ip=HOST, preheat=1, log=log)
    try:
        yield Room(f"http://{HOST}:{port}", proc)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert "403 POST /voila/api/shutdown" not in log.read_text(encoding="utf-8", errors="replace")


def kernel_id(pg) -> str:
    return pg.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def open_trainer(browser, room: Room):
    """The trainer at the laptop, on a desktop viewport, past the key: the join screen shows first."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(90_000)
    pg = context.new_page()
    open_workbook_page(pg, f"{room.render}/trainer.ipynb")
    pg.get_by_label("Trainersleutel").fill(TRAINER_KEY)
    pg.get_by_role("button", name="Open de trainerspagina").click()
    pg.locator(".wb-join").wait_for()
    return pg


def school_count(trainer) -> int:
    item = trainer.locator(".wb-join-schools li", has_text=SCHOOL)
    return int(item.locator("strong").inner_text()) if item.count() else 0


def test_a_phone_joins_answers_a_whole_module_and_the_trainer_sees_it_on_the_projector(
    room, second_device, browser
):
    trainer = open_trainer(browser, room)
    expect(trainer.locator(".wb-join-url")).to_have_text(room.base)
    assert trainer.locator(".wb-join-qr svg").count() == 1
    assert TRAINER_KEY not in trainer.content()
    assert serious_axe_violations(trainer) == []  # the join screen on the projector
    before = school_count(trainer)

    # The run's one Playwright launches this Chromium too (a second sync Playwright cannot start).
    phone = browser.browser_type.launch(executable_path=str(second_device), args=CHROMIUM_ARGS)
    try:
        context = phone.new_context(locale="nl-NL", **PHONE)
        context.set_default_timeout(90_000)
        pg = context.new_page()
        transfer = Transfer(pg)
        open_workbook_page(pg, room.base + "/")  # the address on the projector
        assert small_touch_targets(pg) == [] and not scrolls_sideways(pg)  # the join form
        code = join(pg, "Telefoon", SCHOOL)
        # First visit over the school Wi-Fi: compressed, and small enough for forty phones at once.
        assert transfer.total <= FIRST_VISIT_BYTES, f"{transfer.total / 1e6:.2f} MB"
        scripts = [u for u in transfer.encodings if u.endswith(".js")]
        assert scripts and all(transfer.encodings[u] == "gzip" for u in scripts)
        expect(trainer.locator(".wb-join-count")).to_contain_text("Aangemeld")
        trainer.wait_for_function(
            f"""() => {{
                const li = [...document.querySelectorAll('.wb-join-schools li')]
                    .find(li => li.textContent.includes({SCHOOL!r}));
                return li && Number(li.querySelector('strong').textContent) === {before + 1};
            }}"""
        )

        # The personal link opened from the phone shows the participant's page, not "Aanmelden".
        module = "ondersteuningspiramide"
        open_workbook_page(pg, f"{room.render}/00-ondersteuningspiramide.ipynb?deelnemer={code}")
        expect(pg.locator(".wb-bar")).to_contain_text(code)
        expect(pg.get_by_role("heading", name=labels.JOIN_TITLE)).to_have_count(0)
        ids = exercises_on_page(pg, module)
        checks = {i: answer(pg, box(pg, i), get_exercise(i), keyboard=False) for i in ids}
        opened = next(i for i in ids if get_exercise(i).kind == "open")
        field = box(pg, opened).get_by_label(labels.YOUR_ANSWER)
        field.fill("Vanaf mijn telefoon.")
        field.press("Tab")
        checks[opened] = lambda again: expect(again.get_by_label(labels.YOUR_ANSWER)).to_have_value(
            "Vanaf mijn telefoon."
        )
        for i in ids:
            expect(box(pg, i).locator(".wb-status")).to_contain_text("Opgeslagen")
        assert small_touch_targets(pg) == [] and not scrolls_sideways(pg)

        first_kernel = kernel_id(pg)
        pg.reload(wait_until="commit")
        pg.wait_for_selector(".wb-page")
        for i in ids:
            again = box(pg, i)
            expect(again.locator(".wb-status")).to_contain_text(labels.SAVED_EARLIER)
            checks[i](again)
        # Reloading closed the old page: its kernel was shut down by the tab-close beacon.
        deadline = time.monotonic() + 20
        while room.kernel_alive(first_kernel) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not room.kernel_alive(first_kernel), "the reloaded page left its kernel behind"

        # The projector shows the phone's answer on the wall.
        trainer.get_by_role("tab", name=labels.TRAINER_RESULTS_TAB).click()
        whole = labels.TRAINER_WHOLE_MODULE.format(title=get_module(module).title)
        trainer.get_by_label("Toon", exact=True).select_option(label=whole)
        wall = trainer.locator(f".wb-tr-result[data-exercise='{opened}']")
        wall.get_by_text("Vanaf mijn telefoon.").wait_for()

        # Closing the tab ends its kernel too, from this other device.
        last_kernel = kernel_id(pg)
        pg.close(run_before_unload=True)
        deadline = time.monotonic() + 20
        while room.kernel_alive(last_kernel) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not room.kernel_alive(last_kernel), "the closed tab left its kernel behind"
    finally:
        phone.close()
        trainer.context.close()


def test_a_tablet_draws_a_sociogram_by_touch(room, second_device, browser):
    """768 x 1024 with touch: the sociogram page fits, every control is a finger's size."""
    tablet = browser.browser_type.launch(executable_path=str(second_device), args=CHROMIUM_ARGS)
    try:
        context = tablet.new_context(locale="nl-NL", **TABLET)
        context.set_default_timeout(90_000)
        pg = context.new_page()
        open_workbook_page(pg, f"{room.render}/30-groepsdynamiek.ipynb")
        join(pg, "Tablet", SCHOOL)
        socio = box(pg, "groepsdynamiek/sociogram")
        for name in ("Vos", "Uil"):
            socio.get_by_label(labels.SOCIO_NAME, exact=True).fill(name)
            socio.get_by_role("button", name=SOCIO_ADD).tap()
            socio.locator(f'.wb-sociogram g.wb-pupil[data-id="{name}"]').wait_for(timeout=SLOW)
        # A choice by tapping: first the pupil who chooses, then the chosen one.
        socio.locator('.wb-sociogram g.wb-pupil[data-id="Vos"]').tap()
        socio.locator('.wb-sociogram g.wb-pupil[data-id="Uil"]').tap()
        socio.locator(".wb-sociogram .wb-edge").first.wait_for(timeout=SLOW)
        expect(socio.locator(".wb-status")).to_contain_text("Opgeslagen")
        assert small_touch_targets(pg) == [] and not scrolls_sideways(pg)
    finally:
        tablet.close()


# Run inside the namespace: what anyone on the school Wi-Fi could try against a served room.
PROBE = r"""
import json, sys, time, urllib.error, urllib.request, uuid
from websockets.sync.client import connect

base = sys.argv[1]
found = {}
for path in ["/api/contents", "/files/scholengroep.toml", "/api/kernels", "/tree", "/voila/files/scholengroep.toml",
             "/voila/api/contents/scholengroep.toml", "/voila/api/contents", "/voila/api/contents/data",
             "/voila/render/scholengroep.toml", "/scholengroep.toml"]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            found[path] = (r.status, r.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as e:
        found[path] = (e.code, "")
page = urllib.request.urlopen(base + "/voila/render/10-prestatiedruk.ipynb", timeout=120).read().decode()
config = json.loads(page.split('id="jupyter-config-data"')[1].split(">", 1)[1].split("</script>")[0])
ws = base.replace("http", "ws") + f"/api/kernels/{config['kernelId']}/channels"
replies = []
with connect(ws, max_size=None, open_timeout=30) as sock:
    def send(msg_type, content):
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "", "session": "x",
                  "date": "", "version": "5.3"}
        sock.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                              "channel": "shell", "buffers": []}))
        return header["msg_id"]
    code = "open('/tmp/werkboek-ingebroken', 'w').write('ja')"
    ids = {send("execute_request", {"code": code, "silent": False, "store_history": False,
                                    "user_expressions": {}, "allow_stdin": False}): "execute",
           send("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "pwn", "data": {}}): "comm_open"}
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        try:
            msg = json.loads(sock.recv(timeout=1))
        except TimeoutError:
            continue
        if msg.get("parent_header", {}).get("msg_id") in ids:
            replies.append((ids[msg["parent_header"]["msg_id"]], msg["header"]["msg_type"], msg.get("content")))
print(json.dumps({"found": found, "replies": replies}))
"""


def test_a_stranger_on_the_network_gets_no_files_and_runs_no_code(room, second_device):
    import json
    import sys

    base = room.base
    marker = Path("/tmp/werkboek-ingebroken")
    marker.unlink(missing_ok=True)
    done = subprocess.run(
        ["ip", "netns", "exec", NS, sys.executable, "-c", PROBE, base],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    for path, (status, body) in result["found"].items():
        assert status in (403, 404), f"{path} answered {status}"
        assert "trainersleutel" not in body and "opslag" not in body, path
    assert not marker.exists(), "code sent by a stranger ran in the kernel"
    kinds = {(what, kind) for what, kind, _content in result["replies"]}
    assert ("execute", "execute_reply") not in kinds and ("execute", "execute_result") not in kinds
    # A comm for an unknown target is closed again by the kernel, never opened.
    comm = [(kind, content) for what, kind, content in result["replies"] if what == "comm_open"]
    assert {kind for kind, _ in comm} <= {"status", "stream", "comm_close"}, comm
    assert "comm_close" in {kind for kind, _ in comm}, comm  # refused: closed straight away
