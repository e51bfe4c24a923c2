"""Fixtures shared by the unit tests: a store URL for every supported database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import fresh_schema_url, postgres_bin, running_postgres


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One PostgreSQL server for the whole test run (Debian's package, started here)."""
    if postgres_bin() is None:
        pytest.fail(
            "PostgreSQL is not installed; .ci/run installs it with apt-get install postgresql"
        )
    with running_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'antwoorden.sqlite'}"
    return fresh_schema_url(request.getfixturevalue("postgres_server"))
