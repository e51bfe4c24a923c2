"""The workbook command, driven through click's CliRunner: Dutch output, one-line errors, exit codes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbook.cli import main
from workbook.paths import examples_dir


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_passes_on_shipped_content() -> None:
    code, out, _ = run("check")
    assert code == 0
    assert "Alles in orde" in out


def test_build_with_missing_config_is_one_dutch_line(tmp_path: Path) -> None:
    code, out, err = run("build", str(tmp_path / "nergens.toml"), "--out", str(tmp_path / "uit"))
    assert code == 1
    assert err.startswith("Fout: Configuratiebestand niet gevonden")
    assert "Traceback" not in out + err
    assert len(err.strip().splitlines()) == 1


def test_build_with_bad_sector_names_the_field(tmp_path: Path) -> None:
    cfg = tmp_path / "groep.toml"
    cfg.write_text('naam = "X"\nsector = "universiteit"\n', encoding="utf-8")
    code, _, err = run("build", str(cfg), "--out", str(tmp_path / "uit"))
    assert code == 1
    assert "veld 'sector'" in err and "po, vo, go, mbo" in err


def test_serve_refuses_a_folder_without_a_build(tmp_path: Path) -> None:
    code, _, err = run("serve", str(tmp_path))
    assert code == 1
    assert "geen gebouwd werkboek" in err and "workbook build" in err


def test_help_is_dutch() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Bouw het werkboek" in out


def test_examples_are_shipped() -> None:
    assert (examples_dir() / "mbo-vakcollege.toml").is_file()


def test_a_session_for_a_module_the_scholengroep_lacks_names_the_choices(tmp_path: Path) -> None:
    """A trainer who types a module that is not in the workbook hears which ones are."""
    import json

    from workbook.runtime.serve import REFILL_SECONDS, session_page, write_voila_config

    (tmp_path / "scholengroep.toml").write_text(
        (examples_dir() / "po-kindwijs.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "index.ipynb").write_text("{}", encoding="utf-8")
    code, _out, err = run("serve", str(tmp_path), "--sessie", "stage", "--poort", "8979")
    assert code != 0 and "Traceback" not in err
    assert "module 'stage' zit niet in dit werkboek" in err and "prestatiedruk" in err
    assert session_page(tmp_path, "prestatiedruk") == "10-prestatiedruk.ipynb"
    code, _out, err = run("serve", str(tmp_path), "--sessie", "prestatiedruk", "--deelnemers", "0")
    assert code == 1 and "--deelnemers is 0" in err and "Kies 1 of meer" in err

    write_voila_config(tmp_path, {"10-prestatiedruk.ipynb": 30})
    pools = json.loads((tmp_path / "voila.json").read_text(encoding="utf-8"))["VoilaKernelManager"]
    assert pools["kernel_pools_config"] == {"10-prestatiedruk.ipynb": {"pool_size": 30}}
    write_voila_config(tmp_path, {})  # a later serve without a session leaves no old pool behind
    assert json.loads((tmp_path / "voila.json").read_text(encoding="utf-8")) == {
        "VoilaKernelManager": {"kernel_pools_config": {}, "fill_delay": REFILL_SECONDS}
    }


def test_lab_help_is_dutch_and_names_the_port() -> None:
    code, out, _ = run("lab", "--help")
    assert code == 0
    assert "Open JupyterLab" in out and "--poort" in out and "8888" in out and "--schrijven" in out


def test_lab_with_a_missing_config_is_one_dutch_line(tmp_path: Path) -> None:
    code, out, err = run("lab", str(tmp_path / "nergens.toml"))
    assert code == 1
    assert err.startswith("Fout: Configuratiebestand niet gevonden")
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1


def test_lab_refuses_a_config_and_schrijven_together(tmp_path: Path) -> None:
    code, _, err = run("lab", str(examples_dir() / "po-kindwijs.toml"), "--schrijven")
    assert code == 1 and "niet allebei" in err


def test_lab_prints_the_address_with_token_on_the_chosen_port(tmp_path: Path, monkeypatch) -> None:
    """Without CONFIG: the self-study pages in the data folder; the line names port and token."""
    import subprocess

    import workbook.runtime.lab as lab

    monkeypatch.setenv("WELBEVINDEN_DATA", str(tmp_path))
    started: list[list[str]] = []

    class Finished:
        def wait(self) -> int:
            return 0

    def fake_popen(cmd: list[str], **kwargs: object) -> Finished:
        started.append(cmd)
        assert "JUPYTER_TOKEN" in kwargs["env"]  # type: ignore[operator]
        return Finished()

    monkeypatch.setattr(subprocess, "Popen", fake_popen)
    monkeypatch.setattr(lab, "wait_for_port", lambda *a, **k: True)
    code, out, _ = run("lab", "--poort", "8123")
    assert code == 0, out
    assert re.search(
        r"^JupyterLab staat klaar op http://127\.0\.0\.1:8123/lab/tree/index\.ipynb\?token=\w{32,}$",
        out,
        re.M,
    )
    assert (tmp_path / "werkboek" / "10-prestatiedruk.ipynb").is_file()
    assert not (tmp_path / "werkboek" / "trainer.ipynb").exists()  # no trainer page in self-study
    assert "--ServerApp.ip=127.0.0.1" in started[0] and "--ServerApp.port=8123" in started[0]
    assert "--LabApp.news_url=None" in started[0]


@pytest.mark.slow
def test_serve_stopped_with_sigterm_stops_voila_too(tmp_path: Path) -> None:
    """`kill PID` (SIGTERM) on `workbook serve` used to leave Voila and its kernels running."""
    import signal
    import socket
    import subprocess

    import psutil

    from workbook.runtime.build import build_workbook

    config = tmp_path / "scholengroep.toml"
    config.write_text(
        'naam = "Scholengroep Stoplinde"\nsector = "vo"\nscholen = ["Stoplinde Havo"]\n'
        'trainersleutel = "stop-sleutel-123456"\nmodules = ["prestatiedruk"]\n'
        f'opslag = "sqlite:///{tmp_path / "antwoorden.sqlite"}"\n',
        encoding="utf-8",
    )
    build_workbook(config, tmp_path / "gebouwd", progress=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workbook = Path(sys.executable).with_name("workbook")
    cmd = [
        str(workbook),
        "serve",
        str(tmp_path / "gebouwd"),
        "--poort",
        str(port),
        "--voorverwarmen",
        "0",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    voila: list[psutil.Process] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "Stoppen" in line:
                break
        voila = psutil.Process(proc.pid).children()
        assert voila, "workbook serve started no Voila"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        _gone, alive = psutil.wait_procs(voila, timeout=20)
        assert not alive, "Voila still runs after workbook serve was stopped"
    finally:
        for started in [*voila, psutil.Process(proc.pid)] if proc.poll() is None else voila:
            if started.is_running():
                started.kill()
