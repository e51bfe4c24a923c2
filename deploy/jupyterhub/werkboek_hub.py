"""The hub's own pieces: which scholengroep a user gets, their private folder, the trial login, the log filter."""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from tornado.web import HTTPError
from werkboek_proxylog import CODE_IN_TEXT, hide_codes

from workbook.errors import WorkbookError
from workbook.runtime.serve import check_build_dir
from workbook.runtime.session import HUB_TRAINER_ENV

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class HideParticipantCodes(logging.Filter):
    """Replaces every participant code in a log line by '…': the hub log holds no personal key."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if CODE_IN_TEXT.search(message):
            record.msg = hide_codes(message)
            record.args = ()
        return True


# For Application.logging_config of the hub and of every user server (traitlets' "console" handler).
LOGGING_CONFIG = {
    "filters": {"geen_codes": {"()": f"{__name__}.HideParticipantCodes"}},
    "handlers": {"console": {"filters": ["geen_codes"]}},
}


class LocalTrialAuthenticator(SharedPasswordAuthenticator):  # type: ignore[misc]
    """One shared password for a trial on this machine: the hub must listen on 127.0.0.1 only."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        hub = self.parent
        host = getattr(hub, "ip", "") or urlparse(getattr(hub, "bind_url", "")).hostname or ""
        if host not in LOOPBACK:
            sys.exit(
                "Het gedeelde wachtwoord is alleen voor een proef op deze computer: start de hub "
                "met --ip 127.0.0.1, of zet een echte inlog in de configuratie (zie README.md, "
                "'Serveren met JupyterHub')."
            )


def scholengroep_folders(root: Path) -> dict[str, Path]:
    """The built workbooks under root, by hub group name (the folder name).

    root is either one built workbook (every user gets it: the group name is '') or a folder with
    one built workbook per scholengroep, each named after the hub group of its users."""
    try:
        check_build_dir(root)
        return {"": root}
    except WorkbookError:
        pass
    folders = {}
    for child in sorted(root.iterdir()) if root.is_dir() else []:
        try:
            check_build_dir(child)
        except WorkbookError:
            continue
        folders[child.name] = child
    return folders


def choose_folder(folders: dict[str, Path], groups: list[str]) -> Path:
    """The built workbook of a user in these hub groups; a Dutch HTTP error when there is none."""
    if "" in folders:
        return folders[""]
    mine = sorted(set(groups) & set(folders))
    if len(mine) == 1:
        return folders[mine[0]]
    if not mine:
        raise HTTPError(
            403,
            "Je account hoort nog niet bij een scholengroep. Vraag de beheerder om je toe te "
            "voegen aan de groep van je scholengroep.",
        )
    raise HTTPError(
        403,
        f"Je account hoort bij meer dan één scholengroep ({', '.join(mine)}). Vraag de "
        "beheerder om je in één groep te zetten.",
    )


def pre_spawn_hook(
    root: Path, users_dir: Path, trainer_group: str, environment: dict[str, str]
) -> Callable[[Any], Awaitable[None] | None]:
    """The Spawner.pre_spawn_hook: the user's scholengroep, trainer role and private folder."""

    def hook(spawner: Any) -> None:
        user = spawner.user
        groups = [g.name for g in user.groups]
        folder = choose_folder(scholengroep_folders(root), groups)
        # A folder of their own (HOME, Jupyter's runtime files), not /tmp/{username}: only the
        # hub's system user can open it, and another user name cannot point into it.
        home = users_dir / user.escaped_name
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        home.chmod(0o700)
        spawner.home_dir = str(home)
        spawner.notebook_dir = str(folder)
        spawner.environment = {
            **environment,
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "IPYTHONDIR": str(home / "ipython"),
            HUB_TRAINER_ENV: "1" if trainer_group in groups else "0",
        }
        spawner.log.info(
            "Server van %s: scholengroep %s%s",
            user.name,
            folder.name,
            ", trainer" if trainer_group in groups else "",
        )

    return hook
