"""Open JupyterLab on the workbook's pages: self-study, a scholengroep's built pages, or the content to write."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workbook.config import default_data_dir, load_config, self_study_config
from workbook.errors import WorkbookError
from workbook.paths import exercises_dir, lab_config_dir, notebooks_dir, voila_data_dir
from workbook.runtime.build import OVERVIEW, build_workbook
from workbook.runtime.profile import LAB_ENV
from workbook.runtime.serve import TEMPLATE, wait_for_port

LAB_PORT = 8888
SELF_STUDY_PAGES = "werkboek"  # the self-study pages, in the data dir beside the store


@dataclass(frozen=True)
class LabSite:
    """What JupyterLab opens: its root folder, the first page in it, and whose workbook it is."""

    root: Path
    first: str  # path of the first page, relative to root
    name: str


def self_study_site() -> LabSite:
    """Fresh copies of the self-study pages in the data dir; answers stay in the store beside them.

    The pages hold no answers, so every start replaces them with the shipped ones: a page that was
    saved with output, or a page of an older version, never lingers.
    """
    config = self_study_config()
    root = default_data_dir() / SELF_STUDY_PAGES
    try:
        root.mkdir(parents=True, exist_ok=True)
        for page in self_study_pages(config.offered_modules()):
            shutil.copyfile(notebooks_dir() / page, root / page)
    except OSError as exc:
        raise WorkbookError(
            f"De zelfstudiepagina's konden niet in {root} komen ({exc.strerror}). Kies met "
            "WELBEVINDEN_DATA een map waarin je mag schrijven."
        ) from None
    trust_pages(root.glob("*.ipynb"))
    return LabSite(root, OVERVIEW, config.name)


def trust_pages(pages: Iterable[Path]) -> None:
    """Mark the workbook's own pages as trusted for this user (Jupyter's signature database), so
    Lab shows their output and "Render with Voila" opens them without a warning about strangers."""
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()
    for page in pages:
        notary.sign(nbformat.read(page, as_version=4))


def self_study_pages(modules: list[str]) -> list[str]:
    """The overview and the notebook of every module offered in self-study (no trainer page)."""
    from workbook.content.catalog import get_module

    return [OVERVIEW, *(get_module(m).notebook for m in modules)]


def config_site(config_path: Path, out_dir: Path | None, *, progress: bool = True) -> LabSite:
    """A scholengroep's pages, built as `workbook start` builds them (build/<id>), with its store."""
    config = load_config(config_path)
    out = out_dir or Path("build") / config.slug
    pages = build_workbook(config_path, out, progress=progress)
    for page in pages:
        clear_outputs(page)
    trust_pages(pages)
    return LabSite(out.resolve(), OVERVIEW, config.name)


def clear_outputs(notebook: Path) -> None:
    """Remove the build's output from a page: in Lab it would show widgets no kernel knows yet."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, notebook)


def author_site() -> LabSite:
    """The content itself (exercises/ and notebooks/), for someone who writes a module."""
    root = exercises_dir().parent
    if notebooks_dir().parent != root or "_content" in root.parts or not os.access(root, os.W_OK):
        raise WorkbookError(
            "Met --schrijven werk je in de bronbestanden. Die staan niet in deze installatie. "
            'Haal de broncode op (git clone), installeer met pip install -e ".[lab]" en start opnieuw.'
        )
    trust_pages(notebooks_dir().glob("*.ipynb"))
    first = (notebooks_dir() / OVERVIEW).relative_to(root)
    return LabSite(root, first.as_posix(), "de schrijvers")


def lab_command(site: LabSite, port: int) -> list[str]:
    """The JupyterLab command line: loopback only, no browser, nothing fetched from the internet."""
    root_user = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []  # a container, CI
    return [
        sys.executable,
        "-m",
        "jupyterlab",
        *root_user,
        f"--ServerApp.root_dir={site.root}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        "--ServerApp.log_level=WARN",
        # Offline: no news feed, no update check, no extension list from the internet.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        # "Render with Voila" in Lab shows the page as a participant sees it, with our template.
        f"--VoilaConfiguration.template={TEMPLATE}",
        # Unlike a room's Voila, the author may see what went wrong.
        "--VoilaConfiguration.show_tracebacks=True",
    ]


def lab_env(token: str) -> dict[str, str]:
    """Lab's environment: the token, our Voila template, and `workbook` on the terminal's PATH."""
    env = dict(os.environ)
    env["JUPYTER_TOKEN"] = token  # not on the command line, where other users could read it
    env[LAB_ENV] = (
        "1"  # one person works here: the pages may remember who (workbook/runtime/profile.py)
    )
    extra = str(voila_data_dir())
    env["JUPYTER_PATH"] = extra + (
        os.pathsep + env["JUPYTER_PATH"] if env.get("JUPYTER_PATH") else ""
    )
    # Our Lab config (workbook/share/lab): never ask to fetch the news or updates, and no MathJax from
    # a CDN in "Render with Voila" (with both settings null, its page loads no typesetter).
    config = str(lab_config_dir())
    env["JUPYTER_CONFIG_PATH"] = config + (
        os.pathsep + env["JUPYTER_CONFIG_PATH"] if env.get("JUPYTER_CONFIG_PATH") else ""
    )
    scripts = str(Path(sys.executable).parent)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def lab_url(site: LabSite, port: int, token: str) -> str:
    return f"http://127.0.0.1:{port}/lab/tree/{site.first}?token={token}"


@dataclass
class RunningLab:
    """A started JupyterLab: its process and the address to open."""

    proc: subprocess.Popen
    url: str


def start_lab(site: LabSite, port: int = LAB_PORT, *, log: Path | None = None) -> RunningLab:
    """Start JupyterLab on the site and wait until it listens."""
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        raise WorkbookError(
            'JupyterLab is niet geïnstalleerd. Installeer het met: pip install ".[lab]"'
        ) from None
    token = secrets.token_hex(24)
    out = open(log, "ab") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        lab_command(site, port),
        cwd=site.root,
        env=lab_env(token),
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    if not wait_for_port(port, "127.0.0.1", 90, proc):
        proc.terminate()
        raise WorkbookError(
            f"JupyterLab kon niet starten op poort {port}. Is de poort al in gebruik? "
            "Kies een andere met --poort."
        )
    return RunningLab(proc, lab_url(site, port, token))
