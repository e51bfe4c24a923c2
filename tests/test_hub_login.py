"""The shared password is only for a trial on this machine: the hub refuses to listen elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser.conftest import free_port
from tests.hub import HUB_DIR, PASSWORD
from workbook.runtime.build import build_workbook

pytestmark = [pytest.mark.slow]


def test_the_shared_password_hub_will_not_listen_on_every_address(tmp_path):
    config = tmp_path / "scholengroep.toml"
    config.write_text(
        'naam = "Proefgroep"\nid = "proef"\nsector = "vo"\nscholen = ["Proef College"]\n'
        f'modules = ["prestatiedruk"]\ntrainersleutel = "proef-sleutel"\n'
        f'opslag = "sqlite:///{tmp_path / "proef.sqlite"}"\n',
        encoding="utf-8",
    )
    build_workbook(config, tmp_path / "gebouwd", progress=False)
    env = {
        **os.environ,
        "WERKBOEK_GEBOUWD": str(tmp_path / "gebouwd"),
        "WERKBOEK_HUB_WACHTWOORD": PASSWORD,
    }
    hub = subprocess.run(
        [
            sys.executable,
            "-c",
            "from jupyterhub.app import main; main()",
            "-f",
            str(HUB_DIR / "jupyterhub_config.py"),
            "--ip=0.0.0.0",
            f"--port={free_port()}",
            "--JupyterHub.hub_ip=127.0.0.1",
            f"--JupyterHub.hub_port={free_port()}",
            f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hub.returncode != 0
    assert "alleen voor een proef op deze computer" in hub.stdout + hub.stderr
    assert "--ip 127.0.0.1" in hub.stdout + hub.stderr
