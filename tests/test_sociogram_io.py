"""Importing nominations, roster and questions from CSV: Dutch problems with line numbers, valid rows kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbook.cli import main
from workbook.errors import ImportDataError
from workbook.sociogram.io import (
    class_from_dict,
    class_to_dict,
    nominations_csv,
    parse_nominations,
    parse_roster,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociogram"
ROSTER = "id,label,present\nA,,1\nB,,1\nC,,0\n"


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_kept() -> None:
    roster, problems = parse_roster(ROSTER)
    text = (
        "from,to,question\nA,B,zit_graag\nA,X,zit_graag\nA,A,zit_graag\nA,B,zit_graag\n"
        "A,B,vliegen\nC,A,zit_graag\nB,A,werk_niet\n"
    )
    data, problems = parse_nominations(text, roster)
    assert [(n.source, n.target, n.question) for n in data.nominations] == [
        ("A", "B", "zit_graag"),
        ("B", "A", "werk_niet"),
    ]
    joined = "\n".join(problems)
    assert "regel 3: 'X' staat niet op de leerlingenlijst" in joined
    assert "regel 4: 'A' kiest zichzelf" in joined
    assert "regel 5: deze keuze staat ook al op regel 2" in joined
    assert "regel 6: de vraag 'vliegen' is onbekend" in joined
    assert "regel 7: 'C' staat als afwezig" in joined
    assert len(problems) == 5


def test_empty_file_and_missing_header_give_dutch_errors() -> None:
    with pytest.raises(ImportDataError, match="leeg"):
        parse_nominations(b"")
    with pytest.raises(ImportDataError, match="ontbreken in de kopregel"):
        parse_nominations("van;naar\nA;B\n")


def test_semicolons_and_windows_encoding_are_read_with_a_note() -> None:
    raw = "from;to;question\nZoë;Daan;speel_graag\n".encode("cp1252")
    data, problems = parse_nominations(raw)
    assert [p.id for p in data.pupils] == ["Zoë", "Daan"]
    assert any("UTF-8" in p for p in problems) and any("puntkomma" in p for p in problems)


def test_dict_round_trip_and_anonymised_export() -> None:
    roster, _ = parse_roster("id,label\nA,Anna de Vries\nB,Bram\n")
    data, _ = parse_nominations("from,to,question\nA,B,zit_graag\n", roster)
    assert class_from_dict(json.loads(json.dumps(class_to_dict(data)))) == data
    export = nominations_csv(data)
    assert "Anna" not in "".join(export.values()) and "L01,L02,zit_graag" in export["nominaties"]


def test_cli_analyse_prints_json_and_warns_in_dutch(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "sociogram",
            "analyse",
            str(EXAMPLE / "nominaties.csv"),
            "--roster",
            str(EXAMPLE / "leerlingen.csv"),
            "--questions",
            str(EXAMPLE / "vragen.csv"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pupils"][0]["status"] == "popular" and data["class"]["isolates"] == ["Haas"]
    bad = tmp_path / "n.csv"
    bad.write_text("from,to,question\nA,A,zit_graag\nA,B,zit_graag\n")
    result = CliRunner().invoke(main, ["sociogram", "analyse", str(bad)])
    assert result.exit_code == 0 and "kiest zichzelf" in result.stderr
    assert "Wederzijdse keuzes: geen" in result.stdout
    missing = CliRunner().invoke(main, ["sociogram", "analyse", str(tmp_path / "nee.csv")])
    assert (
        missing.exit_code == 1 and "Fout:" in missing.stderr and "Traceback" not in missing.output
    )
