"""JupyterHub config: every user gets the built workbook of their scholengroep through Voila.

Start it from any folder (the hub keeps its own state there: its database, cookie secret and the
users' private folders):

    WERKBOEK_GEBOUWD=/srv/werkboek/gebouwd WERKBOEK_HUB_WACHTWOORD=... \\
        jupyterhub -f deploy/jupyterhub/jupyterhub_config.py --ip 127.0.0.1 --port 8000

WERKBOEK_GEBOUWD is one built workbook (everyone gets it) or a folder with one built workbook per
scholengroep, each named after the hub group of its users.

The shared store is the `opslag` URL in the built scholengroep.toml (PostgreSQL for many users or
more than one machine). See README.md, "Serveren met JupyterHub".
"""

# ruff: noqa: F821  (`c` and `get_config` are provided by JupyterHub when it loads this file)

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from workbook.paths import served_jupyter_path
from workbook.runtime.serve import TEMPLATE

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # werkboek_hub, werkboek_authorizer

from werkboek_hub import LOGGING_CONFIG, pre_spawn_hook, scholengroep_folders  # noqa: E402

LANDING_PAGE = "index.ipynb"
STATE_DIR = Path.cwd()
TRAINER_GROUP = os.environ.get("WERKBOEK_HUB_TRAINERSGROEP", "trainers")

c = get_config()  # noqa: F821


def _build_root() -> Path:
    """The built workbook(s) (`workbook build CONFIG --out DIR`); else stop with a clear message."""
    value = os.environ.get("WERKBOEK_GEBOUWD", "")
    if not value:
        sys.exit(
            "Zet WERKBOEK_GEBOUWD op de map van het gebouwde werkboek "
            "(workbook build CONFIG --out MAP), of op een map met per scholengroep zo'n map."
        )
    root = Path(value).resolve()
    if not scholengroep_folders(root):
        sys.exit(
            f"In {root} staat geen gebouwd werkboek. Bouw het met: workbook build CONFIG --out "
            f"{root}, of per scholengroep met --out {root}/GROEP (GROEP is de hub-groep)."
        )
    return root


def _number(name: str, default: int, unit: str = "seconden") -> int:
    """A whole number of 1 or more from the environment variable `name`, else the default."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"{name} is '{value}': zet een aantal {unit}, een geheel getal van 1 of meer.")
    return int(value)


def _proxy_command() -> list[str]:
    """configurable-http-proxy from `npm ci --prefix deploy/jupyterhub`, else one on PATH."""
    local = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return [str(local)]
    found = shutil.which("configurable-http-proxy")
    if found is None:
        sys.exit(
            "configurable-http-proxy ontbreekt. Installeer het met: "
            "npm ci --prefix deploy/jupyterhub"
        )
    return [found]


BUILD_ROOT = _build_root()

# -- the hub and its proxy -------------------------------------------------------------------------
# The proxy's own log goes through werkboek_proxylog, which hides participant codes as well.
c.ConfigurableHTTPProxy.command = [sys.executable, str(HERE / "werkboek_proxylog.py")] + (
    _proxy_command()
)
# A restart of the hub (an upgrade, a new config) leaves the users' servers and their open pages
# running; the idle culler below stops the servers nobody uses.
c.JupyterHub.cleanup_servers = False
# The hub's own state (users, tokens); the answers are in the workbook's store.
c.JupyterHub.db_url = os.environ.get("WERKBOEK_HUB_DB", "sqlite:///jupyterhub.sqlite")
# Kept across restarts, so logged-in users stay logged in (JupyterHub makes it, readable by it only).
c.JupyterHub.cookie_secret_file = str(STATE_DIR / "jupyterhub_cookie_secret")
# No participant code in the log, not even from an old personal link (?deelnemer=CODE).
c.JupyterHub.logging_config = LOGGING_CONFIG
if os.environ.get("WERKBOEK_HUB_DEBUG") == "1":  # every request in the log, of hub and servers
    c.JupyterHub.log_level = "DEBUG"
    c.Spawner.debug = True
    c.ConfigurableHTTPProxy.debug = True

# -- idleness that ends ----------------------------------------------------------------------------
# jupyterhub-idle-culler stops a user's server after SERVER_IDLE seconds without activity (an open
# page pings its kernel, which counts), and any server after SERVER_MAX_AGE seconds (a training
# day). Everything was saved already: whoever comes back gets a new server and sees it all.
SERVER_IDLE = _number("WERKBOEK_SERVER_INACTIEF", 3600)
SERVER_MAX_AGE = _number("WERKBOEK_SERVER_MAX_LEEFTIJD", 12 * 3600)
KERNEL_IDLE = _number("WERKBOEK_KERNEL_INACTIEF", 900)  # a page (kernel) nobody uses
MAX_KERNELS = _number("WERKBOEK_MAX_KERNELS", 8, "pagina's")  # open pages per user server
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={SERVER_IDLE}",
            f"--max-age={SERVER_MAX_AGE}",
            f"--cull-every={max(5, min(300, SERVER_IDLE // 4))}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "description": "Stopt servers die niemand gebruikt",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
# Operators and benchmarks/hub.py: an admin token through WERKBOEK_HUB_BEHEERTOKEN (32+ characters).
ADMIN_TOKEN = os.environ.get("WERKBOEK_HUB_BEHEERTOKEN", "")
if ADMIN_TOKEN:
    if len(ADMIN_TOKEN) < 32:
        sys.exit("WERKBOEK_HUB_BEHEERTOKEN is te kort: gebruik minstens 32 tekens.")
    c.JupyterHub.services.append({"name": "werkboek-beheer", "api_token": ADMIN_TOKEN})
    c.JupyterHub.load_roles.append(
        {
            "name": "werkboek-beheer",
            "description": "Beheer van gebruikers en servers",
            "scopes": [
                "admin:users",
                "admin:servers",
                "admin:groups",
                "tokens",
                "access:servers",
            ],
            "services": ["werkboek-beheer"],
        }
    )

# -- who may log in -------------------------------------------------------------------------------
# A trial or a test: one shared password, any user name, and the hub refuses to listen on anything
# but 127.0.0.1. A real school loads its own login instead: WERKBOEK_HUB_INLOG=inlog_surfconext.py
# (oauthenticator) or inlog_lti.py (ltiauthenticator), see those files.
LOGIN = os.environ.get("WERKBOEK_HUB_INLOG", "")
if LOGIN:
    load_subconfig(str(HERE / LOGIN))  # noqa: F821
else:
    c.JupyterHub.authenticator_class = "werkboek_hub.LocalTrialAuthenticator"
    c.SharedPasswordAuthenticator.user_password = os.environ.get("WERKBOEK_HUB_WACHTWOORD", "")
    if len(c.SharedPasswordAuthenticator.user_password) < 8:
        sys.exit(
            "Zet WERKBOEK_HUB_WACHTWOORD: het gedeelde wachtwoord om in te loggen, minstens 8 tekens."
        )
    c.Authenticator.allow_all = True

# -- each user's server: Jupyter Server with Voila, showing only the workbook ----------------------
# SimpleLocalProcessSpawner needs no system users: every server runs as the hub's own user. A real
# deployment with untrusted users uses a spawner that isolates them (DockerSpawner, SystemdSpawner).
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = f"/voila/render/{LANDING_PAGE}"
SERVER_ENV = {
    "JUPYTER_PATH": served_jupyter_path(),  # our lean kernel and offline template `welbevinden`
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "PYTHONPATH": str(HERE),  # werkboek_authorizer
    # Report activity to the hub often enough (default: every 5 minutes) for the culler's timeout.
    "JUPYTERHUB_ACTIVITY_INTERVAL": str(max(5, min(60, SERVER_IDLE // 4))),
}
# Per user at each start: the built workbook of their hub group, the trainer role for members of
# TRAINER_GROUP, and a private folder under gebruikers/ (not /tmp/{username}).
c.Spawner.pre_spawn_hook = pre_spawn_hook(
    BUILD_ROOT,
    Path(os.environ.get("WERKBOEK_HUB_GEBRUIKERS", STATE_DIR / "gebruikers")),
    TRAINER_GROUP,
    SERVER_ENV,
)
c.Spawner.args = [
    f"--VoilaConfiguration.template={TEMPLATE}",
    "--VoilaConfiguration.show_tracebacks=False",
    "--ServerApp.terminals_enabled=False",
    f"--ServerApp.logging_config={json.dumps(LOGGING_CONFIG)}",
    "--ServerApp.authorizer_class=werkboek_authorizer.WorkbookAuthorizer",
    # No MathJax from a CDN: pages work offline (standalone Voila leaves it out the same way).
    '--ServerApp.tornado_settings={"mathjax_url": ""}',
    # At most MAX_KERNELS open pages per server; past that a Dutch page says to close a tab first.
    "--ServerApp.kernel_manager_class=workbook.runtime.kernel_cap.CappedKernelManager",
    f"--CappedKernelManager.max_kernels={MAX_KERNELS}",
    # A page opened without its websocket (a script, a prefetch) or left behind keeps a kernel
    # until it was KERNEL_IDLE seconds without activity; an open page pings, so it stays.
    f"--MappingKernelManager.cull_idle_timeout={KERNEL_IDLE}",
    f"--MappingKernelManager.cull_interval={max(2, min(60, KERNEL_IDLE // 4))}",
    "--MappingKernelManager.cull_connected=False",
    # Like standalone Voila: the browser may only talk to widgets, never send code to its kernel.
    '--MappingKernelManager.allowed_message_types=["comm_open", "comm_close", "comm_msg", '
    '"comm_info_request", "kernel_info_request", "shutdown_request"]',
]
if os.geteuid() == 0:  # a container or CI machine running everything as root
    c.Spawner.args.append("--allow-root")
c.Spawner.start_timeout = 120  # a busy machine starts a server slowly
c.Spawner.http_timeout = 120
