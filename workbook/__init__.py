"""Welbevinden Werkboek: the headless engine (config, catalog, answer store, analysis, build, serve)."""

from workbook.errors import WorkbookError

__all__ = ["WorkbookError", "__version__"]
__version__ = "0.1.0"
