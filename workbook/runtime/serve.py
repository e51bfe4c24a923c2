"""Serve a built workbook with Voila: offline template, culled idle kernels, preheated kernels."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from workbook.config import load_config
from workbook.errors import WorkbookError
from workbook.paths import served_jupyter_path
from workbook.runtime.build import CONFIG_NAME, OVERVIEW
from workbook.runtime.network import LISTEN_ENV

TEMPLATE = "welbevinden"


SESSION_REFILL_SECONDS = 600  # during a session, refill used kernels only once the room has settled
# Otherwise refill a used kernel once its visitor's page has loaded (2-3 s): preparing the next page takes
# about a second of CPU, and doing it sooner (Voila's default: after 1 s) slows down the page being opened.
REFILL_SECONDS = 3
# A kernel that no open page pinged for this long is stopped (its tab is gone, or the phone sleeps).
CULL_MINUTES = 15


def session_page(build_dir: Path, module_id: str) -> str:
    """The built page of a module the scholengroep offers, for a session's kernel pool."""
    from workbook.content.catalog import get_module

    config = load_config(Path(build_dir) / CONFIG_NAME)
    offered = config.offered_modules()
    if module_id not in offered:
        raise WorkbookError(
            f"De module '{module_id}' zit niet in dit werkboek. Kies voor --sessie een van: "
            + ", ".join(offered)
            + "."
        )
    return get_module(module_id).notebook


def write_voila_config(build_dir: Path, pools: dict[str, int]) -> None:
    """voila.json in the served folder (Voila reads it from its working directory): the kernel pool
    of a session's page, or none, and when a used kernel is replaced. Written on every start, so an
    old session does not linger."""
    import json

    manager: dict = {
        "kernel_pools_config": {page: {"pool_size": n} for page, n in pools.items()},
        "fill_delay": SESSION_REFILL_SECONDS if pools else REFILL_SECONDS,
    }
    (Path(build_dir) / "voila.json").write_text(
        json.dumps({"VoilaKernelManager": manager}, indent=2), encoding="utf-8"
    )


def voila_command(
    build_dir: Path,
    port: int,
    *,
    ip: str = "127.0.0.1",
    cull_minutes: int = CULL_MINUTES,
    preheat: int = 0,
) -> list[str]:
    """The Voila command line for a built set."""
    cmd = [
        sys.executable,
        "-m",
        "workbook.runtime.voila_app",  # Voila with compressed responses
        str(build_dir),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={ip}",
        f"--template={TEMPLATE}",
        "--Voila.log_level=WARN",
        "--VoilaConfiguration.show_tracebacks=False",
        # Voila does not shut a kernel down when its tab closes (voila issue 1458): cull idle ones.
        f"--MappingKernelManager.cull_idle_timeout={cull_minutes * 60}",
        "--MappingKernelManager.cull_interval=60",
        # Only an open page pings its kernel (widgets/page/nowmark.js), so a kernel can be idle while a
        # sleeping phone still holds its socket: cull those too; their answers are already saved.
        "--MappingKernelManager.cull_connected=True",
    ]
    if preheat:
        cmd += [
            "--preheat_kernel=True",
            f"--pool_size={preheat}",
        ]
    return cmd


def voila_env(ip: str = "127.0.0.1", port: int | None = None) -> dict[str, str]:
    """The environment for Voila: our kernel and template on the Jupyter path, no telemetry or
    update checks.

    VOILA_APP_IP tells a preheated kernel where to ask Voila for its visitor's URL. Voila itself does
    not set it, so the kernel asked 127.0.0.1: served on another address, a personal link opened the
    join form instead of the participant's page. The listen address and port also reach the trainer's
    kernel, whose join screen shows the room where to go (workbook.runtime.network.served_join).
    """
    env = dict(os.environ)
    env["VOILA_APP_IP"] = "127.0.0.1" if ip == "0.0.0.0" else ip
    if port is not None:
        env[LISTEN_ENV] = f"{ip}:{port}"
    extra = served_jupyter_path()  # the lean kernel of workbook.runtime.kernel, and our template
    env["JUPYTER_PATH"] = extra + (
        os.pathsep + env["JUPYTER_PATH"] if env.get("JUPYTER_PATH") else ""
    )
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def landing_url(port: int, ip: str = "127.0.0.1") -> str:
    return f"http://{ip}:{port}/voila/render/{OVERVIEW}"


def wait_for_port(port: int, ip: str, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    """True once something listens on ip:port; False on time-out or if proc ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex((ip, port)) == 0:
                return True
        time.sleep(0.2)
    return False


def write_bytecode() -> None:
    """Compile our own packages to bytecode once, before Voila starts any kernel.

    Every page's kernel imports workbook and widgets. Where Python may not write bytecode next to the
    source (PYTHONDONTWRITEBYTECODE, as on our CI machines, or a fresh checkout) each kernel compiled
    them again: a tenth of its start. compileall writes the files anyway, and skips those that are up to
    date; a folder we may not write to is left as it is.
    """
    import compileall
    from importlib.util import find_spec

    for package in ("workbook", "widgets"):  # found, not imported: the engine never imports widgets
        spec = find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=2)


def check_build_dir(build_dir: Path) -> None:
    """A clear Dutch error unless build_dir holds a built workbook."""
    if not (build_dir / CONFIG_NAME).is_file() or not (build_dir / OVERVIEW).is_file():
        raise WorkbookError(
            f"In {build_dir} staat geen gebouwd werkboek. Bouw het eerst met: "
            f"workbook build CONFIG --out {build_dir}"
        )
    load_config(build_dir / CONFIG_NAME)


def start_voila(
    build_dir: Path,
    port: int,
    *,
    ip: str = "127.0.0.1",
    preheat: int = 0,
    cull_minutes: int = CULL_MINUTES,
    log: Path | None = None,
    session: tuple[str, int] | None = None,
) -> subprocess.Popen:
    """Start Voila on a built set and wait until it listens.

    session=(module id, participants) keeps that many kernels ready for the module's page.
    """
    build_dir = Path(build_dir).resolve()
    check_build_dir(build_dir)
    pools = {session_page(build_dir, session[0]): session[1]} if session else {}
    if pools and not preheat:
        raise WorkbookError(
            "Een sessie heeft voorverwarmde kernels nodig: laat --voorverwarmen op 1 of meer."
        )
    write_voila_config(build_dir, pools)
    write_bytecode()
    out = open(log, "ab") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        voila_command(build_dir, port, ip=ip, preheat=preheat, cull_minutes=cull_minutes),
        cwd=build_dir,
        env=voila_env(ip, port),
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    # Voila on every network (0.0.0.0) also listens on loopback; 0.0.0.0 itself is no address to call.
    if not wait_for_port(port, "127.0.0.1" if ip == "0.0.0.0" else ip, 60, proc):
        proc.terminate()
        raise WorkbookError(
            f"Voila kon niet starten op poort {port}. Is de poort al in gebruik? Kies een andere met --poort."
        )
    return proc
