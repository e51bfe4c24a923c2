"""Seating proposal and before/after comparison on the worked example class."""

from __future__ import annotations

from pathlib import Path

from workbook.sociogram.analysis import analyse
from workbook.sociogram.io import load_class
from workbook.sociogram.seating import (
    central_count,
    compare_measurements,
    comparison_lines,
    desk_reasons,
    desk_slots,
    fit_seating,
    propose_seating,
    seating_conflicts,
    swap_pupils,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociogram"


def load(noms: str):
    data, _ = load_class(EXAMPLE / noms, EXAMPLE / "leerlingen.csv", EXAMPLE / "vragen.csv")
    return data, analyse(data)


def test_externalising_pupil_sits_next_to_the_strongest_prosocial_pupil_and_no_negative_pairs() -> (
    None
):
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
    # strength = chosen - rejected: Beer 1-3 = -2 (weakest), then Haas 0-0 = 0: the central desks
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


def test_a_pupil_marked_socially_weaker_gets_the_central_desk() -> None:
    data, result = load("nominaties.csv")
    proposal = propose_seating(data, result, {"Eend": ["sociaal zwakker"]})
    assert "Eend" in proposal["desks"][0]
    reasons = desk_reasons(proposal["desks"], data, result, {"Eend": ["sociaal zwakker"]})
    assert "Plek in het midden voor Eend" in reasons[0]


def test_desk_slots_put_the_first_desks_in_the_middle_of_the_room() -> None:
    slots = desk_slots(12)  # 4 columns x 3 rows
    assert len(set(slots)) == 12
    assert slots[0][0] == 1 and slots[0][1] in (1, 2)
    assert desk_slots(4, columns=3)[0] == (0, 1)
    assert desk_slots(0) == []
    assert central_count(4) == 2 and central_count(8) == 1 and central_count(15) == 4


def test_swap_and_fit_keep_every_pupil_seated_once() -> None:
    desks = [["Aap", "Beer"], ["Cavia", "Das"]]
    assert swap_pupils(desks, "Beer", "Das") == [["Aap", "Das"], ["Cavia", "Beer"]]
    assert desks == [["Aap", "Beer"], ["Cavia", "Das"]]  # the original is untouched
    fitted = fit_seating(
        [["Aap", "Beer"], ["Cavia", "Weg"], ["Aap"]], ["Aap", "Beer", "Cavia", "Eend", "Fret"]
    )
    assert fitted == [["Aap", "Beer"], ["Cavia", "Eend"], ["Fret"]]


def test_reasons_explain_each_desk_and_warn_about_a_negative_pair() -> None:
    data, result = load("nominaties.csv")
    marks = {"Beer": ["externaliserend"], "Fret": ["prosociaal"]}
    reasons = desk_reasons(
        [["Beer", "Fret"], ["Aap", "Cavia"], ["Eend", "Das"], ["Geit", "Haas"]], data, result, marks
    )
    assert reasons[0].startswith(
        "Beer laat druk gedrag zien en zit naast Fret, een prosociale klasgenoot"
    )
    assert "Beer en Fret kozen elkaar." in reasons[0]
    assert "Plek in het midden voor Beer" in reasons[0]
    assert reasons[1] == "Aap en Cavia kozen elkaar."
    assert (
        "Let op: Eend en Das" not in reasons[2]
        and reasons[2] == "Geen negatieve keuzes tussen Eend en Das."
    )
    assert reasons[3] == "Geen negatieve keuzes tussen Geit en Haas."
    assert desk_reasons([["Eend", "Aap"]], data, result, {})[0].startswith("Eend koos Aap.")
    conflict = desk_reasons([["Cavia", "Das"]], data, result, {})
    assert conflict[0].startswith("Let op: Cavia en Das kozen elkaar negatief.")


def test_comparison_lines_name_new_pairs_isolates_and_status_changes() -> None:
    _, before = load("nominaties.csv")
    _, after = load("nameting-nominaties.csv")
    lines = comparison_lines(before, after)
    text = "\n".join(lines)
    assert (
        lines[0] == "Wederzijdse keuzes: eerst 6, nu 6. Nieuw: Fret & Haas. Niet meer: Eend & Geit."
    )
    assert "Door niemand gekozen: eerst Haas, nu niemand." in text
    assert "Nu wel gekozen: Haas." in text
    assert "Haas (genegeerd → gemiddeld)" in text
