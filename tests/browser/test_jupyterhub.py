"""JupyterHub smoke test: two users answer through the hub, the trainer page shows both answers.

Starts the real deployment of deploy/jupyterhub (JupyterHub, configurable-http-proxy from npm, one
Jupyter Server with Voila per user) on loopback ports, with a shared PostgreSQL store.
"""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import join
from tests.hub import log_in, open_user_page, running_hub
from tests.postgres import fresh_schema_url
from workbook.runtime.build import build_workbook
from workbook.store import AnswerStore

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.postgres]

KEY = "hub-trainer-sleutel-123"
GROUP = "hubtest"
MODULE_PAGE = "10-prestatiedruk.ipynb"
ANSWERS = {
    "anna": "Via de hub: drie toetsen in één week",
    "bram": "Via de hub: ik praat vaak over cijfers",
}
WHOLE_MODULE = "Prestatiedruk en schoolstress: alle oefeningen"


def hub_config(store_url: str) -> str:
    return f"""
naam = "Scholengroep Hubtest"
id = "{GROUP}"
sector = "vo"
scholen = ["Hub Havo"]
modules = ["prestatiedruk"]
trainersleutel = "{KEY}"
opslag = "{store_url}"
"""


def answer_open_question(pg, text: str) -> None:
    box = pg.locator(".wb-kind-open").first
    box.get_by_label("Jouw antwoord").fill(text)
    box.get_by_label("Jouw antwoord").press("Tab")
    box.locator(".wb-status-ok").wait_for(timeout=60_000)


def test_two_hub_users_answers_show_on_the_trainer_page(postgres_server, browser, tmp_path):
    started = time.monotonic()

    def lap(what: str) -> None:
        print(f"{time.monotonic() - started:6.1f} s  {what}")

    store_url = fresh_schema_url(postgres_server, "hub")
    config = tmp_path / "scholengroep.toml"
    config.write_text(hub_config(store_url), encoding="utf-8")
    build_workbook(config, tmp_path / "gebouwd", progress=False)
    lap("built")

    # The session's one Playwright browser (tests/browser/conftest.py): a second sync Playwright
    # cannot start while it runs.
    with running_hub(tmp_path / "gebouwd", tmp_path) as hub:
        base = hub.base
        # Anna is also the trainer: under the hub that takes the trainer group as well as the key.
        hub.create_user("anna")
        assert hub.api("POST", "/groups/trainers").status_code == 201
        assert hub.api("POST", "/groups/trainers/users", json={"users": ["anna"]}).ok
        lap("hub up")
        # Logging in starts the user's server: both servers start at the same time.
        pages = {user: log_in(browser, base, user) for user in ANSWERS}
        for user, text in ANSWERS.items():
            pg = pages[user]
            open_user_page(pg, base, user, MODULE_PAGE)
            join(pg, f"Hubdeelnemer {user}", "Hub Havo")
            answer_open_question(pg, text)
            lap(f"{user} answered")

        # The hub gave every user a server of their own.
        assert pages["anna"].url.startswith(f"{base}/user/anna/")
        assert pages["bram"].url.startswith(f"{base}/user/bram/")

        # Anna is also the trainer: her own server shows the answers of both users.
        trainer = pages["anna"].context.new_page()
        open_user_page(trainer, base, "anna", "trainer.ipynb")
        trainer.get_by_label("Trainersleutel").fill(KEY)
        trainer.get_by_role("button", name="Open de trainerspagina").click()
        trainer.get_by_role("tab", name="Resultaten").click()  # the join screen comes first
        trainer.get_by_label("Toon").select_option(label=WHOLE_MODULE)
        wall = trainer.locator(".wb-tr-result[data-exercise='prestatiedruk/eigen-rol']")
        for text in ANSWERS.values():
            wall.get_by_text(text).wait_for(timeout=60_000)
        lap("trainer sees both")

        # A user cannot read the config (trainer key, store URL) through the server's file API.
        api = pages["bram"].request.get(f"{base}/user/bram/api/contents/scholengroep.toml")
        assert api.status == 403
        assert KEY not in api.text()
        for pg in pages.values():
            assert pg.context.outside == []
            pg.context.close()

    # Both answers are in the one shared PostgreSQL store.
    with AnswerStore(store_url) as store:
        stored = store.answers_for_exercise(GROUP, "prestatiedruk/eigen-rol")
    assert sorted(stored.values()) == sorted(ANSWERS.values())
    lap("hub stopped, store checked")
