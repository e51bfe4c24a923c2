"""The answer store: saves survive, many processes can write at once, participants stay apart."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.errors import StoreError
from workbook.store import SCHEMA_VERSION, AnswerStore, ParticipantAnswers, libpq_url

WRITERS = 8
SAVES = 200


def _writer(url: str, code: str, worker: int, saves: int) -> None:
    store = AnswerStore(url)
    for i in range(saves):
        store.save_answer("groep", code, f"module/oefening-{i}", {"worker": worker, "i": i})
    store.close()


def test_eight_processes_saving_at_once_lose_nothing(store_url: str) -> None:
    url = store_url
    with AnswerStore(url) as store:
        codes = [store.create_participant("groep", f"Schrijver {w}").code for w in range(WRITERS)]
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(url, codes[w], w, SAVES)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
        assert p.exitcode == 0
    with AnswerStore(url) as store:
        rows = store.all_answers("groep")
        assert len(rows) == WRITERS * SAVES
        for w in range(WRITERS):
            answers = store.load_answers("groep", codes[w])
            assert answers == {f"module/oefening-{i}": {"worker": w, "i": i} for i in range(SAVES)}


def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    with AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        with store.connection() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_answer_is_replaced_and_survives_reopening(store_url: str) -> None:
    url = store_url
    with AnswerStore(url) as store:
        p = store.create_participant("groep", "Sanne", "OBS De Regenboog")
        store.save_answer("groep", p.code, "prestatiedruk/eigen-rol", "eerste versie")
        store.save_answer("groep", p.code, "prestatiedruk/eigen-rol", "tweede versie <b>vet</b>")
    with AnswerStore(url) as store:
        assert (
            store.load_answer("groep", p.code, "prestatiedruk/eigen-rol")
            == "tweede versie <b>vet</b>"
        )
        assert store.get_participant("groep", p.code).name == "Sanne"
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION)


def test_participants_are_kept_apart(store_url: str) -> None:
    with AnswerStore(store_url) as store:
        anna = store.create_participant("groep", "Anna")
        bram = store.create_participant("groep", "Bram")
        other_group = store.create_participant("andere-groep", "Anna")
        ParticipantAnswers(store, "groep", anna).save("m/x", "van Anna")
        bram_view = ParticipantAnswers(store, "groep", bram)
        assert bram_view.load("m/x") is None
        assert bram_view.all() == {}
        assert store.load_answers("andere-groep", other_group.code) == {}
        assert store.get_participant("andere-groep", anna.code) is None


def test_codes_are_unique_and_unguessable_looking(store_url: str) -> None:
    with AnswerStore(store_url) as store:
        codes = {store.create_participant("g", f"p{i}").code for i in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 9 and c[4] == "-" for c in codes)


def test_forgetting_a_participant_removes_all_their_answers(store_url: str) -> None:
    with AnswerStore(store_url) as store:
        anna = store.create_participant("g", "Anna")
        bram = store.create_participant("g", "Bram")
        for ex in ("m/a", "m/b", "m/c"):
            store.save_answer("g", anna.code, ex, 1)
        store.save_answer("g", bram.code, "m/a", 2)
        assert store.delete_participant("g", anna.code) == 3
        assert store.get_participant("g", anna.code) is None
        assert store.load_answers("g", anna.code) == {}
        assert store.load_answers("g", bram.code) == {"m/a": 2}


def test_unreachable_database_gives_a_dutch_message() -> None:
    with pytest.raises(StoreError, match="niet bereikbaar|niet bruikbaar"):
        AnswerStore("postgresql+psycopg://nobody@127.0.0.1:1/nergens")


def test_unknown_driver_gives_a_dutch_message() -> None:
    with pytest.raises(StoreError, match="opslag"):
        AnswerStore("nietbestaand://x/y")


V1_SCHEMA = [
    "CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE participants (scholengroep VARCHAR(64), code VARCHAR(32), name TEXT NOT NULL, "
    "school TEXT NOT NULL, created_at VARCHAR(32) NOT NULL, PRIMARY KEY (scholengroep, code))",
    "CREATE TABLE answers (scholengroep VARCHAR(64), participant VARCHAR(32), exercise VARCHAR(128), "
    "value TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL, PRIMARY KEY (scholengroep, participant, exercise))",
    "INSERT INTO meta VALUES ('schema_version', '1')",
    "INSERT INTO participants VALUES ('groep', 'abcd-efgh', 'Anna', 'OBS', '2025-09-01T10:00:00.000+00:00')",
    "INSERT INTO answers VALUES ('groep', 'abcd-efgh', 'prestatiedruk/eigen-rol', '\"oud antwoord\"', "
    "'2025-09-01T10:05:00.000+00:00')",
]


def run_directly(url: str, statements: list[str]) -> None:
    """Run SQL on the store's database with the plain driver, without AnswerStore."""
    if url.startswith("sqlite:///"):
        conn = sqlite3.connect(url[len("sqlite:///") :])
    else:
        import psycopg

        conn = psycopg.connect(libpq_url(url))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_a_schema_1_database_is_upgraded_and_keeps_its_answers(store_url: str) -> None:
    run_directly(store_url, V1_SCHEMA)
    with AnswerStore(store_url) as store:
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION)
        assert store.load_answer("groep", "abcd-efgh", "prestatiedruk/eigen-rol") == "oud antwoord"
        store.touch_participant("groep", "abcd-efgh", "prestatiedruk")
        anna = store.get_participant("groep", "abcd-efgh")
        assert anna.name == "Anna" and anna.last_module == "prestatiedruk" and anna.last_seen
    with AnswerStore(store_url) as again:  # opening twice is harmless
        assert again.get_meta("schema_version") == str(SCHEMA_VERSION)


def test_a_database_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    AnswerStore(url).close()
    run_directly(url, ["UPDATE meta SET value = '99' WHERE key = 'schema_version'"])
    with pytest.raises(StoreError, match="nieuwere versie van het werkboek"):
        AnswerStore(url)


def test_a_sqlite_store_imports_neither_sqlalchemy_nor_psycopg(tmp_path: Path) -> None:
    # Every Voila kernel opens a store: it must stay light (SQLAlchemy alone costs ~11 MB).
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    check = (
        "import sys\n"
        "from workbook.store import AnswerStore\n"
        f"with AnswerStore({url!r}) as s:\n"
        "    s.save_answer('g', s.create_participant('g', 'Sanne').code, 'm/x', 1)\n"
        "print(sorted(m for m in ('sqlalchemy', 'psycopg') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", check], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
