"""One hub account is one participant (schema 5): the link, its upgrade, and a visit under JupyterHub."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_store import run_directly
from workbook.runtime.session import HUB_USER_ENV, Visit
from workbook.store import SCHEMA_VERSION, AnswerStore


def write_config(tmp_path: Path, store_url: str) -> Path:
    config = tmp_path / "scholengroep.toml"
    config.write_text(
        'naam = "Hubgroep"\nid = "hubgroep"\nsector = "vo"\nscholen = ["Hub College"]\n'
        f'trainersleutel = "hub-sleutel-123"\nopslag = "{store_url}"\n',
        encoding="utf-8",
    )
    return config


def test_a_hub_user_is_linked_to_one_participant_until_they_are_deleted(store_url: str) -> None:
    with AnswerStore(store_url) as store:
        anna = store.create_participant("groep", "Anna", "Hub College")
        assert store.hub_participant("groep", "anna") is None
        store.link_hub_user("groep", "anna", anna.code)
        assert store.hub_participant("groep", "anna") == anna
        assert store.hub_participant("andere-groep", "anna") is None  # per scholengroep
        later = store.create_participant("groep", "Anna opnieuw", "Hub College")
        store.link_hub_user("groep", "anna", later.code)  # one account, one participant
        assert store.hub_participant("groep", "anna") == later
        store.delete_participant("groep", later.code)
        assert store.hub_participant("groep", "anna") is None


def test_a_schema_4_database_gets_the_hub_accounts_table(store_url: str) -> None:
    with AnswerStore(store_url) as store:
        anna = store.create_participant("groep", "Anna", "Hub College")
    run_directly(
        store_url,
        ["DROP TABLE hub_accounts", "UPDATE meta SET value = '4' WHERE \"key\" = 'schema_version'"],
    )
    with AnswerStore(store_url) as store:
        assert store.upgraded_from == 4
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION) == "5"
        store.link_hub_user("groep", "anna", anna.code)
        assert store.hub_participant("groep", "anna") == anna
    with AnswerStore(store_url) as store:
        assert store.upgraded_from is None  # up to date: no DDL at all


def test_under_jupyterhub_the_account_not_the_url_says_who_it_is(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = str(write_config(tmp_path, store_url))
    with AnswerStore(store_url) as store:
        bram = store.create_participant("hubgroep", "Bram", "Hub College")
    monkeypatch.setenv(HUB_USER_ENV, "anna")
    first = Visit.start(config, f"?deelnemer={bram.code}")
    assert first.participant is None  # a code in the URL is not read under the hub
    assert first.remembered  # so links carry no code
    anna = first.join("Anna", "Hub College")
    second = Visit.start(config, "")
    assert second.participant == anna  # a second visit resumes without joining
    monkeypatch.setenv(HUB_USER_ENV, "bram")
    assert Visit.start(config, "").participant is None  # another account, nobody yet
