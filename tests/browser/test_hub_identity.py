"""One person, one identity on JupyterHub: the hub account is the participant, groups choose the
scholengroep and the trainer role, and no participant code shows up in a URL or in the hub log."""

from __future__ import annotations

import pytest

from tests.browser.conftest import join
from tests.hub import log_in, open_user_page, running_hub
from tests.postgres import fresh_schema_url
from workbook.runtime.build import build_workbook
from workbook.store import AnswerStore

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.postgres]

MODULE_PAGE = "10-prestatiedruk.ipynb"
GROUPS = {"noord": "Scholengroep Noord", "zuid": "Scholengroep Zuid"}
KEYS = {"noord": "noord-trainer-sleutel", "zuid": "zuid-trainer-sleutel"}
SCHOOLS = {"noord": "Noorder College", "zuid": "Zuider Lyceum"}
ANSWERS = {"anna": "Noord: drie toetsen op één dag", "carla": "Zuid: cijfers op het bord"}
MEMBERS = {"anna": ["noord", "trainers"], "bram": ["noord"], "carla": ["zuid"]}
WHOLE_MODULE = "Prestatiedruk en schoolstress: alle oefeningen"


def group_config(slug: str, store_url: str) -> str:
    return f"""
naam = "{GROUPS[slug]}"
id = "{slug}"
sector = "vo"
scholen = ["{SCHOOLS[slug]}"]
modules = ["prestatiedruk"]
trainersleutel = "{KEYS[slug]}"
opslag = "{store_url}"
"""


def open_answer(pg):  # type: ignore[no-untyped-def]
    return pg.locator(".wb-kind-open").first.get_by_label("Jouw antwoord")


def test_hub_accounts_are_participants_and_scholengroepen_stay_apart(
    postgres_server, browser, tmp_path
):
    store_url = fresh_schema_url(postgres_server, "ident")  # one store for both scholengroepen
    root = tmp_path / "gebouwd"
    for slug in GROUPS:
        config = tmp_path / f"{slug}.toml"
        config.write_text(group_config(slug, store_url), encoding="utf-8")
        build_workbook(config, root / slug, progress=False)

    # At debug level every request of the hub and of the user servers is in the log.
    with running_hub(root, tmp_path, {"WERKBOEK_HUB_DEBUG": "1"}) as hub:
        for user, groups in MEMBERS.items():  # groups as an admin (or the login) sets them
            hub.create_user(user)
            for group in groups:
                made = hub.api("POST", f"/groups/{group}")
                assert made.status_code in (201, 409), made.text  # 409: it exists already
                reply = hub.api("POST", f"/groups/{group}/users", json={"users": [user]})
                assert reply.status_code == 200, reply.text

        # Someone in no scholengroep's group gets no server, but a Dutch reason.
        hub.create_user("dirk")
        refused = hub.api("POST", "/users/dirk/server")
        assert refused.status_code >= 400
        assert "hoort nog niet bij een scholengroep" in refused.text
        assert not hub.running("dirk")

        # Anna and Carla join once, each in the workbook of their own scholengroep, and answer.
        pages = {user: log_in(browser, hub.base, user) for user in MEMBERS}
        for user, slug in (("anna", "noord"), ("carla", "zuid")):
            pg = pages[user]
            open_user_page(pg, hub.base, user, MODULE_PAGE)
            join(pg, f"Deelnemer {user}", SCHOOLS[slug])
            open_answer(pg).fill(ANSWERS[user])
            open_answer(pg).press("Tab")
            pg.locator(".wb-kind-open .wb-status-ok").first.wait_for(timeout=60_000)
            assert "deelnemer=" not in pg.url

        # A second visit (a new kernel) resumes Anna's answers without joining.
        again = pages["anna"].context.new_page()
        open_user_page(again, hub.base, "anna", MODULE_PAGE)
        again.locator(".wb-bar").get_by_text("Deelnemer anna").wait_for(timeout=60_000)
        assert again.get_by_label("Naam of code", exact=True).count() == 0
        assert open_answer(again).input_value() == ANSWERS["anna"]
        assert "deelnemer=" not in again.url

        with AnswerStore(store_url) as store:
            codes = {
                user: p.code
                for user, slug in (("anna", "noord"), ("carla", "zuid"))
                for p in [store.hub_participant(slug, user)]
                if p is not None
            }
        assert set(codes) == {"anna", "carla"}

        # An old personal link is not read under the hub, and its code stays out of the log.
        old_link = pages["anna"].context.new_page()
        open_user_page(old_link, hub.base, "anna", f"{MODULE_PAGE}?deelnemer={codes['carla']}")
        old_link.locator(".wb-bar").get_by_text("Deelnemer anna").wait_for(timeout=60_000)

        # Bram is in Noord but not in the trainer group: no key field, even though he has the key.
        bram = pages["bram"].context.new_page()
        open_user_page(bram, hub.base, "bram", "trainer.ipynb")
        bram.get_by_text("Deze pagina is alleen voor trainers").wait_for(timeout=60_000)
        assert bram.get_by_label("Trainersleutel").count() == 0

        # Anna is a trainer in Noord: she sees her own answer, never Carla's from Zuid.
        trainer = pages["anna"].context.new_page()
        open_user_page(trainer, hub.base, "anna", "trainer.ipynb")
        trainer.get_by_label("Trainersleutel").fill(KEYS["noord"])
        trainer.get_by_role("button", name="Open de trainerspagina").click()
        trainer.get_by_role("tab", name="Resultaten").click()
        trainer.get_by_label("Toon").select_option(label=WHOLE_MODULE)
        wall = trainer.locator(".wb-tr-result[data-exercise='prestatiedruk/eigen-rol']")
        wall.get_by_text(ANSWERS["anna"]).wait_for(timeout=60_000)
        assert wall.get_by_text(ANSWERS["carla"]).count() == 0
        for pg in pages.values():
            pg.context.close()

    with AnswerStore(store_url) as store:
        noord = store.answers_for_exercise("noord", "prestatiedruk/eigen-rol")
        zuid = store.answers_for_exercise("zuid", "prestatiedruk/eigen-rol")
    assert list(noord.values()) == [ANSWERS["anna"]]
    assert list(zuid.values()) == [ANSWERS["carla"]]
    log = hub.log.read_text(encoding="utf-8", errors="replace")
    assert "deelnemer=…" in log  # the old link was logged, without its code
    for code in codes.values():
        assert code not in log
