"""Seating proposal and before/after comparison on the worked example class."""

from __future__ import annotations

from pathlib import Path

from workbook.seating import compare_measurements, propose_seating, seating_conflicts
from workbook.sociogram import analyse
from workbook.sociogram_io import load_class

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociogram"


def load(noms: str):
    data, _ = load_class(EXAMPLE / noms, EXAMPLE / "leerlingen.csv", EXAMPLE / "vragen.csv")
    return data, analyse(data)


def test_externalising_pupil_sits_next_to_the_strongest_prosocial_pupil_and_no_negative_pairs() -> None:
    data, result = load("nominaties.csv")
    marks = {"Beer": ["externaliserend"], "Aap": ["prosociaal"], "Geit": ["prosociaal"]}
    proposal = propose_seating(data, result, marks)
    desks = proposal["desks"]
    assert sorted(p for d in desks for p in d) == sorted(p.id for p in data.pupils)
    # Aap and Beer: Aap chose Beer negatively, so Beer gets the next prosocial pupil, Geit
    # (Geit also chose Beer negatively) -> then the strongest other pupil without a negative tie.
    beer_desk = next(d for d in desks if "Beer" in d)
    assert "Aap" not in beer_desk and "Geit" not in beer_desk
    assert seating_conflicts(desks, data) == []
    # strength = chosen - rejected: Beer 1-3 = -2 (weakest), then Haas 0-0 = 0 -> the two central desks
    assert "Beer" in desks[0] and "Haas" in desks[1]
    assert any("midden" in n for n in proposal["notes"])


def test_prosocial_pupil_is_chosen_when_there_is_no_negative_tie() -> None:
    data, result = load("nominaties.csv")
    proposal = propose_seating(data, result, {"Haas": ["externaliserend"], "Aap": ["prosociaal"]})
    assert ["Haas", "Aap"] in proposal["desks"]


def test_before_after_comparison_shows_haas_is_now_chosen() -> None:
    _, before = load("nominaties.csv")
    _, after = load("nameting-nominaties.csv")
    diff = compare_measurements(before, after)
    haas = next(r for r in diff["pupils"] if r["id"] == "Haas")
    assert haas["received_positive"] == [0, 2] and haas["isolated"] == [True, False]
    assert diff["class"]["isolates"] == [1, 0]
