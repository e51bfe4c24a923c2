"""Building a scholengroep with papermill, then validating the built set with nbval."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from workbook.cli import main
from workbook.config import load_config
from workbook.errors import BuildError
from workbook.runtime.build import build_workbook


def write_config(tmp_path: Path, sector: str, extra: str = "") -> Path:
    cfg = tmp_path / f"{sector}.toml"
    cfg.write_text(
        f'naam = "Testgroep {sector}"\nsector = "{sector}"\nscholen = ["School Een", "School Twee"]\n'
        f'trainersleutel = "geheime-sleutel-{sector}"\nopslag = "sqlite:///data/{sector}.sqlite"\n{extra}',
        encoding="utf-8",
    )
    return cfg


def outputs_text(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            parts.append(
                data.get("text/markdown", "") + data.get("text/html", "") + out.get("text", "")
            )
    return "\n".join(parts)


EXAMPLES = ["po-kindwijs", "vo-lindecollege", "mbo-vakcollege"]


def example_config(name: str, tmp: Path) -> Path:
    """A copy of a shipped example scholengroep's config, with its store in a temp folder."""
    from workbook.paths import examples_dir

    text = (examples_dir() / f"{name}.toml").read_text(encoding="utf-8")
    cfg = tmp / f"{name}.toml"
    cfg.write_text(
        text.replace('opslag = "sqlite:///data/', 'opslag = "sqlite:///antwoorden/'),
        encoding="utf-8",
    )
    return cfg


@pytest.fixture(scope="module")
def built_sets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every shipped example scholengroep, built once for this module by `workbook build`, side by side."""
    outs = {name: tmp_path_factory.mktemp(name) / "gebouwd" for name in EXAMPLES}
    runs = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "workbook.cli",
                "build",
                str(example_config(name, out.parent)),
                "--out",
                str(out),
                "--stil",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name, out in outs.items()
    }
    for name, run in runs.items():
        output, _ = run.communicate(timeout=900)
        assert run.returncode == 0, f"{name}: {output}"
        assert "pagina's gebouwd" in output
    return outs


@pytest.fixture(params=EXAMPLES)
def built(request: pytest.FixtureRequest, built_sets: dict[str, Path]) -> Path:
    return built_sets[request.param]


@pytest.fixture(scope="module")
def built_mbo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("mbo")
    out = tmp / "gebouwd"
    cfg = write_config(
        tmp, "mbo", 'modules = ["prestatiedruk"]\n'
    )  # one module is enough to hear the words
    result = CliRunner().invoke(main, ["build", str(cfg), "--out", str(out), "--stil"])
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_every_offered_page_with_the_config_injected(built: Path) -> None:
    cfg = load_config(built / "scholengroep.toml")
    for module in cfg.offered_modules():
        from workbook.content.catalog import get_module

        nb = nbformat.read(built / get_module(module).notebook, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and 'config_pad = "scholengroep.toml"' in injected[0].source
    assert (built / "index.ipynb").is_file()


def test_mbo_build_speaks_of_students(built_mbo: Path) -> None:
    text = outputs_text(built_mbo / "10-prestatiedruk.ipynb")
    assert "studenten" in text.lower()
    assert "leerlingen" not in text.lower()


def test_store_lives_outside_the_build_folder(built_mbo: Path) -> None:
    cfg = load_config(built_mbo / "scholengroep.toml")
    assert str(built_mbo) not in cfg.store_url
    assert cfg.store_url.endswith("/data/mbo.sqlite")


def test_nbval_passes_on_every_built_set(built_sets: dict[str, Path]) -> None:
    """nbval over each built scholengroep; the three sets run side by side (each runs its pages in turn)."""
    runs = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pytest",
                "--nbval-lax",
                "-q",
                "-p",
                "no:cacheprovider",
                "--rootdir",
                str(folder),
                "-c",
                "/dev/null",
                str(folder),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=folder,
        )
        for name, folder in built_sets.items()
    }
    for name, run in runs.items():
        output, _ = run.communicate(timeout=900)
        assert run.returncode == 0, f"{name}:\n{output[-3000:]}"
        assert " passed" in output


def test_a_failing_module_fails_the_build_and_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    from workbook import paths

    real = paths.notebooks_dir()
    for nb in real.glob("*.ipynb"):
        (notebooks / nb.name).write_bytes(nb.read_bytes())
    broken = nbformat.read(notebooks / "10-prestatiedruk.ipynb", as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell('page.show("prestatiedruk/bestaat-niet")'))
    nbformat.write(broken, notebooks / "10-prestatiedruk.ipynb")
    monkeypatch.setattr("workbook.runtime.build.notebooks_dir", lambda: notebooks)
    cfg = write_config(tmp_path, "vo", 'modules = ["prestatiedruk"]\n')
    with pytest.raises(BuildError, match="Module 'prestatiedruk' kon niet worden gebouwd"):
        build_workbook(cfg, tmp_path / "uit", progress=False)
