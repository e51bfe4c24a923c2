"""Every fault of tests/fault_scenarios.py: the page says what happened in Dutch, and 0 saved answers are lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fault_scenarios import SQLITE_SCENARIOS, Row, postgres_restarted

EXPECTED_WORDS = {
    "malformed": "beschadigd",
    "disk_full": "schijf",
    "locked": "bezet",
    "deleted": "verwijderd",
}


@pytest.mark.parametrize("name", list(SQLITE_SCENARIOS))
def test_a_fault_on_sqlite_loses_nothing_that_showed_saved(name: str, tmp_path: Path) -> None:
    scenario: Callable[[Path], Row] = SQLITE_SCENARIOS[name]
    row = scenario(tmp_path)
    assert row.lost == 0, row
    assert "Niet opgeslagen" in row.said and EXPECTED_WORDS[name] in row.said, row


@pytest.mark.postgres
def test_postgres_stopped_and_restarted_mid_session_loses_nothing(postgres_server: str) -> None:
    row = postgres_restarted(postgres_server)
    assert row.lost == 0, row
    assert "Niet opgeslagen" in row.said and "niet bereikbaar" in row.said, row
