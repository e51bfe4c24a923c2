"""The real JupyterHub of deploy/jupyterhub on loopback ports, for the tests that need one."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import requests

from tests.browser.conftest import LOCAL_PREFIXES, free_port

HUB_DIR = Path(__file__).resolve().parents[1] / "deploy" / "jupyterhub"
PASSWORD = "hub-test-wachtwoord"
WAIT = 180_000  # ms: the first page of a user waits for that user's server to start


@dataclass
class Hub:
    """A running hub: its URL, an admin token for its REST API and its log file."""

    base: str
    token: str
    log: Path
    pid: int = 0  # the hub's process; its children are the proxy and the users' servers

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(
            method, f"{self.base}/hub/api{path}", headers=headers, timeout=60, **kwargs
        )

    def user(self, name: str) -> dict[str, Any]:
        reply = self.api("GET", f"/users/{name}")
        reply.raise_for_status()
        return dict(reply.json())

    def create_user(self, name: str) -> None:
        reply = self.api("POST", f"/users/{name}")
        assert reply.status_code in (201, 409), reply.text

    def user_token(self, name: str) -> str:
        reply = self.api("POST", f"/users/{name}/tokens", json={"note": "test"})
        reply.raise_for_status()
        return str(reply.json()["token"])

    def start_server(self, name: str, timeout: float = 180) -> None:
        """Start a user's server and wait until the hub says it is ready."""
        reply = self.api("POST", f"/users/{name}/server")
        assert reply.status_code in (201, 202, 400), reply.text  # 400: already running
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.user(name)["servers"].get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"the server of {name} did not start within {timeout} s")

    def running(self, name: str) -> bool:
        return bool(self.user(name)["servers"])

    def stop_all_servers(self, timeout: float = 60) -> None:
        """Stop every user's server: the hub keeps them when it stops (cleanup_servers = False)."""
        users = self.api("GET", "/users").json()
        for user in users:
            if user.get("servers"):
                self.api("DELETE", f"/users/{user['name']}/server")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not any(u.get("servers") for u in self.api("GET", "/users").json()):
                return
            time.sleep(0.5)


def wait_until_up(base: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"JupyterHub stopped while starting; see {log}"
        try:
            if requests.get(f"{base}/hub/health", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise AssertionError(f"JupyterHub did not answer within {timeout} s; see {log}")


@contextmanager
def running_hub(
    build_dir: Path | str, state_dir: Path, env: dict[str, str] | None = None
) -> Iterator[Hub]:
    """Start JupyterHub with the config in deploy/jupyterhub on loopback ports.

    Stopping it first stops every user's server through the API, then the hub (45 s for a clean
    stop, then its process group is killed), then any server process of this hub still left."""
    port, hub_port, api_port = free_port(), free_port(), free_port()
    cmd = [
        sys.executable,
        "-c",
        "from jupyterhub.app import main; main()",
        "-f",
        str(HUB_DIR / "jupyterhub_config.py"),
        "--ip=127.0.0.1",
        f"--port={port}",
        "--JupyterHub.hub_ip=127.0.0.1",
        f"--JupyterHub.hub_port={hub_port}",
        f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api_port}",
    ]
    token = secrets.token_hex(32)
    full_env = {
        **os.environ,
        "WERKBOEK_GEBOUWD": str(build_dir),
        "WERKBOEK_HUB_WACHTWOORD": PASSWORD,
        "WERKBOEK_HUB_BEHEERTOKEN": token,
        **(env or {}),
    }
    log = state_dir / "hub.log"
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=state_dir,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}", token, log, proc.pid)
    started: dict[int, psutil.Process] = {}
    try:
        wait_until_up(hub.base, proc, log)
        yield hub
    finally:
        try:
            for child in psutil.Process(proc.pid).children(recursive=True):
                started[child.pid] = child
            hub.stop_all_servers()
        except (requests.RequestException, psutil.Error, ValueError):
            pass
        proc.terminate()
        try:
            proc.wait(timeout=45)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        for child in started.values():  # only processes this hub started, by their pid
            try:
                if child.is_running():
                    child.kill()
            except psutil.Error:
                pass


def log_in(browser, base: str, user: str):
    """A fresh browser context logged in to the hub as user."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(60_000)
    context.outside = outside = []  # every request of any of its pages that left 127.0.0.1
    context.on("request", lambda r: r.url.startswith(LOCAL_PREFIXES) or outside.append(r.url))
    pg = context.new_page()
    pg.goto(f"{base}/hub/login")
    pg.fill("#username_input", user)
    pg.fill("#password_input", PASSWORD)
    pg.click("#login_submit")
    return pg


def open_user_page(pg, base: str, user: str, notebook: str) -> None:
    """Open a page on the user's own server; the hub starts that server first if needed."""
    pg.goto(f"{base}/user/{user}/voila/render/{notebook}", wait_until="commit", timeout=WAIT)
    pg.wait_for_selector(".wb-page", timeout=WAIT)
