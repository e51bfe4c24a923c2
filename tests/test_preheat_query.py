"""A preheated page whose visitor's URL could not be read says so, instead of silently offering to join again."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from widgets.page.page import ParticipantBar
from workbook.runtime import session
from workbook.runtime.session import Visit


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture
def preheated_without_voila(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WELBEVINDEN_DATA", str(tmp_path))
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", str(closed_port()))
    monkeypatch.setenv("VOILA_KERNEL_ID", "kernel-1")
    monkeypatch.setattr(session, "_REQUEST_SEEN", [])
    monkeypatch.setattr(session, "_QUERY_FAILED", [])
    monkeypatch.setattr(session, "QUERY_OPEN_TIMEOUT", 0.5)


@pytest.mark.usefixtures("preheated_without_voila")
def test_a_failed_query_is_retried_logged_and_told_in_dutch(
    caplog: pytest.LogCaptureFixture,
) -> None:
    visit = Visit.start("", wait=False)  # a preheated kernel builds its page before the visit
    bar = ParticipantBar(visit, [])
    with caplog.at_level(logging.WARNING, logger="werkboek.session"):
        query = session.page_query_string()
    assert query == ""
    assert session.query_failed()
    attempts = [r for r in caplog.records if "Voila query socket" in r.getMessage()]
    assert len(attempts) == session.QUERY_ATTEMPTS

    bar._arrived(query)
    assert visit.participant is None
    assert "persoonlijke link" in bar.message.value and "Herlaad de pagina" in bar.message.value
    assert 'role="alert"' in bar.message.value
