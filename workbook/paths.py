"""Where the shipped content lives, both in a source checkout and in an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _content_dir(name: str) -> Path:
    installed = _PACKAGE / "_content" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def exercises_dir() -> Path:
    """The folder with one sub-folder of exercise YAML files per module."""
    return _content_dir("exercises")


def notebooks_dir() -> Path:
    """The folder with the module notebooks (the single source for Voila, papermill and nbval)."""
    return _content_dir("notebooks")


def examples_dir() -> Path:
    """The folder with example scholengroep configs and example data files."""
    return _content_dir("examples")


def voila_data_dir() -> Path:
    """A Jupyter data dir that holds our offline Voila template (voila/templates/welbevinden)."""
    return _PACKAGE / "share"


def served_jupyter_path() -> str:
    """JUPYTER_PATH for served pages: the lean kernel of workbook.runtime.kernel, then our template."""
    return os.pathsep.join([str(_PACKAGE / "share" / "served"), str(voila_data_dir())])


def lab_config_dir() -> Path:
    """A Jupyter config dir with our JupyterLab settings (labconfig): no news, no update checks."""
    return _PACKAGE / "share" / "lab"
