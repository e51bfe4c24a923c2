"""The wheel carries everything: run from another folder with only the wheel's files, the workbook still builds."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp.glob("welbevinden_werkboek-*.whl"))
    site = tmp / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    return site


def run_from_elsewhere(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "workbook.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_wheel_ships_content_notebooks_examples_and_template(unpacked_wheel: Path) -> None:
    content = unpacked_wheel / "workbook" / "_content"
    assert (content / "exercises" / "prestatiedruk" / "module.yaml").is_file()
    assert (content / "notebooks" / "10-prestatiedruk.ipynb").is_file()
    assert (content / "examples" / "mbo-vakcollege.toml").is_file()
    template = unpacked_wheel / "workbook" / "share" / "voila" / "templates" / "welbevinden"
    assert (template / "index.html.j2").is_file()
    assert list((template / "static").rglob("*.woff2"))
    assert (unpacked_wheel / "widgets" / "page" / "urlsync.js").is_file()
    assert (unpacked_wheel / "widgets" / "page" / "style.css").is_file()


def test_installed_workbook_checks_and_builds_from_any_folder(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    where = run_from_elsewhere(unpacked_wheel, tmp_path, "check")
    assert where.returncode == 0, where.stderr
    assert "Alles in orde" in where.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import workbook; print(workbook.__file__)"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(unpacked_wheel)},
        capture_output=True,
        text=True,
    )
    assert probe.stdout.startswith(str(unpacked_wheel))
    config = unpacked_wheel / "workbook" / "_content" / "examples" / "po-kindwijs.toml"
    cfg = tmp_path / "kindwijs.toml"
    # One module is enough to prove the notebooks and content come from the wheel.
    cfg.write_text(
        config.read_text(encoding="utf-8") + '\nmodules = ["prestatiedruk"]\n', encoding="utf-8"
    )
    built = run_from_elsewhere(
        unpacked_wheel, tmp_path, "build", str(cfg), "--out", "uit", "--stil"
    )
    assert built.returncode == 0, built.stderr[-2000:]
    assert (tmp_path / "uit" / "10-prestatiedruk.ipynb").is_file()
    assert (tmp_path / "data" / "kindwijs.sqlite").is_file()
