"""A measurement of the JupyterHub deployment (not a test): many users, each with their own server.

    python benchmarks/hub.py [--gebruikers 20] [--tegelijk 20] [--pool 5]

It starts PostgreSQL, PgBouncer (transaction mode, `--pool` server connections) and the hub of
deploy/jupyterhub on loopback ports, builds one scholengroep (module prestatiedruk), and sets up the
store with `workbook db upgrade` as its owner; the kernels use a role without the CREATE right. With
the admin token it then creates the users, and per user (`--tegelijk` at a time): starts their
server, opens the module over the kernel websocket with a lightweight client (no Chromium), joins,
and saves an answer to every open question. It prints spawn and page p50/p95, memory per user (the
server and its kernels), PostgreSQL connections against PgBouncer clients, refused spawns, and
whether every answer is in the store.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil
import psycopg
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from full_room import percentile  # noqa: E402
from widget_client import WidgetTab  # noqa: E402

from tests.hub import Hub, running_hub  # noqa: E402
from tests.pgbouncer import running_pgbouncer  # noqa: E402
from tests.postgres import postgres_bin, running_postgres  # noqa: E402
from widgets import labels  # noqa: E402
from workbook.runtime.build import build_workbook  # noqa: E402
from workbook.store import AnswerStore, libpq_url  # noqa: E402
from workbook.store.upgrade import upgrade_database  # noqa: E402

GROUP = "hubmeting"
SCHOOL = "Meet College"
MODULE_PAGE = "10-prestatiedruk.ipynb"
SAVED_MARK = labels.SAVED.split("{")[0]  # "✓ Opgeslagen om "
WAIT = 300.0


def config_text(store_url: str) -> str:
    return (
        f'naam = "Scholengroep Hubmeting"\nid = "{GROUP}"\nsector = "vo"\nscholen = ["{SCHOOL}"]\n'
        f'modules = ["prestatiedruk"]\ntrainersleutel = "hubmeting-sleutel"\nopslag = "{store_url}"\n'
    )


def make_roles(server: str) -> tuple[str, str]:
    """The store's owner and the kernels' role (no CREATE right), search_path set on the roles."""
    tag = uuid.uuid4().hex[:8]
    owner, kernels = f"eigenaar_{tag}", f"kernels_{tag}"
    with psycopg.connect(libpq_url(server), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN")
        conn.execute(f"CREATE ROLE {kernels} LOGIN")
        conn.execute(f"CREATE SCHEMA meting_{tag} AUTHORIZATION {owner}")
        for role in (owner, kernels):
            conn.execute(f"ALTER ROLE {role} SET search_path = meting_{tag}")
    return owner, kernels


def server_memory(hub_pid: int) -> dict[str, float]:
    """MB of resident memory per user: their server process and its kernels."""
    per_user: dict[str, float] = {}
    for proc in psutil.Process(hub_pid).children(recursive=True):
        try:
            if "jupyterhub.singleuser" not in " ".join(proc.cmdline()):
                continue
            user = proc.environ().get("JUPYTERHUB_USER", "?")
            tree = [proc, *proc.children(recursive=True)]
            per_user[user] = sum(p.memory_info().rss for p in tree) / 2**20
        except psutil.Error:
            continue
    return per_user


def pg_connections(server: str, role: str) -> int:
    with psycopg.connect(libpq_url(server), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (role,)
        ).fetchone()
    return int(row[0]) if row else 0


def bouncer_clients(host: str, port: int, role: str) -> int:
    """Client connections of `role` at PgBouncer (its console speaks only the simple protocol)."""
    bindir = postgres_bin()
    psql = str(bindir / "psql") if bindir else "psql"
    out = subprocess.run(
        [
            psql,
            "-h",
            host,
            "-p",
            str(port),
            "-U",
            "werkboek",
            "-At",
            "-c",
            "SHOW POOLS",
            "pgbouncer",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # database|user|cl_active|cl_waiting|...
    return sum(
        int(f[2]) + int(f[3])
        for f in (line.split("|") for line in out.splitlines())
        if len(f) > 3 and f[1] == role
    )


def exercise_roots(tab: WidgetTab, kind: str) -> list[str]:
    return [
        r
        for r in tab.with_class(f"wb-kind-{kind}")
        if "wb-exercise" in tab.models[r]["_dom_classes"]
    ]


def status_of(tab: WidgetTab, root: str) -> str:
    return next(
        i
        for i in tab.descendants(root)
        if 'class="wb-status' in str(tab.models[i].get("value", ""))
    )


def play(hub: Hub, user: str, result: dict[str, Any]) -> None:
    """One user: their server, the module page, joining and saving every open question."""
    hub.create_user(user)
    hub.api("POST", f"/groups/{GROUP}/users", json={"users": [user]})
    started = time.monotonic()
    reply = hub.api("POST", f"/users/{user}/server")
    if reply.status_code not in (201, 202):
        result["refused"] = f"{reply.status_code} {reply.text[:120]}"
        return
    try:
        hub.start_server(user, timeout=WAIT)
    except AssertionError as exc:
        result["refused"] = str(exc)
        return
    result["spawn"] = time.monotonic() - started
    http = requests.Session()
    http.headers["Authorization"] = f"token {hub.user_token(user)}"
    started = time.monotonic()
    tab = WidgetTab(http, f"{hub.base}/user/{user}", f"/voila/render/{MODULE_PAGE}", timeout=WAIT)
    tab.load_states()
    result["page"] = time.monotonic() - started
    try:
        form = next(i for i, m in tab.models.items() if "fields" in m and "values" in m)
        values = {"name": f"Meetdeelnemer {user}", "school": SCHOOL}
        tab.update(form, values=values)
        tab.custom(form, {"type": "submit", "values": values})
        bar = lambda: any("wb-bar" in str(m.get("value", "")) for m in tab.models.values())  # noqa: E731
        tab.wait_for(bar, WAIT, f"aanmelden {user}")
        for root in exercise_roots(tab, "open"):
            field = tab.find("TextareaModel", root)[0]
            status = status_of(tab, root)
            text = f"Antwoord van {user} bij {root[:8]}"
            tab.update(field, value=text)
            if tab.heartbeat:  # leaving the field: nowmark.js sends 'flush' on focusout
                tab.custom(tab.heartbeat, {"type": "flush"})
            sent = time.monotonic()

            def saved(status: str = status) -> bool:
                return SAVED_MARK in str(tab.models[status].get("value", ""))

            tab.wait_for(saved, WAIT, f"opslaan {user}")
            result["saves"].append(time.monotonic() - sent)
            result["sent"].append(text)
    finally:
        result["tab"] = tab  # stays open until memory and connections are measured


def line(name: str, values: list[float], unit: str = "s") -> str:
    if not values:
        return f"{name:28} geen metingen"
    return (
        f"{name:28} p50 {statistics.median(values):7.2f} {unit}  "
        f"p95 {percentile(values, 0.95):7.2f} {unit}  (n = {len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Meet de JupyterHub-opstelling met veel gebruikers."
    )
    parser.add_argument("--gebruikers", type=int, default=20, help="aantal gebruikers (20)")
    parser.add_argument("--tegelijk", type=int, default=20, help="zoveel tegelijk starten (20)")
    parser.add_argument("--pool", type=int, default=5, help="PgBouncer default_pool_size (5)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="werkboek-hubmeting-") as tmp, running_postgres() as pg:
        work = Path(tmp)
        owner, kernels = make_roles(pg)
        with running_pgbouncer(
            pg, [owner, kernels], default_pool_size=args.pool, admin="werkboek"
        ) as (
            host,
            port,
        ):
            kernel_url = f"postgresql+psycopg://{kernels}@{host}:{port}/werkboek"
            owner_url = f"postgresql+psycopg://{owner}@{host}:{port}/werkboek"
            print(upgrade_database(owner_url, kernels))
            config = work / "scholengroep.toml"
            config.write_text(config_text(kernel_url), encoding="utf-8")
            build_workbook(config, work / "gebouwd" / GROUP, progress=False)
            env = {"WERKBOEK_SERVER_INACTIEF": "3600", "WERKBOEK_KERNEL_INACTIEF": "900"}
            with running_hub(work / "gebouwd", work, env) as hub:
                hub.api("POST", f"/groups/{GROUP}")
                users = [f"meter{n:03d}" for n in range(args.gebruikers)]
                results: dict[str, dict[str, Any]] = {
                    u: {"saves": [], "sent": [], "refused": "", "error": ""} for u in users
                }
                began = time.monotonic()

                def run(user: str) -> None:
                    try:
                        play(hub, user, results[user])
                    except Exception as exc:  # noqa: BLE001 - a measurement reports every user
                        results[user]["error"] = f"{type(exc).__name__}: {exc}"

                with ThreadPoolExecutor(max_workers=args.tegelijk) as pool:
                    list(pool.map(run, users))
                took = time.monotonic() - began
                memory = server_memory(hub.pid)
                pg_conns, clients = (
                    pg_connections(pg, kernels),
                    bouncer_clients(host, port, kernels),
                )
                for r in results.values():
                    if "tab" in r:
                        r["tab"].ws.close()
            with AnswerStore(owner_url) as store:
                stored = " ".join(
                    json.dumps(v, ensure_ascii=False) for _p, _e, v, _t in store.all_answers(GROUP)
                )

    sent = [t for r in results.values() for t in r["sent"]]
    spawns = [r["spawn"] for r in results.values() if "spawn" in r]
    pages = [r["page"] for r in results.values() if "page" in r]
    saves = [s for r in results.values() for s in r["saves"]]
    refused = [f"{u}: {r['refused']}" for u, r in results.items() if r["refused"]]
    errors = [f"{u}: {r['error']}" for u, r in results.items() if r["error"]]
    print(f"\n{args.gebruikers} gebruikers, {args.tegelijk} tegelijk, in {took:.0f} s")
    print(line("server starten (spawn)", spawns))
    print(line("module tot widgets", pages))
    print(line("versturen tot 'Opgeslagen'", saves))
    if memory:
        per = list(memory.values())
        print(
            f"{'geheugen per gebruiker':28} gemiddeld {statistics.mean(per):6.0f} MB, "
            f"hoogstens {max(per):6.0f} MB (server + 1 kernel), samen {sum(per) / 1024:.1f} GB"
        )
    print(f"{'PgBouncer-clients':28} {clients} (kernels met een open verbinding)")
    print(f"{'PostgreSQL-verbindingen':28} {pg_conns} (hoogstens --pool {args.pool})")
    print(f"{'geweigerde servers':28} {len(refused)}")
    for problem in refused + errors:
        print(f"  {problem}")
    missing = [t for t in sent if t not in stored]
    print(f"{'antwoorden in de database':28} {len(sent) - len(missing)} van {len(sent)}")
    ok = not refused and not errors and not missing and len(spawns) == args.gebruikers
    print("PASS" if ok else "FAIL")


if __name__ == "__main__":
    main()
