"""A throwaway PostgreSQL server from Debian's packages, started and stopped by the tests that need it."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL bin folder, or None when PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: use Debian's postgres user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def running_postgres(max_connections: int | None = None) -> Iterator[str]:
    """Start a private cluster on a free loopback port; yields a store URL.

    Without max_connections the server keeps PostgreSQL's default (100), as a school's server would.
    """
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql")
    root = Path(tempfile.mkdtemp(prefix="werkboek-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "werkboek",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off"
                + (f" -c max_connections={max_connections}" if max_connections else ""),
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        subprocess.run(
            [
                str(bindir / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "werkboek",
                "werkboek",
            ],
            check=True,
            capture_output=True,
        )
        url = f"postgresql+psycopg://werkboek@127.0.0.1:{port}/werkboek"
        _SERVERS[url] = (bindir, data, root, port, max_connections)
        yield url
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


_SERVERS: dict[str, tuple[Path, Path, Path, int, int | None]] = {}


@contextmanager
def server_stopped(url: str) -> Iterator[None]:
    """Stop a server started by running_postgres, as a crash or a restart does; start it again after."""
    bindir, data, root, port, max_connections = _SERVERS[url.split("?")[0]]
    ctl = [str(bindir / "pg_ctl"), "-D", str(data)]
    subprocess.run(
        _as_server_user([*ctl, "-m", "immediate", "stop"]), check=True, capture_output=True
    )
    try:
        yield
    finally:
        options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off" + (
            f" -c max_connections={max_connections}" if max_connections else ""
        )
        subprocess.run(
            _as_server_user(
                [*ctl, "-l", str(root / "log"), "-w", "-t", "60", "-o", options, "start"]
            ),
            check=True,
            capture_output=True,
        )


def fresh_schema_url(server_url: str, prefix: str = "t") -> str:
    """A store URL on the test server with a new, empty schema of its own, so tests stay apart.

    As in a deployment behind PgBouncer (which passes no `options`), the schema is chosen by the
    role: a new role that owns the schema, with `ALTER ROLE ... SET search_path`."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from workbook.store import libpq_url

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(libpq_url(server_url), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {schema} LOGIN")
        conn.execute(f"CREATE SCHEMA {schema} AUTHORIZATION {schema}")
        conn.execute(f"ALTER ROLE {schema} SET search_path = {schema}")
    parts = urlsplit(server_url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{schema}@{host}"))
