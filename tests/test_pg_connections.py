"""A full room on a PostgreSQL server with the default max_connections: idle connections are given back."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.postgres import fresh_schema_url
from workbook.errors import StoreError
from workbook.store import AnswerStore, libpq_url
from workbook.store.answers import PG_APPLICATION

pytestmark = pytest.mark.postgres

KERNELS = 120  # 40 participants, a session pool of 40 pages, latecomers, reloads and the trainer


def open_connections(server: str, role: str | None = None) -> int:
    """The kernels' connections on the server; of one store's role only when given (each fresh
    schema has its own role, so stores other tests left open do not count)."""
    sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s"
    params: tuple[str, ...] = (PG_APPLICATION,)
    if role is not None:
        sql, params = sql + " AND usename = %s", (*params, role)
    with psycopg.connect(libpq_url(server), autocommit=True) as conn:
        row = conn.execute(sql, params).fetchone()
        return int(row[0]) if row else 0


def role_of(url: str) -> str:
    return urlsplit(url).username or ""


def settle(server: str, at_most: int, seconds: float = 10.0, role: str | None = None) -> int:
    """Wait until at most `at_most` of these connections are open; the count then."""
    deadline = time.monotonic() + seconds
    while (count := open_connections(server, role)) > at_most and time.monotonic() < deadline:
        time.sleep(0.05)
    return count


def test_the_server_has_the_default_limit(postgres_server: str) -> None:
    with psycopg.connect(libpq_url(postgres_server), autocommit=True) as conn:
        row = conn.execute("SHOW max_connections").fetchone()
    assert row is not None and row[0] == "100"


def test_a_room_of_kernels_that_hold_their_connection_gets_a_dutch_message(
    postgres_server: str,
) -> None:
    url = fresh_schema_url(postgres_server, "vol")
    stores: list[AnswerStore] = []
    with pytest.raises(StoreError, match="geen verbinding meer vrij"):
        for _ in range(
            KERNELS
        ):  # as before this fix: one connection per kernel, for its whole life
            stores.append(AnswerStore(url, idle_seconds=None))
    for store in stores:
        store.close()
    assert settle(postgres_server, 0, role=role_of(url)) == 0


def test_a_room_of_kernels_fits_because_idle_connections_close(postgres_server: str) -> None:
    url = fresh_schema_url(postgres_server, "zaal")
    stores: list[AnswerStore] = []
    codes: list[str] = []
    for _wave in range(0, KERNELS, 40):  # pages open in waves: a session pool, then latecomers
        for _ in range(40):
            stores.append(AnswerStore(url, idle_seconds=0.5))
            codes.append(stores[-1].create_participant("zaal", f"Deelnemer {len(codes)}").code)
        assert open_connections(postgres_server) < 97  # max_connections 100, 3 kept for superusers
        settle(postgres_server, 0, role=role_of(url))
    for round_start in range(0, KERNELS, 40):  # the room saves in waves, as people type
        for store, code in zip(
            stores[round_start : round_start + 40], codes[round_start:], strict=False
        ):
            store.save_answer("zaal", code, "prestatiedruk/eigen-rol", f"antwoord van {code}")
        assert open_connections(postgres_server) < 97  # max_connections 100, 3 kept for superusers
    # nobody types: every connection is given back
    assert settle(postgres_server, 0, role=role_of(url)) == 0
    answers = stores[0].all_answers("zaal")  # a connection opens again when needed
    assert len(answers) == KERNELS
    for store in stores:
        store.close()
