"""The hub's log filter: a participant code in a log line (an old personal link) becomes '…'."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy" / "jupyterhub"))

from werkboek_hub import HideParticipantCodes  # noqa: E402


def logged(message: str, *args: object) -> str:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(HideParticipantCodes())
    log = logging.getLogger("test_hub_logfilter")
    log.addHandler(handler)
    try:
        log.warning(message, *args)
    finally:
        log.removeHandler(handler)
    return out.getvalue()


def test_codes_in_request_lines_are_hidden() -> None:
    line = logged(
        "200 GET /user/anna/voila/render/index.ipynb?%s (anna@127.0.0.1)", "deelnemer=k7mp-x2qa"
    )
    assert "k7mp" not in line and "x2qa" not in line
    assert "/user/anna/voila/render/index.ipynb?deelnemer=…" in line
    encoded = logged("GET /hub/login?next=%2Fuser%2Fanna%2Findex.ipynb%3Fdeelnemer%3DK7MP%2DX2QA")
    assert "K7MP" not in encoded and "X2QA" not in encoded


def test_other_lines_are_left_alone() -> None:
    assert logged("Server van %s: scholengroep %s", "anna", "noord").strip() == (
        "Server van anna: scholengroep noord"
    )


def test_the_proxy_log_is_passed_on_without_codes(capsys) -> None:  # type: ignore[no-untyped-def]
    from werkboek_proxylog import main

    proxy = "print('503 GET /user/anna/index.ipynb?deelnemer=k7mp-x2qa'); raise SystemExit(3)"
    assert main([sys.executable, "-c", proxy]) == 3  # the proxy's exit code is passed on
    out = capsys.readouterr().out
    assert "503 GET /user/anna/index.ipynb?deelnemer=…" in out
    assert "k7mp" not in out
