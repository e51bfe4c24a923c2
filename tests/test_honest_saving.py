"""'Opgeslagen' only when it is: every database error says so in Dutch, deleted stays deleted, upgrades are whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest

from tests.test_store import run_directly
from widgets.kinds.open import OpenWidget
from workbook.content.catalog import get_exercise
from workbook.errors import StoreError
from workbook.store import SCHEMA_VERSION, AnswerStore, ParticipantAnswers, migrations
from workbook.store.failures import FULL, GONE, REFUSED, ParticipantGoneError, classify

EXERCISE = "prestatiedruk/eigen-rol"


def open_widget(store: AnswerStore) -> tuple[OpenWidget, ParticipantAnswers]:
    answers = ParticipantAnswers(store, "groep", store.create_participant("groep", "Sanne", "OBS"))
    widget = OpenWidget(get_exercise(EXERCISE))
    widget.bind(answers)
    return widget, answers


def saved(store: AnswerStore, answers: ParticipantAnswers) -> object:
    return store.load_answer("groep", answers.participant.code, EXERCISE)


# -- 1. every driver error becomes a Dutch StoreError ------------------------------------------


def test_a_malformed_database_shows_not_saved_instead_of_the_old_saved(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    store = AnswerStore(f"sqlite:///{path}", busy_timeout=0.2)
    widget, _answers = open_widget(store)
    widget.text.value = "eerste versie"
    assert "Opgeslagen om" in widget.status.value
    store.close()
    with path.open("r+b") as db:  # damage every page after the header, as a broken disk does
        db.seek(100)
        db.write(b"\xde\xad" * 20_000)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

    widget.text.value = "tweede versie"
    assert "Opgeslagen om" not in widget.status.value
    assert "Niet opgeslagen" in widget.status.value and "beschadigd" in widget.status.value
    assert widget.retry.layout.display != "none"
    assert widget.text.value == "tweede versie"


def test_an_integrity_error_is_a_store_error(tmp_path: Path) -> None:
    with AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        run_directly(
            store.url,
            [
                "CREATE TRIGGER refuse BEFORE INSERT ON answers "
                "BEGIN SELECT RAISE(ABORT, 'geweigerd'); END"
            ],
        )
        widget, answers = open_widget(store)
        widget.text.value = "mijn antwoord"
        assert "Niet opgeslagen" in widget.status.value and "weigerde" in widget.status.value
        assert saved(store, answers) is None


@pytest.mark.postgres
def test_a_postgres_data_error_is_a_store_error(postgres_server: str) -> None:
    from tests.postgres import fresh_schema_url

    with AnswerStore(fresh_schema_url(postgres_server)) as store:
        code = store.create_participant("groep", "Sanne").code
        with pytest.raises(StoreError, match="weigerde de gegevens"):
            store.save_answer("groep", code, "x" * 300, "te lange id")  # VARCHAR(128): DataError


def test_errors_are_told_by_their_code_not_by_their_english_text() -> None:
    """A server that speaks Dutch (or German) gives the same Dutch message as an English one."""
    assert classify(psycopg.errors.DiskFull("kein Speicherplatz mehr auf dem Gerät")) is FULL
    assert classify(psycopg.errors.StringDataRightTruncation("waarde te lang")) is REFUSED
    assert classify(psycopg.errors.AdminShutdown("de server wordt afgesloten")) is GONE
    full = sqlite3.OperationalError("schijf vol")
    full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    assert classify(full) is FULL
    # The English words that the old code looked for no longer decide anything.
    assert classify(sqlite3.OperationalError("database is locked")).cause != FULL.cause
    unnamed = sqlite3.DatabaseError("disk is full")
    assert classify(unnamed) is not FULL


# -- 2. deletion sticks ------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["verwijder mijn gegevens", "workbook forget"])
def test_a_deleted_participant_cannot_save_from_a_tab_still_open(store_url: str, how: str) -> None:
    with AnswerStore(store_url) as store:
        widget, answers = open_widget(store)
        widget.text.value = "voor het verwijderen"
        if how == "workbook forget":
            store.delete_participant("groep", answers.participant.code)
        else:
            ParticipantAnswers(store, "groep", answers.participant).forget()

        widget.text.value = "na het verwijderen"  # the old tab keeps typing
        assert "verwijderd" in widget.status.value and "Opgeslagen om" not in widget.status.value
        assert (
            "Opnieuw beginnen" in widget.status.value
            and 'href="index.ipynb"' in widget.status.value
        )
        assert widget.text.disabled
        assert saved(store, answers) is None
        assert store.all_answers("groep") == []
        with pytest.raises(ParticipantGoneError):
            store.save_answer("groep", answers.participant.code, EXERCISE, "rechtstreeks")


# -- 3. schema upgrades complete in one transaction or leave the old version -----------------

V2_SCHEMA = [
    'CREATE TABLE meta ("key" VARCHAR(64) NOT NULL, value TEXT NOT NULL, PRIMARY KEY ("key"))',
    "CREATE TABLE participants (scholengroep VARCHAR(64) NOT NULL, code VARCHAR(32) NOT NULL, "
    "name TEXT NOT NULL, school TEXT NOT NULL, created_at VARCHAR(32) NOT NULL, last_module TEXT, "
    "last_seen VARCHAR(32), PRIMARY KEY (scholengroep, code))",
    "CREATE TABLE answers (scholengroep VARCHAR(64) NOT NULL, participant VARCHAR(32) NOT NULL, "
    "exercise VARCHAR(128) NOT NULL, value TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL, "
    "PRIMARY KEY (scholengroep, participant, exercise))",
    'CREATE TABLE settings (scholengroep VARCHAR(64) NOT NULL, "key" VARCHAR(128) NOT NULL, '
    'value TEXT NOT NULL, PRIMARY KEY (scholengroep, "key"))',
    "INSERT INTO meta VALUES ('schema_version', '2')",
    "INSERT INTO participants VALUES ('groep', 'abcd-efgh', 'Anna', 'OBS', "
    "'2025-09-01T10:00:00.000+00:00', NULL, NULL)",
    "INSERT INTO answers VALUES ('groep', 'abcd-efgh', 'prestatiedruk/eigen-rol', '\"van Anna\"', "
    "'2025-09-01T10:05:00.000+00:00')",
    # Saved by a tab that stayed open after its participant was deleted (the old bug):
    "INSERT INTO answers VALUES ('groep', 'weg0-weg0', 'prestatiedruk/eigen-rol', '\"van een gewiste\"', "
    "'2025-09-01T10:06:00.000+00:00')",
]


def rows(url: str, sql: str) -> list[tuple[object, ...]]:
    if url.startswith("sqlite:///"):
        conn = sqlite3.connect(url[len("sqlite:///") :])
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    from workbook.store import libpq_url

    with psycopg.connect(libpq_url(url)) as pg:
        return pg.execute(sql).fetchall()


def test_a_schema_2_database_is_upgraded_whole_and_drops_answers_of_deleted_people(
    store_url: str,
) -> None:
    run_directly(store_url, V2_SCHEMA)
    with AnswerStore(store_url) as store:
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION)
        assert store.load_answer("groep", "abcd-efgh", EXERCISE) == "van Anna"
        assert [code for code, *_ in store.all_answers("groep")] == ["abcd-efgh"]
        store.delete_participant("groep", "abcd-efgh")
        with pytest.raises(ParticipantGoneError):
            store.save_answer("groep", "abcd-efgh", EXERCISE, "terug?")


def test_a_failing_upgrade_leaves_the_old_version_and_says_why(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_directly(store_url, V2_SCHEMA)
    real = migrations.UPGRADES[2]

    def half_then_fail(run: migrations.Run, dialect: str) -> None:
        real(run, dialect)  # the whole step runs, then the database refuses the next statement
        run('INSERT INTO meta ("key", value) VALUES (NULL, NULL)', ())

    monkeypatch.setitem(migrations.UPGRADES, 2, half_then_fail)
    with pytest.raises(
        StoreError, match="kon niet worden klaargezet of bijgewerkt.*Er is niets veranderd"
    ):
        AnswerStore(store_url)
    assert rows(store_url, "SELECT value FROM meta WHERE \"key\" = 'schema_version'") == [("2",)]
    assert len(rows(store_url, "SELECT * FROM answers")) == 2  # nothing of the step stayed

    monkeypatch.setitem(migrations.UPGRADES, 2, real)
    with AnswerStore(store_url) as store:  # the next start does the whole upgrade
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION)


def test_a_locked_database_at_start_gives_a_message_not_silence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    run_directly(url, V2_SCHEMA)
    locker = sqlite3.connect(tmp_path / "a.sqlite", timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="bezet"):
            AnswerStore(url, busy_timeout=0.1)
    finally:
        locker.rollback()
        locker.close()
    assert rows(url, "SELECT value FROM meta WHERE \"key\" = 'schema_version'") == [("2",)]


def test_a_connection_time_out_is_told_as_unreachable() -> None:
    from workbook.store.failures import NO_SESSION

    assert classify(psycopg.errors.ConnectionTimeout("verbinding verlopen")) is NO_SESSION
    assert classify(psycopg.OperationalError("connection failed")) is NO_SESSION
