"""A participant's phone on the school network: a second device in a network namespace joins the room.

The test makes a network namespace with a veth pair (as root, as CI runs), serves the workbook on the
host side with `--adres`, and runs Chromium inside the namespace on a phone viewport.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, join, open_workbook_page
from widgets import labels
from workbook.runtime.serve import start_voila

pytestmark = pytest.mark.browser

NS = "wbtoestel"
HOST, DEVICE = "10.77.0.1", "10.77.0.2"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


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


@pytest.fixture(scope="module")
def room(served, second_device, tmp_path_factory) -> Iterator[str]:
    """The served workbook, listening on the host side of the pair, with a preheated kernel per page."""
    port = free_port()
    log = tmp_path_factory.mktemp("zaal") / "voila.log"
    proc = start_voila(served.build_dir, port, ip=HOST, preheat=1, log=log)
    try:
        yield f"http://{HOST}:{port}/voila/render"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_phone_joins_opens_its_personal_link_and_finds_its_answer_back(
    room, second_device, browser
):
    # The run's one Playwright launches this Chromium too (a second sync Playwright cannot start).
    phone = browser.browser_type.launch(executable_path=str(second_device), args=CHROMIUM_ARGS)
    try:
        context = phone.new_context(locale="nl-NL", **PHONE)
        context.set_default_timeout(90_000)
        pg = context.new_page()
        open_workbook_page(
            pg, room.rsplit("/voila/render", 1)[0] + "/"
        )  # the address on the screen
        code = join(pg, "Telefoon", "Testlinde Havo")

        # The personal link opened from the phone shows the participant's page, not "Aanmelden".
        open_workbook_page(pg, f"{room}/10-prestatiedruk.ipynb?deelnemer={code}")
        expect(pg.locator(".wb-bar")).to_contain_text(code)
        expect(pg.get_by_role("heading", name=labels.JOIN_TITLE)).to_have_count(0)
        box = pg.locator(".wb-kind-open").filter(
            has=pg.locator("#oefening-prestatiedruk-eigen-rol")
        )
        field = box.get_by_label(labels.YOUR_ANSWER)
        field.fill("Vanaf mijn telefoon.")
        field.press("Tab")
        expect(box.locator(".wb-status")).to_contain_text("Opgeslagen")
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

        pg.reload(wait_until="commit")
        pg.wait_for_selector(".wb-page")
        again = pg.locator(".wb-kind-open").filter(
            has=pg.locator("#oefening-prestatiedruk-eigen-rol")
        )
        expect(again.get_by_label(labels.YOUR_ANSWER)).to_have_value("Vanaf mijn telefoon.")
    finally:
        phone.close()


# Run inside the namespace: what anyone on the school Wi-Fi could try against a served room.
PROBE = r"""
import json, sys, time, urllib.error, urllib.request, uuid
from websockets.sync.client import connect

base = sys.argv[1]
found = {}
for path in ["/api/contents", "/files/scholengroep.toml", "/api/kernels", "/tree", "/voila/files/scholengroep.toml",
             "/voila/api/contents/scholengroep.toml", "/voila/render/scholengroep.toml", "/scholengroep.toml"]:
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

    base = room.rsplit("/voila/render", 1)[0]
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
