"""A throwaway PgBouncer (Debian's /usr/sbin/pgbouncer) in front of a test PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

PGBOUNCER = Path("/usr/sbin/pgbouncer")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_pgbouncer(
    server_url: str,
    users: list[str],
    *,
    default_pool_size: int = 5,
    max_client_conn: int = 400,
    admin: str | None = None,
) -> Iterator[tuple[str, int]]:
    """Start PgBouncer in transaction mode for the database of server_url; yields (host, port).

    `users` may log in (trust, as the test server); each user gets default_pool_size server
    connections at most, however many clients connect. `admin` may use the console (SHOW POOLS)."""
    if not PGBOUNCER.exists():
        raise RuntimeError("PgBouncer is not installed: apt-get install pgbouncer")
    server = urlsplit(server_url.replace("postgresql+psycopg://", "postgresql://", 1))
    root = Path(tempfile.mkdtemp(prefix="werkboek-pgbouncer-"))
    port = _free_port()
    everyone = [*users, admin] if admin else users
    (root / "users.txt").write_text("".join(f'"{u}" ""\n' for u in everyone), encoding="utf-8")
    (root / "pgbouncer.ini").write_text(
        f"""[databases]
{server.path.lstrip("/")} = host={server.hostname} port={server.port} dbname={server.path.lstrip("/")}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir = {root}
auth_type = trust
auth_file = {root / "users.txt"}
pool_mode = transaction
default_pool_size = {default_pool_size}
max_client_conn = {max_client_conn}
server_reset_query =
logfile = {root / "pgbouncer.log"}
pidfile = {root / "pgbouncer.pid"}
admin_users = {admin or ""}
""",
        encoding="utf-8",
    )
    cmd = [str(PGBOUNCER), str(root / "pgbouncer.ini")]
    if os.geteuid() == 0:  # PgBouncer refuses to run as root: run it as Debian's postgres user
        shutil.chown(root, "postgres", "postgres")
        for child in root.iterdir():
            shutil.chown(child, "postgres", "postgres")
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            if proc.poll() is not None:
                raise RuntimeError(
                    f"PgBouncer stopped: {proc.stderr.read().decode() if proc.stderr else ''}"
                )
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
