"""The ondersteuningspiramide: reading files, the analysis of its shape, the picture and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbook.cli import main
from workbook.errors import ImportDataError
from workbook.paths import examples_dir
from workbook.pyramid import (
    analyse_pyramid,
    load_pyramid,
    parse_pyramid,
    pyramid_svg,
    validate_pyramid,
)


def pyramid(**layers: list[tuple[str, float, float | None]]) -> dict:
    data = {
        layer: [
            {"name": n, "hours_per_week": h, **({"reach_pct": r} if r is not None else {})}
            for n, h, r in items
        ]
        for layer, items in layers.items()
    }
    return validate_pyramid({"school": "Testschool", "layers": data})


BALANCED = pyramid(
    foundation=[("Intervisie", 2, None)],
    base=[("Kanjertraining", 3, 100), ("Check-in", 2, 100)],
    extra=[("Faalangsttraining", 1, 10)],
    intensive=[("Schoolmaatschappelijk werk", 1, 2)],
)
INVERTED = pyramid(
    base=[("Mentorles", 1, 70)],
    extra=[("Huiswerkklas", 3, 25)],
    intensive=[("Traject", 6, 3)],
)


def test_balanced_pyramid_has_no_warnings_and_counts_per_layer() -> None:
    a = analyse_pyramid(BALANCED)
    assert not a.inverted and not a.top_heavy and not a.empty_foundation
    assert a.layers["base"].count == 2 and a.layers["base"].hours == 5
    assert a.layers["base"].hours_share == pytest.approx(5 / 9, abs=0.001)
    assert a.layers["base"].reach_pct == 100
    assert a.layers["extra"].compared == "binnen"
    assert a.verdict == "Stevige basis"
    assert len(a.signals) == 1 and "stevige basis" in a.signals[0]


def test_inverted_pyramid_is_flagged_with_reason_and_advice_to_zakken() -> None:
    a = analyse_pyramid(INVERTED)
    assert a.inverted and a.top_heavy
    assert a.verdict == "Omgekeerde piramide"
    text = " ".join(a.signals)
    assert "9 uur" in text and "1 uur" in text  # the reason, in hours
    assert "Zak in de piramide" in text
    assert "fundament is leeg" in text
    assert a.layers["base"].compared == "onder" and a.layers["extra"].compared == "boven"


def test_top_heavy_but_not_inverted() -> None:
    a = analyse_pyramid(
        pyramid(
            foundation=[("Intervisie", 1, None)],
            base=[("Basis", 4, 100)],
            intensive=[("Traject", 3, 2)],
        )
    )
    assert a.top_heavy and not a.inverted
    assert a.verdict == "Zware top"
    assert any("De top is zwaar" in s for s in a.signals)


def test_empty_pyramid_asks_to_start_with_what_the_team_does() -> None:
    a = analyse_pyramid(validate_pyramid({"school": "Leeg", "layers": {}}))
    assert a.empty and not a.inverted and a.empty_foundation
    assert a.verdict == "Nog leeg"
    assert a.signals and "nog leeg" in a.signals[0]
    assert all(s.count == 0 and s.hours_share == 0 for s in a.layers.values())


def test_single_layer_pyramids() -> None:
    only_top = analyse_pyramid(pyramid(intensive=[("Traject", 0, None)]))
    assert only_top.inverted  # no hours at all: the number of items decides
    assert any("sterke basis is leeg" in s for s in only_top.signals)
    only_base = analyse_pyramid(pyramid(base=[("Kanjertraining", 3, 100)]))
    assert not only_base.inverted and only_base.empty_foundation
    foundation = pyramid(foundation=[("Intervisie", 2, None)])
    team = analyse_pyramid(foundation, layers=["foundation"])
    assert team.verdict == "Fundament ingevuld" and not team.empty_foundation
    assert not any("basis" in s for s in team.signals)


def test_sector_word_is_used_in_signals() -> None:
    a = analyse_pyramid(INVERTED, pupils="studenten")
    assert "studenten" in " ".join(a.signals) and "leerlingen" not in " ".join(a.signals)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("", "is leeg"),
        ("- een lijst", "geen lijst met velden"),
        ("layers: {top: []}", "de laag 'top' bestaat niet"),
        ("layers: {base: [{name: X, hours_per_week: -1}]}", "Gebruik een getal van 0 of meer"),
        ("layers: {base: [{name: X, reach_pct: 120}]}", "van 0 tot en met 100"),
        ("layers: {base: [{name: X, hours_per_week: veel}]}", "Schrijf een getal"),
        ("layers: {base: [{hours_per_week: 2}]}", "name ontbreekt"),
        ("layers: {base: [{name: X, uren: 2}]}", "veld 'uren' is onbekend"),
        ("layers: [base, extra]", "layers moet een lijst met lagen zijn"),
        ("layers: {base: [name: X\n", "de YAML klopt niet"),
        ('{"layers": {"base": [}', "de JSON klopt niet"),
    ],
)
def test_malformed_pyramids_get_a_dutch_message(text: str, phrase: str) -> None:
    with pytest.raises(ImportDataError, match=phrase):
        parse_pyramid(text, "piramide.yaml")


def test_dutch_decimal_comma_and_short_items_are_accepted() -> None:
    data = parse_pyramid('layers: {base: ["Kring", {name: Spel, hours_per_week: "1,5"}]}')
    assert data["layers"]["base"] == [
        {"name": "Kring", "hours_per_week": 0},
        {"name": "Spel", "hours_per_week": 1.5},
    ]


def test_svg_draws_every_layer_escapes_names_and_is_accessible() -> None:
    data = pyramid(base=[("<script>alert(1)</script> & co", 2, 100)])
    svg = pyramid_svg(data, analyse_pyramid(data))
    assert (
        svg.startswith("<svg") and 'role="img"' in svg and "<title>" in svg and "aria-label=" in svg
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    for name in ("Fundament", "Sterke basis", "Extra ondersteuning", "Intensieve ondersteuning"):
        assert name in svg
    assert "Oordeel:" in svg


def test_example_files_load(tmp_path: Path) -> None:
    files = sorted(examples_dir().glob("piramide-*"))
    assert len(files) >= 2
    for f in files:
        assert load_pyramid(f)["layers"]


def test_cli_prints_readable_summary_of_the_examples() -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["piramide", "analyse", str(examples_dir() / "piramide-regenboog.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert "OBS De Regenboog" in result.output and "Sterke basis: 3 onderdelen" in result.output
    assert "Omgekeerde piramide: nee" in result.output


def test_cli_json_on_the_inverted_example() -> None:
    result = CliRunner().invoke(
        main, ["piramide", "analyse", str(examples_dir() / "piramide-omgekeerd.json"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["inverted"] is True
    assert set(data["layers"]) == {"foundation", "base", "extra", "intensive"}
    for layer in data["layers"].values():
        assert {"count", "hours", "hours_share", "reach_pct"} <= set(layer)
    assert data["signals"] and all(isinstance(s, str) for s in data["signals"])


def test_cli_on_a_malformed_file_gives_one_dutch_line(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("layers:\n  base:\n    - {name: Kring, reach_pct: 150}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["piramide", "analyse", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "reach_pct is 150" in result.output and "0 tot en met 100" in result.output
    missing = CliRunner().invoke(main, ["piramide", "analyse", str(tmp_path / "weg.yaml")])
    assert missing.exit_code == 1 and "bestaat niet" in missing.output
