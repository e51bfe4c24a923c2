"""Benchmark (not a test): de zaal. N participants play a session against `workbook serve --sessie`.

Builds a scholengroep (six schools, the session's module and a second one, SQLite) in a temp folder,
puts the bare one-button notebook beside it, and starts `workbook serve BUILD --sessie MODULE
--deelnemers N` as a trainer does (its culling settings, its pools). Once the pools are ready and the
machine is quiet, the room plays its session script: join on the overview; open the session's module;
answer its exercises at human pace; reload once; open a second module; close the tabs.

Most participants are lightweight: locust users that speak the Jupyter widget protocol over the kernel
websocket (benchmarks/room_light.py, benchmarks/widget_client.py), so that forty Chromiums do not eat
the two cores being measured. A few real Chromium participants play beside them on the real page
(benchmarks/room_browser.py), with the bare notebook opened in the same run for comparison.

It prints time to first widget (Chromium) beside the bare notebook, save latency (from sending an
answer to "Opgeslagen"), the server's CPU seconds (Voila and its kernels, also the ended ones), the
peak number of kernels and their summed RSS, the kernels left `--wacht` seconds after the last tab
closed, the bytes per participant and the room's airtime at 30 Mbit/s, and whether every answer
sent is in the store; then PASS or FAIL per goal.

    python benchmarks/room.py [--deelnemers 40] [--browsers 3] [--binnen 60] [--tempo 1] [--wacht 300]
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from workbook.config import load_config
from workbook.content.catalog import get_module
from workbook.runtime.build import build_workbook
from workbook.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from full_room import percentile  # noqa: E402
from page_start import BARE, MB, free_port, wait_until_quiet, write_bare_notebook  # noqa: E402

HERE = Path(__file__).parent
SCHOOLS = ["Zaal Havo", "Zaal Lyceum", "Zaal Vmbo", "Zaal Mavo", "Zaal Atheneum", "Zaal Praktijk"]
CONFIG = """naam = "Scholengroep De Zaal"
sector = "vo"
scholen = [{schools}]
trainersleutel = "zaal-sleutel-123456"
modules = ["{module}", "{second}"]
opslag = "sqlite:///{store}"
"""
AIR_BITS = 30e6  # a laptop hotspot: 30 Mbit/s


def kernels(root: psutil.Process) -> list[psutil.Process]:
    found = []
    for proc in root.children(recursive=True):
        try:
            if any("kernel-" in part and part.endswith(".json") for part in proc.cmdline()):
                found.append(proc)
        except psutil.Error:
            pass
    return found


def kernel_ids(root: psutil.Process) -> set[str]:
    """Ids of the running kernels (each kernel's connection file carries its id)."""
    ids = set()
    for proc in kernels(root):
        try:
            for part in proc.cmdline():
                if "kernel-" in part and part.endswith(".json"):
                    ids.add(part.rsplit("kernel-", 1)[1][: -len(".json")])
        except psutil.Error:
            pass
    return ids


def rss(procs: list[psutil.Process]) -> float:
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total / MB


def server_cpu(voila: psutil.Process) -> float:
    """CPU seconds of Voila, its running kernels and the kernels it has ended (and reaped)."""
    t = voila.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for proc in kernels(voila):
        try:
            k = proc.cpu_times()
            total += k.user + k.system
        except psutil.Error:
            pass
    return total


class Sampler(threading.Thread):
    """Counts the kernels and sums their RSS once a second; keeps the peak."""

    def __init__(self, voila: psutil.Process) -> None:
        super().__init__(daemon=True)
        self.voila = voila
        self.peak_count = 0
        self.peak_rss = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(1.0):
            procs = kernels(self.voila)
            self.peak_count = max(self.peak_count, len(procs))
            self.peak_rss = max(self.peak_rss, rss(procs))


def build(tmp: Path, module: str, second: str) -> tuple[Path, str, str]:
    """The scholengroep with the bare notebook beside it; returns (folder, store url, slug)."""
    store = tmp / "antwoorden.sqlite"
    config = tmp / "scholengroep.toml"
    schools = ", ".join(f'"{s}"' for s in SCHOOLS)
    config.write_text(
        CONFIG.format(schools=schools, module=module, second=second, store=store), encoding="utf-8"
    )
    out = tmp / "gebouwd"
    build_workbook(config, out, progress=False)
    write_bare_notebook(out / BARE)
    return out, f"sqlite:///{store}", load_config(config).slug


def serve(out: Path, port: int, module: str, n: int, log: Path) -> subprocess.Popen:
    """`workbook serve` as the trainer starts it; returns once it says it is ready."""
    workbook = Path(sys.executable).with_name("workbook")
    command = [str(workbook), "serve", str(out), "--poort", str(port), "--sessie", module]
    proc = subprocess.Popen(
        [*command, "--deelnemers", str(n)], stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 120
    while "Stoppen" not in log.read_text(encoding="utf-8", errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"workbook serve startte niet:\n{log.read_text(encoding='utf-8')}")
        time.sleep(0.5)
    return proc


def stop(proc: subprocess.Popen, voila: psutil.Process | None) -> None:
    """Stop `workbook serve` as a service manager does (SIGTERM: it stops Voila and its kernels, as on
    Ctrl+C; a SIGINT would be ignored when this script runs in the background); kill what is left."""
    left = [voila, *voila.children(recursive=True)] if voila and voila.is_running() else []
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=180)
    except subprocess.TimeoutExpired:
        proc.kill()
    _gone, alive = psutil.wait_procs(left, timeout=30)
    for started in alive:
        started.kill()


def stored_as_sent(kind: str, stored: Any, expected: Any) -> bool:
    """Whether the store holds what a lightweight participant sent (see room_light.steps_for)."""
    if stored is None:
        return False
    if kind == "open":
        return stored == expected
    if kind == "actiepunten":
        return bool(stored.get("items")) and stored["items"][0].get("text") == expected
    if kind == "checklist":
        return bool(stored.get("checked"))
    if kind == "schaal":
        return stored.get("scores") == expected
    if kind == "meerkeuze":
        return stored.get("chosen") == expected
    return True  # rangschikken: any saved order


def check_store(url: str, slug: str, light: list[dict], real: list[dict]) -> tuple[int, list[str]]:
    """(answers checked, what is missing or different) for every answer the room sent."""
    store = open_store(url)
    checked, wrong = 0, []
    try:
        for r in light:
            for exercise, what in r["sent"].items():
                checked += 1
                value = store.load_answer(slug, r["code"], exercise)
                if not stored_as_sent(what["kind"], value, what["expected"]):
                    wrong.append(f"{r['code']} {exercise}: {value!r}")
        for r in real:
            for exercise in r["sent"]:
                checked += 1
                if store.load_answer(slug, r["code"], exercise) is None:
                    wrong.append(f"{r['code']} {exercise}: ontbreekt")
    finally:
        store.close()
    return checked, wrong


def spread(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    if not values:
        return "geen metingen"
    return (
        f"p50 {statistics.median(values) * scale:7.3f} {unit}  p95 {percentile(values, 0.95) * scale:7.3f} "
        f"{unit}  max {max(values) * scale:7.3f} {unit}  (n={len(values)})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Meet een zaal: N deelnemers spelen een sessie.")
    parser.add_argument(
        "--deelnemers", type=int, default=40, help="aantal deelnemers (standaard: %(default)s)"
    )
    parser.add_argument(
        "--browsers", type=int, default=3, help="waarvan echte Chromiums (standaard: %(default)s)"
    )
    parser.add_argument(
        "--sessie", default="prestatiedruk", help="module van de sessie (standaard: %(default)s)"
    )
    parser.add_argument("--tweede", default="ouders", help="tweede module (standaard: %(default)s)")
    parser.add_argument(
        "--binnen",
        type=float,
        default=60.0,
        help="seconden waarin iedereen binnenkomt (standaard: %(default)s)",
    )
    parser.add_argument(
        "--tempo",
        type=float,
        default=1.0,
        help="factor op de denktijd tussen handelingen (standaard: %(default)s)",
    )
    parser.add_argument(
        "--wacht",
        type=float,
        default=300.0,
        help="seconden na het laatste gesloten tabblad tot de laatste meting (standaard: %(default)s)",
    )
    parser.add_argument(
        "--bewaar",
        type=Path,
        default=None,
        help="schrijf de ruwe metingen ook naar dit JSON-bestand",
    )
    parser.add_argument(
        "--schermen",
        type=Path,
        default=None,
        help="map voor een schermafdruk van elke Chromium-deelnemer die het niet haalde",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.browsers <= args.deelnemers or args.deelnemers < 1:
        parser.error("--deelnemers moet minstens 1 zijn, --browsers tussen 0 en --deelnemers.")
    n, k = args.deelnemers, args.browsers
    page, second_page = get_module(args.sessie).notebook, get_module(args.tweede).notebook
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="werkboek-zaalmeting-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"Bouwen: {args.sessie} en {args.tweede}, {len(SCHOOLS)} scholen ...", flush=True)
        out, store_url, slug = build(tmp, args.sessie, args.tweede)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve(out, port, args.sessie, n, tmp / "serve.log")
        voila = None
        try:
            voila = psutil.Process(proc.pid).children()[0]
            wait_until_quiet(voila, timeout=900)  # the trainer waits until the pages are ready
            pool_ids = kernel_ids(voila)
            pool = len(pool_ids)
            # one kernel: the largest idle preheated page (a module page; the bare one is smaller)
            one_kernel = max(rss([p]) for p in kernels(voila))
            print(
                f"Klaar: {pool} voorverwarmde kernels ({n} voor {page}, 1 per andere pagina), "
                f"een kernel {one_kernel:.0f} MB. {n} deelnemers ({k} Chromium) komen binnen in "
                f"{args.binnen:.0f} s ...",
                flush=True,
            )
            people = [
                {"name": f"Deelnemer {i + 1}", "school": SCHOOLS[i % len(SCHOOLS)]}
                for i in range(n)
            ]
            plan = {
                "page": page,
                "module": args.sessie,
                "second_page": second_page,
                "second_module": args.tweede,
                "within": args.binnen,
                "tempo": args.tempo,
                "screenshots": str(args.schermen) if args.schermen else "",
            }
            (tmp / "light.json").write_text(
                json.dumps({**plan, "participants": people[k:]}), encoding="utf-8"
            )
            (tmp / "real.json").write_text(
                json.dumps({**plan, "participants": people[:k]}), encoding="utf-8"
            )
            sampler = Sampler(voila)
            sampler.start()
            cpu_before, room_began = server_cpu(voila), time.monotonic()
            runs = []
            for script, plan_file, result in (
                ("room_light.py", "light.json", "light-out.json"),
                ("room_browser.py", "real.json", "real-out.json"),
            ):
                if script == "room_browser.py" and not k or script == "room_light.py" and n == k:
                    (tmp / result).write_text(
                        json.dumps(
                            []
                            if script == "room_light.py"
                            else {"participants": [], "bare": {"first_widget": [], "kernels": []}}
                        ),
                        encoding="utf-8",
                    )
                    continue
                runs.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            str(HERE / script),
                            base,
                            str(tmp / plan_file),
                            str(tmp / result),
                        ],
                        stdout=(tmp / f"{script}.log").open("wb"),
                        stderr=subprocess.STDOUT,
                    )
                )
            for run in runs:
                run.wait()
            room_seconds = time.monotonic() - room_began
            light = json.loads((tmp / "light-out.json").read_text(encoding="utf-8"))
            browser = json.loads((tmp / "real-out.json").read_text(encoding="utf-8"))
            real, bare = browser["participants"], browser["bare"]
            last_closed = max(r["ended"] for r in [*light, *real])
            cpu_room = server_cpu(voila) - cpu_before
            sampler.stop.set()
            print(
                f"De zaal is weg na {room_seconds:.0f} s. Wachten: {args.wacht:.0f} s ...",
                flush=True,
            )
            time.sleep(max(0.0, last_closed + args.wacht - time.time()))
            left = kernels(voila)
            left_ids = kernel_ids(voila)
            left_rss = rss(left)
            checked, wrong = check_store(store_url, slug, light, real)
        finally:
            stop(proc, voila)
        for log in ("room_light.py.log", "room_browser.py.log"):
            text = (
                (tmp / log).read_text(encoding="utf-8", errors="replace")
                if (tmp / log).exists()
                else ""
            )
            if "Traceback" in text:
                print(f"--- {log} (einde) ---\n{text[-3000:]}")

    measured = Measured(
        light,
        real,
        bare,
        pool,
        one_kernel,
        sampler.peak_count,
        sampler.peak_rss,
        cpu_room,
        room_seconds,
        len(left),
        left_rss,
        left_ids,
        checked,
        wrong,
    )
    if args.bewaar:
        raw = {**measured.__dict__, "left_ids": sorted(left_ids)}
        args.bewaar.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    passed = report(args, measured)
    print(f"\nKlaar in {time.monotonic() - began:.0f} s.")
    if not passed:
        sys.exit(1)


@dataclass
class Measured:
    """What one run of the room measured."""

    light: list[dict]
    real: list[dict]
    bare: dict
    pool: int
    one_kernel: float
    peak_count: int
    peak_rss: float
    cpu: float
    seconds: float
    left: int
    left_rss: float
    left_ids: set[str]
    checked: int
    wrong: list[str]


def report(args: argparse.Namespace, m: Measured) -> bool:
    """Print the figures and PASS or FAIL per goal; True when every goal passes."""
    n, k = args.deelnemers, args.browsers
    everyone = [*m.light, *m.real]
    visited = {kid for r in everyone for kid in r["kernels"]} | set(m.bare.get("kernels", []))
    survivors = visited & m.left_ids
    interactive = sum(1 for r in everyone if r["interactive"] and not r["error"])
    saves = [s for r in m.light for _kind, s, *_at in r["saves"]]
    by_kind: dict[str, list[float]] = {}
    for r in m.light:
        for kind, s, *_at in r["saves"]:
            by_kind.setdefault(kind, []).append(s)
    first, first_bare = (
        [s for r in m.real for s in r["first_widget"]],
        m.bare.get("first_widget", []),
    )
    bytes_real = [r["bytes"] for r in m.real]
    per_device = statistics.median(bytes_real) if bytes_real else 0.0
    not_restored = [f"{r['code']}: {x}" for r in m.light for x in (r["restored"] or [])]
    not_restored += [f"{r['code']}: {x}" for r in m.real for x in r["not_restored"]]
    limit = (n + m.pool) * m.one_kernel
    cores = psutil.cpu_count() or 1
    lines = [
        f"\n== De zaal: {n} deelnemers ({k} Chromium, {n - k} licht), {time.strftime('%Y-%m-%d')} ==",
        f"Machine: {cores} cores, server en deelnemers samen; belasting (1 min) {psutil.getloadavg()[0]:.1f}",
        f"workbook serve --sessie {args.sessie} --deelnemers {n}: {m.pool} voorverwarmde kernels, "
        f"een kernel {m.one_kernel:.0f} MB",
        f"Interactieve pagina: {interactive} van {n} deelnemers",
        f"Eerste widget, Chromium, alle bezoeken: {spread(first)}",
        f"Eerste widget, kale knop, zelfde run:   {spread(first_bare)}",
    ]
    if first and first_bare:
        ratio = statistics.median(first) / statistics.median(first_bare)
        lines.append(f"  verhouding p50 werkboek / kale knop: {ratio:.2f}x")
    lines += [
        f"Opslaan tot 'Opgeslagen' (licht): {spread(saves, 'ms', 1000)}",
        *(f"  {kind:13} {spread(values, 'ms', 1000)}" for kind, values in sorted(by_kind.items())),
        f"Processortijd server (Voila en kernels): {m.cpu:.0f} s in {m.seconds:.0f} s "
        f"(van {m.seconds * cores:.0f} s op alle cores)",
        f"Piek: {m.peak_count} kernels, samen {m.peak_rss:.0f} MB RSS "
        f"(grens (N + pool) x een kernel = {limit:.0f} MB)",
        f"{args.wacht:.0f} s na het laatste gesloten tabblad: {m.left} kernels, {m.left_rss:.0f} MB RSS; "
        f"nog levend van de bezochte: {len(survivors)}",
        f"Bytes per deelnemer (Chromium, nieuw apparaat, hele sessie): {spread(bytes_real, 'MB', 1 / MB)}",
        "Bytes per lichte deelnemer (HTML gzip, websocket ongecomprimeerd): "
        + spread([r["bytes"] for r in m.light], "MB", 1 / MB),
        f"Zaal: {n} x {per_device / MB:.2f} MB = {per_device * n / MB:.0f} MB, "
        f"{per_device * n * 8 / AIR_BITS:.0f} s zendtijd bij 30 Mbit/s",
        f"Opslag: {m.checked - len(m.wrong)} van {m.checked} verstuurde antwoorden staan in de database; "
        f"na herladen niet terug: {len(not_restored)}",
    ]
    lines += [f"  {line}" for line in m.wrong[:10] + not_restored[:10]]
    lines += [f"  {r['name']} ({r['code']}): {r['error']}" for r in everyone if r["error"]]
    for r in everyone:
        if r.get("log"):
            lines += [f"  --- {r['name']}, wat de pagina meldde:", *(f"    {x}" for x in r["log"])]
            lines += [
                f"  --- {r['name']}, wat de pagina toonde:",
                *(f"    {x}" for x in r.get("shown", [])),
            ]
    print("\n".join(lines))
    goals = [
        ("iedere deelnemer krijgt een interactieve pagina", interactive == n and not m.wrong),
        ("opslaan p95 < 250 ms", bool(saves) and percentile(saves, 0.95) < 0.250),
        ("piekgeheugen kernels <= (N + pool) x een kernel", m.peak_rss <= limit),
        (
            f"{args.wacht:.0f} s na de zaal alleen de voorverwarmde pool",
            not survivors and m.left <= m.pool,
        ),
    ]
    print()
    for goal, ok in goals:
        print(f"{'PASS' if ok else 'FAIL'}  {goal}")
    return all(ok for _goal, ok in goals)


if __name__ == "__main__":
    main()
