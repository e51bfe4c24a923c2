"""Build a scholengroep's workbook: papermill injects the config into each module notebook and runs it once."""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from workbook.config import Config, load_config
from workbook.content.catalog import get_module
from workbook.errors import BuildError
from workbook.paths import notebooks_dir

CONFIG_NAME = "scholengroep.toml"
OVERVIEW = "index.ipynb"
TRAINER = "trainer.ipynb"
SCHOOL = "school.ipynb"  # the kernteam's page: only for a scholengroep that names its schools


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def write_built_config(config: Config, path: Path) -> None:
    """Write the config a built set reads, with the store URL made absolute."""
    fields = {
        "naam": config.name,
        "id": config.slug,
        "sector": config.sector,
        "scholen": list(config.schools),
        "opslag": config.store_url,
    }
    if config.modules is not None:
        fields["modules"] = list(config.modules)
    if config.trainer_key:
        fields["trainersleutel"] = config.trainer_key
    lines = ["# Gemaakt door 'workbook build'. Pas het bronbestand aan en bouw opnieuw."]
    lines += [f"{k} = {_toml_value(v)}" for k, v in fields.items()]
    for m in config.traject:  # tables come after every plain field
        lines += [
            "",
            "[[traject]]",
            f"datum = {m.day.isoformat()}",
            f"titel = {_toml_value(m.title)}",
        ]
        lines.append(f"modules = {_toml_value(list(m.modules))}")
        if m.step:
            lines.append(f"stap = {_toml_value(m.step)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)


def pages_for(config: Config) -> list[tuple[str, str]]:
    """(page name, notebook file) for the landing page, the trainer page and every offered module."""
    pages = [("overzicht", OVERVIEW), ("trainer", TRAINER)]
    if config.schools:
        pages.append(("school", SCHOOL))
    pages += [(m, get_module(m).notebook) for m in config.offered_modules()]
    return pages


def execute_page(source: str, target: str, cwd: str) -> None:
    """Run one notebook with papermill (in a worker process)."""
    import tempfile
    import uuid

    import papermill
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Unicode, default

    class LocalSocketKernelManager(AsyncKernelManager):
        """Kernels that talk over local sockets: parallel builds (and Voila's kernels) picking free
        TCP ports at the same moment could choose the same one ("Address already in use")."""

        transport = Unicode("ipc")

        @default("ip")
        def _unique_socket_prefix(self) -> str:
            return os.path.join(tempfile.gettempdir(), f"werkboek-bouw-{uuid.uuid4().hex}")

    papermill.execute_notebook(
        source,
        target,
        parameters={"config_pad": CONFIG_NAME},
        cwd=cwd,
        progress_bar=False,
        kernel_name="python3",
        log_output=False,
        kernel_manager_class=LocalSocketKernelManager,
    )


def build_workbook(
    config_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    progress: bool = True,
    workers: int | None = None,
) -> list[Path]:
    """Build every page of the scholengroep into out_dir, in parallel; returns the built notebooks."""
    from papermill.exceptions import PapermillExecutionError
    from tqdm import tqdm

    config = load_config(config_path)
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    write_built_config(config, out / CONFIG_NAME)
    pages = pages_for(config)
    for name, notebook in pages:
        if not (notebooks_dir() / notebook).is_file():
            raise BuildError(
                f"Het notebook {notebook} van module '{name}' ontbreekt in {notebooks_dir()}."
            )

    workers = workers or min(len(pages), os.cpu_count() or 1)
    built: list[Path] = []
    with (
        ProcessPoolExecutor(max_workers=workers) as pool,
        tqdm(total=len(pages), desc="Werkboek bouwen", unit="module", disable=not progress) as bar,
    ):
        futures = {
            pool.submit(execute_page, str(notebooks_dir() / nb), str(out / nb), str(out)): (
                name,
                nb,
            )
            for name, nb in pages
        }
        for future in as_completed(futures):
            name, nb = futures[future]
            try:
                future.result()
            except PapermillExecutionError as exc:
                raise BuildError(
                    f"Module '{name}' kon niet worden gebouwd: {exc.ename}: {exc.evalue} "
                    f"(cel {exc.exec_count}). Zie {out / nb} voor de details."
                ) from None
            except Exception as exc:
                raise BuildError(f"Module '{name}' kon niet worden gebouwd: {exc}") from None
            bar.set_postfix_str(name)
            bar.update()
            built.append(out / nb)
    return sorted(built)
