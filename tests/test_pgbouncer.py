"""Database connections that scale: many kernels through PgBouncer (transaction mode, 5 server
connections), a kernels' role without the CREATE right, and `workbook db upgrade` as the owner."""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest
from click.testing import CliRunner

from tests.pgbouncer import running_pgbouncer
from workbook.cli import main
from workbook.errors import StoreError
from workbook.store import AnswerStore, libpq_url

pytestmark = pytest.mark.postgres

KERNELS = 200
POOL = 5
SAVES = 6  # past psycopg's default prepare_threshold (5): prepared statements would break


def make_roles(server: str) -> tuple[str, str, str]:
    """A schema, its owner and a kernels' role that may only read and write; search_path is set on
    the roles (PgBouncer does not pass an `options` startup parameter)."""
    tag = uuid.uuid4().hex[:8]
    schema, owner, kernels = f"bouncer_{tag}", f"eigenaar_{tag}", f"kernels_{tag}"
    with psycopg.connect(libpq_url(server), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN")
        conn.execute(f"CREATE ROLE {kernels} LOGIN")
        conn.execute(f"CREATE SCHEMA {schema} AUTHORIZATION {owner}")
        for role in (owner, kernels):
            conn.execute(f"ALTER ROLE {role} SET search_path = {schema}")
    return schema, owner, kernels


def server_connections(server: str, role: str) -> int:
    with psycopg.connect(libpq_url(server), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (role,)
        ).fetchone()
        return int(row[0]) if row else 0


def test_200_kernels_save_through_pgbouncer_with_5_server_connections(
    postgres_server: str, tmp_path
) -> None:
    schema, owner, kernels = make_roles(postgres_server)
    with running_pgbouncer(postgres_server, [owner, kernels], default_pool_size=POOL) as (
        host,
        port,
    ):
        owner_url = f"postgresql+psycopg://{owner}@{host}:{port}/werkboek"
        kernel_url = f"postgresql+psycopg://{kernels}@{host}:{port}/werkboek"

        # Before the upgrade the kernels' role cannot make the tables, and says what to do.
        with pytest.raises(StoreError, match="workbook db upgrade CONFIG"):
            AnswerStore(kernel_url)

        config = tmp_path / "scholengroep.toml"
        config.write_text(
            f'naam = "Bouncergroep"\nid = "bouncer"\nsector = "vo"\nscholen = ["Pool College"]\n'
            f'trainersleutel = "bouncer-sleutel"\nopslag = "{kernel_url}"\n',
            encoding="utf-8",
        )
        upgrade = ["db", "upgrade", str(config), "--opslag", owner_url, "--rol", kernels]
        result = CliRunner().invoke(main, upgrade)
        assert result.exit_code == 0, result.output
        assert "is klaargezet: schema 5" in result.output
        assert f"De rol {kernels} mag lezen en schrijven in schema {schema}" in result.output
        again = CliRunner().invoke(main, upgrade[:3] + ["--opslag", owner_url])
        assert "staat al op schema 5; er is niets veranderd" in again.output

        errors: list[BaseException] = []
        most = [0]
        start = threading.Barrier(KERNELS)

        def kernel(n: int) -> None:
            try:
                start.wait(timeout=120)
                with AnswerStore(kernel_url) as store:
                    me = store.create_participant("bouncer", f"Deelnemer {n}", "Pool College")
                    for round_ in range(SAVES):
                        store.save_answer("bouncer", me.code, f"prestatiedruk/r{round_}", f"{n}")
            except BaseException as exc:  # noqa: BLE001 - every failure is reported below
                errors.append(exc)

        threads = [threading.Thread(target=kernel, args=(n,)) for n in range(KERNELS)]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            most[0] = max(most[0], server_connections(postgres_server, kernels))
            threads[0].join(timeout=0.05)
        assert errors == []
        with AnswerStore(owner_url) as store:
            answers = store.all_answers("bouncer")
        assert len(answers) == KERNELS * SAVES
        assert 0 < most[0] <= POOL  # 200 clients, never more than 5 PostgreSQL connections

        # The kernels' role still cannot create anything in the schema.
        with psycopg.connect(libpq_url(kernel_url), prepare_threshold=None) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("CREATE TABLE stiekem (x int)")
