"""Scholengroep configs: the examples load, and every mistake gets a Dutch message with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.config import load_config, parse_config
from workbook.errors import ConfigError
from workbook.paths import examples_dir

GOOD = {"naam": "Stichting De Linde", "sector": "po", "scholen": ["OBS A", "CBS B"]}


@pytest.mark.parametrize(
    "name", ["po-kindwijs.toml", "vo-lindecollege.toml", "mbo-vakcollege.toml"]
)
def test_examples_load(name: str) -> None:
    cfg = load_config(examples_dir() / name)
    assert cfg.name and cfg.schools and cfg.trainer_key
    assert cfg.store_url.startswith("sqlite:////")  # made absolute next to the config
    assert "prestatiedruk" in cfg.offered_modules()


def test_sector_sets_the_words_for_pupils() -> None:
    assert parse_config({**GOOD, "sector": "mbo"}).pupils == "studenten"
    assert parse_config({**GOOD, "sector": "vo"}).pupil == "leerling"


def test_relative_store_is_resolved_next_to_the_config(tmp_path: Path) -> None:
    path = tmp_path / "groep.toml"
    path.write_text(
        'naam = "X"\nsector = "vo"\nopslag = "sqlite:///data/x.sqlite"\n', encoding="utf-8"
    )
    assert load_config(path).store_url == f"sqlite:///{tmp_path / 'data' / 'x.sqlite'}"


def test_default_slug_and_store() -> None:
    cfg = parse_config({"naam": "Stichting Één & Twee", "sector": "go"})
    assert cfg.slug == "stichting-een-twee"
    assert cfg.store_url.endswith("/data/stichting-een-twee.sqlite")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"naam": ""}, "veld 'naam' ontbreekt of is leeg"),
        ({"sector": "hbo"}, "Kies een van: po, vo, go, mbo"),
        ({"scholen": "OBS A"}, "veld 'scholen' moet een lijst"),
        ({"scholen": ["OBS A", "OBS A"]}, "noemt een school twee keer"),
        ({"modules": ["prestatiedruk", "sterrenkunde"]}, "onbekende module 'sterrenkunde'"),
        ({"opslag": "antwoorden.sqlite"}, "moet een database-URL zijn"),
        ({"trainersleutel": "kort"}, "minstens 8 tekens"),
        ({"id": "Met Spaties"}, "Gebruik kleine letters"),
        ({"kleur": "blauw"}, "onbekend veld 'kleur'"),
    ],
)
def test_bad_config_is_explained_in_dutch(change: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config({**GOOD, **change})


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="niet gevonden"):
        load_config(tmp_path / "bestaat-niet.toml")
    broken = tmp_path / "kapot.toml"
    broken.write_text('naam = "Vergeten aanhalingsteken\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="geen geldige TOML"):
        load_config(broken)
    latin = tmp_path / "latin.toml"
    latin.write_bytes('naam = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(latin)


def test_modules_listed_in_the_config_are_exactly_what_is_offered() -> None:
    asked = parse_config({**GOOD, "modules": ["prestatiedruk"]})
    assert asked.offered_modules() == ["prestatiedruk"]
