"""The wheel and sdist never carry someone's answers: no SQLite files, no examples/data folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Not needed to build, and large or local: left out of the copy.
SKIP_DIRS = {
    ".venv",
    ".git",
    "node_modules",
    "build",
    "dist",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "test-results",
}


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = {n for n in names if n in SKIP_DIRS}
    if Path(folder) == REPO:
        skipped |= {n for n in names if n == "data"}  # the local answer store of `workbook build`
    return skipped


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """Names in the wheel and sdist built from a copy of the repo that holds a trainer's answers."""
    tmp = tmp_path_factory.mktemp("wheel-contents")
    copy = tmp / "repo"
    shutil.copytree(REPO, copy, ignore=_ignore)
    # Without .gitignore: the build settings themselves must keep answers out.
    (copy / ".gitignore").unlink(missing_ok=True)
    answers = [
        "examples/data/x.sqlite",
        "examples/data/x.sqlite-wal",
        "examples/data/x.sqlite-shm",
        "examples/data/notes.txt",
        "examples/oud.sqlite",
        "examples/sociogram/data/klas.csv",
        "examples/sociogram/klas.sqlite-journal",
    ]
    for name in answers:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_text("antwoorden van iemand", encoding="utf-8")
    out = tmp / "out"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=300,
    )
    with zipfile.ZipFile(next(out.glob("welbevinden_werkboek-*.whl"))) as zf:
        wheel = zf.namelist()
    with tarfile.open(next(out.glob("welbevinden_werkboek-*.tar.gz"))) as tf:
        sdist = [name.split("/", 1)[1] for name in tf.getnames() if "/" in name]
    return wheel, sdist


def _leaks(names: list[str]) -> list[str]:
    """Entries that are an SQLite file (or its -wal, -shm, -journal) or lie in a data/ folder."""
    return [n for n in names if ".sqlite" in n or ("examples/" in n and "/data/" in n)]


def test_wheel_has_no_answer_databases_but_keeps_the_examples(
    built: tuple[list[str], list[str]],
) -> None:
    wheel, _sdist = built
    assert _leaks(wheel) == []
    examples = "workbook/_content/examples/"
    assert not any(n.startswith(examples + "data/") for n in wheel)
    for name in ["mbo-vakcollege.toml", "po-kindwijs.toml", "vo-lindecollege.toml"]:
        assert examples + name in wheel
    for name in ["leerlingen.csv", "nominaties.csv", "nameting-nominaties.csv", "vragen.csv"]:
        assert examples + "sociogram/" + name in wheel
    assert "workbook/_content/exercises/prestatiedruk/module.yaml" in wheel
    assert "workbook/_content/notebooks/10-prestatiedruk.ipynb" in wheel
    assert "workbook/cli.py" in wheel and "widgets/page/style.css" in wheel


def test_sdist_has_no_answer_databases(built: tuple[list[str], list[str]]) -> None:
    _wheel, sdist = built
    assert _leaks(sdist) == []
    assert "examples/po-kindwijs.toml" in sdist and "examples/sociogram/vragen.csv" in sdist
