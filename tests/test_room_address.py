"""`workbook serve --zaal` and `--adres`: where Voila listens, and the join address it prints in Dutch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from workbook.cli import main
from workbook.runtime import network


class FinishedVoila:
    def wait(self, timeout: float | None = None) -> int:
        return 0


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace Voila by a stand-in that records how it was started."""
    calls: dict[str, Any] = {}

    def fake_start(build_dir: Path, port: int, **options: Any) -> FinishedVoila:
        calls.update(options, port=port)
        return FinishedVoila()

    monkeypatch.setattr("workbook.runtime.serve.start_voila", fake_start)
    return calls


def serve(tmp_path: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["serve", str(tmp_path), *args])


def test_by_default_only_this_machine_can_open_it(tmp_path, started) -> None:
    result = serve(tmp_path)
    assert result.exit_code == 0, result.output
    assert started["ip"] == "127.0.0.1"
    assert "Deelnemers gaan naar" not in result.output


def test_zaal_listens_on_every_network_and_prints_each_join_address(
    tmp_path, started, monkeypatch
) -> None:
    monkeypatch.setattr(network, "room_addresses", lambda: ["10.0.0.7", "192.168.1.23"])
    result = serve(tmp_path, "--zaal", "--poort", "8870")
    assert result.exit_code == 0, result.output
    assert started["ip"] == "0.0.0.0"
    assert "Deelnemers gaan naar http://192.168.1.23:8870" in result.output
    assert "Deelnemers gaan naar http://10.0.0.7:8870" in result.output


def test_zaal_without_a_network_says_what_to_do(tmp_path, started, monkeypatch) -> None:
    monkeypatch.setattr(network, "room_addresses", lambda: [])
    result = serve(tmp_path, "--zaal")
    assert result.exit_code == 0, result.output
    assert "geen netwerkadres" in result.output and "hotspot" in result.output


def test_adres_chooses_one_address(tmp_path, started) -> None:
    result = serve(tmp_path, "--adres", "10.20.30.1")
    assert result.exit_code == 0, result.output
    assert started["ip"] == "10.20.30.1"
    assert "Deelnemers gaan naar http://10.20.30.1:8866" in result.output


def test_a_wrong_adres_gets_a_dutch_message(tmp_path, started) -> None:
    result = serve(tmp_path, "--adres", "school-wifi")
    assert result.exit_code == 1
    assert "--adres is 'school-wifi'" in result.output and "IPv4-adres" in result.output
    assert "Traceback" not in result.output
    assert started == {}


def test_start_has_the_same_options(tmp_path, started, monkeypatch) -> None:
    monkeypatch.setattr("workbook.runtime.build.build_workbook", lambda *a, **k: [])
    cfg = tmp_path / "groep.toml"
    cfg.write_text('naam = "Groep"\nsector = "vo"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["start", str(cfg), "--out", str(tmp_path / "uit"), "--adres", "10.1.2.3"]
    )
    assert result.exit_code == 0, result.output
    assert started["ip"] == "10.1.2.3"


def test_this_machines_addresses_leave_out_loopback() -> None:
    found = network.room_addresses()
    assert all(
        isinstance(a, str) and not a.startswith("127.") and not a.startswith("169.254.")
        for a in found
    )


def test_zaal_and_adres_together_get_a_dutch_message(tmp_path, started) -> None:
    result = serve(tmp_path, "--zaal", "--adres", "10.1.2.3")
    assert result.exit_code == 1
    assert "niet allebei" in result.output and started == {}
