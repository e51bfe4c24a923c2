"""The `workbook` command: parses arguments and calls the engine; errors become one Dutch line."""

from __future__ import annotations

import functools
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from workbook.errors import WorkbookError
from workbook.runtime.serve import CULL_MINUTES


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a WorkbookError into one readable line on stderr and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WorkbookError as exc:
            click.echo(f"Fout: {exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(help="Werkboek Welbevinden op School: controleren, bouwen en serveren.")
@click.version_option(package_name="welbevinden-werkboek", message="werkboek %(version)s")
def main() -> None:
    pass


@main.command(
    help="Controleer alle oefeningen, modules en notebooks; met CONFIG ook die configuratie "
    "(scholen, modules, traject)."
)
@click.argument("config", required=False, type=click.Path(dir_okay=False, path_type=Path))
@friendly
def check(config: Path | None) -> None:
    from workbook.config import load_config
    from workbook.content.checks import check_all

    problems = check_all()
    if config is not None:
        cfg = load_config(config)  # a ConfigError says what is wrong, in Dutch
        n = len(cfg.traject)
        meetings = f"{n} bijeenkomst" if n == 1 else f"{n} bijeenkomsten"
        click.echo(
            f"Configuratie in orde: {cfg.name}" + (f", traject met {meetings}." if n else ".")
        )
    for p in problems:
        click.echo(f"- {p}", err=True)
    if problems:
        click.echo(f"{len(problems)} probleem/problemen gevonden.", err=True)
        sys.exit(1)
    click.echo("Alles in orde: alle oefeningen, modules en notebooks kloppen.")


@main.command(help="Bouw het werkboek van een scholengroep met papermill.")
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map waarin het gebouwde werkboek komt.",
)
@click.option("--stil", is_flag=True, help="Geen voortgangsbalk tonen.")
@friendly
def build(config: Path, out_dir: Path, stil: bool) -> None:
    from workbook.runtime.build import build_workbook

    pages = build_workbook(config, out_dir, progress=not stil)
    click.echo(f"Klaar: {len(pages)} pagina's gebouwd in {out_dir}.")


def _serve(
    build_dir: Path,
    port: int,
    preheat: int,
    cull: int,
    session: str | None,
    room: int,
    hall: bool = False,
    address: str | None = None,
) -> None:
    from workbook.config import load_config
    from workbook.runtime.network import LOOPBACK, NO_NETWORK, join_urls, listen_address
    from workbook.runtime.serve import CONFIG_NAME, landing_url, start_voila

    if room < 1:
        raise WorkbookError(f"--deelnemers is {room}. Kies 1 of meer deelnemers voor de sessie.")
    ip = listen_address(hall, address)
    config = load_config(build_dir / CONFIG_NAME) if (build_dir / CONFIG_NAME).is_file() else None
    proc = start_voila(
        build_dir,
        port,
        ip=ip,
        preheat=preheat,
        cull_minutes=cull,
        session=(session, room) if session else None,
    )
    name = config.name if config else "de scholengroep"
    here = landing_url(port, LOOPBACK if ip in (LOOPBACK, "0.0.0.0") else ip)
    click.echo(f"Het werkboek van {name} staat klaar. Open in je browser: {here}")
    if ip != LOOPBACK:
        urls = join_urls(ip, port)
        for url in urls:
            click.echo(f"Deelnemers gaan naar {url}")
        if not urls:
            click.echo(NO_NETWORK)
    if session:
        click.echo(
            f"Voor de sessie over '{session}' zet het werkboek {room} pagina's klaar. Dat duurt "
            f"ongeveer {room * 2} seconden. Start de sessie als dat klaar is."
        )
    # A service manager or `kill` stops with SIGTERM: stop Voila and its kernels then too, as on
    # Ctrl+C, instead of leaving them running without the command that started them. Set before the
    # line that says how to stop, so that a stop right after it is handled too.
    signal.signal(signal.SIGTERM, _interrupt)
    click.echo("Stoppen: druk op Ctrl+C.")
    try:
        proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            # Voila stops every kernel first: with a room of forty that takes longer than 10 s, and
            # giving up then left Voila running on its own, refilling its pools.
            proc.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        click.echo("Het werkboek is gestopt.")


STOP_SECONDS = 120  # how long Voila may take to stop its kernels after Ctrl+C


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


serve_options = [
    click.option(
        "--poort", "port", default=8866, show_default=True, help="Poort om op te serveren."
    ),
    click.option(
        "--voorverwarmen",
        "preheat",
        default=1,
        show_default=True,
        help="Aantal kernels per pagina dat alvast klaarstaat (0 = uit).",
    ),
    click.option(
        "--opruimen-na",
        "cull",
        default=CULL_MINUTES,
        show_default=True,
        help="Minuten zonder open pagina waarna een kernel wordt gestopt (de antwoorden zijn bewaard).",
    ),
    click.option(
        "--zaal",
        "hall",
        is_flag=True,
        help="Luister op de netwerken van deze computer, zodat deelnemers met hun eigen apparaat meedoen.",
    ),
    click.option(
        "--adres",
        "address",
        default=None,
        metavar="IP",
        help="Luister alleen op dit adres van deze computer (standaard 127.0.0.1).",
    ),
    click.option(
        "--sessie",
        "session",
        default=None,
        metavar="MODULE",
        help="Module van een live sessie: zet voor elke deelnemer een pagina klaar.",
    ),
    click.option(
        "--deelnemers",
        "room",
        default=30,
        show_default=True,
        help="Aantal deelnemers van de sessie (met --sessie).",
    ),
]


def with_serve_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(serve_options):
        func = option(func)
    return func


@main.command(help="Serveer een gebouwd werkboek met Voila.")
@click.argument("build_dir", type=click.Path(file_okay=False, path_type=Path))
@with_serve_options
@friendly
def serve(
    build_dir: Path,
    port: int,
    preheat: int,
    cull: int,
    hall: bool,
    address: str | None,
    session: str | None,
    room: int,
) -> None:
    _serve(build_dir, port, preheat, cull, session, room, hall, address)


@main.command(help="Bouw en serveer in één keer (standaard met SQLite in een datamap).")
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map voor het gebouwde werkboek (standaard: build/<id>).",
)
@with_serve_options
@friendly
def start(
    config: Path,
    out_dir: Path | None,
    port: int,
    preheat: int,
    cull: int,
    hall: bool,
    address: str | None,
    session: str | None,
    room: int,
) -> None:
    from workbook.config import load_config
    from workbook.runtime.build import build_workbook

    cfg = load_config(config)
    out_dir = out_dir or Path("build") / cfg.slug
    build_workbook(config, out_dir)
    _serve(out_dir, port, preheat, cull, session, room, hall, address)


def _stop_as_on_ctrl_c(*_: object) -> None:
    raise KeyboardInterrupt


@main.command(help="Open JupyterLab: zelfstudie, of met CONFIG de pagina's van een scholengroep.")
@click.argument("config", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--poort", "port", default=8888, show_default=True, help="Poort waarop JupyterLab luistert."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map voor het gebouwde werkboek, met CONFIG (standaard: build/<id>).",
)
@click.option(
    "--schrijven",
    "author",
    is_flag=True,
    help="Open de oefeningen en notebooks zelf, om een module te schrijven en te bekijken.",
)
@friendly
def lab(config: Path | None, port: int, out_dir: Path | None, author: bool) -> None:
    from workbook.runtime.lab import author_site, config_site, self_study_site, start_lab

    if author and config is not None:
        raise WorkbookError("Kies CONFIG of --schrijven, niet allebei.")
    if author:
        site = author_site()
    elif config is not None:
        site = config_site(config, out_dir)
    else:
        site = self_study_site()
    running = start_lab(site, port)
    import signal

    # Stopped by its service manager or `kill` (SIGTERM): stop JupyterLab too, not leave it running.
    signal.signal(signal.SIGTERM, _stop_as_on_ctrl_c)
    click.echo(f"JupyterLab staat klaar op {running.url}")
    click.echo(f"Je werkt in {site.root} (werkboek van {site.name}).")
    click.echo("Stoppen: druk op Ctrl+C.")
    try:
        running.proc.wait()
    except KeyboardInterrupt:
        running.proc.terminate()
        running.proc.wait(timeout=20)
        click.echo("JupyterLab is gestopt.")


@main.group(help="Sociogram van een klas: analyseren en omzetten.")
def sociogram() -> None:
    pass


@sociogram.command("analyse", help="Analyseer nominaties (CSV: from,to,question).")
@click.argument("nominations", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--roster",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Leerlingenlijst (CSV: id,label,present).",
)
@click.option(
    "--questions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Vragen (CSV: id,text,valence); standaard de zes vaste vragen.",
)
@click.option("--json", "as_json", is_flag=True, help="Geef de analyse als JSON.")
@friendly
def sociogram_analyse(
    nominations: Path, roster: Path | None, questions: Path | None, as_json: bool
) -> None:
    from workbook.sociogram.text import run_analyse

    click.echo(
        run_analyse(nominations, roster, questions, as_json, warn=lambda m: click.echo(m, err=True))
    )


@sociogram.command("knecht", help="Zet de Knecht-klas (klas12b-net-W.dat) om naar CSV-bestanden.")
@click.argument("source", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de CSV-bestanden.",
)
@friendly
def sociogram_knecht(source: Path, out_dir: Path) -> None:
    from workbook.sociogram.io import convert_knecht

    written = convert_knecht(source, out_dir)
    click.echo(f"Klaar: {len(written)} bestanden geschreven in {out_dir}.")


@main.group(help="De ondersteuningspiramide van een school bekijken.")
def piramide() -> None:
    pass


@piramide.command("analyse", help="Analyseer een ingevulde piramide (YAML of JSON).")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Druk de analyse af als JSON.")
@friendly
def piramide_analyse(file: Path, as_json: bool) -> None:
    import json

    from workbook.pyramid import analyse_pyramid, describe_analysis, load_pyramid

    analysis = analyse_pyramid(load_pyramid(file))
    if as_json:
        click.echo(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(describe_analysis(analysis))


@main.group(help="De database van een scholengroep beheren.")
def db() -> None:
    pass


@db.command(
    "upgrade",
    help="Zet de database klaar of werk hem bij naar het nieuwste schema. Doe dit als eigenaar "
    "van de database, vóór de hub of de servers starten.",
)
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--opslag",
    "store_url",
    help="Een andere opslag-URL voor deze stap, zoals die van de eigenaar (standaard: 'opslag').",
)
@click.option(
    "--rol",
    "kernel_role",
    help="De PostgreSQL-rol van de kernels: die mag daarna lezen en schrijven, geen tabellen maken.",
)
@friendly
def db_upgrade(config: Path, store_url: str | None, kernel_role: str | None) -> None:
    from workbook.config import load_config
    from workbook.store.upgrade import upgrade_database

    cfg = load_config(config)
    click.echo(upgrade_database(store_url or cfg.store_url, kernel_role))


def _store_for(config: Path) -> tuple[Any, Any]:
    from workbook.config import load_config
    from workbook.store import open_store

    cfg = load_config(config)
    return cfg, open_store(cfg.store_url)


@main.command(help="Verwijder een deelnemer en al zijn of haar antwoorden (na bevestiging).")
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("code")
@click.option("--ja", is_flag=True, help="Niet om bevestiging vragen.")
@friendly
def forget(config: Path, code: str, ja: bool) -> None:
    cfg, store = _store_for(config)
    person = store.get_participant(cfg.slug, code)
    if person is None:
        raise WorkbookError(f"Deelnemer '{code}' bestaat niet in {cfg.name}. Controleer de code.")
    question = (
        f"Alles van {person.name} ({person.code}) verwijderen? Dit kan niet ongedaan worden "
        "gemaakt. Typ j voor ja of n voor nee"
    )
    if not ja and click.prompt(question, default="n").strip().lower() not in (
        "j",
        "ja",
        "y",
        "yes",
    ):
        click.echo("Niets verwijderd.")
        sys.exit(1)
    removed = store.delete_participant(cfg.slug, person.code)
    click.echo(f"Verwijderd: {person.name} ({person.code}) en {removed} antwoorden.")


@main.command(
    help="Exporteer de resultaten naar Excel (.xlsx) of CSV (.csv), standaard zonder namen."
)
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Bestand om te maken: eindigt op .xlsx of .csv.",
)
@click.option(
    "--met-namen",
    "with_names",
    is_flag=True,
    help="Zet de namen van deelnemers erin (standaard: Deelnemer 1, 2, ...).",
)
@friendly
def export(config: Path, out_file: Path, with_names: bool) -> None:
    from workbook.output.export import csv_companions, export_results

    cfg, store = _store_for(config)
    path = export_results(store, cfg, out_file, with_names=with_names)
    click.echo(
        f"Geëxporteerd naar {path}" + (" (met namen)." if with_names else " (zonder namen).")
    )
    if path.suffix.lower() == ".csv":
        progress_file, plan_file = csv_companions(path)
        click.echo(f"De voortgang staat in {progress_file}, het plan van aanpak in {plan_file}.")


@main.command(
    help="Maak 'Mijn werkboek' (HTML en pdf) van één deelnemer, of met --school het plan van een school."
)
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("code", required=False)
@click.option(
    "--school",
    "school",
    metavar="NAAM",
    help="Maak het plan van deze school: het oordeel over de piramide en alle actiepunten "
    "die deelnemers markeerden met 'Voor onze school'.",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map waarin het rapport komt.",
)
@friendly
def rapport(config: Path, code: str | None, school: str | None, out_dir: Path) -> None:
    if (code is None) == (school is None):
        raise WorkbookError(
            "Geef de code van één deelnemer (workbook rapport CONFIG CODE --out MAP) of een school "
            "(workbook rapport CONFIG --school NAAM --out MAP), niet allebei."
        )
    cfg, store = _store_for(config)
    if school is not None:
        from workbook.output.schoolplan import write_school_plan

        html_path, pdf_path = write_school_plan(store, cfg, school, out_dir)
    else:
        from workbook.output.report import write_report

        html_path, pdf_path = write_report(store, cfg, str(code), out_dir)
    click.echo(f"Klaar: {html_path} en {pdf_path}.")


@main.command(
    help="Maak het draaiboek voor de trainer (HTML en pdf): per aangeboden module de blokken van "
    "de sessie, met tijd, werkvorm en oefening."
)
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map waarin het draaiboek komt.",
)
@friendly
def draaiboek(config: Path, out_dir: Path) -> None:
    from workbook.config import load_config
    from workbook.output.draaiboek import write_handout

    html_path, pdf_path = write_handout(load_config(config), out_dir)
    click.echo(f"Klaar: {html_path} en {pdf_path}.")


if __name__ == "__main__":
    main()
