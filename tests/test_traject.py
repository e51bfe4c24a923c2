"""The trajectory of a scholengroep: meetings in the config, checked with Dutch messages, and on the
overview today's meeting first, then what comes next, then what was done earlier."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbook.cli import main
from workbook.config import load_config
from workbook.errors import ConfigError
from workbook.store import AnswerStore, ParticipantAnswers

BASE = 'naam = "Groep Traject"\nsector = "vo"\nscholen = ["Lyceum A"]\n'
TRAJECT = """
[[traject]]
datum = 2026-09-15
titel = "Inspiratiesessie"
modules = ["ondersteuningspiramide"]
stap = "kernteam"

[[traject]]
datum = 2026-12-02
titel = "Prestatiedruk"
modules = ["prestatiedruk", "sel"]
stap = "huidige-situatie"

[[traject]]
datum = 2027-02-10
titel = "Terugblik en nieuwe meting"
modules = ["ondersteuningspiramide"]
stap = "evalueren-en-borgen"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "groep.toml"
    path.write_text(BASE + f'opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n' + text, "utf-8")
    return path


def test_a_traject_is_read_in_order_of_date(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, TRAJECT))
    assert [m.title for m in cfg.traject] == [
        "Inspiratiesessie",
        "Prestatiedruk",
        "Terugblik en nieuwe meting",
    ]
    assert cfg.traject[1].modules == ("prestatiedruk", "sel")
    assert cfg.traject[0].step_name == "Een kernteam vormen"
    assert load_config(write(tmp_path, "")).traject == ()


@pytest.mark.parametrize(
    ("meeting", "message"),
    [
        ('datum = "15-09-2026"\ntitel = "A"', "datum = 2026-09-15 (jaar-maand-dag"),
        ("datum = 2026-09-15", "veld 'titel' ontbreekt"),
        ('datum = 2026-09-15\ntitel = "A"\nstap = "feest"', "Kies een stap van het stappenplan"),
        ('datum = 2026-09-15\ntitel = "A"\nmodules = ["stage"]', "'stage' zit niet in het aanbod"),
        ('datum = 2026-09-15\ntitel = "A"\nzaal = "Aula"', "onbekend veld 'zaal'"),
    ],
)
def test_a_wrong_meeting_gets_a_dutch_message_that_names_it(tmp_path, meeting, message) -> None:
    with pytest.raises(ConfigError, match="bijeenkomst 1 van 'traject'") as err:
        load_config(write(tmp_path, f"[[traject]]\n{meeting}\n"))
    assert message in str(err.value)


def test_a_config_field_written_below_the_traject_says_where_it_belongs(tmp_path: Path) -> None:
    path = tmp_path / "groep.toml"
    path.write_text(BASE + TRAJECT + 'trainersleutel = "een-lange-sleutel"\n', "utf-8")
    with pytest.raises(ConfigError, match="hoort bovenaan het bestand, boven de eerste"):
        load_config(path)


def test_meetings_out_of_order_are_refused(tmp_path: Path) -> None:
    text = '[[traject]]\ndatum = 2026-10-01\ntitel = "B"\n[[traject]]\ndatum = 2026-09-01\ntitel = "A"\n'
    with pytest.raises(ConfigError, match="Zet de bijeenkomsten op volgorde van datum"):
        load_config(write(tmp_path, text))


def test_workbook_check_checks_a_config_too(tmp_path: Path) -> None:
    ok = CliRunner().invoke(main, ["check", str(write(tmp_path, TRAJECT))])
    assert ok.exit_code == 0, ok.output
    assert "Configuratie in orde: Groep Traject, traject met 3 bijeenkomsten." in ok.output
    bad = CliRunner().invoke(main, ["check", str(write(tmp_path, '[[traject]]\ntitel = "A"\n'))])
    assert bad.exit_code == 1 and "Fout:" in bad.output and "veld 'datum'" in bad.output
    assert "Traceback" not in bad.output


def test_the_overview_shows_today_first_then_next_then_earlier(tmp_path: Path) -> None:
    from widgets.page.page import traject_html

    cfg = load_config(write(tmp_path, TRAJECT))
    store = AnswerStore(cfg.store_url)
    me = store.create_participant(cfg.slug, "Sanne", "Lyceum A")
    ParticipantAnswers(store, cfg.slug, me).save(
        "ondersteuningspiramide/bespreek-tijd",
        {"version": 1, "group": "tafel:1", "text": "Veel tijd in de top"},
    )
    saved = ParticipantAnswers(store, cfg.slug, me).all()
    page = traject_html(cfg, saved, me.code, date(2026, 12, 2))
    today = page.index("Vandaag: Prestatiedruk")
    later = page.index("Hierna: Terugblik en nieuwe meting")
    earlier = page.index("Eerder: Inspiratiesessie")
    assert today < later < earlier
    assert "(2 december 2026)" in page and "Stap van het stappenplan: Evalueren en borgen" in page
    assert f"10-prestatiedruk.ipynb?deelnemer={me.code}" in page  # today's modules, linked
    assert "1 van " in page[earlier:]  # what was done at the earlier meeting
    # Without a traject the overview stays as it was.
    assert traject_html(load_config(write(tmp_path, "")), saved, me.code, date(2026, 12, 2)) == ""
    store.close()


def test_the_built_config_keeps_the_traject(tmp_path: Path) -> None:
    from workbook.runtime.build import write_built_config

    cfg = load_config(write(tmp_path, TRAJECT))
    built = tmp_path / "gebouwd.toml"
    write_built_config(cfg, built)
    assert load_config(built).traject == cfg.traject
