"""All errors the engine raises; each carries a Dutch message that says what is wrong and how to fix it."""

from __future__ import annotations


class WorkbookError(Exception):
    """Base class: a problem a user can fix. The message is Dutch and shown as one line."""


class ConfigError(WorkbookError):
    """A scholengroep config (TOML) is missing, unreadable or has a wrong field."""


class ContentError(WorkbookError):
    """An exercise or module file under exercises/ does not follow the schema."""


class StoreError(WorkbookError):
    """The answer store cannot be reached, is locked, or refused a write."""


class BuildError(WorkbookError):
    """A module notebook failed while building a scholengroep's workbook."""


class ImportDataError(WorkbookError):
    """An imported data file (CSV, YAML, JSON) could not be used at all."""
