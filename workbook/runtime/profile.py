"""The local profile: who works on this computer, so a self-study page knows them without a code."""

from __future__ import annotations

import json
import os
from pathlib import Path

from workbook.config import Config, default_data_dir

PROFILE_FILE = "profiel.json"
PROFILE_SCHEMA = 1
# Set by `workbook lab` for the server and so for every kernel it starts: one person works there.
LAB_ENV = "WELBEVINDEN_LAB"


def profile_path() -> Path:
    """The profile beside the self-study store (in ~/.welbevinden or $WELBEVINDEN_DATA)."""
    return default_data_dir() / PROFILE_FILE


def remembers(config: Config) -> bool:
    """True where one person uses the pages: self-study, or any page in a `workbook lab` kernel.

    Never for a page Voila serves to a room (`workbook serve`): there every visitor has their own code.
    """
    return config.source is None or os.environ.get(LAB_ENV) == "1"


def remembered_code(slug: str) -> str | None:
    """The participant code this computer used last for the scholengroep (or self-study), if any."""
    try:
        data = json.loads(profile_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no profile yet, or a damaged one: the page asks for a name once more
    codes = data.get("deelnemers") if isinstance(data, dict) else None
    code = codes.get(slug) if isinstance(codes, dict) else None
    return code if isinstance(code, str) else None


def remember_code(slug: str, code: str) -> None:
    """Keep the participant code for the next session (written atomically, readable only by the user)."""
    path = profile_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        codes = data["deelnemers"] if isinstance(data.get("deelnemers"), dict) else {}
    except (OSError, ValueError, AttributeError, KeyError):
        codes = {}
    codes[slug] = code
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"schema": PROFILE_SCHEMA, "deelnemers": codes}, indent=2), encoding="utf-8"
        )
        tmp.chmod(0o600)
        os.replace(tmp, path)
    except OSError:
        pass  # only a convenience: the answers are saved in the store either way
