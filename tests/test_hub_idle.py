"""Idleness that ends on JupyterHub: idle servers are culled, unused kernels stop, a cap on open pages."""

from __future__ import annotations

import html
import time

import pytest
import requests

from tests.hub import Hub, running_hub
from workbook.runtime.build import build_workbook

pytestmark = [pytest.mark.slow]

KERNEL_IDLE = 15  # seconds; the deployment's default is 900
SERVER_IDLE = 40  # seconds; the deployment's default is 3600
MAX_KERNELS = 2


def idle_config(store: str) -> str:
    return f"""
naam = "Scholengroep Stiltetest"
id = "stiltetest"
sector = "vo"
scholen = ["Stille Havo"]
modules = ["prestatiedruk"]
trainersleutel = "stilte-trainer-sleutel"
opslag = "{store}"
"""


def kernels(hub: Hub, user: str, token: str) -> list[str]:
    reply = requests.get(
        f"{hub.base}/user/{user}/api/kernels",
        headers={"Authorization": f"token {token}"},
        timeout=30,
    )
    reply.raise_for_status()
    return [k["id"] for k in reply.json()]


def get_page(hub: Hub, user: str, token: str) -> requests.Response:
    """GET the overview page as a script would: no browser, so no websocket to its kernel."""
    return requests.get(
        f"{hub.base}/user/{user}/voila/render/index.ipynb",
        headers={"Authorization": f"token {token}"},
        timeout=180,
    )


def wait_for(check, seconds: float, every: float = 1.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return bool(check())


def test_unused_kernels_and_idle_servers_end_and_open_pages_are_capped(tmp_path):
    config = tmp_path / "scholengroep.toml"
    config.write_text(idle_config(f"sqlite:///{tmp_path / 'antwoorden.sqlite'}"), encoding="utf-8")
    build_workbook(config, tmp_path / "gebouwd", progress=False)
    env = {
        "WERKBOEK_KERNEL_INACTIEF": str(KERNEL_IDLE),
        "WERKBOEK_SERVER_INACTIEF": str(SERVER_IDLE),
        "WERKBOEK_MAX_KERNELS": str(MAX_KERNELS),
    }
    with running_hub(tmp_path / "gebouwd", tmp_path, env) as hub:
        hub.create_user("anna")
        token = hub.user_token("anna")
        hub.start_server("anna")
        # Anna's server has a private folder next to the hub's state, not /tmp/anna.
        home = tmp_path / "gebruikers" / "anna"
        assert home.is_dir() and home.stat().st_mode & 0o777 == 0o700
        assert (tmp_path / "jupyterhub_cookie_secret").stat().st_mode & 0o077 == 0

        # Pages fetched without a websocket (a script, a link preview) each start a kernel ...
        for _ in range(MAX_KERNELS):
            page = get_page(hub, "anna", token)
            assert page.status_code == 200, page.text[:500]
            assert "application/vnd.jupyter.widget-view+json" in page.text  # the page's widgets
        assert len(kernels(hub, "anna", token)) == MAX_KERNELS

        # ... up to the cap: then a Dutch page says what to do, and no kernel is started.
        refused = get_page(hub, "anna", token)
        assert refused.status_code == 503
        text = html.unescape(refused.text)
        assert "Te veel pagina's open" in text
        assert "Sluit een tabblad" in text
        assert "Je antwoorden zijn bewaard" in text
        assert "http" not in text.split("<body", 1)[0]  # nothing from a CDN: pages work offline
        assert len(kernels(hub, "anna", token)) == MAX_KERNELS

        # Nobody connects to those kernels: after the kernel timeout none is left.
        assert wait_for(lambda: kernels(hub, "anna", token) == [], KERNEL_IDLE + 30), (
            "kernels of pages without a websocket were not stopped"
        )
        # With the kernels gone, the same user opens a page again.
        assert get_page(hub, "anna", token).status_code == 200

        # A server nobody uses is stopped by the idle culler after the server timeout.
        hub.create_user("carla")
        hub.start_server("carla")
        assert hub.running("carla")
        assert wait_for(lambda: not hub.running("carla"), SERVER_IDLE + 60, every=2), (
            "the idle culler did not stop an idle server"
        )
        assert "idle-culler" in hub.log.read_text(encoding="utf-8", errors="replace")
