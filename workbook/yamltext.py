"""YAML text as data, with a Dutch message that names the line of a mistake."""

from __future__ import annotations

from typing import Any

import yaml

from workbook.errors import ContentError, WorkbookError


def parse_yaml(text: str, where: str, error: type[WorkbookError] = ContentError) -> Any:
    """YAML text as data; broken YAML raises `error` with a Dutch message naming the line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" op regel {mark.line + 1}" if mark is not None else ""
        raise error(
            f"{where}: de YAML klopt niet{line}. Controleer inspringing, dubbele punten en "
            "aanhalingstekens rond teksten met een ':'."
        ) from None
