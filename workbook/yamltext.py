"""YAML text as data, with a Dutch message that names the line of a mistake."""

from __future__ import annotations

from typing import Any

import yaml

from workbook.errors import ContentError, WorkbookError

# libyaml's parser, where PyYAML was built with it: every page's kernel reads the whole catalog at its
# start, and the pure-Python parser spent about 0.15 s of CPU on it, eight times as long.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, where: str, error: type[WorkbookError] = ContentError) -> Any:
    """YAML text as data; broken YAML raises `error` with a Dutch message naming the line."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" op regel {mark.line + 1}" if mark is not None else ""
        raise error(
            f"{where}: de YAML klopt niet{line}. Controleer inspringing, dubbele punten en "
            "aanhalingstekens rond teksten met een ':'."
        ) from None
